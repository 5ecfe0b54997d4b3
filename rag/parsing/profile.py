"""An author's profile page: a header about the author, then one entry per paper.

An entry starts with a meta line gluing optional score, category code, date and a 'Code'
badge together (`89.4LGJun 2Code`, `MES-HALLNov 21, 2023`), then the title, the author
line (`A, B, C et al. · deepmind`) and the abstract. The header (the profile owner's name,
h-index, counts) describes the author, not a paper, and is skipped.
"""

from __future__ import annotations

import datetime
import re

from rag.parsing.clean import clean_text, is_debris_line, numbered_lines
from rag.parsing.duplicates import mark_copies
from rag.parsing.page_facts import profile_facts
from rag.records import Author, Paper, Printed, SourceRef, paper_id_for
from rag.taxonomy import category_name

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# The category is lazy and the month spelled out, so 'MASep 3' splits as MA + Sep, not MAS + ep.
META_LINE = re.compile(
    r"(?P<score>\d{1,3}(?:\.\d+)?)?(?P<category>[A-Z][A-Z-]*?)"
    rf"(?P<month>{'|'.join(MONTHS)}) (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?(?P<code>Code)?"
)
AUTHOR_LINE = re.compile(r"(?P<names>.*?)(?P<et_al>,?\s*et al\.?)?(?:\s+·\s+(?P<organisation>\S.*))?")


def is_meta_line(line: str) -> bool:
    return META_LINE.fullmatch(line) is not None


def inferred_year(lines: list[str]) -> int | None:
    """The site omits the year only for the current one, which is after every year it does print."""
    years = [int(m.group("year")) for line in lines if (m := META_LINE.fullmatch(line)) and m.group("year")]
    return max(years) + 1 if years else None


def parse_author_line(line: str) -> tuple[list[Author], bool, str | None]:
    """'A, B, C et al. · mila' -> (authors A, B, C; truncated; 'mila')."""
    match = AUTHOR_LINE.fullmatch(line.strip())
    names = [clean_text(name) for name in re.split(r",|\s+and\s+", match.group("names"))]
    authors = [Author(name=name) for name in names if name]
    organisation = match.group("organisation")
    return authors, bool(match.group("et_al")), clean_text(organisation) if organisation else None


def entry_date(meta: re.Match, year_if_missing: int | None) -> tuple[dict, list[str]]:
    """Date fields for a Paper from the meta line, with a flag when no year can be known."""
    day, month = int(meta.group("day")), MONTHS.index(meta.group("month")) + 1
    year = int(meta.group("year")) if meta.group("year") else year_if_missing
    shown = f"{meta.group('month')} {day}"
    if year is None:
        return {}, [f"date '{shown}' has no year on the page; left out"]
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return {}, [f"date '{shown}, {year}' is not a real day; left out"]
    inferred = meta.group("year") is None
    return {"date": date.isoformat(), "date_precision": "day", "date_inferred": inferred}, []


def profile_owner(header: list[str]) -> str | None:
    """The header's first line when it reads as a person's name ('Aaron Courville'), else None."""
    first = header[0].strip() if header else ""
    words = first.split()
    if 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not re.search(r"\d", first):
        return clean_text(first)
    return None


def _printed(meta: tuple[int, str], entry: list[tuple[int, str]], owner: list[tuple[int, str]]) -> dict[str, Printed]:
    """Where the entry prints each field: the meta line (date, category, score), title, author line (tag)."""
    where = {"date": Printed(text=meta[1], line=meta[0]), "category": Printed(text=meta[1], line=meta[0])}
    for name, index in (("title", 0), ("authors", 1)):
        if len(entry) > index:
            where[name] = Printed(text=entry[index][1], line=entry[index][0])
    if len(entry) > 1 and " · " in entry[1][1]:
        where["organisation"] = where["authors"]  # 'A, B et al. · mila'

    if owner:
        where["page"] = Printed(text=owner[0][1], line=owner[0][0])  # whose profile lists it
    return where


def parse_profile(text: str, source_path: str, reference_year: int | None = None) -> list[Paper]:
    """Every entry on the page, in page order. `reference_year` is the year for dates shown without one."""
    lines = [(number, line) for number, line in numbered_lines(text) if not is_debris_line(line)]
    year_if_missing = reference_year or inferred_year([line for _, line in lines])
    starts = [i for i, (_, line) in enumerate(lines) if is_meta_line(line)]
    header = lines[: starts[0] if starts else 0]
    owner = profile_owner([line for _, line in header])
    page_name = f"{owner}'s profile" if owner else None
    facts = profile_facts(header, owner, page_name)
    papers = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        numbered = lines[start + 1 : end]
        entry = [line for _, line in numbered]
        if not entry:
            continue
        meta = META_LINE.fullmatch(lines[start][1])
        title = clean_text(entry[0])
        authors, truncated, organisation = parse_author_line(entry[1]) if len(entry) > 1 else ([], False, None)
        date_fields, flags = entry_date(meta, year_if_missing)
        papers.append(
            Paper(
                paper_id=paper_id_for(title),
                title=title,
                authors=authors,
                authors_truncated=truncated,
                organisation=organisation,
                category=meta.group("category"),
                category_name=category_name(meta.group("category")),
                has_code=meta.group("code") is not None,
                listing_score=float(meta.group("score")) if meta.group("score") else None,
                profile_of=owner,
                abstract=clean_text(" ".join(entry[2:])),
                sources=[SourceRef(path=source_path, format="profile", position=position, line=lines[start + 1][0],
                                   page_name=page_name, facts=facts)],
                printed=_printed(lines[start], numbered, header[:1] if owner else []),
                flags=flags,
                **date_fields,
            )
        )
    return mark_copies(papers)
