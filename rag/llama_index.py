"""The library as LlamaIndex components, so a LlamaIndex pipeline can use `rag`'s search and evidence selection.

    from rag.library import Library
    from rag.llama_index import LibraryRetriever, EvidenceFilter

    library = Library(Settings.from_env())
    retriever = LibraryRetriever(library, k=8)
    nodes = EvidenceFilter(library=library).postprocess_nodes(retriever.retrieve(question), query_str=question)
    # or: RetrieverQueryEngine.from_args(retriever, node_postprocessors=[EvidenceFilter(library=library)], llm=...)

`LibraryRetriever` is `Library.search` (hybrid dense + BM25, metadata filters) returning one `NodeWithScore`
per passage: the node's id is the chunk id, its text the passage, its metadata the paper's title, authors,
year, section, page and paper_id. `EvidenceFilter` keeps only the passages the library's own evidence
selection (`rag.evidence.select_evidence`, the step that chooses what the answer model is shown) finds
relevant to the query, in its order, and adds the sentences it chose (one a line) and their relevance to the
metadata.
Only llama-index-core is needed; importing this module costs llama_index's import (~4 s here).
"""

from __future__ import annotations

from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from pydantic import Field

from rag.evidence import select_evidence
from rag.filters import Filters
from rag.library import Library
from rag.records import Hit

# Metadata LlamaIndex should not send to an LLM or embed with the text: ids, not content.
_IDS = ["paper_id", "chunk_id", "rank"]


def hit_node(hit: Hit) -> NodeWithScore:
    """One search hit as a LlamaIndex node; the fused retrieval score is the node's score."""
    paper, chunk = hit.paper, hit.chunk
    metadata = {"title": paper.title, "authors": ", ".join(paper.author_names), "year": paper.year,
                "section": chunk.section, "page": chunk.page, "paper_id": paper.paper_id,
                "chunk_id": chunk.chunk_id, "rank": hit.rank}
    node = TextNode(id_=chunk.chunk_id, text=chunk.text, metadata=metadata,
                    excluded_llm_metadata_keys=list(_IDS), excluded_embed_metadata_keys=list(_IDS))
    return NodeWithScore(node=node, score=hit.score)


class LibraryRetriever(BaseRetriever):
    """`Library.search` as a LlamaIndex retriever."""

    def __init__(self, library: Library, k: int | None = None, filters: Filters | None = None, **kwargs):
        super().__init__(**kwargs)
        self.library, self.k, self.filters = library, k, filters

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return [hit_node(hit) for hit in self.library.search(query_bundle.query_str, k=self.k, filters=self.filters)]


class EvidenceFilter(BaseNodePostprocessor):
    """Keeps the nodes whose passage the library's evidence selection finds relevant to the query.

    Nodes are matched to the library's passages by chunk id (as `LibraryRetriever` makes them); a node
    the library does not hold cannot be judged and is dropped, since keeping it would claim a check
    that never happened. Kept nodes carry `evidence` (the chosen sentences, one a line) and `relevance` in metadata.
    """

    library: Library = Field(description="The library the nodes were retrieved from.")

    @classmethod
    def class_name(cls) -> str:
        return "RagEvidenceFilter"

    def _postprocess_nodes(self, nodes: list[NodeWithScore],
                           query_bundle: QueryBundle | None = None) -> list[NodeWithScore]:
        if query_bundle is None:
            raise ValueError("EvidenceFilter needs the query: pass query_str or query_bundle")
        hits = self._hits(nodes)
        if not hits:
            return []
        view = self.library.view()
        evidence = select_evidence(query_bundle.query_str, hits, view.embedder, self.library.settings.evidence,
                                   chunks_by_paper=view.chunks_by_paper, chunk_scores=view.chunk_scores)
        by_id = {n.node.node_id: n for n in nodes}
        kept = []
        for e in evidence:
            if e.chunk_id not in by_id:  # selection may pick another passage of a retrieved paper
                continue
            node = by_id.pop(e.chunk_id)
            node.node.metadata.update(evidence="\n".join(e.sentences), relevance=round(e.relevance, 4))
            node.node.excluded_embed_metadata_keys.append("relevance")
            kept.append(node)
        return kept

    def _hits(self, nodes: list[NodeWithScore]) -> list[Hit]:
        """The library's own records for the nodes, in the order given (which is the retrieval order)."""
        snapshot = self.library.snapshot
        chunks = {c.chunk_id: c for c in snapshot.chunks}
        papers = {p.paper_id: p for p in snapshot.papers}
        hits = []
        for n in nodes:
            chunk = chunks.get(n.node.node_id)
            if chunk is not None and chunk.paper_id in papers:
                hits.append(Hit(rank=len(hits) + 1, chunk=chunk, paper=papers[chunk.paper_id], score=n.score or 0.0))
        return hits
