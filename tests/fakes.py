"""Fakes that implement the real interfaces, for unit tests only (pipeline tests run the real models)."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from rag.embedding import Embedder


class HashEmbedder(Embedder):
    """Deterministic bag-of-words vectors from hashed lowercase words.

    Texts sharing words get similar vectors, so tests of other modules can assert exact rankings
    without loading a model. It knows nothing about meaning, which is why it is not a production
    embedder: tests/conftest.py registers it as "hash" through the same `register()` hook.
    """

    def __init__(self, dimensions: int = 64):
        self.dimensions = dimensions
        self.model_id = f"hash-bow-{dimensions}"

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
                out[row, int.from_bytes(digest[:4], "little") % self.dimensions] += 1.0 if digest[4] & 1 else -1.0
            if not out[row].any():
                out[row, 0] = 1.0  # empty text: a fixed unit vector
        return out / np.linalg.norm(out, axis=1, keepdims=True)
