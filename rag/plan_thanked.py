"""Who a PDF thanks for what (issue 11): 'who helped SPECTER with the initial data collection', 'who do they thank for
research discussions'. An acknowledgement is printed as pairs, '<people> for <what they did>' ('We thank Kyle Lo,
Daniel King and Oren Etzioni for helpful research discussions, Russel Reas for setting up the public API, ...'): the
pairs are read by that grammar, and a question is answered only when each thing it asks after is the words of one
pair. Any other word left asks what the paper did with the help, which is content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.catalog_citations import thanks_in_text
from rag.plan_terms import NUMBER_WORDS
from rag.records import Paper

# '<people> for <what>' up to the next pair (', <Capitalised name> …'), the sentence end or a clause of its own
_PAIR = re.compile(r"(?:[Ww]e\s+(?:also\s+)?(?:would\s+like\s+to\s+)?thank\s+|,\s*(?:and\s+)?|\band\s+)(?P<who>(?:the\s+)?[A-Za-z][^,;.]*?"
                   r"(?:,\s*[A-Z][^,;.]*?)*)\s+for\s+(?P<what>[^;.]+?)(?=,\s*(?:and\s+)?(?:the\s+)?[A-Z]|,\s+and\s+the\b|"
                   r"\s+and\s+the\s+[a-z]+\s+[a-z]+\s+\(|[;.]|$)")
_STOP = frozenset("""the a an of in on for with and or to by their its his her they them who whom which what does do did
is are was were that this help helped helping thank thanks thanked acks ack acknowledgement acknowledgements
acknowledged pdf paper gets get got single singled out especially particular particularly specifically people person
persons individuals names""".split()) | frozenset(NUMBER_WORDS)  # 'which three people get thanked for X': the helpers


@dataclass(frozen=True)
class Thanked:
    who: str  # as printed: 'Kyle Lo, Daniel King and Oren Etzioni'
    what: str  # 'helpful research discussions'


def pairs(text: str) -> list[Thanked]:
    """The '<people> for <what>' pairs an acknowledgements text prints, in order."""
    return [Thanked(" ".join(m.group("who").split()), " ".join(m.group("what").split())) for m in _PAIR.finditer(text)]


def thanked_in_text(paper: Paper) -> list[Thanked]:
    """The '<person> for <what>' pairs of the thanks a PDF prints in its running text ('I am indebted to Paul Me Jones
    for his observation that …', rag/catalog_citations.thanks_in_text)."""
    found = []
    for t in thanks_in_text(paper):
        m = rx.search(rf"{re.escape(t.who)}\s+for\s+(.+?)\.?$", t.sentence)
        found.append(Thanked(t.who, " ".join(m.group(1).split()) if m else ""))
    return found


def asked_words(rest: str, frame: frozenset[str] = frozenset()) -> list[str]:
    """The words a question about thanks holds beyond its frame: what it asks the helpers were thanked for."""
    return [w for w in rx.findall(r"[a-z]+", rest) if w not in _STOP | frame and len(w) > 2]


def asked_after(rest: str, printed: list[Thanked], frame: frozenset[str] = frozenset()) -> list[Thanked] | None:
    """The pairs a 'who … for/with X' question asks after: every word it holds beyond frame (and `frame`) is a word of
    some pair's 'what' (a word's stem, 'discussions' for 'discussion'). None when a word is in no pair: content."""
    words = asked_words(rest, frame)
    if not words or not printed:
        return None
    def stem(w: str) -> str:
        return w[:5]
    def said(t: Thanked) -> set[str]:  # the thing thanked for, and the words naming the helpers but their names
        return {stem(x) for x in rx.findall(r"[a-z]+", t.what.casefold() + " " + rx.sub(r"\b[A-Z]\w*", " ", t.who))}
    hit = [t for t in printed if any(stem(w) in said(t) for w in words)]
    covered = {x for t in hit for x in said(t)}
    return hit if hit and all(stem(w) in covered for w in words) else None


def people(printed: list[Thanked]) -> list[str]:
    """The persons named in the pairs ('Kyle Lo', 'Daniel King', ...): capitalised names split at commas and 'and';
    'the anonymous reviewers' names no one."""
    found = []
    for t in printed:
        for name in rx.split(r",\s*(?:and\s+)?|\s+and\s+", rx.sub(r"\([^)]*\)", "", t.who)):
            name = name.strip()
            if rx.fullmatch(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)+", name):
                found.append(name)
    return found
