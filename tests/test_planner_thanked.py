"""Who a PDF thanks for what (rag/plan_thanked.py through rag/plan_citations.py): the '<people> for <what>' pairs an
acknowledgement prints, and a 'who' question answered only when each thing it asks after is one pair's words. The
questions are this file's own, none from a dataset; the pairs are read from SPECTER's real acknowledgements.
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog
from rag.plan_thanked import Thanked, pairs
from rag.planner import plan


def test_the_pairs_are_read_by_the_acknowledgements_grammar() -> None:
    text = ("We thank Ada Byron and Alan Turing for careful proofreading, Grace Hopper for compiler help, and the "
            "reviewers for their comments. This work was supported by a grant.")
    assert pairs(text) == [Thanked("Ada Byron and Alan Turing", "careful proofreading"),
                           Thanked("Grace Hopper", "compiler help"), Thanked("the reviewers", "their comments")]


@pytest.mark.parametrize("question, holds, lacks", [
    ("In SPECTER's acknowledgements, who is thanked for research discussions?",
     "Kyle Lo, Daniel King and Oren Etzioni for helpful research discussions", "Field Cady"),
    ("SPECTER acks - who helped with data collection?", "Field Cady for help in initial data collection", "Kyle Lo"),
    ("who did SPECTER thank for the public API and who for discussions?",
     "Russel Reas for setting up the public API", "Field Cady"),
])
def test_who_is_thanked_for_each_thing_asked(question: str, holds: str, lacks: str, catalog: Catalog) -> None:
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "headings", question
    assert holds in the_plan.headings.text and lacks not in the_plan.headings.text, the_plan.headings.text


@pytest.mark.parametrize("question", [
    "who does SPECTER thank for funding the GPUs?",  # no pair prints it
    "what does SPECTER say about research discussions in its acknowledgements?",  # no 'who'
    "who helped SPECTER's authors discuss the results of the citation prediction task?",
    "who discussed the SPECTER results with the authors, and what did they suggest?",
])
def test_a_thing_no_pair_prints_stays_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
