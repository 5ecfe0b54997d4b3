"""Metadata filters shared by search, ask, the UI and eval. Unknown values are errors, not empty results."""

from __future__ import annotations

import re

from pydantic import BaseModel

from rag.errors import QueryError
from rag.records import Paper, normalize_title


class Filters(BaseModel):
    author: str | None = None
    year: str | None = None  # "2023", "2021-2023", "2023-", "-2022"
    category: str | None = None
    source: str | None = None
    organisation: str | None = None

    def is_empty(self) -> bool:
        return not any(self.model_dump().values())

    def paper_ids(self, papers: list[Paper]) -> set[str] | None:
        """The ids of papers that pass; None when no filter is set. QueryError for a value no paper has."""
        if self.is_empty():
            return None
        selected = list(papers)
        if self.author:
            needle = normalize_title(self.author)
            selected = [p for p in selected if any(needle in normalize_title(n) for n in p.author_names)]
            _require(selected, f"no paper has an author matching {self.author!r}")
        if self.year:
            low, high = parse_year_range(self.year)
            selected = [p for p in selected if p.year is not None and low <= p.year <= high]
        if self.category:
            known = sorted({p.category for p in papers if p.category})
            if self.category.upper() not in known:
                raise QueryError(f"unknown category {self.category!r} — known: {', '.join(known)}")
            selected = [p for p in selected if p.category == self.category.upper()]
        if self.organisation:
            known = sorted({p.organisation for p in papers if p.organisation})
            if self.organisation.casefold() not in known:
                raise QueryError(f"unknown organisation {self.organisation!r} — known: {', '.join(known)}")
            selected = [p for p in selected if p.organisation == self.organisation.casefold()]
        if self.source:
            needle = self.source.casefold()
            matching = [p for p in papers if any(needle in s.path.casefold() for s in p.sources)]
            if not matching:
                known = sorted({s.path for p in papers for s in p.sources})
                raise QueryError(f"no source matches {self.source!r} — sources: {', '.join(known)}")
            selected = [p for p in selected if any(needle in s.path.casefold() for s in p.sources)]
        return {p.paper_id for p in selected}


def parse_year_range(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{4})?\s*(?:(-|\.\.|to)\s*(\d{4})?)?\s*", text)
    if not match or not (match.group(1) or match.group(3)):
        raise QueryError(f"bad year {text!r} — use 2023, 2021-2023, 2023- or -2022")
    low = int(match.group(1)) if match.group(1) else 0
    high = int(match.group(3)) if match.group(3) else (9999 if match.group(2) else low)
    if low > high:
        raise QueryError(f"bad year range {text!r}: {low} is after {high}")
    return low, high


def _require(selected: list, message: str) -> None:
    if not selected:
        raise QueryError(message)
