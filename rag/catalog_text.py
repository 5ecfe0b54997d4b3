"""The words of a catalog answer: the headline over the rows (a count, a list, a sort, a lookup, a share) and
each field as the page prints it. rag/catalog_query.py runs the plan and builds the Answer around this text."""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.catalog_fields import BY_NAME
from rag.catalog_sort import n_papers  # '1 paper', '3 papers': defined below catalog_fields, which imports catalog_sort
from rag.catalog_values import fields_text, lookup_text, printed_date, several_fields
from rag.plan_gaps import between
from rag.plan_place_ranges import said_of_rows
from rag.plan_terms import ORDINALS
from rag.planner import Plan
from rag.records import Paper


@dataclass
class Result:
    plan: Plan
    rows: list[Paper]
    extra: list[Paper]  # for a sort: papers that might come first but that the page does not date closely enough
    notes: list[str] = field(default_factory=list)  # what the answer could not count or rank, said with it
    groups: list[tuple[str, list[Paper]]] = field(default_factory=list)  # for op 'group'
    total: int = 0  # for a share: the papers counted out of
    known: int = 0  # for a share: those of them whose pages print every field asked
    # The headline run() already worded (a frequency pick, a person's places, people in common, a marked sort), from
    # the same pass that chose the rows; None: worded here from the plan.
    text: str | None = None

    @property
    def count(self) -> int:
        return len(self.rows)


def headline(result: Result) -> str:
    if result.text is not None:
        return result.text + (" " + "; ".join(n[:1].upper() + n[1:] for n in result.notes) + "." if result.notes else "")
    text = _headline(result)
    if result.plan.also and result.plan.target is None and result.plan.op in ("list", "count", "first", "last"):
        text += said_of_rows(result.rows, result.plan.also)  # 'which ones, and what scores?' (rag/plan_entry_asks.py)
    if result.plan.described and result.plan.target is not None:  # say which paper a description was taken to be
        text = f"Taking '{result.plan.described}' to be {result.plan.target.title}. {text}"
    if result.notes:
        text += " " + "; ".join(n[:1].upper() + n[1:] for n in result.notes) + "."
    return text


def _headline(result: Result) -> str:
    plan_, n = result.plan, result.count
    what = plan_.describe()
    if plan_.op == "check" and plan_.target is not None:
        holds = all(c(plan_.target) for c in plan_.conditions)
        asked = "; ".join(c.label for c in plan_.conditions)
        fields = list(dict.fromkeys("authors" if c.field in ("author", "author_count") else
                                    "date" if c.field == "year" else c.field for c in plan_.conditions))
        actual = " ".join(lookup_text(plan_.target, f) for f in fields)
        if not holds and plan_.target.authors_truncated and any(c.field == "author" for c in plan_.conditions):
            return f"Not on the printed author list ({asked}); the page cuts it with 'et al.'. {actual}"
        return f"{'Yes' if holds else 'No'} ({asked}). {actual}"
    if plan_.op == "fact" and plan_.fact is not None:
        under = f" Listed first under it: {result.rows[0].title}." if plan_.fact.first and result.rows else ""
        return f"{plan_.fact.value} (page: {plan_.fact.page}).{under}"
    if plan_.op == "which":
        if len(result.rows) == 1:
            return f"Do you mean {result.rows[0].title}? '{plan_.described}' fits it only in part; ask again with " \
                   "its title if so."
        titles = "; ".join(p.title for p in result.rows)
        return f"Which paper do you mean? '{plan_.described}' fits more than one: {titles}. Ask again with its title."
    if plan_.op == "gap":  # 'how many days between X and Y': the two printed dates and the time between them
        if len(result.rows) != 2:
            return f"No two papers match {what}."
        early, late = sorted(result.rows, key=lambda p: p.date or "")
        dated = f"{early.title} (dated {printed_date(early)}) and {late.title} (dated {printed_date(late)})"
        span = between(early, late, plan_.key)
        later = f" The later one is {late.title}." if early.date != late.date else ""  # 'which was posted later'
        return f"{span} between {dated}.{later}" if span else \
            f"The pages do not date both papers closely enough to count the time between them: {dated}."
    if plan_.op == "lookup" and plan_.target is not None and several_fields(plan_):  # one row, each field asked
        return fields_text(plan_.target, [plan_.lookup or ""] + plan_.also, plan_.conditions)
    if plan_.op == "lookup" and plan_.target is not None:
        return " ".join([lookup_text(plan_.target, plan_.lookup or "", [c.value for c in plan_.conditions])] +
                        [lookup_text(plan_.target, f) for f in plan_.also])
    if plan_.op == "lookup":
        return f"{n_papers(n)} {'matches' if n == 1 else 'match'} ({what})." if n else f"No paper matches {what}."
    scope = f" ({what})" if plan_.conditions else ""
    if plan_.op == "group":
        if not result.groups:
            return f"No paper matches {what}."
        counts = ", ".join(f"{value}: {len(members)}" for value, members in result.groups)
        if plan_.pick == "all":
            kind = {"category": "categories", "month": "months"}.get(plan_.group or "", f"{plan_.group}s")
            return f"{len(result.groups)} {kind if len(result.groups) != 1 else plan_.group}{scope}, with their papers: {counts}."
        word = "most" if plan_.pick == "most" else "fewest"
        return f"The {plan_.group} with the {word} papers{scope}: {counts}."
    if plan_.op in ("range", "ratio"):  # the two ends of a printed number and their difference or ratio
        field = BY_NAME[plan_.key]
        numbers = [field.number(p) for p in result.rows]  # type: ignore[misc]
        if not numbers:
            return f"No paper with a printed {field.label} matches {what}."
        top, bottom = max(numbers), min(numbers)
        said = f"a ratio of {top / bottom:.4g}" if plan_.op == "ratio" and bottom else f"a spread of {top - bottom:.4g}"
        high = ", ".join(p.title for p, x in zip(result.rows, numbers) if x == top)
        low = ", ".join(p.title for p, x in zip(result.rows, numbers) if x == bottom)
        return f"{field.label[:1].upper() + field.label[1:]}{scope}: from {bottom:g} ({low}) to {top:g} ({high}), {said}, over " \
               f"{n_papers(result.total or len(numbers))} printing one."
    if plan_.op in ("mean", "median") and plan_.key in BY_NAME:  # 'the average score': the numbers the pages print
        field = BY_NAME[plan_.key]
        numbers = [field.number(p) for p in result.rows]  # type: ignore[misc]
        if not numbers:
            return f"No paper with a printed {field.label} matches {what}."
        value = _centre(numbers, plan_.op)
        each = ", ".join(f"{x:g}" for x in numbers)
        return f"The {'median' if plan_.op == 'median' else 'average'} {field.label}{scope} is {value:.4g}, over " \
               f"{n_papers(len(numbers))} printing one ({each}; sum {sum(numbers):.4g})."
    if plan_.op in ("mean", "median"):
        sizes = sorted(len(p.authors) for p in result.rows)
        if not sizes:
            return f"No paper with a complete author list matches {what}."
        value = _centre(sizes, plan_.op)
        return f"The {'median' if plan_.op == 'median' else 'average'} number of authors{scope} is {value:.3g}, over " \
               f"{n_papers(len(sizes))} with complete author lists ({sum(sizes)} names in all; from {sizes[0]} to {sizes[-1]})."
    if plan_.op in ("first", "last") and plan_.key in BY_NAME:
        field = BY_NAME[plan_.key]
        if not result.rows:
            return f"No paper with a printed {field.label} matches {what}."
        word = field.ends[0] if plan_.op == "last" else field.ends[1]
        if plan_.nth:
            word = f"{_ORDINAL[plan_.nth]} {word}"
        listed = "; ".join(f"{p.title} ({field.label}: "  # type: ignore[misc]
                           f"{field.shown(p) if field.shown else format(field.number(p), 'g')})" for p in result.rows)
        return f"The {word} {field.label}{scope}: {listed}."
    if plan_.op in ("first", "last") and plan_.key == "authors":
        if not result.rows:
            return f"No paper with a printed author list matches {what}."
        word = "longest" if plan_.op == "last" else "shortest"
        if plan_.nth:
            word = f"{_ORDINAL[plan_.nth]} {word}"
        listed = "; ".join(f"{p.title} ({p.author_count} authors)" for p in result.rows)
        return f"The {word} author list{scope}: {listed}."
    if plan_.op in ("first", "last"):
        if not result.rows:
            return f"No paper with a printed date matches {what}."
        word = "oldest" if plan_.op == "first" else "newest"
        if any(c.field == "title" and c.label.startswith("paper: ") for c in plan_.conditions):  # two papers compared
            word = "older" if plan_.op == "first" else "newer"
        if plan_.nth:
            word = f"{_ORDINAL[plan_.nth]} {word}"
        if len(result.rows) > 1:
            dated = "; ".join(f"{p.title}, dated {printed_date(p)}" for p in result.rows)
            tied = len(result.rows) > (plan_.limit or 1) and len({p.date for p in result.rows[(plan_.limit or 1) - 1:]}) == 1
            text = f"The {word} papers{scope}, tied on the same date: {dated}." if tied and not plan_.limit else \
                f"The {len(result.rows)} {word} papers{scope}, in order{' (ties kept)' if tied else ''}: {dated}."
        else:
            best = result.rows[0]
            text = f"The {word} paper{scope} is {best.title}, dated {printed_date(best)}."
        if result.extra:
            text += (f" {n_papers(len(result.extra))} dated only to the same month might come "
                     f"{'before' if plan_.op == 'first' else 'after'} it; listed after it.")
        return text
    if plan_.op == "count" and plan_.share and result.total:
        within = f" ({'; '.join(c.label for c in plan_.scope)})" if plan_.scope else ""
        text = f"{n} of {n_papers(result.total)}{within} ({_percent(n, result.total)}) match ({what})."
        if result.known < result.total:  # 'in ML' out of the papers whose page prints a category at all
            text += f" Of the {result.known} whose page prints the fields asked, {_percent(n, result.known)}."
        return text
    if not n:
        return f"No paper matches {what}."
    return f"{n_papers(n)} {'matches' if n == 1 else 'match'} ({what})."


def _centre(values: list, op: str) -> float:
    """The median (the middle two averaged) or the mean; the mean sums `values` in their own order."""
    if op == "median":
        ordered = sorted(values)
        return (ordered[(len(ordered) - 1) // 2] + ordered[len(ordered) // 2]) / 2
    return sum(values) / len(values)


def _percent(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "—"


_ORDINAL = dict(enumerate(ORDINALS[1:5], start=2))  # 2..5: plan_scope reads no further
