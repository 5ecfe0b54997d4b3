"""One byline less another (issue 11): 'who's on TokMem but not on Cactus, where in the byline, and is that person
Amii-marked?', 'which authors of X are not authors of Y', "X's authors missing from Y".

Both papers are named (by title or short name, rag/plan_values.title); the difference is said with a negation between
them, and the paper said first — the one 'on' which the people are — is the one whose byline is kept. People are the
same when their printed names are (rag/records.normalize_title: case and accents folded). The answer says, for each
person, their place on the kept byline and their own marks (rag/catalog_authors); what else may be asked of them is
only their place ('where in the byline') and their mark ('is that person Amii-marked'): any other word left means the
question is not this one."""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_authors import marks_of_text, position_text
from rag.plan_describe import which
from rag.plan_headings import HeadingAsk
from rag.plan_terms import Question
from rag.plan_values import conditions as named_conditions, title
from rag.records import Paper, normalize_title

_ON = r"(?:(?:(?:co-?)?authors?\s+(?:of|on)|on|in|of|from|among)\s+(?:the\s+)?(?:authors\s+of\s+|byline\s+of\s+)?)?"
_NOUN = r"(?:\s+(?:byline|author\s+list|authors|paper|entry|one))?"
_NOT = r"(?:but|and|yet|while)?\s*(?:(?:is|are|was|were)(?:n't|\s+not)|not|never)\s+(?:(?:also|listed|named|printed)\s+)?"
# '<A> but not <B>', 'authors of <A> who are not on <B>', "<A>'s authors missing from <B>", 'not on <B> but on <A>'
_DIFFERENCE = [
    rf"{_ON}«A»\s*(?:'s)?{_NOUN}\s*,?\s*{_NOT}{_ON}«B»{_NOUN}",
    rf"«A»\s*(?:'s)?\s+(?:co-?)?(?:authors|names|people)\s+(?:who\s+are\s+|that\s+are\s+)?(?:missing|absent|left\s+out)\s+from\s+"
    rf"(?:the\s+)?«B»{_NOUN}",
    rf"(?:not|n't)\s+{_ON}«B»{_NOUN}\s*,?\s*but\s+(?:(?:is|are)\s+)?(?:only\s+)?{_ON}«A»{_NOUN}",
]
# What may be asked of the people besides who they are: their place and their mark.
_ASKED = [r"\bwhere\s+(?:in|on)\s+(?:the|its|that|their)\s+(?:byline|author\s+list|list)\b",
          r"\b(?:what|which)\s+(?:position|place|spot|number)\b", r"\bposition\b",
          r"\b(?:is|are|was|were)\s+(?:that|this|the|each)?\s*(?:person|one|author|people|ones|they|he|she)\b",
          r"\b(?:marked|starred|asterisked|flagged|affiliated)\b", r"\b(?:share|sharing|shares)\b", r"\bwho(?:'s)?\b"]


def byline_difference(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The people on one named paper's byline and not on another's, with their place and marks; None otherwise."""
    if not rx.search(r"\bnot\b|n't\b|\bmissing\b|\babsent\b|\bleft\s+out\b", question, re.I):
        return None
    q = Question(question)
    named: list[tuple[Paper, list[tuple[int, int]]]] = []
    for _ in range(2):
        before = q.text
        paper = title(q, catalog)
        if paper is None:
            break
        named.append((paper, [(m.start(), m.end()) for m in rx.finditer(r" +", q.text) if before[m.start():m.end()].strip()]))
    if len(named) == 1:  # the paper less is described, not titled: 'not on the Semantic Scholar literature graph paper'
        return _less_described(q, named, catalog)
    if len(named) < 2 or named[0][0] is named[1][0]:
        return None
    marked = _marked(q.text, named)
    for pattern in _DIFFERENCE:
        for a, b in ((0, 1), (1, 0)):
            said = pattern.replace("«A»", f"«{a}»").replace("«B»", f"«{b}»")
            if m := rx.search(said, marked, re.I):
                return _answer(q, marked, m, named[a][0], named[b][0], catalog)
    return None


def _less_described(q: Question, named: list[tuple[Paper, list[tuple[int, int]]]], catalog: Catalog) -> HeadingAsk | None:
    """The titled paper's byline less a paper the question describes at its end (rag/plan_describe.which), when the
    description names one paper for sure."""
    marked = _marked(q.text, named)
    for pattern in _DIFFERENCE[:2]:  # the forms that say the paper less last
        said = pattern.replace("«A»", "«0»").replace("«B»", r"(?P<described>[^«»?.!,;]+?)") + r"\s*[?.!]*\s*$"
        if m := rx.search(said, marked, re.I):
            less, _ = which(m.group("described").split(), catalog.papers)
            if less is None or less is named[0][0]:
                return None
            return _answer(q, marked, m, named[0][0], less, catalog)
    return None


def _marked(text: str, named: list[tuple[Paper, list[tuple[int, int]]]]) -> str:
    """The question with each occurrence of a named paper written «0» or «1»."""
    spans = sorted((start, end, i) for i, (_, found) in enumerate(named) for start, end in found)
    out, at = [], 0
    for start, end, i in spans:
        out += [text[at:start], f" «{i}» "]  # the run of blanks took the spaces around the name
        at = end
    return "".join(out + [text[at:]])


def _answer(q: Question, marked: str, m: re.Match, kept: Paper, less: Paper, catalog: Catalog) -> HeadingAsk | None:
    rest = Question(marked[:m.start()] + " " + marked[m.end():])
    rest.take(r"«\d»")  # the papers said again ('Cactus and TokMem share authors')
    named_conditions(rest, catalog)  # the page they are on ('on the Amii page')
    for pattern in _ASKED:
        rest.take(pattern)
    if rest.residual() or kept.authors_truncated or less.authors_truncated:
        return None  # another word asks something else; a list cut with 'et al.' hides who else is on it
    others = {normalize_title(a.name) for a in less.authors}
    people = [a.name for a in kept.authors if normalize_title(a.name) not in others]
    if not people:
        return HeadingAsk(f"Everyone on {kept.title} is also on {less.title}.", [kept, less])
    text = f"On {kept.title} but not on {less.title}: {', '.join(people)} — {position_text(kept, people)}; " \
           f"{marks_of_text(kept, people)}."
    return HeadingAsk(text, [kept, less])
