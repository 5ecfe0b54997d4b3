"""A writer to the shared library: this machine's files into the server's catalog, next to other writers.

1. Without the lease: read the server's catalog, parse this machine's new or changed files (a file whose
   content the catalog already holds, under any path, is not read again), register the vectors about to
   be added as pending (with an expiry), and embed them. Many clients do this at once.
2. Under the lease (rag/shared/lease.py): read the catalog again (others may have published meanwhile),
   merge this machine's sources into it (by path; a file whose content is already listed is not listed
   twice; papers are merged by paper id), chunk the merged papers, embed any passage still without a
   vector (papers merged across files get new header chunks), re-check the lease, publish.
3. Still under the lease: delete the vectors that are not live — those of the previous snapshot that this
   one dropped, our own pending ones that were not used, and those of writers whose registration expired
   (they died) — and clear our registration. Vectors of writers still at step 1 are spared.
A client killed at any point leaves the last published snapshot in force; its vectors are removed by
the next publisher once its registration expires.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from collections.abc import Callable, Sequence
from pathlib import Path

from rag.chunking import chunk_papers
from rag.config import Settings
from rag.embedding import Embedder
from rag.errors import StoreError
from rag.index import index_name
from rag.ingest import IngestReport, _embed_into, _refresh_sources, display_path, find_files
from rag.parsing import merge_papers
from rag.records import Chunk, Paper
from rag.shared.lease import DEFAULT_TTL_S, Lease
from rag.shared.remote import RemoteLibrary, ServerSnapshot, writer_id
from rag.snapshot import Snapshot, SourceState
from rag.store import VectorStore, connect

PENDING_TTL_S = 600.0  # a registration of vectors in flight lasts this long; renewed every REGISTER_EVERY chunks
REGISTER_EVERY = 256  # ~10 s of embedding on 2 cores: far inside the TTL


def ingest_shared(paths: Sequence[Path], settings: Settings, embedder: Embedder, *, rebuild: bool = False,
                  progress: bool = False, wait: bool = True, on_wait: Callable[[str], None] | None = None,
                  lease_ttl_s: float = DEFAULT_TTL_S, pending_ttl_s: float = PENDING_TTL_S) -> IngestReport:
    started = time.perf_counter()
    files = find_files(paths)
    name = index_name(settings, embedder.model_id)
    report = IngestReport(index_name=name)
    client = connect(settings)
    where = settings.chroma_url or "the Chroma server"
    remote, store = RemoteLibrary(client, name, where), VectorStore(client, name, where=where)
    writer = writer_id()

    server = remote.current()
    mine = _read_files(files, server, rebuild, report)
    if server is not None and not rebuild and not (report.files_added or report.files_changed) \
            and store.count() >= len(server.chunks):  # fewer vectors than passages: publish to restore them
        report.papers, report.chunks = len(server.papers), len(server.chunks)
        report.seconds = time.perf_counter() - started
        return report

    own_chunks = chunk_papers(merge_papers([p for s in mine for p in s.papers]), embedder.count_tokens,
                              settings.chunking)
    try:
        missing = _missing(store, own_chunks)
        registered = [c.chunk_id for c in own_chunks]
        papers_by_id = {p.paper_id: p for s in mine for p in s.papers}
        for start in range(0, max(len(missing), 1), REGISTER_EVERY):
            remote.set_pending(writer, registered, pending_ttl_s)  # before the vectors exist, renewed as we go
            _embed_into(store, missing[start : start + REGISTER_EVERY], papers_by_id, embedder, progress)
        report.embedded += len(missing)

        with Lease(client, name, writer, ttl_s=lease_ttl_s).acquire(wait=wait, on_wait=on_wait) as lease:
            server = remote.current()
            published = publish_sources(_merge_sources(server, mine), server, remote, store, lease, embedder,
                                        settings, writer, progress)
            report.embedded += published.embedded
            report.vectors_deleted = published.deleted
            report.papers, report.chunks = len(published.papers), len(published.chunks)
    except BaseException:
        with contextlib.suppress(StoreError):  # the error that stopped us is the one to report
            remote.clear_pending(writer)  # our vectors are then unregistered: the next publisher's full scan takes them
        raise
    remote.clear_pending(writer)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class Published:
    papers: list[Paper]
    chunks: list[Chunk]
    embedded: int
    deleted: int


def publish_sources(sources: list[SourceState], server: ServerSnapshot | None, remote: RemoteLibrary,
                    store: VectorStore, lease: Lease, embedder: Embedder, settings: Settings, writer: str,
                    progress: bool = False) -> Published:
    """Under the lease: chunk the sources' papers, embed what has no vector, publish, delete what is not live."""
    papers = merge_papers([p for s in sources for p in s.papers])
    chunks = chunk_papers(papers, embedder.count_tokens, settings.chunking)
    lease.renew()
    missing = _missing(store, chunks)
    _embed_into(store, missing, {p.paper_id: p for p in papers}, embedder, progress)
    lease.renew()
    remote.publish(sources, papers, chunks, writer, before_pointer=lease.check)
    deleted = _collect(remote, store, server, {c.chunk_id for c in chunks}, writer)
    return Published(papers, chunks, len(missing), deleted)


def _read_files(files: list[Path], server: ServerSnapshot | None, rebuild: bool,
                report: IngestReport) -> list[SourceState]:
    """This machine's files as sources: parsed when new or changed, kept as the catalog has them otherwise."""
    listed = {} if server is None else {s.path: s for s in server.sources}
    by_content = {} if server is None else {s.sha256: s for s in server.sources}
    previous = None if rebuild else Snapshot(index_name="", params={}, papers=[], chunks=[],
                                             sources=[listed[str(f)] for f in files if str(f) in listed])
    states = _refresh_sources(files, previous, report)
    fresh: list[SourceState] = []
    for state in states:
        if state.path not in listed and state.sha256 in by_content and not rebuild:
            report.files_added.remove(display_path(Path(state.path)))
            report.files_unchanged += 1  # the same file from another machine (or folder) is already in the library
            continue
        fresh.append(state)
    return fresh


def _merge_sources(server: ServerSnapshot | None, mine: list[SourceState]) -> list[SourceState]:
    merged = {} if server is None else {s.path: s for s in server.sources}
    contents = {s.sha256 for s in merged.values()}
    for state in mine:
        if state.path in merged or state.sha256 not in contents:
            merged[state.path] = state
            contents.add(state.sha256)
    return sorted(merged.values(), key=lambda s: s.path)


def _missing(store: VectorStore, chunks) -> list:
    have = store.existing_ids([c.chunk_id for c in chunks])
    return [c for c in chunks if c.chunk_id not in have]


def _collect(remote: RemoteLibrary, store: VectorStore, before: ServerSnapshot | None, live: set[str],
             writer: str) -> int:
    """Delete vectors nothing will use: dropped from the last snapshot, ours unused, dead writers' leftovers."""
    doomed = {c.chunk_id for c in before.chunks} - live if before is not None else set()
    now = time.time()
    spared: set[str] = set()
    for other, (expires, ids) in remote.pending().items():
        if other == writer or expires < now:
            doomed |= ids - live
            if other != writer:
                remote.clear_pending(other)
        else:
            spared |= ids
    doomed -= spared
    if store.count() > len(live) + len(spared) + len(doomed):  # vectors nobody registered (an older client)
        doomed |= store.existing_ids() - live - spared
    present = store.existing_ids(sorted(doomed))
    store.delete(present)
    return len(present)
