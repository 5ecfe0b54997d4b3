"""A lab's shared library on one `chroma run` server: several machines (data dirs), writers at once, a writer killed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.library import Library
from rag.shared.audit import audit
from rag.shared.remote import RemoteLibrary
from rag.store import connect

from conftest import make_settings
from test_chroma_server import chroma_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.server

TOPICS = ["glacier melt", "coral bleaching", "soil carbon", "river deltas", "desert dunes", "cloud seeding",
          "tidal energy", "peat fires", "kelp forests", "ice cores", "monsoon onset", "urban heat", "aquifer depletion",
          "volcanic ash", "permafrost thaw", "sea spray", "dust storms", "mangrove loss"]


def write_paper(folder: Path, topic: str) -> Path:
    """A small plain-text paper whose title and body name its topic (so a search can find it)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{topic.replace(' ', '-')}.md"
    path.write_text(f"# Measuring {topic.title()} From Orbit\n\nWe study {topic} with satellite records from 2001 "
                    f"to 2020. The {topic} signal grows by a third over two decades. A simple model of {topic} "
                    f"explains most of the variance.\n")
    return path


def client_env(home: Path, url: str, models_dir: Path) -> dict:
    return dict(os.environ, RAG_HOME=str(home), RAG_CHROMA_URL=url, RAG_MODELS_DIR=str(models_dir),
                OMP_WAIT_POLICY="PASSIVE")


def rag_cli() -> str:
    return str(Path(sys.executable).with_name("rag"))


def server_state(settings, embedder):
    lib = Library(settings, embedder=embedder)
    client = connect(settings)
    return audit(client, lib.index_name, settings.chroma_url), RemoteLibrary(client, lib.index_name, "server").read()


def test_three_clients_ingesting_at_once_leave_every_paper_once(chroma_server, tmp_path, models_dir, embedder):
    url, _ = chroma_server
    shared = TOPICS[:2]
    folders = []
    for n in range(3):  # 3 machines, 6 papers each: 4 of their own + the same 2 files every machine has a copy of
        folder = tmp_path / f"machine-{n}" / "papers"
        for topic in TOPICS[2 + 4 * n : 6 + 4 * n] + shared:
            write_paper(folder, topic)
        folders.append(folder)
    clients = [subprocess.Popen([rag_cli(), "ingest", str(folder), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=client_env(folder.parent / "home", url, models_dir)) for folder in folders]
    # Meanwhile a reader reads the library again and again: every snapshot it sees is whole (digests hold) and
    # the library only grows (nobody removes anything).
    remote = RemoteLibrary(connect(make_settings(tmp_path / "watcher", models_dir, chroma_url=url)),
                           Library(make_settings(tmp_path / "watcher", models_dir), embedder=embedder).index_name, url)
    seen: list[int] = []
    while any(client.poll() is None for client in clients):
        snapshot = remote.current()
        seen.append(len(snapshot.papers) if snapshot else 0)
    outputs = [client.communicate(timeout=600) for client in clients]
    for client, (out, err) in zip(clients, outputs):
        assert client.returncode == 0, err[-2000:]
    reports = [json.loads(out) for out, _ in outputs]
    assert seen == sorted(seen) and len(set(seen)) >= 2, seen  # it saw publishes happen, never a step back
    assert sum(len(r["files_added"]) for r in reports) >= 14  # every client read its files (shared ones maybe twice)

    reader = make_settings(tmp_path / "empty-home", models_dir, chroma_url=url)
    state, published = server_state(reader, embedder)
    expected = {f"measuring {t} from orbit" for t in TOPICS[:14]}
    assert {p.title.casefold() for p in published.papers} == expected
    assert state.duplicate_papers == [] and state.papers == 14
    assert state.orphans == 0 and state.missing == 0 and state.vectors == state.chunks
    assert state.writers_in_flight == [] and state.lease_holder == ""
    assert len({s.sha256 for s in published.sources}) == len(published.sources) == 14  # shared files listed once

    library = Library(reader, embedder=embedder)
    for topic in (TOPICS[0], TOPICS[5], TOPICS[13]):
        assert library.search(f"{topic} from satellite records", k=3)[0].paper.title == f"Measuring {topic.title()} From Orbit"


def test_a_writer_killed_mid_ingest_leaves_the_library_usable(chroma_server, tmp_path, models_dir, embedder):
    url, _ = chroma_server
    first = make_settings(tmp_path / "a", models_dir, chroma_url=url)
    Library(first, embedder=embedder).ingest([write_paper(tmp_path / "a-papers", t) for t in TOPICS[:3]])
    before = [h.chunk.chunk_id for h in Library(first, embedder=embedder).search("coral bleaching satellite", k=3)]
    index = Library(first, embedder=embedder).index_name
    live = audit(connect(first), index, url).chunks

    # A writer with many papers, killed while its vectors are going in (registered for 1 s only)...
    many = [write_paper(tmp_path / "b-papers", f"{t} variant {n}") for n in range(8) for t in TOPICS[3:8]]
    script = ("import sys; from pathlib import Path; from rag.config import Settings; from rag.embedding import "
              "load_embedder; from rag.shared.ingest import ingest_shared; s = Settings.from_env(); "
              "ingest_shared([Path(sys.argv[1])], s, load_embedder(s.models_dir, threads=1), pending_ttl_s=1.0)")
    writer = subprocess.Popen([sys.executable, "-c", script, str(many[0].parent)], stderr=subprocess.PIPE,
                              env=client_env(tmp_path / "b", url, models_dir))
    deadline = time.time() + 300
    while audit(connect(first), index, url).vectors <= live:  # its first batch is stored
        assert writer.poll() is None and time.time() < deadline, "the writer ended before it stored any vector"
        time.sleep(0.1)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    # ...and a writer killed while it holds the publishing lease (for 2 s).
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from rag.config import Settings; from rag.store import "
                               "connect; from rag.shared.lease import Lease; Lease(connect(Settings.from_env()), "
                               "sys.argv[1], 'doomed', ttl_s=2.0).acquire(); print('held', flush=True); sys.stdin.read()",
                               index], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env=client_env(tmp_path / "c", url, models_dir))
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait()

    state = audit(connect(first), index, url)
    assert state.lease_holder.startswith("doomed") and state.papers == 3
    reader = Library(make_settings(tmp_path / "reader", models_dir, chroma_url=url), embedder=embedder)
    assert [h.chunk.chunk_id for h in reader.search("coral bleaching satellite", k=3)] == before  # still usable

    # The next writer waits out the dead lease, publishes, and clears the dead writer's vectors.
    report = Library(first, embedder=embedder).ingest([write_paper(tmp_path / "a-papers", TOPICS[8])])
    assert report.vectors_deleted > 0
    state = audit(connect(first), index, url)
    assert state.papers == 4 and state.orphans == 0 and state.missing == 0 and state.vectors == state.chunks
    assert state.lease_holder == "" and state.writers_in_flight == []


def test_the_publishing_lease_excludes_a_second_holder_until_it_expires(chroma_server, tmp_path, models_dir):
    from rag.shared.lease import Lease, LeaseBusyError, LeaseLostError

    url, _ = chroma_server
    client = connect(make_settings(tmp_path / "home", models_dir, chroma_url=url))
    first = Lease(client, "papers-test", "first", ttl_s=3.0).acquire()
    with pytest.raises(LeaseBusyError, match="first"):
        Lease(client, "papers-test", "second", ttl_s=30.0).acquire(wait=False)
    first.check()
    waited: list[str] = []
    second = Lease(client, "papers-test", "second", ttl_s=30.0).acquire(on_wait=waited.append)  # after first expires
    assert waited == ["first"]
    with pytest.raises(LeaseLostError):
        first.check()  # the expired holder learns it before publishing
    first.release()  # and releasing must not remove the new holder's lease
    second.check()
    second.release()
    Lease(client, "papers-test", "third").acquire(wait=False).release()
