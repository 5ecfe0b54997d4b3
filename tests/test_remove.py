"""Removing a paper or a file: gone from the catalog, BM25 and the vector store, in one published snapshot."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import make_settings
from rag.cli import main
from rag.errors import QueryError
from rag.library import Library
from rag.remove import remove


def test_remove_a_paper_by_id(home, models_dir, embedder):
    library = Library(make_settings(home, models_dir), embedder=embedder)
    before = library.snapshot
    paper = next(p for p in before.papers if p.title.startswith("TokMem"))
    report = remove([paper.paper_id], library.settings, embedder)
    assert report.papers == [paper.title] and report.chunks_removed > 0
    after = Library(make_settings(home, models_dir), embedder=embedder)
    assert paper.paper_id not in after.snapshot.papers_by_id
    assert len(after.snapshot.papers) == len(before.papers) - 1
    assert after.store.count() == len(after.snapshot.chunks)  # its vectors went with it
    hits = after.search("one-token procedural memory for large language models", k=10)
    assert paper.paper_id not in {h.paper.paper_id for h in hits}
    assert not any("TokMem" in h.paper.title for h in after.search("Which papers did Zijun Wu co-author?"))


def test_remove_a_file_through_the_cli(home, models_dir, embedder, monkeypatch):
    monkeypatch.setenv("RAG_HOME", str(home))
    monkeypatch.setenv("RAG_MODELS", str(models_dir))
    library = Library(make_settings(home, models_dir), embedder=embedder)
    trending = next(s.path for s in library.snapshot.sources if s.format == "trending")
    count = len(library.snapshot.papers)
    result = CliRunner().invoke(main, ["--home", str(home), "remove", trending, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["files"] == [trending] and data["papers_left"] == count - 83
    after = Library(make_settings(home, models_dir), embedder=embedder)
    assert trending not in {s.path for s in after.snapshot.sources}
    assert after.store.count() == len(after.snapshot.chunks)


def test_unknown_target_is_one_clear_error(home, models_dir, embedder):
    with pytest.raises(QueryError, match="neither a paper id nor a file"):
        remove(["no-such-thing"], make_settings(home, models_dir), embedder)
