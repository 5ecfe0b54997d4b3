"""Marks after author names, read from the runs rather than the line text (lines.py drops superscripts from
text): a run set smaller than its line and raised above its baseline, a few characters long. A mark follows
the name it belongs to, but typesetters kern it over the comma after the name ('Karpukhin∗,' sets ∗ at the
comma's x), so a mark sorts just before a run that starts under it; a mark typed after the comma
('Downey,‡ Jason') is moved back to the name before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.parsing.pdf.layout import Line
from rag.parsing.pdf.words import normalise
from rag.records import Author, normalize_title

SEPARATOR = "\x1f"  # between two names, where the page sets a wide gap or a mark and a space instead of a comma
_ENVELOPE = "✉"  # the corresponding author's mark, as Springer's LNCS sets it after a name
# The envelope is often drawn, not typed: its brackets are left with a glyph-wide gap between them ('Zejiang Shen
# ( )'), or a symbol font maps it to 'B' ('(B)'). Brackets around nothing but that, right after a name, are the mark
# (a typed one may carry the emoji variation selector U+FE0F).
_BRACKETED_ENVELOPE = re.compile(r"\(\s*" + SEPARATOR + r"?\s*(?:B|✉\ufe0f?)?\s*\)")


def _raised(span, line: Line) -> bool:
    return span.size < 0.85 * line.size and span.y0 > _baseline(line) + 0.15 * line.size


def _baseline(line: Line) -> float:
    main = max(line.spans, key=lambda s: len(s.text.strip()) * s.size)
    return main.y0


def split_marks(text: str) -> list[str]:
    """'†,‡' -> ['†', '‡']; '1,2' -> ['1', '2']; '12' -> ['12']; '∗†' -> ['∗', '†']."""
    marks = []
    text = re.sub(r"[\x80-\x9f]", "?", text)  # a glyph PDFium could not map (a dagger in some fonts): shown as '?'
    for part in re.split(r"[,\s]+", text.strip()):
        marks += re.findall(r"\d+|[a-z]|[^\w\s]|[^\x00-\x7f]", part)
    return [m for m in marks if m not in "()[]{}.;:"]


def is_mark(span, line: Line) -> bool:
    text = span.text.strip()
    return bool(text) and len(text) <= 5 and _raised(span, line) and not re.search(r"[A-Za-z]{2}", text)


def pieces(line: Line, keep_spans: bool = False) -> list[tuple[str, object]]:
    """('text', span) and ('mark', [marks]) in reading order (with `keep_spans`, ('mark', span)); a mark sorts
    before a run that starts under it."""
    keyed = sorted(line.spans, key=lambda s: s.x0 - (2.0 if is_mark(s, line) else 0.0))
    out: list[tuple[str, object]] = []
    for span in keyed:
        if is_mark(span, line):
            out.append(("mark", span if keep_spans else split_marks(span.text)))
        else:
            out.append(("text", span))
    return out


def is_mark_row(line: Line) -> bool:
    """A row of marks only ('*   *'): a small asterisk set above the names sits higher than their row."""
    return bool(line.spans) and all(len(s.text.strip()) <= 4 and not re.search(r"[A-Za-z]{2}", s.text)
                                    for s in line.spans)


def fold_mark_rows(lines: list[Line]) -> list[Line]:
    """Each row of marks folded into the line of names just under it, as the raised runs it is."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        below = lines[index + 1] if index + 1 < len(lines) else None
        if is_mark_row(line) and below is not None and line.y0 - below.y1 < below.size:
            lines[index + 1] = replace(below, spans=sorted(below.spans + line.spans, key=lambda s: s.x0))
            continue
        out.append(line)
    return out


def marked_names(lines: list[Line]) -> list[tuple[str, list[str]]]:
    """(name, its marks) for each name on the author lines, in order."""
    lines = fold_mark_rows(list(lines))
    tokens: list[tuple[str, str | list[str]]] = []
    for number, line in enumerate(lines):
        if number:
            tokens.append(("text", " "))  # a name may wrap onto the next line
        previous_x1 = None
        for kind, item in pieces(line):
            if kind == "mark":
                tokens.append(("mark", item))
                continue
            gap = item.x0 - previous_x1 if previous_x1 is not None else 0.0
            if gap > 1.0 * line.size:
                tokens.append(("text", SEPARATOR))
            tokens.append(("text", normalise(item.text.replace("\x02", "-"))))
            previous_x1 = item.x1
    # Flatten to text with marks as \x00m\x01, move a mark typed after a comma to before it, split into names.
    text = "".join(t if kind == "text" else "".join(f"\x00{m}\x01" for m in t) for kind, t in tokens)
    text = _BRACKETED_ENVELOPE.sub(f"\x00{_ENVELOPE}\x01", text)
    text = re.sub(r"\s*([,;])\s*((?:\x00[^\x01]*\x01)+)", r"\2\1 ", text)
    text = re.sub(r"((?:\x00[^\x01]*\x01)+)\s+(?=[A-Z])", r"\1" + SEPARATOR, text)
    out = []
    for part in re.split(rf"[,;{SEPARATOR}]|\band\b|&", text):
        marks = re.findall(r"\x00([^\x01]*)\x01", part)
        name = " ".join(re.sub(r"\x00[^\x01]*\x01|\([^)]*\)|[^\w\s.'’-]", " ", part).split()).strip(" .")
        if name:
            out.append((name, marks))
    return out


def author_marks(author_lines: list[Line], authors: list[Author]) -> dict[str, list[str]]:
    """Normalised author name -> the marks printed after it."""
    found = marked_names(author_lines)
    marks: dict[str, list[str]] = {}
    for author in authors:
        key = normalize_title(author.name)
        for name, name_marks in found:
            other = normalize_title(name)
            if other and (other == key or f" {other} " in f" {key} " or f" {key} " in f" {other} "):
                marks[key] = list(dict.fromkeys(name_marks))
                break
    return marks
