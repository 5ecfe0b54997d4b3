"""Saved conversations: written after each turn, listed newest first, reopened by id or prefix."""

from __future__ import annotations

import pytest

from rag import history
from rag.conversation import Turn


def turn(q: str) -> Turn:
    return Turn(question=q, standalone_question=q, answer="a", cited_titles=["T"])


def test_save_list_and_reopen(tmp_path):
    first = history.new({"author": "White"})
    first.add(turn("Which papers did Martha White co-author?"))
    history.save(tmp_path, first)
    second = history.new()
    second.add(turn("Who wrote TokMem?"))
    second.add(turn("When was it posted?"))
    history.save(tmp_path, second)
    listed = history.list_all(tmp_path)
    assert {c.id for c in listed} == {first.id, second.id} and listed[0].updated >= listed[1].updated
    assert history.load(tmp_path).id == listed[0].id  # no id: the most recent
    reopened = history.load(tmp_path, first.id)
    assert reopened.title.startswith("Which papers") and reopened.filters == {"author": "White"}
    assert [t.question for t in history.load(tmp_path, second.id).turns] == ["Who wrote TokMem?", "When was it posted?"]


def test_missing_conversation_is_one_clear_error(tmp_path):
    with pytest.raises(history.HistoryError, match="no saved conversations"):
        history.load(tmp_path)
    only = history.new()
    history.save(tmp_path, only)
    assert history.load(tmp_path, only.id[:8]).id == only.id  # a unique prefix is enough
    with pytest.raises(history.HistoryError, match="match 'zzz'"):
        history.load(tmp_path, "zzz")


def test_rag_chat_keeps_and_resumes_a_conversation(home):
    from click.testing import CliRunner

    from rag.cli import main

    runner = CliRunner()
    first = runner.invoke(main, ["--home", str(home), "chat", "--llm", "embedded"],
                          input="How many workshop papers are there?\n\n")
    assert first.exit_code == 0, first.output
    assert "1 paper match" in first.output
    listed = runner.invoke(main, ["--home", str(home), "chat", "--list"])
    assert "How many workshop papers are there?" in listed.output
    resumed = runner.invoke(main, ["--home", str(home), "chat", "--llm", "embedded", "--resume"], input="\n")
    assert resumed.exit_code == 0 and "> How many workshop papers are there?" in resumed.output
