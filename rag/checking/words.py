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
