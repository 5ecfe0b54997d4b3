"""Entries posted on consecutive days (issue 11): 'three papers on Courville's list went up on three consecutive days',
'which trending entries were posted on back-to-back days', 'any two days in a row with a mila paper?'. A date field
composed with the set the other conditions select: the days printed to the day among the selected entries, and the
runs of at least n consecutive calendar days among them (n as said, else two); the entries on those days are the answer.
Read in two steps: the words when the question is read (before a number in them reads as anything else), the runs once
the set is known.
"""

from __future__ import annotations

import datetime
import re

from rag.plan_terms import NUMBER_WORDS, Condition, Question
from rag.records import Paper

_N = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")"
_RUN = rf"\b(?:(?:on|over|across)\s+)?(?:{_N}\s+)?(?:consecutive|successive|back-to-back|adjacent|straight)\s+days\b|" \
       rf"\b(?:on\s+)?{_N.replace('<n>', '<m>')}\s+days\s+(?:in\s+a\s+row|running|straight)\b|" \
       r"\b(?:on\s+)?(?:consecutive|successive|back-to-back|adjacent)\s+(?:posting\s+)?dates\b|\b(?:a\s+)?day\s+apart\b"


def run_said(q: Question) -> int | None:
    """The length of the run of days asked ('three consecutive days' -> 3; 'back-to-back days' -> 2), its words taken;
    None when no run is said."""
    m = q.take(_RUN)
    if not m:
        return None
    said = m[0].group("n") or m[0].group("m")
    n = (int(said) if said.isdigit() else NUMBER_WORDS[said.casefold()]) if said else 2
    return n if 2 <= n <= 31 else None


def in_run(n: int, conditions: list[Condition], papers: list[Paper]) -> Condition:
    """The entries, among those the conditions select, dated to the day on a run of at least `n` consecutive days."""
    selected = [p for p in papers if p.date and p.date_precision == "day" and all(c(p) for c in conditions)]
    days = sorted({datetime.date.fromisoformat(p.date[:10]) for p in selected})
    kept: set[str] = set()
    run: list[datetime.date] = []
    for day in days + [None]:
        if run and (day is None or (day - run[-1]).days != 1):
            kept |= {d.isoformat() for d in run} if len(run) >= n else set()
            run = []
        if day is not None:
            run.append(day)
    return Condition("date", f"run of {n} consecutive days", f"posted: on {n} or more consecutive days",
                     lambda p: bool(p.date) and p.date_precision == "day" and p.date[:10] in kept,
                     known_test=lambda p: bool(p.date) and p.date_precision == "day")
