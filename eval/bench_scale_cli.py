"""The real `rag search` against a real `chroma run` holding a synthetic shared library of 10k -> 100k -> 1M chunks.

    .venv/bin/python eval/bench_scale_cli.py [--sizes 10000,100000,300000] [--queries 60] [--work DIR]

With the --work of a run stopped part-way, the vectors already stored are kept (their chunks regenerated).

eval/bench_scale.py measures the store and the sparse index alone; this measures what a lab member runs.
The library is made as bench_scale.py makes its chunks (clustered synthetic 384-d vectors, 60-word Zipf texts
from a pseudo-word vocabulary, each cluster with topic words; chunk i is regenerated from its batch's seed),
grouped 20 chunks to a paper (a header chunk, then body chunks) with synthetic titles and authors, and stored
as an ingest would: vectors with `chunk_metadata` in the index's collection, then one publish of the catalog
(rag/shared/remote.py, with the reader's parts: catalog, passage rows, BM25 shards). Nothing is embedded for
the library; queries are embedded for real by the CLI (so dense hits are arbitrary but cost what they cost)
and carry 3 topic words + 1 common word, so BM25 finds their cluster.

Per stage: load and publish time, then with an empty RAG_HOME a fresh `rag search --json` process under
/usr/bin/time -v (first search: pulls the copy; wall, CPU, peak RSS), the same again (copy cached), a
long-running Library doing `--queries` searches (warm p50/p95, its peak RSS and passages fetched) and the
server's RSS. Results go to eval/out/bench_scale_cli.json as each stage ends.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import BATCH, Corpus, folder_mb, log, save_stages, start_chroma, tree_rss_mb  # noqa: E402
from benchlib import ROOT, percentile, print_table  # noqa: E402

from rag.chunking import chunk_metadata  # noqa: E402
from rag.config import Settings  # noqa: E402
from rag.embedding import load_embedder  # noqa: E402
from rag.index import index_name  # noqa: E402
from rag.records import Author, Chunk, Paper, SourceRef, paper_id_for  # noqa: E402
from rag.shared.remote import RemoteLibrary  # noqa: E402
from rag.snapshot import SourceState  # noqa: E402
from rag.store import VectorStore, connect  # noqa: E402

PER_PAPER = 20

WARM = """
import json, sys, time
from rag.config import Settings
from rag.library import Library
queries = json.loads(sys.argv[1])
library = Library(Settings.from_env())
library.search(queries[0], k=5)
times = []
for q in queries:
    started = time.perf_counter()
    library.search(q, k=5)
    times.append((time.perf_counter() - started) * 1000)
# VmHWM, not ru_maxrss: spawned from this (large) benchmark process, ru_maxrss would report the parent's size.
# RssFile is mostly the memory-mapped BM25 shards and model: page cache the kernel can take back, unlike RssAnon.
status = open("/proc/self/status").read()
kb = {k: int(status.split(k + ":")[1].split()[0]) for k in ("VmHWM", "RssAnon", "RssFile")}
print(json.dumps({"times_ms": times, "peak_rss_mb": kb["VmHWM"] / 1024, "anon_mb": kb["RssAnon"] / 1024,
                  "file_mb": kb["RssFile"] / 1024,
                  "fetched": library.retriever.chunks.fetched, "chunks": library.snapshot.chunk_count}))
"""


def make_batch(corpus: Corpus, number: int) -> tuple[list[Paper], list[Chunk], np.ndarray]:
    ids, vectors, texts, _ = corpus.batch(number)
    papers, chunks = [], []
    for start in range(0, BATCH, PER_PAPER):
        n = (number * BATCH + start) // PER_PAPER
        title = f"Synthetic study {n} of {texts[start].split()[0]} {texts[start].split()[1]}"
        paper = Paper(paper_id=paper_id_for(title), title=title, authors=[Author(name=f"Author {n % 997}")],
                      date=f"{2000 + n % 26}", date_precision="year", abstract=texts[start],
                      sources=[SourceRef(path="synthetic.jsonl", format="text", position=n)])
        papers.append(paper)
        for position in range(PER_PAPER):
            passage = texts[start + position]
            lead = "" if position == 0 else f"{title}. "  # body passages carry the title, as the chunker's do
            chunks.append(Chunk(chunk_id=f"{paper.paper_id}-{position:03d}-{ids[start + position][1:]}",
                                paper_id=paper.paper_id, position=position, kind="header" if position == 0 else "body",
                                text=lead + passage, passage=passage, token_count=len(passage.split()) + 12))
    return papers, chunks, vectors


def rss_run(args: list[str], env: dict) -> dict:
    """A `rag` process under /usr/bin/time -v: wall s, CPU s, peak RSS MB, stdout."""
    done = subprocess.run(["/usr/bin/time", "-v", str(Path(sys.executable).with_name("rag")), *args], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"rag {' '.join(args)} failed: {done.stderr[-800:]}")
    fields = dict(line.strip().rsplit(": ", 1) for line in done.stderr.splitlines() if ": " in line and line.startswith("\t"))
    wall = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    return {"wall_s": round(float(wall[-1]) + 60 * float(wall[-2]), 2),
            "cpu_s": round(float(fields["User time (seconds)"]) + float(fields["System time (seconds)"]), 2),
            "peak_rss_mb": round(int(fields["Maximum resident set size (kbytes)"]) / 1024), "stdout": done.stdout}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,300000")
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--models", type=Path, default=None, help="RAG_MODELS_DIR (default: the settings')")
    parser.add_argument("--out", type=Path, default=ROOT / "eval/out/bench_scale_cli.json")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-cli-"))
    url, server = start_chroma(work / "server")
    log(f"chroma run at {url} (pid {server.pid}), data in {work}")
    env = dict(os.environ, RAG_CHROMA_URL=url, OMP_WAIT_POLICY="PASSIVE", **({"RAG_MODELS_DIR": str(args.models)} if args.models else {}))
    os.environ.update(env)
    settings = Settings.from_env()
    embedder = load_embedder(settings.models_dir, threads=1)
    name = index_name(settings, embedder.model_id)
    client = connect(settings)
    store, remote = VectorStore(client, name, where=url), RemoteLibrary(client, name, url)
    corpus = Corpus()
    rng = np.random.default_rng(5)
    queries = [corpus.query(rng)[2] for _ in range(args.queries)]
    papers: list[Paper] = []
    chunks: list[Chunk] = []
    results: list[dict] = []
    stored = store.count() // BATCH * BATCH  # a run stopped part-way (same --work): its batches are regenerated, not stored
    if stored:
        log(f"resuming with {stored:,} vectors already on the server")
    try:
        for size in sizes:
            started = time.perf_counter()
            while len(chunks) < size:
                batch_papers, batch_chunks, vectors = make_batch(corpus, len(chunks) // BATCH)
                by_id = {p.paper_id: p for p in batch_papers}
                if len(chunks) >= stored:
                    store.add([c.chunk_id for c in batch_chunks], vectors, [c.text for c in batch_chunks],
                              [chunk_metadata(by_id[c.paper_id], c) for c in batch_chunks])
                papers += batch_papers
                chunks += batch_chunks
                if len(chunks) % 50_000 == 0:
                    log(f"{len(chunks):,} chunks on the server")
            load_s = time.perf_counter() - started
            started = time.perf_counter()
            source = SourceState(path="synthetic.jsonl", sha256="0" * 64, size=0, mtime_ns=0, format="text", papers=[])
            remote.publish([source], papers, chunks, "bench")
            publish_s = time.perf_counter() - started
            log(f"{size:,}: stored in {load_s:.0f} s, published in {publish_s:.0f} s")
            home = work / f"home-{size}"
            shutil.rmtree(home, ignore_errors=True)
            client_env = dict(env, RAG_HOME=str(home))
            first = rss_run(["search", queries[0], "-k", "5", "--json"], client_env)
            again = rss_run(["search", queries[1], "-k", "5", "--json"], client_env)
            warm = subprocess.run([sys.executable, "-c", WARM, json.dumps(queries)], env=client_env, capture_output=True,
                                  text=True)
            if warm.returncode != 0:
                raise SystemExit(warm.stderr[-800:])
            w = json.loads(warm.stdout)
            copy_mb = sum(p.stat().st_size for p in home.rglob("*") if p.is_file()) / 2**20
            row = {"chunks": size, "papers": len(papers), "store_s": round(load_s, 1), "publish_s": round(publish_s, 1),
                   "first_search": {k: v for k, v in first.items() if k != "stdout"},
                   "hits": len(json.loads(first["stdout"])),
                   "second_process": {k: v for k, v in again.items() if k != "stdout"},
                   "warm_ms": {"p50": round(percentile(w["times_ms"], 50), 1), "p95": round(percentile(w["times_ms"], 95), 1)},
                   "warm_process_peak_rss_mb": round(w["peak_rss_mb"]), "warm_process_anon_mb": round(w["anon_mb"]),
                   "warm_process_file_mb": round(w["file_mb"]), "passages_fetched": w["fetched"],
                   "local_copy_mb": round(copy_mb, 1), "server_rss_mb": round(tree_rss_mb(server.pid)),
                   "server_disk_mb": folder_mb(work / "server")}
            results.append(row)
            log(json.dumps(row))
            save_stages(args.out, results)
    finally:
        server.terminate()
        server.wait(timeout=120)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    for row in results:
        print_table(f"{row['chunks']:,} chunks, `rag search` against chroma run", [
            ("first search, empty RAG_HOME: wall / CPU s", f"{row['first_search']['wall_s']} / {row['first_search']['cpu_s']}", ""),
            ("first search peak RSS MB", f"{row['first_search']['peak_rss_mb']}", "<= 1536 at 1M"),
            ("next process: wall / CPU s, peak MB", f"{row['second_process']['wall_s']} / {row['second_process']['cpu_s']}, "
             f"{row['second_process']['peak_rss_mb']}", ""),
            ("warm p50 / p95 ms", f"{row['warm_ms']['p50']} / {row['warm_ms']['p95']}", ""),
            ("warm process peak RSS MB (anonymous + file-backed at the end)",
             f"{row['warm_process_peak_rss_mb']} ({row['warm_process_anon_mb']} + {row['warm_process_file_mb']})", ""),
            ("server RSS MB", f"{row['server_rss_mb']}", ""),
        ])


if __name__ == "__main__":
    main()
