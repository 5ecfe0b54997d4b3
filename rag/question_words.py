"""Words of a question and of a passage, as evidence selection compares them: rough stems, idf weights, and the
shape of a question (does it ask for a quantity? are its "how many" words its topic?)."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache

from rag.text import word_tokens

_ASKS_FOR_NUMBER = re.compile(r"\b(how (many|much|long|large|big|fast|often|high|low)|number of|what (percentage|proportion|"
                              r"fraction|share|size|score|accuracy)|(what|which) year|in what year)\b", re.I)
# "(Gardner et al., 2018)" and "[12]" are citations, not quantities.
_CITATION = re.compile(r"\([^()]*\b(?:19|20)\d\d[a-z]?\)|\[[\d,\s–-]+\]|et al\.,? (?:19|20)\d\d")
NUMBER_BONUS = 0.25  # added to a sentence's word overlap (a share of the question's idf, 0..1)


def asks_for_number(question: str) -> bool:
    return bool(_ASKS_FOR_NUMBER.search(question))


def holds_number(sentence: str) -> bool:
    return any(ch.isdigit() for ch in _CITATION.sub("", sentence))


# The asking words of "How many / how much / how long ...": the form of the question, not its topic ("many papers
# are provided with incomplete metadata" says nothing about how many author nodes there are).
_INTERROGATIVE = re.compile(r"\bhow (many|much|long|often|large|big|far|old|high|low|fast)\b", re.I)


def question_stems(question: str) -> frozenset[str]:
    return stems(_INTERROGATIVE.sub("how", question))


def stem_support(question: str, text: str) -> float:
    """Share of the question's content words that `text` holds, compared as rough stems like the rest of evidence
    selection: "implemented" is answered by "We implement ...", "annotations" by "annotated"."""
    words = question_stems(question)
    return len(words & stems(text)) / len(words) if words else 0.0


def idf_weights(words: frozenset[str], found: list[frozenset[str]]) -> dict[str, float]:
    """Smoothed idf of each question word over texts (`found`: the question words each text holds)."""
    df: dict[str, int] = defaultdict(int)
    for present in found:
        for word in present:
            df[word] += 1
    n = max(len(found), 1)
    return {w: math.log(1 + n / (1 + df[w])) for w in words}


def weighted_overlap(text: str, idf: dict[str, float]) -> float:
    """idf-weighted share of the question's words that `text` contains: rare words (CrowdFlower, 1.4M) count most."""
    total = sum(idf.values())
    return sum(idf[w] for w in stems(text) if w in idf) / total if total else 0.0


_SUFFIX = re.compile(r"(?:ations?|ments?|ings?|ed|es|s)$")


@lru_cache(maxsize=32768)
def stems(text: str) -> frozenset[str]:
    """Content words cut to a rough stem, so 'implemented' meets 'implement' and 'annotations' 'annotated'."""
    out = set()
    for word in word_tokens(text):
        stem = _SUFFIX.sub("", word)
        out.add(stem if len(stem) >= 4 and not word.isdigit() else word)
    return frozenset(out)
