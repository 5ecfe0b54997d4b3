"""A page named by its owner: 'Courville's profile', 'on courville's list', 'Courville's listed papers', 'the Courville
entries', 'papers listed under Courville'.

A profile page says whose it is in its header (Paper.profile_of), and that owner is data: the page is a set of
entries, not a name to look for on author lines. The difference shows when the question reads the printed names
('which of Courville's listed papers show Christos Tsirigotis among the authors'): a profile prints three names and
'et al.', so its owner is missing from most entries' author lines, and read as a printed author he would cut the
page's entries down to the few that happen to print him.

The owner is a page only when the question says so by its structure: the owner's name (in full or the surname, any
case) owning a listing noun — possessive or attributive — or the noun's place after 'listed under'. 'Courville's
papers' and 'papers by Courville' stay an author (rag/plan_values.people), which already counts the entries of his
own profile as his (rag/authors.by_author).
"""

from __future__ import annotations

import re

from rag.authors import by_author
from rag.catalog import Catalog
from rag.plan_terms import Condition, Question, fold

_POSSESSIVE = r"(?:'s|’s|s'|'|’|s)?"  # 'courvilles list': the apostrophe left out
# What a page holding a set of entries is called: the page itself, its list, its entries. A single 'entry' is left:
# 'Courville's entry on the trending page' may be one paper of his anywhere.
_LISTING = r"(?:profile(?:\s+page)?|(?:home\s*)?page|list(?:ing)?s?|entries|feed|roster|catalog(?:ue)?)"
# Entries said as the page's papers by a word that the page shows them: 'Courville's listed papers', 'his shown works'.
_SHOWN_PAPERS = r"(?:listed|shown|displayed|profile)\s+(?:papers?|works?|items?|publications?|preprints?|articles?|entries)"


def owner_pages(q: Question, catalog: Catalog) -> list[Condition]:
    """The profile pages the question names by their owner, each a page condition; their words are taken."""
    found = []
    for owner in sorted(catalog.owners):
        name = rf"(?:{re.escape(fold(owner))}|{re.escape(fold(owner).split()[-1])})"
        owned = rf"\b{name}{_POSSESSIVE}[\s-]+(?:own\s+)?(?:{_LISTING}|{_SHOWN_PAPERS})\b"
        under = rf"(?<=\blisted\s)\s*(?:under|for)\s+{name}{_POSSESSIVE}(?![\w-])"  # 'papers listed under Courville'
        # 'the profile of Courville', 'the listing for Courville'
        of = rf"\b(?:profile(?:\s+page)?|(?:home\s*)?page|listing|feed)\s+(?:of|for)\s+{name}(?![\w'’-])"
        if q.take(owned) or q.take(under) or q.take(of):
            found.append(owner_page(owner))
            # Named again as a person ('Courville entries where courville himself isn't shown'): the owner's name.
            if q.take(rf"\b{name}{_POSSESSIVE}(?![\w-])"):
                found.append(_owner_named(owner))
    return found


def owner_as_person(q: Question, found: list[Condition]) -> list[Condition]:
    """The owner of the one page named, as the person a pronoun points to when no person is named ('On Courville's
    own page, which entries show him as the second name?'): his own name on the entries' author lines."""
    owners = [c.value for c in found if c.field == "page" and c.label == f"page: {c.value}'s profile"]
    if len(owners) != 1 or any(c.field == "author" for c in found) or not _PERSON_PRONOUN.search(q.text):
        return []
    return [_owner_named(owners[0])]


# 'him', or his name said by a possessive ('a byline that ends with his own name')
_PERSON_PRONOUN = re.compile(r"\b(?:he|him|himself|she|her|herself)\b|\b(?:his|hers)\s+(?:own\s+)?name\b", re.I)


def _owner_named(owner: str) -> Condition:
    return Condition("author", owner, f"author: {owner}", lambda p: by_author(p, owner))


def owner_page(owner: str) -> Condition:
    return Condition("page", owner, f"page: {owner}'s profile", lambda p: p.profile_of == owner)


__all__ = ["owner_as_person", "owner_page", "owner_pages"]
