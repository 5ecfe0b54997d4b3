"""Does this sentence answer this question? A trained cross-encoder, read by the answerability model.

all-MiniLM-L6-v2 fine-tuned on questions made by rules from the library's own sentences
(eval/train_answer_scorer.py, eval/answer_questions.py): a question asking for a span of a sentence
is answered by it; the same question against a sentence of the paper without that span, a detail the
paper never gives (training time, GPUs, a score on one split) or a false premise is not. Shipped as
`answer_scorer.onnx` (int8, word vectors read from the installed model) and run with the claim
checker's onnxruntime code path (rag/checking/crossencoder.py): no torch at run time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.records import Evidence

CLASSES = ("does_not_answer", "answers")
MODEL_FILE = Path(__file__).with_name("answer_scorer.onnx")
TOP_SENTENCES = 8  # the sentences most relevant to the question are scored: ~40 ms on 2 cores


class AnswerScorer:
    def __init__(self, path: Path = MODEL_FILE, threads: int = 2):
        from rag.checking.crossencoder import CrossEncoder

        self.encoder = CrossEncoder(path, threads=threads)

    def probabilities(self, question: str, sentences: list[str]) -> np.ndarray:
        """P(answers) of each sentence for the question."""
        if not sentences:
            return np.zeros(0, np.float32)
        z = self.encoder.logits([(question, s) for s in sentences])
        return 1.0 / (1.0 + np.exp(z[:, 0] - z[:, 1]))

    def best(self, question: str, evidence: list[Evidence]) -> float:
        """The highest P(answers) over the evidence's leading sentences: the best-selected first."""
        sentences = candidate_sentences(evidence)
        return float(self.probabilities(question, sentences).max()) if sentences else 0.0


def candidate_sentences(evidence: list[Evidence], limit: int = TOP_SENTENCES) -> list[str]:
    """The evidence's best sentences (by relevance), then their neighbours, up to `limit`, without repeats."""
    ranked = sorted(evidence, key=lambda e: -e.relevance)
    out = [e.sentences[e.best] for e in ranked if e.sentences]
    for e in ranked:
        out.extend(s for i, s in enumerate(e.sentences) if i != e.best)
    return list(dict.fromkeys(s for s in out if s.strip()))[:limit]


@lru_cache(maxsize=1)
def load_scorer() -> AnswerScorer:
    return AnswerScorer()
