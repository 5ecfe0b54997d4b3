"""Compare signal sets of the answerability model on saved rows, cross-validated per family (no retrieval, no LLM).

    python eval/answerability_ablation.py --rows ROWS [--recontain] [--seeds 0 1 2] \
        --set shipped=rag/answerability.json --set "without value_unbound=-value_unbound" --set all=*

Each `--set NAME=SPEC` is a model's signals: a model file (its features as fitted), `MODEL.json+a,b` (those
plus these), `*` (every signal the code computes, then backward elimination as eval/fit_answerability.py does), or `-a,-b` (every signal but these, then
elimination). For each: the CV log-loss at the best L2 penalty, AUC per family, and abstention / false abstention
at the fit's operating point (the most abstention at false abstention <= 0.10, chosen on the CV probabilities),
overall and per family (seed-page questions, full-text questions), and each family's most abstention at its own
false abstention <= 0.10 (a threshold for that family alone: what its signals can tell apart), and `per_regime`:
[abstention, false abstention] with each question decided at its regime's own point (the closest evidence a
listing page or a full paper, rag/answerability.py `regime`), as the shipped fit decides. Folds are grouped by
paper; `--seeds` repeats with other fold splits. The rows are development sets only (eval/fit_answerability.py
writes them).
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import answerability_cv as cv  # noqa: E402
import fit_answerability as fa  # noqa: E402
from fitlib import development_only  # noqa: E402

from rag.answerability import FEATURES  # noqa: E402


def auc(p: np.ndarray, y: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float(np.mean([(a > b) + 0.5 * (a == b) for a in pos for b in neg]))


def features_of(spec: str, rows: list[dict], y: np.ndarray) -> tuple[str, ...]:
    model, _, added = spec.partition(".json+")
    if spec.endswith(".json") or added:
        path = spec if spec.endswith(".json") else model + ".json"
        return (*json.loads(Path(path).read_text())["features"], *filter(None, added.split(",")))
    dropped = {name.lstrip("-") for name in spec.split(",")} if spec.startswith("-") else set()
    return cv.backward_elimination(rows, y, tuple(name for name in FEATURES if name not in dropped))[0]


def evaluate(rows: list[dict], y: np.ndarray, names: tuple[str, ...]) -> dict:
    x = np.array([[r["features"][n] for n in names] for r in rows], dtype=np.float64)
    losses = {lam: cv.log_loss(cv.cross_validated(x, y, lam), y) for lam in cv.LAMBDAS}
    lam = min(losses, key=losses.get)
    p = cv.cross_validated(x, y, lam)
    threshold, _, _ = cv.choose_thresholds(p, y)
    full = cv.families(rows)
    regime = cv.regimes(rows)
    points = cv.choose_by_regime(p, y, regime)
    per_regime = cv.regime_thresholds(regime, points)
    out = {"cv_log_loss": round(losses[lam], 4), "threshold": round(threshold, 4)}
    for family, mask in (("overall", np.ones(len(y), bool)), ("seed", ~full), ("fulltext", full)):
        r = cv.rates(p[mask], y[mask], threshold)
        by_regime = cv.rates(p[mask], y[mask], per_regime[mask])
        # the family's own risk curve: its most abstention at its own false abstention <= 0.10
        own = max((cv.rates(p[mask], y[mask], t)["abstention_on_unanswerable"] for t in np.unique(p[mask])
                   if cv.rates(p[mask], y[mask], t)["false_abstention"] <= cv.TARGET_FALSE), default=0.0)
        out[family] = {"auc": round(auc(p[mask], y[mask]), 3),
                       "abstention": round(r["abstention_on_unanswerable"], 3),
                       "false_abstention": round(r["false_abstention"], 3), "abstention_at_own_0.10": round(own, 3),
                       "per_regime": [round(by_regime["abstention_on_unanswerable"], 3),
                                      round(by_regime["false_abstention"], 3)]}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--set", action="append", required=True, help="NAME=SPEC (a model file, *, or -a,-b)")
    parser.add_argument("--recontain", action="store_true", help="recompute rag/containment.py's signals first")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
    development_only([Path(name) for name in {r["dataset"] for r in rows}])
    rows = [r for r in rows if not r["names_metadata"]]
    if args.recontain:
        for r in rows:
            fa.recontain(r)
    cv.GROUPS[:] = [r.get("group", r["id"]) for r in rows]
    y = np.array([1.0 if r["answerable"] else 0.0 for r in rows])
    folds = cv.folds
    for item in args.set:
        name, spec = item.split("=", 1)
        cv.folds = partial(folds, seed=0)  # the signals are chosen on the seed-0 split, as the fit does
        names = features_of(spec, rows, y)
        print(f"== {name}: {', '.join(names)}")
        for seed in args.seeds:
            cv.folds = partial(folds, seed=seed)
            print(f"  folds seed {seed}: {json.dumps(evaluate(rows, y, names))}")
    cv.folds = folds


if __name__ == "__main__":
    main()
