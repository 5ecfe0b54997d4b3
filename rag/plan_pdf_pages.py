"""A PDF's pages as records (issue 11): which pages print nothing at all (Paper.blank_pages). Where a numbered table
or figure is printed is read from the PDF's tables and figures as records (rag/plan_exhibits.py).

Taken when the question names a PDF of the library (or asks over them) and the page object: 'blank / empty pages'.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_headings import Heading
from rag.plan_heading_phrases import file_named
from rag.plan_headings import HeadingAsk, _title_pair, catalog_names
from rag.records import Paper

_BLANK = re.compile(r"\b(?:blank|empty|white|no-?text)\s+pages?\b|\bpages?\b[^?]{0,40}?\b(?:blank|empty)\b|"
                    r"\bpages?\s+(?:with|having|that\s+(?:have|has|hold|print))\s+(?:no|nothing|zero)\s+(?:text|words|"
                    r"content)\b")
# What may be said with the blank pages asked for: which, how many, whether; a word of anything else on those pages
# ('after the blank pages, what does the running head say') asks that other thing
_BLANK_FRAME = frozenset("""which what whats how many number numbers page pages blank empty white are is was were there
any have has had does do did the a an of in on at my pdf pdfs file files paper papers document documents it its some few
couple i think guess please tell me list show give with no nothing text at all and or ones one print prints printed
contain contains zero words content s they them those these be left entirely completely""".split())
_SET = re.compile(r"\b(?:which|what|any)\s+(?:of\s+(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?)\b|"
                  r"\bhow\s+many\s+(?:of\s+(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?)\b")


def _named(low: str, catalog: Catalog) -> list[Paper]:
    """The PDFs the question names: a short name, two title words in a row, or the file name of a PDF with no title."""
    pdfs = [p for p in catalog.papers if p.blocks]
    found = [p for p in pdfs if _title_pair(p.title, low) or
             any(rx.search(rf"\b{re.escape(n.casefold())}\b", low) for n in catalog_names(catalog, p))]
    return found or file_named(low, pdfs)


def _unnamed(low: str, paper: Paper, catalog: Catalog) -> str:
    for name in catalog_names(catalog, paper):
        low = rx.sub(rf"\b{re.escape(name.casefold())}\b", " ", low)
    return rx.sub(r"\b(?:" + "|".join(re.escape(w) for w in rx.findall(r"[a-z0-9]+", paper.title.casefold())) + r")\b",
                  " ", low)


def page_ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    low = " ".join(question.casefold().replace("’", "'").split())
    if rx.search(r"\bwhy\b|\bhow\b(?!\s+many)", low):
        return None  # why a page is blank, how a table was made: what the paper says
    if _BLANK.search(low):
        return _blank(low, catalog)
    return None


def _swapped(word: str, frame: frozenset[str]) -> bool:
    """A frame word typed with two neighbouring letters swapped ('emtpy', 'whcih')."""
    return any(len(f) == len(word) > 3 and sorted(f) == sorted(word) and
               [i for i, (a, b) in enumerate(zip(f, word)) if a != b] in ([k, k + 1] for k in range(len(f) - 1))
               for f in frame)


def _blank(low: str, catalog: Catalog) -> HeadingAsk | None:
    named = _named(low, catalog)
    rest = _unnamed(low, named[0], catalog) if len(named) == 1 else low
    if not all(w in _BLANK_FRAME or _swapped(w, _BLANK_FRAME) for w in rx.findall(r"[a-z]+", rest)):
        return None
    if len(named) == 1:
        paper = named[0]
        pages = paper.blank_pages
        said = ", ".join(str(n) for n in pages)
        text = (f"{paper.title}: {len(pages)} of its {paper.page_count} PDF pages print nothing: page"
                f"{'s' if len(pages) != 1 else ''} {said}." if pages
                else f"{paper.title}: none of its {paper.page_count} PDF pages is blank.")
        return HeadingAsk(text, [paper], {paper.paper_id: [Heading("", f"blank page {n}", n) for n in pages]})
    if not named and _SET.search(low):
        having = [p for p in catalog.papers if p.blank_pages]
        read = [p for p in catalog.papers if p.blocks]
        text = f"{len(having)} of the {len(read)} PDFs have blank pages" + (": " + "; ".join(
            f"{p.title} (pages {', '.join(map(str, p.blank_pages))} of {p.page_count})" for p in having) if having
            else "") + "."
        return HeadingAsk(text, having, {p.paper_id: [Heading("", f"blank page {n}", n) for n in p.blank_pages]
                                         for p in having})
    return None
