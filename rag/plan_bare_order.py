"""'First' or 'last' said bare, with no date word, of a set no date can order: the page's printed order (issue 11).

'Amii accepted papers: which is the last one whose title starts with the word Learning?' says no listing ('on the
page', 'going down') for rag/plan_order.py to read the page's order from, so the planner read 'last' as the newest —
and the Amii page prints no posting dates (only its venue's year), so the answer was 'no paper with a printed date
matches', although the asker plainly meant the last such entry printed. The words 'first' and 'last' name an end of
SOME order; when the question says no date (no 'oldest', 'newest', 'recent', 'posted', 'dated', a month, a year) and
the papers it selects print none the date sort could rank, the only order they have is the listing's, so that is
the one meant. A set that prints dates keeps the date reading, as before: there 'the first CL paper' may be the oldest.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_order import Order
from rag.plan_terms import NUMBER_WORDS, Condition
from rag.records import Paper

# Words that say the order is a date's: 'oldest', 'most recent', 'posted', 'dated', 'in 2024', 'came out'.
_DATE_SAID = re.compile(r"\b(?:old(?:er|est)?|new(?:er|est)?|recent(?:ly)?|young(?:er|est)|earl(?:y|ier|iest)|lat(?:er|est)|"
                        r"dates?|dated|posted|published|released|submitted|uploaded|appeared|came\s+out|when|chronolog\w*|"
                        r"years?|months?|days?|(?:19|20)\d\d|jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|"
                        r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|time|timeline)\b", re.I)


# 'of the first 10 trending papers, which …', 'among the last five on the page': a window of the page the question
# then selects from, not the first ten of the selection.
_WINDOW = re.compile(r"\b(?:of|among|in|within|from)\s+(?:the\s+)?(?P<end>first|top|last|bottom)\s+(?P<n>\d{1,3}|" +
                     "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one", "single", "sole")) + r")\b", re.I)


def window_of(question: str, papers: list[Paper]) -> Condition | None:
    """The window said before the selection ('of the first 10 trending papers'), as a place condition on its page."""
    m = _WINDOW.search(question)
    if m is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].casefold()]
    return Order("first" if m["end"].casefold() in ("first", "top") else "last", limit=n).at(papers) if n > 1 else None


def _datable(paper: Paper) -> bool:
    """Whether the date sort could place the paper (rag/catalog_sort.by_date: a date known to the month or day)."""
    return bool(paper.date) and paper.date_precision in ("day", "month")


def page_order_meant(question: str, conditions: list[Condition], papers: list[Paper]) -> bool:
    """Whether a bare 'first' / 'last' in `question` means the page's order: no date word is said, and the papers the
    `conditions` select are all on a listing page and print no date the date sort could rank."""
    if _DATE_SAID.search(question):
        return False
    selected = [p for p in papers if all(c(p) for c in conditions)]
    return bool(selected) and not any(_datable(p) for p in selected) and \
        all(any(s.format != "pdf" for s in p.sources) for p in selected)
