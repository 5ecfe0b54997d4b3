from rag.chunking import chunk_paper, chunk_papers, header_text
from rag.config import ChunkSettings
from rag.parsing import merge_papers, parse_file
from rag.records import Author, Paper, paper_id_for

from conftest import SEEDS


def seed_papers():
    return merge_papers([p for f in sorted(SEEDS.iterdir()) for p in parse_file(f)])


def test_every_seed_chunk_fits_the_embedder_and_counts_are_exact(embedder):
    settings = ChunkSettings()
    chunks = chunk_papers(seed_papers(), embedder.count_tokens, settings)
    assert len(chunks) > 149  # a header plus at least one passage for most papers
    actual = embedder.count_tokens([c.text for c in chunks])
    assert [c.token_count for c in chunks] == actual
    assert max(actual) <= settings.max_tokens <= embedder.max_tokens


def test_passages_are_title_prefixed_whole_sentences(embedder):
    paper = next(p for p in seed_papers() if p.title.startswith("Reincarnating Reinforcement Learning"))
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
    header, passages = chunks[0], chunks[1:]
    assert header.kind == "header" and "Rishabh Agarwal" in header.text and "deepmind" in header.text
    assert len(passages) >= 2, "a ~300-token abstract needs two passages at 200 tokens"
    for chunk in passages:
        assert chunk.text.startswith(paper.title + "\n")
        assert chunk.passage[-1] in ".!?)", chunk.passage[-40:]
    # Every sentence of the abstract is in some passage, in order.
    joined = " ".join(c.passage for c in passages)
    assert joined.startswith("Learning tabula rasa")
    assert "stratospheric balloons" in joined


def test_copied_abstract_is_never_indexed_for_the_copy(embedder):
    papers = seed_papers()
    copy = next(p for p in papers if p.title.startswith("Learning Nonlinear Causal Reductions"))
    original = next(p for p in papers if p.paper_id == copy.abstract_duplicate_of)
    chunks = chunk_paper(copy, embedder.count_tokens, ChunkSettings())
    assert [c.kind for c in chunks] == ["header"]
    first_sentence = original.abstract.split(". ")[0]
    assert all(first_sentence not in c.text for c in chunks)


def test_an_overlong_sentence_is_split_not_truncated(embedder):
    long_sentence = " ".join(f"token{i}" for i in range(600)) + "."
    paper = Paper(paper_id=paper_id_for("Long"), title="Long", abstract=long_sentence)
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings(max_tokens=128))
    assert len(chunks) > 3
    assert max(c.token_count for c in chunks) <= 128
    words = " ".join(c.passage for c in chunks[1:]).split()
    assert words[0] == "token0" and "token599." in words


def test_chunk_ids_are_stable_and_follow_metadata(embedder):
    paper = Paper(paper_id=paper_id_for("T"), title="T", abstract="One sentence here. Another one there.",
                  authors=[Author(name="Ada Lovelace")])
    first = [c.chunk_id for c in chunk_paper(paper, embedder.count_tokens, ChunkSettings())]
    again = [c.chunk_id for c in chunk_paper(paper, embedder.count_tokens, ChunkSettings())]
    assert first == again
    moved = paper.model_copy(update={"date": "2024-01-02", "date_precision": "day"})
    changed = [c.chunk_id for c in chunk_paper(moved, embedder.count_tokens, ChunkSettings())]
    assert set(first).isdisjoint(changed), "a metadata change must re-index the paper's chunks"
    assert "Date: 2024-01-02" in header_text(moved)
