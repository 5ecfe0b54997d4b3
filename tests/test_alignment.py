"""Word alignment of a claim against a span (rag/checking/alignment.py), with the real embedder."""

import pytest

from rag.checking.alignment import WordVectors, span_names_unmatched, word_alignment

SPAN = "We observe a trend of decreasing relative generalization gap as models are scaled up."


@pytest.fixture(scope="module")
def vectors(embedder):
    return WordVectors(embedder)


def test_a_paraphrase_aligns_better_than_a_claim_with_an_invented_detail(vectors):
    paraphrase = "The relative generalization gap tends to shrink as the models grow larger."
    invented = "The relative generalization gap vanishes on Chinese legal documents."
    mean_p, low_p = word_alignment(paraphrase, SPAN, vectors)
    mean_i, low_i = word_alignment(invented, SPAN, vectors)
    assert mean_p > mean_i and low_p > low_i


def test_exact_words_align_fully_and_title_words_are_left_out(vectors):
    assert word_alignment("The generalization gap decreases.", SPAN, vectors) != (1.0, 1.0)
    assert word_alignment("relative generalization gap", SPAN, vectors) == (1.0, 1.0)
    # a claim with no words of its own beyond the title claims nothing to align
    assert word_alignment("Compositional generalization", SPAN, vectors, title="Compositional Generalization") == (1.0, 1.0)


def test_words_are_embedded_once(vectors):
    word_alignment("The gap shrinks with scale.", SPAN, vectors)
    cached = len(vectors._cache)
    word_alignment("The gap shrinks with scale.", SPAN, vectors)
    assert len(vectors._cache) == cached


def test_what_the_span_names_and_the_claim_does_not_is_counted_both_for_names_and_numbers():
    span = "GiGPO improves over GRPO by 12% on ALFWorld and 9% on WebShop."
    assert span_names_unmatched("GiGPO improves over GRPO by 12% on ALFWorld and 9% on WebShop.", span) == 0.0
    # WebShop swapped for Sokoban, and 9% for 7%: the span's own name and number are left unmatched
    assert span_names_unmatched("GiGPO improves over GRPO by 12% on ALFWorld and 7% on Sokoban.", span) == 2.0
