"""A reader of the shared library holds ids and offsets, not passage texts: same hits, texts fetched by id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.answerability import LibraryStats
from rag.filters import Filters
from rag.index import index_params
from rag.library import Library
from rag.retrieve import MemoryPassages
from rag.shared.cache import write_copy
from rag.shared.lean import LeanSnapshot, Passages
from rag.shared.remote import RemoteLibrary
from rag.store import connect

from conftest import SEEDS, make_settings
from test_chroma_server import chroma_server, run_rag  # noqa: F401  (the fixture)

pytestmark = pytest.mark.server

FILES = [SEEDS / "000_0ba56049ec9660b1.txt", SEEDS / "001_054a3ea104bf4a98.txt"]
QUERIES = ["differential privacy on Hadamard manifolds", "speculative decoding draft model",
           "which papers did Dinghuai Zhang co-author", "world models for robot manipulation"]


def paper_with_a_body(folder) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tidal-mixing.md"
    path.write_text("# Tidal Mixing in Fjords Measured by Gliders\n\nWe measure tidal mixing in three fjords.\n\n"
                    "## Method\n\nThe gliders sampled the halocline every forty minutes; the turbulent kinetic energy "
                    "dissipation was estimated from microstructure shear probes mounted on the nose cone.\n")
    return path


def ids(hits) -> list[tuple[str, str]]:
    return [(h.paper.paper_id, h.chunk.chunk_id) for h in hits]


def test_a_second_machine_searches_without_holding_the_texts(chroma_server, tmp_path, models_dir, embedder):
    url, _ = chroma_server
    writer = Library(make_settings(tmp_path / "machine-a", models_dir, chroma_url=url), embedder=embedder)
    writer.ingest([*FILES, paper_with_a_body(tmp_path / "papers")])
    server = RemoteLibrary(connect(writer.settings), writer.index_name, url).read()
    assert len(server.chunks) > 100

    # The reference: the same server snapshot as a full local copy (texts and a bm25s index held in memory).
    full_settings = make_settings(tmp_path / "full-copy", models_dir, chroma_url=url)
    write_copy(full_settings, writer.index_name, index_params(full_settings, embedder.model_id), server)
    full = Library(full_settings, embedder=embedder)
    full._followed_at = float("inf")  # read the copy written above, never sync it again
    assert isinstance(full.retriever.chunks, MemoryPassages)

    reader = Library(make_settings(tmp_path / "machine-b", models_dir, chroma_url=url), embedder=embedder)
    shown = 0
    for query in QUERIES:
        hits = reader.search(query, k=5)
        assert ids(hits) == ids(full.search(query, k=5)) == ids(writer.search(query, k=5)), query
        shown += len(hits)  # a catalog question ("which papers did X co-author") lists all of X's papers
    passages = reader.retriever.chunks
    assert isinstance(reader.snapshot, LeanSnapshot) and isinstance(passages, Passages)
    assert 0 < passages.fetched <= shown < len(server.chunks) / 4, "only the shown passages were fetched"
    hit = reader.search(QUERIES[1], k=1)[0]
    assert hit.chunk == next(c for c in server.chunks if c.chunk_id == hit.chunk.chunk_id)  # text, passage, counts

    # Nothing on disk holds a passage's text either: the copy is the catalog, passage rows and BM25 arrays.
    phrase = "microstructure shear probes mounted on the nose cone"
    assert any(phrase in c.passage for c in server.chunks if c.kind == "body")
    copy = reader.snapshot.folder
    assert not any(phrase.encode() in p.read_bytes() for p in copy.rglob("*") if p.is_file())

    # What answering reads, through the view: one paper's chunks on demand, word statistics and BM25 scores.
    view, reference = reader.view(), full.view()
    before = passages.fetched
    assert view.chunks_by_paper[hit.paper.paper_id] == reference.chunks_by_paper[hit.paper.paper_id]
    assert passages.fetched - before <= len(reference.chunks_by_paper[hit.paper.paper_id])
    df, count = reader.snapshot.document_frequencies()
    assert (df, count) == (LibraryStats.of(server.chunks).df, len(server.chunks))
    tokens = ["privacy", "manifolds", "decoding"]
    assert view.bm25().get_scores(tokens).max() == pytest.approx(float(reference.bm25().get_scores(tokens).max()))
    stats = reader.stats()
    assert stats["chunks"] == len(server.chunks) and stats["sources"] == len(FILES) + 1


def test_filters_and_the_cli_on_a_reader_copy(chroma_server, tmp_path, models_dir, embedder):
    url, _ = chroma_server
    writer = Library(make_settings(tmp_path / "machine-a", models_dir, chroma_url=url), embedder=embedder)
    writer.ingest(FILES)
    reader = Library(make_settings(tmp_path / "machine-b", models_dir, chroma_url=url), embedder=embedder)
    author = next(p for p in writer.papers() if p.authors).authors[0].name
    kept = {p.paper_id for p in writer.papers(Filters(author=author))}
    hits = reader.search("learning", k=10, filters=Filters(author=author))
    assert hits and {h.paper.paper_id for h in hits} <= kept
    assert set(reader.retriever.sparse("learning models", kept)) and \
        {reader.retriever.chunks.paper_of(c) for c in reader.retriever.sparse("learning models", kept)} <= kept

    query = QUERIES[0]
    _, out = run_rag(["search", query, "-k", "5", "--json"], tmp_path / "machine-c", url, models_dir)
    assert [(h["paper_id"], h["chunk_id"]) for h in json.loads(out)] == ids(writer.search(query, k=5))

    # The copy is derived data: a damaged file (cut short) is noticed on load and the copy pulled again.
    damaged = reader.snapshot.folder / "ids.npy"
    damaged.write_bytes(damaged.read_bytes()[:-40])
    again = Library(make_settings(tmp_path / "machine-b", models_dir, chroma_url=url), embedder=embedder)
    assert ids(again.search(query, k=5)) == ids(writer.search(query, k=5))
    assert again.snapshot.folder != damaged.parent


def test_a_snapshot_of_an_older_writer_is_still_read_whole(chroma_server, tmp_path, models_dir, embedder):
    """A pointer without the reader's parts (published before they existed): the reader pulls the whole catalog."""
    url, _ = chroma_server
    writer = Library(make_settings(tmp_path / "machine-a", models_dir, chroma_url=url), embedder=embedder)
    writer.ingest(FILES[:1])
    meta = connect(writer.settings).get_collection("rag-meta")
    key = f"{writer.index_name}/pointer"
    got = meta.get(ids=[key], include=["metadatas", "documents"])
    old = {k: v for k, v in got["metadatas"][0].items() if not k.endswith(("_catalog", "_ids", "_sparse"))}
    meta.delete(ids=[key])
    meta.add(ids=[key], embeddings=[[0.0]], documents=got["documents"], metadatas=[old])

    reader = Library(make_settings(tmp_path / "machine-b", models_dir, chroma_url=url), embedder=embedder)
    assert ids(reader.search(QUERIES[0], k=5)) == ids(writer.search(QUERIES[0], k=5))
    assert isinstance(reader.retriever.chunks, MemoryPassages)
