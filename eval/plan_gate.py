"""Gate a planner change on development data: every metadata round's figures, and every content question the
catalog answers instead of retrieval (planner or record card) — each one is a wrong answer shown to a user.

    RAG_HOME=... .venv/bin/python eval/plan_gate.py --out /tmp/gate_after.json [--base /tmp/gate_before.json]

Run it on the code before a change (from a `git worktree`, with PYTHONPATH set to it) and after, then pass the
first run's file as --base: the report prints per-round changes and the content questions newly taken. Held-out
rounds (eval/fitlib.py's rule) are left out by name, never opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rag.catalog_query import answer_from_catalog
from rag.config import Settings
from rag.evaluation.metadata import load_lines, run_metadata
from rag.library import Library

sys.path.insert(0, str(Path(__file__).resolve().parent))
from card_gate import CONTENT, dev  # noqa: E402


def measure(library) -> dict:
    metadata = {}
    for path in dev("metadata*.jsonl"):
        report = run_metadata(library, path)
        metadata[path.name] = {q.id: [bool(q.planned), q.exact, q.recall_at_5, q.count_exact] for q in report.questions}
    taken = {}
    papers = library.snapshot.papers
    for pattern in CONTENT:
        for path in dev(pattern):
            for item in load_lines(path):
                question = item.get("question") or item.get("query") or ""
                if answer_from_catalog(question, question, papers, embedder=library.embedder) is not None:
                    taken[f"{path.name}:{item.get('id')}"] = question
    return {"metadata": metadata, "content_taken": taken}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True)
    parser.add_argument("--base", help="an earlier run's --out file to compare with")
    args = parser.parse_args()
    now = measure(Library(Settings.from_env()))
    Path(args.out).write_text(json.dumps(now, indent=1, ensure_ascii=False))
    base = json.loads(Path(args.base).read_text()) if args.base else None
    exact = total = 0
    for name, rows in now["metadata"].items():
        n, scored = sum(bool(r[1]) for r in rows.values()), sum(r[1] is not None for r in rows.values())
        exact, total = exact + n, total + scored
        was = base["metadata"].get(name, {}) if base else {}
        moved = [(qid, was[qid][1], r[1]) for qid, r in rows.items() if qid in was and was[qid][1] != r[1]]
        before = f"{sum(bool(r[1]) for r in was.values())} -> " if was else ""
        print(f"{name:26} exact {before}{n} of {scored}" + "".join(f"\n    {q}: {a} -> {b}" for q, a, b in moved))
    rows = [r for per_round in now["metadata"].values() for r in per_round.values()]
    counts = [r[3] for r in rows if r[3] is not None]
    recalls = [r[2] for r in rows if r[2] is not None]
    print(f"pooled exact: {exact} of {total}; recall@5 {sum(recalls) / len(recalls):.3f} over {len(recalls)}; "
          f"counts exact {sum(counts)} of {len(counts)}")
    new = {k: q for k, q in now["content_taken"].items() if not base or k not in base["content_taken"]}
    for key, question in now["content_taken"].items():
        print(f"{'NEW ' if key in new and base else ''}CONTENT TAKEN {key}: {question[:110]}")
    print(f"content questions answered from the catalog: {len(now['content_taken'])}"
          + (f" ({len(new)} new)" if base else ""))


if __name__ == "__main__":
    main()
