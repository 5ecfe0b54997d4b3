"""From text runs to lines in reading order: rows, columns and the gutter between them found by geometry.

A page is read as bands: a line that crosses the column gutter (a title, a full-width table or
caption, a centred footer) closes a band, and inside a band the left column is read before the
right one. Page furniture (headers, footers, page numbers) is set aside in furniture.py.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rag.parsing.pdf.figures import captioned_figures
from rag.parsing.pdf.lines import Line, make_line
from rag.parsing.pdf.reader import RawDocument, RawPage, Span
from rag.parsing.pdf.tables import TableRow, find_tables
from rag.parsing.pdf.words import clean_span_text

@dataclass(slots=True)
class PageLayout:
    number: int
    width: float
    height: float
    lines: list[Line]  # body lines in reading order
    furniture: list[Line]  # running headers/footers, page numbers, small print under page 1's columns
    stamps: list[str]  # text written sideways in the margin (the arXiv stamp)


def body_size(document: RawDocument) -> float:
    """The font size most characters are set in: the size of running text."""
    counts: Counter[float] = Counter()
    for page in document.pages:
        for span in page.spans:
            if not span.vertical:
                counts[round(span.size * 2) / 2] += len(span.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def _anchor_rank(span: Span) -> tuple[bool, float]:
    return len(span.text.strip()) > 1, round(span.size * 2) / 2


def group_rows(spans: list[Span]) -> list[list[Span]]:
    """Runs that share a height, top to bottom; a superscript joins the row it sits on."""
    rows: list[list[Span]] = []
    extents: list[tuple[float, float]] = []
    anchors: list[Span] = []  # the run whose box is the row's extent
    words: list[list[Span]] = []  # each row's runs of more than one character
    active: list[int] = []  # rows a later run can still join: runs come top down, so rows above are done
    reach = 0.25 * max((s.size for s in spans), default=0.0)
    for span in sorted(spans, key=lambda s: (-s.y1, s.x0)):
        active = [i for i in active if extents[i][0] <= span.y1 + reach]
        is_word = len(span.text.strip()) > 1
        centre = (span.y0 + span.y1) / 2
        for index in active:
            low, high = extents[index]
            overlap = min(high, span.y1) - max(low, span.y0)
            # A comma's box sits below the baseline: its centre, not its overlap, places it on its row.
            same_height = overlap > 0.5 * min(high - low, span.height or 1.0) or low - 0.25 * span.size <= centre <= high
            # Two runs over the same x are two lines, however close their heights (10pt abstract beside 11pt text).
            # Accents and marks (one character) may overlap the letters they sit on.
            if same_height and not (is_word and any(
                    min(s.x1, span.x1) - max(s.x0, span.x0) > 2 for s in words[index])):
                rows[index].append(span)
                if is_word:
                    words[index].append(span)
                # The row takes the extent of its largest word (not a superscript or a spacing accent that
                # came first: an accent is set at text size but its box is a sliver above the letter), and
                # never the union of all, so that rows do not creep into the next line.
                if _anchor_rank(span) > _anchor_rank(anchors[index]):
                    extents[index], anchors[index] = (span.y0, span.y1), span
                break
        else:
            active.append(len(rows))
            rows.append([span])
            extents.append((span.y0, span.y1))
            anchors.append(span)
            words.append([span] if is_word else [])
    return rows


def find_gutter(spans: list[Span], width: float, size: float) -> tuple[float, float] | None:
    """The empty vertical strip between two columns of running text, if the page has two."""
    text = [s for s in spans if abs(s.size - size) < 0.6 and len(s.text) > 3]
    total = sum(len(s.text) for s in text)
    if total < 400:
        return None
    step, base = 2.0, width * 0.3
    count = int(width * 0.4 / step)
    xs = [base + step * i for i in range(count)]
    # Characters crossing, and wholly left of, each candidate x: difference arrays, one pass over the runs.
    crossing_at, left_at = [0] * (count + 1), [0] * (count + 1)
    for span in text:
        first = max(math.floor((span.x0 - base) / step) + 1, 0)  # first x with span.x0 < x
        end = min(math.ceil((span.x1 - base) / step), count)  # first x with x >= span.x1
        if first < end:
            crossing_at[first] += len(span.text)
            crossing_at[end] -= len(span.text)
        left_at[max(end, 0)] += len(span.text)
    best = None
    crossing = left = 0
    for index, x in enumerate(xs):
        crossing += crossing_at[index]
        left += left_at[index]
        if crossing <= 0.05 * total:
            if min(left, total - left - crossing) > 0.1 * total:
                best = best or [x, x]
                best[1] = x
        elif best:
            break
    if not best:
        return None
    # Widen to the real strip: the right edge of left-column text and the left edge of the right column.
    mid = (best[0] + best[1]) / 2
    left_edge = max((s.x1 for s in text if s.x1 <= mid), default=mid)
    right_edge = min((s.x0 for s in text if s.x0 >= mid), default=mid)
    return (min(left_edge, mid), max(right_edge, mid))


def _column(line_spans: list[Span], gutter: tuple[float, float] | None) -> int:
    if gutter is None:
        return 0
    low, high = gutter
    x0, x1 = min(s.x0 for s in line_spans), max(s.x1 for s in line_spans)
    if x1 <= high + 2 and x0 < low:
        return 1
    if x0 >= low - 2 and x1 > high:
        return 2
    return 0


def _extent(row: list[Span]) -> tuple[float, float]:
    anchor = max(row, key=_anchor_rank)
    return anchor.y0, anchor.y1


def _column_rows(spans: list[Span], gutter: tuple[float, float] | None, size: float) -> list[list[Span]]:
    """Rows of a page, each column's rows found on their own.

    Grouping both columns at once lets a raised footnote mark at the end of a left-column line
    join the left line above it, because the row's height was set by a right-column line that sits
    between the two. So each side is grouped alone, and a left and a right row at one height become
    one row only when the text runs on across the gutter (a title, a centred author line).
    """
    if gutter is None:
        return group_rows(spans)
    middle = (gutter[0] + gutter[1]) / 2
    left = group_rows([s for s in spans if (s.x0 + s.x1) / 2 < middle])
    right = group_rows([s for s in spans if (s.x0 + s.x1) / 2 >= middle])
    right_extents = [_extent(row) for row in right]
    # Right rows by 8 pt bands of height, so that each left row meets only the right rows beside it.
    bands: dict[int, list[int]] = {}
    for index, (low, high) in enumerate(right_extents):
        for band in range(int(low // 8), int(high // 8) + 1):
            bands.setdefault(band, []).append(index)
    taken: set[int] = set()
    rows: list[list[Span]] = []
    for row in left:
        low, high = _extent(row)
        near = sorted({i for band in range(int(low // 8), int(high // 8) + 1) for i in bands.get(band, ())})
        for index in near:
            other = right[index]
            if index in taken:
                continue
            other_low, other_high = right_extents[index]
            if min(high, other_high) - max(low, other_low) <= 0.5 * min(high - low, other_high - other_low):
                continue
            crossing = any(s.x0 < gutter[0] - 2 and s.x1 > gutter[1] + 2 for s in row + other)
            if crossing or min(s.x0 for s in other) - max(s.x1 for s in row) <= 0.5 * size:
                row = row + other
                taken.add(index)
                break
        rows.append(row)
    rows += [row for index, row in enumerate(right) if index not in taken]
    return rows


def _table_line(row: TableRow, page: int) -> Line:
    return Line(text=" ".join(row.cells), x0=row.x0, y0=row.y0, x1=row.x1, y1=row.y1, size=row.size, bold=False,
                page=page, column=row.column, cells=row.cells, table=row.table)


def page_lines(page: RawPage, size: float) -> tuple[list[Line], list[str]]:
    """Lines of a page in reading order (before furniture is removed) and its sideways margin text."""
    flat = [s for s in page.spans if not s.vertical and (s.text.isprintable() or clean_span_text(s.text).strip())]
    figures = captioned_figures(page.figures, flat)
    if figures:
        # Labels drawn inside a figure (axis ticks, boxes of a diagram) are not the paper's prose.
        flat = [s for s in flat if not any(x0 - 1 <= (s.x0 + s.x1) / 2 <= x1 + 1 and y0 - 1 <= (s.y0 + s.y1) / 2 <= y1 + 1
                                           for x0, y0, x1, y1 in figures)]
    stamps = [" ".join(clean_span_text(s.text).split()) for s in page.spans if s.vertical]
    # The page's own text size: reference pages are set smaller than the body, and have columns too.
    sizes: Counter[float] = Counter()
    for span in flat:
        sizes[round(span.size * 2) / 2] += len(span.text)
    gutter = find_gutter(flat, page.width, sizes.most_common(1)[0][0] if sizes else size)
    rows, flat = find_tables(flat, gutter)
    lines = [_table_line(row, page.number) for row in rows]
    for part in _column_rows(flat, gutter, size):
        line = make_line(part, page.number, gap_cells=1.0)
        line.column = _column(part, gutter)
        lines.append(line)
    return reading_order(lines), stamps


def reading_order(lines: list[Line]) -> list[Line]:
    """Full-width lines close bands; inside a band the left column is read before the right."""
    ordered: list[Line] = []
    band: list[Line] = []
    for line in sorted(lines, key=lambda l: -l.y1):
        if line.column == 0:
            ordered += sorted(band, key=lambda l: (l.column, -l.y1))
            band = []
            ordered.append(line)
        else:
            band.append(line)
    return ordered + sorted(band, key=lambda l: (l.column, -l.y1))
