"""Sorts over what a PDF is as a file (issue 11), said without the field's own name: 'which PDF is the longest' (its
page count) and 'the earlier arXiv stamp date' (a date field sorted by a word of time, not a number word).

A length word sorts by pages only when it is said of the document itself (the superlative ends the phrase or stands
before 'PDF', 'paper', 'file', 'one'): 'the longest title' and 'the shortest author list' measure something else and
are left to their readers. A bracket restating the measure ('the longest (most pages)') is the same sort said twice.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_fields import _HIGH, _LOW, FIELDS
from rag.plan_terms import Condition, Question

_DOCUMENT = r"(?:pdfs?|papers?|files?|documents?|articles?|ones?)"
# 'the longest', 'the longest PDF', 'longest (most pages)', 'shorter one': said of the document, not of a part of it
# The measure may be said again beside it: a bracket naming pages, or 'page-wise' / 'in pages' after a comma.
_MEASURE = r"(?:\s*\([^()]{0,40}\bpages?\b[^()]{0,20}\)|,?\s*(?:page-?wise|in\s+pages|by\s+(?:page\s+count|pages)))?"
# What may follow the document noun: the end of the phrase, not another noun it modifies ('the longest paper title')
_PHRASE_END = r"(?=\s*(?:[?.!,;:()]|$|\b(?:in|of|among|on|is|are|was|from|that|which|do|does|has|have|here|overall)\b))"
# 'the longest', 'the longest PDF', 'longest (most pages)', 'shortest, page-wise': said of the document, not of a part
_LENGTH = (rf"\b(longest|shortest|longer|shorter)\b(?!\s+than\b){_MEASURE}"
           rf"(?=\s*(?:[?.!,;:()]|$|{_DOCUMENT}\b{_PHRASE_END}|(?:in|of|among)\s+(?:my|the|this)\b))")
_EARLY = r"earliest|earlier|oldest|older|first"
_LATE = r"latest|later|newest|newer|most\s+recent|more\s+recent|last"


# The measure said apart from the superlative: 'the shortest PDF in my library by page count', '… by number of pages'
_MEASURE_APART = r"\bby\s+(?:(?:its|their|the)\s+)?(?:page\s+count|(?:total\s+)?(?:number|count)\s+of\s+pages|" \
                 r"pages|length)\b|\b(?:in|going\s+by)\s+(?:(?:the\s+)?number\s+of\s+)?pages\b"


def measure_apart(q: Question) -> None:
    """The page count said as the measure of a length superlative later in the question is the sort's, taken before
    'by page' reads as a count per page."""
    said_of_document = rx.search(r"\b(?:longest|shortest|longer|shorter)\b(?!\s+than\b)"
                                 r"(?!\s+(?:\w+\s+)?(?:title|name|list|abstract)s?\b)", q.text, re.I)
    if said_of_document and rx.search(rf"\b{_DOCUMENT}\b", q.text, re.I):
        q.take(_MEASURE_APART)


def pdf_sort(q: Question) -> tuple[str, str, bool] | None:
    """('first' | 'last', field, False) for a PDF's length or a dated field sorted by a word of time; taken from q."""
    if rx.search(rf"\b{_DOCUMENT}\b", q.text, re.I) and (m := q.take(_LENGTH)):
        q.take(r"(?<=\w),\s*(?:page-?wise|in\s+pages)\b")  # the measure said after the noun: 'the longest PDF, in pages'
        return ("last" if m[0].group(1).casefold().startswith("long") else "first"), "page_count", False
    for f in (f for f in FIELDS if f.said and not f.filter and f.number is not None):
        # 'starts at the lowest page number': the field's own verb binds it before 'starts' reads as a listing's top
        if m := q.take(rf"\b(?:{f.said})\s+(?:the\s+)?({_HIGH}|{_LOW})[\s-]+(?:{f.words})(?![\w-])(?!\s+than\b)"):
            return ("last" if rx.fullmatch(_HIGH, m[0].group(1), re.I) else "first"), f.name, False
    for f in (f for f in FIELDS if f.ends == ("latest", "earliest") and f.number is not None and not f.filter):
        if m := q.take(rf"\b({_EARLY}|{_LATE})[\s-]+(?:{f.words})(?![\w-])|"
                       rf"\b(?:{f.words})\s+(?:is\s+|was\s+)?(?:the\s+)?({_EARLY}|{_LATE})\b(?!\s+than\b)"):
            word = (m[0].group(1) or m[0].group(2)).casefold()
            return ("first" if rx.fullmatch(_EARLY, word) else "last"), f.name, False
    return None


# The kinds of publication a PDF is, said as a noun before the document noun ('the proceedings PDFs', 'my arXiv
# pdfs', 'journal papers'): what the PDF is, as 'PDFs in proceedings' says. Other fields are no kind: 'code papers'.
_KINDS = {"proceedings": r"(?:conference[\s-]+)?proceedings", "journal": r"journal", "arxiv_stamp": r"arxiv"}


# 'counting the arXiv PDFs too', 'plus my journal papers': PDFs added to a set, which rag/plan_scope.scoped reads
_WIDENED = r"\b(?:counting|including|incl\.?|plus|besides|also|as\s+well\s+as)\s+(?:in\s+)?(?:the\s+|my\s+|any\s+)?$"


def participles(q: Question) -> list[Condition]:
    """'the arXiv-stamped PDFs': a field said as a participle before the document noun is a condition, as 'PDFs with
    an arXiv stamp' is; so is a kind of publication said as a noun ('the proceedings PDFs'). Only a participle or a
    kind: 'code papers' names no badge (rag/catalog_fields.presence)."""
    found = []
    for name, words in _KINDS.items():
        m = rx.search(rf"\b{words}(?=\s+(?:pdfs?|papers|files|documents)\b)", q.text, re.I)
        if m and not rx.search(_WIDENED, q.text[:m.start()], re.I):
            q.blank(*m.span())
            f = next(f for f in FIELDS if f.name == name)
            found.append(Condition(f.name, f.name, f"has: {f.label}", f.has, known_test=f.printed))
    if not rx.search(rf"ed\s+{_DOCUMENT}\b", q.text, re.I):  # one test before one search per field (most questions)
        return found
    for f in (f for f in FIELDS if f.filter):
        if q.take(rf"\b(?:{f.words})(?<=ed)(?=\s+{_DOCUMENT}\b)"):
            found.append(Condition(f.name, f.name, f"has: {f.label}", f.has, known_test=f.printed))
    return found


# 'document' as the noun of a paper, after a determiner or superlative and ending its phrase ('the oldest document
# among my PDFs'), never before another noun: 'document image analysis' is a topic.
_DOCUMENT_NOUN = r"\b(?:the|a|which|what|each|every|any|one|my|this|that|oldest|newest|earliest|latest|longest|" \
                 r"shortest|first|last|recent)\s+(documents?)\b(?=\s+(?:among|in|of|from|on|that|which|with|is|are|was|" \
                 r"were|has|have|here)\b|\s*[?.!,;:]|\s*$)"


def document_noun(q: Question) -> None:
    """Takes 'document' where it names one of the papers, as 'paper' or 'PDF' would."""
    for m in list(rx.compiled(_DOCUMENT_NOUN, re.I).finditer(q.text)):
        q.blank(*m.span(1))
