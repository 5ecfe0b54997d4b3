"""Reports of an eval run: report.md, report.json and PNG plots; and the deltas between two runs."""

from __future__ import annotations

import json
from pathlib import Path

from rag.evaluation import EvalError
from rag.evaluation.runner import EvalRun, QuestionRecord
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


def write_report(run: EvalRun, out: Path) -> list[Path]:
    """report.json, report.md and the plots in `out`; returns the paths written."""
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EvalError(f"cannot create the report folder {out} ({exc.strerror or exc})") from exc
    written = [out / "report.json", out / "report.md"]
    (out / "report.json").write_text(json.dumps(run.to_json(), indent=2, ensure_ascii=False) + "\n")
    written += plot(run, out)
    (out / "report.md").write_text(markdown(run, plots=[p.name for p in written[2:]]))
    return written


# ---- targets of the issue -------------------------------------------------------------------

def targets(summary: dict) -> list[tuple[str, float | None, str, bool | None]]:
    """(target, measured, wanted, met) for every target the run can measure."""
    systems = summary["systems"]
    ours = systems["ours"]
    rows: list[tuple[str, float | None, str, bool | None]] = []

    def at_least(name, value, bound):
        rows.append((name, value, f">= {bound}", None if value is None else value >= bound))

    at_least("recall@5, answerable, overall", ours["overall"].get("recall@5"), 0.95)
    for kind in ("paraphrase", "metadata"):
        if kind in ours["by_kind"]:
            at_least(f"recall@5, {kind}", ours["by_kind"][kind].get("recall@5"), 0.90)
    for metric in ("recall@5", "mrr"):
        for name, other in systems.items():
            if name == "ours":
                continue
            mine, theirs = ours["overall"].get(metric), other["overall"].get(metric)
            met = None if mine is None or theirs is None else mine > theirs
            rows.append((f"{metric}: ours ahead of {name}", mine, f"> {_fmt(theirs)}", met))
    answer = summary.get("answer", {}).get("overall")
    if answer:
        # Only figures the pipeline cannot grade itself on: citation support re-scored by our own scorer is a
        # diagnostic in the answer table, never a target.
        def at_most(name, value, bound):
            rows.append((name, value, f"<= {bound}", None if value is None else value <= bound))

        at_least("abstention on unanswerable (closest or refused)", answer["abstention_accuracy"], 0.85)
        at_most("false abstention on answerable", answer["false_abstention"], 0.10)
        at_least("citation precision vs gold papers", answer["citation_precision"], 0.90)
        at_least("content keyword recall (no title words, titles removed)", answer["content_keyword_recall"], 0.60)
        at_least("evidence recall (shown passages hold every keyword)", answer["evidence_recall"], 0.85)
        at_most("first token p50 (ms)", answer.get("first_token_p50_ms"), 1500)
        at_most("answer total p95 (ms)", answer.get("latency_p95_ms"), 8000)
        rows.append(("model's invented citations, raw (reported)", answer["invented_citation_rate"], "–", None))
    return rows


# ---- markdown -------------------------------------------------------------------------------

def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.0f}"
    return str(value)


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _columns(metrics: dict, wanted: tuple[str, ...]) -> list[str]:
    return [c for c in wanted if c in metrics]


def misses(questions: list[QuestionRecord], k: int = 5) -> list[dict]:
    """Answerable questions where our top k lacks some gold paper, with the gold ranks."""
    out = []
    for q in questions:
        if not q.gold_titles:
            continue
        ranked = [normalize_title(t) for t in q.retrieved_titles]
        ranks = {t: (ranked.index(normalize_title(t)) + 1 if normalize_title(t) in ranked else None)
                 for t in q.gold_titles}
        want = min(k, len(q.gold_titles))
        if sum(1 for r in ranks.values() if r is not None and r <= k) < want:
            out.append({"id": q.id, "kind": q.kind, "question": q.question, "gold_ranks": ranks,
                        "top3": q.retrieved_titles[:3]})
    return out


def markdown(run: EvalRun, plots: list[str] = ()) -> str:
    s = run.summary
    lines = [f"# Eval report: {Path(s.get('dataset') or 'dataset').name}", ""]
    meta = [f"{s['questions']} questions ({', '.join(f'{k} {v}' for k, v in s['by_kind_count'].items())})",
            f"mode: {s.get('mode')}", f"k = {s.get('k')}", f"embedder: {s.get('embedder')}",
            f"index: {s.get('index')} ({s.get('papers')} papers)", f"settings: {s.get('settings_hash')}",
            f"created {s.get('created')}",
            f"run time {s.get('run_seconds')} s"]
    if s.get("llm"):
        meta.insert(2, f"LLM: {s['llm']}")
    lines += ["- " + item for item in meta] + [""]
    lines += ["## Systems", ""]
    lines += [f"- **{name}**: {text}" for name, text in s.get("systems_description", {}).items()] + [""]

    first = next(iter(s["systems"].values()))["overall"]
    columns = _columns(first, RETRIEVAL_COLUMNS) + [c for c in first if c.startswith("ndcg@") and c != "ndcg@10"]
    n = first["n"]
    lines += [f"## Retrieval, answerable questions (n = {n})", "",
              "Recall is capped recall |top-k ∩ gold| / min(k, |gold|); latency is one search, in ms.", ""]
    lines.append(_table(["system"] + [LABELS.get(c, c) for c in columns],
                        [[name] + [m["overall"].get(c) for c in columns] for name, m in s["systems"].items()]))
    lines.append("")
    for kind in s["by_kind_count"]:
        if kind == "unanswerable":
            continue
        n = next(iter(s["systems"].values()))["by_kind"][kind]["n"]
        lines += [f"### {kind} (n = {n})", ""]
        lines.append(_table(["system"] + [LABELS.get(c, c) for c in columns],
                            [[name] + [m["by_kind"][kind].get(c) for c in columns] for name, m in s["systems"].items()]))
        lines.append("")

    if "answer" in s:
        answer = s["answer"]
        columns = _columns(answer["overall"], ANSWER_COLUMNS)
        lines += ["## Answers (ours)", "",
                  "Abstention (an outcome of `closest` or `refused`) is over unanswerable questions, false abstention "
                  "over answerable ones. Invented cites (raw) is the share of citation numbers the model wrote that "
                  "point at no shown passage, before the pipeline removes them. Citation precision and recall are "
                  "against the gold papers. Evidence recall: answerable questions whose shown passages hold every "
                  "answer keyword. Content keywords: answer keywords that are not words of a gold title, found in the "
                  "answer after every gold and shown title is cut out of it. Keywords (any) counts title words too. "
                  "Support (diag.) re-scores kept sentences with the pipeline's own scorer: a diagnostic, not a "
                  "target. Latency is the whole ask, in ms.", ""]
        rows = [["overall"] + [answer["overall"].get(c) for c in columns]]
        rows += [[kind] + [m.get(c) for c in columns] for kind, m in answer["by_kind"].items()]
        lines.append(_table(["group"] + [LABELS.get(c, c) for c in columns], rows))
        overall = answer["overall"]
        lines += ["", f"Outcomes: {overall['answered']} answered, {overall['closest']} closest passages, "
                      f"{overall['refused']} refused. {overall['model_sentences']} sentences came from the model; it "
                      f"wrote {overall['citations_written']} citation numbers, "
                      f"{overall['invented_citations_removed']} distinct invented ones were removed.", ""]
        lines += risk_coverage_lines(answer.get("risk_coverage", []))

    lines += ["## Targets", ""]
    lines.append(_table(["target", "measured", "wanted", "met"],
                        [[name, value, wanted, {True: "yes", False: "**no**", None: "–"}[met]]
                         for name, value, wanted, met in targets(s)]))
    lines.append("")

    missed = misses(run.questions)
    lines += [f"## Where ours misses a gold paper in its top 5 ({len(missed)})", ""]
    for item in missed:
        top = f"not in top {s.get('k')}"
        ranks = "; ".join(f"{title[:70]} → {rank or top}" for title, rank in item["gold_ranks"].items())
        lines.append(f"- `{item['id']}` ({item['kind']}) {item['question']}  \n  gold rank: {ranks}  \n"
                     f"  ours top 3: {' | '.join(t[:60] for t in item['top3'])}")
    lines.append("")
    if "answer" in s:
        wrong_abstain = [q for q in run.questions if q.gold_titles and q.abstained]
        answered_none = [q for q in run.questions if not q.gold_titles and q.abstained is False]
        lines += [f"## Answerable questions we abstained on ({len(wrong_abstain)})", ""]
        lines += [f"- `{q.id}` [{q.outcome}] {q.question} ({q.abstain_reason or 'the model refused'})"
                  for q in wrong_abstain]
        lines += ["", f"## Unanswerable questions we answered ({len(answered_none)})", ""]
        lines += [f"- `{q.id}` {q.question} (p = {_fmt(q.answerability)}): "
                  f"{(q.answer or '')[:200]}" for q in answered_none]
        lines.append("")
    if plots:
        lines += ["## Plots", ""] + [f"![{name}]({name})" for name in plots] + [""]
    return "\n".join(lines)


def brief(run: EvalRun) -> str:
    """The overall tables and the targets: what a terminal shows after a run."""
    s = run.summary
    first = next(iter(s["systems"].values()))["overall"]
    columns = _columns(first, RETRIEVAL_COLUMNS)
    lines = [f"retrieval, {first['n']} answerable questions (k = {s.get('k')}):",
             _table(["system"] + [LABELS.get(c, c) for c in columns],
                    [[name] + [m["overall"].get(c) for c in columns] for name, m in s["systems"].items()]), ""]
    if "answer" in s:
        overall = s["answer"]["overall"]
        columns = _columns(overall, ANSWER_COLUMNS)
        lines += [f"answers ({s.get('llm')}):", _table([LABELS.get(c, c) for c in columns],
                                                       [[overall.get(c) for c in columns]]), ""]
    lines += ["targets:", _table(["target", "measured", "wanted", "met"],
                                 [[name, value, wanted, {True: "yes", False: "NO", None: "–"}[met]]
                                  for name, value, wanted, met in targets(s)])]
    return "\n".join(lines)


def risk_coverage_lines(rows: list[dict], points: int = 12) -> list[str]:
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
            _table(["p ≥", "answer rate (coverage)", "right among answered"],
                   [[r["threshold"], r["coverage"], r["accuracy"]] for r in picked]), ""]


# ---- plots ----------------------------------------------------------------------------------

def plot(run: EvalRun, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = []
    summary = run.summary
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    for name, data in summary["systems"].items():
        curve = data["recall_curve"]
        ax.plot(range(1, len(curve) + 1), curve, marker="o", markersize=3, label=name,
                linewidth=2.4 if name == "ours" else 1.3)
    ax.set_xlabel("k")
    ax.set_ylabel("capped recall@k (answerable questions)")
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    ax.set_title("Recall@k per system")
    written.append(_save(fig, out / "recall_at_k.png"))

    panels = [("retrieval (one search)", {name: [q.latency_ms(name) for q in run.questions]
                                          for name in summary["systems"]})]
    if summary.get("mode") == "answer":
        panels.append(("answer (ours, whole ask)", {"ours": [q.timings.get("total_ms", 0.0) for q in run.questions]}))
    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 4.2), squeeze=False)
    for ax, (title, series) in zip(axes[0], panels):
        # Shared log-spaced bins: BM25 takes a fraction of a millisecond, an answer seconds.
        values_all = [max(v, 1e-3) for values in series.values() for v in values] or [1.0]
        low, high = min(values_all), max(values_all)
        bins = [low * (high / low) ** (i / 30) for i in range(31)] if high > low else 10
        for name, values in series.items():
            ax.hist([max(v, 1e-3) for v in values], bins=bins, alpha=0.55, label=name)
        if high > low:
            ax.set_xscale("log")
        ax.set_xlabel("latency (ms, log scale)")
        ax.set_ylabel("questions")
        ax.set_title(f"Latency: {title}")
        ax.legend()
        ax.grid(alpha=0.3)
    written.append(_save(fig, out / "latency.png"))

    curve = summary.get("answer", {}).get("risk_coverage")
    if curve:
        fig, ax = plt.subplots(figsize=(6.5, 4.2))
        ax.plot([r["coverage"] for r in curve], [r["accuracy"] for r in curve], marker="o", markersize=3)
        ax.set_xlabel("answer rate (coverage)")
        ax.set_ylabel("share of answers that are right")
        ax.set_xlim(0, 1.02)
        ax.set_ylim(0, 1.02)
        ax.grid(alpha=0.3)
        ax.set_title("Risk–coverage: sweeping the answerability threshold")
        written.append(_save(fig, out / "risk_coverage.png"))
    return written


def _save(fig, path: Path) -> Path:
    import matplotlib.pyplot as plt

    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


# ---- compare --------------------------------------------------------------------------------

def load_report(path: Path) -> dict:
    """A report.json, given as the file or the folder holding it."""
    path = Path(path)
    if path.is_dir():
        path = path / "report.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{path}: no such report — pass a report.json or the --out folder of a run") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not a readable report.json ({exc})") from None
    if not isinstance(data, dict) or "summary" not in data or "systems" not in data.get("summary", {}):
        raise EvalError(f"{path}: not an eval report (no summary.systems) — was it written by `rag eval --out`?")
    return data


def compare(a: dict, b: dict) -> dict:
    """B minus A for every metric both runs have, per system and group, plus the questions that changed."""

    def deltas(x: dict, y: dict) -> dict:
        return {key: {"a": x.get(key), "b": y.get(key),
                      "delta": round(y[key] - x[key], 4) if isinstance(x.get(key), (int, float))
                      and isinstance(y.get(key), (int, float)) else None}
                for key in x if key in y and key != "n"}

    sa, sb = a["summary"], b["summary"]
    out: dict = {"a": {"dataset": sa.get("dataset"), "created": sa.get("created"), "index": sa.get("index")},
                 "b": {"dataset": sb.get("dataset"), "created": sb.get("created"), "index": sb.get("index")},
                 "systems": {}, "answer": {}, "changed_questions": []}
    for name in sa["systems"]:
        if name not in sb["systems"]:
            continue
        x, y = sa["systems"][name], sb["systems"][name]
        out["systems"][name] = {"overall": deltas(x["overall"], y["overall"]),
                                "by_kind": {kind: deltas(x["by_kind"][kind], y["by_kind"][kind])
                                            for kind in x["by_kind"] if kind in y["by_kind"]}}
    if "answer" in sa and "answer" in sb:
        out["answer"] = {"overall": deltas(sa["answer"]["overall"], sb["answer"]["overall"]),
                         "by_kind": {kind: deltas(sa["answer"]["by_kind"][kind], sb["answer"]["by_kind"][kind])
                                     for kind in sa["answer"]["by_kind"] if kind in sb["answer"]["by_kind"]}}
    before = {q["id"]: q for q in a.get("questions", [])}
    for q in b.get("questions", []):
        old = before.get(q["id"])
        if old is None or not q.get("gold_titles"):
            continue
        ra, rb = _gold_rank(old), _gold_rank(q)
        if ra != rb:
            out["changed_questions"].append({"id": q["id"], "question": q["question"], "rank_a": ra, "rank_b": rb})
    return out


def _gold_rank(question: dict) -> int | None:
    """Rank of the first gold paper in our list (None: not retrieved)."""
    gold = {normalize_title(t) for t in question["gold_titles"]}
    for rank, title in enumerate(question.get("retrieved_titles", []), start=1):
        if normalize_title(title) in gold:
            return rank
    return None


def compare_markdown(result: dict) -> str:
    lines = [f"A: {result['a']['created']} ({result['a']['index']})",
             f"B: {result['b']['created']} ({result['b']['index']})", ""]
    for name, groups in result["systems"].items():
        lines += [f"## {name}", ""]
        metrics = [m for m in RETRIEVAL_COLUMNS if m in groups["overall"]]
        rows = []
        for group, values in [("overall", groups["overall"]), *groups["by_kind"].items()]:
            if values.get("recall@1", {}).get("a") is None and group != "overall":
                continue
            rows.append([group] + [_delta(values.get(m)) for m in metrics])
        lines += [_table(["group"] + [LABELS.get(m, m) for m in metrics], rows), ""]
    if result["answer"]:
        metrics = [m for m in ANSWER_COLUMNS if m in result["answer"]["overall"]]
        rows = [["overall"] + [_delta(result["answer"]["overall"].get(m)) for m in metrics]]
        rows += [[kind] + [_delta(v.get(m)) for m in metrics] for kind, v in result["answer"]["by_kind"].items()]
        lines += ["## answers (ours)", "", _table(["group"] + [LABELS.get(m, m) for m in metrics], rows), ""]
    if result["changed_questions"]:
        lines += ["## questions whose first gold rank changed (ours)", ""]
        lines += [f"- `{q['id']}` {q['rank_a'] or '–'} → {q['rank_b'] or '–'}: {q['question']}"
                  for q in result["changed_questions"]]
    return "\n".join(lines)


def _delta(cell: dict | None) -> str:
    if not cell or cell.get("b") is None:
        return "–"
    if cell.get("delta") is None:
        return _fmt(cell["b"])
    if cell["delta"] == 0:
        return f"{_fmt(cell['b'])} (=)"
    sign = "+" if cell["delta"] > 0 else ""
    return f"{_fmt(cell['b'])} ({sign}{_fmt(cell['delta'])})"
