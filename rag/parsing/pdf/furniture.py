"""Page furniture: what is printed on every page (or at a page's edge) and is not the paper's text.

Recognised structurally: a line repeated at the same height on several pages, a bare number at
the top or bottom of a page, numbers in the margin beside the text (a review copy's line-number
gutter), the small print under page 1's columns, and a running head seen once: an edge line,
set apart from the text, that pairs a page number with the paper's own authors or title words.
"""

from __future__ import annotations

import re
from collections import Counter

from rag.parsing.pdf.layout import Line, PageLayout, body_size, page_lines
from rag.parsing.pdf.reader import RawDocument, RawPage

PAGE_NUMBER = re.compile(r"(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:/|of)\s*\d{1,4})?", re.I)


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.casefold())


def split_furniture(pages: list[tuple[RawPage, list[Line]]], size: float) -> list[tuple[list[Line], list[Line]]]:
    """(body, furniture) per page: repeated headers/footers, page numbers, margin numbers, page-1 small print."""
    repeats: Counter[tuple[str, int]] = Counter()
    for page, lines in pages:
        for line in lines:
            repeats[(_furniture_key(line), round(line.y0 / 8))] += 1
    out = []
    for page, lines in pages:
        text_lines = [l for l in lines if len(l.text) > 20]
        left = min((l.x0 for l in text_lines), default=0.0)
        right = max((l.x1 for l in text_lines), default=page.width)
        top = max((l.y1 for l in text_lines), default=page.height)
        bottom = min((l.y0 for l in text_lines), default=0.0)
        body, furniture = [], []
        for line in lines:
            edge = line.y0 >= top - 1 or line.y1 <= bottom + 1 or line.y0 > page.height * 0.92 or line.y1 < page.height * 0.08
            margin_number = line.text.isdigit() and (line.x1 < left - 2 or line.x0 > right + 2)
            repeated = len(pages) > 2 and repeats[(_furniture_key(line), round(line.y0 / 8))] >= max(2, len(pages) // 3)
            page_number = edge and PAGE_NUMBER.fullmatch(line.text.strip()) is not None
            if margin_number or page_number or (repeated and edge):
                furniture.append(line)
            else:
                body.append(line)
        if page.number == 1:
            body, small_print = _first_page_small_print(body, size)
            furniture += small_print
        out.append((body, furniture))
    return out


def _first_page_small_print(lines: list[Line], size: float) -> tuple[list[Line], list[Line]]:
    """Small full-width lines under the columns of page 1: the proceedings line and copyright notice."""
    columned = [l for l in lines if l.column]
    if not columned:
        return lines, []
    lowest = min(l.y0 for l in columned)
    small = [l for l in lines if l.column == 0 and l.y1 < lowest and l.size < size - 0.4]
    return [l for l in lines if l not in small], small


def layout(document: RawDocument) -> tuple[list[PageLayout], float]:
    size = body_size(document)
    read = [(page, *page_lines(page, size)) for page in document.pages]
    split = split_furniture([(page, lines) for page, lines, _ in read], size)
    pages = [
        PageLayout(page.number, page.width, page.height, body, furniture, stamps)
        for (page, _, stamps), (body, furniture) in zip(read, split)
    ]
    return pages, size
