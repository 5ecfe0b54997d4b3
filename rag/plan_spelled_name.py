"""A paper named by the method it introduces, spelled out with its acronym: 'where's the code for Stochastic Marginal
Actor-Critic (SMAC)?', 'who wrote Dense Passage Retrieval (DPR)?'.

Structure, not a list: a run of capitalised words followed by a bracketed acronym whose letters are the run's
initials (hyphenated parts count: 'Actor-Critic' gives 'AC'). That is how a paper coins a name, so the run names a
thing the paper's own text prints; it is resolved like a description, against titles and abstracts
(rag/plan_describe.resolve), and what the rest of the question asks must still be a catalog field. Unlike a
description it is read only when one paper surely holds it: many papers print 'Reinforcement Learning (RL)' or
'Proximal Policy Optimization (PPO)', and 'who proposed PPO' is then a question about the field, not about a paper.
"""

from __future__ import annotations

import re

from rag.plan_describe import resolve
from rag.plan_terms import Question
from rag.records import Paper

_RUN = re.compile(r"((?:(?-i:[A-Z])[\w]*(?:-(?-i:[A-Z])[\w]*)*\s+){1,7}(?-i:[A-Z])[\w]*(?:-(?-i:[A-Z])[\w]*)*)\s*"
                  r"\(\s*((?-i:[A-Z])[A-Za-z0-9-]{1,11})\s*\)")


def _initials(run: str) -> str:
    return "".join(part[0] for part in re.findall(r"[^\W\d_][\w]*", run)).casefold()


def spelled_name(q: Question, papers: list[Paper]) -> list[str]:
    """The words of a name spelled out before its acronym, and the acronym, cut from `q` (blanked as a 'title' span);
    [] when the question spells out none. The run may start with words that are not the name's ('Where's the code for
    Stochastic …'): its tail whose initials make the acronym is the name."""
    for m in _RUN.finditer(q.text):
        words = m.group(1).split()
        acronym = re.sub(r"[^a-z]", "", m.group(2).casefold())
        for start in range(len(words)):
            if _initials(" ".join(words[start:])) == acronym:
                if resolve(words[start:] + [m.group(2)], papers).paper is None:
                    return []  # a name several papers print, or none: not one paper's
                begin = m.start(1) + len(" ".join(words[:start])) + (1 if start else 0)
                q.blank(begin, m.end(), kind="title")
                return words[start:] + [m.group(2)]
    return []
