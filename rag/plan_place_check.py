"""A value checked of the entry at a place: 'is the 44th entry on Courville's page in AI?', 'does the 30th paper on his
list carry the Code badge?', 'was the 12th Courville entry posted in 2026?'.

Asked yes or no, the values after the place are what is checked, not what selects: read as filters, 'the 44th entry in
AI' would be sought among the three AI entries and not found. The entry is found by its place on the page the question
names, among all of that page's entries, and the rest of the conditions are checked of it (a Plan of op 'check').
A value said between the ordinal and the entry noun ('is the 9th accepted paper …') selects, so such a question is
left to the ordinary reading.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_order import on_page
from rag.plan_listing import ENTRY
from rag.plan_order_words import NTH
from rag.plan_terms import Condition
from rag.records import Paper

_YES_NO = re.compile(r"(?:^|[:;,—–]|\s-\s)\W*(?:is|was|are|were|does|did|do|has|had)\b", re.I)  # 'courville's page: is …'
# 'the 44th entry', '44th on the page': the ordinal with its noun right after it (no modifier between)
_PLACE_NOUN = re.compile(rf"\b{NTH}(?:\s+{ENTRY}\b|\s+(?:on|in|down|from)\b)", re.I)


def checked_at_place(question: str, op: str, nth: int | None, conditions: list[Condition],
                     papers: list[Paper]) -> dict | None:
    """The check's arguments (rag.planner.Plan) when a yes/no question names an entry by its place on a page and
    other values to check of it; None otherwise."""
    yes_no = _YES_NO.search(question)
    if op != "first" or not nth or not yes_no or not _PLACE_NOUN.search(question):
        return None
    pages = [c for c in conditions if c.field == "page" and not c.value.startswith("not ")]
    # 'the 11th paper in the Accepted Papers section - is its first author starred?': a section named before the yes/no
    # clause is where the entries are counted (a part of the page), not a value checked of the entry
    within = [c for c in conditions if c.field == "section" and rx.search(r"\bsections?\b", question[:yes_no.start()], re.I)]
    if within:
        return None
    checked = [c for c in conditions if c not in pages]
    if len(pages) != 1 or not checked:
        return None
    listed = sorted(((s.position, p) for p in papers for s in p.sources if s.format != "pdf" and on_page(s, pages[0])),
                    key=lambda entry: entry[0])
    if len(listed) < nth:
        return None
    return {"op": "check", "lookup": checked[0].field, "target": listed[nth - 1][1], "conditions": checked}
