"""A proceedings' publisher said by its initials and a word of publishing (issue 11): 'the ACL-published PDFs', 'the
ACL-anthology papers', 'published by the ACL'. Alone, 'ACL papers' are the ACL meeting's (rag/catalog.publishers): the
same association publishes NAACL's, whose PDF prints '© … Association for Computational Linguistics'. Joined to
'published' or 'anthology', the initials name the publisher, which the PDF's venue line prints.

A bracket right after that restates the publisher's full name ('(Association for Computational Linguistics in the
header)') says the same condition again and is taken with it.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog, publishers
from rag.plan_terms import Condition, Question


_DOCUMENTS = r"(?:pdfs?|papers?|files?|documents?|entr(?:y|ies)|articles?|ones?)"


def _initials(name: str) -> str:
    """'Association for Computational Linguistics' -> 'ACL': its capitalised words' first letters."""
    return "".join(w[0] for w in rx.findall(r"\b[A-Z][\w-]*", name))


def publisher_said(q: Question, catalog: Catalog) -> list[Condition]:
    """The publisher condition, taken from q, for 'X-published', 'X anthology' or 'published by (the) X', X the
    initials of a publisher some PDF prints."""
    if not rx.search(r"publish|antholog", q.text, re.I):  # one test before the catalog's publishers are gathered
        return []
    names = {p for paper in catalog.papers for p in publishers(paper)}
    found = []
    for name in sorted(names):
        short = _initials(name)
        if len(short) < 2 or short.casefold() not in q.text.casefold():
            continue
        restated = rf"(?:\s*\((?:[^()]*\b{re.escape(name)}\b[^()]*)\))?"
        # the anthology as where the papers are from ('from the ACL anthology', 'ACL-anthology PDFs'), never as the
        # thing asked about ('what is the ACL anthology')
        if q.take(rf"\b{short}[\s-]+published{restated}|\bpublished\s+by\s+(?:the\s+)?{short}\b{restated}|"
                  rf"\b(?:from|in|on|of|within)\s+(?:the\s+)?{short}[\s-]+antholog(?:y|ies){restated}|"
                  rf"\b{short}[\s-]+antholog(?:y|ies){restated}(?=\s+{_DOCUMENTS}\b)", flags=re.I):
            found.append(Condition("venue", name, f"publisher: {name}", lambda p, name=name: name in publishers(p),
                                   known_test=lambda p: p.page_count is not None))
    return found
