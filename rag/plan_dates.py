"""Dates a question names, as catalog conditions: years and ranges of them, months of a year or of any year ('October
papers'), days, 'this year' / 'last year' read from today, 'before March this year' within that year, halves and
quarters, decades. Split from rag/plan_terms.py, which holds the question's frame and the other values."""

from __future__ import annotations

import datetime
import re

from rag import rx
from rag.plan_periods import month_number as _month_number, periods, relative_year, span
from rag.plan_terms import _MONTH, MONTHS, Condition, Question, dated_year


# Entries printed without a year, said any way: 'no-year', 'without a year', 'w/o year', 'undated', 'year-less'.
_NO_YEAR = r"\bno[\s-]+(?:printed\s+)?years?\b|\b(?:without|w/o|missing|lacking)\s+(?:an?\s+|the\s+|any\s+)?(?:printed\s+)?" \
           r"years?\b|\bundated\b|\byear-?less\b"


_DENIED = r"\bnot\b|n't\b|\bnever\b|\bexclud\w*|\bexcept\b|\bleave\s+out\b|\bleaving\s+out\b|\bignor\w*|\bskip\w*|\bdrop\w*"


def current_year_gloss(q: Question) -> None:
    """A listing prints no year for this year's entries: 'this year's entries (the ones w/o a year)' and 'the entries
    that show no year (i.e. this year's)' say the same papers twice, so the bracket is taken as a gloss; read before
    negation, which would read it as a second condition ('no printed year')."""
    if rx.search(r"\b(?:this|the\s+current)\s+year\b", q.text, re.I):
        q.take(r"\(\s*(?:i\.?e\.?,?\s*|that\s+is,?\s*)?(?:the\s+ones|those|the\s+entries|entries|the\s+papers|papers)\s+"
               r"(?:(?:printed|shown|listed)\s+)?(?:w/o|without|with\s+no|missing|lacking|printing\s+no|that\s+print\s+no|"
               r"showing\s+no)\s+(?:a\s+|the\s+|any\s+)?(?:printed\s+)?year\s*\)")
    # a bracket that says the no-year entries are this year's, in any words: '(the no-year ones count as this
    # year)', '(undated ones are from the current year)': what the listing already means, so no condition
    # and the same said in a sentence of its own after the question: '…? count the year-less entries as this year'
    for m in list(rx.finditer(r"\(([^()]{4,80})\)|(?<=[?;])\s*([^?;()]{4,80}?)\s*(?:[.!?]\s*)?$", q.text)):
        said = m[1] or m[2]
        if rx.search(_NO_YEAR, said, re.I) and rx.search(r"\b(?:this|the\s+current|current)\s+year\b", said, re.I) and \
                not rx.search(_DENIED, said, re.I):  # '(the no-year ones do not count as this year)' says otherwise
            q.blank(m.start(), m.end())
    # the other way round: 'entries that show no year (i.e. this year's)'
    if rx.search(r"\b(?:no|without\s+(?:a|any)|w/o\s+(?:a|any)?|missing\s+(?:a|the))\s*(?:printed\s+)?year\b", q.text, re.I):
        q.take(r"\(\s*(?:i\.?e\.?,?\s*|that\s+is,?\s*|so\s+)?(?:(?:the\s+ones|those|entries|papers)\s+(?:from|of)\s+)?"
               r"(?:this|the\s+current)\s+year(?:'s)?(?:\s+(?:ones|entries|papers))?\s*\)")


# Said after years joined or ranged, that the set is their union: '2021 and 2022 combined', '2019-2021 inclusive'.
_TOGETHER = r"(?:\s*,?\s*(?:combined|together|put\s+together|taken\s+together|in\s+total|total|jointly|inclusive|" \
            r"both\s+included|included))?(?!\w)"
# A range's ends said to count ('June to September 2022 (inclusive)'): every range read here holds both ends already.
INCLUSIVE = r"(?:\s*,?\s*\(?\s*(?:inclusive(?:ly)?|(?:with\s+)?both\s+(?:ends|months|years)?\s*(?:included|inclusive|counted)|" \
            r"ends\s+included)\s*\)?)?"


def dates(q: Question, today: datetime.date | None = None) -> list[Condition]:
    year_now = (today or datetime.date.today()).year
    # 'this year', 'last year': relative to today, unless the question prints the year beside it ('this year (2026)').
    # 'across all years', 'any year', 'regardless of year': no condition, said beside a month ('October papers'); a
    # part of a year or month ('the first week of June 2022', 'Q1 of any year') is read first (rag/plan_periods.py).
    found = periods(q, year_now)
    for m in q.take(rf"\b(?:between|from)\s+{_MONTH}\s+(?:and|to|until|through|till)\s+{_MONTH},?\s+(?:of\s+)?"
                    r"(this|the\s+current|last|the\s+previous|previous)\s+year\b"):  # 'between January and March this year'
        year = relative_year(m.group(3), year_now)
        found.append(_months(str(year), _month_number(m.group(1)), _month_number(m.group(2))))
    for m in q.take(rf"(?:\b(before|prior\s+to|earlier\s+than|after|later\s+than|since|until|till|through|in)\s+{_MONTH}\s+(?:of\s+)?)?"
                    r"\b(this|the\s+current|last|the\s+previous|previous)\s+year\b(?:\s*\(\s*((?:19|20)\d\d)\s*\))?"):
        year = int(m.group(4)) if m.group(4) else relative_year(m.group(3), year_now)
        if m.group(2):  # 'before March this year': within that year, before its March
            found.append(_within_year(year, _month_number(m.group(2)), m.group(1).casefold().split()[0]))
            continue
        found.append(_years(year, year, f"year: {year}"))
    for m in q.take(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"):  # ISO: 2017-11-29
        found.append(_day(m.group(1), MONTHS[int(m.group(2)) - 1] if 1 <= int(m.group(2)) <= 12 else "jan",
                          m.group(3)))
    for m in q.take(rf"\b(?:(?:between|from)\s+)?{_MONTH}(?:\s+(?:and|to|until|through|till|thru)\s+|\s*[-–—]\s*){_MONTH},?\s+(?:of\s+)?"
                    r"((?:19|20)\d\d)\b" + INCLUSIVE):  # 'January through June 2024': both months of that one year
        found.append(_months(m.group(3), _month_number(m.group(1)), _month_number(m.group(2))))
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
    for m in q.take(r"(?:\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until|till|through|thru)\s+((?:19|20)\d\d)\b|"
                    r"\b((?:19|20)\d\d)\s*(?:-|–|—|to|through|thru|until|till)\s*((?:19|20)\d\d)\b)" + INCLUSIVE + _TOGETHER):
        low, high = int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4))
        found.append(_years(low, high, f"year: {low}–{high}"))
    # '2021 or 2022', '2021, 2022 and 2023', '2021 + 2022 combined': any of the years (a union, counted once)
    # ('in 2021 or in 2022': the preposition said again is the same union)
    for m in q.take(r"\b(?:19|20)\d\d(?:\s*,\s*(?:(?:in|from|during)\s+)?(?:19|20)\d\d)*\s*,?\s*(?:or|and|&|\+|/)\s*"
                    r"(?:(?:in|from|during)\s+)?(?:19|20)\d\d\b" + _TOGETHER):
        years = {int(y) for y in rx.findall(r"(?:19|20)\d\d", m[0])}
        found.append(Condition("year", "|".join(map(str, sorted(years))), "year: " + " or ".join(map(str, sorted(years))),
                               lambda p, ys=years: dated_year(p) in ys, wider=lambda p, ys=years: p.year in ys))
    for m in q.take(rf"\b(early|mid|late)[- ]{_MONTH},?\s+(?:of\s+)?((?:19|20)\d\d)\b"):  # 'late October 2023'
        low, high = {"early": (1, 10), "mid": (11, 20)}.get(m.group(1).casefold(), (21, 31))
        a, b = f"{m.group(3)}-{_month_number(m.group(2)):02d}-{low:02d}", f"{m.group(3)}-{_month_number(m.group(2)):02d}-{high:02d}"
        found.append(Condition("date", f"{a}..{b}", f"posted: {a} to {b}", lambda p, a=a, b=b: bool(p.date)
                               and p.date_precision == "day" and a <= p.date <= b))
    for m in q.take(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"):
        found.append(_day(m.group(3), m.group(1), m.group(2)))
    for m in q.take(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+((?:19|20)\d\d)\b"):
        found.append(_day(m.group(3), m.group(2), m.group(1)))
    for m in q.take(rf"\b{_MONTH},?\s+(?:of\s+)?((?:19|20)\d\d)\b"):
        month = _month_number(m.group(1))
        prefix = f"{m.group(2)}-{month:02d}"
        found.append(Condition("date", prefix, f"posted: {MONTHS[month - 1].title()} {m.group(2)}",
                               lambda p, x=prefix: (p.date or "").startswith(x) and p.date_precision != "year"))
    for m in _closing_on(q, r"\b(?:in\s+or\s+after|from|since)?\s*((?:19|20)\d\d)\s*(?:(?:or|and)\s+(?:later|after|newer|since|beyond)"
                         r"|onwards?|forwards?|and\s+up)\b|\b(?:no\s+earlier\s+than|not\s+before|in\s+or\s+after)\s+((?:19|20)\d\d)\b"
                         # 'from 2025 on': 'on' closing the phrase, not 'on' before what it is on ('from 2022 on LG').
                         r"|\b(?:from|since)\s+((?:19|20)\d\d)\s+on(?=\s*(?:$|[,.;:?!)]|(?:are|is|were|was|in|and|with|that|"
                         r"which|by|have|has|do|does|did|only|please)\b))"):
        year = int(m.group(1) or m.group(2) or m.group(3))
        found.append(_years(year, 9999, f"year: {year} or later"))
    for m in q.take(r"\b((?:19|20)\d\d)\s*(?:or|and)\s+(?:earlier|before|older)\b|\b(?:up\s+to|until|till|through|"
                    r"no\s+later\s+than|not\s+after|in\s+or\s+before)\s+((?:19|20)\d\d)\b"):
        year = int(m.group(1) or m.group(2))
        found.append(_years(0, year, f"year: {year} or earlier"))
    # 'entries that predate 2022' / 'postdate 2020': a verb of the same comparison.
    for m in q.take(r"\b(before|prior to|earlier than|older than|after|later than|newer than|more recent than|since|from|"
                    r"(?:pre|ante)dat(?:e|es|ed|ing)|postdat(?:e|es|ed|ing))\s+((?:19|20)\d\d)\b"):
        word, year = m.group(1).casefold(), int(m.group(2))
        word = "before" if word[:3] in ("pre", "ant") else "after" if word.startswith("post") else word
        if word in ("before", "prior to", "earlier than", "older than"):
            found.append(_years(0, year - 1, f"year: before {year}"))
        elif word in ("after", "later than", "newer than", "more recent than"):
            found.append(_years(year + 1, 9999, f"year: after {year}"))
        elif word == "since":
            found.append(_years(year, 9999, f"year: {year} or later"))
        else:
            found.append(_years(year, year, f"year: {year}"))
    months = rf"\b(?:(?:in|during|from)(?:\s+(?:an?|any|every))?|dated)\s+{_MONTH}(?![\w.]|\s*,?\s*\d)|" \
             r"\b((?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|january|february|april|june|july|august|" \
             r"september|october|november|december)\.?(?=\s+(?:papers?|entries|preprints|ones|" \
             r"publications|submissions|articles|postings?|posts|uploads|releases|(?:posting\s+|publication\s+)?dates?)\b)"
    # 'October papers', 'a June date': a capitalised month as a modifier; spelled out, any case ('his september
    # postings': no other word is spelled so; 'may' and 'march' only capitalised)
    for m in list(rx.finditer(months, q.text, re.I)):  # 'in June', any year
        if m.group(2) and not rx.fullmatch(_MONTH, m.group(2), re.I):
            continue
        if m.group(1) == "may" or m.group(1) == "mar":
            continue  # 'in may' is not a month a question names; 'May' is
        if q.text[m.start():m.end()] != m.group(0):
            continue  # taken already, as the next month of a list read below
        months_said = [_month_number(m.group(1) or m.group(2))]
        # 'in Jan, Feb or March': the months listed after the first, any of them (each any year)
        more = rx.match(rf"(?:\s*(?:,\s*(?:or\s+|and\s+)?|/\s*|(?:or|and)\s+){_MONTH}(?![\w.]|\s*,?\s*\d))+", q.text[m.end():], re.I)
        if more:
            months_said += [_month_number(w) for w in rx.findall(_MONTH, more.group(0), re.I)]
        q.take(re.escape(m.group(0) + (more.group(0) if more else "")) + r"(?![\w.])")
        found.append(_any_year(sorted(set(months_said))))
    for m in q.take(r"\b(early|mid|late)[- ](?:in\s+)?((?:19|20)\d\d)\b"):  # 'late 2023': the year in thirds
        low, high = {"early": (1, 4), "mid": (5, 8)}.get(m.group(1).casefold(), (9, 12))
        found.append(_months(m.group(2), low, high))
    for m in q.take(r"\b(?:the\s+)?((?:19|20)\d)0'?s\b"):  # the 2010s
        low = int(m.group(1)) * 10
        found.append(_years(low, low + 9, f"year: {low}s"))
    for m in q.take(r"\b((?:19|20)\d\d)\b"):
        year = int(m.group(1))
        found.append(_years(year, year, f"year: {year}"))
    return found


def _any_year(months: list[int]) -> Condition:
    """Entries posted in any of `months`, whatever the year ('in June', 'in Jan, Feb or March')."""
    said = " or ".join(MONTHS[n - 1].title() for n in months)
    return Condition("date", "|".join(f"*-{n:02d}" for n in months), f"posted: in {said} (any year)",
                     lambda p, xs={f"-{n:02d}" for n in months}: bool(p.date) and p.date_precision != "year"
                     and p.date[4:7] in xs)


def _months(year: str, low: int, high: int) -> Condition:
    """Months `low` to `high` of one year."""
    return span((int(year), low), (int(year), high))


def _within_year(year: int, month: int, word: str) -> Condition:
    """'before March this year' (January and February of it), 'since June this year', 'in May last year'."""
    low, high = {"before": (1, month - 1), "prior": (1, month - 1), "earlier": (1, month - 1), "until": (1, month),
                 "till": (1, month), "through": (1, month), "after": (month + 1, 12), "later": (month + 1, 12),
                 "since": (month, 12)}.get(word, (month, month))
    return _months(str(year), low, high)


def _years(low: int, high: int, label: str) -> Condition:
    return Condition("year", f"{low}-{high}", label, lambda p: bool(dated_year(p)) and low <= p.year <= high,
                     wider=lambda p: p.year is not None and low <= p.year <= high)


def _day(year: str, month: str, day: str) -> Condition:
    iso = f"{year}-{_month_number(month):02d}-{int(day):02d}"
    return Condition("date", iso, f"posted: {iso}", lambda p: p.date == iso and p.date_precision == "day")


def _closing_on(q: Question, pattern: str) -> list[re.Match]:
    """The matches of `pattern`, taken; a closing 'on' ('from 2025 on') only when the question's own words, not a span
    already taken out, follow it: in 'from 2022 on Courville's list' the page was taken first, and the blanks after
    'on' are what it is on, not the question's end."""
    kept = []
    for m in rx.finditer(pattern, q.text, re.I):
        after = m.end() + len(q.folded[m.end():]) - len(q.folded[m.end():].lstrip())  # the next word said
        if m.group(3) and after < len(q.text) and q.text[after] != q.folded[after]:
            continue
        kept.append(m)
    for m in kept:
        q.blank(m.start(), m.end())
    return kept

