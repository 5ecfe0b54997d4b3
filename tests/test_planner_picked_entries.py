"""Entries picked on a listing page and what is asked of them, in phrasings made up for this file (builder B, round
33): two pages pooled into one scope ('counting both Amii's page and Courville's list', rag/plan_pooled.py) while
'papers on both pages' still asks for each; a section left out by 'skip' ('skipping the workshop paper',
rag/plan_scope.py); the entry's own text asked whether it prints a link ('second from the top — does its blurb give
any link?', rag/plan_place_ranges.py), never read as a filter on the page before the place is counted. Expected
answers are read from the parsed pages here; content questions with the same words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog_links import printed_links
from rag.catalog_query import answer_from_catalog
from rag.planner import plan
from test_planner_kinds import catalog, papers, rows  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures
from test_planner_order import listed

_PAGES = ("Amii", "Courville")


def _with_authors(papers, n: int) -> set[str]:
    """The papers on Amii's page or Courville's page whose printed byline has exactly `n` names (no 'et al.')."""
    return {p.title for page in _PAGES for p in listed(papers, page)
            if len(p.authors) == n and not p.authors_truncated}


@pytest.mark.parametrize("question, n", [
    ("across both the Amii page and Courville's profile, which entries have exactly five authors?", 5),
    ("Counting both Courville's list and Amii's page: which papers have exactly two authors?", 2),
    ("Amii's page and Courville's page both taken together: which entries have exactly three authors", 3),
    ("which papers have exactly 2 authors, pooling both Amii's page and Courville's page?", 2),
    ("over both amii's page and courville's profile, which papers are by exactly 3 people", 3),
    ("Taking both Amii's page and Courville's page (as one list), which papers have six authors?", 6),
])
def test_two_pages_pooled_into_one_scope(question, n, papers, catalog):
    want = _with_authors(papers, n)
    assert want and set(rows(question, catalog)) == want


def test_a_pooled_count_says_the_number(papers):
    question = "Counting both Amii's page and Courville's list: how many papers have a complete byline of exactly two names?"
    got = answer_from_catalog(question, question, papers)
    assert got is not None and got.answer.startswith(f"{len(_with_authors(papers, 2))} papers match")


def test_papers_on_both_pages_still_asks_for_each(catalog):
    the_plan = plan("which papers appear on both Amii's page and Courville's page?", catalog)
    assert the_plan is not None and sum(c.field == "page" for c in the_plan.conditions) == 2


def _not_workshop(p) -> bool:
    return "workshop" not in (p.section or "").casefold()


@pytest.mark.parametrize("question, pick", [
    ("On the Amii page (skipping workshop papers), which is the first with exactly 5 authors?",
     lambda e: [p for p in e if len(p.authors) == 5][:1]),
    ("how many Amii papers have exactly six authors, skip the workshop ones",
     lambda e: [p for p in e if len(p.authors) == 6]),
    ("Amii accepted papers (skip the workshop one) that have exactly 6 authors - which is listed first?",
     lambda e: [p for p in e if len(p.authors) == 6][:1]),
    ("skipping the workshop paper, which Amii paper has the most authors?",
     lambda e: [max(e, key=lambda p: len(p.authors))]),
    ("amii page, skiping the workshop one: the last entry?", lambda e: e[-1:]),
    ("Amii page papers with exactly 3 authors, skip the workshop section: which one is listed last?",
     lambda e: [p for p in e if len(p.authors) == 3][-1:]),
])
def test_a_section_skipped_is_left_out(question, pick, papers, catalog):
    kept = listed(papers, "Amii", _not_workshop)
    assert len(kept) < len(listed(papers, "Amii"))
    assert set(rows(question, catalog)) == {p.title for p in pick(kept)}


@pytest.mark.parametrize("question, page, at", [
    ("second paper from the top on trending - which, and does its blurb give any link?", "trending", 1),
    ("the 5th entry on the trending list: title, and does its abstract give a link?", "trending", 4),
    ("what's third on Courville's page, and does its abstract print any URL?", "Courville", 2),
    ("trending page, 10th paper — does its summary contain a link?", "trending", 9),
    ("On Amii's page, the 1st entry: does it give a link?", "Amii", 0),
    ("the twentieth entry on the trending feed, what is it and does its description include any link", "trending", 19),
])
def test_a_link_asked_of_the_entry_at_a_place_is_not_a_filter(question, page, at, papers, catalog):
    entry = listed(papers, page)[at]
    assert rows(question, catalog) == [entry.title]
    said = answer_from_catalog(question, question, papers).answer
    assert ("prints no link" in said) == (not printed_links(entry)), said


@pytest.mark.parametrize("question", [
    "across both the transformer and the diffusion papers, what attention mechanism do they use?",
    "can I skip the warmup phase in the TokMem training?",
    "which steps does Cactus skip during decoding?",
    "the 3rd paper on the trending page: does its abstract mention transformers?",
    "counting both the encoder and decoder layers, how many parameters does DPR have?",
    "pooling both datasets together, what accuracy does SPECTER reach?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None
