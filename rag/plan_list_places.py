"""Where an entry stands on a listing page, in the reader's own words around the order readers (rag/plan_order.py):

- an end made emphatic ('the very last name', 'the absolute first entry', 'the utmost bottom one'): the end itself;
- an end of the list said as a place ('at the bottom of the trending list', 'at the top of Courville's page') once the
  order was read another way ('the last three papers at the bottom of …'): said twice, it asks nothing more; an end
  that disagrees with the order read ('the first three at the bottom') is marked unread, so the question is not taken;
- a count of entries said before that place ('the three papers at the top of X', 'two entries at the very end of the
  Amii post'): that many from that end, a window as 'the first three papers' is;
- 'whereabouts' for 'where' (the place asked, rag/plan_place.py), and 'without any' for 'without'.

Only the operator words are listed here (the ends of a list and their emphasis); the page and the entries are the
other readers' values.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question

# The ends of a printed list, by the order they stand for.
_TOP = r"top|head|start|beginning"
_BOTTOM = r"bottom|end|foot|tail"
_EMPHASIS = r"very|absolute|utmost|uttermost"
_END_WORDS = rf"first|last|final|{_TOP}|{_BOTTOM}|earliest|latest|oldest|newest|topmost|bottommost"
# The entry nouns a count of entries is said with ('the three papers', 'two entries', 'the 5 titles listed').
_ENTRIES = r"(?:papers?|entries|entry|titles?|items?|ones|preprints?|articles?|rows?|listings?)"
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "eleven": 11, "twelve": 12, "couple of": 2, "pair of": 2}
_COUNT = r"\d{1,2}|" + "|".join(k.replace(" ", r"\s+") for k in _COUNTS)
# 'at the (very) bottom of', 'near the top of', 'towards the end of': the place of an end, with the 'of' that ties it
# to its page (the page's name is its own reader's)
_AT_END = rf"\b(?:at|near|towards?|on)\s+the\s+(?:(?:{_EMPHASIS})\s+)?(?P<w>{_TOP}|{_BOTTOM})\b(?:\s+of\b)?"
# 'the three papers at the top of …': the count, a few words of its entries, the place
_COUNTED_AT_END = rf"\b(?:the\s+)?(?P<n>{_COUNT})\s+(?:[\w-]+\s+){{0,2}}?{_ENTRIES}\s+(?:(?:listed|printed|shown|sitting|" \
                  rf"that\s+(?:are|sit)|which\s+(?:are|sit))\s+)?{_AT_END}"


def plainly(question: str) -> str:
    """`question` said plainly for the readers after: 'whereabouts' as the 'where' every place reader reads ('ODICE -
    whereabouts is it on the list?'); an end without its emphasis ('the very last name', 'the absolute first entry'),
    which only stresses it."""
    question = rx.sub(r"(?<![\w-])whereabouts(?![\w-])", "where", question, flags=re.I)
    question = rx.sub(rf"\b(?:{_EMPHASIS})\s+(?=(?:{_END_WORDS})\b)", "", question, flags=re.I)
    # 'a date without any year', 'entries lacking any tag': 'any' after a negation only stresses it (a year of no
    # kind); read as the negation's own field, not as 'any year' (every year, rag/plan_periods.py)
    return rx.sub(r"\b(without|lacking|missing)\s+any\s+(?=[a-z])", r"\1 ", question, flags=re.I)


def _direction(word: str) -> str:
    return "first" if rx.fullmatch(_TOP, word.casefold()) else "last"


def counted_at_end(text: str) -> tuple[int, int, str, int] | None:
    """(start, end, 'first' | 'last', count) for 'the three papers at the top of X', 'two entries at the very end of
    the list': that many entries from that end. None when no count stands before such a place (one entry at an end is
    the order readers' 'at the bottom of the list')."""
    m = rx.search(_COUNTED_AT_END, text, re.I)
    if m is None:
        return None
    said = rx.sub(r"\s+", " ", m["n"].casefold())
    n = int(said) if said.isdigit() else _COUNTS[said]
    return (m.start(), m.end(), _direction(m["w"]), n) if n > 1 else None


def end_said_again(q: Question, op: str | None) -> None:
    """Take 'at the bottom of' once the order read is from the bottom ('the last three papers at the bottom of the
    trending list'): the place said twice. A place that disagrees with `op` is left to keep the question unread."""
    if op not in ("first", "last"):
        return
    for m in reversed(list(rx.finditer(_AT_END, q.text, re.I))):
        if _direction(m["w"]) == op:
            q.blank(m.start(), m.end())
        else:  # 'the first three at the bottom': 'bottom' is a frame word elsewhere (a PDF page's foot), so the end
            # word is left as an unread word here, and the question is not taken
            q.text = q.text[:m.start("w")] + "x" * len(m["w"]) + q.text[m.end("w"):]
