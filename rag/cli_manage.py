"""`rag remove`: take papers or files out of the library (registered on the main `rag` group)."""

from __future__ import annotations

import click

from rag.cli import emit, json_option, library


@click.command("remove")
@click.argument("targets", nargs=-1, required=True)
@click.option("--no-wait", is_flag=True, help="Fail at once if another process is writing to this data dir.")
@json_option
@click.pass_context
def remove_command(ctx, targets, no_wait, as_json):
    """Remove papers (by id, see `rag papers --json`) or files (by path) with their vectors and index entries."""
    from rag.remove import remove

    lib = library(ctx)
    report = remove(list(targets), ctx.obj, lib.embedder, wait=not no_wait)

    def human():
        for path in report.files:
            click.echo(f"removed file: {path}")
        for title in report.papers:
            click.echo(f"removed paper: {title}")
        click.echo(f"{report.chunks_removed} passages and their vectors removed; {report.papers_left} papers left")

    emit(report.to_json(), as_json, human)
