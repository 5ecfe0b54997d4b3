"""Language-model backends behind one interface: `resolve_llm("auto" | "embedded[:PATH]" | "ollama[:MODEL]")`."""

from rag.llm.base import LLM, BackendUnavailable, Generation, GenerationStalled, LLMError, ModelMissing, Usage
from rag.llm.embedded import EmbeddedLLM
from rag.llm.ollama_backend import OllamaLLM
from rag.llm.registry import register, resolve_llm

__all__ = [
    "LLM", "BackendUnavailable", "EmbeddedLLM", "Generation", "GenerationStalled", "LLMError",
    "ModelMissing", "OllamaLLM", "Usage", "register", "resolve_llm",
]
