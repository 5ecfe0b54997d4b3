"""A PDF's numbered tables and figures as catalog records (issue 11): the parser keeps a table with its caption as its
first line and a figure's caption as a block of its own ('Figure 2: t-SNE visualization of …', p. 8); each becomes an
Exhibit with its kind, number, caption, PDF page, the page its proceedings print there, its section, and for a table
the words of its header rows and row labels (what a question may name it by: 'the Bag of Concepts F1 table').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.catalog_pdf_texts import printed_page_number
from rag.records import Block, Paper

# 'Table 1: Results …', 'Figure 2. t-SNE …', 'Fig. 3 | …': the caption's opening, as printed
_OPENING = re.compile(r"\s*(?P<kind>table|tab\.|figure|fig\.)\s*(?P<number>\d{1,2})\s*[:.|]\s*", re.I)
_NUMBER_CELL = re.compile(r"^[\s(±−–-]*\d")


@dataclass(frozen=True)
class Exhibit:
    """One numbered table or figure a PDF prints with its caption."""

    kind: str  # 'table' or 'figure'
    number: int
    caption: str  # the caption's words after 'Table 1:', as printed ('Results of the ScienceParse system.')
    page: int | None  # 1-based PDF page
    printed_page: int | None  # the page number its journal or proceedings give that page (2277), when known
    section: str  # the section it is printed in ('6 Analysis')
    header: str = ""  # a table's header rows and row labels ('Field Precision Recall F1 title authors …')

    @property
    def name(self) -> str:
        return f"{self.kind.capitalize()} {self.number}"


def _header(lines: list[str]) -> str:
    """A table's header rows (those before the first row holding a number) and every row's first cell (its label)."""
    rows = [[c.strip() for c in line.split("|")] for line in lines]
    body = next((i for i, cells in enumerate(rows) if any(_NUMBER_CELL.match(c) for c in cells[1:])), len(rows))
    words = [" ".join(cells) for cells in rows[:body]] + [cells[0] for cells in rows[body:] if cells]
    return " ".join(words)


def _exhibit(block: Block, paper: Paper) -> Exhibit | None:
    m = _OPENING.match(block.text)
    if m is None or block.kind not in ("table", "caption"):
        return None
    kind = "table" if m.group("kind").casefold().startswith("tab") else "figure"
    lines = block.text.splitlines()
    caption = " ".join(lines[0][m.end():].split()) if block.kind == "table" else " ".join(block.text[m.end():].split())
    return Exhibit(kind, int(m.group("number")), caption, block.page, printed_page_number(paper, block.page),
                   block.section, _header(lines[1:]) if block.kind == "table" else "")


def exhibits(paper: Paper) -> list[Exhibit]:
    """The paper's numbered tables and figures in print order, each number once (the first caption that opens with
    it: a 'Table 1 presents …' sentence is prose, not a caption)."""
    found: dict[tuple[str, int], Exhibit] = {}
    for block in paper.blocks:
        if (exhibit := _exhibit(block, paper)) is not None:
            found.setdefault((exhibit.kind, exhibit.number), exhibit)
    return list(found.values())


def of_kind(paper: Paper, kind: str | None) -> list[Exhibit]:
    return [e for e in exhibits(paper) if kind is None or e.kind == kind]


def where(exhibit: Exhibit) -> str:
    """'PDF page 8, printed page 2277, §6 Analysis'."""
    parts = [f"PDF page {exhibit.page}"] if exhibit.page else []
    parts += [f"printed page {exhibit.printed_page}"] if exhibit.printed_page else []
    parts += [f"§{exhibit.section}"] if exhibit.section else []
    return ", ".join(parts)


def said(exhibit: Exhibit) -> str:
    """"Table 3 (PDF page 8, printed page 2277, §6 Analysis): 'Comparison with task-specific fine-tuning.'"."""
    return f"{exhibit.name} ({where(exhibit)}): '{exhibit.caption}'"


def counted(paper: Paper, kind: str | None) -> str:
    """'4 numbered tables (Tables 1–4)', 'no numbered figures'."""
    found = of_kind(paper, kind)
    noun = f"{kind}s" if kind else "tables and figures"
    if not found:
        return f"no numbered {noun}"
    if kind is None:
        return " and ".join(counted(paper, k) for k in ("table", "figure"))
    numbers = [e.number for e in found]
    span = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
    plural = "s" if len(found) != 1 else ""
    return f"{len(found)} numbered {kind}{plural} ({kind.capitalize()}{plural} {span})"
