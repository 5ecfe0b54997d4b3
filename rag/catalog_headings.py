"""The section headings a PDF prints, as a catalog field: number, level, title and the page each starts on, its
appendix and its last numbered section (issue 11: the structure a paper prints is data, like its title).

Read from Paper.blocks, whose `section` is the heading the text under it was printed under ('3.2 Results'). Under
each heading the outline keeps its parts: the run-in headings its paragraphs open with in bold ('Training Data To
train our model ...', Block.lead) and, in a PDF whose weight is not known (a scan), a paragraph of one to three
capitalised words standing alone before the text it heads ('Cells'). A
top-level heading with no prose directly under it ('2 Model' straight before '2.1 Overview') leaves no block: its
number is known from its subsections, its words are not, and it is shown as such rather than guessed. Built once per
snapshot by Catalog.outlines, as every heading question reads every PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.records import Block, Paper

# '3', '3.2', '3.2.1' or an appendix letter 'A', 'B.1', then the title; a trailing dot after the number is printed
# by some styles ('3. Method').
_NUMBERED = re.compile(r"(?P<number>\d{1,2}(?:\.\d{1,2}){0,3}|[A-H](?:\.\d{1,2}){0,3})\.?\s+(?P<title>\S.*)")
_APPENDIX = re.compile(r"\b(?:appendix|appendices|supplementary|supplemental)\b", re.I)
# A run-in heading, printed at the start of its paragraph and ended by a full stop ('13.3.4 Cells, fetching, and
# storing. For a number of reasons ...', Backus's CACM style): the parser keeps no section for it. Two levels at least
# and a capital after the number, so a list item ('1. We ...') or a quantity ('2.5 million') is not one.
_RUN_IN = re.compile(r"(?P<number>\d{1,2}(?:\.\d{1,2}){1,3})\s+(?P<title>[A-Z][^.!?]{2,70}?)\.\s")
_REFERENCES = re.compile(r"(?:references|bibliography|works\s+cited)\s*$", re.I)


@dataclass(frozen=True)
class Heading:
    number: str  # as printed: '3', '2.1', 'A'; '' for an unnumbered heading ('Acknowledgements', 'References')
    title: str  # the words after the number; '' when only the number is known (from its subsections)
    page: int | None  # the page the heading is printed on (where its first text starts)
    appendix: bool = False

    @property
    def level(self) -> int:
        """1 for a section, 2 for a subsection, ...; 0 for an unnumbered heading."""
        return self.number.count(".") + 1 if self.number else 0

    @property
    def parent(self) -> str:
        return self.number.rpartition(".")[0]

    def said(self) -> str:
        """'§3 SCIDOCS Evaluation Framework (p. 3)'; a heading known by number only says so."""
        words = self.title or "(its title is not in the text as read)"
        mark = f"§{self.number} " if self.number else ""
        return f"{mark}{words}" + (f" (p. {self.page})" if self.page else "")


@dataclass(frozen=True)
class Part:
    """A run-in or unnumbered paragraph heading ('Training Data', 'Co-Views', '1. Random'), under its section."""

    title: str
    page: int | None
    under: Heading  # the numbered or named heading it is printed under

    def said(self) -> str:
        return self.title + (f" (p. {self.page})" if self.page else "")


@dataclass
class Outline:
    paper: Paper
    headings: list[Heading] = field(default_factory=list)  # in printed order
    parts: list[Part] = field(default_factory=list)  # paragraph headings, in printed order

    @property
    def sections(self) -> list[Heading]:
        """The numbered top-level sections of the body, the appendix left out."""
        return [h for h in self.headings if h.level == 1 and not h.appendix]

    @property
    def appendix(self) -> list[Heading]:
        return [h for h in self.headings if h.appendix and h.level <= 1]

    @property
    def last(self) -> Heading | None:
        """The last numbered section of the body (before the references and any appendix)."""
        return self.sections[-1] if self.sections else None

    def numbered(self, number: str) -> Heading | None:
        return next((h for h in self.headings if h.number.casefold() == number.casefold()), None)

    def children(self, heading: Heading) -> list[Heading]:
        return [h for h in self.headings if h.number and h.parent == heading.number]

    def subsections(self) -> list[Heading]:
        """Every numbered heading below a section whose words are printed ('2.1', '13.3.4'), in order."""
        return [h for h in self.headings if h.level >= 2 and h.title]

    def parts_of(self, heading: Heading, nested: bool = True) -> list[Part]:
        """The paragraph headings printed under `heading` and, when nested, under its subsections."""
        def within(h: Heading) -> bool:
            return h == heading or (nested and bool(heading.number) and h.number.startswith(heading.number + "."))
        return [p for p in self.parts if within(p.under)]


def outline(paper: Paper) -> Outline:
    """The headings the paper's blocks were printed under, in order; numbers known only from their subsections are
    put before their first subsection."""
    found: list[Heading] = []
    parts: list[tuple[int, str, int | None]] = []  # (index in found of the heading it is under, title, page)
    seen: set[str] = set()
    after_references = False
    blocks = paper.blocks
    for index, block in enumerate(blocks):
        printed = " ".join(block.section.split())
        run_in = _RUN_IN.match(block.text) if block.kind == "text" and not printed else None
        if run_in and len(run_in.group("title").split()) <= 8 and run_in.group(0) not in seen:
            seen.add(run_in.group(0))
            found.append(Heading(run_in.group("number"), run_in.group("title"), block.page))
        if printed and printed not in seen:
            seen.add(printed)
            after_references = after_references or bool(_REFERENCES.match(printed))
            _add_printed(found, printed, block.page, after_references)
        title = block.lead or (_standalone(block, blocks[index + 1] if index + 1 < len(blocks) else None))
        if title and found and not run_in and found[-1].title.casefold() != "references":
            parts.append((len(found) - 1, title, block.page))
    out: list[Heading] = []
    known = {h.number for h in found if h.number}
    at: dict[int, Heading] = {}
    for i, h in enumerate(found):
        parent, missing = h.parent, []
        while parent and parent not in known:  # '2.1' printed, '2' not: the section is there, its words are not
            known.add(parent)
            missing.insert(0, Heading(parent, "", h.page, h.appendix))
            parent = parent.rpartition(".")[0]
        out += missing + [h]
        at[i] = h
    return Outline(paper, out, [Part(title, page, at[i]) for i, title, page in parts])


# A paragraph of one to three capitalised words, no full stop, standing alone before the paragraph it heads ('Cells'
# over 'A cell is a triple ...'): a heading set apart by its line alone where the weight was not read
_STANDALONE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){0,2}")


def _standalone(block: Block, following: Block | None) -> str:
    if block.kind != "text" or following is None or following.kind != "text" or following.page != block.page:
        return ""
    return block.text.strip() if _STANDALONE.fullmatch(block.text.strip()) and following.text[:1].isupper() else ""


def _add_printed(found: list[Heading], printed: str, page: int | None, after_references: bool) -> None:
    """The heading a block was printed under: numbered, unnumbered or an appendix's."""
    m = _NUMBERED.fullmatch(printed)
    letter = m is not None and m.group("number")[0].isalpha()
    # A capital letter opens an appendix heading only after the references or when the heading says appendix:
    # 'A Study of X' in the body is an unnumbered heading.
    if m is not None and (not letter or after_references or _APPENDIX.search(printed)):
        number, title = m.group("number"), m.group("title").strip()
    else:
        number, title = "", printed
    appendix = (letter and number != "") or (bool(_APPENDIX.search(printed)) and (after_references or not number))
    found.append(Heading(number, title, page, appendix))


def outlines(papers: list[Paper]) -> dict[str, Outline]:
    """paper_id -> Outline of every paper that prints numbered headings (held once per snapshot by Catalog.outlines)."""
    built = (outline(p) for p in papers if p.blocks)
    return {o.paper.paper_id: o for o in built if any(h.number for h in o.headings)}
