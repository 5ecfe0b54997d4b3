"""A topic said as the kind of entry sought down a page: 'the first state space model paper going down the trending
page', 'the last diffusion entry on Courville's list', 'the 2nd GFlowNet title from the top'. A page's order picks an
entry of the page, and what the page prints of an entry to tell its topic is its title: the topic is read as the
title's words (rag/plan_title_topics.py reads the same with 'by title' said). Read only with a place on a listing said
(an ordinal before the words, a listing in the question) and only for words some title prints as a phrase but fewer
than a third of the titles do ('learning' names no topic); the place word is left for rag/plan_order.py.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_order_words import NTH, listing_said
from rag.plan_terms import FRAME, Condition, Question
from rag.plan_title_text import TitleText
from rag.plan_title_topics import condition

_PLACE = rf"\b(?:very\s+)?(?:first|last|final|top|bottom|{NTH})\s+"
_NOUN = r"(?:papers?|entry|entries|titles?|ones?|preprints?|articles?)\b"


def ordered_topic(q: Question, titles: list[str]) -> list[Condition]:
    """The topic between a place word and the entry's noun, as a title condition (its words taken); [] otherwise."""
    if not listing_said(q.original):
        return []
    for m in rx.finditer(rf"{_PLACE}(?P<topic>(?:[^\W\d_][\w-]*\s+){{1,4}}?){_NOUN}", q.text, re.I):
        words = m["topic"].split()
        if any(w.casefold() in FRAME or w.casefold().endswith("'s") for w in words):
            continue  # 'the first of the papers', "the last Courville's entry": no topic
        test = TitleText.of([" ".join(words)], spread=True)
        printing = sum(1 for t in titles if test(t))
        if not printing or printing * 3 > len(titles):
            continue
        q.blank(m.start("topic"), m.end("topic"))
        return [condition(test, [" ".join(words)], False)]
    return []
