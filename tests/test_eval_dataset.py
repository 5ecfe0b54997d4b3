"""The seed eval set matches the seed corpus exactly; the loader names the line of a bad question."""

import json
from collections import Counter
from pathlib import Path

import pytest

from rag.config import PROJECT_ROOT
from rag.evaluation.dataset import KINDS, DatasetError, check_gold, load_dataset, missing_gold
from rag.parsing import merge_papers, parse_file

DATASET = PROJECT_ROOT / "eval" / "datasets" / "seeds.jsonl"


@pytest.fixture(scope="module")
def corpus():
    papers = []
    for path in sorted((PROJECT_ROOT / "seeds").glob("*.txt")):
        papers += parse_file(path)
    return merge_papers(papers)


@pytest.fixture(scope="module")
def questions():
    return load_dataset(DATASET)


def test_every_gold_title_is_exactly_a_corpus_title(questions, corpus):
    titles = {p.title for p in corpus}
    missing = [(q.id, t) for q in questions for t in q.gold_titles if t not in titles]
    assert not missing
    assert not missing_gold(questions, corpus)
    check_gold(questions, corpus)


def test_size_kinds_and_ids(questions):
    assert len(questions) >= 60
    counts = Counter(q.kind for q in questions)
    assert set(counts) == set(KINDS)
    assert all(n >= 8 for n in counts.values()), counts
    assert len({q.id for q in questions}) == len(questions)


def test_gold_lists_fit_their_kind(questions):
    for q in questions:
        if q.kind == "unanswerable":
            assert q.gold_titles == [] and q.answer_keywords == []
        else:
            assert q.gold_titles and len(set(q.gold_titles)) == len(q.gold_titles), q.id
            assert q.answer_keywords, q.id
            assert all(k == k.lower() for k in q.answer_keywords), q.id
        if q.kind == "multi":
            assert 2 <= len(q.gold_titles) <= 4, q.id


def test_questions_cover_all_three_seed_pages(questions, corpus):
    by_title = {p.title: p for p in corpus}
    pages = {Path(s.path).name for q in questions for t in q.gold_titles for s in by_title[t].sources}
    assert pages == {p.name for p in (PROJECT_ROOT / "seeds").glob("*.txt")}


def test_metadata_gold_lists_are_complete(questions, corpus):
    """Spot checks that metadata answers are every paper the pages list, not a sample."""
    by_id = {q.id: set(q.gold_titles) for q in questions}
    assert by_id["meta-01"] == {p.title for p in corpus if "Dinghuai Zhang" in p.author_names}
    assert by_id["meta-03"] == {p.title for p in corpus if p.category == "CL" and p.year == 2023}
    assert by_id["meta-08"] == {p.title for p in corpus if p.category == "CV" and p.year == 2024}
    assert by_id["meta-09"] == {p.title for p in corpus if p.organisation == "mila" and p.year == 2024}
    assert by_id["meta-13"] == {p.title for p in corpus if p.year == 2021}
    assert by_id["meta-12"] == {min((p for p in corpus if p.date), key=lambda p: p.date).title}


def test_answer_keywords_appear_in_the_gold_papers(questions, corpus):
    by_title = {p.title: p for p in corpus}
    for q in questions:
        text = " ".join(f"{by_title[t].title} {by_title[t].abstract} {by_title[t].date}" for t in q.gold_titles).lower()
        assert all(k in text for k in q.answer_keywords), q.id


def _write(tmp_path, lines) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


GOOD = json.dumps({"id": "a", "question": "What?", "gold_titles": ["T"], "answer_keywords": ["x"], "kind": "lookup"})


def test_other_fields_are_ignored_and_blank_lines_skipped(tmp_path):
    extra = json.dumps({"id": 7, "question": " Why? ", "gold_titles": [], "answer_keywords": [], "kind": "unanswerable",
                        "source": "elsewhere", "difficulty": 3})
    loaded = load_dataset(_write(tmp_path, [GOOD, "", extra]))
    assert [q.id for q in loaded] == ["a", "7"]
    assert loaded[1].question == "Why?" and loaded[1].line == 3 and not loaded[1].answerable


@pytest.mark.parametrize("bad, message", [
    ("{not json", r"set.jsonl:2: not valid JSON"),
    ("[1, 2]", r"set.jsonl:2: expected a JSON object"),
    (json.dumps({"id": "b", "question": "Q"}), r"set.jsonl:2: missing field\(s\) gold_titles, answer_keywords, kind"),
    (json.dumps({"id": "b", "question": "Q", "gold_titles": ["T"], "answer_keywords": [], "kind": "trivia"}),
     r"set.jsonl:2: unknown kind 'trivia'"),
    (json.dumps({"id": "b", "question": "Q", "gold_titles": "T", "answer_keywords": [], "kind": "lookup"}),
     r"set.jsonl:2: 'gold_titles' must be a list"),
    (json.dumps({"id": "b", "question": "", "gold_titles": ["T"], "answer_keywords": [], "kind": "lookup"}),
     r"set.jsonl:2: 'question' must be a non-empty string"),
    (json.dumps({"id": "b", "question": "Q", "gold_titles": ["T"], "answer_keywords": [], "kind": "unanswerable"}),
     r"set.jsonl:2: an unanswerable question must have an empty 'gold_titles'"),
    (json.dumps({"id": "b", "question": "Q", "gold_titles": [], "answer_keywords": [], "kind": "multi"}),
     r"set.jsonl:2: a multi question needs at least one gold title"),
    (GOOD, r"set.jsonl:2: id 'a' is already used on line 1"),
])
def test_bad_lines_name_their_line(tmp_path, bad, message):
    with pytest.raises(DatasetError, match=message):
        load_dataset(_write(tmp_path, [GOOD, bad]))


def test_missing_or_empty_files_are_clear_errors(tmp_path):
    with pytest.raises(DatasetError, match="no such dataset file"):
        load_dataset(tmp_path / "nope.jsonl")
    with pytest.raises(DatasetError, match="has no questions"):
        load_dataset(_write(tmp_path, ["", "  "]))


def test_unknown_gold_titles_are_reported_with_their_line(tmp_path, corpus):
    with pytest.raises(DatasetError, match=r"set.jsonl:1: gold title 'T' of question 'a' is not in the library"):
        check_gold(load_dataset(_write(tmp_path, [GOOD])), corpus, tmp_path / "set.jsonl")
