"""A paper named by the method it introduces, spelled out with its acronym: 'where's the code for Stochastic Marginal
Actor-Critic (SMAC)?', 'who wrote Dense Passage Retrieval (DPR)?'.

Structure, not a list: a run of capitalised words followed by a bracketed acronym whose letters are the run's
initials (hyphenated parts count: 'Actor-Critic' gives 'AC'). That is how a paper coins a name, so the run names a
thing the paper's own text prints; it is resolved like a description, against titles and abstracts
(rag/plan_describe.resolve), and what the rest of the question asks must still be a catalog field. Unlike a
description it is read only when one paper surely holds it, and coins it (its title prints the name, or its abstract
says it with a word of naming before it: 'we propose', 'referred to as'): many papers print 'Reinforcement Learning (RL)' or
'Proximal Policy Optimization (PPO)', and 'who proposed PPO' is then a question about the field, not about a paper.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_describe import resolve
from rag.plan_terms import Question
from rag.records import Paper
from rag.text import split_sentences

_RUN = re.compile(r"((?:(?-i:[A-Z])[\w]*(?:-(?-i:[A-Z])[\w]*)*\s+){1,7}(?-i:[A-Z])[\w]*(?:-(?-i:[A-Z])[\w]*)*)\s*"
                  r"\(\s*((?-i:[A-Z])[A-Za-z0-9-]{1,11})\s*\)")


# How a paper coins a name in its abstract: the paper's own voice or a verb of naming before it ('we propose X (XYZ)',
# 'the resulting algorithm, referred to as X (XYZ)', 'called the X (XYZ)'). A name spelled out with no such word is
# one the paper uses, another's method it builds on ('Typical acceptance sampling (TAS) alleviates this issue').
_COINING = re.compile(r"\b(?:we|our|us|this\s+(?:paper|work))\b|\b(?:call(?:s|ed)?|dub(?:s|bed)?|term(?:s|ed)?|"
                      r"name[sd]?|coin(?:s|ed)?|referred\s+to\s+as|refer\s+to\s+as|known\s+as|propos\w*|"
                      r"introduc\w*|present\w*)\b", re.I)


def _coins(paper: Paper, name: list[str]) -> bool:
    """The paper's title prints the name, or a sentence of its abstract coins it (a word of naming before it)."""
    said = r"\W+".join(re.escape(w) for w in name[:-1])
    if rx.search(rf"\b{said}\b", paper.title, re.I):
        return True
    for sentence in split_sentences(paper.abstract or ""):
        m = rx.search(rf"\b{said}\W*\(\s*{re.escape(name[-1])}\s*\)", sentence, re.I)
        if m and _COINING.search(sentence, 0, m.start()):
            return True
    return False


def _initials(run: str) -> str:
    return "".join(part[0] for part in rx.findall(r"[^\W\d_][\w]*", run)).casefold()


def _spelled(text: str):
    """(match, index of the name's first word, the name's words and acronym) for each name spelled out before its
    acronym in `text`: the run's tail whose initials make the acronym."""
    for m in _RUN.finditer(text):
        words = m.group(1).split()
        acronym = rx.sub(r"[^a-z]", "", m.group(2).casefold())
        for start in range(len(words)):
            if _initials(" ".join(words[start:])) == acronym:
                yield m, start, words[start:] + [m.group(2)]
                break


def spelled_name(q: Question, papers: list[Paper]) -> list[str]:
    """The words of a name spelled out before its acronym, and the acronym, cut from `q` (blanked as a 'title' span);
    [] when the question spells out none. The run may start with words that are not the name's ('Where's the code for
    Stochastic …'): its tail whose initials make the acronym is the name."""
    for m, start, name in _spelled(q.text):
        found = resolve(name, papers).paper
        if found is None or not _coins(found, name):
            return []  # a name several papers print, or none, or one the paper uses but does not coin
        words = m.group(1).split()
        begin = m.start(1) + len(" ".join(words[:start])) + (1 if start else 0)
        q.blank(begin, m.end(), kind="title")
        return name
    return []


def uncoined(question: str, described: list[str], papers: list[Paper]) -> bool:
    """A description read elsewhere ('the paper that introduced Typical Acceptance Sampling (TAS)') holds a spelled-out
    name whose acronym it says, and the paper it resolves to uses that name without coining it: another's method, so
    the description names no paper here."""
    said = {w.casefold() for w in described}
    for _, _, name in _spelled(question):
        if name[-1].casefold() in said:
            found = resolve(described, papers).paper
            return found is not None and not _coins(found, name)
    return False
