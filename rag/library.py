"""One researcher's library: the entry point the CLI, the UI and the eval harness share.

Everything heavy (the embedder, the Chroma client, the snapshot) is opened on first use, so a
command pays only for what it touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

from rag import snapshot as snapshots
from rag.config import DEFAULT_SEEDS, Settings
from rag.embedding import Embedder, load_embedder
from rag.filters import Filters
from rag.index import index_name
from rag.ingest import IngestReport, ingest
from rag.records import Hit, Paper
from rag.retrieve import Retriever
from rag.snapshot import Snapshot
from rag.store import VectorStore, open_store


class Library:
    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        self._embedder = embedder

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = load_embedder(self.settings.models_dir, threads=self.settings.embed_threads)
        return self._embedder

    @property
    def index_name(self) -> str:
        return index_name(self.settings, self.embedder.model_id)

    def ingest(self, paths: Sequence[Path] = (), *, rebuild: bool = False, progress: bool = False) -> IngestReport:
        report = ingest(list(paths) or [DEFAULT_SEEDS], self.settings, self.embedder, rebuild=rebuild, progress=progress)
        self.__dict__.pop("snapshot", None)
        self.__dict__.pop("retriever", None)
        return report

    @cached_property
    def snapshot(self) -> Snapshot:
        return snapshots.load(self.settings.snapshots_dir, self.index_name)

    @cached_property
    def store(self) -> VectorStore:
        return open_store(self.settings, self.index_name)

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.settings, self.embedder, self.snapshot, self.store)

    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> list[Hit]:
        return self.retriever.search(query, k=k, filters=filters)

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
        tokens = [c.token_count for c in snap.chunks]
        by_format: dict[str, int] = {}
        for source in snap.sources:
            by_format[source.format] = by_format.get(source.format, 0) + len(source.papers)
        return {
            "index": self.index_name,
            "home": str(self.settings.home),
            "store": self.settings.chroma_url or str(self.settings.store_dir),
            "sources": len(snap.sources),
            "papers": len(snap.papers),
            "papers_by_format": by_format,
            "chunks": len(snap.chunks),
            "vectors": self.store.count(),
            "chunk_tokens_max": max(tokens, default=0),
            "chunk_tokens_mean": round(sum(tokens) / len(tokens), 1) if tokens else 0,
            "flagged_papers": sum(1 for p in snap.papers if p.flags),
            "created": snap.params.get("created"),
            "params": {k: v for k, v in snap.params.items() if k not in ("created",)},
        }
