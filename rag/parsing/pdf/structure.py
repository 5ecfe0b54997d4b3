"""Lines in reading order -> paragraphs with their section and page, captions, tables and references.

Headings are recognised by what sets them apart on the page (bold or larger than running
text, short, numbered as printed or one of the few unnumbered names papers use), paragraphs by
vertical gaps, first-line indents and size changes, reference entries by their hanging indent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.parsing.pdf.layout import Line, PageLayout
from rag.parsing.pdf.tables import NUMERIC
from rag.parsing.pdf.words import Vocabulary, join_lines, normalise

NUMBERED_HEADING = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-H](?:\.\d{1,2}){0,2}\.?|[IVX]{1,4}\.)\s+[A-Z][^.]{1,80}")
NAMED_HEADING = re.compile(
    r"(?:abstract|references|bibliography|acknowledge?ments?|appendix(?:\s+\w+)?|conclusions?|introduction|"
    r"related work|background|discussion|limitations|ethics statement|supplementary material)\s*",
    re.I,
)
REFERENCES_HEADING = re.compile(r"(?:\d+\.?\s+)?(?:references|bibliography|literature cited)\s*", re.I)
APPENDIX_HEADING = re.compile(r"(?:appendix|supplementary|[A-H](?:\.\d+)*\.?\s)", re.I)
CAPTION = re.compile(r"(?:figure|fig\.|table)\s*[0-9IVX]+\s*[:.|]", re.I)
INLINE_ABSTRACT = re.compile(r"abstract\s*[.:—–-]\s*", re.I)
KEYWORDS = re.compile(r"(?:keywords|key words|index terms)\s*[:.—–-]", re.I)


@dataclass
class Para:
    kind: str  # text | caption | table | references | heading
    page: int
    section: str
    lines: list[Line] = field(default_factory=list)


def is_heading(line: Line, size: float) -> bool:
    text = line.text.strip()
    if len(text) > 90 or len(text) < 3 or text.endswith((",", ";")):
        return False
    emphasised = line.bold or line.size >= size + 0.8
    if not emphasised:
        return False
    return bool(NUMBERED_HEADING.fullmatch(text) or NAMED_HEADING.fullmatch(text))


def _column_lefts(pages: list[PageLayout]) -> dict[tuple[int, int], float]:
    lefts: dict[tuple[int, int], float] = {}
    for page in pages:
        for line in page.lines:
            if len(line.text) > 25:
                key = (page.number, line.column)
                lefts[key] = min(lefts.get(key, line.x0), line.x0)
    return lefts


def _is_tabular(line: Line) -> bool:
    tokens = line.text.split()
    numeric = sum(1 for t in tokens if NUMERIC.fullmatch(t.strip("()[],;")))
    return len(line.cells) >= 3 or (len(tokens) >= 3 and numeric >= 0.4 * len(tokens))


def paragraphs(pages: list[PageLayout], size: float, start: tuple[int, int]) -> list[Para]:
    """Paragraphs from (page index, line index) `start` on, each with the section it is in."""
    lefts = _column_lefts(pages)
    out: list[Para] = []
    section, in_refs = "", False
    previous: Line | None = None
    for page_index, page in enumerate(pages):
        first = start[1] if page_index == start[0] else 0
        if page_index < start[0]:
            continue
        for line in page.lines[first:]:
            text = line.text.strip()
            if is_heading(line, size):
                section = text
                in_refs = bool(REFERENCES_HEADING.fullmatch(text)) or (in_refs and not APPENDIX_HEADING.match(text))
                out.append(Para("heading", page.number, section, [line]))
                previous = line
                continue
            left = lefts.get((page.number, line.column), line.x0)
            current = out[-1] if out and out[-1].kind != "heading" else None
            if line.table:
                # Rows of a captioned table (tables.py) are one block whatever their spacing.
                if current is None or current.kind != "table" or current.lines[-1].table != line.table \
                        or current.page != page.number:
                    out.append(Para("table", page.number, section, [line]))
                else:
                    current.lines.append(line)
                previous = line
                continue
            if in_refs:
                # A reference entry starts at the column's edge; its continuation lines hang indented.
                new = current is None or line.x0 < left + 0.4 * line.size or _gap(previous, line) > 0.6 * line.size
                if new:
                    out.append(Para("references", page.number, section, [line]))
                else:
                    current.lines.append(line)
                previous = line
                continue
            if CAPTION.match(text):
                out.append(Para("caption", page.number, section, [line]))
            elif current is None or _breaks(previous, line, current, left, size):
                out.append(Para("text", page.number, section, [line]))
            else:
                current.lines.append(line)
            previous = line
    return out


def _gap(previous: Line | None, line: Line) -> float:
    if previous is None or previous.page != line.page or previous.column != line.column:
        return 0.0
    return previous.y0 - line.y1


def _breaks(previous: Line | None, line: Line, current: Para, left: float, size: float) -> bool:
    """Does `line` start a new paragraph after `previous`?"""
    if previous is None:
        return True
    if _is_tabular(line) != _is_tabular(previous):
        return True
    if _is_tabular(line) and previous.page == line.page and previous.column == line.column:
        return not 0 <= previous.y0 - line.y1 < 2.5 * line.size  # rows of one table stay together
    if abs(line.size - previous.size) > 0.8 and not current.kind == "caption":
        return True
    if previous.page != line.page or previous.column != line.column:
        # A paragraph runs on into the next column or page unless the last one ended a sentence.
        return previous.text.rstrip().endswith((".", "!", "?", ":")) and line.x0 > left + 0.8 * size
    if previous.y0 - line.y1 > 0.55 * line.size or line.y1 > previous.y1:
        return True
    return line.x0 > left + 0.8 * line.size and previous.x0 <= left + 0.8 * line.size and current.kind == "text"


def vocabulary(pages: list[PageLayout]) -> Vocabulary:
    return Vocabulary(line.text for page in pages for line in page.lines)


def render(para: Para, vocab: Vocabulary) -> str:
    if para.kind == "table":
        return "\n".join(" | ".join(normalise(c) for c in line.cells) if len(line.cells) > 1 else normalise(line.text)
                         for line in para.lines)
    return join_lines([line.text for line in para.lines], vocab)


def mark_tables_and_figures(paras: list[Para], size: float) -> list[Para]:
    """Tabular runs beside a 'Table n' caption become tables; the text inside figures is dropped."""
    out: list[Para] = []
    for index, para in enumerate(paras):
        if para.kind != "text":
            out.append(para)
            continue
        neighbours = [p for p in paras[max(index - 2, 0) : index + 3] if p.kind == "caption" and p.page == para.page]
        tabular = sum(_is_tabular(l) for l in para.lines) >= max(1, len(para.lines) // 2)
        short = all(len(l.text) < 40 for l in para.lines) and len(para.lines) <= 12
        if tabular and any(p.lines[0].text.lower().startswith("table") for p in neighbours):
            para.kind = "table"
        elif tabular and neighbours:
            para.kind = "table" if any(p.lines[0].text.lower().startswith("tab") for p in neighbours) else "figure"
        elif short and any(p.lines[0].text.lower().startswith("fig") for p in neighbours) and para.lines[0].size < size + 1:
            para.kind = "figure"
        if para.kind != "figure":
            out.append(para)
    return out
