"""A PDF's footnotes as catalog data (rag/parsing/pdf/footnotes.py reads them): each with its mark, words, page, the
addresses it prints (read as rag/catalog_links.py reads every address) and the words its mark follows in the text,
said as an answer row quotes them.
"""

from __future__ import annotations

from rag import rx
from rag.catalog_links import _URL, Link, _joined, _link
from rag.records import Footnote, Paper


def words(note: Footnote) -> str:
    """The footnote's words with the addresses a line break split joined again ('https: //metamap…',
    'https://github.com/allenai/ openie-standalone')."""
    return _joined(rx.sub(r"\b(https?:)\s+//", r"\1//", " ".join(note.text.split())))


def note_links(note: Footnote) -> list[Link]:
    """The addresses the footnote prints, read as every printed link is (rag/catalog_links.py)."""
    text = words(note)
    place = f"p. {note.printed.page}, footnote {note.mark}"
    found = [_link(m.group(0), text, place, note.printed.page) for m in _URL.finditer(text)]
    return [link for link in found if link is not None]


def numbered(paper: Paper) -> list[Footnote]:
    """The footnotes numbered as the text counts them ('1' … '18'); a symbol's note ('∗ Equal contribution') aside."""
    return [n for n in paper.footnotes if n.mark.isdigit()]


def marked_authors(paper: Paper, note: Footnote) -> list[str]:
    """Who carries a symbol footnote's mark after their name ('∗' -> the equal contributors)."""
    return [a.name for a in paper.authors if note.mark in a.marks] if not note.mark.isdigit() else []


def said(paper: Paper, note: Footnote) -> str:
    """"footnote 7 (p. 5, §4.3 Knowledge Bases), after '…Language Learner (NELL)': 'http://rtw.ml.cmu.edu/rtw/'"."""
    where = ", ".join(x for x in (f"p. {note.printed.page}" if note.printed.page else "",
                                  f"§{note.section}" if note.section else "") if x)
    people = marked_authors(paper, note)
    after = f", marking {', '.join(people)}" if people else \
        f", after '{_tail(note.anchor)}'" if note.anchor else ""
    return f"footnote {note.mark} ({where}){after}: '{words(note)}'"


def _tail(anchor: str, words: int = 12) -> str:
    parts = anchor.split()
    return " ".join(parts) if len(parts) <= words else "… " + " ".join(parts[-words:])


def counted(paper: Paper) -> str:
    """'15 footnotes (1–15)', '19 footnotes (1–18, and ∗)'."""
    numbers = [n.mark for n in numbered(paper)]
    symbols = [n.mark for n in paper.footnotes if not n.mark.isdigit()]
    span = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else "".join(numbers)
    parts = ", and ".join(x for x in (span, " ".join(symbols)) if x)
    total = len(paper.footnotes)
    if not total:
        return "no footnotes"
    return f"{total} footnote{'s' if total != 1 else ''}" + (f" ({parts})" if parts else "")
