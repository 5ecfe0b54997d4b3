"""A named PDF's headings picked by a word printed in them (rag/plan_headings.py): 'list every numbered heading that
has the word Entity in it', 'which section headings in SPECTER mention citation(s)', "subsection titles containing
'linking'". The words of a heading are the catalog's; the question is taken only when what holds the word is said to
be a heading or a title, or the word is said to be a word ('the word X', quoted): 'which sections mention citations'
asks what the sections say, and stays with retrieval.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_headings import Heading, Outline

# What holds the word: headings or titles ('section or subsection headings', 'numbered heading', 'section titles').
_HOLDER = r"(?:headings?|titles?|section\s+names?)"
_VERB = r"(?:has|have|having|contains?|containing|mentions?|mentioning|includes?|including|with|uses?|using|carry|" \
        r"carries|carrying|features?|featuring|says?|saying|spells?|hold|holds|holding|w/)"
# A character said by its name ('a colon in it', 'a question mark'): the heading holds the character, not the word.
_CHARACTERS = {"colon": ":", "semicolon": ";", "comma": ",", "hyphen": "-", "dash": "-–—", "question mark": "?",
               "exclamation mark": "!", "exclamation point": "!", "ampersand": "&", "slash": "/", "apostrophe": "'’",
               "parenthesis": "()", "parentheses": "()", "bracket": "()[]", "brackets": "()[]", "full stop": ".",
               "period": "."}
_NAMES = {characters: name for name, characters in reversed(_CHARACTERS.items())}  # the first name said of each
_CHARACTER = r"(?P<character>" + "|".join(sorted((n.replace(" ", r"\s+") for n in _CHARACTERS), key=len, reverse=True)) + \
    r")(?:e?s)?\b"
_WORD = rf"(?:{_CHARACTER}|['\"‘“](?P<quoted>[^'\"’”]{{2,40}})['\"’”]|(?P<bare>[a-z][a-z-]{{2,30}}(?:\(s\))?))"
_ASKED = re.compile(rf"\b{_HOLDER}\b(?P<between>(?:\s+[\w'()-]+){{0,8}}?)\s+(?:that\s+|which\s+)?{_VERB}\s+"
                    rf"(?:(?:the|a)\s+)?(?P<said>(?:words?|terms?|string)\s+)?{_WORD}")
_NOT_A_WORD = frozenset("the a an word words term terms it them their its any some numbers number page pages in on of "
                        "and or what which after before between following preceding under within inside beyond past "
                        "until up".split())  # a preposition names a place among headings, never a word they hold


def asked_word(low: str) -> str | None:
    """The word the question wants a heading to hold, or None when it does not ask headings by a word."""
    m = _ASKED.search(low)
    if m is None:
        return None
    if m.group("character") and not m.group("said"):  # 'a colon'; 'the word colon' is the word
        return _CHARACTERS[" ".join(m.group("character").split())]
    if m.group("character"):
        return " ".join(m.group("character").split())
    word = (m.group("quoted") or m.group("bare") or "").replace("(s)", "")
    if word in _NOT_A_WORD:
        return None
    # a bare word must be said of a heading ('headings … mention X'), not of what a section says: 'the word' or a
    # holder ending the noun phrase right before the verb
    if m.group("bare") and not m.group("said") and rx.search(r"\b(?:sections?|sub-?sections?)\s*$", m.group("between")):
        return None
    return word


def worded(word: str, outline: Outline) -> list[Heading]:
    """The headings whose title holds the word, whole or as a word's start ('citation' in 'Citation-Based')."""
    if word in _NAMES:  # a character said by its name ('a colon'): asked_word gave its characters
        return [h for h in outline.headings if h.title and any(c in h.title for c in word)]
    stem = word.casefold().rstrip("s") if len(word) > 4 else word.casefold()
    return [h for h in outline.headings if h.title and
            any(w.startswith(stem) for w in rx.findall(r"[a-z0-9]+", h.title.casefold()))]


def answer(word: str, outline: Outline, numbered_only: bool) -> tuple[str, list[Heading]]:
    found = [h for h in worded(word, outline) if h.number or not numbered_only]
    name = outline.paper.title
    held = f"a {_NAMES[word]} ('{word[0]}')" if word in _NAMES else f"the word '{word}'"
    if not found:
        return f"None of the headings {name} prints holds {held}.", []
    return (f"{len(found)} heading{'s' if len(found) != 1 else ''} of {name} hold{'s' if len(found) == 1 else ''} "
            f"{held}: " + "; ".join(h.said() for h in found) + "."), found
