"""Ingest and cold-process benchmarks: each figure is a fresh `rag` process, as a user runs it.

    .venv/bin/python eval/bench_ingest.py [--models DIR]

The ONNX export of the embedder is a one-time set-up step; it is timed on its own, and the
cold figures use the exported model (as every run after the first does).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchlib import print_table, run_rag, scratch


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=Path, default=None, help="Exported-model cache to reuse.")
    args = parser.parse_args()
    work = scratch("rag-bench-")
    models = args.models or work / "models"
    rows = []
    if not (models.exists() and any(models.glob("*.onnx"))):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from rag.embedding import "
                        "load_embedder; load_embedder(Path(sys.argv[1])).embed(['warm'])", str(models)], check=True)
        rows.append(("one-time embedder export, own process (s)", f"{time.perf_counter() - started:.1f}",
                     "once per machine"))

    seconds, rss, out = run_rag(["ingest", "--json"], work / "home", models)
    report = json.loads(out)
    rows.append((f"cold seed ingest, {report['papers']} papers / {report['chunks']} chunks (s)", f"{seconds:.1f}", "<= 20"))
    rows.append(("  peak RSS (MB)", f"{rss:.0f}", ""))
    seconds, rss, out = run_rag(["ingest", "--json"], work / "home", models)
    assert json.loads(out)["up_to_date"], "the second ingest should find nothing to do"
    rows.append(("unchanged re-ingest (s)", f"{seconds:.2f}", "<= 3"))

    times, peaks = [], []
    for _ in range(5):
        seconds, rss, out = run_rag(["search", "Gaussian trust region for PPO", "--json"], work / "home", models)
        assert json.loads(out), "search returned nothing"
        times.append(seconds)
        peaks.append(rss)
    rows.append(("cold `rag search` process, median of 5 (s)", f"{statistics.median(times):.2f}", "<= 3"))
    rows.append(("  peak RSS (MB)", f"{max(peaks):.0f}", ""))
    print_table("ingest and cold process", rows)


if __name__ == "__main__":
    main()
