"""A PDF's pages as records (issue 11): which pages print nothing at all (Paper.blank_pages), and where a numbered
table or figure is printed with its caption ('Table 1: Results of the ScienceParse system.', p. 3).

Taken when the question names a PDF of the library (or asks over them) and the page object: 'blank / empty pages',
or 'Table 1' / 'Figure 2' with what may be asked of its place: its caption, title, page or where it is. What a table
shows, reports or holds (its rows, its best score) is content and stays with retrieval.
"""

from __future__ import annotations

import re

from rag.catalog import Catalog
from rag.catalog_headings import Heading
from rag.plan_heading_phrases import file_named
from rag.plan_headings import HeadingAsk, _title_pair, catalog_names
from rag.records import Block, Paper

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
# 'Table 1', 'tab. 2', 'Figure 3', 'fig 1': a numbered object the PDF captions
_OBJECT = re.compile(r"\b(table|tab\.?|figure|fig\.?)\s*(\d{1,2})\b")
# What may be asked of where an object is printed: its caption, its page, where; nothing of what it holds
_OBJECT_FRAME = frozenset("""what whats which where when is are was were does do did the a an of in on at to and or its
it their my this that pdf paper file document s caption captioned captions title titled called named label labelled
labeled heading page pages number printed print prints appear appears located find found sit sits say says read reads
exactly full text tell me please give show on which one""".split())
_WHAT_IT_HOLDS = re.compile(r"\b(?:show|shows|shown|report|reports|reported|best|highest|lowest|score|scores|values?|"
                            r"rows?|columns?|results?\s+(?:of|for)|compare[sd]?|mean|means|how\s+(?:well|much|good))\b")


def _named(low: str, catalog: Catalog) -> list[Paper]:
    """The PDFs the question names: a short name, two title words in a row, or the file name of a PDF with no title."""
    pdfs = [p for p in catalog.papers if p.blocks]
    found = [p for p in pdfs if _title_pair(p.title, low) or
             any(re.search(rf"\b{re.escape(n.casefold())}\b", low) for n in catalog_names(catalog, p))]
    return found or file_named(low, pdfs)


def _unnamed(low: str, paper: Paper, catalog: Catalog) -> str:
    for name in catalog_names(catalog, paper):
        low = re.sub(rf"\b{re.escape(name.casefold())}\b", " ", low)
    return re.sub(r"\b(?:" + "|".join(re.escape(w) for w in re.findall(r"[a-z0-9]+", paper.title.casefold())) + r")\b",
                  " ", low)


def page_ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    low = " ".join(question.casefold().replace("’", "'").split())
    if re.search(r"\bwhy\b|\bhow\b(?!\s+many)", low):
        return None  # why a page is blank, how a table was made: what the paper says
    if _BLANK.search(low):
        return _blank(low, catalog)
    if _OBJECT.search(low) and not _WHAT_IT_HOLDS.search(low):
        return _object(low, catalog)
    return None


def _swapped(word: str, frame: frozenset[str]) -> bool:
    """A frame word typed with two neighbouring letters swapped ('emtpy', 'whcih')."""
    return any(len(f) == len(word) > 3 and sorted(f) == sorted(word) and
               [i for i, (a, b) in enumerate(zip(f, word)) if a != b] in ([k, k + 1] for k in range(len(f) - 1))
               for f in frame)


def _blank(low: str, catalog: Catalog) -> HeadingAsk | None:
    named = _named(low, catalog)
    rest = _unnamed(low, named[0], catalog) if len(named) == 1 else low
    if not all(w in _BLANK_FRAME or _swapped(w, _BLANK_FRAME) for w in re.findall(r"[a-z]+", rest)):
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


def _captioned(paper: Paper, kind: str, number: str) -> Block | None:
    """The block a 'Table 1:' / 'Figure 1:' caption opens (a table keeps its caption as its first line)."""
    noun = "table" if kind.startswith("tab") else r"figure|fig\."
    start = re.compile(rf"(?:{noun})\s*{number}\s*[:.|]", re.I)
    return next((b for b in paper.blocks if b.kind in ("table", "caption") and start.match(b.text)), None)


def _object(low: str, catalog: Catalog) -> HeadingAsk | None:
    named = _named(low, catalog)
    if len(named) != 1:
        return None
    paper = named[0]
    m = _OBJECT.search(low)
    rest = _OBJECT.sub(" ", _unnamed(low, paper, catalog))
    if not all(w in _OBJECT_FRAME for w in re.findall(r"[a-z]+", rest)):
        return None  # a word about what the object holds or does: content
    kind, number = m.group(1), m.group(2)
    block = _captioned(paper, kind, number)
    said = f"{'Table' if kind.startswith('tab') else 'Figure'} {number}"
    if block is None:
        return HeadingAsk(f"{paper.title} prints no {said} caption in its text as read.", [paper])
    caption = " ".join(block.text.splitlines()[0].split())
    text = f"{paper.title}: {said} is printed on PDF page {block.page}, captioned '{caption}'"
    return HeadingAsk(text + ".", [paper], {paper.paper_id: [Heading("", caption, block.page)]})
