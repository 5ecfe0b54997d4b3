"""The systems an eval run compares: ours and the baselines, over the same corpus and embedder.

A system turns a question into a ranked list of distinct papers. The BM25-only and dense-only
baselines are the two lists our hybrid retriever fuses, read before fusion, so the comparison
isolates what fusion and the metadata matcher add. The LlamaIndex baseline is what a plain
pipeline gives: a `VectorStoreIndex` over the papers as Documents (title + abstract) with the
library's default chunking (SentenceSplitter) and default top-k, embedded with our embedder.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterable, Sequence
from typing import Protocol

from rag.evaluation import SYSTEMS, EvalError
from rag.library import Library
from rag.records import Paper
from rag.retrieve import check_query

class System(Protocol):
    name: str
    description: str

    def prepare(self) -> None:
        """Load or build what the system needs, so the first question's latency is not setup time."""

    def retrieve(self, question: str, k: int) -> list[Paper]:
        """Distinct papers, best first, at most k."""


class _OverOurIndex:
    def __init__(self, library: Library):
        self.library = library

    def prepare(self) -> None:
        self.library.retriever.snapshot.bm25()


class Ours(_OverOurIndex):
    name = "ours"
    description = "hybrid: dense + BM25 + metadata matcher, reciprocal rank fusion, one hit per paper"

    def retrieve(self, question: str, k: int) -> list[Paper]:
        return [hit.paper for hit in self.library.search(question, k=k)]


class BM25Only(_OverOurIndex):
    name = "bm25"
    description = "our BM25 list over the same chunks, before fusion"

    def retrieve(self, question: str, k: int) -> list[Paper]:
        return _distinct_papers(self.library.retriever.sparse(check_query(question)), self.library, k)


class DenseOnly(_OverOurIndex):
    name = "dense"
    description = "our dense (Chroma cosine) list over the same chunks, before fusion"

    def retrieve(self, question: str, k: int) -> list[Paper]:
        found = self.library.retriever.dense(check_query(question))
        return _distinct_papers((cid for cid, _ in found), self.library, k)


def _distinct_papers(chunk_ids: Iterable[str], library: Library, k: int) -> list[Paper]:
    retriever = library.retriever
    papers: dict[str, Paper] = {}
    for cid in chunk_ids:
        paper_id = retriever.chunks[cid].paper_id
        papers.setdefault(paper_id, retriever.papers[paper_id])
        if len(papers) >= k:
            break
    return list(papers.values())


class LlamaIndexCorpus:
    """The VectorStoreIndex a plain LlamaIndex pipeline builds over the library, built on first use."""

    def __init__(self, library: Library):
        self.library = library
        self.build_seconds = 0.0
        self.papers: dict[str, Paper] = {}
        self._index = None

    @property
    def index(self):
        if self._index is None:
            self._index = self._build()
        return self._index

    def _build(self):
        started = time.perf_counter()
        try:
            # Settings.llm = None prints a notice on stdout; keep stdout clean for --json.
            with contextlib.redirect_stdout(sys.stderr):
                from llama_index.core import Document, Settings as LlamaSettings, VectorStoreIndex

                LlamaSettings.llm = None  # a MockLLM: nothing reaches OpenAI or any other network service
                papers = self.library.snapshot.papers
                documents = [
                    Document(text=paper_document(paper), doc_id=paper.paper_id, metadata={"paper_id": paper.paper_id},
                             excluded_embed_metadata_keys=["paper_id"], excluded_llm_metadata_keys=["paper_id"])
                    for paper in papers
                ]
                index = VectorStoreIndex.from_documents(documents, embed_model=llama_embedding(self.library.embedder))
        except ImportError as exc:
            raise EvalError(f"the LlamaIndex baseline needs llama-index-core ({exc}) — "
                            f"install the project (`make setup`) or leave it out with --systems") from exc
        self.papers = {p.paper_id: p for p in papers}
        self.build_seconds = time.perf_counter() - started
        return index


class PlainLlamaIndex:
    """LlamaIndex retrieval with its default similarity_top_k (2), or with the eval's k (`eval_k=True`)."""

    def __init__(self, corpus: LlamaIndexCorpus, eval_k: bool = False):
        self.corpus = corpus
        self.eval_k = eval_k
        self.name = "llamaindex@k" if eval_k else "llamaindex"
        self._retrievers: dict[int, object] = {}

    def prepare(self) -> None:
        self.corpus.index

    @property
    def description(self) -> str:
        top_k = "similarity_top_k set to the eval's k" if self.eval_k else "its default similarity_top_k"
        return f"plain LlamaIndex VectorStoreIndex over title + abstract, default SentenceSplitter chunking, {top_k}"

    def retrieve(self, question: str, k: int) -> list[Paper]:
        index = self.corpus.index
        key = k if self.eval_k else 0
        if key not in self._retrievers:
            self._retrievers[key] = index.as_retriever(similarity_top_k=k) if self.eval_k else index.as_retriever()
        papers: dict[str, Paper] = {}
        for node in self._retrievers[key].retrieve(check_query(question)):
            paper_id = node.node.metadata["paper_id"]
            papers.setdefault(paper_id, self.corpus.papers[paper_id])
        return list(papers.values())[:k]


def paper_document(paper: Paper) -> str:
    """Title and abstract, as a plain pipeline would load a paper (a copied abstract is left out, as ours does)."""
    abstract = "" if paper.abstract_duplicate_of else paper.abstract
    return f"{paper.title}\n\n{abstract}".strip()


def llama_embedding(embedder):
    """Our embedder as a llama-index BaseEmbedding, so the baseline and ours embed with the same model."""
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import PrivateAttr

    class RagEmbedding(BaseEmbedding):
        _embedder: object = PrivateAttr()

        def __init__(self, inner, **kwargs):
            super().__init__(model_name=inner.model_id, **kwargs)
            self._embedder = inner

        @classmethod
        def class_name(cls) -> str:
            return "RagEmbedding"

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._embedder.embed_query(query).tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._embedder.embed([text])[0].tolist()

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return [vector.tolist() for vector in self._embedder.embed(texts)]

    return RagEmbedding(embedder)


def build_systems(library: Library, names: Sequence[str]) -> list[System]:
    """The named systems, in the order given; an unknown name is an error naming the valid ones."""
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise EvalError(f"unknown system {unknown[0]!r} — use some of: {', '.join(SYSTEMS)}")
    if "ours" not in names:
        raise EvalError("the systems must include 'ours': baselines are measured against it")
    systems: list[System] = []
    corpus: LlamaIndexCorpus | None = None
    for name in dict.fromkeys(names):
        if name == "ours":
            systems.append(Ours(library))
        elif name == "bm25":
            systems.append(BM25Only(library))
        elif name == "dense":
            systems.append(DenseOnly(library))
        else:
            corpus = corpus or LlamaIndexCorpus(library)
            systems.append(PlainLlamaIndex(corpus, eval_k=name == "llamaindex@k"))
    return systems
