"""Faults: a killed ingest, a full disk, damaged data, a Chroma server and an Ollama server that come and go.

Each ends the same way: one clear line, the previous index still searchable, and a re-run (or the
next call, for servers) that works without a restart. Real processes, real Chroma, real models.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from rag import snapshot as snapshots
from rag.errors import StoreError
from rag.library import Library

from citation_checks import assert_citations_grounded
from conftest import SEEDS, make_settings
from test_cli import rag

INSTITUTE = "000_0ba56049ec9660b1.txt"
OTHERS = ("001_054a3ea104bf4a98.txt", "002_20b99271ad968f3b.txt")
ALL_PAPERS = 149
HADAMARD = "differential privacy on Hadamard manifolds"  # answered by a paper on the institute page


def one_line_error(out) -> str:
    assert out.returncode == 1, out.stdout
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def only_institute(seed_copy: Path) -> None:
    for other in OTHERS:
        (seed_copy / other).unlink()


def add_others(seed_copy: Path) -> None:
    for other in OTHERS:
        shutil.copyfile(SEEDS / other, seed_copy / other)


def institute_is_searchable(home, models_dir) -> None:
    """Through a fresh `rag` process: the 16-paper snapshot is in force and finds its own papers."""
    stats = json.loads(rag("stats", "--json", home=home, models_dir=models_dir).stdout)
    assert stats["papers"] == 16
    hits = json.loads(rag("search", HADAMARD, "-k", "3", "--json", home=home, models_dir=models_dir).stdout)
    assert hits and all(h["source"][0].endswith(INSTITUTE) for h in hits), "no vector of a killed run is visible"
    assert hits[0]["title"].startswith("Exponential-Wrapped Mechanisms")


# --- (a) SIGKILL mid-ingest ----------------------------------------------------------------------

def _wait_for(condition, process, what: str, timeout: float = 120) -> None:
    """Poll until `condition()` holds (state, not a fixed time); fail if the process ends first."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"ingest finished before {what}; the kill point needs to be earlier")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def test_sigkill_during_ingest_keeps_the_previous_snapshot(tmp_path, models_dir, seed_copy):
    from rag.lock import holder_pid

    home = tmp_path / "home"
    only_institute(seed_copy)
    rag("ingest", str(seed_copy), home=home, models_dir=models_dir)
    add_others(seed_copy)
    env = dict(os.environ, RAG_HOME=str(home), RAG_MODELS_DIR=str(models_dir))
    database = home / "chroma" / "chroma.sqlite3"
    # Kill points by state: the run holds the writer lock; it has stored a batch; it has stored another.
    for batches in (0, 1, 2):
        process = subprocess.Popen([sys.executable, "-m", "rag.cli", "ingest", str(seed_copy)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for(lambda: holder_pid(home) == process.pid, process, "it took the writer lock")
        for _ in range(batches):
            stamp = database.stat().st_mtime_ns
            _wait_for(lambda: database.stat().st_mtime_ns != stamp, process, "it stored a batch of vectors")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        institute_is_searchable(home, models_dir)
    done = json.loads(rag("ingest", str(seed_copy), "--json", home=home, models_dir=models_dir).stdout)
    assert done["papers"] == ALL_PAPERS and not done["errors"]
    assert 0 < done["embedded"] < done["chunks"], "batches stored by the killed runs are reused"
    stats = json.loads(rag("stats", "--json", home=home, models_dir=models_dir).stdout)
    assert stats["papers"] == ALL_PAPERS and stats["vectors"] == stats["chunks"]


# --- (b) disk full while publishing the snapshot ---------------------------------------------------

def test_disk_full_during_ingest_is_one_line_and_the_index_survives(settings, embedder, seed_copy, monkeypatch):
    only_institute(seed_copy)
    Library(settings, embedder=embedder).ingest([seed_copy])
    add_others(seed_copy)

    real_write_lines = snapshots.write_lines

    def full_disk(path, lines):
        if path.name == "chunks.jsonl":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real_write_lines(path, lines)

    monkeypatch.setattr(snapshots, "write_lines", full_disk)
    with pytest.raises(StoreError) as error:
        Library(settings, embedder=embedder).ingest([seed_copy])
    message = str(error.value)
    assert message.startswith("disk full or unwritable: ") and "chunks.jsonl" in message
    assert "run `rag ingest` again" in message and "\n" not in message
    root = snapshots.snapshot_root(settings.snapshots_dir, Library(settings, embedder=embedder).index_name)
    assert not [p for p in root.iterdir() if p.name.endswith(".tmp")], "the half-written folder is removed"

    survivor = Library(settings, embedder=embedder)
    assert len(survivor.snapshot.papers) == 16
    assert survivor.search(HADAMARD, k=1)[0].paper.title.startswith("Exponential-Wrapped")

    monkeypatch.setattr(snapshots, "write_lines", real_write_lines)
    done = Library(settings, embedder=embedder).ingest([seed_copy])
    assert done.papers == ALL_PAPERS and done.embedded == 0, "every vector was stored before the failed publish"


# --- (c) damaged store or snapshot -----------------------------------------------------------------

def _current_folder(home: Path) -> Path:
    [root] = (home / "snapshots").iterdir()
    return root / (root / "CURRENT").read_text().strip()


def _damage(home: Path, what: str) -> None:
    if what == "chroma":
        (home / "chroma" / "chroma.sqlite3").write_bytes(os.urandom(64 * 1024))
    elif what == "papers":
        (_current_folder(home) / "papers.jsonl").write_text('{"paper_id": "x", garbage\n\x00\x01\n')
    elif what == "pointer":
        [root] = (home / "snapshots").iterdir()
        (root / "CURRENT").write_text("gen-that-does-not-exist")


@pytest.mark.parametrize("what", ["chroma", "papers", "pointer"])
def test_damaged_data_is_reported_in_one_line_and_rebuild_recovers(home, models_dir, what):
    _damage(home, what)
    line = one_line_error(rag("search", "Hopfield networks", home=home, models_dir=models_dir, check=False))
    assert "damaged" in line or "cannot be opened" in line
    assert "rag ingest --rebuild" in line

    doctor = rag("doctor", "--json", home=home, models_dir=models_dir, check=False)
    assert doctor.returncode == 1
    failed = [c for c in json.loads(doctor.stdout) if c["status"] == "fail"]
    assert len(failed) == 1 and failed[0]["name"] in ("vector store", "index")
    assert failed[0]["fix"] == "rag ingest --rebuild"

    rebuilt = rag("ingest", "--rebuild", "--json", home=home, models_dir=models_dir)
    report = json.loads(rebuilt.stdout)
    assert report["papers"] == ALL_PAPERS and not report["errors"]
    if what == "chroma":
        assert report["store_moved_aside"] and Path(report["store_moved_aside"]).name.startswith("chroma.damaged-")
        assert Path(report["store_moved_aside"]).exists(), "the damaged folder is kept for inspection"
    hits = json.loads(rag("search", "Hopfield networks continuous states", "-k", "1", "--json", home=home,
                          models_dir=models_dir).stdout)
    assert hits[0]["title"] == "Hopfield Networks is All You Need"
    assert rag("doctor", "--json", home=home, models_dir=models_dir, check=False).returncode == 0


# --- (d) a Chroma server that goes away and comes back ---------------------------------------------

def _start_chroma(path: Path, port: int) -> subprocess.Popen:
    chroma = Path(sys.executable).with_name("chroma")
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
    process = subprocess.Popen([str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail("chroma run did not start within 60 s")


@pytest.mark.server
def test_chroma_server_gone_then_back_needs_no_restart(tmp_path, models_dir, embedder):
    from test_chroma_server import free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = _start_chroma(tmp_path / "server-data", port)
    try:
        library = Library(make_settings(tmp_path / "home", models_dir, chroma_url=url), embedder=embedder)
        library.ingest([SEEDS / INSTITUTE])
        assert library.search(HADAMARD, k=1)[0].paper.title.startswith("Exponential-Wrapped")

        server.terminate()
        server.wait(timeout=10)
        with pytest.raises(StoreError) as error:
            library.search(HADAMARD, k=1)
        message = str(error.value)
        assert "\n" not in message and url in message and "rag doctor" in message

        server = _start_chroma(tmp_path / "server-data", port)
        assert library.search(HADAMARD, k=1)[0].paper.title.startswith("Exponential-Wrapped"), \
            "the same Library works again once the server is back"
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- (e) Ollama stalls, then recovers --------------------------------------------------------------

QUESTION = "Which paper proposes Gaussian trust regions for PPO?"


def test_ollama_stall_gives_a_marked_partial_answer_then_the_next_question_works(seeded):
    from rag.answer import Answerer
    from rag.llm import EmbeddedLLM, OllamaLLM

    from ollama_server import OllamaTestServer

    with OllamaTestServer(EmbeddedLLM(), model="smollm2:135m") as server:
        answerer = Answerer(seeded, OllamaLLM("smollm2:135m", host=server.url, timeout=30, stall_timeout=2))
        server.stall_after_tokens = 3
        started = time.perf_counter()
        stalled = answerer.ask(QUESTION)
        assert time.perf_counter() - started < 20
        assert stalled.cut_off and not stalled.abstained
        assert stalled.answer.endswith("[answer cut off: the model stopped responding]")
        assert_citations_grounded(stalled)

        server.stall_after_tokens = None
        healthy = answerer.ask(QUESTION)
        assert not healthy.cut_off and healthy.answer and not healthy.abstained
        assert_citations_grounded(healthy)
        assert len(server.chat_requests()) == 2



HOLD_LOCK = """import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN EXCLUSIVE')
print('locked', flush=True)
time.sleep(60)
"""


def test_a_store_locked_by_another_process_fails_fast_with_the_reason(seeded_home, models_dir):
    database = seeded_home / "chroma" / "chroma.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(database)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        env = dict(os.environ, RAG_HOME=str(seeded_home), RAG_MODELS_DIR=str(models_dir))
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "rag.cli", "search", "Hopfield networks"], capture_output=True,
                             text=True, env=env, timeout=120)
        assert out.returncode == 1 and time.perf_counter() - started < 30
        assert len(out.stderr.strip().splitlines()) == 1
        assert "locked by another process" in out.stderr
    finally:
        holder.kill()
        holder.wait()
    env = dict(os.environ, RAG_HOME=str(seeded_home), RAG_MODELS_DIR=str(models_dir))
    again = subprocess.run([sys.executable, "-m", "rag.cli", "search", "Hopfield networks"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert again.returncode == 0 and "Hopfield" in again.stdout, "works again once the lock is gone"
