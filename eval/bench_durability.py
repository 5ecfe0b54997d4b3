"""Durability figures: overlapping ingests on one data dir, and searches while ingests publish.

    .venv/bin/python eval/bench_durability.py [--trials 10] [--papers 30] [--publishes 20] [--searches 200]
                                              [--models DIR] [--json]

Overlapping ingests: per trial, a copy of one seeded data dir gets two `rag ingest` processes started at
once, each adding its own folder of `--papers` generated papers. Counted: papers lost (listed before or
added by either run, absent after), orphan vectors, missing vectors, runs that exited non-zero, runs
that said they waited for the other. Searches during publishes: one reader process searches in a loop
with a long-lived Library (it follows CURRENT per query, as the UI does) while a writer runs
`--publishes` ingests back to back, each adding one paper; counted: searches, errors, snapshots seen.
Every figure is work counted, not timed; seconds are shown next to it and are noisy on a shared machine.
The test suite (tests/test_durability.py) runs the same functions with small counts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOPICS = [
    "tidal locking of exomoons", "glacier calving acoustics", "mycelium network signalling", "sourdough starter "
    "microbiomes", "bridge cable fatigue", "urban heat islands", "coral spawning cues", "violin varnish "
    "chemistry", "desert lichen crusts", "subway crowd flows", "beehive thermoregulation", "kelp forest "
    "recovery", "lighthouse lens optics", "permafrost methane pockets", "songbird dialect drift",
]


def rag_env(home: Path, models_dir: Path | None) -> dict:
    env = dict(os.environ, RAG_HOME=str(home))
    if models_dir:
        env["RAG_MODELS_DIR"] = str(models_dir)
    return env


def rag_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", *args]


def make_papers(folder: Path, count: int, tag: str) -> list[str]:
    """`count` small Markdown papers with distinct titles in `folder`; returns their titles."""
    folder.mkdir(parents=True, exist_ok=True)
    titles = []
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        title = f"A Study of {topic.title()} in Setting {tag.upper()}-{i}"
        body = (f"We study {topic} in setting {tag}-{i}. Measurements of {topic} were taken over {3 + i} seasons. "
                f"The {topic} effect grows with site size {tag}{i}. We release the data for setting {tag}-{i}.")
        (folder / f"{tag}-{i:03d}.md").write_text(f"# {title}\n\n{body}\n")
        titles.append(title)
    return titles


def library_state(home: Path, models_dir: Path | None) -> dict:
    """Titles, live passages, vectors and orphans of a data dir, read in this process (real Chroma)."""
    from rag.config import Settings
    from rag.library import Library

    library = Library(Settings(home=home, models_path=models_dir))
    snap = library.snapshot
    live = {c.chunk_id for c in snap.chunks}
    stored = library.store.existing_ids()
    return {"titles": sorted(p.title for p in snap.papers), "missing": len(live - stored),
            "orphans": len(stored - live)}


def overlapping_trial(seeded: Path, work: Path, models_dir: Path | None, papers: int, trial: int) -> dict:
    """Two `rag ingest` at once on a copy of `seeded`, each with its own folder of papers."""
    home = work / f"home-{trial}"
    shutil.copytree(seeded, home)
    before = set(library_state(home, models_dir)["titles"])
    folders, expected = [], set(before)
    for side in ("a", "b"):
        folder = work / f"papers-{trial}-{side}"
        expected |= set(make_papers(folder, papers, f"t{trial}{side}"))
        folders.append(folder)
    runs = [subprocess.Popen(rag_command("ingest", str(folder), "--json"), env=rag_env(home, models_dir),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in folders]
    outputs = [run.communicate(timeout=900) for run in runs]
    state = library_state(home, models_dir)
    after = set(state["titles"])
    result = {"lost": len(expected - after), "orphans": state["orphans"], "missing": state["missing"],
              "failed": sum(run.returncode != 0 for run in runs),
              "waited": sum("waiting for another ingest" in err for _, err in outputs),
              "tracebacks": sum("Traceback" in err for _, err in outputs),
              "errors": [err.strip()[-300:] for run, (_, err) in zip(runs, outputs) if run.returncode != 0]}
    shutil.rmtree(home, ignore_errors=True)
    return result


READER = r"""
import json, sys, time
from pathlib import Path
from rag.config import Settings, contain_caches
from rag.library import Library
home, models, stop, query = Path(sys.argv[1]), sys.argv[2] or None, Path(sys.argv[3]), sys.argv[4]
settings = Settings(home=home, models_path=models)
contain_caches(settings)
library = Library(settings)
library.search(query, k=3)
print(json.dumps({"ready": True}), flush=True)
count = 0
while not stop.exists():
    count += 1
    if count % 5 == 0:  # a fresh Library now and then: the cold-load path races publishes too
        library = Library(settings, embedder=library.embedder)
    try:
        hits = library.search(query, k=3)
        print(json.dumps({"ok": bool(hits), "snapshot": library.snapshot.name, "papers": len(library.snapshot.papers)}), flush=True)
    except Exception as exc:
        print(json.dumps({"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}), flush=True)
"""


def searches_during_publishes(home: Path, work: Path, models_dir: Path | None, publishes: int,
                              min_searches: int = 0) -> dict:
    """A reader searching in a loop while `publishes` ingests publish one after another.

    The writer waits for the reader to say it is ready (state, not time); after the last publish the reader
    goes on until it has made `min_searches` searches, then stops when the stop file appears.
    """
    stop = work / "stop-reader"
    stop.unlink(missing_ok=True)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(home), str(models_dir or ""), str(stop),
                               "trust region policy optimisation"], env=rag_env(home, models_dir),
                              stdout=subprocess.PIPE, stderr=open(work / "reader.err", "w"), text=True)
    first = reader.stdout.readline()
    if not first.strip():
        raise SystemExit(f"the reader did not start: {(work / 'reader.err').read_text()[-500:]}")
    lines: list[dict] = []
    enough = threading.Event()

    def drain() -> None:  # a full pipe would stall the reader's searches
        for line in reader.stdout:
            lines.append(json.loads(line))
            if len(lines) >= min_searches:
                enough.set()
        enough.set()

    pump = threading.Thread(target=drain, daemon=True)
    pump.start()
    started, failed_publishes = time.perf_counter(), 0
    folder = work / "publish-papers"
    for i in range(publishes):
        make_papers(folder / f"p{i}", 1, f"pub{i}")
        done = subprocess.run(rag_command("ingest", str(folder / f"p{i}")), env=rag_env(home, models_dir),
                              capture_output=True, text=True, timeout=600)
        failed_publishes += done.returncode != 0
    during = len(lines)
    enough.wait(timeout=600)
    stop.touch()
    reader.wait(timeout=60)
    pump.join(timeout=60)
    errors = [line["error"] for line in lines if "error" in line]
    return {"searches": len(lines), "searches_while_publishing": during, "errors": len(errors), "first_errors": errors[:3],
            "snapshots_seen": len({line.get("snapshot") for line in lines if line.get("snapshot")}),
            "publishes": publishes, "failed_publishes": failed_publishes,
            "seconds": round(time.perf_counter() - started, 1), "reader_exit": reader.returncode}


def seed_home(work: Path, models_dir: Path | None) -> Path:
    home = work / "seeded"
    done = subprocess.run(rag_command("ingest"), env=rag_env(home, models_dir), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"seed ingest failed: {done.stderr[-500:]}")
    return home


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--papers", type=int, default=30)
    parser.add_argument("--publishes", type=int, default=20)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--models", type=Path, default=None, help="Exported-model cache to reuse.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rag-durability-"))
    seeded = seed_home(work, args.models)
    started = time.perf_counter()
    trials = [overlapping_trial(seeded, work, args.models, args.papers, t) for t in range(args.trials)]
    overlap_s = time.perf_counter() - started
    during = searches_during_publishes(shutil.copytree(seeded, work / "reader-home"), work, args.models,
                                       args.publishes, args.searches)
    summary = {
        "overlapping_trials": len(trials), "papers_per_run": args.papers,
        "trials_losing_papers": sum(t["lost"] > 0 for t in trials), "papers_lost": sum(t["lost"] for t in trials),
        "orphan_vectors": sum(t["orphans"] for t in trials), "missing_vectors": sum(t["missing"] for t in trials),
        "runs_failed": sum(t["failed"] for t in trials), "runs_that_waited": sum(t["waited"] for t in trials),
        "tracebacks": sum(t["tracebacks"] for t in trials), "overlap_seconds": round(overlap_s, 1),
        "searches_during_publishes": during,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        for key, value in summary.items():
            print(f"{key}: {value}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
