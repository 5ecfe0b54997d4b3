"""Quoting the evidence: the line that holds what was asked, a table row under its column header, and a model
answer completed only when it misses the quoted figure (hand-made passages; no model)."""

from __future__ import annotations

from rag.config import AnswerSettings
from rag.complement import typed_complement
from rag.extractive import extractive_answer
from rag.records import Answer, AnswerSentence, Evidence, Paper, paper_id_for
from rag.table_quotes import quote_row, table_lines

TITLE = "SPECTER: Document-level Representation Learning"
PAPER = Paper(paper_id=paper_id_for(TITLE), title=TITLE)
OTHER = Paper(paper_id=paper_id_for("Another Paper"), title="Another Paper")
TABLE = ["Table 4: Bag of Concepts F1 of the baseline and neural model.", "Model | CS | Bio",
         "Baseline | 84.2 | 54.2", "Neural | 84.6 | 85.8"]


def _shown(n: int, sentences: list[str], paper: Paper = PAPER, best: int = 0) -> Evidence:
    return Evidence(n=n, paper=paper, chunk_id=f"c{n}", sentences=sentences, best=best)


def _first(evidence: list[Evidence], question: str) -> str:
    return extractive_answer(evidence, question, AnswerSettings(max_sentences=1))[0].text


def test_a_table_row_is_quoted_under_its_column_header_and_never_the_caption():
    assert table_lines(_shown(1, TABLE)) == (TABLE[:2], [2, 3])
    assert quote_row(TABLE[:2], "Neural | 84.6 | 85.8") == \
        "Neural: CS 84.6, Bio 85.8 (Table 4: Bag of Concepts F1 of the baseline and neural model)"
    # A header that does not line up with the row (it spans several printed lines) leaves the row as printed.
    assert quote_row(["Table 1: Results.", "Task | Classification | Citation"], "SGC | 76.8 | 82.7 | 91.6 | 96.2") == \
        "Table 1: Results: SGC | 76.8 | 82.7 | 91.6 | 96.2"
    # A header without a label column ("CS | Bio" over "Baseline | 84.2 | 54.2") names the values after the label.
    assert quote_row(["Table 4: F1.", "CS | Bio"], "Baseline | 84.2 | 54.2") == "Baseline: CS 84.2, Bio 54.2 (Table 4: F1)"
    quote = _first([_shown(1, TABLE)], "What Bag of Concepts F1 does the neural model get on Bio?")
    assert quote.startswith("Neural: CS 84.6, Bio 85.8") and quote.endswith("[1].")


def test_the_line_with_the_rare_question_word_and_a_number_is_quoted_not_the_papers_topic():
    evidence = [_shown(1, ["SPECTER embeds papers with a transformer trained on citations in 2020.",
                           "The most populated category is Neoplasms with 5.4K instances, 23.3% of the dataset.",
                           "SPECTER papers are classified into categories with SPECTER embeddings."])]
    quote = _first(evidence, "Which category has the most papers in SPECTER's dataset and what share of it?")
    assert "23.3%" in quote


def test_a_number_question_is_not_answered_by_a_citation_year_or_a_table_number():
    evidence = [_shown(1, ["We implement the tagger following Gardner et al. (2018), see Table 2.",
                           "The tagger was trained on two thousand sentences."])]
    assert _first(evidence, "How many sentences was the tagger trained on?").startswith("The tagger was trained on two")


def test_every_passage_of_the_first_paper_outranks_a_second_papers_line():
    evidence = [_shown(1, ["SPECTER is trained on citations."]),
                _shown(2, ["Another model was trained on 12 million pairs."], paper=OTHER),
                _shown(3, ["This process results in about 684K training triples."])]
    assert "684K" in _first(evidence, "How many training triples were used?")


def test_a_model_answer_with_another_number_gets_the_quoted_figure_and_one_with_it_gets_nothing():
    evidence = [_shown(1, ["For each query paper we construct up to 5 training triples.",
                           "This process results in about 684K training triples."], best=1)]
    question = "Roughly how many training triples were there in all?"
    wrong = Answer(question=question, standalone_question=question, answer="", evidence=evidence,
                   sentences=[AnswerSentence(text="There were 5 training triples [1].", citations=[1])])
    assert typed_complement(wrong, question, AnswerSettings()).text == \
        "This process results in about 684K training triples [1]."
    right = wrong.model_copy(update={"sentences": [AnswerSentence(text="About 684K triples [1].", citations=[1])]})
    assert typed_complement(right, question, AnswerSettings()) is None


def test_a_header_over_several_lines_is_never_quoted_as_an_answer():
    table = ["Table 1: Results on 7 tasks.", "Task → | Classification | Citation prediction",
             "Model ↓ / Metric → | F1 | MAP", "SGC (2019a) | 76.8 | 91.6"]
    assert table_lines(_shown(1, table)) == (table[:3], [3])
    quote = _first([_shown(1, table)], "Which model has the highest MAP on citation prediction?")
    assert quote.startswith("SGC (2019a)") and "91.6" in quote


def test_a_model_answer_is_completed_from_any_passage_of_the_paper_it_cites():
    evidence = [_shown(1, ["We run our final tests on a held-out set of 54K documents."]),
                _shown(2, ["This labeling process succeeds for 76% of the documents."], best=0)]
    question = "For what fraction of documents does the labeling process succeed?"
    answer = Answer(question=question, standalone_question=question, answer="", evidence=evidence,
                    sentences=[AnswerSentence(text="It was tested on 54K documents [1].", citations=[1])])
    assert typed_complement(answer, question, AnswerSettings()).text.startswith("This labeling process succeeds for 76%")


def test_a_row_the_question_names_by_label_and_column_is_quoted_before_the_prose_about_it():
    table = ["Table 2: Document-level evaluation of three approaches.", "Approach | CS | Bio",
             "prec. | yield | prec. | yield", "Statistical | 98.4 | 712 | 94.4 | 928", "Hybrid | 91.5 | 1990 | 92.1 | 3126"]
    prose = _shown(1, ["The hybrid approach consistently gives the highest yield of entities, but sacrifices precision."])
    quote = _first([prose, _shown(2, table)], "What yield of entities does the hybrid approach reach on Bio papers?")
    assert quote.startswith("Hybrid:") and "3126" in quote
    # The same row named without a column of its table ('how many query papers') leaves the prose first.
    counts = _shown(1, ["The co-view data for the hybrid approach holds 65K query papers."])
    quote = _first([counts, _shown(2, table)], "How many query papers does the hybrid approach's data hold?")
    assert "65K" in quote


RESULTS = ["Table 1: Results on the SCIDOCS evaluation suite consisting of 7 tasks.",
           "Task → | Classification | Recomm.", "Subtask → | MAG | MeSH | Avg.",
           "Model ↓ / Metric → | F1 | F1 | nDCG | P@1",
           "SGC (2019a) | 76.8 | 82.7 | 52.7 | 18.2 | 76.9", "SPECTER (Ours) | 82.0 | 86.4 | 53.9 | 20.0 | 80.0"]


def test_a_row_under_a_header_of_several_lines_one_name_short_is_quoted_as_printed_never_shifted():
    head = RESULTS[:4]
    # Pairing "Model ↓ / Metric →" with the first figure would put 53.9 under P@1: quoted as printed instead.
    assert quote_row(head, RESULTS[5]) == f"{RESULTS[0].rstrip('.')}: {RESULTS[5]}"


def test_a_row_labelled_with_the_papers_own_name_is_quoted_for_a_column_the_question_names():
    evidence = [_shown(1, ["We report propensity-adjusted versions of the standard ranking metrics P@1 and nDCG.",
                           "Table 1 presents the main results corresponding to our evaluation tasks."]),
                _shown(2, RESULTS, best=5)]
    quotes = extractive_answer(evidence, "What is SPECTER's P@1 on the recommendation task in the main results table?",
                               AnswerSettings())
    assert "20.0" in quotes[0].text and quotes[0].citations == [2]


def test_for_a_how_question_the_line_with_the_asked_words_outranks_one_matching_the_method_pattern():
    evidence = [_shown(1, ["In addition to our training data, we release all the datasets of the evaluation tasks.",
                           "We use a dataset of user clickthrough data for this task.",
                           "We partitioned the examples temporally into train, validation, and test sets."])]
    quotes = extractive_answer(evidence, "How was the clickthrough data split into train, validation and test?",
                               AnswerSettings())
    assert "partitioned" in quotes[0].text


def test_a_question_for_papers_quotes_each_papers_prose_on_the_topic_not_its_header_or_a_link():
    # The topic is a title word here ("GFlowNets"): a quote from the header ("Authors: ...") or a line that only
    # shares a link with it would not show what the paper does with it.
    flows = Paper(paper_id=paper_id_for("Distributional GFlowNets with Quantile Flows"),
                  title="Distributional GFlowNets with Quantile Flows")
    evidence = [_shown(1, ["Title: Distributional GFlowNets with Quantile Flows",
                           "Authors: Dinghuai Zhang, Ling Pan, Ricky T. Q. Chen et al."], paper=flows),
                _shown(2, ["Our code is open-sourced at https://github.com/example/flows.",
                           "We learn GFlowNets whose edge flows are distributions, trained with a quantile loss."],
                       paper=flows)]
    quote = _first(evidence, "Which papers use GFlowNets?")
    assert quote.startswith('"Distributional GFlowNets with Quantile Flows": We learn GFlowNets whose edge flows')
    assert quote.endswith("[2].")
