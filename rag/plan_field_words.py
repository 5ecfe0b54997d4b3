"""The one field a question asks of one paper ('when', 'what category', 'which lab', 'how many authors'), read from
the planner's field words (`FIELDS`); the other fields joined to it by 'and' ('when was X published, and in which
journal'); and an opening 'what' that asks no field ('what order is X written in'). Several fields asked in parts are
rag/plan_fields.py's, which reads each part with these words."""

from __future__ import annotations

import re

from rag import rx

# The planner's field words, one lookup each (moved here from rag/planner.py, which reads one field per question).
FIELDS = [("venue_pages", r"\bpage\s+(?:range|numbers?)\b|\bpages?\b.*\b(?:proceedings|journal|occup(?:y|ies)|spans?|runs?)\b|"
                          r"\b(?:proceedings|journal)\b.*\bpages\b"),
          ("affiliation", r"\baffiliat\w*|\binstitut\w*"),
          ("first_author", r"\b(?:first|lead|leading)\s+author\b"),
          ("last_author", r"\b(?:last|senior|final)\s+author\b"),
          ("authors", r"\bwho\b|\bauthors?\b|\bwr[io]te\b|\bwritten\b"),  # 'who's behind X' too
          ("date", r"\bwhen\b|\bdates?\b|\bwhat year\b|\bwhich year\b|\bmonth\b|\bhow old\b"),
          ("category", r"\bcategor(y|ies)\b|\bsubject\b|\barea\b"),
          ("arxiv", r"\barxiv\s+(?:id|identifier|number)\b|\bidentifier\b|\bdoi\b"),
          ("organisation", r"\borgani[sz]ations?\b|\btag\b|\blab\b"), ("section", r"\bsection\b|\btrack\b"),
          ("venue", r"\bvenue\b|\bconference\b|\bjournal\b|\b(?:what|which)\s+city\b|(?<!papers )(?<!entries )(?<!titles )(?<!ones )\bwhere\b.*\b(?:published|presented|appear\w*|accepted|held)\b"),
          ("page", r"\bpages?\b|\bsource\b|(?<!papers\s)(?<!paper\s)(?<!ones\s)(?<!entries\s)(?<!works\s)\bwhere\b")]
# The noun a 'which'/'what' asks for names the field even when another field's word follows ('which organisations
# are the SPECTER authors from', 'what institutions does the paper list').
HEAD = re.compile(r"\b(?:which|what)(?:'s|\s+(?:is|are|was|were))?\s+(?:the\s+)?(?:arxiv\s+)?"
                   r"(organi[sz]ations?|institutions?|labs?|universit(?:y|ies)|compan(?:y|ies)|venues?|journals?|conferences?|categor(?:y|ies)|years?|dates?|"
                   r"id|identifier|doi|meetings?|proceedings(?!\s+(?:papers?|entries|pdfs?|articles?)))\b")
_HEADS = {"organi": "organisation", "instit": "organisation", "labs": "organisation", "lab": "organisation",
          "univer": "organisation", "compan": "organisation",
          "venue": "venue", "confer": "venue", "meetin": "venue", "procee": "venue", "journa": "venue", "catego": "category", "year": "date", "years": "date", "date": "date",
          "dates": "date", "id": "arxiv", "identi": "arxiv", "doi": "arxiv"}
_JOINABLE = ("date", "venue", "category", "authors", "organisation", "section")


def also(low: str, lookup: str) -> list[str]:
    """The other fields one question asks of a paper, joined by 'and': 'When was X published, and in which journal?'."""
    if not rx.search(r"\band\b", low):
        return []
    return [name for name, pattern in FIELDS if name in _JOINABLE and name != lookup and rx.search(pattern, low)
            and not (name == "authors" and rx.search(r"\bwho\b", low) is None and lookup == "organisation")]


def lookup_field(low: str, count: bool) -> str | None:
    """The one field a question asks for, read from its lowercased text (what is left once values are cut out)."""
    if count and rx.search(r"\b(?:institutions|organi[sz]ations|universities|affiliations|labs|companies)\b", low):
        return "organisation_count"  # 'how many institutions are the X authors spread across'
    if count and rx.search(r"\bauthors\b|\bhow many (?:people|persons|researchers)\b", low):
        return "author_count"
    if count and rx.search(r"\bpages\b", low):
        return "page_count"
    if m := HEAD.search(low):
        word = m.group(1)
        return next(field for prefix, field in _HEADS.items() if word.startswith(prefix))
    return next((name for name, pattern in FIELDS if rx.search(pattern, low)), None)


# The frame words (rag/plan_terms.FRAME) a 'what'/'which' can ask for that name no field of any record: FRAME holds
# them for sorts and kinds ('sorted by date', 'what kind of paper'), so they are never residual.
_NO_FIELD = {"order", "sort", "kind", "type", "part", "thing", "things", "stuff"}


def other_noun(question: str) -> bool:
    """What an opening 'what'/'which' asks is no field ('what order is X written in', 'which kind of thing is X'),
    and nothing names the author list: a field word elsewhere ('written') does not make it ask that field. 'In what
    order are X's authors listed' names them."""
    m = rx.match(r"\W*(?:in\s+|of\s+|to\s+|for\s+)?(?:what|which)\s+(?:the\s+)?([a-z][a-z-]*)", question, re.I)
    return bool(m) and m.group(1).casefold() in _NO_FIELD and not rx.search(
        r"\bwho|\b(?:co-?)?authors?\b|\bnames?\b|\bpeople\b|\bbyline|\bteam\b", question, re.I)
