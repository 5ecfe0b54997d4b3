"""Leave-one-ROUND-out evaluation of the answerability model on saved rows (no retrieval, no LLM).

    python eval/answerability_rounds.py --rows ROWS --set shipped=rag/answerability.json [--set NAME=SPEC ...]

Why not the fit's own CV: folds grouped by paper mix the rounds, so questions written by the same writer in the
same habit ("why" questions as false premises, one round's stock phrasings) sit on both sides of every fold, and
the operating point is then chosen on the very probabilities it is reported on (the most abstention at false
abstention <= 0.10 is a maximum over thresholds: optimistic by construction). Each blind round so far came in
below that figure. Here every question is decided as the next blind round is:

- `loro`: leave one round out. For each round, the model (its L2 chosen by inner CV) and each regime's operating
  point (chosen by the fit's rule on inner CV probabilities of the other rounds) come from the other rounds only;
  the left-out round's questions are decided with them. Figures are pooled over the rounds 2-7, per regime.
- `grouped`: the fit's own figure, for comparison (folds by paper across rounds, each regime's point chosen on
  the same probabilities it is reported on); reported on rounds 2-7 like `loro`.
- `forward`: only earlier rounds (fit on rounds < r, decide round r, r = 3..7): exactly what a blind run sees.
- `fixed` (not by default): the SPEC's model file decided as it is, its own thresholds and floors, no refit: held out
  only on the rounds after those it was fitted on (in-sample on the others); the baseline a refit is compared with.

Rounds: `*_vN.jsonl` is round N, `answerability` / `fulltext` round 1, the sets written with the code (`*_dev`,
`seeds`, `heldout`) round 0, always in training. A SPEC is a model file (its signals), or a model file plus
`:l2=` / `:inner=rounds` (choose the operating point on inner leave-one-round-out probabilities instead of grouped
folds) / `:false=0.07` (the false abstention the point is chosen at on the inner probabilities) / `:point=worst` (each
regime's point the lowest of the training rounds' own points: within the target on every training round, not only
pooled) / `:add=a+b`, `:drop=a+b` (signals added to or dropped from the model file's) / `:floor=useful` or `q05` and
`:floor_share=` (the refusal floor's rule, answerability_cv.choose_floor; q05 unless given).
With --extra-rows (rule-made rows, eval/make_questions.py), `:weight=W` adds them at weight W to every
training fold, inner ones too (`:shapes=detail+premise@0.2`: only those shapes, `@` a shape's own weight;
`:relative=1`: each weight times the fold's share of the written rows, so that forward's small early training sets
are not outweighed); figures stay on written rounds only.

Each regime's `floor` figures say what the refusal floor does to what the user sees (both outcomes below the answer
threshold count as abstention): of the withheld answerable questions whose passages hold every answer keyword, the
share refused outright; of all withheld answerable ones; of the unanswerable ones; and of the refusals, the share
that hid such passages.

Each regime's figures give the pooled rates, the worst held-out round (lowest abstention, highest false abstention)
and the standard deviation over rounds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import answerability_cv as cv  # noqa: E402
from fitlib import development_only  # noqa: E402

from rag.answerability import load_model  # noqa: E402

REGIMES = ("page", "full_text")


def _grouped_cv(x: np.ndarray, y: np.ndarray, groups: list[str], lam: float) -> np.ndarray:
    """The fit's own CV (answerability_cv.cross_validated: folds by paper, seed 0) with these rows' papers."""
    cv.GROUPS[:] = groups
    return cv.cross_validated(x, y, lam)


def _l2_and_cv(x: np.ndarray, y: np.ndarray, groups: list[str], options: dict) -> tuple[float, np.ndarray]:
    """The L2 (`:l2=` if given, else the first of cv.LAMBDAS with the least grouped-CV log-loss, as the fit
    chooses it) and its grouped-CV probabilities; each lambda's CV is run once."""
    lambdas = (float(options["l2"]),) if "l2" in options else cv.LAMBDAS
    return min(((lam, _grouped_cv(x, y, groups, lam)) for lam in lambdas), key=lambda run: cv.log_loss(run[1], y))


def train(x: np.ndarray, y: np.ndarray, groups: list[str], rounds: np.ndarray, full: np.ndarray,
          options: dict, useful: np.ndarray) -> tuple[tuple, dict[str, float], dict[str, float]]:
    """A model, each regime's answer threshold and its refusal floor from these rows only, as
    eval/fit_answerability.py does (the floor by `:floor=` — q05 or useful — on the same inner probabilities)."""
    lam, grouped = _l2_and_cv(x, y, groups, options)
    inner = cv.cross_validated_by_round(x, y, rounds, lam) if options.get("inner") == "rounds" else grouped
    target = float(options.get("false", cv.TARGET_FALSE))
    if options.get("point") == "worst":  # each regime's point kept within the target on every training round
        points = {name: cv.worst_round_threshold(inner[mask], y[mask], rounds[mask], target)
                  for name, mask in (("page", ~full), ("full_text", full))}
    else:
        points = {name: cv.choose_thresholds(inner[mask], y[mask], target)[0]
                  for name, mask in (("page", ~full), ("full_text", full))}
    floors = {name: _floor(inner[mask], y[mask], useful[mask], points[name], options)
              for name, mask in (("page", ~full), ("full_text", full))}
    return cv.fit(x, y, lam), points, floors


def _floor(p: np.ndarray, y: np.ndarray, useful: np.ndarray, answer: float, options: dict) -> float:
    share = float(options["floor_share"]) if "floor_share" in options else None
    return cv.choose_floor(p, y, useful, answer, options.get("floor", "q05"), share)


def fit_with_extra(extra_x: np.ndarray, extra_y: np.ndarray, weight: float | np.ndarray, per_row: bool = False):
    """A cv.fit that trains on the given rows plus rule-made rows (eval/make_questions.py) at `weight` each. The
    rule-made rows only train: every probability, point and figure is still taken on written questions. They are
    standardised by the written rows' mean and scale, so the penalty means what it means without them."""
    def fit(x: np.ndarray, y: np.ndarray, lam: float) -> tuple:
        mean, scale = cv.standardise(x)
        w = np.concatenate([np.ones(len(y)), np.broadcast_to(weight, extra_y.shape) * (len(y) if per_row else 1)])
        coef, intercept = cv.fit_logistic((np.vstack([x, extra_x]) - mean) / scale, np.concatenate([y, extra_y]),
                                          lam, weights=w)
        return mean, scale, coef, intercept
    return fit


def extra_rows(path: Path, shapes: set[str] | None = None) -> list[dict]:
    """Rule-made rows (eval/make_questions.py --rows), those of the given shapes (detail, value, name, premise)."""
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [r for r in rows if not r["names_metadata"] and (shapes is None or r.get("shape") in shapes)]


def shape_weights(spec: str | None, weight: float) -> dict[str, float] | None:
    """`premise@0.2+detail_named`: each shape's own weight after `@`, else `weight`; None (every shape) without
    a spec."""
    return {shape: float(w) for shape, w in ((item.split("@") + [weight])[:2] for item in spec.split("+"))} \
        if spec else None


def extra_fit(extra: list[dict], names: tuple[str, ...] | list[str], shapes: dict[str, float] | None,
              weight: float = 1.0, relative_to: int = 0) -> tuple:
    """(a cv.fit training also on the `extra` rows of these shapes — every shape without — each at its shape's weight,
    else `weight`; the number of those rows). `relative_to` n (`:relative=1`): each weight / n, times the rows of the
    fold it trains with (`fit_with_extra` per_row)."""
    chosen = [r for r in extra if shapes is None or r.get("shape") in shapes]
    weights = np.array([shapes[r["shape"]] if shapes else weight for r in chosen])
    if relative_to:  # weights x (training rows / all written rows): a small training set (forward's early rounds)
        weights = weights / relative_to  # is not outweighed by the rule-made rows
    return fit_with_extra(cv.matrix(chosen, names), cv.labels(chosen), weights, per_row=bool(relative_to)), len(chosen)


def decide(rows: list[dict], names: tuple[str, ...], options: dict, protocol: str,
           extra: list[dict] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-round probabilities, answer thresholds and refusal floors for the rounds left out (NaN for rows never
    left out). With `extra` rows and `:weight=` > 0 in the options, every model (inner folds too) also trains on them
    (only the `:shapes=a+b` ones if given); they are never scored."""
    weight = float(options.get("weight", 0))
    if extra and weight > 0:
        # `:shapes=premise@0.2+detail_named`: those shapes only, each at its own weight if given, else `:weight=`
        plain, cv.fit = cv.fit, extra_fit(extra, names, shape_weights(options.get("shapes"), weight), weight,
                                          len(rows) if options.get("relative") else 0)[0]
        try:
            return decide(rows, names, {k: v for k, v in options.items() if k not in ("weight", "relative")}, protocol)
        finally:
            cv.fit = plain
    rounds = np.array([cv.round_of(r["dataset"]) for r in rows])
    if protocol == "fixed":  # the model file as shipped, no refit: in-sample on the rounds it was fitted on
        if "model" not in options:
            raise SystemExit("the fixed protocol decides a model file as it is: give a .json SPEC")
        model = load_model(Path(options["model"]))
        if tuple(names) != tuple(model.features):  # ':add=' / ':drop=' would name a model that is not the one scored
            raise SystemExit("the fixed protocol decides a model file as it is: no :add= / :drop=")
        p = np.array([model.probability(r["features"]) for r in rows])
        pairs = np.array([model.thresholds(r["features"]) for r in rows])
        p[rounds < 2] = np.nan
        return p, pairs[:, 0], pairs[:, 1]
    x, y = cv.matrix(rows, names), cv.labels(rows)
    groups = [r.get("group", r["id"]) for r in rows]
    full = cv.regimes(rows)
    useful = cv.useful(rows)
    p, threshold, floor = np.full(len(y), np.nan), np.full(len(y), np.nan), np.full(len(y), np.nan)
    if protocol == "grouped":  # the fit's own figure: folds by paper across rounds, points chosen on the same p
        p = _l2_and_cv(x, y, groups, options)[1]
        target = float(options.get("false", cv.TARGET_FALSE))
        for mask in (full, ~full):
            threshold[mask] = point = cv.choose_thresholds(p[mask], y[mask], target)[0]
            floor[mask] = _floor(p[mask], y[mask], useful[mask], point, options)
        p[rounds < 2] = np.nan
        return p, threshold, floor
    tested = range(2, rounds.max() + 1) if protocol == "loro" else range(3, rounds.max() + 1)
    for r in tested:
        test = rounds == r
        train_mask = ~test if protocol == "loro" else rounds < r
        idx = np.flatnonzero(train_mask)
        model, points, floors = train(x[idx], y[idx], [groups[i] for i in idx], rounds[idx], full[idx], options,
                                      useful[idx])
        p[test] = cv.predict(model, x[test])
        threshold[test] = np.where(full[test], points["full_text"], points["page"])
        floor[test] = np.where(full[test], floors["full_text"], floors["page"])
    return p, threshold, floor


def report(rows: list[dict], p: np.ndarray, threshold: np.ndarray, floor: np.ndarray | None = None,
           by: str = "regime") -> dict:
    """Figures per regime (the closest evidence a listing page or a full paper, as the run time decides) or, with
    by='family', per dataset family (seed-page sets, full-text sets: what the held-out runs report). With the
    refusal floors, what they do to what the user sees (answerability_cv.floor_rates)."""
    y, useful = cv.labels(rows), cv.useful(rows)
    rounds = np.array([cv.round_of(r["dataset"]) for r in rows])
    full = cv.regimes(rows) if by == "regime" else cv.families(rows)
    tested = ~np.isnan(p)
    out = {}
    for name, regime_mask in (("page", ~full), ("full_text", full)):
        mask = tested & regime_mask
        r = cv.rates(p[mask], y[mask], threshold[mask])
        # what the signals could do with a threshold chosen on these very questions (an oracle: not reachable)
        curve = _curve(p[mask], y[mask])
        per_round = {int(k): [_rounded(v) for v in cv.rates(p[mask & (rounds == k)], y[mask & (rounds == k)],
                                                            threshold[mask & (rounds == k)]).values()][:2]
                     for k in sorted(set(rounds[mask]))}
        # the spread over held-out rounds: a point right on average that swings by round is what a blind run meets
        abstentions = [v[0] for v in per_round.values() if v[0] is not None]
        falses = [v[1] for v in per_round.values() if v[1] is not None]
        out[name] = {"n": int(mask.sum()), "unanswerable": int((y[mask] == 0).sum()),
                     "abstention": _rounded(r["abstention_on_unanswerable"]),
                     "false_abstention": _rounded(r["false_abstention"]),
                     "worst_round": [min(abstentions, default=None), max(falses, default=None)],
                     "sd_round": [_rounded(float(np.std(abstentions))) if abstentions else None,
                                  _rounded(float(np.std(falses))) if falses else None],
                     "log_loss": round(cv.log_loss(p[mask], y[mask]), 4),
                     "oracle_abstention_at_0.10": dict(curve)[0.10], "per_round": per_round,
                     "risk_coverage": curve}
        if floor is not None:
            out[name]["floor"] = {k: (_rounded(v) if isinstance(v, float) else v) for k, v in
                                  cv.floor_rates(p[mask], y[mask], useful[mask], threshold[mask],
                                                 floor[mask]).items()}
    return out


def _rounded(rate: float | None) -> float | None:
    """A rate to 3 places; None (printed null) where there is no question to take it over: a round or regime with no
    unanswerable question has no abstention on unanswerable (cv.rates)."""
    return None if rate is None else round(rate, 3)


CURVE_TARGETS = (0.05, 0.10, 0.15, 0.20)  # false abstentions the risk-coverage curve is read at; 0.10 is the oracle's


def _curve(p: np.ndarray, y: np.ndarray) -> list[list[float | None]]:
    """Abstention on unanswerable at false abstention 0.05 / 0.10 / 0.15 / 0.20 (each the most reachable); None
    without both answerable and unanswerable questions."""
    if not ((y == 0).any() and (y == 1).any()):
        return [[target, None] for target in CURVE_TARGETS]
    reached = [cv.rates(p, y, t) for t in np.unique(p)]
    return [[target, round(max((r["abstention_on_unanswerable"] for r in reached if r["false_abstention"] <= target),
                               default=0.0), 3)] for target in CURVE_TARGETS]


def parse(spec: str) -> tuple[tuple[str, ...], dict]:
    path, *opts = spec.split(":")
    options = dict(o.split("=", 1) for o in opts)
    names = tuple(json.loads(Path(path).read_text())["features"]) if path.endswith(".json") else tuple(path.split(","))
    if path.endswith(".json"):
        options["model"] = path  # for the `fixed` protocol
    if "add" in options:
        names += tuple(options.pop("add").split("+"))
    if "drop" in options:
        dropped = set(options.pop("drop").split("+"))
        names = tuple(n for n in names if n not in dropped)
    return names, options


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--set", action="append", required=True, help="NAME=SPEC (see the module text)")
    parser.add_argument("--protocol", choices=("grouped", "loro", "forward", "fixed"), nargs="+",
                        default=["grouped", "loro", "forward"])
    parser.add_argument("--curves", action="store_true", help="print the risk-coverage points too")
    parser.add_argument("--extra-rows", type=Path, help="rule-made rows (eval/make_questions.py --rows) a SPEC with "
                        "`:weight=W` adds to every training fold (`:shapes=detail+premise` only those shapes); never scored")
    parser.add_argument("--by", choices=("regime", "family"), default="regime",
                        help="report per regime (evidence) or per dataset family (seed-page / full-text sets)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
    development_only([Path(name) for name in {r["dataset"] for r in rows}])
    rows = [r for r in rows if not r["names_metadata"]]
    extra = extra_rows(args.extra_rows) if args.extra_rows else None
    for item in args.set:
        name, spec = item.split("=", 1)
        names, options = parse(spec)
        print(f"== {name}: {', '.join(names)} {options}")
        for protocol in args.protocol:
            out = report(rows, *decide(rows, names, options, protocol, extra), by=args.by)
            for regime_name, figures in out.items():
                curve = figures.pop("risk_coverage")
                print(f"  {protocol:8s} {regime_name:9s} {json.dumps(figures)}" + (f" curve {curve}" if args.curves else ""))


if __name__ == "__main__":
    main()
