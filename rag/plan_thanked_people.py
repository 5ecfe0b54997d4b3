"""The people a PDF thanks, as records (issue 11): which PDFs thank a person in any words ('we thank', 'I am indebted
to', 'grateful to'; in an acknowledgements section or in the running text of a one-page excerpt), and who among those
a PDF thanks is an author of another named paper ('anyone thanked in SPECTER who wrote the literature graph paper').

Read through rag/plan_citations.py once the question is known to be about acknowledgements; the persons are the
capitalised names of the '<people> for <what>' pairs (rag/plan_thanked.py) and of the thanks printed in the text.
"""

from __future__ import annotations

import re

from rag.catalog_citations import Thanks, acknowledgements, thanks_in_text
from rag.catalog_headings import Heading
from rag.plan_headings import HeadingAsk
from rag.plan_thanked import pairs, people
from rag.records import Paper

# A verb of thanking a person, not the section's name: 'which PDFs thank / credit / are indebted to someone'
_THANKING = re.compile(r"\b(?:thank|thanks|thanked|thanking|credit|credits|credited|crediting|indebted|grateful|"
                       r"gratitude|thankful)\b")
_AUTHOR = re.compile(r"\b(?:co-?)?authors?\b|\bwrote\b|\bbyline\b|\bauthored\b")
# The words a question over the PDFs may say of the person thanked, besides the acknowledgement frame
PERSON_FRAME = frozenset("""credit credits credited crediting named person persons individual individuals someone
somebody anyone anybody help helped helping indebted grateful gratitude thankful etc for their by name e g or and words
any way ways express expresses expressing personally specific real actual that text itself section sections inside
within elsewhere body whether""".split())


def _thanked(paper: Paper) -> tuple[list[str], list[Thanks]]:
    """The persons a PDF's acknowledgements name, and the thanks its running text prints."""
    text = " ".join(" ".join(b.text.split()) for b in acknowledgements(paper))
    return people(pairs(text)), thanks_in_text(paper)


def thanked_authors(low: str, named: list[Paper]) -> HeadingAsk | None:
    """Who of those the first named PDF thanks is an author of the second ('…also an author of Y?')."""
    if len(named) != 2 or not _AUTHOR.search(low):
        return None
    thanking, other = named if _thanked(named[0])[0] else named[::-1]
    persons = _thanked(thanking)[0] + [t.who for t in _thanked(thanking)[1]]
    if not persons:
        return None
    authors = {a.name.casefold(): a.name for a in other.authors}
    both = [p for p in persons if p.casefold() in authors]
    blocks = acknowledgements(thanking)
    page = blocks[0].page if blocks else None
    text = (f"{len(both)} of the {len(persons)} people {thanking.title} thanks are authors of {other.title}: "
            f"{', '.join(both)}." if both else
            f"None of the people {thanking.title} thanks ({', '.join(persons)}) is an author of {other.title}.")
    return HeadingAsk(text, [thanking, other] if both else [thanking],
                      {thanking.paper_id: [Heading("", f"Acknowledgements thank: {', '.join(persons)}", page)],
                       other.paper_id: [Heading("", f"authors: {', '.join(authors.values())}", 1)]})


def thanking_pdfs(low: str, papers: list[Paper]) -> HeadingAsk | None:
    """The PDFs that thank a named person, in an acknowledgements section or in their text, asked with a verb of
    thanking ('which of my PDFs thank or credit someone for help')."""
    if not _THANKING.search(low):
        return None  # 'which PDFs have an acknowledgements section': the section, rag/plan_citations.py's
    rows, cited = [], {}
    read = [p for p in papers if p.blocks]
    for paper in read:
        persons, in_text = _thanked(paper)
        if not persons and not in_text:
            continue
        rows.append(paper)
        blocks = acknowledgements(paper)
        said = [Heading("", f"Acknowledgements thank {', '.join(persons)}", blocks[0].page)] if persons else []
        cited[paper.paper_id] = said + [Heading("", t.sentence, t.page) for t in in_text]
    text = f"{len(rows)} of the {len(read)} PDFs thank a named person" + (":" if rows else ".")
    return HeadingAsk(text, rows, cited)
