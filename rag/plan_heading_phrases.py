"""How people say a heading question besides its frame words (issue 11), made plain before rag/plan_headings.py reads
it: an adverb on the naming verb ("a subsection literally called 'Overview'"), the asker's own name for a numbered
section in brackets ('section 2 (Model)'), a gloss of the numbering style ('numbered sub-sections (x.y style
headings)') and a question said as a bare noun phrase ('PDFs with an acknowledgements section?').

Each rule is keyed to where the words stand, not to the words: any '-ly' adverb before 'called / titled / named', any
bracket right after a section number. A bracket whose words are not the printed title of that section is left in the
question, so its words stay unread and the question goes to retrieval.
"""

from __future__ import annotations

import re
from pathlib import Path

from rag import rx
from rag.catalog_headings import Heading, Outline
from rag.catalog_pdf_texts import printed_page_number
from rag.plan_terms import NUMBER_WORDS, ORDINALS
from rag.records import Paper

# 'literally called', 'exactly titled', 'simply named': the adverb says how the name is meant, it asks nothing
_ADVERB_ON_NAME = re.compile(r"\b[a-z]+ly\s+(?=(?:called|titled|named|headed|labell?ed)\b)")
# 'numbered sub-sections (x.y style headings)', 'subsections (like 2.1)': the bracket shows the numbering meant
_NUMBERING_GLOSS = re.compile(r"\(\s*(?:e\.g\.,?\s*|i\.e\.,?\s*|like\s+|such\s+as\s+)?(?:x\.y|\d+\.\d+)(?:\.z|\.\d+)?"
                              r"(?:[\s-]+(?:style|styled|form|format|numbering|numbered))?(?:\s+(?:headings?|numbers?|"
                              r"sections?|sub-?sections?))?\s*\)")
# A question said as a noun phrase over the PDFs: 'PDFs with an appendix?', 'my files that have a Background section'
_BARE_SET = re.compile(r"^\W*(?:(?:my|the|any|all)\s+)?(?:pdfs|papers|files|documents)\s+(?:with|having|that|which)\b")
# 'section 2 (Model)', '§3 ("SCIDOCS Evaluation Framework")': the name the asker gives the numbered section
_NAMED_NUMBER = re.compile(r"(?P<ref>(?:\b(?:sub-?section|section|sec\.|chapter)\s*|§\s*)(?P<number>\d{1,2}(?:\.\d{1,2})*))"
                           r"\s*\(\s*['\"‘“]?(?P<name>[^()'\"’”]{2,60}?)['\"’”]?\s*\)")


# 'the printed proceedings number', 'its journal page number', 'the page number of the journal': the page number the
# venue prints, said as 'page printed'
_PRINTED_NUMBER = re.compile(r"\b(?:printed\s+(?:proceedings\s+|journal\s+|venue\s+)?(?:page\s+)?|"
                             r"(?:proceedings|journal)\s+(?:page\s+)?)numbers?\b|\b(?:proceedings|journal)\s+pages?\b|"
                             r"\bpage\s+numbers?\s+(?:of|in|from)\s+(?:the|its)\s+(?:journal|proceedings)\b")


# 'acks', 'refs': the back-matter headings by their short names
_BACK_MATTER = ((re.compile(r"\backs?\b|\backnowledgments?\b"), "acknowledgements"),
                (rx.compiled(r"\b(?:the\s+)?(?:reference\s+list|list\s+of\s+references)\b"), "the references section"),
                (rx.compiled(r"\brefs\b|\bbibliography\b"), "references"),
                (rx.compiled(r"\bpage\s+no\b\.?"), "page number"))  # 'printed page no.'

# '(84-91 range)': the venue's page range the asker already knows, said beside the printed page number asked;
# '(before acks/refs)', '(excluding the appendix)': the back matter set aside, as a numbered section always is
_KNOWN_RANGE = re.compile(r"\(\s*(?:the\s+|its\s+)?(?:pages?\s+)?\d+\s*(?:-|–|to)\s*\d+(?:\s+range)?\s*\)")
_BACK_MATTER_ASIDE = re.compile(r"\(\s*(?:before|excluding|not\s+counting|ignoring|without|apart\s+from|besides)\s+"
                                r"(?:the\s+)?(?:acknowledgements|references|appendix|appendices)"
                                r"(?:\s*(?:/|,|and|or|&)\s*(?:the\s+)?(?:acknowledgements|references|appendix|appendices))*\s*\)")


_EMPHASIS = re.compile(r"\*+(?=\w)|(?<=\w)\*+")


def plain(low: str) -> str:
    """The question with the adverb on a naming verb and a numbering gloss taken out (the gloss said as 'numbered'),
    the back matter said by its short names ('acks / refs') said whole and set aside when a bracket does, a known page
    range dropped, and the page number a venue prints said as 'page printed'."""
    low = _EMPHASIS.sub("", low)  # 'the first numbered *sub*section': chat's emphasis marks inside a word
    for short, whole in _BACK_MATTER:
        low = short.sub(whole, low)
    low = _BACK_MATTER_ASIDE.sub(" ", _KNOWN_RANGE.sub(" ", low))
    low = _PRINTED_NUMBER.sub(" page printed ", _ADVERB_ON_NAME.sub("", low))
    return _NUMBERING_GLOSS.sub(" numbered ", low)


def bare_set(low: str) -> bool:
    """'PDFs with an acknowledgements section?': the PDFs asked over, without 'which'."""
    return bool(_BARE_SET.search(low))


def named_number(low: str, outline: Outline) -> str:
    """The bracketed name after a section number taken out when it is that section's printed title, or when the text
    as read does not hold the section's title (a heading with no prose under it: '2 Model' straight before '2.1'). A
    name the PDF prints otherwise is kept, so the question is not read as about a section it does not name."""
    def fits(m: re.Match[str]) -> str:
        heading = outline.numbered(m.group("number"))
        name = rx.sub(r"^(?:the|its)\s+", "", " ".join(m.group("name").split()))  # 'section 3 (the SCIDOCS …)'
        if heading is None or (heading.title and heading.title.casefold() != name):
            return m.group(0)
        return m.group("ref")
    return _NAMED_NUMBER.sub(fits, low)


def file_named(low: str, papers: list[Paper]) -> list[Paper]:
    """The PDFs whose only title is their file's name ('a1977 backus p21': the page prints none), named by a word of it
    ('the backus pdf'): such a title has no two words in a row a question would say."""
    found = []
    for paper in papers:
        stem = Path(paper.sources[0].path).stem.casefold() if paper.sources else ""
        if not stem or " ".join(rx.split(r"[\W_]+", stem)).strip() != paper.title.casefold():
            continue
        words = [w for w in rx.split(r"[\W_]+", stem) if w.isalpha() and len(w) > 3]
        if any(rx.search(rf"\b{re.escape(w)}\b", low) for w in words if w in low):
            found.append(paper)
    return found


def abbreviated(text: str, pdfs: list[Paper]) -> list[Paper]:
    """A PDF named by two title words in a row, each said by its start ('the lit graph paper')."""
    said = rx.findall(r"[a-z0-9]+", text.casefold())
    found = []
    for paper in pdfs:
        title = [w for w in rx.findall(r"[a-z0-9]+", paper.title.casefold())]
        pairs = {(a, b) for a, b in zip(title, title[1:]) if len(a) > 3 and len(b) > 3}
        if any(len(x) >= 3 and len(y) >= 3 and a.startswith(x) and b.startswith(y)
               for x, y in zip(said, said[1:]) for a, b in pairs):
            found.append(paper)
    return found


def begun_title_words(low: str, paper: Paper) -> list[str]:
    """The question's words that begin a word of the paper's title ('lit graph'): how `abbreviated` named it."""
    title = rx.findall(r"[a-z0-9]+", paper.title.casefold())
    return [w for w in rx.findall(r"[a-z]+", low) if len(w) >= 3 and any(t.startswith(w) for t in title if len(t) > 3)]


def printed_page(paper: Paper, heading: Heading) -> str:
    """', printed page 2275 of ACL 2020' when the PDF prints the first page its proceedings give it: the PDF's first
    page is that number, so page n is printed as first + n - 1."""
    printed = printed_page_number(paper, heading.page)
    if printed is None or paper.venue_line is None:
        return " (the PDF prints no page numbers of a journal or proceedings)"
    return f", printed page {printed} of {paper.venue or 'its venue'} (its pages {paper.venue_line.pages})"


# 'which section is about selecting negative distractors', 'a subsection on knowledge bases': the words after 'about'
# may be a heading's whole title, then the end of the clause or the paper it is in ('… in SPECTER')
_ABOUT = re.compile(r"\b(?P<lead>is|are|was|were|sections?|sub-?sections?|headings?)\s+(?:about|on|covering)\s+"
                    r"(?:the\s+)?(?P<words>[^?.!,;:()]{4,120}?)\s*(?=[?.!,;:()]|$)")


def titled_topic(low: str, headings: list[Heading]) -> str:
    """'is about X' said as "is titled 'X'" when X is a printed heading's whole title: which section carries that
    title is the outline's to say. Any other words after 'about' ask what a section says, and stay content."""
    m = _ABOUT.search(low)
    if m is None:
        return low
    words = " ".join(m.group("words").split())
    for title in sorted({h.title.casefold() for h in headings if h.title}, key=len, reverse=True):
        rest = words[len(title):] if words.startswith(title) else None
        if rest is not None and (not rest or rx.match(r"\s+(?:in|of|from)\s", rest)):
            lead = "is" if m.group("lead") in ("is", "are", "was", "were") else m.group("lead")
            return low[:m.start()] + f"{lead} titled '{title}'{rest}" + low[m.end():]
    return low


def page_said(low: str) -> int | None:
    """The PDF page a heading is said to be on when asked over every PDF ('start their section 2 on PDF page 2', 'on
    their second page'), or None."""
    if m := rx.search(r"\bon\s+(?:pdf\s+)?(?:page|p\.)\s*(\d{1,4}|" + "|".join(NUMBER_WORDS) + r")\b", low):
        return int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
    if m := rx.search(r"\bon\s+(?:the|their|its)\s+(" + "|".join(ORDINALS) + r")\s+(?:pdf\s+)?page\b", low):
        return ORDINALS.index(m.group(1)) + 1
    return None
