"""rag/llama_index.py over the real seeded library: real embedder, Chroma, BM25 and evidence selection."""

from __future__ import annotations

import pytest
from llama_index.core.llms import MockLLM
from llama_index.core.query_engine import RetrieverQueryEngine
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from rag.llama_index import EvidenceFilter, LibraryRetriever

FORGETTING = "catastrophic forgetting in continual learning"
WORLD_MODELS = "what is a world model"


def _words(text: str) -> str:
    return " ".join(text.split())


def test_retriever_gives_the_library_search_as_nodes(seeded):
    hits = seeded.search(FORGETTING, k=6)
    nodes = LibraryRetriever(seeded, k=6).retrieve(FORGETTING)
    assert [n.node.node_id for n in nodes] == [h.chunk.chunk_id for h in hits]
    assert [n.score for n in nodes] == [h.score for h in hits]
    for node, hit in zip(nodes, hits):
        assert node.node.get_content() == hit.chunk.text
        meta = node.node.metadata
        assert (meta["title"], meta["year"], meta["paper_id"]) == (hit.paper.title, hit.paper.year, hit.paper.paper_id)
        assert meta["authors"] == ", ".join(hit.paper.author_names)
        assert (meta["section"], meta["page"]) == (hit.chunk.section, hit.chunk.page)
    # what LlamaIndex would show an LLM: the title, not the ids
    shown = nodes[0].node.get_content(metadata_mode="llm")
    assert hits[0].paper.title in shown and hits[0].chunk.chunk_id not in shown


def test_filter_keeps_only_passages_relevant_to_the_query(seeded):
    retriever = LibraryRetriever(seeded, k=6)
    off_topic = retriever.retrieve(FORGETTING)
    on_topic = retriever.retrieve(WORLD_MODELS)
    assert not {n.node.node_id for n in off_topic} & {n.node.node_id for n in on_topic}
    kept = EvidenceFilter(library=seeded).postprocess_nodes(off_topic + on_topic, query_str=WORLD_MODELS)
    kept_ids = {n.node.node_id for n in kept}
    assert kept_ids and kept_ids <= {n.node.node_id for n in on_topic}
    assert len(kept) < len(on_topic) + len(off_topic)
    for node in kept:
        assert "world model" in node.node.metadata["evidence"].lower()
        for sentence in node.node.metadata["evidence"].splitlines():  # chosen from this very passage
            assert _words(sentence) in _words(node.node.get_content()), sentence
        assert 0 < node.node.metadata["relevance"] <= 1


def test_filter_plugs_into_a_llama_index_query_engine(seeded):
    engine = RetrieverQueryEngine.from_args(LibraryRetriever(seeded, k=6), llm=MockLLM(),
                                            node_postprocessors=[EvidenceFilter(library=seeded)])
    response = engine.query(WORLD_MODELS)
    retrieved = {n.node.node_id for n in LibraryRetriever(seeded, k=6).retrieve(WORLD_MODELS)}
    sources = [n.node for n in response.source_nodes]
    assert sources and {n.node_id for n in sources} <= retrieved
    assert all("evidence" in n.metadata for n in sources)


def test_nodes_the_library_does_not_hold_are_dropped_not_passed_through(seeded):
    stranger = NodeWithScore(node=TextNode(id_="not-a-chunk", text="World models predict the next observation."),
                             score=1.0)
    assert EvidenceFilter(library=seeded).postprocess_nodes([stranger], query_str=WORLD_MODELS) == []
    with pytest.raises(ValueError, match="needs the query"):
        EvidenceFilter(library=seeded).postprocess_nodes([stranger])
    assert EvidenceFilter(library=seeded).postprocess_nodes([], query_bundle=QueryBundle(WORLD_MODELS)) == []
