"""Explicit, documented settings. Built once at the edge (CLI, UI, tests) and passed down.

Nothing here does work or reads the environment at import time: `Settings.from_env()`
is the one place that looks at environment variables.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pydantic import BaseModel, Field

from rag.errors import RagError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# A wheel carries prompts/, seeds/ and eval/datasets/ inside the package (see setup.py): a source
# checkout reads them where they are, an installed package from rag/_bundled.
BUNDLED = Path(__file__).resolve().parent / "_bundled"


def resource_dir(name: str) -> Path:
    """prompts, seeds or datasets: the project's own folder in a checkout, else the copy in the package."""
    checkout = PROJECT_ROOT / ("eval/datasets" if name == "datasets" else name)
    return checkout if checkout.is_dir() else BUNDLED / name


DEFAULT_SEEDS = resource_dir("seeds")


def default_home() -> Path:
    """$RAG_HOME, else the XDG data dir: one folder holds the store, the caches and the models we export."""
    if os.environ.get("RAG_HOME"):
        return Path(os.environ["RAG_HOME"]).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "rag"


class ChunkSettings(BaseModel):
    max_tokens: int = Field(
        default=200,
        description="Most embedder word pieces per chunk of a header, an abstract or a text file's body, title prefix "
        "and special tokens included. all-MiniLM-L6-v2 truncates past 256, so this stays under it.",
    )
    overlap_sentences: int = Field(default=1, description="Sentences repeated at the start of the next chunk.")
    full_text_max_tokens: int = Field(
        default=256,
        description="The same for a PDF's full text (sections, tables, references): the embedder's whole window "
        "(chunks are packed by exact piece counts, never truncated). Fuller chunks repeat the title and section "
        "lead less often: ~30% fewer chunks per page than 200 with overlap, at the same evidence recall.",
    )
    full_text_overlap_sentences: int = Field(
        default=0, description="Overlap in a PDF's full text: none, since chunks never cross a section and evidence "
        "reads a sentence that points back at a chunk's start with the last sentence of the chunk before.")


class RetrievalSettings(BaseModel):
    k: int = Field(default=5, description="Hits returned.")
    candidates: int = Field(default=50, description="Candidates each retriever (dense, BM25) gives to fusion.")
    rrf_k: int = Field(default=60, description="Reciprocal-rank-fusion constant (Cormack et al. 2009).")
    max_chunks_per_paper: int = Field(default=1, description="Hits kept per paper, so one paper cannot crowd out the rest.")


DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434"


class ConfigError(RagError):
    """A setting from the environment or a preset file has a value that cannot be used."""


def normalise_host(host: str) -> str:
    """Ollama's own clients accept 'host:port'; ours needs a URL."""
    host = host.strip().rstrip("/")
    return host if host.startswith(("http://", "https://")) else f"http://{host}"


class LLMSettings(BaseModel):
    """The answer-writing model: the embedded llama.cpp model and the Ollama server."""

    ollama_host: str = Field(default=DEFAULT_OLLAMA_HOST, description="Ollama server URL ($OLLAMA_HOST; 'host:port' "
                             "is accepted, as Ollama's own CLI does).")
    ollama_model: str = Field(default="llama3.2", description="Model used with --llm ollama and by auto when the "
                              "server has it ($RAG_OLLAMA_MODEL).")
    ollama_first_token_s: float = Field(default=90.0, gt=0, description="Seconds to wait for Ollama's first token "
                                        "(a cold model loads first) before giving up ($RAG_OLLAMA_FIRST_TOKEN_S).")
    ollama_stall_s: float = Field(default=30.0, gt=0, description="Seconds of silence mid-answer that count as a stall.")
    ollama_context_window: int = Field(default=8192, description="Largest num_ctx asked of Ollama.")
    auto_probe_s: float = Field(default=1.5, gt=0, description="How long `auto` and the UI's picker wait for Ollama "
                                "to list its models before using the embedded model.")
    embedded_context_window: int = Field(default=2048, description="llama.cpp context (prompt + answer) in tokens.")
    embedded_threads: int = Field(default=2, description="llama.cpp threads; more than the cores only adds contention.")


class Settings(BaseModel):
    home: Path = Field(default_factory=default_home, description="Data dir: store, snapshots, caches, exported models.")
    chroma_url: str | None = Field(
        default=None, description="Chroma server URL (http://host:port). Unset: an embedded PersistentClient under home."
    )
    chunking: ChunkSettings = Field(default_factory=ChunkSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    models_path: Path | None = Field(
        default=None, description="Where exported models are cached (default: <home>/models). Tests share one."
    )
    embed_threads: int = Field(default_factory=lambda: os.cpu_count() or 2, description="Threads for the embedder.")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values: dict = {}
        if os.environ.get("RAG_CHROMA_URL"):
            values["chroma_url"] = os.environ["RAG_CHROMA_URL"]
        if os.environ.get("RAG_MODELS_DIR"):
            values["models_path"] = Path(os.environ["RAG_MODELS_DIR"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        values.setdefault("llm", llm_settings_from_env())
        return cls(**values)

    def fingerprint(self, *extra: object) -> str:
        """Hash of every setting that shapes results (not where things are stored), plus `extra` parts such as
        the answer settings: recorded in each eval report, so two reports say whether they ran the same settings."""
        shaping = self.model_dump(mode="json", exclude={"home", "models_path", "chroma_url"})
        text = json.dumps([shaping, *[repr(part) for part in extra]], sort_keys=True, default=str)
        return hashlib.sha1(text.encode()).hexdigest()[:12]

    @property
    def store_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def snapshots_dir(self) -> Path:
        if self.chroma_url:  # a copy of the server's library (rag/shared/cache.py), apart from this machine's own
            return self.home / "servers" / "".join(c if c.isalnum() else "_" for c in self.chroma_url) / "snapshots"
        return self.home / "snapshots"

    @property
    def models_dir(self) -> Path:
        return self.models_path or self.home / "models"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"


def llm_settings_from_env() -> LLMSettings:
    """$OLLAMA_HOST, $RAG_OLLAMA_MODEL and $RAG_OLLAMA_FIRST_TOKEN_S; a bad value is one clear error, not a default."""
    values: dict = {}
    if os.environ.get("OLLAMA_HOST"):
        values["ollama_host"] = normalise_host(os.environ["OLLAMA_HOST"])
    if os.environ.get("RAG_OLLAMA_MODEL"):
        values["ollama_model"] = os.environ["RAG_OLLAMA_MODEL"]
    raw = os.environ.get("RAG_OLLAMA_FIRST_TOKEN_S")
    if raw:
        try:
            seconds = float(raw)
        except ValueError:
            seconds = -1.0
        if not seconds > 0:
            raise ConfigError(f"RAG_OLLAMA_FIRST_TOKEN_S must be a positive number of seconds (got {raw!r})")
        values["ollama_first_token_s"] = seconds
    return LLMSettings(**values)


def contain_caches(settings: Settings) -> None:
    """Point every library cache and temp dir under the data dir and turn telemetry off.

    The one place that writes environment variables (libraries read them at import).

    Called by the CLI and UI entry points before heavy imports, so nothing lands in a surprise
    folder in $HOME and no library phones home.
    """
    cache = settings.cache_dir
    cache.mkdir(parents=True, exist_ok=True)
    defaults = {
        "HF_HOME": cache / "huggingface",
        "LLAMA_INDEX_CACHE_DIR": cache / "llama_index",
        "GRADIO_TEMP_DIR": cache / "gradio",
        "MPLCONFIGDIR": cache / "matplotlib",
        "TORCHINDUCTOR_CACHE_DIR": cache / "torchinductor",
        "NLTK_DATA": cache / "nltk",
    }
    for key, path in defaults.items():
        os.environ.setdefault(key, str(path))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # Privacy is a promise, not a default a stray variable can undo: telemetry is off whatever the environment says.
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # llama.cpp's OpenMP threads spin while waiting; passive waiting keeps a busy 2-core machine usable.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
