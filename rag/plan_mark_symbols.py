"""A PDF byline's printed marks by their symbol (issue 11): 'which of my PDFs use a double-dagger (‡) author mark, who
carries it, and what institution does it stand for?', 'who has the dagger on the DPR byline', 'what does ∗ mean in
SPECTER'.

The marks are the catalog's own: each author's marks as printed (Author.marks), each organisation's mark and each
footnote mark's meaning (Paper.organisations, Paper.notes). A symbol is named by its glyph or its name ('double
dagger', 'dagger', 'asterisk', 'section sign'); the Amii page's star is the legend's affiliation mark and is read
elsewhere (rag/plan_org_values.py), so only the uploaded PDFs are searched. Several symbols may be named at once ('the
† and ‡ marks', 'dagger-style symbols (†, ‡)'): each is answered for itself. What may be asked: which PDFs, who carries
the mark, what it stands for; any other word left over means the question is about something else."""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_pdf_records import is_pdf
from rag.plan_headings import HeadingAsk
from rag.plan_terms import Question
from rag.plan_values import title
from rag.records import Author, Paper

# The symbol's name or glyph -> the glyphs a PDF prints for it (the asterisk two ways: '*' and the math '∗').
# 'dagger-style symbols', 'dagger-type marks': the family, both daggers
_FAMILY = [(r"dagger[- ](?:style|type|like|ish)", ["††", "‡‡"])]
_SYMBOLS = [(r"double[- ]?daggers?|‡", "‡‡"), (r"daggers?|†", "††"), (r"section\s+(?:signs?|marks?)|§", "§§"),
            (r"pilcrows?|paragraph\s+(?:signs?|marks?)|¶", "¶¶"), (r"asterisks?|∗|(?<![\w*])\*(?![\w*])", "*∗")]
_ASKED = [r"\b(?:which|what)\s+(?:of\s+(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?|uploads?)\b",
          r"\bwho\s+(?:carries|carry|has|have|gets?|bears?|is\s+marked\s+with)\s+(?:it|that|them|one|this)?\b|\bwho\b",
          r"\b(?:what|which)\s+(?:institution|organi[sz]ation|affiliation|university|lab|place)\b",
          r"\b(?:stand|stands|standing)\s+for\b|\bmean(?:s|ing)?\b|\bdenotes?\b|\bindicates?\b|\bsignif(?:y|ies)\b|"
          r"\brefers?\s+to\b|\brefer\b",
          r"\b(?:uses?|using|prints?|printing|has|have|carr(?:y|ies)|marks?|symbols?|footnotes?|superscripts?|"
          r"next\s+to|beside|after|following|puts?|placed|names?|authors?|bylines?|affiliations?|each|styles?)\b"]


def mark_symbol(question: str, catalog: Catalog) -> HeadingAsk | None:
    """Who carries a named mark on the uploaded PDFs' bylines and what it stands for; None when no symbol is named or
    anything else is asked."""
    q = Question(question)
    said_at: list[tuple[int, str]] = []  # (where, glyph set) of each symbol named
    for words, printed in _FAMILY:
        said_at += [(m.start(), glyphs) for m in q.take(rf"\b(?:{words})") for glyphs in printed]
    for words, printed in _SYMBOLS:
        said_at += [(m.start(), printed) for m in q.take(rf"(?:\(\s*)?(?:{words})(?:\s*\))?")]
    named = list(dict.fromkeys(glyphs for _, glyphs in sorted(said_at)))  # in the order said
    if not named:
        return None
    q.take(r"(?<=\s)(?:,|and|&|or|/)(?=\s)|[(),/]")  # between the symbols: '† and ‡', '(†, ‡)'
    paper = title(q, catalog) or _short_named(q, catalog)
    if paper is None and not rx.search(r"\b(?:pdfs?|uploaded|uploads|files|documents)\b", q.text, re.I):
        return None  # the listing pages mark people too: only a PDF named, or the PDFs said, scope it here
    person = _person(q, paper) if paper is not None else None  # 'Daniel Weld has a ‡ next to his name: what is it?'
    for pattern in _ASKED:
        q.take(pattern)
    q.take(r"\b(?:pdfs?|uploaded|uploads?|files?|documents?|papers?)\b")
    if q.residual():
        return None
    pdfs = [paper] if paper is not None and is_pdf(paper) else [p for p in catalog.papers if is_pdf(p)] \
        if paper is None else []
    if not pdfs:
        return None
    if person is not None:
        return _on_person(pdfs[0], person, named)
    said = [(p, line) for p in pdfs for glyphs in named if (line := _carried(p, glyphs))]
    where = pdfs[0].title if paper is not None else "any uploaded PDF"
    unborne = [f"No author carries {glyphs[0]} on the byline of {where}." for glyphs in named
               if not any(_carried(p, glyphs) for p in pdfs)]
    if not said:
        return HeadingAsk(" ".join(unborne), pdfs if paper is not None else [])
    return HeadingAsk(" ".join([line for _, line in said] + (unborne if len(named) > 1 else [])),
                      list({p.paper_id: p for p, _ in said}.values()))


def _short_named(q: Question, catalog: Catalog) -> Paper | None:
    """A PDF named by its short name in any case ('specter pdf'): the short names are the catalog's own."""
    for name, paper in catalog.short_names.items():
        if is_pdf(paper) and q.take(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flags=re.I):
            return paper
    return None


def _person(q: Question, paper: Paper) -> Author | None:
    """The one author of the PDF the question names, in full or by first and last name ('Daniel Weld' for 'Daniel S.
    Weld'), with the words pointing back at them ('his name')."""
    for author in paper.authors:
        words = author.name.split()
        short = [words[0], words[-1]] if len(words) > 2 else words
        for said in (words, short):
            if q.take(r"\b" + r"\s+".join(re.escape(w) for w in said) + r"\b", flags=re.I):
                q.take(r"\b(?:his|her|their|that|this)\s+(?:name|author|person)\b|\b(?:his|her|their)\b")
                return author
    return None


def _on_person(paper: Paper, author: Author, named: list[str]) -> HeadingAsk:
    """What each named mark means on one author: 'SPECTER … — Daniel S. Weld (marks † ‡): Paul G. Allen School …'."""
    lines = []
    for glyphs in named:
        mark = next((m for m in author.marks if m in glyphs), None)
        if mark is None:
            lines.append(f"{author.name} carries no {glyphs[0]} on the byline of {paper.title} (marks: "
                         f"{' '.join(author.marks) or 'none'}).")
            continue
        means = [o.name for o in paper.organisations if o.mark and o.mark in glyphs] + \
            [n.means for n in paper.notes if n.mark in glyphs]
        lines.append(f"{paper.title} — {author.name} (marks {' '.join(author.marks)}): " +  # as rag/catalog_authors says one
                     ("; ".join(means) if means else f"the page prints no meaning for {mark}") + ".")
    return HeadingAsk(" ".join(lines), [paper])


def _carried(paper: Paper, glyphs: str) -> str:
    """'Dense Passage Retrieval …: ‡ on Danqi Chen — Princeton University.'; '' when no author carries the mark."""
    people = [a.name for a in paper.authors if any(m in glyphs for m in a.marks)]
    if not people:
        return ""
    mark = next(m for a in paper.authors for m in a.marks if m in glyphs)
    means = [o.name for o in paper.organisations if o.mark and o.mark in glyphs] + \
        [n.means for n in paper.notes if n.mark in glyphs]
    return f"{paper.title}: {mark} on {', '.join(people)} — " + ("; ".join(means) if means else
                                                                  "the page prints no meaning for it") + "."
