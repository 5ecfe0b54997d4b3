"""Values compared and spans built from parts: a number against any numeric field of the registry (a score, a page
count, an arXiv version, a title's length), parts of a year or a month (a week, a quarter, a season, a day, of a year
or of any year), a page's own printed order as a sortable field, and characters a title prints. Every question here
was made up for this file (none is from a dataset); expected rows are read off the parsed pages' own fields with
plain Python, not through the planner. The probes are content questions with the same words, which stay with
retrieval.

Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import parse_seed_pages
from test_planner import catalog  # noqa: F401 (the catalog of the seed pages and the five PDFs)
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.parsing import merge_papers, parse_file
from rag.planner import plan

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"


@pytest.fixture(scope="module")
def papers():
    assert PAPERS.is_dir(), f"the shared PDFs are missing: {PAPERS}"  # fail, never skip
    return merge_papers(parse_seed_pages() + [r for path in sorted(PAPERS.glob("*.pdf")) for r in parse_file(path)])


def rows(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return sorted(p.title for p in run(the_plan, catalog.papers).rows)


def where(catalog: Catalog, test) -> list[str]:
    return sorted(p.title for p in catalog.papers if test(p))


def day(p) -> tuple[int, int, int] | None:
    return tuple(int(x) for x in p.date.split("-")) if p.date and p.date_precision == "day" else None  # type: ignore


def test_a_number_compared_with_each_numeric_field(catalog):
    # The profile prints four scores: 89.4, 91.4, 84.8 and 84.2 (the seed page's entry lines).
    assert rows("Which entries score higher than 90?", catalog) == [
        "Representation Learning Enables Scalable Multitask Deep Reinforcement Learning"]
    assert rows("profile papers rated 85 or more", catalog) == where(
        catalog, lambda p: p.listing_score is not None and p.listing_score >= 85) and len(rows(
            "profile papers rated 85 or more", catalog)) == 2
    assert rows("list the papers with scores between 84 and 85", catalog) == where(
        catalog, lambda p: p.listing_score is not None and 84 <= p.listing_score <= 85)
    below = rows("Which papers have a score under 85?", catalog)
    assert len(below) == 2 and all(next(p for p in catalog.papers if p.title == t).profile_of for t in below)
    assert rows("Which PDFs have at least 8 pages?", catalog) == where(
        catalog, lambda p: p.page_count is not None and p.page_count >= 8)
    assert rows("which papers have titles longer than 14 words", catalog) == where(
        catalog, lambda p: len(p.title.split()) > 14)
    assert rows("PDFs on arXiv version 3 or later", catalog) == where(
        catalog, lambda p: p.arxiv is not None and p.arxiv.version is not None and int(p.arxiv.version) >= 3)


def test_a_comparison_counts_and_names_itself(catalog):
    question = "How many profile entries carry a score of at least 84.5?"
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and answer.answer.startswith("3 papers match") and "score: at least 84.5" in answer.answer


def test_parts_of_a_month_or_a_year(catalog):
    last_week = rows("What went up during the last week of June 2022?", catalog)  # June has 30 days: 24 to 30
    assert last_week == where(catalog, lambda p: (d := day(p)) is not None and d[:2] == (2022, 6) and d[2] >= 24)
    assert last_week and rows("anything from the second week of June 2022?", catalog) == where(
        catalog, lambda p: (d := day(p)) is not None and d[:2] == (2022, 6) and 8 <= d[2] <= 14)
    assert rows("Which papers are from the last quarter of any year?", catalog) == where(
        catalog, lambda p: bool(p.date) and p.date_precision != "year" and int(p.date[5:7]) >= 10)
    assert rows("anything posted in autumn '23?", catalog) == where(
        catalog, lambda p: bool(p.date) and p.date_precision != "year" and "2023-09" <= p.date[:7] <= "2023-11")
    winter = rows("papers from the winter of 2022-23", catalog)
    assert winter == where(catalog, lambda p: bool(p.date) and p.date_precision != "year"
                           and "2022-12" <= p.date[:7] <= "2023-02") and winter
    assert rows("Which entries are dated March 3, in any year?", catalog) == where(
        catalog, lambda p: (d := day(p)) is not None and d[1:] == (3, 3))
    assert rows("papers posted in the first week of any month", catalog) == where(
        catalog, lambda p: (d := day(p)) is not None and d[2] <= 7)
    assert rows("How many papers came out in H2, regardless of year?", catalog) == where(
        catalog, lambda p: bool(p.date) and p.date_precision != "year" and int(p.date[5:7]) >= 7)


@pytest.mark.parametrize("question", [
    "What happens in the second half of the episode?",
    "What was posted in the first week of June?",  # no year said, none said to be free: not guessed
    "How does the model behave in the first quarter of training?",
    "Which spring constant do the experiments use?",
])
def test_parts_without_a_whole_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None


def test_a_page_s_printed_order_is_a_field(catalog):
    def on(page: str, pick) -> str:
        listed = [(s.position, p.title) for p in catalog.papers for s in p.sources if page in (s.page_name or "")]
        return pick(listed)[1]

    assert rows("Which paper appears at the very bottom of the trending page?", catalog) == [on("trending", max)]
    assert rows("What is the top entry on the Amii page?", catalog) == [on("Amii", min)]
    assert rows("name the paper listed first on Courville's profile", catalog) == [on("Courville", min)]
    answer = answer_from_catalog("the last paper listed on the Amii page", "the last paper listed on the Amii page",
                                 catalog.papers)
    assert answer is not None and "entry 16 on Amii at ICLR 2026" in answer.answer
    # An author list has ends too; they stay an author's place, not the listing's.
    assert plan("papers with Aaron Courville at the end of the author list", catalog).key != "position"


@pytest.mark.parametrize("question", [
    "What is the first paper to propose dense passage retrieval?",
    "Which method comes first in the results table?",
])
def test_firsts_that_are_not_a_listing_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None


def test_characters_a_title_prints(catalog):
    assert rows("How many titles contain an ampersand?", catalog) == where(catalog, lambda p: "&" in p.title)
    asked = rows("Which titles in the collection are posed as questions?", catalog)
    assert asked == where(catalog, lambda p: "?" in p.title) and len(asked) >= 3
    assert rows("titles ending in an exclamation point", catalog) == where(catalog, lambda p: p.title.rstrip().endswith("!"))
    assert rows("Which titles include a '!'?", catalog) == where(catalog, lambda p: "!" in p.title)


@pytest.mark.parametrize("question", [
    "Why does the colon matter in the tokenizer's output format?",
    "What does the exclamation mark denote in the notation section?",
])
def test_characters_outside_titles_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None


def test_an_average_and_a_comparative_over_a_numeric_field(catalog, papers):
    question = "what is the mean score on the profile?"
    answer = answer_from_catalog(question, question, papers)
    scores = [p.listing_score for p in papers if p.listing_score is not None]
    assert answer is not None and f"is {sum(scores) / len(scores):.4g}" in answer.answer and len(scores) == 4
    median = answer_from_catalog("median page count of the PDFs", "median page count of the PDFs", papers)
    counts = sorted(p.page_count for p in papers if p.page_count)
    assert median is not None and f"is {counts[len(counts) // 2]}," in median.answer and len(counts) % 2 == 1
    versions = {p.title: int(p.arxiv.version) for p in papers if p.arxiv and p.arxiv.version}
    assert rows("Which arXiv PDF carries the lower version number?", catalog) == [min(versions, key=versions.get)]
    assert rows("Which profile entries have a score greater than or equal to 89.4?", catalog) == where(
        catalog, lambda p: p.listing_score is not None and p.listing_score >= 89.4)


def test_places_in_a_listing_and_halves_of_a_month(catalog):
    def place(page: str, n: int) -> list[str]:
        return sorted(p.title for p in catalog.papers for s in p.sources
                      if page in (s.page_name or "") and s.position + 1 <= n)

    assert rows("What's the third paper listed on the trending page?", catalog) == sorted(
        set(place("trending", 3)) - set(place("trending", 2)))
    assert rows("show the first four entries on Courville's profile", catalog) == place("Courville", 4)
    assert rows("Which of the top 10 papers listed on the trending page have a colon in the title?", catalog) == sorted(
        t for t in place("trending", 10) if ":" in t)
    assert rows("what came out in the second half of June 2022?", catalog) == where(
        catalog, lambda p: (d := day(p)) is not None and d[:2] == (2022, 6) and d[2] >= 16)


def test_parts_said_other_ways(catalog):
    def months(low: str, high: str):
        return where(catalog, lambda p: bool(p.date) and p.date_precision != "year" and low <= p.date[:7] <= high)

    assert rows("Which papers were posted in 2023 Q3?", catalog) == months("2023-07", "2023-09")
    assert rows("papers from the last two months of 2023", catalog) == months("2023-11", "2023-12")
    this_year = datetime.date.today().year
    assert rows("list the papers from the first quarter of this year", catalog) == months(
        f"{this_year}-01", f"{this_year}-03")
    assert rows("Which paper opens the trending list?", catalog) == rows(
        "What's the very first paper listed on the trending page?", catalog)


@pytest.mark.parametrize("question", [
    "Who heads the author list of SPECTER?",
    "Which method leads the results table?",
])
def test_the_head_of_other_lists_stays_away_from_the_listing(question, catalog):
    the_plan = plan(question, catalog)
    assert the_plan is None or the_plan.key != "position"


def test_the_time_between_two_named_papers(catalog, papers):
    def dated(name: str):
        return next(p for p in papers if p.title.startswith(name))

    home, reseg = dated("HoME"), dated("ReSeg")
    assert home.date_precision == reseg.date_precision == "day"
    days = abs((datetime.date.fromisoformat(home.date) - datetime.date.fromisoformat(reseg.date)).days)
    question = "How many days passed between HoME and ReSeg?"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and answer.answer.startswith(f"{days} days between ") and days > 0
    weeks = answer_from_catalog("how many weeks separate ReSeg and HoME", "how many weeks separate ReSeg and HoME", papers)
    assert weeks is not None and f"({days / 7:.1f} weeks)" in weeks.answer
    # A date printed only to its year cannot be counted against another: said, not guessed.
    yearly = [p for p in papers if p.date_precision == "year" and p.title.startswith(("Cactus", "TokMem"))]
    far = answer_from_catalog("how far apart were TokMem and Cactus posted?", "how far apart were TokMem and Cactus posted?",
                              papers)
    assert yearly and far is not None and "do not date both papers closely enough" in far.answer


@pytest.mark.parametrize("question", [
    "What is the performance gap between SPECTER and DPR?",
    "How long does SPECTER take to train compared with DPR?",
])
def test_a_gap_in_content_stays_with_retrieval(question, catalog):
    the_plan = plan(question, catalog)
    assert the_plan is None or the_plan.op != "gap"


def test_days_known_by_name(catalog):
    boxing = rows("Was anything released on Boxing Day 2025?", catalog)
    assert boxing == where(catalog, lambda p: day(p) == (2025, 12, 26)) and boxing
    fools = rows("Which papers went up on April Fools' Day, whatever the year?", catalog)
    assert fools == where(catalog, lambda p: (d := day(p)) is not None and d[1:] == (4, 1)) and fools
    assert rows("anything posted on New Year's Eve 2025?", catalog) == where(catalog, lambda p: day(p) == (2025, 12, 31))
    assert plan("What do the authors say about Christmas?", catalog) is None  # no year, none said to be free


def test_comparisons_and_parts_said_with_words(catalog):
    scores = sorted(p.listing_score for p in catalog.papers if p.listing_score is not None)
    under = max(x for x in scores if x < 90)
    assert rows("Which profile entry has the highest score under 90?", catalog) == where(
        catalog, lambda p: p.listing_score == under)  # the comparison kept beside the sort, not dropped
    # a PDF with no title line is named after its file ('a1977 backus p21'): no title to measure
    assert rows("Which titles are under five words long?", catalog) == where(
        catalog, lambda p: len(p.title.split()) < 5 and ("title" in p.printed or not any(s.format == "pdf" for s in p.sources)))
    assert rows("How many PDFs run longer than 10 pages?", catalog) == where(
        catalog, lambda p: p.page_count is not None and p.page_count > 10)
    assert rows("count the entries whose score exceeds 84.5", catalog) == where(
        catalog, lambda p: p.listing_score is not None and p.listing_score > 84.5)
    first_ten = rows("what came out in the first ten days of June 2022", catalog)
    assert first_ten == where(catalog, lambda p: (d := day(p)) is not None and d[:2] == (2022, 6) and d[2] <= 10)
    assert first_ten and rows("papers from the last two weeks of June 2022", catalog) == where(
        catalog, lambda p: (d := day(p)) is not None and d[:2] == (2022, 6) and d[2] >= 17)
    assert rows("How many papers appeared in the summer months of 2023?", catalog) == where(
        catalog, lambda p: bool(p.date) and p.date_precision != "year" and "2023-06" <= p.date[:7] <= "2023-08")
    third = [p.title for p in catalog.papers for s in p.sources if "Amii" in (s.page_name or "") and s.position == 2]
    assert rows("which paper is listed third on the Amii page", catalog) == third
    assert plan("Who is listed third on the SPECTER author list?", catalog) is None or \
        plan("Who is listed third on the SPECTER author list?", catalog).key != "position"


@pytest.mark.parametrize("question", [
    "Which models score above 85 on GLUE?",
    "What accuracy above 90 percent does DPR report?",
    "How many pages of appendix does SPECTER have?",
    "What happened in the first week of training?",
    "Which methods improved in the second half of the year?",
    "What is the top entry in Table 2?",
    "Which baseline is listed first in the results?",
    "What is the average score of BM25 on Natural Questions?",
    "How many days does training DPR take?",
    "What do the authors of the last paper on the trending page propose?",
])
def test_numbers_parts_and_places_inside_content_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None
