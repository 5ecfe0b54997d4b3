"""An inclusion said of the set's own members that lack a field: '(any year; count the ones without a year too)',
'June entries, including the ones with no year printed', 'counting those that don't show a year as well' (issue 11).

'The ones' of an inclusion are members of the set the question already selects: the asker only makes sure they are
not left out. Said after an inclusion cue (including, counting, count … too, include … as well, even), the absent
field is no filter at all. Read as a negation, it was: 'dated in June (…; count the ones without a year too)'
counted only June entries WITHOUT a year, 2 of 8 — the inclusion read as its opposite. Here the cue, 'the ones', the
absence and its field are taken together and add no condition; the other readers select the set as said.
"""

from __future__ import annotations

from rag.plan_terms import Question

_CUE = r"(?:including|incl\.|counting|count|include|keep(?:ing)?|even|plus|along\s+with|as\s+well\s+as)"
_ONES = r"(?:(?:the|those|any|all|also)\s+)?(?:ones|entries|papers|items|titles|those|them)"
_ABSENT = r"(?:without|w/o|with\s+no|lacking|missing|(?:that|which|who)\s+(?:ha(?:s|ve)|shows?|prints?|gives?|carr(?:y|ies))\s+no|" \
          r"(?:that|which)\s+(?:don't|doesn't|do\s+not|does\s+not)\s+(?:have|show|print|give|carry))"
_FIELD = r"(?:an?\s+|any\s+)?(?:(?:printed|listed|shown|visible)\s+)?[\w-]+(?:\s+(?:printed|shown|listed|given|on\s+(?:them|it)))?"
_INCLUDED_ABSENT = rf"\b{_CUE}\s+(?:{_ONES}\s+)?{_ABSENT}\s+{_FIELD}(?:\s*,?\s*(?:too|as\s+well|also|included))?\b"


def included_absent(q: Question) -> bool:
    """Whether an inclusion of the members lacking a field was said (its words taken from `q`)."""
    return bool(q.take(_INCLUDED_ABSENT))
