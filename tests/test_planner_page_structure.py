"""A page's structure, order and marks said in ways earlier readers missed (issue 11), in phrasings made up for this file
(none is a dev question's wording):
- the legend's mark quantified over a whole author list with the mark as an object: 'a star on every single author',
  'nobody carries the asterisk', 'none of the names bears the mark', 'some author carrying the star'
  (rag/plan_mark_quantifiers.py);
- the institute's page called a 'post' or a 'roundup' (rag/plan_values.py).
Each expected answer is read from the parsed pages here, without the planner; content questions with the same trigger
words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan
from rag.records import Paper
from test_planner_kinds import catalog, papers  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures


def on_page(papers: list[Paper], page: str) -> list[Paper]:
    """One page's papers in its printed order."""
    entries = [(s.position, p) for p in papers for s in p.sources if page in (s.page_name or "")]
    return [p for _, p in sorted(entries, key=lambda e: e[0])]


def answered(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return sorted(p.title for p in run(the_plan, catalog.papers).rows)


def amii(papers: list[Paper]) -> list[Paper]:
    return on_page(papers, "Amii")


def _marked(p: Paper) -> int:
    return sum(a.affiliation == "Amii" for a in p.authors)


@pytest.mark.parametrize("question", [
    "Which Amii page entries put an Amii star on every single author?",
    "On the Amii page, which papers have every author carrying the asterisk?",
    "List the Amii papers where all of the names bear the Amii mark.",
    "amii entries where each co-author has the star",
])
def test_the_mark_on_every_author(question, catalog, papers):
    expected = sorted(p.title for p in amii(papers) if p.authors and not p.authors_truncated
                      and _marked(p) == len(p.authors))
    assert len(expected) == 4  # four fully starred lists on the page
    assert answered(question, catalog) == expected


@pytest.mark.parametrize("question", [
    "Which Amii entries have nobody carrying the Amii asterisk?",
    "List the papers in Amii's roundup where none of the authors has the Amii star.",
    "Amii page: which ones have no star on any author?",
    "Are there Amii papers where no one bears the asterisk?",
])
def test_the_mark_on_no_author(question, catalog, papers):
    expected = sorted(p.title for p in amii(papers) if p.authors and not p.authors_truncated and _marked(p) == 0)
    assert len(expected) == 3
    assert answered(question, catalog) == expected


def test_the_mark_on_some_author(catalog, papers):
    expected = sorted(p.title for p in amii(papers) if _marked(p) > 0)
    assert answered("On the Amii page, which papers have some author carrying the asterisk?", catalog) == expected


@pytest.mark.parametrize("question", [
    "Does every author of TokMem carry out experiments on language models?",
    "What does nobody in the differential privacy paper prove about the mechanism?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None
