"""`rag eval`: run a dataset through ours and the baselines; `rag eval compare A B`: deltas of two runs.

The main CLI adds this group with `main.add_command(eval_group)`. It also runs on its own
(`python -m rag.evaluation.cli --dataset ...`), so it turns domain errors into one line itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from rag.config import Settings, contain_caches
from rag.cli_errors import OneLineErrors
from rag.evaluation import SYSTEMS


class EvalGroup(OneLineErrors):
    interrupted = "interrupted — no report was written"


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.find_object(Settings)
    if settings is None:
        settings = Settings.from_env()
        contain_caches(settings)
    return settings


@click.group("eval", cls=EvalGroup, invoke_without_command=True)
@click.option("--dataset", type=click.Path(path_type=Path), default=None,
              help="JSONL questions (see eval/README.md), e.g. eval/datasets/seeds.jsonl.")
@click.option("--llm", "llm_spec", default="auto", show_default=True,
              help="auto | embedded | embedded:PATH.gguf | ollama | ollama:MODEL")
@click.option("--retrieval-only", is_flag=True, help="Measure retrieval only; no answers are generated.")
@click.option("--k", "k", type=click.IntRange(1, 100), default=10, show_default=True, help="Papers retrieved per system.")
@click.option("--systems", default=",".join(SYSTEMS), show_default=True,
              help="Comma-separated systems to run; 'ours' is always one.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Write report.md, report.json and PNG plots to this folder.")
@click.option("--json", "as_json", is_flag=True, help='Print {"summary": ..., "questions": [...]} as JSON.')
@click.option("--gate", is_flag=True, help="Exit 1 when the run misses a target (rag/evaluation/gate.py), naming each.")
@click.option("--targets", "targets_file", type=click.Path(path_type=Path), default=None,
              help="JSON of Targets fields to check instead of the defaults (e.g. a dataset's own floors).")
@click.pass_context
def eval_group(ctx, dataset, llm_spec, retrieval_only, k, systems, out, as_json, gate, targets_file):
    """Measure retrieval, citations and answers on a question set, against baselines."""
    if ctx.invoked_subcommand is not None:
        return
    if dataset is None:
        raise click.UsageError("--dataset is required, e.g. `rag eval --dataset eval/datasets/seeds.jsonl`")
    from rag.evaluation.baselines import build_systems
    from rag.evaluation.dataset import check_gold, load_dataset
    from rag.evaluation.report import brief, write_report
    from rag.evaluation.runner import run_eval
    from rag.library import Library

    from rag.evaluation.gate import check, failures, load_targets

    settings = _settings(ctx)
    # The settings' targets unless a file names others; a bad file fails before the run, not after it.
    targets = load_targets(targets_file) if targets_file else settings.targets
    questions = load_dataset(dataset)
    library = Library(settings)
    check_gold(questions, library.snapshot.papers, dataset)
    names = [name.strip() for name in systems.split(",") if name.strip()]
    answerer = None
    if not retrieval_only:
        from rag.answer import Answerer
        from rag.llm.registry import resolve_llm

        answerer = Answerer(library, resolve_llm(llm_spec, settings))
    run = run_eval(library, questions, build_systems(library, names), k=k, answerer=answerer, progress=True,
                   dataset=str(dataset))
    written = write_report(run, out, targets) if out else []
    if as_json:
        click.echo(json.dumps(run.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(brief(run, targets))
        if written:
            click.echo(f"\nreport: {written[1]} (and {', '.join(p.name for p in written if p != written[1])})")
    missed = failures(check(run.summary, targets))
    if gate and missed:
        click.echo("gate: missed " + "; ".join(missed), err=True)
        ctx.exit(1)


@eval_group.command()
@click.argument("a", type=click.Path(path_type=Path))
@click.argument("b", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the deltas as JSON.")
def compare(a, b, as_json):
    """Deltas from run A to run B (each a report.json or the --out folder holding it)."""
    from rag.evaluation.compare import compare as compare_reports
    from rag.evaluation.compare import compare_markdown
    from rag.evaluation.results import load_report

    result = compare_reports(load_report(a), load_report(b))
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if as_json else compare_markdown(result))


def _register_subcommands() -> None:
    from rag.evaluation.claims import claims_command

    eval_group.add_command(claims_command, "claims")
    from rag.evaluation.metadata import metadata_command

    eval_group.add_command(metadata_command, "metadata")


_register_subcommands()

if __name__ == "__main__":
    eval_group()
