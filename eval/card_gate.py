"""Measure the record-card fallback (rag/plan_card.py) on development sets: before / after per metadata round, and
every content question it takes.

    RAG_HOME=... .venv/bin/python eval/card_gate.py [--sets 'eval/datasets/metadata*.jsonl' ...]

Metadata rounds: `rag eval metadata` scores (recall@5, exact, counts exact) with the fallback off and on. Content
sets (answerability*, fulltext*, seeds, heldout*, facet_probes*): each question answer_from_catalog takes through
the card, printed — any is a wrong answer shown to a user. Refuses *_v15 and later (eval/fitlib.py's rule).
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

import rag.catalog_query as catalog_query
from rag.config import Settings
from rag.evaluation.metadata import load_lines, run_metadata
from rag.library import Library

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fitlib import FIRST_HELD_OUT_ROUND  # noqa: E402

CONTENT = ["answerability*.jsonl", "fulltext*.jsonl", "seeds.jsonl", "heldout*.jsonl", "facet_probes*.jsonl"]


def _round(path: str) -> int:
    stem = Path(path).stem
    tail = stem.rsplit("_v", 1)[1] if "_v" in stem else ""
    return int(tail) if tail.isdigit() else 1


def dev(pattern: str) -> list[str]:
    return [p for p in sorted(glob.glob(f"eval/datasets/{pattern}")) if _round(p) < FIRST_HELD_OUT_ROUND]


def metadata_rounds(library) -> dict:
    real = catalog_query.card_plan
    rows = {}
    for path in dev("metadata*.jsonl"):
        catalog_query.card_plan = lambda *a, **k: None  # the fallback off: the code as it was
        before = run_metadata(library, Path(path))
        catalog_query.card_plan = real
        after = run_metadata(library, Path(path))
        changed = [(b.id, b.exact, a.exact, a.question) for b, a in zip(before.questions, after.questions)
                   if (b.planned, b.exact, b.recall_at_5, b.count_exact) != (a.planned, a.exact, a.recall_at_5, a.count_exact)]
        rows[Path(path).name] = {"before": before.summary(), "after": after.summary(), "changed": changed,
                                 "exact_n": [sum(bool(q.exact) for q in r.questions) for r in (before, after)],
                                 "exact_of": sum(q.exact is not None for q in after.questions)}
    return rows


def content_taken(library) -> dict:
    """Per content set, the questions answered with the fallback on that are not answered with it off."""
    papers = library.snapshot.papers
    real = catalog_query.card_plan
    taken = {}
    for pattern in CONTENT:
        for path in dev(pattern):
            hits = []
            for item in load_lines(Path(path)):
                question = item.get("question") or item.get("query") or ""
                catalog_query.card_plan = lambda *a, **k: None
                before = catalog_query.answer_from_catalog(question, question, papers, embedder=library.embedder)
                catalog_query.card_plan = real
                if before is not None:
                    continue
                after = catalog_query.answer_from_catalog(question, question, papers, embedder=library.embedder)
                if after is not None:
                    hits.append((item.get("id"), question, after.citations[0].title if after.citations else ""))
            taken[Path(path).name] = hits
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
              f"({row['exact_n'][0]}->{row['exact_n'][1]} of {row['exact_of']})  counts {b['count_exact']}->{a['count_exact']}")
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
