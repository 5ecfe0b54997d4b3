"""Where a PDF says a thing is covered: the '(Section 3)' pointers it prints after a phrase, read as records
(rag/plan_section_pointers.py through rag/plan_headings.py). 'Which section is X covered in' is answered by the
pointer whose phrase holds the asked words; what a section says stays with retrieval.

Every question here was made up for this file (none is from a dataset). Unit tests over the real seed pages and the
five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog
from rag.plan_section_pointers import pointers


def test_the_pointers_a_pdf_prints_are_read_with_their_phrase(catalog: Catalog) -> None:
    layout = next(p for p in catalog.papers if p.title.startswith("LayoutParser"))
    found = [(p.number, p.phrase[:30]) for p in pointers(layout)]
    assert found == [("3", "An off-the-shelf toolkit for a"), ("4", "A DL model hub and community p")]


@pytest.mark.parametrize("question, holds, lacks", [
    ("LayoutParser: in which section is the community platform for sharing models discussed?", "Section 4 for",
     "Section 3 for"),
    ("layoutparser intro - what section number does the off-the-shelf toolkit point to?", "Section 3 for",
     "Section 4 for"),
    ("which section of layoutparser covers layout detection models?", "Section 3 for", "Section 4 for"),
    ("In the LayoutParser paper, which section describes the model hub, and which the off-the-shelf toolkit?",
     "Section 4 for", ""),
    ("layoutparser: the DL model hub and comunity platform - which section?", "Section 4 for", "Section 3 for"),
])
def test_which_section_a_thing_is_covered_in_is_the_pdfs_own_pointer(question: str, holds: str, lacks: str,
                                                                      catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None, question
    assert holds in answer.answer and (not lacks or lacks not in answer.answer), (question, answer.answer)


@pytest.mark.parametrize("question", [
    "which section of the LayoutParser paper describes the model zoo?",  # no pointer printed for it
    "what does section 4 of the LayoutParser paper say about the community platform?",
    "how does LayoutParser's community platform let people share models?",
])
def test_a_thing_no_pointer_names_stays_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
