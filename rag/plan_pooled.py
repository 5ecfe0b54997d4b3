"""Two values of one field pooled into one scope (issue 11): 'counting both Amii's page and Courville's list',
'across both pages', 'Amii's and Courville's pages combined' ask about the papers of either page, while 'papers on
both Amii's page and Courville's page' asks for papers printed on each. The words are operators only: a verb or
preposition of pooling right before 'both', or a 'combined' / 'taken together' after the values."""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question

# 'counting both', 'across both', 'over both', 'pooling both', 'taking both … together': the set is the union.
_BEFORE = r"\b(?:counting|count|across|over|combin(?:e|es|ed|ing)|pool(?:s|ed|ing)?|spanning|covering|tak(?:e|ing)|" \
          r"add(?:ing)?\s+up|summ?(?:ing)?(?:\s+up)?)\s+(?:(?:the\s+)?entries\s+(?:on|of|in)\s+|all\s+of\s+)?both\b"
# 'both pages combined', 'Amii's and Courville's lists taken together': said after the values, up to the clause's end.
_AFTER = r"\bboth\b[^?.;:!]*?\b(?:combined|pooled|put\s+together|taken\s+together|together|in\s+total|all\s+told)\b"
POOLED = rf"{_BEFORE}|{_AFTER}"


def pooled(question: str) -> bool:
    """Whether a 'both' in the question pools its values into one scope rather than asking for each of them."""
    return bool(rx.search(POOLED, question, re.I))


# The pooling verbs themselves, once a pooled 'both' is read: how the set is formed, not a word about the papers.
_VERBS = r"\b(?:(?:counting|count|adding\s+up|summ?(?:ing)?(?:\s+up)?|spanning|covering)(?=\s+both\b)|pool(?:s|ed|ing)?|combin(?:e|es|ed|ing)|taken?(?=\s+together\b)|taking(?=\s+both\b)|put(?=\s+together\b)|" \
         r"all\s+told|in\s+total)\b"


def pooling(q: Question) -> None:
    """Takes the pooling verbs ('pooling both …', '… taken together') when the question pools its values."""
    if pooled(q.text):
        q.take(_VERBS)
