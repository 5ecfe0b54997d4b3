"""One writer at a time per data dir: an OS file lock held for a whole ingest.

`fcntl.flock` on `<home>/ingest.lock`: the kernel drops it when the holder exits, however it exits (kill -9
included), so a lock is never left stale. The holder writes its pid into the file so that whoever waits
can say for whom. Readers (search, ask, papers) never take it: they read published snapshots only.

flock locks belong to an open file, so two opens in one process would block each other; a per-process
re-entrant lock per data dir lets an upload hold it across "copy the files, then ingest them" while other
threads of the same process (UI requests) queue behind it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rag.errors import RagError

LOCK_NAME = "ingest.lock"


class LockedError(RagError):
    """Another process is writing to this data dir and we were asked not to wait."""


class ReadOnlyError(RagError):
    """The data dir cannot be written (a read-only mount): reads still work, writes cannot."""


class _Held:
    def __init__(self) -> None:
        self.mutex = threading.RLock()
        self.depth = 0
        self.fd: int | None = None


_HELD: dict[str, _Held] = {}
_HELD_GUARD = threading.Lock()


def lock_path(home: Path) -> Path:
    return Path(home) / LOCK_NAME


def holder_pid(home: Path) -> int | None:
    """The pid written by the current (or last) holder; None when the file is absent or unreadable."""
    try:
        text = lock_path(home).read_text(errors="replace").split()
        return int(text[0]) if text else None
    except (OSError, ValueError):
        return None


def is_held(home: Path) -> bool:
    """Whether some process holds the writer lock now (a probe: takes and drops a shared lock, never waits)."""
    path = lock_path(home)
    if not path.exists():
        return False
    state = _state(home)
    if state.depth:
        return True
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def _state(home: Path) -> _Held:
    key = str(Path(home).resolve())
    with _HELD_GUARD:
        return _HELD.setdefault(key, _Held())


@contextmanager
def writer_lock(home: Path, *, wait: bool = True, on_wait: Callable[[int | None], None] | None = None) -> Iterator[None]:
    """Hold the data dir's writer lock for the block.

    wait=False raises LockedError at once when another process holds it; otherwise `on_wait(pid)` is called
    once (to say who we wait for) and we block until the holder is done.
    """
    home = Path(home)
    state = _state(home)
    if not state.mutex.acquire(blocking=wait):
        raise LockedError(f"another ingest in this process is writing to {home} — wait for it to finish")
    try:
        if state.depth == 0:
            state.fd = _acquire(home, wait, on_wait)
        state.depth += 1
        try:
            yield
        finally:
            state.depth -= 1
            if state.depth == 0 and state.fd is not None:
                fd, state.fd = state.fd, None
                try:
                    os.ftruncate(fd, 0)  # no stale pid for the next reader of the file
                except OSError:
                    pass
                os.close(fd)  # closing drops the flock
    finally:
        state.mutex.release()


def _acquire(home: Path, wait: bool, on_wait: Callable[[int | None], None] | None) -> int:
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path(home), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise ReadOnlyError(f"the data dir {home} is read-only ({exc.strerror}) — searches work, but adding "
                                f"papers needs a writable data dir (--home or RAG_HOME)") from None
        raise RagError(f"cannot create the ingest lock in {home} ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = holder_pid(home)
            who = f"pid {pid}" if pid else "another process"
            if not wait:
                raise LockedError(f"another ingest ({who}) is writing to {home} — wait for it to finish, or run "
                                  f"again without --no-wait to queue behind it") from None
            if on_wait:
                on_wait(pid)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {time.strftime('%Y-%m-%dT%H:%M:%S%z')}\n".encode(), 0)
        os.fsync(fd)
        return fd
    except BaseException:
        os.close(fd)
        raise


def is_read_only(path: Path) -> bool:
    """True for a read-only mount or a folder this user cannot write (never a sign of damage)."""
    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(path, os.W_OK)
