"""Conditions on a listing entry's fields joined in one question (issue 11): a year said 'from 2022 on <page>' (the
year, not onwards), names as displayed ('among the displayed names', 'don't show X's name'), an 'or' list of tags
inside a 'both … and …', a value set aside with 'leave out' / 'omit' / 'minus', an abstract's link on another host
('something that's not on github.com', 'somewhere other than github.com'), and a host's kinds said in brackets ('a
github.io page (project site or code)'). Every question was made up for this file (none is a dataset's wording);
expected titles are read off the parsed papers' own fields with plain Python, not through the planner.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import re

import pytest

from test_planner_kinds import catalog, papers, rows  # noqa: F401 (the seed pages and the PDFs, parsed)
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan
from rag.records import normalize_title

OWNER = "Aaron Courville"


def courville(papers):
    return [p for p in papers if p.profile_of == OWNER]


def amii(papers):
    return [p for p in papers if p.section is not None]


def shows(p, name: str) -> bool:
    return any(normalize_title(a) == normalize_title(name) for a in p.author_names)


def hosts(p) -> set[str]:
    return set(re.findall(r"https?://([\w.-]+)", p.abstract))


def titles(found) -> set[str]:
    return {p.title for p in found}


# 'from 2022 on Courville's list': 'on' is where, the year is 2022 only; 'from 2024 on' closing the phrase is onwards.
@pytest.mark.parametrize("question, year, code", [
    ("mila-tagged entries from 2022 on Courville's list that lack the Code badge", 2022, False),
    ("entries from 2023 on Courville's profile with a code badge?", 2023, True),
    ("which of the ones from 2021 on Aaron Courville's page have Code", 2021, True),
    ("From 2022 on Courville's page: the entries without code?", 2022, False),
])
def test_a_year_from_which_on_a_page(question, year, code, catalog, papers):
    expected = {p.title for p in courville(papers) if p.year == year and p.has_code is code and
                (p.organisation == "mila" or not question.startswith("mila"))}
    assert expected and set(rows(question, catalog)) == expected


def test_from_a_year_on_closing_the_phrase_is_onwards(catalog, papers):
    expected = {p.title for p in courville(papers) if p.year and p.year >= 2024}
    assert set(rows("Courville's page, entries from 2024 on?", catalog)) == expected


# The owner among the names the entry displays: not every entry of his profile.
@pytest.mark.parametrize("question", [
    "Courville entries where Aaron Courville is one of the displayed names and the Code badge is there",
    "courville page: entries with code whose visible names include Aaron Courville",
    "On Courville's profile, which entries with code have Aaron Courville among the shown names?",
])
def test_owner_among_displayed_names_with_code(question, catalog, papers):
    expected = {p.title for p in courville(papers) if p.has_code and shows(p, OWNER)}
    assert expected and set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question, tag", [
    ("how many mila-tagged entries on Courville's page don't show Courville's name?", "mila"),
    ("Count the deepmind entries on Courville's profile that do not display Aaron Courville's name", "deepmind"),
])
def test_owner_name_not_displayed_counted(question, tag, catalog, papers):
    expected = [p for p in courville(papers) if p.organisation == tag and p.authors and not shows(p, OWNER)]
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and expected
    assert answer.answer.startswith(f"{len(expected)} paper"), answer.answer


# An 'or' list of tags inside 'both … and …': either tag, and the other condition too.
@pytest.mark.parametrize("question, tags, code", [
    ("count the Courville entries with both the Code badge and a tag (mila, mit or deepmind)", {"mila", "mit", "deepmind"}, True),
    ("Courville's page: entries having both a code badge and the deepmind or mit tag", {"mit", "deepmind"}, True),
    ("which Courville entries carry both a mit or deepmind tag and no Code badge?", {"mit", "deepmind"}, False),
])
def test_or_list_inside_both(question, tags, code, catalog, papers):
    expected = {p.title for p in courville(papers) if p.organisation in tags and p.has_code is code}
    assert expected and set(rows(question, catalog)) == expected


# 'leave out', 'omit', 'minus', 'set aside': a value left out, as 'excluding' leaves it.
@pytest.mark.parametrize("question, at_least", [
    ("Amii's page, leaving out the workshop paper: how many have six or more authors?", 6),
    ("how many Amii entries have at least 4 authors, if you leave out the workshop one", 4),
    ("Amii page minus the workshop paper - how many entries list more than 6 authors?", 7),
    ("Among the accepted Amii papers (omit the workshop entry), how many have at least five authors?", 5),
])
def test_left_out_section_counted(question, at_least, catalog, papers):
    expected = [p for p in amii(papers) if p.section != "workshop" and len(p.authors) >= at_least]
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and expected
    assert answer.answer.startswith(f"{len(expected)} paper"), answer.answer


def test_left_out_tag_listed(catalog, papers):
    expected = {p.title for p in courville(papers) if p.has_code and p.organisation != "mila"}
    assert expected and set(rows("Courville's page: entries with code, setting aside the mila ones", catalog)) == expected


# An abstract's link on a host other than the one named; a host with its kinds in brackets.
@pytest.mark.parametrize("question", [
    "Which Courville entries link to something that's not on github.com in the abstract?",
    "Courville page: abstracts pointing somewhere other than github.com?",
    "which Courville abstracts link somewhere other than github.com",
    "On Courville's profile, which abstracts give a link which is not a github.com one?",
])
def test_link_on_another_host(question, catalog, papers):
    expected = {p.title for p in courville(papers) if hosts(p) - {"github.com"}}
    assert expected and set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question", [
    "which abstracts on Courville's page point to a github.io page (project site or code)?",
    "How many Courville abstracts have a github.io link (code or a project page)?",
    "courville-page abstracts linking to github.io (code, or a project site)",
])
def test_host_with_its_kinds_in_brackets(question, catalog, papers):
    expected = {p.title for p in courville(papers) if any(h.endswith("github.io") for h in hosts(p))}
    the_plan = plan(question, catalog)
    assert the_plan is not None and expected
    assert {p.title for p in run(the_plan, catalog.papers).rows} == expected


# The same cue words in questions about what papers say: left to retrieval.
@pytest.mark.parametrize("question", [
    "Which ablations leave out the workshop setting's auxiliary loss?",
    "What does Courville's group omit from the 2022 baseline comparison?",
    "Why do the authors point to something other than github.com for the demo, according to the abstract?",
    "What does the github.io page (project site or code) of the reincarnating RL paper contain?",
    "Which displayed names in the figure correspond to agents trained from 2022 on Atari?",
    "minus the workshop results, how does the method compare with the baseline?",
])
def test_content_questions_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


# Months of any year listed ('in Jan, Feb or March'): any of them, joined with the entry's other fields.
@pytest.mark.parametrize("question, months, code", [
    ("Courville entries posted in Jan, Feb or March (any year) that carry a Code badge", {1, 2, 3}, True),
    ("which Courville entries went up in April or May, whatever the year, with code?", {4, 5}, True),
    ("how many Courville entries came out in Oct, Nov, or Dec of any year without a code badge?", {10, 11, 12}, False),
    ("courville's page: entries from june/july that lack the Code badge", {6, 7}, False),
    ("Courville page entries dated in September and October that have no code", {9, 10}, False),
])
def test_months_listed_any_year(question, months, code, catalog, papers):
    expected = {p.title for p in courville(papers) if p.date and p.date_precision != "year" and
                int(p.date[5:7]) in months and p.has_code is code}
    assert expected and set(rows(question, catalog)) == expected


# One named entry asked several of its fields, the page's verb placing each ('file it under', 'end with').
@pytest.mark.parametrize("question, wanted", [
    ("Meta-Value Learning: which category does Courville's page file it under, and what date does it show?",
     ["LG", "2023"]),
    ("The SPR paper (Data-Efficient RL with Self-Predictive Representations) - what link does its abstract end with?",
     ["github.com/mila-iqia/spr"]),
    ("Data-Efficient Reinforcement Learning with Self-Predictive Representations: what category does the page put it "
     "under and what github link does its abstract close with?", ["LG", "github.com/mila-iqia/spr"]),
])
def test_fields_of_one_entry_by_the_pages_verb(question, wanted, papers):
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None, question
    assert all(w in answer.answer for w in wanted), answer.answer


@pytest.mark.parametrize("question", [
    "How does the Meta-Value Learning abstract end, and what does it conclude?",
    "Which experiments does Courville's group file under ablations in the SPR paper?",
    "What do the Jan, Feb or March results in the SPR abstract show about data efficiency?",
])
def test_entry_verbs_in_content_questions_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


# A person's 'side' (part, share) of someone's page, restated with 'i.e.': the page's entries showing the person.
@pytest.mark.parametrize("question, person, code", [
    ("Which entries on Johan Obando-Ceron's side of Courville's page - i.e. the ones showing his name - lack code?",
     "Johan Obando-Ceron", False),
    ("Max Schwarzer's part of Courville's profile: which entries have code?", "Max Schwarzer", True),
    ("entries showing Max Schwarzer's name on Courville's page, i.e. his share of it, with no Code badge", "Max Schwarzer", False),
])
def test_a_persons_side_of_a_page(question, person, code, catalog, papers):
    expected = {p.title for p in courville(papers) if shows(p, person) and p.has_code is code}
    assert expected and set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question", [
    "What is on the left side of Figure 2 in the SPR paper, i.e. which curve?",
    "Which part of Courville's profile paper on GFlowNets describes the training objective?",
])
def test_side_and_restated_content_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


# 'or' between two different fields: either side, not both (it was read as 'and').
@pytest.mark.parametrize("question, either", [
    ("Courville entries that are tagged deepmind or have a Code badge",
     lambda p: p.organisation == "deepmind" or p.has_code),
    ("Courville entries either in CL or with a Code badge", lambda p: p.category == "CL" or p.has_code),
    ("Courville's page: entries with a Code badge or more than eight authors",
     lambda p: p.has_code or len(p.authors) > 8),
    ("which entries on Courville's profile are from 2021 or tagged mit?",
     lambda p: p.year == 2021 or p.organisation == "mit"),
    ("Courville entries in CV or with a score", lambda p: p.category == "CV" or p.listing_score is not None),
])
def test_or_across_fields(question, either, catalog, papers):
    expected = {p.title for p in courville(papers) if either(p)}
    assert expected and set(rows(question, catalog)) == expected


def test_or_after_a_clause_no_side_reads_is_left(catalog):
    assert plan("Courville entries tagged mila and not in LG, or with a score", catalog) is None


# The names an entry displays counted: a list cut with 'et al.' shows its printed names.
@pytest.mark.parametrize("question, test", [
    ("on Courville's page, entries with 3 or fewer displayed authors and a Code badge",
     lambda p: len(p.authors) <= 3 and p.has_code),
    ("Courville entries with exactly three shown authors and no code", lambda p: len(p.authors) == 3 and not p.has_code),
    ("Amii entries with at least 8 visible authors", lambda p: len(p.authors) >= 8 and p.section is not None),
])
def test_displayed_author_counts(question, test, catalog, papers):
    expected = {p.title for p in papers if p.authors and test(p) and (p.profile_of or "Amii" in question)}
    assert expected and set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question", [
    "Do the mila-tagged GFlowNet papers use a replay buffer or a Code badge-style release of checkpoints?",
    "Which of Courville's entries with code report Atari or DMControl results?",
    "in the deepmind-tagged entries, is the critic shared or separate from the actor?",
])
def test_or_in_content_questions_stays_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


# The verb said once before the 'or': 'have a score or a Code badge'.
@pytest.mark.parametrize("question, either", [
    ("how many Courville entries have a score or a Code badge?", lambda p: p.listing_score is not None or p.has_code),
    ("Courville entries with a mila tag or a Code badge", lambda p: p.organisation == "mila" or p.has_code),
    ("Courville entries carrying a Code badge or a score, from 2022",
     lambda p: (p.has_code or p.listing_score is not None) and p.year == 2022),
])
def test_or_with_the_verb_said_once(question, either, catalog, papers):
    expected = {p.title for p in courville(papers) if either(p)}
    the_plan = plan(question, catalog)
    assert the_plan is not None and expected
    assert {p.title for p in run(the_plan, catalog.papers).rows} == expected


# A negation over values joined by 'or' ends with them: 'not posted in 2024 or 2025 are tagged mila' negates the years
# only (the tag was negated too), and 'not from 2022 or 2023' both years (2023 was asked for).
@pytest.mark.parametrize("question, test", [
    ("how many Courville entries not posted in 2024 or 2025 are tagged mila?",
     lambda p: p.year not in (2024, 2025) and p.organisation == "mila"),
    ("Courville entries not from 2022 or 2023 with code", lambda p: p.year not in (2022, 2023) and p.has_code),
    ("which Courville entries that weren't posted in 2020 or 2021 carry the deepmind tag?",
     lambda p: p.year not in (2020, 2021) and p.organisation == "deepmind"),
])
def test_negation_over_an_or_list_ends_with_it(question, test, catalog, papers):
    expected = {p.title for p in courville(papers) if p.year and test(p)}
    the_plan = plan(question, catalog)
    assert the_plan is not None and expected
    assert {p.title for p in run(the_plan, catalog.papers).rows} == expected
