"""Cross-validation and operating points of the answerability model (eval/fit_answerability.py,
eval/answerability_ablation.py): a penalised logistic regression by Newton's method, folds grouped by paper,
the thresholds chosen on cross-validated probabilities, per regime when the fit gives each its own.

Pure numpy over a feature matrix and labels; no retrieval.
"""

from __future__ import annotations

import re

import numpy as np

from rag.answerability import FEATURES, regime

LAMBDAS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def fit_logistic(x: np.ndarray, y: np.ndarray, lam: float, iterations: int = 50,
                 weights: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Newton-Raphson on the L2-penalised log-likelihood (intercept unpenalised), each row at its weight (1 unless
    given: rule-made rows train at less, eval/answerability_rounds.py); x already standardised."""
    n, d = x.shape
    per_row = np.ones(n) if weights is None else weights  # x 1.0 is exact: unit weights give the unweighted fit's bits
    design = np.hstack([np.ones((n, 1)), x])
    w = np.zeros(d + 1)
    penalty = np.diag([0.0] + [lam] * d)
    for _ in range(iterations):
        p = sigmoid(design @ w)
        gradient = design.T @ (per_row * (p - y)) + penalty @ w
        hessian = design.T @ (design * (per_row * p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[1:], float(w[0])


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    return mean, np.where(scale > 1e-9, scale, 1.0)


def fit(x: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """(mean, scale, coef, intercept): the penalised logistic regression on x standardised by its own mean/scale."""
    mean, scale = standardise(x)
    coef, intercept = fit_logistic((x - mean) / scale, y, lam)
    return mean, scale, coef, intercept


def predict(model: tuple, x: np.ndarray) -> np.ndarray:
    """P(answerable) of each row of x under a `fit` model (x standardised as its training rows were)."""
    mean, scale, coef, intercept = model
    return sigmoid(intercept + ((x - mean) / scale) @ coef)


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
        p[test] = predict(fit(x[train], y[train], lam), x[test])
    return p


_ROUND = re.compile(r"_v(\d+)\.jsonl$")


def round_of(dataset: str) -> int:
    """The round a question set was written in: `*_vN.jsonl` round N, `answerability` / `fulltext` round 1, the sets
    written with the code (`*_dev`, `seeds`, `heldout`) round 0."""
    found = _ROUND.search(dataset)
    if found:
        return int(found.group(1))
    return 1 if dataset in ("answerability.jsonl", "fulltext.jsonl") else 0


def cross_validated_by_round(x: np.ndarray, y: np.ndarray, rounds: np.ndarray, lam: float) -> np.ndarray:
    """Each round's questions (round 0 too) decided by a model fitted on the other rounds: probabilities as a blind
    round meets them, with the shift between rounds' writers in them (folds by paper mix every round into training)."""
    p = np.zeros(len(y))
    for r in set(rounds.tolist()):
        test = rounds == r
        p[test] = predict(fit(x[~test], y[~test], lam), x[test])
    return p


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def rates(p: np.ndarray, y: np.ndarray, threshold: float | np.ndarray) -> dict:
    answered = p >= threshold
    return {"abstention_on_unanswerable": float(np.mean(~answered[y == 0])) if (y == 0).any() else None,
            "false_abstention": float(np.mean(~answered[y == 1])) if (y == 1).any() else None,
            "answer_rate": float(np.mean(answered))}


TARGET_ABSTAIN, TARGET_FALSE = 0.85, 0.10


def choose_thresholds(p: np.ndarray, y: np.ndarray, target_false: float = TARGET_FALSE) -> tuple[float, float, str]:
    """The `answer` threshold: the one meeting both targets (abstain >= 0.85, false <= target_false, 0.10 unless
    given) with the most abstention if one does on these cross-validated probabilities; otherwise the one with the
    most abstention whose false abstention stays within its target (a refused answerable question was round 3's
    complaint on full papers); the best balanced accuracy only if no threshold keeps false abstention that low."""
    candidates = np.unique(np.round(p, 4))
    reached = [(rates(p, y, t), float(t)) for t in candidates]
    within = [(r["abstention_on_unanswerable"], t) for r, t in reached if r["false_abstention"] <= target_false]
    both = [(abstain, t) for abstain, t in within if abstain >= TARGET_ABSTAIN]
    if both:
        best, rule = max(both)[1], "meets both targets"
    elif within:
        best = max(within)[1]
        rule = f"targets not reachable together: most abstention at false abstention <= {target_false}"
    else:
        best, best_score, rule = 0.5, -1.0, "targets not reachable together: best balanced accuracy"
        for t in candidates:
            r = rates(p, y, t)
            score = 0.5 * (r["abstention_on_unanswerable"] + 1 - r["false_abstention"])
            if score > best_score + 1e-12:
                best, best_score = float(t), score
    return best, choose_floor(p, y, np.zeros(len(y), bool), best, "q05"), rule  # q05 reads no passages


FLOOR_QUANTILE = 0.05  # the floor rule before round 12: at most this share of answerable questions refused outright
FLOOR_USEFUL = 0.10  # the `useful` floor rule: at most this share of withheld questions whose passages hold the fact


def choose_floor(p: np.ndarray, y: np.ndarray, useful: np.ndarray, answer: float, rule: str = "q05",
                 share: float | None = None) -> float:
    """The refusal floor below the `answer` threshold: withheld questions under it are refused, the rest shown their
    closest passages (both count as abstention, so the floor changes what the user sees, not the abstention figure).

    `q05` (the rule before round 12): the 5% quantile of answerable questions' probabilities. About one answerable
    question in ten is withheld, so that refuses half of the withheld ones outright, passages holding the fact or
    not. `useful`: the highest floor that refuses at most `share` (FLOOR_USEFUL) of the withheld questions whose
    shown passages hold the fact (`useful`: answerable, every answer keyword in the passages) — a refusal hides the
    passages, which is worse than showing them for a question they do not answer (shown as "not a direct answer").
    Unanswerable questions are never useful."""
    if rule == "q05":
        quantile = FLOOR_QUANTILE if share is None else share
        return float(min(np.quantile(p[y == 1], quantile), answer)) if (y == 1).any() else answer
    if rule != "useful":
        raise ValueError(f"unknown floor rule {rule!r}")
    limit = FLOOR_USEFUL if share is None else share
    held = np.sort(p[useful & (p < answer)])
    if not len(held):
        return answer
    # refusing below held[k] refuses the k lowest of them: the most k within the share
    k = int(np.floor(limit * len(held) + 1e-9))
    return float(min(held[k] if k < len(held) else answer, answer))


def floor_rates(p: np.ndarray, y: np.ndarray, useful: np.ndarray, answer: np.ndarray | float,
                floor: np.ndarray | float) -> dict:
    """What a floor does to what the user sees: of the withheld answerable questions whose passages hold the fact
    (`useful`), the share refused outright; of all withheld answerable ones, the share refused; of the unanswerable,
    the share refused (the rest of those withheld see the closest passages); of the refusals, the share that hid a
    useful passage. None where there is nothing to take the share over."""
    withheld, refused = p < answer, p < floor
    def share(num: np.ndarray, den: np.ndarray) -> float | None:
        return float(num[den].mean()) if den.any() else None
    return {"useful_withheld": int((withheld & useful).sum()),
            "useful_refused": share(refused, withheld & useful),
            "answerable_refused": share(refused, withheld & (y == 1)),
            "unanswerable_refused": share(refused, y == 0),
            "refusals_hiding_useful": share(useful, refused)}


MIN_ROUND_ANSWERABLE = 10  # a round with fewer answerable questions in a regime sets no point (one question = 0.1+)


def worst_round_threshold(p: np.ndarray, y: np.ndarray, rounds: np.ndarray, target_false: float = TARGET_FALSE) -> float:
    """The answer threshold within the false-abstention target on every round (of at least `MIN_ROUND_ANSWERABLE`
    answerable questions), not only on the rounds pooled: the lowest of the rounds' own points. Rounds of ~16
    questions differ, so the pooled point (the pooled 10% quantile of answerable probabilities) lands above some
    next round's; chosen for the worst round it holds on the next one more often, at the price of abstention."""
    points = [choose_thresholds(p[rounds == r], y[rounds == r], target_false)[0]
              for r in np.unique(rounds) if (y[rounds == r] == 1).sum() >= MIN_ROUND_ANSWERABLE]
    pooled = choose_thresholds(p, y, target_false)[0]
    return min([pooled, *points])


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


def backward_elimination(rows: list[dict], y: np.ndarray,
                         candidates: tuple[str, ...] = FEATURES) -> tuple[tuple[str, ...], list[dict]]:
    """Drop, one at a time, the signal whose removal lowers the cross-validated log-loss most; stop when none does."""
    kept = list(candidates)
    loss = best_cv_loss(matrix(rows, kept), y)
    steps = [{"features": list(kept), "cv_log_loss": round(loss, 4)}]
    while len(kept) > 1:
        trials = {name: best_cv_loss(matrix(rows, [n for n in kept if n != name]), y) for name in kept}
        name = min(trials, key=trials.get)
        if trials[name] >= loss - 1e-4:
            break
        kept.remove(name)
        loss = trials[name]
        steps.append({"dropped": name, "cv_log_loss": round(loss, 4)})
    return tuple(kept), steps


def matrix(rows: list[dict], names: tuple[str, ...] | list[str]) -> np.ndarray:
    """The rows' signals `names`, one row each (n x len(names), also for no rows)."""
    return np.array([[r["features"][n] for n in names] for r in rows], dtype=np.float64).reshape(len(rows), len(names))


def labels(rows: list[dict]) -> np.ndarray:
    """1.0 for an answerable question, 0.0 for an unanswerable one."""
    return np.array([1.0 if r["answerable"] else 0.0 for r in rows])


def useful(rows: list[dict]) -> np.ndarray:
    """Answerable questions whose shown passages hold every answer keyword (what a refusal would hide: choose_floor)."""
    return np.array([bool(r["answerable"] and r.get("evidence_has_keywords")) for r in rows])


def regimes(rows: list[dict]) -> np.ndarray:
    """True where a row's closest evidence is a full paper (rag/answerability.py's `regime`, as the run time reads it)."""
    return np.array([regime(r["features"]) == "full_text" for r in rows])


def choose_by_regime(p: np.ndarray, y: np.ndarray, full: np.ndarray) -> dict[str, tuple[float, float, str]]:
    """Each regime's own operating point (`choose_thresholds` on its cross-validated probabilities alone): the
    most abstention at its own false abstention <= 0.10, so that neither regime pays for the other's errors."""
    return {name: choose_thresholds(p[mask], y[mask]) for name, mask in (("page", ~full), ("full_text", full))}


def regime_thresholds(full: np.ndarray, points: dict[str, tuple]) -> np.ndarray:
    """Each question's answer threshold: its regime's (`choose_by_regime`)."""
    return np.where(full, points["full_text"][0], points["page"][0])


def families(rows: list[dict]) -> np.ndarray:
    """True for full-text questions, by the dataset they come from (not by their evidence, as `regimes`)."""
    return np.array([r["dataset"].startswith("fulltext") for r in rows])


def rates_by_regime(p: np.ndarray, y: np.ndarray, full: np.ndarray, points: dict[str, tuple]) -> dict:
    """Abstention / false abstention with each question decided at its regime's threshold."""
    return rates(p, y, regime_thresholds(full, points))
