"""Hidden states of (claim, evidence) pairs after the cross-encoder's frozen lower layers, kept and reused.

eval/train_crossencoder.py freezes the word vectors and the lower encoder layers: their output for a pair
never changes during training, so it is computed once (`lower_states`) and every step — and every fold of
eval/crossencoder_cv.py — runs only the upper layers on it. On 2 shared cores this made a step ~3x cheaper.
"""

from __future__ import annotations

import numpy as np

from rag.checking.crossencoder import MAX_TOKENS, model_dir
from rag.checking.model import VERDICTS


def encode(tokenizer, pairs: list[tuple[str, str]]):
    import torch

    enc = tokenizer.encode_batch(pairs)
    ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
    return ids, mask


def pair_tokenizer():
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def lower_states(model, pairs: list[tuple[str, str]], chunk: int = 64) -> list:
    """Each pair's hidden states after the frozen layers, unpadded (computed once, reused every epoch)."""
    tokenizer = pair_tokenizer()
    order = sorted(range(len(pairs)), key=lambda j: len(pairs[j][0]) + len(pairs[j][1]))
    out = [None] * len(pairs)
    for i in range(0, len(order), chunk):
        chosen = order[i:i + chunk]
        ids, mask = encode(tokenizer, [pairs[j] for j in chosen])
        hidden = model.lower(ids, mask)
        for row, j in enumerate(chosen):
            out[j] = hidden[row, : int(mask[row].sum())].clone()
    return out


def advance(model, states: list, first: int, chunk: int = 64) -> list:
    """lower_states kept for `first` frozen layers, carried through the model's further frozen layers."""
    import torch

    out = [None] * len(states)
    order = sorted(range(len(states)), key=lambda j: len(states[j]))
    with torch.no_grad():
        model.bert.eval()
        for i in range(0, len(order), chunk):
            chosen = order[i:i + chunk]
            hidden, mask = padded(torch, [states[j] for j in chosen])
            hidden = model._layers(hidden, mask, model.bert.encoder.layer[first: model.frozen])
            for row, j in enumerate(chosen):
                out[j] = hidden[row, : int(mask[row].sum())].clone()
    return out


def padded(torch, states: list):
    """A batch of kept states, zero-padded, and its attention mask."""
    n = max(len(h) for h in states)
    hidden = torch.zeros(len(states), n, states[0].shape[1])
    mask = torch.zeros(len(states), n, dtype=torch.long)
    for row, h in enumerate(states):
        hidden[row, : len(h)] = h
        mask[row, : len(h)] = 1
    return hidden, mask


def score(model, pairs: list[tuple[str, str]], states: list | None = None) -> np.ndarray:
    """(n, 3) probabilities of the torch model for (claim, evidence) pairs (`states`: their lower_states)."""
    import torch

    model.train(False)
    states = states if states is not None else lower_states(model, pairs)
    out = np.zeros((len(pairs), len(VERDICTS)), np.float32)
    order = sorted(range(len(pairs)), key=lambda j: len(states[j]))
    with torch.no_grad():
        for i in range(0, len(order), 64):
            chosen = order[i:i + 64]
            out[chosen] = torch.softmax(model.upper(*padded(torch, [states[j] for j in chosen])), dim=1).numpy()
    return out
