"""Words of a claim as the checker compares them: tokens, six-letter stems, and the words that claim nothing.

A sentence that only names the paper or restates the question ("The passage is about X") has no
words of its own beyond the title, the question and meta words: `own_words` is how vacuity is read.
"""

from __future__ import annotations

import re

from rag.text import word_tokens

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


def tokens(text: str) -> list[str]:
    return [t.casefold().replace("’", "'") for t in _TOKEN.findall(text)]


# --- vacuity -------------------------------------------------------------------------------------

META_WORDS = frozenset(word_tokens("""paper passage article work study author authors propose proposes proposed
    present presents presented introduce introduces introduced describe describes described discuss discusses
    discussed method methods approach approaches technique techniques framework pipeline system process processes
    performed perform performs about focus focuses focused topic topics research text abstract called named titled
    known concern concerns concerned deal deals address addresses addressed provide provides provided main key idea
    ideas contribution contributions result results novel problem task area field question answer explore explores
    explored investigate investigates investigated report reports reported mention mentions mentioned related
    relate relates talk talks come comes came regard regarding regards concerning describes deals"""))


def stems(text: str) -> set[str]:
    """Content words cut to six letters: 'represents' and 'representation', 'optimizing' and 'optimizes' meet."""
    return {w[:6] for w in word_tokens(text)}


def own_words(claim: str, title: str = "", question: str = "") -> set[str]:
    """The claim's content words (as stems) left after the title's, the question's and meta words go."""
    return stems(claim) - stems(title) - stems(question) - {w[:6] for w in META_WORDS}


# A sentence whose only predicate is "is about" asserts nothing about the paper's content: "The InfoCon authors
# discuss manipulation concepts in robotics", "The passage comes from a critical survey of continual learning".
# Read structurally: such a predicate, no clause that could carry a claim (that, which, than, because, a
# number other than a year, a negation), and every remaining content word a topic word (title or abstract).
_ABOUTNESS = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:about|on)|discuss\w*|talks?\s+about|talked\s+about|"
    r"writes?\s+about|wrote\s+about|written\s+about|deals?\s+with|dealt\s+with|concern\w*|topic|subject|"
    r"focus\w*\s+on|address\w*|(?:comes?|came|is|are|was|taken|drawn|excerpted)\s+from|looks?\s+at|"
    r"describ\w*|(?:paper|work|article|text|passage|excerpt|survey)\s+(?:about|on))\b", re.IGNORECASE)
_CLAIM_CARRIERS = frozenset("""that which than because whereas while not no never cannot without only
    outperforms outperform improves improve better worse more less fewer""".split())
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def only_about(claim: str, topic: str) -> bool:
    """The claim's only predicate is an 'is about' one and all its content words are the paper's topic words."""
    if not _ABOUTNESS.search(claim):
        return False
    words = tokens(claim)
    if any(w in _CLAIM_CARRIERS or w.endswith("n't") for w in words):
        return False
    if any(w[0].isdigit() and not _YEAR.match(w) for w in words):
        return False
    about = stems(" ".join(_ABOUTNESS.findall(claim)))
    rest = own_words(claim, topic) - about - _FRAME_WORDS
    return not {w for w in rest if not _YEAR.match(w)}  # "Ammar et al. (2018) write about ..."


# Words of the 'is about' frame itself: the excerpt, the page, its writers.
_FRAME_WORDS = {w[:6] for w in word_tokens("excerpt page section part writers write wrote written et al come taken "
                                           "drawn")}
