"""How the UI looks: the theme (system fonts only), the CSS, and the script that links citations to sources."""

from __future__ import annotations

import gradio as gr

CSS = """
.gradio-container { width: 100% !important; max-width: 1500px !important; margin: 0 auto !important; }
#library-table * { font-family: var(--font) !important; }
#library-table td, #library-table th { font-size: 0.86rem; }
#rag-header h1 { margin: 0; font-size: 1.5rem; }
#rag-header p { margin: 2px 0 0; color: var(--body-text-color-subdued); }
#sources { position: sticky; top: 8px; max-height: 78vh; overflow-y: auto; padding-right: 4px; }
.rag-sources { font-size: 0.92rem; line-height: 1.45; }
.src-empty { color: var(--body-text-color-subdued); padding: 14px; border: 1px dashed var(--border-color-primary);
  border-radius: 8px; }
.src-q { font-weight: 600; margin: 2px 0 6px; }
.src-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; margin: 8px 0;
  background: var(--background-fill-primary); transition: box-shadow 0.3s, border-color 0.3s; scroll-margin: 12px; }
.src-card.flash { border-color: var(--color-accent); box-shadow: 0 0 0 3px var(--color-accent-soft); }
.src-n { font-weight: 700; color: var(--color-accent); }
.src-title { font-weight: 600; }
.src-meta, .src-from, .src-others { color: var(--body-text-color-subdued); font-size: 0.84rem; margin-top: 3px; }
.src-from code { font-size: 0.8rem; word-break: break-all; }
.src-passage { margin: 8px 0 0 !important; padding: 6px 10px !important;
  border-left: 3px solid var(--border-color-accent) !important; font-size: 0.88rem; color: var(--body-text-color);
  background: var(--background-fill-secondary); }
.src-passage mark { background: #fde68a; color: #111; padding: 0 2px; border-radius: 3px; }
.src-abstain { padding: 10px 12px; border-radius: 8px; background: var(--background-fill-secondary); }
details.src-turn { margin-top: 10px; border-top: 1px solid var(--border-color-primary); padding-top: 6px; }
details.src-turn summary { cursor: pointer; color: var(--body-text-color-subdued); }
#chat a[href*="#src-"] { text-decoration: none; font-weight: 600; font-size: 0.85em; vertical-align: super; }
#model-note { color: var(--body-text-color-subdued); font-size: 0.85rem; }
"""

# Citation links scroll the sources panel to their card (opening a folded earlier answer) and flash it.
JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest ? event.target.closest('a[href*="#src-"]') : null;
    if (!link) return;
    const card = document.getElementById(link.getAttribute('href').split('#').pop());
    if (!card) return;
    event.preventDefault();
    event.stopPropagation();
    const folded = card.closest('details');
    if (folded) folded.open = true;
    card.scrollIntoView({behavior: 'smooth', block: 'center'});
    card.classList.remove('flash');
    void card.offsetWidth;
    card.classList.add('flash');
    setTimeout(() => card.classList.remove('flash'), 2500);
  }, true);
}
"""

# System fonts only: the default theme would fetch Google Fonts, and no request may leave the machine.
THEME = gr.themes.Soft(
    primary_hue="indigo",
    font=["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
)
