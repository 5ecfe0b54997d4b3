"""What a listing page's structure says (issue 11), in phrasings made up for this file (none is a dev question's
wording): entries printing another entry's abstract (a copy-paste defect: which ones, how many, which one X shares
with), a numbered place counted down a listing, and the spread or ratio of a numeric field's two ends. Each expected
answer is computed here from the parsed pages' own fields, without the planner; content questions that use the same
words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.catalog_fields import BY_NAME
from rag.planner import plan
from rag.records import Paper
from test_planner_kinds import catalog, papers  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures


def rows(question: str, catalog: Catalog) -> list[Paper]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return run(the_plan, catalog.papers).rows


def copied_groups(papers: list[Paper]) -> list[set[str]]:
    """Each set of entries printing one abstract, from the parser's own links (the expected answers' source)."""
    by_original: dict[str, set[str]] = {}
    for p in papers:
        if p.abstract_duplicate_of:
            by_original.setdefault(p.abstract_duplicate_of, {p.abstract_duplicate_of}).add(p.paper_id)
    return list(by_original.values())


def test_the_pages_hold_copied_abstracts(papers):
    # The tests below mean something only if the seed pages do have the defect.
    assert len(copied_groups(papers)) >= 2


@pytest.mark.parametrize("question", [
    "Which entries print a duplicated abstract?",
    "list the papers whose summary is identical to another entry's",
    "Which papers share their blurb with some other paper?",
])
def test_entries_sharing_an_abstract_are_listed(question, catalog, papers):
    expected = set().union(*copied_groups(papers))
    assert {p.paper_id for p in rows(question, catalog)} == expected


def test_entries_sharing_an_abstract_are_counted_on_one_page(catalog, papers):
    the_plan = plan("How many entries on the Amii page repeat the abstract of another entry verbatim?", catalog)
    assert the_plan is not None and the_plan.op == "count"
    amii = {p.paper_id for p in papers if any("Amii" in (s.page_name or "") for s in p.sources)}
    expected = set().union(*copied_groups(papers)) & amii
    assert {p.paper_id for p in run(the_plan, papers).rows} == expected


def test_the_twin_of_a_named_entry(catalog, papers):
    group = sorted(copied_groups(papers), key=sorted)[0]
    by_id = {p.paper_id: p for p in papers}
    copy = next(by_id[i] for i in group if by_id[i].abstract_duplicate_of)
    found = rows(f"Which other paper has word for word the same abstract as '{copy.title}'?", catalog)
    assert {p.paper_id for p in found} == group - {copy.paper_id}  # 'other': the named one left out
    found = rows(f"Does any paper carry the same summary as '{copy.title}'?", catalog)
    assert {p.paper_id for p in found} == group


def test_the_twin_of_an_entry_selected_by_its_section(catalog, papers):
    # The one entry of a section whose text is copied: the answer names the entry it shares the text with too.
    workshop = [p for p in papers if p.section == "workshop"]
    assert len(workshop) == 1 and workshop[0].abstract_duplicate_of
    found = rows("the workshop paper on the Amii page has a copied summary: from which entry?", catalog)
    assert {p.paper_id for p in found} == {workshop[0].paper_id, workshop[0].abstract_duplicate_of}


def test_an_entry_with_its_own_abstract_has_no_twin(catalog, papers):
    own = next(p for p in papers if p.abstract and p.title.startswith("TokMem"))
    answer = answer_from_catalog(f"Does any entry carry the same abstract as {own.title}?",
                                 f"Does any entry carry the same abstract as {own.title}?", papers)
    assert answer is not None and answer.answer.startswith("No paper matches") and not answer.citations


@pytest.mark.parametrize("question", [
    "What do the papers with the same abstract propose?",  # what the text says: content
    "Summarise the abstract of the Nano3D paper",
])
def test_content_questions_about_abstracts_stay_unplanned(question, catalog):
    assert plan(question, catalog) is None


@pytest.mark.parametrize("question,place", [
    ("Which paper is 7th down the trending list?", 7),
    ("what is the fifth entry counting from the top on Courville's profile?", 5),
    ("Name the 12th paper from the top of the trending page.", 12),
])
def test_a_numbered_place_counted_down_a_listing(question, place, catalog, papers):
    found = rows(question, catalog)
    assert len(found) == 1
    where = next(s for s in found[0].sources if s.format != "pdf")
    assert where.position + 1 == place


def test_the_spread_of_a_numeric_field(catalog, papers):
    score = BY_NAME["score"].number
    printed = [score(p) for p in papers if score(p) is not None]
    assert len(set(printed)) >= 2
    answer = answer_from_catalog("By how much do the highest and the lowest scores differ?",
                                 "By how much do the highest and the lowest scores differ?", papers)
    assert answer is not None
    assert f"a spread of {max(printed) - min(printed):.4g}" in answer.answer
    assert len(answer.citations) == 2  # the paper at each end, cited


def test_the_ratio_of_a_numeric_field(catalog, papers):
    pages = BY_NAME["page_count"].number
    printed = [pages(p) for p in papers if pages(p) is not None]
    the_plan = plan("What's the ratio between the longest and the shortest page count?", catalog)
    assert the_plan is not None and the_plan.op == "ratio"
    answer = answer_from_catalog("What's the ratio between the longest and the shortest page count?",
                                 "What's the ratio between the longest and the shortest page count?", papers)
    assert answer is not None and f"a ratio of {max(printed) / min(printed):.4g}" in answer.answer


def test_a_range_of_a_topic_is_not_arithmetic(catalog):
    assert plan("What is the range of learning rates the highest-scored paper tried?", catalog) is None


def test_the_entry_at_a_section_boundary(catalog, papers):
    on_page = [p for p in papers if p.section]
    first_workshop = min(s.position for p in on_page if p.section == "workshop" for s in p.sources)
    expected = {p.title for p in on_page if any(s.position == first_workshop - 1 for s in p.sources)}
    assert expected
    found = rows("Which entry sits just before the workshop section opens?", catalog)
    assert {p.title for p in found} == expected
    found = rows("Which is the last paper in the accepted section, directly before the workshop entries begin?", catalog)
    assert {p.title for p in found} == expected


def test_the_line_printed_after_an_entry_is_kept_and_asked(catalog, papers):
    followed = [p for p in papers if "after" in p.printed]
    assert followed and all(p.printed["after"].line for p in followed)
    assert all(p.printed["after"].text not in p.abstract for p in followed)  # page furniture, not the abstract
    quoted = followed[0].printed["after"].text.split()[:2]
    question = f"How many papers on the Amii page are directly followed by a '{' '.join(quoted)}' line?"
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "count"
    expected = {p.paper_id for p in followed if " ".join(quoted).casefold() in p.printed["after"].text.casefold()}
    assert {p.paper_id for p in run(the_plan, papers).rows} == expected


def test_a_date_counted_in_days_from_a_paper(catalog, papers):
    from datetime import date, timedelta
    by_day = [p for p in papers if p.date and p.date_precision == "day"]
    pairs = [(a, b) for a in by_day for b in by_day
             if date.fromisoformat(b.date) - date.fromisoformat(a.date) == timedelta(days=2)]
    anchor = pairs[0][0]
    expected = {p.paper_id for p in by_day if date.fromisoformat(p.date) == date.fromisoformat(anchor.date) + timedelta(2)}
    found = rows(f"Which entries went up two days after {anchor.title}?", catalog)
    assert {p.paper_id for p in found} == expected
    found = rows(f"what was posted exactly 2 days before {pairs[0][1].title}?", catalog)
    assert anchor.paper_id in {p.paper_id for p in found}


@pytest.mark.parametrize("word, days", [("nine", 9), ("twelve", 12), ("a single", 1)])
def test_a_day_count_written_as_any_number_word(word, days, catalog, papers):
    """The planner's own number words count days too ('nine days after X', 'twelve days before Y'), not a shorter
    list of their own."""
    from datetime import date, timedelta
    by_day = [p for p in papers if p.date and p.date_precision == "day"]
    first, later = next((a, b) for a in by_day for b in by_day
                        if date.fromisoformat(b.date) - date.fromisoformat(a.date) == timedelta(days=days))
    unit = "day" if days == 1 else "days"
    after = rows(f"Which entries were listed {word} {unit} after {first.title}?", catalog)
    assert {p.paper_id for p in after} == {p.paper_id for p in by_day if p.date == later.date}
    before = rows(f"Which papers were posted {word} {unit} before {later.title}?", catalog)
    assert first.paper_id in {p.paper_id for p in before}


def test_the_entries_printing_the_same_author_list_as_a_named_one(catalog, papers):
    lists: dict[tuple[str, ...], list[Paper]] = {}
    for p in papers:
        if p.authors and not p.authors_truncated:
            lists.setdefault(tuple(a.name for a in p.authors), []).append(p)
    shared = next(ps for ps in lists.values() if len(ps) > 1)
    named = shared[-1]
    found = rows(f"Which else has an identical byline to '{named.title}'?", catalog)
    assert {p.paper_id for p in found} == {p.paper_id for p in shared} - {named.paper_id}
    alone = next(ps[0] for ps in lists.values() if len(ps) == 1 and len(ps[0].authors) > 2)
    assert rows(f"Which papers have the same author list as '{alone.title}'?", catalog) == []


def test_a_verb_of_dating_compares_years(catalog, papers):
    from rag.plan_terms import dated_year
    profile = [p for p in papers if p.profile_of and dated_year(p) is not None]
    expected = {p.paper_id for p in profile if dated_year(p) < 2021}
    found = rows("Which entries on the profile predate 2021?", catalog)
    assert {p.paper_id for p in found} == expected and expected
    later = rows("list the profile papers that postdate 2024", catalog)
    assert {p.paper_id for p in later} == {p.paper_id for p in profile if dated_year(p) > 2024}


def test_an_end_of_a_field_said_after_a_comma(catalog, papers):
    pages = BY_NAME["page_count"].number
    longest = max((p for p in papers if pages(p) is not None), key=pages)
    found = rows("Which uploaded PDF is the longest, page-wise?", catalog)
    assert [p.title for p in found] == [longest.title]


def test_a_category_name_written_with_an_ampersand(catalog, papers):
    cl = {p.paper_id for p in papers if p.category == "CL"}
    assert {p.paper_id for p in rows("Which papers are filed under computation & language?", catalog)} == cl


def test_a_page_named_as_the_trending_papers_page_asks_its_fact(catalog):
    the_plan = plan("What date header is printed on the trending papers page?", catalog)
    assert the_plan is not None and the_plan.op == "fact" and the_plan.fact.fact == "listed"


def test_through_which_papers_is_asking_for_the_papers(catalog):
    plain = plan("Does anybody appear as an author on both Amii's page and Courville's profile?", catalog)
    asked = plan("Does anybody appear as an author on both Amii's page and Courville's profile? Via which papers?",
                 catalog)
    assert plain is not None and asked is not None and asked.op == plain.op == "common"


def test_an_arxiv_style_category_is_the_category(catalog, papers):
    comedy = next(p for p in papers if p.title.startswith("A Comedy of Estimators"))
    the_plan = plan("A Comedy of Estimators: which arXiv-like category is it filed in?", catalog)
    assert the_plan is not None and the_plan.target is comedy and the_plan.lookup == "category"


def test_a_page_fact_with_the_entry_under_its_heading(papers):
    first = next(p for p in papers if any(s.format == "trending" and s.position == 0 for s in p.sources))
    question = "When is the trending list dated, and which entry is printed right below that heading?"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and f"Listed first under it: {first.title}" in answer.answer
    assert [c.title for c in answer.citations] == [first.title]
