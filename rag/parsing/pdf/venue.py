"""Where a paper appears, as its first page prints it: the proceedings line under page 1's columns, a running
head ('Published as a conference paper at ICLR 2021') or a footnote ('34th Conference on Neural Information
Processing Systems (NeurIPS 2020), Vancouver, Canada'); with what the line prints besides the venue's name.
"""

from __future__ import annotations

import re

from rag.parsing.institute import ORDINAL_WORDS, edition_number
from rag.parsing.pdf.layout import PageLayout
from rag.records import Printed, VenueLine

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}  # fmt: skip
MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
VENUE = re.compile(
    r"(?P<venue>(?:Proceedings of|Findings of|Transactions of|Transactions on|Journal of|Communications of|Advances in)"
    r"[^,;\n]{3,160}?)(?=,|;|\s+(?:pages|pp\.|vol|volume)\b|\s+" + MONTH + r"\s+\d{4}|$)",
    re.I,
)
MONTH_YEAR = re.compile(MONTH + r"(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?)?\s+(?P<year>(?:19|20)\d{2})\b", re.I)
YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
# Lines of page 1 that say where the paper appears, wherever they are set.
APPEARS_IN = re.compile(
    r"(?:published|accepted|appear(?:s|ing)?)\s+(?:as\s+an?\s+\w+\s+paper\s+)?(?:at|in)\s+(?P<venue>(?:the\s+)?[A-Z][\w-]*"
    r"(?:\s+[A-Z0-9][\w-]*){0,8}\s+(?:19|20)\d\d)"
    r"|(?P<venue2>\d+(?:st|nd|rd|th)\s+(?:Annual\s+)?Conference\s+on\s+[^()\n]{5,120}\([A-Z][\w-]*\s+(?:19|20)\d\d\))",
)
PAGES = re.compile(r"\b(?:pages|pp\.)\s*(?P<pages>\d+\s*[–-]\s*\d+)", re.I)
DATES = re.compile(MONTH + r"\s+\d{1,2}(?:\s*[-–]\s*(?:" + MONTH.replace("?P<month>", "?:") + r"\s+)?\d{1,2})?,?\s+(?:19|20)\d{2}", re.I)
COPYRIGHT = re.compile(r"(?:©|\(c\)|\bc|copyright)\s*(?P<year>(?:19|20)\d{2})\s*(?:by\s+)?(?P<holder>[A-Z][^.;]{2,100})")
# 'New Orleans, Louisiana, June 1 - 6, 2018', 'Vienna, Austria, PMLR 119, 2020': capitalised words and commas
# just before the dates, a volume or the year.
PLACE = re.compile(r"(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)+)"
                   r",\s*(?=" + MONTH.replace("?P<month>", "?:") + r"|PMLR|JMLR|vol|volume|(?:19|20)\d\d)", re.I)


# The volume and issue a line prints: 'Volume 21', 'Vol. 21', 'PMLR 119' (a series' volume); 'Number 8', 'No. 8', 'Issue 3'.
VOLUME = re.compile(r"\b(?:vol(?:ume\b|\.)?|PMLR|JMLR\s+W&CP|LIPIcs|LNCS)\s*(?P<volume>\d{1,5})\b", re.I)
NUMBER = re.compile(r"\b(?:number|no\.|issue)\s*(?P<number>\d{1,4})\b", re.I)
VOLUME_ISSUE = re.compile(r"(?<![\d–-])\b(?P<volume>\d{1,4})\s*\((?P<number>\d{1,3})\)")  # a journal's '21(8)'
# Which meeting a venue's name counts: '58th Annual Meeting', 'Thirty-Fourth AAAI Conference', 'the First Workshop'.
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TENTHS = {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
           "ninetieth": 90}  # 'twentieth' is the last of ORDINAL_WORDS
EDITION = re.compile(r"\b(?:(?P<number>\d{1,3})(?:st|nd|rd|th)|(?:(?P<tens>" + "|".join(_TENS) + r")[\s-])?(?P<word>"
                     + "|".join(ORDINAL_WORDS + list(_TENTHS)) + r"))\b", re.I)


_JOURNAL = re.compile(r"\b(?:journal|transactions|communications|annals|bulletin|letters|magazine)\b", re.I)
# ('Published as a conference paper at ICLR 2021' says it by 'conference': kind_of reads the whole line when the
# venue's name alone does not say.)
_PROCEEDINGS = re.compile(r"\b(?:proceedings|findings|conference|meeting|workshop|symposium|congress|colloquium)\b", re.I)


def kind_of(venue: str) -> str | None:
    """'journal' or 'proceedings' by what the venue's name says it is; the name's head word decides when both appear
    ('Proceedings of the … Conference' is proceedings, 'Journal of the … Society' a journal)."""
    journal, proceedings = _JOURNAL.search(venue), _PROCEEDINGS.search(venue)
    if journal and proceedings:
        return "journal" if journal.start() < proceedings.start() else "proceedings"
    return "journal" if journal else "proceedings" if proceedings else None


def edition_of(venue: str) -> int | None:
    """'Proceedings of the 58th Annual Meeting of the …' -> 58; 'Thirty-Fourth AAAI Conference' -> 34; None when
    the name counts nothing ('Proceedings of NAACL-HLT 2018')."""
    found = EDITION.search(venue)
    if found is None:
        return None
    unit = edition_number(found)
    if unit is None:  # not `or`: '0th' is 0
        unit = _TENTHS[found.group("word").casefold()]
    return unit + (_TENS[found.group("tens").casefold()] if found.group("tens") else 0)


def volume_issue(text: str) -> tuple[int | None, int | None]:
    """(21, 8) from 'Volume 21 … Number 8', 'Vol. 21, No. 8' or '21(8)'; (119, None) from 'PMLR 119'."""
    volume, number = VOLUME.search(text), NUMBER.search(text)
    if volume is None and (both := VOLUME_ISSUE.search(text)):
        return int(both.group("volume")), int(both.group("number"))
    return (int(volume.group("volume")) if volume else None), (int(number.group("number")) if number else None)


def folio(page: PageLayout) -> Printed | None:
    """The page number a page prints in its head or foot (set aside as furniture): the one line in the page's outer
    tenth, top or bottom, that is only a number. A review copy's line numbers run down the margin and are several."""
    found = [l for l in page.furniture if re.fullmatch(r"\d{1,5}", l.text.strip())
             and (l.y0 > page.height * 0.9 or l.y1 < page.height * 0.1)]
    return Printed(text=found[0].text.strip(), page=page.number) if len(found) == 1 else None


def date_from(text: str) -> tuple[str, str] | None:
    found = MONTH_YEAR.search(text)
    if found:
        return f"{found.group('year')}-{MONTHS[found.group('month')[:3].lower()]:02d}", "month"
    found = YEAR.search(text)
    return (found.group("year"), "year") if found else None


def find_venue(page: PageLayout) -> tuple[str, VenueLine, tuple[str, str] | None] | None:
    """The venue from the small print under page 1's columns ('Proceedings of …, pages 84–91'), else from a
    line of page 1 that says where the paper appears ('Published as a conference paper at ICLR 2021',
    '34th Conference on Neural Information Processing Systems (NeurIPS 2020), Vancouver, Canada'): the venue,
    what its line prints besides (pages, place, dates, publisher) and the date it gives, with its precision."""
    sizes = sorted(round(l.size) for l in page.lines) or [0]
    body = sizes[len(sizes) // 2]
    for index, line in [(None, l) for l in page.furniture] + list(enumerate(page.lines[:80])):
        # The small print, and a footnote in smaller type ('Proceedings of the 37th International Conference on
        # Machine Learning, Vienna, Austria, PMLR 119, 2020'), name the venue outright; running text only so.
        footnote = index is None or line.size < 0.92 * body
        found = (VENUE.search(line.text) if footnote else None) or APPEARS_IN.search(line.text)
        if not found:
            continue
        venue = " ".join((found.group("venue") or found.group("venue2")).split()).rstrip(" ,.")
        # The small print's next line often holds the dates: 'July 5 - 10, 2020. © 2020 Association for …'.
        following = [l.text for l in page.furniture[page.furniture.index(line):][:2]] if index is None else [line.text]
        text = " ".join(following)
        where = Printed(text=text, page=page.number, line=index + 1 if index is not None else None)
        line_ = venue_line(text[found.end():], where)
        line_.edition, line_.kind = edition_of(venue), kind_of(venue) or kind_of(line.text)
        return venue, line_, date_from(text[found.start():])
    return journal_footer(page, body)

# A journal's footer set as two columns read row by row: 'Communications August 1978 / of Volume 21 / the ACM
# Number 8'. Each row is the name's part, then the issue's (a month and year, a volume, a number).
_ISSUE = re.compile(r"(?P<issue>(?:" + MONTH.replace("?P<month>", "?:") + r"\s+(?:19|20)\d\d|vol(?:ume|\.)\s*\d+|"
                    r"n(?:umber|o\.)\s*\d+|issue\s+\d+)\b.*)$", re.I)


def journal_footer(page: PageLayout, body: float) -> tuple[str, VenueLine, tuple[str, str] | None] | None:
    """A journal's name and issue from small print at the foot of page 1 (smaller than the `body` size), its two
    columns interleaved or not: ('Communications of the ACM', VenueLine(dates='August 1978', …), ('1978-08', 'month'))."""
    small = [l for l in page.lines[-8:] + page.furniture if l.size < 0.95 * body]
    rows = [(l, _ISSUE.search(l.text)) for l in small]
    rows = [(l, m) for l, m in rows if m]
    issue = " ".join(m.group("issue") for _, m in rows)
    name = " ".join(l.text[: m.start()].strip() for l, m in rows if l.text[: m.start()].strip())
    if not re.search(r"\bvol(?:ume|\.)", issue, re.I) or not (month_year := MONTH_YEAR.search(issue)) or \
            not re.match(r"(?:Communications|Journal|Transactions|Proceedings|Annals|Bulletin)\b", name):
        return None
    text = " ".join(l.text for l, _ in rows)
    where = Printed(text=text, page=page.number, line=None)
    volume, number = volume_issue(issue)
    # The name says which ('Proceedings of the … Workshop', printed with a volume and issue, is proceedings).
    return name, VenueLine(dates=month_year.group(0), volume=volume, number=number, kind=kind_of(name),
                           printed=where), date_from(issue)


def venue_line(rest: str, printed: Printed) -> VenueLine:
    """What the proceedings line prints after the venue's name: pages, place, dates, publisher."""
    pages, dates, held = PAGES.search(rest), DATES.search(rest), COPYRIGHT.search(rest)
    after_pages = rest[pages.end():] if pages else rest
    place = PLACE.search(after_pages)
    volume, number = volume_issue(PAGES.sub(" ", rest))
    return VenueLine(pages=re.sub(r"\s+", "", pages.group("pages")) if pages else None,
                     place=place.group("place").strip() if place and not re.match(r"\s*(?:pages|pp)", place.group("place"), re.I) else None,
                     dates=" ".join(dates.group(0).split()) if dates else None,
                     publisher=held.group("holder").strip() if held else None,
                     copyright_year=int(held.group("year")) if held else None,
                     volume=volume, number=number,
                     printed=printed)
