"""The headings printed beside the one a heading question points at (rag/plan_headings.py): 'what heading comes
right after the Acknowledgements', 'is there an acknowledgements section after the conclusion', 'which section comes
before §5'. The outline keeps every heading in printed order, numbered or not, so the neighbour is read from it; a
back-matter heading the question names that the PDF does not print ('Acknowledgements') is said to be absent.
"""

from __future__ import annotations

import re

from rag.catalog_headings import Heading, Outline

_AFTER = re.compile(r"\b(?:after|next|following|follows?|followed\s+by)\b")
_BEFORE = re.compile(r"\b(?:before|precede[sd]?|preceding|previous)\b")
_BACK_MATTER = ("acknowledgements", "references", "appendix")


def beside(low: str, outline: Outline, heading: Heading) -> tuple[list[str], list[Heading]]:
    """What the question asks of the headings beside `heading` (said as answer parts) and the headings named."""
    if heading not in outline.headings:
        return [], []
    at = outline.headings.index(heading)
    parts: list[str] = []
    cited: list[Heading] = []
    if _AFTER.search(low):
        # the next heading not inside it: after §3 comes §4 (or the back matter), not its own §3.1
        inside = f"{heading.number}." if heading.number else None
        after = next((h for h in outline.headings[at + 1:] if not (inside and h.number.startswith(inside))), None)
        parts.append(f"the heading after it is {after.said()}" if after else "no heading is printed after it")
        cited += [after] if after else []
    if _BEFORE.search(low) and at > 0:
        before = outline.headings[at - 1]
        parts.append(f"the heading before it is {before.said()}")
        cited.append(before)
    printed = " ".join(h.title.casefold() for h in outline.headings)
    for name in _BACK_MATTER:
        if name in low and name not in printed and name not in heading.title.casefold():
            parts.append(f"it prints no {name.capitalize()} heading")
    return parts, cited
