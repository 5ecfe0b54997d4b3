"""A paper named twice in one breath: a description said right before the title that names it ('the KL-estimator
paper ('A Comedy of Estimators')', 'the BEAM memory paper (Beyond a Million Tokens)'), and a description whose
modifiers are joined by '+' ('the private + fair + balanced data synthesis paper').

The description restates which paper the title names and asks nothing, so it is blanked when the paper's own title
and abstract hold every one of its words (as rag/plan_compare.apposition asks of a description said after a title);
a word the paper's text does not hold ('the retracted paper (X)') is left for the residual test to see.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question
from rag.question_words import stems
from rag.records import Paper

_NOUN = r"(?:paper|preprint|article|pdf|entry|work|study|one)"  # 'the algorithmic reasoning one (Teaching …)
# 'the KL-estimator paper (' / 'on the BEAM long-term memory paper, ' right before the title's span; at the question's
# head no article is needed ('GAFlowNets paper (Generative Augmented Flow Networks): who ...').
_BEFORE = re.compile(rf"(?:\b(?:the|that|this)\s+|^\W*)((?:[^\s?!,;:()]+\s+){{0,6}}?[^\s?!,;:()]+)\s+{_NOUN}\s*(?:[(\[,—–-]\s*)?"
                     r"['\"‘’“”]?\s*$", re.I)


def aside(q: Question, named: Paper) -> None:
    """Blank a description said right before the title span that names `named` (and the brackets or quotes around
    the title), when the paper's own text holds every content word of it."""
    spans = [(a, b) for a, b, kind in q.spans if kind == "title"]
    if not spans:
        return
    start, end = spans[0]
    m = _BEFORE.search(q.text, max(0, q.text.rfind(" the ", 0, start), q.text.rfind(" this ", 0, start),
                                   q.text.rfind(" that ", 0, start)), start)  # from the nearest article only
    if m is None:
        return
    words = Question(m.group(1)).residual()
    if len(words) != len(m.group(1).split()):
        return  # a frame word inside ('the lead author of the X paper'): not a run of modifiers before the noun
    own = set(stems(f"{named.title} {named.abstract}"))
    if words and all(set(stems(w)) <= own for w in words):
        q.blank(m.start(), m.end())
        if close := rx.match(r"\s*['\"‘’“”]?\s*[)\]]", q.text[end:]):
            q.blank(end, end + close.end())


def plus_joined(q: Question) -> None:
    """'the private + fair + balanced tabular data synthesis paper': a '+' between a description's modifiers joins
    them as 'and' would, not two asked fields (rag/plan_fields.py splits a question's parts at '+')."""
    for m in rx.finditer(rf"\b(?:the|that|this)\s+(?:[\w'-]+\s+\+\s+)+[\w'-]+(?:\s+[\w'-]+){{0,4}}\s+{_NOUN}\b", q.text,
                         re.I):
        for plus in rx.finditer(r"\+", m.group(0)):
            q.blank(m.start() + plus.start(), m.start() + plus.end())
