"""A superlative whose noun is said earlier in the question: 'Of the Courville entries that show a score, which one has
the lowest?', 'among the papers with a page count, which is the largest?'.

The superlative ends the question with no noun of its own ('the lowest?'), so rag/catalog_fields.py's sort, which
reads 'the lowest score', does not see it. Its noun is the one numeric field of the registry the question names
before it ('entries that show a score'): the set said is the papers printing that number, which is the set any sort
over it ranks, so the field's words are taken with it. With no numeric field named before, or two, nothing is read:
'which method has the lowest?' names no field of the catalog and stays a content question.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_fields import FIELDS, field_words

_HIGHEST = r"highest|largest|biggest|greatest|maximum|max|best|top"
_LOWEST = r"lowest|smallest|minimum|min|worst"
# The superlative with no noun after it, at the end of the question: 'which one has the lowest?', 'the highest one?'
_ELIDED = rf"\b(?:(?:has|have|had|shows?|gets?|got|carries|is|was)\s+)?(?:the\s+)?(?P<w>{_HIGHEST}|{_LOWEST})" \
          r"(?:\s+(?:one|value|number|of\s+(?:them|those|these|all)))?\s*(?=[?.!]*\s*$)"
# How the field is said of the set: 'entries that show a score', 'the ones with a rating', 'papers displaying a score'
_SHOWING = r"(?:\b(?:that|which)\s+)?(?:\b(?:shows?|showing|displays?|displaying|prints?|printing|has|have|having|carr(?:y|ies|ying)|" \
           r"gives?|giving|with|bears?|bearing)\s+)?(?:an?\s+|any\s+|the\s+|some\s+)?"


def elided_sort(q) -> tuple[str, str, bool] | None:  # q: rag.plan_terms.Question
    """('first' | 'last', field, False) for a final superlative whose numeric field is named once before it, both
    taken from `q`; None, with nothing taken, otherwise."""
    m = rx.search(_ELIDED, q.text, re.I)
    if m is None:
        return None
    before = q.text[:m.start()]
    named = [(f, said) for f in FIELDS if f.number is not None and f.name != "position"
             and (said := rx.search(rf"{_SHOWING}\b(?:{field_words(f)})(?![\w-])", before, re.I))]
    if len(named) != 1:
        return None
    field, said = named[0]
    q.blank(m.start(), m.end())
    q.blank(said.start(), said.end())
    return ("last" if rx.fullmatch(_HIGHEST, m["w"], re.I) else "first"), field.name, False
