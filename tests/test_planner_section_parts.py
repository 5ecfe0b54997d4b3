"""A PDF's section tree as the record (issue 11): the paragraph headings printed in bold under a section
(rag/parsing/pdf/run_in.py -> Block.lead -> rag/catalog_headings.Outline.parts, read by rag/plan_section_parts.py),
the first of them, how many, and the PDF's numbered subsections.

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


def test_the_outline_keeps_each_sections_bold_paragraph_headings(catalog: Catalog) -> None:
    specter = next(o for o in catalog.outlines.values() if o.paper.title.startswith("SPECTER"))
    assert [p.title for p in specter.parts_of(specter.numbered("4"))] == [
        "Training Data", "Training and Implementation", "Task-Specific Model Details", "Baseline Methods"]
    assert len(specter.parts_of(specter.numbered("A"))) == 9  # the appendix's numbered baselines, '1. Random' ...
    backus = next(o for o in catalog.outlines.values() if "backus" in o.paper.title)
    assert [h.number for h in backus.headings] == ["13", "13.3", "13.3.3", "13.3.4"]  # parents before children
    assert [p.title for p in backus.parts] == ["Cells", "Fetch"]  # standalone words of a scan, no weight read


PARTS = [
    ("SPECTER §3.2: which bold paragraph headings does it hold?", ["Direct Citations", "Co-Citations"], ["Co-Views"]),
    ("list the run-in headings inside section 6 of specter",
     ["Ablation Study", "Visualization", "Comparison with Task Specific Fine-Tuning"], ["Training Data"]),
    ("In the literature graph paper, what unnumbered sub-headings sit under 2.2 Edge Types?",
     ["Citations", "Authorship", "Entity linking edges"], ["Entity mentions"]),
    ("whcih bolded paragraph headings does section 4.4 of the literature graph paper have",
     ["Candidate selection", "Scoring candidates"], ["Model instances"]),
    ("For the SPECTER PDF, and specifically its Experiments section, could you tell me which paragraph headings, the "
     "ones printed in bold at the start of paragraphs, it is divided into?", ["Training Data", "Baseline Methods"],
     ["Ablation Study"]),
    # a section said by a bare number the outline holds, in a scanned page
    ("backus pdf, 13.3.4: any little sub-headings under it?", ["Cells", "Fetch"], []),
]


@pytest.mark.parametrize("question, holds, lacks", PARTS)
def test_a_sections_paragraph_headings_are_listed(question: str, holds: list[str], lacks: list[str],
                                                  catalog: Catalog) -> None:
    text = answered(question, catalog)
    assert all(h in text for h in holds) and not any(w in text for w in lacks), (question, text)


COUNTS = [
    ("How many node types are there in section 2.1 of the literature graph paper?", "has 4 paragraph headings"),
    ("how many edge types does 2.2 of the literature graph paper list?", "has 5 paragraph headings"),
    ("SPECTER's appendix: how many items does it walk through?", "has 9 paragraph headings"),
    ("number of research problems in section 5 of the literature graph pdf?", "has 5 paragraph headings"),
    ("count the paragraph headings in §3 of the literature graph paper", "has 5 paragraph headings"),
]


@pytest.mark.parametrize("question, holds", COUNTS)
def test_the_parts_of_a_section_are_counted(question: str, holds: str, catalog: Catalog) -> None:
    assert holds in answered(question, catalog), question


@pytest.mark.parametrize("question, holds, lacks", [
    ("what's the first paragraph heading in SPECTER's section 4?", "Training Data", "Baseline Methods"),
    ("opening bold topic of section 5 in the literature graph paper", "Author disambiguation", "Ontology matching"),
    ("In SPECTER, what number is the Analysis section and what is its first bolded paragraph title?",
     "§6 Analysis", "Visualization"),
])
def test_the_first_paragraph_heading_of_a_section(question: str, holds: str, lacks: str, catalog: Catalog) -> None:
    text = answered(question, catalog)
    assert holds in text and lacks not in text, (question, text)


@pytest.mark.parametrize("question, holds", [
    ("how many numbered subsections does SPECTER have?", "has 9 numbered subsections"),
    ("literature graph paper - number of sub-sections overall?", "has 6 numbered subsections"),
    ("list the subsections of the DPR pdf", "§3.1 Overview"),
    ("what subsection headings are on the Backus page?", "§13.3.4 Cells, fetching, and storing"),
    ("Which numbered subsections does the backus pdf print, and what is the page number of the journal?",
     "printed page 633"),
])
def test_the_numbered_subsections_of_a_pdf(question: str, holds: str, catalog: Catalog) -> None:
    assert holds in answered(question, catalog), question


CONTENT = [
    "what does the Training Data paragraph in section 4 of SPECTER say?",
    "how does SPECTER's section 4 describe the baseline methods?",
    "what do the paragraph headings in section 5 of the literature graph paper argue?",
    "which baselines does SPECTER compare against in section 4?",
    "what do the bold headings in SPECTER's analysis section find about metadata fields?",
    "how many entity extraction models does the literature graph paper use?",
    # a count of what the section's text says ('models in its grid'), not of its parts; 'which baseline' is content
    "SPECTER's appendix: which baseline was trained with gensim, and how many models were in its grid?",
    "in SPECTER appendix A, which baseline uses a word-level model and how many dimensions does it have?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_content_with_the_same_words_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
