"""Leave-one-ROUND-out figures of the claim checker's calibrated model (issue 10).

    .venv/bin/python eval/checker_round_cv.py --rows /tmp/rows.npz [--l2 1.0 --dev-weight 50 --rule-weight 0.2]

Cross-validation by paper mixes every round into training, and each blind round so far has asked kinds of
claims no earlier round asked: CV by paper promised 0.959 precision and blind rounds gave 0.60-1.00. Here
each round is left out in turn: the model is fitted on the rule-made rows and the other rounds' written
claims, its pass threshold is chosen on the training rounds only (their own out-of-fold predictions, 5 folds
grouped by paper, as eval/fit_checker.py chooses it), and the left-out round is scored once at that threshold
through the run time's decision rule. Reads the rows eval/fit_checker.py keeps (`--rows`): no library needed.

`--model PATH` scores a saved model (rag/checking/checker.json) on every round as it is, at its own threshold,
with no refit: the baseline a refit is compared with (in sample on the rounds that model was fitted on).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_checker import choose_threshold, fitted, out_of_fold, run_time_verdicts, summary  # noqa: E402

from rag.checking.checker import (CANDIDATES, CONTRADICTION_SIGNALS, FEATURES, contradiction_shown,  # noqa: E402
                                  without_contradiction)
from rag.checking.model import load_model  # noqa: E402

SHIPPED = Path(__file__).resolve().parent.parent / "rag" / "checking" / "checker.json"


def round_of(set_name: str) -> str:
    """claims_dev and claims were written together (round 1); claims_vN is round N."""
    return set_name.rsplit("_", 1)[1] if "_v" in set_name else "v1"


def shipped(key: str, default: float) -> float:
    """The value rag/checking/checker.json's meta records for the shipped fit (its defaults here), else `default`."""
    meta = json.loads(SHIPPED.read_text()).get("meta", {}) if SHIPPED.exists() else {}
    return float(meta.get(key, default))


def run_time_scores(probs: np.ndarray, shown: np.ndarray, vacuous: np.ndarray) -> np.ndarray:
    """P(supported) of each claim's closest span as the run time reads it (0 for no claim)."""
    first = np.array([p if s else without_contradiction(p) for p, s in zip(probs[:, 0], shown[:, 0])])
    return np.where(vacuous, 0.0, first[:, 0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=Path, required=True)
    # Defaults: the shipped fit's own settings (recorded as 0.2 / 1.0 / 50 when this was written).
    parser.add_argument("--l2", type=float, default=shipped("l2", 1.0))
    parser.add_argument("--dev-weight", type=float, default=shipped("dev_weight", 50.0))
    parser.add_argument("--rule-weight", type=float, default=shipped("rule_weight", 0.2))
    parser.add_argument("--drop", action="append", default=["ce_supported", "ce_contradicted"])
    parser.add_argument("--decision", default="closest")
    parser.add_argument("--json", type=Path, default=None, help="write the per-round figures here")
    parser.add_argument("--why", type=Path, default=None,
                        help="write, for each supported claim its left-out round does not pass, what holds it back")
    parser.add_argument("--model", type=Path, default=None,
                        help="score this saved model on every round as it is (no refit, its own threshold)")
    args = parser.parse_args()
    saved = dict(np.load(args.rows))  # read once: each access to an NpzFile entry decompresses it again
    fixed = load_model(args.model) if args.model else None
    computed = set(saved["computed"])
    names = list(fixed.features) if fixed else [f for f in FEATURES if f not in args.drop and f in computed]
    if fixed and not set(names) <= computed:  # a refit takes only computed features; a saved model may weigh others
        sys.exit(f"{args.rows} lacks features the model weighs: {sorted(set(names) - computed)}")
    syn_x, syn_y, dev_x, dev_y = saved["syn_x"], saved["syn_y"], saved["dev_x3"], saved["dev_y"]
    groups, sets = np.array(saved["groups"]), [str(s) for s in saved["sets"]]
    shown = contradiction_shown(dev_x.reshape(-1, len(FEATURES)), FEATURES, False).reshape(len(dev_y), CANDIDATES)
    cols = [FEATURES.index(f) for f in names]
    syn_x, dev_x = syn_x[:, cols], dev_x[:, :, cols]
    rounds = np.array([round_of(s) for s in sets])
    vacuous = saved["dev_vacuous"].astype(bool) if "dev_vacuous" in saved else np.zeros(len(dev_y), bool)
    out, pooled_verdicts, pooled_scores = {}, np.zeros(len(dev_y), int), np.zeros(len(dev_y))
    held_back = []
    for r in dict.fromkeys(rounds):
        train, test = rounds != r, rounds == r
        if fixed:
            model, t = fixed, fixed.pass_threshold
        else:
            oof = out_of_fold(syn_x, syn_y, dev_x[train], dev_y[train], vacuous[train], list(groups[train]), names, args)
            model = fitted(syn_x, syn_y, dev_x[train], dev_y[train], vacuous[train], names, args)
            t = choose_threshold(None, dev_y[train], passed_at=lambda t: run_time_verdicts(
                model, oof, shown[train], t, args.decision, vacuous[train]) == 0)
        probs = model.probabilities(dev_x[test].reshape(-1, len(names))).reshape(-1, CANDIDATES, 3)
        verdicts = run_time_verdicts(model, probs, shown[test], t, model.decision if fixed else args.decision,
                                     vacuous[test])
        pooled_verdicts[test] = verdicts
        pooled_scores[test] = run_time_scores(probs, shown[test], vacuous[test])
        out[r] = {"threshold": t, "claims": int(test.sum()), **summary(verdicts, dev_y[test])}
        if args.why:
            held_back += holding_back(model, dev_x[train], dev_y[train], shown[train], vacuous[train], dev_x[test],
                                      dev_y[test], vacuous[test], verdicts, np.where(test)[0], saved, names, t)
        print(r, out[r], file=sys.stderr)
    keys = ("precision_passed", "supported_passed", "contradicted_rejected")
    worst = {k: min((v[k] for v in out.values() if v[k] is not None), default=None) for k in keys}
    mean = {k: round(float(np.mean([v[k] for v in out.values() if v[k] is not None])), 3) for k in keys}
    # All rounds' left-out verdicts together (~1,300 claims: steadier than any one round's ~10 passes), and the
    # ranking alone: supported passed where the pooled left-out scores first keep precision >= 0.95 (an oracle
    # threshold: how well the signals order claims, apart from how well the threshold transfers).
    pooled = summary(pooled_verdicts, dev_y)
    order = np.argsort(-pooled_scores)
    hits = np.cumsum(dev_y[order] == 0)
    precise = np.where(hits / np.arange(1, len(order) + 1) >= 0.95)[0]
    ranking = round(float(hits[precise[-1]] / (dev_y == 0).sum()), 3) if len(precise) else 0.0
    result = {"per_round": out, "worst": worst, "mean": mean, "pooled": pooled,
              "ranking_passed_at_0.95": ranking, "features": names,
              **({"model": str(args.model)} if fixed else
                 {"l2": args.l2, "dev_weight": args.dev_weight, "rule_weight": args.rule_weight})}
    print(json.dumps({"worst": worst, "mean": mean, "pooled": pooled, "ranking_passed_at_0.95": ranking}))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    if args.why:
        args.why.write_text("".join(json.dumps(h) + "\n" for h in held_back))
        print(json.dumps({"held_back_by": dict(Counter(h["held_back_by"] for h in held_back).most_common())}))


# What a feature says about a claim, for `holding_back`: the contradiction readers by name, the rest by kind.
_KINDS = {"cosine": "cosine", "overlap_span": "overlap", "overlap_paper": "overlap", "novel_words": "overlap",
          "own_words": "own words", "align_mean": "word alignment", "align_min": "word alignment",
          "unbacked_window": "unbacked word", "unbacked_aligned": "unbacked word", "unbacked_paper": "unbacked word",
          "items_unbacked": "unbacked name/number", "names_missing": "unbacked name/number",
          "numbers_missing": "unbacked name/number"}


def holding_back(model, train_x, train_y, train_shown, train_vacuous, test_x, test_y, test_vacuous, verdicts, index,
                 saved, names, t) -> list[dict]:
    """For each supported claim of the left-out round that does not pass: a contradiction reader firing on its
    closest span (by name), else the kind of feature that pulls its support (z_supported - z_unsupported) furthest
    below the mean of the training rounds' passing supported claims."""
    weight = (model.coef[0] - model.coef[2]) / model.scale
    train_probs = model.probabilities(train_x.reshape(-1, len(names))).reshape(-1, CANDIDATES, 3)
    train_p = run_time_scores(train_probs, train_shown, train_vacuous)  # a vacuous claim passes nothing at run time
    reference = train_x[(train_y == 0) & (train_p >= t), 0].mean(axis=0)
    out = []
    for x, y, vacuous, v, i in zip(test_x, test_y, test_vacuous, verdicts, index):
        if y != 0 or v == 0:
            continue
        pull = (x[0] - reference) * weight
        fired = [f for f in CONTRADICTION_SIGNALS if f in names and x[0][names.index(f)]]
        by_kind: dict[str, float] = {}
        for f, value in zip(names, pull):
            by_kind[_KINDS.get(f, f)] = by_kind.get(_KINDS.get(f, f), 0.0) + value
        worst = min(by_kind, key=by_kind.get)
        out.append({"id": str(saved["dev_ids"][i]), "set": str(saved["sets"][i]), "kind": str(saved["kinds"][i]),
                    "claim": str(saved["dev_claims"][i]), "span": str(saved["dev_spans"][i][0]),
                    "evidence": str(saved["dev_evidence"][i]), "vacuous": bool(vacuous),
                    "held_back_by": "vacuous" if vacuous else
                    ("contradiction: " + "+".join(fired)) if fired else worst,
                    "pull": {k: round(float(val), 2) for k, val in sorted(by_kind.items(), key=lambda kv: kv[1])[:4]},
                    "features": {f: round(float(val), 3) for f, val in zip(names, x[0])}})
    return out


if __name__ == "__main__":
    main()
