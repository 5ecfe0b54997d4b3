"""The Gradio app: Chat (streamed, cited answers beside their sources), Library (papers, uploads) and Evals.

Thin over `rag`: questions go to `Answerer.ask`, uploads to `Library.ingest`, evals to the eval runner.
`Handlers` holds what all sessions share (library, models); each browser session's history travels
in its own `gr.State`. A RagError is shown as its one-line message, never as a traceback.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import gradio as gr
import pandas as pd

from rag.config import Settings, contain_caches
from rag.conversation import Turn
from rag.errors import RagError
from rag.filters import Filters
from rag.library import Library
from rag.records import Paper
from ui import render, reports
from ui.auth import UIError, auth_for
from ui.backends import Backends
from ui.examples import answered_examples
from ui.manage import ManageHandlers, answer_notes, busy, idle, removable_choices, source_options
from ui.style import CSS, JS, THEME
from ui.uploads import MAX_UPLOAD_BYTES, SUPPORTED_SUFFIXES, add_uploads, uploads_dir
from ui.verify import verify_tab

log = logging.getLogger("rag.ui")


def new_session() -> dict:
    """A browser session's own state: the chat as shown, the turns for follow-ups, the answers for sources."""
    return {"messages": [], "turns": [], "answers": [], "conversation": None}


def _options(values: list[str]) -> list[tuple[str, str]]:
    """Dropdown choices led by "Any", which leaves the filter unset."""
    return [("Any", render.ANY)] + [(v, v) for v in values]


def _settings_label(model: str, filters: Filters) -> str:
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


def _pick_example(event: gr.SelectData) -> str:
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
            filters = render.make_filters(*filter_values)
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
            filters = render.make_filters(*filter_values)
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
            filters = render.make_filters(*filter_values)
        except RagError:
            filters = Filters()
        return gr.update(label=_settings_label(self.backends.label(model_spec), filters))

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
        return render.library_summary(snapshot.papers, len(snapshot.chunks), shown)

    def table(self, query: str = "", flagged: bool = False) -> tuple[pd.DataFrame, str]:
        papers, _ = self.papers()
        frame = pd.DataFrame(render.library_rows(papers, query or "", flagged), columns=render.LIBRARY_HEADERS)
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
        choices = render.filter_choices(self.papers()[0])
        years = _options(choices["years"])
        return (status, frame, summary, gr.update(choices=years), gr.update(choices=years),
                gr.update(choices=_options(choices["categories"])),
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


# ---- layout ----------------------------------------------------------------------------------

def _chat_tab(handlers: Handlers, papers: list[Paper], empty_reason: str, model_value: str | None) -> SimpleNamespace:
    choices = render.filter_choices(papers)
    examples = answered_examples(handlers.library, papers, reports.DATASET) if papers else []
    ui = SimpleNamespace()
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            with gr.Accordion(_settings_label(handlers.backends.label(model_value), Filters()), open=False,
                              elem_id="settings") as ui.settings:
                with gr.Row():
                    ui.model = gr.Dropdown(handlers.backends.choices, value=model_value, label="Model", scale=2,
                                           elem_id="model")
                    ui.model_note = gr.Markdown(handlers.backends.note, elem_id="model-note")
                with gr.Row():
                    ui.author = gr.Textbox(label="Author", placeholder="e.g. White", scale=2)
                    ui.year_from = gr.Dropdown(_options(choices["years"]), value=render.ANY, label="From year")
                    ui.year_to = gr.Dropdown(_options(choices["years"]), value=render.ANY, label="To year")
                    ui.category = gr.Dropdown(_options(choices["categories"]), value=render.ANY, label="Category")
                    ui.source = gr.Dropdown(source_options(papers), value=render.ANY, label="Source page",
                                            scale=2, elem_id="source-filter")
                    ui.clear_filters = gr.Button("Clear filters", size="sm", scale=1, elem_id="clear-filters")
            ui.chatbot = gr.Chatbot(
                height=540, show_label=False, elem_id="chat", feedback_options=None, buttons=[],
                examples=[{"text": q} for q in examples] or None,
                placeholder=("**Ask about the papers in your library.**<br>Try an example below." if papers
                             else f"**Nothing to ask about yet.** {render.md_escape(empty_reason)}"),
            )
            with gr.Row(equal_height=True):
                # No max_length: the box would cut a long paste silently; the answer says the limit instead.
                ui.question = gr.Textbox(placeholder="Ask a question about the papers… (up to 2,000 characters)",
                                         show_label=False, scale=8, autofocus=True, elem_id="question")
                ui.ask = gr.Button("Ask", variant="primary", scale=1, min_width=90, elem_id="ask")
            with gr.Row():
                ui.copy = gr.Button("Copy answer as Markdown", size="sm", elem_id="copy-md", interactive=False)
                ui.bib = gr.DownloadButton("Download BibTeX", size="sm", elem_id="bibtex", interactive=False)
                ui.clear = gr.Button("New conversation", size="sm", elem_id="new-chat")
            with gr.Row(equal_height=True):
                ui.past = gr.Dropdown([], label="Past conversations", scale=4, elem_id="past-conversations")
                ui.reopen = gr.Button("Open", size="sm", scale=1, elem_id="open-conversation")
            with gr.Accordion("Last answer as Markdown and BibTeX", open=False, elem_id="exports"):
                ui.markdown = gr.Code("", language="markdown", label="Markdown", lines=6, wrap_lines=True,
                                      elem_id="answer-md", interactive=False)
                ui.bibtex = gr.Code("", label="BibTeX", lines=6, wrap_lines=True, elem_id="answer-bib",
                                    interactive=False)
        with gr.Column(scale=2, min_width=340):
            ui.sources = gr.HTML(render.SOURCES_EMPTY, elem_id="sources", js_on_load=None)
    return ui


def _library_tab(handlers: Handlers) -> SimpleNamespace:
    ui = SimpleNamespace()
    frame, summary = handlers.table()
    with gr.Row(equal_height=False):
        with gr.Column(scale=4):
            ui.summary = gr.Markdown(summary, elem_id="library-summary")
            with gr.Row(equal_height=True):
                ui.search = gr.Textbox(placeholder="Search titles, authors, abstracts, categories, sources…",
                                       show_label=False, scale=5, elem_id="library-search")
                ui.flagged = gr.Checkbox(label="Only flagged papers", scale=1, min_width=150)
            ui.table = gr.Dataframe(frame, interactive=False, wrap=True, max_height=640, show_label=False,
                                    elem_id="library-table",
                                    column_widths=["25%", "16%", "6%", "9%", "8%", "10%", "13%", "13%"])
        with gr.Column(scale=1, min_width=280):
            gr.Markdown(f"### Add papers\nPDF, .txt or .md files, up to {MAX_UPLOAD_BYTES // 2**20} MB each. They "
                        "are copied into the library's `uploads` folder and indexed as `rag ingest` does.")
            ui.files = gr.File(file_count="multiple", file_types=sorted(SUPPORTED_SUFFIXES), label="Files", height=180,
                               elem_id="upload-files")
            ui.add = gr.Button("Add to library", variant="primary", elem_id="upload-add")
            ui.status = gr.Markdown("", elem_id="upload-status")
            gr.Markdown("### Remove\nA paper, or a whole file with its papers: their passages, vectors and index "
                        "entries go in one step.")
            ui.target = gr.Dropdown(removable_choices(handlers.papers()[0]), value=None, label="Paper or file",
                                    elem_id="remove-target")
            ui.remove = gr.Button("Remove from library", variant="stop", elem_id="remove")
            ui.remove_status = gr.Markdown("", elem_id="remove-status")
    return ui


def _evals_tab() -> SimpleNamespace:
    ui = SimpleNamespace()
    with gr.Row(equal_height=True):
        ui.run = gr.Button("Run retrieval eval (seed questions: ours vs BM25 vs dense)", variant="primary", scale=3,
                           elem_id="run-eval")
        ui.reload = gr.Button("Reload latest report", scale=1)
    ui.status = gr.Markdown("", elem_id="eval-status")
    with gr.Row(elem_id="eval-plots", visible=False) as ui.plot_row:
        ui.plots = [gr.Image(label=label, show_label=False, interactive=False, height=330, buttons=["fullscreen"])
                    for label in reports.PLOTS.values()]
    ui.report = gr.Markdown(elem_id="eval-report")
    return ui


def build_app(settings: Settings, library: Library | None = None, llm_spec: str = "auto") -> gr.Blocks:
    handlers = Handlers(settings, library or Library(settings), llm_spec)
    papers, empty_reason = handlers.papers()
    model_value = handlers.backends.initial()

    with gr.Blocks(title="rag — ask your papers", analytics_enabled=False, fill_width=True) as demo:
        session = gr.State(new_session())
        gr.Markdown("# rag — ask your research papers\nAnswers come only from the papers in your library; every [n] "
                    "links to the passage that supports it.", elem_id="rag-header")
        with gr.Tab("Chat"):
            chat = _chat_tab(handlers, papers, empty_reason, model_value)
        with gr.Tab("Library"):
            lib = _library_tab(handlers)
        with gr.Tab("Evals"):
            evals = _evals_tab()
        with gr.Tab("Verify"):
            verify_tab(handlers.library)

        filters = [chat.author, chat.year_from, chat.year_to, chat.category, chat.source]
        ask_inputs = [chat.question, session, chat.model, *filters]
        ask_outputs = [chat.question, chat.chatbot, session, chat.sources, chat.markdown, chat.bibtex, chat.copy,
                       chat.bib]
        chat.clear_filters.click(lambda: ("", render.ANY, render.ANY, render.ANY, render.ANY), None, filters,
                                 queue=False, api_name=False)
        lock = [chat.ask, chat.question]
        gr.on([chat.question.submit, chat.ask.click], busy, None, lock, queue=False, trigger_mode="once",
              api_name=False) \
            .then(handlers.ask, ask_inputs, ask_outputs, api_name="ask") \
            .then(idle, None, lock, queue=False, api_name=False)
        chat.chatbot.example_select(_pick_example, None, chat.question, queue=False, api_name=False) \
            .then(busy, None, lock, queue=False, api_name=False) \
            .then(handlers.ask, ask_inputs, ask_outputs, api_name=False) \
            .then(idle, None, lock, queue=False, api_name=False)
        gr.on([chat.past.focus, demo.load], handlers.past_choices, None, chat.past, api_name=False)
        chat.reopen.click(handlers.open_conversation, chat.past, [session, chat.chatbot, chat.sources, chat.markdown,
                                                                  chat.bibtex, chat.copy, chat.bib], api_name=False)
        lib.remove.click(handlers.remove_item, [lib.target, lib.search, lib.flagged],
                         [lib.remove_status, lib.table, lib.summary, lib.target], concurrency_limit=1,
                         api_name="remove")
        chat.copy.click(None, chat.markdown, None,
                        js="(md) => { if (navigator.clipboard) navigator.clipboard.writeText(md); }")
        reset_outputs = [session, chat.chatbot, chat.sources, chat.markdown, chat.bibtex, chat.copy, chat.bib]
        gr.on([chat.clear.click, chat.chatbot.clear], handlers.new_conversation, None, reset_outputs, api_name=False)
        gr.on([chat.model.change] + [f.change for f in filters], handlers.describe_settings, [chat.model, *filters],
              chat.settings, queue=False, api_name=False)
        demo.load(handlers.refresh_models, None, [chat.model, chat.model_note], api_name=False)

        gr.on([lib.search.change, lib.flagged.change], handlers.table, [lib.search, lib.flagged],
              [lib.table, lib.summary], show_progress="hidden", api_name=False)
        lib.add.click(handlers.upload, [lib.files, lib.search, lib.flagged],
                      [lib.status, lib.table, lib.summary, *filters[1:], lib.files], concurrency_limit=1,
                      api_name="add_papers")

        eval_outputs = [evals.status, evals.plot_row, *evals.plots, evals.report]
        evals.run.click(handlers.run_eval, None, eval_outputs, concurrency_limit=1, api_name="run_eval")
        evals.reload.click(handlers.show_report, None, eval_outputs, api_name=False)
        demo.load(handlers.show_report, None, eval_outputs, api_name=False)
    return demo


# ---- launching -------------------------------------------------------------------------------

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
