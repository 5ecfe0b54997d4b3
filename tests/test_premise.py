"""A question whose premise the paper contradicts is told so first, with the passage (issue 10: false premises).

Real checker, real embedder, the seed library; the phrasings are made up here, not the dev sets'.
"""

from __future__ import annotations

import gc
import weakref

import pytest

from rag.answer import Answerer
import rag.cli  # noqa: F401 (registers the subcommands; cli_ask is imported through it)
from rag.cli_ask import print_answer
from rag.export import answer_markdown
from rag.llm import EmbeddedLLM
from rag.containment import premise_statement
from rag import premise
from rag.premise import CHECKED, PREMISE_NOTE, premises_for, presupposition
from ui.render import answer_message


@pytest.mark.parametrize("question, statement, form", [
    ("How come the retriever beats BM25 on every dataset?", "the retriever beats BM25 on every dataset", "how_come"),
    ("Given that the agent is trained without any reward, where does its signal come from?",
     "the agent is trained without any reward", "given"),
    ("The encoder was trained on ten million images — which augmentations were used?",
     "The encoder was trained on ten million images", "stated"),
    ("The robot needed two arms, right? why two?", "The robot needed two arms", "stated"),
    # the contrast is no part of what is taken as given: "rather than a simulator" would read as a negation
    ("Why does the planner query a learned model rather than a simulator?", "the planner query a learned model", "why"),
    ("In the grasping paper, why do the grasps fail on glass?", "the grasps fail on glass", "why"),
    # an enclosed contrast goes, what follows it stays; 'while' is no contrast word
    ("Why does the tagger, unlike the rule-based baseline, keep footnotes apart?", "the tagger keep footnotes apart",
     "why"),
    ("How come the small model (as opposed to the large one) forgets nothing?", "the small model forgets nothing",
     "how_come"),
    ("Why does the agent forget old skills while learning new ones?",
     "the agent forget old skills while learning new ones", "why"),
    ("What makes the sparse variant faster than the dense one?", "the sparse variant faster than the dense one",
     "makes"),
])
def test_the_presupposition_is_read_out_of_the_question(question, statement, form):
    found = presupposition(question)
    assert found is not None and (found.statement, found.form) == (statement, form)


@pytest.mark.parametrize("question, statement", [
    ("Considering that the tagger sees only one page, how does it find the authors?", "the tagger sees only one page"),
    ("In the survey,  why   is the recall low?", "the recall low"),
    ("Why the transformer?", ""),  # no auxiliary: nothing stated
    ("Which corpus does the tagger use?", ""),  # read by the premise check ('which'), not by the signal
])
def test_the_answerability_signal_reads_the_same_premise(question, statement):
    # One reader (rag/containment.py): the signal's statement is the premise check's for the forms both read.
    assert premise_statement(question) == statement
    found = presupposition(question)
    if statement:
        assert found is not None and found.statement == statement


@pytest.mark.parametrize("question", ["What is the learning rate?", "Which datasets does the survey cover?",
                                      "Knowledge distillation: what does the survey say about it?"])
def test_a_question_that_only_asks_presupposes_nothing_checked(question):
    found = presupposition(question)
    assert found is None or found.form not in CHECKED


@pytest.fixture(scope="module")
def answerer(seeded_home, models_dir, embedder):
    from conftest import make_settings
    from rag.library import Library

    from rag.config import AnswerSettings

    library = Library(make_settings(seeded_home, models_dir, answer=AnswerSettings(check_premise=True)),
                      embedder=embedder)
    return Answerer(library, EmbeddedLLM())


@pytest.mark.parametrize("question, says", [
    ("Why does CLUTR fall short of PAIRED on CarRacing?", "CLUTR outperforms PAIRED"),
    ("Given that TokMem needs far more trainable parameters than parameter-efficient fine-tuning, is it practical?",
     "substantially fewer trainable parameters"),
])
def test_a_contradicted_premise_is_said_first_with_the_passage_cited(answerer, question, says, capsys):
    streamed = []
    answer = answerer.ask(question, on_sentence=streamed.append)
    assert answer.outcome == "closest" and answer.premise is not None
    assert says in answer.premise.passage
    assert answer.answer.startswith(f'{PREMISE_NOTE} "{answer.premise.passage}" [{answer.premise.n}]')
    assert streamed[0].text.startswith(PREMISE_NOTE)
    cited = {c.n: c for c in answer.citations}
    assert cited[answer.premise.n].span == answer.premise.passage
    assert cited[answer.premise.n].title == answer.premise.title
    # Said once: not quoted again among the closest passages, one citation for it.
    assert answer.answer.count(answer.premise.passage.rstrip(".")) == 1
    assert [c.span for c in answer.citations].count(answer.premise.passage) == 1
    assert answer.to_json()["premise"]["passage"] == answer.premise.passage
    print_answer(answer, streamed=True)
    assert f"[{answer.premise.n}] says otherwise" in capsys.readouterr().out
    shown = answer_message(answer, turn=0)
    assert shown.index("The question takes as given") < shown.index("Not a direct answer")
    exported = answer_markdown(answer)  # the UI's copy / download: the same order, the premise stated
    assert exported.index(f"The question takes as given** “{answer.premise.statement}”") < \
        exported.index("Not a direct answer")


@pytest.mark.parametrize("question", [
    "Why does TokMem keep the backbone LLM frozen?",
    "How come CLUTR needs fewer environment interactions than the non-UED state of the art on CarRacing?",
])
def test_a_premise_the_paper_states_is_not_flagged(answerer, question):
    _, _, evidence, _, _ = answerer.assess(question)
    assert evidence and answerer.premises.contradicted(question, evidence, answerer.library.view()) is None


def test_the_check_is_made_once_per_library_and_goes_with_it(answerer):
    # The UI makes an Answerer per question: the checker and the read sentences must outlive it.
    assert Answerer(answerer.library, EmbeddedLLM()).premises is answerer.premises

    class Library:
        pass

    one, other = Library(), Library()
    assert premises_for(one) is premises_for(one) and premises_for(one) is not premises_for(other)
    gone = weakref.ref(one)
    del one
    gc.collect()
    assert gone() is None  # the Premises holds no reference to its library


def test_the_check_is_off_unless_asked_for(seeded, monkeypatch):
    # Not adopted by default (eval/results/premise/README.md): the same question is then answered as before, the
    # premise check never asked and no checker built.
    asked, built = [], []
    monkeypatch.setattr(premise.Premises, "contradicted", lambda self, *args: asked.append(args))
    monkeypatch.setattr(premise, "Checker", lambda *args, **kwargs: built.append(args))
    answer = Answerer(seeded, EmbeddedLLM()).ask("Why does CLUTR fall short of PAIRED on CarRacing?")
    assert answer.premise is None and not answer.answer.startswith(PREMISE_NOTE)
    assert asked == [] and built == []


def test_no_closest_passages_heading_when_the_premise_note_quoted_the_only_passage(answerer):
    # The note may quote the one passage that would have followed: no heading then over nothing.
    import time

    from rag.prompts import CLOSEST_NOTE
    from rag.records import Answer, PremiseNote

    question = "Why does TokMem keep the backbone LLM frozen?"
    _, _, evidence, _, _ = answerer.assess(question)
    shown = evidence[0]
    note = PremiseNote(statement="TokMem trains the backbone", passage=shown.sentences[0], n=shown.n,
                       title=shown.paper.title, paper_id=shown.paper.paper_id)
    answer = Answer(question=question, standalone_question=question, answer="", outcome="closest", abstained=True,
                    premise=note, sentences=[premise.premise_sentence(note)], evidence=evidence)
    streamed = []
    answer = answerer._finish(answer, time.perf_counter(), streamed.append)
    assert answer.answer.startswith(PREMISE_NOTE) and CLOSEST_NOTE not in answer.answer
    assert [s.text for s in streamed] == [answer.sentences[0].text]
    assert "Not a direct answer" not in answer_markdown(answer)
    shown = answer_message(answer, turn=0)  # the chat: the note, and no heading over an empty list
    assert shown.startswith("**The question takes as given**") and "Not a direct answer" not in shown
