"""Planning by analogy (eval/plan_analogy.py): masking, filling and planning a rewritten question, on the real catalog
of the seeds + PDFs and the real embedder. Phrasings made up for these tests, not taken from any question set."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, parse_seed_pages
from rag.catalog import Catalog
from rag.parsing import merge_papers, parse_file
from rag.planner import plan

sys.path.insert(0, str(PROJECT_ROOT / "eval"))
from plan_analogy import bank_of, by_analogy, candidates, fill, mask, same_ask  # noqa: E402

PDFS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    assert PDFS.is_dir(), f"the shared PDFs are missing: {PDFS}"  # fail, never skip
    records = parse_seed_pages() + [r for path in sorted(PDFS.glob("*.pdf")) for r in parse_file(path)]
    return Catalog.of(merge_papers(records))


def test_mask_takes_catalog_values_and_keeps_the_frame(catalog):
    masked = mask("At what spot in the TokMem byline does Aaron Courville turn up, among papers of 2025?", catalog)
    assert [(s.kind, s.text) for s in masked.slots] == [("PAPER", "TokMem"), ("AUTHOR", "Aaron Courville"),
                                                       ("YEAR", "2025")]
    assert masked.skeleton == "At what spot in the PAPER byline does AUTHOR turn up, among papers of YEAR?"


def test_mask_folds_case_and_reads_ordinals_and_months(catalog):
    masked = mask("entries where courville is the third name, put online in march", catalog)
    assert masked.kinds == ("AUTHOR", "MONTH", "ORDINAL")
    assert "courville" not in masked.skeleton.casefold()


def test_a_paper_named_by_description_is_slotted_with_its_title(catalog):
    masked = mask("when did the one-token procedural memory paper go online?", catalog)
    paper = [s for s in masked.slots if s.kind == "PAPER"]
    assert len(paper) == 1 and paper[0].text.startswith("TokMem")


def test_fill_puts_values_in_place_by_kind_whatever_their_order(catalog):
    solved = mask("What position does Aaron Courville hold in the author list of TokMem?", catalog)
    asked = mask("In the Cactus byline, where is Lili Mou placed?", catalog)
    assert fill(solved, asked) == "What position does Lili Mou hold in the author list of Cactus?"
    assert fill(solved, mask("Which papers came out in 2024?", catalog)) is None  # other kinds of values: no analogy


SOLVED = ["Where does Lili Mou come in the author order of the Cactus paper?",
          "Who is the second author on the Cactus paper?",
          "How many papers did Aaron Courville post in 2024?"]


def test_a_new_phrasing_plans_as_its_solved_neighbour_and_a_content_question_does_not(catalog, embedder):
    bank = bank_of(SOLVED, catalog, embedder)
    question = "In the DPR byline, at which spot is Danqi Chen?"
    assert plan(question, catalog) is None  # no reader takes this phrasing
    found = by_analogy(question, catalog, embedder, bank, plan, threshold=0.6)
    assert found is not None
    the_plan, read_as = found
    assert read_as == "Where does Danqi Chen come in the author order of the DPR paper?"
    assert the_plan.lookup == "author_position" and the_plan.target.title.startswith("Dense Passage Retrieval")
    content = "Which decoding trick does Cactus use, according to Lili Mou?"  # same values, asks what the paper says
    assert plan(content, catalog) is None
    assert by_analogy(content, catalog, embedder, bank, plan, threshold=0.6) is None


def test_no_catalog_value_means_no_candidates(catalog, embedder):
    bank = bank_of(SOLVED, catalog, embedder)
    assert candidates("what are good methods for exploration in reinforcement learning?", catalog, embedder, bank) == []


def test_a_rewrite_must_ask_the_same_of_its_rows():
    assert same_ask("Name the second person credited on DPR.", "Who is the second author on the DPR paper?")
    assert not same_ask("Which 2023 entries carry a code link?", "How many 2023 entries carry a code link?")
    assert not same_ask("On average, how many people sign a Mila paper?", "How many Mila papers are there?")
    assert not same_ask("papers without a Code badge from 2024", "papers with a Code badge from 2024")
