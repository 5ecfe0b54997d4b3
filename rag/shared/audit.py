"""What the shared library on a server holds, checked: for `rag doctor`, the team benchmark and the tests.

Counts the published snapshot (papers, chunks, who published it and when) and compares it with the
vectors: `orphans` are vectors no live passage uses and no running writer has registered, `missing` are
live passages without a vector. A healthy library has neither, no paper twice and no stale lease.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field

from rag.shared.lease import lease_name
from rag.shared.remote import RemoteLibrary
from rag.store import VectorStore


@dataclass
class LibraryAudit:
    where: str
    index_name: str
    published: bool
    snapshot: str = ""
    writer: str = ""
    published_at: str = ""
    papers: int = 0
    chunks: int = 0
    sources: int = 0
    vectors: int = 0
    duplicate_papers: list[str] = field(default_factory=list)  # titles listed more than once
    orphans: int = 0
    missing: int = 0
    writers_in_flight: list[str] = field(default_factory=list)
    lease_holder: str = ""

    @property
    def healthy(self) -> bool:
        return self.published and not (self.duplicate_papers or self.orphans or self.missing)

    def to_json(self) -> dict:
        return asdict(self) | {"healthy": self.healthy}


def audit(client, index_name: str, where: str) -> LibraryAudit:
    remote = RemoteLibrary(client, index_name, where)
    store = VectorStore(client, index_name, where=where)
    report = LibraryAudit(where=where, index_name=index_name, published=False, vectors=store.count())
    try:
        meta = client.get_collection(lease_name(index_name)).metadata or {}
        report.lease_holder = f"{meta.get('holder', '?')} (expires in {float(meta.get('expires', 0)) - time.time():.0f} s)"
    except Exception:  # no lease: nobody is publishing
        pass
    now = time.time()
    in_flight: set[str] = set()
    for writer, (expires, ids) in remote.pending().items():
        if expires >= now:
            report.writers_in_flight.append(writer)
            in_flight |= ids
    server = remote.current()
    if server is None:
        report.orphans = len(store.existing_ids() - in_flight)
        return report
    live = {c.chunk_id for c in server.chunks}
    stored = store.existing_ids()
    titles = Counter(p.title.casefold() for p in server.papers)
    report.published = True
    report.snapshot, report.writer = server.snapshot_id, str(server.pointer.get("writer", ""))
    report.published_at = str(server.pointer.get("published", ""))
    report.papers, report.chunks, report.sources = len(server.papers), len(server.chunks), len(server.sources)
    report.duplicate_papers = sorted(t for t, n in titles.items() if n > 1)
    report.orphans = len(stored - live - in_flight)
    report.missing = len(live - stored)
    return report
