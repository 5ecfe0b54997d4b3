"""The Gradio app's tabs as components: Chat, Library and Evals (Verify is ui/verify.py). No behaviour here:
ui/app.py wires these components to ui/handlers.py."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr

from rag.filters import Filters
from rag.records import Paper
from ui import library_view, render, reports
from ui.examples import answered_examples
from ui.handlers import Handlers, options, settings_label
from ui.manage import removable_choices, source_options
from ui.uploads import MAX_UPLOAD_BYTES, SUPPORTED_SUFFIXES

def chat_tab(handlers: Handlers, papers: list[Paper], empty_reason: str, model_value: str | None) -> SimpleNamespace:
    choices = library_view.filter_choices(papers)
    examples = answered_examples(handlers.library, papers, reports.DATASET) if papers else []
    ui = SimpleNamespace()
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            with gr.Accordion(settings_label(handlers.backends.label(model_value), Filters()), open=False,
                              elem_id="settings") as ui.settings:
                with gr.Row():
                    ui.model = gr.Dropdown(handlers.backends.choices, value=model_value, label="Model", scale=2,
                                           elem_id="model")
                    ui.model_note = gr.Markdown(handlers.backends.note, elem_id="model-note")
                with gr.Row():
                    ui.author = gr.Textbox(label="Author", placeholder="e.g. White", scale=2)
                    ui.year_from = gr.Dropdown(options(choices["years"]), value=render.ANY, label="From year")
                    ui.year_to = gr.Dropdown(options(choices["years"]), value=render.ANY, label="To year")
                    ui.category = gr.Dropdown(options(choices["categories"]), value=render.ANY, label="Category")
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


def library_tab(handlers: Handlers) -> SimpleNamespace:
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


def evals_tab() -> SimpleNamespace:
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
