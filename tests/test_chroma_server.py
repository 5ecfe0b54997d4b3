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
