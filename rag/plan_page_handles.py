"""A page named by the handle its own header prints as the list's publisher ('byAK and the research community'): 'the
byAK page', 'the trending (byAK) list', 'AK's feed'. The handle comes from the catalog's page facts, never a word list:
a page that prints no publisher has none.

Said beside the page's own name ('trending (byAK)'), the handle restates it and is taken; said alone, it is the page.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.plan_terms import Condition, Question


def _handle(publisher: str) -> str | None:
    """The pattern of the publisher's handle: its first word ('byAK'), read with or without the space after 'by' and
    as the name alone with a possessive ("AK's"). None for a handle too short to be told from a word."""
    first = publisher.split()[0]
    name = first[2:] if first[:2].casefold() == "by" and first[2:3].isupper() else first
    if len(name) < 2 or not any(c.isupper() for c in name):
        return None
    return rf"\bby\s*{re.escape(name)}\b|\b{re.escape(name)}'s(?=\s+(?:page|list|feed|listing))"


def handle_pages(q: Question, catalog: Catalog) -> list[Condition]:
    """The page each printed publisher handle names, taken from `q`; none when the page's own name is said too."""
    found = []
    for name, facts in catalog.page_facts.items():
        said = _handle(facts.publisher) if facts.publisher else None
        if said is None or not rx.search(said, q.text, re.I):
            continue
        q.take(rf"\(\s*(?:{said})\s*\)|{said}", re.I)
        if facts.kind == "trending" and rx.search(r"\btrending\b", q.text, re.I):
            continue  # 'the trending (byAK) page': said twice, the page's own name is read by rag/plan_values.py
        found.append(Condition("page", "trending" if facts.kind == "trending" else name, f"page: {name}",
                               lambda p, name=name: any(s.page_name == name for s in p.sources)))
    return found
