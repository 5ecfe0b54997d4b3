"""A title's text read as words: the one test behind every condition on a title's wording ('titles with memory',
'titles that start with A', "'reinforcement learning' spelled out", "'efficient' in some form").

A title is cut into words at spaces, hyphens, slashes and punctuation, so a hyphenated compound holds each of its
parts ('Multi-Agent' holds 'agent', 'Data-Efficient' holds 'efficient', 'Zero-shot' holds 'zero'). A term is a word or
a phrase of consecutive words, compared case-folded:
- by default a word matches itself and its plural ('LLM' / 'LLMs', 'Model' / 'Models', 'memory' / 'memories') and
  nothing else: 'the word reasoning' does not match 'Reason' or 'Reasoners', 'continual' does not match 'Continuous';
- asked 'in some form' (or 'or its variants', ...), a word matches every word of its family, found by cutting
  derivational endings ('efficient', 'efficiency', 'efficiently'; 'robot', 'robotic', 'robotics'; 'planning', 'plan');
- a phrase is spelled out by construction: 'reinforcement learning' never matches 'RL';
- asked 'in any spelling' (or 'with or without a hyphen'), words are compared with their separators dropped and
  British -ise/-isation read as -ize/-ization: 'fine-tuning', 'finetuning' and 'fine tuning' are one term.
"""

from __future__ import annotations

import functools
import re
from rag import rx
from dataclasses import dataclass
from typing import Literal

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@functools.lru_cache(maxsize=None)
def casefolded_words(text: str) -> tuple[str, ...]:
    """The words of a title, case-folded, compounds split: 'Multi-Agent RL's' -> ('multi', 'agent', "rl's"). Cached
    without a bound: an unquoted term is tried on every title of the catalog, and a bounded cache smaller than the
    catalog missed on every title of such a pass; the distinct titles (and terms) a process sees are few."""
    return tuple(w.casefold().replace("’", "'") for w in _WORD.findall(text))


@functools.lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """One form for a word and its plural: 'llms' -> 'llm', 'memories' -> 'memory', 'networks' -> 'network'. Words
    ending in 'ss', 'us' or 'is' ('process', 'analysis') are left alone."""
    w = word.removesuffix("'s")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and rx.search(r"(?:ss|x|ch|sh)es$", w):
        return w[:-2]
    if len(w) > 2 and w.endswith("s") and not rx.search(r"(?:ss|us|is)$", w):
        return w[:-1]
    return w


# Derivational and inflectional endings, longest first; cut while at least four letters stay ('agent' keeps 'ent').
_ENDINGS = ("abilities", "isations", "izations", "ications", "isation", "ization", "ication", "ability", "ations", "ingly",
            "ation", "ities", "ively", "ences", "ances", "ments", "ables", "ness", "ment", "ence", "ance", "ency", "ancy",
            "able", "ably", "ible", "ical", "ings", "ally",
            "ists", "ity", "ive", "ing", "ics", "ous", "ist", "ers", "ent", "ant", "ies", "ed", "er", "ic", "al", "ly",
            "es", "s", "e", "y")


@functools.lru_cache(maxsize=8192)
def family(word: str) -> str:
    """The stem a word's derived forms share: 'efficiency', 'efficiently', 'efficient' -> 'effici'; 'robotics',
    'robotic' -> 'robot'; 'planning', 'planner', 'plans' -> 'plan'. Approximate by design: it is used only when the
    question asks for a word in any form ('scale', 'scaling', 'scalable' -> 'scal')."""
    w = singular(word)
    for _ in range(3):
        cut = next((w[:-len(e)] for e in _ENDINGS if w.endswith(e) and len(w) - len(e) >= 4), None)
        if cut is None:
            break
        w = cut
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # 'plann' (planning, planner) -> 'plan'
        w = w[:-1]
    if len(w) >= 6 and w.endswith("at"):  # 'imitat' (imitating, imitate) meets 'imit' (imitation)
        w = w[:-2]
    return w


def one_family(terms: list[str]) -> bool:
    """Whether the terms are two forms or more of one word ('diversity', 'diverse'; 'grounded', 'grounding'), not
    only a word and its plural ('memory', 'memories'): said as alternatives, they ask for the word in any form."""
    words = [casefolded_words(t) for t in terms]
    if len(words) < 2 or any(len(w) != 1 for w in words):
        return False
    return len({family(w[0]) for w in words}) == 1 and len({singular(w[0]) for w in words}) > 1


Where = Literal["has", "starts", "ends"]


@dataclass(frozen=True)
class TitleText:
    """Titles holding one of the phrases (each a tuple of words), anywhere or at the start or end of the title."""

    phrases: tuple[tuple[str, ...], ...]
    where: Where = "has"
    forms: bool = False  # any derived form of each word, not only the word and its plural
    joined: bool = False  # any spelling: separators dropped ('fine-tuning' = 'finetuning'), -ise read as -ize
    # a topic's words in their order, one other word allowed between ('continual-learning titles' holds 'Continual
    # Federated Learning'): a topic named before 'titles' is what the title is about, not a quotation of it
    spread: bool = False

    @classmethod
    def of(cls, terms: list[str], where: Where = "has", forms: bool = False, joined: bool = False,
           spread: bool = False) -> "TitleText":
        phrases = tuple(tuple(casefolded_words(t)) for t in terms if casefolded_words(t))
        return cls(phrases, where, forms, joined, spread and any(len(p) > 1 for p in phrases))  # one word: no order

    def __call__(self, title: str) -> bool:
        if self.joined:
            words = _joined_keys(title, self.forms)
            return any(_joined_at(words, wanted, self.where) for wanted in _joined_phrases(self.phrases, self.forms))
        words = _keys(title, self.forms)
        for wanted in _phrase_keys(self.phrases, self.forms):
            n = len(wanted)
            if self.where == "starts":
                # A title's first word as printed, plural-folded only: 'Learning' does not start 'Learned ...'.
                if words[:n] == wanted:
                    return True
            elif self.where == "ends":
                if n and words[-n:] == wanted:
                    return True
            elif any(words[i:i + n] == wanted for i in range(len(words) - n + 1)):
                return True
            elif self.spread and _in_order(words, wanted):
                return True
        return False

    def restates(self, word: str) -> bool:
        """Whether a question word names one of the terms again ('the robotics papers' after 'robot or robotic'; 'the
        fine-tuning papers' after 'fine-tuning / finetuning', a compound said whole or as its parts)."""
        if any(family(word) == family(w) for phrase in self.phrases for w in phrase):
            return True
        said = "".join(family(w) for w in casefolded_words(word))
        return bool(said) and any(said == "".join(family(w) for w in phrase) for phrase in self.phrases)

    def label(self, said: list[str]) -> str:
        how = {"has": "with", "starts": "starting with", "ends": "ending with"}[self.where]
        return f"title: {how} {' or '.join(repr(s) for s in said)}" + (" (any form)" if self.forms else "") + \
            (" (any spelling)" if self.joined else "") + (" (its words in this order)" if self.spread else "")


def _in_order(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """Whether the wanted words are in the title in their order, at most one other word between two of them
    ('Continual Federated Learning', 'World Knowledge Model'; not 'Open-World Agents with ... Language Models')."""
    def from_(i: int, k: int) -> bool:
        return k == len(wanted) or any(j < len(words) and words[j] == wanted[k] and from_(j + 1, k + 1)
                                       for j in (i, i + 1))
    return any(w == wanted[0] and from_(i + 1, 1) for i, w in enumerate(words))


@functools.lru_cache(maxsize=8192)
def _spelled(word: str) -> str:
    """One spelling for British and American forms: 'generalisation' -> 'generalization', 'optimise' -> 'optimize'."""
    return rx.sub(r"(?<=[a-z]{3})is(ation|ations|e|es|ed|er|ers|ing)$", r"iz\1", word)


def _joined_at(words: tuple[str, ...], wanted: str, where: Where) -> bool:
    """Whether consecutive title words, written together, spell `wanted` ('fine', 'tuning' -> 'finetuning'): at the
    start, at the end or anywhere."""
    if not wanted:
        return False
    starts = range(1) if where == "starts" else range(len(words))
    for i in starts:
        text = ""
        for j in range(i, len(words)):
            text += words[j]
            if text == wanted and (where != "ends" or j == len(words) - 1):
                return True
            if len(text) >= len(wanted) or not wanted.startswith(text):
                break
    return False


@functools.lru_cache(maxsize=None)  # one entry per title and reading: see casefolded_words
def _keys(title: str, forms: bool) -> tuple[str, ...]:
    return tuple(family(w) if forms else singular(w) for w in casefolded_words(title))


@functools.lru_cache(maxsize=None)  # one entry per title and reading, as _keys: 'in any spelling' tries every title
def _joined_keys(title: str, forms: bool) -> tuple[str, ...]:
    return tuple(_spelled(w) for w in _keys(title, forms))


@functools.lru_cache(maxsize=1024)  # per set of terms, not per title tried
def _phrase_keys(phrases: tuple[tuple[str, ...], ...], forms: bool) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(family(w) if forms else singular(w) for w in phrase) for phrase in phrases)


@functools.lru_cache(maxsize=1024)
def _joined_phrases(phrases: tuple[tuple[str, ...], ...], forms: bool) -> tuple[str, ...]:
    """Each phrase written together in one spelling ('fine-tuning' -> 'finetuning'), as _joined_at compares it."""
    return tuple("".join(_spelled(w) for w in phrase) for phrase in _phrase_keys(phrases, forms))
