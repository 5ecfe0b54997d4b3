"""A title's wording as a condition: a quoted template with a placeholder ("'X is all you need' titles", "titles of
the form 'Towards X'") or a quoted phrase a title holds ("titles containing 'diffusion'"). Only a quoted span counts:
unquoted words in a question are its topic, and a topic is retrieval's, not a title filter."""

from __future__ import annotations

import re

from rag.plan_terms import Condition, Question

_QUOTE = r"(?:'([^']{2,80})'|\"([^\"]{2,80})\"|‘([^’]{2,80})’|“([^”]{2,80})”)"
_PLACEHOLDER = re.compile(r"(?<![\w'])(?:[XYZ]|\.\.\.|…|_{2,}|\*|something|blank)(?![\w'])")
# A quoted phrase is a title's wording only when the question says so around it ('titles containing', "'…' titles").
_TITLE_CONTAINS = rf"\btitles?\s+(?:that\s+)?(?:(?:are|is)\s+)?(?:contain(?:s|ing)?|includ(?:e|es|ing)|with|mention(?:s|ing)?|follow(?:s|ing)?|" \
                  rf"(?:that\s+)?(?:say|says|saying)|(?:of\s+the\s+)?form|like|match(?:es|ing)?)\s+(?:the\s+(?:word|phrase|" \
                  rf"pattern|template)s?\s+)?{_QUOTE}"
_TITLES_AFTER = rf"\b(?:are|is)?\s*(?:an?\s+)?{_QUOTE}(?:[- ](?:style|type|like))?\s+titles?\b"


def title_wording(q: Question) -> list[Condition]:
    """The conditions a quoted title wording names, its words blanked; [] when nothing quoted is said of titles."""
    found = []
    for pattern in (_TITLE_CONTAINS, _TITLES_AFTER):
        for m in q.take(pattern):
            text = next(g for g in m.groups() if g)
            parts = _PLACEHOLDER.split(text)
            regex = r".+?".join(re.escape(p.strip()) for p in parts)
            if not re.search(r"\w", regex):
                continue
            compiled = re.compile(regex.replace(r"\ ", r"\s+"), re.I)
            found.append(Condition("title", text, f"title: like '{text}'",
                                   lambda p, c=compiled: c.search(p.title) is not None))
    return found


_SAID = r"\b(?:(?:whose|the|its|their|with\s+(?:a|the))\s+)?titles?\s+(?:that\s+)?(?:says?|saying|contains?|containing|" \
        r"includes?|including|mentions?|mentioning|has|having|reads?|uses?|using|with|print(?:s|ing)?)\s+(?:the\s+(?:words?|phrases?|" \
        r"terms?)\s+)?(?P<terms>[^,;:?!()'\"]+?)(?=\s*[,;:?!()]|\s+(?:was|were|is|are|that|which|posted|published)\b|\s*$)"
_IN_TITLE = r"\b(?:with|having|that\s+(?:have|has|carry)|has|have)\s+(?:the\s+(?:words?|phrases?|terms?)\s+)?" \
            r"['\"]?(?P<terms>[^,;:?!()'\"]+?)['\"]?\s+in\s+(?:the|its|their)\s+titles?\b"


def title_words(q: Question, titles: list[str]) -> list[Condition]:
    """Unquoted words a question says a title holds: 'title says GFlowNets or Flow Networks', 'with Transformer in
    the title'. Each term (split on 'or') must be printed in some title of the catalog, else nothing is taken. The
    same word said again elsewhere in the question ('which GFlowNet paper (title says GFlowNets)') restates the
    condition and is cut too."""
    found = []
    for pattern in (_SAID, _IN_TITLE):
        for m in list(re.finditer(pattern, q.text, re.I)):
            terms = [t.strip() for t in re.split(r"\s+or\s+|\s*/\s*|\s*,\s*", m["terms"]) if t.strip()]
            tests = [_printed_in(t, titles) for t in terms]
            if not terms or any(t is None for t in tests):
                continue
            q.blank(m.start(), m.end())
            for term in terms:  # the condition said again: 'which GFlowNet paper'
                q.take(rf"(?<![\w-]){re.escape(term.rstrip('s'))}s?(?![\w-])")
            compiled = [t for t in tests if t is not None]
            found.append(Condition("title", " | ".join(terms), f"title: with {' or '.join(terms)}",
                                   lambda p, cs=compiled: any(c.search(p.title) for c in cs)))
    return found + title_marks(q)


# A character a title prints, by its name; said where titles are ('titles with an exclamation mark in them').
_NAMED = {r"exclamation(?:\s+(?:marks?|points?|signs?))?|bangs?": "!", r"question[\s-]+marks?|interrogation\s+marks?": "?",
          r"colons?": ":", r"semi-?colons?": ";", r"hyphens?": "-", r"dash(?:es)?": "-–—", r"commas?": ",",
          r"apostrophes?": "'’", r"ampersands?|and[\s-]signs?": "&", r"asterisks?": "*", r"plus\s+signs?": "+",
          r"(?:forward\s+)?slash(?:es)?": "/", r"parenthes[ie]s|(?:round\s+)?brackets?": "()",
          r"quotation\s+marks?|quotes": "'\"‘’“”", r"(?:full\s+stops?|periods?|dots?)": ".", r"digits?|numerals?": "0123456789"}
_MARK_OF = r"(?:sign|symbol|character|char)s?"


def title_marks(q: Question) -> list[Condition]:
    """'titles with an exclamation mark', 'which titles end in a question mark', "a '!' in the title", 'titles phrased
    as a question': a condition that the title prints the character (or ends with it). Read only when the question
    speaks of titles, so 'the colon in eq. 3' stays a content question."""
    if not re.search(r"\btitle[sd]?\b", q.text, re.I):
        return []
    found = []
    named = "|".join(f"(?:{words})" for words in _NAMED)
    for m in q.take(rf"(?:\b(end(?:s|ing)?|finish(?:es|ing)?)\s+(?:with|in|on)\s+)?(?:\b(?:an?|any|the|one|some)\s+)?"
                    rf"(?:\b({named})(?:\s+{_MARK_OF})?\b|['\"‘“]([^\w\s'\"])['\"’”](?:\s+{_MARK_OF})?|"
                    rf"\b(?:a|any)\s+(numbers?)\b(?!\s+of\b))"
                    rf"(?:\s+(?:in|inside|within)\s+(?:them|it|(?:the|their|its)\s+titles?))?|"
                    rf"\b(?:phrased|posed|worded|written|framed)\s+as\s+(?:an?\s+)?(questions?)\b", 0):
        said = m.group(2) or m.group(4) or m.group(5)
        chars = m.group(3) or ("?" if m.group(5) else "0123456789" if m.group(4) else
                               next(c for words, c in _NAMED.items() if re.fullmatch(words, said.casefold())))
        name = said or chars
        ends = bool(m.group(1))
        pattern = re.compile("[" + re.escape(chars) + "]" + (r"\W*$" if ends else ""))
        if any(c.value == f"{'ends' if ends else 'has'} {chars}" for c in found):
            continue  # 'phrased as a question (with a question mark)': one condition said twice
        found.append(Condition("title", f"{'ends' if ends else 'has'} {chars}",
                               f"title: {'ends with' if ends else 'with'} {name.casefold()} ('{chars[0]}')",
                               lambda p, c=pattern: c.search(p.title) is not None))
    return found


# Marks a title may print, by their names ('titles with a colon'); digits as 'a number'.
_MARKS = {"colon": ":", "question mark": r"\?", "hyphen": "-", "dash": "[-–—]", "exclamation mark": "!", "comma": ",",
          "number": r"\d", "digit": r"\d", "ampersand": "&", "asterisk": r"\*", "apostrophe": "'"}


def _printed_in(term: str, titles: list[str]) -> re.Pattern | None:
    """The term as a pattern over titles (a plural 's' either way), when some title prints it."""
    mark = re.sub(r"^(?:an?|the|any)\s+", "", term.casefold())
    if mark.rstrip("s") in _MARKS or mark in _MARKS:
        compiled = re.compile(_MARKS.get(mark) or _MARKS[mark.rstrip("s")])
        return compiled if any(compiled.search(t) for t in titles) else None
    words = term.split()
    if not words or len(words) > 4:
        return None
    words[-1] = words[-1].rstrip("s")
    compiled = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"s?(?![\w-])", re.I)
    return compiled if any(compiled.search(t) for t in titles) else None
