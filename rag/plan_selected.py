"""Papers picked by what is said around them, not by a title: the one paper the conditions select, asked about
with 'which paper' ('Hanjun Dai is on Courville's profile: on which paper, when, and any code?'), and papers dated a
number of days from a paper named by a description ('what did the profile list the day after the cascaded video
paper went up?'). Each returns the keyword arguments of a rag.planner.Plan (the planner imports this module)."""

from __future__ import annotations

import copy
import re

from rag.catalog import Catalog
from rag.catalog_fields import BY_NAME, asked as badge_asked
from rag.plan_describe import which
from rag.plan_fields import several
from rag.plan_relations import days_from
from rag.plan_terms import Condition, Question

_WHICH_PAPER = re.compile(r"\b(?:which|what)\s+(?:paper|entry|preprint|article|title|one)\b", re.I)


def one_selected(q: Question, question: str, conditions: list[Condition], catalog: Catalog) -> dict | None:
    """Several fields of the one paper the conditions select, asked with 'which paper': a lookup of that paper, its
    title heading the answer and each named author's place said. None when the question does not ask which paper,
    or the conditions select none or several ('Dinghuai Zhang is on the profile: which paper?' is a list)."""
    # read with the grounded values blanked: 'which Courville-page paper' asks which paper as 'which paper' does
    if not (_WHICH_PAPER.search(question) or _WHICH_PAPER.search(q.text)) or any(c.value.startswith("not ") for c in conditions):
        return None
    badges = [c for c in conditions if c.field in BY_NAME]  # 'and does it have code?': asked of it, not selecting it
    selecting = [c for c in conditions if c.field not in BY_NAME]
    chosen = [p for p in catalog.papers if all(c(p) for c in selecting)]
    if len(chosen) != 1:
        return None
    work = copy.copy(q)
    work.spans = list(q.spans)
    asked = several(work, badges, badge_asked(work), chosen[0], [], catalog.papers)
    if not asked and badges:  # 'which paper, and does it have a Code badge?': the paper and one badge of it asked
        work = copy.copy(q)
        work.take(_WHICH_PAPER.pattern)
        asked = {"op": "lookup", "lookup": badges[0].field, "also": [c.field for c in badges[1:]], "target": chosen[0],
                 "described": ""} if not work.residual() else None
    if not asked:
        return None
    q.text, q.spans = work.text, work.spans
    asked["conditions"] = [c for c in conditions if c.field == "author"]
    asked["also"] = [f for f in asked["also"] if f != "author_position"] + ["author_position"]
    return asked


def shifted(q: Question, conditions: list[Condition], days: int, described: list[str], catalog: Catalog,
            count: bool) -> dict | None:
    """Papers dated `days` from a paper named by a description ('the day after the X paper went up': its words,
    `described`, rag.plan_describe.description); None when the description names no one paper or other words are
    left."""
    anchor, _ = which(described, catalog.papers) if described else (None, None)
    if anchor is None or q.residual():
        return None
    return {"op": "count" if count else "list", "conditions": conditions + [days_from(anchor, days)],
            "described": " ".join(described)}
