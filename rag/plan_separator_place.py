"""The entry beside a page's n-th printed separator: 'the paper right above the third "Learn more about the researchers"
link', 'which entry comes just before the 2nd Learn more line', 'the paper immediately after the first "Learn more"
link', 'directly after the LAST one', 'right above the second-to-last one' (counted from the page's end).

A listing page may print a line between its entries that belongs to none of them (the Amii post's 'Learn more about
the researchers' links); the catalog keeps it as the line printed after an entry (Paper.printed['after']). The n-th
such line on a page is a place: above (before) it is the entry it is printed after, below (after) it the next entry
on the page. 'After (before) the third link' without a word of nearness ('right', 'just', 'immediately', 'directly') is
the whole group that follows (precedes) it, which rag/plan_sections.batch reads; 'above' and 'below' are one entry.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_order import listing_entries
from rag.plan_sections import _NTH, _ORD, _SEPARATOR
from rag.plan_terms import Condition, Question
from rag.records import Paper

# Counted from the end of the page: 'the LAST "Learn more" link', 'the second-to-last separator' (-1 the last).
_FROM_END = {"last": -1, "final": -1, "very last": -1, "penultimate": -2, "second to last": -2, "second last": -2,
             "next to last": -2}
_ANY_ORD = "|".join(sorted((re.escape(w).replace(r"\ ", r"[\s-]+") for w in _FROM_END),
                           key=len, reverse=True)) + f"|{_ORD}"

_BESIDE = re.compile(
    rf"(?:\b(?:sits?|sitting|is|comes?|coming|appears?|listed|printed|placed|found)\s+)?(?:\b(?P<near>right|just|directly|"
    rf"immediately)\s+)?\b(?P<w>above|before|preceding|ahead\s+of|below|after|following|under|beneath)\s+the\s+"
    rf"(?P<n>{_ANY_ORD})\s+{_SEPARATOR}", re.I)


def separator_beside(q: Question, papers: list[Paper]) -> Condition | None:
    """The entry printed just above or below the n-th separator line a question names, its words taken; None when no
    such place is said, or no page prints that many such lines."""
    m = _BESIDE.search(q.text)
    if m is None or not (m["said"] or rx.search(r"learn\s+more", m[0], re.I)):
        return None
    up = m["w"].casefold() in ("above", "before", "preceding", "ahead of")
    if not m["near"] and m["w"].casefold() in ("before", "after", "preceding", "following", "ahead of"):
        return None  # 'the papers after the third link', 'the first batch, before the first link': a group (plan_sections.batch)
    word = rx.sub(r"[\s-]+", " ", m["n"].casefold())
    n, said = _NTH.get(word) or _FROM_END[word], (m["said"] or "learn more").casefold()
    chosen = set()
    for entries in listing_entries(papers).values():
        lines = [i for i, p in enumerate(entries) if (line := p.printed.get("after")) and said in line.text.casefold()]
        if len(lines) >= abs(n):
            at = lines[n - 1 if n > 0 else n] + (0 if up else 1)
            chosen |= {entries[at].paper_id} if at < len(entries) else set()
    if not chosen:
        return None
    q.blank(m.start(), m.end())
    where = "right above" if up else "right below"
    return Condition("after", f"{where} separator {n}", f"place: {where} the page's {m['n']} '{said}' line",
                     lambda p: p.paper_id in chosen)


__all__ = ["separator_beside"]
