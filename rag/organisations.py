"""Organisations as papers print them: which words make a line an affiliation, the name without its address,
and the spellings a question may use for it. Shared by the PDF reader (rag/parsing/pdf/affiliations.py), which
reads them, and the catalog (rag/catalog.py), which answers 'papers from the Allen Institute for AI'."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.records import Author, Paper

AFFILIATION = re.compile(
    r"\b(?:univ|inst|dept)\.|"  # abbreviations: their full stop ends the word, so no \b after it
    r"\b(?:universit\w*|institut\w*|college|school|department|faculty|laborator\w*|lab|labs|"
    r"research|centre|center|inc|corp\w*|company|ltd|llc|gmbh|academy|hospital|foundation|polytechni\w*|"
    r"ecole|école|eth|epfl|mit|cnrs|inria|csail|facebook|google|microsoft|deepmind|openai|meta ai|amazon|apple|"
    r"nvidia|ibm|baidu|alibaba|tencent|huawei|samsung|intel|adobe|salesforce|mila|ai2)\b",
    re.I,
)


def organisation_name(printed: str) -> str:
    """The organisation without its address: parts with an organisation word, in order; else the first part.
    'Allen Institute for Artificial Intelligence, Seattle WA 98103, USA' -> 'Allen Institute for Artificial
    Intelligence'."""
    parts = [p.strip() for p in printed.split(",") if p.strip()]
    named = [p for p in parts if AFFILIATION.search(p)]
    return ", ".join(named) if named else (parts[0] if parts else printed.strip())


# Words organisations are printed both ways with: 'Allen Institute for AI' is 'Allen Institute for Artificial
# Intelligence', 'University of Washington' is said 'U of Washington'. Each pair is (long, short), matched as whole
# words.
ORGANISATION_SPELLINGS = [("artificial intelligence", "ai"), ("university", "univ."), ("laboratory", "lab"),
                          ("laboratories", "labs"), ("university of", "u of"), ("university of", "u. of")]


# Short names the field itself uses for some organisations, which no rule derives from the printed name ('AI2' is
# the Allen Institute for AI's own short name): world knowledge, like the arXiv taxonomy, not a question's words.
SHORT_NAMES = {"allen institute for artificial intelligence": "ai2", "allen institute for ai": "ai2",
               "facebook ai research": "fair", "microsoft research": "msr", "carnegie mellon university": "cmu",
               "massachusetts institute of technology": "mit", "university of washington": "uw",
               "google deepmind": "gdm", "university of california, berkeley": "uc berkeley"}


@lru_cache(maxsize=65536)
def organisation_variants(name: str) -> frozenset[str]:
    """The casefolded names a question may use for a printed organisation: the whole name, each comma part that
    names an organisation ('… School of Computer Science & Engineering, University of Washington' -> 'university
    of washington'), each spelled long and short ('allen institute for ai' <-> '… artificial intelligence')."""
    folded = " ".join(name.casefold().split()).removeprefix("the ")
    parts = [p.strip() for p in folded.split(",") if AFFILIATION.search(p)]
    printed = {folded, *parts}
    variants = set(printed)
    for long, short in ORGANISATION_SPELLINGS:  # one word respelled at a time, never a compound of respellings
        for v in printed:
            variants.add(re.sub(rf"(?<![\w.]){re.escape(long)}(?![\w])", short, v))
            if re.search(r"\b(?:universit|institut|school|college|centre|center|lab)", v):
                variants.add(re.sub(rf"(?<![\w.]){re.escape(short)}(?![\w.])", long, v))  # '… Institute for AI'
    variants |= {SHORT_NAMES[v] for v in variants if v in SHORT_NAMES}
    # 'Princeton University' is said 'Princeton': the name before 'University' when it is one or two words. Not
    # 'University of Washington' -> 'Washington', which names a state and a city as often.
    variants |= {m.group(1) for v in printed if (m := re.fullmatch(r"([a-z][a-z-]{3,}(?: [a-z][a-z-]+)?) university", v))}
    return frozenset(v for v in variants if len(v) >= 2)


def organisation_names(paper: Paper) -> list[str]:
    """Every organisation the paper is printed with: a listing's tag ('mila') and the affiliations its PDF
    prints ('Allen Institute for Artificial Intelligence'), as printed, once each. The legend's institute
    ('Amii', an author mark) is `Author.affiliation`, answered by the catalog's `institutes`."""
    names = [paper.organisation] if paper.organisation else []
    return list(dict.fromkeys(names + [o.name for o in paper.organisations]))


def has_organisation(paper: Paper, name: str) -> bool:
    """The paper carries this tag or prints this affiliation, in any spelling `organisation_variants` knows;
    `name` as a question names it (any case). What a condition on `Catalog.organisations` tests."""
    return any(_names(name, n) for n in organisation_names(paper))


def author_at(author: Author, name: str) -> bool:
    """The author prints an affiliation that `name` names, in any spelling `organisation_variants` knows."""
    return any(_names(name, a) for a in author.affiliations)


def _names(name: str, organisation: str) -> bool:
    """'allen institute for ai' names 'Allen Institute for Artificial Intelligence'; 'mit' (a listing's tag) names
    'MIT CSAIL', as a name with an organisation word of its own may be part of a longer one."""
    key = " ".join(name.casefold().split())
    variants = organisation_variants(organisation)
    return key in variants or (AFFILIATION.search(key) is not None and any(
        re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", v) for v in variants))


def names(name: str, organisation: str) -> bool:
    """Whether `name` as a question says it ('AI2', 'allen institute for ai') names the printed `organisation`."""
    return _names(name, organisation)


def organisation_authors(paper: Paper, name: str) -> list[str]:
    """The authors the paper prints under that organisation ('Which SPECTER authors are at the University of
    Washington?'); every author for a listing's tag, which names no one."""
    if paper.organisation and _names(name, paper.organisation):
        return paper.author_names
    return list(dict.fromkeys(a for o in paper.organisations if _names(name, o.name) for a in o.authors))




# What kind of organisation a printed name is, read from the name: a company by a legal suffix or a company name the
# field knows (the same world knowledge AFFILIATION holds), a university by its own word, an institute otherwise when
# it names one. Checked in that order: 'Facebook AI Research' is a company, 'Paul G. Allen School …, University of
# Washington' a university, 'Allen Institute for AI' an institute (a non-profit).
_COMPANY = re.compile(r"\b(?:inc|corp\w*|company|ltd|llc|gmbh|plc|co\.|s\.a\.|ag|facebook|google|microsoft|deepmind|"
                      r"openai|meta|amazon|apple|nvidia|ibm|baidu|alibaba|tencent|huawei|samsung|intel|adobe|salesforce|"
                      r"anthropic|bytedance|naver|yandex|uber|twitter|netflix|sony|bosch|siemens)\b", re.I)
_UNIVERSITY = re.compile(r"\b(?:universit\w*|univ\.|college|school|polytechni\w*|ecole|école|eth|epfl|mit|faculty|"
                         r"institute\s+of\s+technology|cmu|ucl|uw)\b", re.I)
_INSTITUTE = re.compile(r"\b(?:institut\w*|inst\.|centre|center|laborator\w*|lab|labs|foundation|hospital|academy|cnrs|"
                        r"inria|mila|ai2|amii|vector|max\s+planck)\b", re.I)


def kind(name: str) -> str | None:
    """'company', 'university' or 'institute' for an organisation as printed; None when its name says none."""
    for label, pattern in (("company", _COMPANY), ("university", _UNIVERSITY), ("institute", _INSTITUTE)):
        if pattern.search(name):
            return label
    return None


def kinds(paper: Paper) -> list[str | None]:
    """The kind of each organisation the paper is printed with (a listing's tag too: 'deepmind' is a company)."""
    return [kind(n) for n in organisation_names(paper)]
