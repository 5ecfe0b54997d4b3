"""An address a PDF prints in more than one footnote, as a record (issue 11): 'do any of my PDFs give the same URL in
two footnotes — which URL, which footnote numbers', 'does SPECTER repeat a link across its footnotes'. Two footnotes
give the same address when their links (rag/catalog_footnotes.note_links) are one address once the scheme, 'www.'
and a closing slash are set aside ('http://allenai.org/software/' and 'allenai.org/software').

Taken only when the question says the sameness ('same', 'repeated', 'twice', 'more than once', 'duplicate') of an
address asked in footnotes, and nothing else is left beside the footnote frame: what the footnotes say stays content.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_footnotes import note_links
from rag.plan_headings import HeadingAsk
from rag.records import Paper

_SAME = re.compile(r"\b(?:same|identical|repeat\w*|reused?|duplicat\w*|twice|again|more\s+than\s+once|(?:two|2|several|"
                   r"multiple)\s+(?:different\s+|separate\s+|distinct\s+)?foot\s*-?notes)\b", re.I)
_ADDRESS = re.compile(r"\b(?:urls?|links?|ad+res+(?:es)?|web\s*(?:sites?|pages?|address(?:es)?)|sites?|repos?|"
                      r"repositor(?:y|ies))\b", re.I)
# The sameness and its places, besides the footnote frame (rag/plan_footnotes._FRAME)
_OWN = frozenset("""same identical repeat repeats repeated repeating reuse reused reuses duplicate duplicates duplicated
twice again more than once two several multiple different separate distinct numbers number numbered marks mark any
across within between both which whose where printed prints print give gives given appear appears appearing cite
cites cited share shares shared occur occurs occurring s so yes no under""".split())


def _key(url: str) -> str:
    return rx.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).rstrip("/. ")


def repeats(paper: Paper) -> list[tuple[str, list[str]]]:
    """(address as first printed, the marks of the footnotes printing it) for each address in two or more footnotes."""
    shown: dict[str, str] = {}
    marks: dict[str, list[str]] = {}
    for note in paper.footnotes:
        for link in note_links(note):
            key = _key(link.url)
            shown.setdefault(key, link.url)
            if note.mark not in marks.setdefault(key, []):
                marks[key].append(note.mark)
    return [(shown[k], m) for k, m in marks.items() if len(m) > 1]


def repeated_addresses(text: str, rest: list[str], named: list[Paper], pdfs: list[Paper]) -> HeadingAsk | None:
    """The PDFs (the named ones, else every PDF with footnotes) printing one address in two or more footnotes; None
    unless the question asks that (`rest`: its words beside the papers' names and the footnote frame)."""
    if not _SAME.search(text) or not _ADDRESS.search(text) or not all(w in _OWN or _ADDRESS.fullmatch(w) for w in rest):
        return None
    found = [(p, r) for p in (named or pdfs) if (r := repeats(p))]
    said = "; ".join(f"{p.title}: " + ", ".join(f"'{url}' in footnotes {' and '.join(m)}" for url, m in r)
                     for p, r in found)
    if named:  # of the PDFs named: yes or no, each
        others = [p.title for p in named if all(p is not q for q, _ in found)]
        text = (f"Yes — {said}." if found else "No.") + (f" {'; '.join(others)}: no address in two footnotes."
                                                          if others else "")
        return HeadingAsk(text, list(named))
    if not found:
        return HeadingAsk(f"None of the {len(pdfs)} PDFs with footnotes prints one address in two footnotes.", [])
    return HeadingAsk(f"{len(found)} of the {len(pdfs)} PDFs with footnotes print the same address in two or more "
                      f"footnotes — {said}.", [p for p, _ in found])
