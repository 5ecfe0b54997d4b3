"""The author line of one named paper, read in the ways rag/plan_fields.py's part readers use: places said against
the line or against named authors ('the two names after X', 'who sits between X and Y', 'the three-name author
line'), one named author's own affiliations and marks ('where is X from on Y'), and the frame a field is asked in
('when does the profile say …', 'printed at the top of …', 'just need the lead author').

Places said against a named author are resolved on the paper's own printed list once the paper is known (`relative`),
into the places the answer already words (rag/catalog_values: 'second author: …'); nothing here is a value of the
catalog, so every reading still needs the rest of the question to be frame (rag/plan_fields.several checks).
"""

from __future__ import annotations

import re

from rag.plan_terms import NUMBER_WORDS, ORDINALS, Condition, Question, _number
from rag.records import Paper, normalize_title

# The author list said with its article and an optional size ('the three-name author line', 'its 23-author byline'),
# perhaps with a bracketed aside ('the (very long) author list').
_SIZE = rf"(?:(?:\d+|{'|'.join(NUMBER_WORDS)})[- ](?:names?|authors?|persons?|people)\s+)"
LINE = rf"(?:the\s+|its\s+|their\s+|this\s+|that\s+)?{_SIZE}?(?:\(\s*[\w\s-]{{1,24}}\)\s*)?" \
       r"(?:(?:full|whole|complete|long|very\s+long|printed)\s+)?" \
       r"(?:author\s+(?:list|line|order)|byline|list\s+of\s+(?:authors|names)|(?:co-?)?authors|names|list|order)"

# The names around a named author, counted: 'the two names after X', 'the next three authors following X', 'the
# two co-authors listed before X' (one name alone is rag/plan_fields' author_next / author_previous).
AROUND = rf"\b(?:the\s+)?(?:next\s+)?(?P<n>\d+|{'|'.join(NUMBER_WORDS)})\s+(?:names?|authors?|co-?authors?|people|persons?)\s+" \
         r"(?:(?:listed|printed|named|placed|shown|coming|come|comes|sit|sitting|stand|standing|that|who|are|right|just|" \
         r"directly|immediately)\s+)*" \
         r"(?P<dir>after|following|behind|before|preceding|ahead\s+of|in\s+front\s+of)(?=\s)"
# Who sits between two named authors: 'who sits between X and Y', 'the names between X and Y'.
BETWEEN = r"\b(?:(?:who|which\s+(?:names?|authors?))(?:'s|\s+is|\s+are|\s+was|\s+were)?\s+(?:(?:sits?|stands?|comes?|" \
          r"listed|printed|named|placed)\s+)?|(?:the\s+)?(?:names?|authors?|co-?authors?|people)\s+(?:(?:listed|printed)\s+)?)" \
          r"between(?=\s)"
RELATIVE = re.compile(rf"{AROUND}|{BETWEEN}", re.I)

# One named author's own affiliations or marks asked: 'what affiliation does X have on Y', 'where is X from on Y',
# 'which institutions is X listed with', 'X carries two marks: which two places?', 'is X marked as Amii on Y'. The fields those words read
# alone (the paper's affiliations, organisations, or the page 'where') become that author's (`author_marks`).
ORIGIN = re.compile(r"\baffiliat\w*|\binstitut\w*|\borgani[sz]ations?\b|\buniversit(?:y|ies)\b|\bmarks?\b|\bplaces\b|"
                    r"\b(?:marked|starred|asterisked|flagged)\b|\bwhere\b[^?]*\b(?:from|based)\b", re.I)
ORIGIN_FIELDS = {"affiliation", "organisation", "page"}

# The page (or the paper named, a blank span by now) saying a value: 'when does the profile say it was posted', 'what
# does the listing state as its category', 'the date the PDF says'. A person saying something ('when did Courville
# say …') is not the page.
_SAYER = r"(?:the|its|this|that|their|page|profile|listing|entry|pdf|paper|header|record|card|site|feed|list|article|" \
         r"preprint|it)"
_SAYS = re.compile(rf"(?:\b(?:does|did|do)(?P<sub>(?:\s+{_SAYER}\b|\s)+)(?:say|state|report|claim|put|read)\b|"
                   rf"\b(?:as|what)(?P<sub2>(?:\s+{_SAYER}\b|\s)+)(?:says|said|states|stated|reports|reported|puts|reads)\b)"
                   r"(?!\s+(?:about|on|regarding|concerning|of|for|against)\b)", re.I)  # 'say about X': what it holds on X
# Where on the page a value is printed ('printed at the top of the SPECTER paper', 'given in the header of X') and the
# asker's own request or remark ('just need the lead author', 'I can't see a year'): how a field is asked, not what.
_FRAMING = re.compile(r"\b(?:printed|given|shown|stated|listed|written|stamped)\s+(?:at|on|in|along)\s+(?:the\s+)?"
                      r"(?:very\s+)?(?:top|head|bottom|foot|front|first\s+page|margin|side)(?:\s+of)?\b|"
                      r"\b(?:i\s+)?(?:just|only|really|mainly)?\s*(?:need|want|would\s+like)(?:\s+to\s+know)?\b|"
                      r"\bi\s+(?:can't|cannot|can\s+not|couldn't|don't|do\s+not|didn't)\s+(?:see|find|spot|tell)\b", re.I)
# The list said as where a place is ('in the SPECTER byline, who sits between X and Y'), not its names asked.
LOCATIVE = re.compile(r"\b(?:in|on|within|from|of)\s+(?:the\s+|its\s+|their\s+)?(?:\s{2,})?(?:author\s+(?:list|line)|"
                      r"byline|list\s+of\s+(?:authors|names))\b", re.I)
# A meeting said: 'the dates of the ACL meeting printed on X' are its venue line's, not the paper's.
MEETING = re.compile(r"\b(?:conference|meeting|workshop|symposium|venue|proceedings)\b", re.I)


def page_says(q: Question) -> None:
    """Blank a verb of saying whose subject is the page or the paper (its name blanked already): the page's saying is
    only how a field is asked. Only the caller's reading of a field makes the question a record question."""
    people = [(a, b) for a, b, kind in q.spans if kind == "person"]
    for m in list(_SAYS.finditer(q.text)):
        sub = m.group("sub") if m.group("sub") is not None else m.group("sub2")
        start = m.start("sub") if m.group("sub") is not None else m.start("sub2")
        said = q.folded[start:start + len(sub)]  # as asked: a blanked page ('Courville's profile') or title says it
        if not sub.strip() and not re.search(rf"\b{_SAYER}\b", said, re.I) and not any(
                kind == "title" and a < start + len(sub) and b > start for a, b, kind in q.spans):
            continue  # no page or paper said as the subject: 'what do they say'
        if any(a < m.end() and b > start for a, b in people):
            continue
        q.blank(m.start(), m.end())
    for m in list(_FRAMING.finditer(q.text)):
        q.blank(m.start(), m.end())


def relative(fields: list[str], conditions: list[Condition], paper: Paper) -> list[str]:
    """Places said relative to named authors ('the two names after X', 'who sits between X and Y') as the places they
    are on this paper's printed list (`author@k`); where a named author is not printed, or a place is past what the
    answer words name, the named authors' own places and the list instead, which say the same."""
    names = [normalize_title(a.name) for a in paper.authors]
    at = [names.index(n) if (n := normalize_title(c.value)) in names else None for c in conditions if c.field == "author"]
    out: list[str] = []
    for f in fields:
        if f.startswith("around:") and at and at[0] is not None:
            _, way, n = f.split(":")
            places = range(at[0] + 1, at[0] + 1 + int(n)) if way == "next" else range(max(0, at[0] - int(n)), at[0])
        elif f == "between" and len(at) == 2 and None not in at:
            low, high = sorted(at)  # type: ignore[type-var]
            places = range(low + 1, high)
        elif f.startswith("around:") or f == "between":
            places = range(0)
        else:
            out.append(f)
            continue
        if places and places[-1] < len(ORDINALS):
            out += [{0: "first_author"}.get(k, f"author@{k}") for k in places]
        else:  # no one there, or a place past the tenth: where each named author stands, and the whole list
            out += ["author_position", "authors"]
    return list(dict.fromkeys(out))


def around(m: re.Match) -> str:
    """The field an AROUND match asks: 'around:next:2' for 'the two names after X', 'around:previous:3'."""
    way = "previous" if m["dir"].startswith(("before", "preceding", "ahead", "in")) else "next"
    return f"around:{way}:{_number(m['n'])}"
