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


@pytest.mark.parametrize("question, first, second", [
    ("On the trending list, what's between 'Option-aware Temporally Abstracted Value...' and 'WebPilot'?",
     "Option-aware Temporally", "WebPilot"),
    ("trending page: which entry sits between 'SMORE: Score Models…' and 'Option-aware Temporally'?", "SMORE",
     "Option-aware Temporally"),
    ("what comes between 'A Hierarchical Bayesian Model...' and 'ARNOLD' on the trending feed?",
     "A Hierarchical Bayesian", "ARNOLD"),
])
def test_between_two_titles_quoted_cut_short(question, first, second, papers):
    entries = listed(papers, "trending")
    at = sorted(next(i for i, p in enumerate(entries) if p.title.startswith(t)) for t in (first, second))
    inside = entries[at[0] + 1:at[1]]
    got = answer(question, papers)
    assert all(p.title in got for p in inside) and got.startswith(f"{len(inside)} paper")


@pytest.mark.parametrize("question, low, high, page", [
    ("trending feed, positions 69 to 83 (the tail end): which have a Code badge?", 69, 83, "trending"),
    ("courville's list, entries 1 to 5 (the head of the list): which are from 2026?", 1, 5, "Courville"),
    ("entries 10 to 12 (the top end) of the Amii page, who is last author on each?", 10, 12, "Amii"),
])
def test_a_run_of_places_with_its_place_said_again_in_a_bracket(question, low, high, page, papers):
    got = answer(question, papers)
    assert f"place: entries {low} to {high}" in got


def test_a_concessive_connective_asks_nothing(papers):
    amii = listed(papers, "Amii")
    first = next(p for p in amii if p.authors and not p.authors[0].affiliation and any(a.affiliation for a in p.authors))
    got = answer("going down the amii list, the first paper whose first author isn't starred but which nonetheless has "
                 "a starred author?", papers)
    assert first.title in got.split(" • ")[0] and "Taking" not in got


def separated(papers, up: bool, n: int):
    """The Amii entry printed just above (or below) the page's n-th 'Learn more' line."""
    entries = listed(papers, "Amii")
    lines = [i for i, p in enumerate(entries) if (a := p.printed.get("after")) and "learn more" in a.text.casefold()]
    return entries[lines[n - 1] + (0 if up else 1)]


@pytest.mark.parametrize("question, up, n", [
    ("Amii ICLR post: which paper sits right above the third 'Learn more about the researchers' link, and who wrote it?",
     True, 3),
    ("on the Amii page, which paper comes right before the second 'Learn more' link?", True, 2),
    ("the paper immediately after the first Learn more link on the Amii page", False, 1),
    ("amii page: the entry just below the 2nd 'Learn more' line - who is its first author?", False, 2),
    ("whats directly above the 1st learn more link on amii's post", True, 1),
])
def test_the_entry_beside_the_nth_separator_line(question, up, n, papers):
    entry = separated(papers, up, n)
    got = answer(question, papers)
    assert got.startswith("1 paper matches") and entry.title in got
    if "who" in question:
        assert entry.authors[0].name in got


@pytest.mark.parametrize("question, group", [
    ("which papers come after the second Learn more link on the Amii page?", 3),
    ("amii post: the first group of papers, before the first learn more link", 1),
])
def test_the_papers_before_or_after_a_separator_stay_its_group(question, group, papers):
    assert f"group {group}" in answer(question, papers)


@pytest.mark.parametrize("question", [
    "what do the researchers behind the third 'Learn more' link study?",
    "which method is described right above the third Learn more link on the Amii page?",
])
def test_content_beside_a_separator_stays_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question, page, n", [
    ("the top ten on the trending page?", "trending", 10),
    ("the first ten on the trending page?", "trending", 10),
    ("the top 10 of the trending page", "trending", 10),
    ("the first five on Courville's list", "Courville", 5),
])
def test_a_head_of_a_page_asked_with_no_asking_word(question, page, n, papers):
    got = answer(question, papers)
    assert all(p.title in got for p in listed(papers, page)[:n])
    assert listed(papers, page)[n].title not in got
