"""Papers -> title-prefixed chunks that fit the embedder's window and know where they are.

Every paper gets a header chunk (title and metadata: authors, organisation, date, category,
venue) so questions about people and dates find it, then its abstract and full text as passages.
A PDF's full text comes as blocks (records.Block) with a section and a page: prose is packed by
whole sentences within one section (never across a section boundary) and each chunk records its
section and starting page; a table, with its caption, becomes chunks of its own, split by rows
with the caption and header row repeated; the reference list becomes "references" chunks
(searchable, never evidence for content questions). A text file's `body` is packed as prose.

Every embedded text starts with the title and, when known, the section heading
("Title\n§3.2 Results\n..."). WordPiece counts are additive across whitespace, so a chunk's size
is the sum of its pieces' counts; nothing is ever truncated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.config import ChunkSettings
from rag.records import Block, Chunk, Paper
from rag.text import split_sentences

CHUNKER_VERSION = "sections-v5"
SPECIAL_TOKENS = 2  # [CLS] and [SEP]
# The section heading goes into the embedded text (not the passage a citation quotes): a question about
# "the results" or "the annotation study" then also matches by where a passage stands.
SECTION_IN_TEXT = True
_TABLE_CAPTION = re.compile(r"^\s*(table|tab\.)\s*[\dIVX]", re.I)

CountTokens = Callable[[list[str]], list[int]]


@dataclass
class _Piece:
    kind: str
    passage: str
    section: str = ""
    page: int | None = None


@dataclass
class _Unit:
    """A sentence (or table row, or reference entry) with the page it stands on."""

    text: str
    page: int | None


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
    packer = _Packer(paper, count_tokens, settings.max_tokens, settings.overlap_sentences)
    # A PDF's body is packed fuller (the embedder's whole window, no overlap): it is most of what ingest embeds.
    full_text = _Packer(paper, count_tokens, settings.full_text_max_tokens, settings.full_text_overlap_sentences)
    pieces = [_Piece("header", _fit(header_text(paper), count_tokens, settings.max_tokens))]
    # A copied abstract is not this paper's text: it is never indexed for it.
    abstract = "" if paper.abstract_duplicate_of else paper.abstract
    from_pdf = bool(paper.blocks)
    pieces += packer.prose("abstract", [_Unit(s, 1 if from_pdf else None) for s in split_sentences(abstract)],
                           "Abstract" if from_pdf else "")
    if paper.blocks:
        pieces += _block_pieces(paper.blocks, full_text)
    else:
        pieces += packer.prose("body", [_Unit(s, None) for s in split_sentences(paper.body)], "")
    chunks = []
    for position, piece in enumerate(pieces):
        text = piece.passage if piece.kind == "header" else packer.lead(piece.section) + piece.passage
        chunks.append(Chunk(chunk_id=_chunk_id(paper, position, text), paper_id=paper.paper_id, position=position,
                            kind=piece.kind, text=text, passage=piece.passage,  # type: ignore[arg-type]
                            token_count=0, section=piece.section, page=piece.page))
    for chunk, count in zip(chunks, count_tokens([c.text for c in chunks])):
        chunk.token_count = count
    return chunks


@dataclass
class _Table:
    section: str
    page: int | None
    caption: str
    rows: list[str]  # the first is the header row when the PDF had one


def _block_pieces(blocks: list[Block], packer: "_Packer") -> list[_Piece]:
    """Runs of prose of one section packed together; each table and the references on their own."""
    pieces: list[_Piece] = []
    run: list[_Unit] = []
    run_section = ""
    references: list[Block] = []

    def flush() -> None:
        pieces.extend(packer.prose("body", run, run_section))
        run.clear()
        # The reference list comes in many small blocks (one per entry or column): packed together, not a
        # chunk each, so it costs few vectors.
        pieces.extend(packer.references(references))
        references.clear()

    for item in gather_tables(blocks):
        if isinstance(item, _Table):
            flush()
            pieces.extend(packer.table(item))
        elif item.kind == "references":
            if run:
                flush()
            references.append(item)
        else:
            if item.section != run_section or references:
                flush()
                run_section = item.section
            run.extend(_Unit(s, item.page) for s in split_sentences(item.text))
    flush()
    return pieces


def gather_tables(blocks: list[Block]) -> list[Block | _Table]:
    """Each table with its caption, its header rows and its continuations, as one item.

    A PDF reader may give a table's caption as a caption block above or below it or as its first line, its
    header row as a short text line just above it, and a table broken by a column or page as several
    table blocks in a row: all of it belongs to one table, never to the prose around it.
    """
    out: list[Block | _Table] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind != "table":
            out.append(block)
            i += 1
            continue
        rows = _lines(block.text)
        caption = rows.pop(0) if rows and _TABLE_CAPTION.match(rows[0]) else ""
        above: list[str] = []
        while out and isinstance(out[-1], Block) and out[-1].kind == "text" and out[-1].section == block.section \
                and _looks_like_row(out[-1].text) and len(above) < 4:
            above.insert(0, " ".join(out.pop().text.split()))  # type: ignore[union-attr]
        if not caption and out and isinstance(out[-1], Block) and _is_table_caption(out[-1]):
            caption = " ".join(out.pop().text.split())  # type: ignore[union-attr]
        i += 1
        while i < len(blocks) and blocks[i].kind == "table" and blocks[i].section == block.section \
                and not _TABLE_CAPTION.match(blocks[i].text.lstrip()):
            rows += _lines(blocks[i].text)
            i += 1
        if not caption and i < len(blocks) and _is_table_caption(blocks[i]):
            caption = " ".join(blocks[i].text.split())
            i += 1
        out.append(_Table(block.section, block.page, caption, above + rows))
    return out


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _looks_like_row(text: str) -> bool:
    """A short line without a sentence end: a header row ('Field Precision Recall F1') or a stray table row."""
    words = text.split()
    return (0 < len(words) <= 12 and not text.rstrip().endswith((".", "?", "!", ":", ";", ","))
            and not re.search(r"https?:|www\.", text))  # a footnote with a link sits above tables too


def _is_table_caption(block: Block) -> bool:
    return block.kind == "caption" and bool(_TABLE_CAPTION.match(block.text))


class _Packer:
    """Packs units into passages under the word-piece budget left after the title and section lines."""

    def __init__(self, paper: Paper, count_tokens: CountTokens, max_tokens: int, overlap: int):
        self.prefix = f"{paper.title}\n"
        self.count_tokens = count_tokens
        self.max_tokens, self.overlap = max_tokens, overlap
        self._lead_tokens: dict[str, int] = {}

    def lead(self, section: str) -> str:
        return self.prefix + (f"§{section}\n" if section and SECTION_IN_TEXT else "")

    def budget(self, section: str) -> int:
        if section not in self._lead_tokens:
            self._lead_tokens[section] = self.count_tokens([self.lead(section)])[0] - SPECIAL_TOKENS
        return max(self.max_tokens - SPECIAL_TOKENS - self._lead_tokens[section], 16)

    def prose(self, kind: str, units: list[_Unit], section: str) -> list[_Piece]:
        groups = _pack(units, self.count_tokens, self.budget(section), self.overlap)
        return [_Piece(kind, " ".join(u.text for u in group), section, group[0].page) for group in groups]

    def table(self, table: _Table) -> list[_Piece]:
        """Rows packed under the budget; every part repeats the caption and the header row."""
        rows = table.rows
        if not rows and not table.caption:
            return []
        rows = rows or [""]
        caption = table.caption
        budget = self.budget(table.section)
        head = [line for line in (caption, rows[0]) if line]
        head_tokens = sum(_piece_counts(head, self.count_tokens)) + len(head)  # + a newline each
        if head_tokens > budget // 2:  # a huge caption or header row would leave no room for rows
            head = [_split_long(" ".join(head), self.count_tokens, budget // 2)[0] + " ..."]
            head_tokens = sum(_piece_counts(head, self.count_tokens)) + 1
        body = [_Unit(r, table.page) for r in rows[1:]] or [_Unit("", table.page)]
        groups = _pack(body, self.count_tokens, budget - head_tokens, overlap=0, joiner_tokens=1)
        return [_Piece("table", "\n".join(head + [u.text for u in group if u.text]), table.section, table.page)
                for group in groups]

    def references(self, blocks: list[Block]) -> list[_Piece]:
        if not blocks:
            return []
        units = []
        for block in blocks:
            lines = _lines(block.text)
            # Lines are entries; a whole list run into one long line is cut at its sentences instead.
            one_run = len(lines) == 1 and len(lines[0].split()) > 60
            units += [_Unit(e, block.page) for e in (split_sentences(block.text) if one_run else lines)]
        section = blocks[0].section
        groups = _pack(units, self.count_tokens, self.budget(section), overlap=0, joiner_tokens=1)
        return [_Piece("references", "\n".join(u.text for u in group), section, group[0].page) for group in groups]


def _pack(units: list[_Unit], count_tokens: CountTokens, budget: int, overlap: int,
          joiner_tokens: int = 0) -> list[list[_Unit]]:
    """Greedy packing of whole units into groups of at most `budget` word pieces; long units are cut."""
    if not units:
        return []
    fitted: list[_Unit] = []
    for unit, n in zip(units, _piece_counts([u.text for u in units], count_tokens)):
        if n + joiner_tokens <= budget:
            fitted.append(unit)
        else:
            fitted.extend(_Unit(part, unit.page) for part in _split_long(unit.text, count_tokens, budget - joiner_tokens))
    counts = [n + joiner_tokens for n in _piece_counts([u.text for u in fitted], count_tokens)]
    groups: list[list[_Unit]] = []
    start = 0
    while start < len(fitted):
        end, used = start, 0
        while end < len(fitted) and used + counts[end] <= budget:
            used += counts[end]
            end += 1
        end = max(end, start + 1)
        groups.append(fitted[start:end])
        if end >= len(fitted):
            break
        # Step back for overlap, but always move forward.
        start = max(end - overlap, start + 1)
    return groups


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
    return parts or [""]


def _fit(text: str, count_tokens: CountTokens, max_tokens: int) -> str:
    """Shorten a header that would overflow (a paper with hundreds of authors) instead of letting it truncate."""
    while count_tokens([text])[0] > max_tokens:
        text = text[: int(len(text) * 0.9)].rsplit(" ", 1)[0] + " ..."
    return text


def _piece_counts(texts: list[str], count_tokens: CountTokens) -> list[int]:
    return [n - SPECIAL_TOKENS for n in count_tokens(texts)] if texts else []


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
