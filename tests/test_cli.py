"""The `rag` command as a user runs it: a real process, real output, real exit codes."""

import json
import os
import subprocess
import sys

import pytest


def rag(*args, home, models_dir, check=True):
    env = dict(os.environ, RAG_HOME=str(home), RAG_MODELS_DIR=str(models_dir))
    result = subprocess.run([sys.executable, "-m", "rag.cli", *args], capture_output=True, text=True, env=env,
                            timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_search_json_schema(seeded_home, models_dir):
    out = rag("search", "Hopfield networks continuous states", "-k", "3", "--json", home=seeded_home,
              models_dir=models_dir)
    hits = json.loads(out.stdout)
    assert len(hits) == 3
    for key in ("rank", "paper_id", "title", "authors", "year", "source", "score", "chunk"):
        assert key in hits[0]
    assert hits[0]["title"] == "Hopfield Networks is All You Need"
    assert hits[0]["source"] == ["seeds/002_20b99271ad968f3b.txt"]


def test_human_search_and_papers_and_stats(seeded_home, models_dir):
    out = rag("search", "Gaussian trust region", "--author", "Johan Obando-Ceron", home=seeded_home,
              models_dir=models_dir)
    assert out.stdout.startswith("1. Local Guidance, Global Impact")
    papers = json.loads(rag("papers", "--flagged", "--json", home=seeded_home, models_dir=models_dir).stdout)
    assert any(p["abstract_duplicate_of"] for p in papers)
    stats = json.loads(rag("stats", "--json", home=seeded_home, models_dir=models_dir).stdout)
    assert stats["vectors"] == stats["chunks"]


@pytest.mark.parametrize("args, message", [
    (["search", ""], "error: the question is empty"),
    (["search", "x", "--category", "ZZ"], "error: unknown category 'ZZ'"),
    (["ingest", "/no/such/file.pdf"], "error: no such file or folder: /no/such/file.pdf"),
])
def test_bad_input_is_one_line_and_non_zero(seeded_home, models_dir, args, message):
    out = rag(*args, home=seeded_home, models_dir=models_dir, check=False)
    assert out.returncode == 1
    assert out.stderr.strip() == out.stderr.strip().splitlines()[0], "exactly one line"
    assert out.stderr.startswith(message)


def test_search_before_ingest_says_what_to_do(tmp_path, models_dir):
    out = rag("search", "anything", home=tmp_path / "empty-home", models_dir=models_dir, check=False)
    assert out.returncode == 1 and "run `rag ingest`" in out.stderr


def test_doctor_reports_each_part(seeded_home, models_dir):
    out = rag("doctor", "--json", home=seeded_home, models_dir=models_dir, check=False)
    checks = {c["name"]: c for c in json.loads(out.stdout)}
    assert checks["vector store"]["status"] == "ok"
    assert checks["index"]["status"] == "ok"
    assert checks["ollama"]["status"] == "warn" and "ollama serve" in checks["ollama"]["fix"]
