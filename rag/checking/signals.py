"""Structural signals of a claim against a passage: what overlap and cosine cannot see.

Each reads one kind of structure and returns a number the calibrated model (rag/checking/model.py)
weighs; they live by job — polarity (negation, direction, quantifiers) in negation.py, numbers and
names in quantities.py, the claim's own words (vacuity) in words.py — and are gathered here so that
the checker, the fit and the tests read them under one name.
"""

from rag.checking.negation import (_DIRECTIONS, direction_flip, negation_flip, negations, polarity, polarity_flip,
                                   quantifier_overclaim, scoped_negations)
from rag.checking.quantities import Quantity, name_signals, named_things, number_signals, order_discord, quantities
from rag.checking.words import META_WORDS, own_words, stems, tokens

__all__ = ["META_WORDS", "Quantity", "_DIRECTIONS", "direction_flip", "name_signals", "named_things",
           "negation_flip", "negations", "number_signals", "order_discord", "own_words", "polarity",
           "polarity_flip", "quantifier_overclaim", "quantities", "scoped_negations", "stems", "tokens"]
