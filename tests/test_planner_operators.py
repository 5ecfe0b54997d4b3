"""Operators read on the field they are said of, or the question left (issue 11): a negated quantifier ('not a single',
'not one', 'without a single', 'no … at all') is NONE on every countable field (rag/plan_none_said.py); a negation no
reader took makes the planner leave the question rather than answer it without the negation
(rag/plan_unread_negation.py).

Every question was written for this file (none is from a dataset) and none was answered right before its change; each
combines the operator with other fields or places than the dev questions do. The content questions use the same words
about what papers say and must stay with retrieval. Seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog, titles  # noqa: F401 (the seed pages and PDFs, parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog
from rag.planner import plan
from rag.plan_none_said import none_said

CAUSAL = "Learning Nonlinear Causal Reductions to Explain Reinforcement Learning Policies"
VISUAL = "Beyond Visual Reconstruction Quality: Object Perception-aware 3D Gaussian Splatting for Autonomous Driving"
NANO = "Nano3D: A Training-Free Approach for Efficient 3D Editing Without Masks"
NONE_MARKED = {CAUSAL, VISUAL, NANO}


@pytest.mark.parametrize(("question", "expected"), [
    # 'a single' and 'one' had been read as the number 1 and the 'not' lost: exactly one marked author
    ("Amii papers with a colon in the title and not one starred author", {VISUAL, NANO}),
    ("which amii entries don't have a single amii-starred author?", NONE_MARKED),
    ("amii page: papers without a single Amii-affiliated author", NONE_MARKED),
    ("how many Amii accepted papers have not even one asterisked author?", NONE_MARKED),
    ("ICLR papers on the Amii post with not a single author marked Amii, and a colon in the title", {VISUAL, NANO}),
    ("amii papers with not a single athor marked as Amii", NONE_MARKED),
])
def test_a_negated_quantifier_on_marked_authors_is_none(question: str, expected: set[str], catalog: Catalog) -> None:
    assert set(titles(question, catalog)) == expected, question


ALL_MARKED = {"Distributions as Actions: A Unified Framework for Diverse Action Spaces",
              "Cactus: Accelerating Auto-Regressive Decoding with Constrained Acceptance Speculative Sampling",
              "TokMem: One-Token Procedural Memory for Large Language Models",
              "Learning Admissible Heuristics for A*: Theory and Practice"}


@pytest.mark.parametrize(("question", "expected"), [
    # the mark named by its institute ('marked (as) Amii'): the name had been read again as an Amii-author condition
    # ('no author marked Amii': no paper) or the quantifier dropped ('every author marked as Amii': any Amii author)
    ("Amii papers where every author is marked as Amii", ALL_MARKED),
    ("amii post: entries with each author marked Amii", ALL_MARKED),
    ("which amii papers have nobody marked Amii?", NONE_MARKED),
])
def test_the_mark_named_by_its_institute(question: str, expected: set[str], catalog: Catalog) -> None:
    assert set(titles(question, catalog)) == expected, question


@pytest.mark.parametrize(("question", "same_as"), [
    # the same NONE on the links a blurb prints ('not one' had been read as one link, the negation lost)
    ("how many trending entries have not one github link?", "how many trending entries have no github link?"),
    ("how many trending papers have not one link in their blurb?", "how many trending papers have no link in their blurb?"),
    # tags, scores and e-mails were read right already ('not' before a field the negation reader takes): kept so
    ("courville entries with not a single lab tag - how many?", "how many courville entries have no tag?"),
    ("which papers on courville's profile don't show a single score?", "which papers on courville's profile show no score?"),
    ("which PDFs print not a single e-mail?", "which PDFs print no e-mail address?"),
])
def test_a_negated_quantifier_is_none_on_every_countable_field(question: str, same_as: str, catalog: Catalog) -> None:
    expected = titles(same_as, catalog)
    assert expected and titles(question, catalog) == expected, question


@pytest.mark.parametrize(("question", "first"), [
    ("top to bottom on the amii page, the first paper where nobody at all is starred", CAUSAL),
    ("amii accepted papers without a single Amii author - going down the page, which is last?", NANO),
])
def test_a_negated_quantifier_under_the_page_order(question: str, first: str, catalog: Catalog) -> None:
    assert titles(question, catalog)[:1] == [first], question


@pytest.mark.parametrize(("said", "kept"), [
    # 'single' joined to its noun is a size, 'not one of' a pronoun: neither is a quantifier
    ("which Amii paper is not a single-author paper?", "which Amii paper is not a single-author paper?"),
    ("is TokMem not one of the workshop papers?", "is TokMem not one of the workshop papers?"),
    ("papers with not one but two starred authors", "papers with not one but two starred authors"),
    ("amii papers without any starred author at all", "amii papers without any starred author"),
])
def test_only_the_quantifier_is_said_again(said: str, kept: str) -> None:
    assert none_said(said) == kept


@pytest.mark.parametrize("question", [
    # a negation no reader takes: left, not answered without it
    "Which Amii papers have no starred name?",
    "amii page: which entries have no starred names at all?",
    "amii list - papers where the first author is starred but not everybody else on the byline is",
])
def test_an_unread_negation_leaves_the_question(question: str, catalog: Catalog) -> None:
    assert plan(question, catalog) is None, question


@pytest.mark.parametrize("question", [
    "which experiments in TokMem have not a single failure?",
    "does the DPR paper report not one error at all?",
    "which trending papers have not a single citation of prior work?",
    "In the Cactus paper, is there not one draft token that is rejected?",
    "which of the SPECTER baselines has not one score above 80?",
])
def test_content_with_these_words_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
