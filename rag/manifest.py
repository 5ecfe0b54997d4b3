"""The library manifest: what the library holds, kept outside every snapshot.

A snapshot is derived data that an ingest replaces; the manifest is the list a rebuild starts from: every
source file with its hash and the papers read from it. It lives at `<home>/library.json`, is replaced
atomically (write, fsync, rename) and the version before is kept as `library.json.bak`, so any single
damaged or deleted file under the data dir — a snapshot file, CURRENT, the Chroma database, the manifest
itself — still leaves one intact list of sources. It is written before a snapshot is published, so it
never lists less than the published snapshot holds.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "library.json"
MANIFEST_FORMAT = 1


@dataclass
class SourceEntry:
    path: str
    sha256: str
    size: int
    mtime_ns: int
    papers: list[dict] = field(default_factory=list)  # {"paper_id", "title"}: enough to name what a loss loses

    def describe(self) -> str:
        titles = "; ".join(p.get("title", "?")[:60] for p in self.papers[:3])
        more = f"; +{len(self.papers) - 3} more" if len(self.papers) > 3 else ""
        return f"{self.path} ({len(self.papers)} paper{'s' * (len(self.papers) != 1)}: {titles}{more})"


@dataclass
class Manifest:
    sources: dict[str, SourceEntry] = field(default_factory=dict)
    loaded_from: Path | None = None  # the file it came from (the backup when the main copy was damaged)
    problem: str = ""  # why the main copy could not be used, if it could not

    @property
    def papers(self) -> int:
        return sum(len(s.papers) for s in self.sources.values())


def manifest_path(home: Path) -> Path:
    return Path(home) / MANIFEST_NAME


def backup_path(home: Path) -> Path:
    return Path(home) / (MANIFEST_NAME + ".bak")


def _digest(sources: list[dict]) -> str:
    return hashlib.sha256(json.dumps(sources, sort_keys=True).encode()).hexdigest()


def _parse(path: Path) -> Manifest:
    """The manifest in `path`; ValueError/OSError when it is absent, not JSON, or fails its checksum."""
    data = json.loads(path.read_bytes().decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        raise ValueError("not a library manifest")
    raw = data.get("sources")
    if not isinstance(raw, list) or data.get("digest") != _digest(raw):
        raise ValueError("checksum mismatch")
    sources: dict[str, SourceEntry] = {}
    for item in raw:
        entry = SourceEntry(path=str(item["path"]), sha256=str(item["sha256"]), size=int(item["size"]),
                            mtime_ns=int(item["mtime_ns"]), papers=[dict(p) for p in item.get("papers", [])])
        sources[entry.path] = entry
    return Manifest(sources=sources, loaded_from=path)


def load(home: Path) -> Manifest:
    """The manifest, else its backup, else an empty one; `problem` says what was wrong with the main copy."""
    main, backup = manifest_path(home), backup_path(home)
    problem = ""
    try:
        return _parse(main)
    except FileNotFoundError:
        problem = "missing" if backup.exists() else ""
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        problem = f"damaged ({type(exc).__name__}: {str(exc)[:80]})"
    try:
        manifest = _parse(backup)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest(problem=problem)
    manifest.problem = problem
    return manifest


def entries_from(sources) -> dict[str, SourceEntry]:
    """Manifest entries for snapshot SourceStates."""
    return {
        s.path: SourceEntry(path=s.path, sha256=s.sha256, size=s.size, mtime_ns=s.mtime_ns,
                            papers=[{"paper_id": p.paper_id, "title": p.title} for p in s.papers])
        for s in sources
    }


def write(home: Path, entries: dict[str, SourceEntry]) -> None:
    """Replace the manifest atomically; the previous intact version becomes the backup."""
    home = Path(home)
    main, backup = manifest_path(home), backup_path(home)
    raw = [vars(entries[key]) for key in sorted(entries)]
    body = json.dumps({"format": MANIFEST_FORMAT, "updated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                       "digest": _digest(raw), "sources": raw}, indent=1).encode()
    try:
        current = main.read_bytes()
        _parse(main)  # only an intact manifest may replace the backup
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        current = None
    if current is not None:
        _atomic_write(backup, current)
    _atomic_write(main, body)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- the exported embedding model ------------------------------------------------------------------
# The ONNX export under the data dir is derived too, but damage inside its weights can load without error
# and silently change every vector. Its sha256 is recorded beside it on first use (`<file>.sha256`) and
# checked by `rag doctor` and `rag ingest --rebuild`; a mismatch removes the file so it is exported again.

def model_digest_path(model_file: Path) -> Path:
    return model_file.with_name(model_file.name + ".sha256")


def file_sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def record_model(model_file: Path | None) -> None:
    """Remember the export's hash the first time it is seen (nothing to do when it is already recorded)."""
    if model_file is None or not model_file.exists() or model_digest_path(model_file).exists():
        return
    _atomic_write(model_digest_path(model_file), file_sha256(model_file).encode())


def model_damaged(model_file: Path | None) -> bool:
    """True when the export no longer matches the hash recorded for it."""
    if model_file is None or not model_file.exists():
        return False
    try:
        recorded = model_digest_path(model_file).read_text().strip()
    except OSError:
        return False
    return recorded != file_sha256(model_file)


def forget_model(model_file: Path) -> None:
    """Remove a damaged export and its hash: the embedder exports it again on first use."""
    model_file.unlink(missing_ok=True)
    model_digest_path(model_file).unlink(missing_ok=True)
