"""int8 variant of the exported graph: outlier smoothing, then onnxruntime dynamic quantisation.

Dynamic quantisation: weights per output channel with 7-bit range (full
8-bit saturates the AVX2 u8*s8 kernels), activations per tensor at run time. BERT's LayerNorm and
GELU outputs carry a few outlier channels (|x| ~30 against a median of ~2) that waste a per-tensor
int8 range, so their range is first moved into the weights, as in SmoothQuant (Xiao et al. 2023):
x @ W == (x / s) @ (diag(s) W). Channel ranges come from a few calibration sentences.
The smoothing runs on the graph after onnxruntime's fusions, so it finds its targets by op type
(`smoothing_targets`), not by names we wrote.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np


def quantize(model, tokenizer_json: Path, src: Path, dst: Path) -> None:
    """Smooth `model` (fp32, fused) with ranges from CALIBRATION_TEXT, save it to `src`, write int8 to `dst`."""
    from onnx import save_model

    save_model(smooth(model, calibrate(model, tokenizer_json)), src)
    _quantize(src, dst)


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


def calibrate(model, tokenizer_json: Path) -> dict[str, np.ndarray]:
    """Per-channel max |activation| of every `smoothing_targets` tensor, over CALIBRATION_TEXT."""
    import onnxruntime as ort
    from onnx import helper
    from tokenizers import Tokenizer

    names = smoothing_targets(model)
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


# Producers whose outputs carry BERT's outlier channels, and the consumers whose weights absorb the scale.
_SMOOTH_FROM = {"LayerNormalization", "SkipLayerNormalization", "EmbedLayerNormalization", "Gelu", "BiasGelu"}
_SMOOTH_INTO = {"MatMul", "Attention"}


def smoothing_targets(model) -> list[str]:
    """Tensors made by a LayerNorm/GELU and read by a MatMul/Attention whose weights are initializers."""
    made_by = {out: n.op_type for n in model.graph.node for out in n.output[:1]}
    weights = {t.name for t in model.graph.initializer}
    return sorted({n.input[0] for n in model.graph.node
                   if n.op_type in _SMOOTH_INTO and made_by.get(n.input[0]) in _SMOOTH_FROM and n.input[1] in weights})


def smooth(model, act_absmax: dict[str, np.ndarray]):
    """x @ W == (x / s) @ (diag(s) W) for every target tensor x: a Mul after its producer, rows of W scaled."""
    from onnx import helper, numpy_helper

    weights = {t.name: t for t in model.graph.initializer}
    scales = {x: _smooth_scales(absmax) for x, absmax in act_absmax.items()}
    new_nodes = []
    for n in model.graph.node:
        new_nodes.append(n)
        for x in n.output[:1]:
            if x in scales:  # right after the producer keeps the node list topologically sorted
                inv = numpy_helper.from_array((1 / scales[x]).astype(np.float32), f"{x}.inv_s")
                model.graph.initializer.append(inv)
                new_nodes.append(helper.make_node("Mul", [x, inv.name], [f"{x}.smoothed"], name=f"{x}.smooth"))
    for n in new_nodes:
        if n.op_type in _SMOOTH_INTO and n.input[0] in scales:
            s = scales[n.input[0]]
            wt = weights[n.input[1]]
            wt.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(wt) * s[:, None], wt.name))
            n.input[0] = f"{n.input[0]}.smoothed"
    del model.graph.node[:]
    model.graph.node.extend(new_nodes)
    return model


def _smooth_scales(x_absmax: np.ndarray, k: float = 4.0) -> np.ndarray:
    """Shrink only the outlier channels (> k x the median channel) down to k x median; others keep scale 1.

    Never enlarging a channel keeps the graph safe on text whose ranges differ from the calibration
    text; the textbook SmoothQuant scales (alpha = 0.5) enlarged quiet GELU channels and lost fidelity.
    """
    return np.maximum(1.0, x_absmax / (k * np.median(x_absmax))).astype(np.float32)


def _quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # quantize_dynamic calls logging.warning() about pre-processing meant for CNNs. That module-level call
    # also runs logging.basicConfig(), which left a root handler behind, and bm25s's DEBUG logger then
    # printed "DEBUG:bm25s:Building index from tokens" in the first `rag ingest`: restore both.
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(src, dst, weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
                         op_types_to_quantize=["MatMul", "Attention"],
                         extra_options={"DefaultTensorType": 1})  # contrib ops defeat its shape inference
    finally:
        root.setLevel(level)
        root.handlers[:] = handlers
