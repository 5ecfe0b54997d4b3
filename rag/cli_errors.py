"""One click group class for every command group: domain errors and Ctrl-C become one clear line."""

from __future__ import annotations

import sys

import click

from rag.errors import RagError


class OneLineErrors(click.Group):
    interrupted = "interrupted — the last published index is intact; run the command again to finish"

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except RagError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo(self.interrupted, err=True)
            sys.exit(130)
