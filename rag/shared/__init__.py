"""One library shared by a lab on a Chroma server: the server holds everything, each machine a cache.

- `remote.py`  the server's library: catalog snapshots and the published pointer in a meta collection.
- `lease.py`   one publisher at a time across machines: a lease record on the server, re-checked before publish.
- `ingest.py`  a writer: embed this machine's files, then merge with the server's catalog and publish under the lease.
- `cache.py`   a reader: the server's snapshot mirrored into RAG_HOME, keyed by the server's snapshot id.
- `sparse.py`  a BM25 index in memory-mapped shards, for libraries whose texts do not fit in a client's memory.
"""
