"""Evidence on a real paper (SPECTER, real embedder): a table packed as several chunks (its Table 1 is four) is read
as one, the row asked found in whichever chunk holds it, under the first chunk's header rows; an extreme is looked
for in all rows; the most answerable passage keeps a third line; a second line adds what the first leaves unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.chunking import chunk_paper
from rag.config import ChunkSettings, EvidenceSettings
from rag.evidence import _covering, select_evidence
from rag.evidence_chunks import is_data_row, named_table, opens_table, table_lines, table_parts
from rag.parsing import parse_file
from rag.question_words import question_stems
from rag.records import Hit

SPECTER = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers" / "2020.acl-main.207.pdf"


@pytest.fixture(scope="module")
def specter(embedder):
    assert SPECTER.is_file(), f"the shared PDF is missing: {SPECTER}"  # fail, never skip
    paper = parse_file(SPECTER)[0]
    return paper, chunk_paper(paper, embedder.count_tokens, ChunkSettings())


def _table_one(chunks):
    return [c for c in chunks if c.kind == "table" and c.passage.startswith("Table 1:")]


def test_a_table_packed_as_several_chunks_is_read_whole_under_its_header(specter):
    _, chunks = specter
    parts = _table_one(chunks)
    assert len(parts) > 1  # otherwise this test shows nothing: the table must be split by the packer
    assert table_parts(parts[-1], chunks) == parts == table_parts(parts[0], chunks)
    head, rows = table_lines(parts)
    assert head[0].startswith("Table 1:") and any("P@1" in line for line in head)
    assert not any(is_data_row(line) for line in head[1:])
    labels = [row.split("|")[0].strip() for row in rows]
    assert labels[0] == "Random" and "SGC (2019a)" in labels and labels[-1] == "SPECTER (Ours)"
    assert len(labels) == len(set(labels))  # a continuation's repeated caption and header are not rows


def test_header_rows_and_data_rows_are_told_apart():
    assert is_data_row("SGC (2019a) | 76.8 | 82.7 | 77.2")
    assert is_data_row("BiLSTM-CRF | 91.2% | −0.4")
    assert not is_data_row("Model ↓ / Metric → | F1 | F1 | MAP | nDCG | P@1")
    assert not is_data_row("Table 1: Results on 7 tasks.")
    assert named_table("In SciDocs Table 1, what nDCG ...") == "table 1"
    assert named_table("what's in the main results table?") is None
    assert opens_table("Table 1: Results on 7 tasks.", "table 1") and opens_table("TABLE I. Scores", "table i")
    assert not opens_table("Table 10: Ablations.", "table 1") and not opens_table("Table II: more", "table i")


def _shown(embedder, specter, question):
    paper, chunks = specter
    hit_chunk = next(c for c in chunks if c.kind == "body" and c.section.startswith("5 Results"))
    hit = Hit(rank=1, chunk=hit_chunk, paper=paper, score=0.03)
    evidence = select_evidence(question, [hit], embedder, EvidenceSettings(), {paper.paper_id: chunks})
    return " ".join(e.text for e in evidence)


def test_the_row_a_question_names_is_shown_from_a_later_part_of_the_table(embedder, specter):
    shown = _shown(embedder, specter, "In SciDocs Table 1, what nDCG does the SGC graph-convolution baseline "
                                      "get on direct citation prediction?")
    assert "SGC (2019a) | 76.8" in shown and "96.2" in shown
    assert "Model ↓ / Metric →" in shown  # read under the header rows of the table's first part


def test_an_extreme_is_looked_for_in_every_row(embedder, specter):
    shown = _shown(embedder, specter, "Which non-random baseline has the lowest MeSH F1 in the SciDocs results?")
    head, rows = table_lines(_table_one(specter[1]))
    assert sum(row in shown for row in rows) == min(len(rows), EvidenceSettings().table_rows_extreme)


def _shown_from(embedder, specter, section: str, question: str, settings: EvidenceSettings = EvidenceSettings()):
    paper, chunks = specter
    hit_chunk = next(c for c in chunks if c.kind == "body" and c.section.startswith(section))
    hit = Hit(rank=1, chunk=hit_chunk, paper=paper, score=0.03)
    return " ".join(e.text for e in select_evidence(question, [hit], embedder, settings, {paper.paper_id: chunks}))


def test_the_most_answerable_passage_keeps_the_line_after_a_figure_caption(embedder, specter):
    question = "Which MAG topics lie close to Business in the t-SNE projection of SPECTER's embeddings?"
    assert "Business and Economics" in _shown_from(embedder, specter, "6 Analysis", question)
    two = EvidenceSettings(best_passage_sentences=2)  # the teeth: with two lines the caption crowds it out
    assert "Business and Economics" not in _shown_from(embedder, specter, "6 Analysis", question, two)


def test_of_two_near_equal_lines_the_second_is_the_one_adding_the_asked_detail():
    units = ["We use a dataset of user clickthrough data for this task which consists of 22K clickthrough events.",
             "We partitioned the examples temporally into train (20K examples), validation (1K), and test (1K) sets.",
             "As is typical in clickthrough data on ranked lists, the clicks are biased toward the top."]
    question = "How was the clickthrough data split into train, validation and test?"
    idf = {w: 1.0 for w in question_stems(question)}
    relevance = {0: 0.44, 1: 0.363, 2: 0.369}  # the repeating line a little ahead, as the embedder put it
    assert _covering(units, [0, 1, 2], relevance, idf, 2) == [0, 1]
    assert _covering(units, [0, 1, 2], {0: 0.44, 1: 0.2, 2: 0.369}, idf, 2) == [0, 2]  # a tie-breaker only
