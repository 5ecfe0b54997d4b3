"""Ollama over HTTP with the official client.

Stall detection: a real Ollama sends nothing, not even headers, until the first token, and loading a model
plus prefilling a long prompt on a CPU can take minutes. So one httpx read timeout cannot tell a slow start
from a stall. A reader thread pulls the stream into a queue; we wait `timeout` for the first piece and
`stall_timeout` for each one after it.
"""

from __future__ import annotations

import os
import queue
import threading

import httpx
import ollama

from rag.llm.base import LLM, BackendUnavailable, GenerationStalled, LLMError, ModelMissing, Stream, Usage

DEFAULT_HOST = "http://127.0.0.1:11434"
CTX_MARGIN = 256  # tokens of slack on top of the prompt estimate and the answer


class OllamaLLM(LLM):
    backend = "ollama"

    def __init__(
        self,
        model: str,
        host: str | None = None,
        timeout: float = 120,
        stall_timeout: float = 30,
        context_window: int = 8192,
    ):
        self.model = model
        self.host = host or os.environ.get("OLLAMA_HOST") or DEFAULT_HOST
        self.timeout = timeout
        self.stall_timeout = stall_timeout
        self.context_window = context_window  # the largest num_ctx we ask for

    def _client(self, timeout: float) -> ollama.Client:
        return ollama.Client(host=self.host, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)))

    def _unavailable(self) -> BackendUnavailable:
        return BackendUnavailable(
            f"no Ollama server at {self.host} — start it with `ollama serve` or use --llm embedded"
        )

    def available_models(self, timeout: float | None = None) -> list[str]:
        """Model names the server has (GET /api/tags)."""
        try:
            with self._client(timeout or self.timeout) as client:
                return sorted(m.model for m in client.list().models if m.model)
        except (ConnectionError, httpx.TransportError):
            raise self._unavailable() from None
        except ollama.ResponseError as exc:
            raise LLMError(f"Ollama at {self.host} failed to list models: {exc.error}") from None

    def has_model(self, timeout: float | None = None) -> bool:
        names = self.available_models(timeout)
        return self.model in names or f"{self.model}:latest" in names

    def num_ctx(self, messages: list[dict], max_tokens: int) -> int:
        """Ollama silently drops the start of a prompt longer than num_ctx, so ask for a window that fits it."""
        need = self.prompt_tokens(messages) + max_tokens + CTX_MARGIN
        if need > self.context_window:
            raise LLMError(
                f"the prompt (~{need - max_tokens - CTX_MARGIN} tokens) plus a {max_tokens}-token answer does not "
                f"fit the {self.context_window}-token context of {self.model} — ask with fewer passages"
            )
        return max(2048, -(-need // 1024) * 1024)

    def _missing(self) -> ModelMissing:
        try:
            have = ", ".join(self.available_models(timeout=5)) or "none"
        except LLMError:
            have = "unknown"
        return ModelMissing(f"Ollama has no model '{self.model}' — run `ollama pull {self.model}` (it has: {have})")

    def _error(self, exc: BaseException) -> LLMError:
        if isinstance(exc, (ConnectionError, httpx.ConnectError, httpx.ConnectTimeout)):
            return self._unavailable()
        if isinstance(exc, ollama.ResponseError):
            if exc.status_code == 404 or "not found" in str(exc.error).lower():
                return self._missing()
            return LLMError(f"Ollama failed: {exc.error}")
        if isinstance(exc, (httpx.TransportError, ValueError)):  # read timeout, dropped connection, torn JSON line
            return GenerationStalled(f"the Ollama stream broke ({type(exc).__name__}); the answer was cut off")
        return LLMError(f"Ollama failed: {exc!r}")

    def stream(
        self, messages: list[dict], *, max_tokens: int = 256, temperature: float = 0.0, stop: list[str] | None = None
    ) -> Stream:
        options = {"num_ctx": self.num_ctx(messages, max_tokens), "temperature": temperature, "num_predict": max_tokens}
        if stop:
            options["stop"] = stop
        # The httpx read timeout is only a backstop that ends an abandoned reader thread.
        client = self._client(max(self.timeout, self.stall_timeout))
        parts: queue.Queue = queue.Queue()
        cancelled = threading.Event()

        def pump() -> None:
            try:
                for chunk in client.chat(self.model, messages=messages, stream=True, options=options):
                    if cancelled.is_set():
                        return
                    parts.put(chunk)
                parts.put(None)
            except BaseException as exc:  # handed to the consumer, which maps it
                parts.put(exc)

        threading.Thread(target=pump, name="ollama-stream", daemon=True).start()
        wait, started = self.timeout, False
        try:
            while True:
                try:
                    chunk = parts.get(timeout=wait)
                except queue.Empty:
                    if started:
                        raise GenerationStalled(
                            f"Ollama stopped sending for {wait:g} s; the answer was cut off"
                        ) from None
                    raise GenerationStalled(
                        f"Ollama sent nothing for {wait:g} s (model still loading, or the machine is too slow "
                        f"for this prompt) — try again, or raise the timeout"
                    ) from None
                if chunk is None:
                    raise GenerationStalled("the Ollama stream ended without a final message; the answer was cut off")
                if isinstance(chunk, BaseException):
                    raise self._error(chunk)
                started, wait = True, self.stall_timeout
                if chunk.message.content:
                    yield chunk.message.content
                if chunk.done:
                    return Usage(
                        prompt_tokens=chunk.prompt_eval_count or self.prompt_tokens(messages),
                        completion_tokens=chunk.eval_count or 0,
                        stopped="length" if chunk.done_reason == "length" else "stop",
                    )
        finally:
            cancelled.set()
            client.close()
