"""What the Gradio app does on each event: `Handlers` holds what all sessions share (library, models, one ingest
at a time); each browser session's history travels in its own `gr.State` (`new_session`). A RagError is shown
as its one-line message, never as a traceback. The layout is in ui/layout.py, the wiring in ui/app.py."""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import gradio as gr
import pandas as pd

from rag.config import Settings
from rag.conversation import Turn
from rag.errors import RagError
from rag.filters import Filters
from rag.library import Library
from rag.records import Paper
from ui import library_view, render, reports
from ui.backends import Backends
from ui.manage import ManageHandlers, answer_notes, source_options
from ui.uploads import add_uploads

log = logging.getLogger("rag.ui")


def new_session() -> dict:
    """A browser session's own state: the chat as shown, the turns for follow-ups, the answers for sources."""
    return {"messages": [], "turns": [], "answers": [], "conversation": None}


def options(values: list[str]) -> list[tuple[str, str]]:
    """Dropdown choices led by "Any", which leaves the filter unset."""
    return [("Any", render.ANY)] + [(v, v) for v in values]


def settings_label(model: str, filters: Filters) -> str:
    chosen = [f"{name} {value}" for name, value in filters.model_dump().items() if value]
    return f"Model: {model}  ·  Filters: {', '.join(chosen) if chosen else 'none'}"


def _export_file(text: str, name: str) -> str:
    """Write an export into Gradio's upload folder, from where it may be downloaded; return the path."""
    folder = Path(gr.utils.get_upload_folder()) / "rag-exports" / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _image(path: Path | None):
    """A plot opened here, so Gradio serves a copy and the data dir need not be an allowed path."""
    if path is None:
        return None
    from PIL import Image

    with Image.open(path) as image:
        return image.copy()


def pick_example(event: gr.SelectData) -> str:
    return event.value["text"] if isinstance(event.value, dict) else str(event.value)


class Handlers(ManageHandlers):
    """What every session shares: the library, the models, one ingest at a time. Sessions bring their state."""

    def __init__(self, settings: Settings, library: Library, llm_spec: str = "auto"):
        self.settings = settings
        self.library = library
        self.backends = Backends(settings, llm_spec)
        self._ingest = threading.Lock()

    def papers(self) -> tuple[list[Paper], str]:
        """All papers, or none and the one line that says why (nothing ingested yet, unreadable store)."""
        try:
            return list(self.library.snapshot.papers), ""
        except RagError as exc:
            return [], str(exc)

    # ---- chat; `ask` yields (question box, chat, session, sources, markdown, bibtex, copy button, bib button)

    def ask(self, text: str, state: dict, model_spec: str, *filter_values) -> Iterator[tuple]:
        text = (text or "").strip()
        skip = gr.skip()
        if not text:
            yield (skip,) * 8
            return
        turn = len(state["answers"]) + 1
        messages = state["messages"] + [{"role": "user", "content": render.md_escape(text)},
                                        {"role": "assistant", "content": render.streaming_message([], turn)}]
        yield "", messages, *(skip,) * 6
        updates: queue.Queue = queue.Queue()
        threading.Thread(target=self._answer, args=(text, state["turns"], model_spec, filter_values, updates),
                         name="rag-ask", daemon=True).start()
        streamed = []
        while True:
            kind, item = updates.get()
            if kind == "sentence":
                streamed.append(item)
                messages[-1] = {"role": "assistant", "content": render.streaming_message(streamed, turn)}
                yield skip, messages, *(skip,) * 6
            elif kind == "error":
                messages[-1] = {"role": "assistant", "content": render.error_message(item)}
                yield skip, messages, {**state, "messages": messages}, *(skip,) * 5
                return
            else:
                break
        answer = item
        try:
            filters = library_view.make_filters(*filter_values)
        except RagError:
            filters = None
        messages[-1] = {"role": "assistant", "content": render.answer_message(answer, turn) + answer_notes(answer, filters)}
        turn_record = Turn(question=text, standalone_question=answer.standalone_question, answer=answer.answer,
                           cited_titles=[c.title for c in answer.citations])
        conversation = self._keep(state.get("conversation"), turn_record, filters)
        state = {"messages": messages, "turns": state["turns"] + [turn_record], "answers": state["answers"] + [answer],
                 "conversation": conversation}
        cited = [paper for _, paper, _ in render.cited_papers(answer)]
        bib = render.bibtex(cited)
        bib_button = gr.update(value=_export_file(bib, "references.bib"), interactive=True) if cited else \
            gr.update(value=None, interactive=False)
        yield (skip, messages, state, render.sources_html(state["answers"]), render.answer_markdown(answer), bib,
               gr.update(interactive=True), bib_button)

    def _answer(self, text: str, history: list[Turn], model_spec: str, filter_values: tuple,
                updates: queue.Queue) -> None:
        """Runs in a thread: each checked sentence goes to `updates` as it is ready, then the Answer or an error."""
        from rag.answer import Answerer

        try:
            filters = library_view.make_filters(*filter_values)
            answerer = Answerer(self.library, self.backends.get(model_spec or "embedded"))
            answer = answerer.ask(text, history=history, filters=filters,
                                  on_sentence=lambda sentence: updates.put(("sentence", sentence)))
            updates.put(("done", answer))
        except RagError as exc:
            updates.put(("error", str(exc)))
        except Exception as exc:  # noqa: BLE001 - the page shows one line; the server log keeps the traceback
            log.exception("answering %r failed", text)
            updates.put(("error", f"unexpected error ({type(exc).__name__}: {exc}) — see the server log"))

    def new_conversation(self) -> tuple:
        return (new_session(), [], render.SOURCES_EMPTY, "", "", gr.update(interactive=False),
                gr.update(value=None, interactive=False))

    def describe_settings(self, model_spec: str, *filter_values) -> dict:
        try:
            filters = library_view.make_filters(*filter_values)
        except RagError:
            filters = Filters()
        return gr.update(label=settings_label(self.backends.label(model_spec), filters))

    def refresh_models(self) -> tuple:
        value = self.backends.refresh()
        return gr.update(choices=self.backends.choices, value=value), self.backends.note

    # ---- library

    def summary(self, shown: int) -> str:
        """From the snapshot alone: opening the vector store just to count would slow the page's start."""
        try:
            snapshot = self.library.snapshot
        except RagError as exc:
            return f"**The library is empty:** {render.md_escape(str(exc))} — or add files here."
        return library_view.library_summary(snapshot.papers, len(snapshot.chunks), shown)

    def table(self, query: str = "", flagged: bool = False) -> tuple[pd.DataFrame, str]:
        papers, _ = self.papers()
        frame = pd.DataFrame(library_view.library_rows(papers, query or "", flagged), columns=library_view.LIBRARY_HEADERS)
        return frame, self.summary(len(frame))

    def upload(self, paths: list[str] | None, query: str, flagged: bool,
               progress=gr.Progress(track_tqdm=True)) -> tuple:
        """Returns (status, table, summary, year from, year to, category, source, file box)."""
        skip = (gr.skip(),) * 7
        if not paths:
            return "Choose one or more files first.", *skip
        progress(0, desc="Copying and reading the files")
        try:
            with self._ingest:
                stored, report = add_uploads(self.library, [Path(p) for p in paths], progress=True)
        except RagError as exc:
            return f"**Could not add the files:** {render.md_escape(str(exc))}", *skip
        names = ", ".join(f"`{p.name}`" for p in stored)
        added = len(report.files_added) + len(report.files_changed)
        if added:
            status = (f"**Added {names}**: {report.embedded} passages embedded in {report.seconds:.1f} s; the library "
                      f"now holds {report.papers} papers.")
        else:
            status = f"{names} {'is' if len(stored) == 1 else 'are'} already in the library; nothing changed."
        if report.errors:
            status += "\n\n" + "\n".join(f"- **Error:** {render.md_escape(e)}" for e in report.errors)
        frame, summary = self.table(query, flagged)
        choices = library_view.filter_choices(self.papers()[0])
        years = options(choices["years"])
        return (status, frame, summary, gr.update(choices=years), gr.update(choices=years),
                gr.update(choices=options(choices["categories"])),
                gr.update(choices=source_options(self.papers()[0])), None)

    # ---- evals; both return (status, plot row, *plots, report)

    def show_report(self, status: str = "") -> tuple:
        text, plots = reports.report_view(reports.latest_report(reports.report_roots(self.settings)))
        return status, gr.update(visible=any(plots)), *[_image(p) for p in plots], text

    def run_eval(self, progress=gr.Progress(track_tqdm=True)) -> tuple:
        progress(0, desc="Preparing the eval")
        started = time.perf_counter()
        try:
            with self._ingest:  # the index must not change under the eval
                reports.run_retrieval_eval(self.settings, self.library)
        except RagError as exc:
            return (f"**The eval could not run:** {render.md_escape(str(exc))}",
                    *(gr.skip(),) * (len(reports.PLOTS) + 2))
        return self.show_report(f"Eval finished in {time.perf_counter() - started:.0f} s.")
