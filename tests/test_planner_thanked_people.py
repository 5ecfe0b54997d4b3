"""The people a PDF thanks, in any words (issue 11): which PDFs thank a named person (in an acknowledgements
section or in the running text), who among those thanked wrote another named paper (rag/plan_thanked_people.py),
and a pair found by the words naming the helpers ('the anonymous reviewers (especially Reviewer 1)').

Every question here was made up for this file (none is from a dataset), several phrasings a mechanism; the content
questions carry the same trigger words and must stay with retrieval. Unit tests over the real seed pages and the
five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers, text  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog



def answered(question: str, catalog: Catalog) -> str:
    return text(question, catalog.papers)  # the catalog's answer, asserted to exist (test_planner_fields.text)


@pytest.mark.parametrize("question", [
    "which of my pdfs thank or credit a named person for help?",
    "Which PDFs are indebted to someone?",
    "any of my papers that express gratitude to a specific person?",
    "which pdfs thank anyone by name",
    "Which of the PDFs, whether in their acknowledgements or in the text itself, thank an individual for their help?",
])
def test_the_pdfs_thanking_a_person_in_any_words(question: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None, question
    assert sorted(c.title[:8] for c in answer.citations) == ["SPECTER:", "a1977 ba"], (question, answer.answer)
    assert "Paul Me Jones" in answer.answer and "Kyle Lo" in answer.answer


@pytest.mark.parametrize("question", [
    "Is anyone SPECTER thanks also an author of the literature graph paper?",
    "which people thanked in the SPECTER acknowledgements co-authored the semantic scholar literature graph paper",
])
def test_who_thanked_is_an_author_of_another_paper(question: str, catalog: Catalog) -> None:
    text = answered(question, catalog)
    assert "Kyle Lo, Oren Etzioni" in text and "Field Cady" not in text.split("•")[0], text


def test_a_pair_is_found_by_the_words_naming_the_helpers(catalog: Catalog) -> None:
    text = answered("SPECTER acks: which anonymous reviewer is singled out?", catalog)
    assert "Reviewer 1" in text and "Russel Reas" not in text


CONTENT = [
    "who does SPECTER thank for the GPUs?",
    "which of my pdfs thank someone for funding the experiments on citation prediction?",
    "what did the anonymous reviewers of SPECTER suggest?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_content_with_the_same_words_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
