"""The forms of a title term the question spells out around it: 'robots (robot / robotic)', 'benchmark (or
benchmarking)', 'generalization - the noun, either spelling (generalization/generalisation)? not generalized or
generalist'.

A word a title is asked to hold matches itself and its plural (rag/plan_title_text.py). The forms listed beside it in
a parenthesis are the forms the reader accepts: each of them is one more alternative, printed as listed, so 'robots
(robot / robotic)' holds 'Robotic' and 'benchmark (or benchmarking)' holds 'Benchmarking', with no wider family
('robotics', 'benchmarked') let in. Forms said not to count ('not generalized or generalist') and the word's part of
speech ('the noun') narrow nothing more when the term already excludes them: they are taken as said, so they do not
block the reading; a form said not to count that the term would match is left, and the question stays unread.
"""

from __future__ import annotations

import functools
import re

from rag import rx
from rag.plan_terms import FRAME
from rag.plan_title_text import TitleText, casefolded_words, singular

# 'the noun', 'as a noun', 'the adjective form': which word class the term is meant in, said after it
PART_OF_SPEECH = r"\s*(?:[-—–:,;]\s*)?(?:(?:as\s+)?(?:the|a|an)\s+)?(?:noun|verb|adjective|adverb)(?:\s+form)?\b\s*,?"
_EXCLUDED = r"(?:'[^']{2,40}'|\"[^\"]{2,40}\"|[^\W\d_][\w-]*)"
# 'not generalized or generalist', "but not 'robotics'", '- not the word generalized': forms that must not count
_NOT_FORMS = rf"\s*[?.,;:—–-]*\s*(?:but\s+)?(?:not|excluding|except)\s+(?:the\s+words?\s+|words?\s+like\s+)?" \
             rf"(?P<first>{_EXCLUDED})(?P<rest>(?:\s*(?:,|/|\bor\b|\bnor\b)\s*{_EXCLUDED})*)"


def listed_forms(aside: str, terms: list[str]) -> list[str]:
    """The other forms of the terms an aside lists ('robot / robotic' beside 'robots'): words of one family with a
    term (TitleText.restates), not only its plural, each one more alternative."""
    if rx.search(r"\b(?:not|no|nor|never|except|excluding|without|rather|instead)\b|n't\b", aside, re.I):
        return []  # "(not 'continual')": a form ruled out, not one more alternative
    test = TitleText.of(terms)
    said = {singular(w) for t in terms for w in casefolded_words(t)}
    return [w for w in dict.fromkeys(casefolded_words(aside))
            if w not in FRAME and singular(w) not in said and test.restates(w)]


def excluded_forms(text: str, terms: list[str], forms: bool, joined: bool) -> int:
    """The length of 'not X or Y' at the start of `text` when every X, Y is a form the terms already do not match
    (so it narrows nothing), else 0."""
    m = rx.match(_NOT_FORMS, text, re.I)
    if m is None:
        return 0
    excluded = [e.strip("'\"") for e in rx.findall(_EXCLUDED, m["first"] + m["rest"])]
    excluded = [e for e in excluded if e.casefold() not in ("or", "nor")]
    test = TitleText.of(terms, forms=forms, joined=joined)
    stems = {w[:5] for t in terms for w in casefolded_words(t)}
    if not excluded or any(test(e) or e.casefold()[:5] not in stems for e in excluded):  # other forms of the term only
        return 0
    return m.end()


# A word printed in more than this share of the library's titles tells no title's topic from another's.
_GENERIC_SHARE = 1 / 3


def topical(term: str, titles: list[str]) -> str:
    """An unquoted topic without the words the library's titles print everywhere: 'continual learning' -> 'continual',
    'imitation learning' -> 'imitation' in a library where 'learning' is in over a third of the titles. A reader
    naming a topic by its field's head word ('X learning') means the titles about X: 'Continual Federated Learning',
    'Continual Test Time Adaptation', 'Zero-Shot Imitation from Observation'. Measured on the catalog's titles, so
    the word dropped is the library's own filler, not a list's; a term of one word, or of generic words only, stays."""
    words = rx.split(r"(?:\s|-)+", term.strip())  # 'continual-learning' too: a compound said as the topic
    if len(words) < 2:
        return term
    common = _common_words(tuple(titles))
    kept = [w for w in words if not all(singular(p) in common for p in casefolded_words(w))]
    return " ".join(kept) if kept and len(kept) < len(words) else term


@functools.lru_cache(maxsize=4)
def _common_words(titles: tuple[str, ...]) -> frozenset[str]:
    counts: dict[str, int] = {}
    for title in titles:
        for word in {singular(w) for w in casefolded_words(title)}:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n > _GENERIC_SHARE * len(titles))
