"""A PDF's footnotes as records (rag/parsing/pdf/footnotes.py) and the questions answered from them
(rag/plan_footnotes.py): a named PDF's footnotes by number, by what their mark follows or by the address they print,
how many it prints, which PDF prints the most, which hang one off the abstract. The questions are this file's own,
none from a dataset; the footnotes are read from the shared PDFs.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_footnotes import note_links
from rag.catalog_query import answer_from_catalog
from rag.planner import plan

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"


def _paper(catalog: Catalog, title: str):
    return next(p for p in catalog.papers if p.title == title)


def test_footnotes_are_read_with_their_marks_pages_and_anchors(catalog: Catalog) -> None:
    graph = _paper(catalog, GRAPH)
    assert [n.mark for n in graph.footnotes] == [str(i) for i in range(1, 16)]
    nell, openie = graph.footnotes[6], graph.footnotes[7]
    assert nell.printed.page == 5 and nell.section == "4.3 Knowledge Bases" and nell.anchor.endswith("(NELL)")
    assert openie.anchor == "and OpenIE 4"
    assert [link.path for link in note_links(openie)] == ["github.com/allenai/openie-standalone"]  # split line joined
    specter = _paper(catalog, SPECTER)
    assert [n.mark for n in specter.footnotes] == ["∗"] + [str(i) for i in range(1, 19)]
    assert specter.footnotes[1].section == "Abstract"  # the code link hangs off the abstract's last sentence
    assert not _paper(catalog, "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis").footnotes


@pytest.mark.parametrize("question, holds, lacks", [
    ("lit graph pdf: url for the NELL footnote?", "rtw.ml.cmu.edu/rtw", "openie"),
    ("In SPECTER, what link is given for the Microsoft Academic Graph?", "academic.microsoft.com", "meshhome"),
    ("Which repo does the literature graph paper give for predicting citations in a paper draft?",
     "github.com/allenai/citeomatic", "science-parse"),
    ("where is the TagMe API described according to the literature graph paper? link please",
     "sobigdata.d4science.org/web/tagme/tagme-help", "metamap"),
    ("wich site does the MeSH footnote in SPECTER point to", "nlm.nih.gov/mesh/meshhome.html", "microsoft"),
    ("In the SPECTER paper, where the authors describe how they classify papers by their Medical Subject Headings, "
     "which web address do they footnote?", "meshhome.html", "scidocs"),
    ("where can I find the ScienceParse libraries mentioned in the Semantic Scholar literature graph paper?",
     "allenai.org/software", "deepfigures"),
])
def test_a_named_pdfs_footnote_picked_by_what_its_mark_follows(question: str, holds: str, lacks: str,
                                                               catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None, question
    assert holds in answer.answer and lacks not in answer.answer.casefold(), answer.answer
    assert [c.title for c in answer.citations] in ([GRAPH], [SPECTER]), question


@pytest.mark.parametrize("question, marks", [
    ("SPECTER footnote 3 - what's the link?", ["3"]),
    ("what do footnotes 10 to 12 of the lit graph paper point to?", ["10", "11", "12"]),
    ("DPR fn 1?", ["1"]),
    ("Semantic Scholar literature graph: footnotes 7 & 8, which sites?", ["7", "8"]),
    ("show me the footnotes of the DPR paper", ["∗", "1", "2", "3", "4"]),
])
def test_footnotes_by_number(question: str, marks: list[str], catalog: Catalog) -> None:
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "headings", question
    assert [m for m in ["∗"] + [str(i) for i in range(1, 19)] if f"footnote {m} (" in the_plan.headings.text] == marks


@pytest.mark.parametrize("question, count", [
    ("how many footnotes in SPECTER?", "19 footnotes (1–18, and ∗)"),
    ("number of footnotes the DPR pdf prints", "5 footnotes (1–4, and ∗)"),
    ("How many footnotes does the literature graph paper print?", "15 footnotes (1–15)"),
    ("SPECTER - how many of its footnotes link to github?", "4 of the 19 footnotes"),
    ("lit graph pdf: count the footnotes pointing into github.com/allenai", "4 of the 15 footnotes"),
])
def test_footnotes_counted(question: str, count: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and count in answer.answer, (question, answer and answer.answer)


@pytest.mark.parametrize("question, first", [
    ("pdf with the most footnotes?", SPECTER),
    ("Rank my PDFs by how many footnotes they print", SPECTER),
    ("which of my pdfs has the fewest footnotes", None),  # LayoutParser and Backus print none
    ("Which paper in the library carries the largest number of footnotes?", SPECTER),
    ("which file has more footnotes than any other", SPECTER),
    ("which PDF prints the fewest footnotes among those that have any?", DPR),
    ("of the pdfs with footnotes, which has the least footnotes", DPR),
])
def test_the_pdf_printing_the_most_footnotes(question: str, first: str | None, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None, question
    if first:
        assert answer.citations[0].title == first, [c.title for c in answer.citations]
    else:
        assert "no footnotes" in answer.answer.split(";")[0]


@pytest.mark.parametrize("question, titles", [
    ("Which PDFs put a footnote mark at the end of their abstract?", {SPECTER, DPR}),
    ("any pdf whose abstract carries a footnote with a github link?", {SPECTER, DPR}),
    ("which papers have a footnote saying equal contribution?", {SPECTER, DPR}),
    ("Which PDFs print a footnote about space constraints?", {GRAPH}),
    ("what documents have their code URL footnoted from the abstract", {SPECTER, DPR}),
])
def test_pdfs_selected_by_their_footnotes(question: str, titles: set[str], catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and {c.title for c in answer.citations} == titles, (question, answer and answer.answer)


@pytest.mark.parametrize("question", [
    "What example does the DPR paper give in a footnote of how much exact match drops?",  # what a footnote says
    "Metadata for how many papers did the literature graph team release?",
    "Which released Sentence-BERT checkpoint did the SPECTER authors compare with?",
    "Which search algorithms does the DPR paper point to for fast dense retrieval?",
    "In SPECTER, how does the MeSH classification task work?",
    "what does the entity linker link 'ILP' to in the literature graph paper?",
    "which papers discuss footnotes in scientific documents?",
    "What site of action does the MeSH classification task target in SPECTER?",
    "Where does SPECTER get its citation graph data from?",
])
def test_content_about_footnoted_things_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question", [
    "dpr paper footnote — how many EM points go missing in the open-domain setting?",
    "How many passages does the DPR footnote say were dropped?",
    "SPECTER footnote 7: how many papers are in the MAG classification dataset?",
    "lit graph paper footnote 1: how well did the omitted approach work?",
    "In the DPR paper, by how many points does exact match fall once SQuAD becomes open-domain, according to the "
    "footnote in the introduction?",
    "how many exampels of the drop does the DPR footnte give in points of EM",
    "dpr footnote: how much does EM drop going open-domain?",
])
def test_what_a_footnote_says_is_content(question: str, catalog: Catalog) -> None:
    """A footnote named as where a number or finding is printed: what it counts or measures is not a footnote, a link or
    a PDF (rag/plan_measure_asked.py), so the text answers, not the list of the PDF's footnotes."""
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question, count", [
    ("how many footnotes does DPR have", "5 footnotes (1–4, and ∗)"),
    ("how many are there in the DPR pdf's footnotes?", "5 footnotes"),
    ("lit graph paper: how many of its footnotes point to github.com/allenai", "4 of the 15 footnotes"),
])
def test_footnotes_still_counted_when_they_are_what_is_counted(question: str, count: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and count in answer.answer, (question, answer and answer.answer)
