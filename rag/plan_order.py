"""A page's own printed order, said of any set of its entries (issue 11): 'Lili Mou's papers on the Amii page — which is
listed first?', 'the 20th paper down the trending list', 'of the reasoning titles, which is furthest down the list?',
'going down the feed, the first paper with Offline in its title', 'which of the two comes later on the page?'.

An order word (first, last, top, bottom, the n-th, earlier/later, higher/lower, further down, ahead of the other…) is
read as the page's order only when it is said of a listing: of a page, list, listing, feed, profile or section ('first
on the trending list', 'down the list'), of being listed, printed or shown ('which is listed first'), or of going down
a page ('going down the feed', 'from the top', 'in the order printed'). Without any of these, 'first' keeps its
meaning of a date (rag/planner.py). Only the order words and the cue words are taken: the set they are said of (an
author, a page, a title's wording, a category, a mark) is read by the planner's other readers, and the sort
(`in_page_order`) runs over whatever they select, on the page named — a paper may be on several pages, each with its
own order; with no page named and the set spread over pages, the answer asks which page instead of mixing them
(rag/catalog_order.py). Also read here: a named paper at a place asked yes or no ('is TokMem the last paper on
the Amii page?'), two named papers compared by the page ('which comes first on the Amii page, A or B?'), and titles in
alphabetical order ('alphabetically, which Amii title comes first?'). A named paper's own place asked ('how far down
the trending list is SMORE?') is rag/plan_place.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.catalog_order import alphabetical, in_page_order, said_place
from rag.plan_order_words import (COUNT_NEXT, CUES, FROM_END, LISTED, MEET, NTH, SITS, direction, listing_said, order_word,
                                  window_said)
from rag.plan_terms import Condition, Question
from rag.records import Paper


@dataclass(frozen=True)
class Order:
    op: str  # 'first' (from the top) or 'last' (from the bottom)
    nth: int | None = None  # 'the 20th paper down': the n-th from that end
    limit: int | None = None  # 'the first three Mila papers on the profile': that many from that end
    key: str = "position"  # what orders them: the page's printing ('position') or the titles' letters ('alphabet')

    def at(self, papers: list[Paper]) -> Condition:
        """The place as a condition on the pages of `papers`, for a question that asks something else of the paper
        there ('who are the authors of the last paper on the Amii page'): its page's order, not the set's."""
        size: dict[str, int] = {}
        for p in papers:
            for s in p.sources:
                size[s.path] = max(size.get(s.path, 0), s.position + 1)
        n, top = self.nth or 1, self.op == "first"

        def test(p: Paper) -> bool:
            for s in p.sources:
                if s.format != "pdf" and s.path in size:
                    place = s.position + 1 if top else size[s.path] - s.position  # 1-based, from the end asked
                    if (place <= self.limit) if self.limit else place == n:
                        return True
            return False

        said = said_place(self.op, self.limit, self.nth)
        return Condition("position", f"{self.op} {self.limit or n}", f"place: {said}", test,
                         known_test=lambda p: any(s.format != "pdf" for s in p.sources))


def among(order: Order, conditions: list[Condition], papers: list[Paper]) -> Condition:
    """'Is TokMem the last paper on the Amii page?', 'is Cactus listed first among Lili Mou's Amii papers?': a named
    paper at that place of the set the other `conditions` select from `papers`, in that set's order."""
    rank = in_page_order if order.key == "position" else alphabetical
    chosen: list[set[str]] = []  # worked out once, on first use

    def test(p: Paper) -> bool:
        if not chosen:
            selected = [x for x in papers if all(c(x) for c in conditions)]
            chosen.append({r.paper_id for r in rank(selected, conditions, order.op, order.limit, order.nth)[0]})
        return p.paper_id in chosen[0]

    said = said_place(order.op, order.limit, order.nth)
    said = said.replace("listed", "alphabetically") if order.key == "alphabet" else said
    return Condition(order.key, f"{order.op} {order.limit or order.nth or 1}", f"place: {said}", test)


def listing_order(q: Question) -> Order | None:
    """The place asked for in a page's printed order, when an order word is said of a listing; its words (and the
    reader's cue words: 'going down', 'you hit', 'from the top') are taken from `q`. None, with nothing taken,
    otherwise."""
    text = q.text
    if rx.search(_ALPHA, text, re.I):
        return _alphabetical(q)
    said = listing_said(text)
    # 'top to bottom' is the page's order, not its 'top' entry: 'Amii list top to bottom - first paper whose …'
    text = rx.sub(r"\b(?:from\s+)?(?:the\s+)?top\s+to\s+(?:the\s+)?bottom\b", lambda m: " " * len(m[0]), text, flags=re.I)
    # 'the 3rd-to-last entry', 'third from last': a place counted from the end, said after its ordinal ('second-to-last'
    # is an order word of its own); the tail is blanked so that the ordinal is read, then counted from the end
    to_last = rx.search(rf"\b(?:{NTH})(?P<tail>[\s-]+(?:to|from)[\s-]+(?:the[\s-]+)?(?:very[\s-]+)?last)\b", text, re.I)
    to_last = None if to_last is None or rx.match(r"(?:second|2nd|next)\b", to_last[0], re.I) else to_last
    if to_last is not None:
        text = text[:to_last.start("tail")] + " " * len(to_last["tail"]) + text[to_last.end("tail"):]
    m = order_word(text, said)
    window = window_said(text) if said else None
    if window is not None and (m is None or window[0] <= m[0]):
        start, end, word, count = window
    elif m is not None:
        (start, end, word), count = m, None
    else:
        return None
    # 'right after the first paper', 'just above the last one': the entry next to that place
    beside = rx.search(rf"(?:\b(?:{SITS}|{LISTED}|is|was)\s+)?(?:\b(?:right|straight|directly|just|immediately)\s+)?\b(after|below|"
                       r"under|beneath|following|before|above|preceding)\s+the\s+(?:very\s+)?$", text[:start], re.I) \
        if count is None else None
    op, nth = direction(word)
    if rx.search(FROM_END, text, re.I) or to_last is not None and m is not None:  # 'the third from the bottom'
        op = "last" if op == "first" else "first"
    if to_last is not None and op == "last":
        q.blank(to_last.start("tail"), to_last.end("tail"))
    if beside is not None:  # one place further down the page (or up), counted from the end asked
        down = beside.group(1).casefold() in ("after", "below", "under", "beneath", "following")
        nth = (nth or 1) + (1 if down == (op == "first") else -1)
        if nth < 1:
            return None  # 'the paper before the first one': no such place
        start = beside.start()
    q.blank(start, end)
    for cue in CUES + [MEET, FROM_END]:
        q.take(cue)
    q.take(r"\bfeeds?\b(?![\w-])")  # 'the trending feed' is its page: the page's name stays for its own reader
    return Order(op, None if count else nth, count)


# Titles in the alphabet's order: 'alphabetically', 'in alphabetical order', 'A to Z'.
_ALPHA = r"\b(?:(?:in\s+)?(?:alphabetical|a-z|a\s+to\s+z|lexicographic(?:al)?)\s+order|alphabetical(?:ly)?|" \
         r"lexicographically|(?:from\s+)?a\s*(?:-|to)\s*z)\b"


def _alphabetical(q: Question) -> Order | None:
    """'alphabetically, which Amii title comes first?', 'the last trending title in A-Z order', 'the first three
    titles alphabetically': the titles' own order. Names are not read here: 'which author comes first alphabetically'
    asks for people."""
    text = q.text
    if rx.search(r"\b(?:(?:co-?)?authors?|names?|surnames?|people|persons?|researchers?)\b", text, re.I):
        return None
    window = window_said(text)
    m = rx.search(rf"\b(?P<t>(?:{SITS}\s+)?(?:(?:is|was|are)\s+)?(?:the\s+)?(?:very\s+)?)(?P<w>{NTH}|first|last|top|"
                  rf"bottom|final|earliest|latest)\b(?!{COUNT_NEXT})", text, re.I)
    if window is None and m is None:
        return None
    q.take(_ALPHA)
    if window is not None:
        start, end, word, count = window
        q.blank(start, end)
        return Order(word, None, count, "alphabet")
    q.blank(m.start("t"), m.end("w"))
    word = m.group("w").casefold()
    op, nth = ("last", None) if word in ("latest", "final") else ("first", None) if word == "earliest" \
        else direction(word)
    return Order(op, nth, None, "alphabet")


def order_said(question: str) -> bool:
    """Whether an order word in `question` is said of a listing ('which comes first on the Amii page, A or B?'), so a
    comparison of two named papers is by the page's order, not their dates (rag/plan_compare.py reads the word)."""
    return order_word(question, listing_said(question)) is not None or bool(rx.search(
        rf"\b{LISTED}\s+(?:before|after|above|below|ahead\s+of|behind|earlier|later|higher|lower)\b", question, re.I))

