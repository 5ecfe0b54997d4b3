"""A question about the papers' metadata becomes a structured query over the catalog — or nothing.

Two tests decide, and both are about structure, not topics:
1. every value the question names is one the catalog holds (an author printed on a page, a
   category code or its arXiv name, a year, a tag, the legend's institute, a section, a page, a
   title) — these spans are taken out of the question;
2. what is left is only question frame: function words and the metadata relations themselves
   ("which papers", "how many", "written by", "posted in", "what category"). A single content word
   left over ("methods", "exploration", "results") means the question is about what papers say, and
   it goes to retrieval untouched: "latest methods for offline RL" is not a date sort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rag.authors import by_author
from rag.catalog import Catalog
from rag.records import Paper, normalize_title

Op = Literal["list", "count", "lookup", "check", "first", "last"]
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
""".split())


@dataclass
class Condition:
    """One filter, with the label shown to the reader ('author: Max Schwarzer')."""

    field: str
    value: str
    label: str
    test: object = field(repr=False, default=None)  # Callable[[Paper], bool]

    def __call__(self, paper: Paper) -> bool:
        return bool(self.test(paper))  # type: ignore[operator]


@dataclass
class Plan:
    op: Op
    conditions: list[Condition] = field(default_factory=list)
    lookup: str | None = None  # the field asked for: authors, date, category, organisation, section, venue, ...
    target: Paper | None = None  # the paper a lookup names
    full_date: bool = False  # sort only over dates printed to the day

    def describe(self) -> str:
        parts = [c.label for c in self.conditions]
        if self.target is not None:
            parts.insert(0, f"paper: {self.target.title}")
        return "; ".join(parts) or "all papers"


class _Question:
    """The question's text with grounded spans cut out as they are recognised."""

    def __init__(self, question: str):
        self.original = question
        self.text = " " + re.sub(r"[‘’“”]", "'", question) + " "

    def take(self, pattern: str, flags: int = re.I) -> list[re.Match]:
        matches = list(re.finditer(pattern, self.text, flags))
        if matches:
            self.text = re.sub(pattern, " ", self.text, flags=flags)
        return matches

    def residual(self) -> list[str]:
        words = re.findall(r"[a-z0-9][a-z0-9'-]*", self.text.casefold())
        return [w for w in words if w.strip("'") not in FRAME and w.removesuffix("'s") not in FRAME
                and w not in NUMBER_WORDS and not w.isdigit()]


def plan(question: str, catalog: Catalog) -> Plan | None:
    """A Plan when the question is about the papers' metadata and names only values the catalog holds."""
    q = _Question(question)
    # "workshop rather than the main conference": what follows the contrast is what is NOT asked for.
    q.take(r"\b(?:rather than|instead of|and not|but not)\b[^?.,;]*")
    conditions: list[Condition] = []
    target = _title(q, catalog)
    conditions += _people(q, catalog)
    conditions += _dates(q)
    conditions += _categories(q, catalog)
    conditions += _tags(q, catalog)
    conditions += _author_count(q)
    low = q.text.casefold()
    full_date = bool(q.take(r"\b(full|complete|exact) dates?\b|\bday,? month,? and year\b"))
    first = bool(re.search(r"\b(oldest|earliest|first)\b", low))
    last = bool(re.search(r"\b(newest|latest|most recent(?:ly)?|last|youngest)\b", low))
    count = bool(re.search(r"\bhow many\b|\bnumber of\b|\bcount\b", low))
    lookup = _lookup_field(low, count)
    residual = q.residual()
    if residual:
        return None
    if target is not None:
        if conditions:  # "Is Nano3D a workshop paper?", "Was HoME posted in 2017?": yes or no, with the value
            return Plan(op="check", lookup=conditions[0].field, target=target, conditions=conditions)
        if lookup is None:
            return None  # a named paper but no field asked: a content question about it
        return Plan(op="lookup", lookup=lookup, target=target)
    if not re.search(r"\b(papers?|articles?|works?|publications?|preprints?|entries|which|what|who|list)\b", low):
        return None
    if first != last:
        return Plan(op="first" if first else "last", conditions=conditions, full_date=full_date)
    if count and lookup != "author_count":
        return Plan(op="count", conditions=conditions)
    if lookup and lookup != "authors" and conditions and lookup not in {c.field for c in conditions}:
        return Plan(op="lookup", lookup=lookup, conditions=conditions)
    if not conditions and not re.search(r"\b(all|every|list)\b", low):
        return None  # "which papers?" with nothing to select on is not a catalog question
    return Plan(op="list", conditions=conditions)


def _lookup_field(low: str, count: bool) -> str | None:
    if count and re.search(r"\bauthors\b", low):
        return "author_count"
    fields = [("affiliation", r"\baffiliat\w*|\binstitut\w*"),
              ("authors", r"\bwho\b|\bauthors?\b|\bwr[io]te\b|\bwritten\b"),
              ("date", r"\bwhen\b|\bdates?\b|\bwhat year\b|\bwhich year\b|\bmonth\b"),
              ("category", r"\bcategor(y|ies)\b|\bsubject\b|\barea\b"),
              ("organisation", r"\borgani[sz]ations?\b|\btag\b|\blab\b"), ("section", r"\bsection\b|\btrack\b"),
              ("venue", r"\bvenue\b|\bconference\b"), ("page", r"\bpages?\b|\bsource\b|\bwhere\b")]
    return next((name for name, pattern in fields if re.search(pattern, low)), None)


def _title(q: _Question, catalog: Catalog) -> Paper | None:
    """A paper named by its title (quoted, a prefix of it, or in full) or by the short name it goes by."""
    for quoted in re.findall(r"'([^']{3,})'|\"([^\"]{3,})\"", q.text):
        key = normalize_title(quoted[0] or quoted[1])
        found = [p for t, p in catalog.titles.items() if t == key] or \
                [p for t, p in catalog.titles.items() if t.startswith(key)]
        if len(found) == 1:
            q.take(re.escape(quoted[0] or quoted[1]).join(["['\"]", "['\"]"]))
            return found[0]
    padded = f" {normalize_title(q.text)} "
    for key, paper in sorted(catalog.titles.items(), key=lambda item: -len(item[0])):
        if len(key.split()) >= 3 and f" {key} " in padded:
            words = [re.escape(w) for w in re.findall(r"[^\W_]+", paper.title)]
            q.take(r"\W+".join(words) + r"\b")
            return paper
    for name, paper in catalog.short_names.items():
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", q.text):
            q.take(rf"(?<![\w-]){re.escape(name)}(?![\w-])", 0)
            return paper
    return None


def _people(q: _Question, catalog: Catalog) -> list[Condition]:
    """Authors by full name or a surname printed on the pages; the legend's institute; organisation tags."""
    found = []
    present = set(normalize_title(q.text).split())
    for key, name in sorted(catalog.authors.items(), key=lambda item: -len(item[0])):
        if not set(key.split()) <= present:
            continue  # cheap test first: each word of the name must be in the question
        words = [re.escape(w) for w in re.findall(r"[^\W_]+", name)]
        if q.take(r"\b" + r"\W+".join(words) + r"\b(?:'s)?"):
            found.append(Condition("author", name, f"author: {name}", lambda p, n=name: by_author(p, n)))
    for surname, names in catalog.surnames.items():
        if len(names) == 1 and surname in q.text and q.take(rf"\b{re.escape(surname)}\b(?:'s)?", 0):  # capitalised, as a name is
            name = next(iter(names))
            found.append(Condition("author", name, f"author: {name}", lambda p, n=name: by_author(p, n)))
    return found


def _tags(q: _Question, catalog: Catalog) -> list[Condition]:
    found = []
    for institute in sorted(catalog.institutes):
        page = q.take(rf"\b(?:on|in|from)\s+(?:the\s+)?{re.escape(institute)}(?:'s)?\s+(?:[A-Z]+\s+)?(?:page|list|listing)\b")
        if page:
            found.append(Condition("page", institute, f"page: {institute}'s page",
                                   lambda p, i=institute: any(i in (s.page_name or "") for s in p.sources)))
        elif q.take(rf"\b{re.escape(institute)}(?:'s)?(?:-affiliated)?\b"):
            found.append(Condition("affiliation", institute, f"affiliation: {institute}",
                                   lambda p, i=institute: any(a.affiliation == i for a in p.authors)))
    for organisation in sorted(catalog.organisations):
        if q.take(rf"\b{re.escape(organisation)}\b"):
            found.append(Condition("organisation", organisation, f"organisation: {organisation}",
                                   lambda p, o=organisation: (p.organisation or "").casefold() == o))
    if q.take(r"\bmain[- ]conference\b|\baccepted\b|\bmain track\b"):
        found.append(Condition("section", "accepted", "section: accepted", lambda p: p.section == "accepted"))
    for section in sorted(catalog.sections - {"accepted"}):
        if q.take(rf"\b{re.escape(section)}s?\b"):
            found.append(Condition("section", section, f"section: {section}", lambda p, s=section: p.section == s))
    for venue in sorted(catalog.venues):
        if q.take(rf"\b{re.escape(venue)}\b(?:\s+(?:19|20)\d\d)?(?:'s)?", 0):
            found.append(Condition("venue", venue, f"venue: {venue}", lambda p, v=venue: (p.venue or "").startswith(v)))
    for owner in sorted(catalog.owners):
        surname = re.escape(owner.split()[-1])
        if q.take(rf"\b(?:{re.escape(owner)}|{surname})(?:'s)?\s+profile(?:\s+page)?\b"):
            found.append(Condition("page", owner, f"page: {owner}'s profile", lambda p, o=owner: p.profile_of == o))
    if q.take(r"\bprofile(?: page)?\b"):
        found.append(Condition("page", "profile", "page: a profile", lambda p: p.profile_of is not None))
    if q.take(r"\btrending(?: papers)?(?: page| list)?\b"):
        found.append(Condition("page", "trending", "page: trending papers",
                               lambda p: any(s.format == "trending" for s in p.sources)))
    return found


def _categories(q: _Question, catalog: Catalog) -> list[Condition]:
    """A code as printed (capitals: 'LG', 'cs.AI', '(MES-HALL)') or an arXiv name in any case."""
    found = []
    for name, code in sorted(catalog.categories.items(), key=lambda item: -len(item[0])):
        if name.startswith("cs."):
            continue  # the code's own pattern takes an optional 'cs.'
        if name == code.casefold():
            taken = q.take(rf"\(?\b(?:cs\.)?{re.escape(code)}\b\)?", 0)
        else:
            taken = q.take(rf"\b{re.escape(name)}\b")
        if taken and not any(c.value == code for c in found):
            found.append(Condition("category", code, f"category: {catalog.category_label(code)}",
                                   lambda p, c=code: p.category == c))
    return found


def _dates(q: _Question) -> list[Condition]:
    found = []
    for m in q.take(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"):  # ISO: 2017-11-29
        found.append(_day(m.group(1), MONTHS[int(m.group(2)) - 1] if 1 <= int(m.group(2)) <= 12 else "jan",
                          m.group(3)))
    for m in q.take(rf"\b(before|prior to|earlier than|after|later than|since)\s+{_MONTH},?\s+((?:19|20)\d\d)\b"):
        word, prefix = m.group(1).casefold(), f"{m.group(3)}-{_month_number(m.group(2)):02d}"
        if word in ("before", "prior to", "earlier than"):
            found.append(Condition("date", f"<{prefix}", f"posted: before {prefix}",
                                   lambda p, x=prefix: bool(p.date) and p.date_precision != "year" and p.date[:7] < x))
        else:
            inclusive = word == "since"
            found.append(Condition("date", f">{prefix}", f"posted: {'from' if inclusive else 'after'} {prefix}",
                                   lambda p, x=prefix, i=inclusive: bool(p.date) and p.date_precision != "year"
                                   and (p.date[:7] >= x if i else p.date[:7] > x)))
    for m in q.take(r"\b((?:19|20)\d\d)\s*(?:,\s*)?(?:or|and)\s+((?:19|20)\d\d)\b"):
        years = {int(m.group(1)), int(m.group(2))}
        found.append(Condition("year", "|".join(map(str, sorted(years))), "year: " + " or ".join(map(str, sorted(years))),
                               lambda p, ys=years: p.year in ys))
    for m in q.take(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"):
        found.append(_day(m.group(3), m.group(1), m.group(2)))
    for m in q.take(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+((?:19|20)\d\d)\b"):
        found.append(_day(m.group(3), m.group(2), m.group(1)))
    for m in q.take(rf"\b{_MONTH},?\s+(?:of\s+)?((?:19|20)\d\d)\b"):
        month = _month_number(m.group(1))
        prefix = f"{m.group(2)}-{month:02d}"
        found.append(Condition("date", prefix, f"posted: {MONTHS[month - 1].title()} {m.group(2)}",
                               lambda p, x=prefix: (p.date or "").startswith(x) and p.date_precision != "year"))
    for m in q.take(r"\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until)\s+((?:19|20)\d\d)\b|"
                    r"\b((?:19|20)\d\d)\s*(?:-|–|to)\s*((?:19|20)\d\d)\b"):
        low, high = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
        found.append(_years(low, high, f"year: {low}–{high}"))
    for m in q.take(r"\b(before|prior to|earlier than|after|later than|since|from)\s+((?:19|20)\d\d)\b"):
        word, year = m.group(1).casefold(), int(m.group(2))
        if word in ("before", "prior to", "earlier than"):
            found.append(_years(0, year - 1, f"year: before {year}"))
        elif word in ("after", "later than"):
            found.append(_years(year + 1, 9999, f"year: after {year}"))
        elif word == "since":
            found.append(_years(year, 9999, f"year: {year} or later"))
        else:
            found.append(_years(year, year, f"year: {year}"))
    for m in q.take(r"\b((?:19|20)\d\d)\b"):
        year = int(m.group(1))
        found.append(_years(year, year, f"year: {year}"))
    return found


def _years(low: int, high: int, label: str) -> Condition:
    return Condition("year", f"{low}-{high}", label, lambda p: p.year is not None and low <= p.year <= high)


def _month_number(text: str) -> int:
    return next(i for i, m in enumerate(MONTHS, start=1) if m.startswith(text.casefold().rstrip(".")[:3]))


def _day(year: str, month: str, day: str) -> Condition:
    iso = f"{year}-{_month_number(month):02d}-{int(day):02d}"
    return Condition("date", iso, f"posted: {iso}", lambda p: p.date == iso and p.date_precision == "day")


def _author_count(q: _Question) -> list[Condition]:
    m = q.take(rf"\b(exactly|only|more than|over|fewer than|less than|at least|at most)?\s*{_COUNT}\s+(?:co-?)?authors?\b"
               r"|\b(single|sole)[- ]author(?:ed)?\b")
    if not m:
        return []
    m = m[0]
    if m.group(3):
        word, n = "exactly", 1
    else:
        word, n = (m.group(1) or "exactly").casefold(), _number(m.group(2))
    tests = {"exactly": lambda p: not p.authors_truncated and len(p.authors) == n,
             "only": lambda p: not p.authors_truncated and len(p.authors) == n,
             "more than": lambda p: len(p.authors) > n, "over": lambda p: len(p.authors) > n,
             "at least": lambda p: len(p.authors) >= n,
             "fewer than": lambda p: not p.authors_truncated and 0 < len(p.authors) < n,
             "less than": lambda p: not p.authors_truncated and 0 < len(p.authors) < n,
             "at most": lambda p: not p.authors_truncated and 0 < len(p.authors) <= n}
    return [Condition("author_count", f"{word} {n}", f"authors: {word} {n}", tests[word])]


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.casefold()]
