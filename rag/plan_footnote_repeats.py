"""An address a PDF prints in more than one footnote, as a record (issue 11): 'do any of my PDFs give the same URL in
two footnotes — which URL, which footnote numbers', 'does SPECTER repeat a link across its footnotes'. Two footnotes
give the same address when their links (rag/catalog_footnotes.note_links) are one address once the scheme, 'www.'
and a closing slash are set aside ('http://allenai.org/software/' and 'allenai.org/software').

Taken only when the question says the sameness ('same', 'repeated', 'twice', 'more than once', 'duplicate') of an
address asked in footnotes, and nothing else is left beside the footnote frame: what the footnotes say stays content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
cites cited share shares shared occur occurs occurring s so yes no under page pages""".split())
# An address said in the question ('its github.com/allenai/specter link'): its words name the address asked, no topic
_SAID_ADDRESS = re.compile(r"(?<![\w@])(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[\w.~-]+)*", re.I)


def _key(url: str) -> str:
    return rx.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).rstrip("/. ")


@dataclass(frozen=True)
class Repeat:
    """An address printed in two or more footnotes: as first printed, the footnotes' marks, and each one's place."""

    url: str
    marks: list[str]
    places: list[str]  # 'footnote 1 on page 1'


def repeats(paper: Paper) -> list[Repeat]:
    """Each address the paper prints in two or more footnotes."""
    found: dict[str, Repeat] = {}
    for note in paper.footnotes:
        for link in note_links(note):
            seen = found.setdefault(_key(link.url), Repeat(link.url, [], []))
            if note.mark not in seen.marks:
                seen.marks.append(note.mark)
                seen.places.append(f"footnote {note.mark}" + (f" on page {note.printed.page}" if note.printed.page else ""))
    return [r for r in found.values() if len(r.marks) > 1]


def repeated_addresses(text: str, rest: list[str], named: list[Paper], pdfs: list[Paper]) -> HeadingAsk | None:
    """The PDFs (the named ones, else every PDF with footnotes) printing one address in two or more footnotes; None
    unless the question asks that (`rest`: its words beside the papers' names and the footnote frame)."""
    addresses = [_key(m.group(0)) for m in _SAID_ADDRESS.finditer(text) if "." in m.group(0).split("/")[0]]
    address_words = {w for a in addresses for w in rx.findall(r"[a-z]+", a)}
    if not _SAME.search(text) or not (_ADDRESS.search(text) or addresses) or \
            not all(w in _OWN or w in address_words or _ADDRESS.fullmatch(w) for w in rest):
        return None
    found = [(p, r) for p in (named or pdfs)
             if (r := [x for x in repeats(p) if all(_key(x.url).startswith(a) for a in addresses)])]
    said = "; ".join(f"{p.title}: " + ", ".join(f"'{x.url}' in footnotes {' and '.join(x.marks)} ({', '.join(x.places)})"
                                               for x in r)
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
