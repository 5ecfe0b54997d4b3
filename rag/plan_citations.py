"""Questions about what a PDF prints after its body (rag/catalog_citations.py): which papers of the library its
reference list cites ('does SPECTER cite the literature graph paper?', 'which of my papers does DPR cite?', 'which PDFs
cite the literature graph paper?') and its acknowledgements ('who does SPECTER thank?', 'which grant numbers does
SPECTER list?', 'which PDFs have acknowledgements?'). Each answer row cites the page the entry is printed on.

How or why a paper builds on another, what it says about citations, and what an acknowledged grant funded are content:
never read here, they go to retrieval.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_citations import acknowledgements, cites, grants, references
from rag.catalog_headings import Heading
from rag.plan_funders import funding_asked
from rag.plan_reference_entry import FIELD_FRAME, entry_fields
from rag.plan_headings import HeadingAsk, _title_pair
from rag.plan_reference_lists import asks_reference_list, with_reference_list
from rag.plan_thanked import asked_after, asked_words, pairs, thanked_in_text
from rag.plan_thanked_people import PERSON_FRAME, thanked_authors, thanking_pdfs
from rag.plan_terms import Condition, Question
from rag.plan_values import conditions
from rag.records import Block, Paper

_CITE = re.compile(r"\b(?:cite|cites|cited|citing|referenc(?:e|es|ed|ing)|bibliography)\b")
_BY = re.compile(r"\b(?:cited|referenced)\s+(?:by|in)\b")
_ACK = re.compile(r"\b(?:acknowledg\w*|acks?|thank\w*|grants?|funders?|funding|funded|awards?|sponsor\w*|"
                  r"supported\s+by|indebted|grateful|gratitude)\b")
_GRANT_ASKED = re.compile(r"\b(?:grants?|awards?|numbers?)\b")
# How, why or in what way one paper uses another, and what a paper says, are content.
_CONTENT = re.compile(r"\b(?:how(?!\s+many)|why|build|builds|built|extend\w*|improv\w*|compar\w*|critici\w*|discuss\w*|"
                      r"describ\w*|say|says|said|argue\w*|context|purpose|claim\w*|differ\w*|propos\w*|method\w*|"
                      r"results?|what\s+for|for\s+what|about|mean|means|fund)\b")
_SET = re.compile(r"\b(?:which|what|how\s+many)\s+(?:of\s+(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?)\b|"
                  r"\b(?:any|all)\s+(?:of\s+)?(?:my|the)\s+(?:pdfs?|papers?|files?)\b")


def _named(low: str, catalog: Catalog) -> list[tuple[int, Paper]]:
    """The library papers the question names (a short name or two title words in a row), with where."""
    found: dict[str, tuple[int, Paper]] = {}
    for name, paper in catalog.short_names.items():
        # The substring test first, as plan_values.title does: a pattern per name per question churns re's cache.
        m = rx.search(rf"\b{re.escape(name.casefold())}\b", low) if name.casefold() in low else None
        if m and (paper.paper_id not in found or m.start() < found[paper.paper_id][0]):
            found[paper.paper_id] = (m.start(), paper)
    for paper in catalog.papers:
        # a PDF printing no title goes by its file's name ('a1977 backus p21'): one word of it names it ('the Backus page')
        stem = [w for w in paper.title.split() if w.isalpha() and len(w) > 3] if rx.fullmatch(r"[a-z0-9 _-]+", paper.title) \
            else []
        if paper.paper_id not in found and paper.blocks and (m := next((m for w in stem if (m := rx.search(
                rf"\b{w}\b", low))), None)):
            found[paper.paper_id] = (m.start(), paper)
        if paper.paper_id not in found and paper.blocks and _title_pair(paper.title, low):
            words = [w for w in rx.findall(r"[a-z0-9]+", paper.title.casefold()) if len(w) > 3]
            at = min((low.find(w) for w in words if w in low), default=len(low))
            found[paper.paper_id] = (at, paper)
    return sorted(found.values(), key=lambda item: item[0])


# The words a citation question may hold besides the papers it names: 'which of my papers does X cite', 'is Y in X's
# reference list', 'does X cite any other paper in my library'. Any other word asks something of the entries
# ('which datasets are cited in X', 'does X cite BERT') and goes to retrieval.
_FRAME = frozenset("""any anything anyone of my the a an other another papers paper pdfs pdf in library here these those
i have has from which what ones documents document files file collection mine me we us our s its it their at all that
list show tell by does do did is are was were yes no whether if include includes included including among entries entry
print prints printed reference references list lists bibliography work works one ones file pdf s own also actually
please can you how many number count on listed work""".split())


# The words of a question asking a PDF's acknowledgements as a whole: who or what it thanks, the grants it lists. A
# question after one thing in them ('who is thanked for the public API', 'which NSF award supported X') is content.
_ACK_FRAME = frozenset("""who whom what which does do did is are was were the a an of in on to and or its it their they
them list lists listed print prints printed name names named thank thanks thanked thanking acknowledge acknowledges
acknowledged acknowledgement acknowledgements acknowledgment acknowledgments ack acks section grant grants award awards
number numbers funder funders funding funded fund sponsor sponsors sponsored paper papers pdf pdfs file files my any
all have has anyone someone people everyone s please show tell me give how many""".split())


def _only_frame(rest: str) -> bool:
    return all(w in _FRAME for w in rx.findall(r"[a-z]+", _CITE.sub(" ", rest)))


def _unnamed(low: str, named: list[Paper], catalog: Catalog) -> str:
    """The question with the named papers' short names and title words taken out: what is left must be frame."""
    for paper in named:
        for name, other in catalog.short_names.items():
            if other is paper:
                low = rx.sub(rf"\b{re.escape(name.casefold())}\b", " ", low)
        low = rx.sub(r"\b(?:" + "|".join(re.escape(w) for w in rx.findall(r"[a-z0-9]+", paper.title.casefold()))
                     + r")\b", " ", low)
    return low


def _entry(entry_text: str) -> str:
    return " ".join(entry_text.split())


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The answer read from the reference lists or acknowledgements, or None when the question asks neither."""
    low = " ".join(question.casefold().replace("’", "'").split())
    if _CONTENT.search(low):  # content, unless its words are those of a '<people> for <what>' pair ('research discussions')
        named = [p for _, p in _named(low, catalog) if p.blocks] if _ACK.search(low) else []
        return _thanked_for(low, named[0], acknowledgements(named[0]), catalog) if len(named) == 1 else None
    if _CITE.search(low):
        return _citations(low, catalog)
    if _ACK.search(low):
        return _acknowledged(low, catalog)
    return None


def _citations(low: str, catalog: Catalog) -> HeadingAsk | None:
    pdfs = [p for p in catalog.papers if references(p)]
    if not pdfs:
        return None
    low = rx.sub(r"\([^)]*\)", " ", low)  # '(the other allenai pdf i have)': an aside saying which paper is meant
    cite = _CITE.search(low)
    if cite is None:  # the verb was only in the aside
        return None
    named = _named(low, catalog)
    if not named and _SET.search(low) and asks_reference_list(low):  # 'which PDFs include their reference list'
        return with_reference_list(low, catalog.papers)
    verb = cite.start()
    kept: list[Condition] = []
    rest = _unnamed(low, [p for _, p in named], catalog)
    if (entry := entry_fields(low, all(w in _FRAME or w in FIELD_FRAME for w in rx.findall(r"[a-z]+", _CITE.sub(" ", rest))),
                              [p for _, p in named], catalog.papers)) is not None:
        return entry  # 'SPECTER's reference list includes X: what year and venue does it give?' (plan_reference_entry)
    if not _only_frame(rest):
        # 'which PDFs cite a paper on the trending page': the cited papers said by the catalog's own values
        q = Question(low[verb:])
        kept = conditions(q, catalog) if _SET.search(low[:verb + 1]) and not named else []
        if not kept or not _only_frame(q.text):
            return None  # 'which datasets are cited in DPR', 'does SPECTER cite BERT': what is cited is retrieval's
    before = [p for at, p in named if at < verb]
    after = [p for at, p in named if at > verb]
    if _BY.search(low):  # 'is X cited by Y': the citing paper comes after the verb
        before, after = after, before
    asked = HeadingAsk("")
    if before and after and before[0] in pdfs:  # 'does X cite Y'
        citer, cited = before[0], after[0]
        hit = next((c for c in cites(citer, catalog.papers) if c.cited is cited), None)
        if hit is None:
            asked.text = f"No: the reference list of {citer.title} does not print {cited.title}."
            asked.rows = [citer]
            return asked
        asked.text = f"Yes: {citer.title} cites {cited.title} (reference list, p. {hit.entry.page})."
        asked.rows = [citer]
        asked.cited = {citer.paper_id: [Heading("", f"References: {_entry(hit.entry.text)}", hit.entry.page)]}
        return asked
    if before and before[0] not in pdfs:  # 'does DPR cite X': its reference list was not read as one
        asked.text = (f"The reference list of {before[0].title} is not in its text as read, so what it cites is unknown."
                      if before[0].blocks else f"{before[0].title} is known from a listing page only: its reference "
                      "list is not in the library.")
        asked.rows = [before[0]]
        return asked
    if before and not after:
        citer = before[0]  # 'which of my papers does X cite'
        hits = cites(citer, catalog.papers)
        asked.rows = [citer]
        if not hits:
            asked.text = f"{citer.title} cites none of the other papers in the library."
            return asked
        asked.text = f"{citer.title} cites {len(hits)} paper(s) of the library: " + "; ".join(
            f"{h.cited.title} (p. {h.entry.page})" for h in hits) + "."
        asked.cited = {citer.paper_id: [Heading("", f"References: {_entry(h.entry.text)}", h.entry.page)
                                        for h in hits]}
        return asked
    if _BY.search(low) and not named and _SET.search(low):
        return _cited_set(pdfs, catalog)  # 'which of my PDFs are cited by another paper of the library'
    if _SET.search(low[:verb + 1]):  # 'which PDFs cite X'; 'which datasets are cited in DPR' is content
        targets = after or ([p for p in catalog.papers if all(c(p) for c in kept)] if kept else None)
        pairs = [(p, [c for c in cites(p, catalog.papers) if targets is None or c.cited in targets]) for p in pdfs]
        pairs = [(p, hits) for p, hits in pairs if hits]
        what = (targets[0].title if after else "a paper with " + ", ".join(c.label for c in kept) if kept
                else "another paper of the library")
        if not pairs:
            asked.text = f"None of the {len(pdfs)} PDFs whose reference list was read cites {what}."
            return asked
        asked.text = f"{len(pairs)} of the {len(pdfs)} PDFs whose reference list was read cite {what}:"
        asked.rows = [p for p, _ in pairs]
        asked.cited = {p.paper_id: [Heading("", f"cites {h.cited.title}: {_entry(h.entry.text)}", h.entry.page)
                                    for h in hits] for p, hits in pairs}
        return asked
    return None


def _cited_set(pdfs: list[Paper], catalog: Catalog) -> HeadingAsk:
    """The library papers some PDF's reference list prints, each with the PDFs citing it."""
    by: dict[str, list[tuple[Paper, Block]]] = {}
    for citer in pdfs:
        for hit in cites(citer, catalog.papers):
            by.setdefault(hit.cited.paper_id, []).append((citer, hit.entry))
    rows = [p for p in catalog.papers if p.paper_id in by]
    asked = HeadingAsk(f"{len(rows)} paper(s) of the library are cited by another one's reference list"
                       + (":" if rows else "."), rows=rows)
    asked.cited = {i: [Heading("", f"cited by {c.title}: {_entry(e.text)}", e.page) for c, e in hits]
                   for i, hits in by.items()}
    return asked


def _thanked_for(low: str, paper: Paper, blocks: list[Block], catalog: Catalog) -> HeadingAsk | None:
    """Who the PDF thanks for each thing asked, or None (content: 'which NSF award supported X', a thing no pair
    prints, or no 'who')."""
    # each word asked must be a pair's (below); asked by 'who' / 'which', or yes or no ('is any reviewer singled out')
    if not rx.search(r"\bwho(?:m)?\b|\bwhich\b|^\W*(?:is|are|was|were|does|do|did)\b|\b(?:is|are|was|were)\s+(?:any|some|there)\b", low):
        return None
    printed = pairs(" ".join(_entry(b.text) for b in blocks)) + thanked_in_text(paper)  # 'I am indebted to X for Y'
    rest = _unnamed(low, [paper], catalog)  # nothing asked beyond thanks ('who is X indebted to, and for what'): all
    hits = asked_after(rest, printed, _SAYING) if asked_words(rest, _SAYING) else printed
    if not hits:
        return None
    said = "; ".join(f"{t.who} for {t.what}" for t in hits)
    where = f"Acknowledgements, p. {blocks[0].page}" if blocks else "in its text"
    asked = HeadingAsk(f"{paper.title} thanks ({where}): {said}.", [paper])
    asked.cited = {paper.paper_id: [Heading("", f"{'Acknowledgements' if blocks else 'Thanks'}: {said}",
                                            blocks[0].page if blocks else None)]}
    return asked


# Saying that a paper thanks someone ('Backus says he is indebted to someone'): the thanks, not what the paper says.
_SAYING = frozenset("""say says said saying state states stated page excerpt he she i indebted grateful gratitude thankful
someone somebody anyone anybody any some""".split())


def _acknowledged(low: str, catalog: Catalog) -> HeadingAsk | None:
    held = {p.paper_id: acknowledgements(p) for p in catalog.papers if p.blocks}
    if not held:
        return None
    named = [p for _, p in _named(low, catalog) if p.paper_id in held]
    if (crossed := thanked_authors(low, named)) is not None:  # 'anyone thanked in X who wrote Y' (plan_thanked_people)
        return crossed
    rest = rx.findall(r"[a-z]+", _unnamed(low, named, catalog))
    if (funded := funding_asked(low, rest, named, catalog.papers)) is not None:  # 'how many funding sources' (plan_funders)
        return funded
    if not named and _SET.search(low) and all(w in _ACK_FRAME | PERSON_FRAME for w in rest) and \
            (thanking := thanking_pdfs(low, catalog.papers)) is not None:  # 'which PDFs are indebted to someone'
        return thanking
    if not all(w in _ACK_FRAME for w in rest):
        # 'who helped X with the data collection': each thing asked is one '<people> for <what>' pair printed
        return _thanked_for(low, named[0], held[named[0].paper_id], catalog) if len(named) == 1 else None
    asked = HeadingAsk("")
    if len(named) == 1:
        paper, blocks = named[0], held[named[0].paper_id]
        asked.rows = [paper]
        if not blocks:
            asked.text = f"{paper.title} prints no acknowledgements section."
            return asked
        text = " ".join(_entry(b.text) for b in blocks)
        numbers = grants(text)
        listed = ""
        if _GRANT_ASKED.search(low):
            listed = ("Grant and award numbers: " + "; ".join(numbers) + ". " if numbers
                      else "Its acknowledgements print no grant number. ")
        asked.text = f"{listed}{paper.title} acknowledges (Acknowledgements, p. {blocks[0].page}): {text}"
        asked.cited = {paper.paper_id: [Heading("", f"Acknowledgements: {text}", blocks[0].page)]}
        return asked
    if not named and _SET.search(low):  # 'which PDFs thank someone / list a grant'
        having = [p for p in catalog.papers if held.get(p.paper_id)]
        if _GRANT_ASKED.search(low):
            having = [p for p in having if grants(" ".join(b.text for b in held[p.paper_id]))]
        asked.text = f"{len(having)} of the {len(held)} PDFs print acknowledgements" + (
            " with a grant number:" if _GRANT_ASKED.search(low) else ":")
        asked.rows = having
        asked.cited = {p.paper_id: [Heading("", "Acknowledgements: " + " ".join(_entry(b.text)
                                                                                 for b in held[p.paper_id]),
                                            held[p.paper_id][0].page)] for p in having}
        return asked
    return None
