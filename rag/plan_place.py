"""A named paper's place in its page's printed order, asked of it (issue 11): 'what position is TokMem on the Amii
page?', 'how far down the trending list is SMORE?', 'where does Cactus sit on the page?', 'what number is it on the
trending list?', "TokMem's position on the Amii page", 'where in the trending list does X appear?'.

Read only when the question says a listing (rag/plan_order.py's `listing_said`: a page, list, feed or profile, or being
listed); a number or a place noun is read only with the listing said after it, so a section's, a parameter's or a
camera's position stays content. The answer is the position field of rag/catalog_fields.py.
"""

from __future__ import annotations

import re

from rag.catalog_fields import BY_NAME, Field
from rag.plan_order import ANCHOR, GAP, LIST, listing_said
from rag.plan_terms import Condition, Question
from rag.records import Paper

# A place asked as the number it is given on the listing: 'what number is it on the trending list', "what's X's number
# down the page", 'which number does X have on the profile', 'X is number what on the list'. The listing is said after
# it, so a section's, a table's or a PDF page's number ('what number is that section') is not read.
_NUMBER_ASKED = r"\b(?:what|which)(?:'s|\s+is)?\s+(?:number|no\.|#)(?=(?:\s+(?:is|was|does|did|has)\b)?(?:\s+(?!" \
                r"(?:sections?|subsections?|tables?|figures?|equations?|chapters?|pages?|of)\b)[\w'.:-]+){0,12}?\s+" \
                rf"{ANCHOR})|\bnumber\s+what\b(?=\s+{ANCHOR})|" \
                rf"\b(?:what|which)(?:'s|\s+is)\s+(?:its|their|[\w.-]+'s)\s+number(?=\s+{ANCHOR})"


# A place noun said of the paper with the listing after it: "TokMem's position on the Amii page", 'the spot of X in
# the feed'. ('the place of publication' says no listing.)
_PLACE_OF = r"(?:'s|\bthe|\bits|\btheir)\s+(?:position|place|spot|slot|rank|entry\s+number)\b(?=(?:\s+of)?" \
            rf"(?:\s+[\w'.:-]+){{0,8}}?\s+{ANCHOR})"
_WHERE_VERB = r"\b(?:sits?|sitting|sat|fall|falls|appears?|comes?|shows?\s+up|lands?)\b"


def place_asked(q: Question) -> Field | None:
    """'What position is TokMem on the Amii page?', 'how far down the trending list is SMORE?', 'at which place is X
    listed?': a named paper's place in its page's printed order. Its words are taken; the page's name is left."""
    if not listing_said(q.original):  # the page's name may be taken already: the question as asked says the listing
        return None
    asked = q.take(r"\b(?:in\s+|at\s+)?(?:what|which)\s+(?:position|place|rank|spot|slot|entry\s+number|number(?=\s+"
                   rf"(?:on|in|down)\s+{GAP}{{0,4}}?{LIST}))\b|\bhow\s+(?:far|high|low)\s+(?:down|up)\b|"
                   r"\bhow\s+(?:far|high|low)(?=\s+(?:on|in)\b)")
    if not asked and re.search(_NUMBER_ASKED, q.original, re.I):  # the listing's words may be taken from q.text
        asked = q.take(r"\b(?:what|which)(?:'s|\s+is)?\s+(?:(?:its|their|[\w.-]*'s)\s+)?(?:number|no\.|#)|\bnumber\s+what\b")
        asked = asked or q.take(r"\b(?:what|which)(?:'s|\s+is)\s+(?=\s*'s\s+number\b)|'s\s+number\b")  # 'X's number'
    if not asked and re.search(_PLACE_OF, q.original, re.I):  # "TokMem's position on the Amii page"
        asked = q.take(r"(?:\b(?:what|which)(?:'s|\s+is)\s+)?(?:'s|\bthe|\bits|\btheir)\s+(?:position|place|spot|slot|"
                       r"rank|entry\s+number)(?:\s+of)?\b")
    if not asked and re.search(r"\bwhere\b", q.text, re.I) and re.search(_WHERE_VERB, q.text, re.I):
        asked = q.take(r"\bwhere\b") + q.take(_WHERE_VERB)  # 'where does X sit on the page', 'where in the list is X'
    if not asked and re.search(rf"\bwhere\s+(?:in|on|down)\s+{GAP}{{0,4}}?{LIST}", q.original, re.I):
        asked = q.take(r"\bwhere\b")
    return BY_NAME["position"] if asked else None


def place_elsewhere(badge: Field | None, conditions: list[Condition]) -> bool:
    """A place asked on a named page that does not list the paper ("TokMem's position on the trending list", TokMem an
    Amii entry): the planner has dropped the page conditions the paper meets, so any left name another page. Its
    place is looked up with them (rag/catalog_order.py's place_elsewhere), not checked as 'is it on that page'."""
    return badge is not None and badge.name == "position" and bool(conditions) and \
        all(c.field == "page" and not c.value.startswith("not ") for c in conditions)


def pair_asked(question: str, q: Question, named: Paper, pair: Condition, papers: list[Paper]) -> Paper | None:
    """'Is A listed before B on the Amii page?': of two papers compared by a page's order, the one asked about (said
    first) when the question asks yes or no; None for 'which comes first, A or B'. `named` is the paper read first
    (its title span taken first), the other is the pair's second."""
    if not re.match(r"\W*(?:is|was|are|were|does|did|do|has|had)\b", question, re.I):
        return None
    spans = [s for s in q.spans if s[2] == "title"]
    other = next((p for p in papers if p.paper_id in pair.value.split("|") and p is not named), None)
    if len(spans) < 2 or other is None:
        return None
    return named if spans[-2][0] < spans[-1][0] else other
