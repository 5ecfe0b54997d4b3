"""Verify any text against the library: each sentence supported, contradicted or unsupported, with its passage.

A sentence that names its source — a title (or most of its words), "(Author, Year)", "Author et al.
(Year)", an arXiv id — is checked against that paper only. One that names none is checked against
the papers the library's search finds for it, and the most decisive passage wins (one that supports
it, else one that contradicts it). The checker is the one answers use (rag/checking).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from rag.checking import Checker
from rag.checking.sources import PaperTexts, library_texts
from rag.citations import parse_markers
from rag.errors import RagError
from rag.records import Paper, normalize_title
from rag.text import split_sentences, word_tokens

MAX_CHARS = 20_000
_ARXIV = re.compile(r"\b(?:arXiv:\s*)?(\d{4}\.\d{4,5})(?:v\d+)?\b", re.IGNORECASE)
_SURNAME = r"([A-Z][A-Za-z'\-]+)"
# "(Vaswani et al., 2017)", "(Smith and Jones, 2020)", "Vaswani et al. (2017)", "Smith (2020)"
_AUTHOR_YEAR = re.compile(
    rf"\(\s*{_SURNAME}(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][A-Za-z'\-]+)?,?\s+((?:19|20)\d\d)[a-z]?\s*[);]"
    rf"|{_SURNAME}(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][A-Za-z'\-]+)?\s+\(\s*((?:19|20)\d\d)[a-z]?\s*\)")


class VerifyError(RagError):
    """The text given to verify cannot be checked (empty or too long)."""


@dataclass
class SentenceCheck:
    text: str
    verdict: str
    title: str | None
    paper_id: str | None
    passage: str
    score: float
    reason: str
    source_named: bool

    def to_json(self) -> dict:
        return asdict(self)


class Verifier:
    def __init__(self, library, checker: Checker | None = None, k: int = 5):
        self.library = library
        self.checker = checker or Checker(library.embedder)
        self.texts: PaperTexts = library_texts(self.checker, library)
        self.k = k

    def verify(self, text: str) -> list[SentenceCheck]:
        text = text.strip()
        if not text:
            raise VerifyError("nothing to verify — give the text as an argument or pipe it with `rag verify -`")
        if len(text) > MAX_CHARS:
            raise VerifyError(f"the text is {len(text)} characters; verify at most {MAX_CHARS} at a time")
        return [self.sentence(s) for s in split_sentences(text)]

    def sentence(self, sentence: str) -> SentenceCheck:
        claim, _ = parse_markers(sentence)
        named = named_papers(claim, self.texts.papers.values())
        claim = without_references(claim)
        papers = named or self._retrieved(claim)
        candidates = [self.texts.passages(p.paper_id, claim) for p in papers]
        title = papers[0].title if named and len(named) == 1 else ""
        result = self.checker.check(claim, candidates, title=title)
        paper = self.texts.papers.get(result.key) if result.key is not None else None
        if paper is None and papers:
            paper = papers[0]
        return SentenceCheck(text=sentence, verdict=result.verdict, title=paper.title if paper else None,
                             paper_id=paper.paper_id if paper else None, passage=result.span, score=result.score,
                             reason=result.reason, source_named=bool(named))

    def _retrieved(self, claim: str) -> list[Paper]:
        hits = self.library.search(claim, k=self.k)
        return [self.texts.papers[h.paper.paper_id] for h in hits if h.paper.paper_id in self.texts.papers]


def named_papers(sentence: str, papers) -> list[Paper]:
    """Papers the sentence names: an arXiv id, a title or most of its words, or an author with the year."""
    papers = list(papers)
    ids = {m.group(1) for m in _ARXIV.finditer(sentence)}
    found = [p for p in papers if p.arxiv_id and p.arxiv_id.split("v")[0] in ids]
    if found:
        return found
    found = _by_title(sentence, papers)
    if found:
        return found
    cited = [(m.group(1) or m.group(3), int(m.group(2) or m.group(4))) for m in _AUTHOR_YEAR.finditer(sentence)]
    return [p for p in papers if any(_has_author(p, surname) and p.year == year for surname, year in cited)]


def without_references(sentence: str) -> str:
    """The claim without its citations: "(Cohan et al., 2020)" and arXiv ids are not numbers it states."""
    text = _AUTHOR_YEAR.sub(lambda m: m.group(3) or "", sentence)
    text = _ARXIV.sub("", text)
    text = re.sub(r"\(\s*[;,]?\s*\)", "", text)
    return " ".join(text.split()).replace(" .", ".").replace(" ,", ",")


def _by_title(sentence: str, papers: list[Paper]) -> list[Paper]:
    flat = f" {normalize_title(sentence)} "
    exact = [p for p in papers if len(normalize_title(p.title)) > 8 and f" {normalize_title(p.title)} " in flat]
    if exact:
        return exact
    words = set(word_tokens(sentence))
    scored = []
    for paper in papers:
        title = set(word_tokens(paper.title))
        if len(title) >= 3 and len(title & words) >= 0.8 * len(title):
            scored.append((len(title & words) / len(title), paper))
    best = max((s for s, _ in scored), default=0)
    return [p for s, p in scored if s == best]


def _has_author(paper: Paper, surname: str) -> bool:
    surname = surname.casefold()
    return any(name.casefold().split()[-1:] == [surname] for name in paper.author_names if name.split())


def verify_text(library, text: str) -> list[SentenceCheck]:
    return Verifier(library).verify(text)
