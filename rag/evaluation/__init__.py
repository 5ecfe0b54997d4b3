"""The eval harness: datasets of questions with gold papers, a runner that puts our pipeline and the
baselines through them, metrics, and reports (see eval/README.md)."""

from rag.errors import RagError


class EvalError(RagError):
    """An eval run cannot be set up, or a report cannot be read."""


# The systems an eval run can compare (rag/evaluation/baselines.py builds them).
SYSTEMS = ("ours", "bm25", "dense", "llamaindex", "llamaindex@k")
