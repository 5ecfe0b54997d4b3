"""The middle of a page's printed order as a place ('the entry right in the middle of the trending page', 'halfway down
Courville's list'), and the words a question says a place again with: 'what's the one right in the middle, i.e. #42?',
'the 25th entry — exactly halfway down the 50?', 'the trending page has 83 papers - what's #42?'.

A page's entries are numbered by the page itself, so its middle is a place like any other: the middle entry of a page
of n entries (both middle ones when n is even), counted on each entry's own page. When the question also names the
place by its number, the middle (and the page's size said beside it) restates that place and asks nothing more: the
words are taken and the number decides (rag/plan_order.py reads it).
"""

from __future__ import annotations

import re
from collections import Counter

from rag import rx
from rag.plan_order_words import CUES, listing_said
from rag.plan_terms import Condition, Question
from rag.records import Paper

_LISTING = r"(?:list(?:ing)?|page|feed|profile|post)"
# 'right in the middle', 'exactly halfway down the 50', 'midway through the list', 'at the very centre of the page'
_MIDDLE = rf"(?:\b(?:sits?|sitting|stands?|standing|lands?|falls?|comes?|appears?|placed|listed|printed)\s+)?(?:\b(?:right|exactly|smack|dead|just|bang)\s+)?(?:\b(?:in|at)\s+the\s+(?:very\s+|exact\s+)?(?:middle|centre|center)\b|" \
          rf"\bhalf[\s-]?way(?:\s+(?:down|through|along|into))?\b|\bmid[\s-]?way(?:\s+(?:down|through|along))?\b)" \
          rf"(?:\s+(?:of|down|through|on|along)?\s*(?:the\s+|its\s+|that\s+)?(?:(?:\d{{1,3}}|{_LISTING})\b|" \
          rf"(?=\S+(?:'s)?\s+{_LISTING}\b)))?"
# 'the middle entry', 'the middle one of the trending page': the middle said as an adjective of the entry
_MIDDLE_ENTRY = r"\b(?:the\s+)?(?:very\s+)?(?:middle|central|centre|center|median)(?=\s+(?:one|entry|paper|item|title|spot|place)\b)"
# A middle of an author list, not of a page: 'in the middle of the author list', 'midway through the byline'
_BYLINE = r".{0,60}?\b(?:authors?|co-?authors?|bylines?|names)\b"
# ... or people said to sit there: 'papers where the only starred authors sit in the middle (first and last unstarred)'
_PEOPLE_BEFORE = r"\b(?:authors?|co-?authors?|names|people|persons)\b[^.;:?!()]{0,40}$"
# The place said by its number: 'the 42nd', '#42', 'number 42', 'no. 42'
_NUMBERED = r"\b\d{1,3}(?:st|nd|rd|th)\b|#\s*\d{1,3}\b|\b(?:number|no\.)\s*\d{1,3}\b"
_RESTATED = r"\b(?:i\.?\s?e\.?|that\s+is|in\s+other\s+words|namely)(?=[\s,])\s*,?"
# The page's size said as context before or beside the place: 'the trending page has 83 papers -', '(of 50)'
_SIZE = r"\b(?:has|have|had|lists?|shows?|holds?|carries|with)\s+\d{1,3}\s+(?:papers|entries|items|titles|preprints|posts)\b" \
        r"(?=\s*(?:[-–—,;:]|$))|\(\s*(?:of|out\s+of)\s+\d{1,3}\s*\)"


def place_gloss(q: Question, papers: list[Paper]) -> list[Condition]:
    """The middle of a page as a condition (its words taken from `q`), or [] with a restated place's words taken when
    the question also names the place by number; [] untouched when no middle is said or no listing is."""
    if not rx.search(r"middle|half|mid|centre|center|median", q.text, re.I) or not listing_said(q.original):
        return []
    said = list(rx.finditer(_MIDDLE, q.text, re.I)) or list(rx.finditer(_MIDDLE_ENTRY, q.text, re.I))
    if not said:
        return []
    said = [m for m in said if not rx.match(_BYLINE, q.text[m.start():])
            and not rx.search(_PEOPLE_BEFORE, q.text[:m.start()], re.I)]
    if not said:
        return []  # 'Amii people only in the middle of the author list': a place in a byline (rag/plan_marked.py)
    for m in said:
        q.blank(m.start(), m.end())
    for cue in CUES:  # 'counting from the top', 'in the order shown': the page's order, said again
        q.take(cue)
    q.take(_SIZE)
    if rx.search(_NUMBERED, q.text, re.I):
        q.take(_RESTATED)  # 'the one right in the middle, i.e. #42': the number says the place
        return []
    return [_middle(papers)]


def _middle(papers: list[Paper]) -> Condition:
    """The middle entry of each listing page (both middle ones on a page of an even number of entries)."""
    sizes = Counter(s.page_name or s.path for p in papers for s in p.sources if s.format != "pdf")

    def middles(n: int) -> set[int]:
        return {(n + 1) // 2} if n % 2 else {n // 2, n // 2 + 1}

    return Condition("position", "middle", "place: the middle of its page",
                     lambda p: any(s.format != "pdf" and s.position + 1 in middles(sizes[s.page_name or s.path])
                                   for s in p.sources),
                     known_test=lambda p: any(s.format != "pdf" for s in p.sources))
