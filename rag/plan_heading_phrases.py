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

from rag.catalog_headings import Outline
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


def plain(low: str) -> str:
    """The question with the adverb on a naming verb and a numbering gloss taken out (the gloss said as 'numbered')."""
    low = _ADVERB_ON_NAME.sub("", low)
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
        name = " ".join(m.group("name").split())
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
        if not stem or " ".join(re.split(r"[\W_]+", stem)).strip() != paper.title.casefold():
            continue
        words = [w for w in re.split(r"[\W_]+", stem) if w.isalpha() and len(w) > 3]
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in words if w in low):
            found.append(paper)
    return found
