"""The asked fact in the quote: a count written out, a table column named by its abbreviation or by the caption's
legend for it, and a model answer completed with the row and column the question names (hand-made passages in
the shape of real papers' tables; no model)."""

from __future__ import annotations

from rag.complement import typed_complement
from rag.config import AnswerSettings
from rag.extractive import extractive_answer
from rag.records import Answer, AnswerSentence, Evidence, Paper, paper_id_for
from rag.table_quotes import names_a_column

TITLE = "Embedding Scientific Papers with Citations"
PAPER = Paper(paper_id=paper_id_for(TITLE), title=TITLE)
ABLATIONS = ["Table 2: Ablations: averages per task. CLS: classification, USR: User activity, "
             "CITE: Citation prediction, REC: Recommendation, Avg. average over all tasks.",
             "CLS | USR | CITE | REC | Avg.",
             "Full model | 84.2 | 88.4 | 91.5 | 36.9 | 80.0",
             "− abstract | 82.2 | 72.2 | 73.6 | 34.5 | 68.1",
             "+ venue | 84.5 | 88.0 | 91.2 | 36.7 | 79.9",
             "Start w/ BERT-Large | 81.7 | 85.9 | 87.8 | 36.1 | 77.5"]


def _shown(n: int, sentences: list[str], best: int = 0) -> Evidence:
    return Evidence(n=n, paper=PAPER, chunk_id=f"c{n}", sentences=sentences, best=best)


def _first(evidence: list[Evidence], question: str) -> str:
    return extractive_answer(evidence, question, AnswerSettings(max_sentences=1))[0].text


def test_a_count_written_out_answers_how_many_and_digits_inside_a_name_do_not():
    evidence = [_shown(1, ["We use the standard data splits of the SemEval-2017 Task 10 on entity extraction.",
                           "Annotations were collected and only instances where three or more annotators agree on "
                           "the label are included."])]
    quote = _first(evidence, "How many annotators had to agree for an instance to be included in the evaluation?")
    assert "three or more" in quote


def test_a_column_is_named_by_a_word_it_abbreviates_or_by_the_captions_legend():
    head = ABLATIONS[:2]
    assert names_a_column(head, "What overall average does the model get without the abstract?")  # Avg. = average
    assert names_a_column(head, "What user-activity score does it reach?")  # USR: User activity, in the caption
    assert not names_a_column(head, "Which pretrained model does it start from?")
    assert not names_a_column(["Table 4: F1 of two models.", "CS | Bio"], "What user-activity average is reported?")


def test_the_row_and_column_a_question_names_are_quoted_before_prose_sharing_its_words():
    prose = _shown(1, ["Our evaluation of the learned representations on predicting user activity is shown in "
                       "the User activity columns of Table 1.",
                       "Adding venues to the input slightly decreases the average performance."])
    table = _shown(2, ABLATIONS)
    quote = _first([prose, table], "In the ablation table, what user-activity average is obtained with venue "
                                   "added to the input?")
    assert quote.startswith("+ venue: CLS 84.5, USR 88.0") and quote.endswith("[2].")
    quote = _first([prose, table], "What overall average is obtained when the abstract is removed?")
    assert quote.startswith("− abstract:") and "Avg. 68.1" in quote


def test_a_model_answer_naming_the_row_but_not_its_figure_gets_the_row_quoted():
    prose = _shown(1, ["Using a general-domain language model (BERT-Large) instead of a scientific one reduces "
                       "performance considerably."])
    evidence = [_shown(2, ABLATIONS, best=5), prose]
    question = "Starting from BERT-Large rather than the scientific model: what CITE average does Table 2 show?"
    said = AnswerSentence(text="Starting from BERT-Large reduces performance considerably [1].", citations=[1],
                          supported=True, support=0.8, origin="model")
    answer = Answer(question=question, standalone_question=question, answer="", sentences=[said], evidence=evidence)
    added = typed_complement(answer, question, AnswerSettings())
    assert added is not None and "CITE 87.8" in added.text and added.citations == [2]
    # An answer that already gives the row's figures gets nothing more.
    said.text = "Start w/ BERT-Large scores 81.7, 85.9, 87.8, 36.1 and 77.5 [2]."
    said.citations = [2]
    assert typed_complement(answer, question, AnswerSettings()) is None


def test_what_the_question_takes_as_given_does_not_make_a_line_its_answer():
    instances = [_shown(1, ["Two instances are trained on the BC5CDR and CHEMDNER datasets to extract biomedical "
                            "entity mentions such as diseases and drugs.",
                            "The third instance is trained on mention labels induced from Wikipedia articles."])]
    assert "Wikipedia" in _first(instances, "Besides the two biomedical instances, what data is the third deployed "
                                            "instance trained on?")
    conditioning = [_shown(1, ["A policy trained on pick-and-place tasks does not transfer to folding.",
                               "Trajectory sketches can condition the policy; they can be specified through drawings "
                               "or videos."])]
    question = ("A policy trained on pick-and-place usually can't fold cloth. What conditioning is proposed instead, "
                "and how can it be specified?")
    assert "drawings" in _first(conditioning, question)
    # A background sentence still names the topic, at a lower weight: it tells lines apart when the asking words do not.
    assert "Wikipedia" in _first(instances, "The third instance. What data is it trained on?")


def test_a_line_shown_in_two_passages_is_quoted_once():
    line = "We evaluate a simple model-free algorithm coupled with auxiliary predictive objectives."
    evidence = [_shown(1, [line, "It scales to many tasks."]), _shown(2, [line])]
    quotes = [q.text for q in extractive_answer(evidence, "Which model-free algorithm is evaluated?", AnswerSettings())]
    assert len(quotes) == len(set(q.rsplit(" [", 1)[0] for q in quotes)) == 2


def test_a_line_going_on_about_the_one_before_shares_its_relevance():
    evidence = [_shown(1, ["In this work we formalize speculative sampling as constrained optimization.",
                           "Typical acceptance sampling accepts more draft tokens using entropy-based heuristics.",
                           "However, this approach distorts the verifier distribution and may degrade quality.",
                           "We report results on three benchmarks."])]
    quotes = [q.text for q in extractive_answer(evidence, "What is the downside of typical acceptance sampling?",
                                                AnswerSettings(max_sentences=2))]
    assert any("distorts" in q for q in quotes)


def test_a_line_setting_the_named_attribute_to_a_value_is_quoted_first():
    evidence = [_shown(1, ["When computing term weights we used scikit-learn's TfidfVectorizer for every baseline.",
                           "The other parameters were set as follows: min_df=3, max_df=0.75, norm=None."]),
                _shown(2, ["Following prior work we used SIF features as node representations for the graph model.",
                           "For the node features, we chose the SIF model with a = 0.0001, a high-performing one."])]
    assert "max_df=0.75" in _first(evidence, "What max_df setting was passed to TfidfVectorizer for the baselines?")
    assert "a = 0.0001" in _first(evidence[1:], "Which SIF weighting parameter a was picked for the node features?")
    # A one-letter name the question uses as an article names nothing.
    assert "a = 0.0001" not in _first(evidence[1:], "Is a graph model used with SIF node representations?")
