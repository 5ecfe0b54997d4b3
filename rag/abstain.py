"""Answer, show the closest passages, or refuse? Decided before the LLM is asked.

Gathers the signals of rag/answerability.py from the library (its word statistics, BM25, the
authors and organisations it names) for one question and its evidence, and applies the fitted
model. The library's word statistics are computed once per snapshot.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from rag.answerability import (TYPED, LibraryStats, Model, Signals, content_words, explain, features, holds_answer,
                              load_model, regime_readings)
from rag.answering_scorer import AnswerScorer, load_scorer
from rag.config import AnswerabilitySettings
from rag.asked import asks_for_papers, asks_for_several_papers, focus_words
from rag.checking.crossencoder import load_crossencoder
from rag.containment import Shown, containment_signals, holding_papers, idf_of, premise_contradicted
from rag.records import Evidence, Hit
from rag.text import word_tokens

if TYPE_CHECKING:
    from rag.library import Library


class Assessor:
    def __init__(self, library: Library, model: Model | None = None, scorer: AnswerScorer | None = None,
                 settings: AnswerabilitySettings | None = None):
        self.library = library
        self.settings = settings or library.settings.answerability
        self._model = model
        self._scorer = scorer
        self._stats: tuple[object, LibraryStats] | None = None
        self._abstracts: tuple[object, dict[str, str]] | None = None

    @property
    def model(self) -> Model:
        if self._model is None:
            chosen = self.settings  # the fitted model, its thresholds overridden only on purpose
            model = load_model(chosen.resolved_model_path())
            # A threshold set on purpose holds for every regime: the fitted full-text pair gives way to it.
            given = chosen.answer_threshold is not None or chosen.closest_threshold is not None
            self._model = replace(model, answer_threshold=_given(chosen.answer_threshold, model.answer_threshold),
                                  closest_threshold=_given(chosen.closest_threshold, model.closest_threshold),
                                  full_text=None if given else model.full_text)
        return self._model

    @property
    def scorer(self) -> AnswerScorer:
        if self._scorer is None:
            self._scorer = load_scorer()
        return self._scorer

    def stats(self) -> LibraryStats:
        snapshot = self.library.snapshot
        if self._stats is None or self._stats[0] is not snapshot:
            self._stats = (snapshot, LibraryStats(*snapshot.document_frequencies()))  # a shared copy: from its BM25
        return self._stats[1]

    def abstracts(self, paper_ids: set[str]) -> dict[str, str]:
        """Each paper's abstract (what it is about, for a question asking for papers), kept per snapshot."""
        snapshot = self.library.snapshot
        if self._abstracts is None or self._abstracts[0] is not snapshot:
            self._abstracts = (snapshot, {})
        cache = self._abstracts[1]
        missing = paper_ids - cache.keys()
        if missing:
            by_paper = self.library.view().chunks_by_paper
            for pid in missing:
                cache[pid] = " ".join(c.passage for c in by_paper.get(pid, []) if c.kind == "abstract")
        return {pid: cache[pid] for pid in paper_ids}

    def signals(self, question: str, evidence: list[Evidence], hits: list[Hit]) -> Signals:
        view = self.library.view()
        bm25 = view.bm25()
        tokens = word_tokens(question)
        scores = np.asarray(bm25.get_scores(tokens)) if bm25 is not None and tokens else None
        # Only a named author or organisation: a year or a category code ("AI" in "built-in AI") is too easily
        # matched by accident, and questions about those are answered by the catalog before retrieval.
        named = bool(view.named_papers(question))
        # Only when the model reads it: a refit that drops the signal skips its ~40 ms.
        wanted = "answer_score" in self.model.features
        answer = self.scorer.best(question, evidence) if evidence and wanted else 0.0
        signals = features(question, evidence, hits, self.stats(), scores, named, answer_score=answer)
        if hits:
            # The closest passage of the retrieved papers, whichever of their passages fusion kept: how close the
            # library comes to the question, not which chunk BM25 happened to favour (one filtered vector query).
            closest = view.chunk_scores(question, [h.paper.paper_id for h in hits], n=1)
            signals.values["dense_top"] = max([*closest.values(), signals.values["dense_top"]])
        if evidence:
            closest_paper = max(evidence, key=lambda e: e.relevance).paper.paper_id
            signals.values["paper_length"] = math.log1p(len(view.chunks_by_paper.get(closest_paper, [])))
            signals.values["dense_by_length"] = signals.values["dense_top"] * signals.values["paper_length"]
        signals.values.update(evidence_containment(question, signals.answer_type, evidence, hits, self.stats()))
        signals.values.update(regime_readings(signals.values))
        if "premise_contradicted" in self.model.features and evidence:  # ~3 pairs, only for a 'why' / 'since'
            signals.values["premise_contradicted"] = premise_contradicted(
                question, [s for e in evidence for s in e.sentences], load_crossencoder().probabilities)
        if asks_for_papers(question):
            abstracts = self.abstracts({h.paper.paper_id for h in hits})
            shown = shown_of(evidence, hits, abstracts)
            signals.values["dense_margin"] = set_margin(question, shown, hits, self.stats(), abstracts)
            if asks_for_several_papers(question):
                # The papers whose abstract holds the question's topic: the answer lists them (rag/answer.py).
                idf = idf_of(content_words(question), self.stats().df, self.stats().chunks)
                signals.extra["papers"] = holding_papers(content_words(question), shown, idf)
        return signals

    def decide(self, question: str, evidence: list[Evidence], hits: list[Hit]) -> Signals:
        signals = self.signals(question, evidence, hits)
        if not evidence:
            signals.outcome, signals.reason = "refused", "nothing was retrieved"
            return signals
        if signals.names_metadata:
            # Its papers are those of the named author or organisation (rag/authors.py).
            signals.p, signals.outcome = 1.0, "answer"
            signals.reason = "the question names an author or organisation of the library"
            return signals
        signals.p = self.model.probability(signals.values)
        signals.outcome = self.model.outcome(signals.p, signals.values)
        signals.reason = explain(signals, self.model)
        return signals


def _given(value: float | None, fitted: float) -> float:
    return fitted if value is None else value


def shown_of(evidence: list[Evidence], hits: list[Hit], abstracts: dict[str, str] | None = None) -> list[Shown]:
    """Each evidence passage with the text of every retrieved chunk of its paper (and its abstract, when given)."""
    retrieved, abstracts = _retrieved(hits), abstracts or {}
    return [Shown(e.paper.paper_id, e.paper.title, tuple(e.sentences), " ".join(retrieved.get(e.paper.paper_id, [])),
                  abstracts.get(e.paper.paper_id)) for e in evidence]


def _retrieved(hits: list[Hit]) -> dict[str, list[str]]:
    """Each paper's retrieved passages, by paper id, in rank order."""
    out: dict[str, list[str]] = {}
    for hit in hits:
        out.setdefault(hit.paper.paper_id, []).append(hit.chunk.passage)
    return out


def evidence_containment(question: str, kind: str, evidence: list[Evidence], hits: list[Hit],
                         stats: LibraryStats) -> dict[str, float]:
    """rag/containment.py's signals for this question's evidence."""
    return containment_of(question, kind, shown_of(evidence, hits), stats.df, stats.chunks)


def containment_of(question: str, kind: str, shown: list[Shown], df: dict[str, int], chunks: int,
                   content: list[str] | None = None) -> dict[str, float]:
    """rag/containment.py's signals as the run time reads them — also what the fit recomputes from saved rows
    (eval/fit_answerability.py `recontain`, which passes the content words it saved)."""
    words = content_words(question) if content is None else content
    return containment_signals(question, words, shown, df, chunks, lambda sentence: holds_answer(kind, sentence, question),
                               focus=focus_words(question), papers=asks_for_papers(question), typed=kind in TYPED)


def set_margin(question: str, shown: list[Shown], hits: list[Hit], stats: LibraryStats,
               abstracts: dict[str, str]) -> float:
    """For a question asking for papers: the top paper's cosine over the best paper that does not hold the topic.

    Several papers on the topic are the answer, not rivals: the margin that says "one clear match" for a
    question about one paper says "one clear set" here. With every retrieved paper on topic, the margin is
    over the last of them."""
    content = content_words(question)
    idf = idf_of(content, stats.df, stats.chunks)
    by_id = {item.paper_id: item for item in shown}
    titles = {hit.paper.paper_id: hit.paper.title for hit in hits}
    candidates = [by_id.get(pid) or Shown(pid, titles[pid], (), " ".join(passages), abstracts.get(pid))
                  for pid, passages in _retrieved(hits).items()]
    holding = holding_papers(content, candidates, idf)
    best: dict[str, float] = {}
    for hit in hits:
        if hit.dense_score is not None:
            best[hit.paper.paper_id] = max(best.get(hit.paper.paper_id, -1.0), hit.dense_score)
    if not best:
        return 0.0
    scores = sorted(best.values(), reverse=True)
    outside = [score for pid, score in best.items() if pid not in holding]
    return scores[0] - (max(outside) if outside else scores[-1])
