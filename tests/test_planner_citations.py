"""What a PDF prints after its body, asked as data (issue 11): which papers of the library its reference list cites,
and its acknowledgements (people thanked, grant numbers), read by rag/plan_citations.py over
rag/catalog_citations.py. How one paper builds on another, or what it says about citations, stays with retrieval.

Every question here was made up for this file (none is from a dataset). Unit tests over the real seed pages and the
five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_citations import cites, grants, squeezed
from rag.catalog_query import answer_from_catalog
from rag.planner import plan
from rag.records import Block, Paper

# (question, words the answer must hold, words it must not)
ASKED = [
    ("Does SPECTER's bibliography include Construction of the Literature Graph in Semantic Scholar?",
     ["Yes:", "p. 9", "Waleed Ammar"], ["No:"]),
    ("Does the SPECTER PDF cite the literature graph paper?", ["Yes:", "(reference list, p. 9)"], []),
    ("is the literature graph paper cited by SPECTER?", ["Yes:", "Literature Graph"], []),
    ("does the literature graph paper cite SPECTER?", ["No:", "does not print"], ["Yes"]),
    ("which of my papers does SPECTER cite?", ["cites 1 paper(s) of the library", "Literature Graph"], []),
    ("what other papers in my library does the SPECTER paper reference?", ["cites 1 paper(s)"], []),
    ("which PDFs cite the literature graph paper?", ["1 of the 2 PDFs whose reference list was read", "SPECTER"], []),
    ("which PDFs cite a paper on the trending page?", ["None of the 2 PDFs", "page: trending papers"], []),
    ("which of my PDFs cite papers by Waleed Ammar?", ["author: Waleed Ammar", "SPECTER"], ["Dense Passage"]),
    ("how many of my papers does SPECTER cite?", ["cites 1 paper(s) of the library"], []),
    ("which of my PDFs are cited by another paper in the library?", ["1 paper(s) of the library are cited",
                                                                       "cited by SPECTER"], []),
    ("Who does the SPECTER paper thank?", ["Russel Reas for setting up the public API", "p. 9"], []),
    ("what grant numbers are in SPECTER's acknowledgements?", ["award 1936940", "N00014-18-1-2193"], []),
    ("SPECTER: who funded it (acks)?", ["NSF Convergence Accelerator"], []),
    # Backus's page thanks a person in its text ('I am indebted to Paul Me Jones'), with no acknowledgements section
    ("which of my PDFs thank anyone?", ["2 of the 5 PDFs thank a named person", "SPECTER", "Paul Me Jones"],
     ["Dense Passage"]),
    ("who does the DPR paper acknowledge?", ["prints no acknowledgements section"], []),
    ("does DPR cite the literature graph paper?", ["is not in its text as read"], ["Yes"]),
]

# Content: how a paper uses another, what it says about citations, a paper outside the library.
CONTENT = [
    "How does SPECTER build on the literature graph paper?",
    "what does the literature graph paper say about citations?",
    "why does SPECTER use citations as its training signal?",
    "which datasets are cited in the DPR paper?",
    "does SPECTER cite BERT?",
    "which papers does the literature graph paper cite on entity linking?",
    "how many citations per paper does SPECTER sample for training?",
    "what is citation-informed pretraining?",
    "which PDFs cite work on offline RL?",
    "which PDFs cite Attention Is All You Need?",
    "what did the NSF award to SPECTER's authors fund?",
    "how do the SPECTER authors thank their reviewers?",
    "whom does SPECTER credit for help with data collection in its acknowledgements?",
    "which navy grant is acknowledged by the SPECTER authors?",
    "which baselines does SPECTER beat (the ones it cites)?",
]


@pytest.mark.parametrize("question,holds,lacks", ASKED)
def test_printed_citations_and_acknowledgements_are_read(question, holds, lacks, catalog, papers):
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None, question
    for words in holds:
        assert words in answer.answer, (question, answer.answer)
    for words in lacks:
        assert words not in answer.answer, (question, answer.answer)


def test_an_answer_cites_the_page_its_entry_is_printed_on(papers):
    answer = answer_from_catalog("does SPECTER cite the literature graph paper?", "does SPECTER cite the literature "
                                 "graph paper?", papers)
    assert answer is not None
    assert [c.page for c in answer.citations] == [9]
    assert "construction of the literature graph in semantic scholar" in answer.citations[0].passage.casefold()


@pytest.mark.parametrize("question", CONTENT)
def test_content_about_citations_is_not_planned(question, catalog):
    assert plan(question, catalog) is None, question


def test_a_title_broken_and_hyphenated_in_an_entry_is_found():
    cited = Paper(paper_id="p1", title="Sparse Retrieval with Learned Term Weights")
    citer = Paper(paper_id="p2", title="Another paper", blocks=[
        Block(kind="references", page=7, text="A. Author. 2021. Sparse Re-\ntrieval with Learned\nTerm Weights. In ACL."),
        Block(kind="text", page=1, text="Sparse Retrieval with Learned Term Weights is discussed in the body.")])
    found = cites(citer, [cited, citer])
    assert [(c.cited.paper_id, c.entry.page) for c in found] == [("p1", 7)]
    assert squeezed("SciB-\nERT") == "scibert"


def test_grant_numbers_are_read_with_their_funder():
    text = ("Supported by DARPA contract no. FA8750-19-2-0200 and by NSF grant IIS-1234567; we thank A. B. for "
            "comments on 2 drafts.")
    assert grants(text) == ["DARPA contract FA8750-19-2-0200", "NSF grant IIS-1234567"]


def test_a_short_title_is_not_matched_inside_another_entry():
    short = Paper(paper_id="s", title="Graph Nets")
    citer = Paper(paper_id="c", title="X", blocks=[
        Block(kind="references", page=3, text="B. Author. 2019. Graph Networks for Everything. In ICML.")])
    assert cites(citer, [short]) == []
