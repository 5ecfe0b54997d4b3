"""How many organisations a paper prints for its authors (issue 11): 'PDFs that list three or more different
institutions', 'papers with at least two universities among their affiliations', 'entries with exactly one
organisation'. The count is of the distinct organisations the paper is printed with (rag/organisations.
organisation_names: a PDF's affiliations, a listing's tag), of one kind when the noun names one ('universities',
'companies', read from each printed name by rag/organisations.kind). A paper that prints no organisation says nothing
either way, so it is left out as unknown rather than counted as none."""

from __future__ import annotations

import re

from rag.organisations import kind, organisation_names
from rag.plan_terms import _COMPARE, _COUNT, Condition, Question, _number, count_word
from rag.records import Paper

# The noun counted, and the kind it narrows to (None: every organisation)
_NOUNS = {"institution": None, "organisation": None, "organization": None, "affiliation": None, "university": "university",
          "universitie": "university", "compan": "company", "institute": "institute"}
_NOUN = r"(?P<noun>institutions?|organi[sz]ations?|affiliations?|universit(?:y|ies)|compan(?:y|ies)|institutes?)"
_COUNTED = rf"\b(?:{_COMPARE}\s+)?{_COUNT}(?:\s+or\s+(more|fewer|less))?\s+(?:(?:different|distinct|separate|unique)\s+)?" \
           rf"{_NOUN}(?:\s+(?:for|among|across|of)\s+(?:their|its|the)\s+(?:co-?)?authors)?(?![\w-])"


def _counted(paper: Paper, want: str | None) -> int:
    return sum(want is None or kind(name) == want for name in organisation_names(paper))


def organisation_counts(q: Question) -> list[Condition]:
    """A condition per count of organisations the question says (its words taken)."""
    found = []
    for m in q.take(_COUNTED):
        word, n = count_word(m.group(1), m.group(3)), _number(m.group(2))
        noun = m["noun"].casefold()
        want = next(w for stem, w in _NOUNS.items() if noun.startswith(stem))
        compare = {"exactly": n.__eq__, "at least": n.__le__, "more than": n.__lt__, "over": n.__lt__,
                   "fewer than": n.__gt__, "less than": n.__gt__, "at most": n.__ge__}[word]
        what = f"{want or 'organisation'}{'s' if n != 1 else ''}".replace("companys", "companies").replace(
            "universitys", "universities")
        found.append(Condition("organisation", f"{word} {n} {want or 'organisations'}",
                               f"organisations: {word} {n} {what} printed",
                               lambda p, c=compare, w=want: c(_counted(p, w)),
                               known_test=lambda p: bool(organisation_names(p))))
    if found:  # 'counting each affiliation once': the count is of distinct organisations already
        q.take(r"\b(?:counting|counted|taking)\s+each\s+(?:one|affiliation|institution|organi[sz]ation|university)\s+"
               r"(?:only\s+)?once\b")
    return found
