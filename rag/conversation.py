"""Multi-turn memory: a follow-up question is made standalone before retrieval, or we ask which paper.

Resolution is deterministic rather than asked of the LLM: the embedded 135M model cannot be
trusted to rewrite a question, and a follow-up that points back ("its results", "the authors")
almost always means the paper the last answer cited first. Only titles are ever carried over —
never an earlier question — so a chain of follow-ups cannot grow past the length limit. A pronoun
with nothing to point to (no earlier answer cited a paper) is not guessed at: the answer asks.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

_POINTS_BACK = re.compile(
    r"\b(it|its|it's|they|their|them|this|that|these|those|he|she|his|her|the paper|the authors|"
    r"the method|the model|the approach|the same)\b",
    re.IGNORECASE,
)
# Words that need a paper to point to when nothing in the question names one ("Who are its authors?").
_NEEDS_PAPER = re.compile(r"\b(its|their|this paper|that paper|the paper|this work|the authors|it)\b", re.I)
ASK_WHICH = "Which paper do you mean? Name it (or part of its title), or ask about it first — then I can follow up."
MAX_SUBJECT_CHARS = 300


class Turn(BaseModel):
    question: str
    standalone_question: str
    answer: str
    cited_titles: list[str] = Field(default_factory=list)


def points_back(question: str) -> bool:
    return bool(_POINTS_BACK.search(question))


def referent(history: list[Turn]) -> str | None:
    """The paper a pronoun points to: the first paper cited by the latest turn that cited any."""
    return next((turn.cited_titles[0] for turn in reversed(history) if turn.cited_titles), None)


def standalone(question: str, history: list[Turn]) -> str:
    """The question with its reference to an earlier turn spelled out, or unchanged."""
    question = question.strip()
    if not history or not points_back(question):
        return question
    subject = referent(history)
    if subject is None:
        return question  # nothing to point to: never paste an earlier question in (it doubled the length)
    return f"{question} (about: {subject[:MAX_SUBJECT_CHARS]})"


def needs_paper(question: str, history: list[Turn], filtered: bool = False) -> bool:
    """True when the question leans on 'its'/'the paper' but names nothing and no earlier answer cited a paper.

    A question that carries its own subject ("What is DA-AC and what is it built on?") has content
    words left once the frame words are set aside, and is answered as it stands.
    """
    if filtered or referent(history) is not None or not _NEEDS_PAPER.search(question):
        return False
    from rag.plan_terms import Question  # the same frame-word test the catalog planner uses

    rest = Question(_NEEDS_PAPER.sub(" ", question)).residual()
    named = re.search(r"(?<!^)(?<![.?!] )\b[A-Z][\w-]*[A-Z0-9][\w-]*\b", question.strip())  # DA-AC, GFlowNets
    return not named and len(rest) <= 2
