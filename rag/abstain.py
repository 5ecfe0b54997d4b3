"""Should the answer abstain? Decided before the LLM is asked, from the evidence and the library.

Three signals, calibrated on eval/datasets/seeds.jsonl (see eval/README.md):
- answerability of the best shown passage (0.5 * cosine + 0.5 * question coverage) is very low;
- the question names something (a capitalised or numbered term: LoRA, WMT14, AlphaFold) that no
  paper in the library mentions;
- many of the question's words appear nowhere in the library and the passages are only moderately close.
A question that names an author or organisation of the library is about its metadata and never abstains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.records import Evidence
from rag.text import word_tokens


@dataclass
class AbstainSettings:
    min_answerability: float = 0.28
    unknown_share: float = 0.25
    unknown_share_answerability: float = 0.45


@dataclass
class Verdict:
    abstain: bool
    reason: str


def unknown_names(question: str, vocabulary: set[str]) -> list[str]:
    """Capitalised or numbered terms after the first word whose words the library never uses."""
    terms = re.findall(r"[\w][\w-]*", question)[1:]
    named = [t for t in terms if any(ch.isupper() or ch.isdigit() for ch in t)]
    return [t for t in named if any(w not in vocabulary for w in word_tokens(t))]


def unknown_share(question: str, vocabulary: set[str]) -> float:
    words = word_tokens(question)
    return sum(w not in vocabulary for w in words) / len(words) if words else 1.0


def decide(question: str, evidence: list[Evidence], vocabulary: set[str], names_known_people: bool,
           settings: AbstainSettings = AbstainSettings()) -> Verdict:
    if not evidence:
        return Verdict(True, "nothing was retrieved")
    if names_known_people:
        return Verdict(False, "the question names an author or organisation of the library")
    best = max(e.relevance for e in evidence)
    unknown = unknown_names(question, vocabulary)
    if unknown:
        return Verdict(True, f"no paper here mentions {', '.join(unknown)}")
    if best < settings.min_answerability:
        return Verdict(True, f"the closest passage is too far from the question ({best:.2f})")
    share = unknown_share(question, vocabulary)
    if share >= settings.unknown_share and best < settings.unknown_share_answerability:
        return Verdict(True, f"{share:.0%} of the question's words appear in no paper here")
    return Verdict(False, f"answerable ({best:.2f})")
