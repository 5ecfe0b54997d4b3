"""LLM backends against the real embedded model and a real HTTP server speaking Ollama's protocol (no mocks)."""

from __future__ import annotations

import threading
import time

import ollama
import pytest

from rag.llm import (
    BackendUnavailable, EmbeddedLLM, GenerationStalled, LLMError, ModelMissing, OllamaLLM, resolve_llm,
)
from rag.llm.embedded import default_model_path
from ollama_server import OllamaTestServer

MODEL = "smollm2:135m"
MESSAGES = [
    {"role": "system", "content": "You answer in one short sentence."},
    {"role": "user", "content": "What colour is the sky on a clear day?"},
]


@pytest.fixture(scope="module")
def embedded() -> EmbeddedLLM:
    return EmbeddedLLM()


@pytest.fixture
def ollama_server(embedded):
    with OllamaTestServer(embedded, model=MODEL) as server:
        yield server


@pytest.fixture
def remote(ollama_server) -> OllamaLLM:
    return OllamaLLM(MODEL, host=ollama_server.url, timeout=30, stall_timeout=5)


def test_embedded_generates_text(embedded):
    pieces: list[str] = []
    gen = embedded.generate(MESSAGES, on_token=pieces.append, max_tokens=16)
    assert gen.text.strip() and "".join(pieces) == gen.text
    assert 0 < gen.completion_tokens <= 16 and gen.stopped in ("stop", "length")
    assert gen.prompt_tokens == embedded.prompt_tokens(MESSAGES) > embedded.count_tokens(MESSAGES[1]["content"])
    assert 0 < gen.first_token_ms <= gen.total_ms
    assert embedded.backend == "embedded" and embedded.model == default_model_path().stem


def test_embedded_prompt_too_long_is_a_clear_error():
    small = EmbeddedLLM(n_ctx=128)
    with pytest.raises(LLMError, match="more than the 128-token context"):
        small.generate([{"role": "user", "content": "word " * 400}], max_tokens=8)


def test_embedded_rejects_a_missing_file(tmp_path):
    with pytest.raises(LLMError, match="no GGUF model"):
        EmbeddedLLM(tmp_path / "absent.gguf")


def test_ollama_streams_the_same_answer(embedded, remote, ollama_server):
    local = embedded.generate(MESSAGES, max_tokens=16)
    pieces: list[str] = []
    gen = remote.generate(MESSAGES, on_token=pieces.append, max_tokens=16)
    assert gen.text == local.text and len(pieces) > 1  # greedy decoding, streamed in pieces
    assert (gen.prompt_tokens, gen.completion_tokens, gen.stopped) == (
        local.prompt_tokens, local.completion_tokens, local.stopped)
    assert gen.first_token_ms is not None and remote.backend == "ollama" and remote.model == MODEL


def test_num_ctx_is_sent_and_fits_the_prompt(remote, ollama_server):
    remote.generate(MESSAGES, max_tokens=16, stop=["\n\n"])
    (request,) = ollama_server.chat_requests()
    options = request["options"]
    assert options["num_ctx"] == 2048 and options["num_predict"] == 16 and options["stop"] == ["\n\n"]
    assert options["temperature"] == 0.0 and request["stream"] is True

    long = [{"role": "user", "content": "A fairly long passage about transformers. " * 300}]  # ~12,900 chars
    need = remote.prompt_tokens(long) + 256
    assert remote.num_ctx(long, 256) % 1024 == 0 and need <= remote.num_ctx(long, 256) < need + 1024 + 256
    with pytest.raises(LLMError, match="fewer passages"):
        remote.num_ctx(long * 3, 256)  # past the 8192-token ceiling


def test_server_down_is_backend_unavailable(remote, ollama_server):
    ollama_server.stop()
    with pytest.raises(BackendUnavailable, match="`ollama serve`") as err:
        remote.generate(MESSAGES, max_tokens=8)
    assert ollama_server.url in str(err.value) and "--llm embedded" in str(err.value)
    with pytest.raises(BackendUnavailable):
        remote.available_models()


def test_missing_model_says_how_to_pull_it(ollama_server):
    other = OllamaLLM("llama3.2", host=ollama_server.url)
    with pytest.raises(ModelMissing, match=r"run `ollama pull llama3.2` \(it has: smollm2:135m\)"):
        other.generate(MESSAGES, max_tokens=8)
    ollama_server.missing_model = True
    with pytest.raises(ModelMissing, match=r"`ollama pull smollm2:135m` \(it has: none\)"):
        OllamaLLM(MODEL, host=ollama_server.url).generate(MESSAGES, max_tokens=8)


def test_stall_mid_answer_keeps_the_partial_text(ollama_server):
    ollama_server.stall_after_tokens = 3
    llm = OllamaLLM(MODEL, host=ollama_server.url, timeout=30, stall_timeout=2)
    start = time.perf_counter()
    with pytest.raises(GenerationStalled, match="stopped sending for 2 s") as err:
        llm.generate(MESSAGES, max_tokens=16)
    assert 2 <= time.perf_counter() - start < 6
    assert err.value.partial.strip() and err.value.generation.stopped == "stalled"
    assert err.value.generation.text == err.value.partial


def test_connection_dropped_mid_answer_is_a_stall(ollama_server):
    ollama_server.stall_after_tokens = 2
    llm = OllamaLLM(MODEL, host=ollama_server.url, timeout=30, stall_timeout=20)
    threading.Timer(1.0, ollama_server.stop).start()  # the server dies with the answer half sent
    with pytest.raises(GenerationStalled, match="stream broke") as err:
        llm.generate(MESSAGES, max_tokens=16)
    assert err.value.partial.strip()


def test_slow_first_token_is_not_a_stall(remote, ollama_server):
    ollama_server.slow_first_token_s = 1.5
    llm = OllamaLLM(MODEL, host=ollama_server.url, timeout=10, stall_timeout=0.5)
    gen = llm.generate(MESSAGES, max_tokens=8)
    assert gen.text and gen.first_token_ms >= 1500
    too_slow = OllamaLLM(MODEL, host=ollama_server.url, timeout=0.5, stall_timeout=0.5)
    with pytest.raises(GenerationStalled, match="sent nothing for 0.5 s") as err:
        too_slow.generate(MESSAGES, max_tokens=8)
    assert err.value.partial == ""


def test_server_speaks_ollamas_protocol(ollama_server):
    client = ollama.Client(host=ollama_server.url)
    reply = client.chat(MODEL, messages=MESSAGES, stream=False, options={"num_predict": 8, "temperature": 0})
    assert reply.message.content and reply.done and reply.eval_count
    assert client.show(MODEL).modelinfo["llama.context_length"] == 8192
    from rag.config import LLMSettings
    from rag.llm.registry import auto_spec

    # What the server lists, read through the one `auto` rule (rag/llm/registry.py).
    listed = OllamaLLM(MODEL, host=ollama_server.url).available_models()
    assert auto_spec(LLMSettings(ollama_model=MODEL), listed) == f"ollama:{MODEL}"


def test_auto_prefers_ollama_when_it_has_the_model(ollama_server, monkeypatch):
    monkeypatch.setenv("OLLAMA_HOST", ollama_server.url)
    monkeypatch.setenv("RAG_OLLAMA_MODEL", MODEL)
    llm = resolve_llm("auto")
    assert isinstance(llm, OllamaLLM) and llm.model == MODEL
    ollama_server.missing_model = True
    assert isinstance(resolve_llm("auto"), EmbeddedLLM)
    ollama_server.stop()
    start = time.perf_counter()
    assert isinstance(resolve_llm("auto"), EmbeddedLLM) and time.perf_counter() - start < 2


def test_explicit_specs(tmp_path, monkeypatch):
    monkeypatch.delenv("RAG_OLLAMA_MODEL", raising=False)
    assert isinstance(resolve_llm("embedded"), EmbeddedLLM)
    assert resolve_llm(f"embedded:{default_model_path()}").path == default_model_path()
    assert resolve_llm("ollama").model == "llama3.2"
    assert resolve_llm("ollama:qwen2.5:0.5b").model == "qwen2.5:0.5b"
    with pytest.raises(LLMError, match="use one of: auto, embedded, embedded:/path/model.gguf, ollama, ollama:MODEL"):
        resolve_llm("gpt-4")
    with pytest.raises(LLMError, match="unknown LLM"):
        resolve_llm("olla")  # no prefix guessing
    with pytest.raises(LLMError, match="no GGUF model"):
        resolve_llm(f"embedded:{tmp_path / 'nope.gguf'}")


def test_no_first_token_within_the_limit_is_a_clear_stall(ollama_server):
    """The server is alive (it answers /api/version) but sends no token: the time-to-first-token limit ends it."""
    ollama_server.stall_after_tokens = 0
    llm = OllamaLLM(MODEL, host=ollama_server.url, timeout=2, stall_timeout=30)
    start = time.perf_counter()
    with pytest.raises(GenerationStalled, match=r"sent nothing for 2 s .*RAG_OLLAMA_FIRST_TOKEN_S") as err:
        llm.generate(MESSAGES, max_tokens=8)
    assert 2 <= time.perf_counter() - start < 8 and err.value.partial == ""


def test_a_server_that_accepts_and_never_replies_is_reported_in_seconds(monkeypatch):
    """A listening socket nobody serves (a hung or stopped Ollama): the kernel accepts, nothing ever answers."""
    import socket

    from rag.llm import ollama_backend

    monkeypatch.setattr(ollama_backend, "PROBE_EVERY_S", 1.0)
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(8)
    try:
        llm = OllamaLLM(MODEL, host=f"http://127.0.0.1:{hung.getsockname()[1]}", timeout=120, stall_timeout=30)
        start = time.perf_counter()
        with pytest.raises(BackendUnavailable, match="accepted the request but answers nothing") as err:
            llm.generate(MESSAGES, max_tokens=8)
        assert time.perf_counter() - start < 15, "reported long before the 120 s limit"
        assert "--llm embedded" in str(err.value) and "\n" not in str(err.value)
    finally:
        hung.close()


def test_llm_settings_come_from_the_environment_in_one_place(monkeypatch):
    from rag.config import ConfigError, Settings
    from rag.llm.registry import resolve_llm

    monkeypatch.setenv("RAG_OLLAMA_FIRST_TOKEN_S", "45")
    monkeypatch.setenv("OLLAMA_HOST", "127.0.0.1:9")  # Ollama's own 'host:port' form
    monkeypatch.setenv("RAG_OLLAMA_MODEL", "qwen2.5:0.5b")
    settings = Settings.from_env()
    llm = resolve_llm("ollama", settings)
    assert (llm.host, llm.timeout, llm.model) == ("http://127.0.0.1:9", 45, "qwen2.5:0.5b")
    monkeypatch.setenv("RAG_OLLAMA_FIRST_TOKEN_S", "soon")
    with pytest.raises(ConfigError, match="must be a positive number of seconds"):
        Settings.from_env()


def test_auto_is_one_rule_for_the_cli_and_the_picker():
    from rag.config import LLMSettings
    from rag.llm.registry import auto_spec

    wanted = LLMSettings(ollama_model="llama3.2")
    assert auto_spec(wanted, None) == "embedded"  # no server answered
    assert auto_spec(wanted, ["qwen2.5:0.5b"]) == "embedded"  # a server without the model
    assert auto_spec(wanted, ["qwen2.5:0.5b", "llama3.2:latest"]) == "ollama:llama3.2:latest"
    assert auto_spec(wanted, ["llama3.2"]) == "ollama:llama3.2"