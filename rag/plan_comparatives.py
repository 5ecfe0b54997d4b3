"""A comparative said of one of a set's papers, with no 'than': 'Jiashun Liu's earlier paper', 'the newer of his two
entries', 'which one is the older one', 'her more recent preprint'. With nothing to compare against, the comparative
picks an end of the set by date, as the superlative would ('the earliest'); 'earlier than 2023' or 'older than TokMem'
is a condition read elsewhere (rag/plan_dates.py, rag/plan_relations.py) and is not read here.

Only the comparative in the place of an adjective of a paper is read (before a paper noun or 'one', or as 'the older of
...'): 'posted earlier', 'later in the list' or 'earlier work' are left to their readers, or to retrieval.
"""

from __future__ import annotations

import re

_EARLIER = r"earlier|older|sooner|first-posted"
_LATER = r"later|newer|more\s+recent|younger|latter-day"
# What the comparative is said of: a paper of the set, named by a noun or 'one' ('the older preprint', 'the newer one').
_NOUN = r"(?:papers?|ones?|entr(?:y|ies)|preprints?|postings?|posts?|articles?|publications?|submissions?|pdfs?|items?)"
# Who or what owns the papers compared: a possessive, an article or a demonstrative ('Liu's', 'the', 'his', 'that').
_OWNER = r"(?:'s|’s|\bthe|\bhis|\bher|\btheir|\bits|\bthis|\bthat|\bwhich|\bwhat)"
# ... or of its date, which is what a comparative without 'than' compares anyway ('which one has the earlier date')
_DATE = r"(?:(?:arxiv\s+|stamp\s+|posting\s+|publication\s+)?dates?|(?:arxiv\s+)?stamps?)"
_SAID = re.compile(rf"{_OWNER}\s+(?:(?P<early>{_EARLIER})|(?P<late>{_LATER}))(?:\s+(?:{_NOUN}|{_DATE})\b|\s+of\b(?!\s+(?:19|20)\d\d))"
                   rf"(?!\s+than\b)", re.I)


def comparative_end(question: str) -> str | None:
    """'first' when a paper of the set is called the earlier or older one, 'last' when the later or newer one, else
    None: 'X's earlier paper', 'the newer of the two', 'which is the older one?'."""
    m = _SAID.search(question)
    if m is None:
        return None
    return "first" if m["early"] else "last"
