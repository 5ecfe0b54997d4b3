"""A reader's copy of the shared library: the server's published snapshot mirrored under RAG_HOME.

The copy holds what search needs and no passage text (rag/shared/lean.py: the catalog, one row per passage,
the BM25 shards the writer published); for a snapshot published by an older writer, which lacks those, it is
an ordinary local snapshot (rag/snapshot.py, a bm25s index built here from the chunk texts). It lives in
`settings.snapshots_dir`, which for a server is a folder of its own per
server URL. Its params record the server snapshot id it mirrors; `sync` compares that with the server's
pointer (one small read) and pulls the new snapshot when they differ, so an empty RAG_HOME fills itself on
first use and a long-running UI follows other machines' publishes. Processes of one machine share the
copy: the first to notice a new snapshot writes it, under the cache's own lock, the others wait and reuse it.
"""

from __future__ import annotations

import json
import shutil
import time

from rag import snapshot as snapshots
from rag.config import Settings
from rag.errors import StoreError
from rag.lock import writer_lock
from rag.shared.reader_parts import READER_KINDS, has_reader_parts, write_reader_copy
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
    if pointer is not None and has_reader_parts(pointer):
        try:
            with writer_lock(settings.snapshots_dir.parent):
                if cached_server_snapshot(settings, index_name) != pointer["snapshot"]:
                    write_reader_copy_of(settings, index_name, base_params, remote, pointer)
        except StoreError:  # publishes dropped its parts while we read them: read the snapshot published now
            if remote.pointer() in (None, pointer):
                raise
            return sync(settings, index_name, base_params, remote)
        return str(pointer["snapshot"])
    server = remote.read()  # NotIndexedError for an empty library; a snapshot of an older writer: pull it whole
    with writer_lock(settings.snapshots_dir.parent):
        if cached_server_snapshot(settings, index_name) != server.snapshot_id:
            write_copy(settings, index_name, base_params, server)
    return server.snapshot_id


def forget(settings: Settings, index_name: str) -> None:
    """Drop the local copy's pointer (a damaged copy), so that the next `sync` pulls the snapshot again."""
    with writer_lock(settings.snapshots_dir.parent):
        (snapshots.snapshot_root(settings.snapshots_dir, index_name) / snapshots.POINTER).unlink(missing_ok=True)


def write_reader_copy_of(settings: Settings, index_name: str, base_params: dict, remote: RemoteLibrary,
                         pointer: dict) -> None:
    """The catalog, passage rows and BM25 shards of the pointer's snapshot, streamed into a new local folder;
    no passage text is pulled (rag/shared/lean.py fetches those by id)."""
    params = base_params | {
        "papers": int(pointer["papers"]), "chunks": int(pointer["chunks"]), "sources": int(pointer.get("sources", 0)),
        "server_snapshot": str(pointer["snapshot"]), "server_writer": str(pointer.get("writer", "")),
        "server_published": str(pointer.get("published", "")), "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    root = snapshots.snapshot_root(settings.snapshots_dir, index_name)
    name, tmp = snapshots.new_folder(root)
    try:
        write_reader_copy(tmp, {kind: remote.parts(pointer, kind) for kind in READER_KINDS}, params)
        snapshots.publish_folder(root, tmp, name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)  # a failed pull (digest, server gone) leaves the previous copy
        raise


def write_copy(settings: Settings, index_name: str, base_params: dict, server: ServerSnapshot) -> None:
    params = base_params | {
        "papers": len(server.papers), "chunks": len(server.chunks), "server_snapshot": server.snapshot_id,
        "server_writer": str(server.pointer.get("writer", "")), "server_published": str(server.pointer.get("published", "")),
    }
    snapshot = Snapshot(index_name=index_name, params=params, sources=server.sources, papers=server.papers,
                        chunks=server.chunks)
    snapshots.write(settings.snapshots_dir, snapshot, [word_tokens(c.text) for c in server.chunks])
