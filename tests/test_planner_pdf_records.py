"""PDF records pooled and compared across PDFs (rag/catalog_pdf_records.py, rag/plan_pdf_pool.py): distinct people
over bylines, institutions merged however printed, e-mail addresses and domains; over every PDF or the PDFs named.
The questions are this file's own, none from a dataset; the records are read from the shared PDFs.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_pdf_records import institution_key
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
BYLINED = {GRAPH, LAYOUT, DPR, SPECTER}


def catalog_answer(question: str, catalog: Catalog):
    """The catalog's answer, which must be there."""
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None, question
    return answer


def test_one_institution_however_printed() -> None:
    assert institution_key("Allen Institute for AI") == institution_key("Allen Institute for Artificial Intelligence")
    assert institution_key("Paul G. Allen School of Computer Science & Engineering, University of Washington") == \
        institution_key("University of Washington")
    assert institution_key("Brown University") != institution_key("Harvard University")


@pytest.mark.parametrize("question, holds, rows", [
    ("pool every PDF byline: how many unique authors?", "39 distinct people", BYLINED),
    ("across all my pdfs' author lists, how many different people are there (each counted once)?",
     "39 distinct people", BYLINED),
    ("how many distinct ppl across the bylines of DPR and LayoutParser", "14 distinct people", {DPR, LAYOUT}),
    ("Taken together, the SPECTER and lit-graph bylines name how many separate individuals?", "25 distinct people",
     {SPECTER, GRAPH}),
    ("list the distinct institutions printed across my pdfs", "8 distinct institutions", BYLINED),
    ("combined, how many different organisations do the SPECTER and lit graph bylines name", "3 distinct institutions",
     {SPECTER, GRAPH}),
    ("Taking the DPR and SPECTER author lists together, how many different e-mail domains are used?",
     "4 distinct e-mail domains", {DPR, SPECTER}),
    ("how many unique e-mail addresses do my PDFs print altogether?", "20 distinct e-mail addresses", BYLINED),
    ("number of diffrent email domains over all the uploaded pdfs", "7 distinct e-mail domains", BYLINED),
    # an organisation's people pooled: the organisation said as a condition, however shortly
    ("how many distinct Allen Institute authors do my PDFs print, pooled?", "25 distinct people", {SPECTER, GRAPH, LAYOUT}),
    ("which different e-mail domains do the Facebook AI people use across the pdfs?", "fb.com: 1", {DPR}),
    ("Harvard people across all the PDF bylines, each once: who?", "Melissa Dell: 1, Jacob Carlson: 1", {LAYOUT}),
    # the organisations named in how to merge are the merge's, not a condition
    ("how many different institutions over all my pdfs (count AI2 once however it's spelled)?",
     "8 distinct institutions", BYLINED),
])
def test_pooled_records(question: str, holds: str, rows: set[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)
    assert {c.title for c in answer.citations} == rows


def test_the_merge_is_said(catalog: Catalog) -> None:
    question = "merge the bylines of DPR, SPECTER and the lit graph paper — how many distinct people?"
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and "33 distinct people" in answer.answer
    assert "Iz Beltagy" in answer.answer and "counts once" in answer.answer


@pytest.mark.parametrize("question", [
    "how many distinct authors does SPECTER cite across its references?",
    "how many different datasets are used across the PDFs?",
    "how many distinct people took part in the SPECTER user study?",
    "across the DPR experiments, how many different retrievers are compared?",
    "how many unique documents does the lit graph paper's corpus hold in total?",
    "how many distinct annotators labelled the pdfs' training data overall?",
    # the pool's shared part and its most, said of what the PDFs hold rather than print about their makers
    "which baselines appear in more than one of my pdfs' result tables?",
    "which datasets are used by more than one of the pdfs?",
    "which PDF reports the most different evaluation tasks?",
])
def test_content_pooled_in_words_stays_unplanned(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None


# --- one page of a PDF: the headings printed on it and its printed page number (rag/plan_page_headings.py) -------

@pytest.mark.parametrize("question, holds, title", [
    ("specter pg 3 headings?", "2.3 Citation-Based Pretraining Objective; 2.4 Selecting Negative Distractors; "
                               "2.5 Inference; 3 SCIDOCS Evaluation Framework", SPECTER),
    ("what sections start on printed page 2274 of SPECTER", "PDF page 5 (printed page 2274)", SPECTER),
    ("In the LayoutParser PDF, which headings appear on the first page, and which page number is printed there?",
     "the PDF prints no journal or proceedings page number: 1 heading begins there: 1 Introduction", LAYOUT),
    ("which section hedings are on page 12 of the SPECTER pdf", "A Appendix A - Baseline Details", SPECTER),
    ("For the Semantic Scholar literature graph paper (NAACL-HLT 2018), the numbered headings printed on its sixth "
     "page, along with the page number at the bottom?", "printed page number 89", GRAPH),
    ("lit graph: subsection headings on PDF page 2?", "2.1 Node Types; 2.2 Edge Types", GRAPH),
    ("DPR 2-pager, second page: which headings?", "2 Background; 3 Dense Passage Retriever (DPR); 3.1 Overview", DPR),
])
def test_the_headings_on_one_page(question: str, holds: str, title: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)
    assert answer.citations[0].title == title


@pytest.mark.parametrize("question", [
    "what does page 4 of SPECTER say about hard negatives in its sections?",
    "which datasets are described in the sections on page 5 of the lit graph paper?",
    "on page 3 of DPR, which heading explains the in-batch negatives?",
    "SPECTER page 6: what results does the Results section report?",
])
def test_what_a_page_says_stays_unplanned(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None


# --- PDFs selected by what their bylines print, composed with the planner's sorts and counts -------------------

@pytest.mark.parametrize("question, rows", [
    ("among my pdfs with an Allen Institute author, which is the oldest?", [GRAPH]),
    ("most recent pdf with a University of Washington author", [LAYOUT]),
    ("which pdfs have authors from both the Allen Institute and Northwestern University?", [GRAPH]),
    ("which pdfs have an Allen School author?", [SPECTER]),
    ("Which uploaded papers give an e-mail under a .edu domain?", [LAYOUT, DPR]),
    ("any pdf with an e-mail on the .com domain?", [DPR]),
])
def test_pdfs_selected_by_their_bylines(question: str, rows: list[str], catalog: Catalog) -> None:
    assert sorted(c.title for c in catalog_answer(question, catalog).citations) == sorted(rows), question


@pytest.mark.parametrize("question, holds", [
    # a part of a printed organisation's name ('the Allen School' of 'Paul G. Allen School …'): its authors there (this
    # was the record card's case in tests/test_plan_card.py until the part was read as the organisation)
    ("SPECTER: which of its authors are the Allen School people?", "1 of 5 authors printed under allen school: Daniel S. Weld"),
    ("DPR: which authors are at the University of Washington?", "1 of 8 authors printed under university of washington: "
                                                                "Sewon Min"),
    ("how many DPR authors have an fb.com e-mail?", "6 of 8 authors own an e-mail address under fb.com"),
    ("LayoutParser — number of authors with a .edu email", "4 of 6 authors own an e-mail address under .edu"),
])
def test_authors_of_one_pdf_counted_by_their_address(question: str, holds: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)


# --- the PDFs in the alphabet's order by a person of their byline (rag/plan_name_order.py) ----------------------

@pytest.mark.parametrize("question, title", [
    ("alphabetically by lead author surname, which pdf is first?", GRAPH),  # Ammar
    ("sort my pdfs by first-author surname, a to z - which lands at the bottom?", LAYOUT),  # Shen
    ("which uploaded paper's last author has the given name that comes first A-Z?", SPECTER),  # Daniel S. Weld
    ("pdf whose senior author's family name is last in alphabetical order", DPR),  # Yih
    ("If we put the bylines in alphabetical order by their first author's first name, which PDF ends up last?", LAYOUT),
])
def test_pdfs_by_a_bylines_name(question: str, title: str, catalog: Catalog) -> None:
    assert [c.title for c in catalog_answer(question, catalog).citations] == [title], question


@pytest.mark.parametrize("question", [
    "which PDF's first author thanks people alphabetically first?",
    "in the SPECTER pdf, are the baselines listed alphabetically by their first author?",
])
def test_other_alphabets_stay_unplanned(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None


# --- one field over the listing pages and the PDFs together: a page's code or a PDF's arXiv stamp, a year --------

@pytest.mark.parametrize("question, more", [
    # the PDFs named beside a page with 'plus': one more place the category may be read from, not a widening to all
    ("how many CV papers are there on Courville's page plus any uploaded pdf?", LAYOUT),
    ("list the LG entries, Courville's page and the trending page included, plus the pdfs", None),
    # the category said with its code's own name ('the CV code') is the category, not a Code badge
    ("the CV code on Courville's page or a cs.CV stamp on a PDF: which papers?", LAYOUT),
])
def test_a_category_over_pages_and_pdfs(question: str, more: str | None, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None, question
    titles = {c.title for c in answer.citations}
    if more:
        assert more in titles and len(titles) > 1, (question, answer.answer)


def test_a_year_over_the_listing_pages_and_the_pdfs(catalog: Catalog) -> None:
    question = "which 2020 papers are there? look at the pdfs plus the listing pages"
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None
    titles = {c.title for c in answer.citations}
    assert {SPECTER, DPR, "Data-Efficient Reinforcement Learning with Self-Predictive Representations"} <= titles, \
        answer.answer  # two PDFs and a listing entry


# --- a heading's page asked over every PDF; a named PDF restated by its venue; the reference list by its name ------

@pytest.mark.parametrize("question, rows", [
    ("which pdfs have their section 3 on their second page?", {GRAPH, DPR}),
    ("Which of my papers begin section 2 on PDF page 2, and what is it called in each?", {SPECTER, GRAPH, DPR}),
    ("which of the pdfs has its section 4 on page 5?", {SPECTER}),
])
def test_a_sections_page_over_the_pdfs(question: str, rows: set[str], catalog: Catalog) -> None:
    assert {c.title for c in catalog_answer(question, catalog).citations} == rows, question


@pytest.mark.parametrize("question, holds", [
    ("SPECTER (ACL 2020): where does the reference list start — pdf page and printed page number?",
     "References (p. 9), printed page 2278"),
    ("the lit graph paper (NAACL-HLT 2018): 'Knowledge Bases' subsection — number and page (pdf page + printed page no.)?",
     "§4.3 Knowledge Bases (p. 5), printed page 88"),
])
def test_a_headings_page_of_a_pdf_named_with_its_venue(question: str, holds: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)


# --- the PDFs printing a quoted note, with whom its mark is on (rag/plan_note_quoted.py) -------------------------

@pytest.mark.parametrize("question, holds, rows", [
    ("Any uploaded PDF with a \"equal contribution\" note? who is it on?", "on Vladimir Karpukhin, Barlas Oğuz",
     {SPECTER, DPR}),
    ("list the pdfs that print the footnote 'Equal contribution'", "on Arman Cohan, Sergey Feldman", {SPECTER, DPR}),
    ("which PDFs have a footnote reading 'code and trained models'?", "(mark 1)", {DPR}),
])
def test_pdfs_printing_a_quoted_note(question: str, holds: str, rows: set[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)
    assert {c.title for c in answer.citations} == rows


@pytest.mark.parametrize("question", [
    "what does the 'Equal contribution' footnote in SPECTER mean for the results?",
    "which pdfs carry an 'equal contribution' footnote about the experiments?",
    "what does the footnote 'code and trained models' link to?",
])
def test_what_a_quoted_note_says_stays_unplanned(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None


def test_a_journal_said_by_its_initials(catalog: Catalog) -> None:
    # 'Communications of the ACM' printed on the Backus page: said CACM, its words' initials with the acronym whole
    question = "which of my pdfs appeared in CACM?"
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and [c.title for c in answer.citations] == ["a1977 backus p21"], answer and answer.answer
    question = "backus pdf: which CACM volume and number?"
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and "Volume 21, Number 8" in answer.answer


# --- the pool's shared part and the PDF printing the most of a field (rag/plan_pdf_pool.py) ----------------------

@pytest.mark.parametrize("question, holds, rows", [
    ("which people appear on more than one of my pdf bylines?", "Sergey Feldman, Iz Beltagy, Doug Downey",
     {SPECTER, GRAPH}),
    ("who wrote for more than one of my pdfs?", "3 people printed on more than one", {SPECTER, GRAPH}),
    ("which e-mail domains show up in more than one PDF?", "allenai.org, cs.washington.edu", BYLINED),
    ("which institutions are printed in several PDFs?", "Allen Institute for AI, University of Washington", BYLINED),
    ("which PDF prints the most distinct e-mail domains?", "5 distinct e-mail domains, the most", {LAYOUT}),
    ("which pdf lists the fewest different institutions?", "2 distinct institutions, the fewest", {SPECTER, GRAPH}),
    ("what's printed as the page number on SPECTER's 4th page, and which headings start there?",
     "printed page number 2273", {SPECTER}),
])
def test_shared_values_and_the_most(question: str, holds: str, rows: set[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert holds in answer.answer, (question, answer.answer)
    assert {c.title for c in answer.citations} == rows, question
