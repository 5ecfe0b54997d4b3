"""The answering scorer: the shipped ONNX cross-encoder, run offline by onnxruntime, reads whether a
sentence answers a question — including a question asking a detail the sentence does not give."""

import json
import subprocess
import sys

import numpy as np
import pytest

from rag.answering_scorer import MODEL_FILE, AnswerScorer, candidate_sentences, load_scorer
from rag.records import Evidence, Paper


@pytest.fixture(scope="module")
def scorer() -> AnswerScorer:
    return load_scorer()


# (question, a sentence that answers it, a sentence of the same topic that does not)
CASES = [
    ("How many GPUs were used to train the model?",
     "The model was trained for three days on 64 NVIDIA V100 GPUs.",
     "The model is trained with a contrastive objective on pairs of web images and captions."),
    # absent detail: the non-answering sentence is about the same training run but gives no learning rate
    ("What learning rate was used for fine-tuning?",
     "We fine-tune with a learning rate of 3e-5 and a batch size of 32.",
     "We fine-tune the pretrained encoder on each downstream task separately."),
    ("Why does the proposed method converge faster?",
     "The method converges faster because its updates reuse the curvature estimate of the previous step.",
     "The proposed method is evaluated on four continuous-control benchmarks."),
    # Known weakness of the shipped model (it reads word overlap and question form more than the asked-for
    # name): strict, so that a retrained model that gets it right turns this into a failure to be updated.
    pytest.param("Which dataset is used for evaluation?",
                 "All models are evaluated on the SQuAD question answering dataset.",
                 "Evaluation follows the protocol of earlier work and reports the mean of five runs.",
                 marks=pytest.mark.xfail(strict=True, reason="the scorer ranks the protocol sentence higher")),
]


@pytest.mark.parametrize("question, answering, other", CASES)
def test_a_sentence_that_answers_scores_above_one_that_does_not(scorer, question, answering, other):
    p = scorer.probabilities(question, [answering, other])
    assert p[0] > p[1], (question, p.tolist())


def test_onnx_agrees_with_the_torch_model_it_was_exported_from(scorer):
    """The trainer stores the torch model's probabilities for a few pairs: the int8 ONNX file must agree."""
    info = json.loads(MODEL_FILE.with_suffix(".json").read_text())
    reference = info["reference"]
    assert len(reference) >= 4
    p = np.array([scorer.probabilities(r["question"], [r["sentence"]])[0] for r in reference])
    torch_p = np.array([r["torch_p_answers"] for r in reference])
    # int8 moves a probability by up to ~0.17 on these pairs (fp32 would be ~45 MB): same side of 0.5 always.
    assert np.mean(np.abs(p - torch_p)) < 0.08 and np.max(np.abs(p - torch_p)) < 0.2, (p.tolist(), torch_p.tolist())
    assert np.array_equal(p > 0.5, torch_p > 0.5)


def test_the_shipped_file_is_small_and_loads_offline_without_torch():
    assert MODEL_FILE.stat().st_size < 25e6
    code = ("import sys, os; os.environ['HF_HUB_OFFLINE']='1'; "
            "from rag.answering_scorer import load_scorer; "
            "p = load_scorer().probabilities('How many GPUs?', ['It uses 8 GPUs.']); "
            "assert 'torch' not in sys.modules, 'torch was imported'; print(float(p[0]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert 0.0 <= float(out.stdout.strip().splitlines()[-1]) <= 1.0


def test_the_best_sentences_of_the_evidence_are_scored_first():
    paper = Paper(paper_id="p1", title="T")
    ev = [Evidence(n=1, paper=paper, chunk_id="a", sentences=["a0", "a1"], relevance=0.2, best=1),
          Evidence(n=2, paper=paper, chunk_id="b", sentences=["b0", "b1", "b2"], relevance=0.9, best=0)]
    assert candidate_sentences(ev, limit=4) == ["b0", "a1", "b1", "b2"]
    assert candidate_sentences([], limit=4) == []
