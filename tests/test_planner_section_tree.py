"""A PDF's section tree as typed nodes, asked by composition (rag/plan_section_tree.py): a node picked by its number at
any depth, by a paragraph printed under it, or by an ordinal in a level or under a parent; a set of nodes by its level
said in words or by an example of its numbering ('x.y', '3.x', '(2.1, 2.2 ...)'); and any field of a node asked (title,
PDF page, the page number its venue prints, the section above it) or how many a set holds.

Every question was made up for this file (none is from a dataset): several phrasings a mechanism, terse, casual,
formal, with a typo and clause-heavy; the content questions carry the same trigger words and must stay with retrieval.
Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers, text  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog
from rag.plan_section_tree import nodes

LIT = "Construction of the Literature Graph in Semantic Scholar"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"


def test_a_node_holds_its_depth_pages_and_parent(catalog: Catalog) -> None:
    lit = next(o for o in catalog.outlines.values() if o.paper.title == LIT)
    tree = {n.heading.number: n for n in nodes(lit)}
    assert (tree["4.2"].depth, tree["4.2"].pdf_page, tree["4.2"].printed_page) == (2, 4, 87)
    assert tree["4.2"].parent.title == "Entity Extraction and Linking" and tree["4"].parent is None
    assert tree["3"].printed_page == 85  # the proceedings print 84 on the PDF's first page


# A node by its number at any depth, with the fields asked of it.
BY_NUMBER = [
    ("backus scan: what's 13.3.4 titled and which pdf page?", ["§13.3.4 Cells, fetching, and storing (p. 1)"]),
    ("In the SPECTER paper, which section is subsection 3.3 under?", ["§3.3 User Activity (p. 4), under §3 SCIDOCS"]),
    ("lit graph paper: section 4.2 - what's it called and what printed page number does the proceedings page carry?",
     ["§4.2 Entity Extraction Models (p. 4), printed page 87"]),
    ("DPR pdf: what is subsection 3.1 called?", ["§3.1 Overview (p. 2)"]),
    ("For the literature graph paper, I'd like to know the exact heading of section 5, the pdf page where it begins, "
     "and the page number the proceedings print at the foot of that page.",
     ["§5 Other Research Problems (p. 6), printed page 89"]),
    ("lit graph: what's the last numbered subsection called?", ["§4.4 Entity Linking Models (p. 5)"]),
    ("In SPECTER, what's the last subsection of section 3 and what page is it on?", ["§3.4 Recommendation (p. 5)"]),
]


@pytest.mark.parametrize("question, says", BY_NUMBER)
def test_a_node_is_picked_by_number_and_its_fields_asked(question: str, says: list[str], catalog: Catalog) -> None:
    answer = text(question, catalog.papers)
    assert all(s in answer for s in says), (question, answer)


# A node by a paragraph heading printed under it: the numbered headings above the paragraph.
BY_PARAGRAPH = [
    ("which numbered section of SPECTER contains the 'Training Data' paragraph?", ["§4 Experiments"]),
    ("lit graph paper - the 'Candidate selection' paragraph: under which subsection and which section?",
     ["§4.4 Entity Linking Models", "within §4 Entity Extraction and Linking"]),
    ("specter: the 'Visualization' run-in heading is in which section?", ["§6 Analysis"]),
    ("In which section of the literature graph paper is the paragraph headed 'Limited KB coverage'?",
     ["§5 Other Research Problems"]),
    ("the 'Direct Citations' paragrph in specter - what section number?", ["§3.2 Citation Prediction"]),
    ("which section of the lit graph paper holds the 'Ontology matching' paragraph?", ["§5 Other Research Problems"]),
]


@pytest.mark.parametrize("question, says", BY_PARAGRAPH)
def test_a_paragraph_names_the_sections_above_it(question: str, says: list[str], catalog: Catalog) -> None:
    answer = text(question, catalog.papers)
    assert all(s in answer for s in says), (question, answer)


# A level said in words or by an example of its numbering, under a parent or over the whole body.
COUNTS = [
    ("how many x.y.z headings does the backus pdf have?", "has 2 numbered sub-subsections"),
    ("lit graph pdf: total count of its level-1 headings (1, 2, 3 ...)?", "has 6 numbered top-level sections"),
    ("SPECTER - how many 3.x subsections?", "has 4 numbered subsections under §3 SCIDOCS"),
    ("how many subsections does section 2 of specter have (2.1, 2.2 ...)?", "has 5 numbered subsections under §2"),
    ("list the second-level headings of the literature graph paper", "has 6 numbered subsections"),
    ("literature graph paper: which subsections does its entity extraction and linking section have?",
     "has 4 numbered subsections under §4 Entity"),
    ("DPR: hw many top level sections r there?", "has 3 numbered top-level sections"),
    ("Considering only the numbered headings in the body of the SPECTER paper, and leaving out the appendix, how many "
     "first-level sections are there?", "has 8 numbered top-level sections"),
]


@pytest.mark.parametrize("question, says", COUNTS)
def test_a_level_is_counted(question: str, says: str, catalog: Catalog) -> None:
    answer = text(question, catalog.papers)
    assert says in answer, (question, answer)


CONTENT = [
    "what does section 5 of the lit graph paper say about author disambiguation?",
    "In SPECTER, what does the 'Training Data' paragraph describe?",
    "lit graph paper: what datasets are used in subsection 4.4?",
    "how many citations does section 3 of SPECTER discuss?",
    "which section of the lit graph paper talks about ontology matching?",
    "how many x.y subsections of SPECTER report results on citation prediction?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_what_a_section_says_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


# Headings over the PDFs picked by how their number ends (rag/plan_section_numbers.py), at the depth the examples show.
ENDINGS = [
    ("which pdfs print a subsection numbered x.2?", {SPECTER, LIT}),
    ("how many of my papers have a subsection that ends with .5?", {SPECTER}),
    # the Backus page's §13.3 is known from its subsections: a second-level heading ending in .3 too
    ("any of my documents with sections ending in .3 (like 2.3 or 4.3)? list the headings",
     {SPECTER, LIT, "a1977 backus p21"}),
    ("Which files have a heading ending on .4 (2.4, 3.4 ...)?", {SPECTER, LIT}),
    ("what PDFs have a sub-subsection ending in .4 (13.3.4, 1.2.4 etc.)?", {"a1977 backus p21"}),
]


@pytest.mark.parametrize("question, titles", ENDINGS)
def test_pdfs_are_picked_by_how_a_heading_number_ends(question: str, titles: set[str], catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and {c.title for c in answer.citations} == titles, (question, answer and answer.answer)


def test_a_heading_number_with_a_topic_stays_with_retrieval(catalog: Catalog) -> None:
    question = "which pdfs have subsections ending in 4 that discuss linking?"
    assert answer_from_catalog(question, question, catalog.papers) is None
