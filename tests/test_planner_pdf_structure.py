"""A PDF's structure located on its pages (rag/plan_heading_located.py and the heading reader, rag/plan_headings.py):
a heading said by its number and printed words, or by first / last / n-th over a kind of heading (section,
subsection, any numbered heading), with its PDF page and the page number its proceedings print there; headings as
conditions over the PDFs ("a numbered '1 Introduction' on page 1", 'for each PDF with a section 4'); a proceedings
header's page range set against the PDF's own pages (rag/catalog_page_range.py); the byline's size said in people
(rag/plan_terms.author_count); a bound no reader took leaves the question (rag/plan_unread_bound.py); links with a
place and a header ('both a proceedings header and a github.com link on its first page'); an author named by an
e-mail domain and an institution by exclusion or place (rag/plan_contact.py).
The questions are this file's own, none from a dataset; the records are read from the shared PDFs.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_pdf_records import catalog_answer
from rag.catalog import Catalog
from rag.catalog_page_range import range_against_pdf, range_length
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"


@pytest.mark.parametrize("question, holds", [
    # a heading said by its number and its own printed words, with its page and the number printed there
    ("lit graph paper: where's 4.4 Entity Linking Models - pdf page and the number at the foot of it?",
     ["§4.4 Entity Linking Models (p. 5)", "printed page 88"]),
    ("In SPECTER where does 3.4 Recommendation begin — which page, and what's the printed page number?",
     ["§3.4 Recommendation (p. 5)", "printed page 2274"]),
    ("semantic scholar graph pdf — subsection 2.2 Edge Types: which page, plus the folio printed there?",
     ["§2.2 Edge Types (p. 2)", "printed page 85"]),
    ("specter 3.1 Document Classification - what pg is it on", ["§3.1 Document Classification (p. 4)"]),
    ("For the Literature Graph paper, on which page does subsection 4.3 Knowledge Bases start and what number is "
     "printed at the bottom of that page?", ["§4.3 Knowledge Bases (p. 5)", "printed page 88"]),
    # first / last / n-th over a kind of heading: the outline's levels
    ("what is the last subsection in SPECTER?", ["§3.4 Recommendation (p. 5)"]),
    ("SPECTER's second numbered subsection — title and page?", ["§2.2 Background: Pretrained Transformers (p. 2)"]),
    ("last numbered heading of the literature graph paper, and its page",
     ["§6 Conclusion and Future Work (p. 7)", "printed page 90"]),
    ("the first subsection in the lit graph pdf?", ["§2.1 Node Types (p. 2)"]),
    ("what's the 3rd numbered heading in DPR", ["§3 Dense Passage Retriever (DPR) (p. 2)"]),
    ("what's the very first numbered *sub*section in the DPR pdf", ["§3.1 Overview (p. 2)"]),
    ("lit graph paper: the second subsection under the entity extraction and linking section?",
     ["§4.2 Entity Extraction Models (p. 4)"]),
    ("DPR: the second numbered subsection?", ["does not print that section"]),
    ("what's the second-to-last numbered section of SPECTER?", ["§7 Related Work (p. 8)"]),
    ("the penultimate subsection in the lit graph pdf?", ["§4.3 Knowledge Bases (p. 5)"]),
])
def test_a_heading_located(question: str, holds: list[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    for part in holds:
        assert part in answer.answer, (question, answer.answer)
    assert len({c.title for c in answer.citations}) == 1


@pytest.mark.parametrize("question, holds, rows", [
    ("how many of my PDFs have a numbered '2 Background' heading?", "1 of the 5", {DPR}),
    ("which PDFs have a numbered '4 Experiments' heading?", "§4 Experiments (p. 5)", {SPECTER}),
    ("for every PDF with a section 4, what's section 4 called?", "§4 Entity Extraction and Linking (p. 4)",
     {SPECTER, GRAPH}),
    ("which pdfs have their '2 Background' heading on pdf page 2?", "1 of the 5", {DPR}),
    ("how many PDFs have a numbered '1 Introduction' on their first page?", "4 of the 5", {SPECTER, GRAPH, LAYOUT, DPR}),
    ("Which PDFs have a '3 Extracting Metadata' heading on page 2?", "§3 Extracting Metadata (p. 2)", {GRAPH}),
    # a heading said by its role, placed on a page
    ("which pdfs have their introduction on page 1?", "4 of the 5", {SPECTER, GRAPH, LAYOUT, DPR}),
    ("which PDFs have their conclusion on pdf page 7?", "§6 Conclusion and Future Work (p. 7)", {GRAPH}),
])
def test_headings_as_conditions_over_pdfs(question: str, holds: str, rows: set[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)
    assert {c.title for c in answer.citations} == rows


@pytest.mark.parametrize("question", [
    "what does subsection 2.5 Inference of SPECTER say about the embeddings?",
    "summarise the last subsection of SPECTER",
    "what is described in the first numbered subsection of DPR?",
    "In the DPR pdf, what is the last numbered heading about?",
    "what results does the last numbered heading of the lit graph paper report?",
    "what method does section 3 of each of my PDFs propose?",
])
def test_what_a_located_heading_says_is_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None


@pytest.mark.parametrize("question, holds", [
    ("what printed page number is at the foot of SPECTER's pdf page 6?", "PDF page 6 carries printed page 2275"),
    ("which pdf page of SPECTER carries printed page 2276?", "PDF page 7 carries printed page 2276"),
    ("lit graph paper - what's the folio on its last page?", "PDF page 8 carries printed page 91"),
    ("what page number does the lit graph paper print on its 3rd pdf page?", "printed page 86"),
    ("DPR: which page number is printed on pdf page 2?", "prints no page numbers of a journal or proceedings"),
])
def test_a_pdf_page_and_its_printed_number(question: str, holds: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)


@pytest.mark.parametrize("question", [
    "what does SPECTER say on pdf page 6 about the page number?",
    "what is discussed on page 5 of the lit graph paper?",
    "how many numbered headings does the lit graph paper have after section 4?",
])
def test_what_a_page_says_or_an_unread_place_is_left(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None


def test_a_printed_range_against_the_pdf() -> None:
    assert range_length("84–91") == 8 and range_length("633") == 1 and range_length("91–84") is None
    assert range_against_pdf("84–91", 8).endswith("they match")
    assert range_against_pdf("2270–2282", 10).endswith("the PDF has 3 fewer")
    assert range_against_pdf("84–91", None) == ""


@pytest.mark.parametrize("question, holds", [
    ("what pages is SPECTER in the proceedings?", "that is 13 pages, and the PDF has 13 pages: they match"),
    ("The literature graph paper: which page range does its header print, and does it match the pdf's page count?",
     "84–91"),
    ("how many pages does the backus pdf have?", "1 page (the PDF read); its Communications of the ACM line prints page "
     "633: that is 1 page, they match"),
    ("SPECTER's proceedings page range - does that agree with the number of pages in the PDF?", "pages 2270–2282"),
])
def test_the_header_range_and_the_pdf_pages(question: str, holds: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)


@pytest.mark.parametrize("question, count", [
    ("which PDFs have bylines with more than 5 people?", 3),
    ("pdfs with at least 8 people listed on the byline", 2),
    ("How many uploaded PDFs have fewer than six persons on their byline?", 1),
    ("which of my pdfs have bylines naming more than 20 people", 1),
    ("how many of my PDFs have more than 5 people on their byline?", 3),
])
def test_byline_size_said_in_people(question: str, count: int, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert answer.answer.startswith(f"{count} paper"), (question, answer.answer)


@pytest.mark.parametrize("question", [
    "how many PDFs have more than five people?",
    "which of my pdfs thank at least three people?",
    "how many PDFs report more than 2 datasets?",
])
def test_a_bound_no_reader_takes_leaves_the_question(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None


@pytest.mark.parametrize("question, holds, rows", [
    ("Which of my PDFs print a github.com URL anywhere in the text I have?", "github.com/allenai/specter",
     {SPECTER, GRAPH, DPR}),
    ("which pdfs have a github link somewhere in the full text?", "3 papers", {SPECTER, GRAPH, DPR}),
    ("which PDF has both a conference-proceedings header and a github link on its first page, and what's the repo?",
     "github.com/allenai/specter", {SPECTER}),
    ("which of my pdfs carry a conference-proceedings header?", "2 papers", {SPECTER, GRAPH}),
    ("which PDFs print a github link on page 2 or later?", "on PDF page 2 or later", {SPECTER, GRAPH}),
    ("any pdf with a link after page 1?", "2 papers", {SPECTER, GRAPH}),
])
def test_links_and_headers_with_a_place(question: str, holds: str, rows: set[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)
    assert {c.title for c in answer.citations} == rows


@pytest.mark.parametrize("question, holds", [
    ("which DPR author has a cs.washington.edu email?", "Sewon Min"),
    ("DPR: whose e-mail is under princeton.edu, and what is it?", "danqic@cs.princeton.edu"),
    ("in the layoutparser pdf who has an email at uwaterloo.ca", "Weining Li"),
    ("lit graph paper: the second institution's city and zip code?", "Evanston IL 60208"),
    ("literature graph paper: other than the Allen Institute, which organisation is listed, and its address?",
     "Northwestern University, Evanston IL 60208"),
    ("the lit graph pdf: besides AI2 there's another institution - which, and its city/state/ZIP?",
     "Northwestern University, Evanston IL 60208"),
    ("LayoutParser: the fifth institution under the byline, and its address?", "University of Waterloo"),
])
def test_one_author_or_place_by_a_printed_record(question: str, holds: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)
