"""Whether a question asks what a printed object SAYS, using the object only to say where the answer is printed
(issue 11: content questions must never be taken by the planner).

'footnote 3 of DPR: which passage setting worked better?', 'why, per footnote 1 of the literature graph paper, are
the relation extraction models not discussed?', 'the page with the github link in DPR: what did they release there?'
name a catalog object (a numbered footnote, the page a link is printed on) and ask about the world the paper
describes. The footnote readers would answer with the object's text: a catalog quote shown as if it answered.
Retrieval gets these instead, and rag/evidence_pinned.py puts the named object's text first in its evidence.

The test is on what is left once the object is named, not on topics. The question is LEFT (content) when it names
such an object and
- asks nothing of the object's own record: no address, page, section, number, heading, mark or quote
  ('footnote 3's URL', 'which page is footnote 5 on', 'quote footnote 2'), and
- the object is not the subject of a saying verb with nothing more asked ('what does footnote 3 say', 'footnote 4
  names two works - which?', 'footnote 1 explains that something was left out: what?': its text is the answer),
  unless the saying is about a topic ('what does footnote 3 say about passage length'), and
- a content word is left over: a word that is neither function word nor the paper's own name ('which passage
  setting worked better' leaves 'passage setting worked better').
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.plan_citations import _named, _unnamed
from rag.plan_heading_phrases import abbreviated, begun_title_words

# A numbered footnote ('footnote 3', 'fn 5', 'foot-note #12'), and the page a printed link is on ('the page with the
# github link', 'the page that prints the code link'): the objects the footnote and link readers would quote.
_FOOTNOTE_N = r"\b(?:foot\s*-?\s*notes?|fn\.?)\s*(?:no\.?\s*|number\s+|#\s*)?(\d{1,2})\b"
# 'Courville's page with a project link' is a listing page, and 'the page with the most links' a sort: neither.
_LINK_PAGE = r"\bthe\s+page\s+(?:with|that\s+(?:has|prints|gives|carries)|holding|printing|carrying)\s+" \
             r"(?:the\s+|a\s+|its\s+)?(?!(?:most|fewest|least|more|fewer)\b)((?:\w+\s+){0,2}?)(?:link|url|address|repo)\b"
MENTION = re.compile(rf"{_FOOTNOTE_N}|{_LINK_PAGE}", re.I)
FOOTNOTE = re.compile(_FOOTNOTE_N, re.I)  # its number is group 1
LINK_PAGE = re.compile(_LINK_PAGE, re.I)  # the words before 'link' ('github', 'code') are group 1
# The object's own record asked: its address, where it points or is printed, its number, section, heading, mark, or
# its words as printed.
_RECORD = re.compile(r"\b(?:urls?|links?|linked|address(?:es)?|repos?|repositor(?:y|ies)|web\s*sites?|sites?|web\s*pages?|"
                     r"pages?|pg|section|sections|subsection|headings?|paragraph|numbers?|numbered|marks?|markers?|"
                     r"whereabouts|point(?:s|ed|ing)?\s+(?:to|at|into)|lead(?:s)?\s+to|go(?:es)?\s+to|"
                     # 'where' asks a place when its verb is one of printing or hosting ('where is that footnote',
                     # 'where can the code be downloaded'); 'removed from where' asks what the paper did
                     r"where\b(?=(?:\s+\w+){0,5}?\s+(?:releas\w*|availab\w*|hosted|host|download\w*|find|found|get|"
                     r"put|kept|located|printed|appears?|link\w*|point\w*|lead\w*|go(?:es)?|lives?)\b|"
                     r"\s+(?:is|are|was)\s+(?:it|that|this|the|they)\b)|"
                     r"quote[sd]?|quoting|verbatim|word\s+for\s+word|exact(?:ly)?\s+(?:text|wording|words)|"
                     r"full\s+text|wording|attached|anchored|how\s+many|count)\b", re.I)
# The object (or a word for it) as the subject of a saying verb: its text is what is asked.
_OBJECT = rf"(?:{_FOOTNOTE_N}|\bit|\bthe\s+(?:foot\s*-?\s*)?note|\b(?:that|this)\s+(?:foot\s*-?\s*)?note)"
_SAYING = r"(?:say|says|said|explain|explains|explained|mention|mentions|mentioned|state|states|stated|note|notes|" \
          r"noted|give|gives|name|names|named|cite|cites|cited|list|lists|read|reads|contain|contains|hold|holds|" \
          r"refer|refers|clarif(?:y|ies|ied)|credit|credits|thank|thanks)"
_SAID = re.compile(rf"{_OBJECT}\s+(?:\w+ly\s+|also\s+|just\s+)?{_SAYING}\b|"
                   rf"\b(?:does|did|do)\s+{_OBJECT}\s+{_SAYING}\b", re.I)
_TOPIC = re.compile(rf"\b{_SAYING}\s+(?:\w+\s+){{0,3}}?(?:about|regarding|concerning|on\s+the\s+(?:topic|subject|matter)"
                    rf"\s+of|as\s+to)\b", re.I)
# Function words and the words that name the object or the paper: nothing a content question is about.
_FRAME = frozenset("""what whats which who whom whose when how is are was were be been do does did the a an of in on at to
for and or its it their they them this that these those there here per according accordance from by with as into
within inside paper papers pdf pdfs document doc file article footnote footnotes foot note notes fn no number page s
says say said tell me please pls give show just exactly also then so one ones my your our us we i you
""".split())


def object_content(question: str, catalog: Catalog) -> bool:
    """True when the question names a printed object (a numbered footnote, the page a link is printed on) only to
    say where its answer is, and asks what the paper says there: retrieval's, with the object pinned as evidence."""
    text = " ".join(question.replace("’", "'").split())
    mention = MENTION.search(text)
    if mention is None:
        return False
    rest = MENTION.sub(" ", text)
    if _RECORD.search(rest) or (_SAID.search(text) and not _TOPIC.search(text)):
        return False
    low = rest.casefold()
    named = [p for _, p in _named(low, catalog)] or abbreviated(low, [p for p in catalog.papers if p.blocks])
    begun = {w for p in named for w in begun_title_words(low, p)}  # 'the lit graph paper'
    if not FOOTNOTE.search(mention.group(0)) and not any(p.blocks for p in named):
        return False  # a page with a link, of no PDF named: a listing's page, not a printed page
    left = [w for w in rx.findall(r"[a-z][a-z'-]*", _unnamed(low, named, catalog).replace("'s", " "))
            if w not in _FRAME and w not in begun and len(w) > 1]
    return bool(left)
