"""From retrieved chunks to a few numbered passages of the most relevant sentences.

Two stages, so the cost does not grow with the length of a paper:
1. For each retrieved paper (rag/evidence_chunks.py), rank its chunks by the question's rarer words they hold
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

import re
from collections import defaultdict
from dataclasses import dataclass

from rag.config import EvidenceSettings
from rag.embedding import Embedder
from rag.evidence_chunks import (NAMES_A_TABLE, ChunkScores, by_rank, chunk_sentences, rank_chunks, table_lines,
                                 table_parts)
from rag.quantities import counts_in
from rag.question_words import (NUMBER_BONUS, asks_for_number, holds_number, question_stems, stem_support, stems,
                                 weighted_overlap)
from rag.records import Chunk, Evidence, Hit


@dataclass
class _Candidate:
    hit: Hit
    chunk: Chunk
    units: list[str]  # sentences, or table rows after the caption and header row
    head: list[str]  # a table's caption and header row, always shown
    order: int  # position of the paper in the retrieval order
    closeness: float | None = None  # the whole chunk's cosine to the question, from the vector store
    before: str = ""  # the last sentence of the previous chunk of the same section (chunks do not overlap)


def _candidates(question: str, hits: list[Hit], chunks_by_paper: dict[str, list[Chunk]] | None,
                settings: EvidenceSettings, dense: dict[str, float] | None,
                ) -> tuple[list[_Candidate], dict[str, float]]:
    out: list[_Candidate] = []
    seen: set[str] = set()
    ranked, idf = rank_chunks(question, hits, chunks_by_paper, settings.chunks_by_rank, dense)
    tables: set[tuple[str, str]] = set()
    for order, (hit, chunks) in enumerate(ranked):
        for chunk in chunks:
            lines = chunk_sentences(chunk)
            if chunk.kind == "table":
                # A long table packed as several chunks is read as one: its rows under its caption and header.
                if (hit.paper.paper_id, lines[0] if lines else "") in tables:
                    continue
                tables.add((hit.paper.paper_id, lines[0] if lines else ""))
                parts = table_parts(chunk, (chunks_by_paper or {}).get(hit.paper.paper_id, []))
                head, units = table_lines(parts)
                chunk = parts[0]
            else:
                head, units = [], [s for s in lines if s not in seen]  # overlap repeats are shown once
                seen.update(units)
            if units or head:
                out.append(_Candidate(hit, chunk, units, head, order, (dense or {}).get(chunk.chunk_id),
                                      _sentence_before(chunk, (chunks_by_paper or {}).get(hit.paper.paper_id, []))))
    return out, idf


def _sentence_before(chunk: Chunk, paper_chunks: list[Chunk]) -> str:
    """The last sentence of the prose chunk just before `chunk` in the same section, or ''."""
    if chunk.kind not in ("body", "abstract") or chunk.position == 0:
        return ""
    previous = next((c for c in paper_chunks if c.position == chunk.position - 1), None)
    if previous is None or previous.kind != chunk.kind or previous.section != chunk.section:
        return ""
    sentences = chunk_sentences(previous)
    return sentences[-1] if sentences else ""


def select_evidence(question: str, hits: list[Hit], embedder: Embedder,
                    settings: EvidenceSettings = EvidenceSettings(),
                    chunks_by_paper: dict[str, list[Chunk]] | None = None, focus: str | None = None,
                    chunk_scores: ChunkScores | None = None) -> list[Evidence]:
    """Number the best passages [1]..[n], keeping each passage's sentences in page order.

    `focus` (the user's own words of a follow-up) picks the sentences; `question` (made standalone)
    measures how answerable each passage is. `chunk_scores(question, paper_ids)` (Retriever.chunk_scores)
    gives the cosine of the question with those papers' chunks from the vector store; without it the
    passages of a paper are ranked by words only.
    """
    focus = focus or question
    dense = chunk_scores(question, [h.paper.paper_id for h in hits]) if chunk_scores and hits else None
    candidates, idf = _candidates(f"{question} {focus}", hits, chunks_by_paper, settings, dense)
    if not candidates:
        return []
    # Stage 2: a lexical pre-pick of the sentences worth embedding, spread over the candidates.
    focus_idf = {w: idf.get(w, 1.0) for w in question_stems(focus)}
    # A question for a quantity ("How many author nodes...?") is answered by a sentence with a number in it.
    # One counted in the unit the question names ("how long, in tokens" -> "up to 10M tokens") twice as likely.
    number_bonus = NUMBER_BONUS if asks_for_number(focus) else 0.0
    lexical = {id(c): _continued([weighted_overlap(u, focus_idf) + (number_bonus if holds_number(u) else 0.0)
                                  + (number_bonus if number_bonus and counts_in(u, focus) else 0.0)
                                  for u in c.units], c.units) for c in candidates}
    chosen_units: dict[int, list[int]] = {}
    budget = settings.max_embedded_sentences
    for c in candidates:  # in retrieval order: the first papers' chunks are served first
        quota = min(by_rank(settings.sentences_by_rank, c.order), budget)
        chosen_units[id(c)] = sorted(range(len(c.units)), key=lambda i: (-lexical[id(c)][i], i))[:quota]
        budget -= len(chosen_units[id(c)])
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
    def passage(c: _Candidate, sentences: int):
        return _passage(c, chosen_units[id(c)], cosine, head_cosine.get(id(c)), question, focus, lexical[id(c)],
                        settings, focus_idf, sentences)
    scored = [s for s in (passage(c, settings.sentences_per_passage) for c in candidates) if s is not None]
    if not scored:
        return []
    # The most answerable passage may hold the asked detail in a sentence just below its best two (the caption
    # of a figure first, then what the figure shows): it alone keeps one more.
    top = max(range(len(scored)), key=lambda i: scored[i][0])
    if settings.best_passage_sentences > settings.sentences_per_passage and scored[top][1].chunk.kind != "table":
        scored[top] = passage(scored[top][1], settings.best_passage_sentences) or scored[top]
    return _number(_pick(scored, settings, question))


_CONTINUES = re.compile(r"^(it|its|this|these|they|their|such|both|each|the latter|the former|here)\b", re.I)


_POINTS_BACK = re.compile(r"^(?:\S+\s+){0,3}?(this|these|those|such|it|they|its|their)\b", re.I)
# A road-map sentence ("In the previous section, we described ...; next, we discuss ...") names topics without
# saying anything about them: it echoes a question's words and answers nothing.
_SIGNPOST = re.compile(r"^(in (this|the (previous|next|following)) (sub)?sections?\b|next, we\b|"
                       r"(this|the (next|following)) (sub)?section\b|the (rest|remainder) of (this|the) paper\b)", re.I)


def _continued(scores: list[float], units: list[str]) -> list[float]:
    """A sentence that goes on about the one before ("It consists of 1.4M PDFs") shares its relevance;
    a road-map sentence keeps only half of its own."""
    out = list(scores)
    for i in range(len(units)):
        if i and _CONTINUES.match(units[i]):
            out[i] = max(out[i], 0.8 * out[i - 1])
        if _SIGNPOST.match(units[i]):
            out[i] *= 0.5
    return out


def _clip(text: str, words: int = 40) -> str:
    """A sentence's opening words stand for it: embedding cost grows with the longest text of a batch, and a PDF
    run-on "sentence" (a flattened list or equation) can reach the model's 256 pieces."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words])


NOVELTY = 0.15  # weight of the question's words a sentence adds to those already chosen (a near-tie breaker)


def _covering(units: list[str], embedded: list[int], relevance: dict[int, float], focus_idf: dict[str, float],
              n: int) -> list[int]:
    """The passage's best sentence, then the most relevant of those that add what it leaves unsaid: of two
    near-equal sentences, the one repeating the best one's words ("As is typical in clickthrough data ...") says
    less than the one holding the asked detail ("We partitioned the examples into train, validation and test")."""
    ranked = sorted(embedded, key=lambda i: -relevance[i])
    best = ranked[:1]
    covered = set(stems(units[best[0]])) if best else set()
    total = sum(focus_idf.values()) or 1.0
    while best and len(best) < min(n, len(ranked)):
        def gain(i: int) -> float:
            return relevance[i] + NOVELTY * sum(v for w, v in focus_idf.items() if w not in covered
                                                 and w in stems(units[i])) / total
        best.append(max((i for i in ranked if i not in best), key=gain))
        covered |= stems(units[best[-1]])
    return best


def _passage(c: _Candidate, embedded: list[int], cosine: dict, head_cosine: tuple[float, float] | None,
             question: str, focus: str, lexical: list[float], settings: EvidenceSettings,
             focus_idf: dict[str, float], sentences: int):
    """(answerability, candidate, shown lines, index of the best line) for one candidate chunk."""
    relevance = {i: (0.7 * cosine[(id(c), i)][1] + 0.3 * lexical[i]) * (0.6 if _SIGNPOST.match(c.units[i]) else 1.0)
                 for i in embedded}
    if c.chunk.kind == "table":
        # A table is read as rows under its caption and header: the rows most like the question, in table order.
        limit = settings.table_rows_extreme if _ASKS_FOR_EXTREME.search(focus) else settings.table_rows
        rows = sorted(range(len(c.units)), key=lambda i: (-relevance.get(i, lexical[i] - 1), i))[:limit]
        shown = c.head + [c.units[i] for i in sorted(rows)]
        row_cosines = [cosine[(id(c), i)][0] for i in rows if i in relevance]
        # Rows of numbers embed poorly: a table is read whole, so its own vector speaks for it too.
        whole = [c.closeness] if c.closeness is not None else []
        best_cos = max(row_cosines + ([head_cosine[0]] if head_cosine else []) + whole, default=0.0)
        best_line = len(c.head) + sorted(rows).index(rows[0]) if rows else 0
    else:
        if not embedded:
            return None
        best = _covering(c.units, embedded, relevance, focus_idf, sentences)
        # A best sentence that points back ("We use this form instead of the pair") is read with the sentence
        # it points to ("A cell is a triple <CELL,name,contents>.").
        points_back = bool(_POINTS_BACK.search(c.units[best[0]]))
        if best[0] > 0 and best[0] - 1 not in best and points_back:
            best.append(best[0] - 1)
        order = sorted(best)
        shown = [c.units[i] for i in order]
        best_cos = max(cosine[(id(c), i)][0] for i in order if i in relevance)
        best_line = order.index(best[0])
        if best[0] == 0 and points_back and c.before and c.before not in shown:  # its antecedent ends the chunk before
            shown, best_line = [c.before] + shown, best_line + 1
    # Answerability: how close the best sentence is, and how much of the question the passage covers.
    # A road-map sentence shown for context echoes the question's words without saying anything: it adds no support.
    said = [line for line in shown if not _SIGNPOST.match(line)]
    answerable = 0.5 * best_cos + 0.5 * stem_support(question, " ".join([c.hit.paper.title, c.chunk.section] + said))
    return answerable, c, shown, best_line


# "Which model has the highest MAP", "the lowest F1": any row of a table may hold the answer, so all are shown.
_ASKS_FOR_EXTREME = re.compile(r"\b(highest|lowest|best|worst|largest|smallest|most|least|top|fewest|"
                               r"strongest|weakest|outperform\w*)\b", re.I)


def _pick(scored: list, settings: EvidenceSettings, question: str) -> list:
    """Each paper's best passage in retrieval order (papers whose best is close to the best of all); free places go
    to the shown papers' next-best close passages, then to the first paper's passages beyond the gap.

    A full-text question is most often about the first paper, and the passage holding its fact may score well below
    that paper's best (a footnote, the sentence after a definition): it is worth a free place, but only its best line,
    since every line shown delays the model's first word."""
    top = max(s[0] for s in scored)
    close = {id(s) for s in scored if s[0] >= top - settings.max_gap_to_best}
    by_paper: dict[int, list] = defaultdict(list)
    for item in sorted((s for s in scored if id(s) in close), key=lambda s: -s[0]):
        by_paper[item[1].order].append(item)
    first = [items[0] for _, items in sorted(by_paper.items())][: settings.passages]
    shown = {f[1].order for f in first}
    lead = min(shown)
    firsts = {id(f) for f in first}
    # Beyond the gap only prose and tables: a header chunk's metadata line ("Date: 2022-06-30") answers no question
    # the catalog does not.
    rest = sorted((s for s in scored if id(s) not in firsts and s[1].order in shown
                   and (id(s) in close or (s[1].order == lead and s[1].chunk.kind != "header"))),
                  key=lambda s: (id(s) not in close, -s[0]))
    rest = [item if id(item) in close or item[1].chunk.kind == "table" else _best_line(item) for item in rest]
    chosen = first + rest[: settings.passages - len(first)]
    # Rows of numbers score low against a question in words, though tables hold most of the figures asked
    # about: a close table of a shown paper (or any of the first paper's, when the question names a table) takes
    # the place of the weakest extra passage.
    tables = [item for item in rest if item[1].chunk.kind == "table"
              and (id(item) in close or NAMES_A_TABLE.search(question))]
    if tables and not any(item[1].chunk.kind == "table" for item in chosen) and len(chosen) > len(first):
        chosen[-1] = tables[0]
    # Page order within a paper, the passages beyond the gap after the close ones: [1] stays the best-supported.
    return sorted(chosen, key=lambda s: (s[1].order, id(s) not in close, s[1].chunk.position))


def _best_line(item: tuple) -> tuple:
    """A passage cut to its best line (with the line before, when the best one points back to it)."""
    answerable, c, shown, best = item
    keep = [best - 1, best] if best > 0 and _POINTS_BACK.search(shown[best]) else [best]
    return answerable, c, [shown[i] for i in keep], len(keep) - 1


def _number(chosen: list) -> list[Evidence]:
    return [Evidence(n=n, paper=c.hit.paper, chunk_id=c.chunk.chunk_id, sentences=shown, best=best,
                     retrieval_score=c.hit.score, relevance=round(answerable, 4), section=c.chunk.section,
                     page=c.chunk.page)
            for n, (answerable, c, shown, best) in enumerate(chosen, start=1)]
