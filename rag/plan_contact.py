"""Where a PDF says its authors can be reached (rag/catalog_emails.py, Paper.organisations): whose a printed e-mail
address is ('whose address is w422li@uwaterloo.ca'), a person's e-mail with their affiliation, named by name, by
place in the author list or by the mark after the name ('the author with the dagger'), the PDFs printing addresses
under a domain ('a washington.edu e-mail'), and the postal address a PDF prints for an institute ('city, state, ZIP').

Each is read from a catalog object the question names — an address the library prints, a named PDF's author or
organisation, a domain some address is under — with a word asking for an e-mail or an address; a question naming
none of them is left to the other readers.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_emails import Email, emails, holds_address, said
from rag.plan_citations import _named
from rag.plan_heading_phrases import abbreviated
from rag.plan_headings import HeadingAsk
from rag.plan_terms import HOW_MANY, ordinal_suffix
from rag.records import Paper

_EMAIL = re.compile(r"\be\s?-?\s?mails?\b|\bmail\s+address(?:es)?\b|\bcontact\b", re.I)
_POSTAL = re.compile(r"\b(?:postal|street|mailing)\s+address(?:es)?\b|\bcity\b|\bstate\b|\bzip(?:\s*codes?)?\b|"
                     r"\bpost(?:al)?\s*codes?\b|\bcountry\b|\baddress(?:es)?\b|\blocated\b", re.I)
# The marks a question may name by their look ('the dagger', 'a little envelope').
_MARK_WORDS = [("‡", r"double[\s-]+daggers?|‡"), ("†", r"daggers?|†"), ("∗", r"asterisks?|stars?|\*|∗"),
               ("✉", r"envelopes?|corresponding|\(\s*\)|✉")]
_PLACE = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|last|final|lead|senior)\s+"
                    r"(?:(?:listed|named)\s+)?(?:author|co-?author|name)\b", re.I)
_ORDINALS = {"first": 0, "lead": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6,
             "eighth": 7, "last": -1, "final": -1, "senior": -1}
_SET = re.compile(r"\b(?:which|what|any|how\s+many)\s+(?:of\s+)?(?:(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?)\b",
                  re.I)
_WEAK = {"university", "institute", "school", "department", "college", "for", "of", "the", "and", "science", "sciences",
         "computer", "engineering", "research", "lab", "laboratory", "center", "centre"}


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The answer to an e-mail or postal-address question about the PDFs, or None when it is not one."""
    text = " ".join(question.replace("’", "'").split())
    quoted = holds_address(text)
    if not quoted and not _EMAIL.search(text) and not _POSTAL.search(text):
        return None
    pdfs = [p for p in catalog.papers if p.emails or p.organisations]
    named = [p for _, p in _named(text.casefold(), catalog) if p in pdfs] or abbreviated(text, pdfs)  # 'lit graph'
    if quoted:
        return _whose(quoted, named or pdfs)
    if len(named) == 1 and (_EMAIL.search(text) or _handles_said(text, named[0])):  # "the 'scottyih' address"
        return _person(text, named[0]) or _owner_asked(text, named[0])
    if len(named) == 1:
        return _postal(text, named[0])
    if not named and _EMAIL.search(text) and _SET.search(text):
        return _under_domain(text, pdfs)
    return None


def _whose(quoted: list[str], papers: list[Paper]) -> HeadingAsk | None:
    wanted = {a.casefold() for a in quoted}
    found = [(p, e) for p in papers for e in emails(p) if e.address.casefold() in wanted]
    if not found:
        return None  # an address no PDF prints: nothing to say from the catalog
    return HeadingAsk("; ".join(f"{p.title} prints {said(p, e)}" for p, e in found) + ".",
                      list({p.paper_id: p for p, _ in found}.values()))


def _owner_asked(text: str, paper: Paper) -> HeadingAsk | None:
    """Whose a named PDF's address is, the address said by its handle ('the barlaso one') or the only one it prints
    ('it prints only one e-mail: whose?')."""
    if not rx.search(r"\bwhose\b|\bwho\b|\bbelongs?\b|\bowner\b|\b(?:which|what)\s+(?:author|person|name)\b|"
                     r"\bgoes\s+with\b", text, re.I):
        return None
    records = emails(paper)
    words = set(rx.findall(r"[\w.+-]+", text.casefold()))
    handled = [e for e in records if e.address.split("@")[0].casefold() in words]
    found = handled or (records if len(records) == 1 else [])
    if not found:
        return None
    return HeadingAsk(f"{paper.title} prints " + "; ".join(said(paper, e) for e in found) + ".", [paper])


def _handles_said(text: str, paper: Paper) -> bool:
    """The question says one of the PDF's printed addresses by its local part alone ('the scottyih address')."""
    words = set(rx.findall(r"[\w.+-]+", text.casefold()))
    return any(e.split("@")[0].casefold() in words for e in paper.emails)


def _person(text: str, paper: Paper) -> HeadingAsk | None:
    """A named PDF's author (by name, place or mark) with their affiliation and e-mail."""
    records = emails(paper)
    people = _people(text, paper)
    if people is None:
        return None  # a place or mark the author list does not hold
    if not people:
        return None  # 'which e-mails does X print' is the registry's e-mail field (rag/catalog_fields.py)
    rows = []
    for index in people:  # said as the affiliations lookup says a person (rag/catalog_authors.py), place after
        author = paper.authors[index]
        mine = [e for e in records if e.owner == author.name]
        marks = f" (marks {' '.join(author.marks)})" if author.marks else ""
        places = "; ".join(author.affiliations) or "no affiliation printed"
        rows.append(f"{author.name}{marks}: {places}; " + (f"e-mail {mine[0].address}" if mine else
                                                           "no printed e-mail address is theirs") +
                    f" ({ordinal_suffix(index + 1)} of {len(paper.authors)} authors)")
    return HeadingAsk(f"{paper.title} — " + " | ".join(rows) + ".", [paper])


def _people(text: str, paper: Paper) -> list[int] | None:
    """The authors the question names: by full name or surname, by place ('the first author') or by mark ('the one
    with a dagger'); [] when it names none, None when it names a place or mark no author holds."""
    low = text.casefold()
    found = [i for i, a in enumerate(paper.authors) if a.name.casefold() in low or
             len(a.name.split()[-1]) > 2 and rx.search(rf"\b{re.escape(a.name.split()[-1].casefold())}\b", low) and
             sum(b.name.split()[-1] == a.name.split()[-1] for b in paper.authors) == 1]
    if found:
        return found
    if not HOW_MANY.search(low) and (domains := _domains_said(low, emails(paper))):  # 'one has a cs.princeton.edu
        # email: who?' (counted, 'how many have an fb.com e-mail' is the planner's email_authors)
        return [i for i, a in enumerate(paper.authors)
                if any(e.owner == a.name and e.domain in domains for e in emails(paper))] or None
    for m in _PLACE.finditer(text):
        at = _ORDINALS[m.group(1).casefold()]
        return [at % len(paper.authors)] if paper.authors and at < len(paper.authors) else None
    for mark, words in _MARK_WORDS:
        if rx.search(rf"(?<!\w)(?:{words})(?!\w)", text, re.I):
            held = [i for i, a in enumerate(paper.authors) if mark in a.marks or mark == "∗" and "*" in a.marks]
            return held or None
    return []


# An organisation named apart from the one said ('besides AI2'), which the planner's fields read (rag/plan_fields.py),
# or by its place under the byline ('the second institution', 'the other affiliation'), read here.
_BESIDES = re.compile(r"\b(?:besides|apart\s+from|other\s+than|aside\s+from|except(?:\s+for)?|in\s+addition\s+to)\b", re.I)
_NTH_ORG = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|last|final|other|another)\s+(?:listed\s+|printed\s+)?(?:institution|"
                      r"organi[sz]ation|affiliation|university|institute)s?\b", re.I)


def _nth(text: str, paper: Paper) -> list:
    """The organisation a question names by its place under the byline ('the second institution'), in the order the
    PDF prints them; 'the other one' when the PDF prints two."""
    orgs = list(paper.organisations)
    if m := _NTH_ORG.search(text):
        word = m.group(1).casefold()
        if word in ("other", "another"):
            return orgs[1:] if len(orgs) == 2 else []
        at = _ORDINALS[word]
        return [orgs[at]] if at < len(orgs) else []
    return []


def _domains_said(low: str, records: list[Email]) -> set[str]:
    """The domains of the PDF's printed addresses that the question names, whole or by a dotted tail ('princeton.edu'
    names cs.princeton.edu); a bare word ('princeton') names an institution, not a domain."""
    said_domains = {m.group(0) for m in rx.finditer(r"(?<![\w@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)+", low)}
    return {e.domain for e in records for d in said_domains if e.domain == d or e.domain.endswith("." + d)}


def _postal(text: str, paper: Paper) -> HeadingAsk | None:
    """The line a PDF prints for an organisation the question names by a word of its name ('the Allen Institute')."""
    if not _POSTAL.search(text):
        return None
    said_words = set(rx.findall(r"[a-z]+", text.casefold()))
    orgs = [o for o in paper.organisations if {w for w in rx.findall(r"[a-z]+", o.name.casefold()) if len(w) > 3 and
                                               w not in _WEAK} & said_words]
    if _BESIDES.search(text):
        return None  # 'besides AI2, which one, what city': the one not named, which the planner's fields read
    if len(orgs) != 1:
        orgs = _nth(text, paper)
    if len(orgs) != 1:
        return None
    org = orgs[0]
    where = org.printed.location
    return HeadingAsk(f"{paper.title} prints for {org.name}: '{org.printed.text}'" + (f" ({where})" if where else "")
                      + ".", [paper])


# A domain set aside: 'excluding e-mails at allenai.org', 'not at allenai.org', 'other than washington.edu ones' — the
# cue in the same clause before the domain (no comma between). The addresses asked are then those under no such domain.
_ASIDE = re.compile(r"\b(?:excluding|exclude|except(?:\s+for)?|other\s+than|besides|apart\s+from|aside\s+from|outside(?:\s+of)?|"
                    r"without|ignoring|ignore|leaving\s+out|skip(?:ping)?|minus|not\s+counting|not\s+including)\b[^,;:?()]*$|"
                    r"(?:\bnot|n't)\s+(?:at|under|on|from|in|with)\s+(?:the\s+)?(?:domain\s+)?$", re.I)
# The PDF's verb negated: "which PDFs don't print an allenai.org address" asks for the PDFs printing none under it.
_NONE_PRINTED = re.compile(r"(?:n't|\bnot|\bnever)\s+(?:print|give|list|have|show|include|carry|use)s?\b|\bno\s+(?:e-?mail|address)",
                           re.I)


def _under_domain(text: str, pdfs: list[Paper]) -> HeadingAsk | None:
    """PDFs printing an address under a domain the question names ('washington.edu', 'allenai.org'), or under none of
    the domains it sets aside ('excluding e-mails at allenai.org'): the exclusion is of a VALUE of the field listed,
    so it selects the other addresses, never the ones named (read as a domain asked, they had been listed)."""
    domains = {e.rsplit("@", 1)[-1].casefold() for p in pdfs for e in p.emails}
    said_domains = [m for m in rx.finditer(r"(?<![\w@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)+", text, re.I)
                    if any(d == m.group(0).casefold() or d.endswith("." + m.group(0).casefold()) for d in domains)]
    if not said_domains:
        return None
    aside = [m.group(0).casefold() for m in said_domains if _ASIDE.search(text[:m.start()])]
    named = [m.group(0).casefold() for m in said_domains if m.group(0).casefold() not in aside]

    def under(e: Email, ds: list[str]) -> bool:
        return any(e.domain == d or e.domain.endswith("." + d) for d in ds)

    if named and not aside and _NONE_PRINTED.search(text):
        rows = [p for p in pdfs if not any(under(e, named) for e in emails(p))]
        return HeadingAsk(f"{len(rows)} PDF{'s' if len(rows) != 1 else ''} print{'s' if len(rows) == 1 else ''} no "
                          f"address under {' or '.join(named)}: " + "; ".join(p.title for p in rows) + ".", rows)
    found: list[tuple[Paper, Email]] = [(p, e) for p in pdfs for e in emails(p)
                                        if (not named or under(e, named)) and not under(e, aside)]
    rows = list({p.paper_id: p for p, _ in found}.values())
    verb = "prints" if len(rows) == 1 else "print"
    where = (f"under {' or '.join(named)}" if named else "") + (" and " if named and aside else "") + \
        (f"not under {' or '.join(aside)}" if aside else "")
    return HeadingAsk(f"{len(rows)} PDF{'s' if len(rows) != 1 else ''} {verb} an address {where}: " +
                      "; ".join(f"{p.title}: {said(p, e)}" for p, e in found) + ".", rows)
