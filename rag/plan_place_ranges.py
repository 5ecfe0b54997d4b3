"""A run of places on a page as data (issue 11): 'trending list entries 30 through 33', 'positions 76 to 80 on the
feed', 'the 12th to the 15th paper on Courville's profile', '#5-#8 on the Amii page', and a window of the page's head
that the rest of the question then selects from ('trending page, first ten entries: which of those have code?').

A page prints its entries in order, so a run of places is a condition like any other: it holds for an entry whose
place on its page lies in the run, and it composes with the other readers (a page, a mark, a link). It is bound to
the page the question names (`on_named_pages`): a paper listed on two pages has a place on each, and the run is
counted on the page asked about. Read only when the question says a listing (a page, list, feed, profile or being
listed), so 'sections 3 to 5' of a PDF or 'layers 2 to 4' stay content.

Also read here: what is asked of the one entry at a place ('the 30th paper on Courville's list — does it have code?').
The field after 'does it have' is asked of that entry, not a filter on the set: the 30th is sought among all the
page's entries, and the answer says the field's value for it (`asked_of_entry`).
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_authors import marks_of_text
from rag.catalog_fields import BY_NAME
from rag.catalog_order import on_page
from rag.catalog_values import lookup_text
from rag.plan_listing import ENTRY
from rag.plan_order_words import CUES, NTH, listing_said
from rag.plan_terms import Condition, Question
from rag.records import Paper

# The nouns a place on a page is said with: 'entries 30 through 33', 'positions 76-80', 'spots #5 to #8'.
_PLACES = rf"(?:{ENTRY}|positions?|places?|spots?|slots?|ranks?|numbers?|nos?\.)"
_TO = r"\s*(?:through|thru|to|till|until|up\s+to|-|–|—)\s*"  # not 'and': 'entries 30 and 33' are two places (but see
# 'between' below)
# Where the entries are said to be: 'which papers sit at positions 41 to 44', 'what comes in spots 5-8'.
_AT = r"(?:\b(?:sits?|sitting|appears?|appearing|comes?|lands?|falls?|is|are|were|was|listed|shown|printed)\s+)?" \
      r"(?:\b(?:at|in|on|from)\s+)?"
_N = r"#?\s*(\d{1,3})"
_ORD = r"(\d{1,3})(?:st|nd|rd|th)"
_RANGES = [
    # 'entries 30 through 33', 'positions 76 to 80', 'items #5-#8', 'numbers 12 thru 15'
    rf"{_AT}\b(?:the\s+)?{_PLACES}\s+(?:from\s+)?{_N}{_TO}{_N}\b(?!\s*%)",
    # '#30 to #33', '#5-8': the number sign says a place
    rf"(?<![\w#])#\s*(\d{{1,3}}){_TO}#?\s*(\d{{1,3}})\b",
    # 'the 12th to the 15th paper', 'from the 30th through 33rd entries', '30th-33rd titles', '12th to 15th places'
    rf"\b(?:from\s+)?(?:the\s+)?{_ORD}(?:\s+{ENTRY})?{_TO}(?:the\s+)?{_ORD}(?:\s+(?:{_PLACES}))?\b",
    # 'between #10 and #20', 'between entries 10 and 20', 'between the 10th and 20th': both ends counted, as 'to' is
    rf"{_AT}\bbetween\s+(?:(?:the\s+)?{_PLACES}\s+)?(?:#\s*(\d{{1,3}})|(?<=s\s)(\d{{1,3}}))\s+and\s+#?\s*(\d{{1,3}})\b(?!\s*%)",
    rf"{_AT}\bbetween\s+(?:the\s+)?{_ORD}(?:\s+{ENTRY})?\s+and\s+(?:the\s+)?{_ORD}(?:\s+(?:{_PLACES}))?\b",
]
# A run open at the page's end: 'from #41 to the end', 'entries 70 onwards', 'the 60th entry down to the bottom'.
_TO_END = rf"{_AT}\b(?:from\s+)?(?:the\s+)?(?:{_PLACES}\s+#?\s*(\d{{1,3}})|#\s*(\d{{1,3}})|{_ORD}(?:\s+{ENTRY})?)" \
          rf"(?:\s*(?:to|through|thru|till|until|down\s+to|all\s+the\s+way\s+to)\s+the\s+(?:very\s+)?(?:end|bottom|last" \
          rf"(?:\s+(?:one|entry|paper))?)(?:\s+of\s+the\s+(?:page|list|listing|feed|profile))?|\s+(?:onwards?|and\s+(?:beyond|" \
          rf"below|after|later)))\b"
_END = 10_000  # the last place of any page: a run 'to the end' holds every entry from its start
# Both ends said to be counted, right after the run: a run of places always holds its ends.
_INCLUSIVE = r"\s*,?\s*\(?\s*(?:inclusive(?:ly)?|both\s+(?:ends\s+)?(?:included|inclusive|counted)|ends\s+included)\b\s*\)?"
# A window of the page's head that a later clause selects from: 'first ten entries: which of those …', 'the top 5
# papers on the page — any of them with code?'. The back-reference says the window is the set asked about, not a count
# of the set's own first ones ('the first three Mila papers' reads Mila first: rag/plan_order_words.window_said).
WINDOW_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50}
_WINDOW = rf"\b(?:the\s+)?(?:first|top)\s+(\d{{1,3}}|{'|'.join(WINDOW_COUNTS)})\s+(?:{_PLACES}|listed|shown)\b"
_BACK = r"\b(?:of|among|from|in)\s+(?:those|these|them|that\s+(?:set|group|bunch|window))\b|\bany\s+of\s+(?:them|those|these)\b"


def place_range(q: Question) -> list[Condition]:
    """The run of places said, as a condition (its words taken from `q`); [] when none is said or no listing is."""
    if not rx.search(r"\d|first|top", q.text, re.I) or not listing_said(q.original):
        return []
    for pattern in _RANGES:
        for m in rx.finditer(pattern, q.text, re.I):
            ends = [int(g) for g in m.groups() if g]
            if len(ends) != 2:
                continue
            low, high = sorted(ends)
            if low < 1 or high == low or high - low > 100:
                continue  # 'entries 1 and 1': no run; a span wider than any page: not a run of places
            q.blank(m.start(), m.end())
            if tail := rx.match(_INCLUSIVE, q.text[m.end():], re.I):  # 'positions 60 to 70 inclusive': both ends, as read
                q.blank(m.end(), m.end() + tail.end())
            both = rx.search(r"\bbetween\b", m.group(0), re.I) is not None  # 'between 10 and 20': said as counted
            for cue in CUES:  # 'counting down from the top', 'in the order shown': the page's order, said again
                q.take(cue)
            return [_run(low, high, said=" (both ends counted)" if both else "")]
    if m := rx.search(_TO_END, q.text, re.I):
        low = int(next(g for g in m.groups() if g))
        if low >= 1:
            q.blank(m.start(), m.end())
            return [_run(low, _END)]
    window = rx.search(_WINDOW, q.text, re.I)
    if window is not None and rx.search(_BACK, q.text[window.end():], re.I):
        q.blank(window.start(), window.end())
        q.take(_BACK)
        n = WINDOW_COUNTS.get(window.group(1).casefold()) or int(window.group(1))
        return [_run(1, n)]
    return []


def _run(low: int, high: int, pages: tuple[Condition, ...] = (), said: str = "") -> Condition:
    """Places `low` to `high` (1-based) on a listing page; on the pages `pages` name, when any do."""

    def test(p: Paper) -> bool:
        return any(s.format != "pdf" and low <= s.position + 1 <= high and all(on_page(s, c) for c in pages)
                   for s in p.sources)

    to = "the end" if high >= _END else high
    return Condition("position", f"{low}..{high}", f"place: entries {low} to {to}{said}", test,
                     known_test=lambda p: any(s.format != "pdf" for s in p.sources))


def on_named_pages(conditions: list[Condition]) -> list[Condition]:
    """The runs of places in `conditions` counted on the page the other conditions name ('entries 30 to 33 on the
    trending list'): a paper on two pages is at a place on each."""
    pages = tuple(c for c in conditions if c.field == "page" and not c.value.startswith("not "))
    out = []
    for c in conditions:
        run = rx.fullmatch(r"(\d+)\.\.(\d+)", c.value) if c.field == "position" and c.label.startswith("place: entries") \
            else None
        said = c.label[c.label.find(" ("):] if run and c.label.endswith(")") else ""  # ' (both ends counted)'
        out.append(_run(int(run[1]), int(run[2]), pages, said) if run and pages else c)
    return out


# A field asked of the entry at a place, with the entry as the pronoun's subject: 'does it have code?', 'has it got a
# Code badge', 'is there code for it', 'any code for that one?'.
_OF_IT = r"\b(?:(?:does|did|do)\s+(?:it|that(?:\s+one)?|this(?:\s+one)?)\s+(?:have|has|got|carry|show|print|come\s+with)|" \
         r"(?:has|had)\s+(?:it|that(?:\s+one)?)\s+got|(?:is|was)\s+there|any)\s+(?:a\s+|an\s+|any\s+)?(?:{words})" \
         r"(?:\s+(?:for|with|on|beside|next\s+to)\s+(?:it|that(?:\s+one)?|this(?:\s+one)?))?(?=\s*(?:[?,;.)]|and\b|$))"
_ASKABLE = ("code", "score")
# Whether the entry's own text prints a link: 'does its blurb give any link?', 'does it print a URL' — the entry's
# links asked, not a filter on the page before the place is counted.
_LINKS_OF_IT = r"\b(?:does|did|do)\s+(?:it|that(?:\s+one)?|this(?:\s+one)?|(?:its|the)\s+(?:abstract|blurb|summary|description))\s+" \
               r"(?:have|has|got|give|print|show|contain|include|provide|mention|carry|come\s+with)\s+(?:a\s+|an\s+|any\s+)?" \
               r"(?:(?:web\s+)?links?|urls?|web\s+address(?:es)?)(?=\s*(?:[?,;.)]|and\b|$))"
# A byline end's mark asked of that entry: 'is its lead author Amii-affiliated?', 'is the last author starred?'.
_END_MARKED = r"\b(?:is|was)\s+(?:its|the|their|that\s+one's)\s+(?P<end>first|lead|leading|last|senior|final)\s+author\s+" \
              r"(?:an?\s+)?(?:[\w-]+[\s-])?(?:affiliated|starred|marked|flagged|(?:from|at|with)\s+[\w-]+)\b"


def asked_of_entry(q: Question) -> list[str]:
    """What is asked of the one entry at a place ('the 30th paper on X's list — does it have code?', 'the first paper
    after the third link — is its lead author Amii-affiliated?'): field names (rag/catalog_fields.py) or a byline end's
    marks ('first_author_marks', 'last_author_marks'), their words taken from `q`; [] unless the question asks for a
    single place (an ordinal) on a listing."""
    # the ordinal a place on the page ('the 30th paper', '30th on X's list'), not on a byline ("who's 3rd, and …")
    # or one entry picked beside another or a heading: 'the paper right after the Accepted Papers heading — is its
    # first author Amii-affiliated?', 'straight after TokMem: does it have code?'
    beside = rx.search(r"\b(?:right|straight|directly|just|immediately)\s+(?:after|before|below|above|under|beneath)\b",
                       q.text, re.I)
    if not (beside or rx.search(rf"\b{NTH}(?:\s+{ENTRY}\b|\s+(?:on|in|down|from)\b)", q.text, re.I)) or \
            not listing_said(q.original):
        return []
    found = [name for name in _ASKABLE if q.take(_OF_IT.format(words=BY_NAME[name].words))]
    found += ["links"] if q.take(_LINKS_OF_IT) else []
    for m in q.take(_END_MARKED):
        found.append("first_author_marks" if m["end"].casefold() in ("first", "lead", "leading") else "last_author_marks")
    return found


def said_of_rows(rows: list[Paper], names: list[str]) -> str:
    """' Code badge: yes (https://…).', ' First author: Alex Ayoub (marks *): Amii.' for each thing asked of the entries
    shown (asked_of_entry, rag/plan_entry_asks.py)."""
    said = []
    for name in names:
        for p in rows:
            if name in BY_NAME:
                said.append(BY_NAME[name].value(p))
            elif name.endswith("_author_marks") and p.authors:
                first = name.startswith("first")
                who = (p.authors[0] if first else p.authors[-1]).name
                cut = " (the page cuts the list: its last name is not printed)" if not first and p.authors_truncated else ""
                said.append(f"{'First' if first else 'Last'} author of {p.title}: {marks_of_text(p, [who])}{cut}.")
            else:  # an entry field asked in a clause of its own (rag/plan_entry_asks.py): 'date + category?'
                said.append(lookup_text(p, name))
    return "".join(f" {s}" for s in said)
