"""Files a user uploads: checked, given safe names, copied into `<home>/uploads/`, then ingested.

The copies land in the same index `rag ingest` builds: ingest is incremental, so the files it
already knows (the seeds, earlier uploads) stay as they are and only the new ones are embedded.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from rag.errors import RagError
from rag.ingest import SUPPORTED_SUFFIXES
from rag.lock import writer_lock
from rag.parsing import DEFAULT_MAX_BYTES

MAX_UPLOAD_BYTES = DEFAULT_MAX_BYTES  # the parser refuses larger files anyway; say so before copying
MAX_NAME_CHARS = 100


class UploadError(RagError):
    """An uploaded file cannot be added; the message says which and why."""


def uploads_dir(home: Path) -> Path:
    return Path(home) / "uploads"


def safe_name(name: str) -> str:
    """A file name that cannot leave the uploads folder or surprise a shell: ASCII letters, digits, '.', '-', '_'.

    Any folder part ('../', 'C:\\') is dropped, accents are folded ('é' -> 'e'), other characters become '_',
    and a leading dot is removed so no upload is hidden. The suffix must be one ingest reads.
    """
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFKD", base) if not unicodedata.combining(ch))
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = "." + suffix.lower() if suffix else ""
    if suffix not in SUPPORTED_SUFFIXES:
        shown = name if len(name or "") <= 80 else name[:77] + "..."
        raise UploadError(f"{shown}: unsupported file type {suffix or '(none)'} — add .pdf, .txt or .md files")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem)
    stem = re.sub(r"_{2,}", "_", stem).strip("._-")
    stem = stem[: MAX_NAME_CHARS - len(suffix)].rstrip("._-") or "upload"
    return stem + suffix


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def store_uploads(files: Sequence[Path], folder: Path, max_bytes: int = MAX_UPLOAD_BYTES) -> list[Path]:
    """Copy the files into `folder` under safe names; return the copies.

    Everything is checked before anything is copied, so a bad file adds nothing. A file whose
    content is already there is not copied twice; a different file with a taken name gets '-2', '-3', ...
    """
    if not files:
        raise UploadError("no file was given — choose PDF, .txt or .md files first")
    checked: list[tuple[Path, str]] = []
    for file in files:
        file = Path(file)
        name = safe_name(file.name)
        try:
            size = file.stat().st_size
        except OSError as exc:
            raise UploadError(f"{file.name}: cannot be read ({exc.strerror or exc})") from None
        if size > max_bytes:
            raise UploadError(f"{file.name} is {size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB per "
                              f"file — split it, or add it with `rag ingest PATH`")
        if size == 0:
            raise UploadError(f"{file.name} is empty")
        checked.append((file, name))
    folder.mkdir(parents=True, exist_ok=True)
    stored: list[Path] = []
    for file, name in checked:
        digest = _digest(file)
        stem, suffix = name[: -len(Path(name).suffix)], Path(name).suffix
        target, number = folder / name, 2
        while target.exists() and _digest(target) != digest:
            target, number = folder / f"{stem}-{number}{suffix}", number + 1
        if not target.exists():
            partial = target.with_name(f".{target.name}.partial")
            shutil.copyfile(file, partial)
            partial.replace(target)
        stored.append(target)
    return stored


def add_uploads(library, files: Sequence[Path], progress: bool = False):
    """Store the uploads and ingest them into the library's index; returns (stored paths, IngestReport).

    The data dir's writer lock is held from the copy to the publish, so two uploads (or an upload and a
    `rag ingest`) never pick the same name or publish over each other; a second one queues.
    """
    with writer_lock(library.settings.home):
        stored = store_uploads(files, uploads_dir(library.settings.home))
        return stored, library.ingest(stored, progress=progress)
