"""A comparative said of one of a set's papers, with no 'than': 'Jiashun Liu's earlier paper', 'the newer of his two
entries', 'which one is the older one', 'her more recent preprint'. With nothing to compare against, the comparative
picks an end of the set by date, as the superlative would ('the earliest'); 'earlier than 2023' or 'older than TokMem'
is a condition read elsewhere (rag/plan_dates.py, rag/plan_relations.py) and is not read here.

Only the comparative in the place of an adjective of a paper is read (before a paper noun or 'one', or as 'the older of
...'): 'posted earlier', 'later in the list' or 'earlier work' are left to their readers, or to retrieval.
"""

from __future__ import annotations

import re

from rag import rx

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


# ... or of the event the paper is ('which of the two meetings took place earlier', 'which one came out first'): a verb
# of happening, its comparative after it, and nothing compared against
_HAPPENED = re.compile(rf"\b(?:took\s+place|taken\s+place|(?:was|were|got)\s+(?:held|published|posted|presented)|happened|"
                       rf"ran|met|came\s+out|appeared|went\s+up|(?:had|held)\s+(?:its|their)\s+(?:conference|meeting|"
                       rf"workshop|symposium))\s+(?:(?P<early>{_EARLIER}|first)|(?P<late>{_LATER}))\b"
                       rf"(?!\s+than\b)", re.I)


def comparative_end(question: str) -> str | None:
    """'first' when a paper of the set is called the earlier or older one, 'last' when the later or newer one, else
    None: 'X's earlier paper', 'the newer of the two', 'which is the older one?', 'which meeting took place earlier'."""
    m = _SAID.search(question) or _HAPPENED.search(question)
    if m is None:
        return None
    return "first" if m["early"] else "last"


def meeting_dates(question: str) -> list[str]:
    """['venue'] when the comparative is said of a meeting ('which conference was held earlier'): the answer gives the
    venue line's place and dates, which are what was compared."""
    return ["venue"] if _HAPPENED.search(question) and rx.search(r"\b(?:meetings?|conferences?|workshops?|symposi(?:um|a)|"
                                                              r"proceedings|venues?)\b", question, re.I) else []


# A comparative of degree said of one of a set's papers ('which one has the bigger author list', 'which of the two is
# longer'): what the comparison is over must be read, or the plan lists the set and answers no question asked.
_DEGREE = re.compile(r"\b(?<!\bor\s)(?<!\band\s)(?<!\bno\s)(?:earlier|later|older|newer|bigger|larger|smaller|longer|"
                     r"shorter|more|fewer|less|higher|lower|greater|better|worse)\b(?!\s+than\b)", re.I)
_PICK = re.compile(r"\b(?:which|what)\b(?!\s+(?:papers|entries|pdfs|ones|preprints|articles)\b)", re.I)


def unread_comparative(text: str) -> bool:
    """Whether a question picking one paper ('which one', 'which of the two') says a comparative no reader took (`text`:
    the question with what the readers took blanked, so a title's 'Bigger' or a link's 'Learn more' is not one): a
    list would name both, answering something else."""
    return bool(_PICK.search(text) and _DEGREE.search(text))
