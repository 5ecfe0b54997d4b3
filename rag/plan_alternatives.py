"""Values of one field said as alternatives or as all at once (issue 11): 'a lab tag (mila/deepmind/mit)' is any of
the three, 'category LG or CL' either, while 'both AI2 and UW' asks for both. A 'both' said in the question governs
the values it stands before, not every value of the question: in 'both a Code badge and a lab tag (mila/deepmind/mit)'
it joins the badge and the tag, and the tags in the bracket stay alternatives.

The words here are operators only (or, /, both, all of, as well as); the values are the catalog's conditions.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Condition

# A slash between two values says 'or' ('mila/deepmind', 'LG / CL'); an 'or' or 'either' between them too.
_OR = re.compile(r"\bor\b|\beither\b|/", re.I)
# 'both X and Y', 'all of X, Y and Z', 'X as well as Y': the values that follow are asked for together.
_ALL = re.compile(r"\bboth\b|\ball\s+(?:of|three|four|five)\b|\beach\s+of\b", re.I)
_AND = re.compile(r"\band\b|&|\bplus\b|\bas\s+well\s+as\b", re.I)


def said_at(condition: Condition, question: str) -> int:
    """Where the condition's value is said in the question (the whole value, else its last word; case-folded), or -1."""
    value = condition.value.removeprefix("not ")
    if not value.split():
        return -1
    for said in (value, value.split()[-1]):
        if m := rx.search(rf"(?<![\w-]){re.escape(said.casefold())}(?![\w])", question.casefold()):
            return m.start()
    return -1


def together(values: list[Condition], question: str) -> bool:
    """Whether the values of one field are asked for all at once: a 'both' / 'all of' stands right before the first
    of them (nothing but articles and the field's noun between), and 'and' — never 'or' or a slash — joins them."""
    at = sorted(p for p in (said_at(c, question) for c in values) if p >= 0)
    if len(at) < len(values) or len(at) < 2:  # a value said in other words ('the Allen Institute' for ai2): 'both'
        # said anywhere, and no 'or' (the reading before the values could be placed)
        return len(values) >= 2 and bool(_ALL.search(question)) and not rx.search(r"\bor\b|\beither\b", question, re.I)
    between = question[at[0]:at[-1]]
    if _OR.search(between) or not _AND.search(between):
        return False
    before = question[:at[0]]
    cue = list(_ALL.finditer(before))
    if not cue:
        return bool(rx.search(r"\bas\s+well\s+as\b", between, re.I))
    # 'both the mila and deepmind tags', 'both of mila and deepmind': only articles and field nouns in between
    gap = before[cue[-1].end():]
    return not rx.search(r"[^\s]", rx.sub(r"\b(?:of|the|an?|tags?|labs?|organi[sz]ations?|categor(?:y|ies)|pages?)\b",
                                          " ", gap, flags=re.I))


def alternatives(values: list[Condition], question: str) -> bool:
    """Whether the values are said joined by 'or', 'either' or a slash ('a mila/deepmind tag'): any of them, never two
    sides that must both hold, whatever 'both' said elsewhere joins ('both code and a mila/deepmind tag')."""
    at = sorted(p for p in (said_at(c, question) for c in values) if p >= 0)
    return len(at) == len(values) >= 2 and bool(_OR.search(question[at[0]:at[-1]]))
