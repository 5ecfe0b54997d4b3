"""Answerability's two regimes (rag/answerability.py): a question whose closest evidence is a full paper is
decided at the full-text operating point the fit chose for it, one over a listing page at the page point; a
threshold the user sets holds for both. And the fit's per-regime choice on cross-validated probabilities
(eval/answerability_cv.py) on small made-up arrays."""

import json
import math
import sys
from pathlib import Path

import numpy as np

from rag.abstain import Assessor
from rag.answerability import FULL_TEXT_CHUNKS, Model, regime, regime_readings
from rag.config import AnswerabilitySettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import answerability_cv as cv  # noqa: E402

PAGE = {"dense_top": 0.0, "paper_length": math.log1p(3)}  # a listing page's abstract: 3 chunks
FULL = {"dense_top": 0.0, "paper_length": math.log1p(46)}  # a PDF's sections


def model(full_text=(0.7, 0.2)) -> Model:
    # p = sigmoid(0) = 0.5 whatever the values: only the thresholds differ
    return Model(features=("dense_top",), mean=np.zeros(1), scale=np.ones(1), coef=np.zeros(1), intercept=0.0,
                 answer_threshold=0.4, closest_threshold=0.1, full_text=full_text)


def test_the_regime_is_read_from_the_length_of_the_closest_evidence_paper():
    assert regime(PAGE) == "page" and regime(FULL) == "full_text"
    assert regime({"paper_length": math.log1p(FULL_TEXT_CHUNKS)}) == "full_text"
    assert regime({}) == "page"  # no evidence paper: nothing says it is long


def test_an_unbound_value_is_read_apart_when_the_evidence_is_a_full_paper():
    assert regime_readings({**FULL, "value_unbound": 0.8}) == {"value_unbound_full_text": 0.8}
    assert regime_readings({**PAGE, "value_unbound": 0.8}) == {"value_unbound_full_text": 0.0}


def test_each_regime_is_decided_at_its_own_operating_point():
    m = model()
    p = m.probability(PAGE)
    assert p == 0.5 and m.outcome(p, PAGE) == "answer" and m.outcome(p, FULL) == "closest"
    assert m.outcome(0.1, FULL) == "refused" and m.outcome(0.1, PAGE) == "closest"
    one = model(full_text=None)  # a model fitted with one point decides both alike
    assert one.outcome(p, FULL) == one.outcome(p, PAGE) == "answer"


def test_the_full_text_point_survives_the_model_file():
    m = model()
    assert Model.from_json(m.to_json()).full_text == (0.7, 0.2)
    assert Model.from_json(model(full_text=None).to_json()).full_text is None


def test_a_threshold_set_on_purpose_holds_for_both_regimes(seeded, tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model().to_json()))
    fitted = Assessor(seeded, settings=AnswerabilitySettings(model_path=path)).model
    assert fitted.full_text == (0.7, 0.2) and fitted.outcome(0.5, FULL) == "closest"
    given = Assessor(seeded, settings=AnswerabilitySettings(model_path=path, answer_threshold=0.45)).model
    assert given.full_text is None
    assert given.outcome(0.5, FULL) == given.outcome(0.5, PAGE) == "answer"


def test_the_fit_chooses_each_regimes_point_on_its_own_probabilities():
    # Page questions separate well, full-text ones less: one shared threshold would refuse answerable
    # full-text questions to reach the pages' abstention, or let the pages' unanswerable ones through.
    p = np.array([0.9, 0.8, 0.7, 0.3, 0.2, 0.1, 0.6, 0.55, 0.5, 0.45, 0.62, 0.4] + [0.9] * 8 + [0.65] * 8)
    y = np.array([1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0] + [1] * 8 + [1] * 8, float)
    full = np.array([False] * 6 + [True] * 6 + [False] * 8 + [True] * 8)
    points = cv.choose_by_regime(p, y, full)
    page, text = points["page"][0], points["full_text"][0]
    assert page > text  # the page regime can afford a higher bar
    for mask, t in ((~full, page), (full, text)):
        r = cv.rates(p[mask], y[mask], t)
        assert r["false_abstention"] <= cv.TARGET_FALSE
    both = cv.rates_by_regime(p, y, full, points)
    assert both["false_abstention"] <= cv.TARGET_FALSE and both["abstention_on_unanswerable"] == 1.0 - 1 / 5
