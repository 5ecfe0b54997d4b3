"""Can the shown evidence answer the question? A small calibrated model, decided before the LLM is asked.

A question asks for something — a number, a person, a name, a reason, a method, a yes/no — about a
subject. It is answerable here when the evidence holds a candidate of that kind about that subject.
Signals describe that (see `FEATURES`): lexical and dense ones, and one that reads (a cross-encoder's
probability that an evidence sentence answers the question, rag/answering_scorer.py). A logistic
regression over the standardised signals the fit keeps (eval/fit_answerability.py, development
question sets only) turns them into the probability `p` that the question is answerable. A question
that names an author or organisation of the library is about their papers and skips the model.
Two thresholds from the same fit give three outcomes:
p >= answer: ask the LLM; closest <= p < answer: show the closest passages as such; below: refuse.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.answer_kind import CLAUSE, TYPED, expected_type, has_candidate, holds_answer  # noqa: F401 (re-exported)
from rag.config import ANSWERABILITY_MODEL
from rag.asked import asks_for_papers
from rag.containment import CONTAINMENT_FEATURES, idf_of
from rag.errors import RagError
from rag.records import Chunk, Evidence, Hit, Outcome
from rag.text import STOPWORDS, word_tokens

MODEL_PATH = ANSWERABILITY_MODEL  # the shipped fit; Settings.answerability.model_path may name another

# The candidates of backward elimination on cross-validated log-loss over the development sets (eval/README.md);
# the fit keeps a subset. The best sentence's cosine, the selector's relevance and a typed-coverage score were
# measured too and added nothing; the share of the question's words the evidence paper never uses anywhere was
# kept by the elimination with a weight of the wrong sign (more unused words, more answerable) and removed. The top
# dense score added nothing on the first 140 questions; on the 408 of rounds 1 and 2 it is the strongest single
# gain (CV log-loss 0.414 -> 0.344).
FEATURES = (
    "coverage",           # share of the question's content words (title words aside) in the best shown passage
    "dense_margin",       # cosine of the top dense hit minus the next paper's: one clear match, or a crowd
    "bm25_top",           # best BM25 score per query word (log)
    "subject_present",    # share of the question's subject words (its named terms, else its rarest) in the evidence
    "unknown_share",      # share of the question's words the library never uses
    "unknown_name",       # the question names a term (capitalised, with digits) that no paper uses
    "type_candidate",     # the best sentence of the closest passage holds a candidate of the expected answer type
    "answer_score",       # a trained cross-encoder's best P(this sentence answers the question) over the evidence
    "premise_contradicted",  # the claim checker's cross-encoder P(contradicted) of what a 'why' / 'since' question
                          # presupposes, against its closest evidence sentences (rag/containment.py). Measured, not
                          # fitted: its CV gain is that of "the question has a premise" (most dev 'why' questions are
                          # false premises); among premise questions it barely separates (eval/results/answerability_fit)
    "dense_top",          # cosine of the top dense hit: how close the library comes to the question at all
    "paper_length",       # log of the closest evidence paper's chunk count: a 1-page listing or a 40-page PDF, whose
                          # long passages lower cosines and whose many words raise word shares anywhere in it
    "dense_by_length",    # dense_top x paper_length: the cosine read against the length of the paper it comes from
    *CONTAINMENT_FEATURES,  # the question's specific words with a candidate, in the paper; a contradicted premise
    "value_unbound_full_text",  # value_unbound when the closest evidence is a full paper, else 0: a full paper is
                          # where an unstated detail would be stated, while a listing's abstract binds few values to
                          # their attributes even for questions it answers (in prose), so the signal weighs apart
    "topic_unheld",       # a question for papers ("which papers here work on X", "is there work on X"): the idf share
                          # of its content words that no chunk of the library uses. Its answer is a topic the library
                          # either holds or not, and the nearest abstract always shares the generic words of X
)

# Words that say what kind of answer is wanted, not what it is about: never the question's subject.
_QUESTION_WORDS = frozenset(
    """many much long large big fast often far percentage proportion fraction number amount size rate
    does did do done which who whom whose why name names named describe described mention mentioned
    give given report reported according author authors study studies main kind type way ways""".split()
)


class AnswerabilityError(RagError):
    """The saved answerability model is missing or does not match the features the code computes."""


@dataclass
class LibraryStats:
    """Document frequencies of words over the library's chunks: what is rare, what is unknown."""

    df: Counter
    chunks: int

    @classmethod
    def of(cls, chunks: list[Chunk]) -> "LibraryStats":
        df: Counter = Counter()
        for chunk in chunks:
            df.update(set(word_tokens(chunk.text)))
        return cls(df=df, chunks=len(chunks))

    def rarest(self, words: list[str], n: int = 2) -> list[str]:
        return sorted(dict.fromkeys(words), key=lambda w: (self.df.get(w, 0), w))[:n]


@dataclass
class Signals:
    """What the decision saw: the features by name, the expected answer type and the probability."""

    values: dict[str, float]
    answer_type: str
    names_metadata: bool = False
    p: float = 0.0
    outcome: Outcome = "answer"
    reason: str = ""
    extra: dict = field(default_factory=dict)


def content_words(question: str) -> list[str]:
    return [w for w in word_tokens(question) if w not in _QUESTION_WORDS]


def unheld_share(words: list[str], stats: LibraryStats) -> float:
    """The idf share of `words` (each once) that no chunk of the library uses: unlike `unknown_share`, a topic's one
    unknown word ("handwriting") is not outweighed by the common words asked with it ("here", "recognition")."""
    idf = idf_of(list(dict.fromkeys(words)), stats.df, stats.chunks)
    total = sum(idf.values())
    return sum(weight for w, weight in idf.items() if stats.df.get(w, 0) == 0) / total if total else 0.0


def subject_words(question: str, stats: LibraryStats) -> list[str]:
    """What the question is about: the words of its named terms (LoRA, GPT-4, BESO), else its two rarest words."""
    terms = re.findall(r"[\w][\w-]*", question)[1:]
    named = [w for t in terms if any(ch.isupper() or ch.isdigit() for ch in t) for w in word_tokens(t)
             if w not in _QUESTION_WORDS]
    return list(dict.fromkeys(named)) or stats.rarest(content_words(question))


def features(question: str, evidence: list[Evidence], hits: list[Hit], stats: LibraryStats,
             bm25_scores: np.ndarray | None, names_metadata: bool = False, answer_score: float = 0.0) -> Signals:
    """The signals of `FEATURES` for one question and what retrieval and evidence selection returned.

    `answer_score` is the answering scorer's best probability over the evidence, computed by the caller
    (rag/abstain.py) so that this function stays free of models."""
    words = content_words(question)
    kind = expected_type(question)
    values = dict.fromkeys(FEATURES, 0.0)
    values["answer_score"] = answer_score
    known = [w for w in words if stats.df.get(w, 0) > 0]
    values["unknown_share"] = 1 - len(known) / len(words) if words else 0.0
    if asks_for_papers(question):
        values["topic_unheld"] = unheld_share(words, stats)
    terms = re.findall(r"[\w][\w-]*", question)[1:]
    named = [t for t in terms if any(ch.isupper() or ch.isdigit() for ch in t)]
    values["unknown_name"] = float(any(stats.df.get(w, 0) == 0 for t in named for w in word_tokens(t)))
    dense = sorted((h.dense_score for h in hits if h.dense_score is not None), reverse=True)
    if dense:
        values["dense_margin"] = dense[0] - (dense[1] if len(dense) > 1 else 0.0)
        values["dense_top"] = dense[0]
    if bm25_scores is not None and len(bm25_scores):
        values["bm25_top"] = math.log1p(float(np.max(bm25_scores)) / max(len(word_tokens(question)), 1))
    if evidence:
        shown_words = set(word_tokens(" ".join(f"{e.paper.title} {e.text}" for e in evidence)))
        subject = subject_words(question, stats)
        values["subject_present"] = sum(w in shown_words for w in subject) / len(subject) if subject else 0.0
        closest = max(evidence, key=lambda e: e.relevance)
        values["type_candidate"] = float(holds_answer(kind, closest.sentences[closest.best], question))
        for item in evidence:
            own = set(words) - set(word_tokens(item.paper.title))
            if own:
                values["coverage"] = max(values["coverage"], len(own & set(word_tokens(item.text))) / len(own))
    return Signals(values=values, answer_type=kind, names_metadata=names_metadata)


# The closest evidence paper is a full paper (a PDF's sections), not a listing page's abstract, from this many
# chunks on: listing pages give 1-4, the shortest of the five PDFs here 7 (LayoutParser). The two regimes read
# their signals differently (a long paper holds most words and some number somewhere), so the fit may give
# each its own operating point.
FULL_TEXT_CHUNKS = 5


def regime(values: dict[str, float]) -> str:
    """'full_text' when the closest evidence paper is a full paper (`paper_length` is log1p of its chunks), else 'page'."""
    return "full_text" if values.get("paper_length", 0.0) >= math.log1p(FULL_TEXT_CHUNKS) else "page"


def regime_readings(values: dict[str, float]) -> dict[str, float]:
    """The signals read apart per regime (`paper_length` and the containment signals computed first)."""
    return {"value_unbound_full_text": values.get("value_unbound", 0.0) * (regime(values) == "full_text")}


@dataclass(frozen=True)
class Model:
    """Logistic regression over standardised features: p = sigmoid(b + sum_i w_i (x_i - mean_i) / scale_i).

    `answer_threshold` / `closest_threshold` are the operating point; `full_text`, when the fit chose one, is
    (answer, closest) for questions whose closest evidence is a full paper (`regime`)."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    answer_threshold: float
    closest_threshold: float
    full_text: tuple[float, float] | None = None

    def probability(self, values: dict[str, float]) -> float:
        x = np.array([values[name] for name in self.features], dtype=np.float64)
        z = self.intercept + float(((x - self.mean) / self.scale) @ self.coef)
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def thresholds(self, values: dict[str, float] | None = None) -> tuple[float, float]:
        """(answer, closest) for a question with these signals: the full-text pair when its evidence is a full paper."""
        if self.full_text is not None and values is not None and regime(values) == "full_text":
            return self.full_text
        return self.answer_threshold, self.closest_threshold

    def outcome(self, p: float, values: dict[str, float] | None = None) -> Outcome:
        answer, closest = self.thresholds(values)
        if p >= answer:
            return "answer"
        return "closest" if p >= closest else "refused"

    def to_json(self) -> dict:
        thresholds = {"answer": self.answer_threshold, "closest": self.closest_threshold}
        if self.full_text is not None:
            thresholds["full_text"] = {"answer": self.full_text[0], "closest": self.full_text[1]}
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept, "thresholds": thresholds}

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        try:
            model = cls(features=tuple(data["features"]), mean=np.asarray(data["mean"], float),
                        scale=np.asarray(data["scale"], float), coef=np.asarray(data["coef"], float),
                        intercept=float(data["intercept"]), answer_threshold=float(data["thresholds"]["answer"]),
                        closest_threshold=float(data["thresholds"]["closest"]),
                        full_text=_pair(data["thresholds"].get("full_text")))
        except (KeyError, TypeError, ValueError) as exc:
            raise AnswerabilityError(f"the answerability model is malformed ({exc!r}) — refit it with "
                                     "`python eval/fit_answerability.py`") from None
        # The fit may keep a subset of the signals (backward elimination), never one the code does not compute.
        if not set(model.features) <= set(FEATURES) or not (len(model.mean) == len(model.scale) == len(model.coef)
                                                         == len(model.features)):
            raise AnswerabilityError("the answerability model was fitted on other features than the code computes — "
                                     "refit it with `python eval/fit_answerability.py`")
        return model


def _pair(thresholds: dict | None) -> tuple[float, float] | None:
    return None if thresholds is None else (float(thresholds["answer"]), float(thresholds["closest"]))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Model:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AnswerabilityError(f"cannot read the answerability model {path} ({exc}) — refit it with "
                                 "`python eval/fit_answerability.py`") from None
    return Model.from_json(data)


def explain(signals: Signals, model: Model) -> str:
    """One line saying why: the outcome, p, and the signals that pushed it most."""
    x = np.array([signals.values[name] for name in model.features])
    push = ((x - model.mean) / model.scale) * model.coef
    order = np.argsort(push)
    top = order[:2] if signals.outcome != "answer" else order[::-1][:2]
    named = ", ".join(f"{model.features[i]}={signals.values[model.features[i]]:.2f}" for i in top)
    return f"p(answerable)={signals.p:.2f}, wants a {signals.answer_type}; most weight: {named}"
