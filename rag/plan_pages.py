"""Questions about a listing page itself rather than its papers: where and when its conference is held, what its
legend's mark means, whose profile it is and the owner's printed figures (h-index, citations, ...), when a trending
list was made and by whom. Each is a fact the page prints once (rag.records.PageFacts), answered as printed.

The same two tests as the planner's: the question names a page the catalog holds (its institute, conference
acronym, owner, 'trending' or 'profile'), and once the fact's words and the page's name are taken out only frame
words are left — so 'where is the memory stored in TokMem?' (no page named) is never a page question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.catalog import Catalog
from rag.plan_terms import Question, fold, ordinal_suffix
from rag.records import PageFacts

_ORDINAL = {1: "first", 2: "second", 3: "third", 11: "eleventh", 12: "twelfth", 13: "thirteenth"}


def _ordinal(n: int) -> str:
    if n in _ORDINAL:
        return _ORDINAL[n]
    return ordinal_suffix(n)


def _legend(f: PageFacts) -> str | None:
    return "; ".join(f"'{e.mark}' marks {e.means} affiliation (printed '{e.printed.text}'"
                     + (f", line {e.printed.line})" if e.printed.line else ")") for e in f.legend) or None


# (fact, words that ask for it, its value as the page prints it)
FACTS = [
    # The legend first: 'what does the * stand for' is about the mark, 'what does ICLR stand for' about the name.
    ("legend", r"(?:\b(?:asterisk|star|marks?|dagger|symbols?|legend)\b|(?<!\w)\*)",
     _legend),
    ("location", r"\bwhere\b(?=[^?]*\b(?:held|take\s+place|takes\s+place|taking\s+place|located|hosted|happening)\b)|"
                 r"\b(?:location|host\s+city|which\s+city|which\s+country|venue\s+city)\b",
     lambda f: f.location and f"{f.acronym or f.conference} {f.year or ''}".strip() + f" takes place in {f.location}"),
    ("conference", r"\bstand\s+for\b|\bfull\s+name\b|\b(?:which|what)\s+conference\b",
     lambda f: f.conference and f"{f.acronym} is the {f.conference}" + (f" ({f.year})" if f.year else "")),
    ("edition", r"\b(?:which|what)\s+edition\b|\bedition\b|\bhow\s+many\s+times\b",
     lambda f: f.edition and f"{f.acronym} {f.year or ''} is the {_ordinal(f.edition)} edition".replace("  ", " ")),
    ("owner", r"\bwhose\s+(?:profile|page)\b|\bwho\s+owns\b|\bwho\s+is\s+the\s+(?:profile|page)\s+(?:of|about|for)\b",
     lambda f: f.owner and f"The profile is {f.owner}'s"),
    ("listed", r"\bwhen\b(?=[^?]*\b(?:made|compiled|published|dated|updated|generated|created|posted|from)\b)|"
               r"\b(?:date|day)\s+of\s+the\b|\b(?:date|day)\s+(?:heading|header|headline|banner)\b|\bheading\s+date\b",
     lambda f: f.listed and f"The list is dated {f.listed} (the year is not printed)"),
    ("publisher", r"\bwho\b(?=[^?]*\b(?:publishes|published|curates|curated|compiles|compiled|maintains|made|makes|"
                  r"runs)\b)",
     lambda f: f.publisher and f"The page says it is published {f.publisher.replace('byAK', 'by AK')}"),
]
_VERBS = r"\b(?:held|take\s+place|takes\s+place|taking\s+place|located|hosted|happening|means?|denotes?|stands?\s+for|" \
         r"indicates?|signif(?:y|ies)|made|compiled|updated|generated|created|curates?|curated|compiles|maintains|" \
         r"makes|runs|belong|belongs)\b"
_STATS = {"h-index": r"\bh[-\s]?index\b", "citations": r"\bcitations?\b|\btimes\s+cited\b|\bcited\b",
          "novelty": r"\bnovelty\b", "ai score": r"\bai[-\s]score\b", "papers": r"\b(?:papers?|publications?)\s+count\b|"
          r"\bhow\s+many\s+papers\b[^?]*\b(?:in\s+total|overall|altogether|all\s+told)\b",
          "category": r"\bmain\s+(?:category|field|area)\b"}


@dataclass
class PageFact:
    page: str  # the page's name
    fact: str
    value: str
    first: bool = False  # 'and which paper sits right under it': the page's first entry too


# The entry printed right under a page's heading, asked with the fact: '… and which paper sits right under it?'.
_UNDER = r"\b(?:and\s+)?(?:which|what)\s+(?:paper|entry|title|one)\s+(?:sits|is|comes|appears|is\s+listed|is\s+printed)\s+" \
         r"(?:right\s+|directly\s+|just\s+|immediately\s+)?(?:under|below|beneath|after)\s+(?:(?:the|that|this)\s+(?:heading|header|date)|it|that)\b|" \
         r"\b(?:and\s+)?(?:which|what)\s+(?:paper|entry|title|one)\s+(?:is\s+)?(?:listed|printed|shown)\s+first\b|" \
         r"\b(?:and\s+)?(?:which|what)(?:'s|\s+(?:paper|entry|title|one))\s+(?:(?:is|sits|comes|appears|is\s+listed)\s+)?" \
         r"(?:at|on)\s+(?:the\s+)?(?:very\s+)?top(?:\s+of\s+(?:it|that|them|the\s+(?:list|page|heading)))?\b"


def page_fact(question: str, catalog: Catalog) -> PageFact | None:
    """The one fact of one page the question asks for, or None."""
    if not catalog.page_facts:
        return None
    # 'the trending papers page' names the page, not papers asked for.
    # ('which Amii papers list authors that …': 'list' is the verb there, with its object after it)
    named = rx.sub(rf"\b(?:trending\s+)?papers\s+(?:page|list(?:ing)?)\b(?!\s+(?:(?:the|their|its|an?)\s+)?(?:co-?)?authors?\b)|\btrending\s+papers\b|{_UNDER}", " ", question,
                   flags=re.I)
    # 'which ones have no star on any author' asks for entries too: a plural 'ones' is a set of them
    # ('how many different people carry the asterisk' asks for people: plural nouns of people, rag/plan_marked_people.py)
    about_papers = rx.search(r"\b(?:papers?|entries|works|publications|articles|preprints|(?:which|what|the)\s+ones|"
                             r"people|persons|individuals|researchers|(?:co-?)?authors)\b",
                             named, re.I)
    for name, words, value in FACTS + [(f"stat:{k}", w, None) for k, w in _STATS.items()]:
        if about_papers and name != "stat:papers":
            continue  # 'which papers have the Amii mark' asks for papers, not for the legend
        q = Question(question)
        if not q.take(words):
            continue
        q.take(_VERBS)  # the verbs the facts are asked with: 'held', 'take place', 'denote', 'compiled'
        first = bool(q.take(_UNDER))
        pages = _named_pages(q, catalog)
        if len(pages) != 1 or q.residual():
            continue
        facts = catalog.page_facts[pages[0]]
        if value is None:
            key = name.removeprefix("stat:")
            shown = facts.stats.get(key)
            text = shown and f"{facts.owner}'s profile prints {key} {shown}"
        else:
            text = value(facts)
        if text:
            return PageFact(pages[0], name, text, first)
    return None


def _named_pages(q: Question, catalog: Catalog) -> list[str]:
    """The pages the question names, their words taken: 'the Amii page', 'ICLR 2026', 'Courville's profile',
    'the trending list'."""
    found = []
    for page, facts in catalog.page_facts.items():
        names = [n for n in (facts.institute, facts.acronym, facts.conference, facts.owner,
                             facts.owner.split()[-1] if facts.owner else None) if n]
        names += {"trending": ["trending"], "profile": ["profile"]}.get(facts.kind, [])
        pattern = "|".join(re.escape(fold(n)) for n in sorted(names, key=len, reverse=True))
        year = rf"(?:\s+{facts.year})?" if facts.year else ""
        noun = r"(?:'s)?(?:\s+(?:at\s+\w+\s+(?:\d{4}\s+)?)?(?:page|profile|list(?:ing)?|papers?|conference))?"
        if pattern and q.take(rf"\b(?:{pattern}){year}{noun}\b"):
            found.append(page)
    return found
