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


class _Shown:
    """What `rag ask` showed for one question: the answer's words, cited papers and whether it abstained."""

    def __init__(self, text: str, cited: list[str], abstained: bool = False):
        self.answer, self.abstained = text, abstained
        self.outcome = "closest" if abstained else "answer"
        self.citations = [SimpleNamespace(title=t) for t in cited]


class _Answerer:
    def __init__(self, shown: _Shown):
        self.shown, self.asked = shown, []

    def ask(self, question: str) -> _Shown:
        self.asked.append(question)
        return self.shown


ADDRESS = {"id": "e", "question": "whose address is w422li@uwaterloo.ca?", "op": "lookup",
           "gold_titles": [TOKMEM], "answer_keywords": ["Weining Li"]}


def test_as_asked_scores_the_answer_rag_ask_shows_for_a_question_the_planner_leaves(library):
    told = _Answerer(_Shown("The address is Weining Li's [1].", [TOKMEM, CACTUS]))
    scored = score(ADDRESS, library, answerer=told)
    assert told.asked == [ADDRESS["question"]] and not scored.planned
    assert scored.exact is False and scored.exact_as_asked is True  # the planner's figure is left as it was
    assert scored.answer.startswith("[answer] The address is Weining Li")
    assert score(ADDRESS, library, answerer=_Answerer(_Shown("It is Jane Doe's [1].", [TOKMEM]))).exact_as_asked is False
    assert score(ADDRESS, library, answerer=_Answerer(_Shown("Weining Li [1].", [CACTUS]))).exact_as_asked is False


def test_as_asked_never_counts_an_abstention_and_leaves_planned_questions_to_the_planner(library):
    quoted = _Answerer(_Shown("Closest passages: Weining Li [1].", [TOKMEM], abstained=True))
    assert score(ADDRESS, library, answerer=quoted).exact_as_asked is False
    unused = _Answerer(_Shown("", []))
    planned = score({"id": "a", "question": "Which papers did Yongchang Hao and Lili Mou write?", "op": "list",
                     "gold_titles": [CACTUS, TOKMEM]}, library, answerer=unused)
    assert planned.planned and unused.asked == [] and planned.exact_as_asked is planned.exact is True


def test_the_summary_reports_exact_as_asked_only_when_it_was_measured(library, tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(ADDRESS), encoding="utf-8")
    assert "exact_as_asked" not in run_metadata(library, path).summary()
    told = run_metadata(library, path, answerer=_Answerer(_Shown("Weining Li [1]", [TOKMEM])))
    assert told.summary()["exact_as_asked"] == 1.0 and told.summary()["exact"] == 0.0
