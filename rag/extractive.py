"""Quoting the shown evidence: which line answers the question.

Used when the model's answer fails the checker (the extractive fallback), for the closest passages, and to
complete a model answer that skipped what was asked (rag/complement.py). Every quote is a shown sentence, or a
shown table row read under its column header (rag/table_quotes.py): always true to the papers.
"""

from __future__ import annotations

import re

from rag.answerability import CLAUSE, expected_type, has_candidate
from rag.citations import with_markers
from rag.chunking import HEADER_LABELS
from rag.config import AnswerSettings
from rag.evidence_pinned import PINNED
from rag.quantities import NOT_A_QUANTITY, count_words, counts_in
from rag.question_words import holds_number, idf_weights, question_stems, stems
from rag.records import AnswerSentence, Evidence
from rag.table_quotes import CELL, names_a_column, quote_row, table_lines

_ASIDE = re.compile(r"^\s*(?:besides|apart from|aside from|other than|except for|beyond)\b([^,?]*),", re.I)


# A line that goes on about the one before it: a pronoun or 'such' at its start, after a linking word.
_GOES_ON = re.compile(r"^(?:(?:however|moreover|thus|also|instead|in addition),?\s+)?"
                      r"(?:it|its|this|these|they|their|such|neither|the latter)\b", re.I)
GOES_ON_SHARE = 0.8  # as evidence selection's _continued

BACKGROUND = 0.3  # weight of a word said only in the question's background sentences: its topic, not what it asks


def _given(question: str) -> dict[str, float]:
    """Weights of the question's words only in what it takes as given: a leading aside, excluded by the question itself
    ("Besides GRPO, which objective ...": 0), and its sentences before the last, its background ("PPO stalls in
    non-stationary settings. Is there a fix?": BACKGROUND). None when the question itself has no word of its own."""
    parts = [part for part in re.split(r"(?<=[.!?])\s+", question.strip()) if part]
    if not parts:
        return {}
    aside = _ASIDE.match(parts[-1])
    asked = question_stems(parts[-1][aside.end():] if aside else parts[-1])
    if not asked:
        return {}
    weights = {w: BACKGROUND for w in question_stems(" ".join(parts[:-1])) - asked}
    weights.update({w: 0.0 for w in question_stems(aside.group(1)) - asked} if aside else {})
    return weights


_ASSIGNED = re.compile(r"(?<![\w.])([A-Za-z_][\w-]*)\s*(?:=|:=|≈)\s*[-−]?\d")


def assigns(line: str, question: str) -> bool:
    """The line sets an attribute the question names to a number: 'min_df=3, max_df=0.75' for "what max_df setting",
    'a = 0.0001' for "which weighting parameter a". A one-letter name counts only when the question introduces it
    ("parameter a", "the value of k"): as a word it is an article."""
    asked = question.casefold()
    for name in (n.casefold() for n in _ASSIGNED.findall(line)):
        if len(name) > 1 and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", asked):
            return True
        if len(name) == 1 and re.search(rf"\b(?:parameter|variable|coefficient|constant|value of|hyperparameter)\s+"
                                        rf"{re.escape(name)}\b", asked):
            return True
    return False


def holds_candidate(kind: str, line: str, question: str) -> bool:
    """The line holds something of the asked kind the question does not already say; for a number, one that is no
    citation year, reference number or section, table or equation number."""
    if kind == "number":
        line = NOT_A_QUANTITY.sub(" ", line)
        asked = question.casefold()
        return (holds_number(line) and has_candidate(kind, line, question)) \
            or any(word.casefold() not in asked for word in count_words(line, question))
    return has_candidate(kind, line, question)


def _lines(evidence: list[Evidence]) -> list[tuple[Evidence, int, str]]:
    """(passage, line index, text to quote) for every line worth quoting: a table's rows, not its caption.
    A row is weighed by its own cells (the caption, the same for every row, would tell none apart)."""
    out = []
    for item in evidence:
        head, rows = table_lines(item)
        if head:
            out += [(item, i, quote_row(head, item.sentences[i])) for i in rows]
        else:
            out += [(item, i, sentence) for i, sentence in enumerate(item.sentences)]
    return out


def extractive_answer(evidence: list[Evidence], question: str, settings: AnswerSettings) -> list[AnswerSentence]:
    """The shown lines most likely to answer, quoted and cited, best first.

    A line ranks first by coming from the best-retrieved paper (a number quoted from a second paper for a one-paper
    question is a wrong answer with a wrong citation), then by whether it holds a candidate of the kind the question
    asks for (a number for "how many", a name for "which dataset"), then by the question's own words it holds (not its
    paper's title words), weighted by how rare each is among the shown lines: "Neoplasms" sets a line apart, "SPECTER"
    does not. A question for papers gets one quote per paper, with the title written out, since there the title is
    the answer (the eval gives quoted titles no credit).
    """
    return quote_lines(evidence, *ranked_lines(evidence, question), settings)


_OVERLAP = 4  # place of the weighted share of the question's own words a line holds
NAMED = 3  # place of the 'a table row the question names by its label and column' flag in a ranked line


def quote_lines(evidence: list[Evidence], kind: str, ranked: list[tuple], settings: AnswerSettings) -> list[AnswerSentence]:
    """`extractive_answer` from lines already ranked (`ranked_lines`), so a caller that reads the ranking ranks once."""
    # A line shown twice (a paper's listing abstract and its PDF's, two overlapping passages) is quoted once.
    ranked = [r for j, r in enumerate(ranked) if all(r[-2] != q[-2] for q in ranked[:j])]
    if kind != "paper":
        # The first paper's lines come first; a place they leave goes to another paper only for a line holding the
        # question's words at least as well as the first paper's best: a weaker one (the next paper's "two-stage
        # training strategy" for a question on the first paper's second stage) answers something else, with a
        # citation of a paper the question is not about.
        lead_best = max((r[_OVERLAP] for r in ranked if r[0]), default=0.0)
        ranked = [r for r in ranked if r[0] or r[_OVERLAP] >= lead_best]
    chosen = ranked[: settings.max_sentences]
    titles = {item.n: item.paper.title for item in evidence}
    paper_of = {item.n: item.paper.paper_id for item in evidence}
    named: set[str] = set()
    if kind == "paper":
        # Each paper's first quote names it by its title; the places fewer papers leave go to their next prose lines
        # (what a lone paper does with the topic is rarely all in one sentence), read under the paper they quote.
        firsts = [r for j, r in enumerate(ranked) if all(paper_of[r[-1]] != paper_of[q[-1]] for q in ranked[:j])]
        chosen = firsts[: settings.max_sentences]
        chosen += [r for r in ranked if r not in chosen and r[1]][: settings.max_sentences - len(chosen)]
        order = [paper_of[r[-1]] for r in firsts]
        chosen.sort(key=lambda r: order.index(paper_of[r[-1]]))

    def quote(text: str, n: int) -> str:
        if kind != "paper" or paper_of[n] in named:
            return with_markers(text, [n])
        named.add(paper_of[n])
        return with_markers(f'"{titles[n]}": {text}', [n])

    return [AnswerSentence(text=quote(text, n), citations=[n], supported=True, support=1.0, origin="extractive")
            for *_, text, n in chosen]




def ranked_lines(evidence: list[Evidence], question: str) -> tuple[str, list[tuple]]:
    """(the asked kind, the shown lines as sort keys ending in (text, passage number), best first)."""
    kind = expected_type(question)
    if not evidence:
        return kind, []
    lines = _lines(evidence)
    words = question_stems(question)
    found = [stems(item.sentences[i]) & words for item, i, _ in lines]
    idf = idf_weights(words, found)
    lead = evidence[0].paper.paper_id
    given = _given(question)
    columns = {item.n: names_a_column(table_lines(item)[0], question) for item in evidence}
    ranked = []
    for (item, i, text), present in zip(lines, found):
        # A question for papers names its topic, often a title word ("Which papers use GFlowNets?"): there the
        # quote should show the topic in the paper's own prose, so title words count and header lines come last.
        own = words if kind == "paper" else words - stems(item.paper.title)
        prose = kind != "paper" or not text.startswith(HEADER_LABELS)
        # Words of what the question takes as given ("Besides the two biomedical instances, ...", a sentence of
        # background before the question itself) do not make a line an answer: the line restating them is the premise.
        weight = {w: given.get(w, 1.0) * idf[w] for w in own}
        total = sum(weight.values()) or 1.0
        overlap = sum(weight[w] for w in present & own) / total
        if i and text is item.sentences[i] and _GOES_ON.match(text):
            # "However, this approach distorts the verifier distribution" says what the line before it is about (as
            # evidence selection reads it, rag/evidence.py): it shares that line's relevance.
            before = stems(item.sentences[i - 1]) & own
            overlap = max(overlap, GOES_ON_SHARE * sum(weight[w] for w in before) / total)
        first = item.paper.paper_id == lead or kind == "paper"
        # The object the question names as where its answer is printed ('footnote 14 of SPECTER: …') is quoted before
        # any other line of its paper (rag/evidence_pinned.py): 2 ranks above the lead paper's True.
        first = 2 if item.chunk_id.startswith(PINNED) else first
        # A table row the question names by its label and column ("the yield of the hybrid approach" -> "Hybrid |
        # 91.5 | 1990 | ..." under "prec. | yield") holds the asked figure, though the prose about it shares more words.
        # A row's label may be the paper's own name ("SPECTER (Ours)"): there the title's words count.
        named = text is not item.sentences[i] and columns.get(item.n, False) \
            and bool(stems(item.sentences[i].split(CELL)[0]) & words)
        # So does a line setting the attribute the question names to a value ("max_df=0.75", "a = 0.0001").
        named = named or assigns(text, question)
        # And a number counted in the unit the question asks in ("how long ..., in tokens" -> "up to 10M tokens").
        named = named or (kind == "number" and counts_in(text, question))
        # For a "how" question every relevant line is a candidate (answerability's CLAUSE kinds): its loose pattern
        # ("using", "train", "framework") only breaks ties of the question's words, never outranks them.
        typed = holds_candidate(kind, text, question)
        loose = kind in CLAUSE
        ranked.append((first, prose, loose or typed, named, round(overlap, 3), loose and typed, i == item.best, -item.n,
                       -i, text, item.n))
    ranked.sort(reverse=True)
    return kind, ranked
