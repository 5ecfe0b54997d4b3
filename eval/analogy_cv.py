"""Planning by analogy (eval/plan_analogy.py), judged by leave-one-ROUND-out over the development metadata rounds.

    .venv/bin/python eval/analogy_cv.py --home /tmp/analogy_home [--cache /tmp/analogy_pairs.json]

A fast offline scorer: the catalog alone (no retrieval), so 'exact' here counts the questions the catalog answers
exactly; an unplanned question counts as not exact (retrieval can still get a lookup or sort right: `rag eval
metadata` says). For each held-out round R: the bank is the questions the regex planner answers exactly in the
other rounds, and the threshold is chosen on the other rounds only (inner leave-one-round-out over them, with the
content questions of their rounds: facet_probes*, answerability*, fulltext*), then applied to round R. The
content questions of round R are its false-positive cost: a content question planned by analogy is a serious bug.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from benchlib import ROOT  # noqa: E402
from fitlib import development_only, is_held_out, open_library  # noqa: E402

from rag.catalog import Catalog, describe  # noqa: E402
from rag.catalog_query import run  # noqa: E402
from rag.catalog_text import headline  # noqa: E402
from plan_analogy import bank_of, fill, mask, same_ask, unit_vectors  # noqa: E402
from rag.plan_verbs import VerbJudge  # noqa: E402
from rag.records import normalize_title  # noqa: E402
import rag.planner as planner  # noqa: E402

DATASETS = ROOT / "eval" / "datasets"
GRID = [round(0.70 + 0.01 * i, 2) for i in range(30)]
TRIED = 40  # closest compatible solved questions rewritten per question (a fold uses those of its training rounds)


def round_of(path: Path) -> str:
    found = re.search(r"_v(\d+)\.jsonl$", path.name)
    return found.group(1) if found else "1"


def rows(pattern: str) -> list[tuple[str, dict]]:
    """(round, question) of every development set the pattern names; a held-out round's file is never opened."""
    paths = development_only([p for p in sorted(DATASETS.glob(pattern)) if not is_held_out(p)])
    return [(round_of(p), {**json.loads(line), "source": p.name.split("_v")[0].removesuffix(".jsonl")})
            for p in paths for line in p.read_text().splitlines() if line.strip()]


def exact(item: dict, found, papers) -> bool:
    """`rag eval metadata`'s exactness of a catalog answer (rag/evaluation/metadata.py score)."""
    result = run(found, papers)
    got = [normalize_title(p.title) for p in result.rows + result.extra]
    text = headline(result) + " " + " ".join(describe(p) for p in result.rows + result.extra)  # as the answer prints
    gold = {normalize_title(t) for t in item.get("gold_titles") or []}
    op = item.get("op", "list")
    if not gold:
        return False
    if op in ("list", "count"):
        return set(got) == gold and (item.get("expected_count") is None or len(got) == int(item["expected_count"]))
    keywords = [w.casefold() for w in item.get("answer_keywords") or []]
    if op == "lookup":
        return bool(got) and got[0] in gold and (not keywords or any(w in text.casefold() for w in keywords))
    return bool(got) and got[0] in gold


def measure(args) -> dict:
    library = open_library(args.home)
    papers = library.snapshot.papers
    catalog = Catalog.of(papers)
    embedder = library.embedder
    judge = VerbJudge(embedder)
    metadata = rows("metadata*.jsonl")
    content = [(r, {**item, "content": True}) for pattern in ("facet_probes*.jsonl", "answerability*.jsonl",
                                                               "fulltext*.jsonl") for r, item in rows(pattern)]
    solved, asked = [], []
    for rnd, item in metadata:
        found = planner.plan(item["question"], catalog, judge)
        right = found is not None and exact(item, found, papers)
        (solved if right else asked).append((rnd, item, found is not None))
    content_planned = [(rnd, item) for rnd, item in content if planner.plan(item["question"], catalog, judge) is not None]
    print(f"{len(metadata)} metadata questions: {len(solved)} planned exactly right (the bank), {len(asked)} not; "
          f"{len(content)} content questions, {len(content_planned)} planned by the readers already", file=sys.stderr)
    bank = bank_of([item["question"] for _, item, _ in solved], catalog, embedder)
    bank_round = {m.question: rnd for (rnd, item, _) in solved for m in [mask(item["question"], catalog)]}
    out = {"bank": [[bank_round[m.question], m.question, m.skeleton] for m in bank.entries], "asked": [],
           "totals": {r: sum(1 for rr, _ in metadata if rr == r) for r in {r for r, _ in metadata}},
           "solved": {r: sum(1 for rr, _, _ in solved if rr == r) for r in {r for r, _ in metadata}},
           "content_totals": {r: sum(1 for rr, _ in content if rr == r) for r in {r for r, _ in content}},
           "content_planned": {r: sum(1 for rr, _ in content_planned if rr == r) for r in {r for r, _ in content}}}
    for rnd, item, planned in asked + [(r, i, False) for r, i in content]:
        if planned:
            continue  # planned but wrong: the analogy step is not asked
        masked = mask(item["question"], catalog)
        tries = []
        if masked.slots:
            vector = unit_vectors(embedder, [masked.skeleton])[0]
            scores = bank.vectors @ vector
            for at in scores.argsort()[::-1]:
                rewritten = fill(bank.entries[at], masked)
                if rewritten is None:
                    continue
                found = planner.plan(rewritten, catalog, judge)
                # A content question is never 'right' for the metadata score; a full-text one is also scored as the
                # lookup it is (gold paper first, a gold keyword in the answer) for the relaxed policy.
                scored = {**item, "op": "lookup"} if item["source"] == "fulltext" else item
                right = found is not None and bool(scored.get("answer_keywords") or not item.get("content")) and \
                    exact(scored, found, papers)
                tries.append([round(float(scores[at]), 4), bank_round[bank.entries[at].question], found is not None,
                              right, rewritten])
                if len(tries) >= TRIED:
                    break
        out["asked"].append({"round": rnd, "id": item.get("id", ""), "question": item["question"],
                             "content": bool(item.get("content")), "source": item["source"], "skeleton": masked.skeleton, "tries": tries})
    return out


GUARD = {"same_ask": False}  # --same-ask: a rewrite must keep the question's operator words (eval/plan_analogy.same_ask)


def outcome(entry: dict, rounds_out: set[str], threshold: float) -> str:
    """'right', 'wrong' or '' (not taken) for one question, with the bank's entries of `rounds_out` left out."""
    for score, rnd, plans, right, rewritten in entry["tries"]:
        if rnd in rounds_out or (GUARD["same_ask"] and not same_ask(entry["question"], rewritten)):
            continue
        if score < threshold:
            return ""
        if plans:
            return "right" if right else "wrong"
    return ""


POLICY = {"strict": True}  # strict: every content question planned counts; relaxed: not a full-text one answered right


def tally(data: dict, rounds: set[str], rounds_out: set[str], threshold: float) -> dict:
    t = {"right": 0, "wrong": 0, "fp": 0, "header": 0}
    for entry in data["asked"]:
        if entry["round"] not in rounds:
            continue
        got = outcome(entry, rounds_out | {entry["round"]}, threshold)
        t["header"] += bool(entry["content"] and got)
        if entry["content"] and got == "right" and entry["source"] == "fulltext" and not POLICY["strict"]:
            continue  # a PDF-header question (an affiliation, an arXiv stamp) the catalog answers right
        if entry["content"] and got:
            t["fp"] += 1
        elif got:
            t[got] += 1
    return t


def choose(data: dict, training: set[str], held: str) -> float:
    """The lowest threshold with no content question taken on the training rounds and the most (right - wrong) there,
    each training round scored with its own entries out of the bank (and the held-out round's always out)."""
    best = (None, 1.0)
    for threshold in GRID:
        totals = {"right": 0, "wrong": 0, "fp": 0}
        for rnd in training:
            t = tally(data, {rnd}, {held}, threshold)
            for k in totals:
                totals[k] += t[k]
        if totals["fp"]:
            continue
        gain = totals["right"] - totals["wrong"]
        if best[0] is None or gain > best[0]:
            best = (gain, threshold)
    return best[1]


def report(data: dict) -> None:
    rounds = sorted(data["totals"], key=int)
    pooled = {"n": 0, "before": 0, "right": 0, "wrong": 0, "fp": 0, "content": 0, "header": 0}
    print("| held-out round | threshold | questions | exact before | exact after | taken by analogy | right | "
          "content questions | planned by analogy | counted false positive |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for held in rounds:
        threshold = choose(data, set(rounds) - {held}, held)
        t = tally(data, {held}, {held}, threshold)
        n, before = data["totals"][held], data["solved"][held]
        print(f"| {held} | {threshold:.2f} | {n} | {before / n:.3f} | {(before + t['right']) / n:.3f} | "
              f"{t['right'] + t['wrong']} | {t['right']} | {data['content_totals'].get(held, 0)} | {t['header']} | {t['fp']} |")
        pooled["n"] += n
        pooled["before"] += before
        pooled["content"] += data["content_totals"].get(held, 0)
        for k in ("right", "wrong", "fp", "header"):
            pooled[k] += t[k]
    p = pooled
    print(f"| pooled | | {p['n']} | {p['before'] / p['n']:.3f} | {(p['before'] + p['right']) / p['n']:.3f} | "
          f"{p['right'] + p['wrong']} | {p['right']} | {p['content']} | {p['header']} | {p['fp']} |")


def fixed(data: dict) -> None:
    """Each threshold over every round at once (each round's own entries out of the bank): the trade-off the
    cross-validated choice sees, with the content questions taken split by set (facet probes must stay 0)."""
    print("\n| threshold (fixed, all rounds) | taken | right | content planned: facet_probes | answerability | "
          "fulltext (answered wrong) | fulltext answered right |")
    print("|---|---|---|---|---|---|---|")
    rounds = set(data["totals"]) | set(data["content_totals"])
    for threshold in GRID[::2]:
        t = {"right": 0, "wrong": 0}
        fp: dict[str, int] = {}
        header = 0
        for entry in data["asked"]:
            if entry["round"] not in rounds:
                continue
            got = outcome(entry, {entry["round"]}, threshold)
            if got and entry["content"] and not (got == "right" and entry["source"] == "fulltext"):
                fp[entry["source"].split("_")[0]] = fp.get(entry["source"].split("_")[0], 0) + 1
            elif got and entry["content"]:
                header += 1
            elif got:
                t[got] += 1
        print(f"| {threshold:.2f} | {t['right'] + t['wrong']} | {t['right']} | {fp.get('facet', 0)} | "
              f"{fp.get('answerability', 0)} | {fp.get('fulltext', 0)} | {header} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="a library with the seeds and the PDFs")
    parser.add_argument("--relaxed", action="store_true", help="a full-text question the catalog answers right (gold "
                        "paper, a gold keyword) is not counted as a false positive")
    parser.add_argument("--same-ask", action="store_true", help="a rewrite must keep the question's operator words")
    parser.add_argument("--cache", type=Path, default=None, help="keep the measured rewrites here (JSON) and reuse them")
    args = parser.parse_args()
    POLICY["strict"] = not args.relaxed
    GUARD["same_ask"] = args.same_ask
    if args.cache is not None and args.cache.exists():
        data = json.loads(args.cache.read_text())
    else:
        data = measure(args)
        if args.cache is not None:
            args.cache.write_text(json.dumps(data))
    report(data)
    fixed(data)


if __name__ == "__main__":
    main()
