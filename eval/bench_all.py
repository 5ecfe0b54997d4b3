"""Every benchmark in eval/, one after another, each printing its table: `make bench`."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["bench_embed.py", "bench_ingest.py", "bench_search.py", "bench_answer.py"]


def main() -> int:
    models = Path(tempfile.mkdtemp(prefix="rag-bench-models-"))
    failed = []
    for name in BENCHES:
        args = [sys.executable, str(HERE / name)]
        if name != "bench_embed.py":
            args += ["--models", str(models)]
        print(f"\n=== {name}", flush=True)
        if subprocess.run(args, cwd=HERE.parent).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
