"""Numbered headings over the PDFs picked by how their number ends (issue 11): 'which of my PDFs have a numbered
subsection ending in .4 (2.4, 3.4, 4.4 ...)? give the headings', 'any PDF with an x.3 heading?'. The nodes are the
section trees' (rag/plan_section_tree.nodes); the condition is on the last part of the number, at any depth below a
section. A question naming one PDF, or asking anything else of the headings, is left to the other heading readers.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.plan_heading_frame import only_frame
from rag.plan_headings import HeadingAsk
from rag.plan_section_tree import OWN_FRAME, nodes
from rag.plan_terms import HOW_MANY

# 'ending in .4', 'that ends with .4', 'numbered x.4', '*.4': the last part of the number
_ENDING = re.compile(r"\b(?:end(?:s|ing)?|finish(?:es|ing)?)\s+(?:in|with|on)\s+(?:a\s+)?\.?\s*(\d{1,2})\b|"
                     r"(?<![\w.])[xn*]\.(\d{1,2})\b")
_OVER = re.compile(r"\b(?:which|what|how\s+many|any|all|each|every)\s+(?:of\s+)?(?:my\s+|the\s+)?(?:pdfs?|papers?|files?|"
                   r"documents?)\b")
# example numbers beside the condition ('(2.4, 3.4, 4.4 ...)') show it and ask nothing
_EXAMPLES = re.compile(r"\(\s*(?:e\.g\.,?\s*|like\s+|such\s+as\s+)?\d{1,2}(?:\.\d{1,2})+(?:\s*(?:,|or|and)\s*\d{1,2}(?:\.\d{1,2})+)*"
                       r"(?:\s*,?\s*(?:\.{2,}|…|etc\.?))?\s*\)")


def ending_asked(question: str, catalog: Catalog) -> HeadingAsk | None:
    low = " ".join(question.casefold().replace("’", "'").split())
    m = _ENDING.search(low)
    if m is None or not _OVER.search(low) or not rx.search(r"\b(?:sub-?)?sections?\b|\bheadings?\b", low):
        return None
    last = m.group(1) or m.group(2)
    rest = _EXAMPLES.sub(" ", low[:m.start()] + " " + low[m.end():])
    if not only_frame(rest, OWN_FRAME + ["ending", "ends", "end", "with", "heading", "headings"]):
        return None  # a condition or an ask this reader does not read
    shown = rx.search(r"\d{1,2}((?:\.\d{1,2})+)", low[m.end():]) or rx.search(r"[xn*]((?:\.\d{1,2})+)", m.group(0))
    depth = shown.group(1).count(".") + 1 if shown else None  # '(2.4, 3.4 …)', 'x.4': the depth the examples show
    found = [(o.paper, [n.heading for n in nodes(o) if (n.depth == depth if depth else n.depth >= 2)
                        and n.heading.number.rsplit(".", 1)[-1] == last])
             for o in catalog.outlines.values()]
    found = [(p, hs) for p, hs in found if hs]
    held = len(catalog.outlines)
    lines = "; ".join(f"{p.title}: " + "; ".join(h.said() for h in hs) for p, hs in found)
    said = f"a numbered subsection ending in .{last}"
    text = (f"{len(found)} of the {held} PDFs with numbered headings have {said}: {lines}." if found else
            f"None of the {held} PDFs with numbered headings has {said}.")
    if HOW_MANY.search(low) and found:
        text = f"{len(found)} of the {held} PDFs with numbered headings have {said}: {lines}."
    return HeadingAsk(text, [p for p, _ in found], {p.paper_id: hs for p, hs in found})
