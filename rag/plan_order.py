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

from rag.catalog_order import alphabetical, in_page_order, said_place
from rag.plan_listing import ENTRY, LISTING
from rag.plan_terms import ORDINALS, Condition, Question
from rag.records import Paper

# Words between a preposition and the listing's noun ('on Courville's own profile'), none naming another kind of list:
# an author list, a byline, a reference list, a table or a figure are not a page's entries.
GAP = r"(?:(?!(?:co-?)?authors?\b|author's\b|bylines?\b|names?\b|references?\b|bibliograph\w*|tables?\b|figures?\b|" \
      r"contents\b|results?\b|(?:19|20)\d\d\b)[\w'.&/-]+\s+)"  # nor a year: 'the first of 2024 on the profile' is a date
LIST = rf"(?:{LISTING})(?!\s+\d|\s+numbers?\b)"  # 'page 3' of a PDF, its 'page numbers': no listing
# The listing said after the order word: 'on the trending list', 'down the page', 'in the workshop section'.
ANCHOR = rf"(?:on|in|down|up|along|within|through|at|of|from|across)\s+{GAP}{{0,4}}?{LIST}"
_NTH_WORDS = {w: n for n, w in enumerate(ORDINALS, start=1)} | {
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
_NTH = rf"(?:{'|'.join(_NTH_WORDS)}|\d{{1,3}}(?:st|nd|rd|th))"
_FIRST = r"first|top(?:most)?|uppermost|opening|highest|higher|earlier|earliest(?=[- ]listed)"
_LAST = r"last|bottom(?:most)?|final|closing|lowest|lower|later|latest(?=[- ]listed)|deepest|" \
        r"f[au]rthest(?:[\s-]+down)?|f[au]rther(?:[\s-]+down)?|second[- ]to[- ]last|next[- ]to[- ]last|penultimate"
# 'higher up', 'furthest up' are towards the top; 'lower down', 'further down' towards the bottom.
_UP = r"(?:higher|highest|f[au]rther|f[au]rthest)\s+up"
# 'second-to-last' before the ordinal 'second' it starts with
_ORDER = rf"(?:{_UP}|second[- ]to[- ]last|next[- ]to[- ]last|{_NTH}|{_FIRST}|{_LAST})"
# Going down a page: the reader's own way of saying its order. Taken when the order is read; never read alone.
_DOWN_VERB = r"(?:go(?:es|ing)?|scroll(?:s|ing|ed)?|read(?:s|ing)?|count(?:s|ing)?|mov(?:e|es|ing)|work(?:s|ing)?|" \
             r"look(?:s|ing)?|run(?:s|ning)?|skim(?:s|ming)?|scan(?:s|ning)?)"
_CUES = [
    rf"\b(?:as\s+(?:you|one|i|we)\s+|when\s+(?:you|one|i|we)\s+|while\s+)?{_DOWN_VERB}\s+down(?=\s+{GAP}{{0,4}}?{LIST})",
    rf"\b(?:as\s+(?:you|one|i|we)\s+|when\s+(?:you|one|i|we)\s+|while\s+)?{_DOWN_VERB}\s+down\b(?=\s*(?:,|\)|$))",  # '(going down)': an aside
    rf"\bdown(?=\s+(?:(?:on|in|along|through)\s+)?(?:the|this|that|its|their|his|her|(?:[\w.-]+\s+){{0,2}}?[\w.-]+'s)\s+"
    rf"{GAP}{{0,3}}?{LIST})",  # 'down Aaron Courville's list'
    # 'scrolling the trending feed', 'skimming through Courville's profile': scrolling a page is going down it
    rf"\b(?:scroll|skim|scan)(?:s|ed|ing|ning|ming|ned|med)?(?:\s+(?:through|along|over))?(?=\s+(?:the|this|that|its|"
    rf"(?:[\w.-]+\s+){{0,2}}?[\w.-]+'s)\s+{GAP}{{0,3}}?{LIST})",
    r"\(?\b(?:from\s+)?(?:the\s+)?top\s+to\s+(?:the\s+)?bottom\b\)?",  # '(top to bottom)': the page's own order
    r"\b(?:(?:counting|counted|reading|starting|going)\s+)?from\s+the\s+(?:very\s+)?(?:top|head|start)\b(?:\s+of(?=\s+"
    rf"{GAP}{{0,4}}?{LIST}))?",
    r"\bin\s+(?:the\s+)?(?:(?:page|listing|list|feed|profile)(?:'s)?\s+)?(?:own\s+)?(?:printed|listed|listing|displayed|"
    r"display|page|original|given)\s+order\b",
    r"\bin\s+(?:the\s+)?order\s+(?:(?:they|it)(?:'re|\s+(?:are|is|were|was))\s+(?:listed|printed|shown|given)|"
    r"of\s+(?:appearance|listing))\b",
    r"\bas\s+(?:they\s+are\s+|it\s+is\s+)?(?:listed|printed|shown|displayed)\b(?=\s*(?:[,;:?.]|$))",
    # 'the 27th paper down (Courville's list)': 'down' after the entry, the listing's name read by its own reader
    r"(?<![\w-])down\b(?=\s*(?:[,;:?.!)]|$))",
    r"(?<=\bthat\s)still\b|(?<=\bwhich\s)still\b",  # 'the last entry that still has a Code badge': going down
]
_FROM_END = r"\(?\b(?:from\s+)?(?:the\s+)?bottom\s+to\s+(?:the\s+)?top\b\)?|\b(?:(?:counting|counted|reading|starting|going)\s+)?(?:from|up\s+from)\s+the\s+(?:very\s+)?" \
            rf"(?:bottom|end|tail)\b(?:\s+of(?=\s+{GAP}{{0,4}}?{LIST}))?"
# What the reader does on the way down ('the first one you hit', 'the first title you come across').
_MEET = r"\b(?:that\s+)?(?:you|one|i|we)(?:'d|'ll|\s+would|\s+will|\s+can)?\s+(?:hit|reach|meet|see|spot|find|encounter|" \
        r"get\s+to|come\s+(?:across|to|upon)|run\s+(?:into|across)|land\s+on|bump\s+into)\b"
_LISTED = r"(?:listed|printed|shown|displayed|placed|positioned)"  # not 'ranked': a score ranks too
_SITS = r"(?:appears?|appearing|comes?|coming|sits?|sitting|shows?\s+up|turns?\s+up|stands?|falls?|lands?)"
# A subject that is a paper, not a person: 'which is listed first', 'the one printed last', 'papers listed later'.
_PAPER_SUBJECT = rf"(?:(?:which|what|one|ones|{ENTRY}|pdfs?|files?|documents?|them|these|those|that|two|both|it)" \
                 r"(?:\s+of\s+(?:them|these|those|the\s+two))?|(?<=\S)\s{3,}(?=\S)(?!\s))"  # or a title read before: 'is X listed first'
# The entry's noun, or the blank a reader left where it took 'titles containing X' with the noun in it.
_NOUN = rf"(?:{ENTRY}\b|\s\s\s)"
# A period said after the entry: 'the first paper of 2024' is the earliest of that year, a date.
_PERIOD = r"(?:of|from|in|during|since|for)\s+(?:the\s+)?(?:(?:19|20)\d\d|this\s+year|last\s+year|spring|summer|autumn|" \
          r"fall|winter|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:first|second|last)\s+(?:half|quarter))"
_DATE_VERB = r"(?:posted|published|released|submitted|uploaded|dated|written|wrote|came\s+out|put\s+out|out\s+on\s+arxiv)"


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
    if re.search(_ALPHA, text, re.I):
        return _alphabetical(q)
    said = listing_said(text)
    m = _ordered(text, said)
    window = _window(text) if said else None
    if window is not None and (m is None or window[0] <= m[0]):
        start, end, word, count = window
    elif m is not None:
        (start, end, word), count = m, None
    else:
        return None
    # 'right after the first paper', 'just above the last one': the entry next to that place
    beside = re.search(rf"(?:\b(?:{_SITS}|{_LISTED}|is|was)\s+)?(?:\b(?:right|directly|just|immediately)\s+)?\b(after|below|"
                       r"under|beneath|following|before|above|preceding)\s+the\s+(?:very\s+)?$", text[:start], re.I) \
        if count is None else None
    op, nth = _direction(word)
    if re.search(_FROM_END, text, re.I):  # 'the third from the bottom', 'counting up from the end'
        op = "last" if op == "first" else "first"
    if beside is not None:  # one place further down the page (or up), counted from the end asked
        down = beside.group(1).casefold() in ("after", "below", "under", "beneath", "following")
        nth = (nth or 1) + (1 if down == (op == "first") else -1)
        if nth < 1:
            return None  # 'the paper before the first one': no such place
        start = beside.start()
    q.blank(start, end)
    for cue in _CUES + [_MEET, _FROM_END]:
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
    if re.search(r"\b(?:(?:co-?)?authors?|names?|surnames?|people|persons?|researchers?)\b", text, re.I):
        return None
    window = _window(text)
    m = re.search(rf"\b(?P<t>(?:{_SITS}\s+)?(?:(?:is|was|are)\s+)?(?:the\s+)?(?:very\s+)?)(?P<w>{_NTH}|first|last|top|"
                  rf"bottom|final|earliest|latest)\b(?!{_COUNT_NEXT})", text, re.I)
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
        else _direction(word)
    return Order(op, nth, None, "alphabet")


def order_said(question: str) -> bool:
    """Whether an order word in `question` is said of a listing ('which comes first on the Amii page, A or B?'), so a
    comparison of two named papers is by the page's order, not their dates (rag/plan_compare.py reads the word)."""
    return _ordered(question, listing_said(question)) is not None or bool(re.search(
        rf"\b{_LISTED}\s+(?:before|after|above|below|ahead\s+of|behind|earlier|later|higher|lower)\b", question, re.I))


def listing_said(text: str) -> bool:
    """Whether the question says a listing at all: its noun ('on the Amii page', 'the final trending paper', 'Courville's
    profile entries'), a cue of going down it, or an entry being listed / printed / shown."""
    return bool(re.search(rf"(?<![\w-]){LIST}", text, re.I) or _cued(text) or re.search(rf"\b{_LISTED}\b", text, re.I)
                or re.search(_POST, text, re.I))


# A page said as the post it is ("Amii's ICLR 2026 post", 'the blog post'): the noun after a possessive, a determiner
# or a year, never the verb ('papers they post') nor a prefix ('post-training').
_POST = r"(?:'s|\bthe|\bthis|\bthat|\b(?:19|20)\d\d)\s+(?:[\w.-]+\s+){0,2}?(?:blog\s+)?post\b(?![-\w])"


def _cued(text: str) -> bool:
    """Whether the question says going down a page ('going down the feed', 'from the bottom', 'in the order printed')."""
    return any(re.search(c, text, re.I) for c in _CUES) or bool(re.search(_FROM_END, text, re.I))


def _ordered(text: str, said: bool) -> tuple[int, int, str] | None:
    """(start, end, order word) of the first order word said of the listing, or None. The span taken starts at
    group 't' (the verb or 'very' before the word, when they are no frame word) or else at the word."""
    # never an author's place or a score's rank ('the last-listed author', 'the senior (last-listed) author')
    not_people = r"(?![\s\-)\]'\"’]+(?:(?:co-?)?authors?\b|bylines?\b|names?\b|(?:scor|rat|rank|cit)\w*))"
    not_scored = r"(?<!rank\s)(?<!ranks\s)(?<!ranked\s)(?<!rated\s)(?<!scores\s)(?<!scored\s)(?<!scoring\s)"
    tail = r"(?:\s+(?:up|down|place|position|spot))?\b(?!\s+(?:on|in|to)\s+arxiv)"
    patterns = [
        # 'which is listed first', 'the one printed last', 'which of them is shown higher up'
        rf"\b{_PAPER_SUBJECT}\s+(?:(?:is|was|are|were|gets?|got|being|'s|that(?:'s|\s+is|\s+was)?)\s+)?{_LISTED}\s+"
        rf"(?P<t>(?:in\s+)?(?:the\s+)?(?:very\s+)?)(?P<w>{_ORDER}){not_people}{tail}",
        # 'which paper does the Amii page print first', 'what the trending list shows last'
        rf"(?<![\w-]){LIST}\s+(?P<t>(?:prints?|printed|lists?|shows?|showed|displays?|displayed|puts?|places?)\s+"
        rf"(?:(?:it|them|that\s+one)\s+)?(?:in\s+)?(?:the\s+)?(?:very\s+)?)(?P<w>{_ORDER}){not_people}{tail}",
        # 'which comes later', 'which one sits lowest', 'which is first', said where the page is named
        rf"\b{_PAPER_SUBJECT}\s+(?:(?:is|was|are|were)\s+)?(?P<t>{_SITS}\s+(?:in\s+)?(?:the\s+)?(?:very\s+)?)"
        rf"(?P<w>{_ORDER}){not_people}{tail}" if said else None,
        rf"\b{_PAPER_SUBJECT}\s+(?:is|was|are|were)\s+(?P<t>(?:the\s+)?(?:very\s+)?)"
        rf"(?P<w>{_NTH}|first|last|top(?:most)?|bottom(?:most)?|final|highest\s+up|lowest\s+down){not_people}{tail}"
        if said else None,
        # 'goal-conditioned titles on the feed: which is furthest down?', the listing said before: 'down' / 'up' ends
        # the clause, so 'which is furthest down in accuracy' (a score) is not read
        rf"\b{_PAPER_SUBJECT}\s+(?:(?:is|was|are|were|'s)\s+)?(?P<t>(?:the\s+)?(?:very\s+)?)"
        r"(?P<w>f[au]rthest\s+(?:down|up)|f[au]rther\s+(?:down|up)|lowest\s+down|highest\s+up|lower\s+down|higher\s+up)"
        r"(?=\s*(?:[?.!;,]|$)|\s+among\b)" if said else None,
        # 'ahead of the other', 'after the other one': two entries said against each other
        rf"\b(?P<t>(?:{_LISTED}|{_SITS}|is|was|are|were)\s+)(?P<w>ahead\s+of|before|above|after|behind|below)"
        r"\s+the\s+other(?:s|\s+one)?\b" if said else None,
        # 'nearest the bottom', 'closest to the top of the page'
        rf"\b(?P<t>(?:(?:{_LISTED}|{_SITS}|is|was|are|were)\s+)?(?:nearest|closest)\s+(?:to\s+)?the\s+(?:very\s+)?)"
        r"(?P<w>top|bottom|head|end|tail)\b(?!\s+of\s+(?:the\s+|its\s+|their\s+)?(?:author|byline|names))",
        # 'which sits at the very top', 'printed at the bottom'
        rf"\b(?P<t>(?:{_LISTED}|{_SITS}|is|was|are|were)\s+(?:at|on)\s+(?:the\s+)?(?:very\s+)?)"
        rf"(?P<w>top|bottom|head|end|tail)\b(?!\s+of\s+(?:the\s+|its\s+|their\s+)?(?:author|byline|names))" if said else None,
        # 'first on the trending list', 'later on the page', 'furthest down the list', 'higher up on Courville's profile'
        rf"\b(?<!from\sthe\s)(?<!the\svery\s)(?P<t>(?:very\s+)?){not_scored}(?P<w>{_ORDER}){not_people}"
        rf"(?:\s+(?:up|down))?(?=\s+{ANCHOR})",
        # 'the first-listed entry', 'the top-listed title'
        rf"\b(?P<t>(?:very\s+)?)(?P<w>{_NTH}|{_FIRST}|{_LAST})[- ]{_LISTED}\b{not_people}",
        # 'at position 5 on the Amii page', '#20 on the trending list', 'number 3 on the list' (not 'position 5 or lower':
        # a comparison, rag/plan_numbers.py)
        rf"(?<![\w#])(?<!than\s)(?<!above\s)(?<!below\s)(?<!under\s)(?<!over\s)(?<!least\s)(?<!most\s)(?<!between\s)"
        rf"(?P<t>(?:(?:at|in)\s+)?(?:(?:position|place|spot|slot|number|no\.)\s*|#\s*))(?P<w>\d{{1,3}})\b"
        rf"(?!\s*(?:or|and|to|through|-|–)\s)(?!\s*%)" if said else None,
        # 'which is listed earliest on the profile': the earliest listed, not the oldest
        rf"\b{_PAPER_SUBJECT}\s+(?:(?:is|was|are|were)\s+)?{_LISTED}\s+(?P<t>)(?P<w>earliest|latest)\b(?=\s+{ANCHOR})",
        # 'the first paper with Offline in its title', 'the 20th paper down', 'the first question-style title you hit'
        rf"\b(?P<t>(?:very\s+)?)(?P<w>second[- ]to[- ]last|next[- ]to[- ]last|{_NTH}|first|last|top(?:most)?|"
        rf"bottom(?:most)?|final|penultimate|f[au]rthest[- ]down){not_people}(?=(?:[\s-]+(?!{_DATE_VERB})[\w'?-]+){{0,4}}?[\s-]+{_NOUN}"
        rf"(?!(?:\s+\S+){{0,3}}?\s+{_DATE_VERB}))" if said else None,
        # once going down the page is said ('in the order printed, which 2022 paper comes first?'), any order word of
        # a paper: not an author's place ('has Courville listed first')
        rf"(?<!listed\s)(?<!named\s)(?<!printed\s)\b(?P<t>(?:{_SITS}\s+)?(?:the\s+)?(?:very\s+)?)"
        rf"(?P<w>{_NTH}|first|last|top(?:most)?|bottom(?:most)?|final){not_people}\b"
        rf"(?!(?:\s+\S+){{0,3}}?\s+{_DATE_VERB})" if _cued(text) else None,
    ]
    for pattern in filter(None, patterns):
        for m in re.finditer(pattern, text, re.I):
            after = text[m.end("w"):]
            # 'the first paper of 2021' is a date; 'in the first ten entries' a window (_window, plan_numbers): the next
            if not re.match(rf"(?:[\s-]+[\w'-]+){{0,2}}?\s+{_PERIOD}|{_COUNT_NEXT}", after, re.I):
                return m.start("t"), m.end(), m.group("w")
    return None


_COUNT_NEXT = r"\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|few|couple|several)\b"
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "twelve": 12, "fifteen": 15, "twenty": 20}


def _window(text: str) -> tuple[int, int, str, int] | None:
    """(start, end, 'first' | 'last', count) for 'the first three Mila papers on the profile', 'the last two entries on
    the Amii page': that many of the set from one end. 'Which of the top 10 papers listed …' and 'in the first ten
    entries' are a window of the page the set is then taken from: a condition (rag/plan_numbers.py), not read here."""
    m = re.search(r"(?<!\bof\s)(?<!\bof\sthe\s)(?<!among\s)(?<!among\sthe\s)(?<!\bin\s)(?<!\bin\sthe\s)(?<!within\s)"
                  r"(?<!within\sthe\s)"
                  r"\b(?P<t>(?:the\s+)?(?:very\s+)?)(?P<w>first|top|last|bottom|final)\s+"
                  rf"(?P<n>\d{{1,2}}|{'|'.join(_COUNTS)})(?![\w-])(?=(?:[\s-]+(?!{_DATE_VERB})[\w'?-]+){{0,4}}?[\s-]+{_NOUN}"
                  rf"(?!(?:\s+\S+){{0,3}}?\s+{_DATE_VERB})|\s+{ANCHOR})", text, re.I)
    if m is None or re.match(rf"(?:[\s-]+[\w'-]+){{0,3}}?\s+{_PERIOD}", text[m.end("n"):], re.I):
        return None
    n = _COUNTS.get(m.group("n").casefold()) or int(m.group("n"))
    word = "first" if m.group("w").casefold() in ("first", "top") else "last"
    return (m.start("t"), m.end("n"), word, n) if n > 1 else None


def _direction(word: str) -> tuple[str, int | None]:
    word = re.sub(r"\s+", " ", word.casefold())
    if word in _NTH_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th)", word):
        n = _NTH_WORDS.get(word) or int(re.sub(r"\D", "", word))
        return "first", (n if n > 1 else None)
    if re.fullmatch(r"second[- ]to[- ]last|next[- ]to[- ]last|penultimate", word):
        return "last", 2
    if word.isdigit():  # 'at position 5', '#20'
        return "first", (int(word) if int(word) > 1 else None)
    if re.fullmatch(rf"{_UP}|{_FIRST}|earliest|ahead of|before|above|head", word):
        return "first", None
    return "last", None
