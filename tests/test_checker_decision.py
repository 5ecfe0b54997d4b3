"""How the checker turns its candidate spans into one verdict, and that the fit scores that same decision.

The defect this guards against: the fit scored each claim on its closest sentence, while the run time let
the surest supporting one of three candidates win, so a contradicted claim passed through a neighbouring
sentence that shares its words ("We introduce a modern Hopfield network with continuous states ...").
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rag.checking import Checker, load_model
from rag.checking.checker import CANDIDATES, DECISIONS, contradiction_shown, decide
from rag.checking.model import CheckerModelError
from test_checker import HOPFIELD, PASSAGE, checker, hopfield  # noqa: F401 (the real embedder's fixtures)

# Its closest sentence says the opposite; the first sentence shares most of its words and says nothing against it.
NEXT_TO_SUPPORT = "The modern Hopfield network with continuous states cannot store exponentially many patterns."

SUPPORTED, CONTRADICTED, UNRELATED = [0.9, 0.05, 0.05], [0.05, 0.8, 0.15], [0.1, 0.1, 0.8]


def verdicts_of(rows):
    return ["supported" if p[0] >= 0.5 else "contradicted" if p[1] >= p[2] else "unsupported" for p in rows]


def test_within_one_paper_a_contradicting_closest_span_is_not_outvoted_by_a_neighbour():
    rows = np.array([CONTRADICTED, SUPPORTED, UNRELATED])  # closest first
    verdicts, keys = verdicts_of(rows), [1, 1, 1]
    assert verdicts[decide(rows, verdicts, keys, "closest")] == "contradicted"
    assert verdicts[decide(rows, verdicts, keys, "veto")] == "contradicted"
    assert verdicts[decide(rows, verdicts, keys, "surest")] == "supported"  # the old run-time rule: the defect


def test_across_papers_another_paper_may_still_support_the_claim():
    rows = np.array([CONTRADICTED, UNRELATED, SUPPORTED, UNRELATED])
    verdicts, keys = verdicts_of(rows), ["a", "a", "b", "b"]
    for rule in ("closest", "veto"):
        assert decide(rows, verdicts, keys, rule) == 2
    # under "closest" paper a's second span is never read, even when it alone would support
    rows = np.array([UNRELATED, SUPPORTED, UNRELATED])
    assert verdicts_of(rows)[decide(rows, verdicts_of(rows), ["a", "a", "b"], "closest")] == "unsupported"


def test_an_unknown_decision_rule_in_the_model_file_is_a_clear_error(embedder):
    with pytest.raises(CheckerModelError, match="unknown decision rule"):
        Checker(embedder, replace(load_model(), decision="loudest"))


def test_a_contradicted_claim_next_to_a_supporting_sentence_does_not_pass(checker, hopfield):
    result = checker.check(NEXT_TO_SUPPORT, [hopfield])
    assert result.verdict == "contradicted", (result.span, result.probabilities)
    assert result.span == PASSAGE[1]
    # the case has teeth: read the old way (surest of the candidates wins) the neighbour lets it pass at a pass
    # threshold that lets the neighbour's reading through (the fitted one sits higher since the backing
    # signals), while the closest rule still rejects it there
    low = 0.25  # the closest span reads 0.11 supported under the rounds 1-9 refit (l2 1.0), the neighbour 0.40
    old = Checker(checker.embedder, replace(checker.model, decision="surest")).check(NEXT_TO_SUPPORT, [hopfield],
                                                                                      threshold=low)
    assert old.verdict == "supported" and old.span == PASSAGE[0], "the case no longer exercises the defect"
    assert checker.check(NEXT_TO_SUPPORT, [hopfield], threshold=low).verdict == "contradicted"


def fit_checker():
    path = Path(__file__).resolve().parent.parent / "eval" / "fit_checker.py"
    spec = importlib.util.spec_from_file_location("fit_checker", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("claim", [
    NEXT_TO_SUPPORT,
    "The new Hopfield network can store exponentially many patterns.",
    "On the UCI benchmark collections the network improves accuracy by 9.7% over support vector machines.",
    "The modern Hopfield network with continuous states comes with a corresponding update rule.",
    "The new Hopfield network outperforms GPT-4 on ImageNet by a wide margin.",
])
def test_the_fit_scores_the_verdict_the_run_time_gives(checker, hopfield, claim):
    """eval/fit_checker.py's out-of-fold scoring, on the spans it computes, agrees with Checker.check."""
    fit = fit_checker()
    model = checker.model
    assert model.decision in DECISIONS and model.decision != "surest"
    every_span = Checker(checker.embedder, fit.placeholder_model(list(model.features)))
    vector = checker.embedder.embed_query(claim)
    found = every_span.candidates(claim, hopfield, vector, HOPFIELD)
    assert len(found) == CANDIDATES
    rows = np.array([[f[name] for name in model.features] for f, _ in found])
    shown = contradiction_shown(np.array([[f[name] for name in fit.FEATURES] for f, _ in found]), fit.FEATURES,
                                checker.reads_pairs)
    probs = model.probabilities(rows)[None]
    scored = fit.run_time_verdicts(model, probs, shown[None], model.pass_threshold, model.decision)[0]
    assert fit.VERDICTS[scored] == checker.check(claim, [hopfield]).verdict
