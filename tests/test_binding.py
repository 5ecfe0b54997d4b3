"""Value binding (rag/binding.py): the attribute asked and a value of its shape in a short span, not only the
attribute's name and some number in one sentence. Pure functions on hand-written sentences (made-up papers)."""

import pytest

from rag.answerability import content_words, has_candidate
from rag.asked import focus_words
from rag.binding import binding, value_unbound
from rag.containment import Shown, containment_signals, specific_words

TITLE = "GraphMix: Mixing Node Features for Citation Graphs"


def unbound(question: str, *sentences: str, name=None) -> float:
    words = content_words(question)
    return value_unbound(question, focus_words(question), specific_words(words, TITLE), list(sentences), {},
                         name)


@pytest.mark.parametrize("sentence", [
    "GraphMix is optimised with Adam and a weight decay of 5e-4 on the Cora graph.",
    "On the Cora graph we set the weight decay to 0.0005.",
    "Weight decay = 0.0005 (Cora graph).",
])
def test_a_value_right_after_the_attribute_binds_it(sentence):
    assert unbound("What weight decay does GraphMix use on the Cora graph?", sentence) == 0.0


@pytest.mark.parametrize("sentence", [
    # the attribute named, numbers in the sentence, but none is its value
    "Weight decay follows the setting of Kipf and Welling (Table 4) on the Cora graph.",
    "We tune the weight decay on Cora; the graph has 2708 nodes and 5429 edges in total.",
    # a value before the attribute that points elsewhere
    "See Section 5 weight decay ablation on the Cora graph.",
])
def test_an_attribute_named_beside_other_numbers_is_not_bound(sentence):
    assert unbound("What weight decay does GraphMix use on the Cora graph?", sentence) == 1.0


def test_the_value_must_have_the_shape_the_attribute_wants():
    question = "Which release date does the OGB snapshot used by GraphMix have?"
    assert unbound(question, "The OGB snapshot release date is March 2021.") < 1.0
    # a count next to the attribute is not a date
    assert unbound(question, "The OGB snapshot release date column lists 169343 entries.") == 1.0
    rate = "What dropout rate does GraphMix apply to its input features?"
    assert unbound(rate, "GraphMix applies dropout at rate 0.5 to its input features.") < 0.5
    assert unbound(rate, "GraphMix applies dropout at rate 16 to its input features.") == 1.0


def test_a_count_binds_its_noun_written_after_it():
    question = "How many labelled nodes does GraphMix train on for PubMed?"
    assert unbound(question, "For PubMed, GraphMix trains on 60 labelled nodes.") == 0.0


def test_the_questions_own_numbers_are_not_its_answer():
    question = "What top-5 accuracy does GraphMix reach on the arXiv split?"
    assert unbound(question, "Top-5 accuracy on the arXiv split is reported in the appendix.") == 1.0


def test_the_questions_modifiers_in_the_binding_sentence_weigh_the_binding():
    others = ["cora", "graph"]
    with_them = binding("On the Cora graph the weight decay is 5e-4.", ["weight", "decay"], others, {}, set())
    without = binding("On PubMed the weight decay is 5e-4.", ["weight", "decay"], others, {}, set())
    assert with_them == 1.0 and 0.5 < without < 1.0  # "weight" is there, Cora and the graph are not


def test_a_question_without_an_attribute_has_nothing_to_bind():
    assert unbound("Why does GraphMix mix node features?", "GraphMix mixes features to smooth labels.") == 0.0


def test_a_name_typed_attribute_binds_a_name():
    question = "Which dataset does GraphMix use?"  # "dataset" is a kind of answer: no focus, nothing to bind
    assert focus_words(question) == [] and unbound(question, "We use Cora.") == 0.0
    named = "What graph encoder backbone does GraphMix build on?"
    name = lambda token: has_candidate("name", token, named)  # noqa: E731
    assert unbound(named, "Its graph encoder backbone is GraphSAGE with two layers.", name=name) < 1.0


def test_the_signal_is_reported_by_containment_for_a_typed_question():
    question = "What weight decay does GraphMix use on the Cora graph?"
    words = content_words(question)
    shown = [Shown("p1", TITLE, ("Weight decay follows Kipf and Welling (2017) on the Cora graph.",), "")]
    values = containment_signals(question, words, shown, {w: 3 for w in words}, 100,
                                 lambda s: has_candidate("number", s, question), focus=focus_words(question))
    assert values["focus_gap_tight"] == 0.0 and values["value_unbound"] == 1.0


def test_a_table_row_under_a_header_naming_the_attribute_binds_its_cells():
    question = "What recall does GraphMix reach on the Citeseer graph?"
    table = ["Graph | Precision | Recall", "Cora | 81.2 | 79.9", "Citeseer | 70.3 | 68.8"]
    assert unbound(question, *table) < 0.5  # bound; "reach" is not in the table
    # the same rows under a header that names other measures, or rows after the table ended, bind nothing
    assert unbound(question, "Graph | Precision | Accuracy", "Citeseer | 70.3 | 68.8") == 1.0
    assert unbound(question, "Graph | Precision | Recall", "The table ends here.", "Citeseer | 70.3 | 68.8") == 1.0
