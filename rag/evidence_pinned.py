"""The printed object a content question names, pinned as its first evidence passage (issue 11).

'footnote 3 of DPR: which passage setting worked better?', 'in SPECTER's acknowledgements, what is the compute used
for?', 'what does section 4.2 of SPECTER say about negative sampling?', 'the page with the github link in DPR: what
did they release there?' say where the answer is printed. Retrieval often misses it (a footnote is no chunk of its
own; a section's best sentence may rank below a neighbour's), and the model then quotes neighbouring sentences. The
catalog locates the object exactly, so its text goes first, cited with its paper, section and page, and the model and
the extractive fallback answer from it.

An object is located only in the one paper the question names (rag/plan_citations._named): by a footnote's number, a
section's number or printed title, the acknowledgements, the abstract, a page number, or the page a printed link is on.
A long object is cut to its sentences richest in the question's words, in printed order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rag import rx
from rag.answerability import Signals
from rag.catalog import Catalog
from rag.catalog_footnotes import words as footnote_words
from rag.catalog_headings import outline
from rag.catalog_links import printed_links
from rag.plan_citations import _named
from rag.plan_heading_phrases import abbreviated
from rag.plan_object_content import FOOTNOTE, LINK_PAGE
from rag.question_words import question_stems, stems
from rag.records import Block, Evidence, Paper
from rag.text import split_sentences

_SECTION = re.compile(r"(?:\b(?:sub-?section|section|sec\.?)\s*|§\s*)(\d+(?:\.\d+)*)\b", re.I)
_ACKNOWLEDGEMENTS = re.compile(r"\backnowledge?ments?\b|\backs\b|\bthanks\s+section\b", re.I)
# The abstract named as the paper's part ('per the abstract', "SPECTER's abstract", 'the abstract of DPR', 'the
# LayoutParser abstract says'), not as an input ('title and abstract', 'title-plus-abstract', 'the abstract is dropped').
_INPUT = re.compile(r"\btitles?\W+(?:\w+\W+){0,2}abstracts?\b", re.I)  # 'separates the title from the abstract'
_SAYS = r"(?:say|says|said|claim|claims|state|states|mention|mentions|note|notes|describe|describes|report|reports)"
_ABSTRACT = re.compile(rf"(?<!title and )(?<!title & )(?<!title-plus-)(?<!title \+ )(?<!title\+)(?<!title/)"
                       rf"(?:\b(?:per|in|from|according\s+to)\s+(?:the\s+|its\s+|their\s+)?(?:\w+(?:'s)?\s+)?abstract\b|"
                       rf"'s\s+abstract\b|\babstract\s+of\s+(?!a\b|each\b|every\b|the\s+input)|\babstract\s+{_SAYS}\b|"
                       rf"\babstract\s*:)", re.I)
_PAGE = re.compile(r"\b(?:page|pg\.?|p\.)\s*(\d{1,3})\b", re.I)
PINNED = "pinned:"  # the chunk id prefix of a pinned passage: the extractive quote ranks its lines first
_ONE_PAGE = re.compile(r"\b(?:on|in|from)\s+(?:the|this|that)\s+(?:[\w']+\s+){0,2}page\b", re.I)
_PAGE_ASKED = re.compile(r"\b(?:which|what)\s+page|\bpage\s+(?:range|numbers?)\b|\bpages\b", re.I)
MAX_SENTENCES = 3  # a section or page is cut to its best lines: every prompt token delays the first word


@dataclass(frozen=True)
class NamedObject:
    """A printed object of one paper: what it is called, its text and where it is printed."""

    paper: Paper
    label: str  # 'footnote 3', '§4.2 Negative sampling', 'Acknowledgements', 'Abstract', 'page 2'
    sentences: tuple[str, ...]
    section: str = ""
    page: int | None = None


def locate(question: str, catalog: Catalog) -> NamedObject | None:
    """The printed object the question names in the one paper it names, or None."""
    text = " ".join(question.replace("’", "'").split())
    named = [p for _, p in _named(text.casefold(), catalog)] or abbreviated(text, [p for p in catalog.papers if p.blocks])
    if len(named) != 1:
        return None
    paper = named[0]
    for find in (_footnote, _link_page, _section, _acknowledgements, _abstract, _page):
        if (found := find(text, paper)) is not None and found.sentences:
            return found
    return None


def pin(question: str, evidence: list[Evidence], catalog: Catalog) -> list[Evidence]:
    """`evidence` with the named object's text first as [1] (the rest renumbered after it), shown to the model with
    the best passage's relevance; unchanged when the question names no object the catalog locates."""
    found = locate(question, catalog)
    if found is None:
        return evidence
    top = max((e.relevance for e in evidence), default=1.0)
    pinned = Evidence(n=1, paper=found.paper, chunk_id=f"{PINNED}{found.paper.paper_id}:{found.label}",
                      sentences=list(found.sentences), retrieval_score=1.0, relevance=top, best=0,
                      section=found.section, page=found.page)
    return [pinned] + [e.model_copy(update={"n": e.n + 1}) for e in evidence]


def shown_not_refused(signals: Signals, evidence: list[Evidence]) -> Signals:
    """A refusal turned into the closest passages when the first is the object the question names: the user pointed
    at where the answer is printed, so its text is shown (marked as not a direct answer), never hidden. Abstention
    counts both outcomes alike."""
    if signals.outcome != "refused" or not evidence or not evidence[0].chunk_id.startswith(PINNED):
        return signals
    return replace(signals, outcome="closest", reason=f"{signals.reason}; the passage the question names is shown")


def _footnote(text: str, paper: Paper) -> NamedObject | None:
    m = FOOTNOTE.search(text)
    note = next((n for n in paper.footnotes if m and n.mark == m.group(1)), None)
    if note is None:
        return None
    return NamedObject(paper, f"footnote {note.mark}", (f"Footnote {note.mark}: {footnote_words(note)}",),
                       note.section, note.printed.page)


def _link_page(text: str, paper: Paper) -> NamedObject | None:
    m = LINK_PAGE.search(text)
    if m is None:
        return None
    said = set(m.group(1).casefold().split())
    links = [link for link in printed_links(paper) if link.page is not None]
    link = next((link for link in links if said & {link.service.casefold(), link.kind, link.host.split(".")[0]}),
                links[0] if links else None)
    if link is None:
        return None
    return _cut(paper, f"page {link.page}", [b for b in _text_blocks(paper) if b.page == link.page], text,
                must=link.sentence)


def _section(text: str, paper: Paper) -> NamedObject | None:
    low = text.casefold()
    headings = outline(paper).headings
    m = _SECTION.search(text)
    heading = next((h for h in headings if m and h.number == m.group(1)), None) or \
        next((h for h in sorted(headings, key=lambda h: -len(h.title))
              if len(h.title) > 3 and _titled(h.title.casefold(), low)), None)
    if heading is None:
        return None
    number = heading.number

    def within(block: Block) -> bool:
        own = block.section.split(" ", 1)
        return (own[0] == number or own[0].startswith(number + ".")) if number else block.section == heading.title
    label = f"§{number} {heading.title}".strip() if number else heading.title
    return _cut(paper, label, [b for b in _text_blocks(paper) if within(b)], text)


def _titled(title: str, low: str) -> bool:
    """A heading named as one: quoted, or said with a section word ('the Inference section', 'section Inference') — a
    title word alone ('what inference speed') names no section."""
    t = re.escape(title)
    return bool(rx.search(rf"['\"‘“]{t}['\"’”]|\b{t}\s+(?:sub-?)?(?:section|part|heading|chapter)s?\b|"
                          rf"(?:\b(?:sub-?section|section|heading|part|chapter)|§)\s*(?:[\d.]+\s+)?(?:called\s+|titled\s+|"
                          rf"named\s+|on\s+|about\s+)?{t}\b", low))


def _acknowledgements(text: str, paper: Paper) -> NamedObject | None:
    if not _ACKNOWLEDGEMENTS.search(text):
        return None
    blocks = [b for b in _text_blocks(paper) if rx.search(r"(?i)acknowledge?ments?", b.section or b.lead)]
    return _cut(paper, "Acknowledgements", blocks, text)


def _abstract(text: str, paper: Paper) -> NamedObject | None:
    if not _ABSTRACT.search(text) or _INPUT.search(text) or not paper.abstract:
        return None
    return _cut(paper, "Abstract", [Block(section="Abstract", page=1, text=paper.abstract)], text)


def _page(text: str, paper: Paper) -> NamedObject | None:
    m = _PAGE.search(text)
    # 'on the Backus page', 'on this page of Backus's paper': a one-page PDF named as a page is that page; 'which
    # page of CACM', 'its page range' ask a printed number, not what the page says
    number = int(m.group(1)) if m else 1 if paper.page_count == 1 and _ONE_PAGE.search(text) and \
        not _PAGE_ASKED.search(text) else None
    if number is None:
        return None
    return _cut(paper, f"page {number}", [b for b in _text_blocks(paper) if b.page == number], text)


def _text_blocks(paper: Paper) -> list[Block]:
    return [b for b in paper.blocks if b.kind == "text"]


def _cut(paper: Paper, label: str, blocks: list[Block], question: str, must: str = "") -> NamedObject | None:
    """The object's sentences richest in the question's words (and the one it must hold), in printed order."""
    if not blocks:
        return None
    lines = [(s, b) for b in blocks for s in split_sentences(b.text)]
    asked = question_stems(question)
    ranked = sorted(range(len(lines)), key=lambda i: (-(must and must in lines[i][0]) if must else 0,
                                                       -len(asked & stems(lines[i][0])), i))
    keep = sorted(ranked[:MAX_SENTENCES])
    first = lines[keep[0]][1]
    return NamedObject(paper, label, tuple(lines[i][0] for i in keep), first.section, first.page)
