"""eval/answerability_rounds.py's report and the fit's operating-point rule (eval/answerability_cv.py) on small
made-up rows: a round or regime without unanswerable questions has no abstention to report, and the point can be
chosen at another false-abstention target without touching the module's own."""

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import answerability_cv as cv  # noqa: E402
import answerability_rounds as rounds  # noqa: E402

PAGE = {"paper_length": math.log1p(3)}
FULL = {"paper_length": math.log1p(40)}


def row(dataset: str, answerable: bool, features: dict) -> dict:
    return {"dataset": dataset, "answerable": answerable, "features": features}


def test_a_round_or_regime_without_unanswerable_questions_reports_no_abstention():
    rows = ([row("answerability_v2.jsonl", a, PAGE) for a in (True, True, False, False)]
            + [row("answerability_v3.jsonl", True, PAGE)] * 3  # round 3: every page question answerable
            + [row("fulltext_v2.jsonl", True, FULL)] * 4)  # no full-text question is unanswerable
    p = np.array([0.9, 0.7, 0.6, 0.2, 0.8, 0.4, 0.9, 0.9, 0.8, 0.3, 0.7])
    out = rounds.report(rows, p, np.full(len(p), 0.5))
    page, text = out["page"], out["full_text"]
    assert page["per_round"] == {2: [0.5, 0.0], 3: [None, round(1 / 3, 3)]}
    assert page["abstention"] == 0.5 and page["false_abstention"] == 0.2
    assert text["abstention"] is None and text["false_abstention"] == 0.25
    assert text["oracle_abstention_at_0.10"] is None and all(v is None for _, v in text["risk_coverage"])
    assert '"abstention": null' in json.dumps(text)  # what main() prints


def test_the_oracle_is_the_curves_point_at_false_abstention_0_10():
    rows = [row("answerability_v2.jsonl", a, PAGE) for a in [True] * 10 + [False] * 4] \
        + [row("fulltext_v2.jsonl", a, FULL) for a in (True, False)]
    p = np.array([0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.3, 0.6, 0.4, 0.35, 0.2, 0.7, 0.3])
    page = rounds.report(rows, p, np.full(len(p), 0.5))["page"]
    # unanswerable at 0.6, 0.4, 0.35, 0.2: refusing below 0.5 costs the answerable 0.3 (false 1/10) and refuses three
    # of them; refusing none of the answerable ones refuses the 0.2 alone
    assert page["risk_coverage"] == [[0.05, 0.25], [0.10, 0.75], [0.15, 0.75], [0.20, 0.75]]
    assert page["oracle_abstention_at_0.10"] == 0.75


def test_the_point_is_chosen_at_the_target_given_and_the_module_target_stays():
    p = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4, 0.3, 0.2, 0.35, 0.25, 0.1])
    y = np.array([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], float)
    strict, _, _ = cv.choose_thresholds(p, y)
    loose, _, rule = cv.choose_thresholds(p, y, target_false=0.25)
    assert cv.rates(p, y, strict)["false_abstention"] <= 0.10 < cv.rates(p, y, loose)["false_abstention"] <= 0.25
    assert loose > strict and rule == "meets both targets"
    assert cv.TARGET_FALSE == 0.10


def test_the_worst_round_point_keeps_false_abstention_within_target_on_every_round():
    # round 2's answerable questions sit low: the pooled point refuses 2 of its 10, the worst-round point none
    y = np.array([1] * 10 + [0] * 3 + [1] * 10 + [0] * 3, float)
    p = np.concatenate([[0.15, 0.18, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85], [0.1, 0.2, 0.3],
                        [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85], [0.1, 0.2, 0.3]])
    rounds_of = np.array([2] * 13 + [3] * 13)
    pooled = cv.choose_thresholds(p, y)[0]
    worst = cv.worst_round_threshold(p, y, rounds_of)
    assert worst < pooled
    for r in (2, 3):
        mask = rounds_of == r
        assert cv.rates(p[mask], y[mask], worst)["false_abstention"] <= 0.10
    assert cv.rates(p[:13], y[:13], pooled)["false_abstention"] > 0.10


def test_the_report_gives_the_worst_held_out_round_and_the_spread():
    rows = [row("answerability_v2.jsonl", a, PAGE) for a in (True, True, False, False)] \
        + [row("answerability_v3.jsonl", a, PAGE) for a in (True, True, False, False)] \
        + [row("fulltext_v3.jsonl", a, FULL) for a in (True, False)]
    p = np.array([0.9, 0.3, 0.2, 0.1, 0.9, 0.8, 0.7, 0.1, 0.9, 0.1])
    page = rounds.report(rows, p, np.full(len(p), 0.5))["page"]
    assert page["per_round"] == {2: [1.0, 0.5], 3: [0.5, 0.0]}
    assert page["worst_round"] == [0.5, 0.5] and page["sd_round"] == [0.25, 0.25]


def test_a_rounds_probabilities_come_from_the_other_rounds_only():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 2))
    y = (x[:, 0] + 0.3 * rng.normal(size=60) > 0).astype(float)
    rounds_of = np.repeat([2, 3, 4], 20)
    p = cv.cross_validated_by_round(x, y, rounds_of, 1.0)
    flipped = y.copy()
    flipped[rounds_of == 2] = 1 - flipped[rounds_of == 2]  # round 2's own labels never reach its model
    q = cv.cross_validated_by_round(x, flipped, rounds_of, 1.0)
    assert np.allclose(p[rounds_of == 2], q[rounds_of == 2]) and not np.allclose(p[rounds_of == 3], q[rounds_of == 3])
    assert cv.round_of("fulltext_v7.jsonl") == 7 and cv.round_of("answerability.jsonl") == 1
    assert cv.round_of("seeds.jsonl") == 0


def test_the_useful_floor_refuses_few_withheld_questions_whose_passages_hold_the_fact():
    # withheld (p < 0.5): ten useful questions (answerable, passages hold the keywords) and ten unanswerable ones
    p = np.array([0.05, 0.12, 0.2, 0.25, 0.3, 0.33, 0.36, 0.4, 0.44, 0.48] + [0.02, 0.04, 0.06, 0.08, 0.1, 0.15,
                                                                             0.22, 0.3, 0.35, 0.45] + [0.9] * 10)
    y = np.array([1] * 10 + [0] * 10 + [1] * 10, float)
    useful = np.array([True] * 10 + [False] * 10 + [True] * 10)
    floor = cv.choose_floor(p, y, useful, 0.5, "useful", 0.10)
    out = cv.floor_rates(p, y, useful, 0.5, floor)
    assert out["useful_withheld"] == 10 and out["useful_refused"] == 0.1  # the lowest one, no more
    assert 0.12 >= floor > 0.05 and out["unanswerable_refused"] == 0.5  # 0.02 … 0.1 refused, 0.15 … shown
    # the rule before: the 5% quantile of the answerable questions, whatever the passages held
    old = cv.choose_floor(p, y, useful, 0.5, "q05")
    assert old == float(np.quantile(p[y == 1], 0.05))
    # a share of 0 is a share (the lowest answerable probability), not "the default 5%"
    assert cv.choose_floor(p, y, useful, 0.5, "q05", 0.0) == 0.05 < old
    strict = cv.choose_floor(p, y, useful, 0.5, "useful", 0.0)
    assert strict == 0.05 and cv.floor_rates(p, y, useful, 0.5, strict)["useful_refused"] == 0.0


def test_the_floor_never_rises_above_the_answer_threshold_and_reads_only_useful_questions():
    p = np.array([0.1, 0.2, 0.3, 0.9])
    y = np.array([0, 0, 0, 1], float)
    none_useful = np.zeros(4, bool)
    assert cv.choose_floor(p, y, none_useful, 0.5, "useful") == 0.5  # nothing a refusal could hide: refuse all withheld
    assert cv.floor_rates(p, y, none_useful, 0.5, 0.5)["useful_refused"] is None


def test_the_report_gives_what_the_floor_does_to_what_the_user_sees():
    rows = [dict(row("answerability_v2.jsonl", a, PAGE), evidence_has_keywords=k)
            for a, k in ((True, True), (True, True), (True, False), (False, False), (False, False))]
    p = np.array([0.9, 0.3, 0.1, 0.25, 0.05])
    floor = rounds.report(rows, p, np.full(5, 0.5), np.full(5, 0.2))["page"]["floor"]
    assert floor == {"useful_withheld": 1, "useful_refused": 0.0, "answerable_refused": 0.5,
                     "unanswerable_refused": 0.5, "refusals_hiding_useful": 0.0}


def test_the_fixed_protocol_decides_with_the_model_files_own_regime_thresholds(tmp_path):
    from rag.answerability import Model

    model = Model(features=("dense_top",), mean=np.zeros(1), scale=np.ones(1), coef=np.array([4.0]), intercept=-2.0,
                  answer_threshold=0.6, closest_threshold=0.2, full_text=(0.4, 0.1))
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_json()))
    rows = [dict(row(dataset, answerable, regime | {"dense_top": top}), id=str(i))
            for i, (dataset, answerable, regime, top) in enumerate((("answerability_v2.jsonl", True, PAGE, 0.5), ("fulltext_v3.jsonl", False, FULL, 0.5),
                          ("answerability_dev.jsonl", True, PAGE, 0.9)))]  # round 0: always training, never decided
    names, options = rounds.parse(str(path))
    p, threshold, floor = rounds.decide(rows, names, options, "fixed")
    assert p[:2].tolist() == [0.5, 0.5] and math.isnan(p[2])  # sigmoid(-2 + 4 x 0.5)
    assert threshold[:2].tolist() == [0.6, 0.4] and floor[:2].tolist() == [0.2, 0.1]
    # ':drop=' would name a model that is not the one scored: refused in one line, not printed under its name.
    names, options = rounds.parse(f"{path}:drop=dense_top")
    with pytest.raises(SystemExit, match="no :add= / :drop="):
        rounds.decide(rows, names, options, "fixed")
