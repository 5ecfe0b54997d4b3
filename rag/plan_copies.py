"""Entries whose abstract is another entry's (a listing page's copy-paste defect), and entries printing the same
complete author list as a named one, asked about as a property of papers.

A page editor who duplicates an entry and forgets its abstract leaves two entries printing the same text; ingestion
keeps the first and points the copy at it (rag/parsing/duplicates.py: `abstract_duplicate_of`). Those links make
groups of entries printing one text (Catalog.abstract_groups, built once per snapshot), and a question asks:
- which entries share their abstract with another ('how many entries carry a copied blurb'): a condition;
- which entry X's abstract is shared with ('which other entry has exactly the same summary as X'), or which entry a
  selected one was copied from ('the workshop paper's blurb is copied from another paper: which one?'): the
  selected entries and their twins, so the answer shows both sides of each copy; 'which OTHER entry' leaves the
  named or selected ones out.
The same twins are read for an author list named beside its paper ('the same author line as X'); the many-paper form
('which papers have the exact same author list') is a grouping (rag/plan_aggregates.same_list).
"""

from __future__ import annotations

import re

from rag.catalog import Catalog
from rag.plan_aggregates import is_paper
from rag.plan_describe import which
from rag.plan_terms import Condition, Question
from rag.records import Paper

_TEXT = r"(?:abstracts?|summar(?:y|ies)|blurbs?|descriptions?|synops(?:is|es))(?:\s+texts?)?"
_COPY = r"(?:copied|copy|copies|duplicated?|duplicates|repeated|repeats?|reused|reuses?|pasted|shared|identical)"
_HOW = r"(?:(?:exactly|precisely|literally|just)\s+)?(?:word[- ]for[- ]word|verbatim|character[- ]for[- ]character|" \
       r"exactly|in\s+full)"
_OTHER = r"(?:(?:some|any|an|one|the)\s+)?(?:other|another)\s+(?:entry|entries|papers?|ones?|items?|listings?)|" \
         r"(?:each\s+other|one\s+another)"
# One phrase says the defect: 'the same abstract', 'a copied blurb', 'share their summary', 'its abstract is copied
# (from X)', 'abstracts that are identical'. Each needs the text's noun and a word of copying or sameness.
_SAID = (rf"\b(?:(?:the|a|an|its|their|whose)\s+)?(?:(?:exact(?:ly)?|very|identical|word[- ]for[- ]word)\s+)?"
         rf"(?:same|identical|{_COPY}|matching)\s+{_TEXT}\b",
         rf"\b(?:the|its|their|whose|an?)\s+{_TEXT}\s+(?:(?:printed|shown)\s+)?(?:is|was|are|were|seems?\s+to\s+be|looks?|"
         rf"appears?\s+to\s+be|has\s+been|have\s+been|got)\s+(?:an?\s+)?(?:{_HOW}\s+)?(?:{_COPY}|the\s+same|"
         rf"copy|duplicate)\b",
         rf"\b(?:share|shares|sharing|repeats?|repeating|reuses?|reusing|copies|copy|copying|duplicates?|duplicating|"
         rf"carry|carries|carrying|has|have|print|prints|printing)\s+(?:(?:its|their|an?|the)\s+)?"
         rf"(?:(?:exact(?:ly)?|very)\s+)?(?:same\s+)?{_TEXT}\b(?=.*\b(?:other|another|same|copied|each|one\s+another|"
         rf"word[- ]for[- ]word|verbatim)\b)",
         rf"\b{_TEXT}\s+(?:that\s+|which\s+)?(?:is\s+|are\s+|was\s+|were\s+)?(?:{_COPY}|the\s+same)\b")
# Words around the phrase that add nothing: 'word for word', 'with some other entry', 'from another paper on the same
# page', 'as each other'; and the reader's reason for asking ('doesn't match its title').
_AROUND = (rf"\b{_HOW}\b", rf"\b(?:with|from|as|to|of)\s+(?:{_OTHER})\b",
           r"\b(?:does\s*n[o']?t|does\s+not|do\s*n[o']?t|do\s+not)\s+(?:seem\s+to\s+|appear\s+to\s+)?(?:match|fit|belong\s+to)"
           r"\s+(?:its|their|the)\s+(?:own\s+)?titles?\b",
           r"\b(?:on|of)\s+(?:the\s+)?same\s+(?:page|list(?:ing)?)\b",
           rf"\b(?:the\s+)?{_TEXT}\s+(?:printed|shown|given)\s+(?:under|below|beneath|with|for)\b")
# The twins are asked for, not only the entries that have one: 'which other entry', 'copied from which paper'.
_TWINS = re.compile(r"\bwhich\s+(?:other|one)\b|\b(?:from|with|as)\s+(?:which|what)\b|\bwhich\s+(?:entry|paper|item|"
                    r"listing)\b.*\b(?:other|another|same\s+as)\b|\bsame\s+as\b|\b(?:another|other)\b.*\bwhich\b",
                    re.I)


# 'the same author line as X', 'an identical byline to X': anchored on a paper (the 'as'/'to' before it).
_SAME_LIST = re.compile(r"\b(?:the\s+|an?\s+)?(?:exact(?:ly)?\s+|very\s+)?(?:same|identical)\s+(?:author\s+(?:lists?|lines?)|"
                        r"lists?\s+of\s+authors|bylines?|authors|set\s+of\s+authors)\s+(?:as|to)\b", re.I)
_NOUNS = re.compile(r"abstract|summar|blurb|descript|synops|same|identical", re.I)
_OTHERS = re.compile(r"\b(?:other|another|else)\b", re.I)


def copied(q: Question) -> str | None:
    """'abstract' when the question asks about entries printing another entry's abstract, 'authors' when it asks for
    the entries printing the same author list as a paper; None otherwise. The phrase is taken."""
    if not _NOUNS.search(q.text):  # one cheap test first: most questions name no abstract and no author list
        return None
    if m := _SAME_LIST.search(q.text):
        q.blank(m.start(), m.end())
        return "authors"
    if not any(q.take(pattern) for pattern in _SAID):
        return None
    for pattern in _AROUND:
        q.take(pattern)
    return "abstract"


def _prints_abstract(paper: Paper) -> bool:
    """Whether the page prints the entry's abstract: its own text, or another entry's it was pointed at."""
    return bool(paper.abstract or paper.abstract_duplicate_of)


def shared(groups: dict[str, str]) -> Condition:
    """'Entries whose abstract another entry prints too': both the original and its copies."""
    return Condition("abstract", "shared", "abstract: the same text as another entry's",
                     lambda p: p.paper_id in groups, known_test=_prints_abstract)


def twins(question: str, selected: list[Paper], groups: dict[str, str], named: bool,
          what: str = "abstract") -> Condition | None:
    """The selected entries with every entry printing the same text, when the question asks which the others are
    ('which other entry has the same abstract as X', `named`: a paper named by its title); None when it asks only
    which entries have a twin."""
    if not named and not _TWINS.search(question):
        return None
    leave_out = {p.paper_id for p in selected} if _OTHERS.search(question) else set()  # 'which OTHER entry'
    if len(selected) > 1:  # 'which other entry' of several: only the ones that have a twin are asked about
        selected = [p for p in selected if p.paper_id in groups]
    keys = {groups[p.paper_id] for p in selected if p.paper_id in groups}
    titles = ", ".join(p.title for p in selected) or "the papers asked about"
    known = _prints_abstract if what == "abstract" else (lambda p: bool(p.authors) and not p.authors_truncated)
    return Condition(what, "same as " + " | ".join(sorted(keys)), f"{what.replace('_', ' ')}: the same "
                     f"{'text ' if what == 'abstract' else ''}as {titles}", lambda p: groups.get(p.paper_id, "") in keys and p.paper_id not in leave_out,
                     known_test=known)


def copied_plan(q: Question, conditions: list[Condition], target: Paper | None, described: list[str], catalog: Catalog,
                count: bool, question: str, kind: str = "abstract") -> dict | None:
    """A rag.planner.Plan's arguments for a question about copied abstracts (`kind` 'abstract'): the entries counted or
    listed ('how many entries share their abstract'), or with their twins when it asks which the others are ('which
    entry has the same summary as X'); for `kind` 'authors', the entries printing the same author list as the paper
    named or `described` (its description's words, rag.plan_describe.description: 'as the 3D Gaussian splatting
    paper'); None when words other than frame are left."""
    if described:
        target, _ = which(described, catalog.papers)
    if q.residual() or described and target is None:
        return None
    groups = catalog.abstract_groups if kind == "abstract" else catalog.list_groups
    if kind == "authors":  # only asked beside a paper: its twins
        return {"op": "list", "conditions": [twins(question, [target], groups, True, "author_list")]} \
            if target is not None else None
    named = [is_paper(target)] if target is not None else []
    if count:
        return {"op": "count", "conditions": conditions + named + [shared(groups)]}
    selected = [p for p in catalog.papers if all(c(p) for c in conditions + named)]
    if (others := twins(question, selected, groups, target is not None)) is not None:
        return {"op": "list", "conditions": [others]}
    return {"op": "list", "conditions": conditions + named + [shared(groups)]}
