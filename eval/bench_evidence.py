"""Evidence on full papers: does what the model is shown contain the fact, and how fast is it chosen?

    .venv/bin/python eval/bench_evidence.py --dataset eval/datasets/fulltext_dev.jsonl [--home DIR]
        [--embedder minilm-int8] [--answer] [--ingest]

Without --home a fresh library is built from the seeds and ../shared/pdfs/papers (timed with --ingest
as a `rag ingest` process). For every answerable question: the gold paper's rank (retrieval MRR), the
passages `select_evidence` shows (evidence recall = share of questions whose shown passages contain
every answer keyword, case-insensitive), the time it took with an empty sentence-vector cache, and
how many texts it embedded. --answer adds the embedded model's answer time per question.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from benchlib import ROOT, percentile, print_table, run_rag, scratch

from rag.config import DEFAULT_SEEDS, Settings, contain_caches
from rag.embedding import Embedder, VectorCache, load_embedder
from rag.evidence import select_evidence
from rag.library import Library
from rag.records import normalize_title

PDFS = ROOT.parent / "shared" / "pdfs" / "papers"


class CountingEmbedder:
    """Counts the texts the wrapped embedder really runs (cache misses)."""

    def __init__(self, inner: Embedder):
        self.inner, self.texts = inner, 0
        original = inner.embed_batch

        def counted(texts: list[str]):
            self.texts += len(texts)
            return original(texts)

        inner.embed_batch = counted  # type: ignore[method-assign]


def load_questions(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r.get("gold_titles") and r.get("kind") != "unanswerable"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--models", type=Path, default=None)
    parser.add_argument("--embedder", default="minilm-int8")
    parser.add_argument("--answer", action="store_true", help="also time answers with the embedded model")
    parser.add_argument("--ingest", action="store_true", help="time `rag ingest` of the seeds and PDFs")
    parser.add_argument("--words-only", action="store_true", help="rank a paper's passages without the vector store")
    parser.add_argument("--show", action="store_true", help="print each miss with what was shown")
    args = parser.parse_args()
    work = scratch("rag-bench-evidence-")
    home = args.home or work / "home"
    settings = Settings(home=home, models_path=args.models)
    contain_caches(settings)
    rows: list[tuple[str, str, str]] = []
    if args.ingest or args.home is None:
        if args.embedder != "minilm-int8":
            raise SystemExit("--ingest times the default embedder; give --home for another one")
        run_rag(["ingest", str(DEFAULT_SEEDS)], work / "warm", settings.models_dir)  # builds the embedder once
        seeds_s, _, _ = run_rag(["ingest", str(DEFAULT_SEEDS)], home, settings.models_dir)
        cpu_before = _children_cpu()
        pdf_s, _, out = run_rag(["ingest", str(PDFS), "--json"], home, settings.models_dir)
        pdf_cpu = _children_cpu() - cpu_before
        pages = sum(_pages(p) for p in PDFS.glob("*.pdf"))
        embedded = json.loads(out)["embedded"]
        cpu_before = _children_cpu()  # an up-to-date run: the cost of a process that starts and checks (fixed)
        fixed_s, _, _ = run_rag(["ingest", str(PDFS), "--json"], home, settings.models_dir)
        fixed_cpu = _children_cpu() - cpu_before
        page_cpu = (pdf_cpu - fixed_cpu) / pages
        rows += [("cold seed ingest, process start to done (s)", f"{seeds_s:.1f}", "no regression"),
                 (f"then {pages} PDF pages added, process start to done (s)", f"{pdf_s:.1f}", ""),
                 ("  CPU time of that process, all threads (s; load-independent)", f"{pdf_cpu:.1f}", ""),
                 ("  per page: wall s / CPU s / chunks embedded",
                  f"{pdf_s / pages:.2f} / {pdf_cpu / pages:.3f} / {embedded / pages:.1f}", ""),
                 ("  ~200 pages at that rate (s; start-up counted per run: an upper bound)",
                  f"{200 * pdf_s / pages:.0f}", "<= 30"),
                 ("  fixed cost of a run (up-to-date ingest): wall s / CPU s", f"{fixed_s:.1f} / {fixed_cpu:.1f}", ""),
                 ("  CPU s per page beyond it; ~200 pages in CPU s (fixed + 200 x per page)",
                  f"{page_cpu:.3f}; {fixed_cpu + 200 * page_cpu:.0f}", "")]
    embedder = load_embedder(settings.models_dir, settings.embed_threads, args.embedder)
    library = Library(settings, embedder=embedder)
    if args.embedder != "minilm-int8":
        library.ingest([DEFAULT_SEEDS, PDFS])
    counter = CountingEmbedder(embedder)
    questions = load_questions(args.dataset)
    library.search("warm up", k=1)
    ranks, found, times, cpu_times, embedded = [], 0, [], [], []
    for q in questions:
        gold = {normalize_title(t) for t in q["gold_titles"]}
        hits = library.search(q["question"], k=settings.retrieval.k)
        titles = [normalize_title(h.paper.title) for h in hits]
        ranks.append(next((1 / r for r, t in enumerate(titles, 1) if t in gold), 0.0))
        embedder.__dict__["_vector_cache"] = VectorCache()  # cold: no sentence seen before
        before, started, cpu = counter.texts, time.perf_counter(), time.process_time()
        evidence = select_evidence(q["question"], hits, embedder, settings.evidence,
                                   library.retriever.chunks_by_paper,
                                   chunk_scores=None if args.words_only else library.retriever.chunk_scores)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu) * 1000)
        embedded.append(counter.texts - before)
        shown = " ".join(e.text for e in evidence).casefold()
        hit = all(k.casefold() in shown for k in q["answer_keywords"])
        found += hit
        if args.show and not hit:
            print(f"\nMISS {q['id']}: {q['question']} {q['answer_keywords']}")
            for e in evidence:
                print(f"  [{e.n}] {e.paper.title[:50]} · {e.section} p.{e.page} · {e.text[:300]}")
    n = len(questions)
    rows += [
        (f"evidence recall, {n} answerable questions", f"{found / n:.3f}" if n else "-", ">= 0.85"),
        ("retrieval MRR (paper level, k=5)", f"{statistics.mean(ranks):.3f}" if n else "-", ""),
        ("evidence selection p50 / p95, cold cache (ms)", f"{percentile(times, 50):.0f} / {percentile(times, 95):.0f}",
         "<= 150 p50"),
        ("  CPU time of this process p50, all threads (ms; load-independent)", f"{percentile(cpu_times, 50):.0f}", ""),
        ("texts embedded per question, mean / max", f"{statistics.mean(embedded):.1f} / {max(embedded)}", ""),
    ]
    if args.answer:
        rows += _answers(library, questions)
    print_table(f"evidence on {args.dataset.name} ({args.embedder}; timings noisy on a shared machine)", rows)


def _answers(library: Library, questions: list[dict]) -> list[tuple[str, str, str]]:
    from rag.answer import Answerer
    from rag.llm import EmbeddedLLM

    answerer = Answerer(library, EmbeddedLLM())
    answerer.ask(questions[0]["question"])  # warm-up: the model loaded
    totals, evidence_ms, first, cpu, prompt, completion, prefill, decode = [], [], [], [], [], [], [], []
    for q in questions:
        started = time.process_time()
        answer = answerer.ask(q["question"])
        cpu.append(time.process_time() - started)
        totals.append(answer.timings["total_ms"])
        evidence_ms.append(answer.timings["evidence_ms"])
        t = answer.timings
        if t.get("first_token_ms") and answer.prompt_tokens:
            first.append(t["retrieve_ms"] + t["evidence_ms"] + t["first_token_ms"])
            prompt.append(answer.prompt_tokens)
            completion.append(answer.completion_tokens or 0)
            prefill.append(answer.prompt_tokens / (t["first_token_ms"] / 1000))  # prompt read before the first token
            if answer.completion_tokens and t["generate_ms"] > t["first_token_ms"]:
                decode.append(answer.completion_tokens / ((t["generate_ms"] - t["first_token_ms"]) / 1000))
    return [("answer total p50 / p95, embedded model (s)",
             f"{percentile(totals, 50) / 1000:.2f} / {percentile(totals, 95) / 1000:.2f}", "<= 4 p50"),
            ("  first token p50 (s; retrieval + evidence + prefill)", f"{percentile(first, 50) / 1000:.2f}", "<= 1.5"),
            ("  CPU time per answer p50, all threads (s; load-independent)", f"{percentile(cpu, 50):.2f}", ""),
            ("  prompt / completion tokens, mean", f"{_mean(prompt):.0f} / {_mean(completion):.0f}", ""),
            ("  prefill / decode tokens per wall s, p50", f"{percentile(prefill, 50):.0f} / {percentile(decode, 50):.0f}",
             ""),
            ("evidence_ms inside answers p50 (warm cache)", f"{percentile(evidence_ms, 50):.0f}", "")]


def _mean(values: list[float]) -> float:
    return statistics.mean(values) if values else float("nan")


def _children_cpu() -> float:
    """User + system CPU seconds of every finished child process (a `rag` run and its threads included)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


if __name__ == "__main__":
    main()
