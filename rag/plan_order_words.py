"""Where a page's order is said in a question (rag/plan_order.py): the listing's noun ('on the trending list'), the
order words (first, last, the n-th, higher up, further down…), the reader's cues of going down a page ('going down the
feed', 'from the top', 'in the order printed'), and the order word said of a listing, read as a span of the question.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_listing import ENTRY, LISTING
from rag.plan_list_places import counted_at_end
from rag.plan_terms import ORDINALS

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
NTH = rf"(?:{'|'.join(_NTH_WORDS)}|\d{{1,3}}(?:st|nd|rd|th))"
_FIRST = r"first|top(?:most)?|uppermost|opening|highest|higher|earlier|earliest(?=[- ]listed)"
_LAST = r"last|bottom(?:most)?|final|closing|lowest|lower|later|latest(?=[- ]listed)|deepest|" \
        r"f[au]rthest(?:[\s-]+down)?|f[au]rther(?:[\s-]+down)?|second[- ]to[- ]last|next[- ]to[- ]last|penultimate"
# 'higher up', 'furthest up' are towards the top; 'lower down', 'further down' towards the bottom.
_UP = r"(?:higher|highest|f[au]rther|f[au]rthest)\s+up"
# 'second-to-last' before the ordinal 'second' it starts with
_ORDER = rf"(?:{_UP}|second[- ]to[- ]last|next[- ]to[- ]last|{NTH}|{_FIRST}|{_LAST})"
# Going down a page: the reader's own way of saying its order. Taken when the order is read; never read alone.
_DOWN_VERB = r"(?:go(?:es|ing)?|scroll(?:s|ing|ed)?|read(?:s|ing)?|count(?:s|ing)?|mov(?:e|es|ing)|work(?:s|ing)?|" \
             r"look(?:s|ing)?|run(?:s|ning)?|skim(?:s|ming)?|scan(?:s|ning)?)"
CUES = [
    rf"\(?\b(?:{_DOWN_VERB}\s+)?(?:from\s+)?(?:the\s+)?top[\s-]+down(?:wards?)?\b\)?",  # 'read top-down': first, one cue, not 'down on the page'
    rf"\b(?:as\s+(?:you|one|i|we)\s+|when\s+(?:you|one|i|we)\s+|while\s+)?{_DOWN_VERB}\s+down(?=\s+{GAP}{{0,4}}?{LIST})",
    # 'going down Amii's accepted papers': the entries themselves said as what is gone down (their page read elsewhere)
    rf"\b(?:as\s+(?:you|one|i|we)\s+|when\s+(?:you|one|i|we)\s+|while\s+)?{_DOWN_VERB}\s+down(?=\s+(?:(?:the|this|that|"
    rf"its|their|his|her|[\w.-]+'s)\s+)?(?:[\w.-]+\s+){{0,2}}?{ENTRY}\b)",
    rf"\b(?:as\s+(?:you|one|i|we)\s+|when\s+(?:you|one|i|we)\s+|while\s+)?{_DOWN_VERB}\s+down\b(?=\s*(?:[,:;]|\)|$))",  # '(going down)', 'going down:' 
    rf"\bdown(?=\s+(?:(?:on|in|along|through)\s+)?(?:the|this|that|its|their|his|her|(?:[\w.-]+\s+){{0,2}}?[\w.-]+'s)\s+"
    rf"{GAP}{{0,3}}?{LIST})",  # 'down Aaron Courville's list'
    # 'scrolling the trending feed', 'skimming through Courville's profile': scrolling a page is going down it
    rf"\b(?:(?:scroll|skim|scan|read)(?:s|ed|ing|ning|ming|ned|med)?(?:\s+(?:through|along|over))?|"
    rf"(?:go|goes|going|went|work|works|working|worked)\s+(?:through|along))(?=\s+(?:the|this|that|its|"
    rf"(?:[\w.-]+\s+){{0,2}}?[\w.-]+'s)\s+{GAP}{{0,3}}?{LIST})",
    r"\(?\b(?:from\s+)?(?:the\s+)?top\s+to\s+(?:the\s+)?bottom\b\)?",  # '(top to bottom)': the page's own order
    # 'counting titles from the top': the verb may take the entries it counts as its object
    r"\b(?:(?:counting|counted|count|reading|read|starting|going|go)\s+(?:(?:the\s+)?(?:titles|entries|papers|items|rows|lines|ones)\s+)?)?"
    r"from\s+the\s+(?:very\s+)?(?:top|head|start)\b(?:[\s-]+down(?:wards?)?\b)?(?:\s+of(?=\s+"
    rf"{GAP}{{0,4}}?{LIST}))?",
    r"\bin\s+(?:the\s+)?(?:(?:page|listing|list|feed|profile)(?:'s)?\s+)?(?:own\s+)?(?:printed|listed|listing|displayed|"
    r"display|page|original|given)\s+order\b",
    r"\bin\s+(?:the\s+)?order\s+(?:(?:they|it)(?:'re|\s+(?:are|is|were|was))\s+(?:listed|printed|shown|given)|"
    r"of\s+(?:appearance|listing))\b",
    r"\bas\s+(?:they\s+are\s+|it\s+is\s+)?(?:listed|printed|shown|displayed)\b(?=\s*(?:[,;:?.]|$))",
    # 'the 27th paper down (Courville's list)': 'down' after the entry, the listing's name read by its own reader
    r"(?<![\w-])down(?:wards?)?\b(?=\s*(?:[,;:?.!)]|$))",  # 'top of the trending page downwards:'

    r"(?<=\bthat\s)still\b|(?<=\bwhich\s)still\b",  # 'the last entry that still has a Code badge': going down
]
FROM_END = r"\(?\b(?:from\s+)?(?:the\s+)?bottom\s+to\s+(?:the\s+)?top\b\)?|\b(?:(?:counting|counted|reading|starting|going)\s+)?(?:from|up\s+from)\s+the\s+(?:very\s+)?" \
           rf"(?:bottom|end|tail)\b(?:\s+of(?=\s+{GAP}{{0,4}}?{LIST}))?"
# What the reader does on the way down ('the first one you hit', 'the first title you come across').
MEET = r"\b(?:that\s+)?(?:you|one|i|we)(?:'d|'ll|\s+would|\s+will|\s+can)?\s+(?:hit|reach|meet|see|spot|find|encounter|" \
       r"get\s+to|come\s+(?:across|to|upon)|run\s+(?:into|across)|land\s+on|bump\s+into)\b"
LISTED = r"(?:listed|printed|shown|displayed|placed|positioned)"  # not 'ranked': a score ranks too
SITS = r"(?:appears?|appearing|comes?|coming|sits?|sitting|shows?\s+up|turns?\s+up|stands?|falls?|lands?)"
# A subject that is a paper, not a person: 'which is listed first', 'the one printed last', 'papers listed later'.
_PAPER_SUBJECT = rf"(?:(?:which|what|one|ones|{ENTRY}|pdfs?|files?|documents?|them|these|those|that|two|both|it)" \
                 r"(?:\s+of\s+(?:them|these|those|the\s+two))?|(?<=\S)\s{3,}(?=\S)(?!\s))"  # or a title read before: 'is X listed first'
# The entry's noun, or the blank a reader left where it took 'titles containing X' with the noun in it.
_NOUN = rf"(?:{ENTRY}\b|\s\s\s)"
# A period said after the entry: 'the first paper of 2024' is the earliest of that year, a date.
_PERIOD = r"(?:of|from|in|during|since|for)\s+(?:the\s+)?(?:(?:19|20)\d\d|this\s+year|last\s+year|spring|summer|autumn|" \
          r"fall|winter|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:first|second|last)\s+(?:half|quarter))"
_DATE_VERB = r"(?:posted|published|released|submitted|uploaded|dated|written|wrote|came\s+out|put\s+out|out\s+on\s+arxiv)"


def listing_said(text: str) -> bool:
    """Whether the question says a listing at all: its noun ('on the Amii page', 'the final trending paper', 'Courville's
    profile entries'), a cue of going down it, or an entry being listed / printed / shown."""
    return bool(rx.search(rf"(?<![\w-]){LIST}", text, re.I) or _cued(text) or rx.search(rf"\b{LISTED}\b", text, re.I)
                or rx.search(_POST, text, re.I) or rx.search(_ROUNDUP, text, re.I))


# A page said as the post it is ("Amii's ICLR 2026 post", 'the blog post'): the noun after a possessive, a determiner
# or a year, never the verb ('papers they post') nor a prefix ('post-training').
_POST = r"(?:'s|\bthe|\bthis|\bthat|\b(?:19|20)\d\d)\s+(?:[\w.-]+\s+){0,2}?(?:blog\s+)?post\b(?![-\w])"


# A page said as the round-up it is ("Amii's roundup", 'the ICLR round-up'), after a possessive or a determiner.
_ROUNDUP = r"(?:'s|\bthe|\bthis|\bthat)\s+(?:[\w.-]+\s+){0,2}?round-?ups?\b"


def _cued(text: str) -> bool:
    """Whether the question says going down a page ('going down the feed', 'from the bottom', 'in the order printed')."""
    return any(rx.search(c, text, re.I) for c in CUES) or bool(rx.search(FROM_END, text, re.I))


def order_word(text: str, said: bool) -> tuple[int, int, str] | None:
    """(start, end, order word) of the first order word said of the listing, or None. The span taken starts at
    group 't' (the verb or 'very' before the word, when they are no frame word) or else at the word."""
    # never an author's place or a score's rank ('the last-listed author', 'the senior (last-listed) author')
    not_people = r"(?![\s\-)\]'\"’]+(?:(?:co-?)?authors?\b|bylines?\b|names?\b|(?:scor|rat|rank|cit)\w*))"
    not_scored = r"(?<!rank\s)(?<!ranks\s)(?<!ranked\s)(?<!rated\s)(?<!scores\s)(?<!scored\s)(?<!scoring\s)"
    tail = r"(?:\s+(?:up|down|place|position|spot))?\b(?!\s+(?:on|in|to)\s+arxiv)"
    patterns = [
        # 'which is listed first', 'the one printed last', 'which of them is shown higher up'
        rf"\b{_PAPER_SUBJECT}\s+(?:(?:is|was|are|were|gets?|got|being|'s|that(?:'s|\s+is|\s+was)?)\s+)?{LISTED}\s+"
        rf"(?P<t>(?:in\s+)?(?:the\s+)?(?:very\s+)?)(?P<w>{_ORDER}){not_people}{tail}",
        # 'which paper does the Amii page print first', 'what the trending list shows last'
        rf"(?<![\w-]){LIST}\s+(?P<t>(?:prints?|printed|lists?|shows?|showed|displays?|displayed|puts?|places?)\s+"
        rf"(?:(?:it|them|that\s+one)\s+)?(?:in\s+)?(?:the\s+)?(?:very\s+)?)(?P<w>{_ORDER}){not_people}{tail}",
        # 'which comes later', 'which one sits lowest', 'which is first', said where the page is named
        rf"\b{_PAPER_SUBJECT}\s+(?:(?:is|was|are|were)\s+)?(?P<t>{SITS}\s+(?:in\s+)?(?:the\s+)?(?:very\s+)?)"
        rf"(?P<w>{_ORDER}){not_people}{tail}" if said else None,
        rf"\b{_PAPER_SUBJECT}\s+(?:is|was|are|were)\s+(?P<t>(?:the\s+)?(?:very\s+)?)"
        rf"(?P<w>{NTH}|first|last|top(?:most)?|bottom(?:most)?|final|highest\s+up|lowest\s+down){not_people}{tail}"
        if said else None,
        # 'goal-conditioned titles on the feed: which is furthest down?', the listing said before: 'down' / 'up' ends
        # the clause, so 'which is furthest down in accuracy' (a score) is not read
        rf"\b{_PAPER_SUBJECT}\s+(?:(?:is|was|are|were|'s)\s+)?(?P<t>(?:the\s+)?(?:very\s+)?)"
        r"(?P<w>f[au]rthest\s+(?:down|up)|f[au]rther\s+(?:down|up)|lowest\s+down|highest\s+up|lower\s+down|higher\s+up)"
        r"(?=\s*(?:[?.!;,]|$)|\s+among\b)" if said else None,
        # 'ahead of the other', 'after the other one': two entries said against each other
        rf"\b(?P<t>(?:{LISTED}|{SITS}|is|was|are|were)\s+)(?P<w>ahead\s+of|before|above|after|behind|below)"
        r"\s+the\s+other(?:s|\s+one)?\b" if said else None,
        # 'nearest the bottom', 'closest to the top of the page'
        rf"\b(?P<t>(?:(?:{LISTED}|{SITS}|is|was|are|were)\s+)?(?:nearest|closest)\s+(?:to\s+)?the\s+(?:very\s+)?)"
        r"(?P<w>top|bottom|head|end|tail)\b(?!\s+of\s+(?:the\s+|its\s+|their\s+)?(?:author|byline|names))",
        # 'which sits at the very top', 'printed at the bottom'
        rf"\b(?P<t>(?:{LISTED}|{SITS}|is|was|are|were)\s+(?:at|on)\s+(?:the\s+)?(?:very\s+)?)"
        rf"(?P<w>top|bottom|head|end|tail)\b(?!\s+of\s+(?:the\s+|its\s+|their\s+)?(?:author|byline|names))" if said else None,
        # 'first on the trending list', 'later on the page', 'furthest down the list', 'higher up on Courville's profile'
        rf"\b(?<!from\sthe\s)(?<!the\svery\s)(?P<t>(?:very\s+)?){not_scored}(?P<w>{_ORDER}){not_people}"
        rf"(?:\s+(?:up|down))?(?=\s+{ANCHOR})",
        # 'the first-listed entry', 'the top-listed title'
        rf"\b(?P<t>(?:very\s+)?)(?P<w>{NTH}|{_FIRST}|{_LAST})[- ]{LISTED}\b{not_people}",
        # 'at position 5 on the Amii page', '#20 on the trending list', 'number 3 on the list' (not 'position 5 or lower':
        # a comparison, rag/plan_numbers.py)
        rf"(?<![\w#])(?<!than\s)(?<!above\s)(?<!below\s)(?<!under\s)(?<!over\s)(?<!least\s)(?<!most\s)(?<!between\s)"
        rf"(?P<t>(?:(?:at|in)\s+)?(?:(?:position|place|spot|slot|number|no\.)\s*|#\s*))(?P<w>\d{{1,3}})\b"
        rf"(?!\s*(?:or|and|to|through|-|–)\s)(?!\s*%)" if said else None,
        # 'which is listed earliest on the profile': the earliest listed, not the oldest
        rf"\b{_PAPER_SUBJECT}\s+(?:(?:is|was|are|were)\s+)?{LISTED}\s+(?P<t>)(?P<w>earliest|latest)\b(?=\s+{ANCHOR})",
        # 'the first paper with Offline in its title', 'the 20th paper down', 'the first question-style title you hit'
        rf"\b(?P<t>(?:very\s+)?)(?P<w>second[- ]to[- ]last|next[- ]to[- ]last|{NTH}|first|last|top(?:most)?|"
        rf"bottom(?:most)?|final|penultimate|f[au]rthest[- ]down){not_people}(?=(?:[\s-]+(?!{_DATE_VERB})[\w'?-]+){{0,4}}?[\s-]+{_NOUN}"
        rf"(?!(?:\s+\S+){{0,3}}?\s+{_DATE_VERB}))" if said else None,
        # once going down the page is said ('in the order printed, which 2022 paper comes first?'), any order word of
        # a paper: not an author's place ('has Courville listed first')
        rf"(?<!listed\s)(?<!named\s)(?<!printed\s)\b(?P<t>(?:{SITS}\s+)?(?:the\s+)?(?:very\s+)?)"
        rf"(?P<w>{NTH}|first|last|top(?:most)?|bottom(?:most)?|final){not_people}\b"
        rf"(?!(?:\s+\S+){{0,3}}?\s+{_DATE_VERB})" if _cued(text) else None,
    ]
    for pattern in filter(None, patterns):
        for m in rx.finditer(pattern, text, re.I):
            after = text[m.end("w"):]
            # 'the first paper of 2021' is a date; 'in the first ten entries' a window (window_said, plan_numbers): the next
            if not rx.match(rf"(?:[\s-]+[\w'-]+){{0,2}}?\s+{_PERIOD}|{COUNT_NEXT}", after, re.I):
                return m.start("t"), m.end(), m.group("w")
    return None


COUNT_NEXT = r"\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|few|couple|several)\b"
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "twelve": 12, "fifteen": 15, "twenty": 20}


def window_said(text: str) -> tuple[int, int, str, int] | None:
    """(start, end, 'first' | 'last', count) for 'the first three Mila papers on the profile', 'the last two entries on
    the Amii page': that many of the set from one end. 'Which of the top 10 papers listed …' and 'in the first ten
    entries' are a window of the page the set is then taken from: a condition (rag/plan_numbers.py), not read here."""
    m = rx.search(r"(?<!\bof\s)(?<!\bof\sthe\s)(?<!among\s)(?<!among\sthe\s)(?<!\bin\s)(?<!\bin\sthe\s)(?<!within\s)"
                  r"(?<!within\sthe\s)"
                  r"\b(?P<t>(?:the\s+)?(?:very\s+)?)(?P<w>first|top|last|bottom|final)\s+"
                  rf"(?P<n>\d{{1,2}}|{'|'.join(_COUNTS)})(?![\w-])(?=(?:[\s-]+(?!{_DATE_VERB})[\w'?-]+){{0,4}}?[\s-]+{_NOUN}"
                  rf"(?!(?:\s+\S+){{0,3}}?\s+{_DATE_VERB})|\s+{ANCHOR})", text, re.I)
    if m is None or rx.match(rf"(?:[\s-]+[\w'-]+){{0,3}}?\s+{_PERIOD}", text[m.end("n"):], re.I):
        return counted_at_end(text)  # 'the three papers at the top of X' (rag/plan_list_places.py)
    n = _COUNTS.get(m.group("n").casefold()) or int(m.group("n"))
    word = "first" if m.group("w").casefold() in ("first", "top") else "last"
    return (m.start("t"), m.end("n"), word, n) if n > 1 else None


def direction(word: str) -> tuple[str, int | None]:
    word = rx.sub(r"\s+", " ", word.casefold())
    if word in _NTH_WORDS or rx.fullmatch(r"\d+(?:st|nd|rd|th)", word):
        n = _NTH_WORDS.get(word) or int(rx.sub(r"\D", "", word))
        return "first", (n if n > 1 else None)
    if rx.fullmatch(r"second[- ]to[- ]last|next[- ]to[- ]last|penultimate", word):
        return "last", 2
    if word.isdigit():  # 'at position 5', '#20'
        return "first", (int(word) if int(word) > 1 else None)
    if rx.fullmatch(rf"{_UP}|{_FIRST}|earliest|ahead of|before|above|head", word):
        return "first", None
    return "last", None
