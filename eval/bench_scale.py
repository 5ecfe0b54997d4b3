"""A shared library at scale: 10k -> 100k -> 1M synthetic chunks in a real `chroma run` server.

    .venv/bin/python eval/bench_scale.py [--sizes 10000,100000,1000000] [--queries 200] [--out eval/out/bench_scale.json]

How the chunks are made (nothing is embedded for real: 1M chunks would take ~11 h at ~25 chunks/s):
- vectors: 2,000 cluster centres drawn uniformly on the 384-d unit sphere; a chunk is its centre plus
  Gaussian noise of the same norm, normalised (cosine to its centre ~0.71), like passages on one topic;
- texts: 60 words each, drawn from a 30,000-word vocabulary with Zipf frequencies (s = 1.07), with each
  cluster's 8 topic words mixed in at 10% so that BM25 has topical structure; words are pseudo-words
  built from syllables so that they tokenise like prose words.
Chunk i is regenerated from seed (i // BATCH) at any time, so no text is held between stages.
Queries: a point near a cluster centre (dense) and 3 of that cluster's topic words plus 1 common word
(sparse); `in_cluster@10` is the share of the top 10 from the query's cluster (a sanity check).

Per stage (the collection grows; the server is never restarted): load time, dense / sparse / fused search
p50 and p95 (fused = dense top-50 from the server, sparse top-50 from the memory-mapped shards of
rag/shared/sparse.py, reciprocal rank fusion, then the top 5 texts fetched from the server, since the
client holds none), server RSS (process tree) and client RSS. The sparse index is built from the texts
streamed in 100k-chunk shards; in a library the client streams them from the server's documents.
Progress lines go to stdout as each stage runs, so a long run can be followed in a log.
The client figures here are this script's own search path; eval/bench_scale_cli.py measures the real
`rag search` process (the reader's copy of the shared library) against a library made the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import ROOT, percentile, print_table, status_kb  # noqa: E402

from rag.retrieve import rrf  # noqa: E402
from rag.shared import sparse  # noqa: E402

DIM, CLUSTERS, VOCAB, WORDS, TOPIC_WORDS, BATCH = 384, 2000, 30_000, 60, 8, 2000
_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- a server ---------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_chroma(data_dir: Path, timeout_s: float = 120) -> tuple[str, subprocess.Popen]:
    """`chroma run` on a free loopback port; returns once its heartbeat answers (state, not a fixed sleep)."""
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    process = subprocess.Popen([str(chroma), "run", "--path", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, ANONYMIZED_TELEMETRY="False"))
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"chroma run exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            return url, process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"chroma run did not answer within {timeout_s:.0f} s")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        total += status_kb(current, "VmRSS")
        todo += children.get(current, [])
    return total / 1024


# --- synthetic chunks -------------------------------------------------------------------------------

class Corpus:
    def __init__(self, seed: int = 7):
        rng = np.random.default_rng(seed)
        centres = rng.standard_normal((CLUSTERS, DIM)).astype(np.float32)
        self.centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)
        self.words = np.array([_SYLLABLES[a % 80] + _SYLLABLES[(a // 80) % 80] + _SYLLABLES[(a // 6400) % 80]
                               for a in rng.permutation(80 ** 3)[:VOCAB]])
        ranks = np.arange(1, VOCAB + 1, dtype=np.float64)
        weights = ranks ** -1.07
        self.cdf = np.cumsum(weights / weights.sum())
        self.topics = rng.integers(2000, VOCAB, size=(CLUSTERS, TOPIC_WORDS))  # rarer words name a topic
        self.seed = seed

    def clusters(self, number: int) -> np.ndarray:
        """The cluster of each chunk of batch `number` (the first draw of its generator, as in `batch`)."""
        return np.random.default_rng((self.seed, number)).integers(0, CLUSTERS, size=BATCH)

    def batch(self, number: int) -> tuple[list[str], np.ndarray, list[str], np.ndarray]:
        """Chunks number*BATCH ... +BATCH: ids, vectors, texts, cluster of each."""
        rng = np.random.default_rng((self.seed, number))
        cluster = rng.integers(0, CLUSTERS, size=BATCH)
        noise = rng.standard_normal((BATCH, DIM)).astype(np.float32) / np.sqrt(DIM)
        vectors = self.centres[cluster] + noise
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        word_ids = np.searchsorted(self.cdf, rng.random((BATCH, WORDS)))
        topical = rng.random((BATCH, WORDS)) < 0.10
        word_ids[topical] = self.topics[cluster[:, None].repeat(WORDS, 1), rng.integers(0, TOPIC_WORDS, (BATCH, WORDS))][topical]
        texts = [" ".join(self.words[row]) for row in word_ids]
        ids = [f"c{number * BATCH + i:08d}" for i in range(BATCH)]
        return ids, vectors, texts, cluster

    def query(self, rng: np.random.Generator) -> tuple[int, np.ndarray, str]:
        cluster = int(rng.integers(0, CLUSTERS))
        vector = self.centres[cluster] + rng.standard_normal(DIM).astype(np.float32) / np.sqrt(DIM)
        words = list(self.words[rng.choice(self.topics[cluster], 3, replace=False)]) + [self.words[rng.integers(0, 50)]]
        return cluster, vector / np.linalg.norm(vector), " ".join(words)


# --- the run ----------------------------------------------------------------------------------------

def folder_mb(folder: Path) -> int:
    """Size on disk of every file under `folder`, in MB (the server's data dir after a stage)."""
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20)


def save_stages(out: Path, results: list[dict]) -> None:
    """Write the stages measured so far, so a run stopped part-way keeps what it measured."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"stages": results, "machine": "2 cores, shared with other sessions"}, indent=1))


def measure(collection, index: sparse.ShardedBM25, corpus: Corpus, clusters: np.ndarray, queries: int) -> dict:
    rng = np.random.default_rng(99)
    dense_ms, sparse_ms, fused_ms, dense_in, sparse_in = [], [], [], [], []
    for _ in range(queries):
        cluster, vector, text = corpus.query(rng)
        started = time.perf_counter()
        dense = collection.query(query_embeddings=[vector], n_results=50, include=["distances"])["ids"][0]
        dense_done = time.perf_counter()
        sparse_hits = [cid for cid, _ in index.search(text, 50)]
        sparse_done = time.perf_counter()
        fused = sorted(rrf([dense, sparse_hits], 60).items(), key=lambda item: -item[1])[:5]
        collection.get(ids=[cid for cid, _ in fused], include=["documents"])
        fused_ms.append((time.perf_counter() - started) * 1000)
        dense_ms.append((dense_done - started) * 1000)
        sparse_ms.append((sparse_done - dense_done) * 1000)
        dense_in.append(np.mean([clusters[int(c[1:])] == cluster for c in dense[:10]]))
        sparse_in.append(np.mean([clusters[int(c[1:])] == cluster for c in sparse_hits[:10]]) if sparse_hits else 0.0)
    stats = lambda xs: {"p50": round(percentile(xs, 50), 1), "p95": round(percentile(xs, 95), 1)}  # noqa: E731
    return {"dense_ms": stats(dense_ms), "sparse_ms": stats(sparse_ms), "fused_ms": stats(fused_ms),
            "dense_in_cluster@10": round(float(np.mean(dense_in)), 3),
            "sparse_in_cluster@10": round(float(np.mean(sparse_in)), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--work", type=Path, default=None, help="server data + sparse shards (default: a temp dir)")
    parser.add_argument("--out", type=Path, default=ROOT / "eval/out/bench_scale.json")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    url, server = start_chroma(work / "server")
    log(f"chroma run at {url} (pid {server.pid}), data in {work}")
    results: list[dict] = []
    try:
        port = int(url.rsplit(":", 1)[1])
        client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False))
        collection = client.get_or_create_collection("bench-scale", embedding_function=None,
                                                     metadata={"hnsw:space": "cosine"})
        corpus = Corpus()
        clusters = np.zeros(sizes[-1], dtype=np.int16)
        # Resume a run stopped part-way (same --work): chunk i is regenerated from its batch's seed.
        loaded, load_s = collection.count() // BATCH * BATCH, 0.0
        for number in range(loaded // BATCH):
            clusters[number * BATCH : (number + 1) * BATCH] = corpus.clusters(number)
        if loaded:
            log(f"resuming with {loaded:,} chunks already on the server")
        previous = loaded
        for size in sizes:
            started = time.perf_counter()
            while loaded < size:
                number = loaded // BATCH
                ids, vectors, texts, cluster = corpus.batch(number)
                clusters[loaded : loaded + BATCH] = cluster
                collection.add(ids=ids, embeddings=vectors, documents=texts,
                               metadatas=[{"paper_id": f"p{int(i[1:]) // 20}"} for i in ids])
                loaded += BATCH
                if loaded % 50_000 == 0:
                    log(f"loaded {loaded:,} chunks ({load_s + time.perf_counter() - started:.0f} s)")
            stage_load = time.perf_counter() - started
            load_s += stage_load
            started = time.perf_counter()

            def texts():
                for number in range(size // BATCH):
                    ids, _, batch_texts, _ = corpus.batch(number)
                    yield from zip(ids, batch_texts)

            sparse.build(work / "sparse", texts())
            sparse_s = time.perf_counter() - started
            index = sparse.ShardedBM25(work / "sparse")
            sparse_mb = sum(p.stat().st_size for p in (work / "sparse").rglob("*") if p.is_file()) / 2**20
            row = {"chunks": size, "load_s": round(stage_load, 1), "load_total_s": round(load_s, 1),
                   "chunks_per_s": round((size - previous) / stage_load),
                   "sparse_build_s": round(sparse_s, 1), "sparse_disk_mb": round(sparse_mb),
                   **measure(collection, index, corpus, clusters, args.queries),
                   "server_rss_mb": round(tree_rss_mb(server.pid)),
                   "client_rss_mb": round(status_kb("self", "VmRSS") / 1024),
                   "client_peak_rss_mb": round(status_kb("self", "VmHWM") / 1024),
                   "server_disk_mb": folder_mb(work / "server")}
            del index
            previous = size
            results.append(row)
            log(json.dumps(row))
            save_stages(args.out, results)
    finally:
        server.terminate()
        server.wait(timeout=60)
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    for row in results:
        print_table(f"{row['chunks']:,} chunks", [
            ("load (this stage) s", f"{row['load_s']}", ""),
            ("dense p50 / p95 ms", f"{row['dense_ms']['p50']} / {row['dense_ms']['p95']}", ""),
            ("sparse p50 / p95 ms", f"{row['sparse_ms']['p50']} / {row['sparse_ms']['p95']}", ""),
            ("fused p50 / p95 ms", f"{row['fused_ms']['p50']} / {row['fused_ms']['p95']}", "p50 <= 150 at 1M"),
            ("server RSS MB", f"{row['server_rss_mb']}", ""),
            ("client RSS / peak MB", f"{row['client_rss_mb']} / {row['client_peak_rss_mb']}", "<= 1536 at 1M"),
        ])


if __name__ == "__main__":
    main()
