"""A PDF's footnotes as records: the small print at the foot of a page's column, each opened by a raised mark
('7http://rtw.ml.cmu.edu/rtw/', '∗Equal contribution'), with the words the same mark follows in the running text.

lines.py drops raised marks from a line's text (they are not words of it); the runs are kept on the line, so the marks
are read here from them. A footnote is found by where and how it is set, not by what it says: the lines of a column
below its last line of running text, set smaller than it, the first of them opening with a raised mark.
"""

from __future__ import annotations

import re

from rag.parsing.pdf.layout import PageLayout
from rag.parsing.pdf.lines import Line, make_line
from rag.parsing.pdf.reader import Span
from rag.parsing.pdf.structure import Para
from rag.parsing.pdf.words import Vocabulary, join_lines
from rag.printed import Footnote, Printed

_MARK = re.compile(r"[∗*†‡§¶‖#]{1,2}|\d{1,2}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def _raised(span: Span, line: Line) -> bool:
    """A run set smaller than the line's text and above its baseline (lines.py's test for a dropped mark)."""
    main = max(line.spans, key=lambda s: len(s.text.strip()) * s.size)
    return span is not main and span.size < 0.85 * main.size and span.y0 > main.y0 + 0.15 * main.size


def _marks(span: Span) -> list[str]:
    """'4,8' -> ['4', '8']; a raised run that is no mark ('PECTER' in small capitals, '(i)') -> []."""
    parts = [p.strip() for p in span.text.split(",")]
    return parts if parts and all(_MARK.fullmatch(p) for p in parts) else []


def _runs(line: Line) -> list[tuple[str, list[str]]]:
    """The line cut at its raised marks: (the words before a mark, the marks) pairs, the last with no marks."""
    out: list[tuple[str, list[str]]] = []
    start = 0
    for index, span in enumerate(line.spans):
        marks = _marks(span) if _raised(span, line) else []
        if marks:
            before = line.spans[start:index]
            out.append((make_line(before, line.page, gap_cells=99.0).text if before else "", marks))
            start = index + 1
    rest = line.spans[start:]
    out.append((make_line(rest, line.page, gap_cells=99.0).text if rest else "", []))
    return out


def _anchors(paras: list[Para], vocab: Vocabulary, small_print: set[int]) -> dict[tuple[int, str], tuple[str, str]]:
    """(page, mark) -> (the words the mark follows, the section it stands in), first sighting on the page kept; the
    footnotes' own lines (`small_print`, by id) are not running text."""
    found: dict[tuple[int, str], tuple[str, str]] = {}
    for para in paras:
        if para.kind not in ("text", "caption"):
            continue
        said: list[str] = []
        for line in para.lines:
            if id(line) in small_print:
                continue
            if not line.spans:
                said.append(line.text)
                continue
            for words, marks in _runs(line):
                said.append(words)
                if not marks:
                    continue
                text = _SENTENCE_END.split(join_lines(said, vocab))[-1].strip(" ,;:")
                for mark in marks:
                    found.setdefault((line.page, mark), (text, para.section))
                said = []  # the next mark's words start after this one ('…papers,10 meaningful citations dataset,11')
    return found


def _zone(lines: list[Line], size: float) -> list[Line]:
    """The footnote lines of one column: its trailing lines set smaller than running text, from the first that opens
    with a raised mark."""
    start = len(lines)
    while start > 0 and lines[start - 1].spans and lines[start - 1].size < 0.92 * size and not lines[start - 1].table:
        start -= 1
    tail = lines[start:]
    opening = next((i for i, line in enumerate(tail) if _opens(line)), None)
    return tail[opening:] if opening is not None else []


def _opens(line: Line) -> list[str]:
    first = line.spans[0] if line.spans else None
    return _marks(first) if first is not None and _raised(first, line) and len(line.spans) > 1 else []


def read_footnotes(pages: list[PageLayout], size: float, paras: list[Para], vocab: Vocabulary) -> list[Footnote]:
    """Every footnote of the document in page order, each with its mark, words, page and line, and the words and
    section its mark follows in the text when the text prints the mark."""
    zones = {(page.number, column): _zone([line for line in page.lines if line.column == column], size)
             for page in pages for column in sorted({line.column for line in page.lines})}
    anchors = _anchors(paras, vocab, {id(line) for zone in zones.values() for line in zone})
    notes: list[Footnote] = []
    for page in pages:
        numbers = {id(line): index for index, line in enumerate(page.lines, start=1)}
        for column in sorted({line.column for line in page.lines}):
            current: tuple[str, list[str], Line] | None = None
            for line in zones[(page.number, column)]:
                mark = _opens(line)
                if mark:
                    if current is not None:
                        notes.append(_note(*current, numbers, anchors, vocab))
                    current = (mark[0], [make_line(line.spans[1:], line.page, gap_cells=99.0).text], line)
                elif current is not None:
                    current[1].append(line.text)
            if current is not None:
                notes.append(_note(*current, numbers, anchors, vocab))
    return notes


def _note(mark: str, lines: list[str], first: Line, numbers: dict[int, int],
          anchors: dict[tuple[int, str], tuple[str, str]], vocab: Vocabulary) -> Footnote:
    anchor, section = anchors.get((first.page, mark), ("", ""))
    return Footnote(mark=mark, text=join_lines(lines, vocab), anchor=anchor, section=section,
                    printed=Printed(text=first.text, page=first.page, line=numbers.get(id(first))))
