"""A place in a page's own printed order, as the question says it: an end of the listing ('the very first paper listed
on the trending page', 'at the top of X's profile', 'which paper opens the trending list', 'listed last on the Amii
page'). The listing must be said, and an author list's ends ('at the end of the author list') are never a listing's:
they are an author's place (rag/plan_position.py). rag/catalog_fields.py sorts by the place it reads; a numbered place
('the third paper listed') is a condition (rag/plan_numbers.py)."""

from __future__ import annotations

from rag import rx

ENTRY = r"(?:papers?|entr(?:y|ies)|items?|titles?|ones?|works?|articles?|preprints?)"
_TOP, _BOTTOM = r"first|top(?:most)?|opening|leading|uppermost|1st", r"last|bottom(?:most)?|final|closing|lowest|end"
LISTING = r"(?:(?:page|list|listing|profile|section|feed)s?\b|trending\b)"
# An author list has ends too ('at the end of the author list'): a place in it is plan_position's, not a listing's.
# 'the top five of X's profile' is a window of the page (rag/plan_numbers.py), not the entry at its top.
_NOT_COUNT = r"(?!\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty)\b)"
# 'starts on the highest page number of its proceedings': a page of the journal it is printed in, not a listing page.
_NOT_PAGE = r"(?!\s+on\s+(?:\S+\s+){0,3}?page\s+numbers?\b)"
NOT_AUTHORS = r"(?!(?:\s+\S+){0,3}?\s+(?:authors?|co-?authors?|author\s+lists?|bylines?|names?)\b)"


def listing_end(q) -> str | None:  # q: rag.plan_terms.Question
    """'first' or 'last' when the question asks for an end of a page's printed order: 'the very first paper listed',
    'the top entry on the trending page', 'which paper sits at the top of X's profile', 'listed last on the Amii
    page', 'which paper opens the trending list'. A bare 'first paper' is left alone (it may mean the oldest): the
    listing must be said."""
    m = q.take(rf"\b(?:the\s+)?(?:very\s+)?({_TOP}|{_BOTTOM})[\s-]+(?:{ENTRY}\s+)?(?:(?:that\s+(?:is|was)\s+|to\s+be\s+)?"
               rf"(?:listed|shown|printed|displayed)|(?:that\s+)?appear(?:s|ing)?)\b(?![\s\-)\]'\"’]+(?:co-?)?authors?\b)|"
               rf"\b(?:the\s+)?(?:very\s+)?({_TOP}|{_BOTTOM})[\s-]+{ENTRY}{NOT_AUTHORS}(?=\s+(?:on|in|of(?=\s+(?:the|its|their|his|her)\s))\s+(?:\S+\s+){{0,3}}?{LISTING})|"
               rf"\b(?:(?:sits?|is|appears?|comes?|stands?|placed|shown|listed|printed)\s+)?(?:at|on|in)\s+(?:the\s+)?"
               rf"(?:very\s+)?(top|head|bottom|end|tail)\s+(?:of|on){NOT_AUTHORS}(?=\s+(?:\S+\s+){{0,3}}?{LISTING})|"
               rf"\b(?:listed|shown|printed|placed|comes?|appears?)\s+(first|last)\b{NOT_AUTHORS}(?=\s+(?:on|in)\s+(?:\S+\s+){{0,3}}?{LISTING})|"
               rf"\b(?<!from the )(?:(open|lead|head|top|start|kick(?=s?\s+off))|(close|end|finish|round(?=s?\s+(?:out|off))|wrap(?=s?\s+up)|" \
               rf"cap(?=s?\s+off)))(?:s|ed)?{NOT_AUTHORS}{_NOT_COUNT}{_NOT_PAGE}\s+(?:off\s+|out\s+|up\s+)?"
               rf"(?=(?:\S+\s+){{0,3}}?{LISTING})")
    if not m:
        return None
    word = next(g for g in m[0].groups() if g).casefold()
    return "first" if rx.fullmatch(rf"{_TOP}|head|open|lead|start|kick", word) else "last"
