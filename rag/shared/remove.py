"""`rag remove` on a shared library: the papers or files leave the server's catalog, under the publishing lease.

Targets are resolved against the server's published catalog (rag/remove.py's rules), the reduced catalog is
published like an ingest's (rag/shared/ingest.py: embed any re-chunked passage, re-check the lease, replace
the pointer) and the vectors no passage uses any more are deleted after.
"""

from __future__ import annotations

from rag.config import Settings
from rag.embedding import Embedder
from rag.errors import NotIndexedError, QueryError
from rag.index import index_name
from rag.remove import RemoveReport, resolve
from rag.shared.ingest import publish_sources
from rag.shared.lease import Lease
from rag.shared.remote import RemoteLibrary, writer_id
from rag.snapshot import Snapshot, SourceState
from rag.store import VectorStore, connect


def remove_shared(targets: list[str], settings: Settings, embedder: Embedder, *, wait: bool = True) -> RemoveReport:
    if not targets:
        raise QueryError("name a paper id or a file to remove")
    name = index_name(settings, embedder.model_id)
    client, where, writer = connect(settings), settings.chroma_url or "the Chroma server", writer_id()
    remote, store = RemoteLibrary(client, name, where), VectorStore(client, name, where=where)
    with Lease(client, name, writer).acquire(wait=wait) as lease:
        server = remote.current()
        if server is None:
            raise NotIndexedError("the shared library is empty — nothing to remove")
        paths, ids = resolve(targets, Snapshot(index_name=name, params={}, sources=server.sources,
                                               papers=server.papers, chunks=server.chunks))
        report = RemoveReport(files=sorted(paths))
        report.papers = [p.title for p in server.papers if p.paper_id in ids or all(s.path in paths for s in p.sources)]
        sources = [SourceState(s.path, s.sha256, s.size, s.mtime_ns, s.format,
                               [p for p in s.papers if p.paper_id not in ids], s.parser_version)
                   for s in server.sources if s.path not in paths]
        published = publish_sources(sources, server, remote, store, lease, embedder, settings, writer)
    report.chunks_removed = len({c.chunk_id for c in server.chunks} - {c.chunk_id for c in published.chunks})
    report.vectors_deleted = published.deleted
    report.papers_left = len(published.papers)
    return report
