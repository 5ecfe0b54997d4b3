"""A number compared with any numeric field of the registry (rag/catalog_fields.py): 'a score above 85', 'at least
12 pages', 'version 2 or higher', 'titles longer than 10 words', 'a score between 84 and 90'. One grammar of
comparisons for every field with a `number`, so a new numeric field is comparable without a rule of its own.

The field is named by its own words (the registry's `words`), the comparison by the usual phrasings before or
after the number; the condition only counts papers whose page can print the field (`printed`), so 'a score
below 85' never lists the trending entries, which print no score at all.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_fields import BY_NAME, FIELDS, Field, field_words
from rag.plan_listing import ENTRY, LISTING, NOT_AUTHORS
from rag.plan_terms import ORDINALS, Condition, Question

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_NUMBER = rf"(\d+(?:\.\d+)?|{'|'.join(_WORDS)})"
# A verb the count is said with ('PDFs that run longer than 10 pages', 'titles that span over 12 words').
_VERB = r"(?:\b(?:runs?|running|ran|spans?|spanning|goes|go|going)\s+(?:to\s+)?)?"
# Comparison words before the number, by what they mean; in order: 'greater than or equal to' before 'greater than'.
_BEFORE = [(">=", r"(?:greater|more|higher|larger)\s+than\s+or\s+equal\s+to|at\s+or\s+above"),
           ("<=", r"(?:less|fewer|lower|smaller)\s+than\s+or\s+equal\s+to|at\s+or\s+below"),
           (">", r"above|over|more\s+than|greater\s+than|higher\s+than|larger\s+than|bigger\s+than|better\s+than|"
                r"longer\s+than|later\s+than|after|exceed(?:s|ed|ing)?|in\s+excess\s+of|beyond|>"),
           (">=", r"at\s+least|no\s+(?:less|fewer|lower)\s+than|not\s+(?:below|under|less\s+than)|a\s+minimum\s+of|"
                 r"minimum|>=|≥"),
           ("<", r"below|under|less\s+than|fewer\s+than|lower\s+than|smaller\s+than|worse\s+than|shorter\s+than|"
                r"earlier\s+than|before|<"),
           ("<=", r"at\s+most|no\s+(?:more|higher|greater)\s+than|not\s+(?:above|over|more\s+than)|a\s+maximum\s+of|"
                 r"maximum|up\s+to|<=|≤"),
           ("=", r"exactly|of\s+exactly|equal\s+to|=|of")]
# Words after the number that make it a bound: '85 or more', '2 or higher', '10 and up'.
_AFTER = {">=": r"or\s+(?:more|higher|above|greater|better|over|later|longer)|and\s+(?:up|above|over|higher)|"
                r"or\s+(?:even\s+)?more",
          "<=": r"or\s+(?:less|lower|fewer|below|under|worse|earlier|shorter)|and\s+(?:below|under|lower)"}
_SAY = {">": "above", ">=": "at least", "<": "below", "<=": "at most", "=": "exactly"}
# Between the field's name and the comparison: 'a score (that is) above', 'version (number) of at least'.
_LINK = r"(?:\s+(?:that\s+|which\s+)?(?:is|are|was|were|of|value|values|number|numbers))*"


def compared(q: Question) -> list[Condition]:
    """A Condition per numeric field compared with a number; the span is cut from the question."""
    found = places(q)
    if not rx.search(rf"\d|\b(?:{'|'.join(_WORDS)})\b", q.text, re.I):
        return found  # no number, no comparison: the cheap test first, as plan() runs on every question
    for f in FIELDS:
        if f.number is None:
            continue
        words = field_words(f)
        if not rx.search(rf"(?<![\w-])(?:{words}|{_unit(f) or words})(?![\w-])", q.text, re.I):
            continue  # the field is not named: none of its ten comparison shapes can match
        # A bound said after the number first ('a score of 85 or higher'): read before it, 'of 85' is a score of
        # exactly 85 and 'or higher' is left over.
        for op, said in _AFTER.items():
            for m in q.take(rf"(?<![\w-])(?:{words})(?![\w-]){_LINK}\s+{_NUMBER}\s+(?:{said})\b|"
                            rf"(?<![\w-]){_NUMBER}\s+(?:{said})\s+(?:{_unit(f) or words})(?![\w-]){_LONG}", 0):
                found.append(_condition(f, op, _value(m.group(1) or m.group(2))))
        for op, said in _BEFORE:
            for m in q.take(rf"(?<![\w-])(?:{words})(?![\w-]){_LINK}\s+(?:{said})\s*{_NUMBER}(?:\s+(?:{_unit(f)}){_LONG})?\b|"
                            rf"{_VERB}(?<![\w-])(?:{said})\s*{_NUMBER}\s+(?:{_unit(f) or words})(?![\w-]){_LONG}", 0):
                found.append(_condition(f, op, _value(m.group(1) or m.group(2))))
        for m in q.take(rf"(?<![\w-])(?:{words})(?![\w-]){_LINK}\s+(?:between|from)\s+{_NUMBER}\s+(?:and|to|-|–)\s+"
                        rf"{_NUMBER}\b(?:\s+(?:{_unit(f)}))?|"
                        rf"(?<![\w-])between\s+{_NUMBER}\s+(?:and|to)\s+{_NUMBER}\s+(?:{_unit(f) or words})(?![\w-])", 0):
            low, high = (_value(m.group(1)), _value(m.group(2))) if m.group(1) else (_value(m.group(3)), _value(m.group(4)))
            found.append(_between(f, min(low, high), max(low, high)))
    return found


_LONG = r"(?:\s+(?:long|in\s+length))?"  # 'under five words long'


def _value(text: str) -> float:
    return float(_WORDS.get(text.casefold(), 0) or text)


def _unit(f: Field) -> str:
    """What the number counts when it is not the field's own name: a title's length in words."""
    return {"title_length": r"words?", "page_count": r"pages?"}.get(f.name, "")


def _condition(f: Field, op: str, n: float) -> Condition:
    tests = {">": lambda x: x > n, ">=": lambda x: x >= n, "<": lambda x: x < n, "<=": lambda x: x <= n,
             "=": lambda x: x == n}
    test = tests[op]
    return Condition(f.name, f"{op}{n:g}", f"{f.label}: {_SAY[op]} {n:g}",
                     lambda p: (x := f.number(p)) is not None and test(x), known_test=f.printed)  # type: ignore[misc]


def _between(f: Field, low: float, high: float) -> Condition:
    return Condition(f.name, f"{low:g}..{high:g}", f"{f.label}: {low:g} to {high:g}",
                     lambda p: (x := f.number(p)) is not None and low <= x <= high,  # type: ignore[misc]
                     known_test=f.printed)


# On a listing page, not an author list ('listed third on the SPECTER author list' is an author's place).
_ON_PAGE = rf"(?:on|in|of)(?=\s){NOT_AUTHORS}\s+(?:\S+\s+){{0,3}}?{LISTING}"
_LISTED = rf"(?=\s+(?:listed|shown|printed|{_ON_PAGE}))"
# 'the 10th paper down', '… from the top': the printed order counted from its head, as every place here is.
_DOWN = r"(?:\s+(?:(?:counting\s+)?down|(?:counting\s+|counted\s+)?from\s+the\s+top))?"
_PLACE = {w: n for n, w in enumerate(ORDINALS[1:], start=2)}  # 'second' .. 'tenth': 'first' is listing_end's
# Each place pattern needs 'listed/shown/printed' or a listing's name (LISTING, inside _ON_PAGE): one test first.
_SAID_LISTED = re.compile(r"list|shown|printed|page|profile|trending", re.I)
_HOW_MANY = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "twenty": 20}


def places(q: Question) -> list[Condition]:
    """A place in a page's printed order, said with the listing: 'the second paper listed on the trending page', 'which
    paper is listed third on the Amii page' (places 2, 3), 'the first five entries on Courville's profile' / 'the top 10 papers listed' / 'in the top 10 of the trending
    list' (places 1 to 5 / 10). A bare
    'the second paper' or 'the top 10 papers' (by what?) is not read: the listing must be said."""
    if not _SAID_LISTED.search(q.text):
        return []
    field = BY_NAME["position"]
    found = []
    nth = "|".join(_PLACE) + r"|\d{1,3}(?:st|nd|rd|th)"
    for m in q.take(rf"\b(?:the\s+)?({nth})[\s-]+{ENTRY}{_DOWN}(?:{_LISTED}|(?<=top)(?=\s+of\s+(?:\S+\s+){{0,3}}?{LISTING}))(?:\s+(?:listed|shown|printed)\b)?|"
                    rf"\b(?:listed|shown|printed|placed|comes?|appears?|sits?|is|was)\s+(?:in\s+)?({nth})(?:\s+place)?\b"
                    rf"(?:(?=\s+{_ON_PAGE})|\s+(?:(?:counting\s+)?down|from\s+the\s+top\s+of)(?=\s+(?:\S+\s+){{0,3}}?{LISTING}))"):
        word = (m.group(1) or m.group(2)).casefold()
        found.append(_condition(field, "=", float(_PLACE.get(word) or int(rx.sub(r"\D", "", word)))))
    for m in q.take(rf"\b(?:the\s+)?(?:first|top)\s+(\d{{1,3}}|{'|'.join(_HOW_MANY)})(?:\s+{ENTRY})?{_LISTED}"
                    r"(?:\s+(?:listed|shown|printed)\b)?"):
        word = m.group(1).casefold()
        found.append(_condition(field, "<=", float(_HOW_MANY.get(word) or int(word))))
    return found
