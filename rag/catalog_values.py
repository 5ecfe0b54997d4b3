"""One paper's fields as its page prints them: a sentence per field for a lookup of one field (`lookup_text`), and
one line naming every field a question asks at once (`fields_text`: 'first author: Bac Nguyen; date: July 3, 2024
(…)'), each yes/no part answered from its field; the author-list parts of that line are rag/catalog_authors.py's.
rag/catalog_text.py words the rest of a catalog answer."""

from __future__ import annotations

import datetime

from rag.catalog import arxiv_stamp, organisations_line, page_label
from rag.catalog_authors import author_at, legend_marks, marks_of_text, neighbour_text, position_text
from rag.catalog_fields import BY_NAME
from rag.catalog_links import links_text
from rag.catalog_page_range import range_against_pdf
from rag.catalog_pdf_records import authors_under_domain
from rag.organisations import names as has_organisation_name, organisation_authors, organisation_names
from rag.plan_fields import NARROWED_BY, line_only
from rag.plan_terms import Condition, ordinal_suffix, venue_year_only
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
    if field == "card":  # the whole record, for a field asked in words no reader takes (rag/plan_card.py)
        return card_text(paper)
    if field.startswith("link"):  # the links it prints ('links:code': where its code is; rag/catalog_links.py)
        return links_text(paper, field)
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
        stamp = paper.arxiv.printed.text if paper.arxiv and paper.arxiv.date == paper.date else ""
        return f"{title} is dated {printed_date(paper)}" + (f", as its arXiv stamp prints it ('{stamp}')." if stamp else ".")
    if field == "category":
        if not paper.category:
            return f"The page gives no category for {title}."
        name = category_name(paper.category)
        stamp = f", as its arXiv stamp prints it ({paper.arxiv.category})" if paper.arxiv and paper.arxiv.category else ""
        return f"{title} is in {paper.category}" + (f" ({name})" if name else "") + stamp + "."
    if field == "affiliation":
        # each marked name with its place on the byline: 'only one has the star: who, and in which position?'
        marked = [f"{a.name} ({a.affiliation}) as {ordinal_suffix(n)} author" for n, a in enumerate(paper.authors, start=1)
                  if a.affiliation and (not marks or a.affiliation in marks)]
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
        return f"{title} occupies pages {line.pages} of {paper.venue or 'its proceedings'} (printed: '{line.printed.text}')" \
            + range_against_pdf(line.pages, paper.page_count) + "."
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
    if field == "email_authors":  # 'how many LayoutParser authors have a .edu e-mail': the owners of those addresses
        found = [(m, authors_under_domain(paper, m)) for m in marks or []]
        return " ".join(f"{title}: {len(owned)} of {len(paper.authors)} authors own an e-mail address under {m}"
                        + (": " + ", ".join(f"{name} ({address})" for name, address in owned) + "." if owned else ".")
                        for m, owned in found)
    if field == "organisation_place":  # the organisation's line as printed, address included
        lines = [o.printed.text or o.name for o in paper.organisations if not marks or any(
            has_organisation_name(m, o.name) for m in marks) or all(  # 'besides AI2, where is the other one'
            m.startswith("not ") and not has_organisation_name(m[4:], o.name) for m in marks)]
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



def card_text(paper: Paper) -> str:
    """Every field the page prints for one paper, each as printed: the authors numbered in printed order with their
    marks ('et al.' said where the page cuts the list), what each mark means, the date with its precision, the
    category code and its name, section, venue, organisations, Code badge, score, arXiv stamp, DOI, and where."""
    names = "; ".join(f"{i}. {a.name}" + (f" ({' '.join(a.marks)})" if a.marks else "") +
                      (f" [{a.affiliation}-marked]" if a.affiliation else "") for i, a in enumerate(paper.authors, 1))
    cut = ", then 'et al.' (the page cuts the list)" if paper.authors_truncated else ""
    copied = " (the page prints the same list for an earlier entry; it may be copied)" \
        if paper.authors_duplicate_of else ""
    parts = [f"authors ({paper.author_count}): {names}{cut}{copied}" if paper.authors else "authors: none printed"]
    means = {o.mark: o.name for o in paper.organisations if o.mark} | {n.mark: n.means for n in paper.notes}
    means |= {e.mark: e.means for s in paper.sources if s.facts for e in s.facts.legend}
    used = {m for a in paper.authors for m in a.marks} | {"*" for a in paper.authors if a.affiliated}
    if marks := [f"'{m}' {means[m]}" for m in means if m in used]:
        parts.append("marks: " + "; ".join(marks))
    parts.append(_short(paper, "date", [], False) or "")
    parts.append(_short(paper, "category", [], False) or "")
    parts.append(_short(paper, "section", [], False) or "")
    if paper.venue_line is not None:  # a PDF's proceedings line, as printed ('…, pages 84–91 / New Orleans, …')
        parts.append(f"venue: {paper.venue or 'not named'} (printed: '{paper.venue_line.printed.text}')")
    elif paper.venue:
        parts.append(f"venue: {paper.venue}")
    parts += [f"organisation: {line}"] if (line := organisations_line(paper)) else []
    parts += [_short(paper, "code", [], False) or ""] if paper.has_code is not None else []
    if paper.listing_score is not None:
        parts.append(f"score: {paper.listing_score:g} (unlabelled, before its category)")
    parts.append(arxiv_stamp(paper) or "")
    parts += [f"DOI {paper.doi}"] if paper.doi else []
    parts += [f"keywords: {'; '.join(paper.keywords)}"] if paper.keywords else []
    parts += [f"e-mail: {', '.join(paper.emails)}"] if paper.emails else []
    parts += [f"{paper.page_count} pages (the PDF read)"] if paper.page_count else []
    parts.append("printed on: " + "; ".join(page_label(s) for s in paper.sources))
    return f"{paper.title} — " + "; ".join(p for p in parts if p) + "."


# --- several fields of one paper (rag/plan_fields.py) ----------------------------------------------------------

def several_fields(plan_) -> bool:
    """A lookup worded as one line of fields: more than one field asked, a yes/no part beside a field, or an author's
    place only this line names ('the second author', 'the middle author')."""
    fields = [plan_.lookup or ""] + plan_.also
    return len(fields) > 1 or any(line_only(f) for f in fields) or (
        bool(plan_.conditions) and fields[0] not in ("affiliation", "organisation", "organisation_authors", "email_authors",
                                                     "organisation_place", "organisation_count"))


def fields_text(paper: Paper, fields: list[str], conditions: list[Condition]) -> str:
    """'<title> — first author: Bac Nguyen; date: July 3, 2024 (…).': each asked field with the value the page
    prints, in the order asked; then each yes/no condition not answered by a field, with 'yes' or 'no'. A field
    with no short form is said in its own sentence after the line."""
    marks = [c.value for c in conditions if c.field == "affiliation" and c.label == f"affiliation: {c.value}"]
    marked = any(c.field == "affiliation" for c in conditions)  # say each named author's mark
    parts, sentences = [], []
    people = [c.value for c in conditions if c.field == "author" and c.label == f"author: {c.value}"]
    for f in fields:
        value = position_text(paper, people) if f == "author_position" else \
            marks_of_text(paper, people) if f == "author_marks" else \
            neighbour_text(paper, people, 1 if f == "author_next" else -1) if f in ("author_next", "author_previous") else \
            _short(paper, f, marks, marked)
        if value is None:
            sentences.append(lookup_text(paper, f, [c.value for c in conditions if c.field == NARROWED_BY.get(f)]))
        else:
            parts.append(value)
    answered = set(fields)
    narrowing = {NARROWED_BY[f] for f in fields if f in NARROWED_BY}  # 'authors at Waterloo': the field's text names them
    for c in conditions:
        if c.field in narrowing and not c.value.startswith("not "):
            continue
        if c.field == "affiliation" and c.label.removeprefix("not ").startswith("affiliation: ") and \
                {"affiliation", "author_marks"} & answered:
            continue  # 'are they Amii people?': the affiliation field says it for each author
        if c.field in BY_NAME and c.field in answered:
            continue  # 'does it have a code badge?': the badge field says yes or no
        parts.append(f"{c.label}? {'yes' if c(paper) else 'no'}")
    line = f"{paper.title} — {'; '.join(parts).removesuffix('.')}." if parts else ""  # 'et al.' ends one
    return " ".join([line] + sentences).strip()


def _place(field: str) -> int | str | None:
    """The place a field names in the author list: 0, 1, … from the front, -1, -2 from the end, or 'middle'."""
    if field == "middle_author":
        return "middle"
    if field in ("first_author", "last_author"):
        return 0 if field == "first_author" else -1
    if field.startswith("author@"):
        return int(field.removeprefix("author@"))
    return None


def _short(paper: Paper, field: str, marks: list[str], marked: bool) -> str | None:
    """'label: value' for a field with a short form; None for one said in its own sentence (lookup_text)."""
    where = _place(field)
    if where is not None:
        return author_at(paper, where, marked)
    cut = paper.authors_truncated
    if field == "authors":
        if not paper.authors:
            return "authors: none printed"
        return f"authors: {paper.author_line()}" + (" (the page cuts the list with 'et al.')" if cut else "")
    if field in ("full_list", "cut"):
        if not paper.authors:
            return "author list: none printed"
        return f"author list: cut with 'et al.' after {len(paper.authors)} names" if cut else \
            f"author list: complete as printed ({len(paper.authors)} names)"
    if field == "date":
        if not paper.date:
            return "date: none printed"
        if venue_year_only(paper):
            return f"date: none printed (listed at {paper.venue}; the year is the venue's)"
        return f"date: {printed_date(paper)}"
    if field == "category":
        name = category_name(paper.category) if paper.category else None
        return f"category: {paper.category}" + (f" ({name})" if name else "") if paper.category else \
            "category: none printed"
    if field == "organisation" and (line := organisations_line(paper)):
        return f"organisation: {line}"
    if field == "organisation" and any(s.format == "profile" for s in paper.sources):
        return "organisation: no tag printed"
    if field == "code":
        if paper.has_code is None:
            return "Code badge: the page has none to show"
        return f"Code badge: yes ({paper.code_url or 'the page shows the badge'})" if paper.has_code else "Code badge: no"
    if field == "affiliation" and any(s.format == "institute" for s in paper.sources):
        return legend_marks(paper, marks)
    if field == "section" and paper.section:
        return f"section: {paper.section}"
    if field == "page":
        return "page: " + "; ".join(page_label(s) for s in paper.sources)
    return None
