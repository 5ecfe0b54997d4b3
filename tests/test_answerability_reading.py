"""What a question asks, read from its grammar (rag/asked.py, rag/answer_kind.py), for the forms round 10's refit
reads: coordinated attributes, a degree asked of a subject ("how deep is the X"), "how many of the X", a generic head
with a value shape ("which version of X"), "how accurately". Made-up phrasings, none from a dev set."""

import pytest

from rag.answer_kind import expected_type
from rag.asked import focus_words, measure_asked
from rag.binding import value_unbound


@pytest.mark.parametrize("question, focus", [
    # a conjunct headed by a kind of answer (an optimizer, a benchmark) is a name: the other conjunct is the attribute
    ("What weight decay and optimizer did the Quill authors pick?", ["weight", "decay"]),
    ("Which benchmark and sampling temperature were used for Quill?", ["sampling", "temperature"]),
    # counted, every conjunct is what is counted
    ("How many layers and heads does the Quill encoder have?", ["layer", "head"]),
    # a degree asked of the subject after 'be' and a determiner
    ("How deep is the decoder stack of Quill?", ["decoder", "stack"]),
    ("How wide are the hidden layers in Quill's retriever?", ["hidden", "layer"]),
    # "how many of the X": X is counted
    ("How many of the annotated reports were rejected by the pharmacists?", ["annotated", "report"]),
    # a generic head with a value shape of its own stays beside what it is the version of
    ("Which version of PyTorch does Quill require?", ["pytorch", "version"]),
    # ... also when a dropped conjunct stood between the generic head and its 'of'
    ("Which version and benchmark of Tesseract does Quill rely on?", ["tesseract", "version"]),
    ("Which value and kind of the dropout rate did Quill settle on?", ["dropout", "rate"]),
])
def test_the_attribute_asked_is_read_from_the_grammar(question, focus):
    assert focus_words(question) == focus


def test_a_degree_asked_of_an_event_names_no_attribute():
    # "how long was X trained": the duration of an event, not an attribute called "Quill"
    assert focus_words("How long was Quill trained?") == [] and measure_asked("How long was Quill trained?") == "extent"


def test_how_accurately_asks_for_an_accuracy_figure():
    question = "How accurately does Quill flag adverse events?"
    assert measure_asked(question) == "accuracy" and expected_type(question) == "number"


def test_a_version_is_bound_only_when_the_paper_prints_one_next_to_the_name():
    question = "Which version of PyTorch does Quill require?"
    focus = focus_words(question)
    idf = {w: 1.0 for w in focus}
    assert value_unbound(question, focus, [], ["Quill requires PyTorch 2.1 and one GPU."], idf) == 0.0
    assert value_unbound(question, focus, [], ["Quill is implemented in PyTorch and released on GitHub."], idf) == 1.0
