"""Whether a heading question asks only its frame or asks content (rag/plan_headings.py): what a section says, holds
or does ('what does section 3 propose', 'what experiments are in section 4') is content and goes to retrieval; a question
left with nothing but frame words, once the paper's name and the heading it points at are out, is a heading question.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_headings import Heading

# What a section says, does or holds is content, whatever else the question asks.
CONTENT = re.compile(r"\b(?:say|says|said|propose[sd]?|proposes|show[sn]?|shows|discuss(?:es|ed)?|describe[sd]?|"
                     r"summari[sz]e|summary|explain(?:s|ed)?|argue[sd]?|claims?|conclude[sd]?|find|finds|found|"
                     r"report(?:s|ed)?|mean|means|cover(?:s|ed)?|contains?|present(?:s|ed)?|introduce[sd]?|about|"
                     r"talk|talks|mention(?:s|ed)?|\bhow\s+(?:does|do|did|is|are|was|were)\b|results?\s+(?:in|of)|"
                     r"what(?:'s|\s+is|\s+was)\s+(?:in|inside)\b|in\s+detail|compare[sd]?|evaluate[sd]?|use[sd]?|"
                     r"uses)\b", re.I)
ROLES = {"appendix": r"\bappendi(?:x|ces)\b|\bsupplementary\s+material\b",
         "conclusion": r"\bconclu(?:sion|sions|ding)\b", "introduction": r"\bintroduct(?:ion|ory)\b",
         "related work": r"\brelated\s+work\b", "background": r"\bbackground\b"}
# 'what/which N ... in <heading>' asks N's content unless N is a word of the heading question's own frame: 'which page
# does §7 start on' is a heading question, 'what experiments are in section 4' is content.
_ASKED_NOUN = re.compile(r"\b(?:what|which)\s+(?:of\s+(?:my|the)\s+)?([a-z-]+)")
_FRAME_NOUN = frozenset("""is are was were s does do did has have section sections subsection subsections sub-section
sub-sections heading headings title titles name names page pages number numbers numbered top-level pdf pdfs paper papers
file files document documents doc docs chapter chapters appendix appendices one ones comes come follows precedes pg""".split())
# 'what does the metadata section do / list?': a verb of the paper's own, outside the frame
_DOES = re.compile(r"\b(?:what|which)\s+(?:does|do|did)\b[^?]*\b(?:do|list|give|provide|offer|include|hold)\W*$")
# The heading a question points at, said by number, ordinal, role or appendix letter ('section 4', 'the first
# section', 'the conclusion', 'appendix A').
POINTS = re.compile(r"(?:\b(?:sub-?section|section|sec\.|chapter)\s*|§\s*)\d|\bappendix\s+[a-h]\b|"
                    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|closing)\s+"
                    r"(?:numbered\s+|top-level\s+|main\s+)?(?:sub-?)?section\b|" + "|".join(ROLES.values()))
# A quote opens at the start or after a space or bracket: the apostrophe of "my PDFs' sections" opens none.
QUOTED = re.compile(r"(?:^|(?<=[\s(\[]))['\"‘“]([^'\"’”]{3,60})['\"’”]")
# The words of a heading question's frame: what is left of it once the paper and the heading are out.
_FRAME = frozenset("""what whats which where when is are was were does do did has have having had the a an of in on at
to for and or its it their my these those this that pdf pdfs paper papers file files document documents doc docs section
sections subsection subsections sub sec heading headings title titled titles called named name number numbered numbers
page pages start starts starting started begin begins beginning appear appears printed print prints first second third
fourth fifth sixth seventh eighth ninth tenth last final closing top level main how many count with there any all end
ends ending finish finishes close closes wrap up include includes including not counting excluding besides except one
two three four five six seven eight nine ten chapter chapters appendix appendices supplementary material conclusion
conclusions introduction related work future background under within inside from by as each every yes whether if
please tell me give list kind isn actually also exactly then again hold holds sit sits come comes located
after next following follows followed before precede precedes preceding previous right immediately directly them
acknowledgements references excerpt copy go goes get gets reach reaches proceedings journal venue there no incl including
plus they wich far library collection""".split())


def only_frame(low: str, allowed: list[str]) -> bool:
    """No word is left but frame and the named paper's title and short names; a year or other number of three digits
    or more is a condition ('which PDFs from 2018'), which this reader does not apply."""
    words = _FRAME | {w for text in allowed for w in rx.findall(r"[a-z]+|\d{3,}", text.casefold())}
    # 'SPECTERs section 6': a possessive said without its apostrophe
    return all(w in words or w.endswith("s") and w[:-1] in words for w in rx.findall(r"[a-z]+|\d{3,}", low) if len(w) > 1)


def pointed_out(low: str, headings: list[Heading]) -> str:
    """The question with the heading it points at by its printed words taken out: quoted, or followed by a section
    word ('the extracting metadata section')."""
    low = QUOTED.sub(" ", low)
    for h in sorted(headings, key=lambda h: -len(h.title)):
        if len(h.title) > 3:
            low = rx.sub(rf"\b{re.escape(h.title.casefold())}\s+(?:sub-?)?(?:sections?|headings?|chapters?)\b|"
                         rf"(?:\b(?:section|heading)|§)\s*(?:[\d.]+\s+)?(?:called\s+|titled\s+|named\s+)?"
                         rf"{re.escape(h.title.casefold())}\b", " section ", low)
    return low


def asks_content(low: str) -> bool:
    """What a section says, holds or does: a content verb, 'what N …' whose N is no heading-frame word, or a verb of
    the paper's own ('what does … do')."""
    noun = _ASKED_NOUN.search(low)
    return bool(CONTENT.search(low) or _DOES.search(low) or (noun and noun.group(1) not in _FRAME_NOUN))


def section_content(question: str) -> bool:
    """The question asks what a section it points at says or holds ("what's in section 4 of X", "what is the first
    section of X about", "what baselines does appendix A give"): content, which neither the planner nor the record
    card may answer."""
    low = " ".join(question.casefold().replace("’", "'").split())
    return bool(POINTS.search(low)) and asks_content(low)
