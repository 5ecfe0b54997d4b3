"""Papers -> title-prefixed chunks that fit the embedder's window and know where they are.

Every paper gets a header chunk (title and metadata: authors, organisation, date, category,
venue) so questions about people and dates find it, then its abstract and its text as passages:
a text file's `body` packed as prose, a PDF's full text as sections, tables and the reference list
(rag/fulltext_chunking.py). Packing by exact word-piece counts is rag/chunk_packing.py's job.

Every embedded text starts with the title and, when known, the section heading
("Title\n§3.2 Results\n..."); nothing is ever truncated. This module also says how a chunk is
stored: its id, its Chroma metadata and the text its vector is computed from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from rag.chunk_packing import CountTokens, Packer, Piece, Unit, fit
from rag.config import ChunkSettings
from rag.fulltext_chunking import block_pieces
from rag.records import Chunk, Paper
from rag.text import split_sentences

CHUNKER_VERSION = "sections-v5"


# The labels of a header chunk's lines: a quote for "which papers ..." must come from the paper's prose, not these.
HEADER_LABELS = ("Title:", "Authors:", "Organisation:", "Date:", "Category:", "Venue:")


def header_text(paper: Paper) -> str:
    """The searchable metadata passage of a paper (each line starts with one of HEADER_LABELS)."""
    lines = [f"Title: {paper.title}"]
    if paper.authors:
        lines.append(f"Authors: {paper.author_line()}")
    if paper.organisation:
        lines.append(f"Organisation: {paper.organisation}")
    if paper.date:
        lines.append(f"Date: {paper.date}" + (" (year inferred)" if paper.date_inferred else ""))
    if paper.category:
        lines.append(f"Category: {paper.category}")
    if paper.venue:
        lines.append(f"Venue: {paper.venue}")
    return "\n".join(lines)


def chunk_papers(papers: Sequence[Paper], count_tokens: CountTokens, settings: ChunkSettings) -> list[Chunk]:
    chunks: list[Chunk] = []
    for paper in papers:
        chunks.extend(chunk_paper(paper, count_tokens, settings))
    return chunks


def chunk_paper(paper: Paper, count_tokens: CountTokens, settings: ChunkSettings) -> list[Chunk]:
    packer = Packer(paper, count_tokens, settings.max_tokens, settings.overlap_sentences)
    # A PDF's body is packed fuller (the embedder's whole window, no overlap): it is most of what ingest embeds.
    full_text = Packer(paper, count_tokens, settings.full_text_max_tokens, settings.full_text_overlap_sentences)
    pieces = [Piece("header", fit(header_text(paper), count_tokens, settings.max_tokens))]
    # A copied abstract is not this paper's text: it is never indexed for it.
    abstract = "" if paper.abstract_duplicate_of else paper.abstract
    from_pdf = bool(paper.blocks)
    pieces += packer.prose("abstract", [Unit(s, 1 if from_pdf else None) for s in split_sentences(abstract)],
                           "Abstract" if from_pdf else "")
    if paper.blocks:
        pieces += block_pieces(paper.blocks, full_text)
    else:
        pieces += packer.prose("body", [Unit(s, None) for s in split_sentences(paper.body)], "")
    chunks = []
    for position, piece in enumerate(pieces):
        text = piece.passage if piece.kind == "header" else packer.lead(piece.section) + piece.passage
        chunks.append(Chunk(chunk_id=_chunk_id(paper, position, text), paper_id=paper.paper_id, position=position,
                            kind=piece.kind, text=text, passage=piece.passage,  # type: ignore[arg-type]
                            token_count=0, section=piece.section, page=piece.page))
    for chunk, count in zip(chunks, count_tokens([c.text for c in chunks])):
        chunk.token_count = count
    return chunks


# A reference list is found by its words (BM25), and is never evidence for a content question: its vector only
# has to say "this paper's references", so it is computed from the lead and the first entry words. Embedding cost
# grows with word pieces, and full reference chunks were ~13% of a PDF's pieces.
REFERENCE_VECTOR_WORDS = 24


def embedding_text(chunk: Chunk) -> str:
    """The text whose vector stands for `chunk` in the vector store (the stored document stays `chunk.text`)."""
    if chunk.kind != "references":
        return chunk.text
    lead = chunk.text[: len(chunk.text) - len(chunk.passage)] if chunk.text.endswith(chunk.passage) else ""
    return lead + " ".join(chunk.passage.split()[:REFERENCE_VECTOR_WORDS])


def chunk_metadata(paper: Paper, chunk: Chunk) -> dict[str, str | int | float | bool]:
    """Flat metadata stored with each vector in Chroma (Chroma takes scalars only, never None)."""
    meta: dict[str, str | int | float | bool] = {
        "paper_id": paper.paper_id,
        "kind": chunk.kind,
        "position": chunk.position,
        "section": chunk.section,
        "page": chunk.page or 0,
        "title": paper.title,
        "authors": "; ".join(paper.author_names),
        "year": paper.year or 0,
        "date": paper.date or "",
        "category": paper.category or "",
        "organisation": paper.organisation or "",
        "venue": paper.venue or "",
        "sources": "; ".join(s.path for s in paper.sources),
    }
    return meta


def _chunk_id(paper: Paper, position: int, text: str) -> str:
    """Hash of the text and of the paper's metadata: a changed date or author list re-indexes the chunk."""
    fingerprint = paper.model_dump_json(include={"title", "authors", "authors_truncated", "organisation", "date",
                                                 "date_precision", "category", "venue", "sources"})
    digest = hashlib.sha1(f"{paper.paper_id}\x00{position}\x00{text}\x00{fingerprint}".encode()).hexdigest()[:16]
    return f"{paper.paper_id}-{position:03d}-{digest}"
