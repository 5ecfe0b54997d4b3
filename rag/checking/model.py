"""The calibrated model that turns a claim's signals into supported / contradicted / unsupported.

A multinomial logistic regression over the features of rag/checking/features.py, its
coefficients a small JSON file next to this module (`checker.json`), fitted by
`eval/fit_checker.py` on the development claim sets and rule-made examples. numpy only: no torch
at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.errors import RagError

VERDICTS = ("supported", "contradicted", "unsupported")
MODEL_FILE = Path(__file__).with_name("checker.json")


class CheckerModelError(RagError):
    """The checker's coefficient file is missing or does not match its features."""


@dataclass
class CheckerModel:
    features: list[str]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    # The fitter folds its chosen operating point into the intercept, so 0.5 is where a claim passes.
    pass_threshold: float = 0.5
    min_own_words: int = 2
    # How the candidate spans' verdicts make the claim's (rag/checking/checker.py `decide`): chosen and scored
    # by the fit on the same rule, so cross-validation and the run time agree.
    decision: str = "surest"
    meta: dict = field(default_factory=dict)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """Class probabilities (supported, contradicted, unsupported) for each feature row."""
        z = ((rows - self.mean) / self.scale) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def verdict(self, p: np.ndarray, threshold: float | None = None) -> str:
        """Supported only above the pass threshold; otherwise the likelier of the other two."""
        if p[0] >= (self.pass_threshold if threshold is None else threshold):
            return "supported"
        return "contradicted" if p[1] >= p[2] else "unsupported"

    def to_json(self) -> dict:
        return {"features": self.features, "classes": list(VERDICTS), "mean": self.mean.tolist(),
                "scale": self.scale.tolist(), "coef": self.coef.tolist(), "intercept": self.intercept.tolist(),
                "pass_threshold": self.pass_threshold, "min_own_words": self.min_own_words, "decision": self.decision, "meta": self.meta}

    def save(self, path: Path = MODEL_FILE) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n")


def fold_threshold(model: CheckerModel, threshold: float) -> None:
    """Shift the 'supported' intercept so that P(supported) >= threshold becomes P'(supported) >= 0.5.

    P(supported) = sigmoid(z_s - logsumexp(z_c, z_u)), so subtracting logit(threshold) from z_s moves the
    operating point to 0.5 without changing which of contradicted / unsupported is likelier.
    """
    model.intercept[0] -= np.log(threshold / (1.0 - threshold))
    model.meta["fitted_pass_threshold"] = threshold
    model.pass_threshold = 0.5


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE, features: tuple[str, ...] | None = None) -> CheckerModel:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise CheckerModelError(f"cannot read the checker's coefficients {path}: {exc} — "
                                "run eval/fit_checker.py") from exc
    if features is not None and tuple(data["features"]) != tuple(features):
        raise CheckerModelError(f"{path} was fitted on other features — run eval/fit_checker.py again")
    return CheckerModel(features=data["features"], mean=np.array(data["mean"]), scale=np.array(data["scale"]),
                        coef=np.array(data["coef"]), intercept=np.array(data["intercept"]),
                        pass_threshold=float(data["pass_threshold"]), min_own_words=int(data["min_own_words"]),
                        decision=data.get("decision", "surest"), meta=data.get("meta", {}))


def fit(rows: np.ndarray, labels: np.ndarray, features: list[str], weights: np.ndarray | None = None,
        l2: float = 1e-2, steps: int = 3000, lr: float = 0.5) -> CheckerModel:
    """Softmax regression by full-batch gradient descent on standardised features (L2 on the weights)."""
    mean, scale = rows.mean(axis=0), rows.std(axis=0)
    scale[scale < 1e-6] = 1.0
    x = (rows - mean) / scale
    y = np.eye(len(VERDICTS))[labels]
    w = np.ones(len(rows)) if weights is None else weights
    w = w / w.sum()
    coef = np.zeros((len(VERDICTS), x.shape[1]))
    intercept = np.zeros(len(VERDICTS))
    for _ in range(steps):
        z = x @ coef.T + intercept
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) * w[:, None]
        coef -= lr * (g.T @ x + l2 * coef)
        intercept -= lr * g.sum(axis=0)
    return CheckerModel(features=features, mean=mean, scale=scale, coef=coef, intercept=intercept)
