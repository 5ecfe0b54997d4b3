"""Evidence shows the sentence with what is asked: for "how long, in words?" the figure counted in words, though other
sentences hold more of the question's words and other figures (real embedder, a hand-made abstract)."""

from __future__ import annotations

from rag.chunking import chunk_paper
from rag.config import ChunkSettings
from rag.evidence import EvidenceSettings, select_evidence
from rag.records import Hit, Paper, paper_id_for

ABSTRACT = ("Long-context benchmarks for retrieval agents mostly test short recall over synthetic documents. "
            "We release Corridor, a benchmark of 300 agent episodes and 4,500 graded questions about long documents. "
            "Its generator writes coherent documents of up to 2M words, each with probing questions. "
            "Retrieval agents with 128K-word windows still lose track as documents grow. "
            "Our framework also lowers label noise for rare document types.")


def _shown(embedder, question: str) -> str:
    paper = Paper(paper_id=paper_id_for("Corridor"), title="Corridor: Testing Retrieval Agents", abstract=ABSTRACT)
    chunks = chunk_paper(paper, embedder.count_tokens, ChunkSettings())
    abstract = next(c for c in chunks if c.kind == "abstract")
    hit = Hit(rank=1, chunk=abstract, paper=paper, score=0.03)
    settings = EvidenceSettings(sentences_per_passage=2, best_passage_sentences=2)
    return " ".join(e.text for e in select_evidence(question, [hit], embedder, settings, {paper.paper_id: chunks}))


def test_the_figure_in_the_asked_unit_is_shown(embedder):
    assert "2M words" in _shown(embedder, "How long can the benchmark's generated documents for agents get, in words?")

