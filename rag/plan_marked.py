"""Conditions and sorts over how many of a paper's authors carry the legend's mark (the Amii star): every author
marked, marked authors only in the middle of the list, the paper with the most (or fewest) marked authors, and the
mark said per place with 'has' ('the last author has the star but the first doesn't', 'the first two both carry it').
Split from rag/plan_marks.py, which reads one author's place or mark. Each is grounded in the institutes the legends
name (catalog.institutes), so 'every author is a student' is no condition."""

from __future__ import annotations

import operator
import re

from rag import rx
from rag.catalog import Catalog
from rag.plan_terms import _COMPARE, _COUNT, Condition, Question, _number, count_word
from rag.records import Paper

_MARK = r"(?:[- ](?:affiliated|starred|marked|asterisked))"
_WHO = r"(?:(?:co-?)?authors?|researchers?|people|persons?|members?|names?)"
# 'at least two', 'three or more', 'only one' before the authors counted; then the authors, 'who' / 'that' before a verb
_COUNTED = rf"\b(?:{_COMPARE}\s+)?{_COUNT}(?:\s+or\s+(more|fewer|less))?[\s-]+"
_WHO_THAT = rf"{_WHO}\s+(?:(?:who|that|being)\s+)?"
# count_word's comparisons, on (marked authors, the number said)
_COMPARED = {"exactly": operator.eq, "at least": operator.ge, "more than": operator.gt, "over": operator.gt,
             "fewer than": operator.lt, "less than": operator.lt, "at most": operator.le}


def marked(paper: Paper, institute: str) -> int:
    return sum(a.affiliation == institute for a in paper.authors)


def _complete(paper: Paper) -> bool:
    return bool(paper.authors) and not paper.authors_truncated


def _marked_conditions(q: Question, catalog: Catalog, pattern, label: str, test) -> list[Condition]:
    """A condition per legend institute whose phrase `pattern(name)` the question says (the phrase is taken)."""
    return [Condition("affiliation", institute, f"affiliation: {institute} ({label})", lambda p, i=institute: test(p, i))
            for institute in sorted(catalog.institutes) if q.take(pattern(re.escape(institute)))]


def every_marked(q: Question, catalog: Catalog) -> list[Condition]:
    """'every single author is Amii-starred', 'all of its authors are Amii-affiliated', 'only Amii authors': every name
    on a complete list marked."""
    return _marked_conditions(
        q, catalog, lambda name: rf"\b(?:every|each|all)\s+(?:single\s+)?(?:one\s+of\s+)?(?:(?:its|their|the)\s+)?"
        rf"(?:co-?)?authors?\s+(?:(?:is|are|being|was|were)\s+)?(?:an?\s+)?(?:{name}{_MARK}|from\s+{name}|"
        rf"{name}\b(?:\s+{_WHO})?)|\b(?:only|exclusively)\s+{name}{_MARK}?\s+{_WHO}\b|\ball[- ]{name}\s+(?:author\s+lists?|teams?)\b",
        "every author", lambda p, i: _complete(p) and marked(p, i) == len(p.authors))


def middle_only(q: Question, catalog: Catalog) -> list[Condition]:
    """'Amii people only in the middle of the author list — never first or last': some author marked, neither the
    first nor the last (a complete list, so the last name is known)."""
    return _marked_conditions(
        q, catalog, lambda name: rf"\b{name}{_MARK}?\s+(?:{_WHO}\s+)?(?:(?:are|is|appear|sit)\s+)?only\s+in\s+the\s+"
        rf"middle(?:\s+of\s+(?:the\s+|their\s+|its\s+)?author\s+(?:lists?|order))?(?:\W+(?:never|not|but\s+not)\s+"
        rf"(?:the\s+)?first\s+or\s+(?:the\s+)?last)?",
        "only between first and last", lambda p, i: _complete(p) and marked(p, i) > 0 and
        p.authors[0].affiliation != i and p.authors[-1].affiliation != i)


def marked_counts(q: Question, catalog: Catalog) -> list[Condition]:
    """'exactly two authors without the Amii star', 'at least three non-Amii names', 'two unstarred co-authors', 'only
    one Amii-affiliated author': how many of a paper's printed authors carry the legend's mark (or do not), compared
    as an author count is ('at least', 'at most', 'N or more'). Read before the plain author count and negation, which
    would take 'exactly two authors' as the list's length and 'without the star' as no marked author at all. A list
    cut with 'et al.' only passes what its printed names prove; on the legend's page only."""
    if not catalog.institutes:
        return []
    found = []
    only = len(catalog.institutes) == 1  # 'the star', 'the asterisk': the one legend's mark
    for institute in sorted(catalog.institutes):
        name = re.escape(institute)
        sign = rf"(?:(?:the|an?|its|their)\s+)?(?:{name}(?:'s)?\s+)?(?:stars?|asterisks?|marks?|markers?)" if only else \
            rf"(?:(?:the|an?|its|their)\s+)?{name}(?:'s)?\s+(?:stars?|asterisks?|marks?|markers?|affiliation)"
        unmarked = rf"(?:non-?|not[- ]|un-?){name}{_MARK}?|un(?:starred|marked|asterisked)|non-?(?:starred|marked)"
        # 'who isn't marked as Amii', 'lacking the star', "that don't carry an asterisk": the mark said absent
        absent = rf"(?:without|lack(?:s|ing)?|miss(?:es|ing)?|with\s+no|ha(?:ve|s)\s+no|(?:do|does)\s*n[o']?t\s+(?:carry|bear|" \
                 rf"have|get)|(?:(?:is|are)\s*n[o']?t\s+|not\s+)(?:carrying|bearing|having|(?:marked|starred|flagged|" \
                 rf"affiliated)(?:\s+(?:as|with))?)?)\s+(?:an?\s+)?(?:{sign}|{name}{_MARK}?)"
        present = rf"(?:with|carry(?:ing)?|carries|bear(?:s|ing)?|ha(?:ve|s|ving)|(?:(?:is|are)\s+)?(?:marked|starred|flagged|" \
                  rf"affiliated)\s+(?:as|with))\s+(?:an?\s+)?(?:{sign}|{name}{_MARK}?)|(?:(?:is|are)\s+)?{name}{_MARK}"
        pattern = rf"{_COUNTED}(?:(?P<un>{unmarked})\s+{_WHO}|(?P<mk>{name}{_MARK}?|(?:starred|marked|asterisked))\s+{_WHO}|" \
                  rf"{_WHO_THAT}(?:(?P<un2>{absent})|{present}))\b"
        ranked = rf"\b(?:the\s+)?(?P<end>most|largest|greatest|highest|biggest|fewest|smallest|least|lowest)\s+(?:(?:number|count)\s+" \
                 rf"of\s+)?(?:(?:{unmarked})\s+{_WHO}|{_WHO_THAT}{absent})\b"
        if (top := q.take(ranked)) and q.marked_sort is None:  # 'the most authors without the star': a sort, for marked_sort
            most = top[0]["end"].casefold() in ("most", "largest", "greatest", "highest", "biggest")
            q.marked_sort = ("last" if most else "first"), f"not {institute}"
        for m in q.take(pattern):
            word, n = count_word(m.group(1), m.group(3)), _number(m.group(2))
            counted = f"not {institute}" if m["un"] or m["un2"] else institute  # as _counted reads it
            # what a cut list proves: at least its printed count; exactly or at most only when printed complete
            proves = word in ("at least", "more than", "over")
            label = f"affiliation: {word} {n} {counted}-marked authors"
            found.append(Condition("affiliation", f"{word} {n} {counted}", label,
                                   lambda p, k=counted, c=_COMPARED[word], n=n, pr=proves: bool(p.authors) and
                                   any(s.format == "institute" for s in p.sources) and (pr or not p.authors_truncated)
                                   and c(_counted(p, k), n)))
    return found


def marked_sort(q: Question, catalog: Catalog) -> tuple[str, str] | None:
    """('last' | 'first', institute) for 'the largest number of Amii-affiliated authors', 'the most Amii authors',
    'the fewest Amii-starred names': a sort by the count of marked authors; ('last' | 'first', 'not <institute>') for
    'the most authors without the Amii star', read early by marked_counts."""
    if q.marked_sort is not None:
        return q.marked_sort
    for institute in sorted(catalog.institutes):
        name = re.escape(institute)
        if m := q.take(rf"\b(?:the\s+)?(most|largest|greatest|highest|biggest|fewest|smallest|least|lowest)\s+"
                       rf"(?:(?:number|count)\s+of\s+)?{name}{_MARK}?\s+{_WHO}\b"):
            most = m[0].group(1).casefold() in ("most", "largest", "greatest", "highest", "biggest")
            return ("last" if most else "first"), institute
    return None


def _counted(paper: Paper, institute: str) -> int:
    """Authors marked `institute`, or ('not <institute>') not marked."""
    if institute.startswith("not "):
        return len(paper.authors) - marked(paper, institute[4:])
    return marked(paper, institute)


def by_marked(papers: list[Paper], institute: str, most: bool) -> list[Paper]:
    """The papers with the most (fewest) authors marked for `institute` (or, 'not <institute>', not marked), ties
    kept; on the legend's page only. Unmarked authors are counted on lists printed complete only."""
    pool = [p for p in papers if p.authors and any(s.format == "institute" for s in p.sources) and
            not (institute.startswith("not ") and p.authors_truncated)]
    if not pool:
        return []
    best = (max if most else min)(_counted(p, institute) for p in pool)
    return [p for p in pool if _counted(p, institute) == best]


def marked_headline(rows: list[Paper], institute: str, most: bool, scope: str) -> str:
    if not rows:
        return f"No paper on the legend's page matches{scope}."
    said = f"not marked {institute[4:]}" if institute.startswith("not ") else f"marked {institute}"
    listed = "; ".join(f"{p.title} ({_counted(p, institute)} of {len(p.authors)} authors {said})" for p in rows)
    return f"The {'most' if most else 'fewest'} authors {said}{scope}: {listed}."


# The share of a paper's authors that carry the mark: 'the Amii-starred people are a minority of the authors', 'a
# majority of its authors are Amii-affiliated', 'fewer than half the names are starred', 'exactly half'; and none of
# them ('where nobody is Amii-starred', 'no one on the list is marked as Amii'). A share needs the whole list.
_SHARES = {"minority": operator.lt, "fewer than half": operator.lt, "less than half": operator.lt,
           "majority": operator.gt, "more than half": operator.gt, "over half": operator.gt, "most": operator.gt,
           "at least half": operator.ge, "half or more": operator.ge, "half or over": operator.ge,
           "half or fewer": operator.le, "half or less": operator.le, "half": operator.eq, "exactly half": operator.eq, "at most half": operator.le}
_SHARE = r"(?P<share>(?:an?\s+|the\s+)?(?:minority|majority)|(?:fewer|less|more)\s+than\s+half|over\s+half|at\s+(?:least|most)\s+" \
         r"half|half\s+or\s+(?:more|over|fewer|less)|(?:exactly\s+)?half)"
_LIST = r"(?:(?:its|their|the)\s+)?(?:(?:co-?)?authors|author\s+list|names|byline)"


def marked_share(q: Question, catalog: Catalog) -> list[Condition]:
    """A condition per legend institute whose marked authors' share of the (complete) list the question says, or that
    says no author carries its mark ('nobody is Amii-starred': the same as 'no Amii-starred author')."""
    found = []
    for institute in sorted(catalog.institutes):
        name = rf"(?:{re.escape(institute)}{_MARK}?|marked\s+(?:as\s+)?{re.escape(institute)}|starred)"
        marked_who = rf"(?:the\s+|its\s+|their\s+)?{name}\s+(?:{_WHO}|ones)"
        # 'the starred people are a minority of …', or asked: 'are the starred people a minority of …'
        said = [rf"\b(?:(?:are|is)\s+)?{marked_who}\s+(?:(?:are|is|make\s+up|form|constitute|account\s+for)\s+)?{_SHARE}"
                rf"(?:\s+of\s+{_LIST})?", rf"\b{_SHARE}\s+(?:of\s+)?{_LIST}\s+(?:(?:are|is|being)\s+)?{name}",
                # the mark as the object: 'half or more of the authors carry the Amii asterisk'
                rf"\b{_SHARE}\s+(?:of\s+)?{_LIST}\s+(?:carry|have|bear|wear|get|show)\s+(?:the\s+|an?\s+)?"
                rf"(?:{re.escape(institute)}(?:'s)?\s+)?(?:stars?|asterisks?|marks?|markers?)"]
        for m in q.take(said[0]) + q.take(said[1]) + q.take(said[2]):
            word = rx.sub(r"^(?:an?|the)\s+", "", " ".join(m["share"].casefold().split()))
            found.append(Condition("affiliation", f"{word} {institute}", f"affiliation: {institute}-marked authors a {word}"
                                   if word in ("minority", "majority") else f"affiliation: {word} the authors {institute}-marked",
                                   lambda p, i=institute, c=_SHARES[word]: _complete(p) and any(
                                       s.format == "institute" for s in p.sources) and c(2 * marked(p, i), len(p.authors))))
        nobody = rf"\b(?:where|in\s+which|on\s+which|with|that\s+have|whose\s+)?\s*(?:nobody|no\s+one|no-one|none\s+of\s+{_LIST})" \
                 rf"(?:\s+on\s+(?:the|its|their)\s+(?:list|byline|author\s+list))?\s+(?:is|are|was|were)\s+(?:an?\s+)?{name}\b"
        if q.take(nobody):
            found.append(Condition("affiliation", institute, f"affiliation: {institute}",
                                   lambda p, i=institute: marked(p, i) > 0).negated())
    return found


_INDEX = {"first": 0, "lead": 0, "leading": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "senior": -1,
          "final": -1}
_HAS = r"(?:has|have|carr(?:y|ies)|bears?|gets?|wears?)"


def marks_at_places(q: Question, institute: str, name: str) -> list[Condition]:
    """The legend's mark said per place with 'has': 'the last author has the Amii star but the first author doesn't',
    'the first two authors both have the Amii asterisk', 'ends with an author who has no star' — one condition per
    place, marked or not (each place on its own: 'first marked and last not' is two conditions)."""
    noun = rf"(?:(?:the\s+|an?\s+|its\s+)?(?:{name}(?:'s)?\s+)?(?:stars?|asterisks?|marks?|daggers?|affiliation))"
    hasnt = rf"(?:(?:does|do)(?:\s+not|n't)(?:\s+(?:have|carry|bear)(?:\s+(?:one|it|that|{noun}))?)?|" \
            rf"(?:has|have)\s+(?:no|none)(?:\s+{noun})?|lacks?\s+{noun}|(?:has|have)\s*n[o']t(?:\s+(?:one|got\s+one|{noun}))?|" \
            rf"(?:is|are)\s+(?:not\s+|un)(?:starred|marked)(?!\s+(?:as|with)\b))"  # '… marked as Amii': plan_marks.positions
    marked = rf"(?:(?:both\s+|all\s+)?{_HAS}\s+{noun}|(?:is|are)\s+(?:both\s+)?(?:starred|marked|asterisked)(?!\s+(?:as|with)\b))"
    places = "|".join(_INDEX)
    found = []
    for m in q.take(rf"\b(?:but\s+|while\s+|and\s+)?(?:the\s+|its\s+|their\s+|an?\s+)?(?P<p>{places})\s+(?:(?:co-?)?author|name)s?\s+"
                    rf"(?:(?:who|that)\s+)?(?:(?P<neg>{hasnt})|{marked})"):
        found.append(_marked_at(institute, _INDEX[m["p"].casefold()], m["p"].casefold(), not m["neg"]))
    for m in q.take(rf"\b(?:the\s+|its\s+)?first\s+(?P<n>two|three|2|3)\s+(?:(?:co-?)?authors|names)\s+(?:(?P<neg>{hasnt})|{marked})"):
        for k in range({"two": 2, "2": 2, "three": 3, "3": 3}[m["n"].casefold()]):
            found.append(_marked_at(institute, k, ("first", "second", "third")[k], not m["neg"]))
    for m in q.take(rf"\b(?P<v>ends?|ending|closes?|closing|finish(?:es|ing)?|starts?|starting|begins?|beginning|opens?|opening)\s+"
                    rf"with\s+(?:an?\s+|the\s+)?(?:(?:co-?)?author|name|person)\s+(?:who|that|whose\s+name)\s+"
                    rf"(?:(?P<neg>{hasnt})|{marked})"):
        last = m["v"].casefold().startswith(("end", "clos", "finish"))
        found.append(_marked_at(institute, -1 if last else 0, "last" if last else "first", not m["neg"]))
    return found


def _marked_at(institute: str, k: int, which: str, marked: bool) -> Condition:
    """The author at index `k` (-1: the last, on a complete list only) carries the legend's mark `institute`, or, on a
    page whose legend marks it, is printed there and does not."""
    def holds(p: Paper) -> bool | None:
        if not p.authors or (k < 0 and p.authors_truncated) or k >= len(p.authors):
            return None
        return p.authors[k].affiliation == institute
    if marked:
        return Condition("affiliation", institute, f"affiliation: {institute} ({which} author)", lambda p: holds(p) is True)
    return Condition("affiliation", f"not {institute}", f"affiliation: not {institute} ({which} author)",
                     lambda p: holds(p) is False and any(s.format == "institute" for s in p.sources))
