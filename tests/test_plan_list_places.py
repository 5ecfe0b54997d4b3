"""A listing page's entries asked in the reader's own words, each part a catalog object or an operator: an end made
emphatic ('the very last name'), an end of the list said as a place ('at the bottom of the list', 'the three papers at
the top of X'), 'whereabouts', a coined short name in lower case ('layoutparser'), a field shown 'next to the authors
of X', a date 'without any year', a link host set aside beside another ('github.io doesn't count'), a link asked
by a pronoun ('…, what is it?') or as the code's 'implementation link', a page named by its printed publisher handle
('byAK'). Every question was made up for this file (none is a dataset's wording); expected rows are read from the
parsed pages here, without the planner. Content questions with the same trigger words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import re

import pytest

from test_planner_kinds import catalog, papers  # noqa: F401 (the seed pages and the five PDFs, parsed)
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan
from rag.records import Paper


def listed(papers: list[Paper], fmt: str) -> list[str]:
    """The titles a page prints, in its printed order."""
    placed = [(s.position, p.title) for p in papers for s in p.sources if s.format == fmt]
    return [title for _, title in sorted(placed)]


def rows(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return [p.title for p in run(the_plan, catalog.papers).rows]


def answer(question: str, papers: list[Paper]) -> str:
    found = answer_from_catalog(question, question, papers)
    assert found is not None, question
    return found.answer


# ---- the ends of a list: emphasis, a place said again, a count before the place

def test_a_count_said_before_the_top_or_bottom_is_that_many_from_that_end(catalog, papers):
    courville, trending = listed(papers, "profile"), listed(papers, "trending")
    assert set(rows("what are the three papers at the top of Courville's page?", catalog)) == set(courville[:3])
    assert set(rows("the 2 entries sitting at the very bottom of the trending feed", catalog)) == set(trending[-2:])
    assert set(rows("four titles near the top of the trending list - which?", catalog)) == set(trending[:4])
    assert set(rows("list five papers at the end of Courville's profile", catalog)) == set(courville[-5:])


def test_an_end_said_again_as_a_place_asks_nothing_more(catalog, papers):
    trending, amii = listed(papers, "trending"), listed(papers, "institute")
    assert set(rows("the final three trending papers, at the bottom of the list", catalog)) == set(trending[-3:])
    assert set(rows("last two entries at the bottom of the Amii post, in order?", catalog)) == set(amii[-2:])
    assert set(rows("which are the first 3 papers at the top of the trending page?", catalog)) == set(trending[:3])


def test_an_end_that_disagrees_with_the_place_is_not_taken(catalog):
    assert plan("the first three papers at the bottom of the trending page?", catalog) is None


def test_an_emphasised_end_is_the_end(catalog, papers):
    amii = listed(papers, "institute")
    assert rows("what's the very first paper on the Amii page?", catalog) == amii[:1]
    assert rows("the absolute last entry on the trending list", catalog) == listed(papers, "trending")[-1:]
    tokmem = next(p for p in papers if p.title.startswith("TokMem"))
    assert tokmem.authors[-1].name in answer("who is the very last author of TokMem?", papers)
    assert tokmem.authors[0].name in answer("TokMem - the very first name on its byline?", papers)


def test_whereabouts_asks_the_place(catalog, papers):
    trending = listed(papers, "trending")
    smore = next(t for t in trending if t.startswith("SMORE"))
    for question in ("SMORE: whereabouts is it on the trending list (what number)?",
                     "whereabouts is SMORE on the trending page?",
                     "SMORE - where is it on the trending feed?"):
        assert f"entry {trending.index(smore) + 1} " in answer(question, papers), question
    amii = listed(papers, "institute")
    tokmem = next(t for t in amii if t.startswith("TokMem"))
    assert f"entry {amii.index(tokmem) + 1} " in answer("TokMem - where is it on the Amii page?", papers)


# ---- a coined short name in any case

def test_a_coined_short_name_in_lower_case_is_its_paper(papers):
    layout = next(p for p in papers if p.title.startswith("LayoutParser"))
    harvard = [a.name for a in layout.authors if any("Harvard" in x for x in a.affiliations)]
    assert harvard and all(name in answer("layoutparser authors at Harvard?", papers) for name in harvard)
    tokmem = next(p for p in papers if p.title.startswith("TokMem"))
    assert all(a.name in answer("who wrote tokmem?", papers) for a in tokmem.authors)
    assert answer("is webpilot on the trending page?", papers).startswith("Yes")


# ---- a field shown beside the byline of a named entry

def test_a_field_shown_next_to_the_authors_of_a_paper_is_that_papers_field(papers):
    mor = next(p for p in papers if p.title.startswith("Mixture-of-Recursions"))
    assert mor.organisation and mor.organisation in answer(
        "what org tag is displayed next to the authors of Mixture-of-Recursions?", papers)
    assert mor.organisation in answer("which tag is shown beside the byline of Mixture-of-Recursions?", papers)
    assert mor.organisation in answer("on Courville's page, the lab tag shown alongside the author names of "
                                      "Mixture-of-Recursions?", papers)


# ---- a date without any year

def test_without_any_year_is_no_year_printed(catalog, papers):
    yearless = {p.title for p in papers for s in p.sources if s.format == "profile" and p.date and p.date_inferred}
    assert yearless
    assert set(rows("on Courville's profile, how many entries show a date without any year?", catalog)) == yearless
    assert set(rows("Courville entries lacking any year", catalog)) == yearless
    assert set(rows("which papers on Aaron Courville's page are missing any year in their date?", catalog)) == yearless


# ---- a link host set aside beside another

def test_a_host_set_aside_beside_another_leaves_the_host_named(catalog, papers):
    on_github = {p.title for p in papers for s in p.sources if s.format == "trending"
                 and re.search(r"https?://github\.com/", p.abstract or "")}
    assert len(on_github) > 5
    for question in ("trending abstracts linking to github.com, not counting github.io",
                     "how many trending entries point to a github.com repo (github.io project pages don't count)?",
                     "on the trending list which abstracts give a real github.com URL - github.io sites are excluded"):
        assert set(rows(question, catalog)) == on_github, question


def test_a_host_set_aside_with_no_other_host_named_is_left(catalog):
    assert plan("which trending abstracts link to code, not counting github.io?", catalog) is None


# ---- a link asked of a named entry

def test_a_link_asked_by_a_pronoun_or_as_the_implementation_is_the_code_link(papers):
    hopfield = "https://github.com/ml-jku/hopfield-layers"
    assert hopfield in answer("Hopfield Networks is All You Need: its abstract has an implementation link. What is it?",
                              papers)
    assert hopfield in answer("Hopfield Networks is All You Need — the trending abstract gives a code link, which is it?",
                              papers)
    assert "github.com/NJU-RL/Meta-DT" in answer("Meta-DT's abstract names a repository; what's it?", papers)


# ---- a page named by its printed publisher handle

def test_a_page_named_by_its_publisher_handle(catalog, papers):
    trending = listed(papers, "trending")
    assert len(rows("how many papers does the byAK page list?", catalog)) == len(trending)
    assert len(rows("count the titles on the trending (byAK) list", catalog)) == len(trending)
    assert rows("what's the last paper on AK's list?", catalog) == trending[-1:]


# ---- content questions with the same trigger words stay unplanned

@pytest.mark.parametrize("question", [
    "what does layoutparser do at the very end of its pipeline?",
    "what's at the bottom of the performance drop in TokMem's results?",
    "which implementation does Hopfield Networks is All You Need build on?",
    "whereabouts in the network does the Hopfield layer sit?",
    "what is shown next to the authors' results in the LayoutParser table?",
    "which papers train without any labels?",
    "which trending abstracts link to code, not counting github.io?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


# ---- a separator line as an anchor, its ordinal said again as the last one

def test_an_ordinal_separator_said_again_as_the_last_must_be_the_last(catalog, papers):
    amii = [(s.position, p) for p in papers for s in p.sources if s.format == "institute"]
    ordered = [p for _, p in sorted(amii, key=lambda e: e[0])]
    cuts = [i for i, p in enumerate(ordered) if p.printed.get("after") is not None]
    after_last = {p.title for p in ordered[cuts[-1] + 1:]}
    assert len(cuts) == 3 and after_last
    for question in ("which entries come after the third/last 'Learn more about the researchers' link on Amii's page?",
                     "Amii post: the papers following the 3rd/final Learn more link"):
        assert set(rows(question, catalog)) == after_last, question
    assert plan("Amii page: the papers after the second/last 'Learn more' link?", catalog) is None  # two is not the last


# ---- a person's rows on a page, with the mark on each

def test_a_person_said_to_appear_twice_gets_each_row_with_its_mark(papers):
    amii = [p for p in papers for s in p.sources if s.format == "institute"]
    rows_of = {p.title: next(a for a in p.authors if a.name == "Dieter Büchler") for p in amii
               if any(a.name == "Dieter Büchler" for a in p.authors)}
    assert len(rows_of) == 2
    for question in ("Dieter Büchler shows up twice on the Amii page - which two papers, and on which is his name "
                     "followed by the asterisk?",
                     "Dieter Büchler appears two times on Amii's post. Which two entries, and on which of them is his "
                     "name marked with the Amii star?"):
        said = answer(question, papers)
        for title, author in rows_of.items():
            assert title in said, question
            mark = f"{author.name} (marks *)" if author.affiliated else f"{author.name}: not marked"
            assert f"{title}: affiliations: {mark}" in said, question
