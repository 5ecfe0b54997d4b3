"""Who is from where, as page 1 prints it: affiliation marks after author names, the organisations under them
(or in a footnote), the e-mail lines, and footnotes that explain other marks ('∗ Equal contribution').

Marks are read from the runs, not the line text (lines.py drops superscripts from text): a run set smaller
than its line and raised above its baseline, a few characters long. A mark follows the name it belongs to,
but typesetters kern it over the comma after the name ('Karpukhin∗,' sets ∗ at the comma's x), so a mark
sorts just before a run that starts under it. Organisations are tied to authors three ways, in this order:
by mark; an unmarked organisation goes to the authors who carry no organisation mark; with no marks at all,
one organisation goes to every author. Several unmarked organisations and no marks: the page does not say
who is where, and the organisations are the paper's, with no authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rag.parsing.pdf.layout import Line, PageLayout
from rag.parsing.pdf.words import normalise
from rag.organisations import AFFILIATION, organisation_name
from rag.records import Author, LegendEntry, Organisation, Printed, normalize_title

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
BRACED_EMAILS = re.compile(r"\{(?P<users>[^}]*)\}\s*@\s*(?P<domain>[\w-]+(?:\.[\w-]+)+)")
NOT_AN_ORGANISATION = re.compile(r"https?://|www\.|\b(?:preprint|under review|accepted|submitted|draft|"
                                 r"equal contribution|correspond\w*|work done|copyright|proceedings)\b", re.I)
NOTE_WORDS = re.compile(r"\b(?:equal contribution|contributed equally|correspond\w*|work (?:was )?done|"
                        r"now at|currently at|intern\w*|project lead|senior author)\b", re.I)
SEPARATOR = "\x1f"  # between two names, where the page sets a wide gap or a mark and a space instead of a comma


@dataclass
class Affiliations:
    organisations: list[Organisation] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)  # the same authors, with marks and affiliations
    emails: list[str] = field(default_factory=list)
    notes: list[LegendEntry] = field(default_factory=list)


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


def _pieces(line: Line, keep_spans: bool = False) -> list[tuple[str, object]]:
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
        for kind, item in _pieces(line):
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
    text = re.sub(r"\s*([,;])\s*((?:\x00[^\x01]*\x01)+)", r"\2\1 ", text)
    text = re.sub(r"((?:\x00[^\x01]*\x01)+)\s+(?=[A-Z])", r"\1" + SEPARATOR, text)
    out = []
    for part in re.split(rf"[,;{SEPARATOR}]|\band\b|&", text):
        marks = re.findall(r"\x00([^\x01]*)\x01", part)
        name = " ".join(re.sub(r"\x00[^\x01]*\x01|\([^)]*\)|[^\w\s.'’-]", " ", part).split()).strip(" .")
        if name:
            out.append((name, marks))
    return out


def _author_marks(author_lines: list[Line], authors: list[Author]) -> dict[str, list[str]]:
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


def _segments(line: Line) -> list[tuple[list[str], str, bool]]:
    """(marks, text, starts a new cell) for each stretch of an affiliation line: a mark or a wide gap starts one."""
    segments: list[tuple[list[str], str, bool]] = []
    pending: list[str] = []
    previous_x1 = mark_x1 = before = None
    for kind, item in _pieces(line, keep_spans=True):
        if kind == "mark":
            pending += split_marks(item.text)
            before = item.x0 - previous_x1 if previous_x1 is not None else None
            mark_x1 = item.x1
            continue
        text = normalise(item.text.replace("\x02", "-"))
        gap = item.x0 - previous_x1 if previous_x1 is not None else 0.0
        if pending and before is not None and before < 0.3 * line.size < item.x0 - mark_x1 - before:
            pending = []  # 'Noam Shazeer∗   Niki Parmar': a mark set against the text before it trails that text
        if pending or not segments or gap > 1.5 * line.size:
            segments.append((pending, text, bool(segments)))
            pending = []
        else:
            marks, so_far, new_cell = segments[-1]
            joiner = "" if gap < 0.15 * line.size or text[:1] in ",.;)" else " "
            segments[-1] = (marks, so_far + joiner + text, new_cell)
        previous_x1 = item.x1
    return [(m, " ".join(t.split()), c) for m, t, c in segments if t.strip()]


def _emails(text: str) -> list[str]:
    """'{armanc,sergey}@allenai.org' -> both addresses; a space inside one address is an underscore the font
    drew as a rule ('ruochen zhang@brown.edu')."""
    found = []
    for m in BRACED_EMAILS.finditer(text):
        found += [f"{'_'.join(u.split())}@{m.group('domain')}" for u in m.group("users").split(",") if u.strip()]
    rest = BRACED_EMAILS.sub(" ", text)
    rest = re.sub(r"(?<=\w) (?=\w+@)", "_", rest) if len(EMAIL.findall(rest)) == 1 and len(rest.split()) == 2 else rest
    return found + EMAIL.findall(rest)


@dataclass
class _Org:
    mark: str | None
    text: str
    line: int  # 0-based index on page 1 of the last line read into it; -1 for the small print


def read_affiliations(page: PageLayout, author_lines: range, header_end: int, authors: list[Author]) -> Affiliations:
    """Organisations, marks, e-mails and mark notes from page 1. `author_lines` are the indices of the lines
    the names were read from; organisations are read from there to `header_end`, then from footnotes."""
    lines = page.lines
    result = Affiliations(authors=[a.model_copy() for a in authors])
    marks = _author_marks([lines[i] for i in author_lines], authors) if len(author_lines) else {}
    orgs: list[_Org] = []
    start = author_lines.stop if len(author_lines) else header_end
    for index in range(start, header_end):
        line = lines[index]
        if "@" in line.text:
            result.emails += _emails(normalise(line.text))
            continue
        for seg_marks, text, new_cell in _segments(line):
            if NOT_AN_ORGANISATION.search(text) or not re.search(r"[A-Za-z]{2}", text):
                continue
            continues = orgs and not seg_marks and not new_cell and orgs[-1].line == index - 1 and (
                not AFFILIATION.search(text) or orgs[-1].text.endswith(","))
            if continues:  # an address (or the rest of a name) under the organisation above
                orgs[-1].text += " " + text if orgs[-1].text.endswith(",") else ", " + text
                orgs[-1].line = index
            elif seg_marks or AFFILIATION.search(text):  # an unmarked line must name an organisation
                for mark in seg_marks or [None]:
                    orgs.append(_Org(mark, text, index))
    _footnotes(page, header_end, marks, orgs, result)
    _assign(orgs, marks, result)
    result.emails = list(dict.fromkeys(result.emails))
    return result


def _footnotes(page: PageLayout, header_end: int, marks: dict[str, list[str]], orgs: list[_Org],
               result: Affiliations) -> None:
    """Footnotes that start with a mark an author carries: an organisation ('1 Google Research, ...') or a note
    ('∗ Equal contribution'). A mark an organisation in the header already explains is a footnote number."""
    carried = {m for ms in marks.values() for m in ms}
    explained = {o.mark for o in orgs}
    candidates = [(i, l) for i, l in enumerate(page.lines) if i >= header_end] + [(None, l) for l in page.furniture]
    for position, (index, line) in enumerate(candidates):
        following = candidates[position + 1][1] if position + 1 < len(candidates) else None
        for opened_marks, text in _footnote_openings(line, following):
            line_marks = [m for m in opened_marks if m in carried and m not in explained]
            text = CORRESPONDENCE.split(text)[0].strip(" .;,") or text  # '… Google. Correspondence to: …'

            if not line_marks or not text:
                continue
            where = Printed(text=text, page=page.number, line=index + 1 if index is not None else None)
            if NOTE_WORDS.search(text) or not AFFILIATION.search(text):
                result.notes += [LegendEntry(mark=m, means=text, printed=where) for m in line_marks]
            else:
                orgs += [_Org(m, text, index if index is not None else -1) for m in line_marks]
            explained.update(line_marks)


CORRESPONDENCE = re.compile(r"\b(?:correspondence|corresponding author|contact)\b.*", re.I)
SYMBOL_MARKS = re.compile(r"(?P<marks>[*∗†‡§¶#]+)\s*(?P<text>[A-Z].*)")


def _footnote_openings(line: Line, following: Line | None) -> list[tuple[list[str], str]]:
    """(marks, text) for each mark a line that opens with marks explains: raised runs ('¹Stanford University
    ²Google Brain' is two), a mark set as a line of its own just left of the text (a small asterisk sits higher
    than the words' row), or a symbol typed inline ('*Equal contribution')."""
    pieces = _pieces(line) if line.spans else []
    if pieces and pieces[0][0] == "mark":
        found: list[tuple[list[str], str]] = []
        for kind, item in pieces:
            if kind == "mark":
                found.append((item, ""))
            else:
                marks, text = found[-1]
                found[-1] = (marks, text + normalise(item.text))
        return [(m, " ".join(t.split())) for m, t in found]
    text = line.text.strip()
    if following is not None and 0 < len(text) <= 4 and not re.search(r"[A-Za-z]{2}", text) \
            and -1 <= following.x0 - line.x1 < 2 * following.size and abs(following.y1 - line.y1) < following.size:
        return [(split_marks(text), normalise(following.text))]
    if m := SYMBOL_MARKS.fullmatch(text):
        return [(split_marks(m.group("marks")), normalise(m.group("text")))]
    return []


def _assign(orgs: list[_Org], marks: dict[str, list[str]], result: Affiliations) -> None:
    # One organisation printed in several cells ('Google Brain   Google Brain') is one, under one mark.
    orgs = list({(organisation_name(o.text), o.mark): o for o in reversed(orgs)}.values())[::-1]
    org_marks = {o.mark for o in orgs if o.mark}
    any_marks = any(m in org_marks for ms in marks.values() for m in ms)
    keys = [normalize_title(a.name) for a in result.authors]
    for org in orgs:
        if org.mark:
            members = [a.name for a, k in zip(result.authors, keys) if org.mark in marks.get(k, [])]
        elif any_marks:  # unmarked: the authors with no organisation mark
            members = [a.name for a, k in zip(result.authors, keys) if not set(marks.get(k, [])) & org_marks]
        elif len(orgs) == 1:
            members = [a.name for a in result.authors]
        else:
            members = []
        where = Printed(text=org.text, page=1, line=org.line + 1 if org.line >= 0 else None)
        result.organisations.append(Organisation(name=organisation_name(org.text), mark=org.mark,
                                                 authors=members, printed=where))
    by_name = {a.name: a for a in result.authors}
    for author, key in zip(result.authors, keys):
        author.marks = marks.get(key, [])
    for org in result.organisations:
        for name in org.authors:
            if org.name not in by_name[name].affiliations:
                by_name[name].affiliations.append(org.name)

