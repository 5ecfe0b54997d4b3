"""The small print under an answer (issue 11): the filters it was limited to, and the question as understood."""

from __future__ import annotations

from rag.filters import Filters
from rag.records import Answer
from ui.manage import answer_notes


def test_filters_and_the_standalone_question_are_shown_under_the_answer():
    answer = Answer(question="Who are its authors?", standalone_question="Who are its authors? (about: TokMem)",
                    answer="a", applied_filters=["author: Lili Mou"])
    notes = answer_notes(answer, Filters(year="2025-"))
    assert "Filters: year: 2025-; author: Lili Mou" in notes
    assert "Understood as: Who are its authors? (about: TokMem)" in notes


def test_nothing_is_added_when_there_is_nothing_to_say():
    answer = Answer(question="What is DA-AC?", standalone_question="What is DA-AC?", answer="a")
    assert answer_notes(answer, None) == ""
