"""Title terms, in phrasings made up for this file (none is a dev question's wording):

- the whole library said as a scope ('check all the sources', 'across everything (amii, courville, trending, pdfs)')
  names no page (rag/plan_whole_library.py);
- the forms of a title term listed beside it ('robots (robot / robotic)', 'benchmark (or benchmarking)'), a spelling
  note and forms ruled out that the term never matches (rag/plan_title_forms.py);
- a topic's generic head word ('continual learning', 'imitation learning') left out where the library's titles print
  it everywhere (rag/plan_title_forms.topical).

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


# Content questions with the same trigger words: a scope tail, a topic with the generic word, an order or superlative
# word, 'title', a bracketed alternative.
@pytest.mark.parametrize("question", [
    "check all the sources: what does TokMem store in its memory?",
    "Across everything (amii, courville, trending, pdfs), which methods reduce catastrophic forgetting?",
    "search every source for how exploration bonuses are computed",
    "which continual learning methods avoid forgetting?",
    "how does imitation learning differ from offline RL in these papers?",
    "which benchmark (or benchmarking suite) do the robot manipulation papers evaluate on?",
    "Does the title 'Hopfield Networks is All You Need' overstate what the paper shows?",
    "what is the second stage of training in the memory paper? check all the sources",
    "which imitation learning method works best with few demonstrations, going by the results?",
])
def test_content_questions_with_the_trigger_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None, question
