"""A PDF's front matter as people x symbols x affiliations x e-mails (issue 11): a byline mark said by its name on one
named author ('Daniel Weld has a double dagger: what is it?', rag/plan_mark_symbols.py), an address said by its handle
alone ("the 'scottyih' address: whose?", rag/plan_contact.py) and an organisation named again by its printed address
('besides AI2 in Seattle', rag/plan_org_address.py).

Every question was made up for this file (none is from a dataset); the content questions carry the same trigger words
and must stay with retrieval. Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers, text  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

MARKED = [
    ("DPR: Danqi Chen carries a double dagger - what does it stand for?", ["Danqi Chen (marks ‡): Princeton University"]),
    ("SPECTER byline: Sergey Feldman has a dagger, which institute is that?",
     ["Sergey Feldman (marks † ∗): Allen Institute for Artificial Intelligence"]),
    ("dpr pdf, the dagger beside Sewon Min: which institution?", ["Sewon Min (marks †): University of Washington"]),
    ("In the Dense Passage Retrieval PDF, does Wen-tau Yih carry a dagger?", ["Wen-tau Yih carries no †", "marks: none"]),
    ("what's the asterisk on arman cohan in specter", ["Arman Cohan (marks † ∗): Equal contribution"]),
    ("specter, Daniel S. Weld and the double-dagger symbol: which affiliation is that",
     ["Daniel S. Weld (marks † ‡): Paul G. Allen School"]),
]


@pytest.mark.parametrize("question, says", MARKED)
def test_a_mark_named_on_one_author_is_what_it_stands_for(question: str, says: list[str], catalog: Catalog) -> None:
    answer = text(question, catalog.papers)
    assert all(s in answer for s in says), (question, answer)


HANDLES = [
    ("DPR: whose is the barlaso address?", "barlaso@fb.com: Barlas Oğuz (author 2 of 8, marks ∗"),
    ("dpr pdf - the ledell address belongs to which author?",
     "ledell@fb.com: Ledell Wu (author 5 of 8), no mark after the name on the byline"),
    ("DPR - the vladk address: which author, and any byline symbol?",
     "vladk@fb.com: Vladimir Karpukhin (author 1 of 8, marks ∗ (∗ Equal contribution))"),
]


@pytest.mark.parametrize("question, says", HANDLES)
def test_an_address_said_by_its_handle_is_whose(question: str, says: str, catalog: Catalog) -> None:
    answer = text(question, catalog.papers)
    assert says in answer, (question, answer)


ADDRESSED = [
    "lit graph paper: besides AI2 in Seattle, which other institution is printed?",
    "Construction of the Literature Graph in Semantic Scholar - apart from the Allen Institute in Seattle, what other "
    "institution is on it, and its city?",
]


@pytest.mark.parametrize("question", ADDRESSED)
def test_an_organisation_named_with_its_printed_city_is_the_organisation(question: str, catalog: Catalog) -> None:
    answer = text(question, catalog.papers)
    assert "Northwestern University" in answer and "Allen Institute" not in answer.split("•")[0], (question, answer)


CONTENT = [
    "SPECTER: what does the double dagger on Daniel Weld tell us about his research?",
    "DPR: Danqi Chen has a double dagger - what did she work on there?",
    "DPR: what does the scottyih address say about retrieval?",
    "lit graph paper: what did AI2 in Seattle build?",
    "is AI2 in Seattle according to the literature graph paper?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_what_people_did_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
