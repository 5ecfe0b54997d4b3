"""Does the evidence contain the answer, or only the paper? Signals for answerability beyond word overlap.

A question about a paper in the library that asks for a detail the paper never gives (a compute
budget, a learning rate, a score on one split) shares its topic words with the paper's passages:
overlap and cosine say "answerable". What tells it apart is whether the question's *specific*
words — its content words other than the paper's title words — appear, together with a candidate of
the asked answer type, in one evidence sentence, and whether they appear anywhere in what was
retrieved from that paper. A false premise ("Why does X fail to ...?") shares nearly every word
with a sentence that says the opposite: the question turned into a statement is read against the
closest sentences with the claim checker's structural signals (negation, direction, numbers).

Pure functions of the question, the shown evidence and the retrieved chunks; words are compared as
six-letter stems (like the checker), weighted by their idf over the library's chunks.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rag.asked import measure_asked
from rag.binding import BINDING_FEATURES, focus_generic, measure_unbound, shape_of, value_unbound
from rag.checking.negation import direction_flip, negation_flip, polarity_flip
from rag.checking.quantities import number_signals
from rag.checking.words import stems
from rag.text import split_sentences

CONTAINMENT_FEATURES = (
    "containment",        # best sentence holding an answer-type candidate AND the question's specific words (idf share)
    "specific_best",      # the same share in the best sentence, candidate or not
    "specific_in_paper",  # idf share of the specific words anywhere in the retrieved passages of the evidence paper
    "premise_conflict",   # the question as a statement is contradicted (negation/direction/number) by a close sentence
    "focus_gap",          # a typed question (number, name, person): the attribute asked ("dropout rate") missing from
                          # every sentence with a candidate of that type
    "focus_gap_open",     # the same for an untyped question ("what weaknesses …"): its answer is a clause, any sentence
                          # may hold it, so the gap only says the attribute's words are not together near one sentence
    "focus_gap_tight",    # a typed question: the attribute asked missing from every single sentence with a candidate
                          # (no neighbours: a long paper's prose holds numbers in most windows)
    "focus_absent",       # the attribute asked missing from the retrieved passages of the evidence papers
    "papers_holding",     # a question for papers: share of the (≤ 3) shown papers whose title and text hold its topic
    "topic_spread",       # the idf share of the question's words that the shown papers hold only together, not one
                          # of them alone: an absent topic pieced together from several papers' words (0 for a
                          # question for papers, whose answer is several papers)
    *BINDING_FEATURES,    # the attribute asked bound to a value of its shape in a short span (rag/binding.py)
)
# A paper holds a question's topic when its title and retrieved text hold this idf share of the question's words.
HOLDING_SHARE = 0.5

# The form of a question, not its object: stripped before the question is read as a statement.
_LEAD = re.compile(r"^\s*(?:(?:why|how come|how|what|which|who|whom|whose|when|where|to what extent|in what way)\b"
                   r"(?:\s+\w+){0,2}?\s+)?(?:do|does|did|is|are|was|were|can|could|has|have|had|will|would|should)\s+",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Shown:
    """What answerability sees of one evidence passage: its paper, its sentences, and more of the paper."""

    paper_id: str
    title: str
    sentences: tuple[str, ...]
    retrieved: str = ""  # the text of every retrieved chunk of this paper
    abstract: str | None = None  # the paper's abstract (None: not known)



def specific_words(content: list[str], title: str) -> list[str]:
    """The question's content words that are not the paper's title words: what it asks about the paper."""
    topic = stems(title)
    return list(dict.fromkeys(w for w in content if w[:6] not in topic))


def _share(words: list[str], present: set[str], idf: dict[str, float]) -> float:
    total = sum(idf[w] for w in words)
    return sum(idf[w] for w in words if w[:6] in present) / total if total else 0.0


def idf_of(words: list[str], df: dict[str, int], chunks: int) -> dict[str, float]:
    """Smoothed idf over the library's chunks: a word no chunk uses weighs most."""
    return {w: math.log(1 + (chunks + 1) / (1 + df.get(w, 0))) for w in words}


def as_statement(question: str) -> str:
    """'Why does X fail to beat Y?' -> 'X fail to beat Y': the presupposition, for the checker's signals."""
    return _LEAD.sub("", question.strip().rstrip("?"), count=1)


# The one presupposition reader (rag/premise.py reads its other forms after these and checks what it reads).
# "In HyPO, why is ...": a leading phrase that sets the scope; the question proper follows it.
_SCOPE = re.compile(r"^\s*(?:in|for|within)\s+[^,?]{2,60},\s*(?=(?:why|how|what|which)\b)", re.IGNORECASE)
# A clause the question takes as given, before its question: "Since X needs Y, how ...", "Given that X, what ...".
_GIVEN = re.compile(r"^\s*(?:since|given that|given|because|as|now that|considering that)\s+(.{8,}?),\s*(?=\w)",
                    re.IGNORECASE)
_WHY = re.compile(r"^\s*(?:why|for what reason)\b", re.IGNORECASE)
_HOW_COME = re.compile(r"^\s*how come\s+", re.IGNORECASE)  # no auxiliary follows: "How come X needs Y?"
PREMISE_SENTENCES = 3  # the evidence sentences sharing most of the premise's words that the cross-encoder reads


def question_proper(question: str) -> str:
    """The question on one line of single spaces, without a leading phrase that sets its scope ("In HyPO, ")."""
    return _SCOPE.sub("", " ".join(question.split()), count=1)


def presupposed(question: str) -> tuple[str, str] | None:
    """(statement, form) of what the question takes as given: a leading 'since / given that' clause ('given'), what
    a 'how come' or 'why' question asks the reason of ('how_come', 'why': 'Why did X beat Y?' -> 'X beat Y'); None
    when it has none of these forms or a 'why' without an auxiliary ('Why BM25?') states nothing."""
    text = question_proper(question)
    given = _GIVEN.match(text)
    if given:
        return given.group(1).strip(), "given"
    come = _HOW_COME.match(text)
    if come:
        return text[come.end():].strip().rstrip("?"), "how_come"
    if _WHY.match(text):
        statement = as_statement(text)
        return (statement, "why") if statement != text.rstrip("?") else None
    return None


def premise_statement(question: str) -> str:
    """What the question presupposes, as a statement (`presupposed`); '' when it presupposes nothing checkable
    (a 'what' or 'how many' question asks, a yes/no question's statement is the open question itself)."""
    found = presupposed(question)
    return found[0] if found else ""


def _sharing_most(words: set[str], sentences: list[str], n: int) -> list[str]:
    """The n sentences sharing most of these stems (ties in page order)."""
    return sorted(sentences, key=lambda s: -len(words & stems(s)))[:n]


def premise_contradicted(question: str, sentences: list[str], probabilities) -> float:
    """The claim checker's cross-encoder P(contradicted) of the question's premise against the evidence sentences
    sharing most of its words (the best of `PREMISE_SENTENCES`); 0 when the question presupposes nothing.
    `probabilities(pairs)` gives (n, 3) P(supported, contradicted, unsupported) (rag/checking/crossencoder.py).
    A premise the evidence merely does not state is no signal here: most true 'why' premises are paraphrased
    where the paper gives the reason, so the checker reads them as unsupported too."""
    statement = premise_statement(question)
    words = stems(statement)
    if not words or not sentences:
        return 0.0
    ranked = _sharing_most(words, sentences, PREMISE_SENTENCES)
    return float(max(p[1] for p in probabilities([(statement, s) for s in ranked])))


def premise_conflict(question: str, sentences: list[str]) -> float:
    """How much of the question a sentence shares while saying the opposite (0 when none does).

    The two sentences sharing most of the statement's words are read with the checker's negation,
    direction and number signals; the score is that sentence's word overlap (a flip in a sentence about
    something else is no conflict)."""
    statement = as_statement(question)
    words = stems(statement)
    if not words or not sentences:
        return 0.0
    ranked = _sharing_most(words, sentences, 2)
    best = 0.0
    for sentence in ranked:
        overlap = len(words & stems(sentence)) / len(words)
        _, numbers = number_signals(statement, sentence, sentence)
        if negation_flip(statement, sentence) or direction_flip(statement, sentence) or \
                polarity_flip(statement, sentence) or numbers:
            best = max(best, overlap)
    return best


def holding_papers(content: list[str], shown: list[Shown], idf: dict[str, float]) -> set[str]:
    """The shown papers about the question's topic: their title with one passage of their abstract (a sentence and
    its neighbours) holds `HOLDING_SHARE` of its words. What a paper is about is its title and abstract: a long
    paper uses most words somewhere ("test time" in a retrieval paper's evaluation is no test-time adaptation).
    Without a known abstract, the shown and retrieved passages stand in for it."""
    holding = set()
    for item in shown:
        title = stems(item.title)
        about = item.abstract if item.abstract else " ".join([*item.sentences, item.retrieved])
        sentences = split_sentences(about) or [""]
        if any(_share(content, title | stems(" ".join(sentences[max(0, i - 1): i + 2])), idf) >= HOLDING_SHARE
               for i in range(len(sentences))):
            holding.add(item.paper_id)
    return holding


def containment_signals(question: str, content: list[str], shown: list[Shown], df: dict[str, int], chunks: int,
                        has_candidate, focus: list[str] = (), papers: bool = False,
                        typed: bool = True) -> dict[str, float]:
    """The signals of `CONTAINMENT_FEATURES`, each the best over the evidence papers.

    `content` are the question's content words (rag/answerability.py); `has_candidate(sentence)` says
    whether a sentence holds a candidate of the asked type; `focus` is the attribute asked (rag/asked.py);
    `papers` says the question asks for papers of the library, whose titles are then evidence too: the
    title of a paper about the topic is the answer, not words to discount. `typed` says the answer is a typed
    candidate (a number, a name, a person): the focus gap then reads sentences with such a candidate; an untyped
    question's gap is a signal of its own (`focus_gap_open`), weighed apart, since on a long paper the attribute
    of a clause answer ("weaknesses", "advantage") is often paraphrased where the answer stands."""
    values = dict.fromkeys(CONTAINMENT_FEATURES, 0.0)
    idf = idf_of(list(dict.fromkeys([*content, *focus])), df, chunks)
    focus = [w for w in focus if w in idf]
    if focus:  # no attribute asked (why, how, yes/no): nothing is missing; the specific words speak for the question
        held, tight, anywhere = 0.0, 0.0, 0.0
        for item in shown:
            held, tight, anywhere = _focus_signals((held, tight, anywhere), focus, item, idf, has_candidate)
        values["focus_gap" if typed else "focus_gap_open"], values["focus_absent"] = 1 - held, 1 - anywhere
        values["focus_gap_tight"] = 1 - tight if typed else 0.0
        # A typed answer, or an attribute whose value has a shape (a date, a version, a rate): a clause answer
        # ("what two weaknesses") binds no value, so the signal would only say it is a clause.
        if typed or shape_of(focus) is not None:
            values["value_unbound"] = min(
                value_unbound(question, focus, specific_words(content, item.title), list(item.sentences), idf,
                              has_candidate if typed else None) for item in shown) if shown else 1.0
        values["focus_generic"] = max((focus_generic(question, focus, list(item.sentences)) for item in shown),
                                      default=0.0)
    elif measure := measure_asked(question):
        # "how long / how accurate": the question word is the attribute, a unit of its dimension its value
        values["value_unbound"] = min(
            measure_unbound(question, measure, specific_words(content, item.title), list(item.sentences), idf)
            for item in shown) if shown else 1.0
    for item in shown:
        specific = content if papers else specific_words(content, item.title)
        if not specific:  # the question is only the title: any passage of the paper is about it
            values["containment"] = values["specific_best"] = values["specific_in_paper"] = 1.0
            continue
        sentences = list(item.sentences)
        title = stems(item.title) if papers else set()
        for i, sentence in enumerate(sentences):
            # A candidate and the words it answers may sit in neighbouring sentences ("We train on 8 GPUs. This takes ...").
            window = stems(" ".join(sentences[max(0, i - 1): i + 2])) | title
            share = _share(specific, window, idf)
            values["specific_best"] = max(values["specific_best"], share)
            if has_candidate(sentence):
                values["containment"] = max(values["containment"], share)
        everywhere = stems(" ".join([item.retrieved, *sentences])) | title
        values["specific_in_paper"] = max(values["specific_in_paper"], _share(specific, everywhere, idf))
    values["premise_conflict"] = premise_conflict(question, [s for item in shown for s in item.sentences])
    if not papers and shown:
        values["topic_spread"] = topic_spread(content, shown, idf)
    if papers and shown:
        distinct = list({item.paper_id: item for item in shown}.values())
        values["papers_holding"] = len(holding_papers(content, distinct, idf)) / len(distinct)
    return values


def topic_spread(content: list[str], shown: list[Shown], idf: dict[str, float]) -> float:
    """The share of the question's words held by the shown papers together minus the most one paper holds (its
    title, shown and retrieved text): 0 when one paper holds all the others do; high when the question's topic
    exists here only as words scattered over several papers ("session-based recommendation with graph neural
    networks" over a recommender paper and a GNN paper)."""
    by_paper: dict[str, set[str]] = {}
    for item in shown:  # a paper may give several passages: what it holds is all of them
        by_paper.setdefault(item.paper_id, set()).update(stems(" ".join([item.title, item.retrieved, *item.sentences])))
    held = list(by_paper.values())
    return max(0.0, _share(content, set().union(*held), idf) - max(_share(content, h, idf) for h in held))


def _focus_signals(best: tuple[float, float, float], focus: list[str], item: Shown, idf: dict[str, float],
                   has_candidate) -> tuple[float, float, float]:
    """The best share of the attribute asked next to a candidate (a table row may hold it below its header), in
    the candidate's own sentence, and anywhere in the paper's retrieved passages, updated with one passage."""
    held, tight, anywhere = best
    sentences = list(item.sentences)
    for i, sentence in enumerate(sentences):
        if has_candidate(sentence):
            held = max(held, _share(focus, stems(" ".join(sentences[max(0, i - 1): i + 2])), idf))
            tight = max(tight, _share(focus, stems(sentence), idf))
    return held, tight, max(anywhere, _share(focus, stems(" ".join([item.retrieved, *sentences])), idf))
