"""The PDFs printing a note whose words the question quotes, with whom its mark is on: "which pdfs carry an 'Equal
contribution' footnote, and for whom?", 'any PDF with a "work done while at" note?'.

The quoted words are matched against what each PDF prints as a note (an author mark's legend, Paper.notes) or a
footnote (Paper.footnotes); the mark's authors are read from the byline. Taken only when some PDF prints the words,
over every PDF, and when nothing but this frame is left: 'what does the "Equal contribution" note in SPECTER mean for
the results' asks what it says.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_pdf_records import is_pdf
from rag.plan_headings import HeadingAsk
from rag.plan_terms import FRAME
from rag.records import Paper

_QUOTED = re.compile(r"(?:^|(?<=[\s(\[]))['\"‘“]([^'\"’”]{3,60})['\"’”]")
_NOTE = re.compile(r"\b(?:foot-?notes?|notes?|marks?|legends?)\b")
_OWN = frozenset("""footnote footnotes foot-note note notes mark marks legend legends whom who carry carries flag flags
reading reads read saying says text pdf pdfs upload uploads uploaded file files document documents marked""".split())


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The PDFs printing the quoted note, with the authors its mark is on; None when no PDF prints it."""
    low = " ".join(question.replace("’", "'").split())
    quoted = _QUOTED.search(low)
    if quoted is None or not _NOTE.search(low.casefold()):
        return None
    rest = (low[:quoted.start()] + " " + low[quoted.end():]).casefold()
    if any(w.removesuffix("'s") not in FRAME | _OWN for w in rx.findall(r"[a-z0-9][a-z0-9'-]*", rest)):
        return None  # a word of something else asked, or a PDF named ('does SPECTER …' is the field readers')
    words = " ".join(quoted.group(1).casefold().split())
    found = [(p, mark) for p in catalog.papers if is_pdf(p) and (mark := _printing(p, words)) is not None]
    if not found:
        return None
    said = "; ".join(f"{p.title} (mark {mark or 'none'}" + (f", on {', '.join(names)})" if (names := _on(p, mark))
                                                            else ")") for p, mark in found)
    return HeadingAsk(f"{len(found)} PDF{'s' if len(found) != 1 else ''} print{'s' if len(found) == 1 else ''} a note "
                      f"reading '{quoted.group(1)}': {said}.", [p for p, _ in found])


def _printing(paper: Paper, words: str) -> str | None:
    """The mark of the paper's note or footnote holding the words ('' for one printed without a mark), else None."""
    for note in paper.notes:
        if words in " ".join(note.means.casefold().split()):
            return note.mark
    for footnote in paper.footnotes:
        if words in " ".join(footnote.text.casefold().split()):
            return footnote.mark
    return None


def _on(paper: Paper, mark: str) -> list[str]:
    return [a.name for a in paper.authors if mark and mark in a.marks]
