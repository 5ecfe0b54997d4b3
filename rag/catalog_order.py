"""Sorts of catalog rows by an order the pages show rather than a value they print (rag/plan_order.py reads them):
a page's own printed order, on the page the question names — a paper on several pages has a place on each, so with
no page named and the set spread over pages the answer gives each page's pick and asks which page was meant; a PDF
has no place — and the titles' alphabetical order. Each returns the rows and the headline that says where they sit.
"""

from __future__ import annotations

from rag import rx
from rag.plan_terms import Condition, ordinal_suffix
from rag.records import Paper, SourceRef


def on_page(s: SourceRef, c: Condition) -> bool:
    """Whether a page condition ('page: trending papers', "page: Amii's page", "page: Aaron Courville's profile")
    names the page of source `s`: by its format or its printed name."""
    value = c.value.casefold()
    return value == s.format or value in (s.page_name or "").casefold()


def listing_entries(papers: list[Paper]) -> dict[str, list[Paper]]:
    """Each listing page's entries in its printed order (a PDF is no listing)."""
    pages: dict[str, list[tuple[int, Paper]]] = {}
    for p in papers:
        for s in p.sources:
            if s.format != "pdf":
                pages.setdefault(s.path, []).append((s.position, p))
    return {path: [p for _, p in sorted(entries, key=lambda e: e[0])] for path, entries in pages.items()}


def in_page_order(papers: list[Paper], conditions: list[Condition], op: str, limit: int | None = None,
                  nth: int | None = None) -> tuple[list[Paper], str]:
    """The rows and the headline of a sort by a page's printed order over `papers` (already selected by
    `conditions`): on the page the conditions name, else on the one page the papers are on; papers on several
    pages with none named: each page's pick, and the answer asks which page was meant."""
    # A page condition naming no page ('on more than one page') says nothing about which page's order is meant.
    named = [c for c in conditions if c.field == "page" and not c.value.startswith("not ")
             and any(on_page(s, c) for p in papers for s in p.sources)]
    scope = f" ({'; '.join(c.label for c in conditions)})" if conditions else ""
    pages: dict[str, list[tuple[int, Paper, SourceRef]]] = {}
    for p in papers:
        for s in p.sources:
            if s.format != "pdf" and all(on_page(s, c) for c in named):
                pages.setdefault(s.path, []).append((s.position, p, s))
    said = said_place(op, limit, nth)
    if not pages:
        pdfs = sum(1 for p in papers if p.sources and all(s.format == "pdf" for s in p.sources))
        why = f": {pdfs} {'is' if pdfs == 1 else 'are'} read from a PDF only, and no listing page places a PDF in " \
              "order" if pdfs else ""
        return [], f"No paper on a listing page matches{scope or ' the question'}{why}."
    picks = {path: _pick(sorted(entries, key=lambda e: e[0]), op, limit, nth) for path, entries in pages.items()}
    if len(pages) > 1:  # each page has its own order: which page is meant?
        each = "; ".join(", ".join(_place(e) for e in picks[path]) or f"none that far on {_name(entries[0][2])}"
                         for path, entries in pages.items())
        rows = list({e[1].paper_id: e[1] for path in pages for e in picks[path]}.values())
        return rows, (f"These papers{scope} are on {len(pages)} pages, each printed in its own order: which page do you "
                      f"mean? {said[:1].upper() + said[1:]} on each: {each}.")
    (path, entries), = pages.items()
    chosen, where = picks[path], _name(entries[0][2])
    if not chosen:
        return [], f"Only {len(entries)} {'paper matches' if len(entries) == 1 else 'papers match'}{scope} on {where}: " \
                   f"none is {said}."
    listed = "; ".join(_place(e) for e in chosen)
    if len(entries) > 1 and any(c not in named for c in conditions):  # a set within the page: where its papers sit
        places = ", ".join(str(e[0] + 1) for e in sorted(entries, key=lambda e: e[0])[:12])
        more = ", …" if len(entries) > 12 else ""
        return [e[1] for e in chosen], \
            f"Of the {len(entries)} papers matching{scope} on {where} (entries {places}{more}), {said}: {listed}."
    return [e[1] for e in chosen], f"{said[:1].upper() + said[1:]}{scope}, in the page's printed order: {listed}."


def place_elsewhere(paper: Paper, conditions: list[Condition]) -> str:
    """A paper's place asked on a page that does not list it ('What is TokMem's position on the trending list?', TokMem
    an Amii entry): not there, and its place on each page that does; a paper read from a PDF only is on none."""
    asked = "; ".join(c.label.removeprefix("page: ") for c in conditions if c.field == "page")
    listed = [s for s in paper.sources if s.format != "pdf"]
    if not listed:
        return f"{paper.title} is on no listing page (read from a PDF only), so it has no place on {asked}."
    places = "; ".join(f"entry {s.position + 1} on {_name(s)}" + (f" (line {s.line})" if s.line else "")
                       for s in sorted(listed, key=lambda s: s.path))
    return f"{paper.title}: not on {asked}; {places}."


def _pick(entries: list, op: str, limit: int | None, nth: int | None) -> list:
    ordered = entries if op == "first" else entries[::-1]
    if nth is not None:
        return ordered[nth - 1: nth] if nth >= 1 else []
    return ordered[: limit or 1]


def said_place(op: str, limit: int | None, nth: int | None) -> str:
    """The place asked, as the answer says it: 'listed first', '20th from the top', 'the last 3 listed'."""
    if nth:
        return f"{ordinal_suffix(nth)} from the {'top' if op == 'first' else 'bottom'}"
    if limit and limit > 1:
        return f"the {'first' if op == 'first' else 'last'} {limit} listed"
    return "listed first" if op == "first" else "listed last"


def _name(s: SourceRef) -> str:
    return s.page_name or s.path


def _place(entry: tuple[int, Paper, SourceRef]) -> str:
    """'TokMem: …: entry 13 on Amii at ICLR 2026 (line 57)', as a lookup of the place says it (rag/catalog_fields.py)."""
    position, paper, s = entry
    return f"{paper.title}: entry {position + 1} on {_name(s)}" + (f" (line {s.line})" if s.line else "")


def alphabetical(papers: list[Paper], conditions: list[Condition], op: str, limit: int | None = None,
                 nth: int | None = None) -> tuple[list[Paper], str]:
    """The rows and the headline of a sort of the titles from A to Z ('first') or Z to A ('last'), leading quotes and
    brackets left out, case ignored."""
    scope = f" ({'; '.join(c.label for c in conditions)})" if conditions else ""
    ordered = sorted(papers, key=lambda p: (rx.sub(r"^[^0-9a-z]+", "", p.title.casefold()), p.title))
    chosen = _pick(ordered, op, limit, nth)
    said = said_place(op, limit, nth).replace("listed", "alphabetically").replace("from the top", "alphabetically") \
        .replace("from the bottom", "from the end of the alphabet")
    if not chosen:
        return [], f"No paper matches{scope or ' the question'}." if not papers else \
            f"Only {len(papers)} {'paper matches' if len(papers) == 1 else 'papers match'}{scope}: none is {said}."
    return chosen, f"By title, {said} of the {len(papers)} {'paper' if len(papers) == 1 else 'papers'}{scope}: " \
                   f"{'; '.join(p.title for p in chosen)}."


def pair_in_page_order(papers: list[Paper], conditions: list[Condition], op: str,
                       asked: Paper) -> tuple[list[Paper], str]:
    """'Is A listed before B (on page P)?' asked yes or no ('first': before, 'last': after) of `asked`, the paper said
    first: 'Yes' or 'No' with both places, on the page named or else the one page both are on. A paper with no place
    there (a PDF, or an entry of another page) is said to have none: neither before nor after the other."""
    pair = next(c for c in conditions if c.field == "title" and "|" in c.value)
    ids = pair.value.split("|")
    two = sorted((p for p in papers if p.paper_id in ids), key=lambda p: p.paper_id != asked.paper_id)
    other = next((p for p in two if p is not asked), None)
    pages = [c for c in conditions if c.field == "page" and not c.value.startswith("not ")]
    entries: dict[str, dict[str, SourceRef]] = {}  # page path -> paper id -> its entry there
    for p in two:
        for s in p.sources:
            if s.format != "pdf" and all(on_page(s, c) for c in pages):
                entries.setdefault(s.path, {})[p.paper_id] = s
    shared = [path for path, placed in entries.items() if len(placed) == 2]
    # No page named and no shared page: the one page holding either paper is the page asked of ('Is TokMem listed
    # before DPR?', DPR a PDF only); papers on two different pages, or on none, are left to the page-order sort.
    if other is None or (not shared and not pages and len(entries) != 1) or len(shared) > 1:
        return in_page_order([p for p in papers if all(c(p) for c in conditions)], conditions, op)
    if shared:
        placed = entries[shared[0]]
        before = placed[asked.paper_id].position < placed[other.paper_id].position
        holds = before if op == "first" else not before
        where = "; ".join(_place((placed[p.paper_id].position, p, placed[p.paper_id])) for p in two)
        return two, f"{'Yes' if holds else 'No'}: {where}."
    on = next(iter(entries.values()), {})
    page = pages[0].label.removeprefix("page: ") if pages else _name(next(iter(on.values()))) if on else "that page"
    missing = [p for p in two if p.paper_id not in on]
    said = "; ".join(_place((on[p.paper_id].position, p, on[p.paper_id])) for p in two if p.paper_id in on)
    return [p for p in two if p.paper_id in on], \
        f"{' and '.join(p.title for p in missing)} {'has' if len(missing) == 1 else 'have'} no place on {page}, so " \
        f"neither is listed {'before' if op == 'first' else 'after'} the other there" + (f". {said}." if said else ".")
