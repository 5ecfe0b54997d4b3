"""The readers that answer from a PDF's printed records rather than from catalog filters, tried in turn before the
planner reads values: its byline people, institutions and e-mail domains pooled over PDFs (rag/plan_pdf_pool.py), the
PDFs in the alphabet's order by their first or last author (rag/plan_name_order.py), the PDFs printing a quoted note
(rag/plan_note_quoted.py), its numbered tables and figures (rag/plan_exhibits.py), an address by its sentence or place
(rag/plan_link_sentence.py), its footnotes
(rag/plan_footnotes.py), its e-mail and postal addresses (rag/plan_contact.py), the kind of mark its author line
prints (rag/plan_mark_kinds.py), the page numbers its venue prints (rag/plan_printed_pages.py). Each returns the
answer (a HeadingAsk) or None."""

from __future__ import annotations

from rag.catalog import Catalog
from rag.plan_contact import ask as contact
from rag.plan_exhibits import ask as exhibits
from rag.plan_footnotes import ask as footnotes
from rag.plan_headings import HeadingAsk
from rag.plan_link_sentence import ask as link_sentence
from rag.plan_mark_kinds import ask as mark_kinds
from rag.plan_name_order import ask as name_order
from rag.plan_note_quoted import ask as note_quoted
from rag.plan_pdf_pool import ask as pooled
from rag.plan_printed_pages import ask as printed_pages

READERS = (pooled, name_order, note_quoted, exhibits, link_sentence, footnotes, contact, mark_kinds, printed_pages)


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The first reader's answer, or None when the question asks none of these records."""
    return next((found for read in READERS if (found := read(question, catalog)) is not None), None)
