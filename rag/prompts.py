"""Prompt templates live in prompts/*.txt; this module loads them and checks their placeholders.

The refusal phrase is defined here once and shared by the prompt, the answer parser and the tests.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from rag.config import resource_dir
from rag.errors import RagError

REFUSAL = "The papers here don't answer that."
# The middle outcome: the closest passages are quoted, marked as not a direct answer (no model is asked).
CLOSEST_NOTE = "Not a direct answer — the closest passages:"
CLOSEST_HINT = "These passages are the closest the papers come; none states the answer directly."
PROMPTS_DIR = resource_dir("prompts")

# Each template and exactly the placeholders it must use.
PLACEHOLDERS: dict[str, set[str]] = {
    "answer_system": {"max_sentences", "refusal"},
    "answer_user": {"evidence", "question"},
    "evidence_item": {"n", "title", "text"},
}


class PromptError(RagError):
    """A template is missing or its placeholders do not match what the code fills in."""


class Template:
    def __init__(self, name: str, text: str):
        self.name, self.text = name, text
        found = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
        expected = PLACEHOLDERS[name]
        if found != expected:
            raise PromptError(f"prompt {name!r} has placeholders {sorted(found)}, expected {sorted(expected)}")

    def render(self, **values) -> str:
        if set(values) != PLACEHOLDERS[self.name]:
            raise PromptError(f"prompt {self.name!r} needs {sorted(PLACEHOLDERS[self.name])}, got {sorted(values)}")
        return self.text.format(**values).strip()


@lru_cache(maxsize=None)
def load(name: str, folder: Path = PROMPTS_DIR) -> Template:
    if name not in PLACEHOLDERS:
        raise PromptError(f"unknown prompt {name!r}")
    path = folder / f"{name}.txt"
    try:
        return Template(name, path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PromptError(f"prompt file {path} cannot be read ({exc.strerror})") from exc


def is_refusal(text: str) -> bool:
    """The model refused: its answer is (or starts with) the refusal phrase, give or take case and punctuation."""
    def norm(s: str) -> str:
        return " ".join("".join(ch for ch in s.casefold().replace("’", "'") if ch.isalnum() or ch in " '").split())
    return norm(text).startswith(norm(REFUSAL))
