"""Multi-turn memory: a follow-up question is made standalone before retrieval.

Resolution is deterministic rather than asked of the LLM: the embedded 135M model cannot be
trusted to rewrite a question, and a follow-up that points back ("its results", "the authors")
almost always means the paper the previous answer cited first.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

_POINTS_BACK = re.compile(
    r"\b(it|its|it's|they|their|them|this|that|these|those|he|she|his|her|the paper|the authors|"
    r"the method|the model|the approach|the same)\b",
    re.IGNORECASE,
)


class Turn(BaseModel):
    question: str
    standalone_question: str
    answer: str
    cited_titles: list[str] = Field(default_factory=list)


def points_back(question: str) -> bool:
    return bool(_POINTS_BACK.search(question))


def standalone(question: str, history: list[Turn]) -> str:
    """The question with its reference to the previous turn spelled out, or unchanged."""
    if not history or not points_back(question):
        return question
    last = history[-1]
    subject = last.cited_titles[0] if last.cited_titles else last.standalone_question
    return f"{question.strip()} (about: {subject})"
