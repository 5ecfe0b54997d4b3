"""The page number a PDF's journal or proceedings prints on one of its pages, and back: 'what printed page number is
at the foot of SPECTER's pdf page 6' (2275), 'which pdf page of the lit graph paper carries printed page 88' (5); and
a header's printed page range checked against the PDF's own pages ('does that match how many pages the PDF has').

A PDF page and its printed number are one record of the catalog: the venue line's first page is printed on the PDF's
first page, so page n carries first + n - 1 (rag/catalog_pdf_texts.printed_page_number). Taken when one PDF is named,
a page is said (by its PDF number, its ordinal, or its printed number), the printed number or the PDF page is what is
asked, and nothing but this frame is left; what a page says stays with retrieval.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_pdf_records import venue_words
from rag.catalog_pdf_texts import printed_page_number, start_page
from rag.plan_heading_frame import only_frame
from rag.plan_heading_located import PLACE_WORDS
from rag.plan_heading_phrases import begun_title_words
from rag.plan_headings import HeadingAsk, catalog_names
from rag.plan_page_headings import _PRINTED_PAGE, page_named
from rag.plan_terms import Question

# The number printed on a page, asked: 'which page number is printed on it', 'the folio', 'the number at the foot'.
_FOLIO_ASKED = re.compile(r"\b(?:page\s+(?:number|no\.?)|folio|number\s+(?:is\s+)?(?:printed|at\s+the\s+(?:foot|bottom|"
                          r"top))|printed\s+(?:page\s+)?(?:number|no\.?))\b")
# The PDF page asked of a printed number: 'which pdf page carries printed page 88'.
_PDF_PAGE_ASKED = re.compile(r"\b(?:which|what)\s+(?:pdf\s+)?page\b")
_OWN = ["carry carries carrying bear bears show shows printed print prints number numbers no folio pdf page pages "
        "is at on of the its it which what whats that this"]


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The printed number of a named PDF's page (or the PDF page of a printed number), or None."""
    low = " ".join(question.casefold().replace("’", "'").split())
    printed_said = _PRINTED_PAGE.search(low)
    if not (_FOLIO_ASKED.search(low) or printed_said and _PDF_PAGE_ASKED.search(low)):
        return None
    if rx.search(r"\b(?:sub-?sections?|sections?|hea?dings?|§)\b", low):
        return None  # a heading's page and number: the heading readers' (rag/plan_headings.py, plan_page_headings.py)
    if (located := page_named(low, catalog)) is None:
        return None
    paper, page, _, rest = located
    if printed_said and start_page(paper) is None:
        return None
    names = [paper.title, *catalog_names(catalog, paper), *begun_title_words(low, paper), *venue_words(paper),
             *PLACE_WORDS, *_OWN]
    if not only_frame(rx.sub(r"\b\w+[\s-]pager\b", " ", rest), names):
        return None
    if start_page(paper) is None:  # an arXiv preprint: its pages carry no journal or proceedings numbers
        return HeadingAsk(f"{paper.title} prints no page numbers of a journal or proceedings (PDF page {page} of "
                          f"{paper.page_count}).", [paper])
    printed = printed_page_number(paper, page)
    venue = paper.venue or "its venue"
    return HeadingAsk(f"{paper.title}: PDF page {page} carries printed page {printed} of {venue} (its pages "
                      f"{paper.venue_line.pages if paper.venue_line else '?'}; the PDF has {paper.page_count} pages).",
                      [paper])


# 'does that match how many pages the PDF has', 'does the range agree with the file': the printed range set against the
# PDF's own page count, which the range's answer always says (rag/catalog_page_range.py). Taken whole, the count words
# with it, so the page count is not read as the field asked.
_RANGE_SAID = re.compile(r"\bpage\s+range\b|\b(?:proceedings|journal)\s+pages\b|\bpages\s+\d+\s*[-–]\s*\d+", re.I)
_RANGE_CHECKED = r"\b(?:does|do|is)\s+(?:that|it|this|the\s+(?:page\s+)?range)\s+(?:match|agree\s+with|fit|" \
                 r"correspond\s+to|line\s+up\s+with|equal)\s+(?:how\s+many\s+pages|(?:the\s+)?(?:(?:pdf|file)?\s*'s\s+)?" \
                 r"(?:number\s+of\s+pages|page\s+count|pages))(?:\s+(?:in|of)\s+(?:the\s+(?:pdf|file))?)?" \
                 r"(?:\s+the\s+(?:pdf|file))?(?:\s+(?:actually|really))?(?:\s+(?:has|have|holds))?"


def range_checked(q: Question, question: str) -> None:
    """Take the check of a printed page range against the PDF's pages, when a page range is asked."""
    if _RANGE_SAID.search(question):
        q.take(_RANGE_CHECKED)
