"""Evidence selection on full papers: it finds the fact, shows tables as rows, keeps reference lists out of
content answers, and costs the same whatever the paper's length (real embedder, hand-made papers)."""

from __future__ import annotations

import pytest

from rag.chunking import chunk_paper
from rag.config import ChunkSettings
from rag.embedding import VectorCache
from rag.evidence import EvidenceSettings, chunk_sentences, select_evidence
from rag.records import Author, Block, Hit, Paper, paper_id_for

FACT = "We trained the tagger on 2,417 sentences annotated with the Brat tool by three linguists."
TABLE = "Model | Precision | Recall\nBiLSTM-CRF | 91.2 | 88.7\nRule baseline | 76.4 | 61.0\nTagMe | 84.9 | 70.3"


def _filler(i: int) -> str:
    return (f"Section {i} discusses general observations about graphs, which remain broad and unspecific. "
            f"It relates the observations of part {i} to earlier remarks about structure and scale.")


def _paper(sections: int) -> Paper:
    blocks = [Block(section=f"{i} Discussion part {i}", page=1 + i // 3, text=_filler(i)) for i in range(2, sections)]
    blocks.insert(len(blocks) // 2, Block(section="3.2 Annotation", page=5, text=f"3.2 Annotation. {FACT} "
                                          "The annotation took two weeks."))
    blocks.append(Block(kind="caption", section="5 Results", page=9, text="Table 3: Tagging results on the test set."))
    blocks.append(Block(kind="table", section="5 Results", page=9, text=TABLE))
    blocks.append(Block(kind="references", section="References", page=12,
                        text="M. Ferragina. 2010. TagMe: on-the-fly annotation of short text fragments by Wikipedia.\n"
                             "P. Stenetorp. 2012. Brat: a web-based tool for NLP-assisted text annotation."))
    return Paper(paper_id=paper_id_for("Tagging Graphs"), title="Tagging Graphs", blocks=blocks, page_count=12,
                 abstract="We tag the nodes of citation graphs with a neural sequence tagger.")


@pytest.fixture
def counted(embedder, monkeypatch):
    """The real embedder with an empty vector cache, counting the texts it really runs."""
    counter = {"texts": 0}
    original = embedder.embed_batch

    def embed_batch(texts):
        counter["texts"] += len(texts)
        return original(texts)

    monkeypatch.setattr(embedder, "embed_batch", embed_batch)
    monkeypatch.setitem(embedder.__dict__, "_vector_cache", VectorCache())  # nothing seen before
    return embedder, counter


def _select(embedder, paper: Paper, question: str, settings: EvidenceSettings = EvidenceSettings()):
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
    abstract = next(c for c in chunks if c.kind == "abstract")
    hit = Hit(rank=1, chunk=abstract, paper=paper, score=0.03)
    return select_evidence(question, [hit], embedder, settings, {paper.paper_id: chunks}), chunks


def test_the_fact_in_a_methods_section_is_found_with_section_and_page(counted):
    embedder, counter = counted
    evidence, chunks = _select(embedder, _paper(12), "How many sentences was the tagger trained on, and with which tool?")
    shown = " ".join(e.text for e in evidence)
    annotation = next(c for c in chunks if c.section == "3.2 Annotation")
    assert annotation.passage.startswith("3.2 Annotation. ")
    assert chunk_sentences(annotation)[0] == FACT, "a heading left at a section's start is no sentence of its own"
    assert "2,417" in shown and "Brat" in shown
    first = next(e for e in evidence if "2,417" in e.text)
    assert (first.section, first.page) == ("3.2 Annotation", 5)


def test_cost_does_not_grow_with_the_paper(counted):
    embedder, counter = counted
    settings = EvidenceSettings()
    question = "How many sentences was the tagger trained on, and with which tool?"
    short, short_chunks = _select(embedder, _paper(12), question, settings)
    short_cost = counter["texts"]
    counter["texts"] = 0
    long, long_chunks = _select(embedder, _paper(300), question, settings)
    assert len(long_chunks) > 10 * len(short_chunks) / 2
    assert "2,417" in " ".join(e.text for e in long)
    # Sentences embedded are bounded (plus the question), whatever the paper's length.
    assert counter["texts"] <= settings.max_embedded_sentences + 2
    assert short_cost <= settings.max_embedded_sentences + 2


def test_a_follow_up_on_the_same_passages_embeds_nothing_new(counted):
    embedder, counter = counted
    question = "How many sentences was the tagger trained on, and with which tool?"
    first, _ = _select(embedder, _paper(40), question)
    counter["texts"] = 0
    again, _ = _select(embedder, _paper(40), question)
    assert counter["texts"] == 0 and [e.text for e in again] == [e.text for e in first]


def test_a_table_is_shown_as_rows_under_its_caption_and_header(counted):
    embedder, _ = counted
    evidence, _ = _select(embedder, _paper(12), "What recall does the rule baseline reach in the tagging results?")
    table = next(e for e in evidence if e.sentences[0].startswith("Table 3"))
    assert table.sentences[:2] == ["Table 3: Tagging results on the test set.", "Model | Precision | Recall"]
    assert "Rule baseline | 76.4 | 61.0" in table.sentences
    assert (table.section, table.page) == ("5 Results", 9)


def test_the_reference_list_is_evidence_only_for_what_a_paper_cites(counted):
    embedder, _ = counted
    content, _ = _select(embedder, _paper(12), "What is TagMe used for in on-the-fly annotation of short text?")
    assert all("Ferragina" not in e.text for e in content)
    cites, _ = _select(embedder, _paper(12), "Which papers does Tagging Graphs cite about annotation tools?")
    assert any("Stenetorp" in e.text or "Ferragina" in e.text for e in cites)


def test_a_sentence_pointing_back_across_a_chunk_boundary_is_read_with_its_antecedent(counted):
    """Chunks do not overlap: when the best sentence opens a chunk and points back ('It holds ...'), the last
    sentence of the chunk before, in the same section, is shown with it."""
    embedder, _ = counted
    antecedent = "We release ScholarCrawl, a corpus of open-access research papers."
    pointing = "It holds 1.4M PDFs crawled from university web sites in 2019."
    for n in range(4, 60):  # filler sentences until the chunk boundary falls between the two sentences
        filler = " ".join(f"Part {i} of the data section reviews general remarks on crawling at scale."
                          for i in range(n))
        paper = Paper(paper_id=paper_id_for("Crawling Papers"), title="Crawling Papers", page_count=6,
                      abstract="We crawl papers.",
                      blocks=[Block(section="4 Data", page=3, text=f"{filler} {antecedent} {pointing} "
                                                                     "The crawl ran for a month.")])
        chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
        if any(c.passage.startswith(pointing) for c in chunks):
            break
    else:
        pytest.fail("no filler length put the chunk boundary between the two sentences")
    assert any(c.passage.endswith(antecedent) for c in chunks)
    evidence, _ = _select(embedder, paper, "How many PDFs does the ScholarCrawl corpus hold?")
    passage = next(e for e in evidence if "1.4M" in e.text)
    assert passage.sentences[:2] == [antecedent, pointing]
    assert passage.sentences[passage.best] == pointing


def test_a_quantity_question_is_about_its_topic_and_wants_a_number_not_a_citation_year():
    from rag.question_words import asks_for_number, holds_number, question_stems

    words = question_stems("How many author nodes does the literature graph have?")
    assert {"author", "node", "graph"} <= words and "many" not in words, "'how many' is the question's form"
    assert asks_for_number("How many author nodes does the literature graph have?")
    assert not asks_for_number("Which NLP library was SPECTER implemented in?")
    assert holds_number("The literature graph has 12M nodes of this type.")
    assert not holds_number("We implement our model in AllenNLP (Gardner et al., 2018).")
    assert not holds_number("Layout models are trained as in prior work [12, 24].")


def test_a_free_place_goes_to_the_first_papers_passage_beyond_the_gap_shown_by_its_best_line():
    from types import SimpleNamespace

    from rag.evidence import _pick

    def candidate(order: int, position: int, kind: str = "body"):
        return SimpleNamespace(order=order, chunk=SimpleNamespace(kind=kind, position=position))

    best = (0.80, candidate(0, 1), ["The corpus is split into passages.", "Passages are 100 words long."], 0)
    footnote = (0.60, candidate(0, 5), ["M can be very large.", "It holds 21 million passages in our experiments."], 1)
    other_paper = (0.40, candidate(1, 0), ["Another paper's loosely related sentence."], 0)
    chosen = _pick([best, footnote, other_paper], EvidenceSettings(), "How many passages does the corpus hold?")
    # The footnote's passage scores 0.2 below the best (gap 0.15): it gets a free place, with its best line and the
    # line that line points back to; the second paper, as far below, gets none.
    assert [c[2] for c in chosen] == [best[2], footnote[2]]
    lone = (0.60, candidate(0, 7), ["Unrelated opening.", "The corpus was built in 2018."], 1)
    chosen = _pick([best, lone], EvidenceSettings(), "When was the corpus built?")
    assert [c[2] for c in chosen] == [best[2], ["The corpus was built in 2018."]]


def test_a_paper_retrieved_by_its_header_is_read_in_its_prose_too(embedder):
    # "Which papers use GFlowNets?" finds a paper by its title in the header chunk; with one chunk for a paper this far
    # down the ranking, only metadata lines ("Authors: ...") would be shown for it.
    from rag.evidence_chunks import rank_chunks

    paper = Paper(paper_id=paper_id_for("Distributional GFlowNets"), title="Distributional GFlowNets",
                  authors=[Author(name="Dinghuai Zhang"), Author(name="Ling Pan")],
                  abstract="We learn GFlowNets whose edge flows are distributions, trained with a quantile loss.")
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
    header = next(c for c in chunks if c.kind == "header")
    ranked, _ = rank_chunks("Which papers use GFlowNets?", [Hit(rank=4, chunk=header, paper=paper, score=0.01)],
                            {paper.paper_id: chunks}, per_paper=(1,))
    assert [c.kind for c in ranked[0][1]] == ["header", "abstract"]
    # Another question keeps the chunks retrieval chose: there the place is the first paper's to fill.
    hit = Hit(rank=4, chunk=header, paper=paper, score=0.01)
    ranked, _ = rank_chunks("What did Dinghuai Zhang and Ling Pan build?", [hit], {paper.paper_id: chunks}, (1,))
    assert [c.kind for c in ranked[0][1]] == ["header"]
    evidence = select_evidence("Which papers use GFlowNets?", [Hit(rank=4, chunk=header, paper=paper, score=0.01)],
                               embedder, EvidenceSettings(chunks_by_rank=(1,)), {paper.paper_id: chunks})
    assert "quantile loss" in " ".join(e.text for e in evidence)


def test_a_sentence_is_not_cut_after_a_dotted_initialism():
    # Cut after "U.S.", the funder's name became a sentence of its own that evidence did not show with the question's
    # words ("Who funds the UMLS metathesaurus?").
    from rag.text import split_sentences

    assert split_sentences("UMLS integrates biomedical concepts, and is funded by the U.S. National Library of "
                           "Medicine. We use two KBs.") == [
        "UMLS integrates biomedical concepts, and is funded by the U.S. National Library of Medicine.",
        "We use two KBs."]
    assert split_sentences("It ends here. Then a new one.") == ["It ends here.", "Then a new one."]
