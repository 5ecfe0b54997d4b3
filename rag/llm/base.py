"""The LLM interface: a backend writes only `stream`; `generate` (timing, token counts, stall handling) is shared."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Callable, Generator

from rag.errors import RagError


class LLMError(RagError):
    """The language model cannot answer; the message says how to fix it."""


class BackendUnavailable(LLMError):
    """No server answers where the backend expects one."""


class ModelMissing(LLMError):
    """The backend runs but does not have the model asked for."""


class GenerationStalled(LLMError):
    """The backend stopped sending mid-answer. `.partial` holds what arrived, `.generation` its record."""

    def __init__(self, message: str, partial: str = ""):
        super().__init__(message)
        self.partial = partial
        self.generation: Generation | None = None


@dataclass
class Usage:
    """What a backend's `stream` returns when it ends (the generator's return value)."""

    prompt_tokens: int
    completion_tokens: int
    stopped: str  # "stop" | "length"


@dataclass
class Generation:
    text: str
    prompt_tokens: int
    completion_tokens: int
    first_token_ms: float | None
    total_ms: float
    stopped: str  # "stop" | "length" | "stalled"


# A stream yields text pieces and may return a Usage; backends that cannot count leave it None.
Stream = Generator[str, None, "Usage | None"]


class LLM(ABC):
    backend: str  # "embedded" | "ollama"
    model: str  # the name shown under every answer
    context_window: int  # most prompt + answer tokens one call may use

    @abstractmethod
    def stream(
        self, messages: list[dict], *, max_tokens: int = 256, temperature: float = 0.0, stop: list[str] | None = None
    ) -> Stream:
        """Yield the answer in pieces as the backend produces them."""

    def count_tokens(self, text: str) -> int:
        """Estimate: one token per 3 characters. English runs near 4 per token, so this errs high, which is the
        safe side when fitting a prompt into a context window. Backends with a tokenizer override it."""
        return -(-len(text) // 3)

    def prompt_tokens(self, messages: list[dict]) -> int:
        """Tokens a chat prompt takes: the contents plus ~8 per message for the chat template's role markers."""
        return sum(self.count_tokens(m.get("content", "")) + 8 for m in messages)

    def generate(self, messages: list[dict], on_token: Callable[[str], None] | None = None, **kw) -> Generation:
        """Run `stream` to the end, calling `on_token(piece)` for each piece, and time it."""
        pieces: list[str] = []
        first_ms = None
        start = time.perf_counter()

        def record(stopped: str, usage: Usage | None) -> Generation:
            text = "".join(pieces)
            return Generation(
                text=text,
                prompt_tokens=usage.prompt_tokens if usage else self.prompt_tokens(messages),
                completion_tokens=usage.completion_tokens if usage else self.count_tokens(text),
                first_token_ms=first_ms,
                total_ms=(time.perf_counter() - start) * 1000,
                stopped=stopped,
            )

        gen = self.stream(messages, **kw)
        try:
            while True:
                try:
                    piece = next(gen)
                except StopIteration as end:
                    usage = end.value
                    return record(usage.stopped if usage else "stop", usage)
                if first_ms is None:
                    first_ms = (time.perf_counter() - start) * 1000
                pieces.append(piece)
                if on_token:
                    on_token(piece)
        except GenerationStalled as exc:
            exc.partial = exc.partial or "".join(pieces)
            exc.generation = record("stalled", None)
            raise
        finally:
            gen.close()
