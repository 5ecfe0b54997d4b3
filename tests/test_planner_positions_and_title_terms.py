"""Places on a page and title terms, in phrasings made up for this file (none is a dev question's wording):

- the whole library said as a scope ('check all the sources', 'across everything (amii, courville, trending, pdfs)')
  names no page (rag/plan_whole_library.py);
- the forms of a title term listed beside it ('robots (robot / robotic)', 'benchmark (or benchmarking)'), a spelling
  note and forms ruled out that the term never matches (rag/plan_title_forms.py);
- a topic's generic head word ('continual learning', 'imitation learning') left out where the library's titles print
  it everywhere (rag/plan_title_forms.topical);
- the n-th entry down a page, a page said as a 'post' or 'feed', the entry right after a quoted or short-named title,
  the last entry going down that meets a condition, a superlative whose noun was said before it
  (rag/plan_elided_sort.py), a date heading with the entry at its top, a range said inclusive.

Each expected answer is read here from the parsed pages' own fields and positions, without the planner. Content
questions using the same trigger words stay unplanned.
"""

from __future__ import annotations

import re

import pytest

from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan
from rag.records import Paper
from test_planner_kinds import catalog, papers  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures


def answered(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return sorted(p.title for p in run(the_plan, catalog.papers).rows)


def titled(papers: list[Paper], pattern: str, page: str | None = None) -> list[str]:
    return sorted(p.title for p in papers if re.search(pattern, p.title, re.I)
                  and (page is None or any(page in (s.page_name or "") for s in p.sources)))


def listed(papers: list[Paper], page: str) -> list[Paper]:
    entries = [(s.position, p) for p in papers for s in p.sources if page in (s.page_name or "")]
    return [p for _, p in sorted(entries, key=lambda e: e[0])]


# --- the whole library as a scope -----------------------------------------------------------------------------------

@pytest.mark.parametrize("question, pattern", [
    ("titles with memory in them - check all the sources", r"\bmemory\b"),
    ("which titles mention Transformer, across everything (amii, courville, trending, pdfs)?", r"\btransformers?\b"),
    ("any paper with benchmark in the title? search every source", r"\bbenchmarks?\b"),
    ("In my library (all three listing pages and the PDFs), which titles contain exploration?", r"\bexploration\b"),
    ("how many titles have 'memory' in them? look thru all my pages", r"\bmemory\b"),
])
def test_the_whole_library_said_names_no_page(question, pattern, catalog, papers):
    assert answered(question, catalog) == titled(papers, pattern), question


# --- forms of a title term listed beside it -------------------------------------------------------------------------

@pytest.mark.parametrize("question, pattern, page", [
    ("count the trending titles naming a robot (robot, robotic)", r"\brobot(?:s|ic)?\b", "trending"),
    ("titles that say benchmark (or benchmarking)?", r"\bbenchmark(?:s|ing)?\b", None),
    ("Which titles contain generalization - the noun, any spelling (generalization / generalisation)? not generalized",
     r"\bgenerali[sz]ations?\b", None),
    ("trending titles with robot in them (or robotic)", r"\brobot(?:s|ic)?\b", "trending"),
    ("titles with benchmark in them (benchmark, benchmarks, benchmarking)", r"\bbenchmark(?:s|ing)?\b", None),
])
def test_forms_listed_beside_a_title_term(question, pattern, page, catalog, papers):
    assert answered(question, catalog) == titled(papers, pattern, page), question


def test_a_form_ruled_out_in_brackets_is_no_alternative(catalog, papers):
    # 'continual' is of the family of 'continuous' (continu-), but said with 'not' it is ruled out, not added
    assert answered("Which titles have Continuous in them (not continual)?", catalog) == titled(papers, r"\bcontinuous\b")


# --- a topic's generic head word ------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, pattern, page", [
    ("which trending titles mention continual learning?", r"\bcontinual\b", "trending"),
    ("imitation learning titles on the trending page", r"\bimitation\b", "trending"),
    ("how many titles talk about continual learning / continual RL", r"\bcontinual\b", None),
    ("trending papers on imitation learning, judging by the title", r"\bimitation\b", "trending"),
    ("Titles that mention meta learning, anywhere in the library?", r"\bmeta\b", None),
])
def test_a_topic_said_with_the_librarys_generic_word(question, pattern, page, catalog, papers):
    assert answered(question, catalog) == titled(papers, pattern, page), question


def test_a_quoted_phrase_keeps_its_generic_word(catalog, papers):
    assert answered("titles containing the phrase 'continual learning'", catalog) == \
        titled(papers, r"\bcontinual learning\b")


# --- places on a page -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, page, index", [
    ("what's the 15th paper down Aaron Courville's list?", "Courville", 14),
    ("number 12 on the daily trending feed", "trending", 11),
    ("number 40 on the daily trending list", "trending", 39),
    ("What's the 9th paper down Aaron Courville's profile?", "Courville", 8),
    ("whats the 21st paper down Aaron Courville's list", "Courville", 20),
])
def test_the_nth_entry_down_a_page(question, page, index, catalog, papers):
    assert answered(question, catalog) == [listed(papers, page)[index].title], question


def test_the_nth_entry_of_a_section_of_a_post(catalog, papers):
    accepted = [p for p in listed(papers, "Amii") if p.section == "accepted"]
    for question, n in [("What's the 4th paper in the accepted part of Amii's ICLR 2026 post?", 4),
                        ("the second entry among the accepted papers of the Amii blog post", 2)]:
        assert answered(question, catalog) == [accepted[n - 1].title], question


@pytest.mark.parametrize("question, anchor, step", [
    ("what comes immediately after the JARVIS-1 paper on the daily trending list?", "JARVIS-1", 1),
    ("trending page: what's printed directly after 'Hopfield Networks is All You Need'?", "Hopfield Networks", 1),
    ("what's listed just above 'Hopfield Networks is All You Need' in the trending feed?", "Hopfield Networks", -1),
    ("trending feed: which entry comes right before 'Hopfield Networks is All You Need'?", "Hopfield Networks", -1),
])
def test_the_entry_beside_a_named_one(question, anchor, step, catalog, papers):
    page = listed(papers, "trending")
    i = next(i for i, p in enumerate(page) if p.title.startswith(anchor))
    assert answered(question, catalog) == [page[i + step].title], question


@pytest.mark.parametrize("question, test, index", [
    ("furthest-down title on the trending feed that has memory in it?", lambda p: re.search(r"\bmemory\b", p.title, re.I),
     -1),
    ("scrolling down Courville's profile, which is the last one that still carries a Code badge?",
     lambda p: p.has_code, -1),
    ("going down the trending list, the first title you come across that mentions imitation learning",
     lambda p: re.search(r"\bimitation\b", p.title, re.I), 0),
    ("trending feed: the first title that mentions continual learning, going down",
     lambda p: re.search(r"\bcontinual\b", p.title, re.I), 0),
    ("the second-to-last entry on Courville's profile that has a Code badge?", lambda p: p.has_code, -2),
    ("Scrolling the trending feed, the last title with 'world model' in it?",
     lambda p: re.search(r"\bworld models?\b", p.title, re.I), -1),
    ("skimming through the trending list, which is the first title with memory in it?",
     lambda p: re.search(r"\bmemory\b", p.title, re.I), 0),
])
def test_the_first_or_last_entry_meeting_a_condition(question, test, index, catalog, papers):
    page = "Courville" if "Courville" in question else "trending"
    matching = [p for p in listed(papers, page) if test(p)]
    assert answered(question, catalog) == [matching[index].title], question


@pytest.mark.parametrize("question, highest", [
    ("Of Courville's entries showing a score, which has the highest?", True),
    ("among the Courville entries with a score, which one is the lowest?", False),
    ("courville profile entries that display a rating - which one got the lowest?", False),
])
def test_a_superlative_whose_noun_was_said_before(question, highest, catalog, papers):
    scored = [p for p in papers if p.listing_score is not None]
    best = (max if highest else min)(scored, key=lambda p: p.listing_score)
    assert answered(question, catalog) == [best.title], question


# Content questions with the same trigger words: a scope tail, a topic with the generic word, an order or superlative
# word, 'title', a bracketed alternative.
@pytest.mark.parametrize("question", [
    "check all the sources: what does TokMem store in its memory?",
    "Across everything (amii, courville, trending, pdfs), which methods reduce catastrophic forgetting?",
    "search every source for how exploration bonuses are computed",
    "which continual learning methods avoid forgetting?",
    "how does imitation learning differ from offline RL in these papers?",
    "which method has the lowest?",
    "what comes immediately after pretraining in the JARVIS-1 pipeline?",
    "what's the 7th step of the JARVIS-1 method?",
    "which benchmark (or benchmarking suite) do the robot manipulation papers evaluate on?",
    "Does the title 'Hopfield Networks is All You Need' overstate what the paper shows?",
    "what is the second stage of training in the memory paper? check all the sources",
    "which imitation learning method works best with few demonstrations, going by the results?",
])
def test_content_questions_with_the_trigger_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None, question


def test_the_date_heading_and_the_entry_at_its_top(catalog, papers):
    top = listed(papers, "trending")[0]
    for question in ("what's the date heading on the trending list, and what's at the top of it?",
                     "Which date heading is the trending page under, and which entry is at the very top?"):
        answer = answer_from_catalog(question, question, papers)
        assert answer is not None, question
        assert "Jun 26" in answer.answer and [c.title for c in answer.citations] == [top.title], question


@pytest.mark.parametrize("question", [
    "how many entries does the daily trending feed have in total?",
    "total number of papers on the daily trending papers page",
])
def test_a_page_counted_in_total(question, catalog, papers):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "count", question
    assert len(run(the_plan, catalog.papers).rows) == len(listed(papers, "trending"))


def test_a_month_range_said_inclusive(catalog, papers):
    expected = sorted(p.title for p in papers if p.profile_of == "Aaron Courville" and p.date
                      and p.date_precision != "year" and "2023-03" <= p.date[:7] <= "2023-05")
    for question in ("Courville's papers posted from March to May 2023 (inclusive)?",
                     "which Courville entries went up between March and May 2023, both months included"):
        assert answered(question, catalog) == expected, question
