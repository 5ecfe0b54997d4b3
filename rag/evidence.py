"""From retrieved chunks to a few numbered passages of the most relevant sentences.

The embedded model prefills ~200-250 tokens/s on 2 cores, so every sentence in the prompt costs
time before the first word: each passage keeps only its sentences closest to the question.
"""

from __future__ import annotations

from dataclasses import dataclass

from rag.citations import lexical_support
from rag.embedding import Embedder
from rag.records import Evidence, Hit
from rag.text import split_sentences


@dataclass
class EvidenceSettings:
    passages: int = 3
    sentences_per_passage: int = 2


def chunk_sentences(hit: Hit) -> list[str]:
    """Header chunks are lines of metadata; passages are prose."""
    if hit.chunk.kind == "header":
        return [line for line in hit.chunk.passage.splitlines() if not line.startswith("Title:")] or [hit.paper.title]
    return split_sentences(hit.chunk.passage)


def select_evidence(question: str, hits: list[Hit], embedder: Embedder,
                    settings: EvidenceSettings = EvidenceSettings()) -> list[Evidence]:
    """Number the top hits' best sentences [1]..[n], keeping each passage's sentences in page order."""
    candidates = [(hit, chunk_sentences(hit)) for hit in hits]
    flat = [s for _, sentences in candidates for s in sentences]
    if not flat:
        return []
    sims = embedder.embed(flat) @ embedder.embed_query(question)
    scored: list[tuple[float, Hit, list[str], int]] = []
    offset = 0
    for hit, sentences in candidates:
        cosines = [float(x) for x in sims[offset : offset + len(sentences)]]
        offset += len(sentences)
        relevance = [0.7 * c + 0.3 * lexical_support(question, s) for c, s in zip(cosines, sentences)]
        best = sorted(range(len(sentences)), key=lambda i: -relevance[i])[: settings.sentences_per_passage]
        chosen = sorted(best)
        shown_text = " ".join([hit.paper.title] + [sentences[i] for i in chosen])
        # Answerability: how close the best sentence is, and how much of the question the passage covers.
        answerable = 0.5 * max(cosines[i] for i in chosen) + 0.5 * lexical_support(question, shown_text)
        scored.append((answerable, hit, [sentences[i] for i in chosen], chosen.index(best[0])))
    # Retrieval order decides which passages are shown; sentence relevance decides what of each.
    shown = scored[: settings.passages]
    return [Evidence(n=i, paper=hit.paper, chunk_id=hit.chunk.chunk_id, sentences=chosen, best=top,
                     retrieval_score=hit.score, relevance=round(relevance, 4))
            for i, (relevance, hit, chosen, top) in enumerate(shown, start=1)]

