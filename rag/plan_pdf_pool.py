"""Pooled and distinct aggregates over the PDFs' printed records (rag/catalog_pdf_records.py): 'if I pool the
bylines of my PDFs, how many distinct people is that', 'merge the bylines of SPECTER and the lit graph paper: how
many people', 'how many different e-mail domains', 'how many different institutions across the PDF bylines (count
the Allen Institute once however it is named)', 'list the distinct institutions'.

Taken when the question names a pooled field (people, institutions, e-mail addresses or domains) after what it
asks (how many / which / list), says it pools (distinct, different, merged, pooled, put together, across …), and
is about PDFs: it names some (by short name or title words) or says PDFs / bylines / e-mails. Every other word must
be frame, a named PDF's or a printed organisation's words, or how values are merged ('once however it is named'):
a content word left ('how many distinct authors does SPECTER cite') leaves the question to the other readers.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_pdf_records import POOLED, Pool, PooledField, is_pdf, pool, said_names
from rag.organisations import organisation_variants
from rag.plan_citations import _named
from rag.plan_heading_phrases import abbreviated, begun_title_words
from rag.plan_headings import HeadingAsk
from rag.plan_terms import FRAME, fold
from rag.records import Paper

_COUNT = r"\bhow\s+many\b|\bnumber\s+of\b|\btotal\s+(?:count|number)\b|\bcount\s+(?:of|the)\b|\btally\b"
_LIST = r"\b(?:which|what|who|list|name|show|give)\b"
# Pooling said: the values of several PDFs taken together, each once.
_POOLED = re.compile(r"\b(?:distinct|diff?e?rent|unique|separate|individual|pool(?:ed|ing|s)?|merg(?:e|ed|es|ing)|"
                     r"combin(?:e|ed|es|ing)|together|altogether|all\s+told|in\s+(?:total|all)|overall|across|union|"
                     r"de-?dup\w*|between\s+them|once)\b")
_PDF_SAID = re.compile(r"\b(?:pdfs?|bylines?|uploaded|uploads|author\s+lists?|e-?\s?mails?)\b")
# The words a pooling question may hold besides the frame: the pooling, the records pooled, how values are merged.
_OWN = frozenset("""if pool pooled pooling pools merge merged merges merging combine combined combines combining together
altogether told overall across union dedupe deduped dedup deduplicated between once however whichever spelled spelt named
written treat treated treating counting count counted every all each put printed print prints show shows showing up
part after domain domains mail mails email emails e address addresses byline bylines list lists author authors people
person persons individuals humans names researchers co coauthors folks scientists institution institutions organisation
organisations organization organizations affiliation affiliations universities university institute institutes employer
employers lab labs companies places host hosts distinct different unique separate individual total tally dup that is
it's its they them pdf pdfs file files document documents uploaded uploads there be will would get i'd i me gives give
distinctly how many number taking take takes took taken used using ppl diffrent difrent more than one several
multiple two least both most fewest appear appears appearing""".split())


# Values printed on several PDFs ('which people appear on more than one of my PDF bylines'): the pool's shared part.
_SHARED = re.compile(r"\b(?:on|in|across|by|for|to)\s+(?:more\s+than\s+one|several|multiple|two\s+or\s+more|at\s+least\s+two|"
                     r"both)\b")
# How to merge said as a rule ('people on more than one paper count once'): pooling, not the shared part asked
_ONCE_SAID = re.compile(r"\b(?:people|persons|names|authors|anyone|those|ones)\s+(?:who\s+(?:are|appear)\s+)?(?:on|in|across)\s+"
                        r"(?:more\s+than\s+one|several|multiple|two\s+or\s+more|both)\s+(?:[a-z]+\s+){0,2}?(?:count|counts|"
                        r"counted|(?:is|are|get|gets)\s+counted|should\s+count)\s+(?:only\s+)?once\b")
# A PDF said in brackets to print none of the field ('(the Backus page has none)'): an aside, not a PDF named
_NONE_ASIDE = re.compile(r"\([^()]*\b(?:has|have|prints?|shows?|lists?)\s+(?:none|no\s+\w+|nothing)\b[^()]*\)")
# The PDF printing the most (or fewest) of them ('which PDF prints the most distinct e-mail domains').
_MOST = re.compile(r"\b(?:which|what)\s+(?:one|pdf|paper|file|document)\b.*\b(most|fewest|least)\b")


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The pooled count or list, or None when the question pools no PDF record."""
    low = " " + " ".join(fold(question).casefold().replace("’", "'").split()) + " "
    low = _NONE_ASIDE.sub(" ", _ONCE_SAID.sub(" once ", low))  # how to merge, and a PDF said to print none: no PDF asked
    shared, most = _SHARED.search(low), _MOST.search(low)  # both asked of the pooled values
    if not (_POOLED.search(low) or shared):
        return None
    asked = rx.search(_COUNT, low) or rx.search(_LIST, low)
    if asked is None:
        return None
    unnamed = _unnamed(low, catalog)
    found = _field(unnamed, asked.end()) or _field(unnamed, 0) or (  # 'Harvard people across the PDFs: who?'
        POOLED[-1] if rx.search(r"\bwho(?:'s)?\b", low) else None)  # 'who shows up on both bylines': people
    if found is None:
        return None
    pdfs = [p for p in catalog.papers if is_pdf(p)]
    said = [p for _, p in _named(low, catalog) if p in pdfs] + abbreviated(low, pdfs)  # 'SPECTER and the lit graph paper'
    named = list({p.paper_id: p for p in said}.values())
    if not named and not _PDF_SAID.search(low):
        return None  # people pooled over listing pages are the group reader's (rag/plan_scope.py)
    if len(named) == 1:
        return None  # one PDF pools nothing: its own organisations and authors are the field readers' (plan_fields.py)
    if _left_over(low, named, pdfs):
        return None
    at = _at(low, named or pdfs)
    if at is not None and found.name not in ("people", "e-mail addresses", "e-mail domains"):
        return None  # 'how many institutions at Harvard': no pooling asked of an institution's own name
    pooled = pool(found, named or pdfs, at)
    if not pooled.papers:
        return None
    if most:  # one PDF picked by how many it prints
        n = (max if most.group(1) == "most" else min)(k for _, k in pooled.per_paper)
        rows = [p for p, k in pooled.per_paper if k == n]
        return HeadingAsk(f"{'; '.join(p.title for p in rows)}: {n} distinct {found.name}, the "
                          f"{'most' if most.group(1) == 'most' else 'fewest'} of the {len(pooled.papers)} PDFs printing "
                          f"any ({', '.join(f'{_short(p)} {k}' for p, k in pooled.per_paper)}).", rows)
    if shared:  # the values printed on more than one of the PDFs, with the PDFs they are on
        on = [p for p in pooled.papers if any(key in pooled.keys_of(p) for key in pooled.shared_keys)]
        if not on:
            nobody = "No one" if found.name == "people" else f"None of the {found.name}"
            return HeadingAsk(f"{nobody} is printed on more than one of the {len(pooled.papers)} PDFs ("
                              + ", ".join(f"{_short(p)} {k}" for p, k in pooled.per_paper) + f"). Merged: {found.merged}.",
                              pooled.papers)
        return HeadingAsk(f"{len(pooled.shared)} {found.name} printed on more than one of {len(pooled.papers)} PDFs"
                          + (f": {', '.join(pooled.shared)}" if pooled.shared else "") + f". Merged: {found.merged}.", on)
    return HeadingAsk(_said(pooled, bool(rx.search(_COUNT, low)), named), pooled.papers)


# How values are to be merged, said beside the question ('(count the Allen Institute once however it is named, and the UW
# Allen School as University of Washington)'): the organisations it names are the merge's, not a condition.
_MERGE_SAID = re.compile(r"\([^()]*\b(?:once|however|as|same)\b[^()]*\)|\bcount(?:ing)?\b[^.;?]*?\b(?:once|as)\b[^.;?]*")


def _at(low: str, pdfs: list[Paper]) -> str | None:
    """The organisation whose people are pooled ('the University of Washington people across the PDFs'), as named."""
    text = _MERGE_SAID.sub(" ", low)
    names = {v for p in pdfs for o in p.organisations for v in said_names(o.name) if len(v) >= 3}
    found = [v for v in sorted(names, key=len, reverse=True) if rx.search(rf"(?<![\w.]){re.escape(v)}(?![\w])", text)]
    return found[0] if found else None


def _unnamed(low: str, catalog: Catalog) -> str:
    """The question with the PDFs' organisations blanked: 'Allen Institute authors' names authors, not institutes."""
    names = {v for p in catalog.papers if is_pdf(p) for o in p.organisations for v in said_names(o.name)
             if len(v) >= 3}
    for v in sorted(names, key=len, reverse=True):
        low = rx.sub(rf"(?<![\w.]){re.escape(v)}(?![\w])", lambda m: " " * len(m.group(0)), low)
    return low


def _field(low: str, after: int) -> PooledField | None:
    """The pooled field named first after what is asked ('how many distinct people', 'how many different domains')."""
    best: tuple[int, PooledField] | None = None
    for f in POOLED:
        m = rx.compiled(rf"\b(?:{f.words})\b").search(low, after)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), f)
    return best[1] if best else None


def _left_over(low: str, named: list[Paper], pdfs: list[Paper]) -> list[str]:
    """The question's words that are neither frame, pooling, a named PDF's name nor a printed organisation's."""
    grounded = set()
    for paper in named:
        grounded |= set(begun_title_words(low, paper)) | set(rx.findall(r"[a-z0-9]+", fold(paper.title).casefold()))
    for paper in pdfs:  # its short name ('SPECTER') and an acronym of title words in a row ('DPR')
        grounded |= set(rx.findall(r"[a-z0-9]+", fold(paper.title.split(":")[0]).casefold()))
        initials = "".join(w[0] for w in rx.findall(r"[a-z0-9]+", fold(paper.title).casefold()) if len(w) > 3)
        grounded |= {w for w in rx.findall(r"[a-z0-9]+", low) if len(w) >= 3 and w in initials}
    for paper in pdfs:  # 'count the Allen Institute once however it is named, and the UW Allen School as …'
        for o in paper.organisations:
            for v in said_names(o.name):
                grounded |= set(rx.findall(r"[a-z0-9]+", v))
    words = rx.findall(r"[a-z0-9@][a-z0-9'@.-]*", low.replace("(", " ").replace(")", " "))
    left = []
    for word in words:
        w = word.strip("'.-").removesuffix("'s")
        if not w or w == "@" or w in FRAME or w in _OWN or w in grounded or set(w.split("-")) <= FRAME | _OWN | grounded:
            continue
        left.append(w)
    return left


def _said(pooled: Pool, count: bool, named: list[Paper]) -> str:
    """'39 distinct people across the bylines of 4 PDFs (…); on more than one: …. Merged: …'."""
    f = pooled.field
    total = sum(n for _, n in pooled.per_paper)
    per = ", ".join(f"{_short(p)} {n}" for p, n in pooled.per_paper)
    scope = "the PDFs named" if named else "every PDF printing them"
    at = f" printed at {pooled.at}" if pooled.at else ""
    head = f"{len(pooled.distinct)} distinct {f.name}{at} across the {f.source} of {len(pooled.papers)} PDF" \
           f"{'s' if len(pooled.papers) != 1 else ''} ({scope}; {per}: {total} printed in all)"
    shared = f"; printed on more than one PDF: {', '.join(pooled.shared)}" if pooled.shared else ""
    values = "" if count and len(pooled.distinct) > 12 else \
        f". They are, with the PDFs printing each: {', '.join(f'{v}: {n}' for v, n in pooled.distinct)}"
    return f"{head}{shared}{values}. Merged: {f.merged}."


def _short(paper: Paper) -> str:
    return paper.title.split(":")[0] if ":" in paper.title else paper.title
