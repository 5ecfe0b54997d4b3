"""The committed state of an index: paper catalog, live chunks, BM25 index and the sources that built them.

Chroma holds vectors; a snapshot says which of them are live. A snapshot is a folder of plain
files (JSON lines, bm25s arrays, a versioned params file; no pickles) written in full and then
published by atomically replacing the CURRENT pointer. A killed ingest therefore leaves the previous
snapshot in force: search keeps working and ignores any vectors the killed run had added.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from rag.errors import NotIndexedError, StoreError
from rag.records import Chunk, Paper

SNAPSHOT_FORMAT = 1


@dataclass
class SourceState:
    """A file that fed the index, and what it looked like then (for incremental ingest)."""

    path: str
    sha256: str
    size: int
    mtime_ns: int
    format: str
    papers: list[Paper] = field(default_factory=list)
    parser_version: int = 0

    def to_json(self) -> dict:
        return {
            "path": self.path, "sha256": self.sha256, "size": self.size, "mtime_ns": self.mtime_ns,
            "format": self.format, "parser_version": self.parser_version,
            "papers": [p.model_dump(mode="json") for p in self.papers],
        }

    @classmethod
    def from_json(cls, data: dict) -> "SourceState":
        return cls(
            path=data["path"], sha256=data["sha256"], size=data["size"], mtime_ns=data["mtime_ns"],
            format=data["format"], papers=[Paper.model_validate(p) for p in data["papers"]],
            parser_version=data.get("parser_version", 0),
        )


@dataclass
class Snapshot:
    index_name: str
    params: dict
    sources: list[SourceState]
    papers: list[Paper]
    chunks: list[Chunk]
    folder: Path | None = None
    _bm25: object | None = None

    @property
    def papers_by_id(self) -> dict[str, Paper]:
        return {p.paper_id: p for p in self.papers}

    def bm25(self):
        """The BM25 index, loaded on first use (most commands never need it)."""
        if self._bm25 is None and self.folder is not None and (self.folder / "bm25").exists():
            import bm25s

            self._bm25 = bm25s.BM25.load(str(self.folder / "bm25"), show_progress=False, verbosity=0)
        return self._bm25


def snapshot_root(snapshots_dir: Path, index_name: str) -> Path:
    return snapshots_dir / index_name


def load(snapshots_dir: Path, index_name: str) -> Snapshot:
    root = snapshot_root(snapshots_dir, index_name)
    pointer = root / "CURRENT"
    if not pointer.exists():
        raise NotIndexedError("nothing is indexed yet for these settings — run `rag ingest` (default: the seeds)")
    folder = root / pointer.read_text().strip()
    try:
        params = json.loads((folder / "params.json").read_text())
        if params.get("format") != SNAPSHOT_FORMAT:
            raise ValueError(f"format {params.get('format')} (expected {SNAPSHOT_FORMAT})")
        sources = [SourceState.from_json(json.loads(line)) for line in _lines(folder / "sources.jsonl")]
        papers = [Paper.model_validate_json(line) for line in _lines(folder / "papers.jsonl")]
        chunks = [Chunk.model_validate_json(line) for line in _lines(folder / "chunks.jsonl")]
    except (OSError, ValueError, KeyError) as exc:
        raise StoreError(
            f"the index snapshot at {folder} is damaged ({str(exc).splitlines()[0][:160]}) — "
            f"run `rag ingest --rebuild` to rebuild it from the sources"
        ) from exc
    return Snapshot(index_name=index_name, params=params, sources=sources, papers=papers, chunks=chunks, folder=folder)


def try_load(snapshots_dir: Path, index_name: str) -> Snapshot | None:
    try:
        return load(snapshots_dir, index_name)
    except NotIndexedError:
        return None


def write(snapshots_dir: Path, snapshot: Snapshot, corpus_tokens: list[list[str]]) -> Path:
    """Write a new snapshot folder, then publish it atomically; older folders are removed afterwards.

    A write that fails (disk full, read-only folder) leaves the previous snapshot in force, removes the
    half-written folder and raises StoreError with the fix.
    """
    root = snapshot_root(snapshots_dir, snapshot.index_name)
    name = f"gen-{time.time_ns()}-{os.getpid()}"
    tmp = root / f".{name}.tmp"
    try:
        return _write(root, name, tmp, snapshot, corpus_tokens)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        where = exc.filename or root
        raise StoreError(f"disk full or unwritable: {where} ({exc.strerror or exc}) — free space and run "
                         f"`rag ingest` again; the previous index is still in use") from exc


def _write(root: Path, name: str, tmp: Path, snapshot: Snapshot, corpus_tokens: list[list[str]]) -> Path:
    import bm25s

    root.mkdir(parents=True, exist_ok=True)
    tmp.mkdir()
    _write_lines(tmp / "sources.jsonl", (json.dumps(s.to_json()) for s in snapshot.sources))
    _write_lines(tmp / "papers.jsonl", (p.model_dump_json() for p in snapshot.papers))
    _write_lines(tmp / "chunks.jsonl", (c.model_dump_json() for c in snapshot.chunks))
    if corpus_tokens:
        retriever = bm25s.BM25()
        # An empty token list would be dropped by bm25s and shift every index: give it a placeholder.
        retriever.index([tokens or ["\x00empty"] for tokens in corpus_tokens], show_progress=False)
        retriever.save(str(tmp / "bm25"), show_progress=False)
    params = dict(snapshot.params, format=SNAPSHOT_FORMAT, created=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    (tmp / "params.json").write_text(json.dumps(params, indent=2))
    _fsync_tree(tmp)
    os.replace(tmp, root / name)
    pointer_tmp = root / "CURRENT.tmp"
    with open(pointer_tmp, "w") as handle:
        handle.write(name)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(pointer_tmp, root / "CURRENT")
    _fsync_dir(root)
    for old in root.iterdir():
        if old.is_dir() and old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    snapshot.folder = root / name
    return root / name


def _lines(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line


def _write_lines(path: Path, lines) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
