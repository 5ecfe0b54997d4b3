"""A PDF's pages as records (issue 11): its blank pages and where a numbered table or figure is printed with its
caption (rag/plan_pdf_pages.py), and the shortest / longest PDF with the page-count measure said apart from the
superlative (rag/plan_pdf_sorts.measure_apart).

Every question here was made up for this file (none is from a dataset), several phrasings a mechanism; the content
questions carry the same trigger words and must stay with retrieval. Unit tests over the real seed pages and the
five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers, text  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan


def answered(question: str, catalog: Catalog) -> str:
    return text(question, catalog.papers)  # the catalog's answer, asserted to exist (test_planner_fields.text)


@pytest.mark.parametrize("question", [
    "which pages of the layoutparser pdf are blank?",
    "LayoutParser: any empty pages?",
    "how many blank pages does the LayoutParser file have",
    "In the LayoutParser paper, are there pages with no text at all, and which ones?",
    "the layoutparser pdf has a couple of emtpy pages, I think - page numbers of the blank ones?",
])
def test_the_blank_pages_of_a_pdf(question: str, catalog: Catalog) -> None:
    assert "pages 2, 3" in answered(question, catalog), question


def test_the_pdfs_with_blank_pages(catalog: Catalog) -> None:
    text = answered("which of my PDFs have blank pages?", catalog)
    assert text.startswith("1 of the 5 PDFs") and "LayoutParser" in text


@pytest.mark.parametrize("question, holds", [
    ("What's the caption of Table 2 in the literature graph paper?", "Document-level evaluation of three approaches"),
    ("on which page of the SPECTER pdf is table 3?", "PDF page 8"),
    ("specter fig 2 - caption and page", "t-SNE visualization of paper embeddings"),
    ("Where is Table 4 printed in the literature graph PDF, and what is it titled?", "PDF page 6"),
    ("literature graph paper: what does the caption of table 1 say exactly", "Results of the ScienceParse system"),
])
def test_where_a_numbered_table_is_printed_and_its_caption(question: str, holds: str, catalog: Catalog) -> None:
    assert holds in answered(question, catalog), question


@pytest.mark.parametrize("question, first", [
    ("which PDF is the longest by number of pages?", "SPECTER"),
    ("Which paper in the library is longest, by page count", "SPECTER"),
    ("the shortest of my PDFs by page count?", "a1977 backus p21"),
    ("which PDF in the library is the shortest by number of pages?", "a1977 backus p21"),
    ("longest of my pdfs by page count?", "SPECTER"),
])
def test_the_length_sort_with_its_measure_said_apart(question: str, first: str, catalog: Catalog) -> None:
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.key == "page_count", question
    assert run(the_plan, catalog.papers).rows[0].title.startswith(first), question


CONTENT = [
    "what does Table 1 of the literature graph paper show?",
    "what is the best F1 score in table 1 of the literature graph paper?",
    "why are two pages of the layoutparser pdf blank?",
    "how was table 2 of the literature graph paper computed?",
    "which method has the highest score in SPECTER's table 1?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_content_with_the_same_words_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
