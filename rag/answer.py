"""Ask a question: retrieve, select evidence, generate, check every citation, or abstain.

Sentences reach the caller only after they are checked, so what streams is what holds.
Before the model is asked, rag/abstain.py decides one of three outcomes: answer (ask the model);
closest (quote the closest passages, marked as not a direct answer); refused (the refusal phrase
and the closest papers). Only the first calls the model, so nothing comes from its own knowledge.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rag import prompts
from rag.citations import SupportScorer, answer_sentences, check_text_sentence, parse_markers
from rag.catalog_query import answer_directly
from rag.config import AnswerSettings, Settings
from rag.conversation import Turn, standalone
from rag.abstain import Assessor
from rag.answerability import Signals
from rag.complement import complement
from rag.catalog import Catalog
from rag.evidence import select_evidence
from rag.evidence_pinned import pin, shown_not_refused
from rag.extractive import extractive_answer
from rag.filters import Filters
from rag.library import Library, LibraryView
from rag.llm import GenerationStalled, LLM
from rag.premise import premise_sentence, premises_for, without_premise_passage
from rag.records import Answer, AnswerSentence, Citation, Evidence, Hit
from rag.retrieve import check_query

OnSentence = Callable[[AnswerSentence], None]
CLOSEST_NOTE = prompts.CLOSEST_NOTE


class Answerer:
    def __init__(self, library: Library, llm: LLM, settings: Settings | None = None,
                 assessor: Assessor | None = None):
        self.library = library
        self.llm = llm
        self.settings = settings or library.settings  # the tree passed down from the CLI or UI
        self.assessor = assessor or Assessor(library, settings=self.settings.answerability)
        self.premises = premises_for(library)  # one per library: its checker outlives this Answerer

    def assess(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
               view: LibraryView | None = None) -> tuple[str, list[Hit], list[Evidence], Signals, dict[str, float]]:
        """Retrieve, select evidence and decide answerability: everything before the LLM (the fit uses it too)."""
        started = time.perf_counter()
        query = standalone(question, history or [])
        view = view if view is not None else self.library.view()  # one snapshot for the whole question
        hits = view.search(query, k=self.settings.retrieval.k, filters=filters)
        retrieved = time.perf_counter()
        evidence = select_evidence(query, hits, view.embedder, self.settings.evidence,
                                   view.chunks_by_paper, focus=question, chunk_scores=view.chunk_scores)
        evidence = pin(query, evidence, Catalog.of(view.papers))  # 'footnote 3 of DPR: …?': that footnote first
        selected = time.perf_counter()
        signals = shown_not_refused(self.assessor.decide(query, evidence, hits), evidence)  # (rag/evidence_pinned.py)
        timings = {"retrieve_ms": _ms(started, retrieved), "evidence_ms": _ms(retrieved, selected),
                   "assess_ms": _ms(selected, time.perf_counter())}
        return query, hits, evidence, signals, timings

    def ask(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
            on_sentence: OnSentence | None = None) -> Answer:
        started = time.perf_counter()
        question = check_query(question)
        # Questions about the papers' metadata (and pronouns with no paper to point to) need no retrieval.
        direct = answer_directly(question, history or [], filters, self.library.snapshot.papers, on_sentence,
                                 self.library.embedder)
        if direct is not None:
            return direct
        # The premise check reads the snapshot the evidence came from (taken here only when the check is on).
        view = self.library.view() if self.settings.answer.check_premise else None
        query, hits, evidence, signals, timings = self.assess(question, history, filters, view)
        answer = Answer(question=question, standalone_question=query, answer="", backend=self.llm.backend,
                        model=self.llm.model, evidence=evidence, timings=timings, outcome=signals.outcome,
                        abstain_reason=signals.reason, answerability=round(signals.p, 4))
        contradicted = (self.premises.contradicted(query, evidence, view)
                        if self.settings.answer.check_premise and not signals.extra.get("papers") else None)
        if contradicted is not None:
            # The paper says otherwise than the question takes as given ("Why does X need labels?" of a label-free
            # X): that first, cited, then the closest passages, never an answer as if the premise held.
            # A contradicting sentence already shown is cited by its number and not quoted again among the closest.
            answer.premise, passage = contradicted
            answer.evidence = [*evidence, passage] if passage else evidence
            answer.abstain_reason += "; the paper contradicts what the question takes as given"
            answer = _closest(answer, evidence, self.settings.answer)
            answer.sentences = [premise_sentence(answer.premise), *without_premise_passage(answer.sentences,
                                                                                          answer.premise)]
            answer = self._finish(answer, started, on_sentence)
            # Its citation highlights that sentence, not the shown passage's sentence nearest the question.
            answer.citations = [c.model_copy(update={"span": answer.premise.passage}) if c.n == answer.premise.n
                                else c for c in answer.citations]
            return answer
        if signals.outcome == "refused":
            return self._finish(_refuse(answer, hits_titles(evidence)), started, on_sentence)
        if signals.outcome == "closest":
            return self._finish(_closest(answer, evidence, self.settings.answer), started, on_sentence)
        if signals.extra.get("papers"):
            # A question for papers ("Which papers ...", "Is there work on ...") is answered by the papers that hold
            # its topic (rag/abstain.py): each named by its title with a quoted, cited sentence, not by a summary.
            listed = [e for e in evidence if e.paper.paper_id in signals.extra["papers"]]
            answer.sentences = extractive_answer(listed, query, self.settings.answer)
            for sentence in answer.sentences if on_sentence else []:
                on_sentence(sentence)
            return self._finish(answer, started, None)

        scorer = SupportScorer(self.library.embedder, evidence)
        stream = _SentenceStream(lambda text: self._check(text, scorer, answer, on_sentence),
                                 limit=self.settings.answer.max_sentences)
        messages = self.messages(query, evidence)
        generating = time.perf_counter()
        try:
            generation = self.llm.generate(messages, on_token=stream.feed, max_tokens=self.settings.answer.max_tokens)
            stream.close()
            answer.prompt_tokens, answer.completion_tokens = generation.prompt_tokens, generation.completion_tokens
            answer.timings["first_token_ms"] = round(generation.first_token_ms or 0.0, 1)
            raw = generation.text
        except _Enough:
            # The model wrote as many sentences as an answer may have: stop paying for more.
            answer.prompt_tokens = self.llm.prompt_tokens(messages)
            answer.completion_tokens = self.llm.count_tokens(stream.text)
            answer.timings["first_token_ms"] = stream.first_token_ms(generating)
            raw = stream.text
        except GenerationStalled as stalled:
            stream.close()
            answer.cut_off = True
            raw = stalled.partial
        answer.timings["generate_ms"] = _ms(generating, time.perf_counter())
        answer.raw_text = raw

        if prompts.is_refusal(raw) and not answer.sentences:
            # The model found no answer where the signals expected one: show the passages, say it is not an answer.
            answer.abstain_reason += "; the model declined"
            return self._finish(_closest(answer, evidence, self.settings.answer), started, on_sentence)
        if not any(s.supported for s in answer.sentences):
            answer.fallback = True
            added = extractive_answer(evidence, query, self.settings.answer)
        else:
            # The model's kept sentences may skip what was asked (no number for "how many", none of the question's own
            # words): quote the shown line that says it.
            added = [s for s in [complement(answer, query, self.settings.answer)] if s is not None]
        for sentence in added:
            answer.sentences.append(sentence)
            if on_sentence:
                on_sentence(sentence)
        return self._finish(answer, started, None, scorer)

    def messages(self, question: str, evidence: list[Evidence]) -> list[dict]:
        system = prompts.load("answer_system").render(max_sentences=self.settings.answer.max_sentences,
                                                      refusal=prompts.REFUSAL)
        item = prompts.load("evidence_item")
        # The model reads the passages close to the best one; those evidence adds beyond that gap (the first paper's
        # further passages, by their best line) are for the sources and for quotes: every prompt token delays the
        # first word (~200 tokens/s of prefill on 2 cores). For the same reason a paper's full title is given once,
        # its further passages name it short ("SPECTER").
        top = max((e.relevance for e in evidence), default=0.0)
        gap = self.settings.evidence.max_gap_to_best + 1e-4  # relevance is rounded to 4 places
        named: set[str] = set()
        lines = []
        for e in [e for e in evidence if e.relevance >= top - gap]:
            lines.append(item.render(n=e.n, title=_short_title(e.paper.title) if e.paper.paper_id in named
                                     else e.paper.title, text=e.text))
            named.add(e.paper.paper_id)
        passages = "\n".join(lines)
        user = prompts.load("answer_user").render(evidence=passages, question=question)
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def _check(self, text: str, scorer: SupportScorer, answer: Answer, on_sentence: OnSentence | None) -> None:
        claim = parse_markers(text)[0]
        if prompts.is_refusal(claim):
            return
        if claim and ("<<" in text or ">>" in text or any(parse_markers(s.text)[0] == claim
                                                          for s in answer.sentences)):
            # The prompt's passage frame copied ('The passage is: From "Title": <<...'), or a sentence said again: the
            # small model repeating its input, no answer; the checker would pass it for the passage words it copies.
            answer.sentences.append(AnswerSentence(text=claim, supported=False, origin="model"))
            return
        sentence, invented = check_text_sentence(text, scorer, self.settings.answer.support_threshold,
                                                 answer.standalone_question)
        answer.removed_citations.extend(n for n in invented if n not in answer.removed_citations)
        if sentence is None:
            return
        answer.sentences.append(sentence)
        if sentence.supported and on_sentence:
            on_sentence(sentence)

    def _finish(self, answer: Answer, started: float, on_sentence: OnSentence | None,
                scorer: SupportScorer | None = None) -> Answer:
        if answer.outcome == "refused" and on_sentence:
            on_sentence(AnswerSentence(text=answer.answer, supported=True, origin="extractive"))
        lead = answer.premise_lead  # the premise note goes before everything
        # Under a premise note, the closest-passages heading only above passages: the note may have quoted the only one.
        heading = CLOSEST_NOTE if answer.sentences[len(lead):] or not lead else ""
        if answer.outcome == "closest" and on_sentence:
            for sentence in lead:
                on_sentence(sentence)
            if heading:
                on_sentence(AnswerSentence(text=heading, supported=True, origin="extractive"))
            for sentence in answer.sentences[len(lead):]:
                on_sentence(sentence)
        if answer.outcome != "refused":
            kept = [s for s in answer.sentences if s.supported]
            answer.unsupported_sentences = [s.text for s in answer.sentences if not s.supported]
            answer.answer = " ".join(s.text for s in kept)
            if answer.outcome == "closest":
                rest = " ".join(s.text for s in kept[len(lead):])
                answer.answer = " ".join(x for x in [*(s.text for s in lead), heading, rest] if x)
            if answer.cut_off:
                answer.answer += " [answer cut off: the model stopped responding]"
            answer.citations = _citations(kept, answer.evidence, scorer, answer.standalone_question)
        answer.timings["total_ms"] = _ms(started, time.perf_counter())
        return answer


class _Enough(Exception):
    """Raised from the token callback once the answer has all its sentences; ends generation early."""


class _SentenceStream:
    """Collects streamed tokens and hands on each sentence once the next one has begun."""

    def __init__(self, on_sentence: Callable[[str], None], limit: int):
        self.buffer = ""
        self.text = ""
        self.sentences = 0
        self.limit = limit
        self.on_sentence = on_sentence
        self._first_token_at: float | None = None

    def first_token_ms(self, since: float) -> float:
        return _ms(since, self._first_token_at) if self._first_token_at else 0.0

    def feed(self, piece: str) -> None:
        if self._first_token_at is None:
            self._first_token_at = time.perf_counter()
        self.buffer += piece
        self.text += piece
        sentences = answer_sentences(self.buffer)
        if len(sentences) > 1:
            for sentence in sentences[:-1]:
                self.on_sentence(sentence)
                self.sentences += 1
            self.buffer = sentences[-1]
            if self.sentences >= self.limit:
                self.buffer = ""
                raise _Enough

    def close(self) -> None:
        if self.buffer.strip():
            self.on_sentence(self.buffer)
        self.buffer = ""


def _short_title(title: str) -> str:
    """'SPECTER: Document-level Representation ...' -> 'SPECTER'; a title without a colon, its first five words."""
    head = title.split(":", 1)[0].strip()
    return head if head != title.strip() and head else " ".join(title.split()[:5])


def hits_titles(evidence: list[Evidence]) -> list[str]:
    return [e.paper.title for e in evidence]


def _refuse(answer: Answer, closest: list[str]) -> Answer:
    answer.outcome = "refused"
    answer.abstained = True
    answer.answer = prompts.REFUSAL
    answer.sentences = []
    answer.closest_papers = closest
    return answer


def _closest(answer: Answer, evidence: list[Evidence], settings: AnswerSettings) -> Answer:
    """Not a direct answer: the closest passages quoted and cited, marked as such; no model is asked."""
    answer.outcome = "closest"
    answer.abstained = True
    answer.sentences = extractive_answer(evidence, answer.standalone_question, settings)
    answer.closest_papers = hits_titles(evidence)
    return answer


def _citations(sentences: list[AnswerSentence], evidence: list[Evidence], scorer: SupportScorer | None,
               question: str) -> list[Citation]:
    """One citation per cited passage, highlighting the sentence the checker found supporting the first
    sentence that cites it; a quoted sentence (extractive) is its own span."""
    by_n = {e.n: e for e in evidence}
    spans: dict[int, str] = {}
    for sentence in sentences:
        claim, _ = parse_markers(sentence.text)
        for n in sentence.citations:
            if n in spans:
                continue
            shown = by_n[n].sentences
            if claim in shown:
                spans[n] = claim
            elif scorer is not None:
                spans[n] = scorer.span(claim, n, question)
            else:  # no checker ran (closest passages): the passage's sentence nearest the question
                spans[n] = shown[by_n[n].best] if shown else ""
    return [Citation.from_evidence(by_n[n], span) for n, span in spans.items()]


def _ms(start: float, end: float) -> float:
    return round((end - start) * 1000, 1)
