"""The PDFs put in the alphabet's order by one person of their byline: 'of my PDFs with a byline, whose first author
comes last alphabetically by surname', 'which PDF's last author is first A-Z by given name', 'sort the PDFs by lead
author surname: which is at the top?'.

The person is a place on the byline said with an author word (first / lead, last / senior / final author), the part
of the name is the surname unless the given name is said, and the end is a place word said of the order (first / top /
earliest, last / bottom / final). Taken over the PDFs only (the question says PDFs, uploads or bylines), when nothing
but this frame is left: 'which PDF's first author thanks people alphabetically' asks something else.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_pdf_records import is_pdf
from rag.plan_headings import HeadingAsk
from rag.plan_terms import FRAME, fold
from rag.records import Paper

_ALPHA = re.compile(r"\b(?:(?:in\s+)?(?:alphabetical|a-z|a\s+to\s+z|lexicographic(?:al)?)\s+order|alphabetical(?:ly)?|"
                    r"lexicographically|(?:from\s+)?a\s*(?:-|to)\s*z|by\s+(?:the\s+)?alphabet)\b")
_SLOT = re.compile(r"\b(first|lead|leading|last|senior|final)[\s-]+(?:listed\s+|named\s+)?(?:author|name)(?:'s|s)?\b")
_GIVEN = re.compile(r"\b(?:first|given|fore|christian)[\s-]?names?\b")
_SURNAME = re.compile(r"\b(?:sur|last|family)[\s-]?names?\b")
_END = re.compile(r"\b(first|top|earliest|front|start|last|bottom|final|end)\b")
_PDFS = re.compile(r"\b(?:pdfs?|uploads?|uploaded|bylines?)\b")
_OWN = frozenset("""alphabetical alphabetically order ordered sort sorted sorting rank ranked by a z to surname surnames
name names given family fore christian comes come coming goes go going sits sit lands land falls fall appears end top
bottom front start earliest final lead leading senior listed whose one's ones pdf pdfs upload uploads uploaded byline
bylines if we put them when you i'd would with person who's ends ended ending""".split())


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The PDF at the asked end of the alphabet by the asked person's name, or None."""
    low = " " + " ".join(fold(question).casefold().replace("’", "'").split()) + " "
    alpha = _ALPHA.search(low)
    slot = _SLOT.search(low)
    if alpha is None or slot is None or not _PDFS.search(low):
        return None
    rest = low[:slot.start()] + " " * (slot.end() - slot.start()) + low[slot.end():]
    rest = _ALPHA.sub(" ", rest)
    given = bool(_GIVEN.search(rest))
    rest = _GIVEN.sub(" ", _SURNAME.sub(" ", rest))  # before the end is read: the 'first' of 'first name' is no end
    end = _END.search(rest)
    if end is None:
        return None
    if any(w.removesuffix("'s") not in FRAME | _OWN for w in rx.findall(r"[a-z0-9]+(?:'[a-z]+)?", rest)):
        return None  # a word of something else asked
    last_slot = slot.group(1) in ("last", "senior", "final")
    pdfs = [p for p in catalog.papers if is_pdf(p) and p.authors]
    if not pdfs:
        return None
    ranked = sorted(pdfs, key=lambda p: _key(_person(p, last_slot), given))
    at_end = end.group(1) in ("last", "bottom", "final", "end")
    chosen = ranked[-1] if at_end else ranked[0]
    slot_said = "last author" if last_slot else "first author"
    part = "given name" if given else "surname"
    order = ", ".join(f"{_person(p, last_slot)} ({_short(p)})" for p in ranked)
    return HeadingAsk(f"By the {slot_said}'s {part}, A to Z over the {len(ranked)} PDFs with a byline: {order}. "
                      f"{'Last' if at_end else 'First'}: {chosen.title} ({_person(chosen, last_slot)}).", [chosen])


def _person(paper: Paper, last: bool) -> str:
    return paper.authors[-1 if last else 0].name


def _key(name: str, given: bool) -> str:
    """The name part sorted on: the given name's first word, or the surname (its last word, with a particle before
    it: 'van Zuylen' sorts under 'van zuylen')."""
    words = fold(name).casefold().split()
    if given:
        return words[0]
    tail = words[-2:] if len(words) > 2 and words[-2] in ("van", "von", "de", "der", "da", "di", "le", "la") else words[-1:]
    return " ".join(tail)


def _short(paper: Paper) -> str:
    return paper.title.split(":")[0]
