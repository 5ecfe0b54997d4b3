"""The catalog's own values in a question: a title, people, categories, tags, institutes, sections, venues, pages.
(Whether a page prints a field at all — 'with a tag', 'no date' — is rag/plan_presence.py; organisations and the
legend's institute are rag/plan_org_values.py.)

Each extractor cuts the span it grounds out of the question (rag.plan_terms.Question) and returns a
Condition; nothing is taken unless the catalog holds that value, so a topical word that only looks like
metadata ("sound", "vision") stays in the question and keeps it away from the planner.
"""

from __future__ import annotations

import re

from rag import rx
from rag.authors import by_author
from rag.catalog import Catalog, in_venue
from rag.catalog_pdf_records import is_pdf
from rag.plan_dates import dates
from rag.plan_numbers import compared
from rag.plan_title_typos import misspelt
from rag.plan_org_values import institutes, organisations
from rag.plan_orgs import email_domains, organisation_kinds
from rag.plan_owner_pages import owner_as_person, owner_pages
from rag.plan_terms import NUMBER_WORDS, Condition, Question, author_count, fold
from rag.records import Paper, normalize_title


def conditions(q: Question, catalog: Catalog) -> list[Condition]:
    """Every condition the text names, in an order where a longer reading wins ('ICLR 2026' is a venue, not
    a year; 'at least one Amii-affiliated author' is an affiliation, not an author count)."""
    # 'a score above 85', 'at least 12 pages': before the number is read as a year or a count; 'the first five entries
    # on Courville's profile': before the page is taken, as the place is read with the listing it is in.
    found = compared(q)
    found += owner_pages(q, catalog)  # 'Courville's page' is the page, before 'Courville' is read as the author
    found += people(q, catalog)
    found += owner_as_person(q, found)  # 'On Courville's own page, which entries show him second?': the owner named
    found += tags(q, catalog)
    found += email_domains(q, catalog.email_domains)  # first: 'an e-mail at a university (.edu) domain' names the domain
    found += organisation_kinds(q)  # after named organisations: 'Harvard University' is that one, not any university
    found += dates(q)
    found += categories(q, catalog)
    # 'footnote that two authors contributed equally': the count says how many share the mark, not how many authors the
    # paper has; the mark is read by the registry (rag/catalog_fields.py 'equal'), the count is not a condition.
    for m in rx.finditer(rf"\b(?:\d+|{'|'.join(NUMBER_WORDS)})(?=\s+(?:co-?)?authors?\s+(?:who\s+|that\s+)?(?:contribut\w+\s+"
                         r"equally|(?:are\s+|were\s+)?(?:marked\s+as\s+)?(?:equal|joint)\s+(?:contributors|first\s+authors)))",
                         q.text, re.I):
        q.blank(m.start(), m.end())
    found += author_count(q)
    return found


def title(q: Question, catalog: Catalog) -> Paper | None:
    """A paper named by its title (quoted, a prefix of it, or in full) or by the short name it goes by."""
    for quoted in rx.findall(r"'([^']{3,})'|\"([^\"]{3,})\"", q.text):
        key = normalize_title(quoted[0] or quoted[1])
        found = [p for t, p in catalog.titles.items() if t == key] or \
                [p for t, p in catalog.titles.items() if t.startswith(key)] or \
                [p for p in [misspelt(key, catalog.titles)] if p is not None]  # a slip of one word (plan_title_typos)
        if len(found) == 1:
            q.take(re.escape(quoted[0] or quoted[1]).join(["['\"]", "['\"]"]), kind="title")
            return found[0]
    padded = f" {normalize_title(q.text)} "
    for key, paper in catalog.long_titles:  # longest first
        if f" {key} " in padded:
            words = [re.escape(w) for w in catalog.folded_title_words[paper.title]]
            q.take(r"\W+".join(words) + r"\b", kind="title")
            return paper
    for key, paper in catalog.long_titles:  # a whole title said without its leading article ('the mechanistic analysis
        rest = key.split(" ", 1)  # of looped reasoning language models' for 'A Mechanistic Analysis of …'): that paper
        if rest[0] in ("a", "an", "the") and len(rest) > 1 and len(rest[1].split()) >= 4 and f" {rest[1]} " in padded:
            words = [re.escape(w) for w in catalog.folded_title_words[paper.title][1:]]
            if words and q.take(r"\b" + r"\W+".join(words) + r"\b", kind="title"):
                return paper
    if paper := _title_prefix(q, catalog):
        return paper
    for name, paper in catalog.folded_short_names:
        # The substring test first: a regex compiled per paper per question made search O(papers) in re.compile.
        if name in q.text and rx.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", q.text):
            q.take(rf"(?<![\w-]){re.escape(name)}(?![\w-])", 0, kind="title")
            _spelled_before(q, name)
            return paper
    for name, paper in catalog.coined_short_names:  # 'layoutparser authors at Harvard': a coined name in any case
        if name.casefold() in q.text.casefold() and q.take(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I, kind="title"):
            return paper
    return None


def _spelled_before(q: Question, name: str) -> None:
    """'regularized latent dynamics prediction (RLDP)': the words the short name's letters open, said right before it
    in brackets, are the same name spelled out (taken, so they are not read as a topic)."""
    letters = [c for c in name if c.isalpha()]
    words = r"\s+".join([r"([^\W\d_][\w'-]*)"] * len(letters))
    m = rx.search(rf"(?<![\w-]){words}\s*\(\s*(?=\s*\))" if len(letters) >= 2 else r"(?!)", q.text)
    if m is not None and all(w[0].casefold() == c.casefold() for w, c in zip(m.groups(), letters)):
        q.blank(m.start(), m.end() - 1, "title")


def _title_prefix(q: Question, catalog: Catalog) -> Paper | None:
    """A title's opening words, capitalised as a title is ('How many authors does Dense Passage Retrieval have?'):
    three words at least, the longest such opening in the question, and one paper only. Lower case ('how does dense
    passage retrieval work') is a topic, left to retrieval."""
    best: tuple[int, Paper, re.Match] | None = None
    tied = False
    folded = catalog.folded_title_words
    # An opening matched below starts at a whole word of the question: only titles opening with one of its words.
    asked = set(rx.findall(r"[^\W_]+", q.text))
    at = sorted(i for word in asked for i in catalog.title_openers.get(word, ()))
    for paper in (catalog.papers[i] for i in at):
        words = folded[paper.title]
        if not all(w in q.text for w in words[:3]):
            continue  # every opening matched below holds its first three words as printed: no regex per paper then
        for n in range(len(words), 2, -1):
            if best is not None and n < best[0]:
                break
            if any(not w[:1].isupper() and not w[:1].isdigit() for w in words[:n] if len(w) > 3):
                continue  # every content word of the opening capitalised in the title, as the question must print it
            m = rx.search(r"(?<![\w-])" + r"\W+".join(re.escape(w) for w in words[:n]) + r"(?![\w-])", q.text)
            if m is None:
                continue
            if best is not None and n == best[0] and best[1] is not paper:
                tied = True
            elif best is None or n > best[0]:
                best, tied = (n, paper, m), False
            break
    if best is None or tied:
        return None
    q.blank(best[2].start(), best[2].end(), "title")
    return best[1]


# A word said before a listing noun ('courville entries'): the page's owner named in lower case.
_BEFORE_LISTING = re.compile(r"(?<![\w'-])([^\W\d_][\w'-]*)\s+(?:entries|papers|page|profile|listing|postings?|posts|"
                             r"preprints|articles|items|uploads|titles)\b")


# A word that opens the question and is cut off from it by a colon, dash or comma ('courville: how many from 2023?',
# 'malkin - papers with code?'): the question's topic, said first as a heading is, the person when a surname.
_HEADING = re.compile(r"\s*([^\W\d_][\w'-]*)\s*(?:[:—–,]|\s-\s)")

# A lower-case word in a person's slot: the agent after 'by' ('anything by larochelle'), or the subject of 'is … on'
# ('is bengio or larochelle on anything'), two joined by 'or'/'and' alike. Only such a slot makes a lower-case word
# a name: elsewhere 'bengio' could be any word the question uses.
_PERSON_SLOT = re.compile(r"\b(?:by|is|are|was|were)\s+([^\W\d_][\w'-]*)(?:\s+(?:or|and|nor)\s+([^\W\d_][\w'-]*))?"
                          r"(?=\s*(?:[?,;]|$)|\s+(?:on|in|among|listed|credited)\b)")


def people(q: Question, catalog: Catalog) -> list[Condition]:
    """Authors by full name or a surname printed on the pages."""
    found = []
    present = set(normalize_title(q.text).split())
    # Longest names first (a full name before a surname inside it); equal lengths by name, so the conditions'
    # order never follows the hash seed's order of `present` ('Dinghuai Zhang and Nikolay Malkin').
    candidates = sorted((c for word in present for c in catalog.name_words.get(word, ())),
                        key=lambda c: (-len(c[1]), c[1]))
    for words_of_name, name in candidates:
        if not words_of_name <= present:
            continue  # cheap test first: each word of the name must be in the question
        words = [re.escape(w) for w in rx.findall(r"[^\W_]+", fold(name))]
        if q.take(r"\b" + r"\W+".join(words) + r"\b(?:'s)?", kind="person"):
            found.append(_author(name))
    # The words right before a listing noun, read once: a pattern per word of every question would be one more
    # compiled pattern each, and the re module's 512-entry cache would empty and recompile for every reader.
    before_listing = {m.group(1) for m in _BEFORE_LISTING.finditer(q.text)}
    before_listing |= {w for m in _PERSON_SLOT.finditer(q.text) for w in m.groups() if w}
    before_listing |= {m.group(1) for m in [_HEADING.match(q.text)] if m}  # 'courville: how many from 2023?'
    for word in dict.fromkeys(rx.findall(r"[^\W\d_][\w'-]*", q.text)):  # once each, in the question's order
        name = catalog.unique_surnames.get(word.removesuffix("'s"))  # capitalised, as a name is
        if name is None and word.islower() and len(word) > 5 and (word.endswith("'s") or word in before_listing):
            name = catalog.unique_surnames.get(word.removesuffix("'s").capitalize())  # "malkin's", "courville entries"
        if name and word.casefold() in catalog.organisations and rx.search(
                rf"\b(?:at|from|of|in)\s+{re.escape(word)}\b|\b{re.escape(word)}(?:[- ]affiliated|\s+(?:University|affiliat))",
                q.text):
            continue  # 'an author at Brown' when Brown is also a surname: the place a PDF prints, not the person
        # The given name said without the printed middle initial ('Nathan Sturtevant' for 'Nathan R. Sturtevant').
        given = re.escape(fold(name).split()[0]) + r"\s+(?:[A-Z]\.?\s+)?" if name and len(name.split()) > 1 else ""
        if name and q.take(rf"\b(?:{given})?{re.escape(word.removesuffix(chr(39) + 's'))}\b(?:'s)?", 0, kind="person"):
            found.append(_author(name))
    return found


def _author(name: str) -> Condition:
    return Condition("author", name, f"author: {name}", lambda p: by_author(p, name))


def tags(q: Question, catalog: Catalog) -> list[Condition]:
    found = institutes(q, catalog)
    found += organisations(q, catalog)
    if q.take(r"\bmain[- ]conference\b|\baccepted\b|\bmain track\b"):
        found.append(Condition("section", "accepted", "section: accepted", lambda p: p.section == "accepted"))
    for section in sorted(catalog.sections - {"accepted"}):
        if q.take(rf"\b{re.escape(section)}s?\b"):
            found.append(Condition("section", section, f"section: {section}", lambda p, s=section: p.section == s))
    for venue in sorted(catalog.venues, key=lambda v: -len(v)):  # NAACL-HLT before NAACL
        for m in q.take(rf"(?<![\w-]){re.escape(venue)}(?![\w-])(?:\s+((?:19|20)\d\d))?(?:'s)?", 0):
            name = f"{venue} {m.group(1)}" if m.group(1) else venue
            found.append(Condition("venue", name, f"venue: {name}",
                                   lambda p, v=venue, y=m.group(1): in_venue(p, v)
                                   and (y is None or y in (p.venue or "") or str(p.year) == y)))
    if q.take(r"\bprofile(?: page)?\b"):
        found.append(Condition("page", "profile", "page: a profile", lambda p: p.profile_of is not None))
    uploaded = r"\b(?:(?:the|my|our)\s+)?(?:uploaded|own)\s+(?:pdfs?|papers?|files?)\b|\b(?:the|my|our)\s+pdfs?\b|\bpdfs?\b"
    # 'PDFs included', 'counting the arXiv PDFs too', 'with the PDFs as well': the PDFs widen the set, no condition.
    q.take(rf"(?:,\s*)?\b(?:counting|including|incl\.|with|plus)\s+(?:{_PDFS})(?:\s+(?:too|as\s+well|also|included))?"
           rf"(?![\w-])|(?:,\s*)?(?<![\w-])(?:{_PDFS})\s+(?:included|too|as\s+well|also\s+counted|counted\s+too)\b")
    if rx.search(uploaded, q.text, re.I) and any(is_pdf(p) for p in catalog.papers) \
            and q.take(uploaded):  # the papers read from PDFs, beside the listing pages
        found.append(Condition("page", "pdf", "page: an uploaded PDF",
                               is_pdf))
    # 'the daily/trending papers page': a word joined by a slash before the page's noun names the same page another way
    # ('trending/hot list'); without the noun ('RL/trending papers') the word may be a topic and is left
    if q.take(r"\b(?:[\w-]+\s*/\s*trending|trending\s*/\s*[\w-]+)(?: papers)?\s+(?:page|list|feed)\b|"
              r"\b(?:daily\s+)?trending(?: papers)?(?: page| list| feed)?\b"):  # 'the daily trending feed': the one page
        found.append(Condition("page", "trending", "page: trending papers",
                               lambda p: any(s.format == "trending" for s in p.sources)))
    return found


_PDFS = r"(?:the\s+|my\s+|our\s+)?(?:arxiv\s+|uploaded\s+)?(?:pdfs?|pdf\s+papers|uploaded\s+papers)"


def categories(q: Question, catalog: Catalog) -> list[Condition]:
    """A code as printed (capitals: 'LG', 'cs.AI', '(MES-HALL)') or an arXiv name in any case."""
    found = []
    for name, code in sorted(catalog.categories.items(), key=lambda item: -len(item[0])):
        if name.startswith("cs."):
            continue  # the code's own pattern takes an optional 'cs.'
        if name == code.casefold():
            taken = q.take(rf"\(?\b(?:cs\.)?{re.escape(code)}\b\)?", 0)
        else:
            # 'computation-and-language' and 'computation & language' too
            spelled = rf"\b{re.escape(name)}\b".replace(r"\ ", r"[\s-]+")
            taken = q.take(spelled.replace(r"[\s-]+and[\s-]+", r"(?:[\s-]+and[\s-]+|\s*&\s*)"))
        if taken and not any(c.value == code for c in found):
            found.append(Condition("category", code, f"category: {catalog.category_label(code)}",
                                   lambda p, c=code: p.category == c))
    return found


def code_words(q: Question, catalog: Catalog) -> None:
    """'the category code', 'arXiv labels', 'the CV code', 'a cs.CL class': the category field's own name for its
    value, said after the field or after one of its codes the catalog holds; taken so it is not read as a Code badge."""
    codes = "|".join(re.escape(c) for c in sorted(set(catalog.categories.values()), key=len, reverse=True))
    for m in rx.finditer(rf"\b(?:categor(?:y|ies)|subjects?|arxiv|(?i:cs\.)?(?-i:{codes}))\s+(codes?|labels?|names?|"
                         r"class(?:es)?)\b", q.text, re.I):
        q.blank(m.start(1), m.end(1))
