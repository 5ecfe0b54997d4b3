"""Ollama over HTTP with the official client.

Stall detection: a real Ollama sends nothing, not even headers, until the first token, and loading a model
plus prefilling a long prompt on a CPU can take minutes. So one httpx read timeout cannot tell a slow start
from a stall. A reader thread pulls the stream into a queue; we wait `timeout` for the first piece and
`stall_timeout` for each one after it.

Time to first token: while waiting for it we ask the server for /api/version every PROBE_EVERY_S seconds.
A server that is loading a model still answers that at once; one that accepted the request and answers
nothing (hung, stopped, wedged) does not, and is reported within seconds instead of after the whole
limit. The limit itself (`timeout`, LLMSettings.ollama_first_token_s: $RAG_OLLAMA_FIRST_TOKEN_S or 90 s) ends the wait with a
message that says how to raise it.
"""

from __future__ import annotations

import queue
import threading
import time

import httpx
import ollama

from rag.config import LLMSettings
from rag.llm.base import LLM, BackendUnavailable, GenerationStalled, LLMError, ModelMissing, Stream, Usage

_DEFAULTS = LLMSettings()
DEFAULT_HOST = _DEFAULTS.ollama_host
DEFAULT_FIRST_TOKEN_S = _DEFAULTS.ollama_first_token_s
PROBE_EVERY_S = 5.0  # while no token has come, how often we check that the server is alive
PROBE_TIMEOUT_S = 3.0
CTX_MARGIN = 256  # tokens of slack on top of the prompt estimate and the answer


class OllamaLLM(LLM):
    backend = "ollama"

    def __init__(
        self,
        model: str,
        host: str | None = None,
        timeout: float | None = None,
        stall_timeout: float = 30,
        context_window: int = 8192,
    ):
        self.model = model
        self.host = host or DEFAULT_HOST
        self.timeout = timeout if timeout is not None else DEFAULT_FIRST_TOKEN_S
        self.stall_timeout = stall_timeout
        self.context_window = context_window  # the largest num_ctx we ask for

    @classmethod
    def from_settings(cls, model: str, settings: LLMSettings) -> "OllamaLLM":
        return cls(model, host=settings.ollama_host, timeout=settings.ollama_first_token_s,
                   stall_timeout=settings.ollama_stall_s, context_window=settings.ollama_context_window)

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
        # It must lose every race with our own limits, or a slow start would read as a broken stream.
        client = self._client(max(self.timeout, self.stall_timeout) + 5.0)
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
        started = False
        try:
            while True:
                try:
                    chunk = parts.get(timeout=self.stall_timeout) if started else self._first(parts)
                except queue.Empty:
                    raise GenerationStalled(
                        f"Ollama stopped sending for {self.stall_timeout:g} s; the answer was cut off"
                    ) from None
                if chunk is None:
                    raise GenerationStalled("the Ollama stream ended without a final message; the answer was cut off")
                if isinstance(chunk, BaseException):
                    raise self._error(chunk)
                started = True
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

    def _first(self, parts: queue.Queue):
        """The first piece of the stream, waiting at most `timeout` and checking meanwhile that the server lives."""
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise GenerationStalled(
                    f"Ollama at {self.host} sent nothing for {self.timeout:g} s (model still loading, or the "
                    f"machine is too slow for this prompt) — try again, raise RAG_OLLAMA_FIRST_TOKEN_S, or use "
                    f"--llm embedded"
                )
            try:
                return parts.get(timeout=min(PROBE_EVERY_S, left))
            except queue.Empty:
                if left > PROBE_EVERY_S and not self._alive():  # the last slice ends in the limit's own message
                    raise BackendUnavailable(
                        f"Ollama at {self.host} accepted the request but answers nothing, not even /api/version "
                        f"within {PROBE_TIMEOUT_S:g} s (hung?) — restart it (`ollama serve`) or use --llm embedded"
                    ) from None

    def _alive(self) -> bool:
        try:
            with httpx.Client(timeout=PROBE_TIMEOUT_S) as probe:
                probe.get(f"{self.host.rstrip('/')}/api/version").raise_for_status()
            return True
        except httpx.HTTPError:
            return False
