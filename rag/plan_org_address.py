"""An organisation named again by its printed address (issue 11): 'besides AI2 in Seattle, which other institution',
'the Evanston university (Northwestern)': a place word a PDF prints in an organisation's line ('Allen Institute for
Artificial Intelligence, Seattle WA 98103, USA') said beside that organisation's name adds nothing to what is asked.

Taken only when the organisation is named too, so a place alone ('papers from Seattle') stays unread and the question
goes elsewhere; and never in a yes/no question ('is AI2 in Seattle?'), where the place is what is asked.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_pdf_records import said_names
from rag.plan_terms import Question
from rag.records import Paper


def address_said(q: Question, papers: list[Paper]) -> None:
    """Take the address words the question says beside an organisation it names of one of `papers` (the paper named,
    or every paper while the one described is not yet resolved)."""
    if rx.match(r"\W*(?:is|are|was|were|does|do|did|has|have)\b", q.text, re.I):
        return
    low = q.folded.casefold()  # the organisation's name is read as a condition before: the question as asked
    for organisation in (o for paper in papers for o in paper.organisations):
        if not any(rx.search(rf"\b{re.escape(name)}\b", low) for name in said_names(organisation.name)):
            continue
        name_words = set(rx.findall(r"[a-z]+", organisation.name.casefold()))
        address = [w for w in rx.findall(r"[A-Za-z]{3,}", organisation.printed.text)
                   if w.casefold() not in name_words and w[0].isupper()]  # 'Seattle', 'Evanston', 'USA'
        for word in address:
            q.take(rf"\b(?:(?:in|at|from)\s+)?{re.escape(word)}(?:'s)?\b", flags=re.I)
