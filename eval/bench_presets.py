"""What each settings preset (rag/presets/*.toml) trades, measured on question sets.

    .venv/bin/python eval/bench_presets.py --home DIR [--models DIR] [--answer N] DATASET.jsonl ...

The library under --home is built from the seeds and --pdfs (../shared/pdfs/papers) when it has no snapshot.
For every preset and dataset, everything before the model (`Answerer.assess`: retrieval, evidence, answerability), each
question with an empty sentence-vector cache so no preset reuses another's work:
- evidence recall: share of answerable questions whose shown passages hold every answer keyword;
- abstention on unanswerable questions (closest or refused) and false abstention on answerable ones;
- words shown to the model, texts embedded, CPU milliseconds of this process (less load-dependent than wall);
--answer N also asks the embedded model the first N answerable questions: prompt tokens, first token, total.
Only the presets' retrieval, evidence, answerability and answer sections are applied (chunking is the same
for all, so one index serves them). Timings are noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from benchlib import ROOT, percentile

from rag.answer import Answerer
from rag.config import DEFAULT_SEEDS, Settings, contain_caches
from rag.config_sources import preset_names
from rag.embedding import VectorCache
from rag.library import Library

PDFS = ROOT.parent / "shared" / "pdfs" / "papers"
APPLIED = ("retrieval", "evidence", "answerability", "answer")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _assess_all(answerer: Answerer, rows: list[dict], count: list[int]) -> dict:
    found = answerable = unanswerable = abstained_right = abstained_wrong = 0
    cpu, embedded, words = [], [], []
    for row in rows:
        answerer.library.embedder.__dict__["_vector_cache"] = VectorCache()  # cold: nothing seen before
        before, started = count[0], time.process_time()
        _, _, evidence, signals, _ = answerer.assess(row["question"])
        cpu.append((time.process_time() - started) * 1000)
        embedded.append(count[0] - before)
        shown = " ".join(e.text for e in evidence)
        words.append(len(shown.split()))
        abstained = signals.outcome != "answer"
        if row.get("kind") == "unanswerable":
            unanswerable += 1
            abstained_right += abstained
        else:
            answerable += 1
            abstained_wrong += abstained
            found += all(k.casefold() in shown.casefold() for k in row.get("answer_keywords", []))
    return {"evidence recall": found / answerable if answerable else None,
            "abstention on unanswerable": abstained_right / unanswerable if unanswerable else None,
            "false abstention": abstained_wrong / answerable if answerable else None,
            "words shown, mean": statistics.mean(words), "texts embedded, mean": statistics.mean(embedded),
            "CPU ms p50": percentile(cpu, 50)}


def _answer_some(answerer: Answerer, rows: list[dict], n: int) -> dict:
    picked = [r for r in rows if r.get("kind") != "unanswerable"][:n]
    prompt, first, total = [], [], []
    for row in picked:
        answer = answerer.ask(row["question"])
        if answer.prompt_tokens:
            prompt.append(answer.prompt_tokens)
            first.append(answer.timings.get("first_token_ms", 0.0))
            total.append(answer.timings.get("total_ms", 0.0))
    return {"answers asked": len(picked), "model called": len(prompt),
            "prompt tokens, mean": statistics.mean(prompt) if prompt else None,
            "first token ms p50": percentile(first, 50), "answer ms p50": percentile(total, 50)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("datasets", type=Path, nargs="+")
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--models", type=Path, default=None)
    parser.add_argument("--presets", default=",".join(preset_names()))
    parser.add_argument("--pdfs", type=Path, default=PDFS, help="PDFs ingested with the seeds into a new library")
    parser.add_argument("--answer", type=int, default=0, help="also ask the embedded model N questions per set")
    args = parser.parse_args()
    base = Settings(home=args.home, models_path=args.models)
    contain_caches(base)
    library = Library(base)
    if not base.snapshots_dir.is_dir():
        library.ingest([DEFAULT_SEEDS, args.pdfs])
    count = [0]
    inner = library.embedder.embed_batch

    def counted(texts):
        count[0] += len(texts)
        return inner(texts)

    library.embedder.embed_batch = counted  # type: ignore[method-assign]
    llm = None
    if args.answer:
        from rag.llm import EmbeddedLLM

        llm = EmbeddedLLM()
    results = []
    for name in args.presets.split(","):
        preset = Settings.from_env(preset=name)
        tree = base.model_copy(update={section: getattr(preset, section) for section in APPLIED})
        answerer = Answerer(library, llm, settings=tree)  # type: ignore[arg-type]
        answerer.assess("a warm-up question about transformers")
        for dataset in args.datasets:
            rows = _rows(dataset)
            row = {"preset": name, "dataset": dataset.name, "questions": len(rows), **_assess_all(answerer, rows, count)}
            if llm is not None:
                row |= _answer_some(answerer, rows, args.answer)
            results.append(row)
            print(json.dumps(row), flush=True)
    for dataset in args.datasets:
        mine = [r for r in results if r["dataset"] == dataset.name]
        width = max(len(key) for key in mine[0])
        print(f"\n{dataset.name} (timings noisy on a shared machine)")
        for key in [k for k in mine[0] if k != "dataset"]:
            cells = [f"{r[key]:.3f}" if isinstance(r[key], float) else str(r[key]) for r in mine]
            print(key.ljust(width), *(cell.rjust(10) for cell in cells))

if __name__ == "__main__":
    main()
