"""Exact dense search (rag/dense.py) over the real seed index: numpy's brute force, the same in every instance."""

import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from conftest import SEEDS, make_settings
from test_chroma_server import chroma_server  # noqa: F401  (the fixture)
from rag.config import RetrievalSettings
from rag.dense import ExactIndex, _from_previous, _write, cosines, top_n, unit_rows
from rag.errors import RagError, StoreError
from rag.library import Library
from rag.store import connect

# Made-up phrasings, not any question set's wording.
QUERIES = [
    "how do agents keep policy updates small and stable",
    "measuring whether chatbots remember facts across very long dialogues",
    "energy-based associative memories with real-valued patterns",
    "privacy guarantees for data living on curved spaces",
    "moving single atoms in a crystal lattice with a microscope beam",
    "learning to sample compositional objects proportionally to a reward",
    "a survey of forgetting when models learn tasks one after another",
    "speeding up generation by guessing several tokens at once",
]


def publish_elsewhere(home, models_dir, note, text: str) -> None:
    """Ingest one note into `home` from another process (`rag ingest`), which publishes a new snapshot."""
    note.write_text(text)
    env = dict(os.environ, RAG_HOME=str(home), RAG_MODELS_DIR=str(models_dir))
    done = subprocess.run([sys.executable, "-m", "rag.cli", "ingest", str(note)], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def brute_force(settings, index_name, chunk_ids, vector, allowed_rows=None):
    """Top list by numpy alone: every stored vector read straight from Chroma (not through VectorStore), a full
    stable argsort of the cosines in snapshot chunk order."""
    got = connect(settings).get_collection(index_name).get(include=["embeddings"])
    by_id = dict(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32)))
    matrix = np.stack([by_id[cid] for cid in chunk_ids])
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    scores = np.einsum("ij,j->i", matrix, vector / np.linalg.norm(vector))  # as rag/dense.py sums
    order = np.argsort(-scores, kind="stable")
    if allowed_rows is not None:
        order = [r for r in order if r in allowed_rows]
    return [chunk_ids[r] for r in order], scores


def test_exact_search_is_numpys_brute_force_top_n(seeded, embedder):
    retriever = seeded.retriever
    assert retriever.exact is not None and len(retriever.exact) == seeded.snapshot.chunk_count
    chunk_ids = [c.chunk_id for c in seeded.snapshot.chunks]
    for query in QUERIES:
        vector = embedder.embed_query(query)
        expected, scores = brute_force(seeded.settings, seeded.index_name, chunk_ids, vector)
        found = retriever.dense(query, n=50)
        assert [cid for cid, _ in found] == expected[:50], query
        row = {cid: n for n, cid in enumerate(chunk_ids)}
        assert [s for _, s in found] == pytest.approx([float(scores[row[c]]) for c, _ in found], abs=1e-6)


def test_a_paper_filter_keeps_exactly_those_papers_passages_in_brute_force_order(seeded, embedder):
    retriever = seeded.retriever
    chunk_ids = [c.chunk_id for c in seeded.snapshot.chunks]
    query = QUERIES[0]
    papers = {h.paper.paper_id for h in seeded.search(query, k=3)}
    rows = {n for n, c in enumerate(seeded.snapshot.chunks) if c.paper_id in papers}
    expected, _ = brute_force(seeded.settings, seeded.index_name, chunk_ids, embedder.embed_query(query), rows)
    assert [cid for cid, _ in retriever.dense(query, allowed=papers, n=500)] == expected
    assert list(retriever.chunk_scores(query, sorted(papers), n=500)) == expected  # evidence reads the same ranking
    assert retriever.dense(query, allowed=set(), n=10) == [] and retriever.dense(query, allowed={"no-such-paper"}) == []


def test_two_fresh_instances_give_the_same_lists(seeded_home, models_dir, embedder):
    """Each instance reopens Chroma from disk (its client cache cleared), so an HNSW graph would be rebuilt; the
    exact lists are equal because each one is numpy's brute force, not because a repeat happened to agree."""
    from chromadb.api.client import SharedSystemClient

    lists = []
    for _ in range(2):
        SharedSystemClient.clear_system_cache()
        library = Library(make_settings(seeded_home, models_dir), embedder=embedder)
        chunk_ids = [c.chunk_id for c in library.snapshot.chunks]
        got = [library.retriever.dense(q, n=50) for q in QUERIES]
        for query, found in zip(QUERIES, got):
            expected, _ = brute_force(library.settings, library.index_name, chunk_ids, embedder.embed_query(query))
            assert [cid for cid, _ in found] == expected[:50]
        lists.append(got)
    assert lists[0] == lists[1]


def test_a_library_above_the_setting_searches_chromas_hnsw_index(seeded_home, models_dir, embedder):
    small = RetrievalSettings(exact_search_max_chunks=100)  # the seed library has ~500 passages
    library = Library(make_settings(seeded_home, models_dir, retrieval=small), embedder=embedder)
    retriever = library.retriever
    assert retriever.exact is None
    vector = embedder.embed_query(QUERIES[1])
    from_chroma = [(cid, s) for cid, s in library.store.query(vector, 50) if cid in retriever.chunks]
    assert retriever.dense(QUERIES[1], n=50) == from_chroma
    assert library.search(QUERIES[1], k=3)  # the whole search runs on it


def test_the_unit_matrix_is_cached_per_snapshot_for_the_next_process(home, models_dir, embedder, tmp_path):
    from chromadb.api.client import SharedSystemClient

    shutil.rmtree(home / "cache" / "dense", ignore_errors=True)  # the shared seeded home may carry one already
    first = Library(make_settings(home, models_dir), embedder=embedder)
    lists = [first.retriever.dense(q, n=50) for q in QUERIES]
    [written] = (home / "cache" / "dense").glob("*.npy")
    assert written.name == f"{first.index_name}-{first.snapshot.name}.npy"
    chunk_ids = [c.chunk_id for c in first.snapshot.chunks]
    stored = first.store.vectors(chunk_ids)
    assert np.allclose(np.load(written), stored / np.linalg.norm(stored, axis=1, keepdims=True), atol=1e-6)

    SharedSystemClient.clear_system_cache()
    second = Library(make_settings(home, models_dir), embedder=embedder)
    assert isinstance(second.retriever.exact.matrix, np.memmap), "mapped from the file, not read from Chroma"
    assert [second.retriever.dense(q, n=50) for q in QUERIES] == lists

    written.write_bytes(written.read_bytes()[:200])  # a damaged file is rebuilt from the store, not trusted
    third = Library(make_settings(home, models_dir), embedder=embedder)
    assert isinstance(third.retriever.exact.matrix, np.memmap), "rebuilt, written whole, then mapped (shared pages)"
    assert [third.retriever.dense(q, n=50) for q in QUERIES] == lists and np.load(written).shape == stored.shape

    note = tmp_path / "note.md"
    note.write_text("# Tidal locking of exomoons\n\nWe model tidal torques on moons of gas giants over gigayears.\n")
    third.ingest([note])  # a new publish: the new snapshot's rows built from the older file plus the new passages

    class CountingStore:  # the real store, counting the vectors asked of it
        asked: list[str] = []

        def vectors(self, ids):
            self.asked.extend(ids)
            return third.store.vectors(ids)

    chunks = third.snapshot.chunks
    new = [c.chunk_id for c in chunks if c.chunk_id not in set(chunk_ids)]  # chunk_ids: before the publish
    cache = home / "cache" / "dense" / f"{third.index_name}-{third.snapshot.name}.npy"
    built = ExactIndex.load(CountingStore(), chunks, cache)
    assert sorted(CountingStore.asked) == sorted(new) and len(new) >= 1
    assert np.array_equal(built.matrix, unit_rows(third.store.vectors([c.chunk_id for c in chunks]))), "same bits"
    assert [p.name for p in (home / "cache" / "dense").glob("*.npy")] == [cache.name], "the older snapshot's removed"
    assert third.retriever.dense("tidal torques on moons", n=1)[0][0] in new


@pytest.mark.parametrize("exact_up_to", [100_000, 0], ids=["exact", "hnsw"])
def test_a_long_running_process_finds_passages_another_process_published(home, models_dir, embedder, tmp_path,
                                                                         exact_up_to):
    """Embedded Chroma keeps the vectors a process loaded at open: reading the vectors of passages published
    since failed, and HNSW search silently left them out (count() saw them, query() did not). The reader opens
    the store afresh when it takes up the new snapshot."""
    shutil.rmtree(home / "cache" / "dense", ignore_errors=True)
    settings = make_settings(home, models_dir, retrieval=RetrievalSettings(exact_search_max_chunks=exact_up_to))
    reader = Library(settings, embedder=embedder)
    question = "tidal torques on the moons of gas giants"
    assert reader.retriever.dense(question, n=5)  # the store is open and its vectors loaded
    assert (reader.retriever.exact is None) == (exact_up_to == 0)
    opened = reader.client
    publish_elsewhere(home, models_dir, tmp_path / "exomoons.md",
                      "# Tidal locking of exomoons\n\nWe model tidal torques on moons of gas giants over gigayears.\n")
    [paper] = [p for p in reader.snapshot.papers if p.title == "Tidal locking of exomoons"]
    nearest = reader.retriever.dense(question, n=3)
    assert reader.retriever.chunks.paper_of(nearest[0][0]) == paper.paper_id
    assert reader.search(question, k=1)[0].paper.paper_id == paper.paper_id
    assert reader.client is reader.store.client is not opened  # nothing holds the first client's loaded vectors


def test_a_live_passage_without_a_vector_is_one_clear_error(home, models_dir, embedder):
    shutil.rmtree(home / "cache" / "dense", ignore_errors=True)  # no cached matrix: the vectors are read
    library = Library(make_settings(home, models_dir), embedder=embedder)
    live = library.snapshot.chunks[3].chunk_id
    library.store.delete([live])
    library.store.add(["stray-from-a-killed-run"], embedder.embed_query("stray")[None, :], ["stray"],
                      [{"paper_id": "nope"}])  # the count still matches, so only the vector read can tell
    with pytest.raises(StoreError, match=r"1 of \d+ passages have no vector .* run `rag ingest`"):
        library.search(QUERIES[2])


def test_equal_cosines_keep_chunk_order_and_every_tie_at_the_cut_is_seen():
    same = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    matrix = np.stack([[0.0, 1.0, 0.0], same, same * 2, [0.6, 0.8, 0.0], same, same])
    index = ExactIndex([f"c{i}" for i in range(6)], ["a", "b", "a", "b", "b", "a"], matrix)
    assert [cid for cid, _ in index.search(same, 3)] == ["c1", "c2", "c4"]  # four tie at 1.0: the first three
    assert [cid for cid, _ in index.search(same, 10, {"a"})] == ["c2", "c5", "c0"]
    assert [cid for cid, _ in index.search(same, 2, ["b"])] == ["c1", "c4"]
    assert list(top_n(np.array([0.5, 0.9, 0.5, 0.5], dtype=np.float32), 2)) == [1, 0]
    assert index.search(same, 0) == [] and index.search(same, 3, []) == []


def test_an_empty_cache_file_is_rebuilt_and_search_works(home, models_dir, embedder):
    """np.load of a 0-byte .npy raises EOFError (not OSError/ValueError): it must count as damaged, not crash."""
    shutil.rmtree(home / "cache" / "dense", ignore_errors=True)
    first = Library(make_settings(home, models_dir), embedder=embedder)
    expected = first.retriever.dense(QUERIES[3], n=20)
    [written] = (home / "cache" / "dense").glob("*.npy")
    written.write_bytes(b"")
    again = Library(make_settings(home, models_dir), embedder=embedder)
    assert again.retriever.dense(QUERIES[3], n=20) == expected
    assert isinstance(again.retriever.exact.matrix, np.memmap)  # rebuilt from the store, written, then mapped
    assert len(np.load(written)) == first.snapshot.chunk_count  # and written again whole


def test_a_rows_cosine_has_the_same_bits_gathered_or_in_the_whole_matrix():
    rng = np.random.default_rng(7)
    matrix = unit_rows(rng.standard_normal((3001, 576)).astype(np.float32))
    query = rng.standard_normal(576).astype(np.float32)
    whole = cosines(matrix, query)
    rows = np.array([0, 5, 17, 1000, 2999, 3000])
    assert np.array_equal(cosines(matrix[rows], query), whole[rows])
    assert np.array_equal(cosines(matrix[1:], query), whole[1:])  # a row's position does not change its sum
    assert all(cosines(matrix[r : r + 1], query)[0] == whole[r] for r in rows)


def test_a_publish_copies_rows_from_the_newest_older_file_and_removes_only_older_ones(tmp_path):
    """Files are ordered by the publish number in their names (not by mtime, which another process can race);
    a process writing snapshot 20 must leave snapshot 30's file, written by a process that published since."""
    rng = np.random.default_rng(3)
    vectors = {f"c{i}": rng.standard_normal(8).astype(np.float32) for i in range(6)}

    class Store:
        asked: list[str] = []

        def vectors(self, ids):
            self.asked.extend(ids)
            return np.stack([vectors[i] for i in ids])

    dense = tmp_path / "dense"
    name = "papers-ab12-gen-{}-77.npy"
    _write(dense / name.format(30), ["c5"], unit_rows(vectors["c5"][None, :].copy()))
    _write(dense / name.format(10), ["c0", "c9"], unit_rows(np.stack([vectors["c0"], np.ones(8, np.float32)])))
    _write(dense / name.format(9), ["c1"], np.zeros((1, 8), np.float32))  # written last, older by number: not used
    (dense / "papers-other-gen-1-1.npy").write_bytes(b"another index")
    built = ExactIndex.load(Store(), [type("C", (), {"chunk_id": c, "paper_id": "p"})() for c in ("c0", "c1")],
                            dense / name.format(20))
    assert Store.asked == ["c1"], "c0 copied from generation 10, the newest older file"
    assert np.array_equal(built.matrix, unit_rows(np.stack([vectors["c0"], vectors["c1"]])))
    left = sorted(p.name for p in dense.iterdir())
    assert left == sorted([name.format(20), name.format(20)[:-4] + ".ids", name.format(30), name.format(30)[:-4] + ".ids",
                           "papers-other-gen-1-1.npy"])


def test_rows_copied_from_an_older_file_and_rows_read_anew_land_in_place(tmp_path):
    rng = np.random.default_rng(5)
    old = unit_rows(rng.standard_normal((4, 8)).astype(np.float32))
    _write(tmp_path / "i-gen-1-1.npy", ["a", "b", "c", "d"], old)
    fresh = rng.standard_normal((2, 8)).astype(np.float32)

    class Store:
        def vectors(self, ids):
            assert ids == ["x", "y"]
            return fresh.copy()

    got = _from_previous(tmp_path / "i-gen-2-1.npy", ["x", "d", "b", "y"], Store())
    assert np.array_equal(got, np.stack([unit_rows(fresh.copy())[0], old[3], old[1], unit_rows(fresh.copy())[1]]))
    assert not isinstance(got, np.memmap) and got.flags.writeable  # a private copy, not a view of the older file


def test_a_reader_started_before_the_servers_library_exists_finds_it_once_published(chroma_server, tmp_path,
                                                                                   models_dir, embedder):
    """Following a server reads its pointer through Library.client before any snapshot is mirrored: that must not
    open the store, or it would fix the collection as the empty stand-in a reader gets while none exists."""
    url, _ = chroma_server
    reader = Library(make_settings(tmp_path / "machine-b", models_dir, chroma_url=url), embedder=embedder)
    with pytest.raises(RagError, match="is empty"):
        reader.search(QUERIES[0])
    assert "store" not in reader.__dict__ and reader.client is not None
    writer = Library(make_settings(tmp_path / "machine-a", models_dir, chroma_url=url), embedder=embedder)
    writer.ingest([SEEDS / "000_0ba56049ec9660b1.txt"])
    reader._followed_at = float("-inf")  # follow now rather than after FOLLOW_SERVER_S
    paper = writer.papers()[0]
    assert reader.search(paper.title, k=1)[0].paper.paper_id == paper.paper_id
    assert reader.client is reader.store.client


def test_a_library_opened_later_in_the_same_process_reads_what_another_process_published(home, models_dir, embedder,
                                                                                         tmp_path):
    """Chroma shares one system per folder within a process. A Library opened after another process published
    used to inherit the first Library's older system, and reading the new passages' vectors failed ("Error finding
    id") on every search it made — the CI failure of test_searches_during_publishes_never_fail."""
    shutil.rmtree(home / "cache" / "dense", ignore_errors=True)
    settings = make_settings(home, models_dir)
    first = Library(settings, embedder=embedder)
    assert first.search("policy updates kept small", k=1)  # its system is open, its vectors loaded
    publish_elsewhere(home, models_dir, tmp_path / "seagrass.md",
                      "# Carbon burial in seagrass meadows\n\nWe measure how seagrass meadows bury carbon in sediment.\n")
    later = Library(settings, embedder=embedder)  # same process, never saw the old snapshot
    [hit] = later.search("how much carbon do seagrass meadows bury", k=1)
    assert hit.paper.title == "Carbon burial in seagrass meadows"
