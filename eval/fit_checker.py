"""Fit the claim checker's calibrated model and save its coefficients (rag/checking/checker.json).

    .venv/bin/python eval/fit_checker.py --home H --dev eval/datasets/claims_dev.jsonl \
        --dev eval/datasets/claims.jsonl --rows /tmp/checker_rows.npz

Training rows: rule-made claims from the library's own sentences (eval/claim_transforms.py) and
the development claim sets — never a held-out `*_v2` set (refused by name). The pass threshold is
chosen on the dev claims' out-of-fold predictions (5 folds grouped by paper: no paper's claims are
both fitted on and scored) by `choose_threshold`, and folded into the model so that a score of 0.5
passes. The home must hold the seeds and the PDFs (`rag --home H ingest seeds PDFDIR`).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_transforms import make_claims  # noqa: E402
from fitlib import development_only, open_library  # noqa: E402

from rag.checking import signals  # noqa: E402
from rag.checking.checker import (CANDIDATES, DECISIONS, FEATURES, Checker, Passages, _ce_features,  # noqa: E402
                                  contradiction_shown, decide, is_vacuous, without_contradiction)
from rag.checking.model import VERDICTS, CheckerModel, fit, fold_threshold  # noqa: E402
from rag.checking.sources import PaperTexts, library_texts  # noqa: E402

LABEL = {v: i for i, v in enumerate(VERDICTS)}
TARGET_PRECISION = 0.95  # of what passes as supported (issue 10)
TARGET_PASSED = 0.70  # share of truly supported claims that pass


def placeholder_model(names: list[str]) -> CheckerModel:
    """A model that weighs nothing but names the features to compute (all spans read: rule 'surest')."""
    n = len(names)
    return CheckerModel(names, np.zeros(n), np.ones(n), np.zeros((3, n)), np.zeros(3))


def candidate_rows(checker: Checker, claim: str, passages: Passages) -> tuple[list[list[float]], list[str]]:
    """Features of the claim against each candidate span of its paper's passages the run time reads, closest
    first, padded to CANDIDATES by repeating the last (a repeated span changes no decision rule's outcome), and
    the spans."""
    found = checker.candidates(claim, passages, checker.embedder.embed_query(claim), passages.title)
    out, spans = [[f[name] for name in FEATURES] for f, _ in found], [span for _, span in found]
    pad = CANDIDATES - len(out)
    return out + [out[-1]] * pad, spans + [spans[-1]] * pad


def row(checker: Checker, texts: PaperTexts, claim: str, paper_id: str) -> tuple[list[float], str]:
    """Features of the claim against its closest span of the paper (what the model is fitted on), and the span."""
    rows, spans = candidate_rows(checker, claim, texts.passages(paper_id, claim))
    return rows[0], spans[0]


def synthetic(checker: Checker, texts: PaperTexts, per_paper: int, rng: random.Random) -> tuple[list, list, list]:
    """Rule-made rows, their labels and (claim, span, paper) of each (the cross-encoder's input)."""
    rows, labels, pairs = [], [], []
    ids = [pid for pid in texts.papers if texts.sentences(pid)]
    names = sorted({n for pid in ids for s in texts.sentences(pid)[:6] for n in signals.named_things(s) if len(n) > 2})
    for pid in ids:
        sentences = [s for s in texts.sentences(pid) if 8 <= len(s.split()) <= 45]
        for sentence in rng.sample(sentences, min(per_paper, len(sentences))):
            made = [(claim, verdict, pid) for claim, verdict, _ in
                    make_claims(sentence, [n.upper() if len(n) <= 5 else n.title() for n in names], rng)]
            other = rng.choice(ids)
            if other != pid:  # a true sentence of another paper says nothing about this one
                made.append((sentence, "unsupported", other))
            for claim, verdict, paper in made:
                features, span = row(checker, texts, claim, paper)
                rows.append(features)
                labels.append(LABEL[verdict])
                pairs.append((claim, span, paper))
    return rows, labels, pairs


def dev_rows(checker: Checker, texts: PaperTexts, paths: list[Path]) -> tuple[list, list, list, list, list, dict]:
    """Rows of the written dev claims (every candidate span), labels, kinds, papers, sets, and the texts:
    claim, gold evidence and candidate spans (what the cross-encoder reads, eval/train_crossencoder.py)."""
    rows, labels, kinds, groups, sets, missing = [], [], [], [], [], 0
    texts_of = {"claims": [], "evidence": [], "spans": [], "ids": [], "vacuous": []}
    for path in paths:
        for line in path.read_text().splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            paper = texts.find(item["title"])
            if paper is None or item["verdict"] == "vacuous":
                missing += paper is None
                continue
            passages = texts.passages(paper.paper_id, item["claim"])  # built once: the rows and is_vacuous read it
            found, spans = candidate_rows(checker, item["claim"], passages)
            rows.append(found)
            # The run time never scores a claim it reads as no claim (rag/checking/checker.py `check`): kept out
            # of the fit and judged 'unsupported' when scored, as `rag eval claims` judges it.
            texts_of["vacuous"].append(is_vacuous(item["claim"], passages.title, "", checker.model.min_own_words,
                                                  topic=passages.topic))
            for key, value in (("claims", item["claim"]), ("evidence", item.get("evidence", "")), ("spans", spans),
                               ("ids", item.get("id", ""))):
                texts_of[key].append(value)
            labels.append(LABEL[item["verdict"]])
            kinds.append(item.get("kind", ""))
            groups.append(paper.paper_id)
            sets.append(path.stem)
    if missing:
        print(f"{missing} dev claims name a paper that is not in the library", file=sys.stderr)
    return rows, labels, kinds, groups, sets, texts_of


def grouped_folds(groups: list[str], k: int = 5, seed: int = 7) -> np.ndarray:
    """Fold of each dev claim: all claims about one paper in the same fold, papers dealt out at random."""
    names = list(dict.fromkeys(groups))
    order = np.random.default_rng(seed).permutation(len(names))
    fold_of = {names[j]: i % k for i, j in enumerate(order)}
    return np.array([fold_of[g] for g in groups])


def fitted(syn_x, syn_y, dev_x, dev_y, vacuous, names, args) -> CheckerModel:
    """Fitted on the rule-made rows and each written claim's closest span, weighted by args.rule_weight and
    args.dev_weight; a claim the run time reads as no claim (vacuous) weighs nothing."""
    return fit(np.vstack([syn_x, dev_x[:, 0]]), np.concatenate([syn_y, dev_y]), names, l2=args.l2,
               weights=np.concatenate([np.full(len(syn_y), args.rule_weight), args.dev_weight * ~vacuous]))


def out_of_fold(syn_x, syn_y, dev_x, dev_y, vacuous, groups, names, args) -> np.ndarray:
    """Probabilities of every candidate span of each claim, from a model that never saw its paper (5 folds)."""
    folds = grouped_folds(groups)
    oof = np.zeros((len(dev_y), CANDIDATES, 3))
    for k in range(5):
        train = folds != k
        model = fitted(syn_x, syn_y, dev_x[train], dev_y[train], vacuous[train], names, args)
        oof[~train] = model.probabilities(dev_x[~train].reshape(-1, len(names))).reshape(-1, CANDIDATES, 3)
    return oof


def run_time_verdicts(model: CheckerModel, probs: np.ndarray, shown: np.ndarray, threshold: float,
                      rule: str, vacuous: np.ndarray | None = None) -> np.ndarray:
    """Each dev claim's verdict as the checker gives it at run time: the model's probabilities for every
    candidate span (shape claims x CANDIDATES x 3), 'contradicted' taken away where nothing shows it, one
    verdict per span at this threshold, and the decision rule (rag/checking/checker.py `decide`) on top."""
    out = []
    for p3, s3 in zip(probs, shown):
        p3 = np.array([p if s else without_contradiction(p) for p, s in zip(p3, s3)])
        verdicts = [model.verdict(p, threshold) for p in p3]
        out.append(LABEL[verdicts[decide(p3, verdicts, [0] * len(verdicts), rule)]])
    out = np.array(out)
    return out if vacuous is None else np.where(vacuous, LABEL["unsupported"], out)


def choose_threshold(p_supported: np.ndarray, truth: np.ndarray, passed_at=None, priority: str = "precision") -> float:
    """The pass threshold, from out-of-fold P(supported) of the dev claims (or `passed_at(t)`: which claims
    pass at threshold t, when that takes more than one span's probability).

    If one threshold meets both targets (precision of what passes >= 0.95, >= 0.70 of supported claims
    passed), the lowest such. Otherwise, by the issue's priority (trust first): the lowest threshold from
    which precision holds >= 0.95 at every higher threshold too (a single lucky threshold does not count);
    failing that, or with priority "balanced", the one that best balances them: the largest
    min(precision / 0.95, passed / 0.70), so that neither figure is bought entirely with the other.
    """
    best, best_score, points = 0.5, -1.0, []
    # A grid even in log-odds (0.27 .. 0.9975): with the contradiction share taken away where nothing shows it,
    # P(supported) crowds near 1 and the operating point may lie there.
    for t in 1.0 / (1.0 + np.exp(-np.linspace(-1.0, 6.0, 141))):
        passed = p_supported >= t if passed_at is None else passed_at(t)
        if passed.sum() < 5:
            continue
        precision, recall = (truth[passed] == 0).mean(), passed[truth == 0].mean()
        if precision >= TARGET_PRECISION and recall >= TARGET_PASSED:
            return round(float(t), 4)
        points.append((round(float(t), 4), precision))
        score = min(precision / TARGET_PRECISION, recall / TARGET_PASSED)
        if score > best_score:
            best, best_score = round(float(t), 4), score
    if priority == "precision":
        holding = [t for i, (t, _) in enumerate(points) if all(p >= TARGET_PRECISION for _, p in points[i:])]
        if holding:
            return holding[0]
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--dev", type=Path, action="append", default=[])
    parser.add_argument("--per-paper", type=int, default=2)
    parser.add_argument("--dev-weight", type=float, default=50.0,
                        help="Weight of a written dev claim relative to a rule-made one.")
    parser.add_argument("--rule-weight", type=float, default=1.0,
                        help="Weight of a rule-made row (0: fit on the dev claims alone). The cross-encoder was "
                             "trained on rule-made claims, so it reads them more surely than written ones.")
    parser.add_argument("--l2", type=float, default=3e-2)
    parser.add_argument("--without-crossencoder", action="store_true",
                        help="Fit on the structural signals and the cosine only (the checker then skips the cross-encoder).")
    parser.add_argument("--decision", choices=DECISIONS, default="closest",
                        help="How the candidate spans' verdicts make the claim's (rag/checking/checker.py decide).")
    parser.add_argument("--priority", choices=("precision", "balanced"), default="precision",
                        help="When no threshold meets both targets: keep precision >= 0.95 (the trust promise) "
                             "and pass what that allows, or balance the two.")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--rows", type=Path, default=None,
                        help="Keep the feature rows in this .npz and reuse them (same features) to refit quickly.")
    parser.add_argument("--ce-scores", type=Path, default=None,
                        help="eval/crossencoder_cv.py output: the cross-encoder's out-of-fold readings of the rows, "
                             "put in place of the ce_ features (the fit then weighs them)")
    parser.add_argument("--drop", action="append", default=[],
                        help="Leave this feature out of the fit (repeatable; the checker then skips what it needs).")
    args = parser.parse_args()
    development_only(args.dev)
    if not args.dev:
        sys.exit("give the development claim sets with --dev (the pass threshold is chosen on them)")
    names = [f for f in FEATURES if not (args.without_crossencoder and f.startswith("ce_")) and f not in args.drop]
    library = open_library(args.home)
    if args.rows and args.rows.exists():
        saved = np.load(args.rows)
        computed = set(saved["computed"]) | ({"ce_supported", "ce_contradicted"} if args.ce_scores else set())
        if "dev_x3" not in saved or not set(names) <= computed:
            sys.exit(f"{args.rows} holds other rows (older format or fewer features): remove it to recompute")
        syn_x, syn_y, dev_x, dev_y = saved["syn_x"], saved["syn_y"], saved["dev_x3"], saved["dev_y"]
        groups, kinds, sets = list(saved["groups"]), list(saved["kinds"]), list(saved["sets"])
        vacuous = saved["dev_vacuous"].astype(bool) if "dev_vacuous" in saved else np.zeros(len(dev_y), bool)
    else:
        # Only what the fit weighs is computed (the cross-encoder and word alignment cost most).
        checker = Checker(library.embedder, placeholder_model(names))
        texts = library_texts(checker, library)
        syn_x, syn_y, syn_pairs = synthetic(checker, texts, args.per_paper, random.Random(13))
        dev_x, dev_y, kinds, groups, sets, dev_texts = dev_rows(checker, texts, args.dev)
        vacuous = np.array(dev_texts["vacuous"], bool)
        syn_x, syn_y = np.array(syn_x).reshape(-1, len(FEATURES)), np.array(syn_y, dtype=int)
        dev_x, dev_y = np.array(dev_x).reshape(-1, CANDIDATES, len(FEATURES)), np.array(dev_y, dtype=int)
        if args.rows:
            np.savez(args.rows, syn_x=syn_x, syn_y=syn_y, dev_x3=dev_x, dev_y=dev_y, groups=np.array(groups),
                     kinds=np.array(kinds), sets=np.array(sets), computed=np.array(names),
                     syn_pairs=np.array(syn_pairs), **{f"dev_{k}": np.array(v) for k, v in dev_texts.items()})
    if args.ce_scores:
        syn_x, dev_x = with_ce_scores(syn_x, dev_x, np.load(args.ce_scores))
    print(f"{len(syn_y)} rule-made rows, {len(dev_y)} dev claims", file=sys.stderr)
    # What the checker reads before the model: spans with no contradiction signal cannot be 'contradicted'
    # (the cross-encoder's reading counts only when the fitted model makes the checker run it).
    flat = dev_x.reshape(-1, len(FEATURES))
    dev_shown = contradiction_shown(flat, FEATURES, "ce_contradicted" in names).reshape(len(dev_y), CANDIDATES)
    cols = [FEATURES.index(f) for f in names]
    syn_x, dev_x = syn_x[:, cols], dev_x[:, :, cols]
    # Fitted on each claim's closest span; scored out of fold on every span the run time reads, combined by
    # the decision rule, so the figures below are the run time's (rag eval claims) on unseen papers.
    oof = out_of_fold(syn_x, syn_y, dev_x, dev_y, vacuous, groups, names, args)
    model = fitted(syn_x, syn_y, dev_x, dev_y, vacuous, names, args)
    model.decision = args.decision
    results = {}
    for rule in DECISIONS:  # every rule is reported, the chosen one is saved
        def verdicts_at(t, rule=rule):
            return run_time_verdicts(model, oof, dev_shown, t, rule, vacuous)
        t = choose_threshold(None, dev_y, passed_at=lambda t, v=verdicts_at: v(t) == 0, priority=args.priority)
        results[rule] = (t, summary(verdicts_at(t), dev_y), verdicts_at)
        print(f"  rule {rule}: threshold {t:.4f}, out of fold {results[rule][1]}", file=sys.stderr)
    threshold, figures, verdicts_at = results[args.decision]
    curve = []
    for t in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995]:  # the trade-off the threshold was picked from
        curve.append({"threshold": round(float(t), 2), **summary(verdicts_at(t), dev_y)})
    model.meta = {"folds": "5, grouped by paper", "priority": args.priority, "rule_made_rows": int(len(syn_y)), "rule_weight": args.rule_weight,
                  "dev_weight": args.dev_weight, "l2": args.l2, "dev_rows": int(len(dev_y)),
                  "dev_files": [str(p) for p in args.dev], "target_precision": TARGET_PRECISION,
                  "dev_out_of_fold": figures, "dev_out_of_fold_by_kind": by_kind(verdicts_at(threshold), dev_y, kinds),
                  "dev_out_of_fold_by_set": {name: summary(verdicts_at(threshold)[mask], dev_y[mask])
                                             for name in dict.fromkeys(sets)
                                             for mask in [np.array([x == name for x in sets])]},
                  "dev_out_of_fold_by_rule": {r: {"threshold": t, **f} for r, (t, f, _) in results.items()},
                  "dev_out_of_fold_curve": curve, "left_out": [f for f in FEATURES if f not in names]}
    fold_threshold(model, threshold)
    model.save(*([args.out] if args.out else []))
    print(json.dumps({"pass_threshold": threshold, **model.meta}, indent=1))


def with_ce_scores(syn_x: np.ndarray, dev_x: np.ndarray, scores) -> tuple[np.ndarray, np.ndarray]:
    """The rows with the cross-encoder's readings (probabilities, turned into the checker's log-odds features)."""
    syn_x, dev_x = syn_x.copy(), dev_x.copy()
    s, c = FEATURES.index("ce_supported"), FEATURES.index("ce_contradicted")
    for x, p in ((syn_x, scores["ce_syn"]), (dev_x.reshape(-1, len(FEATURES)), scores["ce_dev"].reshape(-1, 3))):
        read = np.array([[f["ce_supported"], f["ce_contradicted"]] for f in map(_ce_features, p)])
        x[:, s], x[:, c] = read[:, 0], read[:, 1]
    return syn_x, dev_x


def summary(verdicts: np.ndarray, truth: np.ndarray) -> dict:
    """The issue's three figures for claims' verdicts (label indices) against the truth."""
    passed = verdicts == 0
    return {"precision_passed": round(float((truth[passed] == 0).mean()), 3) if passed.any() else None,
            "supported_passed": round(float(passed[truth == 0].mean()), 3) if (truth == 0).any() else None,
            "contradicted_rejected": round(float((~passed)[truth == 1].mean()), 3) if (truth == 1).any() else None}


def by_kind(verdicts: np.ndarray, truth: np.ndarray, kinds: list[str]) -> dict:
    """Share judged right per kind of dev claim (out of fold): passed for supported kinds, rejected otherwise."""
    passed = verdicts == 0
    out = {}
    for kind in dict.fromkeys(kinds):
        mask = np.array([k == kind for k in kinds])
        right = passed[mask] if (truth[mask] == 0).all() else ~passed[mask]
        out[kind] = round(float(right.mean()), 3)
    return out


if __name__ == "__main__":
    main()
