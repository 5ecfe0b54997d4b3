"""The e-mail addresses a PDF prints under its authors, as records: each address with whose it is and the
organisation its domain names, derived from Paper.emails, the authors and their affiliations when the catalog is
read (ingestion stores nothing new).

Whose an address is: the author whose name its local part spells (rag/authors.email_of: 'plewis' is Patrick Lewis);
else, by elimination, the one author no address spells for the one address that spells nobody, among the authors of
the organisation its domain spells ('shannons@allenai.org' and Allen Institute for AI's one author, Zejiang Shen) or,
when the domain spells none, among all ('scottyih@fb.com' and Wen-tau Yih, the one DPR author left).
"""

from __future__ import annotations

from dataclasses import dataclass

from rag import rx
from rag.authors import email_of
from rag.records import Paper

_GENERIC = {"cs", "eecs", "fas", "mail", "email", "ece", "math", "stat", "stats", "research", "edu", "ac", "co", "com",
            "org", "net", "uk", "de", "ca", "cn", "io", "ai", "gov", "fr", "jp", "www"}


@dataclass(frozen=True)
class Email:
    """One printed address: 'w422li@uwaterloo.ca', Weining Li's, at University of Waterloo (its domain spells it)."""

    address: str
    owner: str | None  # the author's name as printed, None when neither spelling nor elimination says whose
    organisation: str | None  # the affiliation the domain spells ('uwaterloo' -> University of Waterloo)
    spelled: bool  # the local part spells the owner's name (False: found by elimination)

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[-1].casefold()


def domain_organisation(paper: Paper, address: str) -> str | None:
    """The paper's one organisation a label of the address's domain spells ('allenai' -> 'Allen Institute for AI',
    'washington' -> 'University of Washington'), read as a name is read from a local part."""
    labels = [x for x in address.rsplit("@", 1)[-1].casefold().split(".") if x not in _GENERIC]
    names = {o.name for o in paper.organisations} | {n for a in paper.authors for n in a.affiliations}
    found = {name for name in names for label in labels if len(label) >= 3 and email_of(name, [f"{label}@x"])}
    return found.pop() if len(found) == 1 else None


def emails(paper: Paper) -> list[Email]:
    """Every address the paper prints with whose it is, in printed order."""
    spelled = {a.name: email_of(a.name, paper.emails) for a in paper.authors}
    owner = {address: name for name, address in spelled.items() if address}
    places = {address: domain_organisation(paper, address) for address in paper.emails}
    left = [a for a in paper.authors if not spelled[a.name]]
    for place in set(places.values()):  # by elimination: one address left, one author left, in one organisation
        addresses = [e for e in paper.emails if e not in owner and places[e] == place]
        people = [a.name for a in left if place is None or place in a.affiliations or
                  any(o.name == place and a.name in o.authors for o in paper.organisations)]
        if len(addresses) == 1 and len(people) == 1 and (place is not None or len(left) == 1):
            owner[addresses[0]] = people[0]
    return [Email(e, owner.get(e), places[e], e in spelled.values()) for e in paper.emails]


def said(paper: Paper, email: Email) -> str:
    """'w422li@uwaterloo.ca: Weining Li (6th of 6 authors, marks 5), University of Waterloo'."""
    if email.owner is None:
        return f"{email.address}: no author's name it spells" + (f" ({email.organisation})" if email.organisation else "")
    index = next(i for i, a in enumerate(paper.authors) if a.name == email.owner)
    author = paper.authors[index]
    meant = [f"{n.mark} {n.means}" for n in paper.notes if n.mark in author.marks]  # '∗ Equal contribution'
    marks = f", marks {' '.join(author.marks)}" + (f" ({'; '.join(meant)})" if meant else "") if author.marks else ""
    places = "; ".join(author.affiliations) or email.organisation or "no affiliation printed"
    how = "" if email.spelled else " (the one address and author left)"
    unmarked = "" if author.marks else ", no mark after the name on the byline"
    return f"{email.address}: {author.name} (author {index + 1} of {len(paper.authors)}{marks}){unmarked}, {places}{how}"


def holds_address(text: str) -> list[str]:
    """The e-mail addresses a question quotes."""
    return [m.group(0).rstrip(".,;:?!)") for m in rx.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)]
