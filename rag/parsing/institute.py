"""An institute's conference page: intro, then sections of entries anchored on 'LINK TO PAPER'.

Each entry is a title line, an author line (a '*' after a name marks the institute's own
people) and the 'LINK TO PAPER' button, followed by the abstract. Section headings such as
'Accepted Papers' or 'Workshop Papers' give the track; the intro names the conference.
"""

from __future__ import annotations

import re

from rag.parsing.clean import clean_text, is_debris_line, numbered_lines
from rag.parsing.duplicates import mark_copies
from rag.parsing.page_facts import conference, institute_facts
from rag.records import Author, Paper, Printed, SourceRef, paper_id_for

LINK_LINE = "link to paper"
SECTION_HEADING = re.compile(r"([A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)?) Papers")
CONFERENCE = re.compile(r"Conference on [^()]*\((?P<acronym>[A-Z][A-Za-z]+)\)")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
ORDINAL_EDITION = re.compile(r"\b(?:(?P<number>\d+)(?:st|nd|rd|th)|(?P<word>[a-z]+)) annual\b", re.I)
ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
]  # fmt: skip
# Pages often count editions ("the fourteenth annual ICLR") instead of naming the year.
FIRST_EDITION_YEAR = {"ICLR": 2013}
# A '*' typed after the comma ("Dieter Büchler,* Arno Solin") belongs to the name before it.
MISPLACED_STAR = re.compile(r"([^,*]+?)\s*,\s*\*")
NAME_SEPARATOR = re.compile(r",|\s+and\s+|\s+&\s+")
# The page's legend says whose mark the star is: "*- denotes Amii affiliation".
LEGEND = re.compile(r"\*\s*[-–:]?\s*(?:denotes|indicates|marks)\s+(?P<who>.+?)\s+(?:affiliation|authors?|members?)\b", re.I)


def edition_number(edition: re.Match | None) -> int | None:
    """'14th annual' -> 14, 'fourteenth annual' -> 14, 'the annual' -> None: a match with a `number` group (digits)
    and a `word` group (an ordinal word up to 'twentieth'; None for any other word)."""
    if edition is None:
        return None
    if edition.group("number"):
        return int(edition.group("number"))
    word = edition.group("word").casefold()
    return ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else None


def venue_from_intro(intro: str) -> str | None:
    """'International Conference on Learning Representations (ICLR)' + 'fourteenth annual' -> 'ICLR 2026'."""
    conference = CONFERENCE.search(intro)
    if not conference:
        return None
    acronym = conference.group("acronym")
    # 'ICLR 2026' names the year outright; failing that, the first year the intro mentions.
    if year := re.search(rf"\b{acronym}\s*'?((?:19|20)\d{{2}})\b", intro) or YEAR.search(intro):
        return f"{acronym} {year.group(year.lastindex or 0)}"
    number = edition_number(ORDINAL_EDITION.search(intro))
    if number and acronym in FIRST_EDITION_YEAR:
        return f"{acronym} {FIRST_EDITION_YEAR[acronym] + number - 1}"
    return acronym


def legend_institute(lines: list[str]) -> str | None:
    """'*- denotes Amii affiliation' -> 'Amii' (the first legend line of the intro)."""
    return next((m.group("who").strip() for line in lines if (m := LEGEND.search(line))), None)


def parse_starred_authors(line: str, institute: str | None = None) -> tuple[list[Author], list[str]]:
    """'Jiamin He* , Martha White *' -> authors with affiliation, plus flags for misplaced stars."""
    flags = [
        f"affiliation star typed after the comma in '{m.group(1).strip()},*'; read as marking {m.group(1).strip()}"
        for m in MISPLACED_STAR.finditer(line)
    ]
    line = MISPLACED_STAR.sub(r"\1*,", line)
    authors = []
    for part in NAME_SEPARATOR.split(line):
        name = clean_text(part.strip().rstrip("*").strip())
        if name:
            starred = part.strip().endswith("*")
            authors.append(Author(name=name, affiliated=starred, affiliation=institute if starred else None,
                                  affiliations=[institute] if starred and institute else [],
                                  marks=["*"] if starred else []))
    return authors, flags


def _venue_year(base: str | None) -> dict:
    year = re.search(r"\b(19|20)\d\d\b", base or "")
    return {"date": year.group(0), "date_precision": "year", "date_inferred": True} if year else {}


def _venue(base: str | None, track: str | None) -> str | None:
    if base and track:
        return f"{base} ({track})"
    return base or track


def parse_institute(text: str, source_path: str) -> list[Paper]:
    """Every entry on the page, in page order, with copied abstracts and author lists flagged."""
    lines = numbered_lines(text)
    links = [i for i, (_, line) in enumerate(lines) if line.casefold() == LINK_LINE]
    if not links:
        return []
    intro = [line for _, line in lines[: links[0] - 2]]
    base = venue_from_intro(" ".join(intro))
    institute = legend_institute(intro)
    page_name = " at ".join(part for part in (institute, base) if part) or None
    headings = [(number, line) for number, line in lines if SECTION_HEADING.fullmatch(line)]
    intro_lines = [(n, line) for n, line in lines[: links[0] - 2] if not SECTION_HEADING.fullmatch(line)]
    year = re.search(r"\b(?:19|20)\d\d\b", base or "")
    facts = institute_facts(intro_lines, headings, page_name, institute,
                            edition_number(ORDINAL_EDITION.search(" ".join(intro))), int(year.group()) if year else None)
    # Where the page prints what every entry shares: the venue (the intro's conference line) and the legend.
    shared = {"venue": conference(intro_lines)[2]} | ({"affiliation": facts.legend[0].printed} if facts.legend else {})
    shared = {k: v for k, v in shared.items() if v is not None}
    if "venue" in shared and base and YEAR.search(base):
        shared["date"] = shared["venue"]  # the year is the venue's
    track, track_line = None, None
    papers = []
    for position, link in enumerate(links):
        start = link - 2
        previous_end = links[position - 1] + 1 if position else 0
        for number, line in lines[previous_end:start]:
            if heading := SECTION_HEADING.fullmatch(line):
                track, track_line = heading.group(1).lower(), Printed(text=line, line=number)
        end = links[position + 1] - 2 if position + 1 < len(links) else len(lines)
        abstract = [line for _, line in lines[link + 1 : end] if not is_debris_line(line)]
        # A line the page prints after the entry's text that is not part of it ('Learn more about the researchers'):
        # kept as printed, so 'which entries are followed by that link' can be answered (rag/plan_sections.py).
        after = next((Printed(text=line, line=number) for number, line in lines[link + 1: end]
                      if is_debris_line(line) and not SECTION_HEADING.fullmatch(line)), None)
        abstract = [line for line in abstract if not SECTION_HEADING.fullmatch(line)]
        title_line, title = lines[start]
        authors, flags = parse_starred_authors(lines[link - 1][1], institute)
        clean_title = clean_text(title)
        papers.append(
            Paper(
                paper_id=paper_id_for(clean_title),
                title=clean_title,
                authors=authors,
                venue=_venue(base, track),
                section=track,
                # The page gives no dates; a paper at "ICLR 2026" is a 2026 paper (year precision, inferred).
                **_venue_year(base),
                abstract=clean_text(" ".join(abstract)),
                sources=[SourceRef(path=source_path, format="institute", position=position, line=title_line,
                                   page_name=page_name, facts=facts)],
                flags=flags,
                printed=shared | {"title": Printed(text=title, line=title_line),
                                  "authors": Printed(text=lines[link - 1][1], line=lines[link - 1][0])}
                | ({"section": track_line} if track_line else {}) | ({"after": after} if after else {}),
            )
        )
    return mark_copies(papers)
