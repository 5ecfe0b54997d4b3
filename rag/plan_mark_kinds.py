"""Which PDFs mark their authors with symbols (†, ‡, ∗) and which with numbers (1, 2, 3): the kind of the marks
printed after the names (Author.marks), asked of the set ('which pdfs mark their authors with symbols rather than
numbers?', 'PDFs with numbered author superscripts').

Taken only when the question names the marks said of the authors ('mark their authors', 'author superscripts') and
their kind by its general name (symbols, numbers, digits), over the PDFs: 'which papers use numbers of authors …'
names no mark, 'which papers mark their authors with a dagger' asks for one mark (rag/plan_marks.py).
"""

from __future__ import annotations

import re

from rag.catalog import Catalog
from rag.plan_headings import HeadingAsk
from rag.records import Paper

_SYMBOL = re.compile(r"\bsymbols?\b|\bsymbolic\b|\bdaggers?\b|\basterisks?\b|\bstars?\b|[†‡∗*§¶]", re.I)
_NUMBER = re.compile(r"\bnumbers?\b|\bnumerals?\b|\bdigits?\b|\bnumbered\b|\bnumeric(?:al)?\b|\bintegers?\b", re.I)
# The marks said of the authors: 'mark their authors', 'author marks', 'affiliation superscripts', 'numbers after the
# author names' ('to mark entities in author names' marks something else).
_OF_AUTHORS = re.compile(
    r"\b(?:mark|marks|marked|marking|flag|flags|flagged|flagging|label|labels|labell?ed|tag|tags|tagged)\s+"
    r"(?:(?:their|its|the|all|each)\s+)?(?:authors?|names?|author\s+names?)\b|"
    r"\b(?:authors?|author's|affiliation)\s+(?:\w+\s+)?(?:marks?|markers?|superscripts?|flags?)\b|"
    r"\b(?:marks?|markers?|superscripts?|numbers|numerals|symbols|digits|daggers|asterisks)\s+(?:after|next\s+to|beside|"
    r"by|on|for|with)\s+(?:(?:the|their|its|each)\s+)?(?:authors?|author\s+names?|names?)\b", re.I)
_OTHER = re.compile(r"\b(?:rather\s+than|instead\s+of|not|but\s+not|and\s+not|over|versus|vs\.?)\s+(?:with\s+|by\s+)?$",
                    re.I)
_SET = re.compile(r"(?:\b(?:which|what|any|list|how\s+many)\b.*|^\W*)\b(?:pdfs?|papers?|files?|documents?|ones)\b",
                  re.I)
# A kind said by its general name: a mark named alone ('a dagger') asks for that mark (rag/plan_marks.py), not a kind.
_GENERAL = re.compile(r"\bsymbols?\b|\bsymbolic\b|\bnumbers?\b|\bnumerals?\b|\bdigits?\b|\bnumbered\b|"
                      r"\bnumeric(?:al)?\b", re.I)
_SYMBOL_MARKS = set("†‡∗*§¶‖#")  # the envelope (✉) is a corresponding author's icon, no affiliation or note mark


def _kind(mark: str) -> str | None:
    return "number" if mark.isdigit() else "symbol" if mark in _SYMBOL_MARKS else None  # '?': a glyph not read


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The PDFs whose author marks are of the kind asked (and none of the kind set against it), or None."""
    text = " ".join(question.split())
    if not (_OF_AUTHORS.search(text) and _SET.search(text) and _GENERAL.search(text)):
        return None
    said = sorted([(m.start(), "symbol") for m in _SYMBOL.finditer(text)] +
                  [(m.start(), "number") for m in _NUMBER.finditer(text)])
    if not said:
        return None
    wanted = {kind for at, kind in said if not _OTHER.search(text[:at])}
    # 'rather than numbers': the kind said after it is set against the other; a kind said in both places is wanted
    unwanted = {kind for at, kind in said if _OTHER.search(text[:at])} - wanted
    if len(wanted) != 1:
        return None
    pdfs = [p for p in catalog.papers if p.page_count and any(a.marks for a in p.authors)]
    rows = [p for p in pdfs if _holds(p, wanted) and not _holds(p, unwanted)]
    asked = next(iter(wanted))
    against = f" and no {next(iter(unwanted))}s" if unwanted else ""
    if not rows:
        return HeadingAsk(f"No PDF marks its authors with {asked}s{against}.", [])
    one = len(rows) == 1
    return HeadingAsk(f"{len(rows)} PDF{'' if one else 's'} mark{'s its' if one else ' their'} "
                      f"authors with {asked}s{against}: " + "; ".join(f"{p.title} ({_marks(p)})" for p in rows) + ".",
                      rows)


def _holds(paper: Paper, kinds: set[str]) -> bool:
    return any(_kind(m) in kinds for a in paper.authors for m in a.marks)


def _marks(paper: Paper) -> str:
    """'Arman Cohan † ∗, Sergey Feldman † ∗, …' as the author line prints them."""
    return ", ".join(f"{a.name} {' '.join(a.marks)}" for a in paper.authors if a.marks)
