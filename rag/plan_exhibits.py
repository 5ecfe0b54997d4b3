"""Questions over a PDF's numbered tables and figures as records (rag/catalog_exhibits.py): one object's caption and
page ('Table 2 of the lit graph paper: caption and page?'), the object a description names ('which table has the Bag
of Concepts F1 numbers' — matched against the words of the captions, header rows, row labels and sections, left to
retrieval when none holds them all), how many a PDF prints, which PDFs print any (or a 'Figure 1') and which prints
the most.

What an object shows, reports or holds ('what does Table 3 show', 'the best score in Table 1') is content: the
question's words are all frame, the PDF's names, the objects pointed at, or words the catalog holds of the object it
describes; anything else sends it to retrieval.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_exhibits import Exhibit, counted, exhibits, of_kind, said
from rag.catalog_headings import Heading
from rag.plan_exhibit_words import (CAPTION_ASKED, IN_IT, NOUN, NUMBERS_SAID, ON_PAGE, SIZE, Read, asks_contents,
                                    covers, kind_of, normal, ordinal, read)
from rag.plan_headings import HeadingAsk
from rag.records import Paper

_SET = re.compile(r"\b(?:which|what|any|all|how\s+many)\s+(?:of\s+)?(?:(?:my|the|these|those|our)\s+)?(?:pdfs?|papers?|"
                  r"files?|documents?|articles?)\b|^\W*(?:(?:my|the|any|all)\s+)?(?:pdfs|papers|files|documents)\s+"
                  r"(?:with|having|that|which|without)\b")
_MOST = re.compile(rf"\b(?P<way>most|fewest|least|more|fewer|max(?:imum)?|min(?:imum)?|highest\s+number|"
                   rf"largest\s+number|smallest\s+number|lowest\s+number)\s+(?:of\s+)?(?:\w+\s+){{0,2}}{NOUN}")
_FEW = re.compile(r"^(?:fewest|least|fewer|min|minimum|smallest|lowest)")
_COUNT = re.compile(rf"\bhow\s+many\s+(?:\w+\s+)?{NOUN}|(?<!page\s)\bnumber\s+of\s+(?:\w+\s+)?{NOUN}|"
                    rf"\b{NOUN}\s+counts?\b")  # 'the page number of Table 2' counts nothing
_NOT = re.compile(r"\b(?:no|without|lack\w*|don't|dont|do\s+not|doesn't|does\s+not|never|zero|none)\b")
# 'which table', 'what figure number', 'in which table': the object itself is what is asked
_WHICH = re.compile(rf"\b(?:which|what)\s+(?:(?:numbered|one|specific|exact|particular)\s+)?{NOUN}|"
                    rf"\b{NOUN}\s+(?:number|no\.?|#)|\bwhich\s+(?:one|of\s+(?:the|its)\s+{NOUN})|"
                    r"\b(?:which|what)\s+(?:is\s+its\s+|is\s+the\s+)?(?:number|no\.)\b")
# What may be asked of an object a description names: where it is, its caption, its number
_FIELD = re.compile(r"\bpages?\b|\bwhere\b|\bcaption\w*|\btitled?\b|\bcalled\b|\bnumber\b|\bsection\b|\blocated\b|"
                    r"\bprinted\b")
# What a description says a table does ('has', 'compares against'): the described things are what is matched
_HOLDING = frozenset("""holds hold holding gives give giving report reports reported reporting present presents
presented lists carry carries carrying compare compares compared comparing contrast contrasts versus vs against
show shows showing shown include includes including contain contains containing summarise summarises summarize
summarizes summarizing numbers scores score values results figures data metrics stats statistics column columns row
rows header headers cells entries""".split())
# 'why is Table 2 there', 'how was Table 2 computed': what the paper says; 'how is it captioned' asks the caption
_MANNER = re.compile(r"\bwhy\b|\bhow\b(?!\s+many\b)(?!\s+(?:is|are|was|were)\s+(?:it|they|this|that|each|the\s+\w+)\s+"
                     r"(?:captioned|called|titled|labell?ed|named|headed)\b)")
# A section named as the scope ('in section 4', '§4.2's tables'): what a section holds is left to retrieval
_IN_SECTION = re.compile(r"(?:\b(?:sub-?section|section|sec\.|chapter)\s*|§\s*)\d")
# 'every table caption across my PDFs', 'all figure captions in the library': the objects of every PDF
_EVERY = re.compile(r"\b(?:every|all|each)\b|\bacross\b|\blibrary\b|\bmy\s+(?:pdfs|papers|files)\b")
_KINDS = {"table": "tables", "figure": "figures"}


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The answer from the PDFs' tables and figures, or None when the question is not about them as objects."""
    if not rx.search(rf"\b{NOUN}(?=\W|$)", normal(question)):
        return None
    r = read(question, catalog)
    if not r.pdfs or _MANNER.search(r.low) or IN_IT.search(r.low) or _IN_SECTION.search(r.low) or \
            NUMBERS_SAID.search(r.low):
        return None  # 'how was Table 2 computed', 'what is in Table 3', 'the tables of section 4': what the paper says
    kind = _kind(r.low)
    if (m := _MOST.search(r.low)) and len(r.named) != 1 and \
            not [w for w in _description(r) if w != m.group("way").split()[0]]:  # 'which has more tables, A or B?'
        return _most(r.named or r.pdfs, kind, bool(_FEW.match(m.group("way"))))
    if not r.named and (_SET.search(r.low) or (_COUNT.search(r.low) or _EVERY.search(r.low)) and not r.asked):
        return _over_pdfs(r, kind)  # 'which PDFs have tables', 'how many figures across my PDFs'
    if not r.named and _WHICH.search(r.bare) and _description(r) and not r.asked:
        return _described(r, r.pdfs, kind)  # 'which table is the Bag of Concepts F1 in?': whichever PDF prints it
    if len(r.named) > 1 and _COUNT.search(r.low) and not r.asked:
        return _most(r.named, kind, False)  # 'how many tables does SPECTER have compared to the lit graph paper'
    if len(r.named) != 1:
        return None
    if r.asked and not _COUNT.search(r.low):
        return _numbered(r, r.named[0])
    return _described(r, r.named, kind)


def _kind(low: str) -> str | None:
    """'table' or 'figure' when only one kind is said, None for both ('tables and figures')."""
    said_kinds = {kind_of(m.group(0)) for m in rx.finditer(rf"\b{NOUN}(?=\W|$)", low)}
    return next(iter(said_kinds)) if len(said_kinds) == 1 else None


def _cited(found: list[tuple[Paper, Exhibit]]) -> dict[str, list[Heading]]:
    cites: dict[str, list[Heading]] = {}
    for paper, e in found:
        cites.setdefault(paper.paper_id, []).append(Heading("", f"{e.name}: {e.caption}", e.page))
    return cites


def _numbered(r: Read, paper: Paper) -> HeadingAsk | None:
    """'Table 2 of X: caption and page': the objects pointed at, each with its caption and where it is printed."""
    if asks_contents(r.low) and not CAPTION_ASKED.search(r.low):
        return None  # 'what does Table 3 show': its contents
    printed = {(e.kind, e.number): e for e in exhibits(paper)}
    found = [printed[a] for a in r.asked if a in printed]
    said_of = {w for e in found for w in r.before if covers(e, [w])}  # 'the big results table (Table 1)'
    if any(w not in SIZE and w not in said_of for w in r.words):
        return None  # a word about what the object holds or does: content
    missing = [f"{k.capitalize()} {n}" for k, n in r.asked if (k, n) not in printed]
    lines = [said(e) for e in found]
    if missing:
        kinds = {k for k, _ in r.asked}
        has = "; ".join(counted(paper, k) for k in kinds)
        lines.append(f"it prints no {', '.join(missing)} caption (it has {has})")
    return HeadingAsk(f"{paper.title}: " + "; ".join(lines) + ".", [paper], _cited([(paper, e) for e in found]))


def _description(r: Read) -> list[str]:
    return [w for w in r.words if w not in SIZE and w not in _HOLDING]


def _described(r: Read, papers: list[Paper], kind: str | None) -> HeadingAsk | None:
    """'which table has the Bag of Concepts F1 numbers', 'how many tables does X have', 'the figures on page 8 of X',
    'X's table captions': the objects of the named PDF (or of every PDF, for a described object), narrowed by a page
    and by the words a description says of them."""
    words = _description(r)
    if _NOT.search(r.low):
        return None  # 'which of X's tables have no F1 column': a negated description is not read here
    named_by = all(w in r.before for w in words) and _FIELD.search(r.low)  # 'the t-SNE figure: which page?'
    if words and not (_WHICH.search(r.bare) or _COUNT.search(r.low) or named_by):
        return None  # words besides the frame, but no object asked for: what the paper says about something
    if asks_contents(r.low) and not (_WHICH.search(r.bare) or _COUNT.search(r.low) or CAPTION_ASKED.search(r.low)):
        return None  # 'what do the tables of X show'
    page = ON_PAGE.search(r.low)
    found = [(p, e) for p in papers for e in of_kind(p, kind) if covers(e, words) and
             (page is None or int(page.group(1)) in (e.page, e.printed_page))]
    nth = ordinal(r) if len(papers) == 1 and kind is not None and not words else None
    if nth is not None:  # 'the last table of X': that one, in print order
        found = found[nth:][:1] if nth >= 0 else found[-1:]
    if not found and words:
        return None  # no caption or header holds the words: the question may be about what the paper says
    noun = _KINDS.get(kind or "", "tables and figures")
    held = list({p.paper_id: p for p, _ in found}.values()) if len(papers) > 1 else papers
    these = f"{len(found)} numbered {noun if len(found) != 1 else noun[:-1]}"
    matched = "match" if len(found) != 1 else "matches"
    if words or page or nth is not None:
        head = (f"{papers[0].title}: " if len(papers) == 1 else "") + these + " " + \
            (f"on page {page.group(1)}" if page and not words else matched)
    else:
        head = f"{papers[0].title} prints {counted(papers[0], kind)}"
    lines = [said(e) if len(papers) == 1 else f"{p.title}, {said(e)}" for p, e in found]
    return HeadingAsk(head + (": " + "; ".join(lines) if lines else "") + ".", held, _cited(found))


def _over_pdfs(r: Read, kind: str | None) -> HeadingAsk | None:
    """'which of my PDFs have numbered tables', 'which PDFs have a Figure 1, and its caption', 'PDFs without figures':
    every PDF printing such an object (or none), each with the objects' captions and pages."""
    words = _description(r)
    if asks_contents(r.low) and not (CAPTION_ASKED.search(r.low) or words):
        return None

    def fits(e: Exhibit) -> bool:
        return (not r.asked or (e.kind, e.number) in r.asked) and (kind is None or e.kind == kind) and covers(e, words)
    having = [(p, [e for e in exhibits(p) if fits(e)]) for p in r.pdfs]
    both = kind is None and not r.asked and rx.search(r"\bboth\b", r.low)  # 'both tables and figures': each kind
    having = [(p, found) for p, found in having if found and (not both or len({e.kind for e in found}) == 2)]
    if words and not having:
        return None  # no caption holds the described words: a question about what papers say
    objects = ", ".join(f"{k.capitalize()} {n}" for k, n in r.asked) or \
        f"numbered {_KINDS.get(kind or '', 'tables and figures' if both else 'tables or figures')}"
    if words:  # 'a table on entity linking': said with the words its caption, header or section holds
        objects = f"a numbered {kind or 'table or figure'} whose caption, header or section says {', '.join(words)}"
    if _NOT.search(r.low):
        held = {p.paper_id for p, _ in having}
        lacking = [p for p in r.pdfs if p.paper_id not in held]
        return HeadingAsk(f"{len(lacking)} of the {len(r.pdfs)} PDFs print no {objects}" +
                          (": " + "; ".join(p.title for p in lacking) if lacking else "") + ".", lacking)
    if not having:
        return HeadingAsk(f"None of the {len(r.pdfs)} PDFs prints {objects}.", [])
    lines = [f"{p.title} ({'; '.join(said(e) for e in found)})" for p, found in having]
    total = f"{sum(len(found) for _, found in having)} in all; " if _COUNT.search(r.low) and not _SET.search(r.low) \
        else ""  # 'how many tables across my PDFs': the sum before each PDF's share
    shares = ", ".join(f"{len(found)} in {p.title}" for p, found in having)
    return HeadingAsk(f"{len(having)} of the {len(r.pdfs)} PDFs print {objects} ({total}{shares}): " +
                      "; ".join(lines) + ".", [p for p, _ in having],
                      _cited([(p, e) for p, found in having for e in found]))


def _most(pdfs: list[Paper], kind: str | None, fewest: bool) -> HeadingAsk:
    """'which PDF has the most tables': every PDF ranked by how many it prints, the count said for each."""
    ranked = sorted(pdfs, key=lambda p: len(of_kind(p, kind)), reverse=not fewest)
    return HeadingAsk("; ".join(f"{p.title}: {counted(p, kind)}" for p in ranked) + ".", ranked,
                      _cited([(p, e) for p in ranked[:1] for e in of_kind(p, kind)]))
