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
