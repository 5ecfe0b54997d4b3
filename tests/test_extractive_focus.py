"""The quote holds what the question asks about: a figure counted in the asked unit beats another figure, a one-paper
question is not padded with a weaker line of another paper, and a model answer that says something else is completed
with the line that holds the question's words (hand-made passages in the shape of abstracts; no model)."""

from __future__ import annotations

from rag.complement import focus_complement
from rag.config import AnswerSettings
from rag.extractive import extractive_answer
from rag.quantities import asked_units, counts_in
from rag.records import Answer, AnswerSentence, Evidence, Paper, paper_id_for

TITLE = "Sparse Graph Transformers for Molecule Property Prediction"
PAPER = Paper(paper_id=paper_id_for(TITLE), title=TITLE)
OTHER = Paper(paper_id=paper_id_for("Curriculum Schedules for Protein Folding"),
              title="Curriculum Schedules for Protein Folding")


def _shown(n: int, sentences: list[str], paper: Paper = PAPER, best: int = 0) -> Evidence:
    return Evidence(n=n, paper=paper, chunk_id=f"c{n}", sentences=sentences, best=best)


def _quotes(evidence: list[Evidence], question: str, most: int = 3) -> list[str]:
    return [s.text for s in extractive_answer(evidence, question, AnswerSettings(max_sentences=most))]


def test_the_unit_a_question_counts_in():
    assert asked_units("How many GPU hours did pretraining take?") >= {"gpu"}
    assert asked_units("What was the context length, in tokens?") == {"token"}
    assert asked_units("How many training epochs were run?") == {"train", "epoch"}
    assert not asked_units("What share of molecules were filtered out?")
    assert counts_in("The encoder stacks 12 layers (Vaswani et al., 2017).", "How many layers does the encoder have?")
    assert not counts_in("The encoder was introduced in 2017 by Vaswani et al. [12].", "How many layers are used?")
    assert counts_in("Batches hold thirty molecules each.", "How many molecules are in a batch?")


def test_a_figure_in_the_asked_unit_is_quoted_before_another_figure():
    evidence = [_shown(1, ["On a single device, one training step holds 64 graphs.", "Inputs may reach 512 atoms."])]
    quote = _quotes(evidence, "How many atoms can one graph hold on a single device?", most=1)[0]
    assert quote.startswith("Inputs may reach 512 atoms")


def test_a_one_paper_question_is_not_padded_with_a_weaker_line_of_another_paper():
    lead = _shown(1, ["The second phase prunes edges whose attention weight falls below a threshold."])
    other = _shown(2, ["We propose a two-phase curriculum for folding proteins."], paper=OTHER)
    quotes = _quotes([lead, other], "In the two-phase sparse transformer, what does the second phase prune?")
    assert len(quotes) == 1 and "prunes edges" in quotes[0]
    # Another paper's line holding the question's words better than the first paper's best still gets a place.
    strong = _shown(2, ["Its second phase prunes residues whose contact weight falls below a threshold."], paper=OTHER)
    weak = _shown(1, ["Sparse attention is applied in two phases."])
    quotes = _quotes([weak, strong], "What does the second phase prune, below which weight threshold?")
    assert any("prunes residues" in q for q in quotes)


def _answer(question: str, model: str, evidence: list[Evidence]) -> Answer:
    return Answer(question=question, standalone_question=question, answer="", evidence=evidence,
                  sentences=[AnswerSentence(text=model, citations=[1], supported=True)])


def test_a_model_answer_about_something_else_is_completed_with_the_line_holding_the_question_words():
    evidence = [_shown(1, ["Our method improves validation accuracy by four points over dense attention.",
                           "Edges are dropped where the two encoders' attention maps disagree, and kept elsewhere."])]
    question = "Which edges get dropped when the encoders disagree?"
    added = focus_complement(_answer(question, "It improves accuracy by four points over dense attention [1].",
                                     evidence), question, AnswerSettings())
    assert added is not None and added.text.startswith("Edges are dropped") and added.citations == [1]
    # The model's sentence already holding the asked words needs no quote.
    done = _answer(question, "Edges are dropped where the encoders' maps disagree [1].", evidence)
    assert focus_complement(done, question, AnswerSettings()) is None
