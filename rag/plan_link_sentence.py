"""An address a named PDF prints, picked by where its sentence stands or by what that sentence says (issue 11): 'the
url at the end of LayoutParser's abstract', 'where do the LayoutParser authors say the library is publicly available?
the url pls', 'the lit graph paper says at the end of its abstract that its methods power features on some website —
which web address?'.

The catalog holds each printed address with the sentence printing it and where (rag/catalog_links.printed_links). A
question is taken when it asks for an address of one named PDF and either says its place (the end of the abstract)
or describes it by a clause whose words the address's own sentence prints: every word of the question that is not
frame, the PDF's name or the place must be found in that sentence (all but one, when three or more are said, as
'power' for the printed 'enable'). A clause the sentence does not print is about something else: content, left alone.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_links import Link, printed_links, where
from rag.plan_citations import _named, _unnamed
from rag.plan_heading_phrases import abbreviated, begun_title_words
from rag.plan_headings import HeadingAsk
from rag.records import Paper

_ASKED = re.compile(r"\b(?:urls?|links?|web\s*(?:address(?:es)?|sites?|pages?)|websites?|(?:web\s+)?address)\b", re.I)
# The address is what is asked: the object of 'which' / 'what' ('which web address does it print', 'what url is at the
# end'), or 'where' a thing is ('where is the library available? url')
_ASKED_FOR = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:urls?|links?|web\s*(?:address(?:es)?|sites?|pages?)|websites?|"
                        r"address(?:es)?)\b|\bwhere\b", re.I)
# The abstract's end as the place: 'at the end of its abstract', 'the abstract's last sentence', 'closing the abstract'
_AT_END = re.compile(r"\b(?:at\s+|in\s+)?(?:the\s+)?(?:very\s+)?(?:end|close|bottom|last\s+(?:sentence|line)|final\s+"
                     r"(?:sentence|line))\s+of\s+(?:the|its|their|[\w-]+'s)\s+abstract\b|\babstract'?s?\s+(?:last|final|closing)\s+"
                     r"(?:sentence|line|words?)\b|\b(?:the\s+)?abstract\s+(?:ends?|closes?|finish(?:es)?)\s+(?:with|on)\b",
                     re.I)
# ... or said of the abstract named elsewhere in the question ('the abstract - which web address does it end with?')
_ENDS_WITH = re.compile(r"\b(?:it|its\s+abstract|the\s+abstract)\s+(?:end|close|finish)\s+(?:with|on)\b", re.I)
_FRAME = frozenset("""what which where whats when who how does do did is are was were be the a an of in on at to for and
or its it it's their they them this that these those there say says said saying state states stated claim claims mention
mentions mentioned print prints printed printing give gives given url urls link links web address addresses site
sites website websites page webpage paper pdf pdfs authors author my me pls please plz some any tell show find i need
want exactly just only one also whose exact which's abstract library's s""".split())


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The address asked of one named PDF by its place or its sentence's words, or None."""
    text = " ".join(question.replace("’", "'").split())
    if not _ASKED.search(text) or not _ASKED_FOR.search(text):
        return None  # 'what does X say its methods enable on the Semantic Scholar website': what it says, not where
    pdfs = [p for p in catalog.papers if p.page_count]
    low = text.casefold()
    named = [p for _, p in _named(low, catalog) if p in pdfs] or abbreviated(text, pdfs)
    if len(named) != 1:
        return None
    paper = named[0]
    links = list(printed_links(paper))
    at_end = _AT_END.search(low) or (_ENDS_WITH.search(low) if rx.search(r"\babstract\b", low) else None)
    if at_end:
        links = _abstract_end(paper, links)
        low = low[:at_end.start()] + " " + low[at_end.end():]
    begun = set(begun_title_words(low, paper))  # 'the lit graph paper'
    words = [w for w in _topic(_unnamed(low, [paper], catalog), paper) if w not in begun]
    if not links or not words and not at_end:
        return None  # no place and no words: 'what links does X print' is the registry's links lookup
    fitting = [link for link in links if _fits(words, link.sentence)]
    if len(fitting) != 1:
        return None
    link = fitting[0]
    return HeadingAsk(f"{paper.title} prints {link.url}" + (" at the end of its abstract" if at_end else "") +
                      f" ({where(paper, link)}).", [paper])


def _abstract_end(paper: Paper, links: list[Link]) -> list[Link]:
    """The address the abstract prints last, when its last sentence prints one."""
    printed = [link for link in links if link.place == "abstract"]
    last = max(printed, key=lambda link: paper.abstract.rfind(link.sentence), default=None)
    return [last] if last is not None and paper.abstract.rstrip().endswith(last.sentence.rstrip()[-20:]) else []


def _stem(word: str) -> str:
    return word[:5]


def _topic(low: str, paper: Paper) -> list[str]:
    """The question's words beside the frame and the PDF's authors: what the address's sentence must print."""
    names = {w for a in paper.authors for w in rx.findall(r"[a-z]+", a.name.casefold())}
    return [w for w in rx.findall(r"[a-z]+", low) if w not in _FRAME and w not in names and len(w) > 2]


def _fits(words: list[str], sentence: str) -> bool:
    """Whether the sentence prints the words: all of them, or all but one of three or more."""
    held = {_stem(w) for w in rx.findall(r"[a-z]+", sentence.casefold())}
    missing = [w for w in words if _stem(w) not in held]
    return not missing or len(missing) == 1 and len(words) >= 3
