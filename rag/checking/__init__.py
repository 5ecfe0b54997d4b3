"""Claim checking: does a paper's text support, contradict or not state a claim? (issue 10)."""

from rag.checking.checker import FEATURES, Checker, ClaimCheck, Passages
from rag.checking.model import VERDICTS, CheckerModel, load_model

__all__ = ["FEATURES", "VERDICTS", "Checker", "CheckerModel", "ClaimCheck", "Passages", "load_model"]
