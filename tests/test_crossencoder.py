"""The claim checker's trained cross-encoder: the shipped ONNX file, read offline, and its export path."""

import json

import numpy as np
import pytest

from rag.checking.crossencoder import MODEL_FILE, CrossEncoder
from rag.checking.model import VERDICTS


@pytest.fixture(scope="module")
def crossencoder():
    return CrossEncoder()


def test_the_shipped_model_is_small_and_loads_without_torch(tmp_path):
    import subprocess
    import sys

    assert MODEL_FILE.stat().st_size < 25e6
    # A fresh interpreter that cannot import torch or transformers still reads a pair.
    code = ("import sys; sys.modules['torch'] = None; sys.modules['transformers'] = None\n"
            "from rag.checking.crossencoder import CrossEncoder\n"
            "p = CrossEncoder().probabilities([('It works.', 'It does not work.')])\n"
            "print(p.shape, round(float(p.sum()), 3))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "(1, 3) 1.0"


EVIDENCE = ("On the UCI benchmark collections, the modern Hopfield network improves accuracy by 4.2% over "
            "support vector machines.")


@pytest.mark.parametrize("claim, verdict", [
    ("On the UCI benchmark collections, the modern Hopfield network does not improve accuracy over support "
     "vector machines.", "contradicted"),  # negation
    ("On the UCI benchmark collections, the modern Hopfield network improves accuracy by 9.5% over support "
     "vector machines.", "contradicted"),  # number
    # Known misses of the shipped model (strict: the test fails once they are read right, so update it then).
    pytest.param("On the UCI benchmark collections, support vector machines improve accuracy by 4.2% over the "
                 "modern Hopfield network.", "contradicted",  # roles swapped
                 marks=pytest.mark.xfail(strict=True, reason="reads a role swap as support (issue 10)")),
    pytest.param("The modern Hopfield network improves accuracy by 4.2% over support vector machines on the UCI "
                 "benchmark collections.", "supported",  # paraphrase: fronted phrase moved
                 marks=pytest.mark.xfail(strict=True, reason="reads a moved phrase as contradiction (issue 10)")),
    ("The modern Hopfield network improves accuracy by 4.2% over support vector machines, trained on 64 "
     "NVIDIA A100 GPUs at Meta AI.", "unsupported"),  # invented detail
])
def test_hand_written_pairs(crossencoder, claim, verdict):
    p = crossencoder.probabilities([(claim, EVIDENCE)])[0]
    assert VERDICTS[int(np.argmax(p))] == verdict, p


def test_the_onnx_file_agrees_with_the_torch_model_it_was_exported_from(crossencoder):
    """Probabilities of the trained torch model, stored at export time, against the shipped int8 file.

    Measured: the same verdict on every reference pair; int8 moves a probability by up to ~0.18 (one pair
    of six, a number change read as 'unsupported' more surely), mean ~0.03."""
    info = json.loads(MODEL_FILE.with_suffix(".json").read_text())
    reference = info["reference"]
    onnx = crossencoder.probabilities([(r["claim"], r["evidence"]) for r in reference])
    torch_p = np.array([r["torch_probabilities"] for r in reference])
    assert (onnx.argmax(axis=1) == torch_p.argmax(axis=1)).all()
    assert np.abs(onnx - torch_p).max() < 0.2 and np.abs(onnx - torch_p).mean() < 0.05, np.abs(onnx - torch_p)


def test_the_export_path_matches_torch_fp32_and_int8(tmp_path):
    """eval/train_crossencoder.py's export of a torch model (a seeded random head on the installed
    weights): fp32 ONNX equals torch, int8 stays close."""
    import sys
    from pathlib import Path

    import torch

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    from pair_states import encode, pair_tokenizer
    from train_crossencoder import PairModel, export

    from rag.checking.crossencoder import model_dir

    torch.manual_seed(0)
    model = PairModel(model_dir())
    torch.nn.init.normal_(model.head.weight, std=0.5)
    model.train(False)
    pairs = [("The method degrades retrieval quality.", "The method improves retrieval quality on three benchmarks."),
             ("Training takes 3 hours.", "Training takes 3 hours on a single GPU, and inference is fast.")]
    with torch.no_grad():
        expected = model.logits(*encode(pair_tokenizer(), pairs)).numpy()
    for int8, tolerance in ((False, 1e-3), (True, 0.15)):
        path = tmp_path / f"ce-{int8}.onnx"
        export(model, path, int8=int8)
        got = CrossEncoder(path).logits(pairs)
        assert np.abs(got - expected).max() < tolerance * max(1.0, np.abs(expected).max()), (got, expected)


def test_kept_lower_layer_states_give_the_full_models_logits():
    """Training runs the upper layers on states of the frozen lower layers computed once per pair
    (eval/pair_states.py): with padding to other lengths, the result equals the whole model's."""
    import sys
    from pathlib import Path

    import torch

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    from pair_states import advance, encode, lower_states, padded, pair_tokenizer
    from train_crossencoder import PairModel

    from rag.checking.crossencoder import model_dir

    torch.manual_seed(0)
    model = PairModel(model_dir(), freeze_layers=3)
    torch.nn.init.normal_(model.head.weight, std=0.5)
    model.train(False)
    pairs = [("The method degrades retrieval quality.", "The method improves retrieval quality on three benchmarks."),
             ("Training takes 3 hours.", "Training takes 3 hours on a single GPU, and inference is fast on one CPU core."),
             ("It works.", "It does not work.")]
    with torch.no_grad():
        whole = model.logits(*encode(pair_tokenizer(), pairs)).numpy()
        states = lower_states(model, pairs)
        assert [len(s) for s in states] != [len(states[0])] * 3  # kept unpadded: the batch below re-pads them
        kept = model.upper(*padded(torch, states)).numpy()
        # states kept for 2 frozen layers, carried through the third, give the same
        fewer = PairModel(model_dir(), freeze_layers=2)
        fewer.bert.load_state_dict(model.bert.state_dict())
        carried = model.upper(*padded(torch, advance(model, lower_states(fewer, pairs), 2))).numpy()
    assert np.abs(kept - whole).max() < 1e-4 and np.abs(carried - whole).max() < 1e-4, (kept, whole, carried)
