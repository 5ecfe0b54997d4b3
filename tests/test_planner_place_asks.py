"""What is asked of places on a page and of titles, in phrasings made up for this file: a named paper's place with its
title quoted (one word misspelt) — "where's 'X' on the list? what number?" (rag/plan_place.py, rag/plan_title_typos.py);
the group of entries between two printed separators ('between the 1st and 2nd "Learn more" links', 'after the third
one', rag/plan_sections.py); a byline end's mark asked of a placed entry, not a filter (rag/plan_place_ranges.py);
kinds of link said again after 'no link at all' (rag/plan_link_gloss.py); the count a page claims of itself set against
the entries it lists (rag/plan_claimed_count.py); a title's length in characters said as an aside ('(most
characters)', rag/catalog_fields.py); 'a title that's about X'. Expected answers are read from the parsed pages here.
Content questions with the same words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog_query import answer_from_catalog
from test_planner_kinds import catalog, papers, rows  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures
from test_planner_order import listed
from test_planner_place_ranges import linked


def answer(question: str, papers) -> str:
    got = answer_from_catalog(question, question, papers)
    assert got is not None, question
    return got.answer


@pytest.mark.parametrize("question, title, page", [
    ("where's 'contrastive preference learning' on the trending list? what number?", "Contrastive Prefence", "trending"),
    ("where is 'Dichotomy of Contrl' on the trending list?", "Dichotomy of Control", "trending"),
    ("where's SMORE on the trending page, what position?", "SMORE", "trending"),
    ("Where's 'Adaptive Computaton Pruning' on courville's list - which number is it?", "Adaptive Computation", "Courville"),
    ("where is 'Distribution as Actions' on the Amii page?", "Distributions as Actions", "Amii"),
])
def test_a_named_papers_place_asked_with_where(question, title, page, papers):
    entries = listed(papers, page)
    place = next(i for i, p in enumerate(entries, start=1) if p.title.startswith(title))
    assert f"entry {place} on" in answer(question, papers)


def groups(papers) -> list[list[str]]:
    """The Amii page's entries cut into groups after each entry its page follows with a 'Learn more' line."""
    cut: list[list[str]] = [[]]
    for p in listed(papers, "Amii"):
        cut[-1].append(p.title)
        after = p.printed.get("after")
        if after is not None and "learn more" in after.text.casefold():
            cut.append([])
    return cut


@pytest.mark.parametrize("question, n", [
    ("amii page: the entries between the 1st and 2nd 'Learn more about the researchers' links?", 2),
    ("on Amii's post, which papers sit between the second and third 'Learn more' links", 3),
    ("Amii page, the 2nd block (between the first and second Learn more links) - list them", 2),
    ("The Amii post has three 'Learn more' links. Which papers come after the third one?", 4),
    ("amii iclr page: papers following the first 'learn more about the researchers' link up to the second one", 2),
])
def test_the_group_between_printed_separators(question, n, catalog, papers):
    expected = groups(papers)[n - 1]
    assert expected and sorted(rows(question, catalog)) == sorted(expected)


@pytest.mark.parametrize("question, index, end", [
    ("what's the 5th paper on the amii page, and is its first author starred?", 5, 0),
    ("Amii page, 2nd entry: is its lead author Amii-affiliated?", 2, 0),
    ("the 7th paper listed on Amii's page - is the first author marked?", 7, 0),
    ("on the amii post, the 3rd entry; is its last author starred?", 3, -1),
])
def test_a_byline_ends_mark_asked_of_a_placed_entry_is_no_filter(question, index, end, papers):
    entry = listed(papers, "Amii")[index - 1]
    person = entry.authors[end]
    said = answer(question, papers)
    assert entry.title in said and person.name in said
    assert ("marks *" in said) == ("*" in person.marks)


@pytest.mark.parametrize("question", [
    "trending page, first ten entries: which of those abstracts give no link at all (no code, no project page)?",
    "which trending abstracts have no links - no github, no website?",
    "trending entries with no URL whatsoever (no code repo or project page)",
    "how many trending abstracts have no link at all - no code, no demo?",
])
def test_kinds_of_link_said_again_after_no_link_at_all(question, papers):
    window = 10 if "first ten" in question else None
    expected = [p for p in listed(papers, "trending")[:window] if not linked(p)]
    assert answer(question, papers).startswith(f"{len(expected)} ")


@pytest.mark.parametrize("question", [
    "Courville's header claims 210 papers - how many are actually listed on the page I saved?",
    "Aaron Courville's page header says there are 210 papers; how many are really on the page?",
    "courvilles profile claims 210 papers. count the entries actually listed",
    "Courville's banner reads 210 publications, but how many entries are on the profile I downloaded?",
])
def test_the_count_a_page_claims_is_set_against_its_entries(question, papers):
    assert answer(question, papers).startswith(f"{len(listed(papers, 'Courville'))} ")


@pytest.mark.parametrize("question, page, longest", [
    ("longest title (most characters) on the Amii page?", "Amii", True),
    ("shortest title on the trending page (fewest letters)?", "trending", False),
    ("which trending title is the longest, counting characters?", "trending", True),
    ("the Amii page's shortest title by number of characters", "Amii", False),
])
def test_a_titles_length_in_characters_said_as_an_aside(question, page, longest, papers):
    lengths = [len(p.title) for p in listed(papers, page)]
    best = max(lengths) if longest else min(lengths)
    assert f"(title (characters): {best})" in answer(question, papers)


@pytest.mark.parametrize("question, word", [
    ("amii's iclr list, top to bottom: first title that's about memory?", "Memory"),
    ("going down the trending page, the first title that's about diffusion?", "Diffusion"),
])
def test_a_title_thats_about_a_word(question, word, papers):
    first = next(p for p in listed(papers, "Amii" if "amii" in question else "trending") if word.casefold() in
                 p.title.casefold())
    assert first.title in answer(question, papers)


@pytest.mark.parametrize("question", [
    "where's the contrastive loss on the trending list of DPR's tables?",
    "between the 1st and 2nd training runs, which learning rate did DPR use?",
    "is its lead author's method better than the 5th baseline on the list?",
    "the header claims 210 FPS - how many frames are actually processed on the page of results?",
    "which decoder has no code at all (no weights, no project page) in the LayoutParser paper?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question, page, word, nth", [
    ("the very first diffusion paper on courville's profile?", "Courville", "Diffusion", 1),
    ("last GFlowNet entry on Courville's list", "Courville", "GFlowNet", -1),
    ("2nd state space model title from the top of the trending page", "trending", "State Space Model", 2),
    ("whats the last offline paper down the trending list?", "trending", "Offline", -1),
    ("going down the trending feed, the first state-space model paper is which one?", "trending", "State Space Model", 1),
])
def test_a_topic_said_as_the_entry_sought_down_a_page(question, page, word, nth, papers):
    import re
    said = re.compile(r"\W+".join(word.split()) + r"s?\b", re.I)
    matching = [p for p in listed(papers, page) if said.search(p.title.replace("-", " "))]
    assert len(matching) >= abs(nth)
    assert matching[nth - 1 if nth > 0 else nth].title in answer(question, papers)


@pytest.mark.parametrize("question", [
    "what does the first diffusion paper on the trending list propose?",
    "which is the best state space model paper on the trending list?",
    "the first offline RL method on the list of baselines in DPR: how does it work?",
])
def test_a_topic_down_a_page_asked_as_content_stays_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None
