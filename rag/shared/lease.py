"""One publisher at a time across machines: a lease held as a Chroma collection on the server.

Creating a collection is atomic on the server (a second create of the same name fails), so the lease is
the collection `rag-lease-<index>`, created by its holder with {holder, expires} as metadata. Whoever
finds it taken waits, polling the lease record (state, not a fixed delay), until it is deleted or its
expiry has passed: a holder that died (kill -9, a laptop closed) loses it after `ttl_s`, and the next
writer deletes that stale lease — only if it is still the same collection it saw expire — and takes it.
Two writers stealing one stale lease at once can each believe they won, so the holder re-checks the
lease (`check`) just before it replaces the library pointer; the loser aborts before publishing. The
holder renews while it works; `ttl_s` must exceed the clocks' disagreement between machines.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rag.errors import RagError, StoreError

DEFAULT_TTL_S = 120.0
POLL_S = 0.1


class LeaseBusyError(RagError):
    """Another client is publishing to the shared library and we were asked not to wait (or waited too long)."""


class LeaseLostError(RagError):
    """Our lease expired and another client took it: nothing was published by us."""


def lease_name(index_name: str) -> str:
    return f"rag-lease-{index_name}"


class Lease:
    def __init__(self, client, index_name: str, holder: str, ttl_s: float = DEFAULT_TTL_S):
        self.client = client
        self.name = lease_name(index_name)
        self.holder = holder
        self.ttl_s = ttl_s
        self._collection_id = None

    def acquire(self, wait: bool = True, max_wait_s: float = 3600.0,
                on_wait: Callable[[str], None] | None = None) -> "Lease":
        deadline = time.monotonic() + max_wait_s
        told = False
        while True:
            try:
                collection = self.client.create_collection(self.name, embedding_function=None,
                                                           metadata=self._metadata())
                self._collection_id = collection.id
                return self
            except Exception as exc:  # "already exists" (ChromaError); anything else shows in the probe below
                created_error = exc
            seen = self._probe(created_error)
            if seen is None:
                continue  # released between our create and our look: try again at once
            collection_id, holder, expires = seen
            if expires < time.time():
                self._steal(collection_id)
                continue
            if not wait or time.monotonic() > deadline:
                raise LeaseBusyError(f"another client ({holder}) is publishing to the shared library — wait for it "
                                     f"to finish{'' if not wait else ' (waited ' + str(int(max_wait_s)) + ' s)'}")
            if on_wait and not told:
                on_wait(holder)
                told = True
            time.sleep(POLL_S)

    def _metadata(self) -> dict:
        return {"holder": self.holder, "expires": time.time() + self.ttl_s}

    def _probe(self, created_error: Exception):
        """(collection id, holder, expiry) of the lease now, None when there is none."""
        try:
            collection = self.client.get_collection(self.name)
        except Exception as exc:
            if "does not exist" in str(exc) or type(exc).__name__ == "NotFoundError":
                return None
            raise StoreError(f"cannot take the shared library's lease ({created_error}; then {exc})") from exc
        meta = collection.metadata or {}
        return collection.id, str(meta.get("holder", "?")), float(meta.get("expires", 0.0))

    def _steal(self, collection_id) -> None:
        """Delete an expired lease, unless it was replaced (by a new holder) since we looked."""
        seen = self._probe(RuntimeError("stale lease"))
        if seen is None or seen[0] != collection_id or seen[2] >= time.time():
            return
        try:
            self.client.delete_collection(self.name)
        except Exception:
            pass  # someone else removed it first; the next create decides

    def check(self) -> None:
        """LeaseLostError unless we still hold an unexpired lease (called right before publishing)."""
        seen = self._probe(RuntimeError("check"))
        if seen is None or seen[0] != self._collection_id or seen[1] != self.holder or seen[2] < time.time():
            raise LeaseLostError("this client's publishing lease expired and another client took it — nothing was "
                                 "published; run `rag ingest` again")

    def renew(self) -> None:
        self.check()
        self.client.get_collection(self.name).modify(metadata=self._metadata())

    def release(self) -> None:
        try:
            self.check()
        except LeaseLostError:
            return  # not ours any more: never delete another holder's lease
        self.client.delete_collection(self.name)

    def __enter__(self) -> "Lease":
        return self

    def __exit__(self, *exc) -> None:
        self.release()
