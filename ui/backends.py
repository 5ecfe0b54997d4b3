"""What the model picker offers: the embedded model, and Ollama's models when a server answers."""

from __future__ import annotations

import threading

from rag.config import Settings
from rag.llm.base import LLM, BackendUnavailable, LLMError

Choice = tuple[str, str]  # (label shown, spec given to resolve_llm)


class Backends:
    """The picker's choices and the LLMs behind them, each built once and shared by every session."""

    def __init__(self, settings: Settings, default_spec: str = "auto"):
        self.settings = settings
        self.default_spec = (default_spec or "auto").strip()
        self.choices: list[Choice] = []
        self.note = ""
        self._ollama_models: list[str] | None = None  # what the server listed on the last refresh; None: no answer
        self._llms: dict[str, LLM] = {}
        self._lock = threading.Lock()

    def get(self, spec: str) -> LLM:
        from rag.llm.registry import resolve_llm

        with self._lock:
            if spec not in self._llms:
                self._llms[spec] = resolve_llm(spec, self.settings)
            return self._llms[spec]

    def label(self, spec: str | None) -> str:
        return next((label for label, value in self.choices if value == spec), spec or "none")

    def initial(self) -> str | None:
        """Fill the choices without asking Ollama (the page never waits for it); return the default spec."""
        self.choices, self.note = self._embedded()
        self._add_requested_ollama()
        if not self.note:
            self.note = "Looking for an Ollama server…"
        return self.default_value()

    def refresh(self) -> str | None:
        """Ask Ollama which models it has (page load); return the default spec."""
        embedded, embedded_note = self._embedded()
        ollama, ollama_note = self._ollama()
        self.choices = embedded + ollama
        self._add_requested_ollama(missing=" (not on the server)")
        self.note = " ".join(n for n in (embedded_note, ollama_note) if n)
        return self.default_value()

    def default_value(self) -> str | None:
        """The spec `--llm` asked for; auto is decided by the registry's rule on what the server listed."""
        from rag.llm.registry import auto_spec

        values = [v for _, v in self.choices]
        spec = self.default_spec
        if spec == "ollama":
            spec = f"ollama:{self.settings.llm.ollama_model}"
        if spec == "auto":
            spec = auto_spec(self.settings.llm, self._ollama_models)
        return spec if spec in values else (values[0] if values else None)

    def _add_requested_ollama(self, missing: str = "") -> None:
        if not self.default_spec.startswith("ollama"):
            return
        name = self.default_spec.partition(":")[2] or self.settings.llm.ollama_model
        if f"ollama:{name}" not in [v for _, v in self.choices]:
            self.choices.insert(0, (f"Ollama · {name}{missing}", f"ollama:{name}"))

    def _embedded(self) -> tuple[list[Choice], str]:
        from rag.llm.registry import resolve_llm

        specs = ["embedded"]
        if self.default_spec.startswith("embedded:"):
            specs.insert(0, self.default_spec)
        choices, notes = [], []
        for spec in specs:
            try:
                llm = resolve_llm(spec, self.settings)  # built as the CLI builds it; the weights load on first use
            except LLMError as exc:
                notes.append(str(exc))
                continue
            choices.append((f"Embedded · {llm.model} (runs here)", spec))
        return choices, " ".join(notes)

    def _ollama(self) -> tuple[list[Choice], str]:
        from rag.llm.ollama_backend import OllamaLLM

        probe = OllamaLLM.from_settings(self.settings.llm.ollama_model, self.settings.llm)
        self._ollama_models = None
        try:
            names = probe.available_models(timeout=self.settings.llm.auto_probe_s)
        except BackendUnavailable:
            return [], (f"No Ollama server at {probe.host}, so only the embedded model is offered — start one "
                        "with `ollama serve` and reload the page to use its models.")
        except LLMError as exc:
            return [], f"Ollama: {exc}. Only the embedded model is offered."
        self._ollama_models = names
        if not names:
            return [], f"Ollama at {probe.host} has no models — `ollama pull {self.settings.llm.ollama_model}` adds one."
        plural = "s" if len(names) != 1 else ""
        return [(f"Ollama · {name}", f"ollama:{name}") for name in names], \
            f"Ollama at {probe.host}: {len(names)} model{plural}."
