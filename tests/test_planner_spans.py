"""Spans and places the planner reads since round 4: months of one year ('February through April 2023'), a season
('autumn 2023'), a month said 'in a' or 'dated' ('dated May'), an author's place counted from the front ('as the
second author', 'X's first-author papers'), an institute's author at either end said another way ('end their author
list with an Amii-affiliated person'), inclusion said after its values ('(workshop included)'). Every question was
made up for this file; each list is checked against the seed pages' own fields, read here without the planner.

Unit tests over the real seed pages parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog, papers  # noqa: F401 (the seed catalog's fixtures)

from rag.catalog import Catalog
from rag.catalog_query import run
from rag.planner import plan
from rag.records import Paper, normalize_title


def rows(question: str, catalog: Catalog) -> set[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return {p.title for p in run(the_plan, catalog.papers).rows}


def months(papers: list[Paper], low: str, high: str) -> set[str]:
    return {p.title for p in papers if p.date and p.date_precision != "year" and low <= p.date[:7] <= high}


@pytest.mark.parametrize("question, low, high", [
    ("Papers from February through April 2023?", "2023-02", "2023-04"),
    ("which papers were posted between july and september of 2022", "2022-07", "2022-09"),
    ("Anything from autumn 2023?", "2023-09", "2023-11"),
    ("list the papers from summer 2023 (july to august)", "2023-07", "2023-08"),
    ("What went online in Q2 2023?", "2023-04", "2023-06"),
    # a part of a year restated by its months (and their first / last days), in brackets or after 'i.e.': one span,
    # not a second filter on the last day said
    ("papers from the first half of 2022 (jan 1 - jun 30 2022)", "2022-01", "2022-06"),
    ("what came out in fall 2022, i.e. September through November 2022?", "2022-09", "2022-11"),
    ("anything from spring 2023, that is march to may 2023", "2023-03", "2023-05"),
    ("list the papers from the second half of 2023 (i.e. Jul–Dec)", "2023-07", "2023-12"),
    ("Which papers are from Q3 2023 (Jul 1st – Sep 30th)?", "2023-07", "2023-09"),
])
def test_months_of_one_year(question, low, high, catalog, papers):
    expected = months(papers, low, high)
    assert expected, "the seed pages hold papers in that span"
    assert rows(question, catalog) == expected


@pytest.mark.parametrize("question", ["Which papers are dated October?", "How many papers came out in an October, any year?"])
def test_a_month_of_any_year(question, catalog, papers):
    expected = {p.title for p in papers if p.date and p.date_precision != "year" and p.date[5:7] == "10"}
    the_plan = plan(question, catalog)
    assert the_plan is not None
    assert {p.title for p in run(the_plan, catalog.papers).rows} == expected


def placed(papers: list[Paper], name: str, index: int) -> set[str]:
    return {p.title for p in papers if len(p.authors) > max(index, 0) and (index >= 0 or not p.authors_truncated)
            and normalize_title(p.authors[index].name) == normalize_title(name)}


@pytest.mark.parametrize("question, name, index", [
    ("On which papers does Aaron Courville appear as the second author?", "Aaron Courville", 1),
    ("Which papers list Aaron Courville as their third author?", "Aaron Courville", 2),
    ("Samuel Lavoie's first-author papers", "Samuel Lavoie", 0),
    ("How many papers did Max Schwarzer first-author?", "Max Schwarzer", 0),
    ("On which entries is Aaron Courville the final author?", "Aaron Courville", -1),
])
def test_a_named_author_in_one_place(question, name, index, catalog, papers):
    expected = placed(papers, name, index)
    assert expected
    the_plan = plan(question, catalog)
    assert the_plan is not None
    got = {p.title for p in run(the_plan, catalog.papers).rows}
    assert got == expected
    assert got != {p.title for p in papers if any(normalize_title(a) == normalize_title(name) for a in p.author_names)}


def test_an_institute_author_at_either_end_said_another_way(catalog):
    plain = rows("Which papers have an Amii-affiliated last author?", catalog)
    assert plain
    assert rows("Which papers close their author list with an Amii researcher?", catalog) == plain
    assert rows("Which papers have an Amii-affiliated scientist as the last author?", catalog) == plain
    first = rows("Which papers have an Amii-affiliated first author?", catalog)
    assert rows("Which papers open their author list with an Amii-affiliated author?", catalog) == first != plain


def test_inclusion_said_after_its_values(catalog):
    said_before = plan("How many Amii papers are there, including workshop papers?", catalog)
    said_after = plan("How many Amii papers are there (workshop papers included)?", catalog)
    assert said_before is not None and said_after is not None
    assert said_after.describe() == said_before.describe()


def test_a_negated_value_restated_in_brackets(catalog, papers):
    # The bracket restates the negated category; read apart it would also ask for it and match nothing.
    expected = {p.title for p in papers if p.organisation == "deepmind" and p.category and p.category != "CL"}
    assert expected
    assert rows("Which DeepMind papers are not computation and language (cs.CL) papers?", catalog) == expected


def test_a_description_joined_by_and_and_people_counted(catalog, papers):
    paper = next(p for p in papers if p.title.startswith("Learning and Controlling Silicon Dopant"))
    the_plan = plan("How many people wrote the silicon dopant and graphene paper?", catalog)
    assert the_plan is not None and the_plan.target is paper and the_plan.lookup == "author_count"
    assert plan("What does the silicon dopant and graphene paper propose?", catalog) is None


def test_part_of_a_month_and_a_shared_day(catalog, papers):
    late = {p.title for p in papers if p.date_precision == "day" and "2022-06-21" <= p.date <= "2022-06-30"}
    assert late and rows("Anything from late June 2022?", catalog) == late
    days = [p.date for p in papers if p.date and p.date_precision == "day"]
    shared = {p.title for p in papers if p.date_precision == "day" and days.count(p.date) > 1}
    assert shared and rows("Which papers came out on the same day?", catalog) == shared
    assert plan("Which methods share the same day of training?", catalog) is None


def test_entries_printed_without_a_year(catalog, papers):
    expected = {p.title for p in papers if p.date and p.date_precision != "year" and p.date_inferred}
    assert expected and rows("Which entries don't print a year?", catalog) == expected


def test_a_sort_keeps_papers_tied_on_the_last_day(catalog, papers):
    dated = [p for p in papers if p.date_precision == "day" and p.date.startswith("2022")]
    newest = max(p.date for p in dated)
    tied = {p.title for p in dated if p.date == newest}
    assert len(tied) == 2, "the seed pages print two 2022 papers on their last 2022 day"
    the_plan = plan("Which was the most recent 2022 paper?", catalog)
    assert the_plan is not None and the_plan.op == "last"
    result = run(the_plan, catalog.papers)
    assert {p.title for p in result.rows} == tied


@pytest.mark.parametrize("question, words", [
    ("How many titles follow the pattern 'Towards X'?", ["towards"]),
    ("Which papers have titles containing 'GFlowNets'?", ["gflownets"]),
    ("List the 'Learning X with Y' titles", ["learning", "with"]),
])
def test_a_quoted_title_wording(question, words, catalog, papers):
    expected = {p.title for p in papers if all(w in p.title.casefold() for w in words)
                and p.title.casefold().find(words[0]) <= p.title.casefold().rfind(words[-1])}
    assert expected
    assert rows(question, catalog) == expected
