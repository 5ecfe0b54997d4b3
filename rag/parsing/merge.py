"""One Paper per real paper: entries with the same normalised title, from any pages, become one.

Each page knows something the others do not (a full author list, a day-precise date, an
abstract that is not a copy), so the merged record keeps the most complete value of each
field rather than the first one seen.
"""

from __future__ import annotations

from rag.records import Author, Paper, SourceRef, normalize_title

MERGED_NOTE = "merged from"
PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


def _first(values):
    return next((value for value in values if value), None)


def _authors(papers: list[Paper]) -> tuple[Paper, list[Author]]:
    """The longest list (a complete one wins a tie), with any page's affiliation star kept."""
    best = max(papers, key=lambda p: (len(p.authors), not p.authors_truncated))
    starred = {normalize_title(a.name): a.affiliation for p in papers for a in p.authors if a.affiliated}
    authors = [a.model_copy(update={"affiliated": normalize_title(a.name) in starred,
                                    "affiliation": starred.get(normalize_title(a.name))}) for a in best.authors]
    return best, authors


def _dated(papers: list[Paper]) -> Paper:
    """Finest precision first, then a date printed on the page over an inferred one."""
    return max(papers, key=lambda p: (PRECISION_RANK[p.date_precision], not p.date_inferred))


def _sources(papers: list[Paper]) -> list[SourceRef]:
    """Every place the paper was seen, once each (re-reading a page does not add a source)."""
    unique: dict[tuple, SourceRef] = {}
    for source in (s for p in papers for s in p.sources):
        unique.setdefault((source.path, source.format, source.position), source)
    return list(unique.values())


def _flags(papers: list[Paper], sources: list[SourceRef]) -> list[str]:
    """All data-quality notes once each, with one up-to-date note on where the paper was merged from."""
    notes = [f for p in papers for f in p.flags if not f.startswith(MERGED_NOTE)]
    if len(sources) > 1:
        where = ", ".join(f"{s.path} ({s.format})" for s in sources)
        notes.append(f"{MERGED_NOTE} {len(sources)} sources: {where}")
    return list(dict.fromkeys(notes))


def merge_group(papers: list[Paper]) -> Paper:
    """Several sightings of one paper -> one record."""
    if len(papers) == 1:
        return papers[0]
    by_authors, authors = _authors(papers)
    dated = _dated(papers)
    own_abstracts = [p for p in papers if p.abstract and p.abstract_duplicate_of is None]
    by_abstract = max(own_abstracts, key=lambda p: len(p.abstract)) if own_abstracts else papers[0]
    sources = _sources(papers)
    return papers[0].model_copy(
        update={
            "authors": authors,
            "authors_truncated": by_authors.authors_truncated,
            "authors_duplicate_of": by_authors.authors_duplicate_of,
            "organisation": _first(p.organisation for p in papers),
            "date": dated.date,
            "date_precision": dated.date_precision,
            "date_inferred": dated.date_inferred,
            "category": _first(p.category for p in papers),
            "venue": _first(p.venue for p in papers),
            "section": _first(p.section for p in papers),
            "category_name": _first(p.category_name for p in papers),
            "profile_of": _first(p.profile_of for p in papers),
            "abstract": by_abstract.abstract,
            "abstract_duplicate_of": by_abstract.abstract_duplicate_of,
            "body": max((p.body for p in papers), key=len),
            # What only a PDF prints (affiliations, the arXiv stamp) is kept from the sighting that has it.
            "organisations": next((p.organisations for p in papers if p.organisations), []),
            "arxiv": _first(p.arxiv for p in papers),
            "venue_line": _first(p.venue_line for p in papers),
            "code_url": _first(p.code_url for p in papers),
            "keywords": next((p.keywords for p in papers if p.keywords), []),
            "emails": next((p.emails for p in papers if p.emails), []),
            "notes": next((p.notes for p in papers if p.notes), []),
            "footnotes": next((p.footnotes for p in papers if p.footnotes), []),
            "listing_score": _first(p.listing_score for p in papers),
            "printed": {k: v for p in reversed(papers) for k, v in p.printed.items()},
            "sources": sources,
            "flags": _flags(papers, sources),
        }
    )


def merge_papers(papers: list[Paper]) -> list[Paper]:
    """Group by paper_id (the normalised title), in order of first sighting, and merge each group."""
    groups: dict[str, list[Paper]] = {}
    for paper in papers:
        groups.setdefault(paper.paper_id, []).append(paper)
    return [merge_group(group) for group in groups.values()]
