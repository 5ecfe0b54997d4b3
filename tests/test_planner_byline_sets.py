"""Bylines and marks as sets of people (issue 11): people counted once over many bylines with a mark
(rag/plan_marked_people.py), clauses joined by a concessive or restated by a gloss in marks (rag/plan_mark_gloss.py),
a place said with the verb that ends the byline (rag/plan_marks.positions), the institute's page named with its
meeting alone ('amii iclr: …', rag/plan_org_values.py). The questions are this file's own, none from a dataset;
the bylines are the Amii page's and the DPR PDF's ('Vladimir Karpukhin∗, …, Sewon Min†, …, Danqi Chen‡, Wen-tau Yih',
Facebook AI unmarked).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_mark_kinds import answered_titles
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

TOKEN = "Token Hidden Reward: Steering Exploration-Exploitation in Group Relative Deep Reinforcement Learning"
WORLD = "Efficient Reinforcement Learning by Guiding World Models with Non-Curated Data"
REASON = "Learning to Reason Efficiently with Discounted Reinforcement Learning"
REGULARIZED = "Regularized Latent Dynamics Prediction is a Strong Baseline For Behavioral Foundation Models"
BEYOND = "Beyond a Million Tokens: Benchmarking and Enhancing Long-Term Memory in LLMs"
PRINCIPLED = "Principled Fast and Meta Knowledge Learners for Continual Reinforcement Learning"
ALIGNING = "Aligning Visual Structural Compositionality in Humans & Vision Language Models"


def _text(question: str, catalog: Catalog) -> str | None:
    answer = answer_from_catalog(question, question, catalog.papers)
    return None if answer is None else answer.answer


def _says(question: str, said: str, catalog: Catalog) -> None:
    """The question is answered from the catalog, and the answer says `said`."""
    text = _text(question, catalog)
    assert text is not None and said in text, (question, text)


@pytest.mark.parametrize("question, people", [
    ("how many distinct Amii-starred authors are there on Amii's page?", 24),
    ("amii post: how many different people have the Amii star? count each person once", 24),
    ("How many people on the Amii page carry the Amii asterisk, with no double counting?", 24),
    ("Amii ICLR: number of unique Amii-affiliated researchers on the accepted papers", 21),
    ("how many separate starred authors does the Amii page print in its workshop section?", 3),
    ("how many diffrent authors wrote the Amii workshop papers?", 6),
    ("amii page - number of unique starred researchers, each person counted once", 24),
    ("how many starred people are on the Amii page, counted once each?", 24),
])
def test_people_counted_once_with_the_mark(question: str, people: int, catalog: Catalog) -> None:
    text = _text(question, catalog)
    assert text is not None and text.startswith(f"{people} authors"), (question, text)


@pytest.mark.parametrize("question, titles", [
    ("on amii's page, papers that close with an unstarred last author even though someone else is Amii-starred",
     {TOKEN, WORLD, REASON}),
    ("Amii entries with a non-Amii last author although at least one author carries the star", {TOKEN, WORLD, REASON}),
    ("amii page: which papers have a non-starred first author but nevertheless a starred author on them?",
     None),  # counted below: the five of them
    ("amii iclr (workshop too): which papers end with a starred last author but the second-to-last isn't starred?",
     {REGULARIZED, BEYOND, PRINCIPLED, ALIGNING}),
    ("amii iclr - papers whose last author is Amii-starred while the second-to-last author is not",
     {REGULARIZED, BEYOND, PRINCIPLED, ALIGNING}),
])
def test_clauses_joined_by_a_concessive(question: str, titles: set[str] | None, catalog: Catalog) -> None:
    got = answered_titles(question, catalog)
    assert got is not None and (titles is None and len(got) == 5 or got == titles), (question, got)


@pytest.mark.parametrize("question", [
    "DPR paper: how many authors are at Facebook AI (the ones with no mark next to their name)?",
    "how many of the DPR authors are at Facebook AI, i.e. without any dagger?",
    "DPR: how many authors at facebook ai (no dagger or double dagger)?",
    "In the DPR PDF, how many of its authors are at Facebook AI (that is, no symbol after the name)?",
    "dpr byline - how many authors are at Facebook AI (unmarked)?",
])
def test_a_gloss_in_marks_restates_the_organisation(question: str, catalog: Catalog) -> None:
    _says(question, "6 of 8 authors printed under facebook ai", catalog)


@pytest.mark.parametrize("question", [
    "how many different people in the Amii papers study reinforcement learning?",
    "which DPR experiments use distinct retrievers even though BM25 is stronger?",
    "what does the DPR paper say about Facebook AI (no symbol next to the name)?",
    "how many unique passages does DPR retrieve per question, counting each passage once?",
    "nevertheless, which loss does the DPR paper train its encoders with?",
    "how many different authors cite the forget gate idea, and what do they say?",
    "amii page: which papers does a later author extend with a starred proof?",
    "in SPECTER, what did an earlier author of the citation graph work propose?",
    "what does dense passage retrieval (DPR) improve over BM25?",
    "who is the second (last) author cited in the DPR related work, and what did he propose?",
    "Cactus: what is the second (final) stage of the decoding, and is it faster?",
    "who's on TokMem but not on Cactus, and what did they propose?",
    "what does TokMem do that Cactus does not?",
    "which benchmarks are in SPECTER but not in Construction of the Literature Graph in Semantic Scholar?",
    "which dagger-marked results are in the DPR tables?",
    "what does the † footnote in the DPR paper say about the training data?",
    "in SPECTER, which numbers in table 1 carry an asterisk and why?",
])
def test_content_with_these_words_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize("question, said", [
    ("Learning Admissible Heuristics for A*: who is the last (2nd) author, and is he Amii-starred?",
     "Nathan R. Sturtevant (Amii-marked)"),
    ("Cactus - who is the 2nd (last) author, and does he have the Amii star?", "Lili Mou (Amii-marked)"),
    ("TokMem - the first author: who, and is he Amii-affiliated per the post?", "Zijun Wu (Amii-marked)"),
    ("Kyle Lo is on Construction of the Literature Graph in Semantic Scholar: which position is he in?", "Kyle Lo: 13th of 23"),
    ("SPECTER: who is the final (fifth) author, and is he marked?", "Daniel S. Weld"),
])
def test_a_place_said_again_and_its_pronoun(question: str, said: str, catalog: Catalog) -> None:
    _says(question, said, catalog)


@pytest.mark.parametrize("question, said", [
    ("regularized latent dynamics prediction (RLDP) on the Amii page: how many authors, and how many are Amii-starred?",
     "2 of 6 authors are marked"),
    ("dense passage retrieval (DPR): who is the last author?", "is Wen-tau Yih"),
])
def test_a_name_spelled_out_before_its_short_form(question: str, said: str, catalog: Catalog) -> None:
    _says(question, said, catalog)



@pytest.mark.parametrize("question, people", [
    ("who's on TokMem but not on Cactus?", "Zijun Wu: 1st of 3"),
    ("which authors of TokMem are not authors of Cactus, and is that person Amii-marked?", "Zijun Wu (marks *): Amii"),
    ("TokMem's authors missing from Cactus - where in the byline?", "Zijun Wu: 1st of 3"),
    ("who is not on Cactus but is on TokMem?", "Zijun Wu"),
    ("who's on SPECTER but not on Construction of the Literature Graph in Semantic Scholar?",
     "Arman Cohan: 1st of 5; Daniel S. Weld: 5th of 5"),
    ("which names are on the Construction of the Literature Graph in Semantic Scholar byline but not on SPECTER's?",
     "Waleed Ammar: 1st of 23"),
])
def test_one_byline_less_another(question: str, people: str, catalog: Catalog) -> None:
    _says(question, people, catalog)


@pytest.mark.parametrize("question", [
    "which SPECTER authors aren't also on the byline of the Semantic Scholar literature graph paper?",
    "SPECTER's authors missing from the literature graph paper",
    "who is on SPECTER but not on the literature graph construction paper?",
])
def test_the_byline_less_is_a_described_paper(question: str, catalog: Catalog) -> None:
    """The paper whose byline is taken away is described, not titled ('the Semantic Scholar literature graph paper'):
    had been read as the people on both, and answered 'no one' although three names are."""
    _says(question, "but not on Construction of the Literature Graph in Semantic Scholar: Arman Cohan, Daniel S. Weld",
          catalog)


@pytest.mark.parametrize("question", [
    "which SPECTER authors are not on the literature graph paper, and what did they propose?",
    "SPECTER authors who are not on the graphene paper",
])
def test_a_described_byline_less_that_is_not_one_paper_is_left(question: str, catalog: Catalog) -> None:
    assert _text(question, catalog) is None or "but not on" not in _text(question, catalog)



SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"


@pytest.mark.parametrize("question, titles, said", [
    ("which of my PDFs put a ‡ after an author's name?", {SPECTER, DPR}, "‡ on Danqi Chen — Princeton University"),
    ("pdfs with a double dagger on the byline: who has it and which institution does it mean?", {SPECTER, DPR},
     "‡ on Daniel S. Weld — Paul G. Allen School"),
    ("who has the dagger on the DPR byline?", {DPR}, "† on Sewon Min — University of Washington"),
    ("SPECTER: who carries the asterisk, and what does it denote?", {SPECTER}, "∗ on Arman Cohan, Sergey Feldman — Equal"),
    ("which uploaded files use a † mark next to names?", {SPECTER, DPR}, "† on Sewon Min"),
    ("who carries the section sign in my PDFs?", set(), "No author carries §"),
    ("SPECTER - what does the asterisk next to two of the names indicate?", {SPECTER}, "∗ on Arman Cohan, Sergey Feldman — "
     "Equal contribution"),
    ("SPECTER — what does the dagger after some of the names denote?", {SPECTER},
     "† on Arman Cohan, Sergey Feldman, Iz Beltagy, Doug Downey, Daniel S. Weld — Allen Institute"),
])
def test_a_mark_named_by_its_symbol(question: str, titles: set[str], said: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and said in answer.answer, (question, answer)
    assert {c.title for c in answer.citations} == titles, question



@pytest.mark.parametrize("question, titles", [
    ("amii page: papers whose first author isn't starred although a later author is starred", 5),
    ("Amii entries with an unstarred first author and a subsequent author with the star", 5),
    ("amii list - first author unstarred, a later co-author starred: which papers?", 5),
    ("Amii page: entries whose last author is unstarred but an earlier author is starred", {TOKEN, WORLD, REASON}),
    ("on amii's page, which papers have an earlier name starred but a last author without the star?",
     {TOKEN, WORLD, REASON}),
    ("how many Amii papers have a non-starred last author and a preceding author who is Amii-starred?", 3),
])
def test_a_later_or_an_earlier_author_marked(question: str, titles: set[str] | int, catalog: Catalog) -> None:
    got = answered_titles(question, catalog)
    assert got is not None and (len(got) == titles if isinstance(titles, int) else got == titles), (question, got)
