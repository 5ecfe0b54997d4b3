"""Every benchmark in eval/, one after another, each printing its table: `make bench`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchlib import scratch

HERE = Path(__file__).resolve().parent
BENCHES = ["bench_embed.py", "bench_ingest.py", "bench_search.py", "bench_answer.py", "bench_evidence.py"]
# Benchmarks that need more than the shared model cache: full papers are measured on the development set
# (the held-out fulltext.jsonl is for `rag eval` once, never for a benchmark run over and over).
EXTRA_ARGS = {"bench_evidence.py": ["--dataset", str(HERE / "datasets" / "fulltext_dev.jsonl"), "--ingest"]}


def main() -> int:
    models = scratch("rag-bench-models-")
    failed = []
    for name in BENCHES:
        args = [sys.executable, str(HERE / name)]
        if name != "bench_embed.py":
            args += ["--models", str(models)]
        args += EXTRA_ARGS.get(name, [])
        print(f"\n=== {name}", flush=True)
        if subprocess.run(args, cwd=HERE.parent).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
