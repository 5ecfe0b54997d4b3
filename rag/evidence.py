"""From retrieved chunks to a few numbered passages of the most relevant sentences.

Two stages, so the cost does not grow with the length of a paper:
1. For each retrieved paper, rank its chunks by how much of the question's rarer words they hold
   (idf-weighted coverage, idf over the chunks of the retrieved papers); the retrieved chunk itself
   always stays in. Only the best few chunks per paper go on. Reference lists only when the
   question asks what a paper cites.
2. Score the sentences of those chunks: a lexical pre-pick bounds how many are embedded per question
   (vectors are cached, so a follow-up on the same paper embeds almost nothing), then
   0.7 * cosine + 0.3 * word overlap picks each passage's sentences. A table is shown as rows
   under its caption and header row, never as sentence-split numbers.

The embedded model prefills ~200-250 tokens/s on 2 cores, so every sentence in the prompt costs
time before the first word: each passage keeps only its sentences closest to the question.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from rag.citations import lexical_support
from rag.embedding import Embedder
from rag.records import Chunk, Evidence, Hit
from rag.text import split_sentences, word_tokens

# A question about what a paper cites may be answered from its reference list; no other question is.
_ASKS_FOR_REFERENCES = re.compile(r"\b(cite[sd]?|citing|references?|referenced|bibliograph\w*|reference list)\b", re.I)


@dataclass
class EvidenceSettings:
    passages: int = 3
    sentences_per_passage: int = 2
    # A passage far less answerable than the best one is noise for the model and the reader.
    max_gap_to_best: float = 0.15
    chunks_per_paper: int = 3
    # Sentences embedded per question at most (cache hits are free): bounds evidence time on long papers.
    max_embedded_sentences: int = 12
    # Rows of a table shown besides its caption and header row (the rows most like the question).
    table_rows: int = 6


@dataclass
class _Candidate:
    hit: Hit
    chunk: Chunk
    units: list[str]  # sentences, or table rows after the caption and header row
    head: list[str]  # a table's caption and header row, always shown
    order: int  # position of the paper in the retrieval order


def asks_for_references(question: str) -> bool:
    return bool(_ASKS_FOR_REFERENCES.search(question))


def chunk_sentences(chunk: Chunk) -> list[str]:
    """Header chunks are lines of metadata; tables and reference lists are lines; passages are prose."""
    if chunk.kind == "header":
        return [line for line in chunk.passage.splitlines() if not line.startswith("Title:")]
    if chunk.kind in ("table", "references"):
        return [line for line in chunk.passage.splitlines() if line.strip()]
    return [s for s in split_sentences(chunk.passage) if not _names_only_the_section(s, chunk.section)]


def _names_only_the_section(sentence: str, section: str) -> bool:
    """A heading left at a section's start ('3.2 Results', 'Results.') says nothing by itself."""
    words = word_tokens(sentence)
    return len(words) < 2 or (bool(section) and set(words) <= set(word_tokens(section)))


def rank_chunks(question: str, hits: list[Hit], chunks_by_paper: dict[str, list[Chunk]] | None,
                per_paper: int) -> tuple[list[tuple[Hit, list[Chunk]]], dict[str, float]]:
    """Stage 1: each hit's paper with its `per_paper` chunks that cover most of the question's rarer words;
    and the idf of the question's words over the chunks considered."""
    references = asks_for_references(question)
    pools: list[tuple[Hit, list[Chunk]]] = []
    for hit in hits:
        chunks = (chunks_by_paper or {}).get(hit.paper.paper_id) or [hit.chunk]
        usable = [c for c in chunks if references or c.kind != "references" or c.chunk_id == hit.chunk.chunk_id]
        pools.append((hit, usable or [hit.chunk]))
    words = set(word_tokens(question))
    tokens = {c.chunk_id: set(word_tokens(f"{c.section} {c.passage}")) & words for _, pool in pools for c in pool}
    df: dict[str, int] = defaultdict(int)
    for found in tokens.values():
        for word in found:
            df[word] += 1
    n = max(len(tokens), 1)
    idf = {w: math.log(1 + n / (1 + df[w])) for w in words}
    total = sum(idf.values()) or 1.0
    ranked = []
    for hit, pool in pools:
        def score(chunk: Chunk) -> tuple[float, float]:
            coverage = sum(idf[w] for w in tokens[chunk.chunk_id]) / total
            return (coverage + (0.25 if chunk.chunk_id == hit.chunk.chunk_id else 0.0), -chunk.position)
        best = sorted(pool, key=score, reverse=True)[:per_paper]
        ranked.append((hit, sorted(best, key=lambda c: c.position)))
    return ranked, idf


def weighted_overlap(text: str, idf: dict[str, float]) -> float:
    """idf-weighted share of the question's words that `text` contains: rare words (CrowdFlower, 1.4M) count most."""
    total = sum(idf.values())
    return sum(idf[w] for w in set(word_tokens(text)) if w in idf) / total if total else 0.0


def _candidates(question: str, hits: list[Hit], chunks_by_paper: dict[str, list[Chunk]] | None,
                settings: EvidenceSettings) -> tuple[list[_Candidate], dict[str, float]]:
    out: list[_Candidate] = []
    seen: set[str] = set()
    ranked, idf = rank_chunks(question, hits, chunks_by_paper, settings.chunks_per_paper)
    for order, (hit, chunks) in enumerate(ranked):
        for chunk in chunks:
            lines = chunk_sentences(chunk)
            if chunk.kind == "table":
                head, units = lines[:2], lines[2:]
            else:
                head, units = [], [s for s in lines if s not in seen]  # overlap repeats are shown once
                seen.update(units)
            if units or head:
                out.append(_Candidate(hit, chunk, units, head, order))
    return out, idf


def select_evidence(question: str, hits: list[Hit], embedder: Embedder,
                    settings: EvidenceSettings = EvidenceSettings(),
                    chunks_by_paper: dict[str, list[Chunk]] | None = None, focus: str | None = None) -> list[Evidence]:
    """Number the best passages [1]..[n], keeping each passage's sentences in page order.

    `focus` (the user's own words of a follow-up) picks the sentences; `question` (made standalone)
    measures how answerable each passage is.
    """
    focus = focus or question
    candidates, idf = _candidates(f"{question} {focus}", hits, chunks_by_paper, settings)
    if not candidates:
        return []
    # Stage 2: a lexical pre-pick of the sentences worth embedding, spread over the candidates.
    focus_idf = {w: idf.get(w, 1.0) for w in word_tokens(focus)}
    lexical = {id(c): _continued([weighted_overlap(u, focus_idf) for u in c.units], c.units) for c in candidates}
    pool = [(lexical[id(c)][i], -c.order, -k, id(c), i) for k, c in enumerate(candidates) for i in range(len(c.units))]
    pool.sort(reverse=True)
    per_candidate = max(settings.sentences_per_passage, settings.max_embedded_sentences // len(candidates))
    chosen_units: dict[int, list[int]] = defaultdict(list)
    budget = settings.max_embedded_sentences
    for *_, cid, i in pool:
        if budget and len(chosen_units[cid]) < per_candidate:
            chosen_units[cid].append(i)
            budget -= 1
    texts = [c.units[i] for c in candidates for i in chosen_units[id(c)]]
    heads = [" ".join(c.head) for c in candidates if c.head]
    vectors = embedder.embed_cached([_clip(t) for t in texts + heads])
    query, focus_query = embedder.embed_query(question), embedder.embed_query(focus)
    sims, focus_sims = vectors @ query, vectors @ focus_query
    cosine: dict[tuple[int, int], tuple[float, float]] = {}
    row = 0
    for c in candidates:
        for i in chosen_units[id(c)]:
            cosine[(id(c), i)] = (float(sims[row]), float(focus_sims[row]))
            row += 1
    head_cosine = {}
    for c in candidates:
        if c.head:
            head_cosine[id(c)] = (float(sims[row]), float(focus_sims[row]))
            row += 1
    scored = [_passage(c, chosen_units[id(c)], cosine, head_cosine.get(id(c)), question, focus, lexical[id(c)],
                       settings) for c in candidates]
    scored = [s for s in scored if s is not None]
    if not scored:
        return []
    return _number(_pick(scored, settings))


_CONTINUES = re.compile(r"^(it|its|this|these|they|their|such|both|each|the latter|the former|here)\b", re.I)


def _continued(scores: list[float], units: list[str]) -> list[float]:
    """A sentence that goes on about the one before ("It consists of 1.4M PDFs") shares its relevance."""
    out = list(scores)
    for i in range(1, len(units)):
        if _CONTINUES.match(units[i]):
            out[i] = max(out[i], 0.8 * out[i - 1])
    return out


def _clip(text: str, words: int = 40) -> str:
    """A sentence's opening words stand for it: embedding cost grows with the longest text of a batch, and a PDF
    run-on "sentence" (a flattened list or equation) can reach the model's 256 pieces."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words])


def _passage(c: _Candidate, embedded: list[int], cosine: dict, head_cosine: tuple[float, float] | None,
             question: str, focus: str, lexical: list[float], settings: EvidenceSettings):
    """(answerability, candidate, shown lines, index of the best line) for one candidate chunk."""
    relevance = {i: 0.7 * cosine[(id(c), i)][1] + 0.3 * lexical[i] for i in embedded}
    if c.chunk.kind == "table":
        # A table is read as rows under its caption and header: the rows most like the question, in table order.
        rows = sorted(range(len(c.units)), key=lambda i: (-relevance.get(i, lexical[i] - 1), i))[: settings.table_rows]
        shown = c.head + [c.units[i] for i in sorted(rows)]
        row_cosines = [cosine[(id(c), i)][0] for i in rows if i in relevance]
        best_cos = max(row_cosines + ([head_cosine[0]] if head_cosine else []), default=0.0)
        best_line = len(c.head) + sorted(rows).index(rows[0]) if rows else 0
    else:
        if not embedded:
            return None
        best = sorted(embedded, key=lambda i: -relevance[i])[: settings.sentences_per_passage]
        order = sorted(best)
        shown = [c.units[i] for i in order]
        best_cos = max(cosine[(id(c), i)][0] for i in order)
        best_line = order.index(best[0])
    # Answerability: how close the best sentence is, and how much of the question the passage covers.
    answerable = 0.5 * best_cos + 0.5 * lexical_support(question, " ".join([c.hit.paper.title, c.chunk.section]
                                                                               + shown))
    return answerable, c, shown, best_line


def _pick(scored: list, settings: EvidenceSettings) -> list:
    """Each paper's best passage in retrieval order; free places go to papers' next-best passages."""
    top = max(s[0] for s in scored)
    close = [s for s in scored if s[0] >= top - settings.max_gap_to_best]
    by_paper: dict[int, list] = defaultdict(list)
    for item in sorted(close, key=lambda s: -s[0]):
        by_paper[item[1].order].append(item)
    first = [items[0] for _, items in sorted(by_paper.items())][: settings.passages]
    rest = sorted((items[1] for order, items in by_paper.items() if len(items) > 1
                   and any(f[1].order == order for f in first)), key=lambda s: -s[0])
    chosen = first + rest[: settings.passages - len(first)]
    return sorted(chosen, key=lambda s: (s[1].order, s[1].chunk.position))


def _number(chosen: list) -> list[Evidence]:
    return [Evidence(n=n, paper=c.hit.paper, chunk_id=c.chunk.chunk_id, sentences=shown, best=best,
                     retrieval_score=c.hit.score, relevance=round(answerable, 4), section=c.chunk.section,
                     page=c.chunk.page)
            for n, (answerable, c, shown, best) in enumerate(chosen, start=1)]
