"""One person named and no paper: which of the papers they are on and their place on each, asked together ('which Amii
paper is X on, and where does he sit in the author order', 'List the papers X is on and his position on each'),
perhaps their mark too. The planner's 'positions' answer words it per paper (rag/plan_groups.places). Moved out of
rag/plan_line.py, which reads one named paper's author line."""

from __future__ import annotations

import re

from rag import rx
from rag.plan_position import PLACE_WORDS
from rag.plan_terms import Question

_PRONOUN = r"(?:he|she|they|him|her|them)"
_POSSESSIVE = r"his|her|their"
_ON_WHICH = r"\b(?:list|show|give|name)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:papers?|entr(?:y|ies))\s+(?:that\s+)?" \
            r"(?=\s{2,}(?:is|are|was|were)\s+(?:on|in)\b)|" \
            rf"\b(?:which|what)(?:\s+of\s+the)?\s+(?:(?:papers?|entr(?:y|ies)|ones?)\s+)?(?:is|are|was|were)\s+(?:{_PRONOUN}\s+)?" \
            r"(?:on|in|listed\s+on)\b|" \
            rf"\b(?:what|which)(?:'s|\s+is|\s+are)\s+(?:{_POSSESSIVE})\s+(?:papers?|entr(?:y|ies))\b|" \
            r"\b(?:is|was|are)\s+(?:an?\s+)?(?:co-?)?authors?\s+(?:on|of|in)\s+any\s+of\s+(?:the\s+)?(?:papers?\s*)?[?,;]?\s*" \
            r"(?:and\s+)?(?:if\s+so,?\s+)?which\s+(?:ones?|papers?|entr(?:y|ies))\b"
# How often the person is said to appear, before the papers are asked ('X appears twice on the page. Which two
# papers …'; the verb may be taken as frame already: 'shows up on'): said, not asked (the rows show it); and the papers
# asked by that count ('which two papers').
_APPEARS = r"(?:\b(?:appears?|shows?\s+up|turns?\s+up|is\s+listed|features?)\s+|(?<=\s\s))(?:twice|thrice|two\s+times|three\s+times|" \
           r"more\s+than\s+once)\b"
_WHICH_COUNTED = r"\b(?:which|what)\s+(?:two|three|2|3)\s+(?:papers?|entr(?:y|ies)|ones)\b"
# The page said as a round-up of papers ('in the Amii ICLR roundup'): where, once the page is grounded.
_ROUNDUP = r"\b(?:in|on|from)\s+the\s+(?:\s*)(?:roundup|round-up|rundown|write-?up)\b"
_IN_LIST = r"\s+(?:in|on)\s+(?:the\s+|its\s+|their\s+|each\s+)?(?:author(?:s'?)?\s+)?(?:order|list|line|byline)s?"
# Said of each of the papers ('… on each', 'in both'): the papers a place is asked on are the person's, unnamed.
_ON_EACH = r"\s+(?:on|in|of)\s+(?:each|either|both|them|every\s+one)(?:\s+(?:one|of\s+them))?"  # 'in the byline of each'
# The place asked as a choice of places: 'is she first, second or third?', 'is he the first or the last author?'
_ORD = rf"(?:the\s+)?(?:{PLACE_WORDS})"
_ONE_OF_PLACES = rf"{_ORD}(?:\s*,\s*{_ORD})*\s*,?\s+or\s+{_ORD}(?:[\s-]+(?:author|name)s?)?\b"
# The place asked: 'where does he sit', 'in which position', and possessed by the person ('his position on each', 'and her
# place in each byline').
_PLACE_ASK = rf"\bwhere(?:'s|\s+(?:does|do|did|is))\s+{_PRONOUN}(?:\s+(?:sit|come|stand|appear|fall|land|rank|listed|placed)s?\b" \
             rf"|(?={_IN_LIST}))(?:{_IN_LIST})?(?:{_ON_EACH}|\s+(?:on|in)\s+it)?\b|" \
             rf"\b(?:and\s+)?(?:is|was|are)\s+{_PRONOUN}\s+{_ONE_OF_PLACES}|" \
             r"\b(?:and\s+)?(?:in|at)\s+(?:which|what)\s+(?:position|place|slot|spot)(?:\s+(?:on|in)\s+(?:each|it))?\b|" \
             rf"\b(?:which|what)\s+(?:position|place|slot|spot)\s+(?:is|does)\s+{_PRONOUN}(?:\s+(?:in|hold|have|take))?\b|" \
             r"\b(?:and\s+)?(?:his|her|their)\s+(?:position|place|slot|spot|rank)s?(?:\s+(?:in|on|within)\s+(?:the\s+)?" \
             rf"(?:author\s+(?:list|line|order)|byline)s?)?(?:{_ON_EACH}(?:\s+(?:byline|author\s+(?:list|line)|entry|paper)s?)?)?\b"
# the mark asked, perhaps by what a PDF's note says it means ('flagged as equal contribution') and on which papers
_MARK_ASK = rf"\b(?:and\s+)?(?:is|was)\s+{_PRONOUN}\s+(?:flagged|marked|starred|asterisked|tagged)(?:\s+(?:as|with))?(?:\s+an?)?" \
            r"(?:\s+(?:equal[- ]contribution|equally[- ]contributing|co-?first)(?:\s+(?:authors?|contributors?))?)?" \
            r"(?:\s+(?:on|in)\s+(?:either|each|both|any)(?:\s+(?:one|of\s+them))?)?\b|" \
            rf"\b(?:and\s+)?(?:on|in)\s+which(?:\s+of\s+(?:them|these|those|the\s+two))?\s+(?:is|was)\s+(?:{_POSSESSIVE})\s+" \
            r"name\s+(?:followed\s+by|marked\s+with|printed\s+with|given|flagged\s+with)\s+(?:the|an?)\s+" \
            r"(?:[\w-]+\s+)?(?:asterisk|star|mark|dagger|symbol)\b"  # 'on which is his name followed by the Amii asterisk'


def papers_placed(q: Question) -> tuple[bool, bool]:
    """(asked, marks): whether the question asks which papers a named person is on with their place on each — both
    said, or the place asked 'on each' of the papers they are said to be on ('X is on two of my PDFs - where is he in
    the author order on each?') — and whether it asks their mark as well. The phrases are taken when asked."""
    place = rx.search(_PLACE_ASK, q.text, re.I)
    each = bool(place) and rx.search(_ON_EACH + r"\b", place.group(0), re.I) is not None  # 'where is he … on each'
    counted = bool(rx.search(_APPEARS, q.text, re.I) and rx.search(_WHICH_COUNTED, q.text, re.I))  # 'appears twice. Which two'
    if not ((rx.search(_ON_WHICH, q.text, re.I) or each or counted) and (place or rx.search(_MARK_ASK, q.text, re.I))):
        return False, False
    q.take(_ON_WHICH)
    if counted:
        q.take(_APPEARS), q.take(_WHICH_COUNTED)
    q.take(_PLACE_ASK)
    q.take(_ROUNDUP)
    return True, bool(q.take(_MARK_ASK))
