"""`rag eval metadata` scoring: exact lists, counts, and which gold titles an answer missed or added."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from rag.evaluation.metadata import run_metadata, score


@pytest.fixture(scope="module")
def library(seed_papers, embedder):
    """The real seed records and embedder; retrieval is a stub that finds nothing (only asked when the planner
    declines)."""
    return SimpleNamespace(snapshot=SimpleNamespace(papers=seed_papers), embedder=embedder,
                           search=lambda question, k: [])


CACTUS = "Cactus: Accelerating Auto-Regressive Decoding with Constrained Acceptance Speculative Sampling"
TOKMEM = "TokMem: One-Token Procedural Memory for Large Language Models"


def test_an_exact_list_scores_exact_and_a_wrong_gold_names_the_difference(library):
    right = score({"id": "a", "question": "Which papers did Yongchang Hao and Lili Mou write?", "op": "list",
                   "gold_titles": [CACTUS, TOKMEM], "expected_count": 2}, library)
    assert right.planned and right.exact and right.count_exact and right.recall_at_5 == 1.0
    wrong = score({"id": "b", "question": "Which papers did Yongchang Hao and Lili Mou write?", "op": "list",
                   "gold_titles": [CACTUS, "A paper that is not there"], "expected_count": 3}, library)
    assert wrong.exact is False and wrong.count_exact is False and wrong.recall_at_5 == 0.5
    assert wrong.missing == ["A paper that is not there"] and wrong.extra == [TOKMEM]


def test_probes_count_every_planned_question_as_a_false_positive(library, tmp_path):
    path = tmp_path / "probes.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in [
        {"id": "p1", "question": "What are the latest methods for offline RL?", "op": "content", "gold_titles": []},
        {"id": "p2", "question": "How many workshop papers are there?", "op": "content", "gold_titles": []},
    ]), encoding="utf-8")
    run = run_metadata(library, path, probes=True)
    assert run.summary()["false_positives"] == 1 and [q.planned for q in run.questions] == [False, True]
