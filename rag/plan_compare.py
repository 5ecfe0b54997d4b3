"""Two papers named in one question, and a named paper described again beside its name.

- 'Which is the older PDF: LayoutParser or SPECTER?', 'Did TokMem come out before Nano3D?', 'which of A and B has
  more authors?': the two papers are the set, and the comparative word is a sort over it (by date, or by the
  length of the author list) — the answer is the first row, cited, with its date.
- 'Who wrote Cactus, the speculative sampling paper on the Amii list?': the words between the comma and 'paper'
  restate what the title says; when every one of them is in the paper's own title or abstract they are frame,
  not a topic (a topic the paper does not hold leaves them, and the question goes to retrieval).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.catalog import Catalog, short_name
from rag.plan_describe import description, resolve
from rag.plan_terms import Condition, Question
from rag.plan_values import title
from rag.question_words import stems
from rag.records import Paper

_OLDER = r"older|oldest|earlier|earliest|sooner|first|before|predat(?:e|es|ed|ing)|precede[sd]?"
_NEWER = r"newer|newest|later|latest|more\s+recent(?:ly)?|most\s+recent(?:ly)?|younger|last|after|postdat(?:e|es|ed)"
_MORE = r"more|most|longer|longest|larger|largest|bigger|biggest"
_FEWER = r"fewer|fewest|less|least|shorter|shortest|smaller|smallest"


@dataclass
class Pair:
    condition: Condition  # the two papers
    op: str  # 'first' or 'last' of the sort
    key: str  # 'date' or 'authors'


def pair(q: Question, catalog: Catalog, named: Paper) -> Pair | None:
    """The comparison between `named` (already cut from `q`) and a second title in `q`; None when the question
    names no second paper or says no comparative (nothing is cut then)."""
    authors = rx.search(rf"\b(?:(?P<more>{_MORE})|(?P<fewer>{_FEWER}))\s+(?:co-?)?authors?\b|"
                        rf"\b(?:(?P<long>longer|longest)|(?P<short>shorter|shortest))\s+(?:author\s+list|byline)\b",
                        q.text, re.I)
    dated = rx.search(rf"\b(?:(?P<old>{_OLDER})|(?P<new>{_NEWER}))\b", q.text, re.I)
    if authors is None and dated is None:
        return None
    other = title(q, catalog) or _described(q, catalog)
    if other is None or other is named:
        return None
    ids = {named.paper_id, other.paper_id}
    names = " or ".join(short_name(p.title) or p.title for p in (named, other))
    condition = Condition("title", "|".join(sorted(ids)), f"paper: {names}", lambda p: p.paper_id in ids)
    if authors is not None:
        q.blank(authors.start(), authors.end())
        return Pair(condition, "last" if authors["more"] or authors["long"] else "first", "authors")
    q.blank(dated.start(), dated.end())
    return Pair(condition, "first" if dated["old"] else "last", "date")


def _described(q: Question, catalog: Catalog) -> Paper | None:
    """The second paper named by what it is about ('SPECTER or the literature graph paper'), when one paper is
    clearly meant; else nothing is cut."""
    saved = q.text, list(q.spans)
    words = description(q)
    found = resolve(words, catalog.papers).paper if words else None
    if found is None:
        q.text, q.spans = saved
    return found


_APPOSITION = re.compile(r"^\s*(?:'s)?\s*(?:,|\(|--|—|–)\s*(?:i\.e\.,?\s*)?(?:the|a|an|that|this)\s+"
                         r"((?:[^\s,;:?!()]+\s+){0,5}?)(?:paper|preprint|article|work|pdf|one|entry)\b\)?", re.I)


def apposition(q: Question, named: Paper) -> None:
    """Blank 'the speculative sampling paper' said right after the title that names `named`, when the paper's own
    title and abstract hold every content word of it: it restates which paper, and asks nothing. The noun right
    after a title is the title's too ('the Cactus paper')."""
    spans = [(a, b) for a, b, kind in q.spans if kind == "title"]
    if not spans:
        return
    end = spans[-1][1]
    if noun := rx.match(r"\s+(?:paper|preprint|article|pdf|entry)\b", q.text[end:], re.I):  # 'the Cactus paper'
        q.blank(end, end + noun.end())
        end += noun.end()
    m = _APPOSITION.match(q.text[end:])
    if m is None:
        return
    words = Question(m.group(1)).residual()
    own = set(stems(f"{named.title} {named.abstract}"))
    if words and all(set(stems(w)) <= own for w in words):
        q.blank(end + m.start(), end + m.end())
