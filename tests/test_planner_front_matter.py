"""A PDF's front matter as records (rag/plan_front_matter.py, the page-range and byline fields of
rag/catalog_fields.py): the place a record is printed said with the question ('going by the header', 'what does its
footer say'), a paper described by words and a stated fact ('the lit graph pdf', 'is from NAACL-HLT 2018'), a date
read from an arXiv stamp said with the stamp, and conditions over PDFs (a page range, no byline). The questions are
this file's own, none from a dataset; the records are read from the shared PDFs.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_pdf_records import catalog_answer
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
BACKUS = "a1977 backus p21"


@pytest.mark.parametrize("question, holds, first", [
    # a paper described by its words, the fact stated of it picking it among close titles
    ("what copyright year does the lit graph pdf print?", "2017", GRAPH),
    ("the lit-graph paper came out at NAACL-HLT 2018, yet which year does its copyright line give?", "2017", GRAPH),
    ("where was NAACL-HLT 2018 held according to the lit graph paper?", "New Orleans, Louisiana", GRAPH),
    ("going by the header of the literature graph pdf, when and where did the meeting take place?",
     "June 1 - 6, 2018", GRAPH),
    ("the lit graph pdf: when was it published?", "June 2018", GRAPH),
    # the first-page place said as the record's source
    ("SPECTER: according to its first-page header, which annual meeting was it?", "58th", SPECTER),
    ("going by its header, which meeting is SPECTER from?", "Annual Meeting of the Association", SPECTER),
    ("according to the footer of the backus pdf, which volume and issue is it?", "Volume 21, Number 8", BACKUS),
    ("which proceedings is SPECTER in?", "Proceedings of the 58th Annual Meeting", SPECTER),
    ("what copyright year does the Literature Graph in Semantic Scholr pdf print", "2017", GRAPH),  # a typo
    # a date read from an arXiv stamp: the stamp as printed
    ("LayoutParser pdf - what's the date on the arXiv stamp?", "21 Jun 2021", LAYOUT),
    ("when is the DPR preprint stamped, going by its margin?", "30 Sep 2020", DPR),
])
def test_a_record_of_one_pdf(question: str, holds: str, first: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert answer.citations[0].title == first, question
    assert holds in answer.answer, (question, answer.answer)


@pytest.mark.parametrize("question, rows", [
    ("Which of my PDFs print a conference proceedings header with a page range on the first page?", {SPECTER, GRAPH}),
    ("which pdfs print a page range?", {SPECTER, GRAPH}),
    ("Which uploaded papers show a range of pages in their header?", {SPECTER, GRAPH}),
    ("which pdfs lack a page range", {BACKUS, LAYOUT, DPR}),
    ("Which PDF has no byline?", {BACKUS}),
    ("PDFs without any author names - which?", {BACKUS}),
    ("One of my PDFs doesn't print any author names at all: which, and what does its footer say it comes from?",
     {BACKUS}),
])
def test_pdfs_by_a_front_matter_record(question: str, rows: set[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert {c.title for c in answer.citations} == rows, (question, answer.answer)


def test_counted_by_a_front_matter_record(catalog: Catalog) -> None:
    assert "1 paper" in catalog_answer("how many PDFs have no byline?", catalog).answer
    assert "2 papers" in catalog_answer("how many of my pdfs print a page range in their proceedings header?", catalog).answer


@pytest.mark.parametrize("question", [
    "what does the SPECTER header say about citation embeddings?",
    "what does the lit graph pdf propose?",
    "going by the footer, what did the Backus page find about composition?",
    "according to the header of section 3 of SPECTER, which tasks are evaluated?",
    "what range of pages of the DPR paper discusses negatives?",
    "by what margin does DPR beat BM25, going by its margin notes?",
])
def test_content_stays_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question, rows, holds", [
    # a quoted heading with an ellipsis: the words left out, the rest whole words at the heading's end or start
    ("which pdfs have a section ending in '... Work'?", {SPECTER, GRAPH}, "§7 Related Work"),
    ("How many PDFs have a '…Related…' section?", {SPECTER}, "§7 Related Work"),
    ("which PDFs print a 'Conclusion(s) ...' heading?", {SPECTER, GRAPH}, "§6 Conclusion and Future Work"),
    ("Which PDFs have no '... and Future Work' section?", {BACKUS, LAYOUT, DPR}, "do not have"),
    ("pdfs with an '... Framework' section: which, and its number?", {SPECTER}, "§3 SCIDOCS Evaluation Framework"),
])
def test_a_heading_said_with_an_ellipsis(question: str, rows: set[str], holds: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert {c.title for c in answer.citations} == rows, (question, answer.answer)
    assert holds in answer.answer, (question, answer.answer)


@pytest.mark.parametrize("question, rows, holds", [
    # one address printed in two footnotes (rag/plan_footnote_repeats.py), over every PDF or the ones named
    ("which pdfs print one url twice in their footnotes", {SPECTER, GRAPH}, "'http://allenai.org/software/' in footnotes 2 and 15"),
    ("how many of my pdfs reuse a footnote URL?", {SPECTER, GRAPH}, "2 of the 3 PDFs"),
    ("does SPECTER repeat a link across its footnotes?", {SPECTER}, "'https://github.com/allenai/specter' in footnotes 1 and 11"),
    ("Does DPR give the same link in two footnotes?", {DPR}, "No."),
    ("Across my PDFs, is any footnote URL duplicated - where, and under which footnote numbers?", {SPECTER, GRAPH},
     "footnotes 1 and 11"),
    ("any pdf whose footnotes give an identical adress more than once?", {SPECTER, GRAPH}, "footnotes 2 and 15"),
])
def test_an_address_in_two_footnotes(question: str, rows: set[str], holds: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert {c.title for c in answer.citations} == rows, (question, answer.answer)
    assert holds in answer.answer, (question, answer.answer)


@pytest.mark.parametrize("question", [
    "what does the repeated footnote in SPECTER say about the code?",
    "which footnotes of SPECTER link to the same repo as the abstract?",
])
def test_footnote_content_stays_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question, holds", [
    # a subsection's paragraph headings asked as its bold paragraphs (without the cue, 'what node types does 2.1
    # give' stays content: tests/test_planner_headings.py)
    ("section 2.2 of the literature graph paper takes one bold paragraph per edge type: which?",
     "Citations (p. 2); Authorship (p. 2); Entity linking edges"),
    ("lit graph paper §4.1 Approaches: which approaches does it walk through, bold paragraph by bold paragraph?",
     "Statistical (p. 4); Hybrid (p. 4); Off-the-shelf"),
    ("SPECTER's appendix A gives each baseline a bold paragraph; which baselines?", "9 paragraph headings"),
    ("In SPECTER section 3.2, what citation tasks are given as bold run-in paragraphs?", "Direct Citations (p. 4); Co-Citations"),
    ("section 2.1 of the lit graph pdf, one boldface paragraph per kind: what node types?", "Entity mentions"),
])
def test_a_subsections_parts(question: str, holds: str, catalog: Catalog) -> None:
    assert holds in catalog_answer(question, catalog).answer, question


@pytest.mark.parametrize("question", [
    "what does section 2.1 of the literature graph paper say about node types?",
    "which node types perform best in section 2.1 of the literature graph paper?",
])
def test_what_a_subsection_says_stays_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
