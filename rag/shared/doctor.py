"""`rag doctor` with --chroma-url: the shared library is checked on the server, this machine's copy against it.

A machine of a team holds no manifest or sources of its own to check: the server's catalog is the library
(its source paths are on the machines that added them), so the checks are the server's snapshot, its
vectors (missing, orphans), the publishing lease, writers in flight, and whether the local copy is current.
"""

from __future__ import annotations

from rag.config import Settings
from rag.doctor import Check
from rag.errors import RagError


def server_checks(settings: Settings) -> list:
    from rag.library import Library
    from rag.shared.audit import audit
    from rag.shared.cache import cached_server_snapshot
    from rag.store import connect

    library = Library(settings)
    try:
        state = audit(connect(settings), library.index_name, settings.chroma_url or "")
    except RagError as exc:
        return [Check("Chroma server", "fail", str(exc), "start it: `chroma run --path DIR --host HOST --port PORT`")]
    checks = [Check("Chroma server", "ok", f"{settings.chroma_url}, collection {library.index_name}, "
                                           f"{state.vectors} vectors")]
    if not state.published:
        checks.append(Check("shared library", "fail", f"nothing is published on {settings.chroma_url} for these "
                                                      f"settings", "rag ingest (any member of the team)"))
        return checks
    checks.append(Check("shared library", "ok", f"{state.papers} papers, {state.chunks} chunks from {state.sources} "
                                                f"files; snapshot {state.snapshot}, published {state.published_at} "
                                                f"by {state.writer}"))
    if state.duplicate_papers:
        checks.append(Check("papers", "fail", f"{len(state.duplicate_papers)} titles listed twice: "
                                              f"{state.duplicate_papers[0][:80]} ...", "rag ingest --rebuild"))
    if state.missing:
        checks.append(Check("vectors", "fail", f"{state.missing} of {state.chunks} passages have no vector on the server",
                            "rag ingest (embeds the missing ones again)"))
    elif state.orphans:
        checks.append(Check("vectors", "warn", f"{state.orphans} vectors belong to no published passage and no running "
                                               f"writer (a writer that died)", "rag ingest (the next publish removes them)"))
    else:
        checks.append(Check("vectors", "ok", f"every one of {state.chunks} passages has its vector, no orphans"))
    writing = ([f"lease held by {state.lease_holder}"] if state.lease_holder else []) + \
        [f"{len(state.writers_in_flight)} writer(s) embedding"] * bool(state.writers_in_flight)
    checks.append(Check("writers", "warn" if writing else "ok", "; ".join(writing) or "nobody is publishing now",
                        "wait for them; a dead writer's lease expires by itself" if writing else ""))
    cached = cached_server_snapshot(settings, library.index_name)
    copy = "current" if cached == state.snapshot else f"behind ({cached or 'none yet'})"
    checks.append(Check("local copy", "ok", f"{settings.snapshots_dir}: {copy}; refreshed on the next search"))
    return checks
