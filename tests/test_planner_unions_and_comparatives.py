"""Years said together, a bracket that glosses the no-year entries, a surname before more listing nouns, clipped
prepositions, and a comparative with no 'than' that picks an end of a set: '2019, 2021 and 2022 taken together',
'2021 through 2022', "(undated entries are the current year's)", 'courville preprints', 'incl pdfs', "Liu's earlier
paper", 'the newer of the two'. Every question was made up for this file; expected rows are read off the parsed
records with plain Python. The content questions use the same words of what papers say and stay with retrieval.

Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import datetime

import pytest

from test_planner_kinds import catalog, papers  # noqa: F401 (the seed pages and the five PDFs, parsed)
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan


def rows(question: str, catalog: Catalog, op: str) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert the_plan.op == op, (question, the_plan.op)
    return sorted(p.title for p in run(the_plan, catalog.papers).rows)


def courville(papers, test) -> list[str]:
    return sorted(p.title for p in papers if (p.profile_of == "Aaron Courville" or any(
                  a.name == "Aaron Courville" for a in p.authors)) and test(p))


def dated(p) -> bool:
    return bool(p.date) and not (p.date_precision == "year" and p.date_inferred)


@pytest.mark.parametrize("question", [
    "Courville's list: how many entries from 2021 and 2022 combined?",
    "count courville's papers dated 2021 + 2022",
    "how many Courville papers from 2021 through 2022?",
    "Courville papers 2021-2022 inclusive, how many?",
    "how many Courville entries in 2021 or in 2022?",  # the preposition said again: still one union
])
def test_two_years_said_together_are_their_union(question, catalog, papers):
    both = courville(papers, lambda p: dated(p) and p.year in (2021, 2022))
    assert len(both) >= 10 and len(courville(papers, lambda p: dated(p) and p.year == 2022)) < len(both)
    assert rows(question, catalog, "count") == both


def test_a_list_of_years_taken_together(catalog, papers):
    wanted = courville(papers, lambda p: dated(p) and p.year in (2019, 2021, 2022))
    assert rows("Courville entries from 2019, 2021 and 2022 taken together - how many?", catalog, "count") == wanted


def test_a_bracket_saying_the_no_year_entries_are_this_year_s_adds_no_condition(catalog, papers):
    this_year = datetime.date.today().year
    later = courville(papers, lambda p: dated(p) and p.year >= 2025)
    assert any(p.year == this_year for p in papers if p.title in later) and any(
        p.year == 2025 for p in papers if p.title in later)
    assert rows("courville page, 2025 or later: how many? (entries without a year count as this year)",
                catalog, "count") == later
    assert rows("how many of Courville's are from 2025 onwards (undated ones are the current year's)?",
                catalog, "count") == later


def test_a_bracket_that_denies_the_gloss_is_not_dropped(catalog):
    the_plan = plan("how many courville papers from 2025 or later (the no-year ones don't count as this year)?", catalog)
    assert the_plan is None or any("printed year" in c.label for c in the_plan.conditions)


@pytest.mark.parametrize("question", [
    "how many courville postings from the second half of 2023?",
    "July through December 2023: courville preprints?",
    "courville articles in H2 2023",
    "courville papers from 2023's second half",  # the year said first, as a possessive
    "courville's entries in the back half of 2023",
])
def test_more_listing_nouns_after_a_surname_and_a_half_year_said_any_way(question, catalog, papers):
    wanted = courville(papers, lambda p: bool(p.date) and p.date_precision != "year" and "2023-07" <= p.date[:7] <= "2023-12")
    assert len(wanted) >= 5
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert sorted(p.title for p in run(the_plan, catalog.papers).rows) == wanted


def test_a_lower_case_surname_said_first_as_a_heading_is_the_person(catalog, papers):
    from_2023 = courville(papers, lambda p: dated(p) and p.year == 2023)
    assert len(from_2023) >= 5
    assert rows("courville: how many papers from 2023?", catalog, "count") == from_2023
    assert rows("courville - papers from 2023?", catalog, "list") == from_2023
    malkin = sorted(p.title for p in papers if any(a.name == "Nikolay Malkin" for a in p.authors) and p.has_code)
    assert malkin and rows("malkin, which papers have code?", catalog, "list") == malkin
    assert answer_from_catalog("courville: what is his research about?", "courville: what is his research about?",
                               papers) is None


def test_clipped_prepositions_are_spelled_out(catalog, papers):
    unified = sorted(p.title for p in papers if "unified" in p.title.casefold().split() or "Unified" in p.title)
    assert len(unified) >= 3
    assert rows("titles with 'unified' in them, everything incl. the pdfs", catalog, "list") == unified
    wanted = courville(papers, lambda p: dated(p) and p.year == 2023 and not p.has_code)
    assert rows("courville papers from 2023 excl the ones with code", catalog, "list") == wanted


def _liu(papers) -> list:
    return sorted((p for p in papers if any(a.name == "Jiashun Liu" for a in p.authors)), key=lambda p: p.date)


@pytest.mark.parametrize("question, end", [
    ("Jiashun Liu's earlier paper?", 0),
    ("of Jiashun Liu's two entries, the older of them?", 0),
    ("Jiashun Liu — which is his older preprint?", 0),
    ("Jiashun Liu: the newer paper of his, please", -1),
    ("Jiashun Liu's more recent posting on Courville's profile", -1),
])
def test_a_comparative_with_nothing_to_compare_against_picks_an_end(question, end, catalog, papers):
    liu = _liu(papers)
    assert len(liu) == 2 and liu[0].date < liu[1].date
    assert rows(question, catalog, "first" if end == 0 else "last") == [liu[end].title]


@pytest.mark.parametrize("question", [
    "What does Jiashun Liu's earlier paper propose?",
    "How does the newer preprint improve on the older one?",
    "Which earlier work does the LayoutParser paper build on?",
    "What did the 2021 and 2022 papers combined show about exploration?",
])
def test_the_same_words_said_of_content_stay_with_retrieval(question, catalog, papers):
    assert answer_from_catalog(question, question, papers) is None
