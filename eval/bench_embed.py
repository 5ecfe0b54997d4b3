"""Embedder figures on this machine: import time, export and load time, chunks/s, query latency.

    .venv/bin/python eval/bench_embed.py [--models-dir DIR] [--threads N] [--rounds R] [--onnx LABEL=PATH ...]

Chunks are ~180-word-piece windows cut from the long lines (abstracts) of seeds/*.txt. Rounds
interleave the builds and the median and best of R rounds are shown, since other processes on a
2-core machine slow single rounds down; the "cpu bound" column (threads x chunks per CPU-second of
this process) is what a quiet machine gives. `--onnx old=PATH` times another .onnx file (say, the
build before a graph change) in the same rounds; "cos fp32" compares each build with this exporter's fp32.
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


class OnnxFile(OnnxMiniLM):
    """The same embedder over a given .onnx file (another build, for a back-to-back comparison)."""

    def __init__(self, models_dir: Path, threads: int, path: Path):
        super().__init__(models_dir, threads, "fp32")
        self._path = path

    @property
    def onnx_file(self) -> Path:
        return self._path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, default=Settings.from_env().models_dir)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--onnx", action="append", default=[], metavar="LABEL=PATH",
                        help="also time this .onnx file (e.g. an older build), interleaved with the others")
    args = parser.parse_args()

    print(f"import rag.embedding: {import_seconds() * 1000:.0f} ms")
    builds: dict[str, OnnxMiniLM] = {}
    export_s, load_s = {}, {}
    for variant in ("fp32", "int8"):
        embedder = OnnxMiniLM(args.models_dir, args.threads, variant)
        if not embedder.onnx_file.exists():
            t = time.perf_counter()
            embedder.session()
            export_s[variant] = time.perf_counter() - t
        builds[variant] = OnnxMiniLM(args.models_dir, args.threads, variant)
    for spec in args.onnx:
        label, _, path = spec.partition("=")
        builds[label] = OnnxFile(args.models_dir, args.threads, Path(path))
    for label, embedder in builds.items():
        t = time.perf_counter()
        embedder.embed_query("load")
        load_s[label] = time.perf_counter() - t

    chunks = seed_chunks(builds["fp32"])
    # Rounds interleave the builds, so load from other processes on the shared cores hits all of them alike.
    rates: dict[str, list[float]] = {label: [] for label in builds}
    cpu: dict[str, float] = dict.fromkeys(builds, 0.0)
    for _ in range(args.rounds):
        for label, embedder in builds.items():
            c = time.process_time()
            rates[label].append(len(chunks) / _timed(lambda e=embedder: e.embed(chunks)))
            cpu[label] += time.process_time() - c
    vectors = {label: embedder.embed(chunks) for label, embedder in builds.items()}

    tokens = statistics.median(builds["fp32"].count_tokens(chunks))
    print(f"{len(chunks)} chunks from {DEFAULT_SEEDS}, median {tokens:.0f} pieces; threads={args.threads}, "
          f"{args.rounds} interleaved rounds\n")
    print(f"{'build':10} {'export s':>9} {'load s':>7} {'chunks/s p50':>13} {'best':>6} {'cpu bound':>10} "
          f"{'query p50 ms':>13} {'cos fp32 mean':>14} {'min':>7}")
    for label, embedder in builds.items():
        export = f"{export_s[label]:.1f}" if label in export_s else "cached"
        cpu_bound = args.threads * len(chunks) * args.rounds / cpu[label]
        p50 = statistics.median(_timed(lambda q=q: embedder.embed_batch([q])) for q in QUERIES * 5)  # no cache
        cos = (vectors[label] * vectors["fp32"]).sum(axis=1)
        print(f"{label:10} {export:>9} {load_s[label]:7.2f} {statistics.median(rates[label]):13.1f} "
              f"{max(rates[label]):6.1f} {cpu_bound:10.1f} {p50 * 1000:13.1f} {cos.mean():14.4f} {cos.min():7.4f}")


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
