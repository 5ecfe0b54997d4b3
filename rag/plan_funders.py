"""The funding sources a PDF's acknowledgements name, as records (issue 11): 'how many separate funding sources does
SPECTER list', 'who funded the SPECTER work', 'which of my PDFs name a funder'. The sources are the items of the list
an acknowledgement prints after 'supported by' / 'funding from' (rag/catalog_citations.funders), each as printed.

Taken only when every word left beside the paper's name is the frame of asking for the sources themselves: what a
grant paid for, how much money, or which experiment it supported are content and go to retrieval.
"""

from __future__ import annotations

import re

from rag.catalog_citations import acknowledgements, funders
from rag.catalog_headings import Heading
from rag.plan_headings import HeadingAsk
from rag.plan_terms import HOW_MANY
from rag.records import Block, Paper

# (by the stem, so a misspelt ending still names it: 'fundng')
_FUNDING = re.compile(r"\b(?:fund\w*|sponsor\w*|support\w*|backers?|backed|financ\w*)\b")
# Asking for the sources: the nouns they are called by, the verbs of printing them, and the acknowledgement itself.
_FRAME = frozenset("""fund funds funded funding funder funders sponsor sponsors sponsored sponsoring sponsorship support
supports supported supporting backer backers backed finance finances financed financing financial source sources
separate distinct different unique individual body bodies agency agencies organisation organisations organization
organizations institution institutions grant grants award awards who whom what which from by how many number count
list lists listed name names named print prints printed give gives mention mentions mentioned credit credits credited
does do did is are was were be been the a an of in on to and or as its it their they them this that these those work
research study project paper pdf papers pdfs file files document acknowledgement acknowledgements acknowledgment
acknowledgments acknowledges acknowledged acknowledge ack acks section s my me please show tell all any each altogether
total""".split())


def _sources(paper: Paper) -> tuple[list[str], list[Block]]:
    blocks = acknowledgements(paper)
    return funders(" ".join(" ".join(b.text.split()) for b in blocks)), blocks


def funding_asked(low: str, rest: list[str], named: list[Paper], papers: list[Paper]) -> HeadingAsk | None:
    """The funding sources of the one PDF named, or the PDFs naming any when none is; None when the question asks
    something else of them (`rest`: its words beside the papers' names)."""
    if not _FUNDING.search(low) or not all(w in _FRAME or _FUNDING.fullmatch(w) for w in rest):
        return None
    if len(named) == 1:
        paper = named[0]
        sources, blocks = _sources(paper)
        if not blocks:  # an excerpt's text may stop before them: retrieval looks wider
            return None
        if not sources:
            return HeadingAsk(f"{paper.title}'s acknowledgements (p. {blocks[0].page}) name no funding source.", [paper])
        many = f"{len(sources)} funding source{'s' if len(sources) != 1 else ''}"
        text = f"{paper.title} names {many} in its Acknowledgements (p. {blocks[0].page}): {'; '.join(sources)}."
        return HeadingAsk(text, [paper], {paper.paper_id: [Heading("", f"Supported by: {'; '.join(sources)}",
                                                                   blocks[0].page)]})
    if named:
        return None
    read = [p for p in papers if p.blocks]
    having = [(p, *_sources(p)) for p in read]
    having = [(p, sources, blocks) for p, sources, blocks in having if sources]
    text = f"{len(having)} of the {len(read)} PDFs name a funding source in their acknowledgements" + \
        (":" if having else ".")
    if HOW_MANY.search(low) and having:
        text += " " + "; ".join(f"{p.title}: {len(s)}" for p, s, _ in having) + "."
    return HeadingAsk(text, [p for p, _, _ in having],
                      {p.paper_id: [Heading("", f"Supported by: {'; '.join(s)}", b[0].page)] for p, s, b in having})
