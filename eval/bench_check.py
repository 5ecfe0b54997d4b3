"""The claim checker's cost per answer sentence: the cross-encoder over three passages, and a whole check (embedding
included) against a short passage and against a long paper full of numbers.

    .venv/bin/python eval/bench_check.py [--repeat 20]

Every answer sentence is checked before it is shown, so each must stay well under the answer's own time: the target
is 50 ms per sentence. Figures are wall time on this machine's CPU (the check runs on the asking thread); the first
call of each is a warm-up and not counted. These were timed assertions in tests/test_checker.py and
tests/test_crossencoder.py, which raced under load: a speed target is a figure to print, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import time

from benchlib import print_table

from rag.checking import Checker
from rag.checking.crossencoder import CrossEncoder
from rag.config import Settings
from rag.embedding import load_embedder

TITLE = "Hopfield Networks is All You Need"
PASSAGE = ["We introduce a modern Hopfield network with continuous states and a corresponding update rule.",
           "The new Hopfield network can store exponentially many patterns and retrieves them with one update.",
           "On the UCI benchmark collections, it improves accuracy by 4.2% over support vector machines.",
           "Training takes 3 hours on a single GPU and some of the attention heads converge to metastable states."]
CLAIM = "On the UCI benchmark collections the network improves accuracy by 4.2% over support vector machines."
# A long paper's numbers: each is read in a bounded reach of words, not against the paper's whole prefix.
LONG = " ".join(f"In run {i} the loss fell to {i / 7:.2f} after {3 * i} steps on 8 GPUs." for i in range(2000))


def timed(call, repeat: int) -> list[float]:
    call()  # warm-up: caches and lazy loads
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    settings = Settings.from_env()
    checker = Checker(load_embedder(settings.models_dir, settings.embed_threads))
    short = checker.passages(1, TITLE, PASSAGE)
    long = checker.passages(2, TITLE, PASSAGE, context=LONG + " " + " ".join(PASSAGE))
    crossencoder = CrossEncoder()
    pairs = [(CLAIM, PASSAGE[2])] * 3
    rows = []
    for name, call in [("cross-encoder, one sentence x 3 passages", lambda: crossencoder.probabilities(pairs)),
                       ("check, one sentence, short passage", lambda: checker.check(CLAIM, [short])),
                       ("check, one sentence, a paper of 6,000 numbers", lambda: checker.check(CLAIM, [long]))]:
        ms = timed(call, args.repeat)
        rows.append((f"{name}: median / max ms", f"{statistics.median(ms):.1f} / {max(ms):.1f}", "< 50"))
    print_table(f"claim checking, {args.repeat} runs each (wall time)", rows)


if __name__ == "__main__":
    main()
