"""Eval metrics on hand-made rankings whose values are worked out by hand."""

import math

import pytest

from rag.evaluation import metrics as m


def test_recall_with_one_gold_paper():
    ranked = ["a", "b", "g", "c"]
    assert m.recall_at_k(ranked, {"g"}, 1) == 0.0
    assert m.recall_at_k(ranked, {"g"}, 2) == 0.0
    assert m.recall_at_k(ranked, {"g"}, 3) == 1.0
    assert m.recall_at_k(ranked, {"g"}, 10) == 1.0  # fewer than k ranked is fine


def test_recall_is_capped_by_k_when_there_are_more_gold_papers_than_slots():
    gold = {"g1", "g2", "g3", "g4", "g5", "g6", "g7"}
    ranked = ["g1", "x", "g2", "g3", "g4", "g5", "g6"]
    assert m.recall_at_k(ranked, gold, 1) == 1.0
    assert m.recall_at_k(ranked, gold, 5) == 4 / 5
    assert m.recall_at_k(ranked, gold, 10) == 6 / 7


def test_recall_with_two_gold_papers():
    ranked = ["x", "g1", "y", "z", "w", "g2"]
    assert m.recall_at_k(ranked, {"g1", "g2"}, 1) == 0.0
    assert m.recall_at_k(ranked, {"g1", "g2"}, 5) == 0.5
    assert m.recall_at_k(ranked, {"g1", "g2"}, 6) == 1.0


def test_recall_needs_gold_and_a_positive_k():
    with pytest.raises(ValueError):
        m.recall_at_k(["a"], set(), 5)
    with pytest.raises(ValueError):
        m.recall_at_k(["a"], {"a"}, 0)


def test_reciprocal_rank_is_one_over_the_first_gold_rank():
    assert m.reciprocal_rank(["g", "a"], {"g"}) == 1.0
    assert m.reciprocal_rank(["a", "b", "g2", "g1"], {"g1", "g2"}) == 1 / 3
    assert m.reciprocal_rank(["a", "b"], {"g"}) == 0.0
    assert m.reciprocal_rank([], {"g"}) == 0.0


def test_ndcg_by_hand():
    # Gold at ranks 1 and 3 of two: DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3).
    assert m.ndcg_at_k(["g1", "x", "g2"], {"g1", "g2"}, 10) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    # One gold paper at rank 2: 1/log2(3).
    assert m.ndcg_at_k(["x", "g"], {"g"}, 10) == pytest.approx(1 / math.log2(3))
    assert m.ndcg_at_k(["g1", "g2"], {"g1", "g2"}, 10) == pytest.approx(1.0)
    assert m.ndcg_at_k(["x", "y", "g"], {"g"}, 2) == 0.0


def test_ndcg_ideal_is_capped_at_k():
    # 3 gold, k = 2, both slots gold: a perfect top 2.
    assert m.ndcg_at_k(["g1", "g2", "x"], {"g1", "g2", "g3"}, 2) == pytest.approx(1.0)


def test_recall_curve():
    assert m.recall_curve(["x", "g1", "g2"], {"g1", "g2"}, 4) == [0.0, 0.5, 1.0, 1.0]


def test_citation_validity_counts_markers_pointing_at_shown_passages():
    assert m.citation_validity([1, 2, 2], {1, 2, 3}) == 1.0
    assert m.citation_validity([1, 4], {1, 2, 3}) == 0.5
    assert m.citation_validity([], {1}) is None


def test_written_citations_reads_every_marker_form_the_model_writes():
    assert m.written_citations("A [1]. B [2, 3] and [4-6]; C [12].") == [1, 2, 3, 4, 5, 6, 12]
    assert m.written_citations("no markers, (1) is not one") == []


def test_a_title_keyword_earns_nothing_and_quoted_titles_are_removed_before_matching():
    title = "Beyond a Million Tokens: Benchmarking and Enhancing Long-Term Memory in LLMs"
    assert m.is_title_keyword("long-term memory", [title])
    assert not m.is_title_keyword("100 conversations", [title])
    # An extractive quote of the title: only the content keyword counts, and it is missing.
    quote = f'"{title}": a benchmark of long-term memory.'
    assert m.content_keyword_recall(quote, ["memory", "100 conversations"], [title]) == 0.0
    assert m.content_keyword_recall("It has 100 conversations [1].", ["memory", "100 conversations"], [title]) == 1.0
    # A keyword that is also in a cited (not gold) title is found only outside that title.
    other = "Memory Networks for Conversations"
    assert m.content_keyword_recall(f"As {other} shows.", ["conversations"], [title], [other]) == 0.0
    assert m.content_keyword_recall("any text", ["memory"], [title]) is None


def test_strip_titles_matches_across_case_quotes_and_punctuation():
    assert "Tokens" not in m.strip_titles("See “beyond a million TOKENS – benchmarking”.", ["Beyond a Million Tokens: Benchmarking"])


def test_contains_all_is_evidence_recall_for_one_question():
    assert m.contains_all("It uses TD3 and 2,000 questions.", ["td3", "2,000"]) is True
    assert m.contains_all("It uses TD3.", ["td3", "2,000"]) is False
    assert m.contains_all("anything", []) is None


def test_risk_coverage_sweeps_the_threshold_from_most_to_least_confident():
    rows = m.risk_coverage([0.9, 0.2, 0.8, 0.8], [True, False, False, True])
    assert [(r["threshold"], r["coverage"], r["accuracy"]) for r in rows] == [
        (0.9, 0.25, 1.0), (0.8, 0.75, 2 / 3), (0.2, 1.0, 0.5)]
    with pytest.raises(ValueError):
        m.risk_coverage([0.1], [])


def test_citation_precision_and_recall_against_gold_papers():
    assert m.citation_precision(["g1", "x", "g1"], {"g1", "g2"}) == 0.5  # distinct papers: g1 and x
    assert m.citation_precision([], {"g1"}) is None
    assert m.citation_recall(["g1", "x"], {"g1", "g2"}) == 0.5
    assert m.citation_recall([], {"g1"}) == 0.0
    with pytest.raises(ValueError):
        m.citation_recall(["g1"], set())


def test_citation_support_is_the_share_of_supported_sentences():
    assert m.citation_support([True, True, False, True]) == 0.75
    assert m.citation_support([]) is None


def test_keyword_recall_is_case_insensitive_substring_match():
    assert m.keyword_recall("DA-AC builds on TD3 [1].", ["td3", "da-ac"]) == 1.0
    assert m.keyword_recall("It uses 100 conversations.", ["100 conversations", "2,000"]) == 0.5
    assert m.keyword_recall("anything", []) is None


def test_rate_and_mean_skip_undefined_values():
    assert m.rate([True, False, False, True]) == 0.5
    assert m.rate([]) is None
    assert m.mean([1.0, None, 0.0]) == 0.5
    assert m.mean([None]) is None


def test_percentile_interpolates_linearly_like_numpy():
    values = [10.0, 20.0, 30.0, 40.0]
    assert m.percentile(values, 50) == 25.0
    assert m.percentile(values, 95) == pytest.approx(38.5)
    assert m.percentile(values, 0) == 10.0
    assert m.percentile(values, 100) == 40.0
    assert m.percentile([7.0], 95) == 7.0
    assert m.percentile([], 50) is None
    with pytest.raises(ValueError):
        m.percentile(values, 101)
