"""The Evals tab's data: find the latest eval report, read it for display, run the retrieval eval."""

from __future__ import annotations

import time
from pathlib import Path

from rag.config import PROJECT_ROOT, Settings, resource_dir

DATASET = resource_dir("datasets") / "seeds.jsonl"
EVAL_SYSTEMS = ("ours", "bm25", "dense")  # the quick comparison; `rag eval` adds the LlamaIndex baselines
PLOTS = {"recall_at_k": "Recall@k per system", "latency": "Latency"}  # the PNGs `rag eval --out` writes
NO_REPORT = ("No eval report yet. Run the retrieval eval with the button above, or "
             "`rag eval --dataset eval/datasets/seeds.jsonl --out eval/out/<name>` in a terminal.")


def report_roots(settings: Settings) -> list[Path]:
    """Where reports are looked for: the UI's runs (<home>/evals/) and `rag eval --out eval/out/...`."""
    return [settings.home / "evals", PROJECT_ROOT / "eval" / "out"]


def latest_report(roots: list[Path]) -> Path | None:
    """The newest report.json directly in a root or one folder below it."""
    found = [p for root in roots if root.is_dir() for p in (*root.glob("report.json"), *root.glob("*/report.json"))]
    return max(found, key=lambda p: p.stat().st_mtime, default=None)


def report_view(path: Path | None) -> tuple[str, list[Path | None]]:
    """The report rendered from its typed report.json, without plot links (the UI shows the plots beside it),
    and the plot files."""
    if path is None:
        return NO_REPORT, [None] * len(PLOTS)
    from rag.evaluation import EvalError
    from rag.evaluation.markdown import markdown
    from rag.evaluation.results import load_report

    folder = path.parent
    try:
        text = markdown(load_report(path))
    except EvalError as exc:
        text = f"The latest report cannot be shown: {exc}"
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
    plots = [folder / f"{name}.png" if (folder / f"{name}.png").is_file() else None for name in PLOTS]
    return f"*Latest report: `{folder}`, {when}*\n\n{text}", plots


def run_retrieval_eval(settings: Settings, library) -> Path:
    """The seed questions through ours and the BM25 and dense baselines; the report goes to <home>/evals/<time>."""
    from rag.evaluation.baselines import build_systems
    from rag.evaluation.dataset import check_gold, load_dataset
    from rag.evaluation.report import write_report
    from rag.evaluation.runner import run_eval

    shown = DATASET.relative_to(PROJECT_ROOT) if DATASET.is_relative_to(PROJECT_ROOT) else DATASET.name
    questions = load_dataset(DATASET)
    check_gold(questions, library.snapshot.papers, shown)
    run = run_eval(library, questions, build_systems(library, EVAL_SYSTEMS), k=10, progress=True, dataset=str(shown))
    folder = settings.home / "evals" / time.strftime("%Y%m%d-%H%M%S")
    write_report(run, folder)
    return folder
