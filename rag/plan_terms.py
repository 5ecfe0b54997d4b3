"""The catalog planner's reading of a question: the question with grounded spans cut out, its frame words,
and the values that need no catalog to ground (dates, years, author counts). rag/planner.py grounds the
catalog's own values (people, categories, tags, titles) and decides the plan."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rag import rx
from rag.records import Paper

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())} | {"single": 1, "sole": 1}
_COUNT = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]  # ORDINALS[n - 1]


def ordinal_suffix(n: int) -> str:
    """'1st', '22nd', '58th'."""
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# The planner tries ~900 distinct patterns per pass over the dev questions: more than the re module's own 512-entry
# cache holds, which it then empties wholesale and recompiles. An LRU of its own keeps them all (a compiled pattern
# passed in comes back as itself, as with re.finditer).

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
arxiv cs s about someone anyone somebody anybody people person researcher researchers under listed catalog library collection here i my our you
your can could would please one ones also either both other others same so far kind type classified filed sorted
sort order ordered up out not no yes just presented present is was did does true whether together jointly overall altogether exist exists existing get got known see over
but nor neither either except excluding including both belong belongs belonging fall falls under within into hold holds
held contain contains contained stored indexed library's collection's database corpus currently total appear appears
often frequently common distinct different unique separate per each across
co-written cowritten co-write co-writes everything anything marked mark marks star starred asterisk used
categorized categorised classified filed labelled labeled tagged associated linked belonging listed
we us something thing things stuff old older newer id ids identifier identifiers doi institutions else share shares sharing
fraction percentage percent proportion part ratio
posting postings posts meeting meetings header headers byline bylines uploaded upload uploads stamp stamps use uses
actually really own printed displayed display displays visible some somewhere elsewhere else spread occupy occupies
proceedings too line went online shows stamped city located location based address according will universities university companies company range print prints journal journals
already ever still few several showing yet
nevertheless nonetheless however though although
""".split())  # (the last line: concessive connectives, 'a non-starred first author that nevertheless has a starred one')


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
                         lambda p: self.known(p) and not self(p), known_test=self.known)

    @staticmethod
    def any_of(conditions: list["Condition"]) -> "Condition":
        """'in CL or CV', '2022 or 2023': one condition that holds when any of them does."""
        if len(conditions) == 1:
            return conditions[0]
        head = conditions[0]
        values = [c.label.split(": ", 1)[-1] for c in conditions]
        return Condition(head.field, " | ".join(c.value for c in conditions),
                         f"{head.label.split(': ', 1)[0]}: {' or '.join(values)}",
                         lambda p: any(c(p) for c in conditions), known_test=lambda p: all(c.known(p) for c in conditions))


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
        # '3+ authors' is said out: '3 or more authors', one grammar for both.
        self.folded = " " + fold(rx.sub(r"\b(\d+)\+(?=\s)", r"\1 or more", rx.sub(r"[‘’“”]", "'", question))) + " "
        self.text = self.folded
        self.spans: list[tuple[int, int, str]] = []  # (start, end, kind) of spans taken as 'person' or 'title'
        # A sort read early, before a later reader would misread its words, and used where the plan's kind is decided
        # ('the most authors without the Amii star' is a sort, found before negation takes 'without the Amii star'):
        # ('last' | 'first', 'not <institute>'), for rag/plan_marked.marked_sort.
        self.marked_sort: tuple[str, str] | None = None

    def take(self, pattern: str, flags: int = re.I, kind: str = "") -> list[re.Match]:
        matches = list(rx.compiled(pattern, flags).finditer(self.text))
        for m in matches:
            self.blank(m.start(), m.end(), kind)
        return matches

    def blank(self, start: int, end: int, kind: str = "") -> None:
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]
        if kind:
            self.spans.append((start, end, kind))

    def residual(self) -> list[str]:
        words = rx.findall(r"[a-z0-9][a-z0-9'-]*", self.text.casefold())
        return [w for w in words if w.strip("'") not in FRAME and w.removesuffix("'s") not in FRAME
                and w not in NUMBER_WORDS and not w.isdigit()]


def dated_year(paper: Paper) -> int | None:
    """The year of the paper's own date. A year taken from its venue ('ICLR 2026', on a page that prints no dates)
    says when the conference is, not when the paper was posted: such papers are named apart, not counted."""
    return None if venue_year_only(paper) else paper.year


def venue_year_only(paper: Paper) -> bool:
    return paper.date_precision == "year" and paper.date_inferred


# A count asked: 'how many …', 'the number of …', 'count …' (the readers of headings, footnotes, references, funders)
HOW_MANY = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b", re.I)

# People counted on a byline: 'more than five people on the byline', 'over 5 names listed in its author list'
_PEOPLE = r"people|persons|individuals|researchers|contributors"
_ON_BYLINE = rf"(?:{_PEOPLE}|names)(?:\s+(?:listed|named|printed|shown))?\s+(?:on|in)\s+(?:the\s+|its\s+|their\s+|each\s+|a\s+)?" \
    r"(?:bylines?|author\s+(?:lists?|lines?))"
_COMPARE = r"(exactly|only|just|more than|over|fewer than|less than|at least|at most|up to|no more than|no fewer than|" \
           r"no less than|not more than)"


def author_count(q: Question) -> list[Condition]:
    """'more than five authors', 'two or more co-authors', 'two-author papers', 'single-authored', 'a sole author',
    'between four and six authors'."""
    if m := q.take(rf"\bbetween\s+{_COUNT}\s+and\s+{_COUNT}\s+(?:co-?)?authors?\b"):
        low, high = sorted((_number(m[0].group(1)), _number(m[0].group(2))))
        return [counted_authors(f"{low}-{high}", f"authors: {low} to {high}",
                                lambda p: not p.authors_truncated and low <= len(p.authors) <= high)]
    # 'author lists of exactly four names': the list's length said in names
    # 'bylines with more than five people': the list's length said in people once the byline is said
    listed = q.take(rf"\b((?:complete|full|whole|entire)\s+)?(?:author\s+lists?|bylines?)\s+(?:of|with|listing|naming|"
                    rf"that\s+(?:lists?|names?)|having)\s+(?=(?:{_COMPARE}\s+)?{_COUNT}\s+(?:names|{_PEOPLE})\b)")
    people = f"|{_PEOPLE}" if listed else ""
    # 'a three-person author list', 'a four-name byline', 'two-member teams': the list's length said as its size
    for size in list(rx.compiled(rf"\b{_COUNT}([\s-]+(?:person|people|name|member|strong))(?=[\s-]+(?:(?:author|byline)s?"
                               r"(?:\s+(?:lists?|lines?|teams?))?|teams?|bylines?)\b)", re.I).finditer(q.text)):
        q.blank(size.start(2), size.end(2))
    m = q.take(rf"\b{_COMPARE}?\s*{_COUNT}(?:\s+or\s+(more|fewer|less))?[\s-]+(?P<shown>(?:displayed|shown|visible|printed)\s+)?(?:(co-?)?author(?:s|ed)?(?:\s+(?:teams?|lines?|lists?)\b)?|names|(?:bylines?|teams?)\b{people}|{_ON_BYLINE})\b"
               r"|\b(single|sole|solo)[- ]author(?:s|ed)?\b|\b(?:an?\s+)?(single|sole|solo)\s+author\b")
    if not m:
        return []
    m = m[0]
    if m.group(6) or m.group(7):
        return [count_condition("exactly", 1, None)]
    # Co-authors are the others: 'with exactly one co-author' is a list of two; 'two co-authors', three.
    n = _number(m.group(2)) + (1 if m.group(5) else 0)
    if m.group("shown"):  # '3 or fewer displayed authors': the names the entry prints, a list cut with 'et al.' too
        word = count_word(m.group(1), m.group(3))
        return [Condition("author_count", f"{word} {n} shown", f"authors shown: {word} {n}",
                          lambda p: bool(p.authors) and _compared(word, len(p.authors), n),
                          known_test=lambda p: bool(p.authors))]
    return [count_condition(m.group(1), n, m.group(3))]


def _compared(word: str, have: int, n: int) -> bool:
    return {"exactly": have == n, "more than": have > n, "over": have > n, "at least": have >= n,
            "fewer than": have < n, "less than": have < n, "at most": have <= n}[word]


def count_word(compare: str | None, more: str | None) -> str:
    """The comparison 'at least five', 'five or more', 'up to three', 'only two' say, in one of count_test's words
    (`compare` the comparison said before the number, `more` the 'or more / fewer / less' after it; neither: exactly)."""
    return {"more": "at least", "fewer": "at most", "less": "at most"}.get((more or "").casefold()) \
        or {"up to": "at most", "no more than": "at most", "not more than": "at most", "no fewer than": "at least",
            "no less than": "at least", "only": "exactly", "just": "exactly"}.get((compare or "").casefold()) \
        or (compare or "exactly").casefold()


def count_condition(compare: str | None, n: int, more: str | None) -> Condition:
    """The author-count condition for 'at least five', 'five or more', 'up to three', 'only two' (count_word)."""
    word = count_word(compare, more)
    return counted_authors(f"{word} {n}", f"authors: {word} {n}", count_test(word, n))


def counted_authors(value: str, label: str, test) -> Condition:
    """An author-count condition. A list the page cut with 'et al.' is known for it only when its printed names
    already decide the test ('more than 3' with four names printed): negated ('not more than 4', 'doesn't have
    over four authors'), an undecided cut list is left out and said to be, never counted as not matching."""
    return Condition("author_count", value, label, test,
                     known_test=lambda p: bool(p.authors) and (not p.authors_truncated or bool(test(p))))


def solo(q: Question) -> list[Condition]:
    """'with no co-authors', 'without any co-author', 'written alone', 'on her own', 'solo papers': one author.
    Read before negation, which would take 'no co-authors' as papers listing no authors at all."""
    for m in rx.finditer(r"\b(?:page|list|feed|profile|pdfs|library|collection)\s+(alone)\b", q.text, re.I):
        q.blank(m.start(1), m.end(1))  # 'on the trending page alone': only there, not one author
    if q.take(r"\b(?:with\s+)?(?:no|without(?:\s+any)?|zero)\s+(?:other\s+)?co-?authors?\b|\b(?:all\s+)?alone\b|"
              r"\bby\s+(?:him|her|them)sel(?:f|ves)\b|\bon\s+(?:his|her|their)\s+own\b|\bsolo\b"):
        return [counted_authors("exactly 1", "authors: exactly 1", count_test("exactly", 1))]
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
