"""The Gradio app: Chat (streamed, cited answers beside their sources), Library (papers, uploads) and Evals.

Thin over `rag`: questions go to `Answerer.ask`, uploads to `Library.ingest`, evals to the eval runner. This
module wires the tabs (ui/layout.py) to the handlers (ui/handlers.py); serving is ui/serve.py.
"""

from __future__ import annotations

import gradio as gr

from rag.config import Settings
from rag.library import Library
from ui import render
from ui.handlers import Handlers, new_session, pick_example
from ui.layout import chat_tab, evals_tab, library_tab
from ui.manage import busy, idle
from ui.serve import launch, launch_options, served_files
from ui.verify import verify_tab

__all__ = ["Handlers", "build_app", "launch", "launch_options", "served_files"]


def build_app(settings: Settings, library: Library | None = None, llm_spec: str = "auto") -> gr.Blocks:
    handlers = Handlers(settings, library or Library(settings), llm_spec)
    papers, empty_reason = handlers.papers()
    model_value = handlers.backends.initial()

    with gr.Blocks(title="rag — ask your papers", analytics_enabled=False, fill_width=True) as demo:
        session = gr.State(new_session())
        gr.Markdown("# rag — ask your research papers\nAnswers come only from the papers in your library; every [n] "
                    "links to the passage that supports it.", elem_id="rag-header")
        with gr.Tab("Chat"):
            chat = chat_tab(handlers, papers, empty_reason, model_value)
        with gr.Tab("Library"):
            lib = library_tab(handlers)
        with gr.Tab("Evals"):
            evals = evals_tab()
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
        chat.chatbot.example_select(pick_example, None, chat.question, queue=False, api_name=False) \
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
