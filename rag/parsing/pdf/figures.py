"""Pictures on a page and the text drawn inside them.

PDFium reports a text object inside a form XObject (an included PDF figure) in the form's own
coordinates, so the forms' matrices are collected to place that text on the page. A picture (an
image, or a form that draws) is a figure when a 'Figure N:' caption starts just above or below it;
the text inside a figure (axis ticks, a diagram's boxes) is then not the paper's prose.
"""

from __future__ import annotations

import ctypes
import re
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as raw

if TYPE_CHECKING:
    from rag.parsing.pdf.reader import Span

Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f: x' = a x + c y + e, y' = b x + d y + f


def _matrix(m) -> Matrix:
    return m.a, m.b, m.c, m.d, m.e, m.f


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    return (a * inner[0] + c * inner[1], b * inner[0] + d * inner[1], a * inner[2] + c * inner[3],
            b * inner[2] + d * inner[3], a * inner[4] + c * inner[5] + e, b * inner[4] + d * inner[5] + f)


def transform_box(m: Matrix, box: Box) -> Box:
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[0], box[3]), (box[2], box[1]), (box[2], box[3])):
        xs.append(m[0] * x + m[2] * y + m[4])
        ys.append(m[1] * x + m[3] * y + m[5])
    return min(xs), min(ys), max(xs), max(ys)


def form_texts_and_pictures(page: pdfium.PdfPage, buffer: raw.FS_MATRIX) -> tuple[dict[int, Matrix], list[Box]]:
    """Text objects inside form XObjects with each form's matrix, and the boxes of pictures.

    A picture is an image, or a form that draws (paths or images, not only text), of at least
    40 x 40 pt and at most half the page: not a full-page wrapper, a logo or a footer.
    """
    inner: dict[int, Matrix] = {}
    figures: list[Box] = []
    width, height = page.get_size()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))

    def is_picture(box: Box) -> bool:
        w, h = box[2] - box[0], box[3] - box[1]
        return w >= 40 and h >= 40 and w * h <= 0.5 * width * height

    def walk(container, matrix: Matrix, depth: int) -> bool:
        draws = False
        for index in range(raw.FPDFFormObj_CountObjects(container)):
            child = raw.FPDFFormObj_GetObject(container, index)
            kind = raw.FPDFPageObj_GetType(child)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                inner[ctypes.cast(child, ctypes.c_void_p).value] = matrix
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
                raw.FPDFPageObj_GetMatrix(child, buffer)
                draws |= walk(child, _compose(matrix, _matrix(buffer)), depth + 1)
            else:
                draws = True
        return draws

    for index in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_IMAGE):
            continue
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        box = (left.value, bottom.value, right.value, top.value)
        draws = kind == raw.FPDF_PAGEOBJ_IMAGE
        if kind == raw.FPDF_PAGEOBJ_FORM:
            raw.FPDFPageObj_GetMatrix(obj, buffer)
            draws = walk(obj, _matrix(buffer), 1)
        if draws and is_picture(box):
            figures.append(box)
    return inner, figures


FIGURE_CAPTION = re.compile(r"\s*(?:figure|fig\.)\s*\d+\s*[:.|]", re.I)


def captioned_figures(pictures: list[Box], spans: list[Span]) -> list[Box]:
    """The pictures that are a paper's figures: a 'Figure N:' caption starts just above or below them.

    A report's coloured panels and photos behind its text are pictures too, but carry no caption.
    """
    captions = [s for s in spans if FIGURE_CAPTION.match(s.text)]
    return [
        box for box in pictures
        if any(min(c.x1, box[2]) > max(c.x0, box[0]) and -3 * c.size < box[1] - c.y1 < 6 * c.size
               or min(c.x1, box[2]) > max(c.x0, box[0]) and -3 * c.size < c.y0 - box[3] < 6 * c.size
               for c in captions)
    ]
