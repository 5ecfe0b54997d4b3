"""Take a paper or a whole file out of the library: its vectors, BM25 entries and catalog rows, in one snapshot.

Removal goes through the same publish path as ingest (rag/ingest.py, rag/snapshot.py,
rag/manifest.py) under the same writer lock: the manifest is written first, then the new snapshot
is published by the pointer swap, and only then are the vectors no live chunk uses deleted — so a
removal killed half-way leaves the previous library in force, never a half-removed one.

A file removed is forgotten: `rag ingest` no longer re-reads it. A paper removed from a page that
stays stays out while the page is unchanged; `rag ingest --rebuild` or an edited page brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rag import manifest as manifests
from rag import snapshot as snapshots
from rag.chunking import chunk_papers
from rag.config import Settings
from rag.embedding import Embedder
from rag.errors import NotIndexedError, QueryError
from rag.index import index_name, index_params
from rag.ingest import _embed_into, display_path
from rag.lock import writer_lock
from rag.parsing import merge_papers
from rag.snapshot import Snapshot, SourceState
from rag.store import open_store
from rag.text import word_tokens


@dataclass
class RemoveReport:
    files: list[str] = field(default_factory=list)
    papers: list[str] = field(default_factory=list)  # titles
    chunks_removed: int = 0
    vectors_deleted: int = 0
    papers_left: int = 0

    def to_json(self) -> dict:
        return {"files": self.files, "papers": self.papers, "chunks_removed": self.chunks_removed,
                "vectors_deleted": self.vectors_deleted, "papers_left": self.papers_left}


def resolve(targets: list[str], snapshot: Snapshot) -> tuple[set[str], set[str]]:
    """(source paths, paper ids) named by the targets; QueryError naming the first one that matches nothing."""
    paths, ids = set(), set()
    known_paths = {s.path for s in snapshot.sources}
    for target in targets:
        shown = display_path(Path(target).expanduser().absolute()) if Path(target).expanduser().exists() else target
        if target in known_paths or shown in known_paths:
            paths.add(target if target in known_paths else shown)
        elif any(p.paper_id == target for p in snapshot.papers):
            ids.add(target)
        else:
            raise QueryError(f"{target!r} is neither a paper id nor a file in the library — see `rag papers --json` "
                             "for ids and `rag stats` for files")
    return paths, ids


def remove(targets: list[str], settings: Settings, embedder: Embedder, *, wait: bool = True) -> RemoveReport:
    if not targets:
        raise QueryError("name a paper id or a file to remove")
    if settings.chroma_url:  # the shared library on the server (rag/shared/remove.py)
        from rag.shared.remove import remove_shared

        return remove_shared(targets, settings, embedder, wait=wait)
    with writer_lock(settings.home, wait=wait):
        name = index_name(settings, embedder.model_id)
        previous = snapshots.try_load(settings.snapshots_dir, name)
        if previous is None:
            raise NotIndexedError("the library is empty — nothing to remove")
        paths, ids = resolve(targets, previous)
        report = RemoveReport(files=sorted(paths))
        report.papers = [p.title for p in previous.papers if p.paper_id in ids or
                         all(s.path in paths for s in p.sources)]
        sources = [SourceState(s.path, s.sha256, s.size, s.mtime_ns, s.format,
                               [p for p in s.papers if p.paper_id not in ids], s.parser_version)
                   for s in previous.sources if s.path not in paths]
        papers = merge_papers([p for s in sources for p in s.papers])
        chunks = chunk_papers(papers, embedder.count_tokens, settings.chunking)
        store = open_store(settings, name)
        # A paper that was merged from two pages and lost one is re-chunked: embed any passage that is new.
        stored = store.existing_ids([c.chunk_id for c in chunks])
        _embed_into(store, [c for c in chunks if c.chunk_id not in stored], {p.paper_id: p for p in papers},
                    embedder, False)
        manifests.write(settings.home, manifests.entries_from(sources))
        params = index_params(settings, embedder.model_id) | {"papers": len(papers), "chunks": len(chunks)}
        snapshots.write(settings.snapshots_dir, Snapshot(index_name=name, params=params, sources=sources,
                                                         papers=papers, chunks=chunks),
                        [word_tokens(c.text) for c in chunks])
        live = {c.chunk_id for c in chunks}
        stale = {c.chunk_id for c in previous.chunks} - live
        store.delete(stale)
        report.chunks_removed = len(stale)
        report.vectors_deleted = len(stale)
        report.papers_left = len(papers)
        return report
