"""Durable plain files for snapshots: checksums, JSON-lines reading and writing, fsync of a folder tree.

Kept apart from rag/snapshot.py, which decides what a snapshot holds and how it is published; these
helpers only make sure bytes reach the disk and can be checked later (ingest's change check and
`rag doctor` use the same checksum).
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes: the one helper for snapshot files, ingest's change check and doctor."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def read_lines(data: bytes):
    """Non-blank lines of UTF-8 bytes, each with its newline."""
    for line in io.StringIO(data.decode("utf-8")):
        if line.strip():
            yield line


def write_lines(path: Path, lines) -> None:
    """One item per line; the caller fsyncs the folder once everything is written."""
    with open(path, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")


def fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
