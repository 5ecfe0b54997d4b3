"""The records a PDF prints about its makers, as values that pool and compare across PDFs: the people of its byline,
the organisations they are printed at (and the shorter names a question gives them: 'the Allen Institute', 'the Allen
School'), the e-mail addresses with the domains they are under, and the venue words a PDF may be named by.

Each pooled field gives, per PDF, its values as (key, shown) pairs: the key is what makes two printed values one
(the same person printed on two bylines, an institute printed under two spellings), the shown form is the shortest
spelling printed. `merged` says that rule in words, so an answer can say how names were merged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rag import rx
from rag.catalog_emails import emails
from rag.organisations import AFFILIATION, ORGANISATION_SPELLINGS, author_at, organisation_variants
from rag.plan_terms import fold
from rag.records import Paper


def is_pdf(paper: Paper) -> bool:
    """The paper was read from an uploaded PDF (not a listing page's entry)."""
    return any(s.format == "pdf" for s in paper.sources)


def venue_words(paper: Paper) -> list[str]:
    """The venue a PDF prints, as words a question may name the paper by beside its title ('NAACL 2018')."""
    printed = paper.venue_line.printed.text if paper.venue_line and paper.venue_line.printed else ""
    publisher = paper.venue_line.publisher if paper.venue_line and paper.venue_line.publisher else ""
    acronym = "".join(w[0] for w in publisher.split() if w[0].isupper())  # 'Association for Computational …': ACL
    return [w for w in (paper.venue or "", printed, acronym if len(acronym) > 1 else "") if w]


def person_key(name: str) -> str:
    """One person however their name is set: accents, case, dots and hyphens aside ('Barlas Oğuz' is 'barlas oguz')."""
    return " ".join(rx.findall(r"[a-z0-9]+", fold(name).casefold()))


def institution_key(name: str) -> str:
    """One institution however it is printed: a school printed with its university counts as the university ('Paul
    G. Allen School …, University of Washington' is the University of Washington), and a short spelling the
    field uses as the long one ('Allen Institute for AI' is 'Allen Institute for Artificial Intelligence')."""
    parts = [p.strip() for p in name.split(",") if p.strip()]
    universities = [p for p in parts if rx.search(r"\buniversit", p, re.I)]
    named = universities[-1] if universities else next((p for p in parts if AFFILIATION.search(p)), name)
    key = " ".join(fold(named).casefold().replace("&", " and ").split()).removeprefix("the ")
    for long, short in ORGANISATION_SPELLINGS:
        key = rx.sub(rf"(?<![\w.]){re.escape(short)}(?![\w.])", long, key)
    return key


_LINKS = {"of", "for", "and", "&", "the", "at", "in", "de"}
_GENERIC = {"university", "institute", "school", "college", "department", "faculty", "lab", "laboratory", "research",
            "computer", "science", "sciences", "engineering", "centre", "center", "artificial", "intelligence", "ai"}


@lru_cache(maxsize=4096)
def said_names(name: str, starts_only: bool = False) -> frozenset[str]:
    """The casefolded names a question may give a printed organisation: its variants (rag/organisations.py) and
    every run of two or more of their words holding an organisation word and a word of its own ('Allen School' of
    'Paul G. Allen School …'); with `starts_only`, only the runs a part of the name starts with ('Allen Institute'
    of 'Allen Institute for Artificial Intelligence'), as a name said short keeps its head."""
    said = set(organisation_variants(name))
    for words in (part.split() for variant in organisation_variants(name) for part in variant.split(",")):
        for i in range(1 if starts_only else len(words)):
            for j in range(i + 2, len(words) + 1):
                run = words[i:j]
                if run[0] in _LINKS or run[-1] in _LINKS or not AFFILIATION.search(" ".join(run)):
                    continue
                if any(w.strip(".") not in _GENERIC | _LINKS and len(w.strip(".")) > 2 for w in run):
                    said.add(" ".join(run))
    return frozenset(said)


def _institution_shown(name: str) -> str:
    parts = [p.strip() for p in name.split(",") if p.strip()]
    universities = [p for p in parts if rx.search(r"\buniversit", p, re.I)]
    return universities[-1] if universities else name


def _people(p: Paper, at: str | None = None) -> list[tuple[str, str]]:
    return [(person_key(a.name), a.name) for a in p.authors if at is None or author_at(a, at)]


def _institutions(p: Paper, at: str | None = None) -> list[tuple[str, str]]:
    printed = [o.name for o in p.organisations] or [n for a in p.authors for n in a.affiliations]
    return [(institution_key(n), _institution_shown(n)) for n in printed]


def _domains(p: Paper, at: str | None = None) -> list[tuple[str, str]]:
    return [(e.rsplit("@", 1)[-1].casefold(),) * 2 for e in _printed(p, at)]


def _addresses(p: Paper, at: str | None = None) -> list[tuple[str, str]]:
    return [(e.casefold(), e) for e in _printed(p, at)]


def _printed(p: Paper, at: str | None) -> list[str]:
    """The addresses the PDF prints; with `at`, those whose owner is printed at that organisation."""
    if at is None:
        return list(p.emails)
    people = {a.name for a in p.authors if author_at(a, at)}
    return [e.address for e in emails(p) if e.owner in people]


def under_domain(address: str, domain: str) -> bool:
    """The address is under the domain as a question says it: the whole domain, its end ('.edu', 'harvard.edu') or
    its first label ('allenai')."""
    held, said = address.rsplit("@", 1)[-1].casefold(), domain.casefold().lstrip("@")
    return held == said.lstrip(".") or held.endswith("." + said.lstrip(".")) or held.split(".")[0] == said


def authors_under_domain(paper: Paper, domain: str) -> list[tuple[str, str]]:
    """(author, address) for each of the paper's authors owning an address under the domain, in printed order."""
    return [(e.owner, e.address) for e in emails(paper) if e.owner and under_domain(e.address, domain)]


@dataclass(frozen=True)
class PooledField:
    """A PDF record that pools: its name in an answer, the words a question names it by, its values per PDF."""

    name: str  # 'people', 'institutions', ...: how the answer counts them
    words: str  # regex naming the values asked ('people', 'authors', 'e-mail domains')
    values: Callable[[Paper, str | None], list[tuple[str, str]]]  # (key, shown) per value printed (at an organisation)
    merged: str  # the merging rule, said with the answer
    source: str  # what of the PDF holds them, said with the answer ('byline', 'e-mail addresses')


# In the order a question is read: the most specific noun first, as 'how many domains do the authors' e-mails use'
# asks domains, and 'how many institutions do the authors come from' asks institutions, not people.
POOLED = [
    PooledField("e-mail domains", r"(?:e-?\s?mail\s+)?domains?|(?:e-?\s?mail\s+)?hosts?",
                _domains, "a domain is the whole part after @ (cs.washington.edu and fas.harvard.edu each count once)",
                "e-mail addresses"),
    PooledField("institutions", r"institutions?|organi[sz]ations?|affiliations?|universities|institutes?|employers?|"
                r"labs?|companies|places",
                _institutions, "a school printed with its university counts as the university, and 'AI' as 'Artificial "
                               "Intelligence', so one institution printed two ways counts once", "affiliations"),
    PooledField("e-mail addresses", r"e-?\s?mail(?:\s+address(?:es)?)?s?|(?:e-?\s?mail\s+)?address(?:es)?",
                _addresses, "an address counts once however many PDFs print it", "e-mail addresses"),
    PooledField("people", r"people|ppl|persons?|individuals|humans|names|researchers|authors?|co-?authors|folks|scientists",
                _people, "a person printed on two bylines counts once (names compared with accents and case aside)",
                "bylines"),
]


@dataclass(frozen=True)
class Pool:
    """A field's values pooled over some PDFs: the distinct values with how many PDFs print each (most first, then
    in printed order; each shown in its shortest printed spelling), and how many values each PDF prints."""

    field: PooledField
    papers: list[Paper]
    at: str | None
    distinct: list[tuple[str, int]]
    per_paper: list[tuple[Paper, int]]
    on: dict[str, frozenset[str]]  # key -> the ids of the PDFs printing it

    @property
    def shared(self) -> list[str]:
        return [shown for shown, n in self.distinct if n > 1]

    @property
    def shared_keys(self) -> set[str]:
        return {k for k, ids in self.on.items() if len(ids) > 1}

    def keys_of(self, paper: Paper) -> set[str]:
        return {k for k, ids in self.on.items() if paper.paper_id in ids}


def pool(field: PooledField, papers: list[Paper], at: str | None = None) -> Pool:
    """The distinct values of `field` over `papers` (only PDFs printing some); with `at`, only those of the people
    printed at that organisation (its name as a question says it)."""
    shown: dict[str, str] = {}
    seen_on: dict[str, set[str]] = {}
    per_paper = []
    used = []
    for paper in papers:
        values = field.values(paper, at)
        if not values:
            continue
        used.append(paper)
        keys = dict.fromkeys(k for k, _ in values)
        per_paper.append((paper, len(keys)))
        for key, said in values:
            shown[key] = min(shown.get(key, said), said, key=len)
            seen_on.setdefault(key, set()).add(paper.paper_id)
    distinct = sorted(((shown[k], len(on)) for k, on in seen_on.items()), key=lambda v: -v[1])
    return Pool(field, used, at, distinct, per_paper, {k: frozenset(on) for k, on in seen_on.items()})
