"""A place in the author list said apart from who holds it: 'papers where Courville is listed last', 'X in second
place', 'lists X first', 'papers that end with a non-Amii author', 'whose final name is not starred'.

The planner has already grounded the person, the institute mark or the organisation and cut them out; what is
left of the place is frame ('is listed last', 'end with a … author'). When exactly one condition on one author
is in the question, the place moves it from 'any author' to the author in that place — the same test on one
author, whatever field it reads (a name, the legend's mark, a PDF's organisation). Counted from the front a place
holds on a list cut with 'et al.' as far as it prints; counted from the end only on a complete list.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag import rx
from rag.organisations import organisation_authors
from rag.plan_terms import Condition, Question, ordinal_suffix
from rag.records import Author, Paper, normalize_title

ORDINAL = {"first": 0, "1st": 0, "lead": 0, "leading": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3,
            "4th": 3, "fifth": 4, "5th": 4, "last": -1, "final": -1, "senior": -1, "closing": -1, "penultimate": -2,
            "second-to-last": -2, "second-last": -2}
# A byline may run to two dozen names ('the 12th name', 'the twentieth author'): every place is a place, spelled out up
# to the twentieth or as digits with their suffix (read by `ordinal`, not listed).
_SPELLED = ("sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
            "eighteenth nineteenth twentieth").split()
ORDINAL |= {w: i for i, w in enumerate(_SPELLED, start=5)}
_DIGITS = r"[1-9]\d?(?:st|nd|rd|th)"
# The ordinal words as a pattern, built from ORDINAL so that every word read has its place (rag/plan_fields.py reads
# the same words); longest first, so 'second to last' is not read as 'second'.
# A place counted from the end is any place with 'to last' / 'from the end' after it ('third-to-last', '3rd from the
# end'); 'second-to-last' and the like are listed too, and match first (longest first).
_FROM_END = r"[- ](?:to|from)[- ](?:the[- ])?(?:last|end|bottom)"
PLACE_WORDS = "|".join(re.escape(w).replace(r"\-", "[- ]") for w in sorted(ORDINAL, key=len, reverse=True)) + \
    f"|{_DIGITS}"
PLACE_WORDS = rf"(?:{PLACE_WORDS})(?:{_FROM_END})?"
_ORD = rf"({PLACE_WORDS})"
_PERSON = r"(?:author|name|person|researcher|co-?author|contributor)"
_ENDS = {"end": -1, "finish": -1, "close": -1, "conclude": -1, "start": 0, "begin": 0, "open": 0, "lead": 0}
_LIST = r"(?:the\s+|its\s+|their\s+)?(?:author\s+(?:list|line)|byline|list\s+of\s+authors|(?:co-?)?authors|names)"
# The place, with the value already blanked out of it (two or more spaces where a name or a mark was).
_PLACES = [
    # 'X is listed last', 'X listed as the second author', 'X appears first', 'X comes last in the author list'
    rf"(?<=\s\s)(?:(?:is|are|was|were|gets?|got)(?:n't|\s+not)?\s+)?(?:listed|named|printed|placed|credited|positioned|ranked|appears?|"
    rf"appearing|comes?|coming|sits?|shown|put|given)\s+(?:as\s+)?(?:the\s+)?{_ORD}(?:[- ]listed)?(?:\s+{_PERSON})?\b",
    # 'X in (the) last place / position', 'in the final slot of the byline', 'as the last of their authors'
    rf"\b(?:in|at|from)\s+(?:the\s+)?{_ORD}\s+(?:place|position|slot|spot)(?:\s+(?:of|on|in)\s+{_LIST})?\b|"
    rf"\bas\s+(?:the\s+)?{_ORD}\s+(?:one\s+)?(?:of|on|in)\s+{_LIST}\b",
    # 'X at the end / front of the author list'
    rf"\bat\s+the\s+(end|close|tail|back|front|start|head|beginning|top|bottom)\s+of\s+{_LIST}\b",
    # 'whose last-listed author is X', 'the final name is X', 'the second author is not X'
    rf"\b(?:whose|where\s+the|the|its|their|with\s+(?:an?|the))\s+{_ORD}(?:[- ]listed|[- ]named|[- ]placed)?\s+"
    rf"{_PERSON}s?\s*(?:(?:is|was|are|being)\s+)?(?:(?:also|an?)\s+)?",
    # 'papers that end with a non-Amii author', 'author lists starting with X'
    r"\b(end|finish|close|conclude|start|begin|open|lead)(?:e?s|ed|ing)?\s+(?:(?:their|its|the)\s+(?:author\s+)?"
    rf"(?:lists?|bylines?)\s+)?with\s+(?:an?\s+|the\s+)?(?:{_PERSON}\b)?",
    # 'lists X last', 'put X first': the verb, the blanked name, the place
    rf"\b(?:lists?|listing|names?|naming|puts?|putting|places?|placing|credits?|crediting)\s{{3,}}{_ORD}\b",
]


def placed(q: Question, found: list[Condition]) -> list[Condition]:
    """`found` with its one author condition moved to the place the question names, the place's words blanked;
    `found` unchanged when no place is named or when it is unclear which condition the place is said of."""
    bindable = [c for c in found if _one_author_test(c) is not None]
    if len(bindable) != 1:
        return found
    for pattern in _PLACES:
        for m in rx.finditer(pattern, q.text, re.I):
            index = _index(m)
            if index is None:
                continue
            q.blank(m.start(), m.end())
            placed_ = at_place(bindable[0], index)
            before = rx.search(r"(?:\b(?:not|never)|n't)\s*$", q.text[:m.start()], re.I)  # 'he is NOT the last'
            if before or rx.search(r"n't\b|\bnot\b", m.group(0), re.I):  # 'Courville isn't listed last'
                if before:
                    q.blank(before.start(), before.end())
                placed_ = not_at(bindable[0], placed_, index)
            return [placed_ if c is bindable[0] else c for c in found]
    return found


def not_at(c: Condition, at: Condition, index: int) -> Condition:
    """'papers where Courville is not the last author': his papers (for a person), the place printed, not his."""
    person = c.field == "author"
    test = _one_author_test(c)
    # A name printed before the page's 'et al.' is not the last (someone follows); his other papers whose list the
    # page cuts cannot be said either way, and the answer counts them apart.
    shown = (lambda p: index == -1 and p.authors_truncated and any(test(p, a) for a in p.authors)) \
        if person and test is not None else (lambda p: False)
    unknown = (lambda p: c(p) and p.authors_truncated and not shown(p)) if person and index < 0 else (lambda p: False)
    return Condition(c.field, f"not {c.value}", f"not {at.label}", lambda p: (
        not person or c(p)) and bool(p.authors) and (index >= 0 or not p.authors_truncated or shown(p)) and len(
        p.authors) > max(index, -index - 1) and not at(p), known_test=lambda p: not unknown(p))


def ordinal(word: str) -> int | None:
    """The place an ordinal word names ('second' 1, 'second to last' -2, 0-based from the front, negative from the
    end), however cased or spaced; None for a word that names none."""
    word = word.casefold().replace(" ", "-")
    if word not in ORDINAL and (end := rx.fullmatch(rf"(.+?){_FROM_END}", word)):  # 'third-to-last' is -3
        n = ordinal(end[1])
        return -(n + 1) if n is not None and n >= 0 else None
    if rx.fullmatch(_DIGITS, word):
        n = int(word[:-2])
        return n - 1 if word[-2:] == ordinal_suffix(n)[-2:] else None  # '12th', '22nd'; not '12st'
    return ORDINAL.get(word)


def _index(m: re.Match) -> int | None:
    word = next((g for g in m.groups() if g), None)
    if word is None:
        return None
    if (at := ordinal(word)) is not None:
        return at
    word = word.casefold()
    if word in _ENDS:
        return _ENDS[word]
    return 0 if word in ("front", "start", "head", "beginning", "top") else -1


def _one_author_test(c: Condition) -> Callable[[Paper, Author], bool] | None:
    """The condition as a test of one author of a paper, when it is about one author: a person by name, the
    legend's mark (or its absence, 'non-Amii'), a PDF's organisation. None for anything about the whole paper."""
    negated = c.value.startswith("not ")
    value = c.value.removeprefix("not ")
    if c.field == "author" and value.startswith("surname ") and not negated:
        return lambda p, a, s=value.removeprefix("surname "): normalize_title(a.name).split()[-1:] == [s]
    if c.field == "author" and not negated and c.label.startswith("author: ") and not value.startswith(
            ("authors of", "given name")):
        return lambda p, a, n=normalize_title(value): normalize_title(a.name) == n
    if c.field == "affiliation" and c.label.removeprefix("not ") == f"affiliation: {value}":
        return (lambda p, a: a.affiliation != value) if negated else (lambda p, a: a.affiliation == value)
    if c.field == "organisation" and not negated:
        return lambda p, a: normalize_title(a.name) in {normalize_title(n) for n in organisation_authors(p, value)}
    return None


_WHICH = {0: "first", 1: "second", 2: "third", 3: "fourth", 4: "fifth", -1: "last", -2: "second-to-last"}


def place_label(index: int) -> str:
    """'first', 'second-to-last', '12th', '3rd-to-last': the place an index names (0-based, negative from the end)."""
    return _WHICH.get(index) or (ordinal_suffix(index + 1) if index >= 0 else f"{ordinal_suffix(-index)}-to-last")


def at_place(c: Condition, index: int, which: str | None = None) -> Condition:
    """The condition `c` said of the author at `index` (0 first, -1 last); `which` names the place in the label
    ('senior'), else the ordinal. A condition about the whole paper is returned as it is."""
    test = _one_author_test(c)
    if test is None:
        return c
    negated = c.value.startswith("not ")

    def holds(p: Paper) -> bool:
        if index < 0 and p.authors_truncated or len(p.authors) < (index + 1 if index >= 0 else -index):
            return False
        if c.field == "affiliation" and not any(s.format == "institute" for s in p.sources):
            return False  # only the legend's page marks authors; elsewhere an unmarked name says nothing
        return test(p, p.authors[index])

    which = which or place_label(index)
    label = c.label.removeprefix("not ")
    field, value = label.split(": ", 1) if ": " in label else (c.field, c.value)
    return Condition(c.field, c.value, f"{which} author{': not' if negated else ':'} {value}"
                     + (f" ({field})" if field not in ("author",) else ""), holds)


def counted(question: str, found: list[Condition]) -> list[Condition]:
    """'at least two authors at the University of Washington', 'three authors surnamed Zhang': a count of the
    authors who hold the one author condition, not a count of all authors beside it. Only when the question says
    the count of authors and then where they are ('authors at / from / affiliated with …')."""
    sizes = [c for c in found if c.field == "author_count" and rx.fullmatch(r"[a-z ]+ \d+", c.value)]
    held = [c for c in found if c.field in ("organisation", "author") and _one_author_test(c) is not None]
    if len(sizes) != 1 or len(held) != 1 or not rx.search(
            r"\bauthors?\s+(?:(?:who\s+are|that\s+are|being)\s+)?(?:at|from|affiliated\s+with|with\s+the\s+"
            r"(?:sur|last|family)\s*name|surnamed|named|called)\b", question, re.I):
        return found
    size, c = sizes[0], held[0]
    test = _one_author_test(c)
    word, n = size.value.rsplit(" ", 1)
    compare = {"exactly": lambda k: k == int(n), "at least": lambda k: k >= int(n), "more than": lambda k: k > int(n),
               "over": lambda k: k > int(n), "fewer than": lambda k: 0 < k < int(n), "less than": lambda k: 0 < k < int(n),
               "at most": lambda k: 0 < k <= int(n)}.get(word)
    if compare is None or test is None:
        return found
    both = Condition(c.field, c.value, f"{c.label} ({word} {n} authors)",
                     lambda p: compare(sum(test(p, a) for a in p.authors)))
    return [both if x is c else x for x in found if x is not size]
