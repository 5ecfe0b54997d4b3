"""Answer latency with the embedded model: warm in-process, and a cold `rag ask` process.

    .venv/bin/python eval/bench_answer.py [--models DIR]

Warm = the library, the embedder and the LLM are loaded; each question is asked once after a
warm-up question. First token is the model's first streamed token after retrieval began.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from benchlib import percentile, print_table, run_rag, scratch

from rag.answer import Answerer
from rag.config import DEFAULT_SEEDS, Settings, contain_caches
from rag.library import Library
from rag.llm import EmbeddedLLM

QUESTIONS = [
    "Which paper proposes a Gaussian trust region for PPO?",
    "What does TokMem do?",
    "What is DA-AC built on?",
    "How does Cactus speed up decoding?",
    "What benchmark tests long-term memory beyond a million tokens?",
    "Which paper studies the primacy bias in deep reinforcement learning?",
    "What does the Mixture-of-Recursions model share across recursion steps?",
    "How are Hopfield networks made continuous?",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=Path, default=None)
    args = parser.parse_args()
    work = scratch("rag-bench-answer-")
    settings = Settings(home=work / "home", models_path=args.models or work / "models")
    contain_caches(settings)
    library = Library(settings)
    library.ingest([DEFAULT_SEEDS])
    answerer = Answerer(library, EmbeddedLLM())
    answerer.ask("What does TokMem do?")  # warm-up: model and BM25 loaded

    first, total, prompt, answered = [], [], [], 0
    for question in QUESTIONS:
        answer = answerer.ask(question)
        total.append(answer.timings["total_ms"])
        if "first_token_ms" in answer.timings:
            first.append(answer.timings["retrieve_ms"] + answer.timings["evidence_ms"] + answer.timings["first_token_ms"])
            prompt.append(answer.prompt_tokens)
            answered += 1

    cold = []
    for question in QUESTIONS[:3]:
        seconds, _, out = run_rag(["ask", question, "--llm", "embedded", "--json"], settings.home, settings.models_dir)
        assert json.loads(out)["answer"]
        cold.append(seconds)

    rows = [
        (f"warm first token p50, {answered} answered (s)", f"{percentile(first, 50) / 1000:.2f}", "<= 1.5"),
        ("warm first token p95 (s)", f"{percentile(first, 95) / 1000:.2f}", ""),
        ("warm total p50 (s)", f"{percentile(total, 50) / 1000:.2f}", "<= 8"),
        ("warm total p95 (s)", f"{percentile(total, 95) / 1000:.2f}", ""),
        ("prompt tokens per answer, mean", f"{statistics.mean(prompt):.0f}" if prompt else "-", ""),
        ("cold `rag ask` process, median of 3 (s)", f"{statistics.median(cold):.2f}", ""),
    ]
    print_table("answers with the embedded model (SmolLM2-135M, 2 threads)", rows)


if __name__ == "__main__":
    main()
