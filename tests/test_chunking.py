from rag.chunking import REFERENCE_VECTOR_WORDS, chunk_paper, chunk_papers, embedding_text, header_text
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
    assert len(passages) >= 2, "a ~300-token abstract needs two passages"
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


def _pdf_paper(blocks):
    from rag.records import Block

    return Paper(paper_id=paper_id_for("Graph Toolkit"), title="Graph Toolkit", abstract="We build a toolkit.",
                 blocks=[Block(**b) for b in blocks], page_count=9)


def test_pdf_prose_never_crosses_a_section_and_records_section_and_page(embedder):
    method = " ".join(f"The annotators labelled batch {i} of the corpus with care." for i in range(40))
    paper = _pdf_paper([
        {"section": "1 Introduction", "page": 1, "text": "Graphs are everywhere. We study them."},
        {"section": "3.2 Annotation", "page": 4, "text": method[: len(method) // 2]},
        {"section": "3.2 Annotation", "page": 5, "text": method[len(method) // 2:]},
        {"section": "4 Results", "page": 6, "text": "Accuracy rose to 91 percent."},
    ])
    settings = ChunkSettings()
    chunks = chunk_paper(paper, embedder.count_tokens, settings)
    body = [c for c in chunks if c.kind == "body"]
    assert [c.section for c in body][0] == "1 Introduction" and body[-1].section == "4 Results"
    assert body[0].passage == "Graphs are everywhere. We study them."  # not packed with 3.2's sentences
    annotation = [c for c in body if c.section == "3.2 Annotation"]
    assert len(annotation) >= 2 and annotation[0].page == 4 and annotation[-1].page == 5
    assert all(c.text.startswith("Graph Toolkit\n§3.2 Annotation\n") for c in annotation)
    assert annotation[0].location == "§3.2 Annotation, p. 4"
    assert max(c.token_count for c in body) <= settings.full_text_max_tokens <= embedder.max_tokens
    assert max(c.token_count for c in body) > settings.max_tokens, "a PDF's body is packed to the fuller budget"
    assert all(c.token_count <= settings.max_tokens for c in chunks if c.kind != "body")
    assert embedder.count_tokens([c.text for c in chunks]) == [c.token_count for c in chunks]
    # No overlap in the full text: every sentence of the section once, in order.
    sentences = [s for c in annotation for s in c.passage.split(". ")]
    assert len(sentences) == 40 and sentences[0].startswith("The annotators labelled batch 0 ")
    abstract = next(c for c in chunks if c.kind == "abstract")
    assert (abstract.section, abstract.page) == ("Abstract", 1)


def test_a_table_is_its_own_chunk_with_caption_and_header_repeated_on_every_part(embedder):
    rows = "\n".join(["Model | Acc | F1"] + [f"model-{i} | {50 + i}.5 | {40 + i}.1" for i in range(60)])
    paper = _pdf_paper([
        {"section": "4 Results", "page": 6, "text": "We compare the models below."},
        {"kind": "table", "section": "4 Results", "page": 6, "text": rows},
        {"kind": "caption", "section": "4 Results", "page": 6, "text": "Table 2: Accuracy of every model."},
        {"section": "4 Results", "page": 7, "text": "The best model wins."},
        {"kind": "references", "section": "References", "page": 8,
         "text": "A. Author. 2019. A paper.\nB. Author. 2020. Another paper."},
    ])
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
    tables = [c for c in chunks if c.kind == "table"]
    assert len(tables) >= 2, "60 rows do not fit one chunk"
    for table in tables:
        lines = table.passage.splitlines()
        assert lines[:2] == ["Table 2: Accuracy of every model.", "Model | Acc | F1"]
        assert table.page == 6 and table.section == "4 Results" and table.token_count <= ChunkSettings().full_text_max_tokens
    rows_seen = [line for t in tables for line in t.passage.splitlines()[2:]]
    assert rows_seen == rows.splitlines()[1:], "every row once, in order"
    prose = [c.passage for c in chunks if c.kind == "body"]
    assert prose == ["We compare the models below. The best model wins."] or \
        all("|" not in p and "Table 2" not in p for p in prose), prose
    refs = [c for c in chunks if c.kind == "references"]
    assert len(refs) == 1 and refs[0].passage.splitlines() == ["A. Author. 2019. A paper.",
                                                               "B. Author. 2020. Another paper."]


def test_a_table_gathers_its_header_row_caption_line_and_continuation_but_no_footnote(embedder):
    paper = _pdf_paper([
        {"section": "3 Metadata", "page": 3, "text": "We parse the metadata of each paper."},
        {"section": "3 Metadata", "page": 3, "text": "PDFBox is described at https://pdfbox.apache.org"},
        {"section": "3 Metadata", "page": 3, "text": "Field Precision Recall F1"},
        {"kind": "table", "section": "3 Metadata", "page": 3,
         "text": "Table 1: Results of the parser.\ntitle 85.5 85.5 85.5\nauthors 92.1 92.1 92.1"},
        {"kind": "table", "section": "3 Metadata", "page": 3, "text": "bibliography years 98.0 98.0 98.0"},
        {"section": "3 Metadata", "page": 4, "text": "The parser is fast."},
    ])
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
    tables = [c for c in chunks if c.kind == "table"]
    assert [t.passage for t in tables] == ["Table 1: Results of the parser.\nField Precision Recall F1\n"
                                           "title 85.5 85.5 85.5\nauthors 92.1 92.1 92.1\n"
                                           "bibliography years 98.0 98.0 98.0"]
    prose = " ".join(c.passage for c in chunks if c.kind == "body")
    assert "pdfbox.apache.org" in prose and "Field Precision" not in prose and "98.0" not in prose


def test_reference_blocks_are_packed_together_not_a_chunk_each(embedder):
    entries = [{"kind": "references", "section": "References", "page": 9 + i // 20,
                "text": f"A. Author{i}. 20{i % 20:02d}. A study of topic {i}. In Proceedings of Venue {i}."}
               for i in range(40)]
    paper = _pdf_paper([{"section": "5 Conclusion", "page": 8, "text": "We conclude."}] + entries)
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
    refs = [c for c in chunks if c.kind == "references"]
    assert 2 <= len(refs) <= 8, len(refs)
    assert [line for c in refs for line in c.passage.splitlines()] == [e["text"] for e in entries]
    assert refs[0].page == 9 and refs[-1].page == 10 and all(c.section == "References" for c in refs)
    assert max(c.token_count for c in chunks) <= ChunkSettings().full_text_max_tokens


def test_a_reference_list_is_embedded_from_its_lead_and_first_words_only(embedder):
    entries = [{"kind": "references", "section": "References", "page": 9,
                "text": f"A. Author{i}. 20{i:02d}. A study of topic {i}. In Proceedings of Venue {i}."}
               for i in range(30)]
    paper = _pdf_paper([{"section": "5 Conclusion", "page": 8, "text": "We conclude that it works well."}] + entries)
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
    refs = [c for c in chunks if c.kind == "references"]
    assert refs, "the reference list is still a chunk: found by its words, kept apart from the body"
    for chunk in refs:
        vector_text = embedding_text(chunk)
        assert vector_text.startswith(paper.title + "\n") and "References" in vector_text
        assert len(vector_text.split()) <= REFERENCE_VECTOR_WORDS + len(chunk.text[:-len(chunk.passage)].split())
        assert embedder.count_tokens([vector_text])[0] < chunk.token_count / 2
    prose = [c for c in chunks if c.kind == "body"]
    assert prose and all(embedding_text(c) == c.text for c in prose + [chunks[0]])


def test_packing_keeps_whole_units_steps_back_for_overlap_and_always_moves_forward():
    from rag.chunk_packing import Unit, pack

    def words(texts):  # a word is one piece, plus [CLS] and [SEP]: the embedder's counts are additive the same way
        return [len(t.split()) + 2 for t in texts]

    units = [Unit(text, page) for text, page in [("a b c", 1), ("d e", 1), ("f g h i", 2), ("j", 2)]]
    assert [[u.text for u in g] for g in pack(units, words, budget=6, overlap=0)] == [["a b c", "d e"],
                                                                                    ["f g h i", "j"]]
    overlapped = [[u.text for u in g] for g in pack(units, words, budget=6, overlap=1)]
    assert overlapped == [["a b c", "d e"], ["d e", "f g h i"], ["f g h i", "j"]]
    # A unit longer than the budget is cut at words, keeps its page, and never loops.
    cut = pack([Unit("one two three four five six seven", 3)], words, budget=3, overlap=2)
    assert [" ".join(u.text for u in g) for g in cut] == ["one two three", "four five six", "seven"]
    assert {u.page for g in cut for u in g} == {3}
