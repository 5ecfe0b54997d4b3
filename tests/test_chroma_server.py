"""The multi-machine path: a real `chroma run` server on a free loopback port."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from rag.errors import StoreError
from rag.library import Library

from conftest import SEEDS, make_settings

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
    process = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield url, process
    process.terminate()
    process.wait(timeout=10)


def test_ingest_and_search_through_a_chroma_server(chroma_server, tmp_path, models_dir, embedder):
    url, process = chroma_server
    settings = make_settings(tmp_path / "home", models_dir, chroma_url=url)
    library = Library(settings, embedder=embedder)
    report = library.ingest([SEEDS / "000_0ba56049ec9660b1.txt"])
    assert report.embedded == report.chunks > 16
    assert not settings.store_dir.exists(), "nothing is written to the embedded store"
    hits = library.search("differential privacy on Hadamard manifolds", k=3)
    assert hits[0].paper.title.startswith("Exponential-Wrapped Mechanisms")
    assert Library(settings, embedder=embedder).ingest([SEEDS / "000_0ba56049ec9660b1.txt"]).up_to_date

    process.terminate()
    process.wait(timeout=10)
    with pytest.raises(StoreError, match="no Chroma server at"):
        Library(settings, embedder=embedder).search("anything")


def test_a_bad_chroma_url_is_a_clear_error(tmp_path, models_dir, embedder):
    settings = make_settings(tmp_path / "home", models_dir, chroma_url="ftp://example")
    with pytest.raises(StoreError, match="bad Chroma URL"):
        Library(settings, embedder=embedder).ingest([SEEDS / "000_0ba56049ec9660b1.txt"])


def run_rag(args: list[str], home: Path, url: str, models_dir: Path) -> tuple[float, str]:
    env = dict(os.environ, RAG_HOME=str(home), RAG_CHROMA_URL=url, RAG_MODELS_DIR=str(models_dir))
    started = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).with_name("rag")), *args], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return time.perf_counter() - started, done.stdout


def test_a_second_machine_with_an_empty_home_reads_the_shared_library(chroma_server, tmp_path, models_dir, embedder):
    import json

    url, _ = chroma_server
    writer = Library(make_settings(tmp_path / "machine-a", models_dir, chroma_url=url), embedder=embedder)
    writer.ingest([SEEDS / "000_0ba56049ec9660b1.txt"])
    query = "differential privacy on Hadamard manifolds"
    expected = [(h.paper.paper_id, h.chunk.chunk_id) for h in writer.search(query, k=5)]

    home_b = tmp_path / "machine-b"  # nothing but the server's URL
    _, out = run_rag(["search", query, "-k", "5", "--json"], home_b, url, models_dir)
    assert [(h["paper_id"], h["chunk_id"]) for h in json.loads(out)] == expected
    _, out = run_rag(["papers", "--json"], home_b, url, models_dir)
    assert sorted(p["paper_id"] for p in json.loads(out)) == sorted(p.paper_id for p in writer.papers())
    _, out = run_rag(["doctor", "--json"], home_b, url, models_dir)
    shared = next(c for c in json.loads(out) if c["name"] == "shared library")
    assert shared["status"] == "ok" and f"{len(writer.papers())} papers" in shared["detail"]
    assert writer.snapshot.params["server_snapshot"] in shared["detail"]

    # A long-running reader (the UI) follows what another machine publishes: a removal, then an addition.
    reader = Library(make_settings(home_b, models_dir, chroma_url=url), embedder=embedder)
    gone = expected[0][0]
    assert any(p.paper_id == gone for p in reader.papers())
    from rag.remove import remove

    remove([gone], writer.settings, embedder)
    deadline = time.time() + 30
    while any(p.paper_id == gone for p in reader.papers()):
        assert time.time() < deadline, "the reader never saw the removal"
        time.sleep(0.2)
    assert all(h.paper.paper_id != gone for h in reader.search(query, k=5))
    writer.ingest([SEEDS / "001_054a3ea104bf4a98.txt"])
    grown = len(writer.papers())
    while len(reader.papers()) != grown:
        assert time.time() < deadline + 30, "the reader never saw the new papers"
        time.sleep(0.2)
