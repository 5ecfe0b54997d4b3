"""`rag verify TEXT|-`: check pasted text sentence by sentence against the library."""

from __future__ import annotations

import json
import sys
import textwrap

import click

MARKS = {"supported": "✓ supported", "contradicted": "✗ contradicted", "unsupported": "? unsupported"}


@click.command("verify")
@click.argument("text", nargs=-1)
@click.option("-k", "k", type=click.IntRange(1, 50), default=5, show_default=True,
              help="Papers searched for a sentence that names no source.")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"sentences": [{text, verdict, title, paper_id, passage, score}]}.')
@click.pass_context
def verify_command(ctx, text, k, as_json):
    """Check each sentence of TEXT (or of stdin with -) against the papers: supported, contradicted or unsupported."""
    from rag.library import Library
    from rag.verify import Verifier

    raw = " ".join(text)
    if raw.strip() in ("", "-"):
        raw = sys.stdin.read()
    checks = Verifier(Library(ctx.obj), k=k).verify(raw)
    if as_json:
        click.echo(json.dumps({"sentences": [c.to_json() for c in checks]}, indent=2, ensure_ascii=False))
        return
    for check in checks:
        click.echo(f"{MARKS[check.verdict]} ({check.score:.2f})  {check.text}")
        if check.title:
            named = "named in the sentence" if check.source_named else "found by search"
            click.echo(f"    paper: {check.title} [{named}]")
        if check.passage:
            click.echo(textwrap.indent(textwrap.fill(f"passage: {check.passage}", 96), "    "))
        click.echo(f"    why: {check.reason}\n")
    counts = {v: sum(c.verdict == v for c in checks) for v in MARKS}
    click.echo(", ".join(f"{n} {v}" for v, n in counts.items()))
