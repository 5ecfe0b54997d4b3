"""The checker's fitting path: the pass threshold folded into the model, the cross-encoder's out-of-fold
readings put in place of its features, and the pairs made from written dev claims (eval/)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from claim_transforms import written_pairs  # noqa: E402
from fit_checker import with_ce_scores  # noqa: E402

from rag.checking.checker import CANDIDATES, FEATURES  # noqa: E402
from rag.checking.model import fit, fold_threshold  # noqa: E402

EVIDENCE = "It can provide document embeddings by averaging each token's representation for all 3 LSTM layers."


def test_a_folded_threshold_passes_exactly_what_the_threshold_passed():
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(300, 4))
    labels = (rows[:, 0] > 0).astype(int) + (rows[:, 1] > 1).astype(int)
    model = fit(rows, labels, ["a", "b", "c", "d"], steps=300)
    before = model.probabilities(rows)[:, 0]
    fold_threshold(model, 0.9)
    after = model.probabilities(rows)[:, 0]
    assert ((before >= 0.9) == (after >= 0.5)).all()
    assert 0 < (before >= 0.9).sum() < len(rows)  # the threshold splits these rows: the check has teeth


def test_out_of_fold_readings_replace_the_cross_encoder_features_only():
    rng = np.random.default_rng(1)
    syn_x, dev_x = rng.normal(size=(4, len(FEATURES))), rng.normal(size=(2, CANDIDATES, len(FEATURES)))
    scores = {"ce_syn": np.tile([0.8, 0.1, 0.1], (4, 1)), "ce_dev": np.tile([0.1, 0.7, 0.2], (2, CANDIDATES, 1))}
    new_syn, new_dev = with_ce_scores(syn_x, dev_x, scores)
    s, c = FEATURES.index("ce_supported"), FEATURES.index("ce_contradicted")
    assert np.allclose(new_syn[:, s], np.log(0.8 / 0.2)) and np.allclose(new_syn[:, c], np.log(0.1 / 0.9))
    assert np.allclose(new_dev[..., c], np.log(0.7 / 0.3))
    others = [i for i in range(len(FEATURES)) if i not in (s, c)]
    assert np.array_equal(new_syn[:, others], syn_x[:, others]) and np.array_equal(new_dev[..., others], dev_x[..., others])


def test_a_written_supported_claim_gives_its_evidence_and_rule_made_contradictions():
    claim = "The ELMo baseline builds a document vector by averaging token representations across all 3 LSTM layers."
    unrelated = "We use the Adam optimizer with a learning rate of 2e-5."
    pairs = written_pairs(claim, "supported", EVIDENCE, [EVIDENCE, unrelated], ["SciBERT", "Doc2Vec"], random.Random(3))
    verdicts = {(c, e): v for c, e, v, _ in pairs}
    assert verdicts[(claim, EVIDENCE)] == "supported"
    assert all(e != unrelated for _, e, _, _ in pairs)  # a span that is not the evidence is no label for it
    made = {k: c for c, e, v, k in pairs if c != claim}
    # the rarer contradictions come first (a number, a swapped name), each against the same evidence
    assert made["number+written"] == claim.replace("all 3", "all 6")
    assert made["swap+written"] == claim.replace("LSTM", "SciBERT")
    assert made["detail+written"].startswith(claim[:-1] + ", ")
    assert {v for c, e, v, k in pairs if c != claim} == {"contradicted", "unsupported"}


def test_a_written_unsupported_claim_is_unsupported_by_every_span_it_finds():
    claim = "ELMo is fine-tuned on 8 A100 GPUs."
    spans = [EVIDENCE, "We use the Adam optimizer with a learning rate of 2e-5."]
    pairs = written_pairs(claim, "unsupported", "", spans, [], random.Random(0))
    assert [(e, v) for _, e, v, _ in pairs] == [(s, "unsupported") for s in spans]
    # a contradicted claim against a span that is not its evidence gives nothing (the span may not contradict it)
    assert written_pairs("ELMo averages only the top layer.", "contradicted", EVIDENCE, spans[1:], [], random.Random(0)) \
        == [("ELMo averages only the top layer.", EVIDENCE, "contradicted", "written")]


def _round_cv_rows(path: Path, rng: np.random.Generator, claims: int) -> tuple[np.ndarray, np.ndarray]:
    """A rows file as eval/fit_checker.py keeps it: two rounds of made-up claims, only the cosine and the
    overlap set (no contradiction signal fires), each claim's closest span first."""
    dev = np.zeros((claims, CANDIDATES, len(FEATURES)))
    dev[:, :, FEATURES.index("cosine")] = rng.uniform(0.3, 1.0, size=(claims, CANDIDATES))
    dev[:, :, FEATURES.index("overlap_span")] = rng.uniform(0.0, 1.0, size=(claims, CANDIDATES))
    truth = rng.integers(0, 3, size=claims)
    sets = np.array(["claims_v2"] * (claims // 2) + ["claims_v3"] * (claims - claims // 2))
    np.savez(path, syn_x=np.zeros((4, len(FEATURES))), syn_y=np.array([0, 1, 2, 0]), dev_x3=dev, dev_y=truth,
             groups=np.array([f"p{i % 7}" for i in range(claims)]), sets=sets, kinds=np.array([""] * claims),
             computed=np.array(FEATURES), dev_vacuous=np.zeros(claims, bool))
    return dev, truth


def _round_cv(rows: Path, model: Path, out: Path) -> dict:
    import json
    import subprocess

    script = Path(__file__).resolve().parent.parent / "eval" / "checker_round_cv.py"
    subprocess.run([sys.executable, str(script), "--rows", str(rows), "--model", str(model), "--json", str(out)],
                   check=True, capture_output=True)
    return json.loads(out.read_text())["per_round"]


def test_round_cv_scores_a_saved_model_as_it_is_round_by_round(tmp_path):
    """checker_round_cv --model: each round's figures are the saved model's own verdicts at its own threshold
    (no refit on the other rounds: changing one round's rows leaves the other's figures as they were)."""
    rng = np.random.default_rng(3)
    names = ["cosine", "overlap_span"]
    train = rng.uniform(0.0, 1.0, size=(400, 2))
    model = fit(train, (train.sum(axis=1) < 1.0).astype(int) * 2, names, steps=300)  # supported when both high
    fold_threshold(model, 0.6)
    model.decision = "closest"
    model.save(tmp_path / "model.json")
    dev, truth = _round_cv_rows(tmp_path / "rows.npz", rng, 60)
    closest = dev[:, 0, [FEATURES.index(n) for n in names]]
    passed = model.probabilities(closest)[:, 0] >= 0.5
    assert 0 < passed.sum() < len(passed)  # the model splits these claims: the comparison has teeth
    figures = _round_cv(tmp_path / "rows.npz", tmp_path / "model.json", tmp_path / "a.json")
    for r, part in (("v2", slice(0, 30)), ("v3", slice(30, 60))):
        p, t = passed[part], truth[part]
        assert figures[r]["threshold"] == 0.5
        assert figures[r]["supported_passed"] == round(float(p[t == 0].mean()), 3)
        assert figures[r]["contradicted_rejected"] == round(float((~p)[t == 1].mean()), 3)
    _round_cv_rows(tmp_path / "rows.npz", np.random.default_rng(4), 60)  # every row redrawn ...
    data = dict(np.load(tmp_path / "rows.npz"))
    data["dev_x3"][30:], data["dev_y"][30:] = dev[30:], truth[30:]  # ... but round v3's put back
    np.savez(tmp_path / "rows.npz", **data)
    assert _round_cv(tmp_path / "rows.npz", tmp_path / "model.json", tmp_path / "b.json")["v3"] == figures["v3"]
