"""Organisations by kind, as their printed names say: 'PDFs with a company (industry) affiliation', 'papers from
universities only', 'rather than only universities/institutes' (the negation of 'only academic'), 'an academic
author'. The kind is read from each printed name (rag/organisations.kind), so a new PDF's 'Acme Inc.' or 'Example
University' is classified without a list of this library's organisations."""

from __future__ import annotations

import re

from rag import rx
from rag.organisations import kinds
from rag.plan_terms import Condition, Question

_ACADEMIC = r"(?:universit(?:y|ies)|academi(?:a|c|cs)|institut(?:e|es|ions)|non-?profits?|colleges?|labs?)"
_INDUSTRY = r"(?:compan(?:y|ies)|industry|industrial|corporate|corporations?|commercial|firms?|tech\s+compan(?:y|ies))"
_WHO = r"(?:\s+(?:affiliations?|authors?|labs?|researchers?|members?|co-?authors?|organi[sz]ations?|ties))?"


def _known(paper) -> bool:
    return bool(kinds(paper))


def organisation_kinds(q: Question) -> list[Condition]:
    """Conditions on the kinds of the organisations a paper prints; the words are cut from `q`. 'Non-academic' is
    one word for a company, read before negation would make it 'no university' (rag/planner.py calls
    `non_academic` first)."""
    found = []
    # 'at a university (as opposed to the Allen Institute)': a named organisation set against the kind says the kind
    # again, as the reader knows it from the paper; blanked while the kinds are read, so 'Princeton University' in it
    # is no kind, and put back when no kind is said
    saved = q.text
    for m in rx.finditer(_CONTRAST, q.text):
        q.blank(m.start(), m.end())
    only = rf"\b(?:only|all|purely|exclusively|solely|just)\s+(?:from\s+|at\s+)?{_ACADEMIC}(?:\s*(?:/|,|or|and|&)\s*{_ACADEMIC})*" \
           rf"{_WHO}|\b{_ACADEMIC}(?:\s*(?:/|or|and)\s*{_ACADEMIC})*\s+only\b|\b(?:purely\s+)?academic[- ]only\b"
    # 'every author is at a university', 'all authors from companies': every organisation printed is of that kind
    for m in q.take(r"\b(?:every|each|all(?:\s+(?:of\s+)?(?:the|its|their))?)\s+(?:co-?)?authors?\s+(?:is|are|being)?\s*"
                    r"(?:at|from|in)\s+(?:an?\s+)?(universit(?:y|ies)|compan(?:y|ies)|industry)\b"):
        want = "university" if m.group(1).casefold().startswith("univ") else "company"
        found.append(Condition("organisation", f"every {want}", f"organisations: every one a {want}",
                               lambda p, w=want: _known(p) and all(k == w for k in kinds(p)), known_test=_known))
    if q.take(only):
        found.append(Condition("organisation", "academic only", "organisations: universities/institutes only",
                               lambda p: _known(p) and all(k in ("university", "institute") for k in kinds(p)),
                               known_test=_known))
    if q.take(rf"\b(?:an?\s+|any\s+)?(?:{_INDUSTRY}|non-?academic)(?:\s*\(\s*{_INDUSTRY}\s*\))?{_WHO}|\bfrom\s+industry\b"):
        found.append(Condition("organisation", "company", "organisation: a company",
                               lambda p: "company" in kinds(p), known_test=_known))
    if q.take(rf"\b(?:an?\s+|any\s+)?(?:universit(?:y|ies)|academic)(?:\s*\(\s*{_ACADEMIC}\s*\))?{_WHO}(?!\s+of\b)"):
        found.append(Condition("organisation", "university", "organisation: a university",
                               lambda p: "university" in kinds(p), known_test=_known))
    if not found:
        q.text = saved
    return found


# An organisation named by its capitalised name after a contrast: '(as opposed to the Allen Institute)', 'rather than
# at Google', 'vs. AI2'. Case-sensitive but for the contrast's own words: the name ends at the first lower-case word.
_CONTRAST = r"\(?\s*\b(?i:as\s+opposed\s+to|rather\s+than|instead\s+of|versus|vs\.?)\s+(?i:(?:at|from|with)\s+)?(?i:the\s+)?" \
            r"[A-Z][\w&.-]*(?:(?:\s+(?:for|of|and|&))?\s+[A-Z][\w&.-]*)*\s*\)?"


def non_academic(q: Question) -> list[Condition]:
    """'a non-academic affiliation': an organisation that is no university or institute — a company by its name."""
    if q.take(rf"\b(?:an?\s+|any\s+)?non-?academic{_WHO}"):
        return [Condition("organisation", "company", "organisation: a company", lambda p: "company" in kinds(p),
                          known_test=_known)]
    return []


def email_domains(q: Question, domains: frozenset[str]) -> list[Condition]:
    """'an author with a harvard.edu address', 'a .edu e-mail', 'an fb.com address': the domain (or its end) of an
    e-mail address some PDF prints; nothing is taken for a domain no paper prints."""
    found = []
    # the domain before the address ('a .edu e-mail') or after it ('an e-mail address at a university (.edu) domain')
    before = r"\b(?:an?\s+|any\s+)?(@?\.?[a-z0-9-]*(?:\.[a-z0-9-]+)*\.?[a-z]{2,})\s+(?:e-?mail\s+)?(?:e-?mail|address(?:es)?)\b"
    after = r"\be-?mails?(?:\s+address(?:es)?)?\s+(?:at|on|under|in|with|from|using)\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?" \
            r"\(?\s*(@?\.[a-z0-9.-]*[a-z]{2,})\s*\)?\s+(?:domains?|addresses)\b"
    for m in [*rx.finditer(after, q.text, re.I), *rx.finditer(before, q.text, re.I)]:
        if not q.text[m.start():m.end()].strip():
            continue  # already taken as said the other way
        end = m.group(1).lstrip("@").casefold()
        if not ("." in end or end in {d.split(".")[0] for d in domains}):
            continue
        held = {d for d in domains if d == end.lstrip(".") or d.endswith("." + end.lstrip(".")) or
                d.split(".")[0] == end}
        if not held:
            continue
        q.blank(m.start(), m.end())
        found.append(Condition("email", end, f"e-mail: {end}", lambda p, h=frozenset(held): any(
            e.rsplit("@", 1)[-1].casefold() in h for e in p.emails), known_test=lambda p: bool(p.emails)))
    return found
