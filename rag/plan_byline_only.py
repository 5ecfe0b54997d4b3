"""The legend's mark said of an exact set of byline places (issue 11): 'the ONLY starred names are the final two
authors', 'the Amii star on its first and last author only', 'only the first and last authors are asterisked', 'the
last two are the only marked ones'; a marked author somewhere in the middle ('an Amii-starred author sits somewhere in
the middle of the byline, i.e. neither first nor last'); and nobody marked there ('with nobody starred in between').

A place phrase is read once, by one grammar, into rag/plan_byline.Places records (one ordinal, 'X and Y', the first
or last k, the middle), and 'only' turns the places into an exact set: every name at them carries the mark and no
other name does. An exact set and the middle are known only on a list printed complete (no 'et al.'), and only the
page whose legend prints the mark says anything of an unmarked name. rag/plan_byline.py reads the other clauses; this
runs before it and takes its words."""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.plan_byline import ONE_PLACE, Places, place_of
from rag.plan_terms import Condition, Question
from rag.records import Paper

_K = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}
_PEOPLE = r"(?:(?:co-?)?authors?|names?|people|persons?|ones?|researchers?|spots?|places?|positions?)"
_ARTICLE = r"(?:the\s+|its\s+|their\s+)?"
# 'in the middle (of the byline)', 'somewhere in between', 'between the first and last', with a gloss said after it
_GLOSS = r"(?:\s*[,(]?\s*(?:i\.?\s*e\.?,?|that\s+is,?|meaning|so)?\s*(?:neither|not)\s+(?:the\s+)?first,?\s+(?:and\s+|nor\s+|or\s+)?" \
         r"(?:not\s+)?(?:the\s+)?last\s*\)?)?"
MIDDLE = rf"(?:somewhere\s+)?(?:in\s+the\s+middle(?:\s+of\s+{_ARTICLE}(?:byline|author\s+(?:list|line)|list|names))?|" \
         rf"in\s+between|between\s+the\s+first\s+and\s+(?:the\s+)?last(?:\s+authors?)?){_GLOSS}"
# a place phrase: 'the final two authors', 'its first and last author', 'the second', 'the middle'
_ENDS = rf"(?P<end>first|last|final|top|bottom|closing|opening)\s+(?P<k>two|three|four|[234])"
_PAIR = rf"(?P<a>{ONE_PLACE})(?:\s+and\s+{_ARTICLE}(?P<b>{ONE_PLACE}))?"
PLACES = rf"{_ARTICLE}(?:{_ENDS}|{_PAIR})(?:[\s-]+(?:listed\s+)?{_PEOPLE})?"


def _places(m: re.Match) -> list[Places]:
    """The places a PLACES match names."""
    if m["end"]:
        k = _K[m["k"].casefold()]
        ends = k if m["end"].casefold() in ("first", "top", "opening") else -k
        return [Places(f"{'first' if ends > 0 else 'last'} {k}", ends=ends)]
    return [place_of(w) for w in (m["a"], m["b"]) if w]


def _on_legend(paper: Paper) -> bool:
    return bool(paper.authors) and any(s.format == "institute" for s in paper.sources)


def _exactly(places: list[Places], institute: str):
    """Every name at `places` carries the mark and no other name does (a complete list on the legend's page)."""
    def holds(paper: Paper) -> bool:
        if not _on_legend(paper) or paper.authors_truncated:
            return False
        at: set[int] = set()
        for p in places:
            found = p.of(paper)
            if not found:
                return False
            at |= set(found)
        return {i for i, a in enumerate(paper.authors) if a.affiliation == institute} == at
    label = " and ".join(p.label for p in places)
    return Condition("affiliation", f"only {institute}", f"affiliation: {institute} only on the {label} author"
                     f"{'s' if len(places) > 1 or places[0].index is None else ''}", holds)


def _middle(institute: str, marked: bool) -> Condition:
    """Some name in the middle carries the mark (`marked`), or none does; the ends are not asked."""
    def holds(paper: Paper) -> bool:
        if not _on_legend(paper) or paper.authors_truncated or len(paper.authors) < 3:
            return False
        inner = [a.affiliation == institute for a in paper.authors[1:-1]]
        return any(inner) if marked else not any(inner)
    said = "some" if marked else "no"
    return Condition("affiliation", institute if marked else f"not {institute}",
                     f"affiliation: {said} {institute}-marked author in the middle", holds)


def _others(places: list[Places], institute: str, marked: bool, side: str = "", excepted: bool = False) -> Condition:
    """Every name NOT at `places` carries the mark (`marked`) or none does: 'every author except the last is starred',
    'an unstarred first author but everyone else starred'; `side` 'after' / 'before' keeps only the names past (or
    before) the places ('everyone after the first author'); `excepted`: the places themselves the other way ('every
    author EXCEPT the last is starred': the last is not). A complete list on the legend's page."""
    def holds(paper: Paper) -> bool:
        if not _on_legend(paper) or paper.authors_truncated:
            return False
        at: set[int] = set()
        for p in places:
            if not (found := p.of(paper)):
                return False
            at |= set(found)
        rest = [i for i in range(len(paper.authors)) if i not in at and
                (side != "after" or i > max(at)) and (side != "before" or i < min(at))]
        return bool(rest) and all((paper.authors[i].affiliation == institute) == marked for i in rest) and \
            not (excepted and any((paper.authors[i].affiliation == institute) == marked for i in at))
    label = " and ".join(p.label for p in places)
    said = f"everyone {side} the {label}" if side else f"every author but the {label}"
    mark = f"{'' if marked else 'not '}{institute}-marked"
    return Condition("affiliation", institute if marked else f"not {institute}",
                     f"affiliation: {said} {mark}" + (f", the {label} not" if excepted else ""), holds)


def exact_marks(q: Question, catalog: Catalog) -> list[Condition]:
    """A condition per clause the question says of a legend institute's mark over an exact set of places or the
    middle of the byline (the words taken)."""
    found: list[Condition] = []
    for institute in sorted(catalog.institutes):
        name = re.escape(institute)
        starred = rf"(?:{name}[- ]?)?(?:starred|asterisked|marked|flagged)(?!\s+(?:as|with|by)\b)|{name}[- ]affiliated"
        sign = rf"(?:the\s+|an?\s+)?(?:{name}(?:'s)?\s+)?(?:stars?|asterisks?|marks?|markers?)"
        verb = r"(?:are|is|were|was|being|sit|sits|sitting|come|comes|stand|stands|appear|appears|fall|falls)"
        has = r"(?:ha(?:s|ve|ving)|carr(?:y|ies|ying)|bear(?:s|ing)?|with|puts?|gives?)"
        on = r"(?:on|by|beside|next\s+to|for)"
        only = [  # the exact set, said four ways: said five ways
            rf"\b(?:the\s+|their\s+|its\s+)?only\s+(?:{starred})\s+{_PEOPLE}\s+{verb}\s+{PLACES}",
            rf"\b{PLACES}\s+(?:are|is|were|was|being)\s+the\s+only\s+(?:{starred})(?:\s+{_PEOPLE})?",
            rf"\bonly\s+{PLACES}\s+(?:are|is|were|was|being|get|gets|carry|carries|have|has)\s+(?:{starred}|{sign})",
            rf"\b{has}\s+{sign}\s+(?:{on}\s+only|only\s+{on})\s+{PLACES}", rf"\b{has}\s+{sign}\s+{on}\s+{PLACES}\s+only\b",
            rf"\b(?:nobody|no\s+one|no-one|none)\s+(?:but|except|other\s+than|apart\s+from|besides)\s+{PLACES}\s+{verb}\s+"
            rf"(?:{starred})",  # 'nobody but the first author is starred'
        ]
        for pattern in only:
            found += [_exactly(_places(m), institute) for m in q.take(pattern)]
        found += _complements(q, starred, name)
        # 'with nobody starred in between', 'no one in the middle is starred', 'no starred author in between'
        if q.take(rf"\b(?:with\s+|and\s+)?(?:nobody|no\s+one|no-one|none|no\s+(?:{starred})\s+(?:author|name|person)s?)\s+"
                  rf"(?:(?:{starred})\s+{MIDDLE}|{MIDDLE}(?:\s+(?:is|being|was)\s+(?:{starred}))?)"):
            found.append(_middle(institute, False))
        # 'an Amii-starred author sits somewhere in the middle of the byline', 'a starred name in between'
        # ('the only starred authors are in the middle' says the ends too: rag/plan_byline.py reads it)
        if q.take(rf"(?<![\w-])(?<!only\s)(?:an?\s+|some\s+|any\s+|at\s+least\s+one\s+)?(?<!only\s)(?:{starred})\s+(?:co-?)?(?:author|name|person)s?\s+"
                  rf"(?:(?:who|that)\s+)?(?:{verb}\s+)?{MIDDLE}"):
            found.append(_middle(institute, True))
    return found


_EXCEPT = r"(?:except(?:\s+for)?|but|other\s+than|apart\s+from|besides|save\s+for)"
_EVERYONE = r"(?:every(?:one|body)|all\s+(?:(?:the|its|their)\s+)?(?:other\s+)?(?:authors|names)|every\s+(?:other\s+)?" \
            r"(?:co-?)?(?:author|name))"
_REST = r"(?:every\s+other\s+(?:co-?)?(?:author|name)|every(?:one|body)\s+else|all\s+(?:the\s+)?(?:others|rest)|" \
        r"the\s+(?:rest|others|other\s+(?:authors|names)))"


def _complements(q: Question, starred: str, name: str) -> list[Condition]:
    """'every author except the last is starred', 'everyone after the first author is starred', '… an unstarred first
    author but every other author starred' (the places of the clause before): the names outside the places said."""
    institute = name.replace("\\", "")
    mark = rf"(?:(?:is|are|being)\s+)?(?:(?P<un>un|not\s+|non-?)?(?:{starred}))"
    found = []
    for m in q.take(rf"\b{_EVERYONE}\s+{_EXCEPT}\s+{PLACES}\s+{mark}"):
        found.append(_others(_places(m), institute, not m["un"], excepted=True))
    for m in q.take(rf"\bevery(?:one|body)\s+(?P<side>after|following|below|before|above)\s+{PLACES}\s+{mark}"):
        side = "before" if m["side"].casefold() in ("before", "above") else "after"
        found.append(_others(_places(m), institute, not m["un"], side))
    for m in list(rx.finditer(rf"\b{_REST}\s+{mark}", q.text, re.I)):
        said = list(rx.finditer(PLACES, q.folded[:m.start()], re.I))  # the places of the clause before
        if said:
            q.blank(m.start(), m.end())
            found.append(_others(_places(said[-1]), institute, not m["un"]))
    return found

