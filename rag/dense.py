"""Exact dense search: the cosine of the query with every live passage's vector, in numpy.

Why not Chroma's HNSW for a library on this machine: below its `hnsw:sync_threshold` (1,000 adds) embedded
Chroma does not persist the graph and rebuilds it with several threads on every load, so the approximate
neighbours differ from process to process (three processes, three different top-50 lists for the same 130
questions; recall@50 against exact cosine 0.94 on the worst question). The same question was then answered
differently after a restart, and eval figures were not repeatable. Exact search is deterministic by
construction: one float32 matrix product over the same rows in the same order, ties broken by that order
(the snapshot's chunk order). It is cheap up to the size `retrieval.exact_search_max_chunks` says
(eval/bench_search.py measures it); past that, rag/retrieve.py keeps the HNSW index.

Reading the vectors out of Chroma costs ~25 µs each (~2.5-4.7 s CPU at 100k), so the unit matrix is kept per
published snapshot under the cache dir (<index>-<snapshot>.npy and its row ids, .ids): later processes map it in
~0.1 s, and the first search after a publish reads from Chroma only the passages the previous snapshot's file
lacks. A snapshot's name is never reused (a new publish is a new name) and the ids are checked row by row, so the
file cannot go stale; it is derived data, rebuilt when missing or unreadable, never written on read-only storage.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from rag.snapshot import _GENERATION  # the one spelling of a snapshot's name

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
        self.matrix = matrix if unit else unit_rows(np.ascontiguousarray(matrix, dtype=np.float32))
        papers = sorted(set(paper_ids))
        self._paper_index = {pid: n for n, pid in enumerate(papers)}
        self.paper_rows = np.fromiter((self._paper_index[p] for p in paper_ids), np.int32, len(paper_ids))
        # rows of each paper, ascending: paper n's rows are _by_paper[_bounds[n]:_bounds[n + 1]]
        self._by_paper = np.argsort(self.paper_rows, kind="stable")
        self._bounds = np.searchsorted(self.paper_rows[self._by_paper], np.arange(len(papers) + 1))

    @classmethod
    def load(cls, store, chunks: Iterable, cache: Path | None = None) -> "ExactIndex":
        """The vectors of these chunks (the snapshot's live passages, in its order): from `cache` (this snapshot's
        file) when it holds exactly these rows; else the rows an older snapshot's file holds plus the rest read from
        the store, written to `cache` for the next process."""
        chunks = list(chunks)
        ids, papers = [c.chunk_id for c in chunks], [c.paper_id for c in chunks]
        if cache is None:
            return cls(ids, papers, store.vectors(ids))
        cached = _read(cache)
        if cached is not None and cached[0] == ids:
            return cls(ids, papers, cached[1], unit=True)
        matrix = _from_previous(cache, ids, store)
        if _write(cache, ids, matrix):
            written = _read(cache)  # mapped: its pages are the page cache's, shared and evictable, not this process's
            if written is not None and written[0] == ids:
                matrix = written[1]
        return cls(ids, papers, matrix, unit=True)

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
            rows, scores = None, cosines(self.matrix, query)
        else:
            rows = self.rows_of(paper_ids)
            if not len(rows):
                return []
            scores = cosines(self.matrix[rows], query) if len(rows) < GATHER_SHARE * len(self.ids) \
                else cosines(self.matrix, query)[rows]
        top = top_n(scores, n)
        chosen = top if rows is None else rows[top]
        return [(self.ids[r], float(s)) for r, s in zip(chosen.tolist(), scores[top].tolist())]


def cosines(matrix: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Each row's dot product with `query`, summed the same way whatever the row's position, the thread count or
    whether the rows were gathered first: `matrix @ query` goes through BLAS gemv, whose blocking (and so the
    low bits, and so ties and order) depends on all three. einsum's plain loop costs about the same CPU at 100k."""
    return np.einsum("ij,j->i", matrix, query)


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Each row divided by its length, in place (a zero row stays zero). Row by row, so a row comes out the same
    bits whether read with the whole library or alone after a publish."""
    if len(matrix):
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        np.divide(matrix, np.where(norms > 0, norms, 1.0), out=matrix)
    return matrix


def _read(path: Path) -> tuple[list[str], np.ndarray] | None:
    """(row ids, unit matrix) of a cache file, the matrix memory-mapped (the page cache is shared by every process
    reading it); None when missing or damaged (it is then rebuilt)."""
    try:
        listed = path.with_suffix(".ids").read_text("utf-8").split("\n")
        matrix = np.load(path, mmap_mode="r")
    except (OSError, ValueError, EOFError, UnicodeDecodeError):  # np.load of a 0-byte file raises EOFError
        return None
    fits = matrix.dtype == np.float32 and matrix.ndim == 2 and matrix.flags.c_contiguous and len(matrix) == len(listed)
    return (listed, matrix) if fits else None


def _from_previous(path: Path, ids: list[str], store) -> np.ndarray:
    """The unit matrix of `ids`: rows the newest older snapshot's file of this index holds are copied (a publish
    adds or removes a few papers), the rest read from the store."""
    found = next(filter(None, map(_read, reversed(_older(path, ".npy")))), None)  # one removed meanwhile: the next
    if found is None or not len(found[1]):
        return unit_rows(store.vectors(ids))
    where = {cid: n for n, cid in enumerate(found[0])}
    previous = found[1]
    at = np.fromiter((where.get(cid, -1) for cid in ids), np.intp, len(ids))
    kept = at >= 0
    matrix = np.asarray(previous).take(np.where(kept, at, 0), axis=0)  # one new matrix, no N x d temporary
    missing = np.flatnonzero(~kept)  # their placeholder rows (row 0) are overwritten here
    if len(missing):
        matrix[missing] = unit_rows(store.vectors([ids[n] for n in missing]))
    return matrix


def _index_of(path: Path) -> str:
    return path.name.rsplit("-gen-", 1)[0]


def _generation(path: Path, index: str) -> int | None:
    """The publish number in a cache file's name (<index>-gen-<n>-<time>.<suffix>), as rag/snapshot.py reads a
    snapshot folder's; None for any other file. Numbers, not mtimes: another process may remove a file between
    listing and stat, and a file written later may belong to an older snapshot."""
    rest = path.name[len(index) + 1 :] if path.name.startswith(f"{index}-") else ""
    found = _GENERATION.match(rest)
    return int(found.group(1)) if found and rest[found.end() :] in (".npy", ".ids") else None


def _older(path: Path, suffix: str = "") -> list[Path]:
    """This index's cache files of snapshots older than `path`'s, oldest first (every suffix unless one is given)."""
    index = _index_of(path)
    mine = _generation(path, index)
    numbered = ((_generation(p, index), p) for p in path.parent.glob(f"{index}-gen-*{suffix}"))
    return [p for n, p in sorted(numbered) if n is not None and mine is not None and n < mine]


def _write(path: Path, ids: list[str], matrix: np.ndarray) -> bool:
    """Write the ids, then the unit matrix, each whole or not at all (a temporary file renamed), then drop this
    index's older snapshots' files; a failure (read-only storage, disk full) leaves search as it is: the cache
    only saves time. True when written."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")  # UI threads of one process
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text("\n".join(ids), "utf-8")
        os.replace(temporary, path.with_suffix(".ids"))
        with open(temporary, "wb") as out:
            np.save(out, matrix)
            out.flush()
            os.fsync(out.fileno())  # else a crash after the rename can leave a 0-byte or short file under the name
        os.replace(temporary, path)
        for old in _older(path):  # never a newer snapshot's, which a process that published since may have written
            old.unlink(missing_ok=True)  # a process still searching an older snapshot keeps its mapping
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


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
