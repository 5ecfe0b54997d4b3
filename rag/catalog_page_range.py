"""A printed page range ('pages 84–91' in a proceedings header) set against the pages the PDF itself has: the range's
length, and whether the file holds that many pages (an excerpt or a preprint with extra pages does not)."""

from __future__ import annotations

from rag import rx


def range_length(pages: str) -> int | None:
    """The number of pages a printed range spans ('84–91' is 8, '633' is 1); None when it is not a range of numbers."""
    numbers = [int(n) for n in rx.findall(r"\d+", pages)]
    if len(numbers) == 1:
        return 1
    if len(numbers) != 2 or numbers[1] < numbers[0]:
        return None
    return numbers[1] - numbers[0] + 1


def range_against_pdf(pages: str, page_count: int | None) -> str:
    """'; that is 8 pages, and the PDF has 8 pages: they match' — or '' when either side is unknown."""
    span = range_length(pages)
    if span is None or not page_count:
        return ""
    verdict = "they match" if span == page_count else \
        f"the PDF has {page_count - span} more" if page_count > span else f"the PDF has {span - page_count} fewer"
    return f"; that is {span} page{'s' if span != 1 else ''}, and the PDF has {page_count} page" \
           f"{'s' if page_count != 1 else ''}: {verdict}"


def page_count_text(paper) -> str:
    """'X: 8 pages (the PDF read); its header prints pages 84–91: that is 8 pages, they match.' The page count, with
    the range its journal or proceedings prints set against it when there is one."""
    if not paper.page_count:
        return f"The library holds no PDF of {paper.title}, so no page count."
    line = paper.venue_line
    printed = line.pages if line is not None and line.pages else None
    span = range_length(printed) if printed else None
    against = f"; its {paper.venue or 'venue'} line prints page{'s' if span != 1 else ''} {printed}: that is {span} " \
        f"page{'s' if span != 1 else ''}, " + ("they match" if span == paper.page_count else "they differ") if span else ""
    return f"{paper.title}: {paper.page_count} page{'s' if paper.page_count != 1 else ''} (the PDF read){against}."
