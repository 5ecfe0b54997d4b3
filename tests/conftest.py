"""Shared fixtures: every test runs with its own data dir; the real embedder and seed index are built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rag.config import PROJECT_ROOT, LLMSettings, Settings, contain_caches
from rag.parsing import merge_papers, parse_file
from rag.records import Paper

SEEDS = PROJECT_ROOT / "seeds"


def _register_fakes() -> None:
    """Test-only backends go through the same register() hook as the production ones."""
    from fakes import HashEmbedder

    from rag.embedding import register

    register("hash", lambda models_dir, threads: HashEmbedder())


_register_fakes()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test touches the real home: RAG_HOME and HOME point into the test's temp dir."""
    monkeypatch.setenv("RAG_HOME", str(tmp_path / "rag-home"))
    monkeypatch.setenv("HOME", str(tmp_path / "user-home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("RAG_CHROMA_URL", raising=False)
    monkeypatch.delenv("RAG_PRESET", raising=False)  # a developer's own preset must not change the tests
    monkeypatch.setenv("OLLAMA_HOST", "http://127.0.0.1:9")  # nothing listens there: no test reaches a real Ollama
    return tmp_path


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory) -> Path:
    """One ONNX export per test session (set RAG_TEST_MODELS_DIR to reuse one across sessions)."""
    shared = os.environ.get("RAG_TEST_MODELS_DIR")
    return Path(shared) if shared else tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def embedder(models_dir):
    from rag.embedding import load_embedder

    return load_embedder(models_dir, threads=2)


# Nothing listens on port 9: no test reaches a real Ollama, whatever the machine runs.
NO_OLLAMA = LLMSettings(ollama_host="http://127.0.0.1:9")


def make_settings(home: Path, models_dir: Path, **overrides) -> Settings:
    settings = Settings(home=home, models_path=models_dir, **({"llm": NO_OLLAMA} | overrides))
    contain_caches(settings)
    return settings


@pytest.fixture
def settings(tmp_path, models_dir) -> Settings:
    return make_settings(tmp_path / "rag-home", models_dir)


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory, models_dir, embedder) -> Path:
    """A data dir with the seeds ingested once; tests that only read share it."""
    from rag.library import Library

    home = tmp_path_factory.mktemp("seeded-home")
    Library(make_settings(home, models_dir), embedder=embedder).ingest([SEEDS])
    return home


@pytest.fixture
def seeded(seeded_home, models_dir, embedder):
    from rag.library import Library

    return Library(make_settings(seeded_home, models_dir), embedder=embedder)


@pytest.fixture
def home(seeded_home, tmp_path) -> Path:
    """A private copy of the seeded data dir, so a test may ingest into it or damage it."""
    target = tmp_path / "home"
    shutil.copytree(seeded_home, target)
    return target


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A private copy of the seed folder that a test may edit."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def parse_seed_pages() -> list[Paper]:
    """Every record the seed pages print, not yet merged (a test may add PDFs' records before merging)."""
    return [paper for path in sorted(SEEDS.glob("*.txt")) for paper in parse_file(path)]


@pytest.fixture(scope="session")
def seed_papers() -> list[Paper]:
    """The seed pages parsed and merged once per run: the catalog the planner and metadata tests read."""
    return merge_papers(parse_seed_pages())
