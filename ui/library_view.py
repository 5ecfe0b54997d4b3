"""Pure functions for the UI's controls and the Library tab: table rows and their summary line, filters from
the dropdowns and the values they offer, example questions. Like ui/render.py, nothing here touches Gradio."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from rag.filters import Filters
from rag.records import Paper, normalize_title
from ui.render import source_line

# ---- library tab -----------------------------------------------------------------------------

LIBRARY_HEADERS = ["Title", "Authors", "Year", "Category", "Org.", "Venue", "Source", "Data-quality flags"]


def paper_matches(paper: Paper, query: str) -> bool:
    """Every word of the query appears in the title, authors, abstract or metadata (case-insensitive)."""
    haystack = " ".join([paper.title, " ".join(paper.author_names), paper.abstract, paper.category or "",
                         paper.organisation or "", paper.venue or "", paper.date or "",
                         " ".join(s.path for s in paper.sources)]).casefold()
    return all(word in haystack for word in query.casefold().split())


def library_rows(papers: Sequence[Paper], query: str = "", flagged_only: bool = False) -> list[list[str]]:
    rows = []
    for paper in papers:
        if flagged_only and not paper.flags:
            continue
        if query.strip() and not paper_matches(paper, query):
            continue
        rows.append([paper.title, paper.author_line(limit=4), str(paper.year or ""), paper.category or "",
                     paper.organisation or "", paper.venue or "", source_line(paper, short=True),
                     "; ".join(paper.flags)])
    return rows


def _kind_count(kind: str, n: int) -> str:
    if kind in ("institute", "profile", "trending"):
        return f"{n} from {kind} pages"
    noun = {"pdf": "PDF", "text": "text file"}.get(kind, f"{kind} file")
    return f"{n} {noun}{'s' if n != 1 else ''}"


def library_summary(papers: Sequence[Paper], passages: int, shown: int) -> str:
    """One line over the library table: how many papers from which kind of page, passages, flags."""
    formats: dict[str, int] = {}
    for paper in papers:
        kind = paper.sources[0].format if paper.sources else "unknown"
        formats[kind] = formats.get(kind, 0) + 1
    kinds = ", ".join(_kind_count(kind, n) for kind, n in formats.items())
    flagged = sum(1 for p in papers if p.flags)
    return (f"**{len(papers)} papers** ({kinds}) · {passages} passages indexed · {flagged} with data-quality flags"
            f" · showing {shown}")


# ---- chat controls ---------------------------------------------------------------------------

def make_filters(author: str | None, year_from: str | None, year_to: str | None, category: str | None,
                 source: str | None) -> Filters:
    """Filters from the UI's controls; blank controls are unset."""
    low, high = (year_from or "").strip(), (year_to or "").strip()
    if low and high and low > high:
        low, high = high, low
    year = f"{low}-{high}" if low and high else f"{low}-" if low else f"-{high}" if high else None
    return Filters(author=(author or "").strip() or None, year=year, category=category or None,
                   source=source or None)


def filter_choices(papers: Sequence[Paper]) -> dict[str, list[str]]:
    """The values the filter dropdowns offer: only what the library really holds."""
    return {
        "years": sorted({str(p.year) for p in papers if p.year}),
        "categories": sorted({p.category for p in papers if p.category}),
        "sources": sorted({s.path for p in papers for s in p.sources}),
    }


def example_questions(papers: Sequence[Paper], dataset: Path | None = None, n: int = 4) -> list[str]:
    """Questions a new user can click: curated ones whose papers are in the library, else built from titles."""
    titles = {normalize_title(p.title) for p in papers}
    found: list[str] = []
    if dataset is not None and dataset.is_file():
        wanted_kinds = ("lookup", "paraphrase", "multi")
        rows = []
        for line in dataset.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            gold = row.get("gold_titles") or []
            if row.get("kind") in wanted_kinds and gold and all(normalize_title(t) in titles for t in gold):
                rows.append(row)
        # One of each kind first, so the examples show the range of what can be asked.
        for kind in wanted_kinds:
            found += [r["question"] for r in rows if r["kind"] == kind][:1]
        found += [r["question"] for r in rows if r["question"] not in found]
    for paper in papers:
        if len(found) >= n:
            break
        if paper.abstract and len(paper.title) <= 90:
            found.append(f"What does “{paper.title}” propose?")
    return found[:n]
