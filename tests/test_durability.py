"""Nothing lost, ever: damage any one file of a library (seeds + user papers), follow the printed advice,
and every paper is back, with no traceback on the way and no false "ok" from `rag doctor`.

Also: two ingests at once lose nothing, searches during publishes never fail, read-only storage is
read and never called damaged. Real processes, real Chroma, real embedder; every wait is on state
(a process exit, a file appearing, a line printed), never a fixed sleep. Bigger trial counts:
eval/bench_durability.py, whose functions these tests run with small counts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, SEEDS
from test_cli import rag

sys.path.insert(0, str(PROJECT_ROOT / "eval"))
import bench_durability as bench  # noqa: E402

USER_PAPERS = 10
QUERY = "glacier calving acoustics setting u-1"
MINE = "A Study of Glacier Calving Acoustics in Setting U-1"  # what QUERY finds first when all is well
ADVICE = re.compile(r"run `(rag [^`]+)`")


def no_traceback(out) -> None:
    assert "Traceback" not in out.stderr, out.stderr[-2000:]


@pytest.fixture(scope="module")
def library_home(tmp_path_factory, models_dir, embedder):
    """Seeds + USER_PAPERS generated papers, ingested once; (home, every title). Tests damage copies."""
    from rag.library import Library
    from conftest import make_settings

    work = tmp_path_factory.mktemp("durable")
    home = work / "home"
    library = Library(make_settings(home, models_dir), embedder=embedder)
    library.ingest([SEEDS])
    bench.make_papers(work / "mine", USER_PAPERS, "u")
    library.ingest([work / "mine"])
    titles = sorted(p.title for p in library.snapshot.papers)
    assert len(titles) == len({*titles}) and sum("Setting U-" in t for t in titles) == USER_PAPERS
    return home, titles


@pytest.fixture
def home(library_home, tmp_path) -> Path:
    target = tmp_path / "home"
    shutil.copytree(library_home[0], target)
    return target


def current_folder(home: Path) -> Path:
    [root] = (home / "snapshots").iterdir()
    return root / (root / "CURRENT").read_text().strip()


def garble(path: Path, at: int | None = None) -> None:
    """Random bytes over the middle of a file (a torn write, a bad sector)."""
    data = bytearray(path.read_bytes())
    at = len(data) // 2 if at is None else at
    data[at:at + 64] = os.urandom(64)
    path.write_bytes(bytes(data))


def bm25_file(home: Path) -> Path:
    return current_folder(home) / "bm25" / "data.csc.index.npy"


DAMAGE = {
    "garbled chunks.jsonl": lambda h: garble(current_folder(h) / "chunks.jsonl"),
    "garbled params.json": lambda h: garble(current_folder(h) / "params.json", at=10),
    "deleted CURRENT": lambda h: (current_folder(h).parent / "CURRENT").unlink(),
    "random bytes in CURRENT": lambda h: (current_folder(h).parent / "CURRENT").write_bytes(os.urandom(40)),
    "null in sources.jsonl": lambda h: (current_folder(h) / "sources.jsonl").open("a").write("null\n"),
    "random bytes in a BM25 file": lambda h: garble(bm25_file(h)),
    "deleted bm25 folder": lambda h: shutil.rmtree(current_folder(h) / "bm25"),
    "deleted snapshots folder": lambda h: shutil.rmtree(h / "snapshots"),
    "damaged Chroma database": lambda h: (h / "chroma" / "chroma.sqlite3").write_bytes(os.urandom(64 * 1024)),
    "deleted Chroma folder": lambda h: shutil.rmtree(h / "chroma"),
    "garbled library manifest": lambda h: garble(h / "library.json"),
    "deleted library manifest": lambda h: (h / "library.json").unlink(),
}


def follow_advice(home: Path, models_dir: Path) -> list[str]:
    """Search; while it fails, run the command its one-line error advises. Returns the commands run."""
    followed: list[str] = []
    for _ in range(3):
        out = rag("search", QUERY, "--json", home=home, models_dir=models_dir, check=False)
        no_traceback(out)
        if out.returncode == 0:
            assert json.loads(out.stdout)[0]["title"] == MINE, "search finds the user's paper once all is well"
            return followed
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr
        advice = ADVICE.search(lines[0])
        assert advice, f"the error says what to run: {lines[0]}"
        followed.append(advice.group(1))
        fixed = rag(*advice.group(1).split()[1:], home=home, models_dir=models_dir, check=False)
        no_traceback(fixed)
        assert fixed.returncode == 0, fixed.stderr
    pytest.fail(f"still failing after following {followed}")


def doctor(home: Path, models_dir: Path) -> tuple[int, dict]:
    out = rag("doctor", "--json", home=home, models_dir=models_dir, check=False)
    no_traceback(out)
    return out.returncode, {c["name"]: c for c in json.loads(out.stdout)}


def every_paper_back(home: Path, models_dir: Path, titles: list[str]) -> None:
    out = rag("papers", "--json", home=home, models_dir=models_dir)
    assert sorted(p["title"] for p in json.loads(out.stdout)) == titles
    code, checks = doctor(home, models_dir)
    assert code == 0, {k: v for k, v in checks.items() if v["status"] != "ok"}
    assert checks["vectors"]["status"] == "ok" and checks["library manifest"]["status"] == "ok"


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_any_single_damage_is_detected_and_the_advice_restores_every_paper(library_home, home, models_dir, damage):
    DAMAGE[damage](home)
    code, checks = doctor(home, models_dir)
    no_traceback(rag("papers", home=home, models_dir=models_dir, check=False))
    assert code == 1, f"doctor must not say ok after: {damage}"
    failed = [c for c in checks.values() if c["status"] == "fail"]
    assert failed and all(c["fix"] for c in failed)
    followed = follow_advice(home, models_dir)
    if not followed:  # search still works (the manifest's damage): doctor's fix is the advice
        [fix] = {c["fix"].split(" (")[0] for c in failed}
        assert rag(*fix.split()[1:], home=home, models_dir=models_dir, check=False).returncode == 0
    every_paper_back(home, models_dir, library_home[1])


def test_kill_9_during_rebuild_then_the_advice_restores_every_paper(library_home, home, models_dir):
    """The store is damaged; the rebuild that moves it aside is killed once the new store exists."""
    DAMAGE["damaged Chroma database"](home)
    env = dict(os.environ, RAG_HOME=str(home), RAG_MODELS_DIR=str(models_dir))
    rebuild = subprocess.Popen([sys.executable, "-m", "rag.cli", "ingest", "--rebuild"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not ((home / "chroma" / "chroma.sqlite3").exists() and list(home.glob("chroma.damaged-*"))):
        assert rebuild.poll() is None, "the rebuild ended before the kill point"
        assert time.monotonic() < deadline, "the rebuild never moved the damaged store aside"
        time.sleep(0.05)  # polling for a file to appear, not waiting a fixed time
    rebuild.send_signal(signal.SIGKILL)
    rebuild.wait(timeout=30)
    assert rag("doctor", home=home, models_dir=models_dir, check=False).returncode == 1
    follow_advice(home, models_dir)
    every_paper_back(home, models_dir, library_home[1])


def test_damaged_exported_model_is_detected_and_exported_again(library_home, home, models_dir, tmp_path):
    """Random bytes inside the ONNX weights load without error and change vectors silently: the recorded hash
    catches it, and the advised rebuild exports the model again."""
    models = shutil.copytree(models_dir, tmp_path / "models")
    [model] = [f for f in models.glob("*.onnx") if Path(f"{f}.sha256").exists()]
    garble(model)
    code, checks = doctor(home, models)
    assert code == 1 and checks["embedding model"]["status"] == "fail"
    assert checks["embedding model"]["fix"].startswith("rag ingest --rebuild")
    no_traceback(rag("ingest", "--rebuild", home=home, models_dir=models))
    assert Path(f"{model}.sha256").read_text() == bench_sha256(model) == bench_sha256(models_dir / model.name)
    assert follow_advice(home, models) == []
    every_paper_back(home, models, library_home[1])


def bench_sha256(path: Path) -> str:
    from rag.manifest import file_sha256

    return file_sha256(path)


def test_rebuild_names_papers_whose_source_is_gone(library_home, tmp_path, models_dir):
    """A user file deleted, then the snapshot damaged: the rebuild restores the rest and names the loss."""
    home = tmp_path / "home"
    shutil.copytree(library_home[0], home)
    mine = tmp_path / "mine"
    bench.make_papers(mine, 2, "gone")
    rag("ingest", str(mine), home=home, models_dir=models_dir)
    (mine / "gone-000.md").unlink()
    DAMAGE["garbled chunks.jsonl"](home)
    out = rag("ingest", "--rebuild", home=home, models_dir=models_dir)
    warnings = [line for line in out.stderr.splitlines() if line.startswith("warning: not restored")]
    assert len(warnings) == 1 and "gone-000.md" in warnings[0] and "Setting GONE-0" in warnings[0]
    titles = sorted(p["title"] for p in json.loads(rag("papers", "--json", home=home, models_dir=models_dir).stdout))
    assert titles == sorted(library_home[1] + ["A Study of Glacier Calving Acoustics in Setting GONE-1"])


def test_two_ingests_at_once_lose_nothing(library_home, tmp_path, models_dir):
    trial = bench.overlapping_trial(library_home[0], tmp_path, models_dir, papers=6, trial=0)
    waited = trial.pop("waited")
    assert trial == {"lost": 0, "orphans": 0, "missing": 0, "failed": 0, "tracebacks": 0, "errors": []}
    assert waited <= 1, "at most one run queues behind the other (none, if the first finished before it asked)"


def test_no_wait_names_the_writer_that_holds_the_lock(home, models_dir):
    from rag.lock import LockedError, writer_lock

    holder = subprocess.Popen([sys.executable, "-c", "import sys, os; from rag.lock import writer_lock\n"
                               "with writer_lock(sys.argv[1]):\n print('held', flush=True); sys.stdin.read()",
                               str(home)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        out = rag("ingest", "--no-wait", home=home, models_dir=models_dir, check=False)
        assert out.returncode == 1 and out.stderr.strip().count("\n") == 0
        assert f"pid {holder.pid}" in out.stderr and "another ingest" in out.stderr
        _, checks = doctor(home, models_dir)
        assert checks["ingest lock"]["status"] == "warn" and f"pid {holder.pid}" in checks["ingest lock"]["detail"]
        with pytest.raises(LockedError):
            with writer_lock(home, wait=False):
                pass
    finally:
        holder.communicate("", timeout=30)
    assert rag("ingest", "--no-wait", home=home, models_dir=models_dir).returncode == 0


def test_searches_during_publishes_never_fail(library_home, tmp_path, models_dir):
    home = shutil.copytree(library_home[0], tmp_path / "home")
    result = bench.searches_during_publishes(home, tmp_path, models_dir, publishes=3, min_searches=30)
    assert result["errors"] == 0, result["first_errors"]
    assert result["failed_publishes"] == 0 and result["reader_exit"] == 0
    assert result["snapshots_seen"] == 4, "the long-running reader followed every publish"
    assert result["searches_while_publishing"] > 0


def test_read_only_storage_is_read_and_never_called_damaged(library_home, models_dir):
    """A real read-only bind mount of the data dir (a private mount namespace; needs unshare)."""
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"]).returncode != 0:
        pytest.fail("this test needs `unshare -rm` (util-linux) to make a read-only mount")
    home = library_home[0]
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$@"'

    def read_only(*args):
        env = dict(os.environ, RAG_HOME=str(home), RAG_MODELS_DIR=str(models_dir))
        return subprocess.run(["unshare", "-rm", "sh", "-c", script, str(home), sys.executable, "-m", "rag.cli",
                               *args], capture_output=True, text=True, env=env, timeout=300)

    hits = read_only("search", QUERY, "--json")
    assert hits.returncode == 0, hits.stderr
    assert json.loads(hits.stdout)[0]["title"] == MINE
    checks = {c["name"]: c for c in json.loads(read_only("doctor", "--json").stdout)}
    assert checks["data dir"]["status"] == "warn" and "read-only" in checks["data dir"]["detail"]
    assert not [c for c in checks.values() if c["status"] == "fail"]
    added = read_only("ingest", "--json")
    assert added.returncode == 1 and "read-only" in added.stderr and "rebuild" not in added.stderr
    no_traceback(added)


def test_an_upload_queues_behind_a_running_ingest(home, models_dir, embedder, tmp_path):
    """The UI's upload takes the same writer lock: nothing is copied or published until the holder lets go."""
    import threading

    from conftest import make_settings
    from rag.library import Library
    from ui.uploads import add_uploads

    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from rag.lock import writer_lock\n"
                               "with writer_lock(sys.argv[1]):\n print('held', flush=True); sys.stdin.readline()\n"
                               " print(time.time_ns(), flush=True)", str(home)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    [paper] = bench.make_papers(tmp_path / "upload", 1, "up")
    library = Library(make_settings(home, models_dir), embedder=embedder)
    done: list = []
    uploading = threading.Thread(target=lambda: done.append(add_uploads(library, [tmp_path / "upload" / "up-000.md"])))
    uploading.start()
    inode = (home / "ingest.lock").stat().st_ino
    deadline = time.monotonic() + 120
    while not any(line.split()[1] == "->" and line.split()[6].endswith(f":{inode}")
                  for line in Path("/proc/locks").read_text().splitlines()):
        assert uploading.is_alive() and time.monotonic() < deadline, "the upload never queued for the lock"
        time.sleep(0.02)  # polling the kernel's lock table for the queued upload, not waiting a fixed time
    assert not (home / "uploads").exists() or not list((home / "uploads").iterdir())
    holder.stdin.write("go\n")
    holder.stdin.flush()
    released_ns = int(holder.stdout.readline())
    holder.wait(timeout=30)
    uploading.join(timeout=300)
    [(stored, report)] = done
    assert stored[0].stat().st_mtime_ns >= released_ns, "the copy was made only after the holder released the lock"
    assert report.files_added and paper in {p.title for p in library.snapshot.papers}
