"""Completing a model's answer with a quote of what it skipped.

The small model's kept sentences may be true to a passage and still miss what was asked: a number for "how many", a
name for "which tool", or the line that holds the question's own words. The quote added is a shown line of the
papers the answer already cites (rag/extractive.py ranks them), so it is always true to the papers.
"""

from __future__ import annotations

import re

from rag.citations import parse_markers
from rag.config import AnswerSettings
from rag.extractive import NAMED, holds_candidate, quote_lines, ranked_lines
from rag.quantities import NOT_A_QUANTITY, count_words
from rag.question_words import question_stems, stems
from rag.records import Answer, AnswerSentence


def complement(answer: Answer, question: str, settings: AnswerSettings) -> AnswerSentence | None:
    """The quote that completes the model's answer: of the kind asked for if it lacks that (`typed_complement`),
    else one holding the question's own words it leaves out (`focus_complement`); the lines ranked once."""
    found = _best_quote(answer, question, settings)
    return None if found is None else _typed(found, question) or _focus(found, question)


def typed_complement(answer: Answer, question: str, settings: AnswerSettings) -> AnswerSentence | None:
    """The best shown line of the kind asked for (a number for "how many", a name for "which tool"), quoted and
    cited, when the model's kept sentences do not already say what it says; None otherwise.

    The model may write a number or name of its own choosing (the wrong one of several shown): the quote is added
    unless every candidate in it already stands in the answer."""
    found = _best_quote(answer, question, settings)
    return None if found is None else _typed(found, question)


def _typed(found: tuple, question: str) -> AnswerSentence | None:
    kept, kind, ranked, best, claim, _ = found
    if ranked[0][NAMED] and not _candidates("number", claim, question) <= _candidates("number", kept, question):
        # The question names a table row and column ("what CITE average does Table 2 show for BERT-Large"): the
        # asked value is that row's figure, whatever kind of question it reads as. Added unless the answer has it.
        return best
    if not holds_candidate(kind, claim, question) or claim in kept:
        return None
    if kind in ("number", "name") and not _candidates(kind, claim, question) <= _candidates(kind, kept, question):
        return best
    return None if holds_candidate(kind, kept, question) else best


_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")
# Acronyms, CamelCase and names with digits (SVM, AllenNLP, GPT-4): a capitalised first word of a sentence is no name.
_NAMES = re.compile(r"\b[A-Z][A-Za-z]*[A-Z0-9][\w-]*")


def _candidates(kind: str, text: str, question: str) -> set[str]:
    """The numbers (for a number question) or capitalised names (for a name question) in `text` the question lacks."""
    asked = question.casefold()
    if kind == "number":
        plain = NOT_A_QUANTITY.sub(" ", text)
        found = _NUMBERS.findall(plain) + count_words(plain, question)
    else:
        found = _NAMES.findall(text)
    return {f.casefold() for f in found if f.casefold() not in asked}


FOCUS_WORDS = 2  # question words a quote must add to the model's sentences to be worth adding


def focus_complement(answer: Answer, question: str, settings: AnswerSettings) -> AnswerSentence | None:
    """The best shown line of the papers the answer cites, quoted, when it holds at least FOCUS_WORDS of the question's
    own words (not its paper's title words) that the model's kept sentences leave out; None otherwise.

    The small model's kept sentence may be true to its passage and still say something else than was asked ("AsyPPO
    improves stability over PPO" for "what is done with advantages where the critics agree"), while a shown line holds
    what the question asks about."""
    found = _best_quote(answer, question, settings)
    return None if found is None else _focus(found, question)


def _focus(found: tuple, question: str) -> AnswerSentence | None:
    kept, _, _, best, claim, title = found
    own = question_stems(question) - stems(title)
    added = (stems(claim) & own) - stems(kept)
    return best if claim not in kept and len(added) >= FOCUS_WORDS else None


def _best_quote(answer: Answer, question: str, settings: AnswerSettings) -> tuple | None:
    """(the model's kept text, the asked kind, the ranked lines, the best quote, its text, its paper's title) over the
    papers the answer already cites (any of their passages): a line from another paper would answer something else."""
    kept = " ".join(parse_markers(s.text)[0] for s in answer.sentences if s.supported)
    cited = {n for s in answer.sentences if s.supported for n in s.citations}
    papers = {e.paper.paper_id for e in answer.evidence if e.n in cited}
    shown = [e for e in answer.evidence if e.paper.paper_id in papers]
    kind, ranked = ranked_lines(shown, question)
    quotes = quote_lines(shown, kind, ranked, settings)
    if not quotes:
        return None
    best = quotes[0]
    title = next(e.paper.title for e in shown if e.n == best.citations[0])
    return kept, kind, ranked, best, parse_markers(best.text)[0], title
