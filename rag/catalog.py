"""The catalog as data a question can name: every value the pages print, and where each paper is printed.

The planner (rag/planner.py) grounds a question in these values — a real author, a category code or
its arXiv name, an organisation tag, the legend's institute, a section, a page — so a word that only
looks like metadata ("sound", "latest") never becomes a filter unless the catalog holds it as such.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from rag import rx
from rag.authors import AuthorIndex, by_author, given_of
from rag.catalog_headings import Outline, outlines
from rag.catalog_links import owners, printed_links
from rag.catalog_pdf_records import said_names
from rag.organisations import has_organisation, organisation_authors, organisation_names, organisation_variants
from rag.plan_code_promise import code_statement
from rag.plan_terms import fold
from rag.records import PageFacts, Paper, SourceRef, normalize_title
from rag.taxonomy import category_name, names_for


def page_label(source: SourceRef) -> str:
    """'Amii at ICLR 2026 (seeds/000_….txt, line 7)': the page's own name first, the file after."""
    # A PDF's title, authors and date are read off its first page (the arXiv stamp or the proceedings footer).
    where = f"{source.path}, line {source.line}" if source.line else \
        f"{source.path}, p. 1" if source.format == "pdf" else source.path
    return f"{source.page_name} ({where})" if source.page_name else where


_BODY = r"(?:Association|Conference|Society|Symposium|Workshop|Meeting)"


def venue_names(venue: str | None) -> set[str]:
    """The names a question may use for a venue: 'ICLR 2026 (accepted)' -> ICLR; 'Proceedings of NAACL-HLT 2018' ->
    NAACL-HLT, NAACL, HLT; '… Meeting of the Association for Computational Linguistics' -> ACL (its initials)."""
    if not venue:
        return set()
    names = {t for t in rx.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Z0-9]+)*\b", venue)}
    names |= {part for name in names for part in name.split("-") if len(part) >= 2 and not part.isdigit()}
    for m in rx.finditer(rf"\b({_BODY})\s+(?:for|on|of)\s+((?:[A-Z][\w-]+\s*(?:and\s+)?)+)", venue):
        initials = m.group(1)[0] + "".join(w[0] for w in m.group(2).split() if w[:1].isupper())
        if len(initials) >= 3:
            names.add(initials)
    # 'Communications of the ACM' -> CACM: a journal's name said by its words' initials, an acronym in it kept whole
    words = [w for w in venue.split() if w[:1].isupper()]
    if not rx.search(r"\d", venue) and any(w.isupper() for w in words) and len(words) > 1:
        names.add("".join(w if w.isupper() else w[0] for w in words))
    return names


def publishers(paper: Paper) -> set[str]:
    """Who publishes the proceedings a PDF prints ('© 2017 Association for Computational Linguistics'), by its whole
    name ('papers in Association for Computational Linguistics proceedings'). Not its initials: 'ACL papers' are the
    ACL meeting's, not NAACL's that the same association publishes."""
    publisher = paper.venue_line.publisher if paper.venue_line else None
    return {publisher} if publisher else set()


def in_venue(paper: Paper, name: str) -> bool:
    """The paper's venue or its proceedings' publisher is named `name` (as printed, or by its initials)."""
    return name in venue_names(paper.venue) or name in publishers(paper) or \
        rx.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", paper.venue or "", re.I) is not None


def where_printed(paper: Paper, field: str) -> str:
    """Where the paper's page prints a field, to cite beside a catalog row: "Amii at ICLR 2026 (seeds/000_….txt,
    line 70: 'Workshop Papers')", "../papers/N18-3011.pdf, p. 1, line 9: 'Northwestern University, …'". Fields:
    title, authors, date, venue, section, category, organisation, affiliation, arxiv, keywords, page; a PDF's
    organisations are cited per organisation (Organisation.printed). '' when the page does not print it."""
    printed = paper.printed.get(field)
    if printed is None or not paper.sources:
        return ""
    source = paper.sources[0]
    where = ", ".join(part for part in (source.path, printed.location) if part)
    place = f"{source.page_name} ({where}" if source.page_name else f"{where}"
    quote = f": '{printed.text}'" if printed.text else ""
    return place + quote + (")" if source.page_name else "")


def short_name(title: str) -> str | None:
    """'Nano3D: A Training-Free …' -> 'Nano3D': the name a paper goes by, when its title leads with one."""
    head = title.split(":", 1)[0].strip()
    if head != title and 1 <= len(head.split()) <= 3 and head[:1].isupper():
        return head
    return None


def initials(title: str) -> str | None:
    """'Dense Passage Retrieval for Open-Domain …' -> 'DPR': the initials of the capitalised words a title opens with,
    three to five of them, as papers are called by."""
    words = rx.findall(r"[^\W_][\w'-]*", title.split(":", 1)[0])
    run = []
    for word in words:
        if not word[:1].isupper():
            break
        run.append(word)
    return "".join(w[0] for w in run) if 3 <= len(run) <= 5 else None


_LAST: dict[str, "Catalog"] = {}  # one entry: the catalog of the snapshot in use


@dataclass
class Catalog:
    """Lookup tables over one snapshot's papers (cheap: built per question from ~10^2–10^4 records)."""

    papers: list[Paper]
    names: AuthorIndex = field(default_factory=lambda: AuthorIndex([]))  # the one author matcher
    organisations: set[str] = field(default_factory=set)
    institutes: set[str] = field(default_factory=set)  # who an affiliation mark means
    categories: dict[str, str] = field(default_factory=dict)  # lowercased code or name -> code
    sections: set[str] = field(default_factory=set)
    venues: set[str] = field(default_factory=set)  # venue acronyms: ICLR
    owners: set[str] = field(default_factory=set)  # whose profile pages there are
    pages: set[str] = field(default_factory=set)  # page names as their headers say: 'Amii at ICLR 2026'
    page_facts: dict[str, PageFacts] = field(default_factory=dict)  # page name -> what it prints once for all
    titles: dict[str, Paper] = field(default_factory=dict)  # normalised title -> paper, longest title first
    short_names: dict[str, Paper] = field(default_factory=dict)

    @classmethod
    def of(cls, papers: list[Paper]) -> "Catalog":
        """The catalog of this list of papers; the last one built is kept, as a snapshot's list never changes."""
        held = _LAST.get("catalog")
        if held is not None and held.papers is papers:
            return held
        catalog = cls._build(papers)
        _LAST["catalog"] = catalog
        return catalog

    @classmethod
    def _build(cls, papers: list[Paper]) -> "Catalog":
        catalog = cls(papers=papers, names=AuthorIndex(papers))
        acronyms: dict[str, list[Paper]] = {}
        for paper in papers:
            catalog.institutes.update(a.affiliation for a in paper.authors if a.affiliation)
            if paper.profile_of:
                catalog.owners.add(paper.profile_of)
            catalog.pages.update(s.page_name for s in paper.sources if s.page_name)
            catalog.page_facts.update((s.page_name, s.facts) for s in paper.sources if s.page_name and s.facts)
            if paper.organisation:
                catalog.organisations.add(paper.organisation.casefold())
            for organisation in paper.organisations:  # a PDF's affiliations, in every spelling a question may use, and
                catalog.organisations.update(said_names(organisation.name))  # 'an Allen Institute author'
            if paper.category:
                code = paper.category
                printed = [paper.arxiv.category] if paper.arxiv and paper.arxiv.category else []  # 'stat.ML'
                for name in [code, f"cs.{code}", *printed, *names_for(code)]:
                    catalog.categories[name.casefold()] = code
            if paper.section:
                catalog.sections.add(paper.section)
            catalog.venues.update(venue_names(paper.venue))
            catalog.venues.update(publishers(paper))  # 'Association for Computational Linguistics proceedings'
            catalog.titles[normalize_title(paper.title)] = paper
            if name := short_name(paper.title):
                catalog.short_names[name] = paper
            if (name := initials(paper.title)) is not None:
                acronyms.setdefault(name, []).append(paper)
        # A title's initials ('DPR' for Dense Passage Retrieval …) when one paper only has them and nothing else is
        # called so (a category code, a venue, a paper's own short name).
        taken = set(catalog.short_names) | catalog.venues | {code.upper() for code in catalog.categories.values()}
        catalog.short_names.update({name: found[0] for name, found in acronyms.items()
                                    if len(found) == 1 and name not in taken})
        # Longest first, once per snapshot: a title that contains a shorter one must win, and sorting per question
        # cost O(papers log papers) on every search.
        catalog.titles = dict(sorted(catalog.titles.items(), key=lambda item: -len(item[0])))
        return catalog

    @property
    def authors(self) -> dict[str, str]:
        """Normalised full name -> name as printed (profile owners too)."""
        return self.names.printed

    @property
    def surnames(self) -> dict[str, set[str]]:
        """Surname as printed -> full names."""
        return self.names.surnames

    @cached_property
    def name_words(self) -> dict[str, list[tuple[frozenset[str], str]]]:
        """Each name's words under its last word, longest names first: a question's words find their candidates
        without a pass over every author (thousands in a big library) on every question."""
        index: dict[str, list[tuple[frozenset[str], str]]] = {}
        for key, name in sorted(self.authors.items(), key=lambda item: -len(item[0])):
            index.setdefault(key.split()[-1], []).append((frozenset(key.split()), name))
        return index

    @cached_property
    def printed_titles(self) -> list[str]:
        """Every paper's title as printed, in the catalog's order: built once per snapshot, not per question."""
        return [p.title for p in self.papers]

    @cached_property
    def folded_title_words(self) -> dict[str, tuple[str, ...]]:
        """Each printed title -> its words as a question may print them, accents off ('Multi-Agent' -> 'Multi',
        'Agent'): built once per snapshot, not per question, as naming a paper looks at every title on every question
        (rag/plan_values.title). A per-process cache of fixed size missed every title once a library outgrew it."""
        return {p.title: tuple(rx.findall(r"[^\W_]+", fold(p.title))) for p in self.papers}

    @cached_property
    def long_titles(self) -> list[tuple[str, Paper]]:
        """(normalised title, paper) for titles of three words or more, longest first as `titles` is: the titles a
        question may name in full, split once per snapshot rather than on every question."""
        return [(key, paper) for key, paper in self.titles.items() if len(key.split()) >= 3]

    @cached_property
    def title_openers(self) -> dict[str, list[int]]:
        """A title's first folded word -> the positions in `papers` of the titles of three words or more opening with
        it: naming a paper by its opening words looks only at titles whose first word the question holds, not at every
        title on every question (50 ms a question at 33k papers)."""
        index: dict[str, list[int]] = {}
        for at, paper in enumerate(self.papers):
            words = self.folded_title_words[paper.title]
            if len(words) >= 3:
                index.setdefault(words[0], []).append(at)
        return index

    @cached_property
    def folded_short_names(self) -> list[tuple[str, Paper]]:
        """Each short name a paper goes by ('DPR'), accents off, with its paper: folded once per snapshot, not once
        per name on every question."""
        return [(fold(name), paper) for name, paper in self.short_names.items()]

    @cached_property
    def coined_short_names(self) -> list[tuple[str, Paper]]:
        """The short names coined in mixed case ('LayoutParser', 'TokMem', 'WebPilot'), of six letters or more: said in
        any case ('layoutparser authors'), still that paper, as no English word is spelt so. Acronyms ('DPR') and short
        coinages ('HoME') are not: in lower case they are words."""
        return [(name, paper) for name, paper in self.folded_short_names
                if " " not in name and len(name) >= 6 and rx.search(r"[a-z][A-Z]", name)]

    @cached_property
    def code_statements(self) -> dict[str, str]:
        """Paper id -> 'promised' or 'out', as its abstract's sentences about its code say (rag/plan_code_promise.py);
        papers whose abstract says nothing about code are left out. Read once per snapshot when a question asks, not
        once per paper on every question."""
        said = {p.paper_id: code_statement(p) for p in self.papers}
        return {pid: statement for pid, statement in said.items() if statement}

    @cached_property
    def abstract_groups(self) -> dict[str, str]:
        """Paper id -> the id of the entry whose text it prints, for every entry printing a text another entry prints
        too: the original and its copies (a page's copy-paste defect, rag/plan_copies.py). Once per snapshot, and
        only when a question asks."""
        copies = {p.paper_id: p.abstract_duplicate_of for p in self.papers if p.abstract_duplicate_of}
        return {**copies, **{i: i for i in set(copies.values())}}

    @cached_property
    def list_groups(self) -> dict[str, str]:
        """Paper id -> its complete printed author list (normalised), for lists printed on two entries or more
        (rag/plan_copies.py): once per snapshot, and only when a question asks. A list cut with 'et al.' is not
        known to be the same."""
        keys = {p.paper_id: " | ".join(" ".join(a.name.casefold().split()) for a in p.authors)
                for p in self.papers if p.authors and not p.authors_truncated}
        seen: dict[str, int] = {}
        for key in keys.values():
            seen[key] = seen.get(key, 0) + 1
        return {i: key for i, key in keys.items() if seen[key] > 1}

    @cached_property
    def links(self) -> dict[str, tuple]:
        """Paper id -> the web addresses its abstract and PDF text print (rag/catalog_links.py): read once per
        snapshot, and only when a question names a link or an owner's context word (rag/plan_links.py)."""
        return {p.paper_id: printed_links(p) for p in self.papers}

    @cached_property
    def outlines(self) -> dict[str, Outline]:
        """Paper id -> the headings its PDF prints (rag/catalog_headings.py), for the PDFs that print numbered ones:
        read once per snapshot, as every heading question reads every PDF."""
        return outlines(self.papers)

    @cached_property
    def link_names(self) -> tuple[dict[str, str], frozenset[str]]:
        """The owners (folded -> as printed) and hosts the papers' links name: what a question may name of a link."""
        return owners(self.links), frozenset(link.host for found in self.links.values() for link in found)

    @cached_property
    def email_domains(self) -> frozenset[str]:
        """The domains of every printed e-mail address, lower case: read once per snapshot."""
        return frozenset(e.rsplit("@", 1)[-1].casefold() for p in self.papers for e in p.emails)

    @cached_property
    def given_names(self) -> frozenset[str]:
        """Every printed name's given names, normalised (rag/authors.given_of: 'named Sergey', 'J Ross Mitchell' has
        'ross'): built once per snapshot, not by a pass over every author on each name a question says."""
        return frozenset(given for name in self.authors.values() for given in given_of(name))

    @cached_property
    def unique_surnames(self) -> dict[str, str]:
        """Surname without accents, as capitalised on the page -> the one full name it belongs to."""
        return {fold(surname): next(iter(names)) for surname, names in self.surnames.items() if len(names) == 1}

    @cached_property
    def mark_names(self) -> str:
        """The marks the pages print after names, as Unicode names them ('dagger', 'double dagger', 'asterisk'),
        longest first, as one pattern ('' when none; rag/plan_card.py). Not ASCII punctuation but the asterisk: a '?'
        read as a mark is a parsing slip, and 'question mark' no field."""
        symbols = {m for p in self.papers for a in p.authors for m in a.marks}
        symbols |= {m.mark for p in self.papers for m in [*p.notes, *p.organisations] if m.mark}
        symbols |= {e.mark for p in self.papers for s in p.sources if s.facts for e in s.facts.legend}
        names = {unicodedata.name(s, "").casefold() for s in symbols
                 if len(s) == 1 and not s.isalnum() and (s == "*" or not s.isascii())} - {""}
        names |= {name.removesuffix(" operator") for name in names}  # '∗' ASTERISK OPERATOR is said 'asterisk'
        return "|".join(r"[\s-]+".join(map(re.escape, n.split())) for n in sorted(names, key=lambda n: (-len(n), n)))

    @cached_property
    def word_share(self) -> dict[str, float]:
        """Word -> share of the papers whose title or abstract uses it (rag/plan_filler.py's library share)."""
        counts: dict[str, int] = {}
        for paper in self.papers:
            for word in set(rx.findall(r"[a-z]+", f"{paper.title} {paper.abstract or ''}".casefold())):
                counts[word] = counts.get(word, 0) + 1
        return {word: n / max(1, len(self.papers)) for word, n in counts.items()}

    def category_label(self, code: str) -> str:
        name = category_name(code)
        return f"{code} ({name})" if name else code


def _members(authors: list[str], everyone: int) -> str:
    """' (Sewon Min)' after an organisation; nothing when it is everyone's, a count when the list is long."""
    if not authors or len(authors) == everyone:
        return ""
    return f" ({', '.join(authors)})" if len(authors) <= 4 else f" ({len(authors)} of {everyone} authors)"


def organisations_line(paper: Paper, separator: str = "; ") -> str | None:
    """'Facebook AI (…); University of Washington (Sewon Min); Princeton University (Danqi Chen)' for a PDF,
    the tag ('mila') for a listing entry, None when the page prints neither: a lookup's answer."""
    names = [paper.organisation] if paper.organisation else []
    names += [o.name + _members(o.authors, len(paper.authors)) for o in paper.organisations]
    return separator.join(names) or None


def describe(paper: Paper) -> str:
    """One catalog row as text: what the pages print about the paper."""
    parts = [paper.author_line(limit=6) or "authors not listed"]
    if paper.authors_duplicate_of:  # the page repeats an earlier entry's list verbatim (rag/parsing/duplicates.py)
        parts[0] += " (the same list as an earlier entry on the page; it may be copied)"
    if paper.date:
        note = "" if not paper.date_inferred else " (from the venue)" if paper.date_precision == "year" \
            else " (year not printed)"
        parts.append(paper.date + note)
    if paper.category:
        name = category_name(paper.category)
        parts.append(f"{paper.category} {name}" if name else paper.category)
    if line := organisations_line(paper, " / "):  # a listing's tag; a PDF's affiliations with their authors
        parts.append(line)
    if paper.venue:
        parts.append(paper.venue)
    if paper.arxiv:
        parts.append(arxiv_stamp(paper) or "")
    return f"{paper.title} — " + "; ".join(parts)


def arxiv_stamp(paper: Paper) -> str | None:
    """'arXiv:2004.04906v3 [cs.CL]' as the PDF's margin stamp prints it; 'arXiv:<id>' when only the id is known."""
    if paper.arxiv:
        return f"arXiv:{paper.arxiv.id}" + (f"v{paper.arxiv.version}" if paper.arxiv.version else "") + \
            (f" [{paper.arxiv.category}]" if paper.arxiv.category else "")
    return f"arXiv:{paper.arxiv_id}" if paper.arxiv_id else None


__all__ = ["Catalog", "arxiv_stamp", "by_author", "describe", "has_organisation", "organisation_authors",
           "organisation_names", "organisation_variants", "organisations_line", "page_label", "short_name",
           "venue_names", "where_printed"]
