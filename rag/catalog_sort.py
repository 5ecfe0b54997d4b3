"""Orderings over catalog rows: oldest/newest by the dates pages print, longest/shortest author lists, and the
value(s) a paper is counted under when papers are grouped (author, category, tag, year, ...; the counting itself is
rag/plan_groups.py). Each ordering says what it could not rank.

What can be ranked is decided by what the page printed: a date known only to its year (a venue's year,
or a PDF that prints only '2019') cannot be placed against 'Jun 3, 2022'; a date known to the month is
placed, but a paper of the same month is named beside the winner; a date whose year the page leaves out
for the current year (a profile prints 'Jun 4' for this year and 'Jun 3, 2022' for past ones) is a date.
An author list cut with 'et al.' is at least as long as printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.plan_terms import dated_year
from rag.records import Paper
from rag.taxonomy import category_name


@dataclass
class Ranked:
    rows: list[Paper]
    extra: list[Paper] = field(default_factory=list)  # might come first, but the page does not say enough
    notes: list[str] = field(default_factory=list)


def pick(ranked: list[Paper], limit: int | None, nth: int | None) -> list[Paper]:
    """The first, the first `limit`, or the `nth` of a ranking."""
    if nth:
        return ranked[nth - 1: nth]
    return ranked[: limit or 1]


def by_date(papers: list[Paper], newest: bool, full_date: bool, limit: int | None = None,
            nth: int | None = None) -> Ranked:
    def rankable(p: Paper) -> bool:
        if full_date:
            return p.date_precision == "day" and not p.date_inferred
        return bool(p.date) and p.date_precision in ("day", "month")

    ranked = sorted((p for p in papers if rankable(p)), key=lambda p: p.date or "", reverse=newest)
    if not ranked:
        return Ranked([])
    rows = pick(ranked, limit, nth)
    if not rows:
        return Ranked([])
    best = rows[-1]
    if not nth:  # a paper printed with the same day as the last one shown is as new (or old): ties kept
        rows = rows + [p for p in ranked[len(rows):] if p.date == best.date and p.date_precision == best.date_precision]
    month = (best.date or "")[:7]
    # A paper dated only to the same month cannot be ordered against the last one shown; nor can a month-dated one.
    extra = [p for p in ranked[ranked.index(best) + 1:] if p not in rows and (p.date or "")[:7] == month and
             (p.date_precision == "month" or best.date_precision == "month")]
    notes = []
    if any(p.date_inferred and p.date_precision == "day" for p in rows):
        notes.append("its page prints no year for this year's entries (past years are printed), so the year "
                     "is the current one")
    undated = [p for p in papers if p.date_precision == "year"]
    if undated and not full_date:
        notes.append(f"{n_papers(len(undated))} dated only by year cannot be placed")
    return Ranked(rows, extra, notes)


def by_author_count(papers: list[Paper], most: bool, limit: int | None = None, nth: int | None = None) -> Ranked:
    listed = [p for p in papers if p.authors]
    full = [p for p in listed if not p.authors_truncated]
    pool = listed if most else full
    if not pool:
        return Ranked([])
    if limit or nth:  # 'the three papers with the most authors': by length, ties in page order
        rows = pick(sorted(pool, key=lambda p: len(p.authors), reverse=most), limit, nth)
        best = len(rows[-1].authors) if rows else 0
    else:
        best = (max if most else min)(len(p.authors) for p in pool)
        rows = [p for p in pool if len(p.authors) == best]
    notes = []
    if most:
        cut = [p for p in listed if p.authors_truncated and p not in rows and len(p.authors) + 1 > best]
        if cut:
            notes.append(f"{n_papers(len(cut))} whose author list the page cuts with 'et al.' may have more")
    else:
        cut = [p for p in listed if p.authors_truncated and len(p.authors) + 1 < best]
        if cut:
            notes.append(f"{n_papers(len(cut))} whose author list the page cuts with 'et al.' may have fewer")
    return Ranked(rows, [], notes)


def values_of(paper: Paper, group: str, mark: str | None = None) -> list[str]:
    """The values a paper is counted under for one field: its authors, its category, its tag, its year, ...
    With `mark` ('Amii'), only the authors the page marks as affiliated with it."""
    if group == "author" and mark:
        return [a.name for a in paper.authors if a.affiliation == mark]
    if group == "author":
        names = list(paper.author_names)
        if paper.profile_of and paper.profile_of not in names:
            names.append(paper.profile_of)  # a profile lists its owner's papers, printed or cut with 'et al.'
        return names
    if group == "category":
        name = category_name(paper.category)
        return [f"{paper.category} ({name})" if name else paper.category] if paper.category else []
    if group == "year":
        year = dated_year(paper)
        return [str(year)] if year else []
    if group == "month":
        return [paper.date[:7]] if paper.date and paper.date_precision != "year" else []
    if group == "venue":
        return [paper.venue.split(" (")[0]] if paper.venue else []
    if group == "page":
        return list(dict.fromkeys(s.page_name or s.path for s in paper.sources))
    value = {"organisation": paper.organisation, "section": paper.section}.get(group)
    return [value] if value else []


def n_papers(n: int) -> str:
    return f"{n} paper" if n == 1 else f"{n} papers"
