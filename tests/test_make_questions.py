"""eval/make_questions.py (rule-made answerability questions) and the weighted training answerability_rounds adds
them with. Made-up papers and phrasings; no library needed for these units."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
import answerability_cv as cv  # noqa: E402
import answerability_rounds as rounds  # noqa: E402
import make_questions as mq  # noqa: E402

TITLE = "GLINT: Graph Lenses for Indexing Numeric Tables"
ABSTRACT = ("We present Graph Lenses (GLINT), an indexer for numeric tables in scanned reports. "
            "GLINT outperforms the row-matching baseline on three archives. "
            "The corpus holds 12,500 tables drawn from 40 municipal archives.")
BODY = ("We train GLINT with a learning rate of 0.001 and a batch of 64 tables on one GPU for 9 hours. "
        "Lens scores are computed with TabBERT embeddings of each header cell.")


def test_detail_questions_never_ask_an_attribute_the_paper_mentions():
    rng = random.Random(3)
    made = mq.detail_questions(TITLE, mq.gaps(f"{TITLE}. {ABSTRACT} {BODY}"), mq.references(TITLE, ABSTRACT), rng, 40)
    asked = " ".join(m.question for m in made).casefold()
    assert made and all(not m.answerable and m.shape == "detail" for m in made)
    # learning rate, batch size, GPUs and hours are in the text: never asked as missing
    for present in ("learning rate", "batch size", "number of gpus", "training run"):
        assert present not in asked
    # absent ones are: the paper names no funder, no annotators, no dropout
    assert "funding agency" in asked and "dropout rate" in asked


def test_references_name_the_paper_by_title_acronym_and_topic():
    refs = mq.references(TITLE, ABSTRACT)
    assert refs[0] == f'"{TITLE}"'
    assert "the GLINT paper" in refs
    assert any(r.startswith("the paper on graph lenses") for r in refs)
    # no 'X:' prefix: the acronym comes from the abstract's parentheses, or there is none
    assert "the SOL paper" in mq.references("Sparse Online Lookups", "We study sparse online lookups (SOL).")
    assert not any("paper" in r and "on" not in r for r in mq.references("Sparse Online Lookups", "No acronym here."))


def test_value_questions_ask_for_the_sentences_value_without_giving_it():
    sentence = "The corpus holds 12,500 documents drawn from 40 municipal archives."
    made = mq.value_questions(TITLE, [sentence], ['"GLINT"'], random.Random(0), 3)
    assert len(made) == 1 and made[0].answerable and made[0].shape == "value"
    value = made[0].keywords[0]
    assert value in sentence and value not in made[0].question
    assert "corpus" in made[0].question and "municipal" in made[0].question
    # a year is no value to ask for; a named model is asked as a name
    named = mq.value_questions(TITLE, ["Lens scores are computed with TabBERT embeddings of each header cell in 2021."],
                               ['"GLINT"'], random.Random(0), 3)
    assert [m.keywords for m in named] == [("tabbert",)] and "TabBERT" not in named[0].question


def test_false_premises_flip_the_direction_of_a_true_sentence():
    made = mq.false_premises(TITLE, ["GLINT outperforms the row-matching baseline on three archives."],
                             ['"GLINT"'], random.Random(0), 2)
    assert len(made) == 1 and not made[0].answerable
    assert "underperforms the row-matching baseline" in made[0].question
    assert made[0].question.startswith(("Why", "Given that"))
    assert mq.false_premises(TITLE, ["GLINT indexes tables from scanned municipal reports."], ['"G"'],
                             random.Random(0), 2) == []


def test_generate_is_seeded_and_records_are_valid_dataset_lines():
    papers = [(TITLE, ABSTRACT, BODY), ("Sparse Online Lookups", "We study sparse online lookups (SOL) for caches "
                                        "and show they are faster than hashing on 3 workloads.", "")]
    first, again = mq.generate(papers, seed=5), mq.generate(papers, seed=5)
    assert first == again and len({m.id for m in first}) == len(first)
    assert {m.shape for m in first} >= {"detail", "premise"}
    from rag.evaluation.dataset import parse_line
    import json

    for m in first:
        q = parse_line(json.dumps(m.record()), "made")
        assert q.answerable == m.answerable and (q.gold_titles == [m.paper]) == m.answerable


def test_weighted_fit_equals_the_plain_fit_at_weight_one_and_moves_with_the_weight():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(80, 2))
    y = (x[:, 0] + 0.5 * rng.normal(size=80) > 0).astype(float)
    xs = (x - x.mean(0)) / x.std(0)
    plain = cv.fit_logistic(xs, y, 1.0)
    weighted = cv.fit_logistic(xs, y, 1.0, weights=np.ones(80))
    assert np.array_equal(plain[0], weighted[0]) and plain[1] == weighted[1]  # unit weights: the very same bits
    # rule-made rows all unanswerable at high x[:, 0]: the more weight, the lower p there
    extra_x, extra_y = np.column_stack([np.full(40, 2.0), np.zeros(40)]), np.zeros(40)
    probe = np.array([[2.0, 0.0]])
    p = [cv.predict(rounds.fit_with_extra(extra_x, extra_y, w)(x, y, 1.0), probe)[0] for w in (0.01, 0.3, 1.0)]
    assert p[0] > p[1] > p[2]


def test_rule_made_rows_train_every_fold_but_are_never_scored():
    rng = np.random.default_rng(1)

    def written(dataset: str, i: int) -> dict:
        a = bool(i % 2)
        return {"dataset": dataset, "id": f"{dataset}-{i}", "answerable": a, "evidence_has_keywords": a,
                "features": {"s": float(a) + rng.normal(), "paper_length": 4.0 * (i % 4 < 2)}}  # both regimes

    rows = [written(f"answerability_v{r}.jsonl", i) for r in (2, 3, 4) for i in range(30)]
    # rule-made rows: unanswerable wherever s is high, a shape the written rows never show
    made = [{"dataset": "made.jsonl", "id": f"m{i}", "answerable": False, "shape": shape, "names_metadata": False,
             "features": {"s": 3.0, "paper_length": 0.0}} for i in range(30) for shape in ("premise", "detail")]
    plain = rounds.decide(rows, ("s",), {"l2": "1"}, "loro")[0]
    p_all = rounds.decide(rows, ("s",), {"l2": "1", "weight": "1"}, "loro", made)[0]
    p_one = rounds.decide(rows, ("s",), {"l2": "1", "weight": "1", "shapes": "premise@0.1"}, "loro", made)[0]
    assert len(p_all) == len(rows) and not np.isnan(p_all).any()  # one probability per written row, no more
    high = np.array([r["features"]["s"] > 2 for r in rows])
    assert (p_all[high] < p_one[high]).all() and (p_one[high] < plain[high]).all()
    # relative: each fold weighs them by its share of the written rows (2/3 in leave-one-of-three-rounds-out)
    p_rel = rounds.decide(rows, ("s",), {"l2": "1", "weight": "1", "relative": "1"}, "loro", made)[0]
    assert (p_all[high] < p_rel[high]).all() and (p_rel[high] < plain[high]).all()
    assert cv.fit is rounds.cv.fit and cv.fit.__name__ == "fit"  # the plain fit is back afterwards
    assert rounds.decide(rows, ("s",), {"l2": "1"}, "loro")[0].tolist() == plain.tolist()


def test_context_details_ask_a_missing_value_about_something_the_paper_says():
    sentences = mq.split_sentences(f"{ABSTRACT} {BODY}")
    missing = mq.gaps(f"{TITLE}. {ABSTRACT} {BODY}")
    made = mq.context_details(TITLE, missing, sentences, ['"GLINT"'], random.Random(2), 30)
    assert made and all(not m.answerable and m.shape == "detail_context" for m in made)
    text = f"{ABSTRACT} {BODY}".casefold()
    for m in made:
        # the learning rate, the batch and the hours are given with numbers: never asked as missing
        assert not re.search(r"(?i)what (learning rate|batch size)|the training run", m.question), m.question
        context = m.question.casefold().replace('"glint"', "")
        shared = [w for w in re.findall(r"[a-z][\w-]{3,}", context) if w in text]
        assert len(shared) >= 3, m.question  # words of the paper's own sentence, not letters spaced out
