"""The question planner's cost: CPU time of `plan()` per question over the catalog of the seeds + the shared PDFs.

    .venv/bin/python eval/bench_plan.py [--repeat 3]

It runs on every ask and search, so it must stay a few milliseconds. Questions: every question and claim of the
development sets in eval/datasets (held-out rounds skipped by name, eval/fitlib.py), every title, and "How many
authors does <title> have?" for each (a title named by its opening words is the costly case). No verb judge (the
embedder) is given, so this is the planner's own reading.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from benchlib import ROOT, percentile, print_table
from fitlib import is_held_out

from rag.catalog import Catalog
from rag.parsing import merge_papers, parse_file
from rag.planner import plan

PDFS = ROOT.parent / "shared" / "pdfs" / "papers"


def questions(papers) -> list[str]:
    found = []
    for path in sorted((ROOT / "eval" / "datasets").glob("*.jsonl")):
        if is_held_out(path):
            continue
        for line in filter(str.strip, path.read_text().splitlines()):
            row = json.loads(line)
            if text := row.get("question") or row.get("claim"):
                found.append(text)
    return found + [p.title for p in papers] + [f"How many authors does {p.title} have?" for p in papers]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = [r for path in sorted((ROOT / "seeds").glob("*.txt")) for r in parse_file(path)]
    records += [r for path in sorted(PDFS.glob("*.pdf")) for r in parse_file(path)]
    papers = merge_papers(records)
    catalog = Catalog.of(papers)
    asked = questions(papers)
    per_run, each = [], []
    for _ in range(args.repeat):
        start = time.process_time()
        for question in asked:
            one = time.process_time()
            plan(question, catalog)
            each.append((time.process_time() - one) * 1000)
        per_run.append((time.process_time() - start) * 1000 / len(asked))
    print_table(f"plan() over {len(asked)} questions, {len(papers)} papers, {args.repeat} runs (CPU time)", [
        ("mean ms per question", f"{statistics.mean(per_run):.2f}", "a few ms"),
        ("p50 / p95 ms", f"{percentile(each, 50):.2f} / {percentile(each, 95):.2f}", ""),
    ])


if __name__ == "__main__":
    main()
