"""Hybrid retrieval: dense (exact in numpy, or Chroma's HNSW past a size) + BM25 + a metadata matcher, fused by
reciprocal rank fusion.

Filters narrow every retriever to the same set of papers. Hits are grouped by paper so one
paper's chunks cannot crowd out the rest. Only chunks of the published snapshot count: vectors
a killed ingest left behind are ignored.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from rag.config import Settings
from rag.dense import ExactIndex
from rag.embedding import Embedder
from rag.errors import QueryError
from rag.catalog import Catalog
from rag.catalog_query import catalog_hits
from rag.filters import Filters
from rag.records import Chunk, Hit, Paper
from rag.shared.lean import ByPaper, Headers, LeanSnapshot, Passages
from rag.snapshot import Snapshot
from rag.store import VectorStore
from rag.text import word_tokens

MAX_QUERY_CHARS = 2000


@dataclass
class RankedLists:
    dense: list[tuple[str, float]]
    sparse: list[str]
    metadata: list[str]


def rrf(rankings: list[list[str]], k: int) -> dict[str, float]:
    """Reciprocal rank fusion (Cormack, Clarke & Buettcher 2009): score(d) = sum over lists of 1 / (k + rank)."""
    scores: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] += 1.0 / (k + rank)
    return scores


class MemoryPassages(dict):
    """chunk id -> Chunk of a snapshot held whole in memory (a library on this machine), with the lookups search
    makes; rag/shared/lean.py's Passages answers the same for a shared library's copy without texts."""

    def __init__(self, snapshot: Snapshot):
        super().__init__((c.chunk_id, c) for c in snapshot.chunks)
        self.order: list[str] = [c.chunk_id for c in snapshot.chunks]
        self.header_ids = {c.paper_id: c.chunk_id for c in snapshot.chunks if c.kind == "header"}
        self._bm25 = snapshot.bm25()

    def paper_of(self, cid: str) -> str:
        return self[cid].paper_id

    def fetch(self, cids) -> dict[str, Chunk]:
        return {cid: self[cid] for cid in cids if cid in self}

    def sparse(self, query: str, allowed: set[str] | None, n: int) -> list[str]:
        tokens = word_tokens(query)
        if self._bm25 is None or not tokens:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
        if allowed is not None:
            mask = np.fromiter((self[c].paper_id in allowed for c in self.order), bool, len(scores))
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:n]
        return [self.order[i] for i in top if scores[i] > 0]


class Retriever:
    def __init__(self, settings: Settings, embedder: Embedder, snapshot: Snapshot | LeanSnapshot, store: VectorStore):
        self.settings = settings
        self.embedder = embedder
        self.snapshot = snapshot
        self.store = store
        # chunk id -> Chunk; for a shared library's copy the texts are fetched by id when a hit shows them
        self.chunks: MemoryPassages | Passages = snapshot.passages if isinstance(snapshot, LeanSnapshot) \
            else MemoryPassages(snapshot)
        self.papers: dict[str, Paper] = snapshot.papers_by_id
        self._headers = self.chunks.header_ids
        self._header_chunks: Mapping[str, Chunk] = Headers(self.chunks) if isinstance(self.chunks, Passages) \
            else {pid: self.chunks[cid] for pid, cid in self._headers.items()}
        self.names = Catalog.of(snapshot.papers).names  # the one author matcher, built once with the catalog
        self._exact: ExactIndex | None = None
        self._exact_lock = threading.Lock()  # UI threads searching at once read the vectors once

    @property
    def exact(self) -> ExactIndex | None:
        """The live passages' vectors for exact search (rag/dense.py), read on the first search of this snapshot
        (from its cached matrix, else from the store), not at start-up; None when the library is larger than `retrieval.exact_search_max_chunks`,
        or is a shared library's copy: it holds no vectors by design (~50 bytes per passage, rag/shared/lean.py)
        and pulling them over HTTP would cost ~1.5 KB per passage per reader, so the server's HNSW answers, one
        graph for every reader while the server runs."""
        if isinstance(self.snapshot, LeanSnapshot) or \
                self.snapshot.chunk_count > self.settings.retrieval.exact_search_max_chunks:
            return None
        with self._exact_lock:
            if self._exact is None:
                name = self.snapshot.name  # published snapshots only: a name is never reused, so the file never stales
                cache = self.settings.cache_dir / "dense" / f"{self.snapshot.index_name}-{name}.npy" if name else None
                self._exact = ExactIndex.load(self.store, self.snapshot.chunks, cache)
            return self._exact

    def nearest(self, vector: np.ndarray, n: int, paper_ids: set[str] | list[str] | None) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the `n` nearest live passages of these papers (None: all), best first: exact while
        the library is small enough, else Chroma's HNSW (vectors outside the published snapshot dropped)."""
        exact = self.exact
        if exact is not None:
            return exact.search(vector, n, paper_ids)
        found = self.store.query(vector, n, sorted(set(paper_ids)) if paper_ids is not None else None)
        return [(cid, s) for cid, s in found if cid in self.chunks]

    @cached_property
    def chunks_by_paper(self) -> Mapping[str, list[Chunk]]:
        if isinstance(self.chunks, Passages):
            return ByPaper(self.chunks)
        grouped: dict[str, list[Chunk]] = defaultdict(list)
        for chunk in self.snapshot.chunks:
            grouped[chunk.paper_id].append(chunk)
        return {pid: sorted(chunks, key=lambda c: c.position) for pid, chunks in grouped.items()}

    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> list[Hit]:
        query = check_query(query)
        k = k or self.settings.retrieval.k
        if k < 1:
            raise QueryError("k must be at least 1")
        filters = filters or Filters()
        listed = catalog_hits(query, self.snapshot.papers, filters, self._header_chunks, self.embedder)
        if listed is not None:  # a question about the papers' metadata: the complete list from the catalog
            return listed
        allowed = filters.paper_ids(self.snapshot.papers)  # None: no filter
        lists = self.rank(query, allowed)
        fused = self.fuse(lists)
        # No facet boost here: a topical word that looks like metadata ("latest", "sound") must not re-rank a
        # content question. Questions about the metadata are answered from the catalog (rag/planner.py).
        dense_rank = {cid: i for i, (cid, _) in enumerate(lists.dense, start=1)}
        dense_score = dict(lists.dense)
        sparse_rank = {cid: i for i, cid in enumerate(lists.sparse, start=1)}
        per_paper: dict[str, int] = defaultdict(int)
        chosen: list[tuple[str, float]] = []
        for cid, score in sorted(fused.items(), key=lambda item: (-item[1], item[0])):
            paper_id = self.chunks.paper_of(cid)
            if per_paper[paper_id] >= self.settings.retrieval.max_chunks_per_paper:
                continue
            per_paper[paper_id] += 1
            chosen.append((cid, score))
            if len(chosen) >= k:
                break
        texts = self.chunks.fetch([cid for cid, _ in chosen])  # one request for a shared library's copy
        return [Hit(rank=rank, chunk=texts[cid], paper=self.papers[texts[cid].paper_id], score=score,
                    dense_rank=dense_rank.get(cid), sparse_rank=sparse_rank.get(cid), dense_score=dense_score.get(cid))
                for rank, (cid, score) in enumerate(chosen, start=1)]

    # The stages, public so the eval baselines run the very lists the pipeline fuses. `allowed`: paper ids a
    # filter keeps (None: all); `n`: candidates per list (default: the retrieval settings').

    def rank(self, query: str, allowed: set[str] | None = None) -> RankedLists:
        """The three ranked lists fusion combines."""
        return RankedLists(dense=self.dense(query, allowed), sparse=self.sparse(query, allowed),
                           metadata=self.metadata(query, allowed))

    def fuse(self, lists: RankedLists) -> dict[str, float]:
        """chunk id -> reciprocal-rank-fusion score of the three lists."""
        return rrf([[cid for cid, _ in lists.dense], lists.sparse, lists.metadata], self.settings.retrieval.rrf_k)

    def dense(self, query: str, allowed: set[str] | None = None, n: int | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the nearest chunks of the published snapshot, best first."""
        return self.nearest(self.embedder.embed_query(query), n or self.settings.retrieval.candidates, allowed)

    def chunk_scores(self, query: str, paper_ids: list[str], n: int = 60) -> dict[str, float]:
        """Cosine of the query with the closest `n` chunks of these papers: one filtered vector search, so evidence
        can rank a long paper's passages by meaning without embedding them again (the query vector is cached)."""
        return dict(self.nearest(self.embedder.embed_query(query), n, set(paper_ids)))

    def named_papers(self, query: str) -> set[str]:
        """Papers by an author or organisation the query names."""
        return self.names.papers_named(query)

    def sparse(self, query: str, allowed: set[str] | None = None, n: int | None = None) -> list[str]:
        """Chunk ids by BM25 score (zero scores left out), best first."""
        return self.chunks.sparse(query, allowed, n or self.settings.retrieval.candidates)

    def metadata(self, query: str, allowed: set[str] | None = None) -> list[str]:
        """Header chunks of papers whose authors or organisation the query names, by how much of the name matched."""
        scored = self.names.word_scores(query)
        ranked = sorted((pid for pid in scored if allowed is None or pid in allowed), key=lambda p: (-scored[p], p))
        return [self._headers[pid] for pid in ranked if pid in self._headers]


def check_query(query: str) -> str:
    cleaned = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in query or "").strip()
    if not cleaned:
        raise QueryError("the question is empty — type a question or search terms")
    if len(cleaned) > MAX_QUERY_CHARS:
        raise QueryError(f"the question is {len(cleaned):,} characters long; the limit is {MAX_QUERY_CHARS:,} — shorten it")
    return cleaned
