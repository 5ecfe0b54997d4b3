"""Follow-ups: resolved to the paper an earlier answer cited, never grown by pasting earlier questions in."""

from __future__ import annotations

from rag.conversation import Turn, needs_paper, standalone
from rag.retrieve import MAX_QUERY_CHARS, check_query

CITED = Turn(question="Which paper proposes Gaussian trust regions for PPO?", standalone_question="q", answer="a",
             cited_titles=["Local Guidance, Global Impact: Gaussian-Reshaped Trust Region Unlocks Behavior Transitions"])


def refused(question: str) -> Turn:
    return Turn(question=question, standalone_question=question, answer="The papers here don't answer that.")


def test_follow_up_names_the_cited_paper():
    assert standalone("What are its results?", [CITED]).endswith(f"(about: {CITED.cited_titles[0]})")


def test_follow_up_after_a_refused_turn_does_not_double_in_length():
    long_question = "Explain the method " + "in great detail " * 120  # ~2,000 characters
    history = [refused(long_question)]
    for _ in range(3):
        question = standalone("And what are its limits?", history)
        check_query(question)  # would raise past MAX_QUERY_CHARS
        history.append(refused(question))
    assert len(question) < 100 < MAX_QUERY_CHARS


def test_refused_turn_keeps_pointing_at_the_last_cited_paper():
    assert CITED.cited_titles[0] in standalone("Who wrote it?", [CITED, refused("What about LoRA?")])


def test_pronoun_with_nothing_to_point_to_needs_a_paper():
    assert needs_paper("Who are its authors?", [])
    assert needs_paper("What does this paper propose?", [refused("hello")])
    assert not needs_paper("Who are its authors?", [CITED])
    assert not needs_paper("What is DA-AC and which continuous-control algorithm is it built on?", [])
    assert not needs_paper("What do these papers propose?", [], filtered=True)
