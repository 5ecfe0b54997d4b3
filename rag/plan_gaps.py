"""The time between two papers' printed dates: 'how many days passed between SPECTER and DPR?', 'how far apart were
X and Y posted?', 'how many weeks after X did Y come out?'. A date difference is arithmetic on two catalog values, so
it is answered from the pages, each date cited, rather than left to a model that garbles numbers.

The question must name both papers (the first by its title, the second by its title or a description that fits one
paper only) and ask for a span of time; anything else left over sends it back to retrieval as usual.
"""

from __future__ import annotations

import datetime
import re

from rag import rx
from rag.catalog import Catalog, short_name
from rag.plan_describe import description, resolve
from rag.plan_terms import Condition, Question
from rag.plan_values import conditions as named_conditions, title
from rag.records import Paper

_UNIT = r"(days?|weeks?|months?|years?)"
_ASK = rf"\bhow\s+many\s+{_UNIT}(?:\s+(?:passed|elapsed|went\s+by|lie|lay|are\s+there|were\s+there|separate(?:d)?|" \
       rf"(?:is|was)\s+it))?(?:\s+(?:between|from|separating|apart))?|\bhow\s+(?:long|much\s+time)(?:\s+(?:passed|elapsed|" \
       rf"went\s+by|(?:is|was)\s+(?:it|there)))?(?:\s+(?:between|from|separat(?:es|ed|ing)))?|\bhow\s+far\s+apart|" \
       rf"\b(?:the\s+)?(?:time|gap|interval|delay|span)\s+(?:between|from|separating)|\bhow\s+many\s+{_UNIT}\s+(?:after|before)"


def gap(q: Question, catalog: Catalog, named: Paper) -> tuple[Condition, str] | None:
    """(the two papers, the unit asked: 'days', 'weeks', 'months', 'years') when the question asks for the time
    between `named` (already cut from `q`) and a second paper it names; None, and nothing cut, otherwise."""
    asked = rx.search(_ASK, q.text, re.I)
    if asked is None:
        return None
    saved = q.text, list(q.spans)
    q.blank(asked.start(), asked.end())
    other = title(q, catalog)
    if other is None:
        _relation_as_paper(q)  # 'X and its computation-pruning follow-up'
        words = description(q)
        other = resolve(words, catalog.papers).paper if words else None
    if other is None or other is named:
        q.text, q.spans = saved
        return None
    q.take(r"\b(?:apart|passed|elapsed|went\s+by|between|separat\w*|after|before|later|earlier|follow(?:ed|s|ing)?[\s-]?up|"
           r"posted|published|released|came\s+out|come\s+out|appeared|went\s+up|go\s+up|dates?|its|their|the\s+two)\b")
    _where_printed(q, catalog, named, other)
    unit = next((g for g in asked.groups() if g), "days").casefold()
    ids = {named.paper_id, other.paper_id}
    names = " and ".join(short_name(p.title) or p.title for p in (named, other))
    return Condition("title", "|".join(sorted(ids)), f"papers: {names}", lambda p: p.paper_id in ids), \
        unit if unit.endswith("s") else unit + "s"


def _relation_as_paper(q: Question) -> None:
    """'its computation-pruning follow-up' read as 'the computation-pruning paper': the relation to the paper named
    first is no topic, the words before it describe the second (rag/plan_describe.py reads 'the … paper')."""
    m = rx.search(r"\b(its|their)(\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+)(follow[\s-]?up|sequel|successor|predecessor)\b", q.text, re.I)
    if m is not None:
        q.text = q.text[:m.start()] + "the".ljust(len(m[1])) + m[2] + "paper".ljust(len(m[3])) + q.text[m.end():]


def _where_printed(q: Question, catalog: Catalog, a: Paper, b: Paper) -> None:
    """Takes the page both papers are printed on when the question says it as where they are ("Courville's page has A
    and B"): it names no other condition. Anything else read there is left for the planner (nothing taken)."""
    saved = q.text, list(q.spans)
    found = named_conditions(q, catalog)
    if not found or not all(c.field == "page" and c(a) and c(b) for c in found):
        q.text, q.spans = saved


def between(a: Paper, b: Paper, unit: str) -> str | None:
    """The time from the earlier to the later paper ('37 days (5.3 weeks)'), in the unit asked when the dates allow
    it; about so many months when one date is printed only to the month; None when a date is known only to its year."""
    early, late = sorted((a, b), key=lambda p: p.date or "")
    if not early.date or not late.date or "year" in (early.date_precision, late.date_precision):
        return None
    if "month" in (early.date_precision, late.date_precision):
        y1, m1 = map(int, early.date[:7].split("-"))
        y2, m2 = map(int, late.date[:7].split("-"))
        months = 12 * (y2 - y1) + m2 - m1
        return f"About {months} month{'s' if months != 1 else ''} (one of the dates is printed only to the month)"
    days = (datetime.date.fromisoformat(late.date) - datetime.date.fromisoformat(early.date)).days
    said = {"weeks": f"{days / 7:.1f} weeks", "months": f"about {days / 30.44:.1f} months",
            "years": f"{days / 365.25:.2f} years"}.get(unit)
    return f"{days} day{'s' if days != 1 else ''}" + (f" ({said})" if said else "")


# The time between the two papers a set holds ('Courville's two December postings: which went up first and how many
# days apart?'): said of them, not of two named papers. The answer says the earlier one first (rag/catalog_text.py),
# and no other than exactly two is answered.
_APART = rf"\bhow\s+many\s+{_UNIT}\s+(?:apart|between\s+them|separate\s+them|lie\s+between\s+them)\b|" \
         r"\bhow\s+far\s+apart\b(?:\s+(?:were|are)\s+they)?(?:\s+(?:posted|published|released))?"
_FIRST = r"\b(?:which|what)\s+(?:one\s+|of\s+(?:them|the\s+two)\s+)?(?:went\s+up|came\s+out|was\s+(?:posted|published|" \
         r"released)\s+|appeared)\s*first\b"


def set_gap(q: Question) -> str | None:
    """The unit asked ('days', …) when the question asks how far apart the two papers of a set were posted, with
    its words taken (and 'which went up first', which the answer's order says); None, nothing taken, otherwise."""
    m = rx.search(_APART, q.text, re.I)
    if m is None:
        return None
    unit = next((g for g in m.groups() if g), "days").casefold()
    q.blank(m.start(), m.end())
    q.take(_FIRST)
    q.take(r"\b(?:the\s+)?two\b|\band\b")
    return unit if unit.endswith("s") else unit + "s"
