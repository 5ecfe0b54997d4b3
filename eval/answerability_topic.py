"""Candidate topic-absence signals, computed from saved rows (eval/fit_answerability.py --rows): round 15's measurement.

    python eval/answerability_topic.py ROWS ROWS_WITH_TOPIC
    python eval/answerability_rounds.py --rows ROWS_WITH_TOPIC --protocol loro forward \
        --set "base=rag/answerability.json:inner=rounds:floor=useful:drop=topic_unheld" \
        --set "shipped=rag/answerability.json:inner=rounds:floor=useful" \
        --set "all=rag/answerability.json:inner=rounds:floor=useful:drop=topic_unheld:add=topic_unheld_all"

Each reads what a row keeps (the question's content words, their df over the library's chunks, the shown passages):
- `topic_unheld_all`: the idf share of the content words no chunk of the library uses, every question (named
  `topic_unheld` in topic_variants_r1-14.txt); `topic_unheld_papers`: only for a question for papers
  (rag/asked.asks_for_papers) — the signal shipped as rag/answerability.py `topic_unheld` (equal to it on all
  1,959 dev rows of rounds 0-14, recollected with the shipped code);
- `rarest_unshown`: the question's rarest content word (by df) is in no shown passage, title or retrieved text
  (round 10's "rare-word overlap", read again);
- `unheld_shown`: the idf share of the words neither the library nor the shown text holds.
Figures: eval/results/answerability_fit/README.md and topic_variants_r1-14.txt.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rag.asked import asks_for_papers  # noqa: E402
from rag.checking.words import stems  # noqa: E402
from rag.containment import idf_of  # noqa: E402


def signals(row: dict) -> dict[str, float]:
    content = list(dict.fromkeys(row["content"]))
    df = row["df"]
    idf = idf_of(content, df, row["chunks"])
    total = sum(idf.values())
    unheld = sum(idf[w] for w in content if df.get(w, 0) == 0) / total if total else 0.0
    shown: set[str] = set()
    for item in row["shown"]:
        shown |= stems(" ".join([item["title"], item.get("retrieved", ""), *item["sentences"]]))
    rarest = sorted(content, key=lambda w: (df.get(w, 0), w))[:1]
    rarest_unshown = float(bool(rarest) and rarest[0][:6] not in shown)
    unheld_shown = sum(idf[w] for w in content if df.get(w, 0) == 0 and w[:6] not in shown) / total if total else 0.0
    papers = asks_for_papers(row["question"])
    return {"topic_unheld_all": unheld, "topic_unheld_papers": unheld * papers,
            "rarest_unshown": rarest_unshown, "rarest_unshown_papers": rarest_unshown * papers,
            "unheld_shown": unheld_shown, "unheld_shown_papers": unheld_shown * papers}


def main() -> None:
    source, target = map(Path, sys.argv[1:3])
    rows = [json.loads(line) for line in source.read_text().splitlines() if line.strip()]
    for row in rows:
        row["features"].update(signals(row))
    target.write_text("".join(json.dumps(row) + "\n" for row in rows))


if __name__ == "__main__":
    main()
