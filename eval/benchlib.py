"""Small helpers shared by the benchmarks: timing a `rag` process and printing a table."""

from __future__ import annotations

import atexit
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def scratch(prefix: str) -> Path:
    """A temporary folder removed when the benchmark exits, however it exits short of a kill: a 100k-chunk
    library is ~1.4 GB, and each run used to leave its copy in the temporary folder."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, work, True)
    return work


def run_rag(args: list[str], home: Path, models_dir: Path | None = None) -> tuple[float, float, str]:
    """Run `rag ARGS` as a fresh process; (wall seconds, peak RSS MB of that process, stdout)."""
    env = dict(os.environ, RAG_HOME=str(home))
    if models_dir:
        env["RAG_MODELS_DIR"] = str(models_dir)
    rag = Path(sys.executable).with_name("rag")
    wrapper = [sys.executable, "-c",
               "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"]
    started = time.perf_counter()
    done = subprocess.run(wrapper + [str(rag), *args], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"rag {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024, done.stdout


def percentile(values: list[float], q: float) -> float:
    """rag.evaluation.metrics.percentile (one definition for benches and eval reports); NaN when empty, for tables."""
    from rag.evaluation.metrics import percentile as interpolated

    value = interpolated(values, q)
    return float("nan") if value is None else value


def print_table(title: str, rows: list[tuple[str, str, str]]) -> None:
    """rows: (measure, value, target)."""
    width = max(len(r[0]) for r in rows)
    print(f"\n{title}")
    print(f"{'measure'.ljust(width)}  {'value':>14}  target")
    for measure, value, target in rows:
        print(f"{measure.ljust(width)}  {value:>14}  {target}")


def self_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def status_kb(pid: int | str, field: str) -> float:
    """One field of /proc/<pid>/status in kB (VmRSS: resident now, VmHWM: peak); 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return float(line.split()[1])
    except OSError:
        pass
    return 0.0


def rss_mb(pid: int | str = "self") -> float:
    """A process's resident memory now, MB (Linux)."""
    return status_kb(pid, "VmRSS") / 1024
