"""What a PDF prints beyond its headings, as catalog data (issue 11): which papers of the library its reference list
cites, and its acknowledgements (people thanked, funders, grant numbers).

Read from Paper.blocks: a reference entry is a block of kind 'references' (one entry a block as the parser keeps
them), the acknowledgements are the blocks printed under an 'Acknowledgement(s)' heading. A library title is cited
when its letters and digits, all else dropped, are printed in an entry: a line break, a hyphen put in by the
typesetter ('SciB-ERT') or a change of case does not hide it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.records import Block, Paper

_ACK = re.compile(r"^\s*acknowledg(?:e)?ments?\b|^\s*funding\b", re.I)
# A title shorter than this (letters and digits only) is too likely to be printed inside another entry by chance.
_MIN_TITLE = 20
# 'award 1936940', 'grant N00014-18-1-2193', 'contract no. FA8750-19-2-0200': the number after the word
_GRANT = re.compile(r"\b(?P<kind>award|grant|contract|agreement)s?\s+(?:no\.?\s*|number\s+|#\s*)?"
                    r"(?P<number>[A-Z]{0,6}-?[0-9][A-Z0-9/-]{3,}[A-Z0-9])", re.I)


def squeezed(text: str) -> str:
    """Letters and digits only, folded: 'SciB-\\nERT: A Pretrained' -> 'scibertapretrained'."""
    return "".join(rx.findall(r"[^\W_]+", text.casefold()))


@dataclass(frozen=True)
class Citation:
    cited: Paper  # the library paper the entry prints
    entry: Block  # the reference entry as printed, with its page


def references(paper: Paper) -> list[Block]:
    return [b for b in paper.blocks if b.kind == "references"]


def cites(paper: Paper, library: list[Paper]) -> list[Citation]:
    """The library papers (other than itself) whose titles the paper's reference list prints, in library order."""
    entries = [(b, squeezed(b.text)) for b in references(paper)]
    found: list[Citation] = []
    for other in library:
        key = squeezed(other.title)
        if other.paper_id == paper.paper_id or len(key) < _MIN_TITLE:
            continue
        entry = next((b for b, text in entries if key in text), None)
        if entry is not None:
            found.append(Citation(other, entry))
    return found


def acknowledgements(paper: Paper) -> list[Block]:
    """The blocks printed under the paper's acknowledgements (or funding) heading."""
    return [b for b in paper.blocks if b.kind == "text" and _ACK.search(b.section)]


# A person thanked in the running text: 'I am indebted to Paul Me Jones for ...', 'we are grateful to A. B. for ...'
_THANKS_IN_TEXT = re.compile(r"\b(?:(?:we|i)\s+(?:would\s+like\s+to\s+|also\s+)?thank|(?:indebted|grateful|thankful)\s+"
                             r"to|thanks\s+(?:go|goes|are\s+due)\s+to)\s+(?:the\s+)?"
                             r"(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)+)")


@dataclass(frozen=True)
class Thanks:
    who: str  # the name printed after the verb: 'Paul Me Jones'
    sentence: str  # the words as printed, from the verb to the end of the sentence
    page: int | None


def thanks_in_text(paper: Paper) -> list[Thanks]:
    """People a PDF thanks outside an acknowledgements section (a one-page excerpt, a footnote, an aside)."""
    found = []
    for block in paper.blocks:
        if block.kind != "text" or _ACK.search(block.section):
            continue
        for m in _THANKS_IN_TEXT.finditer(block.text):
            end = block.text.find(".", m.end())
            found.append(Thanks(m.group("who"), block.text[m.start():end + 1 if end > 0 else None], block.page))
    return found


def grants(text: str) -> list[str]:
    """Each grant or award number printed, with the words that name it: 'NSF Convergence Accelerator award 1936940'."""
    found = []
    for m in _GRANT.finditer(text):
        before = rx.split(r"[,;:.]|\band\b|\bby\b|\bin part\b", text[:m.start()])[-1].split()
        found.append(" ".join([*before[-4:], m.group("kind"), m.group("number")]))
    return found


# 'This work was supported in part by A, B, and C.', 'funded by A and B', 'with funding from A': the list after the verb
_SUPPORTED = re.compile(r"\b(?:supported|funded|sponsored|financed|made\s+possible)\s+(?:in\s+(?:large\s+)?part\s+|"
                        r"partly\s+|partially\s+|jointly\s+|generously\s+)?by\s+(?P<by>[^.;]+)|"
                        r"\b(?:funding|support|grants?|financial\s+support)\s+(?:was\s+)?(?:provided\s+)?(?:from|by)\s+"
                        r"(?P<from>[^.;]+)", re.I)


def funders(text: str) -> list[str]:
    """Each funding source an acknowledgement names, as printed ('NSF Convergence Accelerator award 1936940', 'ONR
    grant N00014-18-1-2193', 'the University of Washington WRF/Cable Professorship'): the items of the list after
    'supported by' / 'funding from', split at commas and 'and'."""
    found: list[str] = []
    for m in _SUPPORTED.finditer(text):
        listed = rx.split(r"\s+(?:is|are|was|were|has|have|for|to)\s", m.group("by") or m.group("from"))[0]
        items = rx.split(r",\s*(?:and\s+)?(?:by\s+)?|\s+and\s+(?:by\s+)?(?=(?:the\s+)?[A-Z])", listed)
        found += [" ".join(i.split()) for i in items if rx.search(r"[A-Z]", i)]
    return found
