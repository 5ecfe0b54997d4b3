"""The `rag` command line. Thin: each command parses options, calls the library, prints.

Every command takes --json. Domain errors become one line on stderr and exit code 1. This module holds the
group, the shared options and the library commands (ingest, search, papers, stats, doctor); asking is in
rag/cli_ask.py, removal in rag/cli_manage.py, claim checking in rag/cli_verify.py, `rag eval` in
rag/evaluation/cli.py, `rag ui` in ui/cli.py (loaded when named).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from rag.cli_errors import OneLineErrors
from rag.config import Settings, contain_caches


def json_option(fn):
    return click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")(fn)


def filter_options(fn):
    for name, help_text in reversed([
        ("--author", "Only papers with an author matching this name."),
        ("--year", "A year or range: 2023, 2021-2023, 2023-, -2022."),
        ("--category", "Category code such as LG, CL, CV."),
        ("--source", "Only papers from source files whose path contains this."),
        ("--org", "Organisation tag such as deepmind or mila."),
    ]):
        fn = click.option(name, default=None, help=help_text)(fn)
    return fn


def make_filters(author, year, category, source, org):
    from rag.filters import Filters

    return Filters(author=author, year=year, category=category, source=source, organisation=org)


def hit_count(value) -> int | None:
    """-k as an int from 1 to 100 (None: the settings' retrieval.k); anything else is one line (a QueryError)."""
    from rag.errors import QueryError

    if value is None:
        return None
    try:
        k = int(value)
    except (TypeError, ValueError):
        raise QueryError(f"-k must be a whole number from 1 to 100 (got {value!r})") from None
    if not 1 <= k <= 100:
        raise QueryError(f"-k must be from 1 to 100 (got {k})")
    return k


def emit(data, as_json: bool, human) -> None:
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        human()


class MainGroup(OneLineErrors):
    """`rag`'s group. `ui` loads when it is named (or listed by --help): the library's CLI does not import the UI
    layer at import time."""

    lazy = {"ui": ("ui.cli", "ui_command")}

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx, name):
        if name in self.lazy and name not in self.commands:
            module, attr = self.lazy[name]
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(cls=MainGroup)
@click.option("--home", type=click.Path(path_type=Path), default=None, help="Data dir (default: $RAG_HOME or ~/.local/share/rag).")
@click.option("--chroma-url", default=None, help="Use a Chroma server (default: $RAG_CHROMA_URL, else embedded).")
@click.option("--preset", default=None, help="Settings preset: default, fast, thorough (rag/presets/), or the path "
              "of a .toml file (default: $RAG_PRESET, else default). `rag config` shows the result.")
@click.pass_context
def main(ctx, home, chroma_url, preset):
    """rag: a local, private assistant for research papers."""
    settings = Settings.from_env(preset=preset, home=home, chroma_url=chroma_url)
    contain_caches(settings)
    ctx.obj = settings


def library(ctx):
    from rag.library import Library

    return Library(ctx.obj)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Ignore the current snapshot and rebuild it from the sources.")
@click.option("--no-wait", is_flag=True, help="Fail at once if another ingest is writing to this data dir.")
@json_option
@click.pass_context
def ingest(ctx, paths, rebuild, no_wait, as_json):
    """Add papers (PDF, .txt, .md, listing pages) to the index. Default: the seeds."""
    lib = library(ctx)

    def waiting(pid):  # a pid here, or with a server the lease holder's host:pid:tag
        who = f"pid {pid}" if isinstance(pid, int) else (pid or "another process")
        click.echo(f"waiting for another ingest ({who}) to finish writing to {ctx.obj.chroma_url or ctx.obj.home} …",
                   err=True)

    report = lib.ingest(paths, rebuild=rebuild, progress=not as_json and sys.stderr.isatty(), wait=not no_wait,
                        on_wait=waiting)

    def human():
        for lost in report.sources_lost:
            click.echo(f"warning: not restored, source file gone: {lost}", err=True)
        if report.vectors_restored:
            click.echo(f"restored {report.vectors_restored} missing vectors", err=True)
        if report.store_moved_aside:
            click.echo(f"the damaged Chroma store was moved to {report.store_moved_aside}; rebuilt from the sources",
                       err=True)
        state = "up to date" if report.up_to_date else f"{report.embedded} chunks embedded"
        click.echo(f"{report.papers} papers, {report.chunks} chunks in {report.index_name} — {state} "
                   f"({report.seconds:.1f} s)")
        for label, items in (("added", report.files_added), ("changed", report.files_changed),
                             ("removed", report.files_removed)):
            for item in items:
                click.echo(f"  {label}: {item}")
        for error in report.errors:
            click.echo(f"error: {error}", err=True)

    emit(report.to_json(), as_json, human)
    if report.errors:
        sys.exit(1)


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("-k", "k", default=None, callback=lambda ctx, param, value: hit_count(value),
              help="Number of hits (1-100; default: the preset's retrieval.k, 5 in the default preset).")
@filter_options
@json_option
@click.pass_context
def search(ctx, query, k, author, year, category, source, org, as_json):
    """Search the papers (hybrid dense + BM25)."""
    hits = library(ctx).search(" ".join(query), k=k, filters=make_filters(author, year, category, source, org))

    def human():
        if not hits:
            click.echo("no matching papers")
        for hit in hits:
            paper = hit.paper
            meta = " · ".join(str(x) for x in (paper.year, paper.category, paper.organisation) if x)
            click.echo(f"{hit.rank}. {paper.title}  [{meta}]" if meta else f"{hit.rank}. {paper.title}")
            if paper.authors:
                click.echo(f"   {paper.author_line(limit=6)}")
            click.echo(f"   {shorten(hit.chunk.passage, 220)}")

    emit([h.to_json() for h in hits], as_json, human)


@main.command()
@click.option("--match", "text", default=None, help="Only papers whose title or abstract contains this text.")
@click.option("--flagged", is_flag=True, help="Only papers with data-quality flags.")
@filter_options
@json_option
@click.pass_context
def papers(ctx, text, flagged, author, year, category, source, org, as_json):
    """List the papers in the library."""
    found = library(ctx).papers(make_filters(author, year, category, source, org), text=text)
    if flagged:
        found = [p for p in found if p.flags]

    def human():
        for paper in found:
            meta = " · ".join(str(x) for x in (paper.date, paper.category, paper.organisation, paper.venue) if x)
            click.echo(f"{paper.paper_id}  {paper.title}" + (f"  [{meta}]" if meta else ""))
            for flag in paper.flags:
                click.echo(f"    ! {flag}")
        click.echo(f"{len(found)} papers")

    emit([p.model_dump(mode="json") | {"year": p.year} for p in found], as_json, human)


@main.command()
@json_option
@click.pass_context
def stats(ctx, as_json):
    """Counts and sizes of the index."""
    data = library(ctx).stats()
    emit(data, as_json, lambda: [click.echo(f"{k}: {v}") for k, v in data.items()])


@main.command()
@json_option
@click.pass_context
def doctor(ctx, as_json):
    """Check models, store and servers; say how to fix what is wrong."""
    from rag.doctor import run_checks

    checks = run_checks(ctx.obj)

    def human():
        for check in checks:
            mark = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}[check.status]
            click.echo(f"[{mark}] {check.name}: {check.detail}")
            if check.fix and check.status != "ok":
                click.echo(f"       fix: {check.fix}")

    emit([c.__dict__ for c in checks], as_json, human)
    if any(c.status == "fail" for c in checks):
        sys.exit(1)


@main.command()
@json_option
@click.pass_context
def config(ctx, as_json):
    """Show the settings in effect (preset, environment and flags applied) and their fingerprint."""
    settings = ctx.obj
    data = {"preset": settings.preset, "fingerprint": settings.fingerprint(),
            "settings": settings.model_dump(mode="json", exclude={"preset"})}

    def human():
        click.echo(f"preset {settings.preset}, fingerprint {data['fingerprint']} (recorded in every eval report)")
        for section, values in data["settings"].items():
            if isinstance(values, dict):
                click.echo(f"[{section}]")
                for key, value in values.items():
                    click.echo(f"  {key} = {json.dumps(value)}")
            else:
                click.echo(f"{section} = {json.dumps(values)}")

    emit(data, as_json, human)


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def _register_subcommands() -> None:
    from rag.evaluation.cli import eval_group

    main.add_command(eval_group, "eval")
    from rag.cli_verify import verify_command

    main.add_command(verify_command, "verify")
    from rag.cli_manage import remove_command

    main.add_command(remove_command, "remove")
    from rag.cli_ask import ask, chat

    main.add_command(ask, "ask")
    main.add_command(chat, "chat")


if __name__ == "__main__":
    # `python -m rag.cli`: run the importable module's group, so subcommand modules that import rag.cli share it
    # (registering here too would import them while this copy is half-built: a circular import).
    from rag.cli import main as _imported_main

    _imported_main()
else:
    _register_subcommands()
