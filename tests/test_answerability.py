"""Answerability: the expected answer type, the saved model, and the decision reached with real questions
over the real seeded library (real retrieval, evidence selection, BM25 and the fitted coefficients)."""

import dataclasses
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from rag import prompts
from rag.abstain import Assessor
from rag.answer import CLOSEST_NOTE, Answerer
from rag.answerability import (FEATURES, MODEL_PATH, AnswerabilityError, Model, expected_type, has_candidate,
                               load_model)
from rag.llm.base import LLM

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
from fitlib import is_held_out  # noqa: E402


@pytest.mark.parametrize("question, kind", [
    ("How many GPUs were used to train it?", "number"),
    ("What learning rate does GTR use for post-training?", "number"),
    ("By how much does it beat GRPO?", "number"),
    ("Who wrote the paper on TokMem?", "person"),
    ("Why does BESO need more denoising steps?", "reason"),
    ("Does pruning help value-based agents?", "yesno"),
    ("How does GiGPO build its step-level groups?", "method"),
    ("What contrastive learning method is proposed for recommendation?", "method"),
    ("Which physics simulator is ARNOLD built on?", "name"),
    ("Which papers study offline RL?", "paper"),
    ("What does TokMem do?", "other"),
    # "when" inside a question is a conjunction, not a request for a date.
    ("how do graph networks avoid oversmoothing when many layers are stacked?", "method"),
    # A measure asked by its name, or by what the system reaches, wants a number whatever the measure is called.
    ("What nDCG does the retriever obtain on the test split?", "number"),
    ("What dimensionality do the encoders produce?", "number"),
    ("What Recall@5 does the ranker achieve on the second task?", "number"),
    ("What two drawbacks of the earlier system does the paper point out?", "other"),
    # A hyphenated modifier is a modifier like any other.
    ("What UMAP min-dist value was chosen for the embedding plot?", "number"),
    ("Which graph-based parser does the pipeline call?", "name"),
])
def test_the_expected_answer_type_comes_from_the_question_structure(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize("question, kind", [
    # a leading condition is not what is asked: the question after its comma is
    ("When the encoder is frozen, which decoder layers are fine-tuned?", "other"),
    ("If the reviewers disagree, how is the final label chosen?", "method"),
    ("Once pruning is applied, does the speed-up hold on CPUs?", "yesno"),
    ("When the batch is doubled, what learning rate do they use?", "number"),
    ("When was the corpus snapshot taken?", "number"),  # "when" asking a time still does
    # a measure word modifying a kind-of-answer head asks for that head
    ("Which recall metric do the authors report on the held-out split?", "name"),
    ("Which value-based agent tops the arcade benchmark?", "other"),
    ("What recall does the retriever reach on the held-out split?", "number"),
])
def test_what_is_asked_is_read_past_conditions_and_modifiers(question, kind):
    assert expected_type(question) == kind


def test_a_candidate_must_be_something_the_question_does_not_already_say():
    question = "How many GPUs does the 8B model need?"
    assert has_candidate("number", "It trains on 64 GPUs.", question)
    assert not has_candidate("number", "The 8B model trains on GPUs.", question)
    assert has_candidate("reason", "It fails because the batch is small.", "Why does it fail?")
    assert not has_candidate("reason", "It fails on small batches.", "Why does it fail?")
    assert has_candidate("yesno", "Anything at all.", "Is it good?")


def test_a_clause_answer_needs_no_typed_word_but_a_typed_answer_does():
    from rag.answerability import holds_answer

    # "How was the data split": the sentence saying it has no "by", "using" or "method" in it.
    question = "How was the clickthrough data split into train and test sets?"
    assert holds_answer("method", "The clicks of 2019 form the train set and those of 2020 the test set.", question)
    assert not holds_answer("number", "The clicks form the train set.", "How many clicks form the train set?")
    assert holds_answer("number", "The 20,000 clicks form the train set.", "How many clicks form the train set?")


def test_the_saved_model_is_the_one_the_code_computes_features_for():
    model = load_model()
    # Backward elimination may drop a signal (eval/fit_answerability.py), never add one the code does not compute.
    assert set(model.features) <= set(FEATURES)
    assert 0.0 < model.closest_threshold <= model.answer_threshold < 1.0
    fit = json.loads(MODEL_PATH.read_text())["fit"]
    assert not [name for name in fit["datasets"] if is_held_out(Path(name))], "the held-out test sets must never be fitted on"
    # Outcomes follow p through the two thresholds.
    assert model.outcome(model.answer_threshold) == "answer"
    assert model.outcome((model.answer_threshold + model.closest_threshold) / 2) == "closest"
    assert model.outcome(model.closest_threshold / 2) == "refused"


def test_a_model_fitted_on_other_features_is_one_clear_error(tmp_path):
    data = json.loads(MODEL_PATH.read_text())
    data["features"] = data["features"][:-1] + ["best_cosine"]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data))
    with pytest.raises(AnswerabilityError, match="refit it with"):
        load_model(path)
    path.write_text("{not json")
    with pytest.raises(AnswerabilityError, match="cannot read"):
        load_model(path)


class NeverAsked(LLM):
    """An LLM that fails the test if the pipeline asks it anything."""

    backend = "never"
    model = "never"
    context_window = 4096

    def stream(self, messages, *, max_tokens=256, temperature=0.0, stop=None):
        raise AssertionError("the model must not be asked when the outcome is closest or refused")


@pytest.fixture
def answerer(seeded):
    return Answerer(seeded, NeverAsked())


@pytest.mark.parametrize("question", [
    "How much GPU memory does R-MelNet use?",
    "Which paper proposes a Gaussian trust region for PPO?",
    "How many conversations and questions does the BEAM long-term memory benchmark contain?",
    "Which differential privacy mechanisms are extended to Hadamard manifolds?",
])
def test_answerable_questions_about_the_seed_papers_are_answered(answerer, question):
    _, _, evidence, signals, timings = answerer.assess(question)
    assert signals.outcome == "answer", signals.reason
    assert signals.p >= answerer.assessor.model.answer_threshold
    assert evidence and timings["assess_ms"] < 1000


def test_a_question_naming_an_author_of_the_library_is_answered_from_the_catalog(answerer):
    _, _, _, signals, _ = answerer.assess("Which papers did Martha White co-author?")
    assert signals.outcome == "answer" and signals.names_metadata


@pytest.mark.parametrize("question", [
    "What is the capital of France?",
    "How does AlphaFold predict protein structures?",
    "What speedup over FlashAttention-2 does FlashAttention-3 report on H100 GPUs?",
    # About a paper in the library, asking a detail its abstract never gives.
    "What learning rate is used in TON's supervised fine-tuning stage?",
    # "AI" is also a category code: a capitalised word must not pass for named metadata.
    "How many StarCraft II matches did the reincarnated RL agent win against the built-in AI?",
])
def test_unanswerable_questions_are_not_answered_and_the_model_is_not_asked(answerer, question):
    answer = answerer.ask(question)
    assert answer.outcome in ("closest", "refused") and answer.abstained, answer.abstain_reason
    assert answer.answerability is not None and answer.answerability < answerer.assessor.model.answer_threshold
    assert "first_token_ms" not in answer.timings and answer.raw_text == ""
    if answer.outcome == "refused":
        assert answer.answer == prompts.REFUSAL and answer.citations == [] and answer.closest_papers


def test_the_closest_outcome_quotes_the_passages_as_not_an_answer(seeded):
    # The saved coefficients with the thresholds moved so that every question lands in the middle band.
    model = dataclasses.replace(load_model(), answer_threshold=1.01, closest_threshold=0.0)
    answerer = Answerer(seeded, NeverAsked(), assessor=Assessor(seeded, model=model))
    streamed = []
    answer = answerer.ask("What does TokMem do?", on_sentence=streamed.append)
    assert answer.outcome == "closest" and answer.abstained
    assert answer.answer.startswith(CLOSEST_NOTE)
    assert streamed[0].text == CLOSEST_NOTE
    shown = {e.n: e for e in answer.evidence}
    assert answer.citations and all(c.n in shown for c in answer.citations)
    for sentence in answer.sentences:
        quoted = shown[sentence.citations[0]]
        assert quoted.paper.title not in sentence.text, "an extractive quote never restates the title"
        assert sentence.text.split(" [")[0].rstrip(".") in quoted.text
    data = answer.to_json()
    assert data["outcome"] == "closest" and data["abstained"] is True


def test_probability_is_a_logistic_regression_of_the_standardised_features():
    model = Model(features=("a", "b"), mean=np.array([1.0, 0.0]), scale=np.array([2.0, 1.0]),
                  coef=np.array([1.0, -1.0]), intercept=0.5, answer_threshold=0.6, closest_threshold=0.3)
    # z = 0.5 + (3 - 1) / 2 * 1 - 1 * 1 = 0.5
    assert model.probability({"a": 3.0, "b": 1.0}) == pytest.approx(1 / (1 + np.exp(-0.5)))


def test_the_extractive_quote_prefers_a_sentence_with_the_kind_of_answer_asked_for():
    from rag.answer import AnswerSettings, extractive_answer
    from rag.complement import typed_complement
    from rag.records import Answer, AnswerSentence, Evidence, Paper, paper_id_for

    title = "R-MelNet: Reduced Mel-Spectral Modeling for Neural TTS"
    paper = Paper(paper_id=paper_id_for(title), title=title)
    shown = [Evidence(n=1, paper=paper, chunk_id="c1", best=0, sentences=[
        "R-MelNet is a two-part autoregressive architecture for text-to-speech.",
        "It uses under 11 gigabytes of GPU memory on a single GPU."])]
    question = "How much GPU memory does R-MelNet use?"
    quotes = extractive_answer(shown, question, AnswerSettings(max_sentences=1))
    assert [q.text for q in quotes] == ["It uses under 11 gigabytes of GPU memory on a single GPU [1]."]
    assert title not in quotes[0].text
    # A model answer without any number gets the sentence that has one; one with a number gets nothing.
    vague = Answer(question=question, standalone_question=question, answer="", evidence=shown,
                   sentences=[AnswerSentence(text="R-MelNet uses little GPU memory [1].", citations=[1])])
    assert typed_complement(vague, question, AnswerSettings()).text.startswith("It uses under 11 gigabytes")
    precise = vague.model_copy(update={"sentences": [AnswerSentence(text="It needs 11 GB [1].", citations=[1])]})
    assert typed_complement(precise, question, AnswerSettings()) is None


def test_a_question_for_papers_gets_their_titles_written_out():
    from rag.answer import AnswerSettings, extractive_answer
    from rag.records import Evidence, Paper, paper_id_for

    def shown(n, title, sentence):
        return Evidence(n=n, paper=Paper(paper_id=paper_id_for(title), title=title), chunk_id=f"c{n}",
                        sentences=[sentence])

    evidence = [shown(1, "Gaussian Trust Regions", "We propose a Gaussian-reshaped trust region for PPO."),
                shown(2, "Clipping Revisited", "PPO clips the probability ratio.")]
    quotes = [q.text for q in extractive_answer(evidence, "Which paper proposes a new trust region for PPO?",
                                                AnswerSettings(max_sentences=2))]
    assert quotes[0] == '"Gaussian Trust Regions": We propose a Gaussian-reshaped trust region for PPO [1].'
    assert len(quotes) == 2 and quotes[1].startswith('"Clipping Revisited": ')  # one quote per paper


@pytest.mark.parametrize("question, on_topic", [
    ("Which papers study test-time adaptation?", "test"),
    ("Is there any work on simplicial embeddings?", "simplicial"),
])
def test_a_question_for_papers_lists_the_papers_on_its_topic_by_title_each_cited_without_the_model(answerer, question,
                                                                                                   on_topic):
    answer = answerer.ask(question)  # NeverAsked: the list is quoted from the papers, not written by the model
    assert answer.outcome == "answer" and not answer.abstained, answer.abstain_reason
    titles = [c.title for c in answer.citations]
    # Several papers, each titled once; a paper may give a second line where fewer papers leave room (194afe3).
    assert len(set(titles)) >= 2
    for title in set(titles):
        assert on_topic in title.casefold() and answer.answer.count(f'"{title}"') == 1
    assert all(s.supported and s.citations for s in answer.sentences)


def test_a_question_for_papers_on_a_topic_no_paper_holds_is_not_answered(answerer):
    answer = answerer.ask("Which papers predict protein structures from amino-acid sequences?")
    assert answer.outcome in ("closest", "refused") and answer.abstained, answer.abstain_reason
