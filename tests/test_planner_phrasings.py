"""Phrasings the planner was not written for: any verb between a named author and their papers, co-author counts,
and a paper named by what it is about. Every question here was made up for this file (none is from a dataset);
their negative probes (content questions of the same shapes, which must stay with retrieval) are in test_planner.

Unit tests over the real seed pages parsed (no index, no model).
"""

from __future__ import annotations

import datetime

import pytest

from test_planner import catalog, papers  # noqa: F401 (the seed catalog's fixtures)

from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, headline, run
from rag.plan_terms import dated_year
from rag.plan_verbs import VerbJudge
from rag.planner import plan


@pytest.fixture(scope="module")
def judge(embedder):
    return VerbJudge(embedder)  # the real all-MiniLM-L6-v2


def rows(question: str, catalog: Catalog, judge: VerbJudge | None = None) -> list[str]:
    the_plan = plan(question, catalog, judge)
    assert the_plan is not None, question
    return sorted(p.title for p in run(the_plan, catalog.papers).rows)


# (a phrasing with a verb no list holds, the plain phrasing it must equal)
SAME_AS = [
    ("What has Nikolay Malkin churned out?", "Papers by Nikolay Malkin?"),
    ("Which papers did Max Schwarzer help write in 2022?", "Which papers by Max Schwarzer are from 2022?"),
    ("Which papers were cooked up by Nikolay Malkin?", "Papers by Nikolay Malkin?"),
    ("Everything Lili Mou has produced?", "Which papers list Lili Mou as an author?"),
    ("Which papers did Dinghuai Zhang crank out in 2023?", "Which papers by Dinghuai Zhang are from 2023?"),
    ("Which papers surfaced in June 2022?", "Which papers are from June 2022?"),
    ("How many titles were added in 2024?", "How many papers are from 2024?"),
    ("Do we have any papers from Lili Mou?", "Which papers list Lili Mou as an author?"),
    ("Is there something by Max Schwarzer from 2021?", "Which papers by Max Schwarzer are from 2021?"),
    ("Which papers are older than 2018?", "Which papers came out before 2018?"),
    ("Which of Dinghuai Zhang's papers are newer than 2022?", "Which papers by Dinghuai Zhang are from after 2022?"),
    ("What did Aaron Courville put out this year (2025)?", "Which papers by Aaron Courville are from 2025?"),
    # A request opening the sentence
    ("Pull up the DeepMind-tagged papers.", "Which papers carry the DeepMind tag?"),
    ("Please fetch Max Schwarzer's papers.", "Papers by Max Schwarzer?"),
    ("Grab all papers from 2024.", "Which papers are from 2024?"),
]


@pytest.mark.parametrize("new, plain", SAME_AS)
def test_a_verb_of_making_between_an_author_and_the_papers_is_read(new, plain, catalog, judge):
    expected = rows(plain, catalog)
    assert expected, plain  # the plain phrasing selects something, so equality says something
    assert rows(new, catalog, judge) == expected


# A person or the papers, a verb that does something else to them, and a value the catalog holds.
NOT_MAKING = [
    "Which papers did Lili Mou supervise?",
    "Which papers were rejected in 2023?",
    "Which papers did DeepMind fund?",
    "Which papers were inspired by Aaron Courville?",
    "Which papers did Aaron Courville critique in 2022?",
    "When did TokMem get retracted?",
    "Which papers has Nikolay Malkin refuted?",
    "Summarise the Mila papers.",
    "Translate the 2023 papers.",
    "Explain Max Schwarzer's papers.",
]


@pytest.mark.parametrize("question", NOT_MAKING)
def test_a_verb_that_does_something_else_to_the_papers_is_not_read(question, catalog, judge):
    assert plan(question, catalog, judge) is None


def test_without_a_judge_no_verb_slot_is_read(catalog):
    assert plan("What has Nikolay Malkin churned out?", catalog) is None
    assert plan("Papers by Nikolay Malkin?", catalog) is not None


def test_this_year_and_last_year_are_read_from_today(catalog, judge):
    year = datetime.date.today().year
    assert plan("Which papers came out this year?", catalog).conditions[0].label == f"year: {year}"
    last = plan("What papers did Courville co-author last year?", catalog, judge)
    assert last.op == "list" and [c.label for c in last.conditions] == ["author: Aaron Courville", f"year: {year - 1}"]


def test_how_old_asks_for_the_date(catalog):
    the_plan = plan("How old is HoME?", catalog)
    assert the_plan.op == "lookup" and the_plan.lookup == "date" and the_plan.target.title.startswith("HoME")


def test_a_count_with_an_unlisted_verb_is_a_count(catalog, judge):
    the_plan = plan("How many papers did Aaron Courville turn out in 2023?", catalog, judge)
    assert the_plan.op == "count"
    assert {c.field for c in the_plan.conditions} == {"author", "year"}


def test_a_paper_as_the_subject_of_an_unlisted_verb_is_a_lookup(catalog, judge):
    the_plan = plan("When did Nano3D land on arXiv?", catalog, judge)
    assert the_plan.op == "lookup" and the_plan.lookup == "date" and the_plan.target.title.startswith("Nano3D")


# Their negative probes (content questions of the same shapes) are in test_planner.PROBES.


def authors_exactly(catalog: Catalog, n: int, who: str | None = None) -> list[str]:
    return sorted(p.title for p in catalog.papers if p.authors and not p.authors_truncated and len(p.authors) == n
                  and (who is None or who in p.author_names))


def test_co_authors_are_the_other_authors(catalog):
    pairs = authors_exactly(catalog, 2)
    assert pairs and rows("Which papers have exactly one co-author?", catalog) == pairs
    trios = authors_exactly(catalog, 3, "Aaron Courville")
    assert trios and rows("Which of Aaron Courville's papers have two co-authors?", catalog) == trios
    labels = [c.label for c in plan("Which papers have at least three co-authors?", catalog).conditions]
    assert labels == ["authors: at least 4"]


@pytest.mark.parametrize("question", ["Papers Max Schwarzer wrote with no co-authors?", "Which papers were written alone?",
                                      "Any solo papers?"])
def test_no_co_author_is_one_author_not_no_authors(question, catalog):
    assert "authors: exactly 1" in [c.label for c in plan(question, catalog).conditions]


@pytest.mark.parametrize("question, title, field", [
    ("When was the paper about quantile flows posted?", "Distributional GFlowNets with Quantile Flows", "date"),
    ("Who wrote the one-token procedural memory paper?", "TokMem", "authors"),
    ("What category is the preprint on semantic segmentation with recurrent networks in?", "ReSeg", "category"),
    ("Which organisation tag does the paper on isotropic Gaussian representations carry?",
     "Stable Deep Reinforcement Learning via Isotropic Gaussian Representations", "organisation"),
    ("How many authors does the quantile flows paper list?", "Distributional GFlowNets", "author_count"),
])
def test_a_paper_named_by_description_is_resolved_and_named_back(question, title, field, catalog):
    the_plan = plan(question, catalog)
    assert the_plan.op == "lookup" and the_plan.lookup == field and the_plan.target.title.startswith(title)
    # The answer says which paper it took the description to be, so a wrong guess shows.
    assert headline(run(the_plan, catalog.papers)).startswith(f"Taking '{the_plan.described}' to be {title}")


def test_a_description_with_affiliated_authors_counts_them(catalog):
    answer = answer_from_catalog("How many Amii-affiliated authors does the long-term memory benchmark paper have?",
                                 "How many Amii-affiliated authors does the long-term memory benchmark paper have?",
                                 catalog.papers)
    paper = next(p for p in catalog.papers if p.title.startswith("Beyond a Million Tokens"))
    marked = [a for a in paper.authors if a.affiliation == "Amii"]
    assert marked and f"{len(marked)} of {len(paper.authors)} authors" in answer.answer


def test_a_description_that_fits_several_papers_asks_which(catalog):
    the_plan = plan("When was the reinforcement learning paper posted?", catalog)
    assert the_plan.op == "which" and len(the_plan.candidates) >= 2
    text = headline(run(the_plan, catalog.papers))
    assert text.startswith("Which paper do you mean?") and all(p.title in text for p in the_plan.candidates)


def test_a_yes_no_question_about_a_described_paper_is_checked(catalog):
    the_plan = plan("Is the household multimodal environment paper from 2017?", catalog)
    assert the_plan.op == "check" and the_plan.target.title.startswith("HoME")
    assert headline(run(the_plan, catalog.papers)).startswith(f"Taking '{the_plan.described}' to be HoME")
    assert "Yes (year: 2017)" in headline(run(the_plan, catalog.papers))


def test_a_named_paper_anchors_a_condition_on_the_others(catalog):
    home = next(p for p in catalog.papers if p.title.startswith("HoME"))
    assert [p.title for p in catalog.papers if dated_year(p) == 2017] == [home.title]  # none of its year to order
    newer = sorted(p.title for p in catalog.papers if (dated_year(p) or 0) > 2017)
    assert newer and rows("Which papers are more recent than HoME?", catalog) == newer
    tokmem = next(p for p in catalog.papers if p.title.startswith("TokMem"))
    shared = sorted(p.title for p in catalog.papers if p is not tokmem and set(p.author_names) & set(tokmem.author_names))
    assert shared and rows("What else did the people behind TokMem write?", catalog) == shared
    assert rows("Which papers share a co-author with TokMem?", catalog) == shared
    the_plan = plan("How many Mila papers came out after 'Sparse Universal Transformer'?", catalog)
    assert the_plan.op == "count" and sorted(c.field for c in the_plan.conditions) == ["date", "organisation"]


def test_a_share_is_counted_out_of_its_scope_and_out_of_the_papers_that_print_the_field(catalog):
    courville = [p for p in catalog.papers if "Aaron Courville" in p.author_names or p.profile_of == "Aaron Courville"]
    mila = [p for p in courville if p.organisation == "mila"]
    text = headline(run(plan("What share of Aaron Courville's papers carry the Mila tag?", catalog), catalog.papers))
    assert text.startswith(f"{len(mila)} of {len(courville)} papers") and f"({100 * len(mila) / len(courville):.0f}%)" in text
    everything = headline(run(plan("What percentage of the papers are in Machine Learning?", catalog), catalog.papers))
    with_category = [p for p in catalog.papers if p.category]
    lg = [p for p in with_category if p.category == "LG"]
    assert everything.startswith(f"{len(lg)} of {len(catalog.papers)} papers")
    assert f"Of the {len(with_category)} whose page prints the fields asked, {100 * len(lg) / len(with_category):.0f}%" \
        in everything
