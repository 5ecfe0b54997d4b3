"""What a PDF's venue line, footer and author marks print, as a lookup of one paper says it: the journal's volume and
issue, the meeting number, the first page in its journal or proceedings, the copyright line, the corresponding
author, and whether it is a journal article or in proceedings. The fields themselves (their words, filters and
sorts) are entries of the registry in rag/catalog_fields.py."""

from __future__ import annotations

import re
from datetime import date

from rag import rx
from rag.plan_terms import ordinal_suffix
from rag.records import Paper


def corresponding_authors(paper: Paper) -> list[str]:
    """Authors marked as corresponding: by an envelope after the name (✉, rag/parsing/pdf/marks.py) or a mark a
    footnote explains as 'Corresponding author'."""
    marks = {"✉"} | {n.mark for n in paper.notes if rx.search(r"\bcorrespond", n.means, re.I)}
    return [a.name for a in paper.authors if marks & set(a.marks)]


def volume_text(p: Paper) -> str:
    line = p.venue_line
    if line is None or line.volume is None:
        return f"The PDF of {p.title} prints no volume." if p.page_count else f"The page prints no volume for {p.title}."
    number = f", Number {line.number}" if line.number is not None else ""
    return f"{p.title}: {p.venue or 'its venue'}, Volume {line.volume}{number} (printed: '{line.printed.text}')."


def start_page(p: Paper) -> int | None:
    m = rx.match(r"\s*(\d+)", p.venue_line.pages) if p.venue_line and p.venue_line.pages else None
    return int(m.group(1)) if m else None


def printed_page_number(p: Paper, pdf_page: int | None) -> int | None:
    """The number its journal or proceedings print on the PDF's page `pdf_page` (1-based): the PDF's first page is
    its start page, so page n is printed as start + n - 1; None when the PDF prints no such numbers."""
    first = start_page(p)
    return None if first is None or pdf_page is None else first + pdf_page - 1


def venue_kind(p: Paper) -> str | None:
    return p.venue_line.kind if p.venue_line else None


def venue_printed(p: Paper) -> bool:
    """A PDF says what it is by its venue line, or by printing none (an arXiv preprint); a listing entry says nothing."""
    return p.venue_line is not None or p.page_count is not None


def kind_text(p: Paper) -> str:
    """What the paper is as its venue line says: 'a journal article: Communications of the ACM (printed: …)'."""
    if p.venue_line is None:
        stamp = f" (its arXiv stamp: '{p.arxiv.printed.text}')" if p.arxiv else ""
        return f"{p.title} prints no journal or proceedings line{stamp}."
    kind = {"journal": "a journal article", "proceedings": "in conference proceedings"}.get(p.venue_line.kind or "",
                                                                                          "at a venue of unclear kind")
    return f"{p.title} is {kind}: {p.venue} (printed: '{p.venue_line.printed.text}')."


def copyright_text(p: Paper) -> str:
    return f"{p.title}: the copyright line prints {p.venue_line.copyright_year}" \
        f"{' ' + p.venue_line.publisher if p.venue_line.publisher else ''} ('{p.venue_line.printed.text}')." \
        if p.venue_line and p.venue_line.copyright_year else f"The PDF of {p.title} prints no copyright line."


def edition_text(p: Paper) -> str:
    return f"{p.title}: the {ordinal_suffix(p.venue_line.edition)} meeting ({p.venue}; printed: " \
        f"'{p.venue_line.printed.text}')." if p.venue_line and p.venue_line.edition \
        else f"The venue of {p.title} counts no meeting number" + (f" ({p.venue})." if p.venue else ".")


def start_page_text(p: Paper) -> str:
    return f"{p.title} starts on page {start_page(p)} of {p.venue or 'its venue'} (printed: " \
        f"'{p.venue_line.printed.text}')." if p.venue_line and start_page(p) is not None \
        else f"The page prints no page numbers of a journal or proceedings for {p.title}."


def corresponding_text(p: Paper) -> str:
    return f"{p.title}: corresponding author {', '.join(corresponding_authors(p))} (marked on the author line: " \
        f"'{p.printed['authors'].text if 'authors' in p.printed else p.author_line()}')." if corresponding_authors(p) \
        else f"{p.title} marks no corresponding author."


def stamp_day(p: Paper) -> float | None:
    """The arXiv stamp's date as a day number, for a sort ('which PDF has the earliest arXiv stamp')."""
    if p.arxiv is None or not p.arxiv.date:
        return None
    try:
        return float(date.fromisoformat(p.arxiv.date).toordinal())
    except ValueError:  # a stamp read to the month only sorts with no day
        return None


def stamp_date_text(p: Paper) -> str:
    return f"{p.title}: arXiv stamp dated {p.arxiv.date} (printed: '{p.arxiv.printed.text}')." \
        if p.arxiv and p.arxiv.date else f"{p.title} prints no arXiv stamp date."
