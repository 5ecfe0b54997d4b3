"""Sentence splitting and word tokens, shared by the chunker, BM25 and the citation checker."""

from __future__ import annotations

import re

# Abbreviations that end in a period without ending the sentence.
_ABBREVIATIONS = {
    "e.g", "i.e", "et al", "al", "vs", "cf", "fig", "figs", "eq", "eqs", "sec", "no", "dr", "mr", "ms",
    "prof", "approx", "resp", "etc", "viz", "st", "jr", "inc", "ltd", "co", "tab", "ref", "refs", "ch",
}
# An initial ("A. Rupam") or a dotted initialism ("funded by the U.S. National ..."), as `last_word` reads them.
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations, initials and decimals inside them."""
    text = " ".join(text.split())
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].rstrip()
        last_word = candidate.rsplit(" ", 1)[-1].rstrip(".!?\"')]").casefold()
        if last_word in _ABBREVIATIONS or candidate.casefold().endswith("et al."):
            continue
        if _INITIALS.fullmatch(last_word):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


_WORD = re.compile(r"[0-9a-z]+")
STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have how i if in into is it its
    of on or our over paper papers that the their them then there these they this those to was we were what when
    where which who whom whose why will with would you your about any all also more most other some such than
    very via using use used based new show shows propose proposes work""".split()
)


def word_tokens(text: str) -> list[str]:
    """Lowercase word tokens without stopwords, lightly stemmed (plural 's' only) for BM25 and overlap scores."""
    out = []
    for token in _WORD.findall(text.casefold()):
        if token in STOPWORDS:
            continue
        if len(token) > 4 and token.endswith("s") and not token.endswith("ss"):
            token = token[:-1]
        out.append(token)
    return out


def place_markers(claim: str, marks: str) -> str:
    """Citation marks before the sentence's final stop: ('X is Y.', '[1][2]') -> 'X is Y [1][2].'

    The one copy of this rule: the checker, the chat view (marks are links there) and the Markdown export
    use it. A claim without a final stop gets a full stop; no marks leave the claim as it is.
    """
    claim = claim.rstrip()
    if not marks:
        return claim
    end = claim[-1] if claim and claim[-1] in ".!?" else ""
    return f"{claim[: len(claim) - len(end)].rstrip()} {marks}{end or '.'}"
