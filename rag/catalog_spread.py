"""Arithmetic over a numeric field's two ends: 'the spread between the highest and the lowest score', 'how far apart
are the top and bottom scores', 'the ratio of the longest to the shortest page count'. The field is any numeric one
of the registry (rag/catalog_fields.py); the answer cites the papers at both ends (rag/catalog_text.py words it)."""

from __future__ import annotations

import re

from rag.catalog_fields import _HIGH, _LOW, BY_NAME, FIELDS
from rag.records import Paper

# Two cheap tests before one search per numeric field: an end said, and a word of arithmetic.
_SAID = re.compile(rf"\b(?:{_HIGH}|{_LOW})\b", re.I)
_ARITHMETIC = re.compile(r"\b(?:spread|range|difference|differ|gap|distance|ratio|apart|span|times)\b", re.I)
_BETWEEN = r"(?:between|of|from|separating)"
_ENDS = rf"(?:the\s+)?(?:{_HIGH})(?:\s+(?:one|value|number))?\s+(?:and|to|vs\.?|versus)\s+(?:the\s+)?(?:{_LOW})|" \
        rf"(?:the\s+)?(?:{_LOW})(?:\s+(?:one|value|number))?\s+(?:and|to|vs\.?|versus)\s+(?:the\s+)?(?:{_HIGH})"


def spread(q) -> tuple[str, str, bool] | None:  # q: rag.plan_terms.Question
    """('range' | 'ratio', field, False) for the difference or ratio of a numeric field's highest and lowest values,
    its words taken; None when no such phrase names a numeric field."""
    if not (_SAID.search(q.text) and _ARITHMETIC.search(q.text)):
        return None
    for f in (f for f in FIELDS if f.number is not None and f.name != "position"):
        m = q.take(rf"\b(?:the\s+|what(?:'s|\s+is)\s+the\s+)?(spread|range|difference|gap|distance|span|ratio)\s+"
                   rf"{_BETWEEN}\s+(?:{_ENDS})[\s-]+(?:{f.words})(?![\w-])|"
                   rf"\b(?:{_ENDS})[\s-]+(?:{f.words})(?![\w-])\s+(?:(?:are|is)\s+)?(?:how\s+far\s+)?(apart|differ|"
                   rf"ratio|times)\b|"
                   rf"\b(?:how\s+far\s+apart\s+are|how\s+much\s+do|by\s+how\s+much\s+do)\s+(?:{_ENDS})[\s-]+"
                   rf"(?:{f.words})(?![\w-])(?:\s+(differ))?")
        if m:
            word = next((g for g in m[0].groups() if g), "").casefold()
            return ("ratio" if word in ("ratio", "times") else "range"), f.name, False
    return None


def ends(papers: list[Paper], name: str) -> list[Paper]:
    """The papers printing a field's highest value and those printing its lowest (ties kept), highest first."""
    number = BY_NAME[name].number  # a numeric field: `spread` reads no other
    values = [(p, x) for p in papers if (x := number(p)) is not None]  # type: ignore[misc]
    if not values:
        return []
    top, bottom = max(x for _, x in values), min(x for _, x in values)
    return [p for p, x in values if x == top] + [p for p, x in values if x == bottom != top]
