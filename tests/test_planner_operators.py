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


DISTRIBUTIONS = "Distributions as Actions: A Unified Framework for Diverse Action Spaces"
ADMISSIBLE = "Learning Admissible Heuristics for A*: Theory and Practice"
ALIGNING = "Aligning Visual Structural Compositionality in Humans & Vision Language Models"
TOKEN_REWARD = "Token Hidden Reward: Steering Exploration-Exploitation in Group Relative Deep Reinforcement Learning"
CACTUS = "Cactus: Accelerating Auto-Regressive Decoding with Constrained Acceptance Speculative Sampling"
CASCADED = "Cascaded Video Generation for Videos In-the-Wild"


@pytest.mark.parametrize(("question", "first"), [
    # 'first' / 'last' with no date word, of a set that prints no date: the page's order (had been a date sort:
    # 'no paper with a printed date matches')
    ("amii papers: which is the first one whose title has a colon?", DISTRIBUTIONS),
    ("of the Amii workshop papers, which one is last?", ALIGNING),
    ("which is the last amii paper with exactly two authors?", ADMISSIBLE),
    ("the first Amii entry with 'Learning' in the title?", TOKEN_REWARD),
    ("amii accepted papers - the last one with a colon in its title?", ADMISSIBLE),
    # going down the entries themselves ('going down Amii's accepted papers'), not a page's noun
    ("going down amii's papers, which is the first with exactly two authors?", CACTUS),
    ("scrolling down Courville's entries, the first in CV?", CASCADED),
    ("which amii paper's byline doesn't have a single asterisk, going down the page which is last?", NANO),
])
def test_first_or_last_without_a_date_is_the_page_order(question: str, first: str, catalog: Catalog) -> None:
    assert titles(question, catalog)[:1] == [first], question


@pytest.mark.parametrize(("question", "expected"), [
    # the byline itself said to carry the mark or not ('whose author line has no asterisk' had left the 'no' unread)
    ("amii accepted papers whose author line has no asterisk", NONE_MARKED),
    ("amii entries with no asterisk anywhere in the author list, how many?", NONE_MARKED),
    ("which amii paper's byline doesn't have any asterisk?", NONE_MARKED),
    ("Amii papers whose list of authors is free of Amii stars", NONE_MARKED),
])
def test_the_byline_said_to_carry_the_mark_or_not(question: str, expected: set[str], catalog: Catalog) -> None:
    assert set(titles(question, catalog)) == expected, question


@pytest.mark.parametrize(("question", "count"), [
    # a half of a page's printed order as a run of places (had been left: 'half' unread)
    ("in the second half of the trending page, which papers have a project page?", 7),
    ("how many of Courville's entries in the lower half of his profile are tagged mila?", 5),
    ("the top half of the amii post: which entries have every author starred?", 1),
    ("trending list, first half only (#1-#41): how many blurbs give a github.com repo?", 4),
])
def test_a_half_of_the_page(question: str, count: int, catalog: Catalog) -> None:
    assert len(titles(question, catalog)) == count, question


def test_a_half_of_a_year_is_a_date_not_a_place(catalog: Catalog) -> None:
    the_plan = plan("which courville papers were posted in the second half of a year?", catalog)
    assert the_plan is not None and not any(c.field == "position" for c in the_plan.conditions)


def test_one_standing_for_an_author(catalog: Catalog) -> None:
    """'the last one' after an author noun is the last author (had been read as the last paper listed)."""
    assert set(titles("courville profile: which papers have three authors with Courville as the last one?", catalog)) == {
        CASCADED, "Managing multiple agents by automatically adjusting incentives",
        "Meta-Value Learning: a General Framework for Learning with Learning Awareness"}
    for question in ("amii page - papers with 6 names and Martha White as the last one?",
                     "Amii entries w/ four authors with Lili Mou as the final one"):
        the_plan = plan(question, catalog)
        assert the_plan is not None and the_plan.op == "list", question
        assert any(c.label.startswith(("last author", "final author")) for c in the_plan.conditions), question


@pytest.mark.parametrize("question", [
    "which is the first paper on the trending list to report results on the second half of the benchmark?",
    "in the Cactus paper, which is the last one of the draft tokens to be accepted?",
    "what did the authors of TokMem find in the first half of their experiments?",
    "does the byline of the DPR paper have no asterisk because nobody contributed equally?",
])
def test_content_with_order_words_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize(("question", "count"), [
    # an inclusion of the set's own members lacking a field: no filter (had been read as ONLY those lacking it: 2)
    ("How many Courville entries are from June (any year), counting the ones without a year too?", 8),
    ("courville page: june entries, including the ones with no year printed - how many?", 8),
    ("how many of courville's june postings are there? include those that don't show a year as well", 8),
])
def test_an_inclusion_of_members_lacking_a_field_is_no_filter(question: str, count: int, catalog: Catalog) -> None:
    assert len(titles(question, catalog)) == count, question


def test_any_link_with_its_kinds_as_examples(catalog: Catalog) -> None:
    """'any web link at all (github, project site, whatever)': the kinds are examples of any link (had been read as
    both kinds at once: 1 of 4)."""
    expected = titles("which of the first 10 trending entries have a link in the abstract?", catalog)
    assert len(expected) == 4
    for question in ("trending page, first ten: which blurbs give any web link (github, project site, whatever)?",
                     "of the first 10 trending papers, which abstracts have any online link at all (code, website, etc.)?"):
        assert titles(question, catalog) == expected, question


@pytest.mark.parametrize(("question", "said", "unsaid"), [
    # a VALUE of the listed field set aside: the other addresses (the ones named had been listed)
    ("which pdfs print email addresses, but not counting e-mails at allenai.org?", "not under allenai.org", "armanc@"),
    ("which of my PDFs give an e-mail that isn't at allenai.org?", "not under allenai.org", "armanc@"),
    ("which pdfs have an email address other than washington.edu ones?", "not under washington.edu", "@cs.washington.edu"),
    ("which PDFs don't print an email at allenai.org?", "no address under allenai.org", "LayoutParser"),
])
def test_an_excluded_domain_of_the_listed_addresses(question: str, said: str, unsaid: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and said in answer.answer and unsaid not in answer.answer.split(". •")[0], question


@pytest.mark.parametrize(("question", "count"), [
    # a window of the page said before the selection: the selection made inside it (had been a date sort: 'no paper
    # with a printed date', or the first ten of the selection)
    ("of the first 10 trending papers, which abstracts have any link?", 4),
    ("among the last five amii papers, how many have a colon in the title?", 3),
])
def test_a_window_said_before_the_selection(question: str, count: int, catalog: Catalog) -> None:
    assert len(titles(question, catalog)) == count, question


SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
LIT_GRAPH = "Construction of the Literature Graph in Semantic Scholar"


@pytest.mark.parametrize(("question", "said"), [
    # a pattern over a heading's printed number (had been dropped: every PDF's first subsection listed)
    ("which pdfs have a subsection numbered N.4?", [SPECTER, "§2.4 Selecting Negative Distractors",
                                                           "§3.4 Recommendation", LIT_GRAPH, "§4.4 Entity Linking Models"]),
    ("any of my PDFs with a subsection that ends in .5 ?", [SPECTER, "§2.5 Inference"]),
    ("which pdfs have subsections numbered x.2, and what are they called", [SPECTER, "§3.2 Citation Prediction",
                                                                          LIT_GRAPH, "§2.2 Edge Types"]),
])
def test_subsections_by_the_tail_of_their_number(question: str, said: list[str], catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and all(s in answer.answer for s in said), question
    assert "13.3.4" not in answer.answer  # a third-level heading is no subsection


@pytest.mark.parametrize("question", [
    "what does subsection 2.4 of SPECTER say about negative distractors?",
    "which pdfs report a result ending in .4 in their subsection on recommendation?",
])
def test_content_naming_a_subsection_number_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
