"""Words said for nothing around a link condition (rag/plan_filler.slashed_alternatives, rag/plan_terms.FRAME): a
word joined by a slash to words a reader took ('code/resources'), and 'already' / 'ever'. The questions are this
file's own, none from a dataset; the links are read from the shared PDFs.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_mark_kinds import answered_titles
from rag.catalog import Catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"


@pytest.mark.parametrize("question, titles", [
    ("PDFs that link repos/code under github.com/facebookresearch", {DPR}),
    ("any papers linking code/data on github.com/allenai?", {SPECTER, GRAPH}),
    ("which papers point readers to code/models under github.com/allenai", {SPECTER, GRAPH}),
    ("which pdfs already print a github.com link on page one?", {SPECTER, DPR}),
    ("Which PDFs have ever given a github.com repository on their first page?", {SPECTER, DPR}),
])
def test_words_said_for_nothing_beside_a_link(question: str, titles: set[str], catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == titles, question


@pytest.mark.parametrize("question", [
    "which papers use encoder/decoder models from github?",
    "Which papers compare CNN/RNN models?",
    "which papers already solve offline RL?",
])
def test_a_slash_or_adverb_beside_content_stays_content(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) is None, question
