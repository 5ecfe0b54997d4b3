"""Where a PDF says a thing is covered (issue 11): the pointers it prints to its own sections, '<a phrase> (Section
3)' ('1. An off-the-shelf toolkit for applying DL models ... (Section 3)'), as records of the outline. 'Which section
is the model hub covered in' is answered by the pointer whose phrase holds the asked words, as the paper prints it.

Taken only when the question asks which section and at least two of its own words are words of one pointer's phrase;
anything a PDF does not point to stays with retrieval (what a section says is never read here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.records import Paper

# '<phrase> (Section 3)', '(see Section 4.2)', '(§5)': the phrase runs back to a list marker, a sentence end or a ';'
_POINTER = re.compile(r"\((?:see\s+)?(?:sections?|sec\.|§)\s*(?P<number>\d{1,2}(?:\.\d{1,2})*)\)", re.I)
_PHRASE_START = re.compile(r"(?:^|[.;:]\s+|\s\d{1,2}\.\s+|\s\(?[ivx]{1,4}\)\s+)")
_ASKS_SECTION = re.compile(r"\b(?:which|what)\s+(?:sub-?)?section\b|\bsection\s+(?:number|no\.?)\b|"
                           r"\bin\s+which\s+(?:sub-?)?section\b")
_FRAME = frozenset("""which what section sections subsection number covered cover covers discussed described
presented treated explained introduced handled addressed found paper pdf intro introduction list listed lists library
components component points point pointed refers refer where does the one and with about for its how why who are
was has did not but all any can you our they them this that from into than then also one two""".split())


@dataclass(frozen=True)
class Pointer:
    phrase: str  # as printed, before the bracket
    number: str  # the section pointed to
    page: int | None


def pointers(paper: Paper) -> list[Pointer]:
    """Every '<phrase> (Section N)' a PDF's text prints, the phrase cut at the list marker or clause before it."""
    found: list[Pointer] = []
    sections: dict[str, list] = {}
    for block in paper.blocks:
        if block.kind == "text":
            sections.setdefault(block.section, []).append(block)
    for blocks in sections.values():  # a list item may run over several blocks of its section
        text = " ".join(" ".join(b.text.split()) for b in blocks)
        last = 0
        for m in _POINTER.finditer(text):
            before = text[last:m.start()]
            starts = [s.end() for s in _PHRASE_START.finditer(before)]
            phrase = before[starts[-1] if starts else 0:].strip(" ,")
            page = next((b.page for b in blocks if m.group(0) in " ".join(b.text.split())), blocks[0].page)
            if phrase:
                found.append(Pointer(phrase, m.group("number"), page))
            last = m.end()
    return found


def _stems(text: str) -> set[str]:
    return {w[:5] for w in rx.findall(r"[a-z][a-z-]{2,}", text.casefold()) if w not in _FRAME}


def pointed_to(low: str, paper: Paper, name_words: set[str]) -> list[Pointer]:
    """The pointers whose phrase holds two or more of the question's own words (the paper's name left out)."""
    if not _ASKS_SECTION.search(low):
        return []
    asked = _stems(low) - {w[:5] for w in name_words}
    return [p for p in pointers(paper) if len(asked & _stems(p.phrase)) >= 2]


# The other way round: the section said, the pointer asked ('which component is pointed to Section 4', 'what does the
# intro send to section 3'): a verb of pointing before the section's number.
_TO_SECTION = re.compile(r"\b(?:point(?:s|ed|ing)?|refer(?:s|red|ring)?|sen[dt]s?|direct(?:s|ed)?)\s+(?:\w+\s+)?(?:to|at)\s+"
                         r"(?:sections?|sec\.|§)\s*(?P<number>\d{1,2}(?:\.\d{1,2})*)\b")
_POINTING = frozenset("""pointer pointers item items thing things entry entries bullet bullets parts part feature
features contribution contributions s""".split())


def pointing_at(low: str, paper: Paper, name_words: set[str]) -> list[Pointer]:
    """The pointers to the section the question names, when nothing but this frame and the paper's name is said."""
    m = _TO_SECTION.search(low)
    if m is None or not rx.search(r"\b(?:which|what)\b", low):
        return []
    rest = low[:m.start()] + " " + low[m.end():]
    names = {w[:5] for w in name_words} | _stems(paper.title) | {w[:5] for w in _POINTING}
    if any(w not in names for w in _stems(rest)):
        return []  # 'which benchmark is pointed to Section 4 for its results': a content word left
    return [p for p in pointers(paper) if p.number == m.group("number")]

