"""Out-of-fold cross-encoder readings of every row eval/fit_checker.py fits on (k folds grouped by paper).

    .venv/bin/python eval/crossencoder_cv.py --home H --rows /tmp/checker_rows.npz --out /tmp/ce_oof.npz
    .venv/bin/python eval/fit_checker.py --home H --dev ... --rows /tmp/checker_rows.npz --ce-scores /tmp/ce_oof.npz

For each fold, all-MiniLM-L6-v2 is fine-tuned (eval/train_crossencoder.py `train`) on the pairs of the
papers outside it — rule-made pairs from library sentences and the written dev claims with their
transforms — and reads the pairs of the papers inside it: each dev claim against every candidate span
the checker finds, each rule-made row against its span. No paper's pairs are both trained on and read,
so the logistic layer fitted on these readings (fit_checker --ce-scores) sees the cross-encoder as it
reads unseen papers. The folds are fit_checker's own (`grouped_folds`, same seed); papers without dev
claims are dealt out by a hash of their id.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_checker import grouped_folds  # noqa: E402
from pair_states import advance, lower_states, score  # noqa: E402
from train_crossencoder import LABEL, PairModel, all_pairs, library_sentences, train  # noqa: E402

from rag.checking.crossencoder import model_dir  # noqa: E402

from rag.checking.model import VERDICTS  # noqa: E402


def fold_of_papers(groups: list[str], papers: list[str], k: int) -> dict[str, int]:
    folds = grouped_folds(groups, k)
    out = {p: zlib.crc32(p.encode()) % k for p in papers}
    out.update({g: int(f) for g, f in zip(groups, folds)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--rows", type=Path, required=True, help="eval/fit_checker.py --rows file (with texts)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--fold", type=int, default=None, help="run this fold only (folds may run side by side)")
    parser.add_argument("--final-only", action="store_true", help="only the --final training (folds done elsewhere)")
    parser.add_argument("--folds", type=int, default=3, help="cross-encoder folds (fit_checker's own CV stays 5-fold)")
    parser.add_argument("--per-paper", type=int, default=3)
    parser.add_argument("--written-repeat", type=int, default=2)
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=6e-5)
    parser.add_argument("--freeze-layers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads; on 2 shared cores one thread per process trained ~4x more steps per CPU second")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--final", type=Path, default=None,
                        help="then train on every pair and keep the torch weights here (export: "
                             "eval/train_crossencoder.py --from-torch DIR)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    saved = np.load(args.rows)
    groups = [str(g) for g in saved["groups"]]
    texts = library_sentences(args.home)
    fold = fold_of_papers(groups, sorted(texts), args.folds)
    pairs = all_pairs(texts, args.per_paper, args.rows, random.Random(args.seed), args.written_repeat)
    dev_claims, dev_spans = [str(c) for c in saved["dev_claims"]], saved["dev_spans"]
    syn = saved["syn_pairs"]  # (claim, span, paper)
    dev_fold = np.array([fold[g] for g in groups])
    syn_fold = np.array([fold.get(str(p), -1) for p in syn[:, 2]])
    part = args.out.with_suffix(".parts")
    part.mkdir(parents=True, exist_ok=True)
    # The frozen lower layers are the installed model's in every fold: their states are computed once.
    texts_needed = list(dict.fromkeys([(c, e) for c, e, *_ in pairs]
                                      + [(c, str(s)) for c, spans in zip(dev_claims, dev_spans) for s in spans]
                                      + [(str(c), str(s)) for c, s, _ in syn]))
    print(f"{len(pairs)} pairs; lower layers of {len(texts_needed)} distinct pairs", file=sys.stderr, flush=True)
    cache = part / f"states{args.freeze_layers}.pt"
    fewer = [part / f"states{f}.pt" for f in range(args.freeze_layers - 1, 0, -1) if (part / f"states{f}.pt").exists()]
    if cache.exists():
        states = torch.load(cache)
    elif fewer:  # kept for fewer frozen layers: carried through the rest
        first = int(fewer[0].stem[len("states"):])
        states = advance(PairModel(model_dir(), args.freeze_layers), torch.load(fewer[0]), first)
    else:
        states = lower_states(PairModel(model_dir(), args.freeze_layers), texts_needed)
    if len(states) != len(texts_needed):
        sys.exit(f"{cache} was computed for other pairs (--per-paper, --seed or --rows differ): remove {part}")
    if not cache.exists():
        torch.save(states, cache)
    at = {t: i for i, t in enumerate(texts_needed)}
    for k in [] if args.final_only else [args.fold] if args.fold is not None else range(args.folds):
        done = part / f"fold{k}.npz"
        if done.exists():
            continue
        chosen = [(c, e, LABEL[v]) for c, e, v, _, p in pairs if fold.get(p, -1) != k]
        print(f"fold {k}: training on {len(chosen)} pairs", file=sys.stderr, flush=True)
        model, info = train(chosen, args.epochs, args.batch, args.lr, args.seed, args.freeze_layers,
                            states=[states[at[(c, e)]] for c, e, _ in chosen])
        rows = np.flatnonzero(dev_fold == k)
        read = [(dev_claims[i], str(s)) for i in rows for s in dev_spans[i]]
        dev_p = score(model, read, [states[at[t]] for t in read]).reshape(len(rows), -1, 3)
        srows = np.flatnonzero(syn_fold == k)
        read = [(str(syn[i, 0]), str(syn[i, 1])) for i in srows]
        syn_p = score(model, read, [states[at[t]] for t in read])
        np.savez(done, rows=rows, dev_p=dev_p, srows=srows, syn_p=syn_p, seconds=info["train_seconds"])
        truth = saved["dev_y"][rows]
        acc = (dev_p[:, 0].argmax(axis=1) == truth).mean()
        print(f"fold {k}: {info}, closest-span accuracy of the CE alone {acc:.3f}", file=sys.stderr, flush=True)
    if any(not (part / f"fold{k}.npz").exists() for k in range(args.folds)) and not args.final_only:
        return
    if args.final_only:
        return final(args, pairs, states, at, texts)
    ce_dev = np.full((len(groups), dev_spans.shape[1], len(VERDICTS)), np.nan)
    ce_syn = np.full((len(syn), len(VERDICTS)), np.nan)
    for k in range(args.folds):
        got = np.load(part / f"fold{k}.npz")
        ce_dev[got["rows"]] = got["dev_p"]
        ce_syn[got["srows"]] = got["syn_p"]
    np.savez(args.out, ce_dev=ce_dev, ce_syn=np.nan_to_num(ce_syn, nan=1 / 3))
    print(f"saved {args.out}: {len(groups)} dev claims, {len(syn)} rule-made rows", file=sys.stderr)
    if args.final:
        final(args, pairs, states, at, texts)


def final(args, pairs: list, states: list, at: dict, texts: dict) -> None:
    """Train on every pair and keep the torch weights (and what they were trained on) in args.final."""
    import torch

    chosen = [(c, e, LABEL[v]) for c, e, v, *_ in pairs]
    model, info = train(chosen, args.epochs, args.batch, args.lr, args.seed, args.freeze_layers,
                        states=[states[at[(c, e)]] for c, e, _ in chosen])
    args.final.mkdir(parents=True, exist_ok=True)
    torch.save({"bert": model.bert.state_dict(), "head": model.head.state_dict()}, args.final / "pair_model.pt")
    counts = {v: sum(1 for p in pairs if p[2] == v) for v in VERDICTS}
    info.update(pairs=len(pairs), written=sum(1 for p in pairs if "written" in p[3]), by_verdict=counts,
                papers=len(texts), rows=str(args.rows), per_paper=args.per_paper, written_repeat=args.written_repeat,
                seed=args.seed)
    (args.final / "info.json").write_text(json.dumps(info, indent=1) + "\n")


if __name__ == "__main__":
    main()
