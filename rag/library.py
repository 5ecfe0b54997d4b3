"""One researcher's library: the entry point the CLI, the UI and the eval harness share.

Everything heavy (the embedder, the Chroma client, the snapshot) is opened on first use, so a
command pays only for what it touches. A long-running process (UI, chat) sees the newest published
snapshot: each use of `snapshot` or `retriever` compares the CURRENT pointer (one small file read) with
the snapshot it holds, and loads the new one when another process has published since. A search in
progress keeps the snapshot it started with: everything in it was loaded eagerly.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rag import manifest as manifests
from rag import snapshot as snapshots
from rag.config import DEFAULT_SEEDS, Settings
from rag.embedding import Embedder, load_embedder
from rag.errors import NotIndexedError, StoreError
from rag.filters import Filters
from rag.index import index_name, index_params
from rag.records import Chunk, Hit, Paper
from rag.retrieve import Retriever
from rag.snapshot import Snapshot
from rag.shared.lean import LeanSnapshot
from rag.store import VectorStore, read_client

if TYPE_CHECKING:
    from rag.ingest import IngestReport

FOLLOW_SERVER_S = 2.0  # how often a long-running process asks the server whether another machine published


@dataclass(frozen=True)
class LibraryView:
    """What answering one question reads from the library, all from one snapshot (a publish mid-question cannot
    mix two): the answerer and the answerability assessor read this, never the retriever's insides."""

    papers: list[Paper]
    embedder: Embedder
    search: Callable[..., list[Hit]]
    chunks_by_paper: Mapping[str, list[Chunk]]
    chunk_scores: Callable[..., dict[str, float]]
    named_papers: Callable[[str], set[str]]
    bm25: Callable[[], object]


def missing_index_message(settings: Settings, name: str) -> str:
    """Why there is no snapshot for `name`, and the fix; a NotIndexedError when the library is simply empty."""
    listed = manifests.load(settings.home)
    if not listed.sources:
        raise NotIndexedError("nothing is indexed yet for these settings — run `rag ingest` (default: the seeds)")
    others = [p.name for p in settings.snapshots_dir.glob("papers-*") if p.name != name] \
        if settings.snapshots_dir.is_dir() else []
    if others:  # a new chunker, embedder or schema names a new index: nothing was lost
        return (f"the library's {listed.papers} papers were indexed with other settings (chunker, embedder or schema "
                f"changed) — run `rag ingest --rebuild` to index them with the current ones")
    return (f"the index is missing, but the library lists {listed.papers} papers from {len(listed.sources)} files — "
            f"run `rag ingest --rebuild` to restore it")


class Library:
    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        self._embedder = embedder
        self._snapshot: Snapshot | None = None
        self._retriever: Retriever | None = None
        self._reload = threading.Lock()  # UI threads may notice a new snapshot at once: load it once
        self._followed_at = float("-inf")
        self._store_seen: str | None = None  # the snapshot the store's vectors were last (re)opened for
        self._client = None  # read_client's, until the store takes it over

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.settings.models_dir, threads=self.settings.embed_threads)
        return self._embedder

    @property
    def index_name(self) -> str:
        return index_name(self.settings, self.embedder.model_id)

    def ingest(self, paths: Sequence[Path] = (), *, rebuild: bool = False, progress: bool = False,
               wait: bool = True, on_wait: Callable[[int | None], None] | None = None) -> IngestReport:
        if self.settings.chroma_url:  # the server's library is the one truth: merge into it (rag/shared/ingest.py)
            from rag.shared.ingest import ingest_shared

            report = ingest_shared(list(paths) or [DEFAULT_SEEDS], self.settings, self.embedder, rebuild=rebuild,
                                   progress=progress, wait=wait, on_wait=on_wait)
            self._snapshot = self._retriever = None
            self._followed_at = float("-inf")  # read the pointer we just published on the next use
            return report
        from rag.ingest import ingest  # parsers and chunker: a search never loads them

        if not paths and not (rebuild and manifests.load(self.settings.home).sources):
            paths = [DEFAULT_SEEDS]  # the default, except for a rebuild of a library that lists its own files
        report = ingest(list(paths), self.settings, self.embedder, rebuild=rebuild, progress=progress,
                        wait=wait, on_wait=on_wait)
        self._snapshot = self._retriever = None
        if report.store_moved_aside:
            self.__dict__.pop("store", None)  # its client held the store that was moved aside
        return report

    @property
    def snapshot(self) -> Snapshot:
        """The published snapshot, reloaded when CURRENT names a newer one."""
        self._follow_server()
        current = snapshots.current_name(self.settings.snapshots_dir, self.index_name)
        held = self._snapshot
        if held is not None and held.name == current:
            return held
        with self._reload:
            if self._snapshot is None or self._snapshot.name != current:
                self._snapshot = self._load_snapshot()
                self._retriever = None
            return self._snapshot

    def _follow_server(self) -> None:
        """With a server, mirror its published snapshot locally first (one pointer read per FOLLOW_SERVER_S)."""
        if self.settings.chroma_url and time.monotonic() >= self._followed_at + FOLLOW_SERVER_S:
            from rag.shared.cache import sync

            from rag.shared.remote import RemoteLibrary

            remote = RemoteLibrary(self.client, self.index_name, self.settings.chroma_url)
            sync(self.settings, self.index_name, index_params(self.settings, self.embedder.model_id), remote)
            self._followed_at = time.monotonic()

    def _load_snapshot(self) -> Snapshot | LeanSnapshot:
        try:
            snapshot = snapshots.load(self.settings.snapshots_dir, self.index_name)
        except NotIndexedError:
            raise StoreError(missing_index_message(self.settings, self.index_name)) from None
        except StoreError:
            if not self.settings.chroma_url:
                raise
            from rag.shared.cache import forget

            forget(self.settings, self.index_name)  # a damaged copy of the server's library: pull it again, once
            self._followed_at = float("-inf")
            self._follow_server()
            snapshot = snapshots.load(self.settings.snapshots_dir, self.index_name)
        snapshot.bind(self.store)  # a shared library's copy fetches passage texts from the server's documents
        return snapshot

    @property
    def client(self):
        """One client for reading: the server's catalog and its vectors through the same connection (a server is
        read over plain HTTP, rag/shared/http_reader.py; writers connect with chromadb themselves). Once the store
        is open, its current one: holding the first client here would keep a reopened store's old vectors in
        memory. Before (following a server), the store is not opened: a reader must not fix the collection before
        the server's library has been mirrored (it may not exist yet)."""
        if "store" in self.__dict__:
            return self.store.client
        if self._client is None:
            self._client = read_client(self.settings)
        return self._client

    @cached_property
    def store(self) -> VectorStore:
        client, self._client = self.client, None  # from now on the store holds the client
        return VectorStore(client, self.index_name, where=self.settings.chroma_url or str(self.settings.store_dir))

    @property
    def retriever(self) -> Retriever:
        snapshot = self.snapshot
        retriever = self._retriever
        if retriever is not None and retriever.snapshot is snapshot:
            return retriever
        with self._reload:
            if self._retriever is None or self._retriever.snapshot is not snapshot:
                if self._store_seen not in (None, snapshot.name):
                    # published since the store was opened (by another process, or this one's ingest): embedded
                    # Chroma serves a process the vectors it loaded at open, so HNSW search would silently miss the
                    # new passages and reading their vectors would fail (rag/store.py VectorStore.reopen)
                    self.store.reopen()
                self._store_seen = snapshot.name
                self._check_vectors(snapshot)
                self._retriever = Retriever(self.settings, self.embedder, snapshot, self.store)
            return self._retriever

    def _check_vectors(self, snapshot: Snapshot) -> None:
        """Fewer vectors than live passages means a store replaced or half rebuilt: searching it would give
        wrong papers without an error, so say so (one count per snapshot, cheap)."""
        have, live = self.store.count(), snapshot.chunk_count
        if have < live:
            raise StoreError(f"{live - have} of {live} passages have no vector in "
                             f"the store (an interrupted rebuild?) — run `rag ingest` to restore them")

    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> list[Hit]:
        return self.retriever.search(query, k=k, filters=filters)

    def view(self) -> LibraryView:
        r = self.retriever
        return LibraryView(papers=r.snapshot.papers, embedder=self.embedder, search=r.search,
                           chunks_by_paper=r.chunks_by_paper, chunk_scores=r.chunk_scores,
                           named_papers=r.named_papers, bm25=r.snapshot.bm25)

    def papers(self, filters: Filters | None = None, text: str | None = None) -> list[Paper]:
        papers = self.snapshot.papers
        allowed = (filters or Filters()).paper_ids(papers)
        if allowed is not None:
            papers = [p for p in papers if p.paper_id in allowed]
        if text:
            needle = text.casefold()
            papers = [p for p in papers if needle in p.title.casefold() or needle in p.abstract.casefold()]
        return papers

    def stats(self) -> dict:
        snap = self.snapshot
        tokens = np.asarray(snap.token_counts())
        by_format: dict[str, int] = {}
        for source in snap.sources:
            by_format[source.format] = by_format.get(source.format, 0) + len(source.papers)
        if not snap.sources:  # a shared library's reader copy holds no sources: the papers say where they were read
            for ref in (ref for paper in snap.papers for ref in paper.sources):
                by_format[ref.format] = by_format.get(ref.format, 0) + 1
        return {
            "index": self.index_name,
            "home": str(self.settings.home),
            "store": self.settings.chroma_url or str(self.settings.store_dir),
            "sources": len(snap.sources) or int(snap.params.get("sources", 0)),
            "papers": len(snap.papers),
            "papers_by_format": by_format,
            "chunks": snap.chunk_count,
            "vectors": self.store.count(),
            "chunk_tokens_max": int(tokens.max()) if len(tokens) else 0,
            "chunk_tokens_mean": round(float(tokens.mean()), 1) if len(tokens) else 0,
            "flagged_papers": sum(1 for p in snap.papers if p.flags),
            "created": snap.params.get("created"),
            "params": {k: v for k, v in snap.params.items() if k not in ("created", "sizes")},
        }
