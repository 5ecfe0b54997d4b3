"""The eval targets, written once: the regression gate (tests/test_eval_gate.py), the report's Targets table
and the UI's Evals tab all check a run's summary against `Targets`.

Retrieval floors sit a little below what the pipeline measured on eval/datasets/seeds.jsonl when they were
set (see eval/README.md "Gate"), and at the issue's targets where it meets them: a drop below one is a
regression to explain, not noise. Answer targets are the issue's, over figures the pipeline cannot grade
itself on (citation support re-scored by our own scorer is a diagnostic, never a target).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from rag.config import Targets  # defined in the settings tree (Settings.targets), re-exported here
from rag.evaluation import EvalError
from rag.evaluation.results import EvalSummary


TARGETS = Targets()


def load_targets(path: Path | None) -> Targets:
    """Targets from a JSON file of Targets fields (the rest keep their defaults); the defaults without a file."""
    if path is None:
        return TARGETS
    try:
        return Targets.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise EvalError(f"{path}: no such targets file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not a readable targets file ({exc})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        raise EvalError(f"{path}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from None

ANSWER_NAMES = {
    "abstention_accuracy": "abstention on unanswerable (closest or refused)",
    "false_abstention": "false abstention on answerable",
    "citation_precision": "citation precision vs gold papers",
    "content_keyword_recall": "content keyword recall (no title words, titles removed)",
    "evidence_recall": "evidence recall (shown passages hold every keyword)",
    "first_token_p50_ms": "first token p50 (ms)",
    "latency_p95_ms": "answer total p95 (ms)",
    "invented_citation_rate": "model's invented citations, raw (reported)",
}


class TargetCheck(BaseModel):
    name: str
    measured: float | None
    wanted: str
    met: bool | None = Field(description="None: not measured by this run, or reported without a bound.")


def check(summary: EvalSummary, targets: Targets = TARGETS) -> list[TargetCheck]:
    """One row per target the run can speak to; a group or baseline the run lacks gives met = None."""
    ours = summary.ours
    rows: list[TargetCheck] = []

    def bound(name: str, value, op: str, limit: float) -> None:
        met = None if value is None else (value >= limit if op == ">=" else value <= limit)
        rows.append(TargetCheck(name=name, measured=value, wanted=f"{op} {limit:g}", met=met))

    for group, floors in targets.retrieval.items():
        metrics = ours.overall if group == "overall" else ours.by_kind.get(group)
        for metric, least in floors.items():
            bound(f"{metric}, {group}", metrics.column(metric) if metrics else None, ">=", least)
    for metric in targets.ahead_of_baselines:
        mine = ours.overall.column(metric)
        for name, other in summary.systems.items():
            if name == "ours":
                continue
            theirs = other.overall.column(metric)
            met = None if mine is None or theirs is None else mine > theirs
            wanted = "–" if theirs is None else f"> {theirs:.3f}"
            rows.append(TargetCheck(name=f"{metric}: ours ahead of {name}", measured=mine, wanted=wanted, met=met))
    if summary.answer is not None:
        answer = summary.answer.overall
        for metric, least in targets.answer_at_least.items():
            bound(ANSWER_NAMES.get(metric, metric), answer.column(metric), ">=", least)
        for metric, most in targets.answer_at_most.items():
            bound(ANSWER_NAMES.get(metric, metric), answer.column(metric), "<=", most)
        for metric in targets.answer_reported:
            rows.append(TargetCheck(name=ANSWER_NAMES.get(metric, metric), measured=answer.column(metric),
                                    wanted="–", met=None))
    return rows


def failures(rows: list[TargetCheck]) -> list[str]:
    """The targets a run missed, one line each (what the gate test prints)."""
    return [f"{r.name} = {r.measured:.3f}, wanted {r.wanted}" for r in rows if r.met is False]
