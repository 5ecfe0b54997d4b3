"""Typed eval results: what `rag eval` writes to report.json and every reader (gate, Markdown, plots,
compare, the UI's Evals tab) reads back.

Field names with '@' keep their report.json spelling through aliases ("recall@5"), so a report written
before these models existed loads into them unchanged; figures added later (evidence recall, content
keyword recall, the settings hash) are optional and read as None from older reports.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rag.evaluation import EvalError


class _Metrics(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    def column(self, name: str) -> float | int | None:
        """A figure by its report.json name ("recall@5", "mrr"): the tables list columns by these names."""
        field = _BY_ALIAS.get(type(self), {}).get(name, name)
        return getattr(self, field, None)

    def columns(self) -> dict[str, float | int | None]:
        """Every figure this group has, by report.json name, without the absent ones."""
        return self.model_dump(by_alias=True, exclude_none=True)


class RetrievalMetrics(_Metrics):
    n: int = Field(description="Answerable questions in the group.")
    recall_at_1: float | None = Field(default=None, alias="recall@1")
    recall_at_5: float | None = Field(default=None, alias="recall@5")
    recall_at_10: float | None = Field(default=None, alias="recall@10",
                                       description="Capped recall; None when the run's k is below the cut.")
    mrr: float | None = None
    ndcg_at_10: float | None = Field(default=None, alias="ndcg@10")
    latency_p50_ms: float | None = None
    latency_p95_ms: float | None = None


class AnswerMetrics(_Metrics):
    n: int = 0
    answerable: int = 0
    unanswerable: int = 0
    answered: int = 0
    closest: int = 0
    refused: int = 0
    abstention_accuracy: float | None = Field(default=None, description="Unanswerable questions answered "
                                              "'closest' or 'refused'.")
    false_abstention: float | None = Field(default=None, description="Answerable questions not answered.")
    invented_citation_rate: float | None = Field(default=None, description="Share of the citation numbers the "
                                                 "model wrote that point at no shown passage (raw, before removal).")
    citations_written: int = 0
    citation_precision: float | None = None
    citation_recall: float | None = None
    evidence_recall: float | None = Field(default=None, description="Answerable questions whose shown passages "
                                          "hold every answer keyword.")
    content_keyword_recall: float | None = Field(default=None, description="Answer keywords that are not title "
                                                 "words, found in the answer with every title cut out.")
    keyword_recall: float | None = None
    citation_support: float | None = Field(default=None, description="Diagnostic: kept sentences re-scored by "
                                           "the pipeline's own scorer; never a target.")
    model_sentence_support: float | None = None
    model_sentences: int = 0
    fallback_rate: float | None = None
    invented_citations_removed: int = 0
    latency_p50_ms: float | None = None
    latency_p95_ms: float | None = None
    first_token_p50_ms: float | None = None
    first_token_p95_ms: float | None = None
    prompt_tokens_mean: float | None = None
    prompt_tokens_max: int | None = None


_BY_ALIAS = {model: {f.alias: name for name, f in model.model_fields.items() if f.alias}
             for model in (RetrievalMetrics, AnswerMetrics)}


class RiskPoint(BaseModel):
    threshold: float = Field(description="Answer only questions with p(answerable) at or above this.")
    coverage: float = Field(description="Share of questions answered.")
    accuracy: float = Field(description="Share of those answers that are right (1 - risk).")


class SystemSummary(BaseModel):
    overall: RetrievalMetrics
    by_kind: dict[str, RetrievalMetrics] = Field(default_factory=dict)
    recall_curve: list[float] = Field(default_factory=list, description="Mean capped recall@1..k.")


class AnswerSummary(BaseModel):
    overall: AnswerMetrics
    by_kind: dict[str, AnswerMetrics] = Field(default_factory=dict)
    risk_coverage: list[RiskPoint] = Field(default_factory=list)


class EvalSummary(BaseModel):
    questions: int
    by_kind_count: dict[str, int]
    systems: dict[str, SystemSummary] = Field(description="Retrieval per system; 'ours' is always one.")
    answer: AnswerSummary | None = Field(default=None, description="Our answers; None in a retrieval-only run.")
    dataset: str = ""
    k: int | None = None
    mode: str = "retrieval"
    systems_description: dict[str, str] = Field(default_factory=dict)
    setup_seconds: dict[str, float] = Field(default_factory=dict)
    run_seconds: float | None = None
    index: str | None = None
    embedder: str | None = None
    papers: int | None = None
    created: str | None = None
    settings_hash: str | None = Field(default=None, description="Settings.fingerprint of the run (absent in "
                                      "reports written before it was recorded).")
    preset: str | None = Field(default=None, description="The preset the run's settings came from (absent in "
                               "reports written before it was recorded); the hash says whether values were changed.")
    llm: str | None = None
    answer_settings: dict | None = None
    alce_support_threshold: float | None = None

    @property
    def ours(self) -> SystemSummary:
        return self.systems["ours"]


class SystemRun(BaseModel):
    retrieved_titles: list[str]
    timings: dict[str, float]


class SentenceRecord(BaseModel):
    text: str
    origin: str
    citations: list[int]
    supported: bool = Field(description="The pipeline kept it (its support reached the pipeline's threshold).")
    support: float = Field(description="The pipeline's support score.")
    alce_supported: bool | None = Field(default=None, description="Re-scored against its cited passages only; "
                                        "None for sentences the pipeline removed.")


class QuestionRecord(BaseModel):
    id: str
    question: str
    kind: str
    gold_titles: list[str]
    answer_keywords: list[str] = Field(default_factory=list)
    retrieved_titles: list[str] = Field(description="Our ranked papers (the eval's k).")
    timings: dict[str, float] = Field(default_factory=dict)
    baselines: dict[str, SystemRun] = Field(default_factory=dict)
    # Answer fields: absent (None) in a retrieval-only run.
    answer: str | None = None
    cited_titles: list[str] | None = None
    abstained: bool | None = Field(default=None, description="The outcome is 'closest' or 'refused'.")
    outcome: str | None = Field(default=None, description="answer | closest | refused")
    answerability: float | None = Field(default=None, description="p(answerable) that chose the outcome.")
    fallback: bool | None = None
    unsupported_sentences: list[str] | None = None
    removed_citations: list[int] | None = None
    written_citations: list[int] | None = Field(default=None, description="Every citation number in the model's raw "
                                                "text, read by the eval's own pattern (before the pipeline removes any).")
    shown_numbers: list[int] | None = Field(default=None, description="The passage numbers shown to the model.")
    evidence_titles: list[str] | None = Field(default=None, description="Papers of the passages shown.")
    evidence_has_keywords: bool | None = Field(default=None, description="The shown passages contain every answer "
                                               "keyword (None without keywords).")
    sentences: list[SentenceRecord] | None = None
    abstain_reason: str | None = None
    evidence_relevance: float | None = Field(default=None, description="Best relevance of the shown passages to "
                                             "the question (the evidence selector's score).")
    prompt_tokens: int | None = None

    def to_json(self) -> dict:
        return self.model_dump(mode="json", exclude_none=True)

    def ranked(self, system: str) -> list[str]:
        return self.retrieved_titles if system == "ours" else self.baselines[system].retrieved_titles

    def latency_ms(self, system: str) -> float:
        timings = self.timings if system == "ours" else self.baselines[system].timings
        return timings.get("search_ms", timings.get("retrieve_ms", 0.0))


class EvalReport(BaseModel):
    """One run: the summary and what every question did. report.json is `to_json()` of this."""

    summary: EvalSummary
    questions: list[QuestionRecord]

    def to_json(self) -> dict:
        """report.json as before the typed results: summary fields a run does not have (answer, llm) are left
        out; a figure nothing measured (recall with no answerable question) stays null."""
        summary = {k: v for k, v in self.summary.model_dump(mode="json", by_alias=True).items() if v is not None}
        return {"summary": summary, "questions": [q.to_json() for q in self.questions]}


def load_report_json(path: Path) -> dict:
    """A report.json's data, given as the file or the folder holding it; one clear error otherwise."""
    path = Path(path)
    if path.is_dir():
        path = path / "report.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{path}: no such report — pass a report.json or the --out folder of a run") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not a readable report.json ({exc})") from None
    if not isinstance(data, dict) or "summary" not in data or "systems" not in data.get("summary", {}):
        raise EvalError(f"{path}: not an eval report (no summary.systems) — was it written by `rag eval --out`?")
    return data


def load_report(path: Path) -> EvalReport:
    """A report.json (the file or its folder) as an EvalReport, including reports written before the typed
    results: their figures keep the same names, and figures added since read as None."""
    path = Path(path)
    if path.is_dir():
        path = path / "report.json"
    data = load_report_json(path)
    try:
        return EvalReport.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        at = ".".join(str(p) for p in first["loc"])
        raise EvalError(f"{path}: not an eval report ({at}: {first['msg']})") from None
