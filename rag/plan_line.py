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

from rag import rx
from rag.plan_terms import NUMBER_WORDS, Condition, Question, _number
from rag.records import Paper, normalize_title

# The author list said with its article and an optional size ('the three-name author line', 'its 23-author byline'),
# perhaps with a bracketed aside ('the (very long) author list').
_SIZE = rf"(?:(?:\d+|{'|'.join(NUMBER_WORDS)})[- ](?:names?|authors?|persons?|people)\s+)"
# what the asker says of the list's size or wholeness ('that huge byline', 'its very long author list'): no field
LIST_SIZE = r"(?:full|whole|complete|entire|printed|long|lengthy|huge|big|massive|enormous|giant|short)"
LINE = rf"(?:the\s+|its\s+|their\s+|this\s+|that\s+)?{_SIZE}?(?:\(\s*[\w\s-]{{1,24}}\)\s*)?" \
       rf"(?:(?:very\s+)?{LIST_SIZE}\s+)?" \
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
# One name beside a named author ('who comes just after X', 'whose name precedes X'; rag/plan_fields' author_next /
# author_previous read it): said here so that the part readers run when X's place is said too ('… after X at the
# front of the author list' names X as the first author, a condition, not a plain author).
_BESIDE = r"\b(?:right|just|directly|immediately)\s+(?:after|before|behind|ahead\s+of|in\s+front\s+of)\b|" \
          r"\b(?:follows?|precedes?)\b"
RELATIVE = re.compile(rf"{AROUND}|{BETWEEN}|{_BESIDE}", re.I)

# One named author's own affiliations or marks asked: 'what affiliation does X have on Y', 'where is X from on Y',
# 'which institutions is X listed with', 'X carries two marks: which two places?', 'is X marked as Amii on Y', 'what e-mail
# does X give' (the address that spells X's name, rag/authors.email_of). The fields those words read
# alone (the paper's affiliations, organisations, or the page 'where') become that author's (`author_marks`).
ORIGIN = re.compile(r"\baffiliat\w*|\binstitut\w*|\borgani[sz]ations?\b|\buniversit(?:y|ies)\b|\bmarks?\b|\bplaces\b|\be-?mails?\b|"
                    r"\b(?:marked|starred|asterisked|flagged)\b|\bwhere\b[^?]*\b(?:from|based)\b", re.I)
ORIGIN_FIELDS = {"affiliation", "organisation", "page", "emails"}  # 'what email does X give on Y': X's own (with the list)

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
                      r"\bi\s+(?:can't|cannot|can\s+not|couldn't|don't|do\s+not|didn't)\s+(?:see|find|spot|tell)\b|"
                      # the asker's hint of where a name is ('X is somewhere in the long byline of Y'): the place is asked
                      rf"\b(?:is|are|sits?|appears?)\s+somewhere\s+(?:in|on|among)\s+{LINE}(?:\s+(?:of|on|for))?", re.I)
# The list said as where a place is ('in the SPECTER byline, who sits between X and Y'), not its names asked.
LOCATIVE = re.compile(r"\b(?:in|on|within|from|of)\s+(?:the\s+|its\s+|their\s+|that\s+|this\s+)?(?:\s{2,})?"
                      rf"(?:(?:very\s+)?{LIST_SIZE}\s+)?(?:author\s+(?:list|line)|"
                      r"byline|list\s+of\s+(?:authors|names))\b", re.I)  # 'in that long author list'

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
        if not sub.strip() and not rx.search(rf"\b{_SAYER}\b", said, re.I) and not any(
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
        if places and places[-1] < 30:  # a run of places past any byline here says no more than the whole list
            out += [{0: "first_author"}.get(k, f"author@{k}") for k in places]
        else:  # no one there, or a place past the tenth: where each named author stands, and the whole list
            out += ["author_position", "authors"]
    return list(dict.fromkeys(out))


def around(m: re.Match) -> str:
    """The field an AROUND match asks: 'around:next:2' for 'the two names after X', 'around:previous:3'."""
    way = "previous" if m["dir"].startswith(("before", "preceding", "ahead", "in")) else "next"
    return f"around:{way}:{_number(m['n'])}"


# A mark by one author's name asked for what it means ('what does the star by his name mean', 'what is the dagger next
# to X for', "what do X's marks stand for"): that author's own marks, each with the note or place it stands for
# (`author_marks`). Read on the text with names blanked, so only frame words may stand around the mark.
_MARK = r"(?:(?:footnote\s+|affiliation\s+)?marks?|stars?|asterisks?|(?:double\s+)?daggers?|symbols?|superscripts?|" \
        r"[*∗†‡§¶])"
_OWNER = r"(?:(?:the|that|this|his|her|their|its|'s|s)\s+|\s)*"
MEANING = re.compile(rf"\bwhat\s+(?:does|do|did|is|are|was|were)\s+{_OWNER}{_MARK}(?:\s+(?:by|next\s+to|beside|after|"
                     rf"on|against|for|of|at|attached\s+to)\s+{_OWNER}(?:names?\s+)?)?\s*(?:(?:mean|means|meant|stand\s+for|"
                     r"stands\s+for|signify|indicate|denote)\b|for\s*(?=[?.!,;]|$))", re.I)
# Membership of the group a footnote names, asked of one author or of the paper ('is he one of the equal-contribution
# pair', 'who are the equal contributors'): the paper's equal-contribution note with the names that carry its mark
# (rag/catalog_fields.py's `equal`), which also says whether a named or placed author is among them.
EQUAL_GROUP = re.compile(r"\b(?P<member>(?:(?:is|was|are|were)\s+(?:(?:he|she|they|it|that\s+(?:person|author|one)|this\s+"
                         r"(?:person|author|one)|the\s+same\s+(?:person|author))\s+)?)?(?:(?:one|both|either|any)\s+of\s+|"
                         r"among\s+|part\s+of\s+|in\s+))?(?:the\s+)?equal[\s-]+contribut\w*(?:\s+(?:pair|pairs|duo|trio|"
                         r"group|authors|people|names|ones|set|mark|footnote|note))?\b", re.I)
# The asker's remark that an author's name carries no mark ('he has no mark next to his name'): how the field is
# asked (the default affiliation the paper prints is then the answer), not a further question.
NO_MARK = re.compile(rf"\b(?:he|she|they|it|the\s+name|his\s+name|her\s+name|their\s+name)\s+(?:has|have|carries|carry|"
                     rf"bears?|gets?|shows?|is\s+printed\s+with)\s+no\s+{_MARK}(?:\s+(?:next\s+to|by|beside|after|on|at)\s+"
                     rf"{_OWNER}(?:names?)?)?", re.I)


def marks_asked(q: Question) -> list[tuple[int, str]]:
    """Where a mark's meaning or a footnoted group is asked, as (offset, field), their words blanked in `q`; the
    asker's remark that a name has no mark is blanked and asks nothing."""
    # As asked, with only the names blanked: a reader of marks may have taken 'star' or 'mark' already.
    said = q.folded
    for a, b, kind in q.spans:
        said = said[:a] + " " * (b - a) + said[b:] if kind in ("person", "title") else said
    found = []
    for pattern, key in ((MEANING, "author_marks"), (EQUAL_GROUP, "equal"), (NO_MARK, "")):
        for m in pattern.finditer(said):
            q.blank(m.start(), m.end())
            found += [(m.start(), key)] if key else []
            if key == "equal" and m["member"]:  # 'is he one of the pair': that author's own marks too
                found.append((m.start() + 1, "author_marks"))
    return found


def named_plainly(fields: list[str], conditions: list[Condition], paper: Paper) -> list[Condition]:
    """An author named with their place said too ('right before Oren Etzioni at the end of the author list', 'the
    marks of X, the second author'): for a field read against a named author, the place only restates where they
    stand, so the author is named plainly too (the answer's words find a named author by a plain 'author: X'). A field
    asked of an author only by their place ('the second author … the star by his name') names the author printed
    there."""
    against = {"author_next", "author_previous", "between", "author_marks", "author_position"}
    if not (against & set(fields) or any(f.startswith("around:") for f in fields)):
        return conditions
    names = [normalize_title(a.name) for a in paper.authors]
    plain = {c.value for c in conditions if c.field == "author" and c.label == f"author: {c.value}"}
    said = [c.value for c in conditions if c.field == "author" and not c.value.startswith("not ")
            and c.value not in plain and c.label.endswith(f": {c.value}")]
    if not said and not plain and "author_marks" in fields:  # marks of the author at a place asked beside them
        at = [_index(f, len(names)) for f in fields]
        said = [paper.authors[i].name for i in at if i is not None][:1]
    return conditions + [Condition("author", v, f"author: {v}", lambda p, v=v: normalize_title(v) in
                                   {normalize_title(a.name) for a in p.authors}) for v in dict.fromkeys(said)]


def _index(field: str, n: int) -> int | None:
    """The index a place field names on a list of `n` names ('author@2' -> 2, 'last_author' -> n - 1)."""
    if field == "first_author":
        return 0 if n else None
    if field == "last_author":
        return n - 1 if n else None
    if field.startswith("author@") and int(field.removeprefix("author@")) < n:
        return int(field.removeprefix("author@"))
    return None


# What a person on the line does ('what does SPECTER's second author work on', 'which topics does its last author
# study'): their work is content, however the person is found on the line.
_ACTS = re.compile(r"\b(?:authors?|co-?authors?|he|she|they)\s+(?:(?:usually|mainly|mostly|also|now|currently|still)\s+)?"
                   r"(?:work|works|worked|working|research|researches|researched|stud(?:y|ies|ied)|focus(?:es|ed)?|"
                   r"speciali[sz]\w*)\b(?!\s+(?:at|for|with)\b)", re.I)


# The same said of a person found by their place, the verb closing the question ('what does the 12th author of the
# literature graph paper work on?').
_PLACED_ACTS = re.compile(r"\b(?:authors?|co-?authors?|names?)\b[^?;]*\b(?:work|works|research|researches|study|studies|"
                          r"focus|focuses)(?:\s+(?:on|in|about))?\s*(?:\?|$)", re.I)


def person_acts(q: Question) -> bool:
    """Whether the question asks what a person on the author line works on or studies (content, not the line). 'where
    does he work' / 'works at' is an affiliation and stays the line's."""
    return bool(_ACTS.search(q.folded) or _NAMED_ACTS.search(q.text) or _PLACED_ACTS.search(q.folded)) and \
        not rx.search(r"\bwhere\b", q.folded, re.I)


# The same said of a person named (their name blanked by now: 'what does Lucy Lu Wang work on', 'what is X researching').
_NAMED_ACTS = re.compile(r"\b(?:does|do|did|is|was|has)\s{3,}(?:(?:usually|mainly|mostly|also|now|currently|still|been)\s+)?"
                         r"(?:work|working|research|researching|study|studying|focus|focusing)\b(?!\s+(?:at|for|with)\b)", re.I)
