"""Does the verb in a question's verb slot (rag/plan_slots.py) mean making the papers, or doing something else to them?

'Which papers did X churn out / put out / work on' asks for X's papers; 'which papers did X supervise / fund /
cite' does not, and neither does 'which papers were rejected in 2023'. No list can hold every verb of either
kind, so the verb is put in a fixed sentence and embedded (the library's own embedder, all-MiniLM-L6-v2), and
compared with the same sentence holding verbs of making (write, publish, post, ...) and verbs of acting on
other work (cite, review, reject, ...): it must sit closer to the first kind by `MARGIN` (the mean of the three
closest of each kind). Examples of each kind, not lists to match: an unseen verb is judged by its meaning.

Without an embedder the planner reads no verb slot at all, so a caller that passes none stays conservative.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from rag.embedding import Embedder

# One sentence per subject of the verb: a person ('did X ___'), the papers ('papers ___ in 2023'), a request
# ('___ the Mila papers'), one paper.
_TEMPLATES = {
    "person": ("Which papers did the researcher {}?",
               ["write", "publish", "post", "release", "author", "work on", "produce", "put out", "create", "co-author",
                "develop", "present"],
               ["cite", "review", "mention", "reject", "fund", "supervise", "criticise", "inspire", "retract", "read",
                "build on", "reproduce", "evaluate", "teach", "judge"]),
    "papers": ("Which papers were {} that year?",
               ["posted", "published", "released", "written", "put out", "uploaded", "submitted", "presented"],
               ["cited", "reviewed", "mentioned", "rejected", "funded", "criticised", "retracted", "read",
                "withdrawn", "reproduced", "evaluated"]),
    "request": ("Please {} the papers.",
                ["show", "list", "give me", "find", "display", "bring up", "name"],
                ["summarise", "explain", "compare", "translate", "review", "critique", "rank", "cite", "read",
                 "evaluate"]),
    "title": ("When did the paper {}?",
              ["come out", "appear", "get posted", "get published", "get released", "go online"],
              ["get cited", "get reviewed", "get rejected", "get retracted", "get criticised", "get funded"]),
}
# Chosen on 38 verbs of making and 39 of acting on work made up for the purpose (not from any question set; some
# are also examples above, so this is in-sample), each embedded alone, after rag/plan_slots.py's referring-verb
# filter: mean of the 3 closest of each kind; at 0.018 no verb of making was refused and 'translated', 'fix',
# 'retweet', 'download' were let through; 0.022 refuses 'fix' but also 'came up with' and 'led'.
MARGIN = 0.018
NEAREST = 3


class VerbJudge:
    def __init__(self, embedder: Embedder):
        self.embedder = embedder

    def margin(self, phrase: str, subject: str) -> float:
        template, making, acting = _TEMPLATES.get(subject, _TEMPLATES["person"])
        # The phrase is embedded alone: in a batch, padding moves the int8 model's vectors by ~0.002, the size of
        # the margins near MARGIN. The examples are embedded once and cached.
        examples = np.asarray(self.embedder.embed_cached([template.format(v) for v in making + acting]), dtype=np.float32)
        asked = np.asarray(self.embedder.embed_cached([template.format(phrase)]), dtype=np.float32)[0]
        scores = examples @ asked / (np.linalg.norm(examples, axis=1) * np.linalg.norm(asked))
        near = lambda s: float(np.sort(s)[-NEAREST:].mean())  # noqa: E731
        return near(scores[: len(making)]) - near(scores[len(making):])

    def __call__(self, phrase: str, subject: str) -> bool:
        return self.margin(phrase, subject) >= MARGIN
