"""Heading questions said in other ways than their frame (rag/plan_heading_phrases.py, rag/catalog_headings.py):
run-in headings a one-column journal page prints inside its paragraph, the PDFs having numbered subsections at all, an
adverb on the naming verb, a bare noun phrase over the PDFs, and the asker's own bracketed name for a numbered section.

Every question here was made up for this file (none is from a dataset). Unit tests over the real seed pages and the
five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog
from rag.catalog_headings import outline
from rag.planner import plan

SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
GRAPH = "Construction of the Literature Graph in Semantic Scholar"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"
BACKUS = "a1977 backus p21"
LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"


def asked(question: str, catalog: Catalog):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "headings" and the_plan.headings.text, question
    return the_plan.headings


def test_run_in_headings_are_read_from_the_start_of_their_paragraph(catalog: Catalog) -> None:
    backus = next(p for p in catalog.papers if p.title == BACKUS)
    numbered = [(h.number, h.title) for h in outline(backus).headings if h.title]
    assert numbered == [("13.3.3", "Summary of the properties of p and #"), ("13.3.4", "Cells, fetching, and storing")]
    # the other PDFs print their headings on lines of their own: no paragraph of theirs is read as one
    for paper in catalog.papers:
        if paper.blocks and paper.title != BACKUS:
            assert all(h.number[:2] != "13" for h in outline(paper).headings)


@pytest.mark.parametrize("question, holds", [
    ("In the Backus PDF, what is the name of subsection 13.3.3?", "§13.3.3 Summary of the properties of p and # (p. 1)"),
    ("On which page of the backus file does section 13.3.4 begin?", "§13.3.4 Cells, fetching, and storing (p. 1)"),
    ("backus: title of §13.3.4?", "§13.3.4 Cells, fetching, and storing"),
])
def test_a_run_in_heading_is_asked_by_number_of_the_pdf_named_by_its_file(question: str, holds: str,
                                                                         catalog: Catalog) -> None:
    text = asked(question, catalog).text
    assert holds in text and "subsections" not in text, text  # 'subsection 13.3.3' names it, asks no children


@pytest.mark.parametrize("question, titles", [
    ("how many of the PDFs have any numbered subsections?", [SPECTER, GRAPH, BACKUS, DPR]),
    ("Which PDFs have subsections (e.g. 2.1)?", [SPECTER, GRAPH, BACKUS, DPR]),
    ("which PDFs have sub-sections (x.y numbering)?", [SPECTER, GRAPH, BACKUS, DPR]),
    ("which of my pdfs have no subsections?", [LAYOUT]),
])
def test_the_pdfs_having_numbered_subsections_at_all(question: str, titles: list[str], catalog: Catalog) -> None:
    found = asked(question, catalog)
    assert sorted(p.title for p in found.rows) == sorted(titles), found.text
    assert f"{len(titles)} of the 5 PDFs" in found.text


@pytest.mark.parametrize("question, titles", [
    ("which of the PDFs have a heading literally titled 'Node Types'?", [GRAPH]),
    ("which papers have a section precisely called 'Inference'?", [SPECTER]),
    ("PDFs with a related work section?", [SPECTER]),
    ("my papers having a Background section", [SPECTER, DPR]),  # SPECTER's '2.2 Background: Pretrained Transformers'
    ("files that have an Acknowledgements heading?", [SPECTER]),
])
def test_an_adverb_on_the_name_and_a_bare_noun_phrase_ask_over_the_pdfs(question: str, titles: list[str],
                                                                       catalog: Catalog) -> None:
    assert sorted(p.title for p in asked(question, catalog).rows) == sorted(titles)


@pytest.mark.parametrize("question, holds", [
    ("list the subsections of section 3 (SCIDOCS Evaluation Framework) in SPECTER", "§3.4 Recommendation (p. 5)"),
    ("SPECTER §2 (Model): which subsections does it have?", "§2.5 Inference (p. 3)"),  # §2's words are not read
    ("what page is section 4 (Entity Extraction and Linking) on in the literature graph paper?",
     "§4 Entity Extraction and Linking (p. 4)"),
])
def test_the_askers_bracketed_name_of_a_numbered_section(question: str, holds: str, catalog: Catalog) -> None:
    assert holds in asked(question, catalog).text


@pytest.mark.parametrize("question", [
    "what are the subsections of section 3 (Model) in SPECTER?",  # §3 prints another name: not the section meant
    "What do the PDFs with numbered subsections say about citation prediction?",
    "what does subsection 13.3.4 of the backus pdf say about cells?",
    "which subsections of SPECTER discuss negative distractors?",
    "PDFs with a section about negative sampling?",
    "which papers have a section literally proving the theorem?",
    "what is the backus paper's argument about von Neumann languages?",
])
def test_content_and_unprinted_names_stay_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question, holds", [
    ("what printed page number does the Analysis section of SPECTER start on?", "§6 Analysis (p. 7), printed page 2276"),
    ("SPECTER's related work section: PDF page and proceedings page?", "§7 Related Work (p. 8), printed page 2277"),
    ("which journal page is section 13.3.4 of the backus pdf on?", "(p. 1), printed page 633 of Communications of the ACM"),
    ("DPR section 3: printed page number?", "(p. 2) (the PDF prints no page numbers of a journal or proceedings)"),
    # a section 'about' words that are its whole printed title: the heading carrying it
    ("which subsection is about knowledge bases in the literature graph paper?", "§4.3 Knowledge Bases (p. 5)."),
    ("In DPR, which section is about background?", "§2 Background (p. 2)"),
    ("which pdf has a section about entity linking models?", "§4.4 Entity Linking Models (p. 5)"),
])
def test_a_headings_printed_page_and_a_section_about_its_own_title(question: str, holds: str,
                                                                   catalog: Catalog) -> None:
    assert holds in asked(question, catalog).text


@pytest.mark.parametrize("question", [
    "which section of SPECTER is about how negatives are chosen?",  # no heading is titled so: what sections say
    "which section of SPECTER is about negative distractors?",  # part of a title only
    "what does the section on knowledge bases say in the literature graph paper?",
    "which page of SPECTER explains the printed proceedings format?",
])
def test_a_section_about_other_words_stays_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
