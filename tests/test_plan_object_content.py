"""A content question that names where its answer is printed (rag/plan_object_content.py, rag/evidence_pinned.py):
the planner leaves it — a numbered footnote or the page a link is on named only as the place of the answer — while
the object's own record (its address, page, number, words as printed) is still answered from the catalog; and the
object the question names is located in its paper, to be pinned as the first evidence passage. The questions are
this file's own, none from a dataset or an adversarial set; the PDFs are the shared ones, parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog
from rag.evidence_pinned import locate, pin
from rag.records import Evidence

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"


@pytest.mark.parametrize("question", [
    "DPR footnote 3 - so did they end up preferring fixed-length passages?",  # casual
    "per fn 5 in SPECTER, why not just encode the title and the abstract one at a time?",  # terse, 'fn'
    "According to footnote 12 of SPECTER, what was removed from the graph when SGC was trained?",  # formal
    "lit graph paper footnote 1: why weren't the relation extraction models covered?",
    "in footnote 14 of specter, how could the venue information be made useful?",
    "footnote 9 in SPECTER: whay are cosine and L2 distance the same thing here?",  # a typo
    "What does footnote 3 of DPR say about the retriever and the reader?",  # saying, but about a topic
    "Going by what footnote 15 of the SPECTER paper reports about fine-tuning on the end tasks, which the authors "
    "tried as an extra step after pretraining, did it help?",  # clause-heavy
    "footnote 4 of the literature graph paper: was the pure rules-based approach better than the hybrid one?",
    "the page with the github link in the DPR paper - what did they make available?",
    "footnote 12 in SPECTER: which citations were removed, and from where?",  # 'where' of what they did
])
def test_a_content_question_located_by_a_printed_object_is_left(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question, holds", [
    ("what's the URL in footnote 8 of SPECTER?", "academic.microsoft.com"),
    ("which page of SPECTER is fn 5 printed on?", "p. 2"),
    ("quote DPR's footnote 3", "The ideal size and boundary of a text passage"),
    ("what does footnote 1 of the literature graph paper say?", "Due to space constraints"),
    ("DPR footnote 4 cites two works - which ones?", "Roberts et al., 2020"),
    ("footnote 2 of the lit graph paper: where does it point?", "allenai.org/software"),
    ("what is footnote 10 of SPECTER", "Learning rate linear warmup"),
    ("DPR footnote 1: where can I get the code?", "github.com/facebookresearch/DPR"),
])
def test_the_objects_own_record_is_still_answered(question: str, holds: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None, question
    assert holds in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "There's an entry on Courville's page with a project link in its abstract but no Code badge: which?",
    "how many footnotes does the literature graph paper print?",
])
def test_a_listing_page_or_a_count_is_no_object_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is not None, question


@pytest.mark.parametrize("question, title, label, section, page, holds", [
    ("SPECTER fn 5: why not encode them apart?", SPECTER, "footnote 5", "2.2 Background: Pretrained Transformers", 2,
     "encode title and abstracts individually"),
    ("footnote #1 in the literature graph paper, what was dropped?", GRAPH, "footnote 1", "2.2 Edge Types", 2,
     "space constraints"),
    ("what does section 4.3 of the literature graph paper say about NELL?", GRAPH, "§4.3 Knowledge Bases",
     "4.3 Knowledge Bases", 5, "NELL"),
    ("in the 'Selecting Negative Distractors' section of SPECTER, how are hard negatives picked?", SPECTER,
     "§2.4 Selecting Negative Distractors", "2.4 Selecting Negative Distractors", 3, "negative"),
    ("in SPECTER's acknowledgements, who funded the work?", SPECTER, "Acknowledgements", "Acknowledgements", 9, "NSF"),
    ("what does DPR's abstract say about retrieval accuracy?", DPR, "Abstract", "Abstract", 1, "accuracy"),
    ("on page 3 of the literature graph paper, how is a token's position on the page given?", GRAPH, "page 3",
     "3 Extracting Metadata", 3, "XY coordinate"),
    ("the page with the github link in DPR: what is released there?", DPR, "page 1", "1 Introduction", 1,
     "github.com/facebookresearch/DPR"),
    ("On the Backus page, whose observation about composition is he indebted to?", "a1977 backus p21", "page 1", "",
     1, "indebted"),
])
def test_the_named_object_is_located_in_its_paper(question: str, title: str, label: str, section: str, page: int,
                                                  holds: str, catalog: Catalog) -> None:
    found = locate(question, catalog)
    assert found is not None, question
    assert (found.paper.title, found.label, found.section, found.page) == (title, label, section, page)
    assert any(holds in s for s in found.sentences), found.sentences


@pytest.mark.parametrize("question", [
    "what inference speed does SPECTER reach?",  # a heading's word, said as no section
    "what does footnote 3 say about passage length?",  # no paper named
    "footnote 3 of DPR or of SPECTER: which mentions passages?",  # two papers named
    "what does footnote 40 of SPECTER say?",  # no such footnote
    "what separates the title from the abstract in SPECTER's input?",  # the abstract as an input, not the part
    "did SPECTER do better when the title and abstract were embedded one at a time?",
    "On which page of the ACM journal does the Backus excerpt fall?",  # a printed number asked, not the page's text
])
def test_no_object_is_located_when_none_is_named_in_one_paper(question: str, catalog: Catalog) -> None:
    assert locate(question, catalog) is None, question


def test_the_pinned_object_comes_first_and_the_rest_is_renumbered(catalog: Catalog) -> None:
    dpr = next(p for p in catalog.papers if p.title == DPR)
    retrieved = [Evidence(n=1, paper=dpr, chunk_id="c1", sentences=["A retrieved line."], relevance=0.61),
                 Evidence(n=2, paper=dpr, chunk_id="c2", sentences=["Another line."], relevance=0.4)]
    evidence = pin("DPR footnote 3: which passage setting worked better?", retrieved, catalog)
    assert [e.n for e in evidence] == [1, 2, 3] and [e.chunk_id for e in evidence[1:]] == ["c1", "c2"]
    assert evidence[0].chunk_id == f"pinned:{dpr.paper_id}:footnote 3"
    assert evidence[0].text.startswith("Footnote 3: The ideal size and boundary of a text passage")
    assert (evidence[0].section, evidence[0].page, evidence[0].relevance) == ("2 Background", 2, 0.61)
    assert pin("what does DPR propose?", retrieved, catalog) == retrieved


def test_a_refusal_shows_the_named_object_instead(catalog: Catalog) -> None:
    from rag.answerability import Signals
    from rag.evidence_pinned import shown_not_refused
    dpr = next(p for p in catalog.papers if p.title == DPR)
    evidence = pin("DPR footnote 3: which passage setting worked better?", [], catalog)
    refused = Signals(values={}, answer_type="clause", outcome="refused", reason="low answerability")
    assert shown_not_refused(refused, evidence).outcome == "closest"
    plain = [Evidence(n=1, paper=dpr, chunk_id="c1", sentences=["A retrieved line."])]
    assert shown_not_refused(refused, plain).outcome == "refused"


def test_the_extractive_quote_reads_the_pinned_object_first(catalog: Catalog) -> None:
    from rag.config import AnswerSettings
    from rag.extractive import extractive_answer
    specter = next(p for p in catalog.papers if p.title == SPECTER)
    question = "in footnote 14 of specter, what might make the venue information useful?"
    retrieved = [Evidence(n=1, paper=specter, chunk_id="c1", relevance=0.5, sentences=[
        "Whether anything might make the venue information useful is left open."])]
    quoted = extractive_answer(pin(question, retrieved, catalog), question, AnswerSettings())
    assert quoted[0].citations == [1] and quoted[0].text.startswith("Footnote 14: Venue information"), quoted
