"""A reference-list entry as a record (issue 11): 'SPECTER's reference list includes the literature graph paper — what
year and venue does it give for it?', 'how does DPR's bibliography list SPECTER: which year, which authors?'. The
entry is the one a citing PDF prints for a library paper (rag/catalog_citations.cites); its fields are read from the
entry's own words: the year printed in it, the authors before the year, the venue after the cited title.

Taken only when two library papers are named, one citing the other, and every other word asks for the entry's fields;
what the citing paper says about the cited one is content (rag/plan_citations.py leaves it to retrieval).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.catalog_citations import Citation, cites
from rag.catalog_headings import Heading
from rag.plan_headings import HeadingAsk
from rag.records import Paper

# The fields an entry prints, by the words that ask for them.
_FIELDS = {"year": r"\byears?\b|\bwhen\b|\bdated?\b", "venue": r"\bvenues?\b|\bwhere\b|\bconference\b|\bjournal\b|"
           r"\bproceedings\b|\bpublished\b|\bpublication\b|\bmeeting\b|\bworkshop\b",
           "authors": r"\bauthors?\b|\bwho\b|\bnames?\b", "title": r"\btitles?\b|\bcalled\b|\bspell\w*\b"}
# Frame of asking an entry's fields, beside rag/plan_citations' own frame words
FIELD_FRAME = frozenset("""year years when date dated venue venues where conference journal proceedings published
publication meeting workshop authors author who names name title titles called spelled spell spells give gives given
giving for it entry entries list lists listed and what which as there that plus""".split())


@dataclass(frozen=True)
class Entry:
    """A printed reference entry's fields, as the entry prints them ('' when it prints none)."""

    authors: str
    year: str
    title: str
    venue: str
    printed: str


def entry_of(citation: Citation) -> Entry:
    """The entry's fields: authors before the year, the cited title as printed, the venue after it ('In NAACL-HLT')."""
    text = " ".join(citation.entry.text.split())
    year = rx.search(r"\b(?:19|20)\d{2}[a-z]?\b", text)
    words = [re.escape(w) for w in rx.findall(r"[^\W_]+", citation.cited.title)]
    title = rx.search(r"[\W_]*".join(words), text, re.I) if words else None
    venue = ""
    if title is not None:
        tail = text[title.end():].lstrip(" .,:;")
        tail = rx.sub(r"^In\s+(?:Proceedings\s+of\s+(?:the\s+)?)?", "", tail)
        venue = rx.split(r"\.\s|,\s*(?:pages|pp\.|vol\.|volume)\b|\.$", tail)[0].strip(" .,")
    return Entry(authors=text[:year.start()].strip(" .,") if year else "", year=year.group(0) if year else "",
                 title=title.group(0) if title else "", venue=venue, printed=text)


def fields_asked(low: str) -> list[str]:
    return [name for name, pattern in _FIELDS.items() if rx.search(pattern, low)]


def entry_asked(low: str, citer: Paper, citation: Citation) -> HeadingAsk | None:
    """The fields asked of the entry `citer` prints for the cited paper; None when no field is asked."""
    asked = fields_asked(low)
    if not asked:
        return None
    entry = entry_of(citation)
    said = [f"{name} {getattr(entry, name) or '(not printed)'}" for name in asked]
    text = f"{citer.title}'s reference list (p. {citation.entry.page}) prints {citation.cited.title} with " + \
        "; ".join(said) + f": '{entry.printed}'."
    return HeadingAsk(text, [citer, citation.cited],
                      {citer.paper_id: [Heading("", f"References: {entry.printed}", citation.entry.page)]})


def entry_fields(low: str, rest_is_frame: bool, named: list[Paper], library: list[Paper]) -> HeadingAsk | None:
    """Two library papers named, one citing the other, and nothing but the entry's fields asked (`rest_is_frame`)."""
    if len(named) != 2 or not rest_is_frame:
        return None
    for citer, cited in (named, named[::-1]):
        hit = next((c for c in cites(citer, library) if c.cited is cited), None)
        if hit is not None:
            return entry_asked(low, citer, hit)
    return None
