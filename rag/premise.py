"""A question's presupposition, checked against the paper it asks about (issue 10: false premises).

"Why does X need labelled data?" takes "X needs labelled data" as given. When the paper says otherwise the
reader must learn that first, not get the closest passages quoted as if the premise held. The statement is
read out of the question's structure (a 'why' / 'how come' question's clause, a leading 'since / given
that' clause, a statement put before a question: "X needs Y — where does Y come from?"), and the claim
checker (rag/checking) reads it against the whole text of the papers the question retrieved (not only
the sentences shown), the way `rag verify` checks a sentence. Only a 'contradicted' verdict counts: a
premise the paper does not state is common for true premises too (the reason is paraphrased), so it says
nothing here.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass

from rag.checking import Checker, ClaimCheck
from rag.checking.sources import PaperTexts
from rag.citations import parse_markers
from rag.containment import presupposed, question_proper
from rag.records import AnswerSentence, Evidence, PremiseNote

# "What makes X better than Y?" presupposes "X better than Y".
_MAKES = re.compile(r"^\s*what\s+(?:makes|made|lets|let|allows|allowed|enables|enabled)\s+(.{8,})$", re.IGNORECASE)
# "How does X avoid Y?" presupposes "X avoids Y"; "how many / much / well / long ..." ask for an amount instead.
_HOW = re.compile(r"^\s*how\s+(?:do|does|did|is|are|was|were|can|could)\s+", re.IGNORECASE)
# A statement, then its question: "X needs Y — where does Y come from?", "X used Z, right? why so many?"
_QUESTION_WORD = r"(?:why|how|what|which|who|where|when|is|are|does|do|did|can|could|right)\b"
# A colon or a bare '?' mostly follows a topic, not a claim ("SciBERT fine-tuned on X: what ... does it get?").
_STATED = re.compile(rf"^\s*(.{{12,}}?)\s*(?:—|–| - |;|, right\?)\s*{_QUESTION_WORD}", re.IGNORECASE)
# "Which X did Y use?", "How much X does Y give up?" presuppose "Y use X", "Y give up X".
_WHICH = re.compile(r"^\s*(?:which|what|how much|how many)\s+((?:(?!(?:do|does|did|is|are|was|were)\b)[\w'-]+\s+){1,6}?)"
                    r"(?:do|does|did|is|are|was|were)\s+(.{8,})$", re.IGNORECASE)
_STARTS_AS_QUESTION = re.compile(rf"^\s*(?:{_QUESTION_WORD}|in|on|for|to|at|with|from|according)\b", re.IGNORECASE)


# What the question contrasts its premise with is no part of it: "Why X rather than Y?" takes X as given, and the
# contrast word would read as a negation of the paper's "X" sentence. An enclosed contrast ("X, unlike Y, needs Z",
# "X (unlike Y) needs Z") goes first, so what follows it stays; then a trailing one. Not 'while': "X forgets A while
# learning B" mostly takes the whole as given.
_CONTRAST_WORDS = r"(?:rather than|instead of|even though|although|in favou?r of|as opposed to|unlike)"
_ENCLOSED_CONTRAST = re.compile(rf"\s*(?:,\s*{_CONTRAST_WORDS}\b[^,;()]*,|\(\s*{_CONTRAST_WORDS}\b[^()]*\))\s*",
                                re.IGNORECASE)
_CONTRAST = re.compile(rf"[,;]?\s+\b{_CONTRAST_WORDS}\b.*$", re.IGNORECASE)
# The forms checked when answering; 'which' and 'how' questions were measured and flagged too many answerable
# questions (eval/results/premise/README.md): "How does X avoid Y?" mostly asks how, it does not presuppose.
CHECKED = ("given", "stated", "why", "how_come", "makes")


@dataclass(frozen=True)
class Presupposition:
    statement: str  # what the question takes as given, as a statement
    form: str  # which structure it was read from: given, stated, why, how_come, makes, which, how


def presupposition(question: str) -> Presupposition | None:
    """What the question takes as given, or None when it presupposes nothing checkable ('What is X?')."""
    found = _presupposition(question)
    if found is None:
        return None
    statement = _CONTRAST.sub("", _ENCLOSED_CONTRAST.sub(" ", found.statement)).strip()
    return Presupposition(statement, found.form) if len(statement) >= 8 else None


def _presupposition(question: str) -> Presupposition | None:
    read = presupposed(question)  # given, how come, why: the reader the answerability signals share
    if read:
        return Presupposition(*read)
    # The forms below never read a question starting 'why' / 'how come' ('Why BM25?' stays None): order is free.
    text = question_proper(question)
    stated = _STATED.match(text)
    if stated and not _STARTS_AS_QUESTION.match(text):
        return Presupposition(stated.group(1).strip().rstrip(",;"), "stated")
    makes = _MAKES.match(text.rstrip("?"))
    if makes:
        return Presupposition(makes.group(1).strip(), "makes")
    which = _WHICH.match(text.rstrip("?"))
    if which:
        return Presupposition(f"{which.group(2).strip()} {which.group(1).strip()}", "which")
    if _HOW.match(text):
        return Presupposition(_HOW.sub("", text.rstrip("?"), count=1).strip(), "how")
    return None


@dataclass(frozen=True)
class PremiseVerdict:
    presupposition: Presupposition
    check: ClaimCheck  # the checker's verdict on the statement against the question's papers
    paper_id: str | None

    @property
    def contradicted(self) -> bool:
        return self.check.verdict == "contradicted"


def check_premise(question: str, paper_ids: list[str], checker: Checker, texts: PaperTexts,
                  forms: tuple[str, ...] | None = CHECKED) -> PremiseVerdict | None:
    """The checker's verdict on the question's presupposition against the papers it retrieved (their whole text,
    the sentences sharing most of its words), or None when it presupposes nothing or names no known paper."""
    found = presupposition(question)
    if found is None or (forms is not None and found.form not in forms):
        return None
    return _verdict(found, paper_ids, checker, texts)


def _verdict(found: Presupposition, paper_ids: list[str], checker: Checker, texts: PaperTexts) -> PremiseVerdict | None:
    papers = [p for p in dict.fromkeys(paper_ids) if p in texts.papers]
    if not papers:
        return None
    candidates = [texts.passages(p, found.statement) for p in papers]
    title = texts.papers[papers[0]].title if len(papers) == 1 else ""
    result = checker.check(found.statement, candidates, title=title, question="")
    return PremiseVerdict(found, result, result.key if isinstance(result.key, str) else None)


PREMISE_NOTE = "The paper says otherwise:"


class Premises:
    """The premise check at answer time: the checker and the papers' sentences made once per library snapshot
    (the checker loads its model on the first question that presupposes something, not before). One per library
    (`premises_for`): the UI makes an Answerer per question. It holds no reference to its library, so the library
    can go (`_BY_LIBRARY` is keyed weakly by it)."""

    def __init__(self):
        self._checker: Checker | None = None
        self._texts: PaperTexts | None = None
        self._papers: object = None  # the snapshot's paper list the texts were read from
        self._lock = threading.Lock()  # UI questions run in threads: one checker and one reading per snapshot

    def contradicted(self, question: str, evidence: list[Evidence], view) -> tuple[PremiseNote, Evidence | None] | None:
        """The note and, when the contradicting sentence is not shown already, a passage holding it, numbered after the
        evidence (None: the note cites the shown passage's number); None when the question presupposes nothing
        checked or its first paper does not contradict it. `view` is the question's library snapshot."""
        found = presupposition(question)
        if found is None or found.form not in CHECKED or not evidence:
            return None
        paper = evidence[0].paper  # the paper the question is about, the only one checked
        checker, texts = self._texts_for(view)
        verdict = _verdict(found, [paper.paper_id], checker, texts)
        if verdict is None or not verdict.contradicted or verdict.paper_id != paper.paper_id or not verdict.check.span:
            return None
        span = verdict.check.span
        shown = next((e for e in evidence if e.paper.paper_id == paper.paper_id and span in e.sentences), None)
        passage = None
        if shown is None:
            chunk = next((c for c in view.chunks_by_paper.get(paper.paper_id, []) if span in c.passage), None)
            passage = Evidence(n=max(e.n for e in evidence) + 1, paper=paper, chunk_id=chunk.chunk_id if chunk else "",
                               sentences=[span], section=chunk.section if chunk else "",
                               page=chunk.page if chunk else None)
        note = PremiseNote(statement=found.statement, passage=span, n=(shown or passage).n, title=paper.title,
                           paper_id=paper.paper_id, reason=verdict.check.reason)
        return note, passage

    def _texts_for(self, view) -> tuple[Checker, PaperTexts]:
        with self._lock:
            if self._checker is None:
                self._checker = Checker(view.embedder)
            if self._texts is None or self._papers is not view.papers:
                self._texts = PaperTexts(self._checker, view.papers, view.chunks_by_paper)
                self._papers = view.papers
            return self._checker, self._texts


_BY_LIBRARY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_BY_LIBRARY_LOCK = threading.Lock()


def premises_for(library) -> Premises:
    """The library's one Premises, so its checker and read sentences outlive an Answerer."""
    with _BY_LIBRARY_LOCK:
        found = _BY_LIBRARY.get(library)
        if found is None:
            found = _BY_LIBRARY[library] = Premises()
        return found


def without_premise_passage(sentences: list[AnswerSentence], note: PremiseNote) -> list[AnswerSentence]:
    """The closest-passage quotes without the one the premise note already quotes (a quote ends in a full stop, and
    one of a question for papers starts with its paper's title)."""
    passage = " ".join(note.passage.split()).rstrip(".")
    return [s for s in sentences if not _quotes(parse_markers(s.text)[0].rstrip("."), passage)]


def _quotes(claim: str, passage: str) -> bool:
    return claim == passage or claim.endswith(f'": {passage}')


def premise_sentence(note: PremiseNote) -> AnswerSentence:
    """The note as the answer's first sentence: the paper's own words, quoted and cited."""
    return AnswerSentence(text=f'{PREMISE_NOTE} "{note.passage}" [{note.n}]', citations=[note.n], supported=True,
                          origin="extractive")
