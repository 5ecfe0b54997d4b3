"""Metadata a question names: people, organisations, years, category codes or names, venue words.

No longer a ranking boost: a word that only looks like metadata ("latest", "sound") re-ranked
content questions. Questions about metadata are answered by the catalog planner (rag/planner.py).
What is left here is a signal: `matching` is one input of the answerability model (rag/abstain.py),
which was fitted with it. People are matched by the one author matcher, rag/authors.py.
"""

from __future__ import annotations

import re

from rag.authors import AuthorIndex
from rag.records import Paper, normalize_title

# arXiv subject names for the codes the listing pages print, so "computer vision papers" finds CV.
CATEGORY_NAMES = {
    "machine learning": "LG", "computation and language": "CL", "computer vision": "CV",
    "artificial intelligence": "AI", "sound": "SD", "game theory": "GT", "multiagent": "MA",
    "multi agent systems": "MA", "robotics": "RO", "neural and evolutionary computing": "NE",
}
VENUE_WORDS = ("workshop", "accepted", "iclr", "neurips", "icml")


class FacetIndex:
    def __init__(self, papers: list[Paper], names: AuthorIndex | None = None):
        self.papers = papers
        self.names = names or AuthorIndex(papers)
        self.categories = {p.category for p in papers if p.category}
        self.years = {p.year for p in papers if p.year}

    def matching(self, query: str) -> set[str]:
        """Papers that match every metadata facet the query names (empty when it names none)."""
        facets: list[set[str]] = []
        people = self.names.papers_named(query)
        if people:
            facets.append(people)
        years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", query)} & self.years
        if years:
            facets.append({p.paper_id for p in self.papers if p.year in years})
        codes = {t for t in re.findall(r"\b[A-Z][A-Z-]{1,7}\b", query) if t in self.categories}
        padded = f" {normalize_title(query)} "
        codes |= {code for name, code in CATEGORY_NAMES.items() if f" {name} " in padded and code in self.categories}
        if codes:
            facets.append({p.paper_id for p in self.papers if p.category in codes})
        dated = sorted((p for p in self.papers if p.date), key=lambda p: p.date or "")
        if dated and re.search(r"\b(oldest|earliest|first published)\b", padded):
            facets.append({dated[0].paper_id})
        if dated and re.search(r"\b(newest|latest|most recent)\b", padded):
            facets.append({dated[-1].paper_id})
        venue = [w for w in VENUE_WORDS if f" {w} " in padded]
        if venue:
            facets.append({p.paper_id for p in self.papers if p.venue and all(w in p.venue.casefold() for w in venue)})
        if not facets:
            return set()
        return set.intersection(*facets)
