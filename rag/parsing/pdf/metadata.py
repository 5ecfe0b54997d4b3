"""What a paper's first page says about it: title, authors, date, venue and identifiers.

The title is the largest type in the upper part of page 1 (several lines when it wraps), never
a running header: headers were already set aside as furniture, and they are small. The PDF's
own Title field is used only when the page has no such line, or to confirm one. Dates and
venues come from what the paper prints: the proceedings line under page 1's columns, the arXiv
stamp in the margin, a journal footer. The file's creation date is not a publication date and
is not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.organisations import AFFILIATION
from rag.parsing.pdf.affiliations import read_affiliations
from rag.parsing.pdf.marks import is_mark_row, marked_names
from rag.parsing.pdf.venue import MONTH, MONTHS, find_venue, folio
from rag.parsing.pdf.layout import Line, PageLayout
from rag.parsing.pdf.structure import KEYWORDS, NUMBERED_HEADING
from rag.parsing.pdf.words import normalise
from rag.records import ArxivStamp, Author, LegendEntry, Organisation, Printed, VenueLine, normalize_title
from rag.taxonomy import arxiv_category_name

ARXIV_STAMP = re.compile(r"arXiv:(?P<id>\d{4}\.\d{4,5}|[a-z.-]+/\d{7})(?:v(?P<version>\d+))?\s*(?:\[(?P<category>[^\]]*)\])?"
                         r"\s*(?P<day>\d{1,2})\s+" + MONTH + r"\s+(?P<year>\d{4})", re.I)
ARXIV_ID = re.compile(r"arXiv:\s*(?P<id>\d{4}\.\d{4,5})(?:v\d+)?", re.I)
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>,;]+[^\s\"<>,;.)])")
NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*|van|von|de|der|den|da|di|du|la|le|del|dos|bin|al")
HEADER_STOP = re.compile(r"(?:abstract\b|keywords\b|\d+\.?\s+introduction\b|introduction\b)", re.I)


@dataclass
class FrontMatter:
    title: str | None = None
    authors: list[Author] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    venue: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    header_lines: int = 0  # lines of page 1 that are title, authors and affiliations, not body
    header_page: int = 0  # the page (0-based) `header_lines` counts on: 1 when the author list runs onto page 2
    flags: list[str] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    notes: list[LegendEntry] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    arxiv: ArxivStamp | None = None
    venue_line: VenueLine | None = None
    code_url: str | None = None
    printed: dict[str, Printed] = field(default_factory=dict)  # field -> where page 1 prints it


def title_lines(page: PageLayout, size: float) -> list[int]:
    """Indices of page 1's title lines: the largest type in its upper 60%, read as one block."""
    upper = [(i, l) for i, l in enumerate(page.lines) if l.y0 > page.height * 0.4 and any(c.isalpha() for c in l.text)]
    if not upper:
        return []
    largest = max(l.size for _, l in upper)
    if largest < size * 1.15:
        return []  # nothing set larger than running text: this page prints no title
    picked = [i for i, l in upper if l.size >= largest - 0.5 and not NUMBERED_HEADING.fullmatch(l.text)]
    if not picked:
        return []
    block = [picked[0]]
    for index in picked[1:]:
        before, line = page.lines[block[-1]], page.lines[index]
        if index == block[-1] + 1 and before.y0 - line.y1 < 1.2 * line.size:
            block.append(index)
        else:
            break
    return block


def _split_names(text: str) -> list[str]:
    # Marks that survive as glyphs of their own (a mail icon in brackets, daggers mapped to junk) are no part of a name.
    text = re.sub(r"\([^)]*\)|[^\w\s,;&.'’-]", " ", text)
    parts = re.split(r",|;|\band\b|&|\s{2,}", text)
    names = []
    for part in parts:
        name = " ".join(part.split()).strip(" .")
        tokens = name.split()
        if 2 <= len(tokens) <= 5 and all(NAME_TOKEN.fullmatch(t) for t in tokens) and sum(t[0].isupper() for t in tokens) >= 2:
            names.append(name)
    return names


def _authors(lines: list[Line]) -> tuple[list[Author], int]:
    """Author names from the lines under the title, up to the first affiliation or e-mail line."""
    joined, used = "", 0
    for index, line in enumerate(lines):
        if is_mark_row(line) and used == index and index + 1 < len(lines):
            used += 1  # marks set above the names they belong to: read with them (affiliations.py)
            continue
        text = normalise(line.text)
        # Names set in a row with wide gaps and no commas are told apart by the gaps ('Jane Doe      Noam Roe' is
        # two names, though four capitalised words could be one).
        cells = [normalise(cell) for cell in line.cells]
        one_each = len(cells) > 1 and all(len(_split_names(cell)) == 1 for cell in cells)
        part = ", ".join(cells) if one_each or not _split_names(text) else text
        if not _split_names(part):  # 'Jane Doe¹ John Roe²': no commas, no gaps, the marks part the names
            part = ", ".join(name for name, _ in marked_names([line]))
        if "@" in text or AFFILIATION.search(text) or HEADER_STOP.match(text) or not _split_names(part):
            break
        joined += " " + part  # a name may wrap onto the next line
        used += 1
    return [Author(name=n) for n in dict.fromkeys(_split_names(joined))], used


def _metadata_authors(metadata: dict[str, str], header_text: str) -> list[Author]:
    """The PDF's Author field, when every name in it is printed on page 1."""
    raw = metadata.get("author", "")
    names = [" ".join(n.split()) for n in re.split(r";|,|\band\b", raw) if n.strip()]
    folded = header_text.casefold()
    if len(names) >= 1 and all(n.casefold() in folded for n in names):
        return [Author(name=n) for n in names]
    return []


def _stamp(stamp: re.Match) -> ArxivStamp:
    """'arXiv:2004.04906v3 [cs.CL] 30 Sep 2020' -> id, version 3, cs.CL (Computation and Language), 2020-09-30."""
    month = MONTHS[stamp.group("month")[:3].lower()]
    category = (stamp.group("category") or "").strip() or None
    version = stamp.group("version")
    return ArxivStamp(id=stamp.group("id"), version=int(version) if version else None, category=category,
                      category_name=arxiv_category_name(category),
                      date=f"{stamp.group('year')}-{month:02d}-{int(stamp.group('day')):02d}",
                      printed=Printed(text=" ".join(stamp.group(0).split()), page=1))


def keywords(page: PageLayout) -> tuple[list[str], Printed | None]:
    """'Keywords: Document Image Analysis · Deep Learning · …' (wrapping lines included) -> the terms."""
    for index, line in enumerate(page.lines):
        if not KEYWORDS.match(line.text):
            continue
        text, last = line.text, line
        for following in page.lines[index + 1 : index + 4]:
            if last.y0 - following.y1 > 0.8 * last.size or KEYWORDS.match(following.text) \
                    or NUMBERED_HEADING.fullmatch(following.text):
                break
            text, last = text + " " + following.text, following
        terms = re.split(r"\s*[·;,•]\s*|\s+[—–-]\s+", KEYWORDS.sub("", text, count=1).strip().rstrip("."))
        return [t.strip() for t in terms if t.strip()], Printed(text=text, page=page.number, line=index + 1)
    return [], None


# A code repository, not a project page: github.io sites and the like are left out.
CODE_LINK = re.compile(r"https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co)/[\w.-]+/[\w.-]*\w")


def code_link(page: PageLayout) -> tuple[str, Printed] | None:
    """The first repository page 1 links ('The code … released at https://github.com/facebookresearch/DPR.')."""
    for index, line in list(enumerate(page.lines)) + [(None, l) for l in page.furniture]:
        if found := CODE_LINK.search(line.text.replace(" ", "")):
            where = Printed(text=line.text, page=page.number, line=index + 1 if index is not None else None)
            return found.group(0), where
    return None


def _header_end(lines: list[Line], start: int, limit: int) -> int:
    """Where the header ends: after the names, the affiliation and e-mail lines up to the abstract or first section."""
    end = start
    while end < len(lines) and end < limit:
        line = lines[end]
        prose = len(line.text) > 70 and "@" not in line.text and not AFFILIATION.search(line.text)
        if HEADER_STOP.match(line.text) or line.column or prose:
            break
        end += 1
    return end


def _continued(result: FrontMatter, page: PageLayout) -> None:
    """An author list that fills page 1 to its last line goes on at the top of page 2 (a long collaboration's list):
    the names there are read the same way, cited to page 2, and page 2's body starts after them and their
    affiliation lines. Page 2 opening with an abstract, a heading or prose reads no names, and nothing changes."""
    more, used = _authors(page.lines)
    known = {normalize_title(a.name) for a in result.authors}
    more = [a for a in more if normalize_title(a.name) not in known]
    if not more:
        return
    result.authors += more
    result.header_page, result.header_lines = 1, _header_end(page.lines, used, used + 24)
    result.printed["authors_continued"] = Printed(text=" ".join(l.text for l in page.lines[:used]), page=page.number,
                                                  line=1)
    result.flags.append(f"the author list runs onto page {page.number}: {len(more)} names read there (their "
                        "affiliations are not)")


def _folios(line: VenueLine, pages: list[PageLayout]) -> None:
    """Where the venue line prints no page range, the page numbers set on the first and last pages are it: '633'
    for a one-page excerpt; 'first–last' only when they count the PDF's pages (else the first alone)."""
    first = folio(pages[0])
    if line.pages or first is None:
        return
    last = folio(pages[-1]) if len(pages) > 1 else None
    counted = last is not None and int(last.text) - int(first.text) == len(pages) - 1
    line.pages = f"{first.text}–{last.text}" if counted else first.text
    line.folio = first


def front_matter(pages: list[PageLayout], size: float, metadata: dict[str, str]) -> FrontMatter:
    page = pages[0]
    result = FrontMatter()
    titles = title_lines(page, size)
    meta_title = normalise(" ".join(metadata.get("title", "").split()))
    if titles:
        result.title = " ".join(normalise(page.lines[i].text) for i in titles)
        below = page.lines[titles[-1] + 1 :]
        meta_authors = _metadata_authors(metadata, " ".join(l.text for l in below[:20]))
        authors, used = _authors(below)
        result.authors = meta_authors or authors
        end = result.header_lines = _header_end(page.lines, titles[-1] + 1 + used, titles[-1] + 25)
        first = titles[-1] + 1
        result.printed["title"] = Printed(text=result.title, page=1, line=titles[0] + 1)
        if used:
            result.printed["authors"] = Printed(text=" ".join(page.lines[i].text for i in range(first, first + used)),
                                                page=1, line=first + 1)
        found = read_affiliations(page, range(first, first + used), end, result.authors)
        result.authors, result.organisations = found.authors, found.organisations
        result.emails, result.notes = found.emails, found.notes
        if used and not meta_authors and first + used == len(page.lines) and len(pages) > 1:
            _continued(result, pages[1])
        if meta_title and normalize_title(meta_title) != normalize_title(result.title):
            result.flags.append(f"the PDF's Title field differs from the printed title: {meta_title!r}")
    small_print = " ".join(l.text for l in page.furniture)
    stamps = " ".join(page.stamps)
    opening = " ".join(l.text for l in page.lines[:60])
    stamp = ARXIV_STAMP.search(stamps) or ARXIV_STAMP.search(small_print) or ARXIV_STAMP.search(opening)
    ident = ARXIV_ID.search(stamps) or ARXIV_ID.search(small_print) or ARXIV_ID.search(opening)
    result.arxiv_id = ident.group("id") if ident else None
    if stamp:
        result.arxiv = _stamp(stamp)
        result.printed["arxiv"] = result.printed["category"] = result.arxiv.printed
    found = find_venue(page)
    if found is not None:
        result.venue, result.venue_line, dated = found
        result.printed["venue"] = result.venue_line.printed
        _folios(result.venue_line, pages)
        if dated:
            (result.date, result.date_precision), result.printed["date"] = dated, result.venue_line.printed
    if result.date is None and stamp:
        result.date, result.date_precision = result.arxiv.date, "day"
        result.printed["date"] = result.arxiv.printed
    if linked := code_link(page):
        result.code_url, result.printed["code"] = linked
    result.keywords, where = keywords(page)
    if where:
        result.printed["keywords"] = where
    doi = DOI.search(small_print) or DOI.search(" ".join(l.text for l in page.lines)) or DOI.search(metadata.get("subject", ""))
    result.doi = doi.group(1) if doi else None
    return result
