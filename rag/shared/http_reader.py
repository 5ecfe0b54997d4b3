"""A read-only Chroma client over plain HTTP: what a search of the shared library asks of the server.

Importing chromadb and building its HttpClient costs ~1 s of CPU on these machines, most of a cold `rag
search`'s start; a reader needs four calls of Chroma's REST API (v2): open a collection, get records by id,
query by vector, count. This client makes those with the standard library (one keep-alive connection per
thread) and answers with the same shapes as chromadb's Collection, so rag/store.py's VectorStore and
rag/shared/remote.py's readers use it unchanged. Anything that writes (ingest, remove, the lease) connects
with chromadb itself (rag/store.py `connect`).
"""

from __future__ import annotations

import http.client
import json
import threading
from typing import Any
from urllib.parse import quote, urlparse

from rag.errors import StoreError

API = "/api/v2/tenants/default_tenant/databases/default_database"
TIMEOUT_S = 30.0


class ChromaHTTPError(RuntimeError):
    """The server answered with an error (its message); one it cannot reach is a StoreError with the fix."""


class ReadClient:
    def __init__(self, url: str, timeout_s: float = TIMEOUT_S):
        self.url = url
        parsed = urlparse(url)
        self._secure = parsed.scheme == "https"
        self._host = parsed.hostname or "localhost"
        self._port = parsed.port or (443 if self._secure else 8000)
        self._timeout = timeout_s
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            kind = http.client.HTTPSConnection if self._secure else http.client.HTTPConnection
            connection = self._local.connection = kind(self._host, self._port, timeout=self._timeout)
        return connection

    def request(self, method: str, path: str, body: dict | None = None) -> Any:
        payload = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json"} if payload is not None else {}
        for attempt in range(2):  # a keep-alive connection the server closed meanwhile: reconnect once
            connection = self._connection()
            try:
                connection.request(method, API + path, body=payload, headers=headers)
                response = connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError, OSError) as exc:
                connection.close()
                self._local.connection = None
                if attempt == 1 or not isinstance(exc, (http.client.RemoteDisconnected, ConnectionResetError,
                                                        BrokenPipeError, http.client.CannotSendRequest)):
                    raise StoreError(f"no Chroma server at {self.url} ({exc or type(exc).__name__}) — start it with "
                                     f"`chroma run --path DIR --host {self._host} --port {self._port}` or unset "
                                     f"RAG_CHROMA_URL; `rag doctor` tells more") from exc
        if response.status >= 400:
            try:
                message = json.loads(data).get("message") or data.decode(errors="replace")
            except ValueError:
                message = data.decode(errors="replace")
            raise ChromaHTTPError(f"HTTP {response.status}: {str(message)[:200]}")
        return json.loads(data) if data else None

    def get_collection(self, name: str) -> "ReadCollection":
        found = self.request("GET", f"/collections/{quote(name, safe='')}")
        return ReadCollection(self, found["id"], found["name"], found.get("metadata"))

    def get_or_create_collection(self, name: str, **_ignored) -> "ReadCollection | EmptyCollection":
        """The collection, or an empty stand-in when the server has none by that name: a reader creates nothing."""
        try:
            return self.get_collection(name)
        except ChromaHTTPError as exc:
            if "HTTP 404" in str(exc) or "does not exist" in str(exc):
                return EmptyCollection(name)
            raise


class ReadCollection:
    def __init__(self, client: ReadClient, collection_id: str, name: str, metadata: dict | None):
        self._client, self.id, self.name, self.metadata = client, collection_id, name, metadata

    def _post(self, verb: str, body: dict) -> Any:
        return self._client.request("POST", f"/collections/{self.id}/{verb}", body)

    def count(self) -> int:
        return int(self._client.request("GET", f"/collections/{self.id}/count"))

    def get(self, ids: list[str] | None = None, where: dict | None = None, include: list[str] | None = None,
            limit: int | None = None, offset: int | None = None) -> dict:
        body = {"ids": ids, "where": where, "include": include if include is not None else ["documents", "metadatas"],
                "limit": limit, "offset": offset}
        got = self._post("get", {k: v for k, v in body.items() if v is not None})
        got["documents"] = got.get("documents") or [None] * len(got["ids"])
        got["metadatas"] = got.get("metadatas") or [None] * len(got["ids"])
        return got

    def query(self, query_embeddings, n_results: int = 10, where: dict | None = None,
              include: list[str] | None = None) -> dict:
        vectors = [[float(x) for x in vector] for vector in query_embeddings]
        body = {"query_embeddings": vectors, "n_results": n_results, "include": include or ["distances"]}
        if where is not None:
            body["where"] = where
        return self._post("query", body)


class EmptyCollection:
    """A collection the server does not have, as a reader sees it: no records."""

    def __init__(self, name: str):
        self.name, self.id, self.metadata = name, None, None

    def count(self) -> int:
        return 0

    def get(self, ids=None, where=None, include=None, limit=None, offset=None) -> dict:
        return {"ids": [], "documents": [], "metadatas": []}

    def query(self, query_embeddings, n_results=10, where=None, include=None) -> dict:
        return {"ids": [[]], "distances": [[]]}
