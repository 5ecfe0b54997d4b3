"""Measure the record-card fallback (rag/plan_card.py) on development sets: before / after per metadata round, and
every content question it takes.

    RAG_HOME=... .venv/bin/python eval/card_gate.py [--out /tmp/card_gate.json]

Metadata rounds: `rag eval metadata` scores (recall@5, exact, counts exact) with the fallback off and on. Content
sets (answerability*, fulltext*, seeds, heldout*, facet_probes*): each question answer_from_catalog takes through
the card, printed — any is a wrong answer shown to a user. Held-out rounds (*_v15 and later, eval/fitlib.py's rule)
are left out by name, never opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import rag.catalog_query as catalog_query
from rag.config import Settings
from rag.evaluation.metadata import load_lines, run_metadata
from rag.library import Library

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fitlib import development_only, is_held_out  # noqa: E402

DATASETS = Path("eval/datasets")
CONTENT = ["answerability*.jsonl", "fulltext*.jsonl", "seeds.jsonl", "heldout*.jsonl", "facet_probes*.jsonl"]


def dev(pattern: str) -> list[Path]:
    return development_only([p for p in sorted(DATASETS.glob(pattern)) if not is_held_out(p)])


@contextmanager
def card(replacement):
    """catalog_query.card_plan replaced for the block, and put back whatever happens in it."""
    real = catalog_query.card_plan
    catalog_query.card_plan = replacement(real)
    try:
        yield
    finally:
        catalog_query.card_plan = real


def metadata_rounds(library) -> dict:
    rows = {}
    for path in dev("metadata*.jsonl"):
        with card(lambda real: lambda *a, **k: None):  # the fallback off: the code as it was
            before = run_metadata(library, path)
        after = run_metadata(library, path)
        changed = [(b.id, b.exact, a.exact, a.question) for b, a in zip(before.questions, after.questions)
                   if (b.planned, b.exact, b.recall_at_5, b.count_exact) !=
                   (a.planned, a.exact, a.recall_at_5, a.count_exact)]
        rows[path.name] = {"before": before.summary(), "after": after.summary(), "changed": changed,
                           "exact_n": [sum(bool(q.exact) for q in r.questions) for r in (before, after)],
                           "exact_of": sum(q.exact is not None for q in after.questions)}
    return rows


def content_taken(library) -> dict:
    """Per content set, the questions the card answers (it runs only when no planner reader took the question, so
    these are exactly the ones answered with it on and not with it off). One pass: the card's plans are recorded."""
    papers = library.snapshot.papers
    taken = {}
    for pattern in CONTENT:
        for path in dev(pattern):
            hits = []
            for item in load_lines(path):
                question = item.get("question") or item.get("query") or ""
                planned: list = []

                def recording(real):
                    def wrapped(*a, **k):
                        result = real(*a, **k)
                        planned.extend([result] if result is not None else [])
                        return result
                    return wrapped

                with card(recording):
                    answer = catalog_query.answer_from_catalog(question, question, papers, embedder=library.embedder)
                if planned and answer is not None:
                    hits.append((item.get("id"), question, answer.citations[0].title if answer.citations else ""))
            taken[path.name] = hits
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="/tmp/card_gate.json")
    args = parser.parse_args()
    library = Library(Settings.from_env())
    report = {"metadata": metadata_rounds(library), "content": content_taken(library)}
    Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False))
    pooled = {k: [0, 0] for k in ("before", "after")}
    for name, row in report["metadata"].items():
        b, a = row["before"], row["after"]
        print(f"{name:24} r@5 {b['recall_at_5']}->{a['recall_at_5']}  exact {b['exact']}->{a['exact']} "
              f"({row['exact_n'][0]}->{row['exact_n'][1]} of {row['exact_of']})  "
              f"counts {b['count_exact']}->{a['count_exact']}")
        for qid, was, now, question in row["changed"]:
            print(f"    {qid}: exact {was}->{now}  {question[:100]}")
        pooled["before"][0] += row["exact_n"][0]
        pooled["after"][0] += row["exact_n"][1]
        pooled["before"][1] = pooled["after"][1] = pooled["after"][1] + row["exact_of"]
    print(f"pooled exact: {pooled['before'][0]} -> {pooled['after'][0]} of {pooled['after'][1]}")
    total = 0
    for name, hits in report["content"].items():
        total += len(hits)
        for qid, question, got in hits:
            print(f"CONTENT TAKEN {name} {qid}: {question[:110]} -> {got[:50]}")
    print(f"content questions taken by the card: {total} over {len(report['content'])} sets")


if __name__ == "__main__":
    main()
