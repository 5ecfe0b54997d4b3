"""One library shared by a lab on a Chroma server: the server holds everything, each machine a cache.

- `remote.py`  the server's library: catalog snapshots, the published pointer and writers' pending vectors
               in the `rag-meta` collection.
- `lease.py`   one publisher at a time across machines: a lease on the server, re-checked before publishing.
- `ingest.py`  a writer: embed this machine's files, then merge with the server's catalog and publish under the lease.
- `remove.py`  `rag remove` on the shared library, published the same way.
- `cache.py`   a reader: the server's snapshot mirrored into RAG_HOME, keyed by the server's snapshot id.
- `audit.py`   what the server holds, checked (papers once, orphan and missing vectors, lease, writers in flight).
- `doctor.py`  `rag doctor` checks for a server.
- `sparse.py`  a BM25 index in memory-mapped shards, for libraries whose texts do not fit in a client's memory.
"""
