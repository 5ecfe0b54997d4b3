"""How well a claim's words line up with a passage's: alignment beyond exact word overlap.

A paraphrase says what the passage says in other words ("shrinks" for "decreasing", "scaled up" for
"larger"): exact overlap misses it, the sentence cosine blurs it with everything else. Here each
content word of the claim is aligned to its closest word of the span by the embedder (words are
embedded once and cached), which credits a synonym and still leaves a new detail unmatched. A swap
keeps the words and moves the names: what the span names (names, numbers) that the claim does not
is counted too — the other direction of the checker's "names missing".
"""

from __future__ import annotations

import re

import numpy as np

from rag.checking.quantities import _name_in, named_things, quantities
from rag.checking.words import META_WORDS, tokens
from rag.text import word_tokens

ALIGNMENT_FEATURES = ("align_mean", "align_min", "span_names_unmatched", "binding_conflict", "pairs_broken")
_META = {w for w in META_WORDS}
_STOP = {w[:6] for w in META_WORDS} | {"the", "a", "an", "of", "on", "in", "and", "to", "for", "with", "by", "at", "as"}


class WordVectors:
    """Embeddings of single words through the sentence embedder, cached for the process."""

    def __init__(self, embedder):
        self.embedder = embedder
        self._cache: dict[str, np.ndarray] = {}

    def of(self, words: list[str]) -> np.ndarray:
        new = [w for w in dict.fromkeys(words) if w not in self._cache]
        if new:
            for word, vector in zip(new, self.embedder.embed(new)):
                self._cache[word] = vector
        if not words:
            return np.zeros((0, self.embedder.dimensions), np.float32)
        return np.stack([self._cache[w] for w in words])


def _content(text: str, drop: set[str]) -> list[str]:
    return [w for w in dict.fromkeys(word_tokens(text)) if w not in _META and w not in drop and not w.isdigit()]


def word_alignment(claim: str, span: str, vectors: WordVectors, title: str = "") -> tuple[float, float]:
    """(mean, min) over the claim's content words (title words aside) of the cosine to their closest span word.

    An exact word counts 1; a word with no near word in the span (an invented detail) pulls the minimum down."""
    title_words = set(word_tokens(title))
    words = _content(claim, title_words)
    targets = _content(span, set())
    if not words or not targets:
        return (1.0, 1.0) if not words else (0.0, 0.0)
    a, b = vectors.of(words), vectors.of(targets)
    best = (a @ b.T).max(axis=1)
    exact = np.array([w in set(targets) for w in words])
    best = np.where(exact, 1.0, best)
    return float(best.mean()), float(best.min())


def span_names_unmatched(claim: str, span: str, ignore: str = "") -> float:
    """Names and numbers of the span that the claim does not carry (0..2): a swapped-in name leaves the span's
    own one unmatched."""
    claim_words, claim_low = set(tokens(claim)), claim.casefold()
    names = named_things(span) - named_things(ignore)
    count = sum(1 for n in names if not _name_in(n, claim_words, claim_low))
    claim_values = {q.value for q in quantities(claim)}
    count += sum(1 for q in quantities(span) if claim_values and q.value not in claim_values)
    return float(min(count, 2))


_NUMBER = re.compile(r"^\d[\d,.]*%?$")


def _slots(text: str) -> list[str]:
    """The text's tokens with names and numbers marked: what a number or a name sits next to."""
    names = named_things(text)
    return [t for t in tokens(text) if t in names or _NUMBER.match(t) or t[:6] not in _STOP]


def binding_conflict(claim: str, span: str) -> float:
    """Numbers bound to another name in the span than in the claim ("38.8% on REVERIE and 28.4% on R2R" against
    "28.4% on REVERIE and 38.8% on R2R"): for each claim number next to a name (within 3 tokens), the span
    holds both but puts another of the claim's names nearer that number. Counted, at most 2."""
    c, s = _slots(claim), _slots(span)
    names = (named_things(claim) & named_things(span)) - {t for t in c if _NUMBER.match(t)}
    numbers = [t for t in c if _NUMBER.match(t) and t in s]

    def nearest(seq: list[str], number: str) -> str | None:
        i = seq.index(number)
        near = sorted((abs(j - i), t) for j, t in enumerate(seq) if t in names and abs(j - i) <= 3)
        return near[0][1] if near else None

    conflicts = 0
    for number in numbers:
        mine, theirs = nearest(c, number), nearest(s, number)
        conflicts += bool(mine and theirs and mine != theirs)
    return float(min(conflicts, 2))


def pairs_broken(claim: str, span: str, width: int = 3) -> float:
    """Share of the claim's close word pairs (within `width` content words) that the span also holds but far
    apart: swapped roles ("online data for X, offline data for Y") keep the words and break the pairs."""
    def positions(text: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for i, word in enumerate(w[:6] for w in word_tokens(text) if w[:6] not in _STOP):
            out.setdefault(word, i)
        return out

    a, b = positions(claim), positions(span)
    shared = sorted((i, w) for w, i in a.items() if w in b)
    pairs = [(x, y) for k, (i, x) in enumerate(shared) for j, y in shared[k + 1:] if j - i <= width]
    if len(pairs) < 2:
        return 0.0
    return sum(abs(b[x] - b[y]) > width + 2 for x, y in pairs) / len(pairs)


def alignment_features(claim: str, span: str, vectors: WordVectors | None, title: str = "") -> dict[str, float]:
    mean, low = word_alignment(claim, span, vectors, title) if vectors is not None else (0.0, 0.0)
    return {"align_mean": mean, "align_min": low, "span_names_unmatched": span_names_unmatched(claim, span, title),
            "binding_conflict": binding_conflict(claim, span), "pairs_broken": pairs_broken(claim, span)}
