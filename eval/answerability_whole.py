"""Whole-paper answerability signals: measured by leave-one-round-out CV on rounds 1-9 and NOT adopted (round 10).

A full paper's text is all in the library, so a detail it never gives is missing from every chunk, not only from the
passages shown. These signals read the closest evidence paper's every chunk: the question's specific words anywhere
in it, whether its rarest specific word is there at all, the attribute asked (its focus) anywhere, and whether any
sentence of the paper binds a value to that attribute (rag/binding.py over the whole paper). Measured on 1,291 dev
questions (eval/answerability_rounds.py, added to the shipped 14 signals), none improved held-out-round figures:
all four, leave-one-round-out full text 0.578/0.082 -> 0.563/0.079 (log-loss 0.443 -> 0.440, worst round abstention
0.476 -> 0.381), forward 0.571/0.073 -> 0.549/0.078; read only on full papers 0.558/0.071 and 0.520/0.047; each alone
within +-0.015 abstention. Writers of unanswerable full-text
questions use the paper's own words (the attribute is named, with numbers near it, somewhere), the rarest word of an
answerable question is often a verb of the question's own ("reach", "contain"), and binding over a whole paper finds
more accidental bindings than over the shown sentences. Kept here so that the measurement can be re-run:

    RAG_HOME=... python eval/answerability_whole.py --rows ROWS --out ROWS_WITH_WHOLE
    python eval/answerability_rounds.py --rows ROWS_WITH_WHOLE --set base=rag/answerability.json \
        --set whole=rag/answerability.json:add=specific_whole+rarest_absent_whole+focus_whole+unbound_whole

Rows must name their closest paper (eval/fit_answerability.py saves it since round 10).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from fitlib import open_library  # noqa: E402

from rag.answer_kind import TYPED, holds_answer  # noqa: E402
from rag.answerability import regime  # noqa: E402
from rag.asked import focus_words, measure_asked  # noqa: E402
from rag.binding import measure_unbound, shape_of, value_unbound  # noqa: E402
from rag.checking.words import stems  # noqa: E402
from rag.containment import _share, idf_of, specific_words  # noqa: E402
from rag.text import split_sentences  # noqa: E402

WHOLE_PAPER_FEATURES = (
    "specific_whole",     # idf share of the question's specific words (not the title's) anywhere in the closest paper
    "rarest_absent_whole",  # the question's rarest specific word is nowhere in the closest paper (0 / 1)
    "focus_whole",        # idf share of the attribute asked anywhere in the closest paper (1 when none is asked)
    "unbound_whole",      # value_unbound over every sentence of the closest paper (0 when nothing is to be bound)
)


def paper_sentences(passages: list[str]) -> list[str]:
    """A paper's chunks as sentences, a table's lines kept as rows under their header (rag/binding.py reads them)."""
    out: list[str] = []
    for passage in passages:
        if "|" in passage and "\n" in passage:
            out.extend(line.strip() for line in passage.splitlines() if line.strip())
        else:
            out.extend(split_sentences(passage))
    return out


def whole_paper_signals(question: str, content: list[str], focus: list[str], title: str, passages: list[str],
                        df: dict[str, int], chunks: int, has_candidate=None, typed: bool = True) -> dict[str, float]:
    """The signals of `WHOLE_PAPER_FEATURES` for the closest paper's title and every one of its passages.

    `content` are the question's content words, `focus` the attribute asked (rag/asked.py), `has_candidate` says
    whether a sentence holds a name-typed candidate (binding reads numbers itself); `typed`: the answer is a typed
    candidate, so an attribute without a value shape binds too."""
    values = {"specific_whole": 1.0, "rarest_absent_whole": 0.0, "focus_whole": 1.0, "unbound_whole": 0.0}
    if not passages:
        return values
    idf = idf_of(list(dict.fromkeys([*content, *focus])), df, chunks)
    held = stems(" ".join([title, *passages]))
    specific = specific_words(content, title)
    if specific:
        values["specific_whole"] = _share(specific, held, idf)
        rarest = max(specific, key=lambda w: (idf[w], w))
        values["rarest_absent_whole"] = float(rarest[:6] not in held)
    focus = [w for w in focus if w in idf]
    sentences = paper_sentences(passages)
    if focus:
        values["focus_whole"] = _share(focus, held, idf)
        if typed or shape_of(focus) is not None:  # as containment_signals reads the shown sentences
            values["unbound_whole"] = value_unbound(question, focus, specific, sentences, idf,
                                                    has_candidate if typed else None)
    elif measure := measure_asked(question):
        values["unbound_whole"] = measure_unbound(question, measure, specific, sentences, idf)
    return values


def whole_paper_of(question: str, kind: str, title: str, passages: list[str], df: dict[str, int], chunks: int,
                   content: list[str]) -> dict[str, float]:
    """`whole_paper_signals` of one saved row, as measured here only (neither the run time nor the fit reads them:
    none was adopted): the asked kind's candidate test, the focus, a typed answer or not."""
    return whole_paper_signals(question, content, focus_words(question), title, passages, df, chunks,
                               lambda text: holds_answer(kind, text, question), typed=kind in TYPED)


def augment(rows: list[dict]) -> None:
    """Each row's whole-paper signals from the library at RAG_HOME, and each also read only on a full paper (`_ft`)."""
    library = open_library()
    view = library.view()
    titles = {p.paper_id: p.title for p in library.snapshot.papers}
    for r in rows:
        if "closest" not in r:
            sys.exit("these rows do not name their closest paper: collect them again with eval/fit_answerability.py")
        passages = [c.passage for c in view.chunks_by_paper.get(r["closest"], [])] if r["closest"] else []
        r["features"].update(whole_paper_of(r["question"], r["answer_type"], titles.get(r["closest"], ""), passages,
                                            r["df"], r["chunks"], r["content"]))
        full = regime(r["features"]) == "full_text"
        r["features"].update({f"{name}_ft": r["features"][name] * full for name in WHOLE_PAPER_FEATURES})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=Path, required=True, help="rows written by eval/fit_answerability.py")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.rows.read_text().splitlines() if line.strip()]
    augment(rows)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows))


if __name__ == "__main__":
    main()
