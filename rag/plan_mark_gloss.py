"""Words that join or restate a byline's conditions and ask nothing of their own (issue 11).

- A concessive joins two conditions the way 'and' does: 'a non-Amii last author even though somebody on the byline is
  starred', 'a non-starred first author that nevertheless has a starred author'. Read before the titles, which would
  take a lone 'nevertheless' as a paper's description.
- A gloss says a condition again in the byline's marks: 'at Facebook AI (no symbol next to the name)', '(i.e. no
  dagger or double-dagger mark)', 'the unmarked ones, i.e. without an asterisk'. On a PDF whose legend is an
  organisation printed without a mark, being unmarked IS being at that organisation; the condition the question
  names elsewhere decides the answer, and the gloss is taken whole (a bracket only, or after 'i.e.').
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question

# The concessive connectives: an operator between clauses, like 'but'.
_CONCESSIVE = r"\b(?:even\s+though|even\s+so|although|though|whereas|nevertheless|nonetheless|regardless)\b|" \
              r",?\s*\b(?:while|yet)\b(?=\s+(?:somebody|someone|some|one|an?|the|its|their|at\s+least|" \
              r"nobody|no\s+one|none|every|all)\b)"  # a byline's people after it ('however it's spelled' is not one)

# The byline's marks by their names: a dagger, a star, a superscript — printed symbols, never a topic.
_MARK = r"(?:double[- ]?daggers?|daggers?|asterisks?|stars?|symbols?|marks?|superscripts?|(?:footnote|affiliation)\s+marks?|" \
        r"[†‡*∗§¶])"
_MARKS = rf"{_MARK}(?:\s*(?:/|,|or|and|nor)\s*{_MARK})*"
_NEXT_TO = r"(?:\s+(?:next\s+to|beside|after|by|on|against)\s+(?:the|their|its|his|her|a)\s+names?)?"
_UNMARKED = rf"(?:no|without(?:\s+an?|\s+any)?|not\s+(?:carrying|bearing|having)\s+(?:an?|any)|lacking(?:\s+an?)?)\s+{_MARKS}" \
            rf"{_NEXT_TO}|(?:unmarked|unstarred|with\s+nothing{_NEXT_TO})"
_LEAD = r"(?:i\.?\s*e\.?,?|that\s+is,?|meaning|so|namely)\s+"
GLOSS = rf"\(\s*(?:{_LEAD})?(?:the\s+ones?\s+|those\s+|authors?\s+)?(?:with\s+)?(?:{_UNMARKED})\s*\)|" \
        rf",?\s*\b{_LEAD}(?:the\s+ones?\s+|those\s+|authors?\s+)?(?:with\s+)?(?:{_UNMARKED})\b"


def concessive(q: Question) -> None:
    """Read 'even though', 'nevertheless', 'while somebody …' as 'and' (padded to the same length, so that the spans
    read later keep their places): a byline clause said by ellipsis after it ('… while the first one isn't') still
    has its joint (rag/plan_byline._elided)."""
    for m in reversed(list(rx.finditer(_CONCESSIVE, q.text, re.I))):
        q.text = q.text[:m.start()] + " and".ljust(m.end() - m.start()) + q.text[m.end():]


# A bracket naming the mark right after the word that said it: 'an Amii-marked (asterisk) first author', 'starred (*)
# authors', 'Amii-affiliated (the star) people': the symbol said again, so the place after it reads as if it were absent.
SYMBOL_AGAIN = rf"(?:(?<=marked)|(?<=starred)|(?<=flagged)|(?<=affiliated)|(?<=asterisked))\s*\(\s*(?:i\.?\s*e\.?,?\s*|with\s+)?(?:an?\s+|the\s+)?" \
               rf"{_MARKS}\s*\)"


def mark_gloss(q: Question) -> None:
    """Take a bracket or an 'i.e.' that only says the authors carry no mark: '(no symbol next to the name)'; and a
    bracket that names the mark again after the word that said it: 'Amii-marked (asterisk)'."""
    q.take(GLOSS)
    q.take(SYMBOL_AGAIN)


# A place of the byline: 'the second author', 'the last (2nd) name', 'what number author', 'which position'.
_ORD = r"(?:first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|final|penultimate|second[- ]to[- ]last)"
_AUTHOR = r"(?:co-?)?(?:authors?|names?)"
_PLACE_ASKED = rf"\b{_ORD}\s*(?:\([^)]*\)\s*)?{_AUTHOR}\b|\b(?:what|which)\s+(?:number|position|place|spot|rank)\b|" \
               rf"\bnumber\s+(?:of\s+)?{_AUTHOR}\b|\bwhere\s+in\s+the\s+(?:byline|author\s+list)\b"
# A bracket saying the place again: 'the second (last) author', 'the last (i.e. 2nd) name'.
_PLACE_AGAIN = rf"\b{_ORD}\s*(\(\s*(?:i\.?\s*e\.?,?\s*|also\s+|and\s+|=\s*)?(?:the\s+)?{_ORD}(?:\s+one)?\s*\))(?=\s*{_AUTHOR}\b)"
_PRONOUN = r"\b(?:is|was|are|were|does|did|has)\s+(he|she|they)\b|\b(he|she|they)(?:'s|\s+(?:is|was|are|were|does|did|has))\b"


def place_said_again(q: Question) -> None:
    """Take a bracket that says a byline place again ('who's the second (last) author') and a pronoun that stands for
    the person in the place asked ('… and is he Amii-affiliated?', 'what number author is he?'): the place is asked
    once, and the mark or place asked of 'he' is asked of that person."""
    for m in list(rx.finditer(_PLACE_AGAIN, q.text, re.I)):
        q.blank(m.start(1), m.end(1))
    place = rx.search(_PLACE_ASKED, q.text, re.I)
    if place is None:
        return
    for m in rx.finditer(_PRONOUN, q.text, re.I):
        group = 1 if m[1] else 2
        if m.start(group) >= place.end():  # said after the place it stands for: 'is he first author' asks a place of him
            q.blank(m.start(group), m.end(group))
