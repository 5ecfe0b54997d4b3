"""Serving the Gradio app: launch options (local only unless credentials are set), the files Gradio may serve,
and a background warm-up so the first question does not pay for loading."""

from __future__ import annotations

import logging
import threading
import time

from rag.config import Settings, contain_caches
from rag.errors import RagError
from rag.library import Library
from ui import render
from ui.auth import UIError, auth_for
from ui.style import CSS, JS, THEME
from ui.uploads import MAX_UPLOAD_BYTES, uploads_dir

log = logging.getLogger("rag.ui")

def launch_options(host: str, port: int) -> dict:
    """demo.launch arguments: only this machine unless credentials are set, no analytics, no external fonts."""
    return dict(server_name=host, server_port=port, auth=auth_for(host), theme=THEME, css=CSS, js=JS, quiet=True,
                footer_links=[], ssr_mode=False, max_file_size=2 * MAX_UPLOAD_BYTES, show_error=False)


def served_files(settings: Settings, library: Library) -> list[str]:
    """What Gradio's file route may serve, so a citation opens its PDF at the page: the library's PDFs (each file,
    not its folder) and the uploads folder. Nothing else on the disk."""
    try:
        papers = library.snapshot.papers
    except RagError:  # an empty library: uploads only
        papers = []
    return [str(uploads_dir(settings.home))] + sorted({p for p in map(render.pdf_path, papers) if p})


class LibraryFiles(list):
    """`allowed_paths` that follows the library: Gradio's file route reads `blocks.allowed_paths + [...]` on every
    request, so this list answers with `served_files` of the snapshot CURRENT names then. A PDF ingested from the
    CLI while the UI runs opens from its citation without a restart (a list fixed at start-up gave 403)."""

    def __init__(self, settings: Settings, library: Library):
        super().__init__([str(uploads_dir(settings.home))])  # never empty: Gradio keeps a falsy list's default
        self._settings, self._library = settings, library

    def current(self) -> list[str]:
        return served_files(self._settings, self._library)

    def __iter__(self):
        return iter(self.current())

    def __len__(self) -> int:
        return len(self.current())

    def __add__(self, other):  # type: ignore[override]
        return self.current() + list(other)


def warm_up(library: Library, llm_spec: str, settings: Settings) -> None:
    """Load the index and the embedded model in the background, so the first question does not pay for it."""
    from rag.llm.registry import resolve_llm

    try:
        library.search("warm up", k=1)
        llm = resolve_llm(llm_spec, settings)
        if llm.backend == "embedded":
            llm.count_tokens("warm up")  # loads the GGUF (shared by every instance in this process)
    except Exception:  # noqa: BLE001 - best effort; the first question reports any real error
        log.debug("warm-up failed", exc_info=True)


def launch(settings: Settings, host: str = "127.0.0.1", port: int = 7860, llm_spec: str = "auto") -> None:
    contain_caches(settings)  # caches under the data dir and telemetry off, before gradio starts serving
    options = launch_options(host, port)  # refuses an open host without credentials before loading anything
    started = time.perf_counter()
    library = Library(settings)
    from ui.app import build_app

    demo = build_app(settings, library, llm_spec)
    demo.queue(default_concurrency_limit=2, max_size=64)
    try:
        demo.launch(prevent_thread_lock=True, allowed_paths=LibraryFiles(settings, library), **options)
    except OSError as exc:
        raise UIError(f"cannot serve on {host}:{port} ({exc}) — pass a free --port") from None
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    print(f"rag ui: serving {url} (ready in {time.perf_counter() - started:.1f} s; Ctrl-C to stop)", flush=True)
    threading.Thread(target=warm_up, args=(library, llm_spec, settings), name="rag-warm-up", daemon=True).start()
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass
    finally:
        demo.close()
