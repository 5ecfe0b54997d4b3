"""Text runs of a PDF with their boxes, sizes and weights, read with PDFium (pypdfium2).

Why PDFium's text objects and not its characters: a pdfTeX page has ~4,500 characters but only
~150-250 text objects (one per TJ run, usually a line or a line piece), and the layout code needs
no finer grain: lines, columns and headings are made of runs. Asking each object for its text
(FPDFTextObj_GetText) is quadratic inside PDFium, though: it scans the whole text page for the
object's characters, ~80 us per object. So the text page is walked once instead, asking which
object each character belongs to (a page's objects own contiguous character ranges), and each
range's text comes with one call.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from rag.parsing.errors import ParseError
from rag.parsing.pdf.figures import Box, Matrix, form_texts_and_pictures, transform_box


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
    # (x0, x1, word) inside the run, read only on pages that print a 'Table N' caption: pdfTeX sets a
    # whole table row as one run, and its columns are the gaps between these words.
    words: list[tuple[float, float, str]] | None = None

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(slots=True)
class RawPage:
    number: int  # 1-based
    width: float
    height: float
    spans: list[Span]
    figures: list[Box] = field(default_factory=list)  # images and drawing forms: maybe figures


@dataclass(slots=True)
class RawDocument:
    pages: list[RawPage]
    metadata: dict[str, str]


TABLE_CAPTION = re.compile(r"\s*table\s*[0-9IVX]+\s*[:.|]", re.I)


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


# The text-object lookup returns a bare address, so that characters compare as plain ints.
_OBJECT_OF_CHAR = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value)


class _PageReader:
    """Reads the text objects of one page through PDFium's C API with reused buffers."""

    def __init__(self, fonts: _Fonts) -> None:
        self.fonts = fonts
        self.capacity = 2048
        self.buffer = (ctypes.c_ushort * self.capacity)()
        self.left, self.bottom, self.right, self.top = (ctypes.c_float() for _ in range(4))
        self.matrix = raw.FS_MATRIX()
        self.font_size = ctypes.c_float()
        self.char_box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top

    def _text(self, textpage, start: int, count: int) -> str:
        if count + 1 > self.capacity:
            self.capacity = count + 1
            self.buffer = (ctypes.c_ushort * self.capacity)()
        written = raw.FPDFText_GetText(textpage, start, count, self.buffer)  # UTF-16 units, NUL included
        if written <= 1:
            return ""
        # PDFium marks a hyphen it judges to end a line as U+FFFE in this call (U+0002 per character).
        return ctypes.string_at(self.buffer, (written - 1) * 2).decode("utf-16-le", "replace").replace("\ufffe", "\x02")

    def _span(self, obj: int, text: str, form: Matrix | None) -> Span:
        handle = ctypes.cast(obj, raw.FPDF_PAGEOBJECT)
        raw.FPDFPageObj_GetBounds(handle, self.left, self.bottom, self.right, self.top)
        raw.FPDFPageObj_GetMatrix(handle, self.matrix)
        raw.FPDFTextObj_GetFontSize(handle, self.font_size)
        m = self.matrix
        a, b, c, d = m.a, m.b, m.c, m.d
        box = (self.left.value, self.bottom.value, self.right.value, self.top.value)
        if form is not None:
            # Inside a form XObject PDFium reports the object in the form's own space.
            box = transform_box(form, box)
            a, b, c, d = form[0] * a + form[2] * b, form[1] * a + form[3] * b, form[0] * c + form[2] * d, form[1] * c + form[3] * d
        scale = math.sqrt(abs(a * d - b * c)) or 1.0
        font = raw.FPDFTextObj_GetFont(handle)
        return Span(
            text=text, x0=box[0], y0=box[1], x1=box[2], y1=box[3],
            size=round(self.font_size.value * scale, 2),
            bold=self.fonts.is_bold(font) if font else False,
            vertical=abs(b) > abs(a),
        )

    def read(self, page: pdfium.PdfPage) -> tuple[list[Span], list[Box]]:
        inner, figures = form_texts_and_pictures(page, self.matrix)
        textpage = page.get_textpage()
        try:
            handle = textpage.raw
            address = ctypes.cast(handle, ctypes.c_void_p).value
            spans: list[Span] = []
            ranges: list[tuple[int, int]] = []
            for obj, first, last in object_runs(partial(_OBJECT_OF_CHAR, address), raw.FPDFText_CountChars(handle)):
                text = self._text(handle, first, last - first + 1)
                if text.strip():
                    spans.append(self._span(obj, text, inner.get(obj)))
                    ranges.append((first, last))
            if any(TABLE_CAPTION.match(span.text) for span in spans):
                for span, (first, last) in zip(spans, ranges):
                    # Character i of the text is character first + i of the page unless PDFium folded some.
                    if " " in span.text.strip() and not span.vertical and len(span.text) == last - first + 1:
                        span.words = self._words(handle, span.text, first)
            return spans, figures
        finally:
            textpage.close()

    def _words(self, textpage, text: str, first: int) -> list[tuple[float, float, str]]:
        """Each word's left and right edge, from the boxes of its first and last character."""
        words = []
        for found in re.finditer(r"\S+", text):
            raw.FPDFText_GetCharBox(textpage, first + found.start(), self.char_box[0], self.char_box[1], self.char_box[2], self.char_box[3])
            left = self.char_box[0].value
            raw.FPDFText_GetCharBox(textpage, first + found.end() - 1, self.char_box[0], self.char_box[1], self.char_box[2], self.char_box[3])
            words.append((left, self.char_box[1].value, found.group()))
        return words


def object_runs(owner: Callable[[int], int | None], count: int) -> Iterator[tuple[int, int, int]]:
    """(object, first, last character index) of each text object, in text-page order.

    A page's objects own contiguous character ranges, broken only by generated characters (the
    spaces PDFium infers between words, owner None). So a run's end is found by galloping and
    bisection: ~2 log2(n) lookups for an n-character object instead of n (~25 per pdfTeX line).
    """

    def settle(index: int, limit: int) -> tuple[int, int | None]:
        # The first character at or after `index` (before `limit`) that has an owner.
        while index < limit:
            found = owner(index)
            if found:
                return index, found
            index += 1
        return limit, None

    index = 0
    while index < count:
        index, obj = settle(index, count)
        if obj is None:
            return
        low, high, step = index, count, 1  # owner(low) is obj; nothing of obj at or after high
        while low + step < high:
            probe, found = settle(low + step, high)
            if found != obj:
                high = low + step
                break
            low, step = probe, step * 2
        while high - low > 1:
            middle = (low + high) // 2
            probe, found = settle(middle, high)
            if found == obj:
                low = probe
            else:
                high = middle
        yield obj, index, low
        index = low + 1


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
                pages.append(RawPage(index + 1, width, height, *reader.read(page)))
            finally:
                page.close()
    finally:
        document.close()
    return RawDocument(pages, metadata)
