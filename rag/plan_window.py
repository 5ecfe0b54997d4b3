"""A window of a page's entries, then a condition asked within it (issue 11): 'the last five on the trending page:
any with a project page?', 'which of the top ten trending papers give a github link?', 'Amii page, last 3 entries —
how many have a starred first author?'.

'The last five' said on its own clause (or after 'which / any / how many of') is the set asked about: the condition is
tested on those five entries. Read as the page's order instead, it had answered 'the last five of the entries WITH a
project page' (a sort's limit over the condition). A window said with the condition in one phrase ('the first three
Mila papers') keeps that reading (rag/plan_order_words.window_said); a window with no condition after it ('the last
five on the trending page: their first authors?') is rag/plan_order.py's list of places.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_order import listing_entries
from rag.plan_listing import ENTRY
from rag.plan_place_ranges import WINDOW_COUNTS  # the number words a window is said with: 'the top ten'
from rag.plan_terms import Condition, Question
from rag.records import Paper

_N = rf"(?P<n>\d{{1,3}}|{'|'.join(WINDOW_COUNTS)})"
_END = r"(?P<end>first|top|last|bottom|final)"
_NOUN = rf"(?:\s+(?:[\w-]+\s+)?(?:{ENTRY}|ones|listed|shown|posts|postings|titles)\b)?"
# A condition asked of the window's entries: 'which …', 'any …', 'how many …', 'do any …', 'none …'
_ASKED = r"\s*(?:which|any|how\s+many|do(?:es)?\s+any|are\s+any|is\s+any|none)\b"
_WINDOWS = [
    # 'the last five on the trending page: any with …', 'trending list top 10 — which have …'
    rf"\b(?:the\s+)?{_END}\s+{_N}{_NOUN}(?P<tail>[^:;?—–]*?)(?:\s*[:;?—–]|\s+-{{1,2}}\s+){_ASKED}",
    # 'which of the top ten trending papers …', 'how many of the last 5 entries …'
    rf"\b(?:which|any|how\s+many|none)(?:\s+ones)?\s+(?:of|among|in)\s+the\s+{_END}\s+{_N}{_NOUN}",
]


def window(q: Question, papers: list[Paper]) -> list[Condition]:
    """The entries in the window said (its words taken), as a condition on every listing page; [] when none is said
    as the set a later clause asks about."""
    for pattern in _WINDOWS:
        m = rx.search(pattern, q.text, re.I)
        if m is None:
            continue
        n = WINDOW_COUNTS.get(m["n"].casefold()) or int(m["n"])
        last = m["end"].casefold() in ("last", "bottom", "final")
        if n < 1:
            continue
        ids = _in_window(papers, n, last)
        # the window's own words go; a page said in it ('the top ten trending papers') stays for its reader
        q.blank(m.start("end"), m.end("n"))
        where = "last" if last else "first"
        return [Condition("position", f"{where} {n}", f"place: the {where} {n} entries of its page",
                          lambda p: p.paper_id in ids)]
    return []


def _in_window(papers: list[Paper], n: int, last: bool) -> set[str]:
    """The ids of the first (last) `n` entries of every listing page."""
    return {p.paper_id for entries in listing_entries(papers).values() for p in (entries[-n:] if last else entries[:n])}
