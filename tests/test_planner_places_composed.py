"""Places on a page composed with what is asked of the entry there, in phrasings made up for this file: a section of an
institute's page named by the page's possessive ("Amii's accepted section": the page, entries counted within the
section, rag/plan_org_values.py); a section before a yes/no clause is where the entries are counted, not a value
checked (rag/plan_place_check.py); 'who leads it' asks the first author (rag/plan_entry_asks.py); a neighbour of a
paper named by a description with its title in brackets (rag/plan_relations.py), with fields asked of that neighbour
(rag/planner.py); the reader's way down a page said with an object or an adverb ('counting titles from the top', 'the
page downwards', 'reading X's list top-down', rag/plan_order_words.py). Expected answers are read from the parsed pages.
Content questions with the same words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog_query import answer_from_catalog
from test_planner_kinds import catalog, papers  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures
from test_planner_order import listed
from test_planner_place_asks import answer


def accepted(papers) -> list:
    return listed(papers, "Amii", lambda p: p.section == "accepted")


@pytest.mark.parametrize("question, nth", [
    ("in Amii's 'Accepted Papers' section, what's the 11th paper?", 11),
    ("the 4th paper in Amii's accepted section", 4),
    ("Amii's main accepted-papers section: which is the 9th entry?", 9),
    ("whats the 2nd entry in amii's Accepted Papers section", 2),
    ("In Amii's section of accepted papers, counting from the top, which paper is 13th?", 13),
])
def test_an_institutes_section_is_its_page_counted_within(question, nth, papers):
    expected = accepted(papers)[nth - 1]
    assert expected.title in answer(question, papers).split(" • ")[0]


@pytest.mark.parametrize("question, nth, end", [
    ("the 11th paper in the Accepted Papers section of the Amii page - is its first author starred?", 11, 0),
    ("in Amii's accepted section, the 6th paper: is its last author Amii-marked?", 6, -1),
    ("3rd paper in the accepted section of the Amii page; is its lead author starred?", 3, 0),
])
def test_a_section_before_a_yes_no_clause_is_where_entries_are_counted(question, nth, end, papers):
    entry = accepted(papers)[nth - 1]
    got = answer(question, papers)
    assert not got.startswith(("Yes", "No")), got  # the section is not the value checked
    assert entry.title in got and entry.authors[end].name in got


def test_a_section_asked_yes_or_no_is_still_checked(papers):
    last = listed(papers, "Amii")[-1]
    got = answer(f"is the {len(listed(papers, 'Amii'))}th entry on the Amii page in the workshop section?", papers)
    assert got.startswith("Yes" if last.section == "workshop" else "No") and last.title in got


@pytest.mark.parametrize("question, nth", [
    ("what's the 23rd entry on Courville's list? title + who leads it", 23),
    ("Courville's page, 5th paper: who leads it?", 5),
    ("the 12th entry on Courville's page - title, and who's the lead?", 12),
    ("third entry of Amii's page: title + who is leading it", 3),
    ("on courville's profile the 40th paper, who leads that one", 40),
])
def test_who_leads_it_asks_the_first_author(question, nth, papers):
    page = "Courville" if "ourville" in question else "trending" if "trending" in question else "Amii"
    entry = listed(papers, page)[nth - 1]
    got = answer(question, papers)
    assert entry.title in got and f"first author of {entry.title} is {entry.authors[0].name}" in got.replace(
        "The first", "first")


@pytest.mark.parametrize("question, step, fields", [
    ("courville's list: what comes right after the in-context algorithmic reasoning paper (Teaching Algorithmic "
     "Reasoning via In-context Learning)? category + lab tag", 1, ("category", "organisation")),
    ("on Courville's page, the entry just before Teaching Algorithmic Reasoning via In-context Learning - date and "
     "category?", -1, ("category",)),
    ("Courville's profile: which paper sits directly below the algorithmic reasoning one (Teaching Algorithmic "
     "Reasoning via In-context Learning)?", 1, ()),
    ("what's listed right above the in-context learning paper (Teaching Algorithmic Reasoning via In-context Learning) "
     "on Courville's page?", -1, ()),
])
def test_a_neighbour_of_a_paper_described_then_titled_in_brackets(question, step, fields, papers):
    entries = listed(papers, "Courville")
    at = next(i for i, p in enumerate(entries) if p.title.startswith("Teaching Algorithmic Reasoning"))
    neighbour = entries[at + step]
    got = answer(question, papers)
    assert got.split(". ")[0].startswith("1 paper matches") and neighbour.title in got
    if "category" in fields:
        assert neighbour.category in got
    if "organisation" in fields:
        assert neighbour.organisation in got


@pytest.mark.parametrize("question, page, nth", [
    ("trending papers page, counting titles from the top: what's number 45?", "trending", 45),
    ("on the trending page counting entries from the top, number 12 is what", "trending", 12),
    ("reading Courville's list top-down, which is the 7th entry?", "Courville", 7),
    ("Courville's profile, read from the top down: the 30th paper?", "Courville", 30),
    ("amii page, counting the papers from the top - what is number 8?", "Amii", 8),
])
def test_the_way_down_said_with_an_object_or_an_adverb(question, page, nth, papers):
    assert listed(papers, page)[nth - 1].title in answer(question, papers)


@pytest.mark.parametrize("question, page, word", [
    ("top of the trending page downwards: first title with 'Language' in it?", "trending", "Language"),
    ("amii page downwards: first paper with 'Reward' in the title", "Amii", "Reward"),
    ("going through Courville's list top-down, the first title containing 'Diffusion'?", "Courville", "Diffusion"),
])
def test_first_title_with_a_word_going_down(question, page, word, papers):
    first = next(p for p in listed(papers, page) if word.casefold() in p.title.casefold())
    assert first.title in answer(question, papers)


@pytest.mark.parametrize("question", [
    "in Amii's accepted section, which papers explain how reward shaping works?",
    "counting from the top of the trending page, what does the 3rd paper claim about language grounding?",
    "what does the paper right after Teaching Algorithmic Reasoning via In-context Learning on Courville's list find "
    "about graphene?",
    "who leads the research on in-context learning?",
    "reading the trending list top-down, what methods do the papers use?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None
