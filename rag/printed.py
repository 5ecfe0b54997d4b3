"""Typed records of what a page or a PDF prints once, with where it is printed: a listing page's own facts (its
legend, headings, conference, owner's figures), a PDF's affiliations, proceedings line, arXiv stamp and footnotes.

Kept apart from rag/records.py (which re-exports them) so that module stays the pipeline's records.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class Printed(BaseModel):
    """Where a fact is printed, so an answer can cite it: a line of a listing page, or a page (and line) of a PDF."""

    text: str = Field(default="", description="The words as printed: 'Accepted Papers', '*- denotes Amii affiliation', "
                      "'arXiv:2004.07180v4 [cs.CL] 20 May 2020'.")
    page: int | None = Field(default=None, description="1-based PDF page (None for a listing page).")
    line: int | None = Field(default=None, description="1-based line: of the file for a listing page, of the page's "
                             "lines in reading order for a PDF (None for a margin stamp or the small print).")

    @property
    def location(self) -> str:
        """'line 70', 'p. 1, line 8', 'p. 1' (empty when nothing is known)."""
        return ", ".join(([f"p. {self.page}"] if self.page else []) + ([f"line {self.line}"] if self.line else []))


class LegendEntry(BaseModel):
    """One mark a page explains once for every entry on it ('*- denotes Amii affiliation')."""

    mark: str = Field(description="The mark as printed after names: '*'.")
    means: str = Field(description="What the legend says it stands for: 'Amii'.")
    printed: Printed = Field(default_factory=Printed)


class PageFacts(BaseModel):
    """What a listing page prints once, for every paper on it: whose page it is, its legend, its headings,
    the conference it is about, the owner's figures. Each paper's SourceRef carries its page's facts."""

    kind: str = Field(description="institute, profile or trending.")
    name: str | None = Field(default=None, description="The page as its header names it (SourceRef.page_name).")
    owner: str | None = Field(default=None, description="Whose profile the page is ('Aaron Courville').")
    institute: str | None = Field(default=None, description="The institute presenting its papers ('Amii').")
    legend: list[LegendEntry] = Field(default_factory=list)
    conference: str | None = Field(default=None, description="The conference's full name as printed: "
                                   "'International Conference on Learning Representations'.")
    acronym: str | None = Field(default=None, description="Its acronym as printed: 'ICLR'.")
    edition: int | None = Field(default=None, description="Which edition: 'the fourteenth annual' -> 14.")
    year: int | None = Field(default=None, description="The conference's year, printed or counted from its edition.")
    location: str | None = Field(default=None, description="Where it takes place, as printed: 'Rio de Janeiro, Brazil'.")
    listed: str | None = Field(default=None, description="The listing's own date as printed ('Jun 26', trending pages).")
    publisher: str | None = Field(default=None, description="Who the page says publishes the list "
                                  "('byAK and the research community').")
    stats: dict[str, str] = Field(default_factory=dict, description="The owner's figures as printed on a profile: "
                                  "{'h-index': '67', 'papers': '210', 'citations': '99,704', 'novelty': '51%', "
                                  "'ai score': '63', 'category': 'LG'}.")
    headings: list[Printed] = Field(default_factory=list, description="Section headings, in page order, with lines.")


class Organisation(BaseModel):
    """An affiliation a paper prints under its authors (or in a footnote): who is from where."""

    name: str = Field(description="The organisation without its address: 'Allen Institute for Artificial "
                      "Intelligence'; a department and its university stay together, comma-separated.")
    mark: str | None = Field(default=None, description="The mark that ties authors to it ('†', '1'); None if unmarked.")
    authors: list[str] = Field(default_factory=list, description="Names of the authors it is printed for; empty "
                               "when the page does not say which.")
    printed: Printed = Field(default_factory=Printed, description="The line(s) as printed, address included.")


class VenueLine(BaseModel):
    """What a PDF's proceedings line prints besides the venue's name: 'Proceedings of NAACL-HLT 2018, pages 84–91 /
    New Orleans, Louisiana, June 1 - 6, 2018. © 2017 Association for Computational Linguistics'."""

    pages: str | None = Field(default=None, description="Page range in the proceedings: '84–91'.")
    place: str | None = Field(default=None, description="Where the venue was held: 'New Orleans, Louisiana'.")
    dates: str | None = Field(default=None, description="When, as printed: 'June 1 - 6, 2018'.")
    publisher: str | None = Field(default=None, description="Who holds the copyright: 'Association for "
                                  "Computational Linguistics'.")
    copyright_year: int | None = None
    volume: int | None = Field(default=None, description="The volume the line prints: 21 for 'Volume 21', 119 for "
                               "'PMLR 119'.")
    number: int | None = Field(default=None, description="The issue within the volume: 8 for 'Number 8' / 'No. 8'.")
    edition: int | None = Field(default=None, description="Which meeting the venue's name counts: 58 for 'the 58th "
                                "Annual Meeting of the ACL', 34 for 'Thirty-Fourth AAAI Conference'.")
    kind: str | None = Field(default=None, description="'journal' (a journal's footer, 'Journal of …', 'Transactions "
                             "on …') or 'proceedings' ('Proceedings of …', a conference's line); None when unclear.")
    printed: Printed = Field(default_factory=Printed)
    folio: Printed | None = Field(default=None, description="The page number printed on page 1 (and the last page), "
                                  "where `pages` comes from it: '633' in the Backus excerpt's margin.")


class Footnote(BaseModel):
    """One footnote a PDF prints at the foot of a page: '7 http://rtw.ml.cmu.edu/rtw/', '∗ Equal contribution'."""

    mark: str = Field(description="The mark as printed before it: '7', '∗', '†'.")
    text: str = Field(description="The footnote's words, its lines joined (an address a line break split may keep a "
                      "space: rag/catalog_links.py joins it again).")
    anchor: str = Field(default="", description="The words the mark follows in the running text, from the sentence's "
                        "start or the previous mark: 'the Never-Ending Language Learner (NELL)'; '' when not found.")
    section: str = Field(default="", description="The section the mark stands in: 'Abstract', '4.3 Knowledge Bases'.")
    printed: Printed = Field(default_factory=Printed, description="Page and line of the footnote's first line.")


class ArxivStamp(BaseModel):
    """The arXiv stamp in a PDF's margin: 'arXiv:2004.07180v4 [cs.CL] 20 May 2020'."""

    id: str = Field(description="2004.07180 (or an old-style id: hep-th/9901001).")
    version: int | None = Field(default=None, description="4 for 'v4'.")
    category: str | None = Field(default=None, description="The primary category as printed: 'cs.CL', 'stat.ML'.")
    category_name: str | None = Field(default=None, description="arXiv's name for it: 'Computation and Language'.")
    date: str | None = Field(default=None, description="ISO date of this version: 2020-05-20.")
    printed: Printed = Field(default_factory=Printed)
