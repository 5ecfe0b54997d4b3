"""Evidence containment (rag/containment.py): the question's specific words with a candidate of the asked
type, in the paper; a false premise read with the checker's signals. Pure functions on hand-written text;
and the fit scripts' refusal of the blind held-out sets (eval/fitlib.py)."""

import subprocess
import sys
from pathlib import Path

import pytest

from rag.answerability import content_words, has_candidate
from rag.asked import focus_words
from rag.containment import (Shown, as_statement, containment_signals, premise_conflict, premise_contradicted,
                             premise_statement, specific_words)

ROOT = Path(__file__).resolve().parents[1]
TITLE = "TokMem: One-Token Procedural Memory for Large Language Models"
SENTENCES = ("We propose TokMem, a procedural memory that stores each procedure as one trainable token.",
             "TokMem is trained on 1,000 tasks from Super-Natural Instructions with a frozen backbone.",
             "Adding new procedures leaves the backbone's weights unchanged.")


def signals(question: str, sentences=SENTENCES, retrieved: str = "") -> dict[str, float]:
    words = content_words(question)
    shown = [Shown("p1", TITLE, tuple(sentences), retrieved)]
    df = {w: 3 for w in words}  # every word equally common: the shares are plain word shares
    return containment_signals(question, words, shown, df, 100, lambda s: has_candidate("number", s, question))


def test_specific_words_are_the_question_words_that_are_not_the_papers_title():
    words = content_words("How many GPU hours did training TokMem take?")
    assert specific_words(words, TITLE) == ["gpu", "hour", "training", "take"]


def test_a_detail_the_passages_give_is_contained_and_one_they_never_give_is_not():
    given = signals("How many tasks is TokMem trained on?")
    absent = signals("How many GPU hours did training TokMem take?")
    assert given["containment"] == 1.0 and given["specific_in_paper"] == 1.0
    # "training" is there, with a number, but not the GPU hours asked for
    assert absent["containment"] < 0.5 and absent["specific_in_paper"] < 0.5


def test_the_specific_words_count_anywhere_in_the_retrieved_chunks_of_the_paper():
    question = "How many GPU hours did training TokMem take?"
    found = signals(question, retrieved="Training takes 12 GPU hours on one A100.")
    assert found["specific_in_paper"] == 1.0 > signals(question)["specific_in_paper"]


def test_a_question_made_only_of_title_words_is_about_any_passage_of_the_paper():
    assert signals("What is one-token procedural memory?")["containment"] == 1.0


@pytest.mark.parametrize("question, statement", [
    ("Why does BESO need more than 30 denoising steps?", "BESO need more than 30 denoising steps"),
    ("Does pruning help value-based agents?", "pruning help value-based agents"),
    ("How does GiGPO build its step-level groups?", "GiGPO build its step-level groups"),
])
def test_a_question_is_read_as_the_statement_it_presupposes(question, statement):
    assert as_statement(question) == statement


def test_a_premise_the_passage_says_the_opposite_of_conflicts_and_a_true_one_does_not():
    passage = ["LIGHT consistently outperforms the strongest baselines on the BEAM benchmark.",
               "Memory grows with the number of turns."]
    assert premise_conflict("Why did LIGHT fail to beat the strongest baselines on BEAM?", passage) > 0.5
    assert premise_conflict("How does LIGHT outperform the strongest baselines on BEAM?", passage) == 0.0
    # A flip in a sentence about something else is no conflict.
    assert premise_conflict("Why does the tokenizer fail on Chinese text?", passage) == 0.0


@pytest.mark.parametrize("question, premise", [
    ("Why did adding venue metadata to SPECTER's input give a big jump in citation prediction?",
     "adding venue metadata to SPECTER's input give a big jump in citation prediction"),
    ("Since DPR needs millions of labeled question-passage pairs, how did the authors collect them?",
     "DPR needs millions of labeled question-passage pairs"),
    ("Given that TokMem freezes the backbone, what does it train?", "TokMem freezes the backbone"),
    ("How come BESO needs 30 steps?", "BESO needs 30 steps"),
    # Asking is not presupposing: a what / how many / yes-no question takes nothing as given.
    ("What learning rate was used to train ScienceParse's LSTM?", ""),
    ("Does pruning help value-based agents?", ""),
    ("As a baseline?", ""),
])
def test_the_premise_is_what_a_why_question_or_a_since_clause_takes_as_given(question, premise):
    assert premise_statement(question) == premise


class Contradictions:
    """A stand-in for the cross-encoder's (claim, sentence) -> P(supported, contradicted, unsupported): a fixed
    P(contradicted) per sentence, recording what it was asked."""

    def __init__(self, contradicted: dict[str, float]):
        self.contradicted, self.asked = contradicted, []

    def __call__(self, pairs):
        self.asked.extend(pairs)
        return [(0.0, self.contradicted[s], 1.0 - self.contradicted[s]) for _, s in pairs]


def test_a_premise_is_read_against_its_closest_sentences_and_the_surest_contradiction_counts():
    sentences = ["LIGHT consistently outperforms the strongest baselines on the BEAM benchmark.",
                 "The strongest baselines use retrieval over the whole conversation.",
                 "LIGHT keeps an episodic memory and a scratchpad.",
                 "Memory grows with the number of turns.",
                 "We thank the reviewers."]
    read = Contradictions(dict(zip(sentences, (0.9, 0.2, 0.1, 0.0, 0.95))))
    question = "Why did LIGHT fail to beat the strongest baselines on BEAM?"
    assert premise_contradicted(question, sentences, read) == 0.9
    # Only the three sentences sharing most of the premise's words are read; the thanks never are.
    assert [s for _, s in read.asked] == sentences[:3]
    assert {claim for claim, _ in read.asked} == {"LIGHT fail to beat the strongest baselines on BEAM"}
    idle = Contradictions({})
    assert premise_contradicted("How many turns does LIGHT keep?", sentences, idle) == 0.0 and idle.asked == []
    assert premise_contradicted(question, [], idle) == 0.0


def test_a_topic_held_only_by_several_papers_together_is_spread_and_one_held_by_one_paper_is_not():
    from rag.containment import topic_spread

    recommender = Shown("r", "Session-Aware Recommendation", ("We recommend the next item of a session.",))
    graphs = Shown("g", "Deep Graph Networks", ("Neural message passing over graph nodes.",))
    both = Shown("b", "Graph Neural Networks for Session-Based Recommendation",
                 ("A graph neural network reads each session.",))
    words = content_words("session-based recommendation with graph neural networks: what works?")
    idf = {w: 1.0 for w in words}
    assert topic_spread(words, [recommender, graphs], idf) >= 0.3  # pieced together from two papers' words
    assert topic_spread(words, [both, recommender], idf) == 0.0  # one paper holds it all
    assert topic_spread(words, [recommender, Shown("r", "", ("graph neural networks",))], idf) == 0.0  # one paper
    # A question for papers is answered by several papers: no spread is read for it.
    shown = [recommender, graphs]
    values = containment_signals("Which papers use graph neural networks for session-based recommendation?",
                                 words, shown, {w: 3 for w in words}, 100, lambda s: True, papers=True)
    assert values["topic_spread"] == 0.0


@pytest.mark.parametrize("script", ["eval/fit_answerability.py", "eval/fit_checker.py"])
def test_the_fit_scripts_refuse_a_blind_held_out_set_by_name(script, tmp_path):
    held_out = tmp_path / "answerability_v36.jsonl"  # never read: refused by name before anything is opened
    option = "--dataset" if "answerability" in script else "--dev"
    extra = [] if "answerability" in script else ["--home", str(tmp_path)]
    done = subprocess.run([sys.executable, script, option, str(held_out), *extra], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines()[-1] == f"{held_out}: a held-out test set — fit and train on development sets only"


def test_rounds_two_to_thirty_five_are_development_data_and_round_thirty_six_is_held_out():
    sys.path.insert(0, str(ROOT / "eval"))
    from fitlib import is_held_out

    assert not is_held_out(Path("eval/datasets/fulltext_v2.jsonl")) and not is_held_out(Path("seeds.jsonl"))
    assert not is_held_out(Path("eval/datasets/fulltext_v3.jsonl")) and not is_held_out(Path("claims_v4.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v5.jsonl")) and not is_held_out(Path("claims_v6.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v7.jsonl")) and not is_held_out(Path("claims_v8.jsonl"))
    assert not is_held_out(Path("eval/datasets/fulltext_v9.jsonl")) and not is_held_out(Path("metadata_v10.jsonl"))
    assert not is_held_out(Path("eval/datasets/answerability_v11.jsonl")) and not is_held_out(Path("claims_v11.jsonl"))
    assert not is_held_out(Path("eval/datasets/answerability_v12.jsonl")) and not is_held_out(Path("claims_v12.jsonl"))
    assert not is_held_out(Path("eval/datasets/answerability_v13.jsonl")) and not is_held_out(Path("claims_v13.jsonl"))
    assert not is_held_out(Path("eval/datasets/answerability_v14.jsonl")) and not is_held_out(Path("claims_v14.jsonl"))
    assert not is_held_out(Path("eval/datasets/answerability_v15.jsonl")) and not is_held_out(Path("claims_v15.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v16.jsonl")) and not is_held_out(Path("claims_v16.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v17.jsonl")) and not is_held_out(Path("facet_probes_v17.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v18.jsonl")) and not is_held_out(Path("facet_probes_v18.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v19.jsonl")) and not is_held_out(Path("facet_probes_v19.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v20.jsonl")) and not is_held_out(Path("facet_probes_v20.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v21.jsonl")) and not is_held_out(Path("facet_probes_v21.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v22.jsonl")) and not is_held_out(Path("facet_probes_v22.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v23.jsonl")) and not is_held_out(Path("facet_probes_v23.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v24.jsonl")) and not is_held_out(Path("facet_probes_v24.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v25.jsonl")) and not is_held_out(Path("facet_probes_v25.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v26.jsonl")) and not is_held_out(Path("facet_probes_v26.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v27.jsonl")) and not is_held_out(Path("facet_probes_v27.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v28.jsonl")) and not is_held_out(Path("facet_probes_v28.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v29.jsonl")) and not is_held_out(Path("facet_probes_v29.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v30.jsonl")) and not is_held_out(Path("facet_probes_v30.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v31.jsonl")) and not is_held_out(Path("facet_probes_v31.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v32.jsonl")) and not is_held_out(Path("facet_probes_v32.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v33.jsonl")) and not is_held_out(Path("facet_probes_v33.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v34.jsonl")) and not is_held_out(Path("facet_probes_v34.jsonl"))
    assert not is_held_out(Path("eval/datasets/metadata_v35.jsonl")) and not is_held_out(Path("facet_probes_v35.jsonl"))
    assert is_held_out(Path("eval/datasets/metadata_v36.jsonl")) and is_held_out(Path("facet_probes_v36.jsonl"))


def focused(question: str, sentences, retrieved: str = "") -> dict[str, float]:
    words = content_words(question)
    shown = [Shown("p1", TITLE, tuple(sentences), retrieved)]
    df = {w: 3 for w in words} | {"rate": 40}  # "rate" is a common word in a library, "dropout" a rare one
    return containment_signals(question, words, shown, df, 100,
                               lambda s: has_candidate("number", s, question), focus=focus_words(question))


def test_the_attribute_asked_must_stand_next_to_a_value_not_only_the_papers_topic_words():
    sentences = ("TokMem is trained with the AdamW optimizer for 3 epochs over 1,000 tasks.",
                 "The procedure tokens are trained with a learning rate of 5e-4.")
    assert focused("What learning rate is TokMem trained with?", sentences)["focus_gap"] == 0.0
    absent = focused("What dropout rate is TokMem trained with?", sentences)  # shares every other word
    assert absent["focus_gap"] > 0.5 and absent["focus_absent"] > 0.5
    # A question that asks for no attribute has nothing missing.
    assert focused("Why is TokMem trained over 1,000 tasks?", sentences)["focus_gap"] == 0.0


def test_the_attribute_must_share_the_values_own_sentence_for_the_tight_gap():
    # Two sentences apart in dense prose: the window gap is closed, the sentence gap is not.
    sentences = ("Training uses a dropout rate chosen on the validation set.", "The model has 12 layers.")
    signals = focused("What dropout rate is applied in TokMem?", sentences)
    assert signals["focus_gap"] == 0.0 and signals["focus_gap_tight"] == 1.0
    held = focused("What dropout rate is applied in TokMem?", ("A dropout rate of 0.1 is applied.",))
    assert held["focus_gap"] == held["focus_gap_tight"] == 0.0


def test_an_untyped_questions_missing_attribute_is_its_own_signal_not_the_typed_gap():
    question = "What two weaknesses of ORQA does the paper point out?"
    words = content_words(question)
    shown = [Shown("p1", TITLE, ("ORQA needs an expensive extra pre-training step and a frozen context encoder.",))]
    values = containment_signals(question, words, shown, {w: 3 for w in words}, 100, lambda s: True,
                                 focus=focus_words(question), typed=False)
    assert values["focus_gap"] == 0.0 and values["focus_gap_tight"] == 0.0 and values["focus_gap_open"] == 1.0


def test_a_question_for_papers_counts_each_shown_paper_on_its_topic_titles_included():
    question = "Which papers use simplicial embeddings?"
    words = content_words(question)
    shown = [Shown("a", "Simplicial Embeddings in Self-Supervised Learning", ("We study representations.",)),
             Shown("b", "Iterated Learning", ("We use simplicial embeddings as the bottleneck.",)),
             Shown("c", "Forgetting Transformer", ("A forget gate for softmax attention.",))]
    values = containment_signals(question, words, shown, {w: 3 for w in words}, 100, lambda s: True, papers=True)
    assert values["papers_holding"] == pytest.approx(2 / 3)
    assert values["containment"] == 1.0  # the first paper's title says it: the title is the answer here
    alone = containment_signals(question, words, shown, {w: 3 for w in words}, 100, lambda s: True)
    assert alone["papers_holding"] == 0.0  # only a question for papers reads breadth

