"""Embedder figures on this machine: import time, export and load time, chunks/s, query latency.

    .venv/bin/python eval/bench_embed.py [--models-dir DIR] [--threads N] [--rounds R]

Chunks are ~180-word-piece windows cut from the long lines (abstracts) of seeds/*.txt. Throughput
is the best of R rounds, since other processes on a 2-core machine slow single rounds down; the
"cpu bound" column (threads x chunks per CPU-second of this process) is what a quiet machine gives.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from rag.config import DEFAULT_SEEDS, Settings  # noqa: E402
from rag.embedding import OnnxMiniLM  # noqa: E402

QUERIES = [
    "catastrophic forgetting in continual learning", "how do LLMs use citations", "sample-efficient RL",
    "memory architectures for language models", "few-shot meta learning with Bayesian models",
    "what is a world model", "exploration bonuses in contextual MDPs", "KL regularization in RLHF",
]


def seed_chunks(embedder: OnnxMiniLM, size: int = 180) -> list[str]:
    """Greedy word windows of about `size` pieces over every seed line longer than 300 characters."""
    chunks = []
    for path in sorted(DEFAULT_SEEDS.glob("*.txt")):
        for line in path.read_text().splitlines():
            if len(line) < 300:
                continue
            words = line.split()
            pieces = [n - 2 for n in embedder.count_tokens(words)]
            start, total = 0, 2
            for i, n in enumerate(pieces):
                if total + n > size:
                    chunks.append(" ".join(words[start:i]))
                    start, total = i, 2
                total += n
            if total > size * 0.8:
                chunks.append(" ".join(words[start:]))
    return chunks


def import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import rag.embedding; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, default=Settings.from_env().models_dir)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    print(f"import rag.embedding: {import_seconds() * 1000:.0f} ms")
    rows, vectors = [], {}
    for variant in ("fp32", "int8"):
        embedder = OnnxMiniLM(args.models_dir, args.threads, variant)
        export_s = None
        if not embedder.onnx_file.exists():
            t = time.perf_counter()
            embedder.session()
            export_s = time.perf_counter() - t
        embedder = OnnxMiniLM(args.models_dir, args.threads, variant)
        t = time.perf_counter()
        embedder.embed_query("load")
        load_s = time.perf_counter() - t
        chunks = seed_chunks(embedder)
        cpu = time.process_time()
        best = min(_timed(lambda: embedder.embed(chunks)) for _ in range(args.rounds))
        cpu_bound = args.threads * len(chunks) * args.rounds / (time.process_time() - cpu)
        latencies = [_timed(lambda q=q: embedder.embed_query(q)) for q in QUERIES * 5]
        vectors[variant] = embedder.embed(chunks)
        rows.append((variant, export_s, load_s, len(chunks) / best, cpu_bound, statistics.median(latencies)))

    tokens = statistics.median(embedder.count_tokens(chunks))
    print(f"{len(chunks)} chunks from {DEFAULT_SEEDS}, median {tokens:.0f} pieces; threads={args.threads}\n")
    print(f"{'variant':8} {'export s':>9} {'load s':>7} {'chunks/s':>9} {'cpu bound':>10} {'query p50 ms':>13}")
    for variant, export_s, load_s, rate, cpu_bound, p50 in rows:
        export = f"{export_s:.1f}" if export_s is not None else "cached"
        print(f"{variant:8} {export:>9} {load_s:7.2f} {rate:9.1f} {cpu_bound:10.1f} {p50 * 1000:13.1f}")
    cos = (vectors["int8"] * vectors["fp32"]).sum(axis=1)
    print(f"\nint8 vs fp32 cosine: mean {cos.mean():.4f}, min {cos.min():.4f}")


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
