"""A model that copies its prompt's passage frame or says a sentence twice gives no answer sentence for it: the real
seed library and checker, a scripted backend in place of the model (it writes what a small model was seen writing)."""

from __future__ import annotations

import re

from rag.answer import Answerer
from rag.llm import LLM, Usage

QUESTION = "How does GTR reshape the trust region of PPO?"


class Scripted(LLM):
    """A backend that replies with `reply(prompt)`: the real LLM interface, no model."""

    backend, model, context_window = "embedded", "scripted", 4096

    def __init__(self, reply):
        self.reply = reply
        self.calls = 0

    def stream(self, messages, *, max_tokens=256, temperature=0.0, stop=None):
        self.calls += 1
        yield self.reply(messages[-1]["content"])
        return Usage(prompt_tokens=100, completion_tokens=20, stopped="stop")


def _first_passage(prompt: str) -> tuple[str, str]:
    title, text = re.search(r'\[1\] From "([^"]+)": <<(.+?)>>', prompt, re.S).groups()
    return title, text


def test_a_copy_of_the_prompts_passage_frame_is_removed_and_the_passage_quoted_instead(seeded):
    def echo(prompt: str) -> str:
        title, text = _first_passage(prompt)
        return f'The passage is: From "{title}": <<{text.split(". ")[0]}. [1]'

    llm = Scripted(echo)
    answer = Answerer(seeded, llm).ask(QUESTION)
    assert llm.calls == 1, "the question is answered by the model, not from the catalog or refused"
    assert answer.answer and "<<" not in answer.answer and "From \"" not in answer.answer
    assert any("<<" in s for s in answer.unsupported_sentences)
    assert answer.fallback and all(s.origin == "extractive" for s in answer.sentences if s.supported)


def test_a_sentence_said_twice_is_kept_once(seeded):
    def twice(prompt: str) -> str:
        sentence = _first_passage(prompt)[1].split(". ")[0].rstrip(".")
        return f"{sentence} [1]. {sentence} [1]."

    llm = Scripted(twice)
    answer = Answerer(seeded, llm).ask(QUESTION)
    kept = [s.text for s in answer.sentences if s.supported and s.origin == "model"]
    assert llm.calls == 1 and len(kept) == 1
    assert len(answer.unsupported_sentences) == 1 and answer.unsupported_sentences[0].rstrip(".") in kept[0]
