"""A PDF's heading located in its outline by place and kind, for the heading reader (rag/plan_headings.py): 'the first
numbered subsection', 'the last numbered heading', 'its third subsection', 'the 2nd heading' — an ordinal or
first/last (the operator) over one kind of heading (the catalog's levels: a section is level 1, a subsection level 2
or deeper, a heading any numbered level) of the body, the appendix left out; and a heading said by its number
followed by its own printed words ('subsection 2.5 Inference', '4.2 Entity Extraction Models'), which names it once.

The kinds are the outline's own levels, so the same operator works for every PDF and every depth; the words of where
a page number is printed ('at the foot of that page', 'folio') are frame of a heading's page asked.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_headings import Heading, Outline
from rag.plan_terms import ORDINALS

# Where a page's printed number sits, said with a heading's page asked ('which printed page number is at the foot of
# that page'); and the loose words such a question is said with ('already on page 1', 'pdf page + printed page no.').
PLACE_WORDS = ["foot footer bottom top head margin corner folio no already actually both st nd rd th pg very penultimate"]

_KIND = r"(?P<numbered>numbered\s+|top-level\s+|main\s+)?(?P<kind>sub-?sections?|sections?|headings?)"
# counted from the end too: 'the second-to-last subsection', 'the penultimate heading' ('-to-' before 'last' is no 'last')
_FROM_END = r"(?P<from_end>second[\s-]+(?:to|from)[\s-]+(?:the[\s-]+)?last|next[\s-]+to[\s-]+last|penultimate)"
_PLACE = rf"(?P<place>{_FROM_END}|(?<![-\w]to[\s-])(?:{'|'.join(ORDINALS)}|last|final|closing|very\s+last|very\s+first|" \
         rf"\d{{1,2}}(?:st|nd|rd|th)))"
_ORDINAL = re.compile(rf"\b(?:the\s+|its\s+|their\s+)?{_PLACE}\s+{_KIND}\b")
# 'of section 2', 'under §3', 'in 2': a parent said, whose children the ordinal counts (the heading reader's own case)
# 'of SPECTER's SCIDOCS evaluation section' likewise: a section word after it, in the words that follow
_OF_PARENT = re.compile(r"^\W*(?:hea?dings?\s+)?(?:of|under|in|within|inside)\s+(?:[\w'’-]+\s+){0,6}?(?:sub-?section|section|§|sec\.|"
                        r"chapter)\b")


def ordinal_heading(low: str, outline: Outline) -> tuple[Heading | None, str] | None:
    """The heading at the place said among the PDF's numbered headings of the kind said, with 'ordinal'; None when no
    ordinal place over a kind is said (or a parent section is, which the heading reader reads as its children).
    A place past the end is (None, 'ordinal'): the PDF prints no such heading."""
    m = _ORDINAL.search(low)
    if m is None:
        return None
    kind, place = m.group("kind"), " ".join(m.group("place").split())
    if kind.startswith("section") and not m.group("numbered") == "numbered ":
        return None  # 'the first section', 'the last main section': the heading reader's own top-level sections
    body = [h for h in outline.headings if h.number and not h.appendix]
    if parent_said := _OF_PARENT.search(low[m.end():]):
        parent = _parent(parent_said.group(0), outline)
        if parent is None:
            return None  # 'the first subsection of section 2': the heading reader's own children
        body = [h for h in body if h.number.startswith(parent.number + ".")]
    pool = [h for h in body if h.level >= 2] if kind.startswith("sub") else \
        [h for h in body if h.level == 1] if kind.startswith("section") else body
    if m.group("from_end"):
        return (pool[-2] if len(pool) > 1 else None), "ordinal"
    if place in ("last", "final", "closing", "very last"):
        return (pool[-1] if pool else None), "ordinal"
    n = 1 if place == "very first" else int(place[:-2]) if place[0].isdigit() else ORDINALS.index(place) + 1
    return (pool[n - 1] if 0 < n <= len(pool) else None), "ordinal"


def parent_words(low: str, outline: Outline) -> list[str]:
    """The printed title of the parent section an ordinal is counted in, when said by its words: the heading
    reader's frame test lets them stand ('the last subsection of the SCIDOCS evaluation section')."""
    m = _ORDINAL.search(low)
    said = _OF_PARENT.search(low[m.end():]) if m else None
    parent = _parent(said.group(0), outline) if said else None
    return [parent.title] if parent is not None else []


def _parent(said: str, outline: Outline) -> Heading | None:
    """The top-level section a parent phrase names by its printed words ('of SPECTER's SCIDOCS evaluation section'):
    the one sharing most title words with it; None when said by number (or no one, or two, fit)."""
    if rx.search(r"\d", said):
        return None
    words = set(rx.findall(r"[a-z]+", said))
    scored = sorted(((len(words & {w for w in rx.findall(r"[a-z]+", h.title.casefold()) if len(w) > 3}), h)
                     for h in outline.headings if h.level == 1 and h.title), key=lambda pair: -pair[0])
    if not scored or scored[0][0] == 0 or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def numbered_title(low: str, outline: Outline) -> tuple[Heading, str] | None:
    """The heading said by its printed number and its own printed words ('subsection 2.5 Inference', "4.2 'Entity
    Extraction Models'"), and the question with those words taken out; None when the words after the number are not
    the heading's own (a different name is kept for the caller to see)."""
    for h in outline.headings:
        if not (h.number and h.title and len(h.title) > 3):
            continue
        said = rx.search(rf"(?:\b(?:sub-?)?section\s+|§\s*|\b)(?<![\d.]){re.escape(h.number.casefold())}\.?\s+['\"‘“]?"
                         rf"{re.escape(h.title.casefold())}['\"’”]?(?!\w)", low)
        if said:
            return h, low[:said.start()] + " section " + h.number + " " + low[said.end():]
    return None


def numbered_said(low: str, outlines) -> bool:
    """A heading said by its printed number and words, quoted or not, that some PDF prints ("a numbered '1
    Introduction'", 'where does 3.4 Recommendation begin'): a heading named without a section word."""
    return any(numbered_title(low, outline) is not None for outline in outlines)
