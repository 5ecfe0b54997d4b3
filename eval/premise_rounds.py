"""How often the premise check (rag/premise.py) catches a false premise, and how often it flags an answerable
question, by round, on the dev sets (no LLM: retrieval, evidence and the claim checker only).

    RAG_HOME=... python eval/premise_rounds.py [--out eval/out/premise] [--rows ROWS] [--upto N]

Every question of `answerability*.jsonl` and `fulltext*.jsonl` (rounds 1-12 and the sets written with the code)
with a presupposition the module reads is checked against the distinct papers of its evidence: the first one
(`top1`) and the first two (`top2`). False premises are the unanswerable questions of flavour false-premise; the
false-flag side is every answerable question (paraphrase / lookup) with a presupposition, and for reference the
other unanswerable ones. Nothing is fitted: the checker's own verdict decides, so there is no threshold to leave a
round out for. `--rows` re-summarises saved rows without running anything. Rounds after `--upto` (default: the
last development round, from eval/fitlib.py) are left out; only the lead, running a held-out round once at the
end, passes a higher one.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from fitlib import FIRST_HELD_OUT_ROUND  # noqa: E402 (after the path is set)
from rag.premise import CHECKED  # noqa: E402

DEV_UPTO = FIRST_HELD_OUT_ROUND - 1  # the last development round: held-out rounds are fitlib's to name


def round_of(path: str) -> int:
    match = re.search(r"_v(\d+)\.jsonl$", path)
    if match:
        return int(match.group(1))
    return 0 if re.search(r"_dev\.jsonl$", path) else 1


def questions(upto: int = DEV_UPTO) -> list[dict]:
    rows = []
    paths = sorted(glob.glob(str(ROOT / "eval/datasets/answerability*.jsonl")) +
                   glob.glob(str(ROOT / "eval/datasets/fulltext*.jsonl")))
    for path in paths:
        if round_of(path) > upto:
            continue  # held out: the lead runs those once
        for line in open(path):
            if not line.strip():
                continue
            item = json.loads(line)
            flavour = (item.get("flavour") or "").replace("-", "_")
            group = ("false_premise" if flavour == "false_premise" else
                     "answerable" if item["kind"] != "unanswerable" else "other_unanswerable")
            rows.append({"set": Path(path).stem, "round": round_of(path), "id": item["id"],
                         "question": item["question"], "group": group})
    return rows


def run(rows: list[dict]) -> list[dict]:
    from rag.answer import Answerer
    from rag.checking import Checker
    from rag.checking.sources import library_texts
    from rag.config import Settings, contain_caches
    from rag.library import Library
    from rag.premise import check_premise, presupposition

    settings = Settings.from_env()
    contain_caches(settings)
    library = Library(settings)
    answerer = Answerer(library, llm=None, settings=settings)
    checker = Checker(library.embedder)
    texts = library_texts(checker, library)
    out = []
    for i, row in enumerate(rows):
        found = presupposition(row["question"])
        row = {**row, "form": found.form if found else None, "statement": found.statement if found else ""}
        if found is not None:
            _, _, evidence, signals, _ = answerer.assess(row["question"])
            papers = list(dict.fromkeys(e.paper.paper_id for e in evidence))
            row["outcome"] = signals.outcome
            for name, chosen in (("top1", papers[:1]), ("top2", papers[:2])):
                verdict = check_premise(row["question"], chosen, checker, texts, forms=None)
                row[name] = None if verdict is None else {
                    "verdict": verdict.check.verdict, "probabilities": verdict.check.probabilities,
                    "span": verdict.check.span, "reason": verdict.check.reason,
                    "title": texts.papers[verdict.paper_id].title if verdict.paper_id else None}
        out.append(row)
        if i % 50 == 0:
            print(f"{i}/{len(rows)}", file=sys.stderr, flush=True)
    return out


def summarise(rows: list[dict], forms: tuple[str, ...] | None = None) -> dict:
    """Per policy (top1/top2) and round: false premises caught (of all of them), answerable ones flagged."""
    table: dict = {}
    for policy in ("top1", "top2"):
        by_round: dict = defaultdict(lambda: defaultdict(int))
        for row in rows:
            flagged = bool(row.get(policy)) and row[policy]["verdict"] == "contradicted" and (
                forms is None or row["form"] in forms)
            cell = by_round[row["round"]]
            cell[f"{row['group']}_n"] += 1
            cell[f"{row['group']}_presupposing"] += row["form"] is not None and (forms is None or row["form"] in forms)
            cell[f"{row['group']}_flagged"] += flagged
        total: dict = defaultdict(int)
        for cell in by_round.values():
            for k, v in cell.items():
                total[k] += v
        table[policy] = {"rounds": {r: dict(c) for r, c in sorted(by_round.items())}, "total": dict(total)}
    return table


def _line(name: str, c: dict) -> str:
    def rate(group: str, base: str) -> str:
        n = c.get(f"{group}_{base}", 0)
        return f"{c.get(f'{group}_flagged', 0)}/{n}" + (f" ({c.get(f'{group}_flagged', 0) / n:.3f})" if n else "")
    return (f"| {name} | {rate('false_premise', 'n')} | {rate('answerable', 'n')} | "
            f"{rate('answerable', 'presupposing')} | {rate('other_unanswerable', 'n')} |")


def report(rows: list[dict]) -> str:
    lines = []
    forms_sets = {"all forms": None, "the forms checked (rag/premise.py CHECKED)": CHECKED}
    for label, forms in forms_sets.items():
        table = summarise(rows, forms)
        for policy, data in table.items():
            lines += [f"### {policy}, {label}", "",
                      "| round | false premises caught | answerable flagged (all) | answerable flagged "
                      "(of those with a presupposition) | other unanswerable flagged |", "|---|---|---|---|---|"]
            lines += [_line(str(r), c) for r, c in data["rounds"].items()]
            lines += [_line("**all**", data["total"]), ""]
    by_form: dict = defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        if row["form"] and row.get("top1"):
            cell = by_form[row["form"]]
            hit = row["top1"]["verdict"] == "contradicted"
            if row["group"] == "false_premise":
                cell[0] += hit
                cell[1] += 1
            elif row["group"] == "answerable":
                cell[2] += hit
                cell[3] += 1
    lines += ["### by form (top1)", "", "| form | false premises caught | answerable flagged |", "|---|---|---|"]
    lines += [f"| {f} | {c[0]}/{c[1]} | {c[2]}/{c[3]} |" for f, c in sorted(by_form.items())]
    lines += ["", "### the false-positive side and what the user saw before (top1, the forms checked)", ""]
    lines += _sides(rows)
    return "\n".join(lines)


def _flagged(row: dict) -> bool:
    return row["form"] in CHECKED and bool(row.get("top1")) and row["top1"]["verdict"] == "contradicted"


def _sides(rows: list[dict]) -> list[str]:
    """Answerable questions opening with why / how (the side a premise check can hurt), and the false premises by
    the outcome the answerability model gave them (answered as if the premise held, closest, refused)."""
    asking = [r for r in rows if r["group"] == "answerable" and re.match(r"\s*(?:why|how)\b", r["question"], re.I)]
    why = [r for r in asking if re.match(r"\s*why\b", r["question"], re.I)]
    lines = [f"- answerable why/how questions flagged: {sum(map(_flagged, asking))}/{len(asking)}; "
             f"of them 'why': {sum(map(_flagged, why))}/{len(why)}"]
    for outcome in ("answer", "closest", "refused"):
        fp = [r for r in rows if r["group"] == "false_premise" and r.get("outcome") == outcome]
        lines.append(f"- false premises with outcome '{outcome}': {sum(map(_flagged, fp))}/{len(fp)} caught")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "eval/out/premise")
    parser.add_argument("--rows", type=Path, default=None, help="saved rows.jsonl: summarise only")
    parser.add_argument("--upto", type=int, default=DEV_UPTO, help="last round read (default: the last development round)")
    args = parser.parse_args()
    if args.rows:
        rows = [json.loads(line) for line in open(args.rows)]
    else:
        rows = run(questions(args.upto))
        args.out.mkdir(parents=True, exist_ok=True)
        with open(args.out / "rows.jsonl", "w") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(report(rows))


if __name__ == "__main__":
    main()
