"""A title's words named by how they start, and the forms a question lists beside a title term, in phrasings made up
for this file: 'a word starting with X' / 'a hyphenated X- word' with any scope and aggregate, the forms listed after
it (rag/plan_title_prefix.py); forms listed after a dash that the word family misses ('explaining - explain /
explanation(s)', rag/plan_title_terms.py); 'call themselves an X' (rag/plan_titles.py); a topic glossed by a bracket of
title terms (rag/plan_title_clarify.py); the whole library enumerated with a count in digits
(rag/plan_whole_library.py); a title's length measured only where a title is printed (rag/catalog_fields.py).
Expected answers are computed from the parsed pages here. Content questions with the same words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import re

import pytest

from rag.catalog_query import answer_from_catalog
from test_planner_kinds import catalog, papers, rows  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures
from test_planner_order import listed


def starting(papers, start: str, page: str | None = None, hyphen: bool = False) -> set[str]:
    pattern = re.compile(rf"(?<![^\W\d_]){start}\w*" + ("-[^\\W_]" if hyphen else ""), re.I)
    pool = listed(papers, page) if page else papers
    return {p.title for p in pool if pattern.search(p.title)}


def count_in(text: str) -> int:
    m = re.match(r"(?:Only\s+)?(\d+) papers? match", text)
    assert m, text
    return int(m[1])


@pytest.mark.parametrize("question, start, page, hyphen", [
    ("How many titles across all my sources use a word starting with 'Adapt' (adapt, adaptive, adapter, adaptation - "
     "State-Adaptive counts too)?", "adapt", None, False),
    ("how many titles contain a word beginning with meta?", "meta", None, False),
    ("count of titles that have a word which starts with Gen", "gen", None, False),
    ("how many trending titles have a hyphenated Multi- word?", "multi", "trending", True),
    ("amii page: how many titles with a word prefixed by 'Token'", "token", "Amii", False),
])
def test_titles_counted_by_a_words_start(question, start, page, hyphen, papers):
    expected = starting(papers, start, page, hyphen)
    assert expected
    got = answer_from_catalog(question, question, papers)
    assert got is not None, question
    assert count_in(got.answer) == len(expected)


@pytest.mark.parametrize("question, start, page, hyphen", [
    ("trending titles with a hyphenated Multi- word (Multi-Agent, Multi-task, ...)?", "multi", "trending", True),
    ("which Courville-page titles have a hyphenated 'Self-' word?", "self", "Courville", True),
    ("titles on the trending page using a word that begins with 'Reinforc'", "reinforc", "trending", False),
    ("list the titles with a word starting with Hier", "hier", None, False),
])
def test_titles_listed_by_a_words_start(question, start, page, hyphen, catalog, papers):
    expected = starting(papers, start, page, hyphen)
    assert expected
    assert set(rows(question, catalog)) == expected


def test_titles_without_a_hyphenated_start(catalog, papers):
    expected = {p.title for p in listed(papers, "trending")} - starting(papers, "multi", "trending", True)
    assert set(rows("trending titles without a hyphenated Multi- word", catalog)) == expected


@pytest.mark.parametrize("question, forms", [
    ("which titles across my sources talk about explaining - explain / explanation(s)?", ("explain", "explanation")),
    ("titles mentioning planning - plan / planner(s)?", ("planning", "plan", "planner")),
    ("how many titles say adapting - adapt / adaptation?", ("adapt", "adaptation")),
])
def test_forms_listed_after_a_dash_count(question, forms, catalog, papers):
    words = lambda t: {w.casefold().rstrip("s") for w in re.findall(r"[^\W_]+", t)}  # noqa: E731
    expected = {p.title for p in papers if words(p.title) & set(forms)}
    assert expected
    got = answer_from_catalog(question, question, papers)
    assert got is not None, question
    if question.startswith("how many"):
        assert count_in(got.answer) == len(expected)
    else:
        assert set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question, word", [
    ("titles that call themselves a 'framework' - which papers across all my sources?", "framework"),
    ("which titles call themselves a benchmark?", "benchmark"),
    ("how many titles call themselves a toolkit?", "toolkit"),
])
def test_titles_that_call_themselves_something(question, word, catalog, papers):
    expected = {p.title for p in papers if re.search(rf"\b{word}s?\b", p.title, re.I)}
    assert expected
    got = answer_from_catalog(question, question, papers)
    assert got is not None, question
    assert count_in(got.answer) == len(expected)


@pytest.mark.parametrize("question, words, page", [
    ("trending list: titles about offline goal-conditioned RL (both 'Offline' and 'Goal-Conditioned' in the title)?",
     ("Offline", "Goal-Conditioned"), "trending"),
    ("which titles are about offline RL (both 'Offline' and 'Reinforcement' in the title)?",
     ("Offline", "Reinforcement"), None),
])
def test_a_topic_glossed_by_a_bracket_of_title_terms(question, words, page, catalog, papers):
    pool = listed(papers, page) if page else papers
    expected = {p.title for p in pool if all(w.casefold() in p.title.casefold() for w in words)}
    assert expected
    assert set(rows(question, catalog)) == expected


def test_the_whole_library_enumerated_with_a_count_in_digits(catalog, papers):
    question = "which titles in my whole library (3 listing pages + the pdfs) contain the word Open?"
    expected = {p.title for p in papers if re.search(r"(?<![^\W_])open(?![^\W_])", p.title, re.I)}
    assert set(rows(question, catalog)) == expected


@pytest.mark.parametrize("question, op", [
    ("which of my PDFs has the shortest title (by characters)?", min),
    ("among the PDFs, which title is shortest in characters?", min),
])
def test_a_pdf_with_no_printed_title_has_no_title_length(question, op, papers):
    pdfs = [p for p in papers if any(s.format == "pdf" for s in p.sources) and "title" in p.printed]
    expected = op(pdfs, key=lambda p: len(p.title))
    got = answer_from_catalog(question, question, papers)
    assert got is not None and expected.title in got.answer.split(" • ")[0]
    assert "backus" not in got.answer.split(" • ")[0]


@pytest.mark.parametrize("question", [
    "which abstracts use a word starting with Adapt?",
    "what do titles with a word starting with 'Adapt' propose?",
    "how do the papers explain their results - explain / explanation?",
    "which papers call themselves state of the art in their abstracts?",
    "what do the offline goal-conditioned RL papers find (both 'Offline' and 'Goal-Conditioned')?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None
