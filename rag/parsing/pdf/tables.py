"""Tables found from their caption and set out as rows of cells by the gaps that line up across rows.

A 'Table N:' caption says where a table is: beside it (above, else below), across the caption's
width (the page's text width when the caption crosses the column gutter, its column otherwise).
Rows are taken going away from the caption while they stay close and look like rows, not prose:
several cells, or set in the table's size. Cells are words separated by more than a word space;
a column boundary (a gap that no number of any row crosses) also separates cells, so every body
row splits at the same places, and so does a header row none of whose words spans a boundary.
"""

from __future__ import annotations

from dataclasses import dataclass

import re

from rag.parsing.pdf.reader import TABLE_CAPTION, Span
from rag.parsing.pdf.words import SPACING_ACCENTS, clean_span_text

NUMERIC = re.compile(r"[-+±]?\d+(?:[.,]\d+)?%?")


@dataclass(slots=True)
class TableRow:
    """One row of a table: its cells left to right and its box."""

    cells: list[str]
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    column: int  # 0 across the page, 1 left column, 2 right column
    table: int  # which table of the page, from 1


@dataclass(slots=True)
class Word:
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    size: float
    bold: bool


def _words(span: Span) -> list[Word]:
    if span.words:
        return [Word(x0, x1, span.y0, span.y1, text, span.size, span.bold) for x0, x1, text in span.words]
    return [Word(span.x0, span.x1, span.y0, span.y1, clean_span_text(span.text).strip(), span.size, span.bold)]


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words at one height, top down; a header cell set between two rows joins the one it overlaps more."""
    rows: list[list[Word]] = []
    bands: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: -(w.y0 + w.y1)):
        height = max(word.y1 - word.y0, 1.0)
        best, best_overlap = None, 0.25 * height
        for index in range(max(len(rows) - 3, 0), len(rows)):
            low, high = bands[index]
            overlap = min(high, word.y1) - max(low, word.y0)
            if overlap > min(best_overlap, 0.25 * (high - low)) and overlap > 0 and (best is None or overlap > best_overlap):
                best, best_overlap = index, overlap
        if best is None:
            rows.append([word])
            bands.append((word.y0, word.y1))
        else:
            rows[best].append(word)
            bands[best] = (min(bands[best][0], word.y0), max(bands[best][1], word.y1))
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def _cells(row: list[Word], boundaries: list[tuple[float, float]]) -> list[str]:
    """Words joined into cells: a gap wider than a word space, or a column boundary, starts a cell."""
    size = max(w.size for w in row)
    cells, text = [], ""
    previous: Word | None = None
    for word in row:
        if previous is not None:
            gap = word.x0 - previous.x1
            # Pieces of one word ('n' + 'DCG' in small caps) touch: no rule runs between them.
            crossed = gap > 0.15 * size and any(previous.x1 < high and word.x0 > low for low, high in boundaries)
            if gap > 0.6 * size or crossed:
                cells.append(text)
                text = ""
            elif gap > 0.15 * size:
                text += " "
        text += word.text
        previous = word
    cells.append(text)
    return [c.strip() for c in cells if c.strip()]


def _is_numeric_row(row: list[Word]) -> bool:
    tokens = " ".join(w.text for w in row).split()
    return sum(1 for t in tokens if NUMERIC.fullmatch(t.strip("()[],;±*†")) ) >= max(2, 0.4 * len(tokens))


def _boundaries(rows: list[list[Word]]) -> list[tuple[float, float]]:
    """The gaps between columns that no number of any row crosses: the table's column rules.

    Numbers only: a narrow table's columns may stand a word space apart, and the gaps between the
    words of row labels ('SciBERT fine-tune on co-view') are no columns.
    """
    numbers = [w for row in rows if _is_numeric_row(row) for w in row if NUMERIC.fullmatch(w.text.strip("()[],;±*†"))]
    if len(numbers) < 4:
        return []
    spans = sorted((w.x0, w.x1) for w in numbers)
    size = min(w.size for w in numbers)
    out, reach = [], spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach > 0.2 * size:
            out.append((reach, x0))
        reach = max(reach, x1)
    return out


def _is_prose(row: list[Word], width: float) -> bool:
    """A line of running text: one stretch of words across most of the region, few numbers."""
    return len(_cells(row, [])) == 1 and row[-1].x1 - row[0].x0 > 0.6 * width and not _is_numeric_row(row)


def _walk(rows: list[list[Word]], caption: Span, width: float) -> list[list[Word]]:
    """Rows going away from the caption while they stay close and read as table rows."""
    taken: list[list[Word]] = []
    edge_gap = 3.0 * caption.size
    previous = None
    for row in rows:
        top, bottom = max(w.y1 for w in row), min(w.y0 for w in row)
        if previous is None:
            gap = max(bottom - caption.y1, caption.y0 - top)
        else:
            gap = max(bottom - previous[0], previous[1] - top)
        height = max(top - bottom, caption.size)
        if gap > (edge_gap if previous is None else 2.2 * height) or _is_prose(row, width):
            break
        if TABLE_CAPTION.match(row[0].text) or (taken and abs(row[0].size - taken[0][0].size) > 1.5):
            break
        taken.append(row)
        previous = (top, bottom)
    return taken


def find_tables(spans: list[Span], gutter: tuple[float, float] | None) -> tuple[list[TableRow], list[Span]]:
    """The rows of the page's captioned tables and the spans left over."""
    captions = [s for s in spans if TABLE_CAPTION.match(s.text)]
    if not captions:
        return [], spans
    left_edge, right_edge = min(s.x0 for s in spans), max(s.x1 for s in spans)
    used: set[int] = set()
    lines: list[TableRow] = []
    for number, caption in enumerate(sorted(captions, key=lambda s: -s.y1), start=1):
        same_row = [s for s in spans if abs((s.y0 + s.y1) - (caption.y0 + caption.y1)) < caption.size]
        reach = max([caption.x1] + [s.x1 for s in same_row if s.x0 >= caption.x0])
        if gutter is None or (caption.x0 < gutter[0] and reach > gutter[1]):
            low, high, column = left_edge, right_edge, 0
        elif reach <= gutter[1] + 2:
            low, high, column = left_edge, gutter[0] + 2, 1
        else:
            low, high, column = gutter[1] - 2, right_edge, 2
        inside = [s for s in spans if id(s) not in used and low <= (s.x0 + s.x1) / 2 <= high and s not in same_row
                  and not (len(s.text.strip()) == 1 and s.text.strip() in SPACING_ACCENTS)]
        above = [w for s in inside if s.y0 >= caption.y1 - 1 for w in _words(s)]
        below = [w for s in inside if s.y1 <= caption.y0 + 1 for w in _words(s)]
        table: list[list[Word]] = []
        for words, downward in ((above, False), (below, True)):
            rows = _rows(words)
            rows = rows if downward else rows[::-1]
            table = _walk(rows, caption, high - low)
            if len(table) >= 2 and any(len(_cells(r, [])) >= 2 for r in table):
                break
            table = []
        if not table:
            continue
        table.sort(key=lambda r: -max(w.y1 for w in r))
        top, bottom = max(w.y1 for w in table[0]), min(w.y0 for w in table[-1])
        # Every run inside the table's box is the table's, the accents over its headers included.
        used.update(id(s) for s in spans if low <= (s.x0 + s.x1) / 2 <= high and bottom - 1 <= (s.y0 + s.y1) / 2 <= top + 1)
        boundaries = _boundaries(table)
        for row in table:
            # A header row splits at the column rules too, unless a word of it spans one ('User activity
            # prediction' over four columns): then it is a spanning header and keeps its word gaps only.
            spanning = any(w.x0 < low and w.x1 > high for w in row for low, high in boundaries)
            cells = _cells(row, boundaries if _is_numeric_row(row) or not spanning else [])
            lines.append(TableRow(cells, min(w.x0 for w in row), min(w.y0 for w in row), max(w.x1 for w in row),
                                  max(w.y1 for w in row), max(w.size for w in row), column, number))
    return lines, [s for s in spans if id(s) not in used]
