"""The claim checker's structural signals on sentences written for them, and verdicts with the real embedder."""

import numpy as np
import pytest

from rag.checking import Checker, load_model
from rag.checking import signals
from rag.checking.checker import FEATURES, is_vacuous
from rag.checking.model import VERDICTS, fit, fold_threshold

HOPFIELD = "Hopfield Networks is All You Need"
PASSAGE = ["We introduce a modern Hopfield network with continuous states and a corresponding update rule.",
           "The new Hopfield network can store exponentially many patterns and retrieves them with one update.",
           "On the UCI benchmark collections, it improves accuracy by 4.2% over support vector machines.",
           "Training takes 3 hours on a single GPU and some of the attention heads converge to metastable states."]


@pytest.mark.parametrize("claim, span, flipped", [
    ("The network cannot store many patterns.", "The network can store many patterns.", 1.0),
    ("The network fails to retrieve patterns.", "The network retrieves patterns.", 1.0),
    ("The method is unstable.", "The method is stable in training.", 1.0),
    ("The network does not need labels.", "The network works without labels.", 0.0),
    ("The network can store many patterns.", "The network can store many patterns.", 0.0),
])
def test_negation_flip_reads_negators_and_prefixes(claim, span, flipped):
    assert signals.negation_flip(claim, span) == flipped


def test_quantities_read_units_scales_and_words():
    values = {(q.value, q.unit) for q in signals.quantities("a 1.9x speed-up, 12% fewer errors, a 7B model, "
                                                              "1,200 tokens, twice as fast")}
    assert values >= {(1.9, "x"), (12.0, "%"), (7e9, ""), (1200.0, ""), (2.0, "x")}


def test_a_changed_number_conflicts_and_an_invented_one_is_missing():
    span = "It improves accuracy by 4.2% over support vector machines."
    assert signals.number_signals("It improves accuracy by 4.2%.", span, span) == (0.0, 0.0)
    assert signals.number_signals("It improves accuracy by 6.5%.", span, span) == (0.0, 1.0)
    assert signals.number_signals("It was trained on 64 GPUs.", "Training uses GPUs.", span) == (1.0, 0.0)
    assert signals.number_signals("It gains about 4%.", span, span)[1] == 1.0  # 4 is not 4.2 at any precision


def test_named_things_are_names_acronyms_and_ids_not_sentence_starts():
    names = signals.named_things("Compared with BERT, our ResNet-50 model beats GPT-4 on ImageNet and CIFAR-10.")
    assert names >= {"bert", "resnet-50", "gpt-4", "imagenet", "cifar-10"}
    assert "compared" not in names and "our" not in names


def test_a_name_the_paper_never_mentions_is_missing_and_a_replaced_one_swapped():
    paper = " ".join(PASSAGE)
    assert signals.name_signals("It beats GPT-4 on the UCI collections.", PASSAGE[2], paper) == (1.0, 0.0)
    swapped = signals.name_signals("On the UCI collections it improves over BERT.", PASSAGE[2] + " Unlike SVMs.",
                                   paper + " SVMs")
    assert swapped[1] == 1.0
    assert signals.name_signals("It improves accuracy on UCI.", PASSAGE[2], paper) == (0.0, 0.0)


@pytest.mark.parametrize("claim, span, flips", [
    ("It degrades accuracy.", "It improves accuracy.", 1.0),
    ("Decoding is slower.", "Decoding is faster with the draft model.", 1.0),
    ("It underperforms the baseline.", "It outperforms the baseline.", 1.0),
    ("It uses fewer parameters.", "It uses more parameters.", 1.0),
    ("It improves accuracy.", "It improves accuracy.", 0.0),
])
def test_direction_flip(claim, span, flips):
    assert signals.direction_flip(claim, span) == flips


def test_quantifier_overclaim_and_hedging():
    assert signals.quantifier_overclaim("All heads converge.", "Some of the heads converge.") == (1.0, 1.0)
    assert signals.quantifier_overclaim("It always helps.", "It helps on the benchmarks.") == (1.0, 0.0)
    assert signals.quantifier_overclaim("Some heads converge.", "Some of the heads converge.") == (0.0, 0.0)


def test_vacuous_sentences_name_the_paper_or_restate_the_question():
    assert is_vacuous("The passage is about Hopfield Networks.", HOPFIELD)
    assert is_vacuous("This paper proposes a new approach called Hopfield Networks is All You Need.", HOPFIELD)
    assert is_vacuous("Hopfield networks store patterns.", HOPFIELD, question="Do Hopfield networks store patterns?")
    assert not is_vacuous("Hopfield networks store exponentially many patterns.", HOPFIELD,
                          question="How many patterns do Hopfield networks store?")
    assert not is_vacuous("It improves accuracy by 4.2% over support vector machines.", HOPFIELD)


def test_folding_the_threshold_moves_the_operating_point_to_one_half():
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(300, len(FEATURES)))
    labels = (rows[:, 0] > 0).astype(int) * 2  # supported when feature 0 is low, else unsupported
    model = fit(rows, labels, FEATURES, steps=300)
    before = model.probabilities(rows)[:, 0] >= 0.7
    fold_threshold(model, 0.7)
    assert ((model.probabilities(rows)[:, 0] >= 0.5) == before).all()


@pytest.fixture(scope="module")
def checker(embedder):
    return Checker(embedder)


@pytest.fixture(scope="module")
def hopfield(checker):
    return checker.passages(1, HOPFIELD, PASSAGE)


@pytest.mark.parametrize("claim, verdict", [
    ("The new Hopfield network can store exponentially many patterns.", "supported"),
    ("On the UCI benchmark collections the network improves accuracy by 4.2% over support vector machines.",
     "supported"),
    ("The new Hopfield network cannot store exponentially many patterns.", "contradicted"),
    ("On the UCI benchmark collections the network improves accuracy by 9.7% over support vector machines.",
     "contradicted"),
    ("On the UCI benchmark collections the network degrades accuracy over support vector machines.", "contradicted"),
    ("The passage is about Hopfield Networks.", "unsupported"),
    ("The new Hopfield network outperforms GPT-4 on ImageNet by a wide margin.", "unsupported"),
])
def test_verdicts_on_written_claims(checker, hopfield, claim, verdict):
    result = checker.check(claim, [hopfield])
    assert result.verdict == verdict, (result.probabilities, result.features)
    assert result.verdict != "supported" or result.span in PASSAGE


def test_the_coefficients_match_the_features():
    # the cost of a check is a figure, not a test: eval/bench_check.py
    assert set(load_model().features) <= set(FEATURES) and len(VERDICTS) == 3
