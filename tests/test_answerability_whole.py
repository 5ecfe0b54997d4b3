"""Whole-paper signals (eval/answerability_whole.py, measured and not adopted): what the closest paper says anywhere
in its text, not only in the passages shown. Made-up papers and questions; every word equally common, so the shares
are plain word shares."""

import sys
from pathlib import Path

from rag.answerability import content_words

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
from answerability_whole import paper_sentences, whole_paper_of  # noqa: E402

TITLE = "Quill: Retrieval-Augmented Summaries of Clinical Trial Reports"
PASSAGES = [
    "We fine-tune Quill with AdamW for 3 epochs on 4 A100 GPUs, with a warmup ratio of 0.06.",
    "The retriever indexes 1.2M trial reports; summaries are judged by two pharmacists.",
    "Table 2: Summary quality on the held-out trials.\nSystem | ROUGE-L | Faithfulness\nQuill | 41.3 | 0.87\n"
    "Extractive baseline | 35.0 | 0.91",
]


def whole(question: str, passages=PASSAGES, kind: str = "number") -> dict[str, float]:
    words = content_words(question)
    df = {w: 3 for w in [*words, "rouge", "faithfulness", "warmup", "ratio", "clipping"]}
    return whole_paper_of(question, kind, TITLE, passages, df, 100, words)


def test_a_detail_the_paper_gives_in_a_passage_not_shown_is_there():
    given = whole("Which warmup ratio does Quill use?")
    assert given["specific_whole"] == 1.0 and given["rarest_absent_whole"] == 0.0
    assert given["focus_whole"] == 1.0 and given["unbound_whole"] == 0.0  # "warmup ratio of 0.06" binds a rate


def test_a_detail_the_paper_never_gives_is_missing_from_every_chunk():
    absent = whole("What gradient clipping norm did the Quill authors use?")
    assert absent["rarest_absent_whole"] == 1.0 and absent["specific_whole"] < 0.5
    assert absent["focus_whole"] < 1.0 and absent["unbound_whole"] == 1.0


def test_an_attribute_the_paper_names_without_its_value_stays_unbound():
    # "pharmacists" is named, but no count of them: the number near it ("two") is the only candidate
    named = whole("What inter-rater agreement did the pharmacists reach on the Quill summaries?")
    assert named["specific_whole"] > 0.0 and named["unbound_whole"] == 1.0


def test_a_table_row_under_its_header_binds_the_column_asked():
    row = whole("What faithfulness does the extractive baseline reach?")
    assert row["unbound_whole"] < 0.5
    assert "Quill | 41.3 | 0.87" in paper_sentences(PASSAGES)  # a table's lines stay rows under their header


def test_a_how_long_question_binds_a_duration_anywhere_in_the_paper():
    assert whole("How long was Quill fine-tuned?")["unbound_whole"] < 1.0  # "3 epochs"
    assert whole("How long does Quill take to index the reports?", PASSAGES[1:])["unbound_whole"] == 1.0


def test_no_paper_text_reads_as_nothing_missing():
    assert whole("What gradient clipping norm did the Quill authors use?", []) == {
        "specific_whole": 1.0, "rarest_absent_whole": 0.0, "focus_whole": 1.0, "unbound_whole": 0.0}
