"""BM25 over many chunks without holding their texts: an index in shards, memory-mapped from disk.

A single bm25s index over a million chunks needs every token list in memory while it is built (several GB).
Here texts are streamed: each shard of `shard_size` chunks is tokenised, indexed, saved and freed, then all
shards are opened with mmap=True, so a search touches only the pages of the query's terms. Each shard keeps
its own IDF; shards are filled in arrival order from one corpus, so their term statistics are close to the
whole corpus's (the cost: scores differ slightly from one global index's; rankings within a shard do not).
Saved as bm25s files plus ids.npy and params.json (plain files, no pickles).
"""

from __future__ import annotations

import heapq
import json
import shutil
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from rag.text import word_tokens

FORMAT = 1
EMPTY = "\x00empty"  # stands for a chunk without words: bm25s would drop an empty list and shift rows


def build(folder: Path, chunks: Iterable[tuple[str, str]], shard_size: int = 100_000) -> int:
    """Index (chunk id, text) pairs into `folder` (replaced); returns how many were indexed."""
    import bm25s

    folder = Path(folder)
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    shards, total = 0, 0
    ids: list[str] = []
    tokens: list[list[str]] = []

    def flush() -> None:
        nonlocal shards, ids, tokens
        if not ids:
            return
        shard = tmp / f"shard-{shards:04d}"
        retriever = bm25s.BM25()
        retriever.index([t or [EMPTY] for t in tokens], show_progress=False)  # empty lists would shift rows
        retriever.save(str(shard), show_progress=False)
        np.save(shard / "ids.npy", np.array(ids, dtype=f"U{max(len(i) for i in ids)}"))
        shards, ids, tokens = shards + 1, [], []

    for chunk_id, text in chunks:
        ids.append(chunk_id)
        tokens.append(word_tokens(text))
        total += 1
        if len(ids) >= shard_size:
            flush()
    flush()
    (tmp / "params.json").write_text(json.dumps({"format": FORMAT, "shards": shards, "chunks": total}))
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return total


class Shard:
    """One saved bm25s index read straight from its arrays, memory-mapped. bm25s (lucene scoring) stores each
    word's per-chunk score in a CSC matrix, so a query's scores are the sums of its words' columns — what
    `bm25s.BM25.get_scores` computes, without importing bm25s and scipy (~0.2 s of a cold search)."""

    def __init__(self, folder: Path):
        params = json.loads((folder / "params.index.json").read_text())
        if params.get("method") != "lucene":
            raise ValueError(f"sparse shard {folder.name}: scoring method {params.get('method')!r} (expected lucene)")
        self.num_docs = int(params["num_docs"])
        self.vocab_dict: dict[str, int] = json.loads((folder / "vocab.index.json").read_text())
        self.data, self.indices, self.indptr = (np.load(folder / f"{name}.csc.index.npy", mmap_mode="r")
                                                for name in ("data", "indices", "indptr"))
        self.scores = {"indptr": self.indptr}

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        scores = np.zeros(self.num_docs, dtype=np.float32)
        for token in tokens:  # a repeated word counts again, as in bm25s
            column = self.vocab_dict[token]
            start, end = int(self.indptr[column]), int(self.indptr[column + 1])
            np.add.at(scores, self.indices[start:end], self.data[start:end])
        return scores


class ShardedBM25:
    """The shards of a folder written by `build`, memory-mapped."""

    def __init__(self, folder: Path):
        params = json.loads((Path(folder) / "params.json").read_text())
        if params.get("format") != FORMAT:
            raise ValueError(f"sparse index format {params.get('format')} (expected {FORMAT})")
        self.chunks = int(params["chunks"])
        self._shards = []
        for n in range(int(params["shards"])):
            shard = Path(folder) / f"shard-{n:04d}"
            self._shards.append((Shard(shard), np.load(shard / "ids.npy", mmap_mode="r")))

    def search(self, query: str, k: int, keep: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) pairs, best first, over all shards; `keep`: a bool per chunk in build order
        (a filter's papers), the others scored 0."""
        tokens = word_tokens(query)
        best: list[tuple[float, str]] = []
        start = 0
        for index, ids in self._shards:
            scores = self._scores(index, tokens)
            end = start + len(ids)
            if scores is not None and keep is not None:
                scores = np.where(keep[start:end], scores, 0.0)
            start = end
            if scores is None:
                continue
            top = min(k, len(scores))
            rows = np.argpartition(-scores, top - 1)[:top]
            best.extend((float(scores[r]), str(ids[r])) for r in rows if scores[r] > 0)
        return [(cid, score) for score, cid in heapq.nlargest(k, best)]

    @staticmethod
    def _scores(index, tokens: list[str]) -> np.ndarray | None:
        known = [t for t in tokens if t in index.vocab_dict]
        return np.asarray(index.get_scores(known), dtype=np.float32) if known else None

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        """A score per chunk in build order, as bm25s's `get_scores` (what the answerability signals read)."""
        parts = [self._scores(index, tokens) for index, _ in self._shards]
        return np.concatenate([p if p is not None else np.zeros(len(ids), np.float32)
                               for p, (_, ids) in zip(parts, self._shards)]) if parts else np.zeros(0, np.float32)

    def document_frequencies(self) -> dict[str, int]:
        """Word -> number of chunks holding it (summed over shards), from the index alone."""
        df: dict[str, int] = {}
        for index, _ in self._shards:
            indptr = np.asarray(index.scores["indptr"])
            counts = np.diff(indptr)
            for word, column in index.vocab_dict.items():
                if word and word != EMPTY:
                    df[word] = df.get(word, 0) + int(counts[column])
        return df
