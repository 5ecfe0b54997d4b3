"""A printed mark as the object of any verb over the PDFs (issue 11): 'how many PDFs flag an equal-contribution
footnote', 'which papers bear an arXiv stamp'. The registry's presence reader (rag/catalog_fields.presence) needs a
verb of showing it knows ('have', 'print', 'show'); here the verb may be any word, because what follows it is a thing a
page prints (a footnote, note, mark, stamp or badge) with an article, said of the set ('PDFs … <verb> a …'). Where
it is printed ('among the authors', 'on the first page') is taken with it.

A topic is never such an object ('papers that discuss code' names no printed thing), and a verb of what a text says
('discuss', 'describe') asks content: both stay with retrieval.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_fields import FIELDS
from rag.plan_heading_frame import CONTENT  # the verbs of what a text says: 'discuss', 'describe', 'propose'
from rag.plan_terms import Condition, Question

_SET = r"\b(?:pdfs|papers|files|documents|entries)\b(?:\s+(?:in|of|from)\s+(?:the|my)\s+\w+)?"
_PRINTED = r"(?:footnotes?|notes?|marks?|stamps?|badges?)"
_WHERE = r"(?:\s+(?:among|beside|next\s+to|under|on|by)\s+(?:the\s+|their\s+|its\s+)?(?:authors?|author\s+(?:list|line)|" \
         r"names|first\s+page|title\s+page))?"


def printed_object(q: Question) -> list[Condition]:
    """The fields said as a printed thing after '<the PDFs> <any verb> a/an/any', taken from q (the set noun kept)."""
    found = []
    if not rx.search(rf"\b{_PRINTED}\b", q.text, re.I):  # one test before one search per field (most questions)
        return found
    for f in (f for f in FIELDS if f.filter):
        m = rx.search(rf"(?P<said>\b(?:that\s+|which\s+)?(?P<verb>[a-z]+)\s+(?:an?|any|the|some)\s+"
                      rf"(?P<object>(?:{f.words})(?:[\s-]+{_PRINTED})?){_WHERE})(?![\w-])", q.text, re.I)
        # said of the set: the words before the verb, as asked (another reader may have taken them), end on 'PDFs …'
        if m and rx.search(rf"{_SET}\s*$", q.folded[:m.start("said")], re.I) and \
                rx.search(rf"\b{_PRINTED}$", m.group("object"), re.I) and not CONTENT.fullmatch(m.group("verb")) \
                and not rx.fullmatch(r"with|without|no|not|lack|lacking|sans", m.group("verb")):  # a preposition or negation
            q.blank(m.start("said"), m.end("said"))
            found.append(Condition(f.name, f.name, f"has: {f.label}", f.has, known_test=f.printed))
    return found
