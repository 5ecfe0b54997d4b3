"""A negation no reader took ('no', 'not', "n't", 'without', 'never', 'none', 'nobody', 'except', 'excluding'): the
question denies something the plan would not deny, so the planner leaves it rather than answer the rest of it.

Every negation word is frame (rag/plan_terms.FRAME), so a negation nobody read leaves no content word behind and the
residual test lets the plan through without it: 'which Amii papers have no starred name?' listed all sixteen entries
('starred' and 'name' are frame words too), 'papers where the lead author is starred but not everyone on the byline
is' listed those with a starred lead author. The readers that understand a negation blank it (rag/plan_scope.py's
negated values, the mark predicates, the link and title readers), so by the time the plan is decided only the ones
nobody read are left — the same test as rag/plan_unread_bound.py's for a bound on a number. 'X or not?' closing a
yes/no question ('who's the last author, Amii or not?') asks yes or no, and denies nothing.
"""

from __future__ import annotations

import re

from rag.plan_terms import Question

_NEGATION = re.compile(r"n't\b|\b(?:no|not|without|never|none|nobody|no-one|except|excluding)\b", re.I)
_OR_NOT = re.compile(r"\bor\s+not\b(?=\s*(?:[?,;.!)]|$|\band\b))", re.I)  # 'X or not?': a yes/no tag


def unread_negation(q: Question) -> bool:
    """Whether a negation is left unread in what remains of the question (see the module's docstring)."""
    return bool(_NEGATION.search(_OR_NOT.sub(" ", q.text)))
