"""The page numbers a journal or proceedings prints on the library's PDFs (rag/plan_printed_pages.py): which PDFs print
one, and which starts at or reaches the highest or lowest. The questions are this file's own, none from a dataset; each
failed before the reader. What a page number is given for in a paper's text stays with retrieval.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
BACKUS = "a1977 backus p21"


@pytest.mark.parametrize("question", [
    "any pdfs with a printed proceedings page number?",
    "which of my papers print page numbers of their journal?",
    "Which PDFs show a journal page number?",
    "what files carry printed page numbers on the first page",
    "how many of my pdfs print a proceedings page number?",
])
def test_pdfs_printing_a_venue_page_number(question: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and {c.title for c in answer.citations} == {SPECTER, GRAPH, BACKUS}, \
        (question, answer and answer.answer)
    assert "pages 84–91" in answer.answer and "page 633" in answer.answer


@pytest.mark.parametrize("question, first, number", [
    ("which pdf begins on the lowest printed page number?", GRAPH, "starts at printed page 84"),
    ("Which of my PDFs opens at the highest printed page number of its proceedings?", SPECTER,
     "starts at printed page 2270"),
    ("which pdf has the largest printed page number anywhere?", SPECTER, "reaches printed page 2282"),
    ("what paper has the smallest printed page number on it?", GRAPH, "reaches printed page 91"),
    ("which of the pdfs has the max printed journal page number", SPECTER, "2282"),
])
def test_the_pdf_with_the_highest_or_lowest_printed_page(question: str, first: str, number: str,
                                                         catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and answer.citations[0].title == first and number in answer.answer, \
        (question, answer and answer.answer)


@pytest.mark.parametrize("question", [
    "which page number does SPECTER give for the MAG classification results?",
    "which of my PDFs print the highest accuracy on a page with a printed page number?",
    "which papers print page numbers in their reference lists?",
    "which pdfs cite a printed page number for the Backus lecture?",
])
def test_page_numbers_a_text_gives_stay_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question", [
    "LayoutParser: keywords printed below the abstract?",
    "how many keywords are listed under the abstract of the LayoutParser pdf",
    "layoutparser - number of keywords beneath its abstract",
])
def test_keywords_said_with_where_they_are_printed(question: str, catalog: Catalog) -> None:
    """The keywords asked with their place under the abstract, counted in the answer (the count is asked inside one
    paper, so the rows stay that paper)."""
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and "6 keywords as printed: Document Image Analysis" in answer.answer, \
        (question, answer and answer.answer)
