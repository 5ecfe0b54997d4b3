"""The PNG plots of an eval run: recall@k per system, latency histograms, the risk–coverage curve."""

from __future__ import annotations

from pathlib import Path

from rag.evaluation.results import EvalReport


def plot(report: EvalReport, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    summary = report.summary
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    for name, data in summary.systems.items():
        curve = data.recall_curve
        ax.plot(range(1, len(curve) + 1), curve, marker="o", markersize=3, label=name,
                linewidth=2.4 if name == "ours" else 1.3)
    ax.set_xlabel("k")
    ax.set_ylabel("capped recall@k (answerable questions)")
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    ax.set_title("Recall@k per system")
    written.append(_save(fig, out / "recall_at_k.png"))

    panels = [("retrieval (one search)", {name: [q.latency_ms(name) for q in report.questions]
                                          for name in summary.systems})]
    if summary.mode == "answer":
        panels.append(("answer (ours, whole ask)", {"ours": [q.timings.get("total_ms", 0.0) for q in report.questions]}))
    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 4.2), squeeze=False)
    for ax, (title, series) in zip(axes[0], panels):
        # Shared log-spaced bins: BM25 takes a fraction of a millisecond, an answer seconds.
        values_all = [max(v, 1e-3) for values in series.values() for v in values] or [1.0]
        low, high = min(values_all), max(values_all)
        bins = [low * (high / low) ** (i / 30) for i in range(31)] if high > low else 10
        for name, values in series.items():
            ax.hist([max(v, 1e-3) for v in values], bins=bins, alpha=0.55, label=name)
        if high > low:
            ax.set_xscale("log")
        ax.set_xlabel("latency (ms, log scale)")
        ax.set_ylabel("questions")
        ax.set_title(f"Latency: {title}")
        ax.legend()
        ax.grid(alpha=0.3)
    written.append(_save(fig, out / "latency.png"))

    curve = summary.answer.risk_coverage if summary.answer is not None else []
    if curve:
        fig, ax = plt.subplots(figsize=(6.5, 4.2))
        ax.plot([r.coverage for r in curve], [r.accuracy for r in curve], marker="o", markersize=3)
        ax.set_xlabel("answer rate (coverage)")
        ax.set_ylabel("share of answers that are right")
        ax.set_xlim(0, 1.02)
        ax.set_ylim(0, 1.02)
        ax.grid(alpha=0.3)
        ax.set_title("Risk–coverage: sweeping the answerability threshold")
        written.append(_save(fig, out / "risk_coverage.png"))
    return written


def _save(fig, path: Path) -> Path:
    import matplotlib.pyplot as plt

    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
