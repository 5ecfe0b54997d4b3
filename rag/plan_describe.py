"""A paper named by what it is about instead of by its title: 'when was the paper about long-term memory
posted?', 'how many authors does the BEAM long-term memory paper have?'.

The description is the span between 'the' and 'paper' ('the BEAM long-term memory paper') or after 'the
paper about / on / that / introducing …'. It is resolved against the catalog's own text — each paper's
title and abstract — by idf-weighted overlap of rough stems (rag/question_words.py), titles counting
double. A paper is taken only when it holds most of the description and clearly beats the next one
(`MARGIN`); when two come close the planner asks which one is meant instead of guessing, and when none
holds enough the question is not a catalog question at all.

What the rest of the question asks must still be frame only (rag/planner.py checks): 'what does the
memory paper propose?' names no field, so it stays a content question.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from rag.plan_terms import NUMBER_WORDS, Question
from rag.question_words import stems
from rag.records import Paper

_NOUN = r"(?:paper|preprint|article|work|study|pdf|publication|entry|page)"
_LINK = r"(?:about|on|regarding|concerning|that|which|introducing|proposing|presenting|describing|titled|called|named|" \
        r"where|with|for)"
# Where a description after 'the paper about …' ends: a verb of the metadata relation or a new clause.
_STOP = r"(?:posted|published|released|appeared|appear|came|come|dated|written|authored|filed|listed|carry|carries|" \
        r"have|has|had|get|got|was|were|is|are|go|went|submitted|uploaded|first|by|from|in\s+(?:which|what))"
_JOINING = {"and", "or", "of", "for", "with", "via"}
_BEFORE = re.compile(rf"\b(?:the|that|this)\s+((?:[^\s?!,;:]+\s+){{0,6}}?[^\s?!,;:]+)\s+{_NOUN}\b", re.I)
_AFTER = re.compile(rf"\b(?:the|that|this)\s+{_NOUN}\s+{_LINK}\s+(.+?)(?=\s+{_STOP}\b|\s*[?!,;]|\s*\.(?!\w)|\s*$)",
                    re.I)

# Set by reasoning, not fitted on any question set: most of the description's weight must be found, and a title that
# holds it outranks an abstract that merely mentions it (rank = share + half the share found in the title).
SHARE = 0.6  # the best paper holds at least this share of the description's idf weight
MARGIN = 1.5  # and ranks this many times above the next paper


@dataclass
class Resolved:
    words: list[str]  # the description's own words
    paper: Paper | None = None  # the one paper meant, when sure
    candidates: list[Paper] = field(default_factory=list)  # when unsure: the papers to ask about


def description(q: Question) -> list[str]:
    """The description's words, cut from the question (blanked), or [] when the question describes no paper.
    Before the noun only modifiers count: 'the authors cited in the quantile flows paper' describes by 'quantile
    flows', not by 'authors cited in'."""
    for pattern in (_AFTER, _BEFORE):
        for start in (m.start() for m in re.finditer(r"\b(?:the|that|this)\s", q.text, re.I)):
            m = pattern.match(q.text, start)
            if m is None:
                continue
            words = Question(m.group(1)).residual()
            inside = re.findall(r"[^\W_][\w'-]*", m.group(1))
            # A joining word between two modifiers is the description's own ('the fast and meta knowledge learners
            # paper'), never at either end ('the authors and the paper').
            inside = [w for i, w in enumerate(inside) if not (0 < i < len(inside) - 1 and w.casefold() in _JOINING)]
            words = [w for w in words if w.casefold() not in _JOINING]
            if pattern is _BEFORE and len(words) != len([w for w in inside if not w.isdigit()
                                                         and w.casefold() not in NUMBER_WORDS]):
                continue  # a frame word before the noun ('in', 'the', 'authors'): not a run of modifiers
            if words:
                q.blank(m.start(), m.end(), kind="title")
                return words
    return []


def resolve(words: list[str], papers: list[Paper]) -> Resolved:
    index = _index(papers)
    wanted = stems(" ".join(words))
    if not wanted:
        return Resolved(words)
    n = len(papers)
    idf = {w: math.log(1 + n / (1 + len(index.holders.get(w, ())))) for w in wanted}
    total = sum(idf.values())
    share: dict[int, float] = {}
    rank: dict[int, float] = {}
    for w in wanted:
        for i in index.holders.get(w, ()):
            share[i] = share.get(i, 0.0) + idf[w] / total
            rank[i] = rank.get(i, 0.0) + idf[w] / total * (1.5 if w in index.title_stems[i] else 1.0)
    ranked = sorted(rank, key=lambda i: -rank[i])
    if not ranked or share[ranked[0]] < SHARE / 2:
        return Resolved(words)
    top = ranked[0]
    second = rank[ranked[1]] if len(ranked) > 1 else 0.0
    if share[top] >= SHARE and rank[top] >= MARGIN * second:
        return Resolved(words, paper=papers[top])
    return Resolved(words, candidates=[papers[i] for i in ranked[:3] if rank[i] * MARGIN >= rank[top]])


@dataclass
class _Index:
    holders: dict[str, set[int]]  # stem -> papers whose title or abstract holds it
    title_stems: list[frozenset[str]]


_CACHE: dict[int, tuple[list[Paper], _Index]] = {}  # one entry: the snapshot in use


def _index(papers: list[Paper]) -> _Index:
    held = _CACHE.get(0)
    if held is not None and held[0] is papers:
        return held[1]
    holders: dict[str, set[int]] = {}
    titles = []
    for i, paper in enumerate(papers):
        title = stems(paper.title) | _initialisms(paper.title)
        titles.append(title)
        for w in title | stems(paper.abstract or ""):
            holders.setdefault(w, set()).add(i)
    index = _Index(holders, titles)
    _CACHE[0] = (papers, index)
    return index


def _initialisms(title: str) -> frozenset[str]:
    """'Dense Passage Retrieval for Open-Domain QA' -> {'dpr', 'od', ...}: the initials of each run of three or more
    capitalised words (hyphenated parts count), so 'the DPR paper' finds the paper that never prints 'DPR'."""
    out = set()
    for run in re.findall(r"(?:\b[A-Z][\w]*(?:-[A-Z][\w]*)*\s*){2,}", title):
        letters = "".join(part[0] for part in re.findall(r"[A-Z][\w]*", run)).casefold()
        out.update(letters[i:j] for i in range(len(letters)) for j in range(i + 3, len(letters) + 1))
    return frozenset(out)
