"""The server's library: catalog snapshots and the published pointer, stored in a Chroma meta collection.

Everything a reader needs lives on the server, beside the vectors:
- `<index>/snap/<id>/<kind>/<n>` records hold a snapshot's sources, papers and chunks as JSON lines
  (split into parts of about PART_CHARS characters; documents of a 1-d dummy vector, since Chroma
  records need one);
  Besides these (which writers read), a snapshot carries what a reader needs and nothing more
  (rag/shared/reader_parts.py): the catalog without full texts, one short line per passage, and the BM25
  index in shards; a reader fetches passage texts by id from the vectors' documents when it shows them;
- `<index>/pointer` names the published snapshot, its writer, time, counts, part counts and digests.
A snapshot's parts are all written before the pointer is replaced (one record upsert, atomic on the
server), so a reader never sees a half-published snapshot; it checks every kind against the pointer's
digest. The previous KEEP_PREVIOUS snapshots' parts are kept for readers that read the old pointer.
- `<index>/pending/<writer>` records list the vectors a writer is adding before it publishes, with an
  expiry: a publisher's clean-up spares them, and removes those of a writer that died (expired).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
import uuid
from dataclasses import dataclass

from collections.abc import Iterator

from rag.errors import NotIndexedError, StoreError
from rag.records import Chunk, Paper
from rag.shared.reader_parts import reader_texts
from rag.snapshot import SourceState

META_COLLECTION = "rag-meta"
PART_CHARS = 1_000_000
KEEP_PREVIOUS = 2
KINDS = ("sources", "papers", "chunks")
FETCH_PARTS = 8  # parts per get: a million-passage snapshot is never one response
_DUMMY = [0.0]


def writer_id() -> str:
    """Who writes: host, pid and a random tag (two clients on one host, or a pid reused, stay apart)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class ServerSnapshot:
    snapshot_id: str
    pointer: dict
    sources: list[SourceState]
    papers: list[Paper]
    chunks: list[Chunk]


class RemoteLibrary:
    """One index's catalog on one server. Failures reaching Chroma become StoreError."""

    def __init__(self, client, index_name: str, where: str):
        self.index_name = index_name
        self.where = where
        self._meta = self._call("opening the library's catalog", client.get_or_create_collection,
                                name=META_COLLECTION, embedding_function=None)

    def _call(self, what: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise  # already says what failed and the fix (no server at the URL)
        except Exception as exc:
            line = (str(exc).strip() or type(exc).__name__).splitlines()[0][:200]
            raise StoreError(f"{what} failed at {self.where} ({line}) — check that the Chroma server is running "
                             f"and reachable; `rag doctor` tells more") from exc

    def _key(self, *parts: str) -> str:
        return "/".join((self.index_name, *parts))

    # --- reading ------------------------------------------------------------------------------------

    def pointer(self) -> dict | None:
        """The published pointer's fields, None when nothing was ever published for this index."""
        got = self._call("reading the library pointer", self._meta.get, ids=[self._key("pointer")],
                         include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else None

    def read(self, pointer: dict | None = None) -> ServerSnapshot:
        """The snapshot the pointer names (read now when not given); NotIndexedError when there is none.

        Reading the pointer now, a publish that drops the snapshot's parts while we read them is survived by
        reading the pointer once more.
        """
        current = pointer or self.pointer()
        if current is None:
            raise NotIndexedError(f"the library on {self.where} is empty — run `rag ingest` (default: the seeds) "
                                  f"with this --chroma-url")
        try:
            return self._read(current)
        except StoreError:
            if pointer is not None or (again := self.pointer()) in (None, current):
                raise
            return self._read(again)

    def _read(self, pointer: dict) -> ServerSnapshot:
        sid = str(pointer["snapshot"])
        text = {kind: "".join(self.parts(pointer, kind)) for kind in KINDS}
        return ServerSnapshot(
            snapshot_id=sid, pointer=pointer,
            sources=[SourceState.from_json(json.loads(line)) for line in text["sources"].splitlines() if line],
            papers=[Paper.model_validate_json(line) for line in text["papers"].splitlines() if line],
            chunks=[Chunk.model_validate_json(line) for line in text["chunks"].splitlines() if line],
        )

    def parts(self, pointer: dict, kind: str) -> Iterator[str]:
        """The parts of one kind of the pointer's snapshot, in order, FETCH_PARTS per request; StoreError after the
        last one when a part is missing or the whole fails its digest (a consumer writes to a temporary place)."""
        sid, count = str(pointer["snapshot"]), int(pointer[f"parts_{kind}"])
        digest = hashlib.sha256()
        for start in range(0, count, FETCH_PARTS):
            keys = [self._key("snap", sid, kind, f"{n:05d}") for n in range(start, min(count, start + FETCH_PARTS))]
            got = self._call("reading the library catalog", self._meta.get, ids=keys, include=["documents"])
            by_id = dict(zip(got["ids"], got["documents"]))
            if any(k not in by_id for k in keys):
                raise StoreError(f"the library snapshot {sid} on {self.where} is missing parts — run `rag ingest` "
                                 f"again from any client to publish a whole one")
            for key in keys:
                digest.update(by_id[key].encode())
                yield by_id[key]
        if digest.hexdigest() != pointer[f"digest_{kind}"]:
            raise StoreError(f"the library snapshot {sid} on {self.where} fails its checksum ({kind}) — run "
                             f"`rag ingest` again from any client to publish a whole one")

    def current(self) -> ServerSnapshot | None:
        try:
            return self.read()
        except NotIndexedError:
            return None

    # --- publishing (the caller holds the lease) ------------------------------------------------------

    def publish(self, sources: list[SourceState], papers: list[Paper], chunks: list[Chunk], writer: str,
                before_pointer=lambda: None) -> str:
        """Write a new snapshot's parts, call before_pointer() (the lease re-check), then replace the pointer."""
        sid = f"gen-{time.time_ns()}-{os.getpid()}"
        texts = {
            "sources": "".join(json.dumps(s.to_json()) + "\n" for s in sources),
            "papers": "".join(p.model_dump_json() + "\n" for p in papers),
            "chunks": "".join(c.model_dump_json() + "\n" for c in chunks),
        } | reader_texts(papers, chunks)
        pointer: dict = {"snapshot": sid, "writer": writer, "published": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                         "papers": len(papers), "chunks": len(chunks), "sources": len(sources)}
        for kind, text in texts.items():
            parts = _split(text)
            for start in range(0, len(parts), 16):
                batch = parts[start : start + 16]
                self._call("writing the library catalog", self._meta.upsert,
                           ids=[self._key("snap", sid, kind, f"{start + n:05d}") for n in range(len(batch))],
                           embeddings=[_DUMMY] * len(batch), documents=batch,
                           metadatas=[{"index": self.index_name, "snapshot": sid}] * len(batch))
            pointer[f"parts_{kind}"] = len(parts)
            pointer[f"digest_{kind}"] = hashlib.sha256(text.encode()).hexdigest()
        before_pointer()
        history = self._history()
        self._call("publishing the library pointer", self._meta.upsert, ids=[self._key("pointer")],
                   embeddings=[_DUMMY], documents=[json.dumps(pointer)], metadatas=[pointer])
        self._set_history((history + [sid])[-(KEEP_PREVIOUS + 1):])
        for old in history[: max(0, len(history) - KEEP_PREVIOUS)]:
            self._drop_snapshot(old)
        return sid

    def _history(self) -> list[str]:
        got = self._call("reading the library history", self._meta.get, ids=[self._key("history")],
                         include=["documents"])
        return json.loads(got["documents"][0]) if got["ids"] else []

    def _set_history(self, sids: list[str]) -> None:
        self._call("writing the library history", self._meta.upsert, ids=[self._key("history")],
                   embeddings=[_DUMMY], documents=[json.dumps(sids)], metadatas=[{"index": self.index_name}])

    def _drop_snapshot(self, sid: str) -> None:
        self._call("removing an old library snapshot", self._meta.delete,
                   where={"$and": [{"index": self.index_name}, {"snapshot": sid}]})

    # --- vectors in flight ------------------------------------------------------------------------------

    def set_pending(self, writer: str, chunk_ids: list[str], ttl_s: float) -> None:
        """Declare the vectors `writer` is about to add (before adding them), valid for ttl_s."""
        self._call("registering vectors in flight", self._meta.upsert, ids=[self._key("pending", writer)],
                   embeddings=[_DUMMY], documents=[json.dumps(sorted(chunk_ids))],
                   metadatas=[{"index": self.index_name, "kind": "pending", "writer": writer,
                               "expires": time.time() + ttl_s}])

    def clear_pending(self, writer: str) -> None:
        self._call("clearing vectors in flight", self._meta.delete, ids=[self._key("pending", writer)])

    def pending(self) -> dict[str, tuple[float, set[str]]]:
        """writer -> (expiry time, chunk ids) for every registration on this index."""
        got = self._call("reading vectors in flight", self._meta.get,
                         where={"$and": [{"index": self.index_name}, {"kind": "pending"}]},
                         include=["documents", "metadatas"])
        return {str(meta["writer"]): (float(meta["expires"]), set(json.loads(doc)))
                for doc, meta in zip(got["documents"], got["metadatas"])}


def _split(text: str) -> list[str]:
    """Whole lines, about PART_CHARS characters per part; one empty part for an empty text."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.splitlines(keepends=True):
        if size + len(line) > PART_CHARS and current:
            parts.append("".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line)
    parts.append("".join(current))
    return parts
