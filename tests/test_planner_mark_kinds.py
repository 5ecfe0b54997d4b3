"""Which PDFs mark their authors with symbols and which with numbers (rag/plan_mark_kinds.py): the kind of the marks
after the names, one kind asked and the other set against it. The questions are this file's own, none from a
dataset; the marks are read from the shared PDFs (SPECTER and DPR print † ‡ ∗, LayoutParser 1–5).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"


@pytest.mark.parametrize("question, titles", [
    ("PDFs whose author marks are symbols, not digits", {SPECTER, DPR}),
    ("any documents marking author names with daggers and not with numbers?", {SPECTER, DPR}),
    ("which of my pdfs flag authors with numerals instead of symbols?", {LAYOUT}),
    ("Which PDFs use numbered affiliation marks for their authors?", {LAYOUT}),
    ("which papers put superscript numbers after the author names", {LAYOUT}),
    ("Which of the papers mark authors with symbolic superscripts rather than numeric ones?", {SPECTER, DPR}),
])
def test_pdfs_by_the_kind_of_their_author_marks(question: str, titles: set[str], catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == titles, question


def answered_titles(question: str, catalog: Catalog) -> set[str] | None:
    """The titles the catalog's answer cites, or None when the question is not planned."""
    answer = answer_from_catalog(question, question, catalog.papers)
    return None if answer is None else {c.title for c in answer.citations}


@pytest.mark.parametrize("question", [
    "which papers report numbers of authors above five in their user study?",
    "Which papers use symbolic reasoning to mark entities in author names?",
    "what numbers do the SPECTER authors report on citation prediction?",
])
def test_content_with_these_words_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) is None, question
