"""A half of a page's printed order as a place: 'trending list, first half only', 'the bottom half of Courville's
profile', 'in the lower half of the Amii page' (issue 11).

A page numbers its entries, so its halves are runs of places like 'entries 1 to 41' (rag/plan_place_ranges.py): the
first half holds the places up to half the page's size (1–41 of 83), the second the rest, each counted on the entry's
own page. When the question also gives the run by number ('first half only (#1-#41)'), the half says that run again
and asks nothing more: its words are taken and the numbers decide. Read only when a listing is said, never of an
author list ('the first half of the byline') nor of a period ('the first half of 2024': a date, rag/plan_order_words).
"""

from __future__ import annotations

import re
from collections import Counter

from rag import rx
from rag.plan_order_words import listing_said
from rag.plan_terms import Condition, Question
from rag.records import Paper

_HALF = r"\b(?:the\s+)?(?:(?P<top>first|top|upper|front)|(?P<bottom>second|bottom|lower|last|back))[\s-]+half\b" \
        r"(?!\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|each\s+|every\s+|any\s+|an?\s+)?(?:(?:co-?)?authors?|author\s+(?:list|line)|bylines?|names|year|" \
        r"month|(?:19|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))" \
        r"(?:\s+(?:of|on|in|down)\s+(?:the\s+|its\s+|this\s+)?(?:page|list|listing|feed|profile|post))?(?:\s+only)?"


def page_half(q: Question, papers: list[Paper], ranged: list[Condition]) -> list[Condition]:
    """The half said, as a condition (its words taken from `q`); [] with its words taken when a run of places read
    before (`ranged`) says the same place by number; [] untouched when no half of a listing is said."""
    if not rx.search(r"half", q.text, re.I) or not listing_said(q.original):
        return []
    found = list(rx.finditer(_HALF, q.text, re.I))
    if len(found) != 1:
        return []  # 'the first half and the second half': two places, no reader of a union here
    m = found[0]
    q.blank(m.start(), m.end())
    if any(c.field == "position" for c in ranged):
        return []  # 'first half only (#1-#41)': the numbers say the run
    return [_half(papers, top=bool(m["top"]))]


def _half(papers: list[Paper], top: bool) -> Condition:
    sizes = Counter(s.page_name or s.path for p in papers for s in p.sources if s.format != "pdf")

    def holds(p: Paper) -> bool:
        return any(s.format != "pdf" and ((s.position + 1) * 2 <= sizes[s.page_name or s.path]) == top for s in p.sources)

    return Condition("position", "first half" if top else "second half",
                     f"place: the {'first' if top else 'second'} half of its page", holds,
                     known_test=lambda p: any(s.format != "pdf" for s in p.sources))
