"""The vector store: Chroma, embedded (PersistentClient) by default or a server when a URL is set.

Chroma never embeds anything itself here: collections are opened with no embedding function
and every call passes vectors, so its default model (fetched from the internet) is never used.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from rag.config import Settings
from rag.errors import StoreError
from rag.lock import is_read_only


def read_client(settings: Settings):
    """A client for searching: for a server, rag/shared/http_reader.py's (no chromadb import, ~1 s less CPU per
    process); for the embedded store, `connect`'s."""
    if settings.chroma_url:
        from rag.shared.http_reader import ReadClient

        _check_url(settings.chroma_url)
        return ReadClient(settings.chroma_url)
    # Chroma shares one system per folder within a process, holding the vectors it loaded when it was opened: a
    # Library started later in the same process (a UI reload, a long-running reader) would inherit that older
    # view and fail to read passages another process published since ("Error finding id"), with nothing to tell
    # it to reopen. A reading client is therefore always opened on the folder as it is now.
    _forget_system(str(settings.store_dir))
    return connect(settings)


def _check_url(chroma_url: str):
    url = urlparse(chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise StoreError(f"bad Chroma URL {chroma_url!r}: expected http://host:port")
    return url


def connect(settings: Settings):
    """A Chroma client for these settings; StoreError with the fix when it cannot be had."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = _check_url(settings.chroma_url)
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
            raise StoreError(
                f"no Chroma server at {settings.chroma_url} ({_first_line(exc)}) — start it with "
                f"`chroma run --path DIR --host {url.hostname} --port {url.port or 8000}` or unset RAG_CHROMA_URL"
            ) from exc
    if is_read_only(settings.store_dir):
        return chromadb.PersistentClient(path=str(read_only_copy(settings.store_dir)), settings=chroma_settings)
    settings.store_dir.mkdir(parents=True, exist_ok=True)
    check_not_locked(settings.store_dir)
    try:
        return chromadb.PersistentClient(path=str(settings.store_dir), settings=chroma_settings)
    except Exception as exc:
        raise StoreError(
            f"the Chroma store at {settings.store_dir} cannot be opened ({_first_line(exc)}) — "
            f"it is derived data: run `rag ingest --rebuild` to move it aside and rebuild it"
        ) from exc


def read_only_copy(store_dir: Path) -> Path:
    """A private temporary copy of a store on read-only storage (Chroma's SQLite cannot open read-only).

    Reads work and nothing is written to the original; the copy goes when the process exits.
    """
    if not (store_dir / "chroma.sqlite3").exists():
        raise StoreError(f"the data dir holding {store_dir} is read-only and has no index — run `rag ingest` "
                         f"with a writable --home")
    target = Path(tempfile.mkdtemp(prefix="rag-readonly-store-"))
    atexit.register(shutil.rmtree, target, True)
    try:
        shutil.copytree(store_dir, target, dirs_exist_ok=True)
    except OSError as exc:
        raise StoreError(f"the store at {store_dir} is on read-only storage and could not be copied to "
                         f"{target} to read it ({exc.strerror or exc}) — free space in the temp dir") from exc
    return target


LOCK_WAIT_S = 5.0


def check_not_locked(store_dir: Path, wait_s: float = LOCK_WAIT_S) -> None:
    """Fail in seconds, with the reason, when another process holds the store's database locked.

    Chroma itself would wait silently for as long as the other process holds the lock.
    """
    import sqlite3

    database = store_dir / "chroma.sqlite3"
    if not database.exists():
        return
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=wait_s)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:  # OperationalError (locked) and "file is not a database" alike
        if "readonly" in str(exc) or "read-only" in str(exc):
            return  # a hot journal left by a killed writer: a read-only probe cannot replay it, Chroma's open does
        if "locked" in str(exc):
            raise StoreError(f"the Chroma store at {store_dir} is locked by another process (an ingest still "
                             f"running?) — wait for it to finish or stop it, then try again") from exc
        raise StoreError(f"the Chroma store at {store_dir} cannot be read ({exc}) — it is derived data: "
                         f"run `rag ingest --rebuild` to move it aside and rebuild it") from exc


def move_aside(settings: Settings) -> Path:
    """Rename a damaged embedded store to chroma.damaged-<timestamp> so a rebuild starts clean; kept for inspection."""
    _forget_system(str(settings.store_dir))  # this process must not reuse a client opened on the damaged files
    target = settings.store_dir.with_name(f"{settings.store_dir.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    suffix = 1
    while target.exists():
        target, suffix = target.with_name(f"{target.name}-{suffix}"), suffix + 1
    try:
        settings.store_dir.rename(target)
    except OSError as exc:
        raise StoreError(f"cannot move the damaged Chroma store {settings.store_dir} aside ({exc.strerror or exc}) — "
                         f"remove that folder and run `rag ingest --rebuild`") from exc
    return target


def _forget_system(path: str) -> None:
    """Make the next client this process opens on the folder `path` load it afresh.

    Chroma shares one system per folder within a process and has no public way to refresh or drop one:
    `clear_system_cache` drops every folder's, and closing a client stops the system only when no other client in
    the process holds it. So this folder's one entry is popped from the cache (chromadb is pinned, so the private
    name is stable); collections opened before keep the system they were opened on, and it goes when they go."""
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient._identifier_to_system.pop(path, None)


class VectorStore:
    """One Chroma collection of chunk vectors, named after the index that built it.

    Every call that reaches Chroma turns its failures (a server gone, a damaged file) into StoreError.
    """

    def __init__(self, client, name: str, where: str = "the Chroma store"):
        self.name = name
        self.where = where
        self._client = client
        self._collection = self._open(client)

    def _open(self, client):
        try:
            return client.get_or_create_collection(name=self.name, embedding_function=None,
                                                   metadata={"hnsw:space": "cosine"})
        except Exception as exc:
            raise StoreError(f"cannot open Chroma collection {self.name!r} ({_first_line(exc)})") from exc

    @property
    def client(self):
        """The client this store reads through now (a new one after `reopen`): the one to use for anything else
        read from the same store, so no other holder keeps an older system's vectors in memory."""
        return self._client

    def reopen(self) -> bool:
        """Open the embedded store afresh; False for a server (its one process always sees every write).
        rag/library.py calls it when it takes up a snapshot another process published.

        Embedded Chroma keeps in memory the vectors it loaded when this process opened the folder: another
        process's later writes reach the shared SQLite catalog but not this process's vector segment, so reading
        a passage published since fails ("Error finding id") and HNSW search silently misses it. A new client on
        a forgotten system loads the folder as it is now (see `_forget_system`); this store then holds only it,
        so the old system's vector segment is freed once no one else holds it."""
        get_settings = getattr(self._client, "get_settings", None)
        chroma_settings = get_settings() if get_settings else None
        if chroma_settings is None or not chroma_settings.is_persistent:
            return False
        import chromadb

        _forget_system(chroma_settings.persist_directory)
        self._client = self._call("reopening the store", chromadb.PersistentClient,
                                  path=chroma_settings.persist_directory, settings=chroma_settings)
        self._collection = self._open(self._client)
        return True

    def _call(self, what: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"{what} failed at {self.where} ({_first_line(exc)}) — check that it is running and "
                             f"reachable; `rag doctor` tells more") from exc

    def count(self) -> int:
        return self._call("counting vectors", self._collection.count)

    def existing_ids(self, ids: Sequence[str] | None = None) -> set[str]:
        """Ids present in the collection (all, or those among `ids`)."""
        found: set[str] = set()
        if ids is None:
            offset, page = 0, 5000
            while True:
                got = self._call("listing vectors", self._collection.get, include=[], limit=page, offset=offset)
                found.update(got["ids"])
                if len(got["ids"]) < page:
                    return found
                offset += page
        for batch in _batches(list(ids), 5000):
            found.update(self._call("listing vectors", self._collection.get, ids=batch, include=[])["ids"])
        return found

    def vectors(self, ids: Sequence[str], batch: int = 1000) -> np.ndarray:
        """The stored vectors of `ids`, one float32 row per id in that order, read in batches (rag/dense.py holds
        them for exact search). StoreError when one has no vector: exact search would silently lose that passage.
        Passages another process published since this one opened the store are seen after `reopen`."""
        ids = list(ids)
        position = {cid: n for n, cid in enumerate(ids)}
        out: np.ndarray | None = None
        filled = np.zeros(len(ids), dtype=bool)
        for part in _batches(ids, batch):  # 1,000 read fastest at 100k vectors (eval/bench_search.py)
            got = self._call("reading vectors", self._collection.get, ids=part, include=["embeddings"])
            found = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), -1)
            if out is None and len(found):
                out = np.empty((len(ids), found.shape[1]), dtype=np.float32)  # one copy, filled in place
            # Chroma returns the found ids in its own order, not the order asked: place them by id
            at = np.fromiter((position[cid] for cid in got["ids"]), np.intp, len(got["ids"]))
            if out is not None:
                out[at] = found
            filled[at] = True
        if not filled.all():
            raise StoreError(f"{int((~filled).sum())} of {len(ids)} passages have no vector in {self.where} (e.g. "
                             f"{ids[int(np.argmin(filled))]}; an interrupted rebuild?) — run `rag ingest` to restore them")
        return out if out is not None else np.zeros((0, 0), dtype=np.float32)

    def add(self, ids: list[str], vectors: np.ndarray, documents: list[str], metadatas: list[dict]) -> None:
        self._call("adding vectors", self._collection.upsert, ids=ids, embeddings=vectors, documents=documents,
                   metadatas=metadatas)

    def documents(self, ids: Sequence[str]) -> dict[str, tuple[str, dict]]:
        """chunk id -> (stored text, metadata) for those of `ids` the collection holds: one request."""
        got = self._call("reading passages", self._collection.get, ids=list(ids), include=["documents", "metadatas"])
        return {cid: (doc or "", dict(meta or {})) for cid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"])}

    def delete(self, ids: Iterable[str]) -> None:
        for batch in _batches(list(ids), 5000):
            self._call("deleting vectors", self._collection.delete, ids=batch)

    def query(self, vector: np.ndarray, n: int, paper_ids: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) pairs, best first, optionally restricted to some papers."""
        if n <= 0 or (paper_ids is not None and not paper_ids):
            return []
        where: dict[str, Any] | None = None
        if paper_ids is not None:
            where = {"paper_id": {"$in": list(paper_ids)}}
        # Chroma 1.x returns what it has when asked for more (no count first: one round trip less per search)
        result = self._call("searching", self._collection.query, query_embeddings=[vector], n_results=n, where=where,
                            include=["distances"])
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(result["ids"][0], result["distances"][0])]


def _batches(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def open_store(settings: Settings, name: str) -> VectorStore:
    """The collection `name` in the configured store (server or embedded)."""
    return VectorStore(connect(settings), name, where=settings.chroma_url or str(settings.store_dir))
