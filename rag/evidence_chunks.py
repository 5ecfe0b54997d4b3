"""Stage 1 of evidence selection: which chunks of each retrieved paper are worth reading sentence by sentence.

Each paper's chunks are ranked by the question's words that are rare within that paper (idf-weighted coverage),
their cosine to the question from the vector store and a bonus for the chunk retrieval chose. Reference lists
only when the question asks what a paper cites. Also: how a chunk splits into the units evidence shows
(sentences, table rows, metadata lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.asked import asks_for_papers
from rag.question_words import idf_weights, question_stems, stems
from rag.records import Chunk, Hit
from rag.text import split_sentences, word_tokens

# A question about what a paper cites may be answered from its reference list; no other question is.
_ASKS_FOR_REFERENCES = re.compile(r"\b(cite[sd]?|citing|references?|referenced|bibliograph\w*|reference list)\b", re.I)


NAMES_A_TABLE = re.compile(r"\btables?\b", re.I)  # the question speaks of a table


def _distinct_tables(tables: list[Chunk]) -> list[Chunk]:
    """One chunk per table (the parts of a long table repeat its caption line), in the given order."""
    seen: set[str] = set()
    out = []
    for c in tables:
        caption = c.passage.split("\n", 1)[0]
        if caption not in seen:
            seen.add(caption)
            out.append(c)
    return out


ChunkScores = Callable[[str, list[str]], dict[str, float]]

_REFERENCES_HEADING = re.compile(r"^\W*(?:[\dA-Z]{1,3}\.?\s+)?(references|bibliography|works cited)\b", re.I)


def asks_for_references(question: str) -> bool:
    return bool(_ASKS_FOR_REFERENCES.search(question))


def is_reference_list(chunk: Chunk) -> bool:
    """The bibliography: a references chunk, or prose the reader left under a 'References' heading."""
    return chunk.kind == "references" or bool(_REFERENCES_HEADING.match(chunk.section))


def chunk_sentences(chunk: Chunk) -> list[str]:
    """Header chunks are lines of metadata; tables and reference lists are lines; passages are prose."""
    if chunk.kind == "header":
        return [line for line in chunk.passage.splitlines() if not line.startswith("Title:")]
    if chunk.kind in ("table", "references"):
        return [line for line in chunk.passage.splitlines() if line.strip()]
    return [s for s in split_sentences(chunk.passage) if not _names_only_the_section(s, chunk.section)]


_NUMBER_CELL = re.compile(r"[-+−±]?\d[\d.,]*\s*%?")
_NAMED_TABLE = re.compile(r"\btable\s+(\d+|[IVX]+)\b", re.I)


def table_parts(chunk: Chunk, paper_chunks: list[Chunk]) -> list[Chunk]:
    """All chunks of the table `chunk` belongs to: a long table is packed as several chunks in a row, each
    repeating the caption line, so the row asked about may stand in a part the question's words do not reach."""
    if chunk.kind != "table" or not paper_chunks:
        return [chunk]
    caption = chunk.passage.split("\n", 1)[0]
    by_position = {c.position: c for c in paper_chunks}
    same = lambda c: c is not None and c.kind == "table" and c.passage.split("\n", 1)[0] == caption  # noqa: E731
    first = chunk.position
    while same(by_position.get(first - 1)):
        first -= 1
    parts = []
    while same(by_position.get(first + len(parts))):
        parts.append(by_position[first + len(parts)])
    return parts or [chunk]


def is_data_row(line: str) -> bool:
    """A table line with a figure in one of its cells (a header row names columns: 'F1', 'P@1', 'Co-View')."""
    return any(_NUMBER_CELL.fullmatch(cell.strip()) for cell in line.split("|")[1:])


def table_lines(parts: list[Chunk]) -> tuple[list[str], list[str]]:
    """(caption and header rows, data rows) of a table packed as `parts`: the header is the first part's lines
    above its first data row, a continuation's repeated caption and header lines are dropped."""
    head: list[str] = []
    rows: list[str] = []
    for n, part in enumerate(parts):
        lines = chunk_sentences(part)
        top = next((i for i, line in enumerate(lines) if i and is_data_row(line)), len(lines))
        if n == 0:
            head = lines[:top]
        rows += [line for line in lines[top:] if line not in rows]
    return head, rows


def named_table(question: str) -> str | None:
    """'Table 1' when the question names a table by its number."""
    found = _NAMED_TABLE.search(question)
    return f"table {found.group(1).lower()}" if found else None


def opens_table(passage: str, named: str) -> bool:
    """The passage is the table `named_table` names ('table 1'): its caption starts with that label, whole —
    'Table 10: ...' is not Table 1."""
    return re.match(rf"{re.escape(named)}\b", passage, re.I) is not None


def _names_only_the_section(sentence: str, section: str) -> bool:
    """A heading left at a section's start ('3.2 Results', 'Results.') says nothing by itself."""
    words = word_tokens(sentence)
    return len(words) < 2 or (bool(section) and set(words) <= set(word_tokens(section)))


def by_rank(values: tuple[int, ...], rank: int) -> int:
    return values[min(rank, len(values) - 1)]


def rank_chunks(question: str, hits: list[Hit], chunks_by_paper: dict[str, list[Chunk]] | None,
                per_paper: tuple[int, ...], dense: dict[str, float] | None = None,
                ) -> tuple[list[tuple[Hit, list[Chunk]]], dict[str, float]]:
    """Stage 1: each hit's paper with its best chunks (`per_paper` by rank), and the idf of the question's words over the
    chunks considered. A chunk's score: idf-weighted coverage of the question's words, plus its cosine to the
    question when the vector store gave one (`dense`), plus a bonus for the chunk retrieval chose."""
    references = asks_for_references(question)
    pools: list[tuple[Hit, list[Chunk]]] = []
    for hit in hits:
        chunks = (chunks_by_paper or {}).get(hit.paper.paper_id) or [hit.chunk]
        usable = [c for c in chunks if references or not is_reference_list(c)]
        pools.append((hit, usable or [hit.chunk]))
    words = question_stems(question)
    tokens = {c.chunk_id: stems(f"{c.section} {c.passage}") & words for _, pool in pools for c in pool}
    idf = idf_weights(words, [tokens[c.chunk_id] for _, pool in pools for c in pool])
    floor = min(dense.values(), default=0.0) if dense else 0.0  # a chunk beyond the store's top n
    named, names_table = named_table(question), bool(NAMES_A_TABLE.search(question))
    listing = asks_for_papers(question)
    ranked = []
    for rank, (hit, pool) in enumerate(pools):
        # A paper's chunks are told apart by the words rare *within that paper*: its own name and topic ("SPECTER",
        # "NLP") stand in most of its chunks, while "implemented" stands in the one paragraph asked about.
        paper_idf = idf_weights(words, [tokens[c.chunk_id] for c in pool])
        total = sum(paper_idf.values()) or 1.0

        def score(chunk: Chunk) -> tuple[float, float]:
            coverage = sum(paper_idf[w] for w in tokens[chunk.chunk_id]) / total
            closeness = dense.get(chunk.chunk_id, floor) if dense else 0.0
            bonus = 0.25 if chunk.chunk_id == hit.chunk.chunk_id else 0.0
            if named and chunk.kind == "table" and opens_table(chunk.passage, named):
                bonus += 1.0  # "In Table 1, ..." is about Table 1, whatever its rows' words
            return (coverage + closeness + bonus, -chunk.position)
        ordered = sorted(pool, key=score, reverse=True)
        best = ordered[:by_rank(per_paper, rank)]
        tables = _distinct_tables([c for c in ordered if c.kind == "table"])
        # Its words and vector undersell a table of figures: a paper's best table is always looked at, and its
        # next best too when the question speaks of a table ("in the main results table").
        wanted = 2 if names_table and rank == 0 else 1
        looked = _distinct_tables([c for c in best if c.kind == "table"])
        if len(best) > 1 and len(looked) < wanted:
            best += [c for c in tables if c not in looked][: wanted - len(looked)]
        if listing and all(c.kind == "header" for c in best):
            # A paper a question for papers retrieved by its header (its title holds the topic: "Which papers use
            # GFlowNets?") would be listed by metadata lines that say nothing of the topic: its best prose chunk is
            # read too. Only there: for other questions its prose would take a place from the first paper's passages.
            best += [c for c in ordered if c.kind != "header"][:1]
        ranked.append((hit, sorted(best, key=lambda c: c.position)))
    return ranked, idf
