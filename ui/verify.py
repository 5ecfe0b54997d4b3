"""The Verify tab: paste text, see each sentence supported, contradicted or unsupported, with the passage.

Thin over rag/verify.py (the same checker `rag verify` and the answers use).
"""

from __future__ import annotations

import html
import threading
from types import SimpleNamespace

import gradio as gr

from rag.errors import RagError

BADGES = {"supported": ("✓ supported", "#1a7f37"), "contradicted": ("✗ contradicted", "#cf222e"),
          "unsupported": ("? unsupported", "#9a6700")}
PLACEHOLDER = ("Paste a paragraph, e.g. a related-work section. Name a paper (its title, an arXiv id, or "
               "'Author et al. (Year)') to check a sentence against that paper only.")


class VerifyHandler:
    """One Verifier per library snapshot, shared by sessions; rebuilt when papers are added."""

    def __init__(self, library):
        self.library = library
        self._lock = threading.Lock()
        self._verifier = None
        self._snapshot = None

    def verifier(self):
        from rag.verify import Verifier

        with self._lock:
            snapshot = self.library.snapshot
            if self._verifier is None or snapshot is not self._snapshot:
                self._verifier, self._snapshot = Verifier(self.library), snapshot
            return self._verifier

    def run(self, text: str) -> tuple[str, str]:
        try:
            checks = self.verifier().verify(text or "")
        except RagError as exc:
            return "", f"Could not verify: {exc}"
        counts = {v: sum(c.verdict == v for c in checks) for v in BADGES}
        status = "Verified: " + ", ".join(f"{n} {v}" for v, n in counts.items())
        return render_checks(checks), status


def render_checks(checks) -> str:
    """One card per sentence: its verdict, the sentence, the paper and the passage it was judged on."""
    cards = []
    for check in checks:
        label, colour = BADGES[check.verdict]
        paper = ""
        if check.title:
            how = "named in the sentence" if check.source_named else "found by search"
            paper = f'<div class="verify-paper">{html.escape(check.title)} <small>({how})</small></div>'
        passage = (f'<blockquote class="verify-passage">{html.escape(check.passage)}</blockquote>'
                   if check.passage else "")
        cards.append(
            f'<div class="verify-sentence" data-verdict="{check.verdict}" '
            f'style="border-left:4px solid {colour};padding:6px 10px;margin:8px 0">'
            f'<div><strong style="color:{colour}">{label}</strong> <small>score {check.score:.2f} · '
            f'{html.escape(check.reason)}</small></div><div>{html.escape(check.text)}</div>{paper}{passage}</div>')
    return "\n".join(cards)


def verify_tab(library) -> SimpleNamespace:
    """Build the tab's components and wire them; call inside a gr.Tab."""
    handler = VerifyHandler(library)
    ui = SimpleNamespace(handler=handler)
    ui.text = gr.Textbox(label="Text to verify", lines=6, placeholder=PLACEHOLDER, elem_id="verify-text")
    ui.run = gr.Button("Verify against the library", variant="primary", elem_id="verify-run")
    ui.status = gr.Markdown("", elem_id="verify-status")
    ui.result = gr.HTML("", elem_id="verify-result")
    ui.run.click(handler.run, ui.text, [ui.result, ui.status], concurrency_limit=2, api_name="verify")
    return ui
