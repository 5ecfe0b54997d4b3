"""Text runs of a PDF with their boxes, sizes and weights, read with PDFium (pypdfium2).

Why PDFium's page objects and not its characters: a pdfTeX page has ~4,500 characters but only
~150-250 text objects (one per TJ run, usually a line or a line piece), so asking for each
object's text, box, size and font costs about a tenth of the ctypes calls of a per-character
walk. The layout code needs no finer grain: lines, columns and headings are made of runs.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from rag.parsing.errors import ParseError


@dataclass(slots=True)
class Span:
    """One text run on a page, in PDF user space (points, y grows upwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # effective font size: the text state's size times the object's scale
    bold: bool
    vertical: bool = False  # written along the page's height, e.g. an arXiv stamp in the margin

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(slots=True)
class RawPage:
    number: int  # 1-based
    width: float
    height: float
    spans: list[Span]


@dataclass(slots=True)
class RawDocument:
    pages: list[RawPage]
    metadata: dict[str, str]


def _load(path: Path, shown: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            raise ParseError(f"{shown}: the PDF is encrypted with a password; save an unlocked copy and add that") from None
        if "security" in message.lower():
            raise ParseError(f"{shown}: the PDF uses an encryption scheme that cannot be opened ({message})") from None
        raise ParseError(f"{shown}: not a readable PDF (damaged or truncated?): {message}") from None


class _Fonts:
    """Font facts by handle: weight and name lookups are per font, not per run."""

    def __init__(self) -> None:
        self.bold: dict[int, bool] = {}
        self.name_buffer = ctypes.create_string_buffer(256)

    def is_bold(self, font) -> bool:
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in self.bold:
            weight = raw.FPDFFont_GetWeight(font)
            length = raw.FPDFFont_GetBaseFontName(font, self.name_buffer, 256)
            name = self.name_buffer.raw[: max(length - 1, 0)].decode("latin-1").lower()
            # Type1 names carry the weight (NimbusRomNo9L-Medi, Times-Bold, CMBX10); the weight field is often unset.
            self.bold[key] = weight >= 600 or any(tag in name for tag in ("bold", "medi", "black", "heavy", "cmbx", "semibold"))
        return self.bold[key]


class _PageReader:
    """Reads the text objects of one page through PDFium's C API with reused buffers."""

    def __init__(self, fonts: _Fonts) -> None:
        self.fonts = fonts
        self.capacity = 2048
        self.buffer = (ctypes.c_ushort * self.capacity)()
        self.left, self.bottom, self.right, self.top = (ctypes.c_float() for _ in range(4))
        self.matrix = raw.FS_MATRIX()
        self.font_size = ctypes.c_float()

    def _text(self, obj, textpage) -> str:
        # PDFium counts this buffer in bytes (UTF-16LE, NUL included), not in code units.
        needed = raw.FPDFTextObj_GetText(obj, textpage, self.buffer, self.capacity * 2)
        if needed > self.capacity * 2:
            self.capacity = needed // 2 + 1
            self.buffer = (ctypes.c_ushort * self.capacity)()
            needed = raw.FPDFTextObj_GetText(obj, textpage, self.buffer, self.capacity * 2)
        if needed <= 2:
            return ""
        return ctypes.string_at(self.buffer, needed - 2).decode("utf-16-le", "replace")

    def _span(self, obj, textpage) -> Span | None:
        text = self._text(obj, textpage)
        if not text.strip():
            return None
        raw.FPDFPageObj_GetBounds(obj, self.left, self.bottom, self.right, self.top)
        raw.FPDFPageObj_GetMatrix(obj, self.matrix)
        raw.FPDFTextObj_GetFontSize(obj, self.font_size)
        m = self.matrix
        scale = math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
        font = raw.FPDFTextObj_GetFont(obj)
        return Span(
            text=text,
            x0=self.left.value, y0=self.bottom.value, x1=self.right.value, y1=self.top.value,
            size=round(self.font_size.value * scale, 2),
            bold=self.fonts.is_bold(font) if font else False,
            vertical=abs(m.b) > abs(m.a),
        )

    def _walk(self, container, count, get, textpage, spans: list[Span], depth: int) -> None:
        for index in range(count(container)):
            obj = get(container, index)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                span = self._span(obj, textpage)
                if span:
                    spans.append(span)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
                self._walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, textpage, spans, depth + 1)

    def read(self, page: pdfium.PdfPage) -> list[Span]:
        textpage = page.get_textpage()
        spans: list[Span] = []
        try:
            self._walk(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, textpage.raw, spans, 0)
        finally:
            textpage.close()
        return spans


def read_document(path: Path, shown: str) -> RawDocument:
    """Every page's text runs and the document information dictionary, or a ParseError saying why not."""
    document = _load(path, shown)
    try:
        try:
            metadata = {key.lower(): value.strip() for key, value in document.get_metadata_dict().items() if value}
        except pdfium.PdfiumError:
            metadata = {}
        fonts = _Fonts()
        reader = _PageReader(fonts)
        pages = []
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as error:
                raise ParseError(f"{shown}: page {index + 1} cannot be read (damaged PDF?): {error}") from None
            try:
                width, height = page.get_size()
                pages.append(RawPage(index + 1, width, height, reader.read(page)))
            finally:
                page.close()
    finally:
        document.close()
    return RawDocument(pages, metadata)
