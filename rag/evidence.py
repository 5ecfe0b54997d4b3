"""From retrieved chunks to a few numbered passages of the most relevant sentences.

The embedded model prefills ~200-250 tokens/s on 2 cores, so every sentence in the prompt costs
time before the first word: each passage keeps only its sentences closest to the question.
"""

from __future__ import annotations

from dataclasses import dataclass

from rag.citations import lexical_support
from rag.embedding import Embedder
from rag.records import Chunk, Evidence, Hit
from rag.text import split_sentences


@dataclass
class EvidenceSettings:
    passages: int = 3
    sentences_per_passage: int = 2
    # A passage far less answerable than the best one is noise for the model and the reader.
    max_gap_to_best: float = 0.15


def chunk_sentences(chunk: Chunk) -> list[str]:
    """Header chunks are lines of metadata; passages are prose."""
    if chunk.kind == "header":
        return [line for line in chunk.passage.splitlines() if not line.startswith("Title:")]
    return split_sentences(chunk.passage)


def paper_sentences(hit: Hit, chunks_by_paper: dict[str, list[Chunk]] | None) -> list[str]:
    """Every sentence of the hit's paper (a header hit still brings its abstract), without overlap repeats."""
    chunks = (chunks_by_paper or {}).get(hit.paper.paper_id) or [hit.chunk]
    sentences = [s for chunk in chunks for s in chunk_sentences(chunk)]
    return list(dict.fromkeys(sentences)) or [hit.paper.title]


def select_evidence(question: str, hits: list[Hit], embedder: Embedder,
                    settings: EvidenceSettings = EvidenceSettings(),
                    chunks_by_paper: dict[str, list[Chunk]] | None = None, focus: str | None = None) -> list[Evidence]:
    """Number the top hits' best sentences [1]..[n], keeping each passage's sentences in page order.

    `focus` (the user's own words of a follow-up) picks the sentences; `question` (made standalone)
    measures how answerable each passage is.
    """
    focus = focus or question
    candidates = [(hit, paper_sentences(hit, chunks_by_paper)) for hit in hits]
    flat = [s for _, sentences in candidates for s in sentences]
    if not flat:
        return []
    vectors = embedder.embed(flat)
    sims = vectors @ embedder.embed_query(question)
    focus_sims = sims if focus == question else vectors @ embedder.embed_query(focus)
    scored: list[tuple[float, Hit, list[str], int]] = []
    offset = 0
    for hit, sentences in candidates:
        cosines = [float(x) for x in sims[offset : offset + len(sentences)]]
        focus_cosines = [float(x) for x in focus_sims[offset : offset + len(sentences)]]
        offset += len(sentences)
        relevance = [0.7 * c + 0.3 * lexical_support(focus, s) for c, s in zip(focus_cosines, sentences)]
        best = sorted(range(len(sentences)), key=lambda i: -relevance[i])[: settings.sentences_per_passage]
        chosen = sorted(best)
        shown_text = " ".join([hit.paper.title] + [sentences[i] for i in chosen])
        # Answerability: how close the best sentence is, and how much of the question the passage covers.
        answerable = 0.5 * max(cosines[i] for i in chosen) + 0.5 * lexical_support(question, shown_text)
        scored.append((answerable, hit, [sentences[i] for i in chosen], chosen.index(best[0])))
    # Retrieval order decides which passages are shown; sentence relevance decides what of each.
    best = max(answerable for answerable, *_ in scored)
    shown = [item for item in scored if item[0] >= best - settings.max_gap_to_best][: settings.passages]
    return [Evidence(n=i, paper=hit.paper, chunk_id=hit.chunk.chunk_id, sentences=chosen, best=top,
                     retrieval_score=hit.score, relevance=round(relevance, 4))
            for i, (relevance, hit, chosen, top) in enumerate(shown, start=1)]

