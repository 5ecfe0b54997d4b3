"""A reader's copy of the shared library: the server's published snapshot mirrored under RAG_HOME.

The copy is an ordinary local snapshot (rag/snapshot.py: catalog, chunks, a bm25s index built here from
the server's chunk texts) in `settings.snapshots_dir`, which for a server is a folder of its own per
server URL. Its params record the server snapshot id it mirrors; `sync` compares that with the server's
pointer (one small read) and pulls the new snapshot when they differ, so an empty RAG_HOME fills itself on
first use and a long-running UI follows other machines' publishes. Processes of one machine share the
copy: the first to notice a new snapshot writes it, under the cache's own lock, the others wait and reuse it.
"""

from __future__ import annotations

import json

from rag import snapshot as snapshots
from rag.config import Settings
from rag.lock import writer_lock
from rag.shared.remote import RemoteLibrary, ServerSnapshot
from rag.snapshot import Snapshot
from rag.store import connect
from rag.text import word_tokens


def cached_server_snapshot(settings: Settings, index_name: str) -> str | None:
    """The server snapshot id the local copy mirrors, None when there is no (readable) copy."""
    try:
        name = snapshots.current_name(settings.snapshots_dir, index_name)
        if name is None:
            return None
        params = json.loads((snapshots.snapshot_root(settings.snapshots_dir, index_name) / name / "params.json").read_text())
        return params.get("server_snapshot")
    except (OSError, ValueError, Exception):  # a damaged copy is simply pulled again
        return None


def sync(settings: Settings, index_name: str, base_params: dict, remote: RemoteLibrary | None = None) -> str:
    """Make the local copy mirror the server's published snapshot; returns its id.

    NotIndexedError when the server's library is empty; StoreError when the server cannot be reached.
    """
    remote = remote or RemoteLibrary(connect(settings), index_name, settings.chroma_url or "the Chroma server")
    pointer = remote.pointer()
    if pointer is not None and cached_server_snapshot(settings, index_name) == pointer["snapshot"]:
        return str(pointer["snapshot"])
    server = remote.read()  # NotIndexedError for an empty library
    cache_home = settings.snapshots_dir.parent
    with writer_lock(cache_home):
        if cached_server_snapshot(settings, index_name) != server.snapshot_id:
            write_copy(settings, index_name, base_params, server)
    return server.snapshot_id


def write_copy(settings: Settings, index_name: str, base_params: dict, server: ServerSnapshot) -> None:
    params = base_params | {
        "papers": len(server.papers), "chunks": len(server.chunks), "server_snapshot": server.snapshot_id,
        "server_writer": str(server.pointer.get("writer", "")), "server_published": str(server.pointer.get("published", "")),
    }
    snapshot = Snapshot(index_name=index_name, params=params, sources=server.sources, papers=server.papers,
                        chunks=server.chunks)
    snapshots.write(settings.snapshots_dir, snapshot, [word_tokens(c.text) for c in server.chunks])
