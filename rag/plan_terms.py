"""The catalog planner's reading of a question: the question with grounded spans cut out, its frame words,
and the values that need no catalog to ground (dates, years, author counts). rag/planner.py grounds the
catalog's own values (people, categories, tags, titles) and decides the plan."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from rag.records import Paper

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())} | {"single": 1, "sole": 1}
_COUNT = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"

# The question frame: closed-class words and the words of metadata relations. Nothing topical.
FRAME = set("""
which what who whom whose when where how many much is are was were be been being do does did done the a an of in
on at to for from by with and or as any all every each there their its it this that these those they them paper
papers article articles work works publication publications preprint preprints entry entries item items title
titles list listed lists listing show shown give tell me find name named names count counted number numbers total
have has had having carry carries carrying tag tags tagged label labels labelled labeled author authors authored
author's wrote written write writes writing co coauthor coauthors coauthored co-author co-authors co-authored
co-wrote cowrote contributed contribute contributor contributors credited involve involves involving include
includes including feature features featuring appear appears appeared posted post published publish dated date
dates released release submitted come comes came year years month months day category categories subject subjects
area areas field section sections organisation organisations organization organizations org orgs lab labs
affiliation affiliated affiliations institute institutes institution venue venues track tracks page pages profile
profiles among exactly only than more fewer less least most between before after since until during prior earlier
later newest oldest latest earliest recent recently first last full complete whole main conference conferences
arxiv cs s about someone people person researcher researchers under listed catalog library collection here i my our you
your can could would please one ones also either both other others same so far kind type classified filed sorted
sort order ordered up out not no yes just presented present is was did does true whether together jointly overall altogether exist exists existing get got known see over
but nor neither either except excluding including both belong belongs belonging fall falls under within into hold holds
held contain contains contained stored indexed library's collection's database corpus currently total appear appears
often frequently common distinct different unique separate per each across
co-written cowritten co-write co-writes everything anything marked mark marks star starred asterisk used
categorized categorised classified filed labelled labeled tagged associated linked belonging listed
we us something thing things stuff old older newer id ids identifier identifiers doi institutions else share shares sharing
fraction percentage percent proportion part ratio
actually really own printed displayed display displays visible some somewhere elsewhere else spread occupy occupies
proceedings too line universities university companies company range print prints journal journals
""".split())


@dataclass
class Condition:
    """One filter, with the label shown to the reader ('author: Max Schwarzer')."""

    field: str
    value: str
    label: str
    test: object = field(repr=False, default=None)  # Callable[[Paper], bool]
    wider: object = field(repr=False, default=None)  # for years: the same test counting a venue's year as a date
    known_test: object = field(repr=False, default=None)  # whether the page prints the field (else KNOWN[field])

    def __call__(self, paper: Paper) -> bool:
        return bool(self.test(paper))  # type: ignore[operator]

    def known(self, paper: Paper) -> bool:
        """Whether the pages print this field for the paper, so that failing the test means 'no', not 'unknown'."""
        if self.known_test is not None:
            return bool(self.known_test(paper))  # type: ignore[operator]
        return KNOWN.get(self.field, lambda p: True)(paper)

    def negated(self) -> "Condition":
        """'not in LG', 'no Amii-affiliated author', 'excluding workshop papers': only papers whose field is printed
        can be said not to match; the answer names how many were left out for that (catalog_query.headline)."""
        return Condition(self.field, f"not {self.value}", f"not {self.label}",
                         lambda p: self.known(p) and not self(p))

    @staticmethod
    def any_of(conditions: list["Condition"]) -> "Condition":
        """'in CL or CV', '2022 or 2023': one condition that holds when any of them does."""
        if len(conditions) == 1:
            return conditions[0]
        head = conditions[0]
        values = [c.label.split(": ", 1)[-1] for c in conditions]
        return Condition(head.field, " | ".join(c.value for c in conditions),
                         f"{head.label.split(': ', 1)[0]}: {' or '.join(values)}",
                         lambda p: any(c(p) for c in conditions))


def _full_authors(paper: Paper) -> bool:
    return bool(paper.authors) and not paper.authors_truncated


# Per field: is it printed for this paper? A profile entry prints a tag slot, an institute page a legend.
KNOWN = {
    "author": _full_authors, "author_count": lambda p: bool(p.authors),
    "affiliation": lambda p: _full_authors(p) and any(s.format == "institute" for s in p.sources),  # the legend's page
    "category": lambda p: p.category is not None, "section": lambda p: p.section is not None,
    "year": lambda p: dated_year(p) is not None, "date": lambda p: dated_year(p) is not None,
    "organisation": lambda p: p.organisation is not None or any(s.format == "profile" for s in p.sources),
    "code": lambda p: p.has_code is not None,
}


def fold(text: str) -> str:
    """Accents off, case kept: 'Szepesvari' in a question is the page's 'Szepesvári'."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


class Question:
    """The question's text with grounded spans cut out as they are recognised."""

    def __init__(self, question: str):
        self.original = question
        # Taken spans are blanked, not cut: `text` stays aligned with `folded`, so what was grounded where (an author
        # as the subject of a verb, a title) can be read from positions (rag/plan_slots.py).
        self.folded = " " + fold(re.sub(r"[‘’“”]", "'", question)) + " "
        self.text = self.folded
        self.spans: list[tuple[int, int, str]] = []  # (start, end, kind) of spans taken as 'person' or 'title'

    def take(self, pattern: str, flags: int = re.I, kind: str = "") -> list[re.Match]:
        matches = list(re.finditer(pattern, self.text, flags))
        for m in matches:
            self.blank(m.start(), m.end(), kind)
        return matches

    def blank(self, start: int, end: int, kind: str = "") -> None:
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]
        if kind:
            self.spans.append((start, end, kind))

    def residual(self) -> list[str]:
        words = re.findall(r"[a-z0-9][a-z0-9'-]*", self.text.casefold())
        return [w for w in words if w.strip("'") not in FRAME and w.removesuffix("'s") not in FRAME
                and w not in NUMBER_WORDS and not w.isdigit()]


def dates(q: Question, today: datetime.date | None = None) -> list[Condition]:
    found = []
    year_now = (today or datetime.date.today()).year
    # 'this year', 'last year': relative to today, unless the question prints the year beside it ('this year (2026)').
    # 'across all years', 'any year', 'regardless of year': no condition, said beside a month ('October papers').
    q.take(r"(?:,\s*)?\b(?:across|in|of|from|over)\s+(?:all|any|every)\s+(?:the\s+)?years?\b|\b(?:of\s+)?any\s+year\b|"
           r"\bregardless\s+of\s+(?:the\s+)?year\b|\bwhatever\s+the\s+year\b")
    for m in q.take(rf"(?:\b(before|prior\s+to|earlier\s+than|after|later\s+than|since|until|till|through|in)\s+{_MONTH}\s+(?:of\s+)?)?"
                    r"\b(this|the\s+current|last|the\s+previous|previous)\s+year\b(?:\s*\(\s*((?:19|20)\d\d)\s*\))?"):
        year = int(m.group(4)) if m.group(4) else year_now if m.group(3).split()[-1].casefold() in ("this", "current") \
            else year_now - 1
        if m.group(2):  # 'before March this year': within that year, before its March
            found.append(_within_year(year, _month_number(m.group(2)), m.group(1).casefold().split()[0]))
            continue
        found.append(_years(year, year, f"year: {year}"))
    for m in q.take(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"):  # ISO: 2017-11-29
        found.append(_day(m.group(1), MONTHS[int(m.group(2)) - 1] if 1 <= int(m.group(2)) <= 12 else "jan",
                          m.group(3)))
    for m in q.take(rf"\b(?:between|from)\s+{_MONTH},?\s+((?:19|20)\d\d)\s+(?:and|to|until|through|till)\s+"
                    rf"{_MONTH},?\s+((?:19|20)\d\d)\b"):
        low = f"{m.group(2)}-{_month_number(m.group(1)):02d}"
        high = f"{m.group(4)}-{_month_number(m.group(3)):02d}"
        found.append(Condition("date", f"{low}..{high}", f"posted: {low} to {high}",
                               lambda p, a=low, b=high: bool(p.date) and p.date_precision != "year"
                               and a <= p.date[:7] <= b))
    for m in q.take(rf"\b(before|prior to|earlier than|older than|after|later than|newer than|more recent than|since)\s+"
                    rf"{_MONTH},?\s+((?:19|20)\d\d)\b"):
        word, prefix = m.group(1).casefold(), f"{m.group(3)}-{_month_number(m.group(2)):02d}"
        if word in ("before", "prior to", "earlier than", "older than"):
            found.append(Condition("date", f"<{prefix}", f"posted: before {prefix}",
                                   lambda p, x=prefix: bool(p.date) and p.date_precision != "year" and p.date[:7] < x))
        else:
            inclusive = word == "since"
            found.append(Condition("date", f">{prefix}", f"posted: {'from' if inclusive else 'after'} {prefix}",
                                   lambda p, x=prefix, i=inclusive: bool(p.date) and p.date_precision != "year"
                                   and (p.date[:7] >= x if i else p.date[:7] > x)))
    for m in q.take(r"\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until)\s+((?:19|20)\d\d)\b|"
                    r"\b((?:19|20)\d\d)\s*(?:-|–|to)\s*((?:19|20)\d\d)\b"):
        low, high = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
        found.append(_years(low, high, f"year: {low}–{high}"))
    for m in q.take(r"\b((?:19|20)\d\d)\s*(?:,\s*)?(?:or|and)\s+((?:19|20)\d\d)\b"):
        years = {int(m.group(1)), int(m.group(2))}
        found.append(Condition("year", "|".join(map(str, sorted(years))), "year: " + " or ".join(map(str, sorted(years))),
                               lambda p, ys=years: dated_year(p) in ys, wider=lambda p, ys=years: p.year in ys))
    for m in q.take(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"):
        found.append(_day(m.group(3), m.group(1), m.group(2)))
    for m in q.take(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+((?:19|20)\d\d)\b"):
        found.append(_day(m.group(3), m.group(2), m.group(1)))
    for m in q.take(rf"\b{_MONTH},?\s+(?:of\s+)?((?:19|20)\d\d)\b"):
        month = _month_number(m.group(1))
        prefix = f"{m.group(2)}-{month:02d}"
        found.append(Condition("date", prefix, f"posted: {MONTHS[month - 1].title()} {m.group(2)}",
                               lambda p, x=prefix: (p.date or "").startswith(x) and p.date_precision != "year"))
    for m in q.take(r"\b(?:in\s+or\s+after|from|since)?\s*((?:19|20)\d\d)\s*(?:(?:or|and)\s+(?:later|after|newer|since|beyond)"
                    r"|onwards?|and\s+up)\b|\b(?:no\s+earlier\s+than|not\s+before|in\s+or\s+after)\s+((?:19|20)\d\d)\b"):
        year = int(m.group(1) or m.group(2))
        found.append(_years(year, 9999, f"year: {year} or later"))
    for m in q.take(r"\b((?:19|20)\d\d)\s*(?:or|and)\s+(?:earlier|before|older)\b|\b(?:up\s+to|until|till|through|"
                    r"no\s+later\s+than|not\s+after|in\s+or\s+before)\s+((?:19|20)\d\d)\b"):
        year = int(m.group(1) or m.group(2))
        found.append(_years(0, year, f"year: {year} or earlier"))
    for m in q.take(r"\b(before|prior to|earlier than|older than|after|later than|newer than|more recent than|since|from)"
                    r"\s+((?:19|20)\d\d)\b"):
        word, year = m.group(1).casefold(), int(m.group(2))
        if word in ("before", "prior to", "earlier than", "older than"):
            found.append(_years(0, year - 1, f"year: before {year}"))
        elif word in ("after", "later than", "newer than", "more recent than"):
            found.append(_years(year + 1, 9999, f"year: after {year}"))
        elif word == "since":
            found.append(_years(year, 9999, f"year: {year} or later"))
        else:
            found.append(_years(year, year, f"year: {year}"))
    months = rf"\b(?:in|during|from)\s+{_MONTH}(?![\w.]|\s*,?\s*\d)|" \
             r"\b((?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?(?=\s+(?:papers?|entries|preprints|ones|" \
             r"publications|submissions|articles)\b)"  # 'October papers': a capitalised month as a modifier
    for m in list(re.finditer(months, q.text, re.I)):  # 'in June', any year
        if m.group(2) and not re.fullmatch(_MONTH, m.group(2), re.I):
            continue
        if m.group(1) == "may" or m.group(1) == "mar":
            continue  # 'in may' is not a month a question names; 'May' is
        month = _month_number(m.group(1) or m.group(2))
        q.take(re.escape(m.group(0)) + r"(?![\w.])")
        found.append(Condition("date", f"*-{month:02d}", f"posted: in {MONTHS[month - 1].title()} (any year)",
                               lambda p, x=f"-{month:02d}": bool(p.date) and p.date_precision != "year"
                               and p.date[4:7] == x))
    for m in q.take(r"\b(?:the\s+)?((?:19|20)\d)0'?s\b"):  # the 2010s
        low = int(m.group(1)) * 10
        found.append(_years(low, low + 9, f"year: {low}s"))
    for m in q.take(rf"\b(?:(?:the\s+)?(first|second|1st|2nd|last)\s+half|(?:the\s+)?(first|second|third|fourth|last|1st|2nd|"
                    rf"3rd|4th)\s+quarter|(?:H([12])|Q([1-4])))\s+(?:of\s+)?((?:19|20)\d\d)\b"):
        half, quarter = m.group(1) or m.group(3), m.group(2) or m.group(4)
        if half:
            index = 0 if half.casefold() in ("first", "1st", "1") else 1
            low, high = 1 + 6 * index, 6 + 6 * index
        else:
            index = {"first": 0, "1st": 0, "1": 0, "second": 1, "2nd": 1, "2": 1, "third": 2, "3rd": 2, "3": 2}.get(
                quarter.casefold(), 3)
            low, high = 1 + 3 * index, 3 + 3 * index
        a, b = f"{m.group(5)}-{low:02d}", f"{m.group(5)}-{high:02d}"
        found.append(Condition("date", f"{a}..{b}", f"posted: {a} to {b}",
                               lambda p, a=a, b=b: bool(p.date) and p.date_precision != "year" and a <= p.date[:7] <= b))
    for m in q.take(r"\b((?:19|20)\d\d)\b"):
        year = int(m.group(1))
        found.append(_years(year, year, f"year: {year}"))
    return found


def _within_year(year: int, month: int, word: str) -> Condition:
    """'before March this year' (January and February of it), 'since June this year', 'in May last year'."""
    low, high = {"before": (1, month - 1), "prior": (1, month - 1), "earlier": (1, month - 1), "until": (1, month),
                 "till": (1, month), "through": (1, month), "after": (month + 1, 12), "later": (month + 1, 12),
                 "since": (month, 12)}.get(word, (month, month))
    a, b = f"{year}-{low:02d}", f"{year}-{high:02d}"
    return Condition("date", f"{a}..{b}", f"posted: {a} to {b}",
                     lambda p: bool(p.date) and p.date_precision != "year" and a <= p.date[:7] <= b)


def dated_year(paper: Paper) -> int | None:
    """The year of the paper's own date. A year taken from its venue ('ICLR 2026', on a page that prints no dates)
    says when the conference is, not when the paper was posted: such papers are named apart, not counted."""
    return None if venue_year_only(paper) else paper.year


def venue_year_only(paper: Paper) -> bool:
    return paper.date_precision == "year" and paper.date_inferred


def _years(low: int, high: int, label: str) -> Condition:
    return Condition("year", f"{low}-{high}", label, lambda p: bool(dated_year(p)) and low <= p.year <= high,
                     wider=lambda p: p.year is not None and low <= p.year <= high)


def _month_number(text: str) -> int:
    return next(i for i, m in enumerate(MONTHS, start=1) if m.startswith(text.casefold().rstrip(".")[:3]))


def _day(year: str, month: str, day: str) -> Condition:
    iso = f"{year}-{_month_number(month):02d}-{int(day):02d}"
    return Condition("date", iso, f"posted: {iso}", lambda p: p.date == iso and p.date_precision == "day")


_COMPARE = r"(exactly|only|just|more than|over|fewer than|less than|at least|at most|up to|no more than|no fewer than|" \
           r"no less than|not more than)"


def author_count(q: Question) -> list[Condition]:
    """'more than five authors', 'two or more co-authors', 'two-author papers', 'single-authored', 'a sole author',
    'between four and six authors'."""
    if m := q.take(rf"\bbetween\s+{_COUNT}\s+and\s+{_COUNT}\s+(?:co-?)?authors?\b"):
        low, high = sorted((_number(m[0].group(1)), _number(m[0].group(2))))
        return [Condition("author_count", f"{low}-{high}", f"authors: {low} to {high}",
                          lambda p: not p.authors_truncated and low <= len(p.authors) <= high)]
    m = q.take(rf"\b{_COMPARE}?\s*{_COUNT}(?:\s+or\s+(more|fewer|less))?[\s-]+(co-?)?author(?:s|ed)?\b"
               r"|\b(single|sole|solo)[- ]author(?:s|ed)?\b|\b(?:an?\s+)?(single|sole|solo)\s+author\b")
    if not m:
        return []
    m = m[0]
    if m.group(5) or m.group(6):
        word, n = "exactly", 1
    else:
        # Co-authors are the others: 'with exactly one co-author' is a list of two; 'two co-authors', three.
        n = _number(m.group(2)) + (1 if m.group(4) else 0)
        word = {"more": "at least", "fewer": "at most", "less": "at most"}.get((m.group(3) or "").casefold()) \
            or {"up to": "at most", "no more than": "at most", "not more than": "at most", "no fewer than": "at least",
                "no less than": "at least", "only": "exactly", "just": "exactly"}.get((m.group(1) or "").casefold()) \
            or (m.group(1) or "exactly").casefold()
    return [Condition("author_count", f"{word} {n}", f"authors: {word} {n}", count_test(word, n))]


def solo(q: Question) -> list[Condition]:
    """'with no co-authors', 'without any co-author', 'written alone', 'on her own', 'solo papers': one author.
    Read before negation, which would take 'no co-authors' as papers listing no authors at all."""
    if q.take(r"\b(?:with\s+)?(?:no|without(?:\s+any)?|zero)\s+(?:other\s+)?co-?authors?\b|\b(?:all\s+)?alone\b|"
              r"\bby\s+(?:him|her|them)sel(?:f|ves)\b|\bon\s+(?:his|her|their)\s+own\b|\bsolo\b"):
        return [Condition("author_count", "exactly 1", "authors: exactly 1", count_test("exactly", 1))]
    return []


def count_test(word: str, n: int):
    """A test on a paper's author list; a list the page cut with 'et al.' only passes what its printed part proves."""
    return {"exactly": lambda p: not p.authors_truncated and len(p.authors) == n,
            "more than": lambda p: len(p.authors) > n, "over": lambda p: len(p.authors) > n,
            "at least": lambda p: len(p.authors) >= n,
            "fewer than": lambda p: not p.authors_truncated and 0 < len(p.authors) < n,
            "less than": lambda p: not p.authors_truncated and 0 < len(p.authors) < n,
            "at most": lambda p: not p.authors_truncated and 0 < len(p.authors) <= n}[word]


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.casefold()]
