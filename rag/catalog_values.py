"""One paper's fields as its page prints them, a sentence per field for a lookup (`lookup_text`), and its date in
words (`printed_date`): moved from rag/catalog_text.py, which words the rest of a catalog answer."""

from __future__ import annotations

import datetime

from rag.catalog import organisations_line, page_label
from rag.catalog_fields import BY_NAME
from rag.organisations import names as has_organisation_name, organisation_authors, organisation_names
from rag.plan_terms import venue_year_only
from rag.records import Paper
from rag.taxonomy import category_name


def printed_date(paper: Paper) -> str:
    """'June 3, 2022 (Jun 3, 2022; 2022-06-03)': in words, as a listing prints it, then ISO; an inferred year said so."""
    if not paper.date:
        return "no date"
    parts = [int(x) for x in paper.date.split("-")]
    if paper.date_precision == "year" or len(parts) == 1:
        return f"{paper.date} (only the year is known)"
    day = datetime.date(parts[0], parts[1], 1)
    month, short = day.strftime("%B"), day.strftime("%b")
    if paper.date_precision == "month" or len(parts) == 2:
        return f"{month} {parts[0]} ({paper.date}, to the month)"
    if paper.date_inferred:
        return (f"{month} {parts[2]} (printed '{short} {parts[2]}'; {paper.date}: the page prints no year for this "
                "year's entries)")
    return f"{month} {parts[2]}, {parts[0]} ({short} {parts[2]}, {parts[0]}; {paper.date})"


def lookup_text(paper: Paper, field: str, marks: list[str] | None = None) -> str:
    """The field of one paper as the page prints it; for 'affiliation', `marks` narrows to those institutes."""
    title = paper.title
    if field in BY_NAME:  # a field of the registry (rag/catalog_fields.py), page count included
        return BY_NAME[field].value(paper)
    if field == "authors":
        if not paper.authors:
            return f"The page lists no authors for {title}."
        more = " (the page cuts the list with 'et al.')" if paper.authors_truncated else ""
        copied = " The page prints the same list for an earlier entry; it may be copied." \
            if paper.authors_duplicate_of else ""
        return f"{title} is by {paper.author_line()}{more}.{copied}"
    if field in ("first_author", "last_author"):
        if not paper.authors:
            return f"The page lists no authors for {title}."
        if field == "last_author" and paper.authors_truncated:
            return f"The page cuts the author list of {title} with 'et al.' after {paper.author_line()}: its last " \
                   "author is not printed."
        who = paper.authors[0 if field == "first_author" else -1].name
        return f"The {field.split('_')[0]} author of {title} is {who} (authors: {paper.author_line()})."
    if field == "arxiv":
        stamp = paper.arxiv.id if paper.arxiv else paper.arxiv_id
        found = [f"arXiv:{stamp}"] if stamp else []
        found += [f"DOI {paper.doi}"] if paper.doi else []
        return f"{title}: {', '.join(found)}." if found else f"The page prints no arXiv id or DOI for {title}."
    if field == "author_count":
        return f"{title} lists {paper.author_count} authors."
    if field == "date":
        if not paper.date:
            return f"The page gives no date for {title}."
        if venue_year_only(paper):
            return f"The page gives no date for {title}; it is listed at {paper.venue} (the year is the venue's)."
        return f"{title} is dated {printed_date(paper)}."
    if field == "category":
        if not paper.category:
            return f"The page gives no category for {title}."
        name = category_name(paper.category)
        stamp = f", as its arXiv stamp prints it ({paper.arxiv.category})" if paper.arxiv and paper.arxiv.category else ""
        return f"{title} is in {paper.category}" + (f" ({name})" if name else "") + stamp + "."
    if field == "affiliation":
        marked = [f"{a.name} ({a.affiliation})" for a in paper.authors if a.affiliation
                  and (not marks or a.affiliation in marks)]
        if not marked and paper.organisations:  # a PDF prints its affiliations, not a legend's mark
            return f"{title}: affiliations printed: {organisations_line(paper)}."
        if not marked:
            return f"No author of {title} carries the page's affiliation mark."
        of = f" of {len(paper.authors)}" + (" printed" if paper.authors_truncated else "")
        return f"{title}: {len(marked)}{of} authors marked as affiliated: {', '.join(marked)}."
    if field == "venue_pages":
        line = paper.venue_line
        if line is None or not line.pages:
            return f"The page prints no page range for {title}" + (f" (venue: {paper.venue})." if paper.venue else ".")
        return f"{title} occupies pages {line.pages} of {paper.venue or 'its proceedings'} (printed: '{line.printed.text}')."
    if field == "organisation_count":
        names = organisation_names(paper)
        return f"{title}: {len(names)} organisation{'s' if len(names) != 1 else ''} printed: " \
               f"{organisations_line(paper)}." if names else f"The page prints no organisation for {title}."
    if field == "organisation" and marks and all(m.startswith("not ") for m in marks):
        others = [n for n in organisation_names(paper) if not any(has_organisation_name(m[4:], n) for m in marks)]
        besides = ", ".join(m[4:] for m in marks)
        return f"{title}: besides {besides}, {'; '.join(others)} (all printed: {organisations_line(paper)})." \
            if others else f"{title} prints no organisation besides {besides}."
    if field == "organisation_authors":  # 'how many authors of DPR are at Facebook AI': those printed under it
        found = [(m, organisation_authors(paper, m)) for m in marks or []]
        return " ".join(f"{title}: {len(names)} of {len(paper.authors)} authors printed under {m}"
                        + (f": {', '.join(names)}." if names else ".") for m, names in found)
    if field == "organisation_place":  # the organisation's line as printed, address included
        lines = [o.printed.text or o.name for o in paper.organisations if not marks or any(
            has_organisation_name(m, o.name) for m in marks)]
        return f"{title} prints: " + "; ".join(f"'{line}'" for line in lines) + "." if lines else \
            f"{title} prints no such organisation."
    held_at = next((s.facts.location for s in paper.sources if s.facts and s.facts.location), None)
    if field == "venue" and paper.venue and not paper.venue_line and held_at:  # the listing page says where it is held
        return f"{title}: venue {paper.venue}, held in {held_at} (as its listing page prints)."
    if field == "venue" and paper.venue and paper.venue_line:  # where and when it was held, as the line prints it
        held = ", ".join(x for x in (paper.venue_line.place, paper.venue_line.dates) if x)
        return f"{title}: venue {paper.venue}" + (f" ({held})." if held else ".")
    value = {"organisation": organisations_line(paper), "section": paper.section, "venue": paper.venue,
             "page": "; ".join(page_label(s) for s in paper.sources)}.get(field)
    return f"{title}: {field} {value}." if value else f"The page gives no {field} for {title}."
