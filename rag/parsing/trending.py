"""A trending-papers listing: site navigation, the listing's date, then title / abstract pairs.

The date at the top ('Jun 26') is when the list was trending, not when any paper was
written, so no paper gets a date from it. The page names no authors.
"""

from __future__ import annotations

import re

from rag.parsing.clean import clean_text, is_debris_line, numbered_lines
from rag.parsing.duplicates import mark_copies
from rag.parsing.page_facts import trending_facts
from rag.records import Paper, Printed, SourceRef, paper_id_for

LISTING_DATE = re.compile(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(, \d{4})?")
NAV_MARKERS = ("get trending papers in your email inbox", "byak and the research community")


def looks_like_trending(text: str) -> bool:
    """The site's navigation text, near the top of the page."""
    head = "\n".join(text.splitlines()[:20]).casefold()
    return any(marker in head for marker in NAV_MARKERS)


def content_lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines without navigation debris and without the listing-date line before the first title."""
    lines = [(number, line) for number, line in numbered_lines(text) if not is_debris_line(line)]
    return lines[1:] if lines and LISTING_DATE.fullmatch(lines[0][1]) else lines


def parse_trending(text: str, source_path: str) -> list[Paper]:
    """Titles and abstracts in page order; a title left without an abstract is flagged."""
    lines = content_lines(text)
    listed = [line for _, line in numbered_lines(text) if not is_debris_line(line)][:1]
    dated = listed[0] if listed and LISTING_DATE.fullmatch(listed[0]) else None
    page_name = f"trending papers ({dated})" if dated else "trending papers"
    first = lines[0][0] if lines else None
    facts = trending_facts([(n, line) for n, line in numbered_lines(text) if first is None or n < first], dated, page_name)
    papers = []
    for position in range(0, len(lines), 2):
        title_line, raw_title = lines[position]
        title = clean_text(raw_title)
        abstract = clean_text(lines[position + 1][1]) if position + 1 < len(lines) else ""
        papers.append(
            Paper(
                paper_id=paper_id_for(title),
                title=title,
                abstract=abstract,
                sources=[SourceRef(path=source_path, format="trending", position=position // 2, line=title_line,
                                   page_name=page_name, facts=facts)],
                printed={"title": Printed(text=raw_title, line=title_line)},
                flags=[] if abstract else ["no abstract on the page"],
            )
        )
    return mark_copies(papers)
