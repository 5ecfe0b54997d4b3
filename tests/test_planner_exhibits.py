"""A PDF's numbered tables and figures as records (rag/catalog_exhibits.py) and the questions answered from them
(rag/plan_exhibits.py): one object's caption and page, the object a description names (matched against its caption,
header rows and section), how many a PDF prints, which PDFs print any (or a given one) and which prints the most.

Every question here was made up for this file (none is from a dataset): several phrasings per mechanism, terse,
casual, formal, misspelt and clause-heavy; the content questions carry the same trigger words and must stay with
retrieval. Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers, text  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_exhibits import exhibits
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"


def answer(question: str, catalog: Catalog) -> tuple[str, list[str]]:
    found = answer_from_catalog(question, question, catalog.papers)
    assert found is not None, question
    return found.answer, list(dict.fromkeys(c.title for c in found.citations))


def test_tables_and_figures_are_read_as_records(catalog: Catalog) -> None:
    specter = next(p for p in catalog.papers if p.title == SPECTER)
    read = [(e.name, e.page, e.printed_page) for e in exhibits(specter)]
    assert read == [("Figure 1", 2, 2271), ("Table 1", 7, 2276), ("Table 2", 7, 2276), ("Figure 2", 8, 2277),
                    ("Table 3", 8, 2277)]
    graph = next(p for p in catalog.papers if p.title == GRAPH)
    bag = next(e for e in exhibits(graph) if e.name == "Table 4")
    assert bag.caption.startswith("The Bag of Concepts F1 score") and "Neural" in bag.header and bag.printed_page == 89


@pytest.mark.parametrize("question, holds", [
    ("Which page of the SPECTER PDF holds Tables 2 and 3, and how are they captioned?",
     "Comparison with task-specific"),
    ("whcih page is table 3 on in the literature graph paper", "PDF page 5"),
    ("SPECTER's main results table (Table 1): which section is it printed in?", "§5 Results"),
    ("In the Semantic Scholar literature graph paper, could you tell me on which page Figure 1 appears, along with its "
     "caption?", "Part of the literature graph"),
    ("SPECTER table 2 - where is it printed and what's it called? also the printed page no.", "printed page 2276"),
    ("what is Table 3 of the SPECTER paper, and its printed proceedings page?", "printed page 2277"),
    ("specter's big results table (tabel 1) - how is it captioned", "Results on the SCIDOCS evaluation suite"),
    ("page numbers of tables 1 and 2 in SPECTER?", "Table 2 (PDF page 7, printed page 2276"),
    ("tbl 1 specter caption", "Table 1 (PDF page 7"),
    ("what's table #3 in specter", "Table 3 (PDF page 8"),
    ("For the SPECTER paper, which I think was at ACL 2020, could you find where Table 2 sits and tell me the caption?",
     "Table 2 (PDF page 7"),
])
def test_a_numbered_objects_caption_and_page(question: str, holds: str, catalog: Catalog) -> None:
    said, cited = answer(question, catalog)
    assert holds in said and len(cited) == 1, said


def test_an_object_the_pdf_does_not_print_is_said_missing(catalog: Catalog) -> None:
    said, _ = answer("what's Table 7 of SPECTER?", catalog)
    assert "prints no Table 7" in said and "3 numbered tables" in said


@pytest.mark.parametrize("question, holds", [
    ("In the SPECTER paper, which table reports the ablations?", "Table 2 ("),
    ("which figure in SPECTER visualizes the paper embeddings, and on what page?", "Figure 2 (PDF page 8"),
    ("lit graph: which table has the entity extraction results on SemEval-2017?", "Table 3 (PDF page 5"),
    ("Where are the ScienceParse precision and recall numbers in the literature graph paper (table number, page)?",
     "Table 1 (PDF page 3"),
    ("which table is the Bag of Concepts F1 in?", "Table 4 (PDF page 6"),
    ("literature graph paper, the table comparing the baseline with the neural model: which number is it?", "Table 4"),
    ("which tables are on page 7 of the SPECTER pdf?", "Table 2 (PDF page 7"),
    ("On what page does the t-SNE figure appear in SPECTER?", "Figure 2 (PDF page 8"),
    ("the Bag of Concepts F1 table in the literature graph paper: which page?", "Table 4 (PDF page 6"),
    ("what's the caption of the ablation table in SPECTER?", "Table 2 (PDF page 7"),
])
def test_the_object_a_description_names(question: str, holds: str, catalog: Catalog) -> None:
    said, cited = answer(question, catalog)
    assert holds in said and len(cited) == 1, said


@pytest.mark.parametrize("question, holds", [
    ("the last table in the literature graph paper - caption?", "Table 4 (PDF page 6"),
    ("SPECTER's first figure: what page?", "Figure 1 (PDF page 2"),
    ("which chart in SPECTER shows the t-SNE plot?", "Figure 2 (PDF page 8"),
    ("What label does Figure 1 of SPECTER carry?", "'Overview of SPECTER.'"),
    ("what's the caption under figure 1 in the lit graph paper", "'Part of the literature graph.'"),
])
def test_an_object_named_by_its_place_or_its_kind_of_drawing(question: str, holds: str, catalog: Catalog) -> None:
    said, cited = answer(question, catalog)
    assert holds in said and len(cited) == 1 and said.count("PDF page") == 1, said


def test_a_description_two_tables_hold_names_both(catalog: Catalog) -> None:
    said, _ = answer("which SPECTER table has the CLS and USR columns?", catalog)
    assert "2 numbered tables match" in said and "Table 2 (" in said and "Table 3 (" in said


@pytest.mark.parametrize("question, holds", [
    ("how many figures does SPECTER have?", "2 numbered figures (Figures 1–2)"),
    ("number of tables in the SPECTER pdf", "3 numbered tables (Tables 1–3)"),
    ("lit graph paper - table count?", "4 numbered tables (Tables 1–4)"),
    ("How many tables and figures does the literature graph paper print, taken together?",
     "4 numbered tables (Tables 1–4) and 1 numbered figure"),
    ("how many tabels in specter", "3 numbered tables"),
    ("list the tables of the literature graph paper with their captions", "'Results of the ScienceParse system.'"),
    ("SPECTER figure captions?", "'Overview of SPECTER.'"),
])
def test_how_many_objects_a_pdf_prints(question: str, holds: str, catalog: Catalog) -> None:
    said, cited = answer(question, catalog)
    assert holds in said and len(cited) == 1, said


@pytest.mark.parametrize("question, expected", [
    ("which of my papers include figures?", [SPECTER, GRAPH]),
    ("any pdfs with a Figure 2?", [SPECTER]),
    ("Do any of my PDFs have a Table 4, and if so what is it captioned?", [GRAPH]),
    ("which of my PDFs has a table on entity linking?", [GRAPH]),
    ("PDFs with numbered figures (e.g. 'Figure 1: ...')?", [SPECTER, GRAPH]),
])
def test_which_pdfs_print_such_objects(question: str, expected: list[str], catalog: Catalog) -> None:
    _, cited = answer(question, catalog)
    assert cited == expected, question


@pytest.mark.parametrize("question, holds", [
    ("Across my PDFs, how many tables are there in total?", "(7 in all; 3 in SPECTER"),
    ("how many figures in total do my pdfs have", "(3 in all; 2 in SPECTER"),
])
def test_how_many_objects_the_pdfs_print(question: str, holds: str, catalog: Catalog) -> None:
    said, cited = answer(question, catalog)
    assert holds in said and cited == [SPECTER, GRAPH], said


@pytest.mark.parametrize("question, holds", [
    ("Give me every table caption across my PDFs.", "'Results of the ScienceParse system.'"),
    ("list all figure captions in the library", "'Overview of SPECTER.'"),
])
def test_every_caption_of_the_library(question: str, holds: str, catalog: Catalog) -> None:
    said, cited = answer(question, catalog)
    assert holds in said and cited == [SPECTER, GRAPH], said


def test_the_pdfs_that_print_both_kinds(catalog: Catalog) -> None:
    said, cited = answer("which PDFs have both tables and figures?", catalog)
    assert said.startswith("2 of the 5 PDFs print numbered tables and figures") and cited == [SPECTER, GRAPH], said


def test_the_pdfs_that_print_none(catalog: Catalog) -> None:
    said, cited = answer("Which PDFs don't have any numbered tables?", catalog)
    assert said.startswith("3 of the 5 PDFs print no numbered tables") and SPECTER not in cited and GRAPH not in cited


@pytest.mark.parametrize("question, first", [
    ("which pdf carries the largest number of tables", GRAPH),
    ("of all my pdfs, which one prints the most figures?", SPECTER),
    ("Most tables: which PDF?", GRAPH),
    ("which of the pdfs has the fewest figures", "a1977 backus p21"),
    ("In my library, which PDF would you say contains the maximum number of figures, counting only numbered ones?",
     SPECTER),
    ("which paper has more tables, SPECTER or the literature graph paper?", GRAPH),
    ("How many tables does SPECTER have compared to the literature graph paper?", GRAPH),
])
def test_the_pdf_printing_the_most(question: str, first: str, catalog: Catalog) -> None:
    _, cited = answer(question, catalog)
    assert cited[0] == first, question


CONTENT = [
    "What does Table 3 of SPECTER show?",
    "what do the results in Table 2 of the literature graph paper say about the hybrid approach?",
    "which model scores highest in SPECTER's Table 1?",
    "what is the F1 of the neural model in the Bag of Concepts table?",
    "how many tasks are in Table 1 of SPECTER?",
    "what is shown in Figure 2 of the SPECTER paper?",
    "what's in table 1 of the literature graph paper?",
    "which table shows that SPECTER beats SciBERT?",
    "how many rows does Table 1 of the literature graph paper have?",
    "What baselines does SPECTER compare against in its tables?",
    "what do the tables in SPECTER tell us about fine-tuning?",
    "which of my pdfs have tables showing SPECTER outperforming SciBERT?",
    "what does figure 1 of the literature graph paper depict?",
    "What is compared in Table 3 of SPECTER?",
    "what does Table 3 hold in SPECTER?",
    "How was the data for Table 3 of the lit graph paper collected?",
    "what page discusses the ablation table in SPECTER?",
    "Where is the ablation table discussed in SPECTER?",
    "which table in SPECTER shows the largest drop without the abstract?",
    "what does the plot in Figure 2 of SPECTER show?",
    "which plot in SPECTER shows the clusters most clearly?",
    "how would you plot the SPECTER embeddings?",
    "which diagram explains the SPECTER architecture?",
    "In the last table of the literature graph paper, which model is better on Bio?",
    "What does the first figure of SPECTER depict?",
    "I can't figure out what table 2 of the literature graph paper means",
    "What figures does SPECTER give for the MAG topics?",
    "what are the F1 figures in Table 1 of the lit graph paper",
    "what numbers are in Table 1 of the lit graph paper?",
    "what form does Table 2 of SPECTER take?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_content_with_the_same_words_stays_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
