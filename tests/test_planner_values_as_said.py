"""Values said as alternatives, as printed, and what a title literally says (issue 11): a field's values in a bracket or
joined by slashes are any of them ('a lab tag (mila/mit)'), 'both' joins only what it stands before; a value said as
the page prints it ('whose date reads 2022', 'dated Oct 28', 'earliest-dated', 'one with code and one without'); a
form ruled out beside a title word ('Model-Based doesn't', a list of forms 'X / Y don't count') no match of the word,
a token on its own, a word family ('scale/scaling'), a place with an aside between 'titles' and the verb; entries on
consecutive days; 'either' before two fields joined by 'or'. Every
question was made up for this file (none is a dataset's wording); expected titles are read off the parsed papers'
own fields with plain Python, not through the planner.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import re

import pytest

from test_planner_kinds import catalog, papers, rows  # noqa: F401 (the seed pages and the PDFs, parsed)
from rag.catalog_query import answer_from_catalog
from rag.planner import plan

OWNER = "Aaron Courville"


def courville(papers):
    return [p for p in papers if p.profile_of == OWNER]


def trending(papers):
    return [p for p in papers if any(s.format == "trending" for s in p.sources)]


def says(word: str, title: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", title, re.I) is not None


def oldest(found):
    return min(found, key=lambda p: p.date).title


def newest(found):
    return max(found, key=lambda p: p.date).title


# A bracket or a slash list after a field: any of the values; 'both' joins the badge and the tag it stands before.
@pytest.mark.parametrize("question, tags, code, sort", [
    ("newest entry on Courville's page with both a Code badge and an org tag (mila/mit)?", {"mila", "mit"}, True, newest),
    ("oldest Courville paper that has both a tag (deepmind/mila/mit) and the Code badge", {"deepmind", "mila", "mit"},
     True, oldest),
    ("of Aaron Courville's entries carrying a lab tag (mit / mila) and a Code badge, which is the most "
     "recent one, going by the printed dates?", {"mit", "mila"}, True, newest),
    ("Courville: earliest entry with both code and a mila/deepmind tag", {"mila", "deepmind"}, True, oldest),
])
def test_values_in_a_bracket_or_slashed_are_alternatives(question, tags, code, sort, catalog, papers):
    found = [p for p in courville(papers) if p.organisation in tags and p.has_code is code and p.date]
    assert len(found) >= 2
    assert rows(question, catalog) == [sort(found)]


@pytest.mark.parametrize("question, tags", [
    ("how many Courville entries carry a tag (deepmind / mit)?", {"deepmind", "mit"}),
    ("courville page: which entries are tagged mit/deepmind?", {"mit", "deepmind"}),
])
def test_tags_slashed_listed(question, tags, catalog, papers):
    expected = {p.title for p in courville(papers) if p.organisation in tags}
    assert len(expected) >= 2 and set(rows(question, catalog)) == expected


def test_both_before_the_values_still_asks_for_both(catalog, papers):
    found = set(rows("Which of my PDFs have authors from both the Allen Institute and the University of Washington?",
                     catalog))
    assert found == {p.title for p in papers if p.title.startswith(("SPECTER", "LayoutParser"))}


# A value said as printed: the verb of printing, a day with no year (any year), a hyphenated sort, a split of the set.
@pytest.mark.parametrize("question, test", [
    ("which courville entries does the date say 2021?", lambda p: p.year == 2021 and not p.date_inferred),
    ("courville page: CV entries whose date reads 2022", lambda p: p.year == 2022 and p.category == "CV"),
    ("Courville entries where the tag actually says mila and the date shows 2023",
     lambda p: p.organisation == "mila" and p.year == 2023),
    ("courville entries dated March 3", lambda p: (p.date or "").endswith("-03-03")),
    ("which courville papers went up on Dec 24?", lambda p: (p.date or "").endswith("-12-24")),
    ("Courville's list has two entries dated Oct 28 - one with code and one without; which?",
     lambda p: (p.date or "").endswith("-10-28")),
    ("courville: the entries dated 2 Jun, one with a year shown and one without", lambda p: (p.date or "").endswith("-06-02")),
])
def test_value_said_as_printed(question, test, catalog, papers):
    expected = {p.title for p in courville(papers) if test(p)}
    assert expected and set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question, test, sort", [
    ("latest-dated Courville entry in CL", lambda p: p.category == "CL", newest),
    ("earliest-posted Courville entry with a mila tag", lambda p: p.organisation == "mila", oldest),
    ("the most-recently-dated Courville paper outside LG that has code?", lambda p: p.category != "LG" and p.has_code,
     newest),
])
def test_superlative_joined_to_its_field(question, test, sort, catalog, papers):
    found = [p for p in courville(papers) if test(p) and p.date]
    assert found and rows(question, catalog) == [sort(found)]


# What a title literally says: forms ruled out (alone, listed, verb left out), a token, a word family, an aside.
def test_form_ruled_out_is_no_match_of_the_word(catalog, papers):
    expected = {p.title for p in trending(papers)
                if re.search(r"(?<![\w-])Models?(?![\w-])", re.sub(r"Model-Based", " ", p.title, flags=re.I))}
    the_plan = plan("how many trending titles mention Model or Models? (Model-Based doesn't)", catalog)
    assert the_plan is not None and the_plan.op == "count"
    assert set(rows("how many trending titles mention Model or Models? (Model-Based doesn't)", catalog)) == expected


@pytest.mark.parametrize("question", [
    "how many titles across all my sources say Offline (Offline-to-Online doesn't count)?",
    "titles anywhere in the library with the word Offline - Offline-to-Online / Offline-RL don't count",
])
def test_forms_ruled_out_listed_or_alone(question, catalog, papers):
    expected = {p.title for p in papers
                if says("Offline", re.sub(r"Offline-to-Online|Offline-RL", " ", p.title, flags=re.I))}
    assert expected and set(rows(question, catalog)) == expected


def test_token_on_its_own(catalog, papers):
    expected = {p.title for p in courville(papers) if re.search(r"(?<![\w])RL(?![\w])", p.title)}
    assert expected and set(rows("which Courville titles use RL as its own token?", catalog)) == expected


@pytest.mark.parametrize("question", [
    "anything about scale/scaling in the titles? every page + pdfs",
    "anything about scaling/scalable in titles across all my sources",
])
def test_word_family_said_with_about(question, catalog, papers):
    expected = {p.title for p in papers if re.search(r"\bscal(?:e|es|ing|able|ability)\b", p.title, re.I)}
    assert len(expected) >= 2 and set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question, test", [
    ("titles on courville's page (2022 only) that contain the word Generalization?",
     lambda p: p.year == 2022 and says("Generalization", p.title)),
    ("how many titles on Courville's page, CL entries included, say Learning?", lambda p: says("Learning", p.title)),
])
def test_place_with_an_aside_before_the_verb(question, test, catalog, papers):
    expected = {p.title for p in courville(papers) if test(p)}
    assert expected and set(rows(question, catalog)) == expected


# Content questions with the same trigger words: what papers say, never planned.
@pytest.mark.parametrize("question", [
    "what does the paper dated June 2 say about trust regions?",
    "what did the earliest-dated paper find about exploration?",
    "anything about scaling laws in the results?",
    "which method works best, one with code and one without?",
    "what does the abstract say about June 2?",
    "which exploration bonus (count-based/curiosity) helps most in the DPR experiments?",
    "did efficiency (not 'efficient') improve with scale in the SPECTER results?",
    "which tasks improved over three consecutive days of training?",
    "did the SPECTER authors train for three consecutive days?",
    "which papers either propose a new loss or use a score function?",
])
def test_content_questions_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


# A run of consecutive days among the selected entries: its length as said (two when not said).
def run_days(found, n: int) -> set[str]:
    import datetime
    days = sorted({datetime.date.fromisoformat(p.date) for p in found if p.date and p.date_precision == "day"})
    kept, run = set(), []
    for day in days + [None]:
        if run and (day is None or (day - run[-1]).days != 1):
            kept |= set(run) if len(run) >= n else set()
            run = []
        if day is not None:
            run.append(day)
    return {p.title for p in found if p.date and p.date_precision == "day" and datetime.date.fromisoformat(p.date) in kept}


@pytest.mark.parametrize("question, test, n", [
    ("which Courville entries were posted on back-to-back days?", lambda p: True, 2),
    ("Courville's page: any three entries that went up on 3 consecutive days?", lambda p: True, 3),
    ("list the LG entries on Courville's profile posted two days in a row", lambda p: p.category == "LG", 2),
    ("on Courville's page, which entries have dates on successive days?", lambda p: True, 2),
])
def test_entries_on_consecutive_days(question, test, n, catalog, papers):
    expected = run_days([p for p in courville(papers) if test(p)], n)
    assert expected and set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question, test", [
    ("how many Courville entries have either a Code badge or a score?", lambda p: p.has_code or p.listing_score is not None),
    ("Courville entries with either a mila tag or a score", lambda p: p.organisation == "mila" or p.listing_score is not None),
])
def test_either_before_two_fields(question, test, catalog, papers):
    expected = {p.title for p in courville(papers) if test(p)}
    assert expected and set(rows(question, catalog)) == expected
