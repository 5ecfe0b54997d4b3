"""Put every system through a dataset, record what each did per question, and summarise.

Retrieval is measured for every system on the same questions; answers (ours only) go through
the real Answerer, so citation checks, abstention and the extractive fallback are the ones users
get. The records keep titles, not scores, so two runs compare even when the index changed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqdm import tqdm

from rag.citations import SUPPORT_THRESHOLD, SupportScorer, claim_in_context, parse_markers
from rag.evaluation import EvalError, metrics
from rag.evaluation.baselines import System
from rag.evaluation.dataset import KINDS, Question
from rag.evaluation.results import (AnswerMetrics, AnswerSummary, EvalReport, EvalSummary, QuestionRecord,
                                     RetrievalMetrics, RiskPoint, SentenceRecord, SystemRun, SystemSummary)
from rag.records import Answer, normalize_title

if TYPE_CHECKING:
    from rag.answer import Answerer
    from rag.library import Library

RECALL_KS = (1, 5, 10)
NDCG_K = 10


def run_eval(library: Library, questions: Sequence[Question], systems: Sequence[System], *, k: int = 10,
             answerer: Answerer | None = None, progress: bool = False, dataset: str = "") -> EvalReport:
    """Every question through every system's retrieval, and through `answerer` when given."""
    if not any(system.name == "ours" for system in systems):
        raise EvalError("the systems must include 'ours': baselines are measured against it")
    started = time.perf_counter()
    setup: dict[str, float] = {}
    for system in systems:
        t0 = time.perf_counter()
        system.prepare()
        setup[system.name] = round(time.perf_counter() - t0, 2)
    records: list[QuestionRecord] = []
    bar = tqdm(questions, desc="eval", unit="q", file=sys.stderr, disable=not progress, dynamic_ncols=True)
    for question in bar:
        bar.set_postfix_str(question.id)
        runs = {system.name: _retrieve(system, question.question, k) for system in systems}
        ours = runs.pop("ours")
        record = QuestionRecord(id=question.id, question=question.question, kind=question.kind,
                                gold_titles=question.gold_titles, answer_keywords=question.answer_keywords,
                                retrieved_titles=ours.retrieved_titles, timings=ours.timings, baselines=runs)
        if answerer is not None:
            _answer(record, answerer.ask(question.question), answerer)
        records.append(record)
    summary = summarize(records, [s.name for s in systems], k)
    summary.dataset, summary.k, summary.mode = dataset, k, "answer" if answerer else "retrieval"
    summary.systems_description = {s.name: s.description for s in systems}
    summary.setup_seconds = setup
    summary.run_seconds = round(time.perf_counter() - started, 1)
    summary.index, summary.embedder = library.index_name, library.embedder.model_id
    summary.papers = len(library.snapshot.papers)
    summary.created = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    run_settings = answerer.settings if answerer else library.settings
    summary.settings_hash, summary.preset = run_settings.fingerprint(), run_settings.preset
    if answerer is not None:
        summary.llm = f"{answerer.llm.backend}:{answerer.llm.model}"
        summary.answer_settings = answerer.settings.model_dump(mode="json", include={"evidence", "answerability",
                                                                                   "answer"})
        summary.alce_support_threshold = SUPPORT_THRESHOLD
    return EvalReport(summary=summary, questions=records)


def _retrieve(system: System, question: str, k: int) -> SystemRun:
    t0 = time.perf_counter()
    papers = system.retrieve(question, k)
    elapsed = (time.perf_counter() - t0) * 1000
    return SystemRun(retrieved_titles=[p.title for p in papers], timings={"search_ms": round(elapsed, 2)})


def _answer(record: QuestionRecord, answer: Answer, answerer: Answerer) -> None:
    """Copy what the answer did into the record and check its citations independently of the pipeline."""
    record.answer = answer.answer
    record.abstained = answer.outcome != "answer"
    record.outcome = answer.outcome
    record.answerability = answer.answerability
    record.fallback = answer.fallback
    record.unsupported_sentences = answer.unsupported_sentences
    record.removed_citations = answer.removed_citations
    record.cited_titles = list(dict.fromkeys(c.title for c in answer.citations))
    record.prompt_tokens = answer.prompt_tokens
    record.timings = {"search_ms": record.timings["search_ms"], **answer.timings}
    record.abstain_reason = answer.abstain_reason or None
    record.evidence_relevance = round(max(e.relevance for e in answer.evidence), 4) if answer.evidence else None

    # Judged from what the model wrote and what it was shown, not from the pipeline's own checks.
    record.written_citations = metrics.written_citations(answer.raw_text)
    record.shown_numbers = [e.n for e in answer.evidence]
    record.evidence_titles = list(dict.fromkeys(e.paper.title for e in answer.evidence))
    shown_text = " ".join(f"{e.paper.title} {e.text}" for e in answer.evidence)
    record.evidence_has_keywords = metrics.contains_all(shown_text, record.answer_keywords)

    scorer = SupportScorer(answerer.library.embedder, answer.evidence) if answer.sentences else None
    record.sentences = []
    for sentence in answer.sentences:
        alce = None
        if sentence.supported and scorer is not None:
            claim, cited = parse_markers(sentence.text)
            scores = [scorer.support(claim_in_context(claim, answer.standalone_question, scorer.evidence[n].paper.title),
                                     n).score for n in cited if n in scorer.evidence]
            alce = bool(scores) and max(scores) >= SUPPORT_THRESHOLD
        record.sentences.append(SentenceRecord(text=sentence.text, origin=sentence.origin, citations=sentence.citations,
                                               supported=sentence.supported, support=sentence.support,
                                               alce_supported=alce))


def summarize(records: Sequence[QuestionRecord], systems: Sequence[str], k: int) -> EvalSummary:
    """Metrics per system (retrieval) and for our answers, overall and per kind."""
    kinds = [kind for kind in KINDS if any(r.kind == kind for r in records)]
    groups = {kind: [r for r in records if r.kind == kind] for kind in kinds}
    summary = EvalSummary(questions=len(records), by_kind_count={kind: len(groups[kind]) for kind in kinds},
                          systems={system: SystemSummary(
                              overall=retrieval_metrics(records, system, k),
                              by_kind={kind: retrieval_metrics(groups[kind], system, k) for kind in kinds},
                              recall_curve=recall_curve(records, system, k)) for system in systems})
    if any(r.abstained is not None for r in records):
        summary.answer = AnswerSummary(overall=answer_metrics(records),
                                       by_kind={kind: answer_metrics(groups[kind]) for kind in kinds},
                                       risk_coverage=risk_coverage(records))
    return summary


def _keys(titles: Sequence[str]) -> list[str]:
    return [normalize_title(t) for t in titles]


def retrieval_metrics(records: Sequence[QuestionRecord], system: str, k: int) -> RetrievalMetrics:
    answerable = [r for r in records if r.gold_titles]
    out: dict = {"n": len(answerable)}
    for cut in (c for c in RECALL_KS if c <= k):
        out[f"recall@{cut}"] = metrics.mean(metrics.recall_at_k(_keys(r.ranked(system)), _keys(r.gold_titles), cut)
                                            for r in answerable)
    out["mrr"] = metrics.mean(metrics.reciprocal_rank(_keys(r.ranked(system)), _keys(r.gold_titles))
                              for r in answerable)
    if k >= NDCG_K:
        out[f"ndcg@{NDCG_K}"] = metrics.mean(metrics.ndcg_at_k(_keys(r.ranked(system)), _keys(r.gold_titles), NDCG_K)
                                             for r in answerable)
    latencies = [r.latency_ms(system) for r in records]
    out["latency_p50_ms"] = _round(metrics.percentile(latencies, 50))
    out["latency_p95_ms"] = _round(metrics.percentile(latencies, 95))
    return RetrievalMetrics.model_validate(_rounded(out))


def recall_curve(records: Sequence[QuestionRecord], system: str, k: int) -> list[float]:
    curves = [metrics.recall_curve(_keys(r.ranked(system)), _keys(r.gold_titles), k) for r in records if r.gold_titles]
    if not curves:
        return []
    return [_round(sum(column) / len(column)) for column in zip(*curves)]


def answer_metrics(records: Sequence[QuestionRecord]) -> AnswerMetrics:
    records = [r for r in records if r.abstained is not None]
    answerable = [r for r in records if r.gold_titles]
    unanswerable = [r for r in records if not r.gold_titles]
    answered = [r for r in records if not r.abstained]
    # Pooled over answers: every citation number the model wrote, and whether it was a passage it was shown.
    written = [n in (r.shown_numbers or []) for r in records for n in (r.written_citations or [])]
    model_sentences = [s.supported for r in records for s in (r.sentences or []) if s.origin == "model"]
    total_ms = [r.timings.get("total_ms", 0.0) for r in records]
    first_token = [r.timings["first_token_ms"] for r in records if r.timings.get("first_token_ms")]
    prompt_tokens = [r.prompt_tokens for r in records if r.prompt_tokens]
    out = {
        "n": len(records),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "answered": sum(r.outcome == "answer" for r in records),
        "closest": sum(r.outcome == "closest" for r in records),
        "refused": sum(r.outcome == "refused" for r in records),
        "abstention_accuracy": metrics.rate(r.abstained for r in unanswerable),
        "false_abstention": metrics.rate(r.abstained for r in answerable),
        "invented_citation_rate": metrics.rate(not shown for shown in written),
        "citations_written": len(written),
        "citation_precision": metrics.mean(metrics.citation_precision(_keys(r.cited_titles or []), _keys(r.gold_titles))
                                           for r in answerable if not r.abstained),
        "citation_recall": metrics.mean(metrics.citation_recall(_keys(r.cited_titles or []), _keys(r.gold_titles))
                                        for r in answerable),
        "evidence_recall": metrics.rate(r.evidence_has_keywords for r in answerable
                                        if r.evidence_has_keywords is not None),
        "content_keyword_recall": metrics.mean(
            metrics.content_keyword_recall(r.answer or "", r.answer_keywords, r.gold_titles, r.evidence_titles or [])
            for r in answerable),
        "keyword_recall": metrics.mean(metrics.keyword_recall(r.answer or "", r.answer_keywords) for r in answerable),
        "citation_support": metrics.mean(
            metrics.citation_support([bool(s.alce_supported) for s in (r.sentences or []) if s.supported])
            for r in answered),
        "model_sentence_support": metrics.rate(model_sentences),
        "model_sentences": len(model_sentences),
        "fallback_rate": metrics.rate(bool(r.fallback) for r in answered),
        "invented_citations_removed": sum(len(r.removed_citations or []) for r in records),
        "latency_p50_ms": metrics.percentile(total_ms, 50),
        "latency_p95_ms": metrics.percentile(total_ms, 95),
        "first_token_p50_ms": metrics.percentile(first_token, 50),
        "first_token_p95_ms": metrics.percentile(first_token, 95),
        "prompt_tokens_mean": metrics.mean(prompt_tokens),
        "prompt_tokens_max": max(prompt_tokens, default=None),
    }
    return AnswerMetrics.model_validate(_rounded(out))


def evidence_right(record: QuestionRecord) -> bool:
    """Would answering be right? The question is answerable, a gold paper is among the shown passages and they
    hold every answer keyword. Judged on the evidence, so it is defined for questions we did not answer too."""
    if not record.gold_titles:
        return False
    shown = set(_keys(record.evidence_titles or []))
    return bool(shown & set(_keys(record.gold_titles))) and record.evidence_has_keywords is not False


def risk_coverage(records: Sequence[QuestionRecord]) -> list[RiskPoint]:
    """Answer rate vs share of answers that are right, sweeping the answerability threshold (ours)."""
    scored = [r for r in records if r.abstained is not None]
    # An answer given without the model's p (the catalog answered a metadata question) is a certain one.
    rows = metrics.risk_coverage([r.answerability if r.answerability is not None else float(r.outcome == "answer")
                                  for r in scored],
                                 [evidence_right(r) for r in scored])
    return [RiskPoint.model_validate(_rounded(row)) for row in rows]


def _rounded(figures: dict) -> dict:
    return {key: _round(value) if isinstance(value, float) else value for key, value in figures.items()}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
