"""`rag eval compare A B`: B minus A for every figure both runs have, per system and group, and the questions
whose first gold rank changed. Reads reports written before the typed results too (same figure names)."""

from __future__ import annotations

from rag.evaluation.markdown import ANSWER_COLUMNS, LABELS, RETRIEVAL_COLUMNS, fmt, table
from rag.evaluation.results import EvalReport, QuestionRecord
from rag.records import normalize_title


def _deltas(x, y) -> dict:
    a, b = x.columns(), y.columns()
    return {key: {"a": a[key], "b": b[key],
                  "delta": round(b[key] - a[key], 4) if isinstance(a[key], (int, float))
                  and isinstance(b[key], (int, float)) else None}
            for key in a if key in b and key != "n"}


def _groups(x, y) -> dict:
    return {"overall": _deltas(x.overall, y.overall),
            "by_kind": {kind: _deltas(x.by_kind[kind], y.by_kind[kind]) for kind in x.by_kind if kind in y.by_kind}}


def compare(a: EvalReport, b: EvalReport) -> dict:
    """B minus A for every metric both runs have, per system and group, plus the questions that changed."""
    sa, sb = a.summary, b.summary
    out: dict = {"a": {"dataset": sa.dataset, "created": sa.created, "index": sa.index,
                       "settings_hash": sa.settings_hash},
                 "b": {"dataset": sb.dataset, "created": sb.created, "index": sb.index,
                       "settings_hash": sb.settings_hash},
                 "systems": {name: _groups(sa.systems[name], sb.systems[name])
                             for name in sa.systems if name in sb.systems},
                 "answer": _groups(sa.answer, sb.answer) if sa.answer and sb.answer else {},
                 "changed_questions": []}
    before = {q.id: q for q in a.questions}
    for q in b.questions:
        old = before.get(q.id)
        if old is None or not q.gold_titles:
            continue
        ra, rb = _gold_rank(old), _gold_rank(q)
        if ra != rb:
            out["changed_questions"].append({"id": q.id, "question": q.question, "rank_a": ra, "rank_b": rb})
    return out


def _gold_rank(question: QuestionRecord) -> int | None:
    """Rank of the first gold paper in our list (None: not retrieved)."""
    gold = {normalize_title(t) for t in question.gold_titles}
    for rank, title in enumerate(question.retrieved_titles, start=1):
        if normalize_title(title) in gold:
            return rank
    return None


def compare_markdown(result: dict) -> str:
    lines = [f"A: {result['a']['created']} ({result['a']['index']}, settings {result['a']['settings_hash']})",
             f"B: {result['b']['created']} ({result['b']['index']}, settings {result['b']['settings_hash']})", ""]
    for name, groups in result["systems"].items():
        lines += [f"## {name}", ""]
        metrics = [m for m in RETRIEVAL_COLUMNS if m in groups["overall"]]
        rows = []
        for group, values in [("overall", groups["overall"]), *groups["by_kind"].items()]:
            if values.get("recall@1", {}).get("a") is None and group != "overall":
                continue
            rows.append([group] + [_delta(values.get(m)) for m in metrics])
        lines += [table(["group"] + [LABELS.get(m, m) for m in metrics], rows), ""]
    if result["answer"]:
        metrics = [m for m in ANSWER_COLUMNS if m in result["answer"]["overall"]]
        rows = [["overall"] + [_delta(result["answer"]["overall"].get(m)) for m in metrics]]
        rows += [[kind] + [_delta(v.get(m)) for m in metrics] for kind, v in result["answer"]["by_kind"].items()]
        lines += ["## answers (ours)", "", table(["group"] + [LABELS.get(m, m) for m in metrics], rows), ""]
    if result["changed_questions"]:
        lines += ["## questions whose first gold rank changed (ours)", ""]
        lines += [f"- `{q['id']}` {q['rank_a'] or '–'} → {q['rank_b'] or '–'}: {q['question']}"
                  for q in result["changed_questions"]]
    return "\n".join(lines)


def _delta(cell: dict | None) -> str:
    if not cell or cell.get("b") is None:
        return "–"
    if cell.get("delta") is None:
        return fmt(cell["b"])
    if cell["delta"] == 0:
        return f"{fmt(cell['b'])} (=)"
    sign = "+" if cell["delta"] > 0 else ""
    return f"{fmt(cell['b'])} ({sign}{fmt(cell['delta'])})"
