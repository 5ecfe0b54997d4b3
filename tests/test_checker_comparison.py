"""A comparison read the other way round (rag/checking/comparison.py), on made-up pairs: the same two names, the
same direction word, the order reversed; and the faithful restatements of each that must not be read as one."""

import pytest

from rag.checking.comparison import comparisons, reversed_comparisons

SPAN = "In our experiments, HoloNet reaches a higher recall than PatchGrid on every benchmark."


@pytest.mark.parametrize("claim", [
    "PatchGrid outperforms HoloNet in recall.",
    "PatchGrid reaches a higher recall than HoloNet on every benchmark.",
    "HoloNet trails PatchGrid in recall.",
    "HoloNet is outperformed by PatchGrid on every benchmark.",
    "HoloNet reaches a lower recall than PatchGrid on every benchmark.",
])
def test_the_two_things_compared_the_other_way_round_are_a_reversal(claim):
    assert reversed_comparisons(claim, SPAN) == 1


@pytest.mark.parametrize("claim", [
    "HoloNet outperforms PatchGrid in recall.",
    "HoloNet beats PatchGrid on every benchmark.",
    "PatchGrid trails HoloNet in recall.",
    "PatchGrid is outperformed by HoloNet on every benchmark.",
    "PatchGrid reaches a lower recall than HoloNet on every benchmark.",
    # a compound name read as one thing on both sides
    "HoloNet surpasses the Patch-Grid baseline.",
])
def test_the_same_comparison_in_other_words_is_no_reversal(claim):
    span = SPAN if "Patch-Grid" not in claim else "Our HoloNet model beats the Patch-Grid baseline by 4 points."
    assert reversed_comparisons(claim, span) == 0


def test_a_direction_word_without_its_than_compares_nothing():
    # 'higher' here describes HoloNet's recall; nothing is compared with PatchGrid
    assert comparisons("HoloNet has higher recall, and PatchGrid is cheaper.", {"holonet", "patchgrid"}) == {}
    # one name alone cannot be reversed
    assert reversed_comparisons("HoloNet beats the baseline.", "The baseline beats HoloNet.") == 0


def test_a_word_that_only_begins_like_a_comparing_verb_compares_nothing():
    # 'Lagrangian' starts with 'lag' and 'beatbox' with 'beat'; neither compares the two names
    assert reversed_comparisons("PatchGrid uses a Lagrangian relaxation, as HoloNet does.",
                                "HoloNet uses a Lagrangian relaxation, as PatchGrid does.") == 0
    assert comparisons("QuillNet beatboxes over DeltaMix samples.", {"quillnet", "deltamix"}) == {}
    # the verb itself, in any form, still compares
    assert reversed_comparisons("HoloNet lagged PatchGrid in recall.", "PatchGrid lagged HoloNet in recall.") == 1


def test_a_span_that_compares_the_pair_both_ways_backs_either_direction():
    span = "QuillNet beats DeltaMix on accuracy, while DeltaMix beats QuillNet on latency."
    assert comparisons(span, {"quillnet", "deltamix"})[("quillnet", "deltamix")] == {1, -1}
    assert reversed_comparisons("QuillNet beats DeltaMix on accuracy.", span) == 0
    assert reversed_comparisons("DeltaMix beats QuillNet on latency.", span) == 0
    # a span that only ever gives the other direction still reverses the claim
    assert reversed_comparisons("DeltaMix beats QuillNet on accuracy.",
                                "QuillNet beats DeltaMix on accuracy and trails no one.") == 1


@pytest.mark.parametrize("claim", [
    "HoloNet outperformed, by a wide margin, PatchGrid in recall.",
    "HoloNet outperformed by 4 points PatchGrid in recall.",
    "HoloNet beat by two points the PatchGrid baseline.",
])
def test_a_by_phrase_that_measures_the_margin_is_no_passive(claim):
    # 'by a wide margin' says how much, not who: the comparison stays active, HoloNet above PatchGrid
    assert reversed_comparisons(claim, SPAN) == 0
    assert comparisons(claim, {"holonet", "patchgrid"})[("holonet", "patchgrid")] == {1}


def test_a_passive_with_a_measured_margin_still_reads_its_agent():
    # the agent after the margin is the one above
    assert comparisons("PatchGrid was outperformed by 4 points by HoloNet.",
                       {"holonet", "patchgrid"})[("holonet", "patchgrid")] == {1}
    assert reversed_comparisons("PatchGrid is outperformed by HoloNet by a wide margin.", SPAN) == 0


LOSS_SPAN = "On the held-out books, QuillNet reaches a lower perplexity than DeltaMix with half the parameters."


@pytest.mark.parametrize("claim", [
    "QuillNet outperforms DeltaMix on the held-out books.",
    "QuillNet beats DeltaMix in perplexity.",
    "DeltaMix has a higher perplexity than QuillNet.",
    "DeltaMix trails QuillNet on held-out perplexity.",
])
def test_on_a_lower_is_better_measure_lower_than_is_the_better_side(claim):
    # lower perplexity is better: 'QuillNet lower than DeltaMix' is 'QuillNet beats DeltaMix'
    assert reversed_comparisons(claim, LOSS_SPAN) == 0


@pytest.mark.parametrize("claim", [
    "DeltaMix outperforms QuillNet on the held-out books.",
    "QuillNet has a higher perplexity than DeltaMix.",
    "DeltaMix reaches a lower perplexity than QuillNet.",
])
def test_on_a_lower_is_better_measure_the_reversal_is_still_read(claim):
    assert reversed_comparisons(claim, LOSS_SPAN) == 1


def test_the_measure_may_stand_before_its_comparative():
    # 'the error of QuillNet is lower than that of DeltaMix' / 'whose latency is higher than'
    span = "The error rate of QuillNet is lower than DeltaMix on every split."
    assert reversed_comparisons("QuillNet outperforms DeltaMix.", span) == 0
    assert reversed_comparisons("DeltaMix outperforms QuillNet.", span) == 1
    # a higher-is-better or unnamed measure keeps the comparative's own sign
    assert reversed_comparisons("DeltaMix outperforms QuillNet.",
                                "QuillNet reaches a higher accuracy than DeltaMix.") == 1
