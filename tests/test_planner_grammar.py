"""The planner's grammar: negation, 'or', ranges, author counts, superlatives, counts per value, top n.

Each expected answer is computed here from the parsed seed records by a plain filter, not by the
planner, so a test fails when the grammar reads a phrasing wrong. Phrasings are varied on purpose:
the grammar is about cue words and structure ('not', 'or', 'between', 'the most'), not about these
questions.
"""

from __future__ import annotations

import pytest

from rag.catalog import Catalog
from rag.catalog_query import headline, run
from rag.planner import plan


@pytest.fixture(scope="module")
def papers(seed_papers):
    return seed_papers


@pytest.fixture(scope="module")
def catalog(papers):
    return Catalog.of(papers)


def answer(question: str, catalog: Catalog):
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return run(the_plan, catalog.papers)


def titles(question: str, catalog: Catalog) -> set[str]:
    return {p.title for p in answer(question, catalog).rows}


def amii(p) -> bool:
    return any(s.format == "institute" for s in p.sources)


def test_negation_counts_only_papers_whose_field_is_printed(catalog, papers):
    not_lg = {p.title for p in papers if p.category and p.category != "LG"}
    assert titles("Which papers are not in Machine Learning?", catalog) == not_lg
    assert titles("Papers outside cs.LG?", catalog) == not_lg
    result = answer("Which papers are not in LG?", catalog)
    assert "cannot be counted either way" in headline(result)  # the trending page prints no categories
    neither = {p.title for p in papers if p.category and p.category not in ("LG", "CL")}
    assert titles("Which papers are neither in LG nor in CL?", catalog) == neither
    assert titles("Which papers are not in Machine Learning or Computation and Language?", catalog) == neither


def test_negated_affiliation_and_section(catalog, papers):
    none_marked = {p.title for p in papers if amii(p) and not any(a.affiliation == "Amii" for a in p.authors)}
    assert len(none_marked) == 3
    assert titles("Which ICLR papers have no Amii-affiliated author?", catalog) == none_marked
    assert titles("List the papers without any Amii-affiliated author.", catalog) == none_marked
    main = {p.title for p in papers if p.section == "accepted"}
    assert titles("Which ICLR papers are not workshop papers?", catalog) == main
    assert titles("Which papers were accepted to ICLR, as opposed to workshop papers?", catalog) == main
    assert titles("Which ICLR papers are there, excluding the workshop?", catalog) == main
    small = {p.title for p in papers if p.section == "accepted" and len(p.authors) < 4}
    assert titles("Which non-workshop ICLR papers have fewer than four authors?", catalog) == small


def test_a_negation_does_not_reach_past_its_values(catalog, papers):
    expected = {p.title for p in papers if p.category and p.category != "LG" and p.year == 2022
                and p.date_precision != "year"}
    assert titles("Which papers not in LG were posted in 2022?", catalog) == expected
    mila_free = {p.title for p in papers if p.profile_of and p.organisation not in ("mila", "deepmind")}
    assert titles("Which papers are on Aaron Courville's profile but not tagged mila or deepmind?", catalog) == mila_free


def test_field_presence(catalog, papers):
    assert titles("Which papers have no organisation tag?", catalog) == {p.title for p in papers if not p.organisation}
    assert titles("Which papers carry an organisation tag?", catalog) == {p.title for p in papers if p.organisation}
    assert titles("Which papers lack a category?", catalog) == {p.title for p in papers if not p.category}


def test_including_widens_instead_of_narrowing(catalog, papers):
    iclr = {p.title for p in papers if amii(p)}
    assert titles("Which papers appear on the ICLR 2026 list, including workshop papers?", catalog) == iclr


def test_two_values_of_one_field_mean_either(catalog, papers):
    either = {p.title for p in papers if p.category in ("CL", "CV")}
    assert titles("Which papers are in CL or CV?", catalog) == either
    assert titles("How many papers are in Computation and Language and Computer Vision?", catalog) == either
    by_either = {p.title for p in papers if {"Dinghuai Zhang", "Max Schwarzer"} & set(p.author_names)}
    assert titles("Which papers did Dinghuai Zhang or Max Schwarzer write?", catalog) == by_either
    both = {p.title for p in papers if {"Yongchang Hao", "Lili Mou"} <= set(p.author_names)}
    assert titles("Which papers did Yongchang Hao and Lili Mou write?", catalog) == both


def test_date_ranges(catalog, papers):
    def dated(p):
        return p.date and not (p.date_precision == "year" and p.date_inferred)

    assert titles("Which papers were posted between March 2022 and June 2022?", catalog) == {
        p.title for p in papers if dated(p) and "2022-03" <= p.date[:7] <= "2022-06"}
    assert titles("Which papers came out in 2023 or later?", catalog) == {
        p.title for p in papers if dated(p) and p.year >= 2023}
    assert titles("Papers published up to 2020?", catalog) == {p.title for p in papers if dated(p) and p.year <= 2020}
    assert titles("Which papers were posted in the second half of 2023?", catalog) == {
        p.title for p in papers if dated(p) and "2023-07" <= p.date[:7] <= "2023-12"}
    assert titles("Which papers came out in the 2010s?", catalog) == {
        p.title for p in papers if dated(p) and 2010 <= p.year <= 2019}


def test_a_venue_year_is_not_a_posting_date_and_the_answer_says_so(catalog, papers):
    result = answer("How many papers were posted in 2026?", catalog)
    assert {p.title for p in result.rows} == {p.title for p in papers if p.year == 2026 and p.date_precision == "day"}
    assert "ICLR 2026 carry no date of their own" in headline(result)
    assert len(titles("How many ICLR 2026 papers are there?", catalog)) == 16


def test_entries_whose_page_prints_no_date_are_said_to_be_unplaced_not_silently_absent(catalog, papers):
    undated = [p for p in papers if p.date is None and p.year is None]
    assert undated and all(p.sources[0].format == "trending" for p in undated)  # the trending page dates only itself
    for question in ("Which trending papers are from 2024?", "any papers on the trending feed from before 2020?"):
        result = answer(question, catalog)
        assert result.rows == []
        assert f"{len(undated)} papers (trending papers (Jun 26)) print no date and cannot be placed in time" \
            in headline(result)
    dated_only = answer("How many Courville papers came out in 2022?", catalog)  # no undated entry in scope: no note
    assert dated_only.rows and "print no date" not in headline(dated_only)


def test_an_undated_upload_is_named_by_its_file_when_it_has_no_page(papers):
    from rag.records import SourceRef

    upload = papers[0].model_copy(update={
        "paper_id": "upload-notes", "title": "Reading notes on exploration", "date": None, "date_precision": None,
        "venue": None, "sources": [SourceRef(path="uploads/reading-notes.txt", format="text", position=0)]})
    with_upload = Catalog.of([*papers, upload])
    trending = sum(1 for p in papers if p.date is None and p.year is None)
    text = headline(answer("Which papers are from 2021?", with_upload))
    assert f"{trending + 1} papers (reading-notes.txt, trending papers (Jun 26)) print no date" in text


def test_author_counts(catalog, papers):
    full = [p for p in papers if p.authors and not p.authors_truncated]
    assert titles("Which papers have between 4 and 6 authors?", catalog) == {
        p.title for p in full if 4 <= len(p.authors) <= 6}
    assert titles("Which papers have 10 or more authors?", catalog) == {p.title for p in papers if len(p.authors) >= 10}
    assert titles("Which two-author papers are there?", catalog) == {p.title for p in full if len(p.authors) == 2}
    two_marked = {p.title for p in papers if sum(a.affiliation == "Amii" for a in p.authors) >= 2}
    assert titles("Which papers have two or more Amii-affiliated authors?", catalog) == two_marked
    assert titles("Which of the Amii ICLR papers have more than five authors?", catalog) == {
        p.title for p in papers if amii(p) and len(p.authors) > 5}


def test_superlatives_and_top_n(catalog, papers):
    longest = max(papers, key=lambda p: len(p.authors))
    assert titles("Which paper on the Amii ICLR page has the longest author list?", catalog) == {longest.title}
    assert titles("Which paper in the library has the longest list of authors?", catalog) == {longest.title}
    ranked = sorted((p for p in papers if p.date and p.date_precision != "year"), key=lambda p: p.date)
    assert [p.title for p in answer("List the five oldest papers.", catalog).rows] == [p.title for p in ranked[:5]]
    assert [p.title for p in answer("What is the second oldest paper?", catalog).rows] == [ranked[1].title]
    # The profile leaves out the current year only ('Jun 4'); that is a date, and the newest one.
    assert answer("What is the most recent paper in the library?", catalog).rows == [ranked[-1]]


def test_counts_per_value(catalog, papers):
    result = answer("Which category has the most papers?", catalog)
    assert result.groups[0][0].startswith("LG") and len(result.rows) == sum(p.category == "LG" for p in papers)
    per_year = answer("How many papers were posted each year?", catalog)
    assert dict((v, len(m)) for v, m in per_year.groups)["2022"] == sum(
        1 for p in papers if p.year == 2022 and p.date_precision == "day")
    marked = answer("Which authors are affiliated with Amii?", catalog)
    names = {a.name for p in papers for a in p.authors if a.affiliation == "Amii"}
    assert {v for v, _ in marked.groups} == names
    assert len(answer("How many different categories are there?", catalog).groups) == len(
        {p.category for p in papers if p.category})


def test_lookups_print_the_date_as_the_page_does(catalog):
    text = headline(answer("When was 'Why Open Source? A Game-Theoretic Analysis of the AI Race' posted?", catalog))
    assert "Apr 17" in text and "2026-04-17" in text and "prints no year" in text
    assert "Nov 22, 2015" in headline(answer("When was ReSeg posted?", catalog))
    assert "no date" in headline(answer("When was Nano3D posted?", catalog))
    assert "is Zijun Wu" in headline(answer("Who is the first author of TokMem?", catalog))


# Content questions with negation, superlatives and counts in them: none is about the catalog.
PROBES = [
    "Which methods do not require a discriminator for offline RL?",
    "Which papers show that agents without memory fail at long-horizon tasks?",
    "What is the most common failure mode of PPO in non-stationary environments?",
    "Which approach has the fewest parameters among memory methods?",
    "Which paper uses the most tokens in its benchmark conversations?",
    "Which paper reports results on CIFAR-10 rather than ImageNet?",
    "Which agents learn from vision rather than sound?",
    "How does LIGHT add memory to LLMs, including a scratchpad?",
    "Are there papers on GFlowNets that are not about molecules?",
    "Which category of methods works best for continual RL?",
    "Which papers by Aaron Courville study language models?",
    "Which Machine Learning papers study exploration?",
    "Which papers from 2023 propose new GFlowNet training objectives?",
    "Who are the leading researchers in offline RL?",
    "Who are the authors?",  # no paper and no set named: the conversation asks which paper
]


@pytest.mark.parametrize("question", PROBES)
def test_content_questions_with_grammar_words_are_not_planned(question, catalog):
    assert plan(question, catalog) is None


def test_the_code_badge_is_catalog_data(catalog, papers):
    badge = {p.title for p in papers if p.has_code}
    assert len(badge) == 18  # 'Code' closes 18 meta lines on the profile page (grep -c 'Code$')
    assert titles("Which papers have code?", catalog) == badge
    without = answer("Which papers come without code?", catalog)
    assert {p.title for p in without.rows} == {p.title for p in papers if p.has_code is False}
    assert "cannot be counted either way" in headline(without)  # other pages print no badge at all
    # The same for every field of the registry (rag/catalog_fields.py), not only the code badge: only the profile
    # prints a score slot, so the listing pages' papers are neither with nor without one.
    no_score = answer("Which papers have no score?", catalog)
    assert no_score.rows and "cannot be counted either way" in headline(no_score)


def test_names_match_without_their_accents(catalog):
    assert titles("What has Scholkopf written?", catalog) == titles("What has Schölkopf written?", catalog)
    assert len(titles("Which papers list Csaba Szepesvari?", catalog)) == 1


def test_a_copied_author_list_is_said_to_be_one(catalog):
    text = headline(answer("Who wrote Nano3D?", catalog))
    assert "Renzhi Wang" in text and "may be copied" in text


def test_every_author_affiliated_and_ranges_that_say_between(catalog, papers):
    every = {p.title for p in papers if p.authors and all(a.affiliation == "Amii" for a in p.authors)}
    assert titles("Which papers on the Amii page list only Amii-affiliated authors?", catalog) == every
    more = {p.title for p in papers if sum(a.affiliation == "Amii" for a in p.authors) > 1}
    assert titles("How many of the Amii papers have more than one Amii-affiliated author?", catalog) == more
    assert titles("Which papers were published between 2020 and 2022?", catalog) == {
        p.title for p in papers if p.year and 2020 <= p.year <= 2022 and p.date_precision == "day"}
    # A paper can be on two pages: 'also' asks for both, and no seed paper is on two.
    assert titles("Which papers from the trending page also appear on the profile?", catalog) == set()


def test_a_month_without_a_year_and_top_n_after_the_sort_word(catalog, papers):
    june = {p.title for p in papers if p.date and p.date_precision != "year" and p.date[5:7] == "06"}
    assert titles("Which papers were posted in June?", catalog) == june
    by_courville = sorted((p for p in papers if p.profile_of == "Aaron Courville" and p.date_precision == "day"),
                          key=lambda p: p.date, reverse=True)
    assert [p.title for p in answer("What are the most recent three papers by Aaron Courville?", catalog).rows] == [
        p.title for p in by_courville[:3]]
    result = answer("Which Amii-affiliated author appears on the most papers?", catalog)
    assert [v for v, _ in result.groups] == ["Linglong Kong"]


def dated(p) -> bool:
    return bool(p.date) and not (p.date_precision == "year" and p.date_inferred)


def _posted(papers, low: str, high: str) -> set[str]:
    return {p.title for p in papers if dated(p) and p.date_precision != "year" and low <= p.date[:7] <= high}


@pytest.mark.parametrize("question, low, high", [
    ("Which papers are from Q3 and Q4 2023?", "2023-07", "2023-12"),
    ("papers posted in the third or fourth quarter of 2023", "2023-07", "2023-12"),
    ("anything from H1 & H2 of 2022?", "2022-01", "2022-12"),
    ("list the entries from the first and second halves of 2024", "2024-01", "2024-12"),
    ("Which papers went up in Q1, Q2 2024?", "2024-01", "2024-06"),
])
def test_two_parts_of_a_year_said_together_are_both_read(question, low, high, catalog, papers):
    assert titles(question, catalog) == _posted(papers, low, high)


def test_two_parts_of_a_year_keep_their_own_months(catalog, papers):
    assert titles("papers posted in spring or summer 2023", catalog) == _posted(papers, "2023-03", "2023-08")
    assert titles("Which papers are from Q1 or Q3 2023?", catalog) == \
        _posted(papers, "2023-01", "2023-03") | _posted(papers, "2023-07", "2023-09")


@pytest.mark.parametrize("question, year", [
    ("papers from 2025 on", 2025), ("How many papers from 2022 on are in LG?", 2022),
    ("anything from 2021 forward?", 2021), ("which ones since 2023 on?", 2023)])
def test_from_a_year_on_means_that_year_or_later(question, year, catalog, papers):
    got = answer(question, catalog)
    assert f"year: {year} or later" in headline(got)
    assert {p.title for p in got.rows} >= {p.title for p in papers if dated(p) and p.year > year and
                                           ("LG" not in question or p.category == "LG")}
