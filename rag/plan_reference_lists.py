"""Which PDFs print their reference list at all (issue 11): 'how many of my PDFs include their references', 'which
PDFs come with a bibliography'. A PDF may be an excerpt (two pages of DPR, one page of Backus) whose reference list
was never in the file: whether it prints one is a fact of the file, read from its blocks (rag/catalog_citations.py).

The reference list is the object of a verb of having, with nothing said of what it cites: 'which PDFs cite X' and
'does X's reference list print Y' are rag/plan_citations.py's.
"""

from __future__ import annotations

import re

from rag.catalog_citations import references
from rag.catalog_headings import Heading
from rag.plan_headings import HeadingAsk
from rag.plan_terms import HOW_MANY
from rag.records import Paper

# '(actually) include their reference list', 'have a bibliography', 'come with references', 'print a list of references'
_HAS_LIST = re.compile(r"\b(?:have|has|having|include|includes|including|print|prints|printing|contain|contains|"
                       r"carry|carries|come\s+with|comes\s+with|keep|keeps)\s+(?:an?\s+|the\s+|their\s+|its\s+|any\s+)?"
                       r"(?:full\s+|complete\s+|own\s+)?(?:reference\s+lists?|references|bibliograph(?:y|ies)|"
                       r"lists?\s+of\s+references)\s*\W*$")


def asks_reference_list(low: str) -> bool:
    """The question ends on a verb of having and the reference list: it asks which PDFs print one."""
    return bool(_HAS_LIST.search(low))


def with_reference_list(low: str, papers: list[Paper]) -> HeadingAsk:
    """The PDFs whose text as read holds a reference list, each cited to the page the list starts on."""
    read = [p for p in papers if p.blocks]
    having = [(p, entries) for p in read if (entries := references(p))]
    said = "print their reference list" if len(having) != 1 else "prints its reference list"
    text = f"{len(having)} of the {len(read)} PDFs {said}" + (
        ": " + "; ".join(f"{p.title} (from p. {entries[0].page})" for p, entries in having)
        if having else "") + "."
    if not HOW_MANY.search(low) and not having:
        text = f"None of the {len(read)} PDFs prints a reference list in its text as read."
    asked = HeadingAsk(text, [p for p, _ in having])
    asked.cited = {p.paper_id: [Heading("", "References", entries[0].page)]
                   for p, entries in having}
    return asked
