"""Checking citations: every answer sentence is checked against the passages before it is shown.

The checker (rag/checking) reads each sentence against each shown passage — negation, numbers and
units, named things, direction words, quantifiers, and whether the sentence says anything beyond the
paper's title and the question — and a calibrated model turns those signals and the embedder's
cosine into supported / contradicted / unsupported. A cited number that was never shown is removed;
a supported sentence without a citation gets its best passage; a contradicted or unsupported
sentence is taken out of the answer and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from rag.checking import Checker, ClaimCheck, Passages
from rag.config import SUPPORT_THRESHOLD  # the checker's calibrated operating point
from rag.embedding import Embedder
from rag.records import AnswerSentence, Evidence
from rag.text import place_markers, split_sentences, word_tokens

_MARKER = re.compile(r"\s*\[(\d+(?:\s*(?:,|;|-|–)\s*\d+)*)\]")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*%?")


def parse_markers(sentence: str) -> tuple[str, list[int]]:
    """Strip [n], [n, m], [n-m] markers; return the bare claim and the cited numbers in order."""
    numbers: list[int] = []
    for match in _MARKER.finditer(sentence):
        for part in re.split(r"\s*[,;]\s*", match.group(1)):
            bounds = re.split(r"\s*[-–]\s*", part)
            if len(bounds) == 2 and int(bounds[1]) - int(bounds[0]) in range(0, 20):
                numbers.extend(range(int(bounds[0]), int(bounds[1]) + 1))
            else:
                numbers.extend(int(b) for b in bounds)
    claim = " ".join(_MARKER.sub("", sentence).split())
    return claim, list(dict.fromkeys(numbers))


def answer_sentences(text: str) -> list[str]:
    """Sentences of an answer, with a marker that drifted past the full stop ("... results. [2]") put back."""
    merged: list[str] = []
    for sentence in split_sentences(text):
        leading = re.match(r"(?:\s*\[[\d,;\s\-–]+\])+", sentence)
        if merged and leading:
            merged[-1] = f"{merged[-1]} {leading.group(0).strip()}"
            sentence = sentence[leading.end():].strip()
        if sentence:
            merged.append(sentence)
    return merged


@dataclass
class Support:
    score: float
    span: str
    verdict: str = "supported"
    reason: str = ""


class SupportScorer:
    """The shown passages, embedded once, and the checker that reads each answer sentence against them."""

    def __init__(self, embedder: Embedder, evidence: list[Evidence], checker: Checker | None = None):
        self.embedder = embedder
        self.checker = checker or Checker(embedder)
        self.evidence = {e.n: e for e in evidence}
        self._checks: dict[tuple, ClaimCheck] = {}  # the answer's citation spans re-read the checks made
        flat = [s for e in evidence for s in e.sentences]
        vectors = embedder.embed(flat) if flat else np.zeros((0, embedder.dimensions), np.float32)
        self.passages: dict[int, Passages] = {}
        offset = 0
        for e in evidence:
            self.passages[e.n] = Passages(key=e.n, title=e.paper.title, sentences=e.sentences,
                                          vectors=vectors[offset : offset + len(e.sentences)])
            offset += len(e.sentences)

    def check(self, claim: str, n: int, claim_vector: np.ndarray | None = None, question: str = "",
              threshold: float = SUPPORT_THRESHOLD) -> ClaimCheck:
        key = (claim, n, question, threshold)
        if key not in self._checks:
            self._checks[key] = self.checker.check(claim, [self.passages[n]], question=question,
                                                   claim_vector=claim_vector, threshold=threshold)
        return self._checks[key]

    def span(self, claim: str, n: int, question: str = "") -> str:
        """The sentence of passage n that best supports the claim, as the checker found it (the one span
        finder: the answer highlights this sentence in its citation)."""
        return self.check(claim, n, question=question).span

    def support(self, claim: str, n: int, claim_vector: np.ndarray | None = None, question: str = "") -> Support:
        result = self.check(claim, n, claim_vector, question)
        return Support(score=result.score, span=result.span, verdict=result.verdict, reason=result.reason)


def lexical_support(claim: str, passage: str, ignore: str = "") -> float:
    """Share of the claim's content words that the passage contains.

    Words of `ignore` (the paper's title) do not count either way: restating a title is no evidence
    that the paper says what the claim says about it.
    """
    words = set(word_tokens(claim)) - set(word_tokens(ignore))
    if not words:
        return 0.0
    return len(words & set(word_tokens(passage))) / len(words)


def named_evidence(claim: str, evidence: list[Evidence]) -> set[int]:
    """Numbers of the shown papers whose title the claim spells out (nearly all of its words, in any order)."""
    words = set(word_tokens(claim))
    named = set()
    for item in evidence:
        title = set(word_tokens(item.paper.title))
        if len(title) >= 2 and len(title & words) >= 0.8 * len(title):
            named.add(item.n)
    return named


def claim_in_context(claim: str, question: str, title: str) -> str:
    """Kept for older callers only: the checker no longer uses it, because prefixing the question made a
    sentence that restates the question pass. The question is now a vacuity signal instead."""
    own = set(word_tokens(claim)) - set(word_tokens(title))
    return claim if len(own) >= 2 else f"{question} {claim}"


def numbers_agree(claim: str, passage: str) -> bool:
    return set(_NUMBER.findall(claim)) <= set(_NUMBER.findall(passage))


def check_answer(text: str, evidence: list[Evidence], scorer: SupportScorer, question: str = "",
                 threshold: float = SUPPORT_THRESHOLD) -> tuple[list[AnswerSentence], list[int]]:
    """Check each sentence; returns the sentences (supported or not) and the invented citation numbers removed."""
    checked: list[AnswerSentence] = []
    removed: list[int] = []
    for sentence in answer_sentences(text):
        result, invented = check_text_sentence(sentence, scorer, threshold, question)
        removed.extend(invented)
        if result is not None:
            checked.append(result)
    return checked, list(dict.fromkeys(removed))


def check_text_sentence(sentence: str, scorer: SupportScorer, threshold: float = SUPPORT_THRESHOLD,
                        question: str = "") -> tuple[AnswerSentence | None, list[int]]:
    """One sentence as the model wrote it: (the checked sentence, or None when it has no claim; invented [n])."""
    claim, cited = parse_markers(sentence)
    invented = [n for n in cited if n not in scorer.evidence]
    if not claim:
        return None, invented
    return check_sentence(claim, [n for n in cited if n in scorer.evidence], scorer, threshold, question), invented


def is_degenerate(claim: str, max_words: int = 60) -> bool:
    """Run-on or looping text (small models repeat themselves): never shown as an answer sentence."""
    words = claim.casefold().split()
    if len(words) > max_words:
        return True
    grams = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]
    return any(grams.count(g) >= 3 for g in set(grams))


def check_sentence(claim: str, cited: list[int], scorer: SupportScorer, threshold: float,
                   question: str = "") -> AnswerSentence:
    if is_degenerate(claim):
        return AnswerSentence(text=claim, citations=[], supported=False, support=0.0)
    named = named_evidence(claim, list(scorer.evidence.values()))
    # A sentence that names a shown paper makes its claim about that paper: only its passage can support it.
    candidates = [n for n in scorer.evidence if n in named] if named else list(scorer.evidence)
    cited = [n for n in cited if n in candidates]
    vector = scorer.embedder.embed_query(claim) if candidates else None
    checks = {n: scorer.check(claim, n, vector, question, threshold) for n in candidates}
    passing = {n for n, c in checks.items() if c.verdict == "supported"}
    keep = [n for n in cited if n in passing]
    if not keep and passing:
        keep = [max(passing, key=lambda n: checks[n].score)]
    support = max((checks[n].score for n in keep), default=max((c.score for c in checks.values()), default=0.0))
    return AnswerSentence(text=with_markers(claim, keep), citations=keep, supported=bool(keep),
                          support=round(support, 3))


def with_markers(claim: str, numbers: list[int]) -> str:
    """'X is Y.' + [1, 2] -> 'X is Y [1][2].'"""
    return place_markers(claim, "".join(f"[{n}]" for n in numbers)) if numbers else claim
