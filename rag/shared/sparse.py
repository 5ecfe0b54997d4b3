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
        retriever.index([t or ["\x00empty"] for t in tokens], show_progress=False)  # empty lists would shift rows
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


class ShardedBM25:
    """The shards of a folder written by `build`, memory-mapped."""

    def __init__(self, folder: Path):
        import bm25s

        params = json.loads((Path(folder) / "params.json").read_text())
        if params.get("format") != FORMAT:
            raise ValueError(f"sparse index format {params.get('format')} (expected {FORMAT})")
        self.chunks = int(params["chunks"])
        self._shards = []
        for n in range(int(params["shards"])):
            shard = Path(folder) / f"shard-{n:04d}"
            index = bm25s.BM25.load(str(shard), mmap=True)
            self._shards.append((index, np.load(shard / "ids.npy", mmap_mode="r")))

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) pairs, best first, over all shards."""
        tokens = word_tokens(query)
        best: list[tuple[float, str]] = []
        for index, ids in self._shards:
            known = [t for t in tokens if t in index.vocab_dict]
            if not known:
                continue
            scores = index.get_scores(known)
            top = min(k, len(scores))
            rows = np.argpartition(-scores, top - 1)[:top]
            best.extend((float(scores[r]), str(ids[r])) for r in rows if scores[r] > 0)
        return [(cid, score) for score, cid in heapq.nlargest(k, best)]
