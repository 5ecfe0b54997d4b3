"""An acknowledgement's records (rag/plan_funders.py, rag/plan_citations.py, rag/plan_thanked.py): the funding sources
it lists after 'supported by' (counted, listed, over the PDFs), and the people thanked for what — in an
acknowledgements section or in the running text of a one-page excerpt ('I am indebted to …'), asked by 'who' or yes
or no. The questions are this file's own, none from a dataset; the records are read from the shared PDFs.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_pdf_records import catalog_answer
from rag.catalog import Catalog
from rag.catalog_citations import funders
from rag.catalog_query import answer_from_catalog

SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
BACKUS = "a1977 backus p21"
GRAPH = "Construction of the Literature Graph in Semantic Scholar"


def test_funders_as_printed() -> None:
    assert funders("Funding from the Canada CIFAR AI Chairs program and Amii is gratefully acknowledged.") == \
        ["the Canada CIFAR AI Chairs program", "Amii"]
    assert funders("This research was funded by Google and by DARPA.") == ["Google", "DARPA"]


@pytest.mark.parametrize("question, holds, first", [
    ("how many funders does SPECTER name?", "3 funding sources", SPECTER),
    ("who funded the SPECTER work?", "ONR grant N00014-18-1-2193", SPECTER),
    ("SPECTER: what are its sponsors?", "the University of Washington WRF/Cable Professorship", SPECTER),
    ("how many distinct funding bodies support the research in SPECTER's acks", "3 funding sources", SPECTER),
    ("which sources of fundng are acknowledged in the SPECTER paper?", "NSF Convergence Accelerator", SPECTER),
    # thanks: by 'who', yes or no, in the running text of an excerpt
    ("who is Backus indebted to, and for what?", "Paul Me Jones for his observation", BACKUS),
    ("backus excerpt: whom does he thank for an observation?", "Paul Me Jones", BACKUS),
    ("does SPECTER thank a particular reviewer?", "especially Reviewer 1", SPECTER),
    ("is any reviewer thanked especially in SPECTER's acks?", "Reviewer 1", SPECTER),
    ("which reviewer does SPECTER single out in the acknowledgements?", "Reviewer 1", SPECTER),
])
def test_an_acknowledgements_record(question: str, holds: str, first: str, catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert answer.citations[0].title == first, question
    assert holds in answer.answer, (question, answer.answer)


def test_pdfs_naming_a_funder(catalog: Catalog) -> None:
    answer = catalog_answer("which of my PDFs name a funding source?", catalog)
    assert {c.title for c in answer.citations} == {SPECTER}


@pytest.mark.parametrize("question", [
    "how much funding did SPECTER get?",
    "Which funding agency supported the Literature Graph work?",  # no acknowledgements in its text as read
    "what did the NSF award fund in SPECTER?",
    "which experiments in SPECTER were supported by ONR?",
    "what did Paul Jones observe about composition in the Backus page?",
    "who does SPECTER thank for the idea of citation embeddings?",
    "is any reviewer of SPECTER quoted in section 5?",
])
def test_content_stays_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
