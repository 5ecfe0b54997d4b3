"""An answer and its papers in formats to paste elsewhere: Markdown with numbered references, BibTeX.

Domain logic shared by the UI (copy and download buttons) and anything else that exports: it used to
live in ui/render.py. Citation markers go before the sentence's final stop by `rag.text.place_markers`,
the one copy of that rule (the checker, the chat view and this export all use it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rag.citations import parse_markers
from rag.prompts import CLOSEST_NOTE, REFUSAL
from rag.records import Answer, Paper
from rag.text import place_markers

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Text shown literally inside Markdown: no emphasis, links, headings, lists or raw HTML from a paper or a model."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    # A leading "1. " or "- " would start a list.
    return re.sub(r"^(\d+)\.(\s)|^([-+])(\s)", lambda m: f"{m[1]}\\.{m[2]}" if m[1] else f"\\{m[3]}{m[4]}", text)


def cited_papers(answer: Answer) -> list[tuple[int, Paper, str]]:
    """(n, paper, span) of each citation of an answer, in order of first citation."""
    by_n = {e.n: e.paper for e in answer.evidence}
    return [(c.n, by_n[c.n], c.span) for c in answer.citations if c.n in by_n]


def answer_markdown(answer: Answer) -> str:
    """The answer as Markdown to paste elsewhere: citations renumbered 1..m, then the numbered references."""
    lines = [f"**Q:** {md_escape(answer.question)}", ""]
    if answer.outcome == "refused":
        lines.append(REFUSAL)
        if answer.closest_papers:
            lines += ["", "Closest papers:"] + [f"- {t}" for t in answer.closest_papers]
        return "\n".join(lines) + "\n"
    cited = cited_papers(answer)
    renumber = {n: i for i, (n, _, _) in enumerate(cited, start=1)}

    def renumbered(sentences) -> str:
        shown = []
        for sentence in sentences:
            if not sentence.supported:
                continue
            claim, _ = parse_markers(sentence.text)
            marks = "".join(f"[{renumber[n]}]" for n in sentence.citations if n in renumber)
            shown.append(place_markers(claim, marks))
        return " ".join(shown)

    # The paper contradicting the question's premise comes first, with the premise, as the UI and CLI show it.
    lead = answer.premise_lead
    if lead:
        lines += [f"**The question takes as given** “{md_escape(answer.premise.statement)}”. {renumbered(lead)}", ""]
    if answer.outcome == "closest" and (answer.sentences[len(lead):] or not lead):  # under a note: above passages
        lines += [f"*{CLOSEST_NOTE}*", ""]
    lines.append(renumbered(answer.sentences[len(lead):]))
    if cited:
        lines += ["", "**References**", ""]
        for i, (_, paper, _) in enumerate(cited, start=1):
            lines.append(f"{i}. {reference(paper)}")
    return "\n".join(lines) + "\n"


def reference(paper: Paper) -> str:
    """One reference-list entry: Authors (year). Title. Venue. arXiv/DOI/URL. Source."""
    parts = []
    head = paper.author_line(limit=8) or "Unknown authors"
    parts.append(f"{head} ({paper.year})." if paper.year else f"{head}.")
    parts.append(f"*{paper.title}*.")
    if paper.venue:
        parts.append(f"{paper.venue}.")
    if paper.arxiv_id:
        parts.append(f"arXiv:{paper.arxiv_id}.")
    if paper.doi:
        parts.append(f"doi:{paper.doi}.")
    if paper.url:
        parts.append(f"<{paper.url}>.")
    if paper.sources:
        parts.append(f"Source: {', '.join(s.path for s in paper.sources)}.")
    return " ".join(parts)


_BIB_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bib_escape(text: str) -> str:
    return "".join(_BIB_ESCAPES.get(ch, ch) for ch in " ".join(text.split()))


def _bib_verbatim(text: str) -> str:
    """URLs and DOIs are read verbatim by biblatex and the url package: only braces would unbalance the entry."""
    return "".join(ch for ch in text.strip() if ch not in "{}\\")


def _ascii_word(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def bib_key(paper: Paper) -> str:
    """lastname + year + first significant title word, e.g. he2026distributions."""
    last = _ascii_word(paper.authors[0].name.split()[-1]) if paper.authors and paper.authors[0].name.split() else ""
    stop = {"a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "towards", "toward"}
    words = [_ascii_word(w) for w in paper.title.split()]
    word = next((w for w in words if w and w not in stop), "")
    return (last or "anon") + (str(paper.year) if paper.year else "") + word


def bib_fields(paper: Paper) -> list[tuple[str, str]]:
    """(field, value) of one entry, values already escaped; arXiv ids as biblatex's eprint fields."""
    fields = [("title", "{" + bib_escape(paper.title) + "}")]
    if paper.authors:
        names = " and ".join(bib_escape(a.name) for a in paper.authors)
        fields.append(("author", names + (" and others" if paper.authors_truncated else "")))
    if paper.year:
        fields.append(("year", str(paper.year)))
    if paper.venue:
        fields.append(("note", bib_escape(paper.venue)))
    if paper.arxiv_id:
        fields += [("eprint", _bib_verbatim(paper.arxiv_id)), ("archiveprefix", "arXiv")]
    if paper.doi:
        fields.append(("doi", _bib_verbatim(paper.doi)))
    if paper.url:
        fields.append(("url", _bib_verbatim(paper.url)))
    if paper.category:
        fields.append(("keywords", bib_escape(paper.category)))
    if paper.sources:
        fields.append(("howpublished", bib_escape(", ".join(s.path for s in paper.sources))))
    return fields


def bibtex(papers: Iterable[Paper]) -> str:
    """@misc entries for the papers (each once), keys made unique with a, b, ... suffixes."""
    entries, used, seen = [], set(), set()
    for paper in papers:
        if paper.paper_id in seen:
            continue
        seen.add(paper.paper_id)
        key = base = bib_key(paper)
        suffix = ord("a")
        while key in used:
            key, suffix = f"{base}{chr(suffix)}", suffix + 1
        used.add(key)
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in bib_fields(paper))
        entries.append(f"@misc{{{key},\n{body}\n}}")
    return "\n\n".join(entries) + ("\n" if entries else "")
