"""A small server that speaks Ollama's HTTP protocol and answers with the embedded model, for tests.

Only what the official client uses: GET /, GET /api/version, GET /api/tags, POST /api/show, POST /api/chat
(streamed NDJSON or one JSON). Every request's JSON is kept in `.requests`. Fault modes, set by a test:
`missing_model` (404 like a real Ollama), `stall_after_tokens` (N pieces, then silence), `slow_first_token_s`,
and `stop()` (server down).
"""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rag.llm import EmbeddedLLM, LLMError


def _now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


class OllamaTestServer:
    def __init__(self, llm: EmbeddedLLM, model: str = "smollm2:135m"):
        self.llm = llm
        self.model = model
        self.missing_model = False
        self.stall_after_tokens: int | None = None
        self.slow_first_token_s = 0.0
        self.requests: list[dict] = []  # {"method", "path", "json"}
        self._stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="ollama-test-server", daemon=True)

    def start(self) -> "OllamaTestServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        """Take the server down: the port refuses connections afterwards; stalled streams are dropped."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "OllamaTestServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def chat_requests(self) -> list[dict]:
        return [r["json"] for r in self.requests if r["path"] == "/api/chat"]

    def has(self, name: str) -> bool:
        return not self.missing_model and name in (self.model, self.model.split(":")[0])

    def tags(self) -> dict:
        models = [] if self.missing_model else [self.model]
        return {
            "models": [
                {
                    "name": m, "model": m, "modified_at": _now(), "size": self.llm.path.stat().st_size,
                    "digest": "0" * 64,
                    "details": {"parent_model": "", "format": "gguf", "family": "llama", "families": ["llama"],
                                "parameter_size": "135M", "quantization_level": "Q4_1"},
                }
                for m in models
            ]
        }


def _handler(server: OllamaTestServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive and chunked streaming, as Ollama does

        def log_message(self, *args) -> None:
            pass

        def handle(self) -> None:
            try:
                super().handle()
            except ConnectionError:  # the client hung up, as a test that stopped waiting does
                self.close_connection = True

        def _send_json(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _not_found(self, name: str) -> None:
            self._send_json(404, {"error": f'model "{name}" not found, try pulling it first'})

        def do_GET(self) -> None:
            server.requests.append({"method": "GET", "path": self.path, "json": None})
            if self.path == "/":
                data = b"Ollama is running"
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            elif self.path == "/api/version":
                self._send_json(200, {"version": "0.12.0"})
            elif self.path == "/api/tags":
                self._send_json(200, server.tags())
            else:
                self._send_json(404, {"error": "404 page not found"})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            server.requests.append({"method": "POST", "path": self.path, "json": body})
            name = body.get("model", "")
            if self.path not in ("/api/show", "/api/chat"):
                return self._send_json(404, {"error": "404 page not found"})
            if not server.has(name):
                return self._not_found(name)
            if self.path == "/api/show":
                return self._send_json(200, {
                    "modelfile": "", "parameters": "", "template": "{{ .Prompt }}", "modified_at": _now(),
                    "details": server.tags()["models"][0]["details"], "capabilities": ["completion"],
                    "model_info": {"general.architecture": "llama", "llama.context_length": 8192},
                })
            self._chat(body)

        def _chat(self, body: dict) -> None:
            options = body.get("options") or {}
            num_predict = options.get("num_predict", -1)
            kw = {"max_tokens": num_predict if num_predict and num_predict > 0 else 128,
                  "temperature": options.get("temperature", 0.8), "stop": options.get("stop")}
            start = time.perf_counter()
            if server.slow_first_token_s:
                time.sleep(server.slow_first_token_s)
            base = {"model": body["model"]}
            if body.get("stream", True) is False:
                gen = server.llm.generate(body["messages"], **kw)
                return self._send_json(200, {**base, "created_at": _now(),
                                             "message": {"role": "assistant", "content": gen.text}, "done": True,
                                             **_final(gen.stopped, gen.prompt_tokens, gen.completion_tokens, start)})
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            stream = server.llm.stream(body["messages"], **kw)
            sent, usage = 0, None
            try:
                while True:
                    try:
                        piece = next(stream)
                    except StopIteration as end:
                        usage = end.value
                        break
                    if server.stall_after_tokens is not None and sent >= server.stall_after_tokens:
                        stream.close()
                        self.close_connection = True
                        server._stopping.wait(120)  # silence until the test ends
                        return
                    self._chunk({**base, "created_at": _now(),
                                 "message": {"role": "assistant", "content": piece}, "done": False})
                    sent += 1
                self._chunk({**base, "created_at": _now(), "message": {"role": "assistant", "content": ""},
                             "done": True, **_final(usage.stopped, usage.prompt_tokens, usage.completion_tokens, start)})
                self.wfile.write(b"0\r\n\r\n")
            except LLMError as exc:  # Ollama reports errors inside a stream as an {"error": ...} line
                self._chunk({"error": str(exc)})
                self.wfile.write(b"0\r\n\r\n")
            finally:
                stream.close()

        def _chunk(self, obj: dict) -> None:
            line = json.dumps(obj).encode() + b"\n"
            self.wfile.write(f"{len(line):x}\r\n".encode() + line + b"\r\n")
            self.wfile.flush()

    return Handler


def _final(stopped: str, prompt_tokens: int, eval_count: int, start: float) -> dict:
    total = int((time.perf_counter() - start) * 1e9)
    return {"done_reason": stopped, "total_duration": total, "load_duration": 0,
            "prompt_eval_count": prompt_tokens, "prompt_eval_duration": 0,
            "eval_count": eval_count, "eval_duration": total}
