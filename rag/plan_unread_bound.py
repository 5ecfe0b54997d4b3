"""A bound said on a number that no reader took ('more than five people', 'at least 3 of them'), or a PDF page said
as a place ('on page 2 or later'): the question asks for a condition the plan would not apply, so the planner leaves
it rather than answer the rest of it (a count of every PDF for 'how many PDFs have more than five people?' is a wrong
answer shown to a user).

Read on what is left of the question once every reader has taken its spans: a comparison a reader understood is
blank by then, so this only sees the ones nobody did.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import NUMBER_WORDS, Question

_BOUND = re.compile(r"\b(?:(?:more|fewer|less|greater|larger|smaller)\s+than|at\s+(?:least|most)|no\s+(?:more|fewer|less)"
                    r"\s+than|upwards\s+of|in\s+excess\s+of)\s+(?:\d+|" + "|".join(NUMBER_WORDS) + r")\b", re.I)


# A PDF page said as a place that no reader took ('on page 2 or later', 'after page 3'): the plan would ignore it. Page
# 1 is where a PDF's front matter is printed (header, copyright line, byline), so 'a copyright line on page 1' says
# where the field always is, and the field's reader answers it.
_PAGE_PLACE = re.compile(r"\b(?:on|from|after|before|past|beyond)\s+(?:the\s+)?(?:pdf\s+)?(?:page|pg\.?|p\.)\s*(?!1\b)\d{1,4}\b",
                         re.I)


def unread_bound(q: Question) -> bool:
    """Whether a comparison with a number is left unread in the question. 'At least one' is no bound: it says the
    thing is there at all, which the rest of the plan reads ('at least one e-mail address at a .edu domain')."""
    return any(not rx.fullmatch(r"at\s+least\s+(?:one|1)", m.group(0), re.I) for m in _BOUND.finditer(q.text)) \
        or bool(_PAGE_PLACE.search(q.text))
