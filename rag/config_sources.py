"""Where setting values come from, lowest first: the models' defaults, a named preset file, environment variables,
explicit overrides (CLI flags). `Settings.from_env` (rag/config.py) merges them in that order and validates once.

Also the one place that writes environment variables (`contain_caches`). Nothing here runs at import time.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from rag.errors import RagError

if TYPE_CHECKING:
    from rag.config import Settings

# Shipped with the package (setup.py's package_data): one TOML file per preset, its opening comment says what it trades.
PRESETS_DIR = Path(__file__).resolve().parent / "presets"
DEFAULT_PRESET = "default"
# A preset says how answers are made, never where data lives: a shared file must not move someone's library.
_PLACES = frozenset({"home", "chroma_url", "models_path"})


class ConfigError(RagError):
    """A setting from the environment or a preset file has a value that cannot be used."""


def normalise_host(host: str) -> str:
    """Ollama's own clients accept 'host:port'; ours needs a URL."""
    host = host.strip().rstrip("/")
    return host if host.startswith(("http://", "https://")) else f"http://{host}"


def preset_names() -> list[str]:
    return sorted(path.stem for path in PRESETS_DIR.glob("*.toml"))


def preset_path(name: str) -> Path:
    """A shipped preset by name, or a TOML file of the user's own by path."""
    if name.endswith(".toml"):
        path = Path(name).expanduser()
        if not path.is_file():
            raise ConfigError(f"preset file {path} does not exist")
        return path
    path = PRESETS_DIR / f"{name}.toml"
    if not path.is_file():
        raise ConfigError(f"unknown preset {name!r} — use one of: {', '.join(preset_names())}, "
                          "or the path of a .toml file")
    return path


def preset_values(name: str) -> dict:
    """The preset's tables as nested dicts (sections of Settings); the file is checked again by Settings itself."""
    path = preset_path(name)
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"preset {name!r} ({path}) is not readable TOML: {exc}") from None
    placed = sorted(_PLACES & set(values))
    if placed:
        raise ConfigError(f"preset {name!r} sets {', '.join(placed)}: presets choose how answers are made, not where "
                          "data lives — use --home, --chroma-url or the environment")
    return values


def chosen_preset(explicit: str | None) -> str:
    """--preset, else $RAG_PRESET, else the default."""
    return explicit or os.environ.get("RAG_PRESET") or DEFAULT_PRESET


def environment_values() -> dict:
    """$RAG_CHROMA_URL, $RAG_MODELS_DIR, $OLLAMA_HOST, $RAG_OLLAMA_MODEL and $RAG_OLLAMA_FIRST_TOKEN_S as nested
    values; a bad value is one clear error, not a silent default."""
    values: dict = {}
    llm: dict = {}
    if os.environ.get("RAG_CHROMA_URL"):
        values["chroma_url"] = os.environ["RAG_CHROMA_URL"]
    if os.environ.get("RAG_MODELS_DIR"):
        values["models_path"] = Path(os.environ["RAG_MODELS_DIR"])
    if os.environ.get("OLLAMA_HOST"):
        llm["ollama_host"] = normalise_host(os.environ["OLLAMA_HOST"])
    if os.environ.get("RAG_OLLAMA_MODEL"):
        llm["ollama_model"] = os.environ["RAG_OLLAMA_MODEL"]
    raw = os.environ.get("RAG_OLLAMA_FIRST_TOKEN_S")
    if raw:
        try:
            seconds = float(raw)
        except ValueError:
            seconds = -1.0
        if not seconds > 0:
            raise ConfigError(f"RAG_OLLAMA_FIRST_TOKEN_S must be a positive number of seconds (got {raw!r})")
        llm["ollama_first_token_s"] = seconds
    if llm:
        values["llm"] = llm
    return values


def merged(*layers: dict) -> dict:
    """Later layers win, table by table: a preset's [evidence] passages = 2 keeps the other evidence defaults."""
    out: dict = {}
    for layer in layers:
        for key, value in layer.items():
            if isinstance(value, dict) and isinstance(out.get(key), dict):
                out[key] = merged(out[key], value)
            else:
                out[key] = value
    return out


def first_problem(exc) -> str:
    """A pydantic ValidationError as one line: where, and what is wrong."""
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"


def contain_caches(settings: Settings) -> None:
    """Point every library cache and temp dir under the data dir and turn telemetry off.

    The one place that writes environment variables (libraries read them at import); the embedded LLM's loader
    repeats only OMP_WAIT_POLICY, for library callers that never come through here.

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
