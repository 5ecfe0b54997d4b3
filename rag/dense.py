"""Exact dense search: the cosine of the query with every live passage's vector, in numpy.

Why not Chroma's HNSW for a library on this machine: below its `hnsw:sync_threshold` (1,000 adds) embedded
Chroma does not persist the graph and rebuilds it with several threads on every load, so the approximate
neighbours differ from process to process (three processes, three different top-50 lists for the same 130
questions; recall@50 against exact cosine 0.94 on the worst question). The same question was then answered
differently after a restart, and eval figures were not repeatable. Exact search is deterministic by
construction: one float32 matrix product over the same rows in the same order, ties broken by that order
(the snapshot's chunk order). It is cheap up to the size `retrieval.exact_search_max_chunks` says
(eval/bench_search.py measures it); past that, rag/retrieve.py keeps the HNSW index.

Reading the vectors out of Chroma costs ~25 µs each (~2.5-4 s CPU at 100k), once per process; the unit matrix is
then kept as one .npy file per published snapshot under the cache dir, so later processes map it in ~0.1 s. A
snapshot's name is never reused (a new publish is a new name), so the file cannot go stale; it is derived data,
rewritten from the store when it is missing or unreadable, and never written on read-only storage.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

# A filter keeping fewer rows than this share of the library scores just those rows (a gather, then a smaller
# product); a wider one scores every row and picks (no copy of most of the matrix per query).
GATHER_SHARE = 0.25


class ExactIndex:
    """Unit-norm float32 vectors of the live passages, one row per passage in the snapshot's chunk order."""

    def __init__(self, ids: Sequence[str], paper_ids: Sequence[str], matrix: np.ndarray, unit: bool = False):
        """Takes `matrix` over: a float32 one is normalised in place (no second 154 MB copy at 100k passages);
        `unit`: its rows are unit vectors already (a cached matrix, possibly a read-only memory map)."""
        if len(ids) != len(paper_ids) or len(ids) != len(matrix):
            raise ValueError(f"{len(ids)} ids, {len(paper_ids)} papers and {len(matrix)} vectors: they must pair up")
        self.ids = list(ids)
        self.matrix = matrix if unit else np.ascontiguousarray(matrix, dtype=np.float32)
        if len(self.matrix) and not unit:
            norms = np.linalg.norm(self.matrix, axis=1, keepdims=True)
            np.divide(self.matrix, np.where(norms > 0, norms, 1.0), out=self.matrix)
        papers = sorted(set(paper_ids))
        self._paper_index = {pid: n for n, pid in enumerate(papers)}
        self.paper_rows = np.fromiter((self._paper_index[p] for p in paper_ids), np.int32, len(paper_ids))
        # rows of each paper, ascending: paper n's rows are _by_paper[_bounds[n]:_bounds[n + 1]]
        self._by_paper = np.argsort(self.paper_rows, kind="stable")
        self._bounds = np.searchsorted(self.paper_rows[self._by_paper], np.arange(len(papers) + 1))

    @classmethod
    def load(cls, store, chunks: Iterable, cache: Path | None = None) -> "ExactIndex":
        """The vectors of these chunks (the snapshot's live passages, in its order): from `cache` (this snapshot's
        file) when it holds one row per chunk, else read from the store and written there for the next process."""
        chunks = list(chunks)
        ids, papers = [c.chunk_id for c in chunks], [c.paper_id for c in chunks]
        cached = _read(cache, len(ids)) if cache is not None else None
        if cached is not None:
            return cls(ids, papers, cached, unit=True)
        index = cls(ids, papers, store.vectors(ids))
        if cache is not None:
            _write(cache, index.matrix)
        return index

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        return int(self.matrix.nbytes + self.paper_rows.nbytes + self._by_paper.nbytes)

    def rows_of(self, paper_ids: Iterable[str]) -> np.ndarray:
        """Rows of these papers' passages, ascending (chunk order); unknown papers have none."""
        parts = [self._by_paper[self._bounds[n] : self._bounds[n + 1]]
                 for n in (self._paper_index.get(p) for p in set(paper_ids)) if n is not None]
        return np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.intp)

    def search(self, vector: np.ndarray, n: int, paper_ids: Iterable[str] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the `n` nearest passages, best first, of these papers (None: all); equal cosines
        keep chunk order, so the list depends on nothing but the vectors."""
        if n <= 0 or not len(self.ids):
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        norm = float(np.linalg.norm(query))
        query = query / norm if norm > 0 else query
        if paper_ids is None:
            rows, scores = None, self.matrix @ query
        else:
            rows = self.rows_of(paper_ids)
            if not len(rows):
                return []
            scores = self.matrix[rows] @ query if len(rows) < GATHER_SHARE * len(self.ids) else (self.matrix @ query)[rows]
        top = top_n(scores, n)
        chosen = top if rows is None else rows[top]
        return [(self.ids[r], float(s)) for r, s in zip(chosen.tolist(), scores[top].tolist())]


def _read(path: Path, rows: int) -> np.ndarray | None:
    """The cached unit matrix, memory-mapped (the page cache is shared by every process reading it); None when it
    is missing or not one float32 row per passage (a damaged file is simply rebuilt)."""
    try:
        matrix = np.load(path, mmap_mode="r")
    except (OSError, ValueError):
        return None
    ok = matrix.dtype == np.float32 and matrix.ndim == 2 and matrix.shape[0] == rows and matrix.flags.c_contiguous
    return matrix if ok else None


def _write(path: Path, matrix: np.ndarray) -> None:
    """Write the unit matrix whole or not at all (a temporary file renamed), then drop the files of this index's
    older snapshots; a failure (read-only storage, disk full) leaves search as it is: the cache only saves time."""
    index_name = path.name.rsplit("-gen-", 1)[0]
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as out:
            np.save(out, matrix)
        os.replace(temporary, path)
        for old in path.parent.glob(f"{index_name}-gen-*.npy"):
            if old != path:
                old.unlink(missing_ok=True)  # a process still searching an older snapshot keeps its mapping
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def top_n(scores: np.ndarray, n: int) -> np.ndarray:
    """Positions of the `n` highest scores, highest first, equal scores by position: a partial selection (no full
    sort of a large library), widened to every score tied with the n-th so the tie-break sees all of them."""
    if n < len(scores):
        cut = scores[np.argpartition(-scores, n - 1)[n - 1]]
        candidates = np.flatnonzero(scores >= cut)
    else:
        candidates = np.arange(len(scores))
    order = np.lexsort((candidates, -scores[candidates]))  # last key first: score descending, then position
    return candidates[order][:n]
