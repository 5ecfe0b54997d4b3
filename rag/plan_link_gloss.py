"""Kinds of link said again after 'no link at all': 'which abstracts give no link at all (no code, no project page)?',
'entries without any link — no GitHub, no website'. The aside names kinds the whole ('any link', 'at all') already
rules out: it adds no condition, and read on its own each kind would become one more negated filter (a Code badge the
trending page never prints turned the whole answer into 'cannot be counted'). Only an aside whose every item is 'no' /
'not' / 'nor' and a kind of link is taken; anything else stays for the other readers.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question

# A kind of link, as questions name them (rag/catalog_links.py's kinds said plainly).
_KIND = r"(?:(?:source\s+)?code(?:\s+(?:links?|repos?|repositor(?:y|ies)))?|github(?:\s+(?:links?|repos?))?|repos?|" \
        r"repositor(?:y|ies)|project\s+(?:pages?|sites?|websites?)|websites?|web\s*pages?|home\s*pages?|urls?|demos?|" \
        r"datasets?(?:\s+links?)?|blogs?)"
_ITEM = rf"(?:no|not|nor|without)\s+(?:an?\s+|any\s+)?{_KIND}"
_WHOLE = r"\b(?:no|without(?:\s+any)?|not\s+(?:a|any)|zero)\s+(?:(?:web|online|external|outside)\s+)?(?:links?|urls?|web\s+addresses|addresses)(?:\s+at\s+all|(?P<ever>\s+whatsoever))?"
_MORE = rf"(?:\s*(?:,|;|/|\bor\b|\band\b|\bnor\b)\s*(?:{_ITEM}|(?:an?\s+|any\s+)?{_KIND}))*"  # 'no code or project page'
_GLOSS = rf"(?P<whole>{_WHOLE})\s*(?:\(\s*{_ITEM}{_MORE}\s*\)|[—–-]\s*{_ITEM}{_MORE}(?=\s*[?.!;]|\s*$))"


# A host said with the kinds a link on it may be, in brackets: 'a github.io page (project site or code)'. Joined by 'or',
# the kinds add nothing to the host: any link on it is asked.
_HOST = r"(?<![\w@/.-])[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*\.[a-z]{2,}(?:\s+(?:pages?|sites?|links?|urls?|address(?:es)?))?"
_EITHER_KIND = rf"(?:an?\s+)?{_KIND}"


# The same aside after 'any link (at all)': 'which blurbs give any link at all (code, project page, anything)' — kinds
# a link may be, with 'anything' / 'whatever' / 'etc.' closing the list: any link is asked, the kinds add nothing.
_ANY_WHOLE = r"\b(?:any|a)\s+(?:(?:web|online|external|outside)\s+)?(?:links?|urls?|web\s+address(?:es)?)(?:\s+at\s+all|\s+whatsoever)?"
_ANY_ITEM = rf"(?:(?:an?\s+|any\s+)?{_KIND}|anything(?:\s+else)?|whatever|etc\.?|and\s+so\s+on)"
_ANY_GLOSS = rf"(?P<whole>{_ANY_WHOLE})\s*\(\s*{_ANY_ITEM}(?:\s*(?:,|/|;|\bor\b|,\s*or\b)\s*{_ANY_ITEM})+\s*\)"


def link_kinds_glossed(q: Question) -> None:
    """Take the kinds of link said again after 'no link (at all)' or 'any link (at all)', leaving the whole for the link
    readers; and the kinds said either way in brackets after a host ('a github.io page (project site or code)')."""
    for m in list(rx.finditer(rf"({_HOST})(\s*\(\s*{_EITHER_KIND}(?:\s*(?:,|/|\bor\b|,\s*or\b)\s*{_EITHER_KIND})+\s*\))",
                              q.text, re.I)):
        q.blank(m.start(2), m.end(2))
    for m in list(rx.finditer(_ANY_GLOSS, q.text, re.I)):
        q.blank(m.end("whole"), m.end())
    for m in list(rx.finditer(_GLOSS, q.text, re.I)):
        q.blank(m.start("ever") if m["ever"] else m.end("whole"), m.end())  # 'whatsoever' says 'at all' too
