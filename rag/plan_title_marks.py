"""A character a title prints, named in the question ('titles with an exclamation mark', 'which titles end in a
question mark', "a '!' in the title", 'titles phrased as a question'), a shape ('question-style titles', 'with a
subtitle', 'open with an acronym', 'one-word titles') and letters inside words ('the letters RL'): split from
rag/plan_titles.py, which reads the words a title holds and asks this module whether a term is a character's name
instead."""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import NUMBER_WORDS, Condition, Question

# A character a title prints, by its name; said where titles are ('titles with an exclamation mark in them').
_NAMED = {r"exclamation(?:\s+(?:marks?|points?|signs?))?|bangs?": "!", r"question[\s-]+marks?|interrogation\s+marks?": "?",
          r"colons?": ":", r"semi-?colons?": ";", r"hyphens?": "-", r"dash(?:es)?": "-–—", r"commas?": ",",
          r"apostrophes?": "'’", r"ampersands?|and[\s-]signs?": "&", r"asterisks?": "*", r"plus\s+signs?": "+",
          r"(?:forward\s+)?slash(?:es)?": "/", r"parenthes[ie]s|(?:round\s+)?brackets?": "()",
          r"quotation\s+marks?|quotes": "'\"‘’“”", r"(?:full\s+stops?|periods?|dots?)": ".", r"digits?|numerals?": "0123456789"}
_NAMED_WORDS = "|".join(f"(?:{words})" for words in _NAMED)  # any of the names, built once
NAMED_AHEAD = re.compile(rf"(?:{_NAMED_WORDS})\b", re.I)  # a term that is a character's name ('a question mark')
_MARK_OF = r"(?:sign|symbol|character|char)s?"
# An example of the mark in use, after its name: '(title: subtitle style)', ", i.e. the 'Name: subtitle' format".
_SHOWN_IN_USE = re.compile(r"\s*\(([^()]{1,80})\)|\s*,?\s*(?:i\.\s?e\.|e\.\s?g\.|like|as\s+in|such\s+as)\s*,?\s*(?:the\s+|an?\s+)?"
                           r"(?:'([^']{1,80})'|\"([^\"]{1,80})\")(?:\s+(?:format|style|form|kind|pattern|shape|type))?", re.I)


# Words a quoted template uses for a title's parts, not for its words: "a 'Name: subtitle' title", "the 'X: Y' format".
_PART_WORDS = set("""name title subtitle sub-title x y z a b something anything acronym abbreviation word words main
description descriptor tagline thing blah foo bar short long part topic phrase catchy system method model tool
rest more text question answer""".split())
_TEMPLATE = r"(?:'([^'\w]*\w[^']{0,40})'|\"([^\"]{1,40})\"|‘([^’]{1,40})’|“([^”]{1,40})”)"
# What a template is called after it: 'style', 'format', 'pattern'.
_TEMPLATE_KIND = r"(?:[\s-]+(?:style|format|form|pattern|shape|type|kind|structure|template|layout))"


def shape_template(text: str) -> str | None:
    """The marks a quoted template prints when its words only name a title's parts ('Name: subtitle' -> ':',
    'X - Y' -> '-', 'Question?' -> '?'); None when a word of it is one a title could print ('Zero: data')."""
    words = rx.findall(r"[^\W\d_]+", text.replace("sub-title", "subtitle"))
    marks = "".join(dict.fromkeys(c for c in rx.sub(r"\s[-–—]\s", " – ", text) if c in ":;?!–—&/"))
    if not words or not marks or any(w.casefold() not in _PART_WORDS for w in words):
        return None
    return marks


def _printing(marks: str) -> re.Pattern:
    """A title printing one of a template's marks; a dash only spaced ('Name – tagline'), as a hyphen joins words."""
    chars = marks.replace("–", "").replace("—", "")
    return rx.compiled("|".join(([f"[{re.escape(chars)}]"] if chars else []) +
                               ([r"\s[-–—]\s"] if len(chars) < len(marks) else [])))


# The verb a mark is said with ('titles containing a colon'), taken with it: what a title holds, not a content verb.
_HOLDING = r"\b(?:contain|includ|carr|print|featur|sport|bear|show)(?:s|es|ies|ing|e|y)?\s+|\bhaving\s+|\busing\s+"


# Said before a mark, that titles must not print it: 'no colon', 'without a dash', 'lacking a colon', "don't have a '?'".
_NOT_HOLDING = re.compile(r"\b(?:no|without(?:\s+any)?|lack(?:s|ing)?|missing|free\s+of|(?:do|does|did)\s*n[o']?t\s+"
                          r"(?:have|contain|include|carry|use|print|feature|show|follow|fit|match)|"
                          r"(?:is|are|was|were)\s*n[o']?t(?:\s+in)?)\s+$", re.I)
# The same said before a verb read with the mark ('that don't contain a colon'): the verb is in the mark's span.
_NOT_VERB = re.compile(r"\b(?:(?:do|does|did)\s*n[o']?t|never)\s+$", re.I)


def _negated_before(q: Question, at: int, verb: bool = False) -> bool:
    """Whether the mark read at `at` is said not to be printed ('titles with no colon'); the words saying so taken.
    `verb`: the mark's span opens with its verb ('containing a colon'), so a bare 'don't' before it negates it."""
    if not (m := _NOT_HOLDING.search(q.text[:at]) or (_NOT_VERB.search(q.text[:at]) if verb else None)):
        return False
    q.blank(m.start(), m.end())
    return True


def title_marks(q: Question) -> list[Condition]:
    """'titles with an exclamation mark', 'which titles end in a question mark', "a '!' in the title", 'titles phrased
    as a question': a condition that the title prints the character (or ends with it). Read only when the question
    speaks of titles, so 'the colon in eq. 3' stays a content question."""
    if not rx.search(r"\b(?:sub-?)?title[sd]?\b", q.folded, re.I):  # said anywhere, taken by a title reader or not
        return []
    found = []
    for m in q.take(rf"(?:\b(end(?:s|ing)?|finish(?:es|ing)?)\s+(?:with|in|on)\s+|{_HOLDING})?(?:\b(?:an?|any|the|one|some)\s+)?"
                    rf"(?:\b({_NAMED_WORDS})(?:\s+{_MARK_OF})?\b|['\"‘“]([^\w\s'\"])['\"’”](?:\s+{_MARK_OF})?|"
                    rf"\b(?:a|any)\s+(numbers?)\b(?!\s+of\b))"
                    rf"(?:\s+(?:in|inside|within)\s+(?:them|it|(?:the|their|its)\s+titles?))?|"
                    rf"\b(?:phrased|posed|worded|written|framed)\s+as\s+(?:an?\s+)?(questions?)\b", 0):
        said = m.group(2) or m.group(4) or m.group(5)
        chars = m.group(3) or ("?" if m.group(5) else "0123456789" if m.group(4) else
                               next(c for words, c in _NAMED.items() if rx.fullmatch(words, said.casefold())))
        name = said or chars
        ends = bool(m.group(1))
        pattern = rx.compiled("[" + re.escape(chars) + "]" + (r"\W*$" if ends else ""))
        # 'a colon (title: subtitle style)', "a colon, i.e. the 'Name: subtitle' format": a bracket or a quoted example
        # right after the mark that prints the mark itself shows it in use, and says nothing more
        if (shown := _SHOWN_IN_USE.match(q.text[m.end():])) and any(c in (shown[1] or shown[2] or shown[3]) for c in chars):
            q.blank(m.end(), m.end() + shown.end())
        if any(c.value.removeprefix("not ") == f"{'ends' if ends else 'has'} {chars}" for c in found):
            continue  # 'phrased as a question (with a question mark)': one condition said twice
        made = Condition("title", f"{'ends' if ends else 'has'} {chars}",
                         f"title: {'ends with' if ends else 'with'} {name.casefold()} ('{chars[0]}')",
                         lambda p, c=pattern: c.search(p.title) is not None)
        found.append(made.negated() if _negated_before(q, m.start(), bool(rx.match(_HOLDING, m[0], re.I))) else made)
    # "the 'Name: subtitle' format", "'X: Y' style titles": a template naming a title's parts shows the mark it prints
    for m in list(rx.finditer(rf"(?:\b(?:follow|fit|match|adopt|take|use)(?:s|es|ing|ting)?\s+)?(?:\b(?:an?|the|any)\s+)?{_TEMPLATE}(?:{_TEMPLATE_KIND}|(?=\s+(?:sub)?titles?\b))", q.text, re.I)):
        chars = shape_template(next(g for g in m.groups() if g))
        if chars is None:
            continue
        q.blank(m.start(), m.end())
        negated = _negated_before(q, m.start(), bool(rx.match(r"\s*(?:follow|fit|match|adopt|take|use)", m[0], re.I)))
        if not any(c.value.removeprefix("not ") == f"has {chars}" for c in found):
            made = Condition("title", f"has {chars}", f"title: with '{chars}' (as in '{m[0].strip()}')",
                             lambda p, c=_printing(chars): c.search(p.title) is not None)
            found.append(made.negated() if negated else made)
    return found + _shapes(q, found)


# A title's shape, said by what it is rather than by a character: 'question titles', 'titles that are questions',
# 'titles with a subtitle', 'titles that start with an acronym'. A subtitle follows a colon, a spaced dash, or a
# question or exclamation mark with more words after it ('Why Open Source? A Game-Theoretic Analysis').
_QUESTION = r"\b(?:question|interrogative)(?:[\s-]+(?:style|form|type|like|shaped))?(?=\s+titles?\b)|" \
            r"\b(?:are|is|were|was)\s+(?:all\s+)?(?:an?\s+)?questions?\b" \
            r"(?=\s*(?:[?.!,;)]|$|\s+(?:on|in|from|and|or)\b))"
_SUBTITLE = re.compile(r":\s|\s[-–—]\s|[?!]\s+\w")
_ACRONYM = r"(?:\b(start|begin|open|lead)(?:s|ing|ed)?\s+(?:off\s+)?with\s+)?\b(?:an?|any|some)\s+(?:acronyms?|" \
           r"abbreviations?|all[\s-]caps\s+words?)\b" \
           r"(?!\s+(?:like|such|for|as|called|named|of)\b|\s*['\"‘“]|(?-i:\s+[A-Z]))"  # not 'an acronym like RL


def _acronym(word: str) -> bool:
    """'LLMs', 'SPECTER', 'RLHF', 'DINO': two capitals or more, no fewer capitals than small letters ('GFlowNets' and
    'TokMem' are names, not acronyms)."""
    upper = sum(c.isupper() for c in word)
    return upper >= 2 and upper >= sum(c.islower() for c in word)


# A title's length said as an adjective: 'one-word titles', 'the two-word titles' (comparisons, 'titles of more than
# ten words', are rag/plan_numbers.py's). Words are counted as the title_length sort counts them, at spaces.
_N_WORD = r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")[\s-]words?\s+(?=titles?\b)"


def _shapes(q: Question, found: list[Condition]) -> list[Condition]:
    shapes = [Condition("title", f"words = {k}", f"title: {k} word{'s' if k != 1 else ''}",
                        lambda p, k=k: len(p.title.split()) == k)
              for k in (int(m[1]) if m[1].isdigit() else NUMBER_WORDS[m[1].casefold()] for m in q.take(_N_WORD))]
    if q.take(_QUESTION) and not any(c.value == "has ?" for c in found):
        shapes.append(Condition("title", "has ?", "title: a question ('?')", lambda p: "?" in p.title))
    # 'with a subtitle', 'titles that have subtitles' — not 'the subtitle of X', which asks for its words
    if q.take(r"\b(?:with|ha(?:ve|s|ving)|carr(?:y|ies|ying)|bear(?:s|ing)?|contain(?:s|ing)?|includ(?:e|es|ing)|"
              r"w/)\s+(?:an?\s+|any\s+)?sub-?titles?\b|\bsub-?titled\b"):
        shapes.append(Condition("title", "subtitle", "title: with a subtitle (after ':', a dash, '?' or '!')",
                                lambda p: _SUBTITLE.search(p.title) is not None))
    for m in q.take(_ACRONYM):
        first = 1 if m[1] else None  # 'start with an acronym': the first word only
        shapes.append(Condition("title", f"{'starts' if first else 'has'} acronym",
                                f"title: {'starting with' if first else 'with'} an acronym",
                                lambda p, n=first: any(map(_acronym, rx.findall(r"[^\W_]+", p.title)[:n]))))
    return shapes


def letters(terms: list[str], where: str, negated: bool) -> Condition:
    """'the letters RL', 'the string GPT' (rag/plan_titles.py reads the terms): titles printing the letters anywhere,
    inside words too ('RLHF', 'MapGPT'); matched in their case when the term has two capitals or more ('RL' is not
    the 'rl' of 'world'), else case-blind."""
    cased = [(t, sum(c.isupper() for c in t) >= 2) for t in terms]

    def test(title: str) -> bool:
        for term, keep in cased:
            text, term = (title, term) if keep else (title.casefold(), term.casefold())
            if text.startswith(term) if where == "starts" else text.endswith(term) if where == "ends" else term in text:
                return True
        return False

    how = {"has": "with", "starts": "starting with", "ends": "ending with"}[where]
    made = Condition("title", f"{where} letters {' | '.join(terms)}",
                     f"title: {how} the letters {' or '.join(repr(t) for t in terms)}", lambda p: test(p.title))
    return made.negated() if negated else made
