"""The page numbers a journal or proceedings prints on the library's PDFs (Paper.venue_line: 'pages 2270–2282', the
Backus excerpt's '633'): which PDFs print one, and which starts at, or reaches, the highest (or lowest) of them.

Taken only over the PDFs ('which of my PDFs', 'which PDF') when the question names the printed page number and says
nothing but this frame: the page a named paper gives for a fact is content and stays with retrieval.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_pdf_texts import start_page
from rag.plan_headings import HeadingAsk
from rag.records import Paper

_PAGE_NUMBER = re.compile(r"\b(?:(?:printed|journal|proceedings|venue)\s+(?:/\s*\w+\s+)?page\s+numbers?|"
                          r"page\s+numbers?\s+(?:printed|of\s+(?:its|their|the)\s+(?:journal|proceedings|venue)))\b")
_SET = re.compile(r"\b(?:which|what|any|how\s+many)\s+(?:of\s+(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?)\b")
_HIGH = re.compile(r"\b(?:highest|biggest|largest|greatest|latest|max(?:imum)?)\b")
_LOW = re.compile(r"\b(?:lowest|smallest|earliest|min(?:imum)?)\b")
_START = re.compile(r"\b(?:starts?|starting|begins?|beginning|opens?|opening|first)\b")
# Everything a question of this kind says besides the PDFs' set and the page number.
_FRAME = frozenset("""which what whats how many of my the a an pdf pdfs paper papers file files document documents print
prints printed printing page pages number numbers journal proceedings venue its their on at in it they have has had show
shows carry carries starts start starting begins begin beginning opens open opening first highest biggest largest
greatest latest max maximum lowest smallest earliest min minimum anywhere any where one does do did is are was were
there with and or also actually give list please tell me""".split())


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    low = " ".join(question.casefold().replace("’", "'").split())
    if not (_PAGE_NUMBER.search(low) and _SET.search(low)):
        return None
    if not all(w in _FRAME for w in rx.findall(r"[a-z]+", low) if len(w) > 1):
        return None
    pdfs = [p for p in catalog.papers if p.page_count]
    printed = [(p, span) for p in pdfs if (span := _span(p)) is not None]
    if not printed:
        return HeadingAsk("None of the PDFs prints a journal or proceedings page number.", [])
    if _HIGH.search(low) or _LOW.search(low):
        by_start = bool(_START.search(low))  # 'starts at the highest' vs 'the biggest page number anywhere on it'
        ranked = sorted(printed, key=lambda ps: ps[1][0] if by_start else ps[1][1], reverse=bool(_HIGH.search(low)))
        best, (first, last) = ranked[0]
        said = f"starts at printed page {first}" if by_start else f"reaches printed page {last}"
        return HeadingAsk(f"{best.title} {said} ({_pages(best)}); " +
                          "; ".join(f"{p.title}: {_pages(p)}" for p, _ in ranked[1:]) + ".", [best])
    lacking = [p.title for p in pdfs if _span(p) is None]
    return HeadingAsk(f"{len(printed)} of the {len(pdfs)} PDFs print a journal or proceedings page number, from their "
                      "first page on: " + "; ".join(f"{p.title}: {_pages(p)}" for p, _ in printed) +
                      (f". None printed on: {'; '.join(lacking)}" if lacking else "") + ".", [p for p, _ in printed])


def _span(paper: Paper) -> tuple[int, int] | None:
    """The first and last page numbers printed ('2270–2282' -> (2270, 2282); '633' -> (633, 633))."""
    first = start_page(paper)
    if first is None or paper.venue_line is None or not paper.venue_line.pages:
        return None
    numbers = [int(n) for n in rx.findall(r"\d+", paper.venue_line.pages)]
    return first, max(numbers)


def _pages(paper: Paper) -> str:
    venue = paper.venue or "its venue"
    pages = paper.venue_line.pages if paper.venue_line else ""
    return f"page{'s' if rx.search(r'[-–]', pages or '') else ''} {pages} of {venue}" if pages else ""
