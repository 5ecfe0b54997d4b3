"""A number bound to another quantity (rag/checking/quantities.py `numbers_rebound`) and opposite kinds of size and
frequency (rag/checking/negation.py `direction_flip`), on made-up pairs, each with its faithful restatement."""

from rag.checking.negation import CLAIM_KIND_SETS, direction_flip
from rag.checking.quantities import numbers_rebound

SPAN = "The probe was trained for 3 epochs with 8 heads per layer and a learning rate of 0.01."


def test_a_value_the_span_gives_to_another_quantity_is_rebound():
    # '8' is in the span, but as the heads; the epochs are 3
    assert numbers_rebound("The probe was trained for 8 epochs.", SPAN) == 1
    assert numbers_rebound("The probe uses 3 heads per layer.", SPAN) == 1


def test_the_same_values_on_the_same_quantities_are_not_rebound():
    assert numbers_rebound("Training ran for three epochs, with eight heads in each layer.", SPAN) == 0
    assert numbers_rebound("It has 8 heads per layer.", SPAN) == 0
    # a value the span never states is left to the other number signals
    assert numbers_rebound("The probe was trained for 5 epochs.", SPAN) == 0


def test_opposite_size_and_frequency_are_flips_and_the_same_side_is_not():
    def flip(claim, span):
        return direction_flip(claim, span, CLAIM_KIND_SETS)
    assert flip("Pruning removes the small weights.", "Pruning removes the large weights.") == 1
    assert flip("Label noise is common in such corpora.", "Label noise is rare in such corpora.") == 1
    assert flip("Label noise is frequent in such corpora.", "Label noise is common in such corpora.") == 0
    assert flip("Pruning removes the big weights.", "Pruning removes the large weights.") == 0
    # the answerability model's reading (rag/containment.py) keeps the families it was fitted with
    assert direction_flip("Pruning removes the small weights.", "Pruning removes the large weights.") == 0


def test_a_hedging_adverb_is_not_the_opposite_of_a_rare_thing():
    def flip(claim, span):
        return direction_flip(claim, span, CLAIM_KIND_SETS)
    # 'usually' / 'often' / 'typically' hedge how often the statement holds; 'rare' describes the tokens
    assert flip("Typically, infrequent tokens are split into several pieces.",
                "Rare tokens are split into several pieces by the tokenizer.") == 0
    assert flip("Rare classes are usually merged before training.", "The rare classes are merged before training.") == 0
    assert flip("Models often fail on rare entities.", "Rare entities are where the models fail.") == 0
    # the adverbs are still opposites of each other, and the adjectives of each other
    assert flip("The parser rarely fails on long sentences.", "The parser often fails on long sentences.") == 1
    assert flip("Such errors are typically caught by the filter.", "Such errors are seldom caught by the filter.") == 1
    assert flip("Such errors are rare in the logs.", "Such errors are frequent in the logs.") == 1
