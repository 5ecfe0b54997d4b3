"""A library paper as something to check claims against: its sentences, embedded once and cached.

A full PDF has hundreds of sentences; embedding them all for every claim would cost seconds. The
claim's own words pick the sentences worth embedding (BM25-like overlap), and embeddings are kept
per sentence so a second claim about the same paper embeds only what is new.
"""

from __future__ import annotations

import numpy as np

from rag.checking.checker import Checker, Passages
from rag.records import Chunk, Paper, normalize_title
from rag.text import split_sentences, word_tokens

PROSE = ("abstract", "body", "table")


class PaperTexts:
    """Sentences of each paper of a library, with an embedding cache shared by all claims."""

    def __init__(self, checker: Checker, papers: list[Paper], chunks_by_paper: dict[str, list[Chunk]],
                 max_sentences: int = 40):
        self.checker = checker
        self.papers = {p.paper_id: p for p in papers}
        self.chunks_by_paper = chunks_by_paper
        self.max_sentences = max_sentences
        self._by_title = {normalize_title(p.title): p for p in papers}
        self._sentences: dict[str, list[str]] = {}
        self._vectors: dict[str, np.ndarray] = {}

    def find(self, title: str) -> Paper | None:
        """The paper with this title (normalised), or the one whose title holds nearly all of its words."""
        key = normalize_title(title)
        if key in self._by_title:
            return self._by_title[key]
        words = set(key.split())
        best = max(self._by_title.items(), key=lambda kv: len(words & set(kv[0].split())), default=None)
        if best and words and len(words & set(best[0].split())) >= 0.8 * max(len(words), len(best[0].split())):
            return best[1]
        return None

    def sentences(self, paper_id: str) -> list[str]:
        if paper_id not in self._sentences:
            paper = self.papers[paper_id]
            chunks = [c for c in self.chunks_by_paper.get(paper_id, []) if c.kind in PROSE]
            found = [s for c in chunks for s in split_sentences(c.passage)] or split_sentences(paper.abstract)
            self._sentences[paper_id] = list(dict.fromkeys(found))
        return self._sentences[paper_id]

    def passages(self, paper_id: str, claim: str) -> Passages:
        """The paper's sentences closest in words to the claim (all of them for an abstract)."""
        paper = self.papers[paper_id]
        sentences = self.sentences(paper_id)
        chosen = sentences
        if len(sentences) > self.max_sentences:
            claim_words = set(word_tokens(claim))
            order = sorted(range(len(sentences)),
                           key=lambda i: -len(claim_words & set(word_tokens(sentences[i]))))
            keep = sorted(order[: self.max_sentences])
            chosen = [sentences[i] for i in keep]
        # Authors are names the paper mentions: "Tsirigotis et al. show ..." names no stranger.
        context = " ".join([*paper.author_names, *sentences])
        return Passages(key=paper_id, title=paper.title, sentences=chosen, vectors=self._embed(chosen), context=context,
                        authors=" ".join(paper.author_names), abstract=paper.abstract)

    def _embed(self, sentences: list[str]) -> np.ndarray:
        new = [s for s in sentences if s not in self._vectors]
        if new:
            for s, v in zip(new, self.checker.embedder.embed(new)):
                self._vectors[s] = v
        if not sentences:
            return np.zeros((0, self.checker.embedder.dimensions), np.float32)
        return np.stack([self._vectors[s] for s in sentences])


def library_texts(checker: Checker, library) -> PaperTexts:
    view = library.view()
    return PaperTexts(checker, view.papers, view.chunks_by_paper)
