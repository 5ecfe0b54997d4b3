"""The one author and organisation matcher: who a question names, and which papers are theirs.

Built once per snapshot from the same walk over the papers, it answers three readers:
- `papers_named`: papers whose author's full name (or organisation tag) the question contains; a signal for
  the answerer and one input of the answerability model (rag/abstain.py), which was fitted with it;
- `word_scores`: papers scored by the name words the question uses, rarer words weighing more; the
  retriever's metadata list, fused with the dense and BM25 lists;
- `printed` and `surnames`: names as the pages print them, profile owners included, which the catalog planner
  (rag/planner.py) grounds a question's people in; `by_author` says whether a paper is theirs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from rag.records import Paper, normalize_title
from rag.text import STOPWORDS

_NAME_WORD = re.compile(r"[^\W\d_]+")


def _name_words(text: str) -> set[str]:
    return {w for w in _NAME_WORD.findall(text.casefold()) if len(w) > 1 and w not in STOPWORDS}


class AuthorIndex:
    def __init__(self, papers: Iterable[Paper]):
        self.full: dict[str, set[str]] = defaultdict(set)  # normalised full name or organisation -> paper ids
        self.printed: dict[str, str] = {}  # normalised full name -> name as printed (profile owners too)
        self.surnames: dict[str, set[str]] = {}  # surname as printed -> full names
        postings: dict[str, set[str]] = defaultdict(set)
        for paper in papers:
            names = paper.author_names + ([paper.organisation] if paper.organisation else [])
            for name in names:
                if name == paper.organisation or len(name.split()) > 1:
                    self.full[normalize_title(name)].add(paper.paper_id)
                for word in _name_words(name):
                    postings[word].add(paper.paper_id)
            for name in paper.author_names + ([paper.profile_of] if paper.profile_of else []):
                self._add_printed(name)
        self._words = {word: (pids, 1.0 / len(pids)) for word, pids in postings.items()}

    def _add_printed(self, name: str) -> None:
        key = normalize_title(name)
        if len(key.split()) < 2:
            return
        self.printed.setdefault(key, name)
        surname = name.split()[-1]
        if len(surname) >= 3:
            self.surnames.setdefault(surname, set()).add(name)

    def papers_named(self, query: str) -> set[str]:
        """Papers by an author whose full name, or from an organisation whose tag, the query contains."""
        padded = f" {normalize_title(query)} "
        return {pid for name, pids in self.full.items() if f" {name} " in padded for pid in pids}

    def word_scores(self, query: str) -> dict[str, float]:
        """paper id -> the summed weight (1 / papers sharing the word) of the author and organisation words the
        query uses: a surname alone finds its papers, a common first name barely counts."""
        scores: dict[str, float] = defaultdict(float)
        for word in _name_words(query):
            pids, weight = self._words.get(word, ((), 0.0))
            for pid in pids:
                scores[pid] += weight
        return dict(scores)


def _initial(word: str) -> bool:
    return len(word.strip(".")) == 1


def given_of(name: str) -> set[str]:
    """A printed name's given names, normalised: its first word and, when that is an initial ('J Ross Mitchell'), the
    first word that is not ('ross'); a hyphenated one whole ('marie-francine' -> 'marie francine' as normalised)."""
    words = name.split()
    if len(words) < 2:
        return set()
    found = {normalize_title(words[0])}
    if _initial(words[0]):
        found |= {normalize_title(w) for w in words[1:-1][:1] if not _initial(w)}
    return found - {""}


def surname_of(name: str) -> str:
    """A printed name's surname, normalised: its last word ('Ricky T. Q. Chen' -> 'chen')."""
    words = normalize_title(name).split()
    return words[-1] if len(words) >= 2 else ""


def by_author(paper: Paper, name: str) -> bool:
    """Printed on its author line, or listed on that author's own profile page."""
    key = normalize_title(name)
    return any(normalize_title(n) == key for n in paper.author_names) or (
        paper.profile_of is not None and normalize_title(paper.profile_of) == key)


def marked_names(paper: Paper, mark: str) -> str:
    """' (Arman Cohan, Sergey Feldman)': the printed names that carry a note's mark, so that who shares it (the
    equal-contribution pair) is said with the note; '' when no printed name carries it."""
    names = [a.name for a in paper.authors if mark in a.marks]
    return f" ({', '.join(names)})" if names else ""


def email_of(name: str, emails: list[str]) -> str | None:
    """The one printed e-mail address whose local part spells `name` as prefixes of its parts in order ('plewis' for
    Patrick Lewis, 'bcgl' for Benjamin Charles Germain Lee, 'danqic' for Danqi Chen, 'vladk' for Vladimir Karpukhin,
    'ruochen_zhang'); None when no address, or more than one, spells it. An address is a name's only when the
    spelling is unambiguous and says the name: a part spelled to three letters or more (or whole, 'Wu'), or every part's
    initial and nothing else. Letters of two letters or fewer from each part also spell generic addresses ('info' is
    I(ngrid) N(ora) Fo(ster)), which are nobody's."""
    parts = [re.sub(r"[^a-z]", "", w) for w in _fold(name).split()]
    parts = [p for p in parts if p]
    found = [e for e in emails if len(local := re.sub(r"[^a-z]", "", _fold(e.split("@")[0]))) >= 3
             and local[0] in {p[0] for p in parts} and any(_says(pieces, parts) for pieces in _spellings(local, parts))]
    return found[0] if len(found) == 1 else None


def _says(pieces: list[str], parts: list[str]) -> bool:
    """Whether one spelling (a prefix of each part, possibly empty) says the name rather than a few of its letters."""
    if any(len(piece) >= 3 or (len(piece) == 2 and piece == part) for piece, part in zip(pieces, parts)):  # 'lwu'
        return True
    return len(parts) >= 3 and all(len(piece) == 1 for piece in pieces)  # 'bcgl': every initial, in order


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _spellings(local: str, parts: list[str]) -> list[list[str]]:
    """Every way `local` is the name parts' prefixes (each possibly empty) joined in order, as the prefixes."""
    if not parts:
        return [] if local else [[]]
    head, rest = parts[0], parts[1:]
    return [[local[:k], *more] for k in range(min(len(head), len(local)), -1, -1) if local.startswith(head[:k])
            for more in _spellings(local[k:], rest)]
