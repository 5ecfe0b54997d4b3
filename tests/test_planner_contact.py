"""E-mail addresses and postal addresses a PDF prints (rag/catalog_emails.py, rag/plan_contact.py): whose a quoted
address is, a named PDF's author with their affiliation and e-mail (by name, place or mark), the PDFs printing an
address under a domain, and an institute's printed address line. The questions are this file's own, none from a
dataset; the addresses are read from the shared PDFs.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_emails import emails
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"


def test_every_address_has_its_owner_by_spelling_or_elimination(catalog: Catalog) -> None:
    owners = {e.address: (e.owner, e.organisation) for p in catalog.papers for e in emails(p)}
    assert owners["w422li@uwaterloo.ca"] == ("Weining Li", "University of Waterloo")  # spelled: w + li
    assert owners["shannons@allenai.org"] == ("Zejiang Shen", "Allen Institute for AI")  # the one left at AI2
    assert owners["scottyih@fb.com"][0] == "Wen-tau Yih"  # the one DPR author no address spells
    assert owners["jacob_carlson@fas.harvard.edu"] == ("Jacob Carlson", "Harvard University")


@pytest.mark.parametrize("question, holds", [
    ("sewon@cs.washington.edu — who is that?", "Sewon Min (author 3 of 8"),
    ("who does danqic@cs.princeton.edu belong to", "Danqi Chen (author 7 of 8"),
    ("the address shannons@allenai.org in LayoutParser: whose is it and which institute?", "Zejiang Shen"),
    ("Whos email is plewis@fb.com", "Patrick Lewis (author 4 of 8)"),
    ("In the DPR pdf, the e-mail line ends with an address, danqic@cs.princeton.edu, which, as far as I can tell, "
     "belongs to someone at Princeton: who is it?", "Danqi Chen"),
])
def test_whose_address_it_is(question: str, holds: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and holds in answer.answer, (question, answer and answer.answer)


@pytest.mark.parametrize("question, holds", [
    ("SPECTER: Daniel S. Weld's e-mail?", "danw@allenai.org"),
    ("email of the last author of LayoutParser", "Weining Li (marks 5): University of Waterloo; "
                                                 "e-mail w422li@uwaterloo.ca (6th of 6 authors)"),
    ("what's the contact address of the DPR author marked with a double dagger", "Danqi Chen (marks ‡): Princeton "
                                                                                 "University"),
    ("LayoutParser second author — affiliation and e-mail?", "Ruochen Zhang (marks 2): Brown University; e-mail "
                                                             "ruochen_zhang@brown.edu (2nd of 6 authors)"),
    ("In Dense Passage Retrieval, which email is given for Karpukhin?", "e-mail vladk@fb.com"),
    ("layoutparser - the author with the envelope icon: who, where from, which e-mail?",
     "Zejiang Shen (marks 1 ✉): Allen Institute for AI; e-mail shannons@allenai.org (1st of 6 authors)"),
])
def test_a_named_authors_email_and_affiliation(question: str, holds: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and holds in answer.answer, (question, answer and answer.answer)


@pytest.mark.parametrize("question, titles", [
    ("which pdfs list an allenai.org email?", {SPECTER, GRAPH, LAYOUT}),
    ("any papers with a princeton.edu e-mail address printed?", {DPR}),
    ("what PDFs print fb.com emails", {DPR}),
    ("which documents in my library give e-mails under uwaterloo.ca", {LAYOUT}),
    ("How many PDFs print an e-mail at cs.washington.edu?", {LAYOUT, DPR}),
])
def test_pdfs_printing_an_address_under_a_domain(question: str, titles: set[str], catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and {c.title for c in answer.citations} == titles, (question, answer and answer.answer)


@pytest.mark.parametrize("question, line", [
    ("literature graph paper: where is Northwestern University, per its address line?", "Evanston IL 60208"),
    ("ZIP code printed for Northwestern in the Semantic Scholar graph pdf?", "Evanston IL 60208"),
    ("what city is the Allen Institute in, according to the literature graph paper", "Seattle WA 98103"),
    ("In which state is Northwestern located, per the lit graph paper's affiliations?", "Evanston IL 60208"),
    ("Semantic Scholar literature graph: postal address of the Allen Institute?", "Seattle WA 98103, USA"),
])
def test_an_institutes_printed_address(question: str, line: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and line in answer.answer and answer.citations[0].title == GRAPH, question


@pytest.mark.parametrize("question", [
    "Does SPECTER use email data for training?",
    "What is the state of the art on open-domain QA that DPR compares to?",
    "How do the DPR authors contact the annotators?",
    "where is the literature graph's entity linking model located in the pipeline?",
    "which papers study spam e-mail detection?",
    "How does LayoutParser's layout model address noisy scans?",
])
def test_content_questions_with_these_words_stay_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
