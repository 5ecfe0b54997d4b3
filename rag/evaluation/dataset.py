"""Eval datasets: JSON lines, one question per line, checked line by line.

Each line holds `id`, `question`, `gold_titles`, `answer_keywords` and `kind`; any other field
is ignored, so a dataset written for another tool loads as it is. A bad line is an error that
names the file and the line number, never a silently skipped question.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, Field

from rag.evaluation import EvalError
from rag.records import Paper, normalize_title

Kind = Literal["lookup", "paraphrase", "metadata", "multi", "unanswerable"]
KINDS: tuple[str, ...] = get_args(Kind)
REQUIRED = ("id", "question", "gold_titles", "answer_keywords", "kind")


class DatasetError(EvalError):
    """An eval dataset cannot be read or does not match the corpus."""


class Question(BaseModel):
    id: str
    question: str
    gold_titles: list[str] = Field(description="Exact titles a correct answer must cite; empty when unanswerable.")
    answer_keywords: list[str] = Field(description="Short lowercase strings a correct answer contains.")
    kind: Kind
    line: int = Field(default=0, description="1-based line in the dataset file.")

    @property
    def answerable(self) -> bool:
        return bool(self.gold_titles)


def load_dataset(path: Path) -> list[Question]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"{path}: no such dataset file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot be read ({exc})") from None
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        question = parse_line(raw, f"{path}:{number}")
        question.line = number
        if question.id in seen:
            raise DatasetError(f"{path}:{number}: id '{question.id}' is already used on line {seen[question.id]}")
        seen[question.id] = number
        questions.append(question)
    if not questions:
        raise DatasetError(f"{path}: the dataset has no questions — write one JSON object per line")
    return questions


def parse_line(raw: str, where: str) -> Question:
    """One dataset line -> Question, or a DatasetError that says what is wrong with it."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise DatasetError(f"{where}: expected a JSON object, got {type(data).__name__}")
    missing = [name for name in REQUIRED if name not in data]
    if missing:
        raise DatasetError(f"{where}: missing field(s) {', '.join(missing)}")
    if not isinstance(data["id"], (str, int)) or isinstance(data["id"], bool) or str(data["id"]).strip() == "":
        raise DatasetError(f"{where}: 'id' must be a non-empty string")
    if not isinstance(data["question"], str) or not data["question"].strip():
        raise DatasetError(f"{where}: 'question' must be a non-empty string")
    for name in ("gold_titles", "answer_keywords"):
        value = data[name]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise DatasetError(f"{where}: '{name}' must be a list of non-empty strings")
    if data["kind"] not in KINDS:
        raise DatasetError(f"{where}: unknown kind {data['kind']!r} — use one of: {', '.join(KINDS)}")
    if data["kind"] == "unanswerable" and data["gold_titles"]:
        raise DatasetError(f"{where}: an unanswerable question must have an empty 'gold_titles'")
    if data["kind"] != "unanswerable" and not data["gold_titles"]:
        raise DatasetError(f"{where}: a {data['kind']} question needs at least one gold title")
    return Question(id=str(data["id"]), question=data["question"].strip(), gold_titles=data["gold_titles"],
                    answer_keywords=[k.casefold() for k in data["answer_keywords"]], kind=data["kind"])


def missing_gold(questions: list[Question], papers: list[Paper]) -> list[tuple[Question, str]]:
    """(question, title) for every gold title that no paper of the corpus has (compared as normalised titles)."""
    known = {normalize_title(p.title) for p in papers}
    return [(q, title) for q in questions for title in q.gold_titles if normalize_title(title) not in known]


def check_gold(questions: list[Question], papers: list[Paper], path: Path | str = "dataset") -> None:
    missing = missing_gold(questions, papers)
    if missing:
        question, title = missing[0]
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise DatasetError(f"{path}:{question.line}: gold title {title!r} of question '{question.id}' is not in the "
                           f"library{more} — ingest the papers the dataset is about, or fix the title")
