"""Where a page's section starts or ends, as a place in its printed order: 'the entry right before the workshop papers
start', 'what comes just after the accepted papers end', 'the paper where the workshop section begins'.

The boundary is read before the section's name is taken as a section condition (rag/plan_values.py), so 'the last
accepted paper, right before the workshop papers start' is the accepted paper directly above the first workshop entry,
not a paper of either section. Places are the pages' own (SourceRef.position), on the page that prints the section.
"""

from __future__ import annotations

import re

from rag.catalog import Catalog
from rag.plan_terms import Condition, Question
from rag.records import Paper

_START = r"(?:starts?|starting|begins?|beginning|opens?|opening|kicks?\s+off)"
_END = r"(?:ends?|ending|finish(?:es)?|finishing|closes?|closing|stops?)"
_WHERE = r"(?:right\s+|just\s+|immediately\s+|directly\s+)?(before|after|where|as)"
_ITEMS = r"(?:papers?|entries|entry|items?|listings?|section|part|track|list)"


def boundary(q: Question, catalog: Catalog) -> Condition | None:
    """The entry just before or after the start or end of a section the catalog holds, or the entry opening or closing
    it ('where the workshop papers begin'); the phrase is taken. None when no section is named at a boundary."""
    if not catalog.sections or not re.search(rf"\b(?:{_START}|{_END})\b", q.text, re.I):
        return None
    names = "|".join(re.escape(s) for s in sorted(catalog.sections, key=len, reverse=True))
    m = q.take(rf",?\s*\b{_WHERE}\s+(?:the\s+)?({names})(?:\s+{_ITEMS})?\s+(?:(?:section|part)\s+)?(?:({_START})|{_END})\b")
    if not m:
        return None
    where, section, starts = m[0].group(1).casefold(), m[0].group(2).casefold(), bool(m[0].group(3))
    # The place next to the boundary: before a start is one above its first entry, after an end one below its
    # last; 'where' / 'as' it starts (ends) is its first (last) entry itself.
    step = {"before": -1, "after": 1}.get(where, 0)
    edge = "first" if starts else "last"
    places = _places(catalog.papers, section, starts, step)
    said = f"{'right ' + where + ' ' if step else ''}the {edge} {section} entry"
    return Condition("position", f"{where} {section} {'start' if starts else 'end'}", f"listed: {said}",
                     lambda p: any((s.page_name, s.position) in places for s in p.sources if s.format != "pdf"))


def _places(papers: list[Paper], section: str, starts: bool, step: int) -> set[tuple[str | None, int]]:
    """(page, position) of the entry `step` places from the section's first (or last) entry, on each page."""
    ends: dict[str | None, int] = {}
    for p in papers:
        if (p.section or "").casefold() != section:
            continue
        for s in (s for s in p.sources if s.format != "pdf"):
            held = ends.get(s.page_name)
            ends[s.page_name] = s.position if held is None else (min if starts else max)(held, s.position)
    return {(page, at + step) for page, at in ends.items()}
