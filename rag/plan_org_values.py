"""Organisations in a question (rag/plan_values.py): an organisation a PDF prints as an affiliation ('papers from
Harvard University', 'all authors at the University of Washington') and the listing legend's institute, as its page,
a number of its authors, or its mark ('on Amii's ICLR page', 'at least two Amii-affiliated authors', 'Amii-affiliated').
"""

from __future__ import annotations

import re

from rag.catalog import Catalog, has_organisation
from rag.organisations import author_at
from rag.plan_terms import _COMPARE, _COUNT, NUMBER_WORDS, Condition, Question, _number
from rag.records import Paper


# The quantifier over the authors said right before a named organisation: 'all authors at', 'every author from the'.
# Read as one more organisation, 'all' would be lost and a paper with one author there listed.
_EVERY_AUTHOR = re.compile(r"\b(?:every|each|all(?:\s+(?:of\s+)?(?:the|its|their))?)\s+(?:single\s+)?(?:co-?)?authors?\s+"
                           r"(?:(?:is|are|being)\s+)?(?:at|from|in|with)\s+(?:the\s+)?$", re.I)


def _every_author_at(paper: Paper, organisation: str) -> bool:
    """Every author of a complete list prints an affiliation the organisation's name names."""
    return bool(paper.authors) and not paper.authors_truncated and all(author_at(a, organisation) for a in paper.authors)


def organisations(q: Question, catalog: Catalog) -> list[Condition]:
    """An organisation the PDFs print, longest name first; said after 'all authors at', every author there."""
    found = []
    for organisation in sorted(catalog.organisations, key=lambda o: (-len(o), o)):  # 'harvard university' before 'harvard'
        for m in q.take(rf"\b{re.escape(organisation)}\b"):
            if every := _EVERY_AUTHOR.search(q.text, 0, m.start()):  # 'all authors at the University of Washington'
                q.blank(every.start(), every.end())
                found.append(Condition("organisation", f"every {organisation}", f"organisation: {organisation} (every author)",
                                       lambda p, o=organisation: _every_author_at(p, o),
                                       known_test=lambda p: any(a.affiliations for a in p.authors)))
            else:
                found.append(Condition("organisation", organisation, f"organisation: {organisation}",
                                       lambda p, o=organisation: has_organisation(p, o)))
            break
    return found


def institutes(q: Question, catalog: Catalog) -> list[Condition]:
    """The legend's institute, read three ways:
    - its page: 'on Amii's ICLR page', 'the Amii ICLR papers', 'Amii's papers' (the papers it lists);
    - a number of its authors: 'at least one Amii-affiliated author', 'two Amii authors', 'an Amii researcher';
    - the mark alone: 'Amii-affiliated', 'affiliated with Amii'."""
    found = []
    for institute in sorted(catalog.institutes):
        name = re.escape(institute)
        # With one institute in the legends, its mark alone names it: 'three starred authors', 'an asterisked author'.
        bare = r"|(?:starred|asterisked|marked)(?=\s+(?:(?:co-?)?authors?|researchers?|people|persons|names)\b)" \
            if len(catalog.institutes) == 1 else ""
        has_page = any(institute in page for page in catalog.pages)
        # The page as its reader calls it: 'Amii's ICLR roundup', 'the Amii ICLR post' (one word between, never one of
        # the page's sections: 'the Amii workshop papers' are its workshop section), or the institute and a venue the
        # catalog holds alone before a pause ('amii iclr (incl. workshop): …').
        venues = "|".join(re.escape(v) for v in sorted(catalog.venues, key=len, reverse=True)) or r"(?!)"
        sections = "|".join(re.escape(v) for v in sorted(catalog.sections, key=len, reverse=True)) or r"(?!)"
        meeting = rf"(?!(?:{sections})\b)[A-Z]+\s+(?:(?:19|20)\d\d\s+)?"  # one word naming it: 'ICLR', 'blog'
        on_page = rf"\b(?:(?:on|in|from)\s+(?:the\s+)?)?{name}(?:'s)?(?:-(?=list|page)|\s+)(?:{meeting})?(?:listed\s+)?" \
                  r"(?:page|list|listing|(?:blog\s+)?post|round-?up|write-?up|announcement|papers?|entr(?:y|ies)|items?|works?|" \
                  rf"preprints?|titles?)\b|\b(?:(?:on|in|from)\s+(?:the\s+)?)?{name}(?:'s)?\s+(?:{venues})(?:\s+(?:19|20)\d\d)?\b" \
                  r"(?=\s*(?:[:(,;?!]|[-–—]\s|$))"
        # 'the Amii workshop papers': the page, with its section left for the values to read
        on_page += rf"|\b(?:(?:on|in|from)\s+(?:the\s+)?)?{name}(?:'s)?\s+(?=(?:{sections})\s+(?:papers?|entr(?:y|ies)|" \
                   r"items?|works?|preprints?|titles?|track)\b)"
        counted = rf"\b(?:{_COMPARE}\s+)?(?:{_COUNT}(?:\s+or\s+(more|fewer|less))?|an?|any|some)?\s*(?:{name}(?:'s)?" \
                  rf"(?:[- ](?:{_MARKED}))?{bare})\s+" \
                  r"(?:co-?)?(?:authors?|researchers?|members?|people|fellows?)\b"
        # The count before the authors and the mark after them: 'at least three authors marked as Amii', 'two or
        # more co-authors with the Amii star', 'three authors from Amii'.
        counted_after = rf"\b(?:{_COMPARE}\s+)?{_COUNT}(?:\s+or\s+(more|fewer|less))?\s+(?:co-?)?(?:authors?|names?)\s+" \
                        rf"(?:(?:who\s+are|that\s+are|being)\s+)?(?:(?:{_MARKED})\s+(?:as\s+|with\s+|by\s+)?|from\s+|at\s+|" \
                        rf"with\s+(?:an?\s+|the\s+)?|bearing\s+(?:an?\s+|the\s+)?|carrying\s+(?:an?\s+|the\s+)?)" \
                        rf"{name}(?:[- ]?(?:{_MARKED}|star|mark|asterisk|affiliation)s?)?\b"
        every = rf"\b(?:only|all|every|exclusively|solely)\s+(?:of\s+)?(?:its\s+|their\s+|the\s+)?(?:{name}[- ]affiliated\s+" \
                rf"(?:co-?)?authors?|(?:co-?)?authors?\s+(?:are\s+|being\s+)?(?:{name}[- ]affiliated|affiliated\s+with\s+" \
                rf"{name}|from\s+{name}))\b"
        # 'Amii's main Accepted Papers section': a section is a part of a page, so the possessive before it names the page
        section_of = rf"\b{name}'s(?=\s+(?:[\w'\"-]+\s+){{0,4}}?sections?\b)"
        # 'Amii's accepted ICLR papers', 'Amii's three workshop entries': the possessive owns the papers its page lists;
        # the words between stay for the other readers (a section, a venue, a number)
        section_of += rf"|\b{name}'s(?=\s+(?:[\w-]+\s+){{0,3}}?(?:papers?|entr(?:y|ies)|preprints?|titles?)\b)"
        if has_page and (q.take(on_page) or q.take(section_of)):
            found.append(Condition("page", institute, f"page: {institute}'s page",
                                   lambda p, i=institute: any(i in (s.page_name or "") for s in p.sources)))
        # 'exactly two authors, both starred', 'all of them Amii-affiliated': the mark on every author
        every += rf"|,?\s*(?:both|all)\s+(?:of\s+them\s+)?(?:{name}[- ](?:{_MARKED})|(?:{_MARKED})\s+(?:as\s+|with\s+)?{name}" \
                 rf"{'|starred|asterisked|marked' if bare else ''})\b"
        if q.take(every):  # 'only Amii-affiliated authors', 'all authors affiliated with Amii'
            found.append(Condition("affiliation", institute, f"affiliation: {institute} (every author)",
                                   lambda p, i=institute: bool(p.authors) and not p.authors_truncated
                                   and all(a.affiliation == i for a in p.authors)))
        elif m := q.take(counted) or q.take(counted_after):
            word, n = _affiliated_count(m[0])
            label = f"affiliation: {institute}" + ("" if (word, n) == ("at least", 1) else
                                                   f" ({word} {n} author{'' if n == 1 else 's'})")
            found.append(Condition("affiliation", institute, label,
                                   lambda p, i=institute, w=word, k=n: _compare(
                                       sum(a.affiliation == i for a in p.authors), w, k)))
        elif q.take(rf"\b(?:affiliated\s+with\s+|affiliation\s+(?:with|to)\s+)?{name}(?:'s)?(?:[- ]affiliat\w*)?\b"):
            found.append(Condition("affiliation", institute, f"affiliation: {institute}",
                                   lambda p, i=institute: any(a.affiliation == i for a in p.authors)))
    return found


# How a page's legend mark is said of an author: 'Amii-affiliated', 'Amii-starred', 'marked', 'asterisked'.
_MARKED = r"affiliated|starred|marked|asterisked|flagged|tagged"


def _affiliated_count(m: re.Match) -> tuple[str, int]:
    """'an Amii author' -> at least 1; 'two Amii authors' -> exactly 2; 'more than one' -> more than 1."""
    if not m.group(2) or not m.group(2)[0].isdigit() and m.group(2).casefold() not in NUMBER_WORDS:
        return "at least", 1
    n = _number(m.group(2))
    word = (m.group(1) or "").casefold()
    if m.group(3):  # 'two or more', 'three or fewer'
        return ("at least" if m.group(3).casefold() == "more" else "at most"), n
    word = {"only": "exactly", "just": "exactly", "over": "more than", "up to": "at most", "no more than": "at most",
            "not more than": "at most", "no fewer than": "at least", "no less than": "at least"}.get(word, word)
    return word or ("at least" if n == 1 else "exactly"), n


def _compare(count: int, word: str, n: int) -> bool:
    return {"exactly": count == n, "at least": count >= n, "more than": count > n, "fewer than": 0 < count < n,
            "less than": 0 < count < n, "at most": 0 < count <= n}.get(word, count >= n)
