"""Chat and Library habits of the UI: answers that say their filters, Ask that waits, saved conversations
reopened, papers and files removed. `Handlers` in ui/app.py mixes these in; they need its `settings`,
`library`, `papers()`, `table()` and `_ingest` lock.
"""

from __future__ import annotations

import logging
from pathlib import Path

import gradio as gr

from rag import history as saved
from rag.catalog_query import filter_labels
from rag.conversation import Turn
from rag.errors import RagError
from rag.filters import Filters
from rag.records import Paper
from ui import render

log = logging.getLogger("rag.ui")


def source_options(papers: list[Paper]) -> list[tuple[str, str]]:
    """Source-page choices by the name the page gives itself ('Amii at ICLR 2026'), not its hashed file name."""
    names: dict[str, str] = {}
    for source in (s for p in papers for s in p.sources):
        names.setdefault(source.path, source.page_name or Path(source.path).name)
    return [("Any", render.ANY)] + sorted(((name, path) for path, name in names.items()), key=lambda c: c[0].casefold())


def removable_choices(papers: list[Paper]) -> list[tuple[str, str]]:
    """What the Library tab can remove: each file (by page name) and each paper (by title)."""
    files = [(f"File: {name}", path) for name, path in source_options(papers)[1:]]
    return files + [(f"Paper: {p.title[:90]}", p.paper_id) for p in papers]


def busy() -> tuple:
    """While an answer streams, Ask and the question box wait: a second Enter is not silently dropped."""
    return gr.update(interactive=False, value="Answering…"), gr.update(interactive=False)


def idle() -> tuple:
    return gr.update(interactive=True, value="Ask"), gr.update(interactive=True)


def answer_notes(answer, filters: Filters | None) -> str:
    """Small print under an answer: the filters it was limited to, and the question as it was understood."""
    shown = list(dict.fromkeys(filter_labels(filters or Filters()) + answer.applied_filters))
    notes = []
    if shown:
        notes.append("Filters: " + "; ".join(shown))
    if answer.standalone_question.strip() != answer.question.strip():
        notes.append("Understood as: " + answer.standalone_question)
    return "".join(f"\n\n<sub class=\"answer-note\">{render.md_escape(n)}</sub>" for n in notes)


class ManageHandlers:
    def _keep(self, conversation: saved.Conversation | None, turn: Turn, filters: Filters | None):
        """Save the conversation under the data dir after each turn, so it can be reopened later."""
        conversation = conversation or saved.new(filters.model_dump() if filters else {})
        conversation.add(turn)
        try:
            saved.save(self.settings.home, conversation)
        except OSError:
            log.exception("could not save the conversation")
        return conversation

    def past_choices(self) -> dict:
        past = saved.list_all(self.settings.home)
        return gr.update(choices=[(f"{c.updated[:16].replace('T', ' ')} · {c.title}", c.id) for c in past])

    def open_conversation(self, conversation_id: str | None) -> tuple:
        """A saved conversation back in the chat: its questions and answers, and follow-ups continue it."""
        if not conversation_id:
            return (gr.skip(),) * 7
        try:
            conversation = saved.load(self.settings.home, conversation_id)
        except RagError as exc:
            return gr.skip(), [{"role": "assistant", "content": render.error_message(str(exc))}], *(gr.skip(),) * 5
        messages = []
        for turn in conversation.turns:
            messages += [{"role": "user", "content": render.md_escape(turn.question)},
                         {"role": "assistant", "content": render.md_escape(turn.answer)}]
        state = {"messages": messages, "turns": list(conversation.turns), "answers": [], "conversation": conversation}
        return (state, messages, render.SOURCES_EMPTY, "", "", gr.update(interactive=False),
                gr.update(value=None, interactive=False))

    def remove_item(self, target: str | None, query: str, flagged: bool) -> tuple:
        """Returns (status, table, summary, remove choices)."""
        if not target:
            return "Choose a paper or a file to remove.", *(gr.skip(),) * 3
        from rag.remove import remove

        try:
            with self._ingest:
                report = remove([target], self.settings, self.library.embedder)
        except RagError as exc:
            return f"**Could not remove it:** {render.md_escape(str(exc))}", *(gr.skip(),) * 3
        what = "; ".join(render.md_escape(t) for t in report.papers) or "nothing"
        status = (f"**Removed** {what} — {report.chunks_removed} passages and their vectors; "
                  f"{report.papers_left} papers left.")
        frame, summary = self.table(query, flagged)
        return status, frame, summary, gr.update(choices=removable_choices(self.papers()[0]), value=None)
