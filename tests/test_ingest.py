"""Ingest against the real embedder and a real Chroma in a temp dir."""

import pytest

from rag import snapshot as snapshots
from rag.config import ChunkSettings
from rag.embedding import Embedder
from rag.errors import IngestError
from rag.library import Library

from conftest import make_settings


def test_seeds_ingest_once_then_are_up_to_date(seeded):
    stats = seeded.stats()
    assert stats["sources"] == 3
    assert stats["papers_by_format"] == {"institute": 16, "profile": 50, "trending": 83}
    assert stats["vectors"] == stats["chunks"]
    assert stats["chunk_tokens_max"] <= 200
    report = seeded.ingest()
    assert report.up_to_date and report.embedded == 0 and report.files_unchanged == 3


def test_incremental_new_changed_and_deleted_files(settings, embedder, seed_copy):
    library = Library(settings, embedder=embedder)
    first = library.ingest([seed_copy])
    assert len(first.files_added) == 3 and first.embedded == first.chunks

    note = seed_copy / "my-notes.md"
    note.write_text("# Tidal Locking of Exomoons\n\nWe measure tidal locking of exomoons. It is slow.\n")
    (seed_copy / "002_20b99271ad968f3b.txt").unlink()
    second = library.ingest([seed_copy])
    assert second.files_added == [str(note.resolve())]
    assert len(second.files_removed) == 1 and second.files_removed[0].endswith("002_20b99271ad968f3b.txt")
    assert second.embedded == 2, "only the new note's header and passage are embedded"
    assert second.papers == first.papers - 83 + 1
    assert library.store.count() == second.chunks, "the deleted page's vectors are gone from Chroma"
    assert library.search("tidal locking of exomoons", k=1)[0].paper.title == "Tidal Locking of Exomoons"

    note.write_text("# Tidal Locking of Exomoons\n\nWe measure tidal locking of exomoons. It is fast, in fact.\n")
    third = library.ingest([seed_copy])
    assert third.files_changed and third.embedded == 1, "the header is unchanged, only the passage is re-embedded"


class InterruptAfter(Embedder):
    """The real embedder, but Ctrl-C arrives after `batches` batches (a kill mid-ingest)."""

    def __init__(self, inner: Embedder, batches: int):
        self.inner, self.left = inner, batches
        self.model_id, self.dimensions, self.max_tokens = inner.model_id, inner.dimensions, inner.max_tokens

    def embed_batch(self, texts):
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        return self.inner.embed_batch(texts)

    def count_tokens(self, texts):
        return self.inner.count_tokens(texts)


def test_interrupted_ingest_keeps_the_previous_index_and_the_next_run_completes_it(settings, embedder, seed_copy):
    institute = seed_copy / "000_0ba56049ec9660b1.txt"
    for other in seed_copy.iterdir():
        if other != institute:
            other.unlink()
    library = Library(settings, embedder=embedder)
    library.ingest([seed_copy])
    before = snapshots.load(settings.snapshots_dir, library.index_name)

    from conftest import SEEDS
    for name in ("001_054a3ea104bf4a98.txt", "002_20b99271ad968f3b.txt"):
        (seed_copy / name).write_bytes((SEEDS / name).read_bytes())
    with pytest.raises(KeyboardInterrupt):
        Library(settings, embedder=InterruptAfter(embedder, batches=2)).ingest([seed_copy])

    survivor = Library(settings, embedder=embedder)
    assert len(survivor.snapshot.papers) == len(before.papers) == 16
    hits = survivor.search("Gaussian reshaped trust region", k=5)
    assert all(h.paper.sources[0].path.endswith("000_0ba56049ec9660b1.txt") for h in hits), \
        "vectors of the killed run are not visible before they are published"

    done = survivor.ingest([seed_copy])
    assert done.papers == len(survivor.snapshot.papers) > 140
    assert 0 < done.embedded < done.chunks, "batches stored by the killed run are reused"
    assert survivor.search("Gaussian reshaped trust region", k=1)[0].paper.title.startswith("Local Guidance")


def test_changed_chunk_settings_build_a_new_index_beside_the_old(tmp_path, models_dir, embedder, seed_copy):
    small = make_settings(tmp_path / "h", models_dir, chunking=ChunkSettings(max_tokens=120))
    default = make_settings(tmp_path / "h", models_dir)
    a, b = Library(default, embedder=embedder), Library(small, embedder=embedder)
    assert a.index_name != b.index_name
    a.ingest([seed_copy / "000_0ba56049ec9660b1.txt"])
    b.ingest([seed_copy / "000_0ba56049ec9660b1.txt"])
    assert a.stats()["chunks"] < b.stats()["chunks"]
    assert a.stats()["vectors"] == a.stats()["chunks"], "the old index is untouched"


def test_bad_paths_fail_with_one_clear_line(settings, embedder, tmp_path):
    library = Library(settings, embedder=embedder)
    with pytest.raises(IngestError, match="no such file or folder"):
        library.ingest([tmp_path / "missing.pdf"])
    bad = tmp_path / "paper.docx"
    bad.write_text("x")
    with pytest.raises(IngestError, match="unsupported file type"):
        library.ingest([bad])
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    report = library.ingest([empty])
    assert report.errors and "empty" in report.errors[0]


def test_rebuild_keeps_the_users_own_files(settings, embedder, seed_copy, tmp_path):
    note = tmp_path / "mine.md"
    note.write_text("# Tidal Locking of Exomoons\n\nWe measure tidal locking of exomoons.\n")
    library = Library(settings, embedder=embedder)
    library.ingest([seed_copy / "000_0ba56049ec9660b1.txt"])
    library.ingest([note])
    rebuilt = library.ingest([seed_copy / "000_0ba56049ec9660b1.txt"], rebuild=True)
    assert rebuilt.papers == 17
    assert library.search("tidal locking of exomoons", k=1)[0].paper.title == "Tidal Locking of Exomoons"
