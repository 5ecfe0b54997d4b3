"""The committed state of an index: paper catalog, live chunks, BM25 index and the sources that built them.

Chroma holds vectors; a snapshot says which of them are live. A snapshot is a folder of plain
files (JSON lines, bm25s arrays, a versioned params file; no pickles) written in full and then
published by atomically replacing the CURRENT pointer. A killed ingest therefore leaves the previous
snapshot in force: search keeps working and ignores any vectors the killed run had added.

params.json carries the sha256 of every other file and a digest of itself, so any damaged or missing
file is detected on load (never a silent dense-only search or a traceback). A reader loads everything,
BM25 included, eagerly from the folder CURRENT named when it started; publishes keep the previous
KEEP_PREVIOUS folders, and a reader that still finds its folder gone re-reads CURRENT once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from rag.errors import NotIndexedError, StoreError
from rag.records import Chunk, Paper
from rag.snapshot_files import fsync_dir, fsync_tree, read_lines, sha256_file, write_lines
from rag.text import word_tokens

SNAPSHOT_FORMAT = 2
READABLE_FORMATS = (1, 2)  # format 1 had no checksums; it is still read
KEEP_PREVIOUS = 2  # published folders kept besides the current one, for readers that opened them
POINTER = "CURRENT"
_GENERATION = re.compile(r"gen-(\d+)-(\d+)")


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


class Published:
    """What every snapshot says of itself (a local one here, a shared library's reader copy in rag/shared/lean.py)."""

    folder: Path | None
    papers: list[Paper]

    @property
    def name(self) -> str | None:
        return self.folder.name if self.folder else None

    @property
    def papers_by_id(self) -> dict[str, Paper]:
        return {p.paper_id: p for p in self.papers}


@dataclass
class Snapshot(Published):
    index_name: str
    params: dict
    sources: list[SourceState]
    papers: list[Paper]
    chunks: list[Chunk]
    folder: Path | None = None
    _bm25: object | None = None

    def bm25(self):
        """The BM25 index, loaded with the snapshot (never later, from a folder a publish may have removed)."""
        return self._bm25

    # What readers ask of any snapshot; the shared library's reader copy (rag/shared/lean.py) answers the same
    # without holding the passages' texts.

    @property
    def chunk_count(self) -> int:
        return len(self.chunks)

    def token_counts(self) -> list[int]:
        return [c.token_count for c in self.chunks]

    def bind(self, store) -> None:
        """Texts are held here: nothing to fetch from the store."""

    def document_frequencies(self) -> tuple[dict[str, int], int]:
        """(word -> chunks holding it, chunks)."""
        df: dict[str, int] = {}
        for chunk in self.chunks:
            for word in set(word_tokens(chunk.text)):
                df[word] = df.get(word, 0) + 1
        return df, len(self.chunks)


def snapshot_root(snapshots_dir: Path, index_name: str) -> Path:
    return snapshots_dir / index_name


def _damaged(where: Path, why: str) -> StoreError:
    return StoreError(f"the index snapshot at {where} is damaged ({why.splitlines()[0][:160] if why else '?'}) — "
                      f"run `rag ingest --rebuild` to rebuild it from the sources")


def generations(root: Path) -> list[Path]:
    """Published snapshot folders, oldest first."""
    if not root.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in root.iterdir() if (m := _GENERATION.fullmatch(p.name)) and p.is_dir()]
    return [p for _, p in sorted(found)]


def current_name(snapshots_dir: Path, index_name: str) -> str | None:
    """The folder CURRENT names, None when there is no CURRENT; StoreError when it is not a snapshot name."""
    pointer = snapshot_root(snapshots_dir, index_name) / POINTER
    try:
        raw = pointer.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"cannot read {pointer} ({exc.strerror or exc}) — check the data dir's permissions") from None
    name = raw.decode("ascii", errors="replace").strip()
    if not _GENERATION.fullmatch(name):
        raise _damaged(pointer, "it names no snapshot")
    return name


def load(snapshots_dir: Path, index_name: str) -> Snapshot:
    root = snapshot_root(snapshots_dir, index_name)
    for attempt in range(2):
        name = current_name(snapshots_dir, index_name)
        if name is None:
            if generations(root):
                raise StoreError(f"the index pointer {root / POINTER} is missing, yet {len(generations(root))} "
                                 f"snapshot(s) are there — run `rag ingest --rebuild` to restore the index")
            raise NotIndexedError("nothing is indexed yet for these settings — run `rag ingest` (default: the seeds)")
        folder = root / name
        try:
            return _load_folder(index_name, folder)
        except FileNotFoundError as exc:
            if attempt == 0 and current_name(snapshots_dir, index_name) != name:
                continue  # a publish replaced the folder while we read it: read the one published now
            raise _damaged(folder, f"missing {Path(exc.filename or '?').name}") from None
        except StoreError:
            raise
        except Exception as exc:  # any failure to read derived data means it is damaged; the sources rebuild it
            raise _damaged(folder, f"{type(exc).__name__}: {exc}") from None
    raise _damaged(root, "it kept changing while being read")


def _load_folder(index_name: str, folder: Path):
    params_bytes = (folder / "params.json").read_bytes()
    params = json.loads(params_bytes)
    if isinstance(params, dict) and params.get("format") == "reader":  # a shared library's copy without texts
        from rag.shared.lean import load_folder

        return load_folder(index_name, folder, params)
    if not isinstance(params, dict) or params.get("format") not in READABLE_FORMATS:
        raise ValueError(f"format {params.get('format') if isinstance(params, dict) else '?'} "
                         f"(expected one of {READABLE_FORMATS})")
    contents: dict[str, bytes] = {}
    if params["format"] >= 2:
        if params.get("digest") != _params_digest(params):
            raise ValueError("params.json fails its checksum")
        for relative, expected in params["files"].items():
            data = (folder / relative).read_bytes()
            if hashlib.sha256(data).hexdigest() != expected:
                raise ValueError(f"{relative} fails its checksum")
            contents[relative] = data
    else:
        for relative in ("sources.jsonl", "papers.jsonl", "chunks.jsonl"):
            contents[relative] = (folder / relative).read_bytes()
    sources = [SourceState.from_json(json.loads(line)) for line in read_lines(contents["sources.jsonl"])]
    papers = [Paper.model_validate_json(line) for line in read_lines(contents["papers.jsonl"])]
    chunks = [Chunk.model_validate_json(line) for line in read_lines(contents["chunks.jsonl"])]
    bm25 = None
    if chunks:
        import bm25s

        bm25 = bm25s.BM25.load(str(folder / "bm25"), show_progress=False, verbosity=0)
        if int(bm25.scores["num_docs"]) != len(chunks):
            raise ValueError(f"BM25 holds {bm25.scores['num_docs']} passages, the catalog {len(chunks)}")
    return Snapshot(index_name=index_name, params=params, sources=sources, papers=papers, chunks=chunks,
                    folder=folder, _bm25=bm25)


def try_load(snapshots_dir: Path, index_name: str) -> Snapshot | None:
    try:
        return load(snapshots_dir, index_name)
    except NotIndexedError:
        return None


def write(snapshots_dir: Path, snapshot: Snapshot, corpus_tokens: list[list[str]]) -> Path:
    """Write a new snapshot folder, then publish it atomically; folders older than KEEP_PREVIOUS are removed after.

    The caller holds the data dir's writer lock. A write that fails (disk full, read-only folder) leaves
    the previous snapshot in force, removes the half-written folder and raises StoreError with the fix.
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
    for leftover in root.glob(".gen-*.tmp"):  # from a killed run: with the writer lock held, nobody else writes
        shutil.rmtree(leftover, ignore_errors=True)
    tmp.mkdir()
    write_lines(tmp / "sources.jsonl", (json.dumps(s.to_json()) for s in snapshot.sources))
    write_lines(tmp / "papers.jsonl", (p.model_dump_json() for p in snapshot.papers))
    write_lines(tmp / "chunks.jsonl", (c.model_dump_json() for c in snapshot.chunks))
    if corpus_tokens:
        retriever = bm25s.BM25()
        # An empty token list would be dropped by bm25s and shift every index: give it a placeholder.
        retriever.index([tokens or ["\x00empty"] for tokens in corpus_tokens], show_progress=False)
        retriever.save(str(tmp / "bm25"), show_progress=False)
    files = {str(p.relative_to(tmp)): sha256_file(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
    params = dict(snapshot.params, format=SNAPSHOT_FORMAT, created=time.strftime("%Y-%m-%dT%H:%M:%S%z"), files=files)
    params["digest"] = _params_digest(params)
    (tmp / "params.json").write_text(json.dumps(params, indent=2))
    fsync_tree(tmp)
    publish_folder(root, tmp, name)
    snapshot.folder = root / name
    snapshot.params = params
    return root / name


def new_folder(root: Path) -> tuple[str, Path]:
    """(name, temporary path) for a snapshot folder about to be written; leftovers of killed writers go first."""
    root.mkdir(parents=True, exist_ok=True)
    for leftover in root.glob(".gen-*.tmp"):  # with the writer lock held, nobody else writes
        shutil.rmtree(leftover, ignore_errors=True)
    name = f"gen-{time.time_ns()}-{os.getpid()}"
    return name, root / f".{name}.tmp"


def publish_folder(root: Path, tmp: Path, name: str) -> None:
    """Move a fully written folder into place, point CURRENT at it, remove folders older than KEEP_PREVIOUS."""
    os.replace(tmp, root / name)
    pointer_tmp = root / f"{POINTER}.tmp"
    with open(pointer_tmp, "w") as handle:
        handle.write(name)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(pointer_tmp, root / POINTER)
    fsync_dir(root)
    published = generations(root)
    keep = {root / name} | set([p for p in published if p.name != name][-KEEP_PREVIOUS:])
    for old in published:
        if old not in keep:
            shutil.rmtree(old, ignore_errors=True)


def _params_digest(params: dict) -> str:
    body = {k: v for k, v in params.items() if k != "digest"}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
