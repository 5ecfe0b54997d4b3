"""One paper's authors as its page prints them, for the one-line answer (rag/catalog_values.fields_text): where a
named author stands, the name before or after, the author in one place of the list, each named author's own marks,
places and e-mail, and which authors carry a listing legend's mark."""

from __future__ import annotations

from rag.authors import email_of
from rag.plan_terms import ORDINALS, ordinal_suffix
from rag.records import Author, Paper, normalize_title


def printed_names(paper: Paper) -> tuple[list[str], str]:
    """The printed author names, normalised to look a named person up, and how many the page prints ('23', or
    '5 printed' when it cuts the list with 'et al.')."""
    names = [normalize_title(a.name) for a in paper.authors]
    return names, f"{len(names)}{' printed' if paper.authors_truncated else ''}"


def position_text(paper: Paper, people: list[str]) -> str:
    """Where each named author stands in the printed list ('Kyle Lo: 7th of 23'); the numbered list when none is
    named."""
    names, n = printed_names(paper)
    if not people:
        return "order: " + ", ".join(f"{i}. {a.name}" for i, a in enumerate(paper.authors, start=1)) + \
            (" et al." if paper.authors_truncated else "")
    said = []
    for person in people:
        at = names.index(normalize_title(person)) + 1 if normalize_title(person) in names else None
        said.append(f"{person}: {ordinal_suffix(at)} of {n}" if at else
                    f"{person}: not among the {n} names" + (" (the page cuts the list with 'et al.')"
                                                             if paper.authors_truncated else ""))
    return "place in the author list: " + "; ".join(said)


def marks_of_text(paper: Paper, people: list[str]) -> str:
    """Each named author's own marks and the places they stand for, as the page prints them ('Daniel S. Weld (marks † ‡):
    Allen Institute for Artificial Intelligence; Paul G. Allen School …'); a listing's legend mark, or none."""
    names, n = printed_names(paper)
    places_of = {o.mark: o.name for o in paper.organisations if o.mark}
    notes = {e.mark: e.means for e in paper.notes}  # 'Equal contribution': a mark that names no place
    said = []
    for person in people:
        if normalize_title(person) not in names:
            said.append(f"{person}: not among the {n} names")
            continue
        a = paper.authors[names.index(normalize_title(person))]
        places = list(dict.fromkeys(a.affiliations + [places_of[m] for m in a.marks if m in places_of] +
                                    ([a.affiliation] if a.affiliation else [])))
        marks = f" (marks {' '.join(a.marks)})" if a.marks else ""
        noted = "".join(f" ({m}: {notes[m]})" for m in a.marks if m in notes and m not in places_of)
        legend = any(s.format == "institute" for s in paper.sources)  # a listing whose legend marks its institute's people
        email = email_of(a.name, paper.emails)  # the printed address that spells this name, if one does
        said.append(f"{a.name}{marks}: " + ("; ".join(places) if places else "not marked" if legend else
                                             "no affiliation printed") + noted + (f"; e-mail {email}" if email else ""))
    return "affiliations: " + " | ".join(said)


def neighbour_text(paper: Paper, people: list[str], step: int) -> str:
    """The name printed right after (`step` 1) or right before (-1) each named author ('after Kyle Lo: Tyler Murray,
    14th of 23'); said when the named author is at that end of the list, or the name is cut by 'et al.'."""
    names, n = printed_names(paper)
    where = "after" if step > 0 else "before"
    said = []
    for person in people:
        if normalize_title(person) not in names:
            said.append(f"{where} {person}: {person} is not among the {n} names")
            continue
        at = names.index(normalize_title(person)) + step
        if 0 <= at < len(names):
            said.append(f"{where} {person}: {paper.authors[at].name}, {ordinal_suffix(at + 1)} of {n}")
        elif at >= len(names) and paper.authors_truncated:
            said.append(f"{where} {person}: not printed (the page cuts the list with 'et al.' after {person})")
        else:
            said.append(f"{where} {person}: no one — {person} is {'last' if step > 0 else 'first'} of {n}")
    return "; ".join(said)


def author_at(paper: Paper, where: int | str, marked: bool) -> str:
    """The author in one place of the printed list; a place the page does not print said so."""
    n = len(paper.authors)
    cut = paper.authors_truncated
    if where == "middle":
        if cut:
            return f"middle author: not known (the page cuts the list with 'et al.' after {paper.author_line()})"
        middle = paper.authors[1:-1]
        if not middle:
            return f"middle author: none ({n} author{'s' if n != 1 else ''})"
        return f"middle author{'s' if len(middle) > 1 else ''}: " + ", ".join(_name(a, paper, marked) for a in middle)
    index = int(where)
    word = ORDINALS[index] if 0 <= index < len(ORDINALS) else ordinal_suffix(index + 1) if index >= 0 else \
        {-1: "last", -2: "second-to-last"}.get(index, f"{ordinal_suffix(-index)}-to-last")  # 'seventh', '12th', '3rd-to-last'
    label = f"{word} author"
    if not paper.authors:
        return f"{label}: the page lists no authors"
    if index < 0 and cut:
        return f"{label}: not printed (the page cuts the list with 'et al.' after {paper.author_line()})"
    if index >= n or -index > n:
        return f"{label}: not printed (the page prints {n} name{'s' if n != 1 else ''}" + \
            (", then 'et al.')" if cut else ")")
    return f"{label}: {_name(paper.authors[index], paper, marked)}"


def _name(author: Author, paper: Paper, marked: bool) -> str:
    """The name, with the legend's mark when one is asked and the page has a legend ('Linglong Kong (Amii-marked)')."""
    if not marked or not any(s.format == "institute" for s in paper.sources):
        return author.name
    return f"{author.name} ({author.affiliation}-marked)" if author.affiliation else f"{author.name} (no mark)"


def legend_marks(paper: Paper, marks: list[str]) -> str:
    """Which authors carry the legend's mark, and which do not: 'Amii mark: yes — all 2 authors are marked (A, B)';
    'some — 2 of 5 authors are marked (A, B); not marked: C, D, E'; 'no'."""
    marked = [a for a in paper.authors if a.affiliation and (not marks or a.affiliation in marks)]
    unmarked = [a.name for a in paper.authors if a not in marked]
    institutes = ", ".join(dict.fromkeys(a.affiliation for a in marked if a.affiliation)) or " or ".join(marks) or \
        "affiliation"
    printed = f"{len(paper.authors)} printed" if paper.authors_truncated else f"{len(paper.authors)}"
    names = ", ".join(a.name for a in marked)
    if not marked:
        return f"{institutes} mark: no — none of the {printed} authors is marked"
    if not unmarked and not paper.authors_truncated:
        return f"{institutes} mark: yes — all {printed} authors are marked ({names})"
    return f"{institutes} mark: some — {len(marked)} of {printed} authors are marked ({names}); not marked: " + \
        ", ".join(unmarked) + (" (the page cuts the list with 'et al.')" if paper.authors_truncated else "")
