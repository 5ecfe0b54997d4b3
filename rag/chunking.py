"""Papers -> title-prefixed, sentence-aligned chunks that fit the embedder's window.

Every paper gets a header chunk (title and metadata: authors, organisation, date, category,
venue) so questions about people and dates find it, then its abstract and body as passages
of whole sentences, each prefixed with the title. WordPiece counts are additive across
whitespace, so a chunk's size is the sum of its pieces' counts; nothing is ever truncated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from rag.config import ChunkSettings
from rag.records import Chunk, Paper
from rag.text import split_sentences

CHUNKER_VERSION = "sentences-v1"
SPECIAL_TOKENS = 2  # [CLS] and [SEP]

CountTokens = Callable[[list[str]], list[int]]


def header_text(paper: Paper) -> str:
    """The searchable metadata passage of a paper."""
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
    prefix = f"{paper.title}\n"
    header = header_text(paper)
    header = _fit(header, count_tokens, settings.max_tokens)
    pieces: list[tuple[str, str]] = [("header", header)]
    # A copied abstract is not this paper's text: it is never indexed for it.
    abstract = "" if paper.abstract_duplicate_of else paper.abstract
    prefix_tokens = count_tokens([prefix])[0] - SPECIAL_TOKENS
    budget = settings.max_tokens - SPECIAL_TOKENS - prefix_tokens
    for kind, text in (("abstract", abstract), ("body", paper.body)):
        for passage in _pack_sentences(split_sentences(text), count_tokens, budget, settings.overlap_sentences):
            pieces.append((kind, passage))
    chunks = []
    for position, (kind, passage) in enumerate(pieces):
        text = passage if kind == "header" else prefix + passage
        chunks.append(
            Chunk(
                chunk_id=_chunk_id(paper, position, text),
                paper_id=paper.paper_id,
                position=position,
                kind=kind,  # type: ignore[arg-type]
                text=text,
                passage=passage,
                token_count=0,
            )
        )
    for chunk, count in zip(chunks, count_tokens([c.text for c in chunks])):
        chunk.token_count = count
    return chunks


def _pack_sentences(sentences: list[str], count_tokens: CountTokens, budget: int, overlap: int) -> list[str]:
    """Greedy packing of whole sentences into passages of at most `budget` word pieces."""
    if not sentences:
        return []
    units: list[str] = []
    for sentence, n in zip(sentences, _piece_counts(sentences, count_tokens)):
        units.extend([sentence] if n <= budget else _split_long(sentence, count_tokens, budget))
    counts = _piece_counts(units, count_tokens)
    passages: list[str] = []
    start = 0
    while start < len(units):
        end, used = start, 0
        while end < len(units) and used + counts[end] <= budget:
            used += counts[end]
            end += 1
        end = max(end, start + 1)
        passages.append(" ".join(units[start:end]))
        if end >= len(units):
            break
        # Step back for overlap, but always move forward.
        start = max(end - overlap, start + 1)
    return passages


def _split_long(sentence: str, count_tokens: CountTokens, budget: int) -> list[str]:
    """A sentence longer than the budget (a table row, a run-on PDF line) is cut at word boundaries."""
    words = sentence.split()
    counts = _piece_counts(words, count_tokens)
    parts, current, used = [], [], 0
    for word, n in zip(words, counts):
        if current and used + n > budget:
            parts.append(" ".join(current))
            current, used = [], 0
        current.append(word)
        used += n
    if current:
        parts.append(" ".join(current))
    return parts


def _fit(text: str, count_tokens: CountTokens, max_tokens: int) -> str:
    """Shorten a header that would overflow (a paper with hundreds of authors) instead of letting it truncate."""
    while count_tokens([text])[0] > max_tokens:
        text = text[: int(len(text) * 0.9)].rsplit(" ", 1)[0] + " ..."
    return text


def _piece_counts(texts: list[str], count_tokens: CountTokens) -> list[int]:
    return [n - SPECIAL_TOKENS for n in count_tokens(texts)] if texts else []


def chunk_metadata(paper: Paper, chunk: Chunk) -> dict[str, str | int | float | bool]:
    """Flat metadata stored with each vector in Chroma (Chroma takes scalars only, never None)."""
    meta: dict[str, str | int | float | bool] = {
        "paper_id": paper.paper_id,
        "kind": chunk.kind,
        "position": chunk.position,
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
