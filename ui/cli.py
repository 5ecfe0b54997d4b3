"""`rag ui`: serve the browser UI. The main CLI adds it with `main.add_command(ui_command, "ui")`.

It also runs alone (`python -m ui.cli`), taking settings from the environment, so it turns
domain errors into one line itself.
"""

from __future__ import annotations

import sys

import click

from rag.config import Settings, contain_caches
from rag.errors import RagError


@click.command("ui")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind. Anything but loopback needs RAG_UI_AUTH=user:password or RAG_UI_AUTH_FILE.")
@click.option("--port", type=click.IntRange(1, 65535), default=7860, show_default=True, help="Port to serve on.")
@click.option("--llm", "llm_spec", default="auto", show_default=True,
              help="Model answers start with: auto | embedded | embedded:PATH.gguf | ollama | ollama:MODEL")
@click.pass_context
def ui_command(ctx, host, port, llm_spec):
    """Chat with your papers in the browser (sources panel, library, evals)."""
    settings = ctx.obj if isinstance(ctx.obj, Settings) else Settings.from_env()
    contain_caches(settings)
    try:
        from ui.auth import auth_for

        auth_for(host)  # refuse an unsafe host at once, before the slow imports
        from ui.app import launch

        launch(settings, host=host, port=port, llm_spec=llm_spec)
    except RagError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    ui_command()
