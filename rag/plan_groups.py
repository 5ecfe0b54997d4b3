"""Running the aggregates rag/plan_aggregates.py reads: values counted over papers with a frequency ('categories with
a single paper', 'co-authors met more than once') and values left out ('apart from Courville'), one person's places
on the author lists, and the people on both of two sides. Each answer is every row it rests on, with a headline that
says the count and what could not be counted (names cut by 'et al.')."""

from __future__ import annotations

import operator
from collections import defaultdict
from typing import TYPE_CHECKING

from rag.catalog_sort import n_papers, values_of
from rag.organisations import organisation_variants
from rag.plan_marks import name_parts
from rag.plan_terms import ORDINALS
from rag.records import Paper, normalize_title

if TYPE_CHECKING:
    from rag.planner import Plan

def ordinal(n: int) -> str:
    return ORDINALS[n - 1] if 1 <= n <= len(ORDINALS) else f"{n}th"


def same_organisations(papers: list[Paper]) -> dict[str, str]:
    """Each organisation a PDF prints -> the name its organisation is counted under: names that share a spelling are
    one ('Allen Institute for AI' and 'Allen Institute for Artificial Intelligence'; the Allen School is the University
    of Washington's), shown by the shortest of them."""
    names = list(dict.fromkeys(o.name for p in papers for o in p.organisations))
    spellings = {n: organisation_variants(n) for n in names}
    found: list[set[str]] = []
    for name in names:
        joined = [g for g in found if any(spellings[name] & spellings[other] for other in g)]
        merged = {name}.union(*joined)
        found = [g for g in found if g not in joined] + [merged]
    return {n: min(g, key=lambda x: (len(x), x)) for g in found for n in g}


def _values(paper: Paper, plan_: Plan, mark: str | None, canonical: dict[str, str] | None = None) -> list[str]:
    if plan_.group == "organisation" and canonical is not None:  # a listing's tag and a PDF's printed affiliations
        return list(dict.fromkeys(([paper.organisation] if paper.organisation else []) +
                                  [canonical[o.name] for o in paper.organisations]))
    if plan_.group == "tag":
        return [paper.organisation] if paper.organisation else []
    if plan_.group == "first_author":
        return [paper.authors[0].name] if paper.authors else []
    if plan_.group == "last_author":  # only on a complete list: 'et al.' hides the last name
        return [paper.authors[-1].name] if paper.authors and not paper.authors_truncated else []
    if plan_.group == "author_list":
        return [", ".join(paper.author_names)] if paper.authors and not paper.authors_truncated else []
    if plan_.group == "author" and plan_.printed:  # 'printed names only': not the profile's owner cut by 'et al.'
        return [a.name for a in paper.authors if mark is None or a.affiliation == mark]
    return values_of(paper, plan_.group or "", mark)


_COMPARED = {"==": operator.eq, ">=": operator.ge, "<=": operator.le}  # a pick such as '>=2': a group's size vs 2


def _excluded(value: str, plan_: Plan, people: frozenset[str]) -> bool:
    key = normalize_title(value)
    if plan_.group == "author" and key in people:
        return True  # the people the papers were selected by: never their own co-author
    return any(key == normalize_title(x) or value.split(" (")[0].casefold() == x.casefold() for x in plan_.exclude)


def grouped(papers: list[Paper], plan_: Plan, mark: str | None, people: frozenset[str]
            ) -> tuple[list[tuple[str, list[Paper]]], list[Paper], list[str]]:
    """(groups, rows, notes) for a count per value with a pick: 'most' / 'fewest' (ties kept), '==1' (exactly one
    paper), '>=2' (two or more; any '==n', '>=n', '<=n'), 'every' (on every paper selected) or 'all'."""
    groups: dict[str, list[Paper]] = defaultdict(list)
    canonical = same_organisations(papers) if plan_.group == "organisation" else None
    named = name_parts(plan_.conditions) if plan_.group in ("author", "first_author", "last_author") else None
    for paper in papers:
        for value in _values(paper, plan_, mark, canonical):
            if not _excluded(value, plan_, people) and (named is None or named(value)):  # 'the authors surnamed Zhang'
                groups[value].append(paper)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    if ordered and plan_.pick in ("most", "fewest"):
        sizes = sorted({len(g[1]) for g in ordered}, reverse=plan_.pick == "most")
        size = sizes[min(plan_.nth or 1, len(sizes)) - 1]  # 'the second most': the second largest size, ties kept
        ordered = [g for g in ordered if len(g[1]) == size]
    elif plan_.pick[:2] in ("==", ">=", "<="):  # '==1': exactly one paper; '>=2': more than one
        n, holds = int(plan_.pick[2:]), _COMPARED[plan_.pick[:2]]
        ordered = [g for g in ordered if holds(len(g[1]), n)]
    elif plan_.pick == "every":  # 'who does X always publish with': on every paper selected
        ordered = [g for g in ordered if len(g[1]) == len(papers)]
    if not ordered:  # nothing to count: the headline says no paper matches
        return [], [], []
    rows = list({p.paper_id: p for _, members in ordered for p in members}.values())
    notes = []
    missing = sum(1 for p in papers if not _values(p, plan_, None, canonical))
    if missing:
        what = {"last_author": "complete author list", "author_list": "complete author list",
                "first_author": "author"}.get(plan_.group or "", plan_.group)
        notes.append(f"{n_papers(missing)} whose page prints no {what} {'is' if missing == 1 else 'are'} not counted")
    if plan_.group in ("author", "first_author") and any(p.authors_truncated for p in papers):
        notes.append("author lists cut with 'et al.' count only the printed names")
    if plan_.exclude:
        notes.append(f"left out as asked: {', '.join(plan_.exclude)}")
    return ordered, rows, notes


def group_headline(plan_: Plan, groups: list[tuple[str, list[Paper]]], scope: str) -> str | None:
    """The headline of a frequency pick ('==1', '>=2', any '==n' / '>=n' / '<=n', 'every'), and of 'most' / 'fewest'
    by a first / last author or author list, or an nth ('the second most'); None for the picks catalog_text words."""
    name = _NAMES.get(plan_.group or "", plan_.group or "")
    if plan_.pick in ("most", "fewest") and (plan_.group in _NAMES or plan_.nth):
        if not groups:
            return f"No paper matches{scope}."
        counts = ", ".join(f"{value}: {len(members)}" for value, members in groups)
        word = f"{ordinal(plan_.nth)} {plan_.pick}" if plan_.nth and plan_.nth > 1 else plan_.pick
        return f"The {name} with the {word} papers{scope}: {counts}."
    if plan_.pick != "every" and plan_.pick[:2] not in ("==", ">=", "<="):
        return None
    kind = {"category": "categories", "month": "months", "author": "people", "author_list": "author lists"}.get(
        plan_.group or "", f"{name}s")
    how = "every paper" if plan_.pick == "every" else _how_many(plan_.pick)
    if not groups:
        return f"No {plan_.group} has {how}{scope}."
    counts = "; ".join(f"{value}: {len(members)} ({', '.join(p.title for p in members)})" if plan_.pick != "==1"
                       else f"{value}: {members[0].title}" for value, members in groups)
    return f"{len(groups)} {kind if len(groups) != 1 else name} {'on' if plan_.pick == 'every' else 'with'} {how}{scope}: {counts}."


def _how_many(pick: str) -> str:
    n = int(pick[2:])
    if pick in ("==1", ">=2"):
        return "exactly one paper" if pick == "==1" else "more than one paper"
    return {"==": "exactly", ">=": "at least", "<=": "at most"}[pick[:2]] + f" {n} paper{'s' if n != 1 else ''}"


_NAMES = {"first_author": "first author", "last_author": "last author", "author_list": "author list"}


def places(papers: list[Paper], person: str) -> tuple[list[Paper], str]:
    """(rows, headline) for where `person` sits on the printed author lists: each place, and the most usual one."""
    key = normalize_title(person)
    seen: list[tuple[Paper, int]] = []
    hidden = []
    for paper in papers:
        names = [normalize_title(a) for a in paper.author_names]
        if key in names:
            seen.append((paper, names.index(key) + 1))
        else:
            hidden.append(paper)  # on the profile they own, cut by 'et al.'
    if not seen:
        return [], f"{person} is not printed on any author list here" + (
            f" ({n_papers(len(hidden))} cut with 'et al.' may hold the name)" if hidden else "") + "."
    tally: dict[int, int] = defaultdict(int)
    for _, k in seen:
        tally[k] += 1
    usual = max(tally, key=lambda k: (tally[k], -k))
    each = "; ".join(f"{ordinal(k)} of {len(p.authors)}{'+' if p.authors_truncated else ''} on {p.title}"
                     f"{' (last)' if k == len(p.authors) and not p.authors_truncated else ''}" for p, k in seen)
    text = f"{person} is usually {ordinal(usual)} in the author order: {ordinal(usual)} on {tally[usual]} of " \
           f"{n_papers(len(seen))} where the name is printed ({each})."
    if hidden:
        text += f" On {n_papers(len(hidden))} the name is not printed (the list is cut with 'et al.')."
    return [p for p, _ in seen], text


def _placed(paper: Paper, key: str) -> str:
    """'Construction of … (author 9 of 23)': the paper with the person's place on its byline, when printed whole."""
    place = next((i for i, a in enumerate(paper.authors) if normalize_title(a.name) == key), None)
    if place is None or paper.authors_truncated:
        return paper.title
    return f"{paper.title} (author {place + 1} of {len(paper.authors)})"


def common(papers: list[Paper], plan_: Plan) -> tuple[list[Paper], str]:
    """(rows, headline) for the values on both sides — people by default, or the grouped field ('categories on both
    pages') — each with the papers it is on, on each side."""
    sides = [[p for p in papers if all(c(p) for c in side) and all(c(p) for c in plan_.conditions)]
             for side in plan_.sides]
    people = plan_.group == "author"  # the planner always sets the group of a 'common' plan
    canonical = same_organisations(papers) if plan_.group == "organisation" else None
    values: list[dict[str, tuple[str, list[Paper]]]] = []
    for side in sides:
        found: dict[str, tuple[str, list[Paper]]] = {}
        for paper in side:
            named = (paper.author_names if plan_.printed else values_of(paper, "author")) if people \
                else _values(paper, plan_, None, canonical)
            for name in named:
                found.setdefault(normalize_title(name), (name, []))[1].append(paper)
        values.append(found)
    labels = "; ".join(" and ".join(c.label for c in side) for side in plan_.sides)
    # the people the sides are named by are not their own co-authors ('who wrote with both X and Y')
    named = {normalize_title(c.value) for side in plan_.sides for c in side if c.field == "author"}
    shared = [k for k in values[0] if all(k in other for other in values[1:]) and k not in named]
    if plan_.lookup:  # 'is Yi Ren on both pages': that person only
        shared = [k for k in shared if k == normalize_title(plan_.lookup)]
    if not shared:
        if plan_.lookup:
            return [], f"No: {plan_.lookup} is not printed as an author on both ({labels})."
        if not people:
            return [], f"No {plan_.group} is on both ({labels})."
        cut = [p for side in sides for p in side if p.authors_truncated]
        return [], f"No one is printed as an author on both ({labels})" + (
            f"; {n_papers(len(cut))} cut with 'et al.' may hold more names." if cut else ".")
    rows: dict[str, Paper] = {}
    each = []
    for k in shared:
        found = [values[i][k][1] for i in range(len(values))]
        rows.update((p.paper_id, p) for side in found for p in side)
        each.append(f"{values[0][k][0]} ({'; '.join(', '.join(_placed(p, k) if people else p.title for p in side) for side in found)})")
    if not people:
        kind = plan_.group if len(shared) == 1 else {"category": "categories"}.get(plan_.group or "", f"{plan_.group}s")
        return list(rows.values()), f"{len(shared)} {kind} on both ({labels}): {'; '.join(each)}."
    who = "person is" if len(shared) == 1 else "people are"
    return list(rows.values()), f"{len(shared)} {who} printed as an author on both ({labels}): " \
                                f"{'; '.join(each)}. The pages do not say whether one name is one person."
