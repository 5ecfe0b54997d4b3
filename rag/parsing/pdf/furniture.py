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


EDGE_NUMBER = re.compile(r"(?P<lead>\d{1,4})\s+(?P<rest>\D.*)|(?P<text>.*\D)\s+(?P<trail>\d{1,4})")
TITLE_WORD = re.compile(r"[A-Za-z]{3,}")


def _running_head_text(text: str, surnames: set[str], title_words: set[str]) -> bool:
    """'2 Z. Shen et al.', 'LayoutParser: A Unified Toolkit for DL-Based DIA 3': a page number with the
    paper's own authors or title words, and nothing else."""
    found = EDGE_NUMBER.fullmatch(text.strip())
    if not found:
        return False
    rest = found.group("rest") or found.group("text") or ""
    words = rest.split()
    if not 1 <= len(words) <= 12:
        return False
    tokens = {w.strip(".,:;").casefold() for w in words}
    if "al" in tokens and "et" in tokens or tokens & surnames:
        return True
    named = [w for w in TITLE_WORD.findall(rest) if w.casefold() in title_words]
    return len(named) >= 2 and len(named) >= 0.6 * len(TITLE_WORD.findall(rest))


def drop_running_heads(pages: list[PageLayout], surnames: set[str], title: str | None) -> None:
    """Move a running head seen only once (too rare to repeat) from the body of pages 2.. to furniture.

    Only a page's first or last line can be one, and only when it stands apart from the text by more
    than a line's height: a first line of prose that opens with a number ('37], layout detection')
    sits at normal line spacing and stays.
    """
    title_words = {w.casefold() for w in TITLE_WORD.findall(title or "")}
    for page in pages[1:]:
        if len(page.lines) < 2:
            continue
        by_height = sorted(page.lines, key=lambda l: -l.y1)
        for edge, neighbour in ((by_height[0], by_height[1]), (by_height[-1], by_height[-2])):
            gap = edge.y0 - neighbour.y1 if edge is by_height[0] else neighbour.y0 - edge.y1
            if gap > 1.2 * max(edge.size, neighbour.size) and _running_head_text(edge.text, surnames, title_words):
                page.lines.remove(edge)
                page.furniture.append(edge)
