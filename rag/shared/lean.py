"""A reader's copy of the shared library that holds no passage texts: ids and offsets resident, texts by id.

The folder (written by rag/shared/reader_parts.py) has the catalog (papers without full texts), one row per
live passage in numpy arrays (chunk id as bytes, paper, position, kind, token count, lead length) and the
BM25 shards, memory-mapped (rag/shared/sparse.py). What stays in memory is the catalog and ~50 bytes per
passage; a passage's text is fetched from the vector collection's documents when a search shows it, and
kept in a bounded per-process cache (texts never change within one server snapshot).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from rag.errors import StoreError
from rag.records import Chunk, Paper
from rag.shared.reader_parts import ID_FILES, KIND_CODES
from rag.shared.sparse import ShardedBM25
from rag.snapshot import Published
from rag.text import word_tokens

TEXT_CACHE = 20_000  # passages kept per process (a UI session re-reads the same papers)
FETCH_BATCH = 500


class Passages(Mapping):
    """chunk id -> Chunk over the copy's rows; indexing fetches the text (prefer `fetch` for many)."""

    def __init__(self, folder: Path):
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in ID_FILES}
        self.ids, self.paper_rows = arrays["ids"], arrays["paper_rows"]
        self.positions, self.kinds, self.tokens, self.leads = (arrays[n] for n in ("positions", "kinds", "tokens", "leads"))
        self.paper_ids: list[str] = json.loads((folder / "paper_ids.json").read_text())
        self._order = np.load(folder / "order.npy", mmap_mode="r")  # ids sorted: lookups by binary search, no dict
        self._sorted = self.ids[self._order]
        self._store = None
        self._texts: OrderedDict[str, Chunk] = OrderedDict()
        self._lock = threading.Lock()  # UI threads share the text cache
        self.fetched = 0  # passages pulled from the server by this process (tests and benchmarks read it)
        self.bm25 = ShardedBM25(folder / "sparse") if (folder / "sparse" / "params.json").exists() else None

    def bind(self, store) -> None:
        """The vector store whose documents hold the passages' texts."""
        self._store = store

    def rows(self, cids: Sequence[str]) -> np.ndarray:
        """Row of each id, -1 for an id that is not live."""
        if not len(cids) or not len(self._sorted):
            return np.full(len(cids), -1)
        raw = [c.encode() for c in cids]
        fits = np.array([len(r) <= self._sorted.itemsize for r in raw])  # a longer id would be cut to a live one
        keys = np.array(raw, dtype=self._sorted.dtype)
        at = np.minimum(np.searchsorted(self._sorted, keys), len(self._sorted) - 1)
        return np.where(fits & (self._sorted[at] == keys), self._order[at], -1)

    def __contains__(self, cid) -> bool:
        return isinstance(cid, str) and bool(self.rows([cid])[0] >= 0)

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[str]:
        return (raw.decode() for raw in self.ids)

    def __getitem__(self, cid: str) -> Chunk:
        found = self.fetch([cid])
        if cid not in found:
            raise KeyError(cid)
        return found[cid]

    def paper_of(self, cid: str) -> str:
        row = int(self.rows([cid])[0])
        if row < 0:
            raise KeyError(cid)
        return self.paper_ids[int(self.paper_rows[row])]

    def fetch(self, cids: Sequence[str]) -> dict[str, Chunk]:
        """Chunks of these live ids, texts from the cache or, in batches, from the server."""
        rows = self.rows(list(cids))
        found: dict[str, Chunk] = {}
        wanted: dict[str, int] = {}
        with self._lock:
            for cid, row in zip(cids, rows):
                if row < 0:
                    continue
                if cid in self._texts:
                    self._texts.move_to_end(cid)
                    found[cid] = self._texts[cid]
                else:
                    wanted[cid] = int(row)
        if wanted and self._store is None:
            raise StoreError("the shared library's copy is not bound to the server's vectors")
        todo = list(wanted)
        for start in range(0, len(todo), FETCH_BATCH):
            got = self._store.documents(todo[start : start + FETCH_BATCH])
            for cid, (text, meta) in got.items():
                found[cid] = self._remember(self._chunk(cid, wanted[cid], text, meta))
            self.fetched += len(got)
        missing = [c for c in wanted if c not in found]
        if missing:
            raise StoreError(f"{len(missing)} live passages have no document on the server (e.g. {missing[0]}) — run "
                             f"`rag ingest` from any client to restore them")
        return found

    def _chunk(self, cid: str, row: int, text: str, meta: dict) -> Chunk:
        return Chunk(chunk_id=cid, paper_id=self.paper_ids[int(self.paper_rows[row])], position=int(self.positions[row]),
                     kind=KIND_CODES[int(self.kinds[row])], text=text, passage=text[int(self.leads[row]):],  # type: ignore[arg-type]
                     token_count=int(self.tokens[row]), section=str(meta.get("section") or ""),
                     page=int(meta.get("page") or 0) or None)

    def _remember(self, chunk: Chunk) -> Chunk:
        with self._lock:
            self._texts[chunk.chunk_id] = chunk
            while len(self._texts) > TEXT_CACHE:
                self._texts.popitem(last=False)
        return chunk

    @cached_property
    def _paper_order(self) -> tuple[np.ndarray, np.ndarray]:
        order = np.lexsort((self.positions, self.paper_rows))
        return order, np.searchsorted(self.paper_rows[order], np.arange(len(self.paper_ids) + 1))

    def of_paper(self, paper_id: str) -> list[Chunk]:
        """A paper's chunks by position (one fetch)."""
        p = self._paper_index.get(paper_id)
        if p is None:
            return []
        order, bounds = self._paper_order
        ids = [self.ids[r].decode() for r in order[bounds[p] : bounds[p + 1]]]
        found = self.fetch(ids)
        return [found[c] for c in ids]

    @cached_property
    def _paper_index(self) -> dict[str, int]:
        return {pid: n for n, pid in enumerate(self.paper_ids)}

    @cached_property
    def header_ids(self) -> dict[str, str]:
        rows = np.flatnonzero(np.asarray(self.kinds) == KIND_CODES.index("header"))
        return {self.paper_ids[int(self.paper_rows[r])]: self.ids[r].decode() for r in rows}

    def sparse(self, query: str, allowed: set[str] | None, n: int) -> list[str]:
        if self.bm25 is None or not word_tokens(query):
            return []
        keep = None
        if allowed is not None:
            allowed_rows = [self._paper_index[p] for p in allowed if p in self._paper_index]
            keep = np.isin(self.paper_rows, np.array(allowed_rows, dtype=np.int32))
        return [cid for cid, _ in self.bm25.search(query, n, keep)]


class ByPaper(Mapping):
    """paper id -> its chunks, fetched when asked for (what evidence selection reads for the papers it shows)."""

    def __init__(self, passages: Passages):
        self._passages = passages

    def __getitem__(self, paper_id: str) -> list[Chunk]:
        if paper_id not in self._passages._paper_index:
            raise KeyError(paper_id)
        return self._passages.of_paper(paper_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._passages.paper_ids)

    def __len__(self) -> int:
        return len(self._passages.paper_ids)


class Headers(Mapping):
    """paper id -> its header chunk, fetched when asked for (a catalog answer shows a few)."""

    def __init__(self, passages: Passages):
        self._passages = passages

    def __getitem__(self, paper_id: str) -> Chunk:
        return self._passages[self._passages.header_ids[paper_id]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._passages.header_ids)

    def __len__(self) -> int:
        return len(self._passages.header_ids)


class LazyChunks(Sequence):
    """All chunks in snapshot order, fetched in batches as iterated: for the rare reader of every passage."""

    def __init__(self, passages: Passages):
        self._passages = passages

    def __len__(self) -> int:
        return len(self._passages)

    def __getitem__(self, at):
        rows = range(len(self))[at]
        ids = [self._passages.ids[r].decode() for r in (rows if isinstance(rows, range) else [rows])]
        found = self._passages.fetch(ids)
        chunks = [found[c] for c in ids]
        return chunks if isinstance(rows, range) else chunks[0]

    def __iter__(self) -> Iterator[Chunk]:
        for start in range(0, len(self), FETCH_BATCH):
            yield from self[start : start + FETCH_BATCH]


@dataclass
class LeanSnapshot(Published):
    """The shared library's published snapshot as a reader holds it; reads like rag/snapshot.py's Snapshot."""

    index_name: str
    params: dict
    papers: list[Paper]
    passages: Passages
    folder: Path | None = None
    sources: list = field(default_factory=list)  # writers' business (full texts): not pulled by readers

    @property
    def chunk_count(self) -> int:
        return len(self.passages)

    @property
    def chunks(self) -> LazyChunks:
        return LazyChunks(self.passages)

    def token_counts(self) -> np.ndarray:
        return np.asarray(self.passages.tokens)

    def bm25(self):
        return self.passages.bm25

    def bind(self, store) -> None:
        self.passages.bind(store)

    def document_frequencies(self) -> tuple[dict[str, int], int]:
        """(word -> chunks holding it, chunks), from the sparse index: no text is read."""
        return (self.passages.bm25.document_frequencies() if self.passages.bm25 else {}), len(self.passages)


def load_folder(index_name: str, folder: Path, params: dict) -> LeanSnapshot:
    for relative, size in params.get("sizes", {}).items():  # a cut or missing file: the copy is pulled again
        if (folder / relative).stat().st_size != size:
            raise ValueError(f"{relative} is {(folder / relative).stat().st_size} bytes, written as {size}")
    papers = [Paper.model_validate_json(line) for line in (folder / "papers.jsonl").read_text("utf-8").splitlines() if line]
    passages = Passages(folder)
    if len(passages) != int(params.get("chunks", len(passages))):
        raise ValueError(f"{len(passages)} passages listed, the server's snapshot has {params.get('chunks')}")
    if passages.bm25 is not None and passages.bm25.chunks != len(passages):
        raise ValueError(f"BM25 holds {passages.bm25.chunks} passages, the catalog {len(passages)}")
    return LeanSnapshot(index_name=index_name, params=params, papers=papers, passages=passages, folder=folder)
