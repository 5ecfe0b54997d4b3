"""A run of places on a page (rag/plan_place_ranges.py), in phrasings made up for this file: 'entries 30 to 33', 'spots
76-80', 'the 12th through 15th', '#5 to #8', a window of the page's head the question then selects from ('first ten
entries: which of those …'), and a field asked of the one entry at a place ('the 30th … does it have code?'), which is
no filter. Each expected answer is read from the parsed pages' own positions, without the planner; content questions
with the same words (layers, sections, results 2 to 4) stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog import Catalog
from rag.catalog_links import printed_links
from rag.catalog_query import answer_from_catalog
from test_planner_kinds import catalog, papers, rows  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures
from test_planner_order import listed


def linked(p) -> bool:
    return any(link.place == "abstract" for link in printed_links(p))


def between(papers, page: str, low: int, high: int, test=lambda p: True) -> list[str]:
    """The titles at places `low` to `high` (1-based) of one page, in its printed order."""
    return [p.title for p in listed(papers, page)[low - 1:high] if test(p)]


@pytest.mark.parametrize("question, page, low, high", [
    ("what are entries 30 to 33 on the trending page?", "trending", 30, 33),
    ("trending feed, spots 76-80?", "trending", 76, 80),
    ("list the 12th through 15th papers on Courville's profile", "Courville", 12, 15),
    ("show me #5 to #8 on the amii page plz", "Amii", 5, 8),
    ("On the trending page, counting down from the top, which papers sit at positions 41 thru 44, in the order shown?",
     "trending", 41, 44),
    ("Courville profile: items 3 till 6", "Courville", 3, 6),
])
def test_a_run_of_places_lists_the_entries_there(question, page, low, high, catalog, papers):
    expected = between(papers, page, low, high)
    assert len(expected) == high - low + 1
    assert sorted(rows(question, catalog)) == sorted(expected)


@pytest.mark.parametrize("question", [
    "how many of entries 30 to 40 on the trending page print a link in the abstract?",
    "trending list positions 30-40: how many give a link in their abstract?",
])
def test_a_run_of_places_composes_with_a_condition(question, catalog, papers):
    expected = between(papers, "trending", 30, 40, linked)
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and answer.answer.startswith(f"{len(expected)} ")


@pytest.mark.parametrize("question", [
    "trending page, first ten entries: which of those print a link in the abstract?",
    "the top 10 entries of the trending list - which of them give a link in the abstract?",
    "first 10 papers on the trending feed; among those, which abstracts have a link",
])
def test_a_window_of_the_page_head_is_the_set_asked_about(question, catalog, papers):
    expected = between(papers, "trending", 1, 10, linked)
    assert 0 < len(expected) < 10
    assert sorted(rows(question, catalog)) == sorted(expected)


@pytest.mark.parametrize("question", [
    "the 30th paper on courville's list: does it have code?",
    "whats the 30th entry on Courville's profile, when was it posted, and is there code for it?",
    "30th on Aaron Courville's page - title and date, and has it got a code badge?",
])
def test_a_field_asked_of_the_entry_at_a_place_is_no_filter(question, catalog, papers):
    thirtieth = between(papers, "Courville", 30, 30)
    coded = [p for p in listed(papers, "Courville") if p.has_code]
    assert len(coded) < 30  # read as a filter, the 30th Code entry does not exist
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and thirtieth[0] in answer.answer and "Code badge" in answer.answer


@pytest.mark.parametrize("question", [
    "what do layers 2 to 4 of the DPR encoder learn?",
    "in sections 3 to 5 of the SPECTER paper, which baselines are compared?",
    "what do entries 30 to 33 of the DPR results table show?",
    "which of the first ten retrieved passages in the list does DPR rank correctly?",
    "does it have code for the 30th experiment on the list of ablations?",
])
def test_content_questions_with_places_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question", [
    "on the amii page, who is the first author of the paper listed right before Cactus?",
    "amii post: the entry directly above Cactus — who's its lead author?",
    "Amii's page: whats listed just before Cactus and who is first author on it",
])
def test_a_first_author_asked_of_a_placed_entry_is_no_date_sort(question, papers):
    before = listed(papers, "Amii")
    cactus = next(i for i, p in enumerate(before) if p.title.startswith("Cactus"))
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and before[cactus - 1].title in answer.answer
    assert before[cactus - 1].authors[0].name in answer.answer


@pytest.mark.parametrize("question, page, low", [
    ("trending page, from #70 to the end: which of those print a link in the abstract?", "trending", 70),
    ("entries 75 onwards on the trending list - which give a link in the abstract?", "trending", 75),
    ("Courville's profile from the 40th entry down to the bottom: which print a link in the abstract?", "Courville", 40),
])
def test_a_run_open_at_the_page_end_holds_every_entry_from_its_start(question, page, low, catalog, papers):
    tail = listed(papers, page)[low - 1:]
    expected = [p.title for p in tail if linked(p)]
    assert 0 < len(expected) < len(tail)  # the condition picks some of the run, not all or none
    assert sorted(rows(question, catalog)) == sorted(expected)


@pytest.mark.parametrize("question", [
    "from #41 to the end of the list, what does the paper on world models propose?",
    "read from the first section to the end: what does SPECTER conclude about citations?",
])
def test_a_run_to_the_end_in_a_content_question_stays_content(question, papers):
    assert answer_from_catalog(question, question, papers) is None
