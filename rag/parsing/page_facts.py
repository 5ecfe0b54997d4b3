"""What a listing page prints once for all its entries, read as data: whose page it is, its legend of marks, its
section headings, the conference it is about (name, acronym, edition, year, place), a profile owner's figures,
a trending list's date. Each parser hands these to every paper on the page (SourceRef.facts), with the line
each fact is printed on, so a catalog answer can cite the page's own words.
"""

from __future__ import annotations

import re

from rag.records import LegendEntry, PageFacts, Printed
from rag.taxonomy import ARXIV_NAMES

# 'The fourteenth annual International Conference on Learning Representations (ICLR)': the capitalised words
# before 'Conference on …' belong to the name.
CONFERENCE_NAME = re.compile(
    r"(?P<name>(?:(?:[A-Z][\w-]*|on|of|for|and|the)\s+)*?(?:[A-Z][\w-]*\s+)*(?:Conference|Symposium|Workshop|"
    r"Meeting)\s+(?:on|of|for)\s+[^()]*?)\s*\((?P<acronym>[A-Z][A-Za-z]+)\)")
# 'in Rio de Janeiro, Brazil': a place printed as 'City, Country' after 'in' or 'at'.
PLACE = re.compile(r"\b(?:in|at)\s+(?P<place>[A-Z][\w'’-]+(?:\s+(?:de|da|do|del|la|le|am|upon|on)?\s*[A-Z][\w'’-]+)*"
                   r",\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
LEGEND = re.compile(r"(?P<mark>[*†‡§¶#]+)\s*[-–:]?\s*(?:denotes|indicates|marks)\s+(?P<who>.+?)\s+"
                    r"(?:affiliation|authors?|members?)\b", re.I)
# Profile figures: 'h-index67', '210papers', '99,704citations', 'Novelty51%', 'AI Score63'.
STAT_AFTER = re.compile(r"(?P<label>[A-Za-z][A-Za-z -]*?)\s*(?P<value>\d[\d,.]*%?)")
STAT_BEFORE = re.compile(r"(?P<value>\d[\d,.]*%?)\s*(?P<label>[A-Za-z][A-Za-z -]*)")


def legend(lines: list[tuple[int, str]]) -> list[LegendEntry]:
    """'*- denotes Amii affiliation' (line 5) -> mark '*' means 'Amii', printed on line 5."""
    return [LegendEntry(mark=m.group("mark"), means=m.group("who").strip(), printed=Printed(text=line, line=number))
            for number, line in lines if (m := LEGEND.search(line))]


def conference(intro: list[tuple[int, str]]) -> tuple[str | None, str | None, Printed | None]:
    """(full name, acronym, the line naming it) from the intro: 'International Conference on Learning
    Representations', 'ICLR'."""
    for number, line in intro:
        if m := CONFERENCE_NAME.search(line):
            name = re.sub(r"^(?:The|the|a|an)\s+|^(?:\w+\s+annual\s+)", "", m.group("name").strip())
            name = re.sub(r"^(?:[a-z]+|\d+(?:st|nd|rd|th))\s+annual\s+", "", name, flags=re.I)
            # The sentence naming it is what a row cites: the whole intro line is long and repeated per paper.
            start = line.rfind(". ", 0, m.start()) + 1
            end = line.find(". ", m.end())
            sentence = line[start : end + 1 if end >= 0 else len(line)].strip()
            return name, m.group("acronym"), Printed(text=sentence, line=number)
    return None, None, None


def place(intro: list[tuple[int, str]]) -> str | None:
    """Where the conference is, as printed in the intro: 'Rio de Janeiro, Brazil'."""
    for _, line in intro:
        if m := PLACE.search(line):
            return m.group("place")
    return None


def institute_facts(intro: list[tuple[int, str]], headings: list[tuple[int, str]], name: str | None,
                    institute: str | None, edition: int | None, year: int | None) -> PageFacts:
    full, acronym, _ = conference(intro)
    return PageFacts(kind="institute", name=name, institute=institute, legend=legend(intro), conference=full,
                     acronym=acronym, edition=edition, year=year, location=place(intro),
                     headings=[Printed(text=text, line=number) for number, text in headings])


def profile_stats(header: list[tuple[int, str]]) -> dict[str, str]:
    """The owner's figures as printed, by label: {'h-index': '67', 'papers': '210', 'category': 'LG', …}."""
    stats: dict[str, str] = {}
    for _, line in header[1:]:
        text = line.strip()
        if text.upper() in ARXIV_NAMES:
            stats.setdefault("category", text)
        elif m := STAT_AFTER.fullmatch(text) or STAT_BEFORE.fullmatch(text):
            stats.setdefault(m.group("label").strip().casefold(), m.group("value"))
    return stats


def profile_facts(header: list[tuple[int, str]], owner: str | None, name: str | None) -> PageFacts:
    return PageFacts(kind="profile", name=name, owner=owner, stats=profile_stats(header))


def trending_facts(header: list[tuple[int, str]], listed: str | None, name: str) -> PageFacts:
    """The list's date ('Jun 26') and who publishes it ('byAK and the research community')."""
    by = next((text for _, text in header if text.casefold().startswith("by")), None)
    return PageFacts(kind="trending", name=name, listed=listed, publisher=by)
