"""Numbered headings picked by the tail of their number: 'a numbered subsection ending in .4 (2.4, 3.4, 4.4 …)',
'subsections numbered x.2', 'which PDFs have an N.3 subsection' (issue 11).

A heading's number is printed data ('2.4'), so a pattern over it is a condition like a heading's words: the last
part of the number equals the one said. Said with 'subsection', the set is the PDFs with such a heading, each with
every heading that matches; a subsection is a second-level heading ('2.4', not Backus's '13.3.4'). Read as 'numbered subsections' alone, the pattern had been dropped and every PDF's first
subsection listed — a wrong answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rag import rx
from rag.catalog_headings import Heading, Outline

if TYPE_CHECKING:
    from rag.plan_headings import HeadingAsk

# '.4' after 'ending in / ends with / ending with', or the pattern 'x.4', 'N.4', '*.4'
_TAIL = r"\b(?:end(?:s|ing)?|finish(?:es|ing)?)\s+(?:in|with|on)\s+(?:a\s+|an?\s+)?['\"]?\.(\d{1,2})\b|" \
        r"(?<![\w.])(?:x|n|\*|#)\.(\d{1,2})\b"


def tail_asked(low: str) -> str | None:
    """The number's last part said ('4' for 'ending in .4'), when a subsection is asked; else None."""
    if not rx.search(r"\bsub-?sections?\b|\bsub-?headings?\b", low):
        return None
    m = rx.search(_TAIL, low)
    return (m.group(1) or m.group(2)) if m else None


def by_tail(tail: str, held: list[Outline]) -> HeadingAsk:
    """The PDFs printing a subsection whose number ends in `tail`, with every such heading."""
    from rag.plan_headings import HeadingAsk  # the record rag/plan_headings.py answers with (it imports this module)
    hits: dict[str, tuple[Outline, list[Heading]]] = {}
    for o in held:
        found = [h for h in o.headings if h.level == 2 and h.number.rpartition(".")[2] == tail]
        if found:
            hits[o.paper.paper_id] = (o, found)
    said = f"a numbered subsection ending in .{tail}"
    if not hits:
        return HeadingAsk(f"None of the {len(held)} PDFs with numbered headings have {said}.", [], {})
    lines = "; ".join(f"{o.paper.title}: {', '.join(h.said() for h in found)}" for o, found in hits.values())
    return HeadingAsk(f"{len(hits)} of the {len(held)} PDFs with numbered headings have {said}: {lines}.",
                      [o.paper for o, _ in hits.values()], {pid: found for pid, (_, found) in hits.items()})
