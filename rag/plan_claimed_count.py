"""A count a page prints of itself, said only to set against the entries it lists: "Courville's header claims 210
papers — how many are actually listed on the page I saved?", 'the profile says 210 publications but how many entries
does my copy show?'. The claim is context, not a condition (no paper 'claims' anything): its words are taken, the owner
or page named before it is left for the page readers, and the question counts the entries the saved page lists. Also
taken: the copy said as the asker's ('the page I saved', 'my copy'), which is that page.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question

_COUNTED = r"(?:papers?|entries|publications?|pubs|items|works|preprints)"
_SAYS = r"(?:claims?|claimed|says?|said|shows?|showed|states?|stated|lists?|listed|reports?|reported|gives?|gave|" \
        r"advertises?|advertised|mentions?|mentioned|boasts?|displays?|displayed|reads?)"
# 'header claims 210 papers', 'profile says it has 210 publications', 'the banner reads 210 Papers'
_CLAIM = rf"\b(?P<noun>(?:page\s+|profile\s+|page's\s+|profile's\s+)?(?:header|heading|banner|top\s+line|summary\s+line)|" \
         rf"(?P<page>profile|page|list))\s+{_SAYS}\s+(?:(?:it|he|she|they)\s+(?:has|have|had)\s+|there\s+(?:are|is|were)\s+)?(?:about\s+|some\s+)?" \
         rf"\d[\d,]*\s*{_COUNTED}\b"
# 'the page I saved', 'my saved copy', 'the copy I downloaded': the page as the asker has it
_MINE = r"(?<=\s)(?:that\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:saved|downloaded|stored|kept|grabbed|captured)\b|" \
        r"\b(?:saved|downloaded)\s+(?=(?:copy|version|page|profile)\b)"


def claimed_count(q: Question) -> bool:
    """Take a count a page is said to claim of itself, with the asker's copy said of the page; whether a claim was said.
    Read only where the question also asks how many are listed: the claim is set against a count."""
    if not rx.search(r"\bhow\s+many\b|\bcount\b|\bnumber\s+of\b", q.text, re.I) or not rx.search(_CLAIM, q.text, re.I):
        return False
    for m in list(rx.finditer(_CLAIM, q.text, re.I)):
        # the page's own noun stays for the page readers ('Courville's profile says …'); a header stands for its page
        # ("Courville's header claims …" is his page): the noun is written over as 'page', the rest taken
        if m["noun"]:
            q.text = q.text[:m.start("noun")] + "page".ljust(m.end("noun") - m.start("noun")) + q.text[m.end("noun"):]
        q.blank(m.end("noun") if m["noun"] else m.end("page"), m.end())
    q.take(r"(?:,\s*|\s+-\s+|\s*[—–]\s*)?\bbut\b(?=\s+how\b)")  # '…, but how many …': the contrast, no condition
    q.take(_MINE)
    return True
