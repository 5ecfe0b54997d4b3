"""Planning by analogy: a question no reader takes, read as a solved question of the same shape.

Every round of new phrasings asks kinds of questions the planner already answers ('where does X sit in the author
order of Y' when 'what position does X hold in the author list of Y' plans). So the values the catalog knows are
masked out of the question (authors, titles and short names, pages and owners, categories, venues, years, months,
ordinals, numbers, quoted terms) and what is left — its skeleton — is compared with the skeletons of solved
questions (a Bank). When one is close enough, holds the same kinds of values and asks the same of its rows
(same_ask), the question's values are put in the solved question's places and the rewritten question is planned
by the ordinary planner; the plan is kept only if it plans, and the caller says what was read.

Measured, not adopted (eval/analogy_cv.py, leave-one-round-out over the 12 development metadata rounds): no
threshold takes metadata questions without also planning content questions of the answerability and full-text sets,
so rag/planner.py does not call this, and it lives here beside its measurement, not in the
shipped package. The embedder (the library's MiniLM) would be asked only when no reader took
the question and it names a catalog value.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import numpy as np

if TYPE_CHECKING:
    from rag.catalog import Catalog
    from rag.embedding import Embedder

NEAREST = 8  # solved questions tried, closest first, until one rewrites into a question that plans

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_ORDINALS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th)")
_NUMBERS = "one|two|three|four|five|six|seven|eight|nine|ten|twelve|\\d+"
_PATTERNS = [
    ("QUOTE", re.compile(r"'[^']{2,80}'(?!\w)|\"[^\"]{2,80}\"|‘[^’]{2,80}’|“[^”]{2,80}”")),
    ("DATE", re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\s+(?:19|20)\d\d\b|\b(?:{_MONTHS})\s+\d{{1,2}},?\s+(?:19|20)\d\d\b|"
                        r"\b(?:19|20)\d\d-\d\d-\d\d\b")),
    ("YEAR", re.compile(r"\b(?:19|20)\d\d\b")),
    ("MONTH", re.compile(rf"\b(?:{_MONTHS})\b")),
    ("ORDINAL", re.compile(rf"(?<![\w-])(?:{_ORDINALS})(?![\w-])")),
    ("NUMBER", re.compile(rf"(?<![\w-])(?:{_NUMBERS})(?![\w-])")),
]


@dataclass(frozen=True)
class Slot:
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Masked:
    question: str
    skeleton: str
    slots: tuple[Slot, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted(s.kind for s in self.slots))


def fold(text: str) -> str:
    """Lower case, accents off, one character for one: spans found in the folded text are spans of the question."""
    return "".join((unicodedata.normalize("NFKD", c)[:1] or c).lower() if len(c.lower()) == 1 else c for c in text)


def _values(catalog: Catalog) -> list[tuple[str, str]]:
    """(kind, folded value) for every value the catalog knows, longest first: built once per catalog."""
    held = getattr(catalog, "_analogy_values", None)
    if held is not None:
        return held
    found: dict[str, str] = {}
    for title in catalog.printed_titles:
        if len(title.split()) >= 2:
            found[fold(title)] = "PAPER"
    for name, _ in catalog.folded_short_names:
        found.setdefault(fold(name), "PAPER")
    for page in catalog.pages:
        found.setdefault(fold(page), "PAGE")
    for owner in catalog.owners:
        found.setdefault(fold(owner), "AUTHOR")
    for name in catalog.authors.values():
        found.setdefault(fold(name), "AUTHOR")
    for surname in catalog.unique_surnames:
        if len(surname) >= 4:
            found.setdefault(fold(surname), "AUTHOR")
    for venue in catalog.venues:
        if len(venue) >= 3:
            found.setdefault(fold(venue), "VENUE")
    for name in catalog.organisations:  # a listing's tag ('mila') and a PDF's affiliations
        if len(name) >= 3:
            found.setdefault(fold(name), "ORG")
    for name, code in catalog.categories.items():
        if len(name) >= 4 or "." in name:
            found.setdefault(fold(name), "CATEGORY")
    values = sorted(((kind, value) for value, kind in found.items() if len(value) >= 2), key=lambda v: -len(v[1]))
    setattr(catalog, "_analogy_values", values)  # the catalog is built once per snapshot and kept
    return values


def mask(question: str, catalog: Catalog) -> Masked:
    """The question with every catalog value replaced by its kind, and the values taken (in order)."""
    low = fold(question)
    taken = [False] * len(low)
    slots: list[Slot] = []

    def claim(kind: str, start: int, end: int) -> None:
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            slots.append(Slot(kind, start, end, question[start:end]))

    for kind, pattern in _PATTERNS[:1]:
        for m in pattern.finditer(question):
            claim(kind, m.start(), m.end())
    words = set(re.findall(r"[^\W_]+", low))
    for kind, value in _values(catalog):
        if value.split()[0].strip("'\"-.,:()") not in low:
            continue
        first = re.findall(r"[^\W_]+", value)
        if not first or first[0] not in words:
            continue
        for m in re.finditer(r"(?<![\w-])" + re.escape(value) + r"(?![\w-])", low):
            claim(kind, m.start(), m.end())
    # A paper named by what it is about, before numbers: 'the one-token memory paper'.
    if not any(s.kind == "PAPER" for s in slots) and "+" not in question:
        described = _described(question, catalog)
        if described is not None:
            start, end, title = described  # values inside the description are its words ('the AI agents paper')
            slots[:] = [s for s in slots if s.end <= start or s.start >= end]
            taken[start:end] = [True] * (end - start)
            slots.append(Slot("PAPER", start, end, title))
    for kind, pattern in _PATTERNS[1:]:
        for m in pattern.finditer(low):
            claim(kind, m.start(), m.end())
    # A category code in capitals ('LG', 'cs.CL'): too short to match in lower case without catching words.
    for m in re.finditer(r"\b(?:cs\.)?[A-Z]{2}\b", question):
        if m.group().casefold() in catalog.categories:
            claim("CATEGORY", m.start(), m.end())
    slots.sort(key=lambda s: s.start)
    parts, at = [], 0
    for slot in slots:
        parts += [question[at:slot.start], slot.kind]
        at = slot.end
    skeleton = re.sub(r"\s+", " ", "".join(parts + [question[at:]])).strip()
    return Masked(question, skeleton, tuple(slots))


def _described(question: str, catalog: Catalog) -> tuple[int, int, str] | None:
    """(start, end, exact title) of a paper named by what it is about ('the world-model offline-data paper'), by the
    planner's own description reader (rag/plan_describe.py), when it is sure of one paper."""
    from rag.plan_describe import description, which
    from rag.plan_terms import Question

    q = Question(question)
    before = q.text
    words = description(q)
    if not words:
        return None
    paper, _ = which(words, catalog.papers)
    blanked = [i for i, (a, b) in enumerate(zip(before, q.text)) if a != b]
    if paper is None or not blanked:
        return None
    return max(blanked[0] - 1, 0), min(blanked[-1], len(question)), paper.title  # q.text opens with one space


# Words that decide what is asked of the rows (a count, an average, a sort, a negation, both sides):
# a rewrite must say the same ones, or it answers another question ('on average how many authors' is not 'how many
# papers'). The planner's own operators, not any dev question's wording.
_ASKS = re.compile(r"\b(?:how\s+many|number\s+of|count|average|mean|median|fraction|percent(?:age)?|ratio|"
                   r"most|fewest|least|first|last|earliest|latest|oldest|newest|both|not|no|without|non|only|"
                   r"every|all)\b")


def asks(question: str) -> frozenset[str]:
    """The operator words of a question (see _ASKS), 'how many' said one way."""
    return frozenset(re.sub(r"\s+", " ", m.group()).replace("number of", "how many")
                     for m in _ASKS.finditer(fold(question)))


def same_ask(asked: str, rewritten: str) -> bool:
    """Does the rewrite keep what the question asks of its rows (a count stays a count, 'which' stays 'which')?"""
    return asks(asked) == asks(rewritten)


def fill(solved: Masked, asked: Masked) -> str | None:
    """The solved question with the asked question's values in its places (kind by kind, in order), or None when
    the two do not hold the same kinds of values."""
    if solved.kinds != asked.kinds:
        return None
    queues: dict[str, list[Slot]] = {}
    for slot in asked.slots:
        queues.setdefault(slot.kind, []).append(slot)
    text, at, parts = solved.question, 0, []
    for slot in solved.slots:
        parts += [text[at:slot.start], queues[slot.kind].pop(0).text]
        at = slot.end
    return "".join(parts + [text[at:]])


@dataclass(frozen=True)
class Bank:
    entries: tuple[Masked, ...]
    vectors: np.ndarray  # one normalised vector per entry's skeleton


def bank_of(questions: list[str], catalog: Catalog, embedder: Embedder) -> Bank:
    entries = tuple(m for m in (mask(q, catalog) for q in questions) if m.slots)
    vectors = unit_vectors(embedder, [m.skeleton for m in entries])
    return Bank(entries, vectors)


def unit_vectors(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """The texts' embeddings scaled to length 1 (dot products are cosines)."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = np.asarray(embedder.embed_cached(texts), dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def candidates(question: str, catalog: Catalog, embedder: Embedder, bank: Bank) -> list[tuple[float, str]]:
    """(similarity, rewritten question) for the closest solved questions holding the same kinds of values, closest
    first; [] when the question names no catalog value."""
    asked = mask(question, catalog)
    if not asked.slots or not len(bank.entries):
        return []
    vector = unit_vectors(embedder, [asked.skeleton])[0]
    scores = bank.vectors @ vector
    found = []
    for at in np.argsort(-scores):
        if (rewritten := fill(bank.entries[at], asked)) is not None and same_ask(question, rewritten):
            found.append((float(scores[at]), rewritten))
            if len(found) >= NEAREST:
                break
    return found


def by_analogy(question: str, catalog: Catalog, embedder: Embedder, bank: Bank, planner: Callable, threshold: float,
               judge=None) -> tuple[object, str] | None:
    """(the plan of the closest solved question rewritten with this question's values, the rewritten question), or
    None. `planner` is the regex planner (rag.planner.plan); a rewrite that does not plan is passed over."""
    for score, rewritten in candidates(question, catalog, embedder, bank):
        if score < threshold:
            break
        if (found := planner(rewritten, catalog, judge)) is not None:
            return found, rewritten
    return None
