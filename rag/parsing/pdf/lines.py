"""One printed line from its text runs: superscript footnote marks dropped, accents set as separate glyphs
composed, glyphs PDFium could not map resolved, and wide gaps kept as table cells. layout.py orders lines."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rag.parsing.pdf.reader import Span
from rag.parsing.pdf.words import SPACING_ACCENTS, clean_span_text

FOOTNOTE_MARKS = set("*∗†‡§¶‖#,0123456789abcdefg ")


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    page: int
    column: int = 0  # 0 single column or full width, 1 left, 2 right
    cells: list[str] = field(default_factory=list)  # pieces separated by wide gaps (table rows)
    spans: list[Span] = field(default_factory=list)
    table: int = 0  # a row of the page's n-th captioned table (tables.py), 0 for any other line


def _is_superscript(span: Span, line_size: float, baseline: float) -> bool:
    return span.size < 0.85 * line_size and span.y0 > baseline + 0.15 * line_size


def _compose_accents(spans: list[Span]) -> list[Span]:
    """Fold a lone spacing accent into the letter under it, so author names keep their diacritics."""
    accents = [s for s in spans if len(s.text.strip()) == 1 and s.text.strip() in SPACING_ACCENTS]
    if not accents:
        return spans
    out = [s for s in spans if s not in accents]
    for accent in accents:
        centre = (accent.x0 + accent.x1) / 2
        host = next((s for s in out if s.x0 - 1 <= centre <= s.x1 + 1 and s.text.strip()), None)
        if host is None:
            out.append(accent)
            continue
        # Characters of one run are near enough equal in width to find the letter under the accent.
        index = min(int((centre - host.x0) / max(host.x1 - host.x0, 1e-3) * len(host.text)), len(host.text) - 1)
        while index > 0 and not host.text[index].isalpha():
            index -= 1
        if host.text[index].isalpha():
            letter = unicodedata.normalize("NFC", host.text[index] + SPACING_ACCENTS[accent.text.strip()])
            host.text = host.text[:index] + letter + host.text[index + 1 :]
    return sorted(out, key=lambda s: s.x0)


UNMAPPED_NOT_IN_WORD = re.compile(r"\ufffd(?![a-z])")


def _unmapped_glyphs(text: str, last: bool) -> str:
    """PDFium's line-end hyphen (U+0002) can only end a line; inside one it is a glyph it could not
    map (LNCS's 'ffi' in 'di?culties'), marked U+FFFD for words.py to resolve."""
    if "\x02" not in text:
        return text
    body = text.rstrip()
    inner = body[:-1].replace("\x02", "\ufffd") + body[-1:] if last else body.replace("\x02", "\ufffd")
    return inner + text[len(body):]


def make_line(spans: list[Span], page: int, gap_cells: float) -> Line:
    """One line from runs at one height: words joined, footnote marks dropped, wide gaps kept as cells."""
    spans = _compose_accents(sorted(spans, key=lambda s: s.x0))
    main = max(spans, key=lambda s: len(s.text.strip()) * s.size)
    size, baseline = main.size, main.y0
    text, cells, cell = "", [], ""
    previous: Span | None = None
    for index, span in enumerate(spans):
        piece = clean_span_text(_unmapped_glyphs(span.text, index == len(spans) - 1))
        if _is_superscript(span, size, baseline):
            if set(piece) <= FOOTNOTE_MARKS and not (text and text.rstrip()[-1:].isdigit()):
                continue  # a footnote or affiliation mark, not content
            piece = "^" + piece.strip() if text[-1:].isdigit() else piece
        if previous is not None:
            gap = span.x0 - previous.x1
            if gap > gap_cells * size:
                cells.append(cell.strip())
                cell = ""
                text = text.rstrip() + "  "
            elif piece[:1] in ",;:)":
                text, cell = text.rstrip(), cell.rstrip()  # 'Oğuz∗, Sewon': a dropped mark left a gap
            elif gap > 0.15 * size and not text.endswith(" ") and not piece.startswith(" "):
                text += " "
                cell += " "
        text += piece
        cell += piece
        previous = span
    cells.append(cell.strip())
    if "\ufffd" in text:
        # Not inside a word: a line-end hyphen after all, with a mark or a sidebar's text set after it.
        text = UNMAPPED_NOT_IN_WORD.sub("-", text)
        cells = [UNMAPPED_NOT_IN_WORD.sub("-", c) for c in cells]
    bold_chars = sum(len(s.text) for s in spans if s.bold)
    return Line(
        text=" ".join(text.split()),
        x0=min(s.x0 for s in spans), y0=min(s.y0 for s in spans),
        x1=max(s.x1 for s in spans), y1=max(s.y1 for s in spans),
        size=size, bold=bold_chars >= 0.6 * sum(len(s.text) for s in spans),
        page=page, cells=[c for c in cells if c], spans=spans,
    )
