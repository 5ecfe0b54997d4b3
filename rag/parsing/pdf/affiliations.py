"""Who is from where, as page 1 prints it: affiliation marks after author names, the organisations under them
(or in a footnote), the e-mail lines, and footnotes that explain other marks ('∗ Equal contribution').

Marks after names are read by marks.py. An unmarked line under an organisation, in its column, goes on with
it (department / university / city is one block). Organisations are tied to authors, in this order: by mark;
an unmarked organisation goes to the authors who carry no organisation mark; with no marks at all, one
organisation goes to every author, and organisations set side by side go to the names above them (IEEE's and
NeurIPS' grids). Otherwise the page does not say who is where, and the organisations are the paper's, with
no authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.parsing.pdf.layout import Line, PageLayout
from rag.parsing.pdf.marks import author_marks, pieces, split_marks
from rag.parsing.pdf.words import normalise
from rag.organisations import AFFILIATION, organisation_name
from rag.records import Author, LegendEntry, Organisation, Printed, normalize_title

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
BRACED_EMAILS = re.compile(r"\{(?P<users>[^}]*)\}\s*@\s*(?P<domain>[\w-]+(?:\.[\w-]+)+)")
NOT_AN_ORGANISATION = re.compile(r"https?://|www\.|\b(?:preprint|under review|accepted|submitted|draft|"
                                 r"equal contribution|correspond\w*|work done|copyright|proceedings)\b", re.I)
NOTE_WORDS = re.compile(r"\b(?:equal contribution|contributed equally|correspond\w*|work (?:was )?done|"
                        r"now at|currently at|intern\w*|project lead|senior author)\b", re.I)


@dataclass
class Affiliations:
    organisations: list[Organisation] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)  # the same authors, with marks and affiliations
    emails: list[str] = field(default_factory=list)
    notes: list[LegendEntry] = field(default_factory=list)


def _segments(line: Line) -> list[tuple[list[str], str, bool, float, float]]:
    """(marks, text, starts a new cell, x0, x1) for each stretch of an affiliation line: a mark or a wide gap
    starts one."""
    segments: list[tuple[list[str], str, bool, float, float]] = []
    pending: list[str] = []
    previous_x1 = mark_x1 = before = None
    for kind, item in pieces(line, keep_spans=True):
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
            segments.append((pending, text, bool(segments), item.x0, item.x1))
            pending = []
        else:
            marks, so_far, new_cell, x0, _ = segments[-1]
            joiner = "" if gap < 0.15 * line.size or text[:1] in ",.;)" else " "
            segments[-1] = (marks, so_far + joiner + text, new_cell, x0, item.x1)
        previous_x1 = item.x1
    return [(m, " ".join(t.split()), c, x0, x1) for m, t, c, x0, x1 in segments if t.strip()]


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
    x0: float = 0.0  # the column it is set in
    x1: float = 0.0
    row: int = -1  # the line it starts on


def read_affiliations(page: PageLayout, author_lines: range, header_end: int, authors: list[Author]) -> Affiliations:
    """Organisations, marks, e-mails and mark notes from page 1. `author_lines` are the indices of the lines
    the names were read from; organisations are read from there to `header_end`, then from footnotes."""
    lines = page.lines
    result = Affiliations(authors=[a.model_copy() for a in authors])
    marks = author_marks([lines[i] for i in author_lines], authors) if len(author_lines) else {}
    orgs: list[_Org] = []
    start = author_lines.stop if len(author_lines) else header_end
    for index in range(start, header_end):
        line = lines[index]
        if "@" in line.text:
            result.emails += _emails(normalise(line.text))
            if not AFFILIATION.search(BRACED_EMAILS.sub(" ", EMAIL.sub(" ", line.text))):
                continue  # an e-mail line; 'University of X, jane@x.edu' also names its organisation
        for seg_marks, text, _, x0, x1 in _segments(line):
            text = re.sub(r"[\s,;]*(?:\{[^}]*\}\s*)?\S*@\S+.*$", "", text)  # the e-mail part, to the line's end
            if NOT_AN_ORGANISATION.search(text) or not re.search(r"[A-Za-z]{2}", text):
                continue
            # An unmarked line under an organisation, in its column, goes on with it: 'Department of X' /
            # 'University of Y' / 'City, Country' is one block.
            above = [o for o in orgs if o.line == index - 1 and min(o.x1, x1) - max(o.x0, x0) > 0]
            if above and not seg_marks:
                org = max(above, key=lambda o: min(o.x1, x1) - max(o.x0, x0))
                org.text += " " + text if org.text.endswith(",") else ", " + text
                org.line, org.x0, org.x1 = index, min(org.x0, x0), max(org.x1, x1)
            elif seg_marks or AFFILIATION.search(text):  # an unmarked line must name an organisation
                for mark in seg_marks or [None]:
                    orgs.append(_Org(mark, text, index, x0, x1, index))
    _footnotes(page, header_end, marks, orgs, result)
    _assign(orgs, marks, result, _name_centres([lines[i] for i in author_lines], authors))
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
    runs = pieces(line) if line.spans else []
    if runs and runs[0][0] == "mark":
        found: list[tuple[list[str], str]] = []
        for kind, item in runs:
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


def _name_centres(lines: list[Line], authors: list[Author]) -> dict[str, float]:
    """Normalised author name -> the x centre of the run it is printed in (a grid's column)."""
    centres: dict[str, float] = {}
    spans = [s for line in lines for s in line.spans]
    for author in authors:
        key = normalize_title(author.name)
        span = next((s for s in spans if f" {key} " in f" {normalize_title(normalise(s.text))} "), None)
        if span is not None:
            centres[key] = (span.x0 + span.x1) / 2
    return centres


def _by_column(orgs: list[_Org], centres: dict[str, float], key: str) -> _Org | None:
    """The organisation set under a name: the nearest column whose extent holds the name's centre."""
    centre = centres.get(key)
    holding = [o for o in orgs if centre is not None and o.x0 - 10 <= centre <= o.x1 + 10]
    return min(holding, key=lambda o: abs((o.x0 + o.x1) / 2 - centre), default=None)


def _assign(orgs: list[_Org], marks: dict[str, list[str]], result: Affiliations,
            centres: dict[str, float]) -> None:
    # One organisation printed in several cells ('Google Brain   Google Brain') is one, under one mark.
    orgs = list({(organisation_name(o.text), o.mark): o for o in reversed(orgs)}.values())[::-1]
    org_marks = {o.mark for o in orgs if o.mark}
    any_marks = any(m in org_marks for ms in marks.values() for m in ms)
    keys = [normalize_title(a.name) for a in result.authors]
    rows = [o.row for o in orgs if o.row >= 0]
    side_by_side = not any_marks and len(rows) > len(set(rows))
    for org in orgs:
        if org.mark:
            members = [a.name for a, k in zip(result.authors, keys) if org.mark in marks.get(k, [])]
        elif any_marks:  # unmarked: the authors with no organisation mark
            members = [a.name for a, k in zip(result.authors, keys) if not set(marks.get(k, [])) & org_marks]
        elif len(orgs) == 1:
            members = [a.name for a in result.authors]
        elif side_by_side:  # no marks, organisations set in columns under the names
            members = [a.name for a, k in zip(result.authors, keys) if _by_column(orgs, centres, k) is org]
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

