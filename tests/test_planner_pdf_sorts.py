"""What a PDF is as a file, asked over the uploaded PDFs (issue 11): its length said as a length ('the longest PDF'),
the date its arXiv stamp prints ('the earliest stamp date'), a field said as a participle ('the arXiv-stamped PDFs'),
the first page of its proceedings said with its verb ('starts at'), and whether it prints its reference list
(rag/plan_pdf_sorts.py, rag/plan_reference_lists.py). The questions are this file's own, none from a dataset.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_heading_phrases import BACKUS, DPR, GRAPH, LAYOUT, SPECTER
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan


def rows(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return [p.title for p in run(the_plan, catalog.papers).rows]


@pytest.mark.parametrize("question, titles", [
    ("Which of my PDFs is the longest?", [SPECTER]),
    ("the shortest PDF in the library?", [BACKUS]),
    ("which paper is longest (the most pages)?", [SPECTER]),
    ("of the PDFs, which one is the shortest (fewest pages)?", [BACKUS]),
    ("Which is the longest PDF, in pages?", [SPECTER]),
])
def test_a_pdfs_length_is_its_page_count(question: str, titles: list[str], catalog: Catalog) -> None:
    assert rows(question, catalog) == titles


@pytest.mark.parametrize("question, titles", [
    ("Which PDF has the oldest arXiv stamp?", [DPR]),  # Backus is older but prints no stamp
    ("of my PDFs, whose arXiv stamp is the earliest?", [DPR]),
    ("which of the arXiv-stamped papers has the newer stamp date?", [LAYOUT]),
    ("list the arXiv-stamped PDFs", [LAYOUT, DPR]),
    ("which PDF starts at the highest page number?", [SPECTER]),
    ("what PDF begins at the lowest page number of its proceedings?", [GRAPH]),
])
def test_the_arxiv_stamp_date_and_the_first_printed_page_sort_the_pdfs(question: str, titles: list[str],
                                                                     catalog: Catalog) -> None:
    assert sorted(rows(question, catalog)) == sorted(titles)


def test_the_stamp_date_is_said_as_a_date(catalog: Catalog) -> None:
    question = "which PDF carries the earliest arXiv stamp date?"
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and "2020-09-30" in answer.answer and BACKUS not in answer.answer  # no stamp: not dated


@pytest.mark.parametrize("question", [
    "how many of my PDFs include a reference list?",
    "Which of the PDFs come with a bibliography?",
    "which papers print their references?",
])
def test_the_pdfs_printing_their_reference_list(question: str, catalog: Catalog) -> None:
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "headings", question
    assert [p.title for p in the_plan.headings.rows] == [SPECTER, GRAPH]
    assert the_plan.headings.text.startswith("2 of the 5 PDFs print their reference list"), the_plan.headings.text


@pytest.mark.parametrize("question", [
    "What is the longest paper title in my library?",  # a title's length: not the page count
    "which PDF has the longest abstract?",
    "what is the longest training run reported in SPECTER?",
    "which of my PDFs include references to BERT?",
    "what is the shortest path algorithm in the backus paper?",
    "which reference list entries in SPECTER are from 2019?",
    "which papers stamped their approach as state of the art?",
])
def test_length_words_of_other_things_and_content_stay_unread(question: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is None or "pages" not in answer.answer and "reference list" not in answer.answer, question


@pytest.mark.parametrize("question, titles", [
    ("which of my PDFs are ACL-published?", [SPECTER, GRAPH]),
    ("How many ACL-anthology papers do I have?", [SPECTER, GRAPH]),
    ("list the PDFs published by the ACL", [SPECTER, GRAPH]),
    ("which ACL-published PDF is the newest?", [SPECTER]),
    ("the PDFs that are ACL-published (the Association for Computational Linguistics prints the footer)?",
     [SPECTER, GRAPH]),
    ("which PDFs are ACL papers?", [SPECTER]),  # the initials alone: the ACL meeting, not NAACL's publisher
    ("which of my PDFs come from the ACL anthology?", [SPECTER, GRAPH]),  # the anthology as where they are from
    ("which ACL anthology PDFs are from 2018?", [GRAPH]),
])
def test_a_publisher_said_by_its_initials_and_a_word_of_publishing(question: str, titles: list[str],
                                                                  catalog: Catalog) -> None:
    assert sorted(rows(question, catalog)) == sorted(titles)


@pytest.mark.parametrize("question", [
    "what did the ACL-published SPECTER paper propose for citation embeddings?",
    "which ACL anthology tools does the literature graph paper build on?",
    # the anthology as the thing asked about, not where the papers are from
    "what is the ACL anthology and who published it?",
    "the ACL anthology: when was it started?",
    "does the ACL anthology index the SPECTER paper's citations?",
])
def test_a_publisher_in_a_content_question_stays_unread(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question, titles", [
    ("how many of my PDFs flag an equal-contribution note?", [SPECTER, DPR]),
    ("which PDFs bear an arXiv stamp on the first page?", [LAYOUT, DPR]),
    ("which papers in my library carry an equal contribution footnote beside the authors?", [SPECTER, DPR]),
])
def test_a_printed_mark_as_the_object_of_any_verb(question: str, titles: list[str], catalog: Catalog) -> None:
    assert sorted(rows(question, catalog)) == sorted(titles)


@pytest.mark.parametrize("question", [
    "which papers discuss an equal contribution footnote?",  # a verb of what a text says
    "which papers explain the arXiv stamp?",
])
def test_a_printed_mark_after_a_verb_of_content_stays_unread(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


# 'all authors at X': a quantifier over the authors said before a named organisation is every author's affiliation,
# not one more way of naming X (it listed every PDF with one author there).
@pytest.mark.parametrize("question, titles", [
    ("which papers have all authors at the University of Washington?", []),  # one UW author on each of three PDFs
    ("which papers have all of the authors from the Allen Institute for Artificial Intelligence?", [SPECTER]),
    ("PDFs with every author at Facebook AI?", []),  # DPR: Min at UW, Chen at Princeton
])
def test_every_author_at_a_named_organisation(question: str, titles: list[str], catalog: Catalog) -> None:
    assert sorted(rows(question, catalog)) == sorted(titles)


def test_an_organisation_without_a_quantifier_is_any_author(catalog: Catalog) -> None:
    assert len(rows("which papers have authors at the University of Washington?", catalog)) == 3
