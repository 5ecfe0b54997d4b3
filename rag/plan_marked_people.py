"""People counted once over many bylines (issue 11): 'how many different people carry the Amii asterisk across the
page', 'how many distinct Amii-starred authors are there', 'list the unique starred researchers', 'count each person
once'.

The set asked is of people, not of papers: the planner's conditions select the papers (the page, the mark's
institute), and the op 'group' over 'author' counts each printed name once — with the legend's mark named, only the
people who carry it themselves (rag/catalog_sort.values_of), not every co-author of a marked paper. The merge rule
is the catalog's: one person is one printed name, accents and case folded (rag/records.normalize_title).

Only the adjective that makes it a set of people is taken here ('different', 'distinct', 'unique'): the mark and the
page between it and the noun are left for the values to read ('different Amii-starred authors')."""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question

_PEOPLE = r"(?:people|persons|individuals|researchers|(?:co-?)?authors|names|scientists)"
# Up to three words between the adjective and the noun: the mark, said any way ('Amii-starred', 'starred Amii').
_SET = rf"\b(?P<adj>diff?e?re?nt|distinct|unique|individual|separate)\s+(?:[\w*-]+\s+){{0,3}}?{_PEOPLE}\b"
# The merge rule said in words: 'count each person once', 'each author counted only once', 'no double counting'.
_ONCE = r"\(?\s*\b(?:count(?:ing)?\s+(?:each|every)\s+(?:person|author|name|researcher|individual|one)\s+(?:only\s+)?once|" \
        r"(?:each|every)\s+(?:person|author|name|researcher|individual)\s+(?:is\s+)?(?:counted\s+)?(?:only\s+)?once|" \
        r"(?:counted|counting\s+(?:each|every)\s+(?:one|person|author))\s+once(?:\s+each)?|once\s+each|" \
        r"(?:no|without)\s+double[- ]?count(?:ing)?|(?:de-?dup(?:licat)?ed|duplicates\s+(?:removed|merged)))\b\s*\)?"
_ASKED = r"\b(?:how\s+many|number\s+of|count|list|name|who\s+(?:are|were))\b"


def distinct_people(q: Question) -> bool:
    """Whether the question asks for a set of people counted once; its adjective and merge rule taken."""
    if not rx.search(_ASKED, q.text, re.I):
        return False
    once = q.take(_ONCE)
    m = rx.search(_SET, q.text, re.I)
    if m:
        q.blank(m.start("adj"), m.end("adj"))
    return bool(m or once and rx.search(rf"\b{_PEOPLE}\b", q.text, re.I))
