"""Risk-coverage curves of fitted answerability models, per regime, from their cross-validated probabilities.

    python eval/plot_risk_coverage.py --model "before=/tmp/before.json" --model "after=rag/answerability.json" \
        --out eval/results/answerability_fit/risk_coverage_cv.png

Each model file is one eval/fit_answerability.py wrote: its `fit.risk_coverage_cv_by_regime` holds, per regime
(the closest evidence a listing page or a full paper), the share of questions answered (coverage) against the
share of those answered that are answerable (precision) as the threshold falls. The operating point each model
file carries is marked on its curve.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REGIMES = {"page": "closest evidence a listing page", "full_text": "closest evidence a full paper"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", action="append", required=True, help="LABEL=PATH of a fitted model file")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
    for item in args.model:
        label, path = item.split("=", 1)
        data = json.loads(Path(path).read_text())
        thresholds = data["thresholds"]
        for ax, (regime, title) in zip(axes, REGIMES.items()):
            curve = data["fit"]["risk_coverage_cv_by_regime"][regime]
            line, = ax.plot([c["coverage"] for c in curve], [c["precision"] for c in curve], label=label)
            # a model fitted with one operating point (--one-point) has no full-text pair: its one point holds
            answer = (thresholds.get("full_text", thresholds) if regime == "full_text" else thresholds)["answer"]
            at = [c for c in curve if c["threshold"] >= answer]
            if at:
                ax.plot(at[-1]["coverage"], at[-1]["precision"], "o", color=line.get_color())
            ax.set_title(f"{title} (CV, grouped by paper)")
            ax.set_xlabel("coverage (share of questions answered)")
    axes[0].set_ylabel("precision (share answered that are answerable)")
    for ax in axes:
        ax.grid(alpha=0.3)
        ax.legend(loc="lower left")
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
