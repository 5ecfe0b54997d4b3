"""Places said right after the people they are of: 'papers where Dinghuai Zhang is first author and Courville is third',
'entries where Courville is second to last', 'X is listed 2nd and Y 4th'.

rag/plan_position.py and rag/plan_marks.py bind a place to the one person a question names; with two people named
neither can say whose the place is. The byline is an ordered list and each person's name is printed in it, so a place
said straight after a name (its words still in the question, the name blanked as grounded) is that person's: each such
person's condition becomes 'that person at that place' (or not at it: 'Y is not last'). One person with a bare copula
('… where Courville is second to last') is read the same way, only at a clause's end, so that 'is the last one' never
turns a sort ('which of X's papers is the last one posted') into a place.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_position import PLACE_WORDS, at_place, not_at, ordinal
from rag.plan_terms import Condition, Question, fold

_AT = re.compile(rf"\s*(?P<verb>(?:is|was|are|were|'s)\s+)?(?:(?:listed|named|printed|placed|credited|sits?|comes?)\s+)?"
                 rf"(?:(?:in|at)\s+)?(?:as\s+)?(?:the\s+)?(?P<neg>not\s+)?(?P<place>{PLACE_WORDS})(?:[- ]listed)?"
                 r"(?:\s+(?:author|name|one|co-?author|place|position|slot|spot))?\b", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[?.,;!)]|$|\b(?:and|but)\b)", re.I)


def people_placed(q: Question, found: list[Condition]) -> list[Condition]:
    """`found` with each named person whose place is said right after their name moved to that place (the place's words
    taken); unchanged when no such place is said."""
    people = [c for c in found if c.field == "author" and c.label == f"author: {c.value}"]
    if not people:
        return found
    placed: dict[int, Condition] = {}  # id of a person's condition -> the person at the place said
    for person in people:
        for end in _name_ends(q, person.value):
            m = _AT.match(q.text, end)
            if m is None or (index := ordinal(m["place"])) is None:
                continue
            if len(people) == 1 and not (m["verb"] and _CLAUSE_END.match(q.text, m.end())):
                continue  # one person: only 'X is third' closing its clause (the other readers had the rest)
            q.blank(m.start("place") if not m["verb"] else m.start(), m.end())
            at = at_place(person, index)
            placed[id(person)] = not_at(person, at, index) if m["neg"] else at
            break
    return [placed.get(id(c), c) for c in found]


def _name_ends(q: Question, name: str) -> list[int]:
    """Where the person's name (in full or the surname alone), taken as grounded, ends in the question."""
    ends = []
    for said in dict.fromkeys([fold(name), fold(name).split()[-1]]):
        for m in rx.finditer(rf"(?<![\w-]){re.escape(said)}(?:'s)?(?![\w-])", q.folded, re.I):
            if not q.text[m.start():m.end()].strip():  # grounded: blanked by the reader that read the name
                ends.append(m.end())
    return sorted(set(ends))


__all__ = ["people_placed"]
