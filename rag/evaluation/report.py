"""Write an eval run to a folder: report.json (the typed EvalReport), report.md and the PNG plots.

The jobs live in their own modules: targets and the gate in gate.py, text in markdown.py, plots in plots.py,
deltas of two runs in compare.py, the typed results in results.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from rag.evaluation import EvalError
from rag.evaluation.gate import TARGETS, Targets
from rag.evaluation.markdown import brief, markdown
from rag.evaluation.plots import plot
from rag.evaluation.results import EvalReport, load_report

__all__ = ["brief", "load_report", "markdown", "write_report"]


def write_report(report: EvalReport, out: Path, targets: Targets = TARGETS) -> list[Path]:
    """report.json, report.md and the plots in `out`; returns the paths written."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EvalError(f"cannot create the report folder {out} ({exc.strerror or exc})") from exc
    written = [out / "report.json", out / "report.md"]
    (out / "report.json").write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
    written += plot(report, out)
    (out / "report.md").write_text(markdown(report, plots=[p.name for p in written[2:]], targets=targets))
    return written
