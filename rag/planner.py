"""A question about the papers' metadata becomes a structured query over the catalog — or nothing.

Two tests decide, and both are about structure, not topics:
1. every value the question names is one the catalog holds (an author printed on a page, a
   category code or its arXiv name, a year, a tag, the legend's institute, a section, a page, a
   title) — these spans are taken out of the question;
2. what is left is only question frame: function words and the metadata relations themselves
   ("which papers", "how many", "written by", "posted in", "what category"). A single content word
   left over ("methods", "exploration", "results") means the question is about what papers say, and
   it goes to retrieval untouched: "latest methods for offline RL" is not a date sort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rag.authors import by_author
from rag.catalog import Catalog
from rag.plan_terms import Condition, Question, author_count, dates
from rag.records import Paper, normalize_title

Op = Literal["list", "count", "lookup", "check", "first", "last"]


@dataclass
class Plan:
    op: Op
    conditions: list[Condition] = field(default_factory=list)
    lookup: str | None = None  # the field asked for: authors, date, category, organisation, section, venue, ...
    target: Paper | None = None  # the paper a lookup names
    full_date: bool = False  # sort only over dates printed to the day

    def describe(self) -> str:
        parts = [c.label for c in self.conditions]
        if self.target is not None:
            parts.insert(0, f"paper: {self.target.title}")
        return "; ".join(parts) or "all papers"


def plan(question: str, catalog: Catalog) -> Plan | None:
    """A Plan when the question is about the papers' metadata and names only values the catalog holds."""
    q = Question(question)
    # "workshop rather than the main conference": what follows the contrast is what is NOT asked for.
    q.take(r"\b(?:rather than|instead of|and not|but not)\b[^?.,;]*")
    conditions: list[Condition] = []
    target = _title(q, catalog)
    conditions += _people(q, catalog)
    conditions += dates(q)
    conditions += _categories(q, catalog)
    conditions += _tags(q, catalog)
    conditions += author_count(q)
    low = q.text.casefold()
    full_date = bool(q.take(r"\b(full|complete|exact) dates?\b|\bday,? month,? and year\b"))
    first = bool(re.search(r"\b(oldest|earliest|first)\b", low))
    last = bool(re.search(r"\b(newest|latest|most recent(?:ly)?|last|youngest)\b", low))
    count = bool(re.search(r"\bhow many\b|\bnumber of\b|\bcount\b", low))
    lookup = _lookup_field(low, count)
    residual = q.residual()
    if residual:
        return None
    if target is not None:
        if conditions:  # "Is Nano3D a workshop paper?", "Was HoME posted in 2017?": yes or no, with the value
            return Plan(op="check", lookup=conditions[0].field, target=target, conditions=conditions)
        if lookup is None:
            return None  # a named paper but no field asked: a content question about it
        return Plan(op="lookup", lookup=lookup, target=target)
    if not re.search(r"\b(papers?|articles?|works?|publications?|preprints?|entries|which|what|who|list)\b", low):
        return None
    if first != last:
        return Plan(op="first" if first else "last", conditions=conditions, full_date=full_date)
    if count and lookup != "author_count":
        return Plan(op="count", conditions=conditions)
    if lookup and lookup != "authors" and conditions and lookup not in {c.field for c in conditions}:
        return Plan(op="lookup", lookup=lookup, conditions=conditions)
    if not conditions and not re.search(r"\b(all|every|list)\b", low):
        return None  # "which papers?" with nothing to select on is not a catalog question
    return Plan(op="list", conditions=conditions)


def _lookup_field(low: str, count: bool) -> str | None:
    if count and re.search(r"\bauthors\b", low):
        return "author_count"
    fields = [("affiliation", r"\baffiliat\w*|\binstitut\w*"),
              ("authors", r"\bwho\b|\bauthors?\b|\bwr[io]te\b|\bwritten\b"),
              ("date", r"\bwhen\b|\bdates?\b|\bwhat year\b|\bwhich year\b|\bmonth\b"),
              ("category", r"\bcategor(y|ies)\b|\bsubject\b|\barea\b"),
              ("organisation", r"\borgani[sz]ations?\b|\btag\b|\blab\b"), ("section", r"\bsection\b|\btrack\b"),
              ("venue", r"\bvenue\b|\bconference\b"), ("page", r"\bpages?\b|\bsource\b|\bwhere\b")]
    return next((name for name, pattern in fields if re.search(pattern, low)), None)


def _title(q: Question, catalog: Catalog) -> Paper | None:
    """A paper named by its title (quoted, a prefix of it, or in full) or by the short name it goes by."""
    for quoted in re.findall(r"'([^']{3,})'|\"([^\"]{3,})\"", q.text):
        key = normalize_title(quoted[0] or quoted[1])
        found = [p for t, p in catalog.titles.items() if t == key] or \
                [p for t, p in catalog.titles.items() if t.startswith(key)]
        if len(found) == 1:
            q.take(re.escape(quoted[0] or quoted[1]).join(["['\"]", "['\"]"]))
            return found[0]
    padded = f" {normalize_title(q.text)} "
    for key, paper in catalog.titles.items():  # longest first
        if len(key.split()) >= 3 and f" {key} " in padded:
            words = [re.escape(w) for w in re.findall(r"[^\W_]+", paper.title)]
            q.take(r"\W+".join(words) + r"\b")
            return paper
    for name, paper in catalog.short_names.items():
        # The substring test first: a regex compiled per paper per question made search O(papers) in re.compile.
        if name in q.text and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", q.text):
            q.take(rf"(?<![\w-]){re.escape(name)}(?![\w-])", 0)
            return paper
    return None


def _people(q: Question, catalog: Catalog) -> list[Condition]:
    """Authors by full name or a surname printed on the pages; the legend's institute; organisation tags."""
    found = []
    present = set(normalize_title(q.text).split())
    for key, name in sorted(catalog.authors.items(), key=lambda item: -len(item[0])):
        if not set(key.split()) <= present:
            continue  # cheap test first: each word of the name must be in the question
        words = [re.escape(w) for w in re.findall(r"[^\W_]+", name)]
        if q.take(r"\b" + r"\W+".join(words) + r"\b(?:'s)?"):
            found.append(Condition("author", name, f"author: {name}", lambda p, n=name: by_author(p, n)))
    for surname, names in catalog.surnames.items():
        if len(names) == 1 and surname in q.text and q.take(rf"\b{re.escape(surname)}\b(?:'s)?", 0):  # capitalised, as a name is
            name = next(iter(names))
            found.append(Condition("author", name, f"author: {name}", lambda p, n=name: by_author(p, n)))
    return found


def _tags(q: Question, catalog: Catalog) -> list[Condition]:
    found = []
    for institute in sorted(catalog.institutes):
        page = q.take(rf"\b(?:on|in|from)\s+(?:the\s+)?{re.escape(institute)}(?:'s)?\s+(?:[A-Z]+\s+)?(?:page|list|listing)\b")
        if page:
            found.append(Condition("page", institute, f"page: {institute}'s page",
                                   lambda p, i=institute: any(i in (s.page_name or "") for s in p.sources)))
        elif q.take(rf"\b{re.escape(institute)}(?:'s)?(?:-affiliated)?\b"):
            found.append(Condition("affiliation", institute, f"affiliation: {institute}",
                                   lambda p, i=institute: any(a.affiliation == i for a in p.authors)))
    for organisation in sorted(catalog.organisations):
        if q.take(rf"\b{re.escape(organisation)}\b"):
            found.append(Condition("organisation", organisation, f"organisation: {organisation}",
                                   lambda p, o=organisation: (p.organisation or "").casefold() == o))
    if q.take(r"\bmain[- ]conference\b|\baccepted\b|\bmain track\b"):
        found.append(Condition("section", "accepted", "section: accepted", lambda p: p.section == "accepted"))
    for section in sorted(catalog.sections - {"accepted"}):
        if q.take(rf"\b{re.escape(section)}s?\b"):
            found.append(Condition("section", section, f"section: {section}", lambda p, s=section: p.section == s))
    for venue in sorted(catalog.venues):
        if q.take(rf"\b{re.escape(venue)}\b(?:\s+(?:19|20)\d\d)?(?:'s)?", 0):
            found.append(Condition("venue", venue, f"venue: {venue}", lambda p, v=venue: (p.venue or "").startswith(v)))
    for owner in sorted(catalog.owners):
        surname = re.escape(owner.split()[-1])
        if q.take(rf"\b(?:{re.escape(owner)}|{surname})(?:'s)?\s+profile(?:\s+page)?\b"):
            found.append(Condition("page", owner, f"page: {owner}'s profile", lambda p, o=owner: p.profile_of == o))
    if q.take(r"\bprofile(?: page)?\b"):
        found.append(Condition("page", "profile", "page: a profile", lambda p: p.profile_of is not None))
    if q.take(r"\btrending(?: papers)?(?: page| list)?\b"):
        found.append(Condition("page", "trending", "page: trending papers",
                               lambda p: any(s.format == "trending" for s in p.sources)))
    return found


def _categories(q: Question, catalog: Catalog) -> list[Condition]:
    """A code as printed (capitals: 'LG', 'cs.AI', '(MES-HALL)') or an arXiv name in any case."""
    found = []
    for name, code in sorted(catalog.categories.items(), key=lambda item: -len(item[0])):
        if name.startswith("cs."):
            continue  # the code's own pattern takes an optional 'cs.'
        if name == code.casefold():
            taken = q.take(rf"\(?\b(?:cs\.)?{re.escape(code)}\b\)?", 0)
        else:
            taken = q.take(rf"\b{re.escape(name)}\b")
        if taken and not any(c.value == code for c in found):
            found.append(Condition("category", code, f"category: {catalog.category_label(code)}",
                                   lambda p, c=code: p.category == c))
    return found
