"""A page's own printed order said of any set of its entries (issue 11, rag/plan_order.py), in phrasings made up for
this file (none is a dev question's wording): first / last / the n-th / earlier-later / higher-lower / further down /
ahead of the other / nearest the bottom, said of a page, list, feed or profile, of being listed or printed, or of
going down a page — composed with an author, a page, a tag, a section, a category, a year, an author count, a title's
wording. Each expected answer is read here from the parsed pages' own positions, without the planner. Papers on
several pages with no page named make the answer ask which page; PDFs have no listing order; a named paper's place
is looked up; two named papers compared by the page's order. 'First' with no listing said stays a date, an author's
place stays an author's, and content questions that use order words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import os
import re
from datetime import date
import subprocess
import sys
from pathlib import Path

import pytest

from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.catalog_order import in_page_order, on_page
from rag.plan_terms import Condition
from rag.planner import plan
from rag.records import Paper, SourceRef
from test_planner_kinds import catalog, papers  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures


def listed(papers: list[Paper], page: str, test=lambda p: True) -> list[Paper]:
    """The papers of one page that pass `test`, in the page's printed order (the expected answers' source)."""
    entries = [(s.position, p) for p in papers for s in p.sources if page in (s.page_name or "") and test(p)]
    return [p for _, p in sorted(entries, key=lambda e: e[0])]


def titles(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert the_plan.key == "position", (question, the_plan.key)
    return [p.title for p in run(the_plan, catalog.papers).rows]


def by(name: str):
    return lambda p: name in p.author_names or p.profile_of == name


# (question, page, the set's test, which of the set in page order: 0 first, -1 last, -2 the one before last)
ORDERED = [
    ("Of Aaron Courville's Mila-tagged papers, which one sits highest on his profile?", "Courville",
     lambda p: p.organisation == "mila", 0),
    ("Among the accepted papers on the Amii page, which is printed last?", "Amii", lambda p: p.section == "accepted", -1),
    ("Scrolling down Courville's profile, which is the first entry in the CL category?", "Courville",
     lambda p: p.category == "CL", 0),
    ("Which Amii entry with Martha White is further down the page?", "Amii", by("Martha White"), -1),
    ("Among the CV papers on Courville's profile, which comes last?", "Courville", lambda p: p.category == "CV", -1),
    ("Name the second paper from the bottom of the trending list.", "trending", lambda p: True, -2),
    ("Which paper is listed last on Courville's profile among those from 2023?", "Courville", lambda p: p.year == 2023, -1),
    ("Which of Lili Mou's Amii papers is printed higher up?", "Amii", by("Lili Mou"), 0),
    ("the penultimate entry on the trending feed?", "trending", lambda p: True, -2),
    ("Which trending paper with a colon in its title is nearest the bottom?", "trending", lambda p: ":" in p.title, -1),
    ("What's the 5th paper down the Amii page with more than five authors?", "Amii", lambda p: len(p.authors) > 5, 4),
    ("which of the two Martha White papers on the Amii page is listed ahead of the other?", "Amii", by("Martha White"), 0),
    ("Reading down the trending page, which is the first title with the word 'Planning' in it?", "trending",
     lambda p: "planning" in p.title.casefold(), 0),
    ("On the trending list, which paper is 12th from the top?", "trending", lambda p: True, 11),
    ("Which entry is at position 5 on the Amii page?", "Amii", lambda p: True, 4),
    ("What's #31 on the trending list?", "trending", lambda p: True, 30),
    ("Which is the final trending paper?", "trending", lambda p: True, -1),
    ("Which of Courville's CV papers is listed earliest on his profile?", "Courville", lambda p: p.category == "CV", 0),
    ("In the order they are printed, which Courville paper from 2022 comes first?", "Courville",
     lambda p: p.year == 2022, 0),
    ("first entry courville profile", "Courville", lambda p: True, 0),
    ("Among Courville's profile entries tagged mila, which one is last?", "Courville", lambda p: p.organisation == "mila",
     -1),
    ("Which one of Lili Mou's papers does the Amii page print first?", "Amii", by("Lili Mou"), 0),
    ("what's listed right after the first paper on the trending page?", "trending", lambda p: True, 1),
    ("Which entry sits just above the last one on the Amii page?", "Amii", lambda p: True, -2),
    ("Which paper comes directly after the 10th paper on the trending list?", "trending", lambda p: True, 10),
]


@pytest.mark.parametrize("question, page, test, index", ORDERED)
def test_a_set_in_its_page_s_printed_order(question, page, test, index, catalog, papers):
    in_order = listed(papers, page, test)
    assert len(in_order) > max(index, -index - 1), "the pages hold such a set"
    assert len(in_order) >= 2 or index not in (0, -1), "a set of one would not tell the order from the set"
    assert titles(question, catalog) == [in_order[index].title]


@pytest.mark.parametrize("question, page, test, count, from_top", [
    ("the first three Mila papers on Courville's profile?", "Courville", lambda p: p.organisation == "mila", 3, True),
    ("What are the last two entries on the Amii page?", "Amii", lambda p: True, 2, False),
    ("top 4 trending titles containing 'Learning'", "trending", lambda p: "learning" in p.title.casefold(), 4, True),
])
def test_so_many_of_a_set_from_one_end(question, page, test, count, from_top, catalog, papers):
    in_order = listed(papers, page, test)
    assert len(in_order) > count
    expected = in_order[:count] if from_top else in_order[::-1][:count]
    assert titles(question, catalog) == [p.title for p in expected]


def test_a_window_of_the_page_then_the_set(catalog, papers):
    # 'in the top five of the profile' is the page's first five, then the Mila ones among them: not the first five Mila.
    question = "Which Mila papers are in the top five of Courville's profile?"
    expected = {p.title for p in listed(papers, "Courville")[:5] if p.organisation == "mila"}
    the_plan = plan(question, catalog)
    assert the_plan is not None and 0 < len(expected) < 5
    assert {p.title for p in run(the_plan, papers).rows} == expected


def test_something_else_asked_of_the_paper_at_a_place(catalog, papers):
    last = listed(papers, "Amii")[-1]
    question = "Who are the authors of the last paper on the Amii page?"
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "group"
    assert {p.title for p in run(the_plan, papers).rows} == {last.title}


@pytest.mark.parametrize("question, page, test, index", [
    ("Which trending title is last in alphabetical order?", "trending", lambda p: True, -1),
    ("Which Mila paper on Courville's profile comes first in A-Z order?", "Courville", lambda p: p.organisation == "mila",
     0),
    ("What's the 2nd Amii title alphabetically?", "Amii", lambda p: True, 1),
])
def test_titles_in_alphabetical_order(question, page, test, index, catalog, papers):
    by_letters = sorted(listed(papers, page, test), key=lambda p: re.sub(r"^[^0-9a-z]+", "", p.title.casefold()))
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.key == "alphabet"
    assert [p.title for p in run(the_plan, papers).rows] == [by_letters[index].title]


def test_people_in_alphabetical_order_are_not_titles(catalog):
    # No reader sorts people by name: the question is left alone, never answered with the first title A to Z.
    assert plan("Which author comes first alphabetically on the Amii page?", catalog) is None
    the_plan = plan("Which Amii paper's title comes first alphabetically?", catalog)
    assert the_plan is not None and the_plan.key == "alphabet"


def test_the_answer_says_where_the_set_sits(catalog, papers):
    question = "Which of Lili Mou's Amii papers is printed higher up?"
    answer = answer_from_catalog(question, question, papers)
    mine = listed(papers, "Amii", by("Lili Mou"))
    assert answer is not None and [c.title for c in answer.citations] == [mine[0].title]
    places = ", ".join(str(s.position + 1) for p in mine for s in p.sources if "Amii" in (s.page_name or ""))
    assert f"Of the {len(mine)} papers matching" in answer.answer and f"(entries {places})" in answer.answer


def test_papers_on_several_pages_ask_which_page(catalog, papers):
    answer = answer_from_catalog("Which paper is listed first?", "Which paper is listed first?", papers)
    heads = {listed(papers, page)[0].title for page in ("Amii", "Courville", "trending")}
    assert answer is not None and "which page do you mean?" in answer.answer
    assert {c.title for c in answer.citations} == heads


def test_a_paper_on_two_pages_is_placed_on_the_page_named(papers):
    # The seed pages share no paper; a merged record listed on two pages (as merge_papers makes) is built here.
    trending = listed(papers, "trending")
    moved = trending[1].model_copy(update={"sources": trending[1].sources + [
        SourceRef(path="seeds/other.txt", format="profile", position=40, page_name="Someone's profile")]})
    group = [trending[0], moved, trending[2]]
    on_trending = Condition("page", "trending", "page: trending papers",
                            lambda p: any(s.format == "trending" for s in p.sources))
    rows, text = in_page_order(group, [on_trending], "first", nth=2)
    assert [p.title for p in rows] == [moved.title] and ": entry 2 on trending" in text
    rows, text = in_page_order(group, [], "last")  # no page named, two pages: ask, with each page's last
    assert "which page do you mean?" in text and {p.title for p in rows} == {trending[2].title, moved.title}
    assert on_page(moved.sources[-1], Condition("page", "Someone", "page: Someone's profile", lambda p: True))


def test_pdfs_have_no_listing_order(catalog, papers):
    question = "Which of the uploaded PDFs is listed first?"
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.key == "position"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and not answer.citations
    assert "no listing page places a PDF in order" in answer.answer


@pytest.mark.parametrize("question, name", [
    ("What position is TokMem on the Amii page?", "TokMem"),
    ("How far down the trending list is SMORE?", "SMORE"),
    ("Where does Cactus sit on the Amii page?", "Cactus"),
])
def test_a_named_paper_s_place(question, name, catalog, papers):
    paper = next(p for p in papers if p.title.startswith(name))
    where = next(s for s in paper.sources if s.format != "pdf")
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "lookup" and the_plan.lookup == "position"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and f"entry {where.position + 1} on {where.page_name}" in answer.answer


# A place said as a number or asked as one, the paper named in shorthand or by a description (fail on b783dd5).
@pytest.mark.parametrize("question, name", [
    ("TokMem - what number is it on the Amii page?", "TokMem"),
    ("which number does The Consciousness Prior have on the trending list?", "The Consciousness Prior"),
    ("what's TokMem's number on the Amii page?", "TokMem"),
    ("SMORE is number what on the trending list?", "SMORE"),
    ("TokMem's position on the Amii page?", "TokMem"),
    ("what's the position of TokMem on the Amii page?", "TokMem"),  # was 'Yes' (it is on the page)
    ("where in the trending list does SMORE appear?", "SMORE"),  # was its venue
])
def test_a_named_paper_s_place_asked_as_a_number(question, name, catalog, papers):
    test_a_named_paper_s_place(question, name, catalog, papers)


def test_the_nth_entry_said_in_chat_shorthand(catalog, papers):
    assert titles("whats 3rd on the Amii page", catalog) == [listed(papers, "Amii")[2].title]
    assert titles("whos 12th down the trending list pls", catalog) == [listed(papers, "trending")[11].title]


@pytest.mark.parametrize("question, name, page, test, index", [
    ("Is TokMem the last paper on the Amii page?", "TokMem", "Amii", lambda p: True, -1),
    ("Is Cactus listed first among Lili Mou's Amii papers?", "Cactus", "Amii", by("Lili Mou"), 0),
    ("Was TokMem printed last of Lili Mou's papers on the Amii page?", "TokMem", "Amii", by("Lili Mou"), -1),
])
def test_is_a_named_paper_at_a_place(question, name, page, test, index, catalog, papers):
    holds = listed(papers, page, test)[index].title.startswith(name)
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "check"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and answer.answer.startswith("Yes" if holds else "No")


def test_two_named_papers_by_the_page_s_order(catalog, papers):
    amii = listed(papers, "Amii")
    tokmem, cactus = (next(p for p in amii if p.title.startswith(n)) for n in ("TokMem", "Cactus"))
    first = min((tokmem, cactus), key=amii.index)
    assert titles("Which comes first on the Amii page, TokMem or Cactus?", catalog) == [first.title]
    # Asked yes or no, of the paper said first: 'Yes' or 'No' with both places (was a list implying the answer).
    for question, asked, before in [("Is TokMem listed before Cactus on the Amii page?", tokmem, True),
                                    ("Is Cactus printed before TokMem on the Amii list?", cactus, True),
                                    ("Was Cactus listed after TokMem on the Amii page?", cactus, False)]:
        the_plan = plan(question, catalog)
        assert the_plan is not None and the_plan.key == "position" and the_plan.target is asked, question
        answer = answer_from_catalog(question, question, papers)
        holds = (amii.index(asked) < amii.index(next(p for p in (tokmem, cactus) if p is not asked))) == before
        assert answer is not None and answer.answer.startswith("Yes: " if holds else "No: "), question
        assert all(f"entry {amii.index(p) + 1} on Amii" in answer.answer for p in (tokmem, cactus)), question
    last = plan("Which of TokMem and Cactus comes later on the Amii page?", catalog)
    assert last is not None and last.key == "position" and [p.title for p in run(last, papers).rows] == [
        max((tokmem, cactus), key=amii.index).title]


def test_a_compared_paper_with_no_place_on_the_page(catalog, papers):
    # SPECTER is a PDF and Meta-DT a trending entry: the answer listed Meta-DT 'first', implying 'no'.
    for question in ("Is SPECTER listed before Meta-DT on the trending page?",
                     "Was Meta-DT printed after SPECTER on the trending list?"):
        answer = answer_from_catalog(question, question, papers)
        assert answer is not None and "SPECTER: Document-level Representation Learning using Citation-informed " \
            "Transformers has no place on trending papers" in answer.answer, question
        assert not answer.answer.startswith(("Yes", "No", "Listed")) and "entry 51 on trending papers" in answer.answer


@pytest.mark.parametrize("question, name, page, elsewhere", [
    ("how far down the trending list is Cactus?", "Cactus", "trending papers", "Amii"),
    ("Cactus's spot in the trending feed?", "Cactus", "trending papers", "Amii"),
    ("where does SMORE sit on the Amii page?", "SMORE", "Amii's page", "trending"),
    ("what number is the SPECTER paper on the Amii page?", "SPECTER", "Amii's page", None),
])
def test_a_place_asked_on_a_page_that_does_not_list_the_paper(question, name, page, elsewhere, catalog, papers):
    # Was 'No (page: …)' with the paper's page or PDF path: a yes/no nobody asked. Now: not there, and its place on
    # the page that lists it, or on none for a PDF.
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "lookup" and the_plan.lookup == "position", question
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and not answer.answer.startswith(("Yes", "No")), question
    if elsewhere is None:
        assert f"is on no listing page (read from a PDF only), so it has no place on {page}" in answer.answer
        return
    listing = listed(papers, elsewhere)
    entry = next(i for i, p in enumerate(listing) if p.title.startswith(name)) + 1
    assert f": not on {page}; entry {entry} on " in answer.answer, answer.answer


def test_a_compared_pdf_with_no_page_named(catalog, papers):
    # No page named and one of the two a PDF: the page holding the other is the one asked of, and the PDF has no
    # place there (was 'Listed first … TokMem: entry 13', which read as a yes).
    amii = listed(papers, "Amii")
    for question, placed, pdf in [("Is TokMem listed before DPR?", "TokMem", "Dense Passage Retrieval"),
                                  ("Was Cactus printed after the SPECTER paper?", "Cactus", "SPECTER"),
                                  ("Is SPECTER listed after TokMem?", "TokMem", "SPECTER")]:
        answer = answer_from_catalog(question, question, papers)
        assert answer is not None, question
        entry = next(i for i, p in enumerate(amii) if p.title.startswith(placed)) + 1
        assert re.match(rf"{pdf}[^.]* has no place on Amii at ICLR 2026, so neither is listed", answer.answer), \
            (question, answer.answer)
        assert f"entry {entry} on Amii" in answer.answer and not answer.answer.startswith(("Yes", "No", "Listed"))


@pytest.mark.parametrize("question", [
    "Among Courville's papers on his profile, which is the latest?",
    "Which of Lili Mou's papers came out first?",
    "What was the first paper of 2023 on Courville's profile?",
    "Which is older, TokMem or Cactus?",
])
def test_first_with_no_listing_order_said_is_a_date(question, catalog):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.key == "date", question


@pytest.mark.parametrize("question, label", [
    ("Which Amii paper has Martha White listed first?", "first author: Martha White"),
    ("papers where Aaron Courville is listed last", "last author: Aaron Courville"),
])
def test_an_author_s_place_stays_the_author_s(question, label, catalog):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.key != "position"
    assert label in [c.label for c in the_plan.conditions]


@pytest.mark.parametrize("question", [
    "papers on Courville's profile whose last-listed author is Courville",
    "which of Courville's profile entries is Courville listed last on?",
])
def test_a_listed_author_is_no_entry_s_place(question, catalog):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.key != "position" and "last author: Aaron Courville" in \
        [c.label for c in the_plan.conditions]


@pytest.mark.parametrize("question", [
    "Which method comes first in the pipeline of LayoutParser?",
    "What is listed first among the contributions of the DPR paper?",
    "Which step comes last in the SPECTER training procedure?",
    "What is the first baseline listed in the results table of DPR?",
    "Going down the loss curve, which optimizer converges first?",
    "Which layer sits highest in the LayoutParser architecture?",
    "What does the paper listed first on the trending page propose?",
    "Which dataset appears first in the experiments section of the literature graph paper?",
    "How far down does the loss go in the first epoch?",
    "Which sentence comes later in the abstract of Cactus, the one on speed or the one on quality?",
    "Which dataset comes first alphabetically in the DPR experiments?",
    "what number of parameters does TokMem use?",
    "what number is the learning rate set to in DPR?",
    "which number of rollouts works best for GTR?",
    "whats the main idea of TokMem?",
    "How is the position of the camera estimated in the 3DGS driving paper?",
    "where in the network does ReSeg apply the RNN layers?",
    "what number does the SPECTER paper report for citation prediction on the list of tasks?",
])
def test_order_words_inside_content_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None


_CHILD = """
import sys
sys.path.insert(0, {tests!r})
from test_planner_kinds import PDFS, merge_papers, parse_file, parse_seed_pages
from rag.catalog_query import answer_from_catalog
found = parse_seed_pages()
for name in ("2020.acl-main.207.pdf", "multi-column-2p.pdf"):
    found += parse_file(PDFS / name)
papers = merge_papers(found)
for question in {questions!r}:
    answer = answer_from_catalog(question, question, papers)
    print(None if answer is None else answer.answer)
"""


def test_the_same_answer_whatever_the_hash_seed():
    # Two papers named in one description ('X vs Y') make the answer ask which one is meant; the candidates came in
    # the order of a set of words, so the same code said them in a different order from one run to the next.
    questions = ["specter vs dpr — which one is earlier going by the dates on the pdfs?",
                 "dpr vs specter: which came out later according to the printed dates?"]
    code = _CHILD.format(tests=str(Path(__file__).parent), questions=questions)
    said = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env=os.environ | {"PYTHONHASHSEED": seed}).stdout for seed in ("0", "1", "3")}
    assert len(said) == 1, said
    assert "fits more than one" in said.pop()


def _at(papers: list[Paper], page: str, short: str) -> int:
    """A paper's index in one page's printed order, found by the start of its title."""
    return next(i for i, p in enumerate(listed(papers, page)) if p.title.startswith(short))


# Entries printed between two named ones (rag/plan_place.py's entries_between): named by title, short name, the quoted
# start of a title or a description; the expected rows are read from the page's positions.
@pytest.mark.parametrize("question, page, one, other", [
    ("On Courville's profile, which papers are listed between SAFT and the KL estimators paper?", "Courville",
     "SAFT", "A Comedy of Estimators"),
    ("what falls between DINO-WM and SMORE on the trending feed?", "trending", "SMORE", "DINO-WM"),
    ("In the trending list, which entries come between 'Chat with the Environment' and DINO-WM?", "trending",
     "DINO-WM", "Chat with the Environment"),
    ("Which entries sit between Cactus and TokMem on the Amii page?", "Amii", "Cactus", "TokMem"),
    ("which papers are squeezed in between SMORE and DINO-WM on the trending page?", "trending", "SMORE", "DINO-WM"),
    ("trending feed: what are the entries between the consciousness prior and SMORE?", "trending", "The Consciousness",
     "SMORE"),
])
def test_entries_between_two_named_ones(question, page, one, other, catalog, papers):
    low, high = sorted((_at(papers, page, one), _at(papers, page, other)))
    expected = {p.title for p in listed(papers, page)[low + 1:high]}
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert {p.title for p in run(the_plan, catalog.papers).rows} == expected, question


# The listing said first, the order word last: 'X on the feed — which one is furthest down?'
@pytest.mark.parametrize("question, page, test, index", [
    ("Lili Mou's papers on the Amii page: which is furthest up?", "Amii", by("Lili Mou"), 0),
    ("Of the CV entries on Courville's profile, which one is farthest down?", "Courville", lambda p: p.category == "CV", -1),
    ("Courville's 2023 papers on his profile - which is further down?", "Courville", lambda p: p.year == 2023, -1),
    ("Offline titles on the trending feed — which one is furthest down?", "trending", lambda p: "Offline" in p.title, -1),
])
def test_an_order_word_said_last_of_a_listing_said_first(question, page, test, index, catalog, papers):
    assert titles(question, catalog) == [listed(papers, page, test)[index].title]


# 'where does X sit' asked again with a place noun: one place, its entry number.
@pytest.mark.parametrize("question, entry", [
    ("where does TokMem land on the Amii page, which place?", "entry 13 on Amii"),
    ("where does DINO-WM sit in the trending list (what spot)?", "entry 29 on trending"),
    ("Where on the Amii page does Cactus appear — what position?", "entry 12 on Amii"),
])
def test_where_and_a_place_noun_ask_one_place(question, entry, papers):
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and entry in answer.answer, question


@pytest.mark.parametrize("question", [
    "on the trending list, what's the difference between SMORE and DINO-WM?",
    "What lies between the two training stages of DINO-WM?",
    "Which method sits between GTR and PPO in accuracy?",
    "In TokMem, what is sandwiched between the memory tokens and the query?",
    "What happens between the encoder and decoder in ReSeg?",
    "which baseline is furthest down in the results table of Cactus?",
    "where does the critic sit in the GUI-Critic-R1 pipeline (what position)?",
    "In the DINO-WM planner, which layer is furthest down?",
    "what is the gap between SMORE and DINO-WM on the trending list in success rate?",
    "Which of the listed baselines lies between SAFT and TokMem in accuracy?",
])
def test_between_and_furthest_inside_content_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None


# The entry printed right after / before a named or described one (rag/plan_place.py's entry_beside).
@pytest.mark.parametrize("question, page, short, step", [
    ("which paper is listed right before TokMem on the Amii page?", "Amii", "TokMem", -1),
    ("on the trending list, what's the entry just above the hebbian test-time adaptation one?", "trending",
     "Neuro-Modulated Hebbian", -1),
    ("On Courville's profile, which entry is listed right before the KL estimators paper?", "Courville",
     "A Comedy of Estimators", -1),
    ("on Courville's profile, which entry is printed directly below SAFT?", "Courville", "SAFT", 1),
    ("on Courville's profile, what's the entry just after the silicon dopant graphene one?", "Courville", "Learning and Controlling", 1),
])
def test_the_entry_next_to_a_named_one(question, page, short, step, catalog, papers):
    expected = listed(papers, page)[_at(papers, page, short) + step].title
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert [p.title for p in run(the_plan, catalog.papers).rows] == [expected], question


def test_posted_after_a_named_paper_stays_a_date(catalog):
    the_plan = plan("which papers on the Amii page were posted after TokMem?", catalog)
    assert the_plan is not None and not any(c.field == "position" for c in the_plan.conditions)
    assert plan("What happens right after the encoder step in the DINO-WM one on the trending list?", catalog) is None
    # an author list's neighbour, the paper described before it: rag/plan_fields.py's, not a page's entry
    the_plan = plan("In the asynchronous RLHF paper on Courville's profile, who is printed right after Michael "
                    "Noukhovitch?", catalog)
    assert the_plan is None or not any(c.field == "position" for c in the_plan.conditions)


# 'the exact / very same day', 'an identical date', 'the same calendar day': one printed day shared (plan_relations).
@pytest.mark.parametrize("question", [
    "were any two papers on Courville's list posted on the exact same day? which ones?",
    "which trending entries went up on the very same day?",
    "Do any Amii papers have an identical posting date?",
    "which papers in the library came out on the same calendar day?",
])
def test_the_same_day_said_with_an_intensifier(question, catalog, papers):
    the_plan = plan(question, catalog)
    assert the_plan is not None and any(c.label == "posted: on a day another paper shares" for c in the_plan.conditions)
    rows = run(the_plan, catalog.papers).rows
    assert all(sum(p.date == r.date for p in papers if p.date_precision == "day") > 1 for r in rows), question


def test_the_exact_same_day_of_content_stays_with_retrieval(catalog):
    assert plan("were the two models trained on the exact same day of data?", catalog) is None


# How far apart the two papers of a set were posted, the earlier said first (rag/plan_gaps.py's set_gap).
@pytest.mark.parametrize("question", [
    "Courville's two papers from December 2025 — which came out first, and how far apart were they posted?",
    "the two Courville papers from December 2025: how many days apart?",
    "of Courville's December 2025 entries, which one went up first and how many weeks apart?",
])
def test_how_far_apart_the_two_of_a_set(question, papers):
    two = sorted((p for p in papers if by("Aaron Courville")(p) and (p.date or "").startswith("2025-12")),
                 key=lambda p: p.date)
    assert len(two) == 2
    answer = answer_from_catalog(question, question, papers)
    days = (date.fromisoformat(two[1].date) - date.fromisoformat(two[0].date)).days
    assert answer is not None and answer.answer.startswith(f"{days} day"), question
    assert answer.answer.index(two[0].title) < answer.answer.index(two[1].title), question


def test_how_far_apart_of_content_stays_with_retrieval(catalog):
    assert plan("how many days apart are the two models' training runs?", catalog) is None
    assert plan("In DPR, how far apart are the positive and negative passages in embedding space?", catalog) is None


# A page's printed 'Learn more about the researchers' lines as group boundaries (rag/plan_sections.py's batch).
@pytest.mark.parametrize("question, n", [
    ("which entries are in the first batch on the Amii page, before any Learn more link?", 1),
    ("Amii page: list the third block of papers, split by the Learn more links", 3),
    ("On the Amii page, what are the papers in the group following the first 'Learn more' link?", 2),
])
def test_a_group_between_a_page_s_printed_links(question, n, catalog, papers):
    amii, groups, k = listed(papers, "Amii"), {}, 1
    for p in amii:
        groups.setdefault(k, []).append(p.title)
        k += (after := p.printed.get("after")) is not None and "learn more" in after.text.casefold()
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert sorted(p.title for p in run(the_plan, catalog.papers).rows) == sorted(groups[n]), question


@pytest.mark.parametrize("question", ["In Cactus, what is in the second group of experiments?",
                                      "which link in the second group of the Amii page is broken?"])
def test_a_group_of_content_stays_with_retrieval(question, catalog):
    assert plan(question, catalog) is None
