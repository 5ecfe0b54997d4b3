"""Parts of a year or a month, built from parts rather than one rule per phrasing: a part (a week, a quarter, a half,
a season, a day) of a whole (a month of a year, a month of any year, a year, any year). 'the first week of June 2022',
'the first quarter (Jan–Mar) of any year', 'Q1', 'spring '25', 'the winter of 2023-24', 'a June 2 date, whatever the
year', 'the last week of any month', 'December 2023 through February 2024'.

A part without a year is read only when the question says the year does not matter ('of any year', 'whatever the
year'), when months in brackets say which months are meant, or as 'Q1' / 'H2' after 'in' or 'during': 'the first half'
alone is as likely the first half of training. A condition only holds for dates printed precisely enough: a week or a
day needs the day, the rest the month.
"""

from __future__ import annotations

import calendar
import re

from rag import rx
from rag.plan_terms import _MONTH, MONTHS, ORDINALS, Condition, Question

_YEAR = r"(?:((?:19|20)\d\d)|'(\d\d))(?![\d'])"  # 2022 or '22
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1,
        "final": -1, "latter": -1, "front": 1, "back": -1}  # 'the back half of 2023
_ORDS = "|".join(_ORD)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_TO = r"(?:to|through|thru|until|till|-|–|—)"
_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11}
_NAME = _MONTH[1:_MONTH.rindex(")")]  # the month names of _MONTH without its group, to name groups here
_ANY_YEAR = r"(?:,\s*)?\b(?:(?:across|in|of|from|over|during)\s+(?:all|any|every|each)\s+(?:the\s+)?years?|" \
            r"(?:of\s+)?(?:any|every|each)\s+year|regardless\s+of\s+(?:the\s+)?year|whatever\s+the\s+year|" \
            r"no\s+matter\s+(?:the|which|what)\s+year|(?:of|in)\s+(?:the|a)\s+year)\b"


def periods(q: Question, year_now: int) -> list[Condition]:
    """Every part-of-a-whole span the question names, cut out; `year_now` for 'the first quarter of this year'."""
    any_year = bool(q.take(_ANY_YEAR))  # 'of any year', 'whatever the year': a part with no year is of every year
    found = _weeks(q, any_year) + _parts(q, any_year, year_now) + _ranges(q) + _days(q, any_year)
    return list({c.value: c for c in found}.values())  # 'winter 2023-24 (Dec 2023 to Feb 2024)': one span said twice


def _year(m: re.Match, four: int, two: int) -> int | None:
    if m.group(four):
        return int(m.group(four))
    return 2000 + int(m.group(two)) if m.group(two) else None


def _year_of(groups: dict[str, str]) -> int | None:
    """The year of a match's named groups y4 ('2023') or y2 (''23'), given only when matched."""
    return int(groups["y4"]) if "y4" in groups else 2000 + int(groups["y2"]) if "y2" in groups else None


def relative_year(said: str, year_now: int) -> int:
    """'this year', 'the current year' -> `year_now`; 'last year', 'the previous year' -> the year before."""
    return year_now if said.split()[-1].casefold() in ("this", "current") else year_now - 1


def _ranges(q: Question) -> list[Condition]:
    """'December 2023 through February 2024', 'from Nov '23 to Jan '24': months across years."""
    found = []
    for m in q.take(rf"\b(?:(?:between|from)\s+)?{_MONTH},?\s+{_YEAR}\s*(?:{_TO}|and)\s*{_MONTH},?\s+{_YEAR}"):
        low, high = _year(m, 2, 3), _year(m, 5, 6)
        found.append(span((low, month_number(m.group(1))), (high, month_number(m.group(4)))))
    return found


def _weeks(q: Question, any_year: bool) -> list[Condition]:
    """'the first week of June 2022', 'the last week of June' (any year said), 'the second week of any month', 'the
    first half of March 2024' (days 1-15), 'the second fortnight of May 2023', 'the first ten days of June 2022',
    'the last two weeks of May 2023'."""
    found = []
    counts = "|".join(_COUNTS)
    for m in list(rx.finditer(rf"\b(?:the\s+|its\s+)?(?:(?P<ord>{_ORDS})\s+(?P<unit>week|half|fortnight)|(?P<end>first|last|"
                              rf"final)\s+(?P<n>\d{{1,2}}|{counts})\s+(?P<units>weeks|days))\s+(?:of|in)\s+(?:(?:the\s+month\s+of\s+)?"
                              rf"(?P<month>{_NAME})\.?(?:,?\s+(?:(?P<y4>(?:19|20)\d\d)|'(?P<y2>\d\d))(?![\d']))?|"
                              r"(?:an?|any|every|each|the)\s+month)(?![\w.])", q.text, re.I)):
        g = {key: v for key, v in m.groupdict().items() if v}
        year = _year_of(g)
        if "month" in g and year is None and not any_year:
            continue  # 'the first week of June': the year is not guessed; the question is left unread
        month = month_number(g["month"]) if "month" in g else None
        if "ord" in g:
            k, unit = _ORD[g["ord"].casefold()], g["unit"].casefold()
            if unit == "half" and k not in (1, 2, -1):
                continue
            said = f"{'last' if k < 0 else _word(k)} {unit}"
            days = _half(k) if unit == "half" else _run(k, {"week": 7, "fortnight": 14}[unit])
        else:  # 'the first ten days', 'the last two weeks'
            n = int(g["n"]) if g["n"].isdigit() else _COUNTS[g["n"].casefold()]
            n *= 7 if g["units"].casefold() == "weeks" else 1
            k = 1 if g["end"].casefold() == "first" else -1
            said, days = f"{'first' if k > 0 else 'last'} {n} days", _run(k, n)  # k is 1 or -1
        q.blank(m.start(), m.end())
        found.append(Condition("date", f"{said} of {year or '*'}-{month or '*'}",
                               f"posted: {said} of {MONTHS[month - 1].title() if month else 'a month'}"
                               f"{f' {year}' if year else ' (any year)'}",
                               lambda p, y=year, mo=month, days=days: _in_days(p, y, mo, days)))
    return found


def _run(k: int, n: int):
    """The `k`th run of `n` days of a month (k < 0: the last `n` days), as (first, last) day for a month's length."""
    return lambda length: (length - n + 1, length) if k < 0 else (n * (k - 1) + 1, n * k)


def _half(k: int):
    """The first half of a month is days 1-15, the second (or last) 16 to the month's end."""
    return lambda length: (1, 15) if k == 1 else (16, length)


def _in_days(p, year: int | None, month: int | None, days) -> bool:
    """Whether the paper is dated to the day within the days `days(length of its month)` of the month and year."""
    if not p.date or p.date_precision != "day":
        return False
    y, mo, d = (int(x) for x in p.date.split("-"))
    if (year is not None and y != year) or (month is not None and mo != month):
        return False
    low, high = days(calendar.monthrange(y, mo)[1])
    return low <= d <= high


_THE = r"(?:the\s+)?"
_PART = rf"{_THE}(?:(?P<ord>{_ORDS})\s+(?P<unit>quarter|half)|(?P<end>first|last|final)\s+(?P<n>\d{{1,2}}|" \
        rf"{'|'.join(_COUNTS)})\s+months|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<season>spring|summer|autumn|fall|winter)(?:time|\s+months)?)"
_WHOLE = rf"(?:\s*,?\s*(?:of|in)?\s*(?:(?P<y4>(?:19|20)\d\d)|'(?P<y2>\d\d))(?![\d'])(?:\s*[-/–]\s*(?:(?:19|20)?(?P<next>\d\d)))?|" \
         r"\s+(?:of\s+)?(?P<rel>this|the\s+current|last|the\s+previous|previous)\s+year)?"
# Months in brackets after a part say which months are meant and win: '(Jan–Mar)', '(December 2023 through Feb 2024)'.
# A day may follow each month ('(jan 1 - jun 30 2022)'): the part's own first and last days, said in full.
_DAY = r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
# The months may also follow a gloss instead of a bracket ('fall 2022, i.e. September through November 2022').
_GLOSS_OPEN = r"(?:\s*\(\s*(?:i\.?e\.?,?\s*)?|\s*,?\s*(?:i\.?e\.?|that\s+is|namely|meaning),?\s+)"
_NAMED_BRACKET = rf"(?:{_GLOSS_OPEN}(?P<m1>{_NAME})\.?{_DAY}(?:,?\s+(?P<b1>(?:19|20)\d\d))?\s*{_TO}\s*" \
                 rf"(?P<m2>{_NAME})\.?{_DAY}(?:,?\s+(?P<b2>(?:19|20)\d\d))?(?:\s*\))?)?"


def _parts(q: Question, any_year: bool, year_now: int) -> list[Condition]:
    """Quarters, halves, the first / last N months and seasons, of a year ('Q3 2023', '2023 Q3', 'spring '25', 'the
    winter of 2023-24', 'the first quarter of this year', 'the last two months of 2023') or of any year."""
    found = _joined_parts(q)
    shapes = (rf"(?<![\w-]){_PART}{_WHOLE}{_NAMED_BRACKET}(?![\w-])",
              rf"(?<![\w-])(?P<y4>(?:19|20)\d\d)['’]s\s+{_PART.removeprefix(_THE)}(?![\w-])",  # "2023's second half"
              rf"(?<![\w-])(?P<y4>(?:19|20)\d\d)\s+(?:Q(?P<q>[1-4])|H(?P<h>[12]))(?![\w-])")  # '2023 Q3'
    for shape in shapes:
        for m in list(rx.finditer(shape, q.text, re.I)):
            groups = {k: v for k, v in m.groupdict().items() if v}
            year = _year_of(groups)
            if "rel" in groups:
                year = relative_year(groups["rel"], year_now)
            before = q.text[:m.start()]
            if year is None and "m1" not in groups and not any_year and not (
                    ("q" in groups or "h" in groups) and rx.search(r"\b(?:in|during)\s+(?:the\s+)?$", before, re.I)):
                continue  # 'the first half' alone: not said to be of a year
            if "m1" in groups:  # the months said win: '(Jan–Mar)', '(December 2023 through February 2024)'
                low = (int(groups["b1"]) if "b1" in groups else year, month_number(groups["m1"]))
                high = (int(groups["b2"]) if "b2" in groups else year, month_number(groups["m2"]))
                if low[0] and high[0] and high < low and high[0] == low[0]:
                    high = (high[0] + 1, high[1])
            else:
                low_month, high_month = _months_of(groups)
                low, high = (year, low_month), (year, high_month)
                if high_month < low_month:  # winter: December of the year said, into the next
                    if "next" not in groups and year is not None and not any_year:
                        continue  # 'winter 2024' is Dec 2023–Feb 2024 to some, Jan–Feb and Dec 2024 to others
                    high = (year + 1 if year else None, high_month)
            q.blank(m.start(), m.end())
            found.append(span(low, high))
    return found


# Two parts sharing the year said after the second: 'Q3 and Q4 2023', 'the third or fourth quarter of 2023', 'spring
# and summer 2024'. Either part counts (a list of the two periods' papers), so the condition is their union.
_FIRST_PART = _PART.replace("(?P<", "(?P<a_")
_JOINED = rf"(?<![\w-]){_FIRST_PART}\s*(?:,|&|/|\band\b|\bor\b)\s*{_PART}{_WHOLE}(?![\w-])"


# The unit said once: 'the third or fourth quarter of 2023', 'the first and second halves of 2022'.
_SHARED_UNIT = rf"(?<![\w-]){_THE}(?P<a_ord>{_ORDS})\s*(?:,|&|/|\band\b|\bor\b)\s*{_THE}(?P<ord>{_ORDS})\s+" \
               rf"(?P<unit>quarter|half|halves)s?{_WHOLE}(?![\w-])"


def _joined_parts(q: Question) -> list[Condition]:
    found = []
    for m in [*rx.finditer(_JOINED, q.text, re.I), *rx.finditer(_SHARED_UNIT, q.text, re.I)]:
        if not q.text[m.start():m.end()].strip():
            continue  # already read by the other shape
        groups = {k: v for k, v in m.groupdict().items() if v}
        if groups.get("unit", "").casefold() == "halves":
            groups["unit"] = "half"
        if "a_ord" in groups:
            groups["a_unit"] = groups["unit"]
        year = _year_of(groups)
        if year is None or "next" in groups:
            continue  # 'Q3 or Q4' of no year said, or a winter across two years: left to the single-part shapes
        first = {k.removeprefix("a_"): v for k, v in groups.items() if k.startswith("a_")}
        second = {k: v for k, v in groups.items() if not k.startswith("a_")}
        spans = []
        for part in (first, second):
            low_month, high_month = _months_of(part)
            if high_month < low_month:
                break  # a winter: which year's December is meant is not guessed
            spans.append(span((year, low_month), (year, high_month)))
        else:
            q.blank(m.start(), m.end())
            found.append(Condition.any_of(spans))
    return found


def _months_of(groups: dict[str, str]) -> tuple[int, int]:
    if "season" in groups:
        return _SEASONS[groups["season"].casefold()]
    if "n" in groups:  # 'the first two months', 'the last three months'
        n = min(12, int(groups["n"]) if groups["n"].isdigit() else _COUNTS[groups["n"].casefold()])
        return (1, n) if groups["end"].casefold() == "first" else (13 - n, 12)
    if "q" in groups or groups.get("unit", "").casefold() == "quarter":
        k = int(groups["q"]) if "q" in groups else _ORD[groups["ord"].casefold()]
        k = 4 if k < 0 else k
        return 3 * k - 2, 3 * k
    k = int(groups["h"]) if "h" in groups else _ORD[groups["ord"].casefold()]
    return (1, 6) if k == 1 else (7, 12)


# Days known by name that fall on one date every year (movable feasts such as Easter are not: no fixed date).
_NAMED_DAYS = {r"christmas\s+eve": (12, 24), r"christmas(?:\s+day)?|xmas": (12, 25), r"boxing\s+day": (12, 26),
               r"new\s+year'?s\s+eve": (12, 31), r"new\s+year'?s(?:\s+day)?": (1, 1), r"halloween": (10, 31),
               r"valentine'?s(?:\s+day)?": (2, 14), r"(?:april\s+fools'?|april\s+fool'?s)(?:\s+day)?": (4, 1)}
_ANY_NAMED_DAY = re.compile(r"\b(?:" + "|".join(_NAMED_DAYS) + r")\b", re.I)  # one test before the eight searches


def _days(q: Question, any_year: bool) -> list[Condition]:
    """'a June 2 date, whatever the year', 'posted on 2 June of any year': a day of a month, any year; a day known by
    name, of a year or of any year ('Christmas Eve 2025', 'on Halloween, any year')."""
    found = []
    for words, (month, day) in _NAMED_DAYS.items() if _ANY_NAMED_DAY.search(q.text) else ():
        for m in list(rx.finditer(rf"\b(?:on\s+)?(?:{words})\b(?:,?\s+(?:of\s+)?{_YEAR})?",
                                  q.text, re.I)):
            year = _year(m, 1, 2)
            if year is None and not any_year:
                continue  # 'Christmas' alone: which year is not guessed
            q.blank(m.start(), m.end())
            found.append(_on_day(month, day, year))
    # A day of a month with no year is of any year, as a month alone is ('in June'): 'dated June 2' holds 'Jun 2, 2022'
    # and a profile's 'Jun 2' of this year alike. Unless the year is said not to matter, 'may' and 'march' must be
    # capitalised as a date prints them ('which 2 may have code' names no day).
    pattern = rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)(?![\w:.-]*\d)|" \
              rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![\w.])(?!\s*,?\s*(?:19|20)\d\d)"
    for m in list(rx.finditer(pattern, q.text, re.I)):
        said = m.group(1) or m.group(4)
        if not any_year and said.casefold().startswith(("may", "mar")) and said[0].islower():
            continue
        month, day = (month_number(m.group(1)), int(m.group(2))) if m.group(1) else (month_number(m.group(4)), int(m.group(3)))
        if not 1 <= day <= 31:
            continue
        q.blank(m.start(), m.end())
        found.append(_on_day(month, day, None))
    return found


def _on_day(month: int, day: int, year: int | None) -> Condition:
    """Dated to this day of this month, of `year` or (None) of any year."""
    key = f"-{month:02d}-{day:02d}"
    said = f"{MONTHS[month - 1].title()} {day}" + (f", {year}" if year else " (any year)")
    return Condition("date", f"{year or '*'}{key}", f"posted: {said}", lambda p: bool(p.date) and p.date_precision == "day"
                     and p.date[4:] == key and (year is None or p.date[:4] == str(year)))


def span(low: tuple[int | None, int], high: tuple[int | None, int]) -> Condition:
    """Months `low` to `high` as (year, month); a year of None is any year, and a span may wrap the year's end
    (winter of any year: December to February)."""
    if low[0] is not None and high[0] is not None:
        a, b = f"{low[0]}-{low[1]:02d}", f"{high[0]}-{high[1]:02d}"
        return Condition("date", f"{a}..{b}", f"posted: {a} to {b}",
                         lambda p: bool(p.date) and p.date_precision != "year" and a <= p.date[:7] <= b)
    lo, hi = low[1], high[1]
    months = set(range(lo, hi + 1)) if lo <= hi else set(range(lo, 13)) | set(range(1, hi + 1))
    names = f"{MONTHS[lo - 1].title()} to {MONTHS[hi - 1].title()}"
    return Condition("date", f"*-{lo:02d}..*-{hi:02d}", f"posted: {names} (any year)",
                     lambda p: bool(p.date) and p.date_precision != "year" and int(p.date[5:7]) in months)


def month_number(text: str) -> int:
    return next(i for i, m in enumerate(MONTHS, start=1) if m.startswith(text.casefold().rstrip(".")[:3]))


_WORD = dict(enumerate(ORDINALS[:4], start=1))  # 1..4 only: _ORD reads no further


def _word(k: int) -> str:
    return _WORD[k]
