"""Explicit, documented settings: one pydantic tree, built once at the edge (CLI, UI, tests) and passed down.

Nothing here does work or reads the environment at import time: `Settings.from_env()` is the one place that
looks at environment variables and preset files (rag/config_sources.py says where values come from).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

# Re-exported: callers import these from rag.config, where the settings live.
from rag.config_sources import (ConfigError, chosen_preset, contain_caches, environment_values,  # noqa: F401
                                first_problem, merged, normalise_host, preset_values)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# A wheel carries prompts/, seeds/ and eval/datasets/ inside the package (see setup.py): a source
# checkout reads them where they are, an installed package from rag/_bundled.
BUNDLED = Path(__file__).resolve().parent / "_bundled"


def resource_dir(name: str) -> Path:
    """prompts, seeds or datasets: the project's own folder in a checkout, else the copy in the package."""
    checkout = PROJECT_ROOT / ("eval/datasets" if name == "datasets" else name)
    return checkout if checkout.is_dir() else BUNDLED / name


DEFAULT_SEEDS = resource_dir("seeds")


def default_home() -> Path:
    """$RAG_HOME, else the XDG data dir: one folder holds the store, the caches and the models we export."""
    if os.environ.get("RAG_HOME"):
        return Path(os.environ["RAG_HOME"]).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "rag"


class Section(BaseModel):
    """A part of the tree. Unknown keys are refused, so a misspelt line in a preset is an error, not ignored."""

    model_config = ConfigDict(extra="forbid")


class ChunkSettings(Section):
    max_tokens: int = Field(
        default=200,
        description="Most embedder word pieces per chunk of a header, an abstract or a text file's body, title prefix "
        "and special tokens included. all-MiniLM-L6-v2 truncates past 256, so this stays under it.",
    )
    overlap_sentences: int = Field(default=1, description="Sentences repeated at the start of the next chunk.")
    full_text_max_tokens: int = Field(
        default=256,
        description="The same for a PDF's full text (sections, tables, references): the embedder's whole window "
        "(chunks are packed by exact piece counts, never truncated). Fuller chunks repeat the title and section "
        "lead less often: ~30% fewer chunks per page than 200 with overlap, at the same evidence recall.",
    )
    full_text_overlap_sentences: int = Field(
        default=0, description="Overlap in a PDF's full text: none, since chunks never cross a section and evidence "
        "reads a sentence that points back at a chunk's start with the last sentence of the chunk before.")


class RetrievalSettings(Section):
    k: int = Field(default=5, description="Hits returned.")
    candidates: int = Field(default=50, description="Candidates each retriever (dense, BM25) gives to fusion.")
    rrf_k: int = Field(default=60, description="Reciprocal-rank-fusion constant (Cormack et al. 2009).")
    max_chunks_per_paper: int = Field(default=1, description="Hits kept per paper, so one paper cannot crowd out the rest.")
    exact_search_max_chunks: int = Field(
        default=100_000, ge=0,
        description="Up to this many passages, dense search on a library held on this machine is exact (rag/dense.py: "
        "cosine over every vector in numpy, the same neighbours in every process); above it, Chroma's approximate HNSW "
        "index, whose embedded graph is rebuilt differently per process below its sync threshold. At 100k passages "
        "(eval/bench_search.py, 2 cores): 154 MB of vectors read once per process in ~3 s CPU, ~9 ms per query "
        "(HNSW ~2.5 ms). 0: always HNSW. A shared library's reader copy holds no vectors and always uses the server's HNSW.")


class EvidenceSettings(Section):
    """Evidence selection (rag/evidence.py): which sentences of the retrieved papers the answer model is shown.

    The embedded model prefills ~200-250 tokens/s on 2 cores, so every shown sentence delays the first word:
    these bound both what is shown and what is embedded per question."""

    passages: int = Field(default=3, ge=1, description="Numbered passages shown to the model (and cited). Three "
                          "cover a question that spans papers while keeping the prompt under ~400 tokens.")
    sentences_per_passage: int = Field(default=2, ge=1, description="Sentences kept per passage, those closest to "
                                       "the question: two hold a claim and its context, more only adds prefill time.")
    best_passage_sentences: int = Field(default=3, ge=1, description="Sentences kept in the most answerable "
                                        "passage: the asked detail often follows its best two (a caption, then "
                                        "what the figure shows); one more line costs ~0.2 s of prefill.")
    max_gap_to_best: float = Field(default=0.15, ge=0, description="A passage whose relevance is more than this "
                                   "below the best one is dropped: far less answerable passages are noise for the "
                                   "model and the reader.")
    chunks_by_rank: tuple[int, ...] = Field(default=(3, 2, 2, 1), description="Chunks whose sentences are scored "
                                            "for the 1st, 2nd, ... retrieved paper (the last value for the rest): "
                                            "the answer is most often in the first paper, so it gets the most room.")
    sentences_by_rank: tuple[int, ...] = Field(default=(3, 2, 2, 1), description="Sentences embedded per such "
                                               "chunk, by the paper's rank (a lexical pre-pick chooses them).")
    max_embedded_sentences: int = Field(default=20, ge=1, description="Most sentences embedded per question (cache "
                                        "hits are free): bounds evidence time whatever the length of the papers.")
    table_rows: int = Field(default=6, ge=0, description="Rows of a table shown besides its caption and header "
                            "row (the rows most like the question): enough for one comparison, not a whole table.")
    table_rows_extreme: int = Field(default=12, ge=0, description="Rows of a table shown when the question asks "
                                    "for an extreme ('which model has the highest MAP'): the answer may be any row.")


# The least support score (rag/citations.py) at which a cited sentence counts as supported. The checker's model
# is fitted so that 0.5 is its calibrated operating point (eval/fit_checker.py folds the threshold chosen on
# the dev claims into the model).
SUPPORT_THRESHOLD = 0.5


class AnswerSettings(Section):
    """Writing the answer (rag/answer.py): how long it may be and when a cited sentence is kept."""

    max_sentences: int = Field(default=3, ge=1, description="Most sentences in an answer, model-written or quoted: "
                               "the system prompt asks for this many, and the extractive fallback quotes no more.")
    max_tokens: int = Field(default=120, ge=1, description="Most tokens the model may write: three cited sentences "
                            "fit, and at ~48 tokens/s decoding on 2 cores the answer ends within ~3 s.")
    support_threshold: float = Field(default=SUPPORT_THRESHOLD, ge=0, le=1, description="Least support score for "
                                     "a model-written sentence to be kept with its citation; below it the sentence "
                                     "is dropped (what streams is what holds). 0.5 is the scorer's decision point.")
    check_premise: bool = Field(default=False, description="Check what a 'why / since / how come' question takes as "
                                "given against its paper (rag/premise.py); when the paper contradicts it, say so "
                                "first, cited, and quote the closest passages. Off: on dev it caught 41 of 100 false "
                                "premises but flagged 6 of 167 answerable why/how questions (eval/results/premise).")


# The answerability model shipped with the package (eval/fit_answerability.py writes it).
ANSWERABILITY_MODEL = Path(__file__).with_name("answerability.json")


class AnswerabilitySettings(Section):
    """Answer, show the closest passages, or refuse (rag/answerability.py, rag/abstain.py), decided before the LLM.

    The thresholds come from the fitted model (eval/fit_answerability.py, development sets only); set them here
    only to trade answers for caution on purpose (see the presets)."""

    model_path: Path | None = Field(default=None, description="The fitted answerability model (JSON). Unset: the "
                                    "one shipped as rag/answerability.json. Its content is part of the fingerprint.")
    answer_threshold: float | None = Field(default=None, ge=0, le=1, description="p(answerable) at or above which "
                                           "the LLM is asked. Unset: the fit's threshold.")
    closest_threshold: float | None = Field(default=None, ge=0, le=1, description="p(answerable) at or above which "
                                            "(and below the answer threshold) the closest passages are quoted as "
                                            "such instead of refusing. Unset: the fit's threshold.")

    def resolved_model_path(self) -> Path:
        return self.model_path or ANSWERABILITY_MODEL


class Targets(Section):
    """The eval targets (rag/evaluation/gate.py): the regression gate, the report's Targets table and the UI's
    Evals tab check a run against these. They judge results and do not shape them, so the fingerprint leaves them
    out. Retrieval floors sit a little below what the pipeline measured on eval/datasets/seeds.jsonl when they
    were set (eval/README.md "Gate"); answer targets are the issue's."""

    retrieval: dict[str, dict[str, float]] = Field(
        default={
            "overall": {"recall@5": 0.95, "recall@10": 0.96, "mrr": 0.90, "ndcg@10": 0.92},
            "lookup": {"recall@5": 0.95, "mrr": 0.93},
            "paraphrase": {"recall@5": 0.90, "mrr": 0.78},
            "metadata": {"recall@5": 0.90, "mrr": 0.90},
            "multi": {"recall@5": 0.95, "mrr": 0.90},
        },
        description="group ('overall' or a question kind) -> metric -> the least ours may score.")
    ahead_of_baselines: list[str] = Field(default=["recall@5", "mrr"],
                                          description="Metrics on which ours must beat every baseline in the run.")
    answer_at_least: dict[str, float] = Field(default={
        "abstention_accuracy": 0.85, "citation_precision": 0.90, "content_keyword_recall": 0.60,
        "evidence_recall": 0.85}, description="Answer metric -> the least a run may score.")
    answer_at_most: dict[str, float] = Field(default={
        "false_abstention": 0.10, "first_token_p50_ms": 1500, "latency_p95_ms": 8000},
        description="Answer metric -> the most a run may score (rates and milliseconds).")
    answer_reported: list[str] = Field(default=["invented_citation_rate"],
                                       description="Shown beside the targets with no bound.")


DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434"


class LLMSettings(Section):
    """The answer-writing model: the embedded llama.cpp model and the Ollama server."""

    ollama_host: str = Field(default=DEFAULT_OLLAMA_HOST, description="Ollama server URL ($OLLAMA_HOST; 'host:port' "
                             "is accepted, as Ollama's own CLI does).")
    ollama_model: str = Field(default="llama3.2", description="Model used with --llm ollama and by auto when the "
                              "server has it ($RAG_OLLAMA_MODEL).")
    ollama_first_token_s: float = Field(default=90.0, gt=0, description="Seconds to wait for Ollama's first token "
                                        "(a cold model loads first) before giving up ($RAG_OLLAMA_FIRST_TOKEN_S).")
    ollama_stall_s: float = Field(default=30.0, gt=0, description="Seconds of silence mid-answer that count as a stall.")
    ollama_context_window: int = Field(default=8192, description="Largest num_ctx asked of Ollama.")
    auto_probe_s: float = Field(default=1.5, gt=0, description="How long `auto` and the UI's picker wait for Ollama "
                                "to list its models before using the embedded model.")
    embedded_context_window: int = Field(default=2048, description="llama.cpp context (prompt + answer) in tokens.")
    embedded_threads: int = Field(default=2, description="llama.cpp threads; more than the cores only adds contention.")


class Settings(Section):
    """The whole tree. Sections follow the pipeline (chunking, retrieval, evidence, answerability, answer) and
    the LLM backends; then where data lives and the eval targets."""

    home: Path = Field(default_factory=default_home, description="Data dir: store, snapshots, caches, exported models.")
    chroma_url: str | None = Field(
        default=None, description="Chroma server URL (http://host:port). Unset: an embedded PersistentClient under home."
    )
    chunking: ChunkSettings = Field(default_factory=ChunkSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    evidence: EvidenceSettings = Field(default_factory=EvidenceSettings)
    answerability: AnswerabilitySettings = Field(default_factory=AnswerabilitySettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    targets: Targets = Field(default_factory=Targets, description="What an eval run is checked against.")
    models_path: Path | None = Field(
        default=None, description="Where exported models are cached (default: <home>/models). Tests share one."
    )
    embed_threads: int = Field(default_factory=lambda: os.cpu_count() or 2, description="Threads for the embedder.")
    preset: str = Field(default="default", description="The preset file the values came from (rag/presets/); "
                        "shown in reports. The fingerprint reads the values, not this name.")

    @classmethod
    def from_env(cls, preset: str | None = None, **overrides) -> "Settings":
        """Defaults, then the preset (`preset`, else $RAG_PRESET, else "default"), then environment variables,
        then `overrides` (CLI flags; None means not given). A bad value is a ConfigError naming its source."""
        name = chosen_preset(preset)
        from_file = preset_values(name)
        try:
            cls.model_validate(from_file)  # the file alone first, so that an error names the file
        except ValidationError as exc:
            raise ConfigError(f"preset {name!r}: {first_problem(exc)}") from None
        given = {key: value for key, value in overrides.items() if value is not None}
        try:
            return cls.model_validate(merged(from_file, environment_values(), given, {"preset": name}))
        except ValidationError as exc:
            raise ConfigError(f"settings: {first_problem(exc)}") from None

    def fingerprint(self) -> str:
        """One hash of every setting that shapes results: chunking, retrieval, evidence, answerability (with the
        content of the fitted model it reads), answer and LLM settings; not where things are stored or served, nor
        the eval targets. Recorded in each eval report, so two reports say whether they ran the same settings."""
        places = {"home": True, "models_path": True, "chroma_url": True, "llm": {"ollama_host"}}
        shaping = self.model_dump(mode="json", exclude={**places, "targets": True, "preset": True})
        shaping["answerability"]["model_path"] = _file_digest(self.answerability.resolved_model_path())
        text = json.dumps(shaping, sort_keys=True, default=str)
        return hashlib.sha1(text.encode()).hexdigest()[:12]

    @property
    def store_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def snapshots_dir(self) -> Path:
        if self.chroma_url:  # a copy of the server's library (rag/shared/cache.py), apart from this machine's own
            return self.home / "servers" / "".join(c if c.isalnum() else "_" for c in self.chroma_url) / "snapshots"
        return self.home / "snapshots"

    @property
    def models_dir(self) -> Path:
        return self.models_path or self.home / "models"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"


def _file_digest(path: Path) -> str:
    """What a model file holds, not where it lives; a missing file is named as such (loading it fails loudly)."""
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return f"unreadable:{path.name}"
