"""Title words with their scope said any way, in phrasings made up for this file: the whole library said as 'any
source', 'my sources' or 'every page + the PDFs' (rag/plan_whole_library.py); the asker's own look at named pages
('looking only at the Amii page and Courville's page', rag/plan_scope_said.py); a form of the word ruled out beside it
("'Forgotten' doesn't count", 'excluding Off-policy', rag/plan_title_exclusions.py); a topic after 'anything' with 'by
title' (rag/plan_title_topics.py). Each expected answer is read from the parsed titles here, without the planner;
content questions with the same words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import re

import pytest

from rag.catalog_query import answer_from_catalog
from test_planner_kinds import catalog, papers, rows  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures


def printing(papers, *words: str, page: str = "", unless: str = "") -> list[str]:
    """The titles printing any of `words` as whole words (a hyphen ends a word), on a page whose name holds `page`,
    not printing `unless`."""
    def says(title: str, word: str) -> bool:
        return bool(re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", title, re.I))

    return sorted(p.title for p in papers if any(says(p.title, w) for w in words) and not (unless and says(p.title, unless))
                  and (not page or any(page.casefold() in (s.page_name or "").casefold() for s in p.sources)))


@pytest.mark.parametrize("question, words", [
    ("titles containing 'Meta', from any source", ["Meta"]),
    ("which titles anywhere in my sources mention GFlowNets?", ["GFlowNets"]),
    ("Bayesian papers going by the title (any source)", ["Bayesian"]),
    ("list the titles with 'Meta' in them, checking every page + the pdfs", ["Meta"]),
    ("across my sources, which titles say Diffusion?", ["Diffusion"]),
    ("titles w/ 'Transformer' or 'Transformers' - search all three listing pages and the PDFs", ["Transformer", "Transformers"]),
])
def test_the_whole_library_said_as_the_sources(question, words, catalog, papers):
    expected = printing(papers, *words)
    assert len({page for p in papers for s in p.sources for page in [s.page_name or s.format]} ) > 1
    assert sorted(rows(question, catalog)) == expected


@pytest.mark.parametrize("question, page", [
    ("looking only at the trending page, which titles mention 'Offline'?", "trending"),
    ("Just checking Courville's profile: titles with GFlowNets?", "Courville"),
    ("restricting myself to the trending feed, which titles say Offline", "trending"),
    ("Looking at the Amii page and Courville's page only (not the trending feed): titles that mention Memory?", ""),
    ("only looking at courvilles list - titles that say Diffusion", "Courville"),
])
def test_a_look_at_named_pages_is_their_scope(question, page, catalog, papers):
    word = re.search(r"Offline|GFlowNets|Memory|Diffusion", question)[0]
    expected = printing(papers, word, page=page) if page else \
        sorted(set(printing(papers, word, page="Amii")) | set(printing(papers, word, page="Courville")))
    assert expected and sorted(rows(question, catalog)) == expected


@pytest.mark.parametrize("question, words, unless", [
    ("titles with 'Policy' or 'Policies' ('Off-policy' doesn't count)", ["Policy", "Policies"], "Off-policy"),
    ("how many titles say Policy or Policies, excluding Off-policy?", ["Policy", "Policies"], "Off-policy"),
    ("titles containing the word 'Transformer' — 'Transformers' is excluded", ["Transformer", "Transformers"], "Transformers"),
    ("count titles with Robot in them — 'Robotic' does not count", ["Robot"], "Robotic"),
    ("Which titles have 'Memory' in them but not 'Million'?", ["Memory"], "Million"),
])
def test_a_form_ruled_out_beside_the_title_word(question, words, unless, catalog, papers):
    expected = printing(papers, *words, unless=unless)
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None
    if question.startswith(("how many", "count")):
        assert answer.answer.startswith(f"{len(expected)} ")
    else:
        assert sorted(c.title for c in answer.citations) == expected


@pytest.mark.parametrize("question, page", [
    ("anything Bayesian on the trending page (by title)?", "trending"),
    ("is there anything Bayesian in my library, going by titles?", ""),
    ("anything Offline on courville's page, judging by title", "Courville"),
])
def test_a_topic_after_anything_by_title(question, page, catalog, papers):
    word = re.search(r"Bayesian|Offline", question)[0]
    assert sorted(rows(question, catalog)) == printing(papers, word, page=page)


@pytest.mark.parametrize("question", [
    "looking at the attention maps in DPR, which layers matter most?",
    "looking only at the ablation table on page 5 of DPR, which retriever wins?",
    "anything Bayesian about the DPR training objective?",
    "what do the in-context learning papers find, from any source?",
    "which method for fine-tuning works best across my sources?",
    "why doesn't 'Off-policy' count as a policy title?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


def joined(title: str, *words: str) -> bool:
    """Whether the title prints one of `words` in any spelling: hyphens and spaces dropped on both sides."""
    squeeze = [re.sub(r"[\s-]+", "", w.casefold()) for w in words]
    return any(w in re.sub(r"[\s-]+", "", title.casefold()) for w in squeeze)


@pytest.mark.parametrize("question, word", [
    ("count the titles that mention pre-training (pre-training / pretraining)", "pre-training"),
    ("how many titles say fine-tuning? (fine-tuning, finetuning)", "fine-tuning"),
    ("Titles with Fine-Tuning in them (Fine-Tuning or Finetuning, any case), anywhere in my sources", "fine-tuning"),
    ("which trending titles mention pretraining (pretraining / pre-training)?", "pretraining"),
])
def test_spellings_listed_beside_a_title_word_are_all_asked(question, word, papers):
    page = "trending" if "trending" in question else ""
    expected = sorted(p.title for p in papers if joined(p.title, word)
                      and (not page or any(page in (s.page_name or "") for s in p.sources)))
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and len(expected) > 1
    if question.casefold().startswith(("how many", "count")):
        assert answer.answer.startswith(f"{len(expected)} ")
    else:
        assert sorted(c.title for c in answer.citations) == expected
