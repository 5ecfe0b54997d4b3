"""An eval run as text: report.md, and the short tables a terminal shows after `rag eval`."""

from __future__ import annotations

from pathlib import Path

from rag.evaluation.gate import TARGETS, Targets, check
from rag.evaluation.results import EvalReport, QuestionRecord, RiskPoint
from rag.records import normalize_title

RETRIEVAL_COLUMNS = ("recall@1", "recall@5", "recall@10", "mrr", "ndcg@10", "latency_p50_ms", "latency_p95_ms")
ANSWER_COLUMNS = ("abstention_accuracy", "false_abstention", "invented_citation_rate", "citation_precision",
                  "citation_recall", "evidence_recall", "content_keyword_recall", "keyword_recall",
                  "citation_support", "model_sentence_support", "fallback_rate", "first_token_p50_ms",
                  "latency_p50_ms", "latency_p95_ms", "prompt_tokens_mean")
LABELS = {"recall@1": "R@1", "recall@5": "R@5", "recall@10": "R@10", "mrr": "MRR", "ndcg@10": "nDCG@10",
          "latency_p50_ms": "p50 ms", "latency_p95_ms": "p95 ms", "abstention_accuracy": "abstain (unans.)",
          "false_abstention": "false abstain", "invented_citation_rate": "invented cites (raw)",
          "citation_precision": "cite prec", "citation_recall": "cite rec", "citation_support": "support (diag.)",
          "keyword_recall": "keywords (any)", "content_keyword_recall": "content keywords",
          "evidence_recall": "evidence recall", "first_token_p50_ms": "1st token p50 ms",
          "model_sentence_support": "LLM sent. supported", "fallback_rate": "fallback",
          "prompt_tokens_mean": "prompt tok"}
ANSWER_NOTE = ("Abstention (an outcome of `closest` or `refused`) is over unanswerable questions, false abstention "
               "over answerable ones. Invented cites (raw) is the share of citation numbers the model wrote that "
               "point at no shown passage, before the pipeline removes them. Citation precision and recall are "
               "against the gold papers. Evidence recall: answerable questions whose shown passages hold every "
               "answer keyword. Content keywords: answer keywords that are not words of a gold title, found in the "
               "answer after every gold and shown title is cut out of it. Keywords (any) counts title words too. "
               "Support (diag.) re-scores kept sentences with the pipeline's own scorer: a diagnostic, not a "
               "target. Latency is the whole ask, in ms.")


def fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.0f}"
    return str(value)


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _metric_table(groups: list[tuple[str, object]], wanted: tuple[str, ...], first: str) -> str:
    """Rows of typed metric groups, with the columns the first group has."""
    present = groups[0][1].columns()
    columns = [c for c in wanted if c in present]
    return table([first] + [LABELS.get(c, c) for c in columns],
                 [[name] + [m.column(c) for c in columns] for name, m in groups])


def _targets_table(report: EvalReport, no: str, targets: Targets) -> str:
    return table(["target", "measured", "wanted", "met"],
                 [[r.name, r.measured, r.wanted, {True: "yes", False: no, None: "–"}[r.met]]
                  for r in check(report.summary, targets)])


def misses(questions: list[QuestionRecord], k: int = 5) -> list[dict]:
    """Answerable questions where our top k lacks some gold paper, with the gold ranks."""
    out = []
    for q in questions:
        if not q.gold_titles:
            continue
        ranked = [normalize_title(t) for t in q.retrieved_titles]
        ranks = {t: (ranked.index(normalize_title(t)) + 1 if normalize_title(t) in ranked else None)
                 for t in q.gold_titles}
        if sum(1 for r in ranks.values() if r is not None and r <= k) < min(k, len(q.gold_titles)):
            out.append({"id": q.id, "kind": q.kind, "question": q.question, "gold_ranks": ranks,
                        "top3": q.retrieved_titles[:3]})
    return out


def markdown(report: EvalReport, plots: list[str] = (), targets: Targets = TARGETS) -> str:
    s = report.summary
    lines = [f"# Eval report: {Path(s.dataset or 'dataset').name}", ""]
    meta = [f"{s.questions} questions ({', '.join(f'{k} {v}' for k, v in s.by_kind_count.items())})",
            f"mode: {s.mode}", f"k = {s.k}", f"embedder: {s.embedder}", f"index: {s.index} ({s.papers} papers)",
            f"settings: {s.settings_hash}" + (f" (preset {s.preset})" if s.preset else ""), f"created {s.created}", f"run time {s.run_seconds} s"]
    if s.llm:
        meta.insert(2, f"LLM: {s.llm}")
    lines += ["- " + item for item in meta] + ["", "## Systems", ""]
    lines += [f"- **{name}**: {text}" for name, text in s.systems_description.items()] + [""]

    lines += [f"## Retrieval, answerable questions (n = {s.ours.overall.n})", "",
              "Recall is capped recall |top-k ∩ gold| / min(k, |gold|); latency is one search, in ms.", "",
              _metric_table([(name, m.overall) for name, m in s.systems.items()], RETRIEVAL_COLUMNS, "system"), ""]
    for kind in s.by_kind_count:
        if kind == "unanswerable" or kind not in s.ours.by_kind:
            continue
        lines += [f"### {kind} (n = {s.ours.by_kind[kind].n})", "",
                  _metric_table([(name, m.by_kind[kind]) for name, m in s.systems.items() if kind in m.by_kind],
                                RETRIEVAL_COLUMNS, "system"), ""]

    if s.answer is not None:
        overall = s.answer.overall
        lines += ["## Answers (ours)", "", ANSWER_NOTE, "",
                  _metric_table([("overall", overall), *s.answer.by_kind.items()], ANSWER_COLUMNS, "group"),
                  "", f"Outcomes: {overall.answered} answered, {overall.closest} closest passages, "
                      f"{overall.refused} refused. {overall.model_sentences} sentences came from the model; it "
                      f"wrote {overall.citations_written} citation numbers, "
                      f"{overall.invented_citations_removed} distinct invented ones were removed.", ""]
        lines += risk_coverage_lines(s.answer.risk_coverage)

    lines += ["## Targets", "", _targets_table(report, "**no**", targets), ""]
    missed = misses(report.questions)
    lines += [f"## Where ours misses a gold paper in its top 5 ({len(missed)})", ""]
    for item in missed:
        top = f"not in top {s.k}"
        ranks = "; ".join(f"{title[:70]} → {rank or top}" for title, rank in item["gold_ranks"].items())
        lines.append(f"- `{item['id']}` ({item['kind']}) {item['question']}  \n  gold rank: {ranks}  \n"
                     f"  ours top 3: {' | '.join(t[:60] for t in item['top3'])}")
    lines.append("")
    if s.answer is not None:
        lines += abstention_lines(report.questions)
    if plots:
        lines += ["## Plots", ""] + [f"![{name}]({name})" for name in plots] + [""]
    return "\n".join(lines)


def abstention_lines(questions: list[QuestionRecord]) -> list[str]:
    wrong_abstain = [q for q in questions if q.gold_titles and q.abstained]
    answered_none = [q for q in questions if not q.gold_titles and q.abstained is False]
    lines = [f"## Answerable questions we abstained on ({len(wrong_abstain)})", ""]
    lines += [f"- `{q.id}` [{q.outcome}] {q.question} ({q.abstain_reason or 'the model refused'})"
              for q in wrong_abstain]
    lines += ["", f"## Unanswerable questions we answered ({len(answered_none)})", ""]
    lines += [f"- `{q.id}` {q.question} (p = {fmt(q.answerability)}): {(q.answer or '')[:200]}"
              for q in answered_none]
    return lines + [""]


def brief(report: EvalReport, targets: Targets = TARGETS) -> str:
    """The overall tables and the targets: what a terminal shows after a run."""
    s = report.summary
    lines = [f"retrieval, {s.ours.overall.n} answerable questions (k = {s.k}):",
             _metric_table([(name, m.overall) for name, m in s.systems.items()], RETRIEVAL_COLUMNS, "system"), ""]
    if s.answer is not None:
        overall = s.answer.overall
        present = overall.columns()
        columns = [c for c in ANSWER_COLUMNS if c in present]
        lines += [f"answers ({s.llm}):", table([LABELS.get(c, c) for c in columns],
                                                [[overall.column(c) for c in columns]]), ""]
    lines += ["targets:", _targets_table(report, "NO", targets)]
    return "\n".join(lines)


def risk_coverage_lines(rows: list[RiskPoint], points: int = 12) -> list[str]:
    """The risk–coverage curve as a table: about `points` thresholds, from answering least to answering all."""
    if not rows:
        return []
    step = max(1, len(rows) // points)
    picked = rows[step - 1 :: step]
    if picked[-1] is not rows[-1]:
        picked.append(rows[-1])
    return ["### Risk–coverage (selective answering)", "",
            "Sweeping the answerability threshold: answer only the questions with p at or above it. An answer "
            "counts as right when the question is answerable and the shown passages include a gold paper and every "
            "answer keyword (judged on the evidence, so it is defined for the questions we did not answer too).", "",
            table(["p ≥", "answer rate (coverage)", "right among answered"],
                  [[r.threshold, r.coverage, r.accuracy] for r in picked]), ""]
