"""The citation checker on hand-made supported and unsupported sentences, with the real embedder."""

import pytest

from rag import prompts
from rag.citations import (SUPPORT_THRESHOLD, SupportScorer, answer_sentences, check_answer, lexical_support, numbers_agree,
                           parse_markers, with_markers)
from rag.records import Evidence, Paper, paper_id_for


def evidence(n, title, *sentences):
    return Evidence(n=n, paper=Paper(paper_id=paper_id_for(title), title=title), chunk_id=f"c{n}",
                    sentences=list(sentences))


@pytest.fixture(scope="module")
def passages():
    return [
        evidence(1, "Hopfield Networks is All You Need",
                 "We introduce a modern Hopfield network with continuous states and a corresponding update rule.",
                 "The new Hopfield network can store exponentially many patterns and retrieves them with one update."),
        evidence(2, "Cactus: Accelerating Auto-Regressive Decoding",
                 "Speculative sampling accelerates decoding of large language models with a smaller draft model.",
                 "Cactus achieves a 1.9x speed-up on the benchmark."),
    ]


@pytest.fixture(scope="module")
def scorer(passages, embedder):
    return SupportScorer(embedder, passages)


def test_markers_are_parsed_in_every_common_form():
    assert parse_markers("A claim [1].") == ("A claim.", [1])
    assert parse_markers("Two [1][2] and more [2, 3].") == ("Two and more.", [1, 2, 3])
    assert parse_markers("A range [1-3].") == ("A range.", [1, 2, 3])
    assert parse_markers("No citation.") == ("No citation.", [])
    assert with_markers("X is Y.", [2, 1]) == "X is Y [2][1]."
    assert with_markers("X is Y", [3]) == "X is Y [3]."


def test_a_marker_after_the_full_stop_stays_with_its_sentence():
    assert answer_sentences("Hopfield nets store patterns. [1] Cactus is fast [2].") == [
        "Hopfield nets store patterns. [1]", "Cactus is fast [2]."]


def test_supported_sentence_keeps_its_citation(passages, scorer):
    sentences, removed = check_answer(
        "The modern Hopfield network has continuous states and an update rule [1].", passages, scorer)
    assert removed == []
    assert sentences[0].supported and sentences[0].citations == [1]


def test_invented_citation_is_removed(passages, scorer):
    sentences, removed = check_answer("Speculative sampling accelerates decoding with a smaller draft model [7].",
                                      passages, scorer)
    assert removed == [7] and 7 not in sentences[0].citations


def test_after_an_invented_citation_the_right_one_is_found(passages, scorer):
    sentences, _ = check_answer("Speculative sampling accelerates decoding with a smaller draft model [7].",
                                passages, scorer)
    assert sentences[0].supported and sentences[0].citations == [2]


def test_wrong_citation_is_moved_to_the_supporting_passage(passages, scorer):
    sentences, _ = check_answer("Hopfield networks can store exponentially many patterns [2].", passages, scorer)
    assert sentences[0].citations == [1]


def test_uncited_supported_sentence_gets_its_best_citation(passages, scorer):
    sentences, _ = check_answer("The new Hopfield network can store exponentially many patterns.", passages, scorer)
    assert sentences[0].supported and sentences[0].citations == [1]


def test_a_shortened_paraphrase_gets_its_citation(passages, scorer):
    sentences, _ = check_answer("The Hopfield network retrieves patterns with one update.", passages, scorer)
    assert sentences[0].supported and sentences[0].citations == [1]


@pytest.mark.parametrize("claim", [
    "A team at UC Berkeley built the first quantum computer [1].",
    "The capital of France is Paris.",
    "Cactus achieves a 3.18x speed-up on the benchmark [2].",  # garbled number
])
def test_unsupported_sentences_are_caught(passages, scorer, claim):
    sentences, _ = check_answer(claim, passages, scorer)
    assert not sentences[0].supported and sentences[0].citations == []


def test_support_scores_separate_true_from_false(passages, scorer):
    # what the passage says of speculative sampling (not of Cactus, which the precision-first checker refuses)
    true = scorer.support("Speculative sampling speeds up decoding of large language models with a draft model.", 2)
    false = scorer.support("Cactus is a plant that grows in deserts.", 2)
    assert true.verdict == "supported" and true.score >= SUPPORT_THRESHOLD > false.score
    assert false.verdict == "unsupported"


def test_a_negated_or_vacuous_sentence_is_taken_out(passages, scorer):
    negated, _ = check_answer("The new Hopfield network cannot store exponentially many patterns [1].", passages, scorer)
    assert not negated[0].supported and negated[0].citations == []
    vacuous, _ = check_answer("The passage is about Hopfield Networks is All You Need [1].", passages, scorer)
    assert not vacuous[0].supported
    restated, _ = check_answer("Speculative sampling accelerates decoding [2].", passages, scorer,
                               question="Does speculative sampling accelerate decoding?")
    assert not restated[0].supported


def test_a_contradicted_sentence_does_not_pass_through_a_neighbouring_sentence(passages, scorer):
    # Passage 1's first sentence shares nearly all its words; its second says the opposite. The sentence that
    # decides is the closest one (tests/test_checker_decision.py), so the answer drops the claim.
    checked, _ = check_answer("The modern Hopfield network with continuous states cannot store exponentially many "
                              "patterns [1].", passages, scorer)
    assert not checked[0].supported and checked[0].citations == []


def test_lexical_and_number_helpers():
    assert lexical_support("Hopfield networks store patterns", "modern Hopfield network stores many patterns") == 1.0
    assert lexical_support("", "anything") == 0.0
    assert numbers_agree("a 1.9x speed-up", "achieves a 1.9x speed-up")
    assert not numbers_agree("LLaMA 3.18", "LLaMA 3 models with 8B parameters")


def test_refusal_phrase_is_recognised_loosely():
    assert prompts.is_refusal(prompts.REFUSAL)
    assert prompts.is_refusal("the papers here don’t answer that")
    assert not prompts.is_refusal("The papers here show that X works.")


def test_templates_check_their_placeholders(tmp_path):
    (tmp_path / "answer_user.txt").write_text("Passages: {evidence}\nQ: {question} {extra}")
    with pytest.raises(prompts.PromptError, match="placeholders"):
        prompts.load("answer_user", tmp_path)
    rendered = prompts.load("answer_system").render(max_sentences=3, refusal=prompts.REFUSAL)
    assert prompts.REFUSAL in rendered


def test_a_sentence_naming_one_paper_cannot_borrow_support_from_another(passages, scorer):
    sentences, _ = check_answer('The paper "Cactus: Accelerating Auto-Regressive Decoding" introduces a modern '
                                'Hopfield network with continuous states [1].', passages, scorer)
    assert not sentences[0].supported


def test_looping_or_run_on_text_is_never_shown(passages, scorer):
    looping = "Hopfield networks store patterns. This paper is about: this paper is about: this paper is about: x [1]."
    sentences, _ = check_answer(looping, passages, scorer)
    assert sentences[0].supported and not sentences[-1].supported
    run_on = "The modern Hopfield network " + "with continuous states and an update rule " * 8 + "[1]."
    assert not check_answer(run_on, passages, scorer)[0][0].supported
