"""A PDF's sections as data, asked the ways the last rounds asked them (rag/plan_headings.py and its helpers): the PDF
page a section starts on beside the page number its proceedings print there (rag/plan_heading_phrases.py), the heading
printed right after or before one (rag/plan_heading_neighbours.py), the headings holding a word
(rag/plan_heading_words.py), the PDFs that print a section or subsection numbered N, and a PDF named by the begun words
of its title ('lit graph') or described ('the 2-page excerpt'). What a section says stays with retrieval.

Every question here was made up for this file (none is from a dataset); each failed before these readers.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"


def _answer(question: str, catalog: Catalog) -> str:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None, question
    return answer.answer


@pytest.mark.parametrize("question, holds", [
    ("Which PDF page does the Related Work section of SPECTER start on, and what page number does the proceedings "
     "print there?", ["§7 Related Work (p. 8)", "printed page 2277"]),
    ("lit graph pdf, §2.2 Edge Types: page in the pdf and the printed page number?",
     ["§2.2 Edge Types (p. 2)", "printed page 85"]),
    ("wich page is SPECTERs section 6 on, incl. the printed proceedings number", ["§6 Analysis (p. 7)", "2276"]),
    ("specter section 5 - pdf page + printed page no.?", ["§5 Results (p. 6)", "printed page 2275"]),
    ("On what page of the literature graph paper does section 5 begin, and what is the proceedings page number printed "
     "on it (the 84–91 range)?", ["§5 Other Research Problems (p. 6)", "printed page 89"]),
])
def test_a_sections_pdf_page_with_its_printed_page(question: str, holds: list[str], catalog: Catalog) -> None:
    text = _answer(question, catalog)
    assert all(h in text for h in holds), text


@pytest.mark.parametrize("question, holds", [
    ("last numbered section of the lit graph paper (not counting refs) and its page?",
     ["§6 Conclusion and Future Work (p. 7)", "printed page 90"]),
    ("the final numbered section in SPECTER (excluding the appendix) — which page?",
     ["§8 Conclusions and Future Work (p. 9)", "2278"]),
    ("SPECTER's closing numbered section, before the acks and refs: its title and page", ["§8 Conclusions"]),
])
def test_the_last_numbered_section_with_the_back_matter_set_aside(question: str, holds: list[str],
                                                                  catalog: Catalog) -> None:
    text = _answer(question, catalog)
    assert all(h in text for h in holds), text


@pytest.mark.parametrize("question, holds, lacks", [
    ("what heading comes after section 7 in SPECTER?", ["after it is §8 Conclusions and Future Work"], []),
    ("In the SPECTER pdf, which heading directly follows the Conclusions and Future Work section?",
     ["after it is Acknowledgements (p. 9)"], []),
    ("lit graph paper: what section comes before the references?", ["before it is §6 Conclusion and Future Work"], []),
    ("SPECTER - page of the References heading, and what comes next?", ["References (p. 9)", "after it is §A Appendix A"],
     []),
    ("DPR paper: is there an acknowledgements section after the last section?",
     ["no heading is printed after it", "prints no Acknowledgements heading"], ["§3.1"]),
])
def test_the_heading_beside_one(question: str, holds: list[str], lacks: list[str], catalog: Catalog) -> None:
    text = _answer(question, catalog)
    assert all(h in text for h in holds) and not any(x in text for x in lacks), text


@pytest.mark.parametrize("question, holds, lacks", [
    ("specter: section titles containing \"citation\"?", ["§2.3 Citation-Based", "§3.2 Citation Prediction"],
     ["§3.1"]),
    ("which headings in the Semantic Scholar literature graph paper include the term linking",
     ["§4 Entity Extraction and Linking", "§4.4 Entity Linking Models"], ["§4.2"]),
    ("In the DPR pdf, is there any heading with the word Retriever in it?", ["§3 Dense Passage Retriever"], ["§2"]),
    ("lit graph paper heading w/ word 'models' — which ones & numbers",
     ["§4.2 Entity Extraction Models", "§4.4 Entity Linking Models"], ["§4.3"]),
    ("Which numbered headings of the lit graph PDF mention 'Types'?", ["§2.1 Node Types", "§2.2 Edge Types"], []),
])
def test_headings_holding_a_word(question: str, holds: list[str], lacks: list[str], catalog: Catalog) -> None:
    text = _answer(question, catalog)
    assert all(h in text for h in holds) and not any(x in text for x in lacks), text


@pytest.mark.parametrize("question, titles", [
    ("which of my PDFs have a section numbered 4?", {SPECTER, GRAPH}),
    ("how many of my PDFs reach a numbered section 3?", {SPECTER, GRAPH, DPR}),
    ("any of my pdfs with a subsection 3.1? what is it called in each?", {SPECTER, DPR}),
    ("which PDFs have a numbered subsection 2.2 and what are they titled", {SPECTER, GRAPH}),
    ("Which of the papers in my library get as far as a numbered section 6?", {SPECTER, GRAPH}),
])
def test_pdfs_printing_a_section_numbered_n(question: str, titles: set[str], catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and {c.title for c in answer.citations} == titles, (question, answer and answer.answer)


def test_a_pdf_described_by_its_length(catalog: Catalog) -> None:
    text = _answer("the 13-page SPECTER copy: how many numbered top-level sections does it get up to?", catalog)
    assert "8 numbered top-level sections" in text, text


@pytest.mark.parametrize("question", [
    "which sections of SPECTER mention citations?",
    "what do the SPECTER sections with citation in the heading report?",
    "What does the DPR paper propose in the section after Background?",
    "In SPECTER, which method is evaluated right after the citation prediction task?",
    "what follows from the results in section 5 of SPECTER?",
    "which numbered heading of SPECTER explains how negatives are chosen?",
    "what does the acknowledgements section of SPECTER thank the reviewers for?",
    "Which page of the SPECTER paper reports the MAG classification accuracy?",
])
def test_what_a_section_says_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question", [
    "lit graph paper 4.1: the numbered approaches (I, II, III)?",
    "lit graph pdf, section 4.1 lists three approaches - names?",
    "what are items I-III in section 4.1 of the lit graph paper",
    "section 4.1 of the lit graph paper enumerates three approaches (i/ii/iii); what are they called",
    "In the Semantic Scholar literature graph paper, §4.1 numbers 3 approaches. Which?",
])
def test_the_list_a_section_prints(question: str, catalog: Catalog) -> None:
    """A section's paragraph headings printed with list marks ('I. Statistical: …'), asked as that list."""
    text = _answer(question, catalog)
    assert "Statistical (p. 4); Hybrid (p. 4); Off-the-shelf (p. 4)" in text, text


@pytest.mark.parametrize("question", [
    "lit graph paper section 4.1 lists three approaches: which works best?",
    "which of the three approaches (I, II, III) in section 4.1 of the lit graph paper performs better?",
    "section 4.1 of the lit graph paper lists three approaches (I, II, III); how do they compare?",
])
def test_how_listed_items_fare_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
