"""Fit the answerability model (rag/answerability.py) on development question sets only.

    RAG_HOME=... python eval/fit_answerability.py \
        --dataset eval/datasets/answerability_dev.jsonl --dataset eval/datasets/fulltext_dev.jsonl \
        --dataset eval/datasets/seeds.jsonl --dataset eval/datasets/heldout.jsonl

Each question goes through the real retrieval and evidence selection (no LLM); its signals and
whether it is answerable (has gold papers) become one training row. Questions the catalog answers
before retrieval (rag/catalog_query.py), and those that name metadata of the catalog (answered by
rule in rag/abstain.py), never reach the model and are left out of the fit. Signals are dropped one at a
time while that lowers the cross-validated log-loss (backward elimination). A logistic regression with an
L2 penalty chosen by 5-fold cross-validation is fitted by Newton's method on standardised
features. The two thresholds are chosen on cross-validated probabilities (not on the fit's own):
`answer` maximises balanced accuracy (the mean of abstention on unanswerable and answering on
answerable), `closest` lets at most 5% of answerable questions fall to a flat refusal.
The held-out test sets are refused by name: fitting on them would make their figures worthless.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "eval"))

from fitlib import development_only, open_library  # noqa: E402

from rag.answerability import FEATURES, MODEL_PATH, TYPED, Model, content_words, holds_answer, load_model  # noqa: E402
from rag.asked import asks_for_papers, focus_words  # noqa: E402
from rag.containment import Shown, containment_signals  # noqa: E402
from rag.text import word_tokens  # noqa: E402

LAMBDAS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def fit_logistic(x: np.ndarray, y: np.ndarray, lam: float, iterations: int = 50) -> tuple[np.ndarray, float]:
    """Newton-Raphson on the L2-penalised log-likelihood (intercept unpenalised); x already standardised."""
    n, d = x.shape
    design = np.hstack([np.ones((n, 1)), x])
    w = np.zeros(d + 1)
    penalty = np.diag([0.0] + [lam] * d)
    for _ in range(iterations):
        p = sigmoid(design @ w)
        gradient = design.T @ (p - y) + penalty @ w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[1:], float(w[0])


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    return mean, np.where(scale > 1e-9, scale, 1.0)


GROUPS: list[str] = []  # each row's paper (gold or 'about'), set by main(): questions about one paper share a fold


def folds(y: np.ndarray, k: int = 5, seed: int = 0) -> list[np.ndarray]:
    """Grouped folds: all questions about one paper fall in the same fold (a model must not learn a paper's
    vocabulary from one question and be tested on its sibling); groups are dealt out in random order."""
    groups = GROUPS if len(GROUPS) == len(y) else [str(i) for i in range(len(y))]
    rng = np.random.default_rng(seed)
    names = list(dict.fromkeys(groups))
    order = rng.permutation(len(names))
    fold_of = {names[j]: i % k for i, j in enumerate(order)}
    out = [[] for _ in range(k)]
    for i, g in enumerate(groups):
        out[fold_of[g]].append(i)
    return [np.array(sorted(f)) for f in out if f]


def cross_validated(x: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    p = np.zeros(len(y))
    for test in folds(y):
        train = np.setdiff1d(np.arange(len(y)), test)
        mean, scale = standardise(x[train])
        coef, intercept = fit_logistic((x[train] - mean) / scale, y[train], lam)
        p[test] = sigmoid(intercept + ((x[test] - mean) / scale) @ coef)
    return p


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def rates(p: np.ndarray, y: np.ndarray, threshold: float) -> dict:
    answered = p >= threshold
    return {"abstention_on_unanswerable": float(np.mean(~answered[y == 0])) if (y == 0).any() else None,
            "false_abstention": float(np.mean(~answered[y == 1])) if (y == 1).any() else None,
            "answer_rate": float(np.mean(answered))}


TARGET_ABSTAIN, TARGET_FALSE = 0.85, 0.10


def choose_thresholds(p: np.ndarray, y: np.ndarray) -> tuple[float, float, str]:
    """The `answer` threshold: the one meeting both targets (abstain >= 0.85, false <= 0.10) with the most
    abstention if one does on these cross-validated probabilities; otherwise the one with the most abstention
    whose false abstention stays within its target (a refused answerable question was round 3's complaint on
    full papers); the best balanced accuracy only if no threshold keeps false abstention that low."""
    candidates = np.unique(np.round(p, 4))
    both = [(rates(p, y, t)["abstention_on_unanswerable"], float(t)) for t in candidates
            if rates(p, y, t)["abstention_on_unanswerable"] >= TARGET_ABSTAIN
            and rates(p, y, t)["false_abstention"] <= TARGET_FALSE]
    within = [(rates(p, y, t)["abstention_on_unanswerable"], float(t)) for t in candidates
              if rates(p, y, t)["false_abstention"] <= TARGET_FALSE]
    if both:
        best, rule = max(both)[1], "meets both targets"
    elif within:
        best = max(within)[1]
        rule = f"targets not reachable together: most abstention at false abstention <= {TARGET_FALSE}"
    else:
        best, best_score, rule = 0.5, -1.0, "targets not reachable together: best balanced accuracy"
        for t in candidates:
            r = rates(p, y, t)
            score = 0.5 * (r["abstention_on_unanswerable"] + 1 - r["false_abstention"])
            if score > best_score + 1e-12:
                best, best_score = float(t), score
    closest = float(min(np.quantile(p[y == 1], 0.05), best))
    return best, closest, rule


def risk_coverage(p: np.ndarray, y: np.ndarray) -> list[dict]:
    """Answer the top-p questions only: coverage (answer rate) vs share of those answered that are answerable."""
    order = np.argsort(-p, kind="stable")
    rows = []
    for count in range(1, len(p) + 1):
        chosen = order[:count]
        rows.append({"threshold": round(float(p[order[count - 1]]), 4), "coverage": round(count / len(p), 4),
                     "precision": round(float(np.mean(y[chosen])), 4)})
    return rows


def best_cv_loss(x: np.ndarray, y: np.ndarray) -> float:
    return min(log_loss(cross_validated(x, y, lam), y) for lam in LAMBDAS)


def backward_elimination(rows: list[dict], y: np.ndarray) -> tuple[tuple[str, ...], list[dict]]:
    """Drop, one at a time, the signal whose removal lowers the cross-validated log-loss most; stop when none does."""
    kept = list(FEATURES)
    matrix = lambda names: np.array([[r["features"][n] for n in names] for r in rows], dtype=np.float64)  # noqa: E731
    loss = best_cv_loss(matrix(kept), y)
    steps = [{"features": list(kept), "cv_log_loss": round(loss, 4)}]
    while len(kept) > 1:
        trials = {name: best_cv_loss(matrix([n for n in kept if n != name]), y) for name in kept}
        name = min(trials, key=trials.get)
        if trials[name] >= loss - 1e-4:
            break
        kept.remove(name)
        loss = trials[name]
        steps.append({"dropped": name, "cv_log_loss": round(loss, 4)})
    return tuple(kept), steps


def collect(datasets: list[Path]) -> list[dict]:
    from rag.abstain import Assessor
    from rag.answering_scorer import candidate_sentences
    from rag.answer import Answerer
    from rag.abstain import shown_of
    from rag.evaluation.dataset import check_gold, load_dataset

    library = open_library()
    neutral = Model(features=FEATURES, mean=np.zeros(len(FEATURES)), scale=np.ones(len(FEATURES)),
                    coef=np.zeros(len(FEATURES)), intercept=0.0, answer_threshold=0.5, closest_threshold=0.0)
    answerer = Answerer(library, llm=None, assessor=Assessor(library, model=neutral))  # type: ignore[arg-type]
    from rag.catalog_query import answer_directly

    rows = []
    for path in datasets:
        questions = load_dataset(path)
        about = {str(d.get("id")): d.get("about", "") for d in map(json.loads, filter(str.strip, path.read_text().splitlines()))}
        check_gold(questions, library.snapshot.papers, path)
        for q in questions:
            if answer_directly(q.question, [], None, library.snapshot.papers) is not None:
                continue  # the catalog answers it before retrieval: the model never sees it
            query, hits, evidence, signals, _ = answerer.assess(q.question)
            shown = " ".join(f"{e.paper.title} {e.text}" for e in evidence).casefold()
            words = content_words(q.question)
            stats = answerer.assessor.stats()
            asked = list(dict.fromkeys([*words, *word_tokens(q.question)]))  # every question word's df: focus too
            rows.append({"dataset": path.name, "id": q.id, "kind": q.kind, "answerable": q.answerable,
                         "group": (q.gold_titles or [about.get(q.id) or q.id])[0],
                         # what rag/containment.py reads, so that its signals can be recomputed from the rows
                         "question": q.question, "content": words, "df": {w: stats.df.get(w, 0) for w in asked},
                         "chunks": stats.chunks, "shown": [vars(item) | {"sentences": list(item.sentences), "abstract": None}
                                                           for item in shown_of(evidence, hits)],
                         "answer_type": signals.answer_type, "features": signals.values,
                         "names_metadata": signals.names_metadata,
                         # what the answering scorer read, so that --rescore can re-read it with a new scorer
                         "query": query, "sentences": candidate_sentences(evidence),
                         "evidence_has_keywords": bool(q.answer_keywords) and all(k in shown for k in q.answer_keywords)})
    return rows


def recontain(row: dict) -> None:
    """rag/containment.py's signals again from a saved row (the question, its evidence, the words' df).

    The focus words' df is not saved: rows collected before the focus existed read them as unseen (refit those
    by collecting again). The set margin of a question for papers needs the hits: it is not recomputed."""
    kind = row["answer_type"]
    shown = [Shown(d["paper_id"], d["title"], tuple(d["sentences"]), d["retrieved"]) for d in row["shown"]]
    row["features"].update(containment_signals(row["question"], row["content"], shown, row["df"], row["chunks"],
                                               lambda sentence: holds_answer(kind, sentence, row["question"]),
                                               focus=focus_words(row["question"]),
                                               papers=asks_for_papers(row["question"]), typed=kind in TYPED))


def score(rows: list[dict], model: Model) -> None:
    """Per dataset: abstention on unanswerable, false abstention and the three outcomes, as the run time decides."""
    table = {}
    for r in rows:
        outcome = "answer" if r["names_metadata"] else model.outcome(model.probability(r["features"]))
        counts = table.setdefault(r["dataset"], {"n": 0, "unanswerable": 0, "abstained_unanswerable": 0,
                                                 "answerable": 0, "abstained_answerable": 0,
                                                 "answer": 0, "closest": 0, "refused": 0})
        kind = "answerable" if r["answerable"] else "unanswerable"
        counts["n"] += 1
        counts[kind] += 1
        counts[outcome] += 1
        counts[f"abstained_{kind}"] += outcome != "answer"
    for name, c in table.items():
        abstention = c["abstained_unanswerable"] / c["unanswerable"] if c["unanswerable"] else float("nan")
        false = c["abstained_answerable"] / c["answerable"] if c["answerable"] else float("nan")
        print(f"{name:28s} n={c['n']:3d}  abstention on unanswerable {abstention:.3f}  false abstention {false:.3f}  "
              f"(answer {c['answer']}, closest {c['closest']}, refused {c['refused']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, action="append", required=True, help="a development question set")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--rows", type=Path, default=ROOT / "eval/out/answerability/dev_rows.jsonl",
                        help="where to write each question's signals (for inspection)")
    parser.add_argument("--from-rows", action="store_true",
                        help="refit from the signals saved in --rows (same datasets) instead of running retrieval again")
    parser.add_argument("--recontain", action="store_true",
                        help="with --from-rows: recompute rag/containment.py's signals from the saved evidence")
    parser.add_argument("--score", action="store_true",
                        help="fit nothing: the outcomes of the model at --out (default: the shipped one) per dataset, "
                             "in-sample on these development sets (a minute, no LLM; `rag eval` gives the full figures)")
    parser.add_argument("--rescore", action="store_true",
                        help="with --from-rows: score the saved evidence sentences again with the shipped answering scorer")
    args = parser.parse_args()
    development_only(args.dataset)

    if args.from_rows:
        rows = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
        names = {p.name for p in args.dataset}
        if not {r["dataset"] for r in rows} <= names:  # a set the catalog answers entirely leaves no rows
            sys.exit(f"{args.rows} holds other datasets than those given")
        if args.rescore:
            from rag.answering_scorer import load_scorer

            scorer = load_scorer()
            for r in rows:
                p = scorer.probabilities(r["query"], r["sentences"])
                r["features"]["answer_score"] = float(p.max()) if len(p) else 0.0
            args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows))
    else:
        rows = collect(args.dataset)
        args.rows.parent.mkdir(parents=True, exist_ok=True)
        args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows))
    if args.score:
        score(rows, load_model(args.out))
        return
    gated = [r for r in rows if r["names_metadata"]]
    print(f"{len(gated)} questions name metadata and are answered from the catalog without the model "
          f"({sum(not r['answerable'] for r in gated)} of them unanswerable); fitting on the other {len(rows) - len(gated)}")
    rows = [r for r in rows if not r["names_metadata"]]
    if args.recontain:
        for r in rows:
            recontain(r)
    GROUPS[:] = [r.get("group", r["id"]) for r in rows]
    y = np.array([1.0 if r["answerable"] else 0.0 for r in rows])
    kept, elimination = backward_elimination(rows, y)
    x = np.array([[r["features"][name] for name in kept] for r in rows], dtype=np.float64)

    losses = {lam: log_loss(cross_validated(x, y, lam), y) for lam in LAMBDAS}
    lam = min(losses, key=losses.get)
    cv_p = cross_validated(x, y, lam)
    answer_t, closest_t, rule = choose_thresholds(cv_p, y)
    mean, scale = standardise(x)
    coef, intercept = fit_logistic((x - mean) / scale, y, lam)
    model = Model(features=kept, mean=mean, scale=scale, coef=coef, intercept=intercept,
                  answer_threshold=answer_t, closest_threshold=closest_t)
    by_set = {}
    in_sample = sigmoid(intercept + ((x - mean) / scale) @ coef)
    sets = {name: np.array([r["dataset"] == name for r in rows]) for name in dict.fromkeys(r["dataset"] for r in rows)}
    # Seed-page questions and full-text questions behave differently (a 1-page listing vs a 40-page PDF): per family.
    full = np.array([r["dataset"].startswith("fulltext") for r in rows])
    for name, mask in {**sets, "family: seed-page questions": ~full, "family: full-text questions": full}.items():
        by_set[name] = {"n": int(mask.sum()), "answerable": int(y[mask].sum()), **rates(cv_p[mask], y[mask], answer_t),
                        "in_sample": rates(in_sample[mask], y[mask], answer_t)}
    data = model.to_json()
    data["fit"] = {
        "datasets": {p.name: hashlib.sha1(p.read_bytes()).hexdigest()[:12] for p in args.dataset},
        "n": len(rows), "answerable": int(y.sum()), "l2": lam, "threshold_rule": rule,
        "folds": "5, grouped by paper", "cv_log_loss": {str(k): round(v, 4) for k, v in losses.items()},
        "cross_validated": {"overall": rates(cv_p, y, answer_t), **by_set},
        "risk_coverage_cv": risk_coverage(cv_p, y),
        "weights": {name: round(float(c), 4) for name, c in zip(kept, coef)},
        "backward_elimination": elimination,
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n")
    print(json.dumps({k: v for k, v in data["fit"].items() if k != "risk_coverage_cv"}, indent=1))
    print(f"thresholds: answer {answer_t:.4f}, closest {closest_t:.4f}; written {args.out}")


if __name__ == "__main__":
    main()
