"""Quoting a table passage: which of its lines are the caption and header, and how a row is read under them.

A shown table is its caption, its header row(s) and data rows joined by " | " (rag/evidence.py); a quote of a row
names each figure by its column, so "SciBERT: CLS 83.0" is true to the table without the reader seeing it.
"""

from __future__ import annotations

import re

from rag.question_words import question_stems, stems
from rag.records import Evidence
from rag.text import word_tokens

CAPTION = re.compile(r"^\s*(table|tab\.)\s*[\dIVX]", re.I)
CELL = " | "
_FIGURE = re.compile(r"^[−+-]?\d[\d.,]*%?(?:\s*±\s*\d[\d.]*)?\*?$")  # 76.8, 23.3%, 1,024, 85.1 ± 0.3


def table_lines(item: Evidence) -> tuple[list[str], list[int]]:
    """(caption and header lines, indices of the data rows) of a table passage; ([], []) for prose."""
    lines = item.sentences
    if not lines or not CAPTION.match(lines[0]) or not any(CELL in line for line in lines[1:]):
        return [], []
    header = next((i for i, line in enumerate(lines) if CELL in line), 1)
    # A header may run over several lines ("Task → | Classification ...", "Metric → | F1 | MAP ..."): a row with
    # no figure in a cell after the first names columns, it is no answer.
    while header + 1 < len(lines) and not _holds_figure(lines[header + 1]):
        header += 1
    return lines[: header + 1], list(range(header + 1, len(lines)))


def _holds_figure(row: str) -> bool:
    return any(_FIGURE.match(cell.strip()) for cell in row.split(CELL)[1:])


_LABELS_HEADER = re.compile(r"[→↓←↑/]")


def quote_row(head: list[str], row: str) -> str:
    """A table row read under its column header: "SciBERT: CLS 83.0, USR 84.2, All 78.0 (Table 3: ...)".

    When the header's cells do not line up with the row's (a header over several lines), the row is quoted as
    printed after the caption."""
    caption = head[0].rstrip(".")
    cells = [c.strip() for c in row.split(CELL)]
    names = [c.strip() for c in head[-1].split(CELL)] if len(head) > 1 else []
    if len(names) == len(cells):
        names = names[1:]  # the first column names the row labels ("Model", "Field")
    elif names and _LABELS_HEADER.search(names[0]):
        # The line's first cell heads the row labels ("Model ↓ / Metric →") and a column's name stands on an upper
        # line ("Avg."): pairing the rest would quote each figure under its neighbour's name.
        names = []
    if names and len(names) == len(cells) - 1:
        pairs = ", ".join(f"{name} {value}" for name, value in zip(names, cells[1:]))
        return f"{cells[0]}: {pairs} ({caption})"
    return f"{caption}: {row}"


def names_a_column(head: list[str], question: str) -> bool:
    """The question names a column of the table: a word of a header cell, or a word it abbreviates ('prec.' for
    precision, 'Avg.' for average, 'USR' for user), or the words the caption gives for a cell's abbreviation ('USR: User
    activity'). A header line's first cell names the row labels ('Approach', 'Model ↓ / Metric →'), no column."""
    asked = word_tokens(question)
    cells = [cell.casefold() for line in head[1:] for cell in line.split(CELL)[1:]]
    names = {w for cell in cells for w in re.findall(r"[a-z]{3,}", cell)}
    if any(_abbreviates(name, word) for name in names for word in asked):
        return True
    legend = {abbr.casefold(): stems(words) for abbr, words in _LEGEND.findall(head[0] if head else "")}
    asked_stems = question_stems(question)
    return any(meaning and meaning <= asked_stems for abbr, meaning in legend.items() if abbr in names)


# "CLS: classification, USR: User activity" in a caption: what each abbreviated column stands for.
_LEGEND = re.compile(r"\b([A-Z][A-Za-z@]{1,7})\s*:\s*([A-Za-z][a-z]+(?: [a-z]+)?)")


def _abbreviates(name: str, word: str) -> bool:
    """`word` is the column name or spelt out by it: its start, or its letters in order from the same first letter
    ('avg' in 'average', 'usr' in 'user', 'cls' in 'classification')."""
    if word.startswith(name):
        return True
    if len(name) < 3 or word[:1] != name[:1] or len(word) <= len(name):
        return False
    rest = iter(word)
    return all(letter in rest for letter in name)
