"""Files -> papers -> chunks -> vectors in Chroma, plus a published snapshot.

Idempotent: chunk ids are content hashes, so unchanged text is never embedded twice.
Incremental: new, changed and deleted files are found by stat, then by content hash.
Interrupt-safe: vectors are added in batches first, the library manifest is written, the snapshot is
published atomically after, and stale vectors are deleted last; a killed run leaves the previous
snapshot in force, and the next run reuses every batch the killed one had stored.
One writer at a time: the whole run holds the data dir's writer lock (rag/lock.py).
Nothing lost: every file the library manifest lists is part of every run, so a rebuild after any damage
re-reads them all and names those whose source is gone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rag import manifest as manifests
from rag import snapshot as snapshots
from rag.chunking import chunk_metadata, chunk_papers, embedding_text
from rag.config import PROJECT_ROOT, Settings
from rag.embedding import Embedder
from rag.errors import IngestError, RagError, StoreError
from rag.index import index_name, index_params
from rag.lock import writer_lock
from rag.parsing import PARSER_VERSION, ParseError, merge_papers, parse_file
from rag.parsing.sniff import PDF_SUFFIXES, TEXT_SUFFIXES
from rag.snapshot import Snapshot, SourceState
from rag.store import VectorStore, move_aside, open_store
from rag.text import word_tokens

SUPPORTED_SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES  # what the parsers read; a second list disagreed on .markdown
EMBED_BATCH = 64


@dataclass
class IngestReport:
    index_name: str
    files_added: list[str] = field(default_factory=list)
    files_changed: list[str] = field(default_factory=list)
    files_removed: list[str] = field(default_factory=list)
    files_unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    papers: int = 0
    chunks: int = 0
    embedded: int = 0
    vectors_deleted: int = 0
    seconds: float = 0.0
    store_moved_aside: str | None = None
    sources_lost: list[str] = field(default_factory=list)  # listed in the library, source file gone: not restored
    vectors_restored: int = 0  # live passages whose vector was missing from the store, embedded again

    @property
    def up_to_date(self) -> bool:
        return not (self.files_added or self.files_changed or self.files_removed or self.embedded or self.vectors_deleted)

    def to_json(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__} | {"up_to_date": self.up_to_date}


def display_path(path: Path) -> str:
    """Paths inside the project are shown relative to it (seeds/...), others absolute."""
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def find_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        path = path.expanduser()
        if not path.exists():
            raise IngestError(f"no such file or folder: {path}")
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise IngestError(f"{path}: unsupported file type {path.suffix or '(none)'} — use .pdf, .txt or .md")
        else:
            files.append(path)
    return [f.resolve() for f in files]


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    embedder: Embedder,
    *,
    rebuild: bool = False,
    progress: bool = False,
    wait: bool = True,
    on_wait: Callable[[int | None], None] | None = None,
) -> IngestReport:
    """Bring the index up to date with `paths` plus every file the library already lists.

    Holds the data dir's writer lock throughout: with wait=False a second writer fails at once (LockedError),
    otherwise it calls on_wait(holder pid) and queues.
    """
    files = find_files(paths)  # bad paths fail before we queue for the lock
    with writer_lock(settings.home, wait=wait, on_wait=on_wait):
        model = model_file(embedder)
        if rebuild and manifests.model_damaged(model):
            manifests.forget_model(model)
            embedder.embed(["export the model again now"])  # from the package's weights, so it is recorded below
        report = _ingest(files, settings, embedder, rebuild, progress)
        manifests.record_model(model)
        return report


def model_file(embedder: Embedder) -> Path | None:
    """The embedder's exported model file under the data dir, for those that have one."""
    try:
        return getattr(embedder, "onnx_file", None)
    except RagError:
        return None


def _ingest(files: list[Path], settings: Settings, embedder: Embedder, rebuild: bool, progress: bool) -> IngestReport:
    started = time.perf_counter()
    name = index_name(settings, embedder.model_id)
    report = IngestReport(index_name=name)
    library = manifests.load(settings.home)
    if rebuild:
        # Rebuild everything the library held, not only what was named: re-read those files from scratch.
        previous = None
        known = list(library.sources) + _previous_source_paths(settings, name)
    else:
        previous = snapshots.try_load(settings.snapshots_dir, name)
        known = list(library.sources)
    if previous is None and (library.problem or not library.sources):
        # A new index (changed chunker or embedder) of a library whose manifest is missing or was made before
        # manifests existed: the other indexes' snapshots still say which files the library holds.
        known += _other_index_source_paths(settings, name)
    for path in dict.fromkeys(known):
        if not Path(path).exists() and (rebuild or previous is None or path not in {s.path for s in previous.sources}):
            entry = library.sources.get(path)
            report.sources_lost.append(entry.describe() if entry else path)
    files += [Path(path) for path in known if Path(path).exists()]
    sources = _refresh_sources(list(dict.fromkeys(files)), previous, report)
    if previous is not None and report.up_to_date and not report.errors:
        store = open_store(settings, name)
        if _store_matches(store, previous):
            if library.problem or set(library.sources) != {s.path for s in previous.sources}:
                manifests.write(settings.home, manifests.entries_from(previous.sources))
            report.papers, report.chunks = len(previous.papers), len(previous.chunks)
            report.seconds = time.perf_counter() - started
            return report

    papers = merge_papers([paper for source in sources for paper in source.papers])
    chunks = chunk_papers(papers, embedder.count_tokens, settings.chunking)
    papers_by_id = {p.paper_id: p for p in papers}
    store, stored = _open_for_ingest(settings, name, rebuild, report)
    missing = [c for c in chunks if c.chunk_id not in stored]
    if previous is not None:
        was_live = {c.chunk_id for c in previous.chunks}
        report.vectors_restored = sum(1 for c in missing if c.chunk_id in was_live)
    _embed_into(store, missing, papers_by_id, embedder, progress)
    report.embedded = len(missing)

    # The manifest first: it must never list less than a published snapshot holds.
    manifests.write(settings.home, manifests.entries_from(sources))
    params = index_params(settings, embedder.model_id) | {"papers": len(papers), "chunks": len(chunks)}
    snapshot = Snapshot(index_name=name, params=params, sources=sources, papers=papers, chunks=chunks)
    snapshots.write(settings.snapshots_dir, snapshot, [word_tokens(c.text) for c in chunks])

    live = {c.chunk_id for c in chunks}
    stale = stored - live
    store.delete(stale)
    report.vectors_deleted = len(stale)
    report.papers, report.chunks = len(papers), len(chunks)
    report.seconds = time.perf_counter() - started
    return report


def _store_matches(store: VectorStore, snapshot: Snapshot) -> bool:
    """Every live passage has its vector and no other vector is there (a store replaced or half rebuilt is not)."""
    live = {c.chunk_id for c in snapshot.chunks}
    return store.count() == len(live) and store.existing_ids(sorted(live)) == live


def _open_for_ingest(settings: Settings, name: str, rebuild: bool, report: IngestReport) -> tuple[VectorStore, set[str]]:
    """The store and the ids it holds. With --rebuild, an embedded store that cannot be read is moved aside
    (chroma.damaged-<time>) and built afresh: it is derived data, the sources can always rebuild it."""
    try:
        store = open_store(settings, name)
        return store, store.existing_ids()
    except StoreError:
        if not rebuild or settings.chroma_url:
            raise
    report.store_moved_aside = str(move_aside(settings))
    store = open_store(settings, name)
    return store, store.existing_ids()


def _previous_source_paths(settings: Settings, name: str) -> list[str]:
    """The files the last snapshot was built from, if it can still be read (a damaged one is rebuilt from the paths given)."""
    try:
        previous = snapshots.try_load(settings.snapshots_dir, name)
    except StoreError:
        return []
    return [source.path for source in previous.sources] if previous else []


def _other_index_source_paths(settings: Settings, name: str) -> list[str]:
    paths: list[str] = []
    for root in sorted(settings.snapshots_dir.glob("papers-*")) if settings.snapshots_dir.is_dir() else []:
        if root.name != name:
            paths += _previous_source_paths(settings, root.name)
    return paths


def _refresh_sources(files: list[Path], previous: Snapshot | None, report: IngestReport) -> list[SourceState]:
    """Parse what is new or changed (or was read by an older parser); keep what is unchanged; drop what was deleted.

    A file that fails to parse keeps its previous state (nothing already indexed is lost).
    """
    known = {s.path: s for s in previous.sources} if previous else {}
    wanted = {str(f): f for f in files}
    for path in known:
        wanted.setdefault(path, Path(path))
    result: list[SourceState] = []
    for key, path in wanted.items():
        old = known.get(key)
        if not path.exists():
            report.files_removed.append(display_path(path))
            continue
        stat = path.stat()
        current_parse = old is not None and old.parser_version == PARSER_VERSION
        if current_parse and old.size == stat.st_size and old.mtime_ns == stat.st_mtime_ns:
            result.append(old)
            report.files_unchanged += 1
            continue
        try:
            digest = _sha256(path)
        except IngestError as exc:
            report.errors.append(str(exc))
            if old:
                result.append(old)
            continue
        if current_parse and old.sha256 == digest:
            old.mtime_ns = stat.st_mtime_ns
            result.append(old)
            report.files_unchanged += 1
            continue
        try:
            papers = parse_file(path, display_path=display_path(path))
        except ParseError as exc:
            report.errors.append(str(exc))
            if old:
                result.append(old)
            continue
        fmt = papers[0].sources[0].format if papers and papers[0].sources else "unknown"
        result.append(SourceState(str(path), digest, stat.st_size, stat.st_mtime_ns, fmt, papers, PARSER_VERSION))
        (report.files_changed if old else report.files_added).append(display_path(path))
    return sorted(result, key=lambda s: s.path)


def _embed_into(store: VectorStore, chunks, papers_by_id, embedder: Embedder, progress: bool) -> None:
    bar = None
    if progress and chunks:
        from tqdm import tqdm

        bar = tqdm(total=len(chunks), unit="chunk", desc="embedding", dynamic_ncols=True)
    # Shortest first across the whole run, so every model batch holds texts of about one length (little padding);
    # which batch a chunk lands in does not matter to a resumed run, only whether its id is stored.
    texts = {c.chunk_id: embedding_text(c) for c in chunks}
    chunks = sorted(chunks, key=lambda c: len(texts[c.chunk_id]))
    try:
        for start in range(0, len(chunks), EMBED_BATCH):
            batch = chunks[start : start + EMBED_BATCH]
            vectors = embedder.embed([texts[c.chunk_id] for c in batch])
            store.add(
                ids=[c.chunk_id for c in batch],
                vectors=vectors,
                documents=[c.text for c in batch],
                metadatas=[chunk_metadata(papers_by_id[c.paper_id], c) for c in batch],
            )
            if bar:
                bar.update(len(batch))
    finally:
        if bar:
            bar.close()


def _sha256(path: Path) -> str:
    try:
        return snapshots.sha256_file(path)
    except OSError as exc:
        raise IngestError(f"cannot read {path}: {exc.strerror or exc}") from exc
