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
features (eval/answerability_cv.py). The two thresholds are chosen on cross-validated probabilities (not on
the fit's own) — leave-one-round-out ones unless --points-from folds — for each regime apart (the closest evidence
a listing page or a full paper) unless --one-point:
`answer` gives the most abstention at false abstention <= 0.10; `closest` (the refusal floor) refuses outright at
most 10% of the withheld questions whose shown passages hold the fact (--floor useful, the default since round 12;
`q05`, the rule before, refused 5% of all answerable questions: half of those withheld, passages holding it or not).
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

import answerability_cv as cv  # noqa: E402  (cv.fit, read at call time: --extra-rows replaces it)
from answerability_cv import (GROUPS, LAMBDAS, backward_elimination, choose_by_regime, choose_floor,  # noqa: E402
                              choose_thresholds, cross_validated, cross_validated_by_round, families, floor_rates,
                              log_loss, rates, regime_thresholds, regimes, risk_coverage, round_of, sigmoid)
from fitlib import development_only, open_library  # noqa: E402

from rag.abstain import containment_of  # noqa: E402
from rag.answerability import FEATURES, MODEL_PATH, Model, content_words, load_model, regime_readings  # noqa: E402
from rag.containment import Shown, premise_contradicted  # noqa: E402
from rag.text import word_tokens  # noqa: E402

def collect(datasets: list[Path], library=None) -> list[dict]:
    """One row per question of the datasets (see the module text), retrieved in `library` (else the one at RAG_HOME)."""
    from rag.abstain import Assessor
    from rag.answering_scorer import candidate_sentences
    from rag.answer import Answerer
    from rag.abstain import shown_of
    from rag.evaluation.dataset import check_gold, load_dataset

    library = open_library() if library is None else library
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
                         # the closest evidence paper (the one the regime is read from): whole-paper signals read it
                         "closest": max(evidence, key=lambda e: e.relevance).paper.paper_id if evidence else None,
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
    row["features"].update(containment_of(row["question"], kind, shown, row["df"], row["chunks"], row["content"]))
    from rag.checking.crossencoder import load_crossencoder

    row["features"]["premise_contradicted"] = premise_contradicted(
        row["question"], [s for item in shown for s in item.sentences], load_crossencoder().probabilities)
    row["features"].update(regime_readings(row["features"]))


def score(rows: list[dict], model: Model) -> None:
    """Per dataset: abstention on unanswerable, false abstention and the three outcomes, as the run time decides."""
    table = {}
    for r in rows:
        outcome = "answer" if r["names_metadata"] else model.outcome(model.probability(r["features"]), r["features"])
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
    parser.add_argument("--features", help="fit these signals (comma-separated) instead of backward elimination")
    parser.add_argument("--points-from", choices=("rounds", "folds"), default="rounds",
                        help="choose the operating points on leave-one-round-out probabilities (default) or on the "
                             "5 folds grouped by paper (the rule before round 10)")
    parser.add_argument("--floor", choices=("useful", "q05"), default="useful",
                        help="the refusal floor's rule (eval/answerability_cv.py choose_floor): refuse at most 10%% of "
                             "the withheld questions whose passages hold the fact (default), or 5%% of all answerable")
    parser.add_argument("--one-point", action="store_true",
                        help="one operating point for both regimes (default: one per regime, each on its own CV)")
    parser.add_argument("--extra-rows", type=Path,
                        help="rule-made rows (eval/make_questions.py --rows) every fit also trains on, never scored")
    parser.add_argument("--extra-shapes", default="premise@0.2+detail_named@1",
                        help="with --extra-rows: the shapes used, each SHAPE@WEIGHT (1 without @; as "
                             "answerability_rounds :shapes=)")
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
    if args.recontain:
        for r in rows:
            recontain(r)
    if args.score:
        score(rows, load_model(args.out))
        return
    gated = [r for r in rows if r["names_metadata"]]
    print(f"{len(gated)} questions name metadata and are answered from the catalog without the model "
          f"({sum(not r['answerable'] for r in gated)} of them unanswerable); fitting on the other {len(rows) - len(gated)}")
    rows = [r for r in rows if not r["names_metadata"]]
    GROUPS[:] = [r.get("group", r["id"]) for r in rows]
    y = cv.labels(rows)
    if args.extra_rows and not args.features:
        sys.exit("--extra-rows needs --features (the rule-made rows train a given signal set)")
    if args.extra_rows:  # every fit below (CV folds, round folds, the shipped one) trains on them too
        from answerability_rounds import extra_fit, extra_rows, shape_weights

        cv.fit, extra_n = extra_fit(extra_rows(args.extra_rows), args.features.split(","),
                                    shape_weights(args.extra_shapes, 1.0))
        print(f"training also on {extra_n} rule-made rows ({args.extra_shapes}); figures on written questions only")
    if args.features:  # a signal set chosen by eval/answerability_ablation.py: no elimination here
        kept, elimination = tuple(args.features.split(",")), [{"features": args.features.split(","), "given": True}]
    else:
        kept, elimination = backward_elimination(rows, y)
    x = cv.matrix(rows, kept)

    losses = {lam: log_loss(cross_validated(x, y, lam), y) for lam in LAMBDAS}
    lam = min(losses, key=losses.get)
    cv_p = cross_validated(x, y, lam)
    # The points are chosen on probabilities of questions whose round the model never saw (each round left out in
    # turn), as a blind round meets them: folds by paper put every round's writers in training, and on full papers
    # those probabilities sit higher than a new round's, so the point chosen on them answered more than intended.
    rounds = np.array([round_of(r["dataset"]) for r in rows])
    point_p = cross_validated_by_round(x, y, rounds, lam) if args.points_from == "rounds" else cv_p
    regime_full = regimes(rows)
    # one point for both regimes (--one-point), else each regime its own (rag/answerability.py `regime`: is the
    # closest evidence a full paper)
    points = dict.fromkeys(("page", "full_text"), choose_thresholds(point_p, y)) if args.one_point \
        else choose_by_regime(point_p, y, regime_full)
    # The refusal floor, per regime on the same probabilities: chosen on what a refusal hides from the user.
    useful = cv.useful(rows)
    for name, mask in (("page", ~regime_full), ("full_text", regime_full)):
        if args.one_point:
            mask = np.ones(len(rows), bool)
        answer, _, rule_text = points[name]
        points[name] = (answer, choose_floor(point_p[mask], y[mask], useful[mask], answer, args.floor), rule_text)
    answer_t, closest_t = points["page"][0], points["page"][1]
    threshold = regime_thresholds(regime_full, points)
    floor = np.where(regime_full, points["full_text"][1], points["page"][1])
    mean, scale, coef, intercept = cv.fit(x, y, lam)  # with --extra-rows, trained on them too
    model = Model(features=kept, mean=mean, scale=scale, coef=coef, intercept=intercept,
                  answer_threshold=answer_t, closest_threshold=closest_t,
                  full_text=None if args.one_point else points["full_text"][:2])
    by_set = {}
    in_sample = sigmoid(intercept + ((x - mean) / scale) @ coef)
    sets = {name: np.array([r["dataset"] == name for r in rows]) for name in dict.fromkeys(r["dataset"] for r in rows)}
    # Seed-page questions and full-text questions behave differently (a 1-page listing vs a 40-page PDF): per family
    # (by dataset), and per regime (by the evidence, as the run time decides).
    full = families(rows)
    for name, mask in {**sets, "family: seed-page questions": ~full, "family: full-text questions": full,
                       "regime: page": ~regime_full, "regime: full text": regime_full}.items():
        by_set[name] = {"n": int(mask.sum()), "answerable": int(y[mask].sum()),
                        **rates(cv_p[mask], y[mask], threshold[mask]),
                        "in_sample": rates(in_sample[mask], y[mask], threshold[mask])}
    data = model.to_json()
    data["fit"] = {
        "datasets": {p.name: hashlib.sha1(p.read_bytes()).hexdigest()[:12] for p in args.dataset},
        "n": len(rows), "answerable": int(y.sum()), "l2": lam,
        "threshold_rule": {name: point[2] for name, point in points.items()},
        "folds": "5, grouped by paper", "cv_log_loss": {str(k): round(v, 4) for k, v in losses.items()},
        "points_from": "leave-one-round-out probabilities" if args.points_from == "rounds" else "grouped folds",
        "cross_validated": {"overall": rates(cv_p, y, threshold), **by_set},
        "floor_rule": args.floor,
        "round_cross_validated_floor": {name: floor_rates(point_p[mask], y[mask], useful[mask], threshold[mask],
                                                          floor[mask])
                                        for name, mask in (("page", ~regime_full), ("full_text", regime_full))},
        "round_cross_validated": {"overall": rates(point_p, y, threshold),
                                  **{name: rates(point_p[mask], y[mask], threshold[mask])
                                     for name, mask in (("page", ~regime_full), ("full_text", regime_full))}},
        "risk_coverage_cv": risk_coverage(cv_p, y),
        "risk_coverage_cv_by_regime": {name: risk_coverage(cv_p[mask], y[mask])
                                       for name, mask in (("page", ~regime_full), ("full_text", regime_full))},
        "weights": {name: round(float(c), 4) for name, c in zip(kept, coef)},
        "backward_elimination": elimination,
        **({"extra_rows": {"shapes": args.extra_shapes, "n": extra_n}} if args.extra_rows else {}),
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n")
    print(json.dumps({k: v for k, v in data["fit"].items() if not k.startswith("risk_coverage")}, indent=1))
    print(f"thresholds: {json.dumps(data['thresholds'])}; written {args.out}")


if __name__ == "__main__":
    main()
