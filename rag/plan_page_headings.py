"""One page of a PDF as a record: the headings printed on it and the page number its journal or proceedings prints
there ('which headings begin on PDF page 4 of the lit graph paper, and what page number is printed at its foot',
'DPR two-pager: which numbered headings show up on its second page', 'the headings on printed page 2278 of SPECTER').

The page is said by its PDF number ('PDF page 4', 'page 9', 'p. 5'), by ordinal ('its second page', 'the last page')
or by the number printed on it ('printed page 88', turned into the PDF's page by the venue's first page). Taken when
one PDF is named, a heading word asks the headings, and nothing but this frame is left: 'what does page 4 of SPECTER
say about negatives' asks what is printed there, which is content.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_headings import Heading
from rag.catalog_pdf_records import venue_words
from rag.catalog_pdf_texts import printed_page_number, start_page
from rag.plan_heading_frame import only_frame
from rag.plan_headings import HeadingAsk, named_pdf, catalog_names
from rag.plan_heading_phrases import begun_title_words
from rag.plan_terms import NUMBER_WORDS, ORDINALS
from rag.records import Paper

_HEADINGS = re.compile(r"\b(?:(?:sub-?)?sections?(?:\s+hea?dings?|\s+titles?)?|hea?dings?|headers?|section\s+names?)\b")
_SUB = re.compile(r"\bsub-?sections?\b")
_NUMBER = r"(\d{1,4}|" + "|".join(NUMBER_WORDS) + r")"
# The page, by the PDF's own count or by the number printed on it.
# ('the 2-page one' is the PDF said by its length, not its page one)
_PDF_PAGE = re.compile(rf"\b(?<!-)(?:pdf\s+)?(?:page|pg\.?|p\.)\s*(?:no\.?\s*|number\s+|#\s*)?{_NUMBER}\b(?!\s*(?:-|–|to)\s*\d)")
_PRINTED_PAGE = re.compile(rf"\b(?:printed|proceedings|journal)\s+page\s+(?:no\.?\s*|number\s+)?(\d{{1,5}})\b")
_ORDINAL_PAGE = re.compile(r"\b(" + "|".join(ORDINALS) + r"|last|final|opening|front|\d{1,3}(?:st|nd|rd|th))\s+(?:pdf\s+)?page\b")
# The number printed on the page asked with its headings ('and what page number is printed at its foot').
_FOLIO = re.compile(r"\b(?:page\s+(?:number|no\.?)|folio|number\s+printed|printed\s+(?:page\s+)?number)\b")
# Words of this frame besides the heading reader's own (rag/plan_heading_frame.py): where on the page a number sits.
_OWN = ["foot footer bottom top head header margin corner show shows showing up land lands printed pdf pg p no folio "
        "proceedings journal its that this page pages which headings numbered begin begins on along alongside together "
        "plus sits sit start starts what's whats there"]


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The headings printed on one named PDF's page (with the number printed on it), or None."""
    low = " ".join(question.casefold().replace("’", "'").split())
    if not _HEADINGS.search(low):
        return None
    if (located := page_named(low, catalog)) is None:
        return None
    paper, page, said, rest = located
    rest = rx.sub(r"\b\w+[\s-]pager\b|\b\w+-pages?\b|\bhea?dings?\b", " ", rest)  # 'the DPR two-pager': the PDF said by its length
    # the paper's venue said to name it ('lit graph paper (NAACL 2018)')
    names = [paper.title, *catalog_names(catalog, paper), *begun_title_words(low, paper), *_OWN, *venue_words(paper)]
    if not only_frame(rx.sub(r"'[^']*'|\"[^\"]*\"", " ", rest), names):
        return None
    headings = [h for h in catalog.outlines[paper.paper_id].headings if h.level >= 2 or not _SUB.search(low)]
    return _answer(paper, headings, page, said, bool(rx.search(r"\bnumbered\b", low)), bool(_FOLIO.search(rest)))


def page_named(low: str, catalog: Catalog) -> tuple[Paper, int, str, str] | None:
    """The one PDF named, the page of it said (and how), and the question with the page's words taken out; None when
    no PDF, or no page it has, is said."""
    paper = named_pdf(low, catalog, catalog.outlines)
    found = _page(low, paper) if paper is not None else None
    if paper is None or found is None:
        return None
    return paper, found[0], found[1], _PRINTED_PAGE.sub(" ", _PDF_PAGE.sub(" ", _ORDINAL_PAGE.sub(" ", low)))


def _page(low: str, paper: Paper) -> tuple[int, str] | None:
    """The PDF page the question says, and how it was said; None when it says none the PDF has."""
    if m := _PRINTED_PAGE.search(low):
        first = start_page(paper)
        page = None if first is None else int(m.group(1)) - first + 1
        said = f"printed page {m.group(1)}"
    elif m := _ORDINAL_PAGE.search(low):
        word = m.group(1)
        page = paper.page_count if word in ("last", "final") else 1 if word in ("opening", "front") else \
            int(word[:-2]) if word[0].isdigit() else ORDINALS.index(word) + 1
        said = f"its {word} page"
    elif m := _PDF_PAGE.search(low):
        page = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
        said = f"PDF page {page}"
    else:
        return None
    if page is None or page < 1 or (paper.page_count and page > paper.page_count):
        return None
    return page, said


def _answer(paper: Paper, printed_headings: list[Heading], page: int, said: str, numbered: bool,
            folio: bool) -> HeadingAsk:
    headings = [h for h in printed_headings if h.page == page and (h.number or not numbered)]
    printed = printed_page_number(paper, page)
    number = f"; printed page number {printed} (its pages in {paper.venue or 'its venue'} run {paper.venue_line.pages})" \
        if printed is not None and paper.venue_line is not None else \
        "; the PDF prints no journal or proceedings page number" if folio else ""
    where = f"PDF page {page}" + (f" ({said})" if not said.startswith("PDF") else "")
    kind = "numbered heading" if numbered else "heading"
    listed = "; ".join(f"{h.number} {h.title}".strip() or h.number for h in headings)
    if not headings:
        return HeadingAsk(f"{paper.title}, {where}{number}: no {kind} begins there.", [paper])
    return HeadingAsk(f"{paper.title}, {where}{number}: {len(headings)} {kind}{'s' if len(headings) != 1 else ''} "
                      f"{'begin' if len(headings) != 1 else 'begins'} there: {listed}.", [paper], {paper.paper_id: headings})

