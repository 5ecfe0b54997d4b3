"""What a question asks for (rag/asked.py): papers of the library, or one attribute — read from the grammar
of the question, on hand-written questions unlike the development sets' wording."""

import pytest

from rag.answerability import expected_type
from rag.asked import asks_for_papers, asks_for_several_papers, focus_words


@pytest.mark.parametrize("question", [
    "Which papers study graph coarsening?",
    "Which recent papers compare tokenizers?",
    "What work is there on protein docking?",
    "Is there research on federated unlearning?",
    "Are there benchmarks for code repair?",
    "List the papers about weather forecasting.",
    "papers on speculative decoding",
])
def test_a_question_whose_answer_is_a_set_of_papers(question):
    assert asks_for_papers(question) and asks_for_several_papers(question)
    assert expected_type(question) == "paper"


def test_a_question_for_one_paper_asks_for_papers_but_not_for_a_list():
    assert asks_for_papers("Which paper proposes a trust region for PPO?")
    assert not asks_for_several_papers("Which paper proposes a trust region for PPO?")


@pytest.mark.parametrize("question", [
    "What does the paper on graph coarsening conclude?",   # asks what one paper says
    "Which models work best for OCR?",                     # "work" the verb
    "What case study is used to test the controller?",
    "How many papers were annotated?",
])
def test_a_question_about_something_else_does_not_ask_for_papers(question):
    assert not asks_for_papers(question)


@pytest.mark.parametrize("question, focus", [
    ("What dropout rate is applied in the encoder?", ["dropout", "rate"]),
    ("How many hidden units per layer does the LSTM use?", ["hidden", "unit"]),
    ("Under which open-source license is the toolkit released?", ["open", "source", "license"]),
    ("What is the dimensionality of the embeddings?", ["dimensionality"]),
    ("Which value of the temperature parameter was chosen?", ["temperature", "parameter"]),
    ("In the ablation, what top-1 accuracy does the model reach?", ["top", "1", "accuracy"]),
    ("Which dataset is the model trained on?", []),         # a name answers it without the word "dataset"
    ("Which classic control technique does the agent apply?", []),  # the head names the kind: a name answers it
    ("Why does the method fail on long inputs?", []),
    ("Is the encoder frozen?", []),
    ("What does the method assume about what it classifies?", []),
    # An event or "what else": the answer is a clause, there is no attribute to find next to it.
    ("What happened when the encoder was frozen?", []),
    ("Besides pruning, what else can the agent do?", []),
])
def test_the_focus_is_the_attribute_asked(question, focus):
    assert focus_words(question) == focus
