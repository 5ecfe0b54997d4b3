"""Value binding (rag/binding.py): the attribute asked and a value of its shape in a short span, not only the
attribute's name and some number in one sentence. Pure functions on hand-written sentences (made-up papers)."""

import pytest

from rag.answerability import content_words, has_candidate
from rag.asked import focus_words, measure_asked
from rag.binding import binding, focus_generic, measured, value_unbound
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


# "How long" / "how accurate": no attribute is named, the question word is one, and a unit of its dimension
# stands for it next to the value (made-up paper: GraphMix).
@pytest.mark.parametrize("question, measure", [
    ("How long does GraphMix take to train on the Cora graph?", "extent"),
    ("On the Cora graph, how long are GraphMix's random walks?", "extent"),
    ("In the node ablation, how accurate is GraphMix without mixing?", "accuracy"),
    ("How many nodes does the Cora graph have?", None),  # a count: its noun is the focus (value_unbound)
    ("Does the benefit depend on how long the walks are?", None),  # inside a clause: asks nothing of the kind
])
def test_the_measure_a_how_long_or_how_accurate_question_asks(question, measure):
    assert measure_asked(question) == measure


@pytest.mark.parametrize("sentence, given", [
    ("Training GraphMix on the Cora graph takes 3 hours on one GPU.", True),
    ("Each random walk has 40 steps.", True),
    ("We train for 200 epochs with early stopping.", True),
    ("GraphMix is trained on the Cora graph (Table 3) with two layers.", False),  # numbers, none with a time unit
    ("See Section 4 hours of annotation.", False),  # a pointer, not a value
])
def test_a_value_of_a_length_carries_its_unit(sentence, given):
    assert measured(sentence, "extent", {"how", "long"}) is given


def test_an_accuracy_is_a_percentage_or_a_number_beside_an_accuracy_word():
    assert measured("Without mixing, GraphMix drops to 71.4% on Cora.", "accuracy", set())
    assert measured("Its accuracy is 0.81 without mixing.", "accuracy", set())
    assert not measured("Without mixing we use 2 layers and 16 hidden units.", "accuracy", set())


def test_containment_reads_an_unstated_duration_as_unbound():
    question = "How long does GraphMix take to train on the Cora graph?"
    words = content_words(question)
    said = ["GraphMix trains in 35 minutes on the Cora graph."]
    unsaid = ["GraphMix is trained on the Cora graph with two layers and dropout 0.5 (Table 2)."]
    read = lambda sentences: containment_signals(  # noqa: E731
        question, words, [Shown("p1", TITLE, tuple(sentences), "")], {w: 3 for w in words}, 100,
        lambda s: has_candidate("number", s, question), focus=focus_words(question))["value_unbound"]
    assert read(said) < 0.5 and read(unsaid) == 1.0  # "take" is not in the binding sentence: weighed, not 0


def generic(question: str, *sentences: str) -> float:
    return focus_generic(question, focus_words(question), list(sentences))


@pytest.mark.parametrize("question, sentence", [
    ("Which ILP solver does GraphMix call for the relabelling step?",
     "The relabelling step is cast as an integer program and handed to an off-the-shelf ILP solver."),
    ("How many auxiliary discriminators does GraphMix train?",
     "GraphMix trains a small family of auxiliary discriminators, one per view of the graph."),
    ("Which tokenizer do the GraphMix authors use for node text?",
     "Node text is split with some subword tokenizer before it is embedded."),
])
def test_an_attribute_mentioned_only_as_an_unnamed_instance_is_generic(question, sentence):
    assert generic(question, sentence) == 1.0


@pytest.mark.parametrize("question, sentence", [
    ("Which ILP solver does GraphMix call for the relabelling step?",
     "The relabelling step is handed to an ILP solver, CPLEX 12.10, with a 60 s limit."),
    ("How many auxiliary discriminators does GraphMix train?",
     "GraphMix trains a family of three auxiliary discriminators."),
    ("How many auxiliary discriminators does GraphMix train?",
     "GraphMix trains 3 auxiliary discriminators, one per view."),
])
def test_a_name_or_a_count_bound_to_the_attribute_is_not_generic(question, sentence):
    assert generic(question, sentence) == 0.0


def test_generic_reads_only_questions_that_identify_or_count_and_a_mentioned_attribute():
    # "what ... is introduced" is answered by a description, which an article introduces too
    assert generic("What new regulariser is introduced for the mixing weights?",
                   "We introduce a new regulariser that keeps the mixing weights sparse.") == 0.0
    # the attribute never mentioned: absence is read by other signals, not this one
    assert generic("Which ILP solver does GraphMix call?", "GraphMix mixes node features across neighbours.") == 0.0
    assert generic("Why does GraphMix mix node features?", "It mixes a set of node features.") == 0.0  # no attribute


def test_containment_reports_the_generic_mention_for_a_question_with_an_attribute():
    question = "Which ILP solver does GraphMix call for the relabelling step?"
    shown = [Shown("p1", TITLE, ("GraphMix mixes node features.",
                                 "The relabelling step is handed to a standard ILP solver."))]
    values = containment_signals(question, content_words(question), shown, {}, 100,
                                 lambda s: has_candidate("other", s, question), focus=focus_words(question),
                                 typed=False)
    assert values["focus_generic"] == 1.0
    named = [Shown("p1", TITLE, ("The relabelling step is handed to the Gurobi ILP solver.",))]
    assert containment_signals(question, content_words(question), named, {}, 100,
                               lambda s: has_candidate("other", s, question), focus=focus_words(question),
                               typed=False)["focus_generic"] == 0.0
