"""What the fit and training scripts (eval/fit_*.py, eval/train_*.py) share: the held-out refusal, the
library they read, and the options of a cross-encoder training run.

The next round of question and claim sets (`*_v5.jsonl` on) is a blind held-out test: a script that fits or
trains on it would make its figures worthless, so every script passes its input files through `development_only`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

# Held-out test sets, by name: every `*_vN.jsonl` from round N = 36 on. Rounds 1 (answerability, fulltext,
# claims, ...), 2 (`*_v2.jsonl`) and 3 to 35 (`*_v3.jsonl` … `*_v35.jsonl`: eval/results/v3/ … v35/) were
# evaluated and reported: development data now. Raise the round only after the newest round has been run and reported.
FIRST_HELD_OUT_ROUND = 36
_ROUND = re.compile(r"_v(\d+)\.jsonl$")


def is_held_out(path: Path) -> bool:
    found = _ROUND.search(Path(path).name)
    return bool(found) and int(found.group(1)) >= FIRST_HELD_OUT_ROUND


def development_only(paths: list[Path]) -> list[Path]:
    """The paths, or exit naming the first held-out test set among them."""
    for path in paths:
        if is_held_out(path):
            sys.exit(f"{path}: a held-out test set — fit and train on development sets only")
    return paths


def open_library(home: Path | None = None):
    """The library at `home` (else RAG_HOME), its caches kept under it."""
    from rag.config import Settings, contain_caches
    from rag.library import Library

    settings = Settings.from_env(home=home) if home is not None else Settings.from_env()
    contain_caches(settings)
    return Library(settings)


def training_parser(description: str, out: Path, per_paper: int, lr: float) -> argparse.ArgumentParser:
    """The options every cross-encoder training run takes (eval/train_crossencoder.py, eval/train_answer_scorer.py)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--home", type=Path, required=True, help="a library with the seeds and the PDFs")
    parser.add_argument("--per-paper", type=int, default=per_paper, help="source sentences drawn from each paper")
    parser.add_argument("--max-pairs", type=int, default=4000)
    parser.add_argument("--epochs", type=float, default=1.5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=lr)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--freeze-layers", type=int, default=3, help="lower encoder layers left as they are")
    parser.add_argument("--out", type=Path, default=out)
    parser.add_argument("--fp32", action="store_true", help="do not quantise (for comparison)")
    parser.add_argument("--save-torch", type=Path, default=None, help="also keep the torch weights here")
    return parser
