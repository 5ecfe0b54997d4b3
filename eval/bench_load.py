"""Load benchmark for the chat UI: concurrent sessions asking through Gradio's HTTP API.

Starts `python -m ui.cli --llm embedded` on a free loopback port over a data dir holding the seeds
(ingested first into a temp dir unless --home is given), then runs SESSIONS concurrent gradio_client
sessions of QUESTIONS questions each: one about a named paper, then follow-ups that point back ("its").
Checks: no request fails, and no history crosses sessions (each follow-up resolves to its own
session's paper). Prints throughput and p50/p95 latency. Bounded: fixed counts and a time limit.

    .venv/bin/python eval/bench_load.py [--sessions 8] [--questions 5] [--home DIR] [--limit-s 1200]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLES = [
    "Distributions as Actions: A Unified Framework for Diverse Action Spaces",
    "Latent State Marginalization as a Low-cost Approach for Improving Exploration",
    "Cascaded Video Generation for Videos In-the-Wild",
    "Multi-label Iterated Learning for Image Classification with Label Ambiguity",
    "Agent Planning with World Knowledge Model",
    "Lipschitzness Is All You Need To Tame Off-policy Generative Adversarial Imitation Learning",
    "Assessing the Zero-Shot Capabilities of LLMs for Action Evaluation in RL",
    "Goal-Conditioned Imitation Learning using Score-based Diffusion Policies",
]
FOLLOW_UPS = ["What method does it propose?", "What are its main results?", "What problem does the paper address?",
              "How is it evaluated?", "What are its limitations?"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def env_for(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("RAG_CHROMA_URL",)}
    env.update(RAG_HOME=str(home), OLLAMA_HOST="http://127.0.0.1:9", PYTHONUNBUFFERED="1",
               GRADIO_ANALYTICS_ENABLED="False")
    return env


def start_ui(home: Path, log_path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = open(log_path, "w")
    server = subprocess.Popen([sys.executable, "-m", "ui.cli", "--port", str(port), "--llm", "embedded"], cwd=ROOT,
                              env=env_for(home), stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"rag ui exited with {server.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("rag ui did not serve its page within 180 s")


def run_session(url: str, index: int, questions: int, latencies: list, lock: threading.Lock) -> dict:
    from gradio_client import Client

    client = Client(url, verbose=False)  # one Client = one Gradio session with its own gr.State
    title = TITLES[index % len(TITLES)]
    asked = [f'What is the paper "{title}" about?'] + FOLLOW_UPS[: questions - 1]
    result = {"session": index, "title": title, "errors": [], "follow_ups_own": 0, "follow_ups_crossed": 0}
    for number, question in enumerate(asked):
        started = time.perf_counter()
        try:
            # question, model, then the unset filters: author, year from, year to, category, source
            out = client.predict(question, "embedded", "", "", "", "", "", api_name="/ask")
        except Exception as exc:  # noqa: BLE001 - a benchmark counts every failure
            result["errors"].append(f"{question!r}: {type(exc).__name__}: {exc}")
            continue
        seconds = time.perf_counter() - started
        with lock:
            latencies.append(seconds)
        # The answer's Markdown export is the one output that starts with "**Q:**".
        markdown = next((o for o in out if isinstance(o, str) and o.startswith("**Q:**")), "") \
            if isinstance(out, (list, tuple)) else ""
        if not markdown:
            result["errors"].append(f"{question!r}: no answer in the reply ({str(out)[:200]})")
            continue
        if f"**Q:** {question}"[:40] not in markdown:
            result["errors"].append(f"{question!r}: the reply answers another question")
        if number:
            others = [t for t in TITLES if t != title and t in markdown]
            if title in markdown:
                result["follow_ups_own"] += 1
            elif others:
                result["follow_ups_crossed"] += 1
                result["errors"].append(f"{question!r}: resolved to another session's paper {others[0]!r}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--home", type=Path, default=None, help="A data dir with the seeds ingested (copied first).")
    parser.add_argument("--limit-s", type=float, default=1200, help="Give up after this many seconds.")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="rag-bench-load-"))
    home = work / "home"
    if args.home:
        shutil.copytree(args.home, home)
    else:
        print("ingesting the seeds into a temp data dir ...", flush=True)
        subprocess.run([sys.executable, "-m", "rag.cli", "ingest"], cwd=ROOT, env=env_for(home), check=True,
                       stdout=subprocess.DEVNULL)
    server, url = start_ui(home, work / "ui-server.log")
    latencies: list[float] = []
    lock = threading.Lock()
    results = []
    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.sessions) as pool:
            futures = [pool.submit(run_session, url, i, args.questions, latencies, lock) for i in range(args.sessions)]
            for future in as_completed(futures, timeout=args.limit_s):
                results.append(future.result())
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

    errors = [e for r in results for e in r["errors"]]
    own = sum(r["follow_ups_own"] for r in results)
    crossed = sum(r["follow_ups_crossed"] for r in results)
    follow_ups = args.sessions * (args.questions - 1)
    ordered = sorted(latencies)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)] if ordered else float("nan")
    print(f"sessions {args.sessions} x questions {args.questions} = {args.sessions * args.questions} requests "
          f"(server queue: 2 concurrent answers, embedded SmolLM2-135M, 2 cores)")
    print(f"completed {len(latencies)}, errors {len(errors)}, wall {wall:.1f} s, "
          f"throughput {len(latencies) / wall:.2f} answers/s")
    if ordered:
        print(f"latency per answer (queueing included): p50 {statistics.median(ordered):.1f} s, p95 {p95:.1f} s, "
              f"max {ordered[-1]:.1f} s")
    print(f"follow-ups: {own}/{follow_ups} cite their own session's paper, {crossed} crossed to another session's")
    for error in errors[:10]:
        print(f"  error: {error}")
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if errors or crossed else 0)


if __name__ == "__main__":
    main()
