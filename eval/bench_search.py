"""Warm search latency in-process, at seed scale and at 100k synthetic chunks; exact dense search against
Chroma's HNSW index at both (rag/dense.py, `retrieval.exact_search_max_chunks`).

    .venv/bin/python eval/bench_search.py [--synthetic 100000] [--models DIR]

The synthetic index is built through the same store and snapshot code as a real ingest, but its
vectors are made cheaply (real seed-chunk vectors plus noise): embedding 100k chunks for real
would take most of an hour on 2 cores and would not change what is measured here, which is the
query path (query embedding, exact dense search or Chroma HNSW, BM25, fusion, grouping).

The dense rows time the nearest-neighbour step alone (query vectors embedded first): exact search in numpy
against HNSW on the same store, the one-off read of the vectors into memory (per process, on the first search)
and its size, and how much of HNSW's top 50 is the exact top 50.
"""

from __future__ import annotations

import argparse
import random
import shutil
import time
from pathlib import Path

import numpy as np

from benchlib import percentile, print_table, rss_mb, scratch, self_peak_rss_mb

from rag import snapshot as snapshots
from rag.chunking import chunk_metadata
from rag.config import DEFAULT_SEEDS, RetrievalSettings, Settings, contain_caches
from rag.index import index_name, index_params
from rag.library import Library
from rag.records import Chunk, Paper, Author, paper_id_for
from rag.snapshot import Snapshot
from rag.text import word_tokens

QUERIES = [
    "Gaussian trust region for PPO", "long-term memory benchmark for LLMs", "Hopfield networks continuous states",
    "differential privacy on manifolds", "speculative decoding draft model", "world models for robot manipulation",
    "which papers did Dinghuai Zhang co-author", "offline goal-conditioned reinforcement learning",
    "state space models for sequences", "chain of thought reduces performance", "GFlowNets local credit",
    "continual learning survey", "zero-shot imitation from observation", "test-time adaptation", "RLHF off-policy",
    "fairness and privacy in synthetic tabular data", "admissible heuristics for A* search", "multi-agent climate",
]


def time_queries(library: Library, rounds: int, cpu: list[float] | None = None) -> list[float]:
    """Wall ms per search; `cpu` gets this process's CPU ms per search (steadier while others share the machine)."""
    library.search(QUERIES[0])  # warm: model loaded, snapshot and BM25 read
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            started, started_cpu = time.perf_counter(), time.process_time()
            library.search(query, k=5)
            times.append((time.perf_counter() - started) * 1000)
            if cpu is not None:
                cpu.append((time.process_time() - started_cpu) * 1000)
    return times


def dense_rows(library: Library, label: str) -> list[tuple[str, str, str]]:
    """Exact against HNSW on one library: load once, then per query (all papers, and three papers like evidence)."""
    vectors = [library.embedder.embed_query(q) for q in QUERIES]

    def fresh(limit: int):  # a new retriever: its vectors not yet read, whatever searches ran before
        settings = library.settings.model_copy(update={"retrieval": RetrievalSettings(exact_search_max_chunks=limit)})
        return Library(settings, embedder=library.embedder).retriever

    def timed_load(retriever) -> tuple[float, float, float]:
        rss, started, started_cpu = rss_mb(), time.perf_counter(), time.process_time()
        assert retriever.exact is not None
        return time.perf_counter() - started, time.process_time() - started_cpu, rss_mb() - rss

    limit = max(library.snapshot.chunk_count, library.settings.retrieval.exact_search_max_chunks)
    hnsw = fresh(0)
    hnsw.nearest(vectors[0], 50, None)  # HNSW graph loaded before timing, like the exact vectors below
    shutil.rmtree(library.settings.cache_dir / "dense", ignore_errors=True)  # a process before any cached matrix
    exact = fresh(limit)
    load_s, load_cpu, added = timed_load(exact)
    cached_s, cached_cpu, _ = timed_load(fresh(limit))  # the next process: the matrix mapped from the cache file
    index = exact.exact
    papers = [p.paper_id for p in library.snapshot.papers[:3]]
    rows, recalls = [], []
    for name, retriever in (("exact", exact), ("HNSW", hnsw)):
        for scope, allowed in (("all", None), ("3 papers", papers)):
            times, cpu = [], []
            for _ in range(3):
                for vector in vectors:
                    t, c = time.perf_counter(), time.process_time()
                    retriever.nearest(vector, 50, allowed)
                    times.append((time.perf_counter() - t) * 1000)
                    cpu.append((time.process_time() - c) * 1000)
            rows.append((f"  dense top-50 {name}, {scope}, {label}: wall p50 / CPU p50 (ms)",
                         f"{percentile(times, 50):.2f} / {percentile(cpu, 50):.2f}", ""))
    for vector in vectors:
        truth = {cid for cid, _ in exact.nearest(vector, 50, None)}
        recalls.append(len(truth & {cid for cid, _ in hnsw.nearest(vector, 50, None)}) / 50)
    return rows + [
        (f"  exact vectors read once from Chroma (then cached), {label}: wall / CPU (s)", f"{load_s:.2f} / {load_cpu:.2f}", ""),
        (f"  exact vectors mapped from the cache, next process, {label}: wall / CPU (s)",
         f"{cached_s:.3f} / {cached_cpu:.3f}", ""),
        (f"  exact vectors in memory, {label}: matrix / RSS added (MB)", f"{index.nbytes / 2**20:.0f} / {added:.0f}", ""),
        (f"  HNSW recall@50 of the exact top 50, {label}: mean / min", f"{np.mean(recalls):.3f} / {min(recalls):.2f}", ""),
    ]


def build_synthetic(library: Library, seed_library: Library, n_chunks: int) -> None:
    """Write n_chunks synthetic chunks (vectors near real ones) straight into a store and snapshot."""
    rng = np.random.default_rng(0)
    base_chunks = seed_library.snapshot.chunks
    base_vectors = seed_library.embedder.embed([c.text for c in base_chunks])
    words = [w for c in base_chunks for w in c.passage.split()]
    papers, chunks, vectors = [], [], []
    per_paper = 3
    for i in range(n_chunks // per_paper):
        title = f"Synthetic study {i}: " + " ".join(random.Random(i).sample(words, 6))
        paper = Paper(paper_id=paper_id_for(title), title=title, authors=[Author(name=f"Author {i % 5000}")],
                      date=f"{2015 + i % 11}-01-01", date_precision="day", category=["LG", "CL", "CV"][i % 3])
        papers.append(paper)
        for position in range(per_paper):
            j = int(rng.integers(len(base_chunks)))
            passage = " ".join(random.Random(i * 7 + position).sample(words, 120))
            chunks.append(Chunk(chunk_id=f"{paper.paper_id}-{position}", paper_id=paper.paper_id, position=position,
                                kind="abstract", text=f"{title}\n{passage}", passage=passage, token_count=180))
            noisy = base_vectors[j] + rng.normal(0, 0.05, base_vectors.shape[1]).astype(np.float32)
            vectors.append(noisy / np.linalg.norm(noisy))
    store = library.store
    for start in range(0, len(chunks), 2000):
        batch = chunks[start : start + 2000]
        by_id = {p.paper_id: p for p in papers}
        store.add([c.chunk_id for c in batch], np.stack(vectors[start : start + 2000]), [c.text for c in batch],
                  [chunk_metadata(by_id[c.paper_id], c) for c in batch])
    settings = library.settings
    params = index_params(settings, library.embedder.model_id) | {"papers": len(papers), "chunks": len(chunks)}
    snapshot = Snapshot(index_name=index_name(settings, library.embedder.model_id), params=params, sources=[],
                        papers=papers, chunks=chunks)
    snapshots.write(settings.snapshots_dir, snapshot, [word_tokens(c.text) for c in chunks])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--models", type=Path, default=None)
    args = parser.parse_args()
    work = scratch("rag-bench-search-")

    def settings(name: str) -> Settings:
        s = Settings(home=work / name, models_path=args.models or work / "models")
        contain_caches(s)
        return s

    seeds = Library(settings("seeds"))
    seeds.ingest([DEFAULT_SEEDS])
    seed_cpu: list[float] = []
    seed_times = time_queries(seeds, rounds=5, cpu=seed_cpu)
    rows = [
        (f"warm search p50, seeds ({len(seeds.snapshot.chunks)} chunks) (ms)", f"{percentile(seed_times, 50):.1f}", "<= 30"),
        ("warm search p95, seeds (ms)", f"{percentile(seed_times, 95):.1f}", ""),
        ("  CPU per search p50 / p95, seeds (ms)", f"{percentile(seed_cpu, 50):.1f} / {percentile(seed_cpu, 95):.1f}", ""),
    ] + dense_rows(seeds, "seeds")
    if args.synthetic:
        big = Library(settings("synthetic"), embedder=seeds.embedder)
        started = time.perf_counter()
        build_synthetic(big, seeds, args.synthetic)
        build_s = time.perf_counter() - started
        big_times = time_queries(big, rounds=3)
        rows += [
            (f"warm search p50, {len(big.snapshot.chunks):,} chunks (ms)", f"{percentile(big_times, 50):.1f}", "<= 100"),
            (f"warm search p95, {len(big.snapshot.chunks):,} chunks (ms)", f"{percentile(big_times, 95):.1f}", ""),
            ("  (building the synthetic index took, s)", f"{build_s:.0f}", ""),
        ] + dense_rows(big, f"{len(big.snapshot.chunks):,}")
    rows.append(("peak RSS of this process (MB)", f"{self_peak_rss_mb():.0f}", ""))
    print_table("warm search latency", rows)


if __name__ == "__main__":
    main()
