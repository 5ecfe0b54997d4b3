"""Past conversations, kept under the data dir so a chat can be listed and picked up again.

One JSON file per conversation in RAG_HOME/conversations/, written whole after every turn by a
replace (a crash leaves the previous version, never half a file). Ids sort by start time.
"""

from __future__ import annotations

import datetime
import os
import secrets
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from rag.conversation import Turn
from rag.errors import RagError


class HistoryError(RagError):
    """A saved conversation cannot be found or read."""


class Conversation(BaseModel):
    id: str
    created: str
    updated: str
    title: str = Field(default="", description="The first question, shortened: what the list shows.")
    filters: dict[str, str | None] = Field(default_factory=dict)
    turns: list[Turn] = Field(default_factory=list)

    def add(self, turn: Turn) -> None:
        self.turns.append(turn)
        self.updated = _now()
        if not self.title:
            self.title = turn.question[:80]


def conversations_dir(home: Path) -> Path:
    return Path(home) / "conversations"


def new(filters: dict | None = None) -> Conversation:
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d-%H%M%S")
    now = _now()
    return Conversation(id=f"{stamp}-{secrets.token_hex(2)}", created=now, updated=now, filters=filters or {})


def save(home: Path, conversation: Conversation) -> Path:
    folder = conversations_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{conversation.id}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(conversation.model_dump_json(indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path


def load(home: Path, conversation_id: str | None = None) -> Conversation:
    """The conversation with this id (or a unique id prefix); the most recent one when no id is given."""
    listed = list_all(home)
    if not listed:
        raise HistoryError(f"no saved conversations in {conversations_dir(home)} — start one with `rag chat`")
    if conversation_id is None:
        return listed[0]
    found = [c for c in listed if c.id.startswith(conversation_id)]
    if len(found) != 1:
        what = "no" if not found else f"{len(found)}"
        raise HistoryError(f"{what} saved conversations match {conversation_id!r} — `rag chat --list` shows them")
    return found[0]


def list_all(home: Path) -> list[Conversation]:
    """Every readable saved conversation, most recently updated first (an unreadable file is skipped)."""
    folder = conversations_dir(home)
    found = []
    for path in folder.glob("*.json") if folder.is_dir() else []:
        try:
            found.append(Conversation.model_validate_json(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, ValidationError):
            continue
    return sorted(found, key=lambda c: c.updated, reverse=True)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
