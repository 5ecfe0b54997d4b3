"""A listing entry's fields composed in one question, in phrasings made up for this file: the fields asked of the
selected entries as a clause of their own ('… ? category + date?', 'give the date of each', '- which, and what
scores?', rag/plan_entry_asks.py), a number bounded after it ('a score of 85 or more', rag/plan_numbers.py), a field's
participle as a modifier ('the scored entries'), two badges joined under one verb ('both a score and the Code
badge', rag/plan_presence.py) and a month spelled out as a modifier ('his october postings', rag/plan_dates.py).
Each expected answer is read from the parsed pages without the planner; content questions with the same words
stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog_query import answer_from_catalog
from test_planner_kinds import catalog, papers, rows  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures
from test_planner_order import listed


def at(papers, page: str, place: int):
    return listed(papers, page)[place - 1]


def answer(question: str, papers) -> str:
    found = answer_from_catalog(question, question, papers)
    assert found is not None, question
    return found.answer


@pytest.mark.parametrize("question, place", [
    ("the 44th entry on Courville's profile - category + date?", 44),
    ("whats the 22nd paper on courville's list?? category & score", 22),
    ("Aaron Courville's page, 12th entry: give me its score and whether it has a Code badge", 12),
    ("On Courville's profile, counting from the top, which paper is 39th; what are its category, date and code?", 39),
    ("courville list #45 -- date, category?", 45),
])
def test_fields_asked_of_the_entry_at_a_place(question, place, papers):
    entry = at(papers, "Courville", place)
    said = answer(question, papers)
    assert entry.title in said
    if "category" in question:
        assert f"is in {entry.category}" in said
    if "date" in question:
        assert entry.date in said or entry.date[:4] in said
    if "score" in question:
        assert (f"score {entry.listing_score:g}" in said) if entry.listing_score else "prints no score" in said
    if "code" in question.casefold():
        assert ("Yes:" if entry.has_code else "No:") in said


def test_a_byline_end_asked_of_the_entry_at_a_place(papers):
    entry = at(papers, "Amii", 14)
    said = answer("amii iclr page, 14th paper. who's its first author?", papers)
    assert entry.title in said and f"first author of {entry.title} is {entry.authors[0].name}" in said


@pytest.mark.parametrize("question, test, field", [
    ("which of Courville's CV entries have the Code badge? give the date of each",
     lambda p: p.category == "CV" and p.has_code, "date"),
    ("Courville's deepmind-tagged entries - which, and what categories?", lambda p: p.organisation == "deepmind",
     "category"),
    ("Courville's page: entries that print a score; titles and scores please", lambda p: p.listing_score is not None,
     "score"),
    ("On Aaron Courville's profile, which papers outside LG have the Code badge, and what's the category of each?",
     lambda p: p.category not in (None, "LG") and p.has_code, "category"),
])
def test_fields_asked_of_each_listed_entry(question, test, field, catalog, papers):
    expected = listed(papers, "Courville", test)
    assert expected
    assert sorted(rows(question, catalog)) == sorted(p.title for p in expected)
    said = answer(question, papers)
    for p in expected:
        value = p.date if field == "date" else p.category if field == "category" else f"score {p.listing_score:g}"
        assert value in said


@pytest.mark.parametrize("question, test", [
    ("how many entries on courville's page show a score of 85 or more?", lambda p: (p.listing_score or 0) >= 85),
    ("Courville entries with a score of 84.5 or lower", lambda p: p.listing_score is not None and p.listing_score <= 84.5),
    ("courville's profile: any entries rated 90 and above?", lambda p: (p.listing_score or 0) >= 90),
    ("how many scored entries on Courville's list carry no Code badge?",
     lambda p: p.listing_score is not None and not p.has_code),
    ("which Courville entries have both a score in front and the Code badge?",
     lambda p: p.listing_score is not None and p.has_code),
])
def test_bounds_badges_and_participles_compose(question, test, catalog, papers):
    expected = listed(papers, "Courville", test)
    assert expected
    assert sorted(rows(question, catalog)) == sorted(p.title for p in expected)


def test_the_lowest_of_the_scored_entries(catalog, papers):
    scored = listed(papers, "Courville", lambda p: p.listing_score is not None)
    lowest = min(scored, key=lambda p: p.listing_score)
    assert rows("which scored entry on Courville's profile has the lowest score?", catalog)[0] == lowest.title


@pytest.mark.parametrize("question, month, last", [
    ("earliest of courville's october postings?", "-10-", False),
    ("on courville's page, the latest of his november postings", "-11-", True),
    ("newest among the july entries on Aaron Courville's profile", "-07-", True),
])
def test_a_month_spelled_out_as_a_modifier(question, month, last, catalog, papers):
    dated = [p for p in listed(papers, "Courville") if p.date and p.date[4:8] == month and p.date_precision == "day"]
    assert dated
    ends = sorted(dated, key=lambda p: p.date)
    assert rows(question, catalog)[0] == (ends[-1] if last else ends[0]).title


@pytest.mark.parametrize("question", [
    "What's the 30th paper on Courville's list about? method and results?",
    "the 12th entry on courville's page: what score does it reach on Atari?",
    "Which Courville papers evaluate on Atari? give the date of each",
    "what code does the 38th paper on courville's list release, and what does it do?",
    "which scored entries on Courville's page beat PPO?",
    "what did his september postings find about exploration?",
])
def test_content_with_the_same_words_stays_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question, page", [
    ("which entry is right in the middle of the trending page?", "trending"),
    ("what's halfway down the trending feed", "trending"),
    ("trending list: the middle one?", "trending"),
    ("which paper sits midway through the trending list?", "trending"),
    ("On the trending page, counting from the top, which entry stands at the very centre of the list?", "trending"),
])
def test_the_middle_of_a_page_is_a_place(question, page, catalog, papers):
    entries = listed(papers, page)
    assert len(entries) % 2 == 1
    assert rows(question, catalog) == [entries[len(entries) // 2].title]


def test_the_middle_of_an_even_page_is_both_middle_entries(catalog, papers):
    entries = listed(papers, "Courville")
    assert len(entries) % 2 == 0
    half = len(entries) // 2
    assert sorted(rows("the middle entry on Courville's profile?", catalog)) == \
        sorted(p.title for p in entries[half - 1:half + 1])


@pytest.mark.parametrize("question, page, place", [
    ("Amii's page lists 16 papers - which is the one halfway down, i.e. #8?", "Amii", 8),
    ("courville's list: what's the 25th entry, exactly halfway down the 50?", "Courville", 25),
    ("the trending page has 83 entries; what's #42, right in the middle?", "trending", 42),
])
def test_a_middle_said_beside_a_numbered_place_restates_it(question, page, place, catalog, papers):
    assert rows(question, catalog)[0] == at(papers, page, place).title


@pytest.mark.parametrize("question, page, place, step", [
    ("on courville's profile, what's the entry listed just before the game-theory 'Why Open Source?' paper?",
     "Courville", 22, -1),
    ("on courville's page, which entry sits directly below the mila 'Forgetting Transformer' paper?", "Courville", 30, 1),
    ("Courville profile: which one comes right after the CV 'ReSeg' paper?", "Courville", 45, 1),
])
def test_the_anchor_named_with_its_own_category_or_tag(question, page, place, step, catalog, papers):
    assert rows(question, catalog) == [at(papers, page, place + step).title]


def test_a_byline_end_mark_asked_as_an_aside(papers):
    entry = at(papers, "Amii", 9)
    said = answer("Amii ICLR page: the 9th accepted paper, and who's its lead author (Amii or not)?", papers)
    assert entry.title in said and entry.authors[0].name in said and "First author of" in said


@pytest.mark.parametrize("question", [
    "what happens halfway through training in the 3rd paper on the trending page?",
    "what is the middle layer of the DPR encoder?",
    "on courville's page, what does the entry just before the game-theory 'Why Open Source?' paper propose?",
])
def test_place_words_in_content_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question, test", [
    ("courville's page: entries outside CL and LG with code?", lambda p: p.category not in ("CL", "LG") and p.has_code),
    ("which courville entries outside of LG and CV have the code badge?",
     lambda p: p.category not in ("LG", "CV") and p.has_code),
    ("which courville entries have a mila tag and a code badge?", lambda p: p.organisation == "mila" and p.has_code),
    ("how many courville entries have an LG category and a score?",
     lambda p: p.category == "LG" and p.listing_score is not None),
    ("how many of courville's entries have at least 3 authors and the Code badge?",
     lambda p: len(p.authors) >= 3 and p.has_code),
])
def test_several_conditions_joined_under_one_cue(question, test, catalog, papers):
    expected = listed(papers, "Courville", test)
    assert expected
    assert sorted(rows(question, catalog)) == sorted(p.title for p in expected)


@pytest.mark.parametrize("question, page, low, high", [
    ("how many entries between #10 and #20 on the trending page?", "trending", 10, 20),
    ("which trending papers sit between positions 10 and 12?", "trending", 10, 12),
    ("list the trending entries between the 5th and 7th", "trending", 5, 7),
    ("courville's list: the papers between entries 40 and 43?", "Courville", 40, 43),
])
def test_a_run_of_places_said_with_between_counts_both_ends(question, page, low, high, catalog, papers):
    assert sorted(rows(question, catalog)) == sorted(p.title for p in listed(papers, page)[low - 1:high])
    assert "both ends counted" in answer(question, papers)


@pytest.mark.parametrize("question, page, place, field, value", [
    ("courville's page: is the 44th entry in AI?", "Courville", 44, "category", "AI"),
    ("courville's page - is the 45th entry in CL?", "Courville", 45, "category", "CL"),
    ("is the 2nd entry on courville's page tagged deepmind?", "Courville", 2, "organisation", "deepmind"),
    ("does the 6th paper on courville's list carry a mila tag?", "Courville", 6, "organisation", "mila"),
    ("is the 16th paper on the amii page a workshop paper?", "Amii", 16, "section", "workshop"),
])
def test_a_value_checked_of_the_entry_at_a_place(question, page, place, field, value, papers):
    entry = at(papers, page, place)
    said = answer(question, papers)
    assert said.startswith("Yes" if getattr(entry, field) == value else "No")
    assert entry.title in said


@pytest.mark.parametrize("question, test, last", [
    ("Courville: his most recent CV entry - date + code", lambda p: p.category == "CV", True),
    ("earliest CL posting on courville's profile? tag + date", lambda p: p.category == "CL", False),
])
def test_fields_asked_of_the_one_entry_a_superlative_picks(question, test, last, papers):
    dated = sorted((p for p in listed(papers, "Courville", test) if p.date_precision == "day"), key=lambda p: p.date)
    entry = dated[-1] if last else dated[0]
    said = answer(question, papers)
    assert entry.title in said and entry.date[:4] in said
    assert ("code" in question) <= (("Yes:" if entry.has_code else "No:") in said)


@pytest.mark.parametrize("question, said", [
    # a yes/no part after ', and' asks a field of the entry picked, never a filter before the pick
    ("whats the highest scoring entry on courvilles page, and does it have code", lambda p: "No:" if not p.has_code
     else "Yes:"),
    ("Courville: which of his LG entries has the highest score, and when was it posted?", lambda p: "is dated"),
])
def test_a_field_asked_after_and_of_the_top_scored_entry(question, said, papers):
    top = max(listed(papers, "Courville", lambda p: p.listing_score is not None), key=lambda p: p.listing_score)
    text = answer(question, papers)
    assert text.startswith("The highest score") and top.title in text and said(top) in text


def test_an_author_count_asked_of_the_entry_at_a_place(papers):
    entry = listed(papers, "Amii", lambda p: p.section == "accepted")[6]
    text = answer("what's the 7th accepted paper on the amii page, and how many authors does it have?", papers)
    assert f"{entry.title} lists {len(entry.authors)} authors" in text


def test_a_category_asked_of_the_oldest_coded_entry(papers):
    oldest = min((p for p in listed(papers, "Courville", lambda p: p.has_code) if p.date_precision == "day"),
                 key=lambda p: p.date)
    text = answer("courville's profile: the oldest entry with the Code badge, and its category?", papers)
    assert oldest.title in text and f"is in {oldest.category}" in text
