"""A field's value said as the page prints it (issue 11): 'whose date actually says 2025', 'the earliest-dated entry',
'two entries dated June 2 — one with a year printed and one without'. The value itself is read by the field's own
reader (rag/plan_dates.py, rag/plan_values.py); what is read here is only how it is said around the value, so that
the words of saying do not stand as content:
- a verb of printing after a field's name ('the date says / reads / shows', 'whose tag reads mila');
- a superlative joined to the field's participle by a hyphen ('earliest-dated', 'highest-scored', 'latest-posted'):
  the sort and its field, as 'the earliest dated' is;
- the members of the answer described apart ('one with a year printed and one without', 'one has a Code badge, the
  other doesn't'): a split of the set, which selects nothing — both sides hold, so the field is no condition.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question

# The catalog's field names as a page prints them beside an entry (rag/catalog_fields.py's badges by their nouns).
_FIELD = r"(?:date|year|category|categories|tag|tags|label|section|venue|score|badge|code|byline|title)"
_PRINTS = r"(?:says|say|reads|read|shows|show|prints|print|states|gives|displays|is\s+printed\s+as|is\s+given\s+as)"
_SUPERLATIVE = r"(?:earliest|oldest|latest|newest|most[- ]recently|first|last|highest|lowest|best|worst|top)"
_PARTICIPLE = r"(?:dated|posted|listed|published|released|scored|scoring|ranked|rated)"
# One member with the field and one without: 'one with X and one without', 'one has X, the other doesn't'.
_HAS = r"(?:with|has|having|that\s+has|carrying|showing|printing)"
_LACKS = r"(?:without|lacking|not|doesn'?t|does\s+not|has\s+no|with\s+no|has\s+none|hasn'?t)"
_SPLIT = rf"(?:[-–—,:;]\s*)?\bone\s+{_HAS}\s+(?P<what>[^,;.?!()]{{1,40}}?)\s*(?:,\s*|\s+and\s+|\s+but\s+|;\s*)+" \
         rf"(?:one|the\s+other(?:\s+one)?|another)\s+{_LACKS}(?:\s+(?:one|it|any|(?P=what)))?\b"


def printed_as_said(q: Question) -> None:
    """Take the words that only say how a value is printed (see the module's note); the values are left to their
    readers, and anything not read stays as content."""
    for m in rx.finditer(rf"\b{_SUPERLATIVE}-{_PARTICIPLE}\b", q.text, re.I):  # 'earliest-dated': two words
        spaced = m[0].replace("-", " ")  # the same length: positions stay aligned with `folded`
        q.text = q.text[:m.start()] + spaced + q.text[m.end():]
        q.folded = q.folded[:m.start()] + spaced + q.folded[m.end():]
    for m in list(rx.finditer(rf"\b{_FIELD}\s+(?:actually\s+|really\s+|literally\s+|just\s+)?(?P<verb>{_PRINTS})\s+(?=\S)",
                              q.text, re.I)):
        q.blank(m.start("verb"), m.end("verb"))  # 'whose date actually says 2025': the value follows
    q.take(_SPLIT)  # 'one with a year printed and one without': both kinds are in the set
    for m in list(rx.finditer(rf"\b{_FIELD}s?\s+(?P<where>(?:printed\s+|shown\s+)?(?:up\s+)?(?:in\s+front|at\s+the\s+(?:front|"
                              r"start))(?:\s+of\s+(?:it|the\s+(?:entry|line|title)))?)(?![\w-]|\s+of\b)", q.text, re.I)):
        q.blank(m.start("where"), m.end("where"))  # "DON'T show a score in front": where it is printed, said with it
