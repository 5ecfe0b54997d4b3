"""A reference-list entry as a record (rag/plan_reference_entry.py): the entry a citing PDF prints for a library paper,
asked for its year, venue, authors or title as printed. Every question was made up for this file (none is from a
dataset); what the citing paper says of the cited one stays with retrieval. Unit tests over the real seed pages and
the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers, text  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

ENTRIES = [
    ("In SPECTER's references, the Construction of the Literature Graph in Semantic Scholar entry - who are the authors "
     "and what venue?", ["venue NAACL-HLT", "authors Waleed Ammar, Dirk Groeneveld"]),
    ("the literature graph paper is cited in specter - which venue does the reference entry print?", ["venue NAACL-HLT"]),
    ("SPECTER cites the Semantic Scholar literature graph paper: what year is given in that reference?", ["year 2018"]),
    ("specter bibliography, entry for construction of the literature graph: year + venue", ["year 2018",
                                                                                            "venue NAACL-HLT"]),
    ("Which year does SPECTER's reference list print for the literature graph paper, and its title as printed there?",
     ["year 2018", "title Construction of the literature graph in semantic scholar"]),
]


@pytest.mark.parametrize("question, says", ENTRIES)
def test_an_entry_is_read_for_the_fields_asked(question: str, says: list[str], catalog: Catalog) -> None:
    answer = text(question, catalog.papers)
    assert all(s in answer for s in says), (question, answer)


CONTENT = [
    "what does SPECTER say about the literature graph paper it cites?",
    "why does SPECTER cite the literature graph paper?",
    "SPECTER cites the literature graph paper: what year did they build the graph?",
    "which method of the literature graph paper does SPECTER's related work compare with?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_what_a_citing_paper_says_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
