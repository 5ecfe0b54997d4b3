"""A title's wording as a condition: what a title holds, starts or ends with, read from the question.

- a quoted template with a placeholder ("'X is all you need' titles", "titles of the form 'Towards X'"): a pattern;
- a word or phrase, quoted or not, that titles are said to hold ('titles that mention imitation', 'with agent/agents
  in the title', "spell out 'reinforcement learning' in full", 'state space model papers (by title)') or to start or
  end with ('titles starting with the article A'): words of the title (rag/plan_title_text.py), compounds split,
  plurals folded, any derived form when asked 'in some form';
- said with a place between 'titles' and the verb, left to its own reader ('titles on the trending page that carry
  X'), with the term as the subject ("in which titles does 'memory' appear"), with a noun and no verb ("(the word
  'continual' in the title)", one condition with the phrase it restates), 'X rather than Y' (not Y; 'rather than
  just Y' only contrasts), or 'titles about X';
- a topic before 'titles' or with 'by title' (rag/plan_title_topics.py), a character or a shape a title prints
  ('titles with an exclamation mark', 'question-style titles', 'with a subtitle': rag/plan_title_marks.py).
An unquoted word is taken only when some title prints it: otherwise it is the question's topic, which is retrieval's.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Condition, Question
from rag.plan_title_marks import letters, shape_template, title_marks
from rag.plan_title_terms import NOUN, TITLE, terms_said
from rag.plan_title_text import TitleText
from rag.plan_title_topics import by_title, condition as _condition, restated as _restated

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
        for m in list(rx.finditer(pattern, q.text, re.I)):
            text = next(g for g in m.groups() if g)
            if shape_template(text):
                continue  # "a 'Name: subtitle' style title": the colon it shows (title_marks), not words
            parts = _PLACEHOLDER.split(text)
            regex = r".+?".join(re.escape(p.strip()) for p in parts)
            if not rx.search(r"\w", regex):
                continue
            if len(parts) == 1:  # no placeholder: a phrase the title holds, read as words (TitleText)
                if pattern == _TITLE_CONTAINS and not rx.search(r"\b(?:follow|form|like|match)", m[0], re.I):
                    continue
                test = TitleText.of([text])
                q.blank(m.start(), m.end())
                found.append(_condition(test, [text], False))
                continue
            q.blank(m.start(), m.end())
            compiled = rx.compiled(regex.replace(r"\ ", r"\s+"), re.I)
            found.append(Condition("title", text, f"title: like '{text}'",
                                   lambda p, c=compiled: c.search(p.title) is not None))
    return found


# What a title is said to hold, and where. The verbs a question uses for a title's words ('titles that mention',
# 'spell out', 'talk about', 'use the abbreviation'), for its start and for its end.
_HAS = r"call(?:s|ed|ing)?\s+(?:themselves|itself)(?:\s+an?)?|contain(?:s|ed|ing)?|includ(?:e|es|ed|ing)|incl\.?|w/|mention(?:s|ed|ing)?|say(?:s|ing)?|said|use[sd]?|using|read(?:s|ing)?|" \
       r"ha(?:ve|s|ving)|carr(?:y|ies|ying)|featur(?:e|es|ed|ing)|print(?:s|ed|ing)?|with|talk(?:s|ed|ing)?\s+about|" \
       r"refer(?:s|red|ring)?\s+to|spell(?:s|ed|ing)?\s+out|spelt\s+out|spell(?:s|ed|ing)?|spelt|(?:writ(?:e|es|ing|ten)|wrote)\s+out|" \
       r"writ(?:e|es|ing)|bear(?:s|ing)?|show(?:s|ed|ing)?|referenc(?:e|es|ed|ing)|cit(?:e|es|ed|ing)|invok(?:e|es|ed|ing)|" \
       r"nam(?:e|es|ed|ing)|ma(?:ke|kes|de|king)\s+(?:a\s+)?(?:reference|mention)s?\s+(?:to|of)|without"
_STARTS = r"(?:start|begin|open|lead)(?:s|ed|ing)?(?:\s+off)?\s+(?:with|w/)|began\s+with|begun\s+with"
_ENDS = r"(?:end|finish|close)(?:s|ed|ing)?\s+(?:with|in|on)"
_NOT = r"(?:(?:do|does|did)\s*n[o']?t\s+|never\s+|not\s+)"


def title_words(q: Question, titles: list[str]) -> list[Condition]:
    """Words a question says a title holds, starts or ends with: 'titles that mention imitation (learning)', 'with
    agent/agents in the title', 'titles starting with the article A', "spell out 'reinforcement learning' in full",
    "'efficient' in some form", 'state space model papers (by title)'. Quoted terms are taken as said; an unquoted
    term must be printed in some title of the catalog (else nothing is taken, and the question stays a topic). The
    terms said again elsewhere in the question ('the robotics papers — titles saying robot or robotic') restate the
    condition and are cut too. Conditions compose with the rest of the question (count, list, sort, other fields)."""
    if not rx.search(r"title|\bpapers?\s+(?:whose\s+)?names?\b|\bentries\s+whose\s+names?\b", q.text, re.I):
        return []  # every reading needs titles said (most questions: one search)
    found = []
    for pattern, in_title in _READERS:
        for m in list(rx.finditer(pattern, q.text, re.I)):
            if _taken_inside(q, m):
                continue  # part of it already taken
            verb = m["verb"].casefold()
            where = "starts" if rx.search(r"start|begin|began|begun|open|lead|first", verb) else \
                "ends" if rx.search(r"\b(?:end|finish|clos|last|final)", verb) else "has"
            if where != "has" and not rx.search(r"\btitle", q.text[max(0, m.start() - 60):m.end() + 60], re.I):
                continue  # 'the first word' of something else
            # 'titles about continual learning': a topic said unquoted, read as 'continual-learning titles' is
            # (rag/plan_title_topics.titled): its words in order, one word allowed between
            topic = verb == "about" and not rx.match(r"\s*(?:the\s+)?['\"‘“]", q.text[m.end():])
            read = terms_said(q.text, m.end(), titles, in_title, where != "has")
            if read is None:
                continue
            groups, end, forms, joined = read
            if at := rx.match(r"\s+(?:as|is|being)\s+(?:its|their|the|a)\s+(?:(first|opening)|last|final|closing)\s+"
                              r"words?\b", q.text[end:], re.I):  # "has 'Learning' as its first word"
                where, end = "starts" if at[1] else "ends", end + at.end()
            place = m.span("place") if m.groupdict().get("place") else (m.end(), m.end())
            q.blank(m.start(), place[0])  # the place is left for its own reader ('on the trending page')
            q.blank(place[1], end)
            # 'the letters RL', 'the string GPT': inside words too ('RLHF', 'MapGPT'), not whole words
            inside = rx.search(r"\b(?:sub)?strings?\b|\bletters?\b|\bcharacters?\b", q.folded[m.start():end], re.I)
            for i, (terms, negated) in enumerate(groups):  # 'both A and B', 'A but not B', 'neither A nor B'
                test = TitleText.of(terms, where, forms, joined, spread=topic)
                negated = negated != (i == 0 and (bool(m["neg"]) or verb == "without"))
                found.append(letters(terms, where, negated) if inside else _condition(test, terms, negated))
                _restated(q, test, titles)
    found += by_title(q, titles)
    if found:  # 'titles anywhere in my sources are about X': where the titles are, when a reader took the terms before it
        q.take(r"\b(?:anywhere\s+|everywhere\s+)?(?:in|across|throughout|from)\s+(?:all\s+(?:of\s+)?)?(?:my|our)\s+"
               r"(?:\w+\s+)?sources\b")
    found += title_marks(q)
    if found:  # 'the policy gradient papers, i.e. titles that say gradient': the marker that joins the restatement
        q.take(r"(?<!\w)(?:i\.\s?e\.|e\.\s?g\.|viz\.)(?!\w)|\bnamely\b")
    return found


def _taken_inside(q: Question, m: re.Match) -> bool:
    """Whether a reading runs over words another reader took: at its ends, or in its words. Spaces of a span taken
    between two of its words are read as spaces ('titles across all my sources mention X' once the scope is taken,
    'the last title (furthest down) that mentions X' once the bracket is), but never at an end or inside a word."""
    text, folded = q.text[m.start():m.end()], q.folded[m.start():m.end()]
    if text == folded:
        return False
    inner = text.strip()
    if not inner or text[:len(text) - len(text.lstrip())] != folded[:len(text) - len(text.lstrip())] or \
            text[len(text.rstrip()):] != folded[len(text.rstrip()):]:
        return True
    # each run of taken characters must be whole words, with a space of the reading before and after them
    return any((gap := folded[r.start():r.end()]).strip() and not (gap[0].isspace() and gap[-1].isspace())
               for r in rx.finditer(r"\s+", text))


# Where the titles are, said between 'titles' and the verb: 'titles anywhere in the library that mention X'.
_WHOLE = r"(?:\s+(?:anywhere\s+|somewhere\s+)?(?:in|of|on|across|throughout)\s+(?:the\s+|my\s+|our\s+|this\s+)?" \
         r"(?:whole\s+|entire\s+)?(?:library|collection|catalog(?:ue)?|corpus|database|sources))"
# Where the titles are, left for the other readers: 'titles on the trending page that mention X', 'titles in my PDFs'.
# An aside after the place is the place's too ('titles on Amii's page (workshop paper too) that say X', 'on the Amii page,
# workshop paper included, contain X'): read by the scope's readers, as the place is.
_PLACE = r"(?P<place>\s+(?:on|in|from|of|across|among|within|under|by|at)\s+(?:[^,;:?!()'\"]|'s\b){1,40}?" \
         r"(?:\s*\([^()]{1,50}\)|\s*,[^,;:?!()]{1,50},)?)"
# Going down a page, the title the reader comes to: 'the first title you hit that mentions X' (rag/plan_order.py).
_MEET = r"\s+(?:that\s+)?(?:you|one|i|we)(?:'d|'ll|\s+would|\s+will)?\s+(?:hit|reach|meet|see|spot|find|encounter|" \
        r"get\s+to|come\s+(?:across|to|upon)|run\s+(?:into|across))"
_READERS = [
    # 'titles that mention X', 'whose title starts with X', 'title in the library that begins with the word X'
    (rf"(?:\b(?:going|judging|judged|based)\s+(?:by|on)\s+)?\b{TITLE}(?:{_WHOLE}|{_PLACE})?(?:{_MEET})?(?:\s+(?:that|which))?"
     rf"(?:\s+(?:all|also|actually|both|literally|explicitly|really|even|specifically|directly|ever))?"
     rf"\s+(?P<neg>{_NOT})?"
     rf"(?P<verb>{_STARTS}|{_ENDS}|{_HAS}|(?:are|is)\s+(?:starting|beginning|opening|ending|finishing)\s+(?:with|in)|"
     rf"where|in\s+which|abbreviat(?:e|es|ed|ing)\s+(?:[^\s,;?]+\s+){{1,4}}?as)\s+(?:{NOUN})?", False),
    # 'titles on the amii page longer than ten words and mentioning X': a second verb of the titles after 'and' or
    # 'but'; what is said between them is left to its own readers, as a place is
    # ('the papers with X in the title and using Y': the papers, not the titles, are the verb's subject)
    (rf"(?<!\bin\s)(?<!\bin\sthe\s)(?<!\bin\stheir\s)(?<!\bin\sits\s)(?<!\bof\s)(?<!\bof\sthe\s)(?<![\w'-])"
     rf"{TITLE}\b(?P<place>(?:[^.?;:()'\"]|'s\b){{1,80}}?)\s(?:and|but)\s+(?:also\s+)?(?P<neg>{_NOT})?(?P<verb>{_HAS})\s+"
     rf"(?:{NOUN})?", False),
    # "titles whose first word is 'Learning'", "a title's last word being X"
    (rf"\b(?:{TITLE}(?:'s)?\s+)?(?:whose\s+|with\s+(?:the|a|an)\s+|the\s+)?(?P<verb>first|opening|last|final|closing)\s+"
     rf"words?(?:\s+of\s+{TITLE})?\s+(?P<neg>is\s+not|isn't)?(?:is|being|was|reads|=)?\s*", False),
    # 'with X in the title', 'use the abbreviation X in their title', "spelled out in its title"; 'anything about X in
    # the titles': what is about X is said of the titles by 'in the title' after the terms
    (rf"\b(?:that\s+)?(?P<neg>{_NOT})?(?P<verb>{_HAS}|about)\s+(?:{NOUN})?", True),
    # "(the word 'continual' in the title)", "the term X appears in which titles", "any 'memory' in the titles"
    (rf"(?<![\w'])(?P<neg>(?!))?(?P<verb>)(?:{NOUN}|(?=['\"]))", True),
    # 'diverse in the title?', '(grounded/grounding in title)', 'games in titles - ...': the terms open the question or
    # a clause (after a bracket, colon, dash or question mark), with no verb or noun before them; 'in the title' after
    # them is required (in_title), and an unquoted term must be printed in some title, as for every reader
    (r"(?:^|(?<=[(:;?,—–])|(?<=\s-))\s*(?P<neg>(?!))?(?P<verb>)(?=['\"‘“]?[^\W\d_])", True),
    # 'titles about reasoning': last, so that a restatement read above ("about continual learning (the word
    # 'continual' in the title)") has cut its topic already; an unquoted topic must be printed in some title
    (rf"\b{TITLE}(?:{_WHOLE}|{_PLACE})?(?:\s+(?:that|which)(?:'s|'re)?)?\s+(?:(?:are|is|were|was)\s+)?(?:all\s+)?(?P<neg>)"
     rf"(?P<verb>about)\s+", False),
]
