"""A PDF's full text (records.Block with a section and a page) -> pieces: prose, tables, the reference list.

Prose is packed by whole sentences within one section (never across a section boundary) and each piece keeps
its section and starting page; a table, gathered with its caption, header rows and continuations, becomes
pieces of its own, split by rows with the caption and header row repeated; the reference list becomes
"references" pieces (searchable, never evidence for content questions).
"""

from __future__ import annotations

import re

from rag.chunk_packing import Packer, Piece, Table, Unit, text_lines
from rag.records import Block
from rag.text import split_sentences

_TABLE_CAPTION = re.compile(r"^\s*(table|tab\.)\s*[\dIVX]", re.I)


def block_pieces(blocks: list[Block], packer: Packer) -> list[Piece]:
    """Runs of prose of one section packed together; each table and the references on their own."""
    pieces: list[Piece] = []
    run: list[Unit] = []
    run_section = ""
    references: list[Block] = []

    def flush() -> None:
        pieces.extend(packer.prose("body", run, run_section))
        run.clear()
        # The reference list comes in many small blocks (one per entry or column): packed together, not a
        # chunk each, so it costs few vectors.
        pieces.extend(packer.references(references))
        references.clear()

    for item in gather_tables(blocks):
        if isinstance(item, Table):
            flush()
            pieces.extend(packer.table(item))
        elif item.kind == "references":
            if run:
                flush()
            references.append(item)
        else:
            if item.section != run_section or references:
                flush()
                run_section = item.section
            run.extend(Unit(s, item.page) for s in split_sentences(item.text))
    flush()
    return pieces


def gather_tables(blocks: list[Block]) -> list[Block | Table]:
    """Each table with its caption, its header rows and its continuations, as one item.

    A PDF reader may give a table's caption as a caption block above or below it or as its first line, its
    header row as a short text line just above it, and a table broken by a column or page as several
    table blocks in a row: all of it belongs to one table, never to the prose around it.
    """
    out: list[Block | Table] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind != "table":
            out.append(block)
            i += 1
            continue
        rows = text_lines(block.text)
        caption = rows.pop(0) if rows and _TABLE_CAPTION.match(rows[0]) else ""
        above: list[str] = []
        while out and isinstance(out[-1], Block) and out[-1].kind == "text" and out[-1].section == block.section \
                and _looks_like_row(out[-1].text) and len(above) < 4:
            above.insert(0, " ".join(out.pop().text.split()))  # type: ignore[union-attr]
        if not caption and out and isinstance(out[-1], Block) and _is_table_caption(out[-1]):
            caption = " ".join(out.pop().text.split())  # type: ignore[union-attr]
        i += 1
        while i < len(blocks) and blocks[i].kind == "table" and blocks[i].section == block.section \
                and not _TABLE_CAPTION.match(blocks[i].text.lstrip()):
            rows += text_lines(blocks[i].text)
            i += 1
        if not caption and i < len(blocks) and _is_table_caption(blocks[i]):
            caption = " ".join(blocks[i].text.split())
            i += 1
        out.append(Table(block.section, block.page, caption, above + rows))
    return out


def _looks_like_row(text: str) -> bool:
    """A short line without a sentence end: a header row ('Field Precision Recall F1') or a stray table row."""
    words = text.split()
    return (0 < len(words) <= 12 and not text.rstrip().endswith((".", "?", "!", ":", ";", ","))
            and not re.search(r"https?:|www\.", text))  # a footnote with a link sits above tables too


def _is_table_caption(block: Block) -> bool:
    return block.kind == "caption" and bool(_TABLE_CAPTION.match(block.text))
