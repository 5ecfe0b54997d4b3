"""The legend's mark over a byline as one quantified predicate (issue 11): 'every single author marked with the Amii
asterisk', 'nobody marked with the Amii asterisk', 'an Amii asterisk somewhere in the byline but NOT on the last
author', 'whose final author does NOT have the Amii star', 'the author exactly in the middle of the byline has the
asterisk', 'exactly two Amii-starred authors who are NOT next to each other'.

A byline is an ordered list of people, some carrying the legend's mark. A clause says of it one predicate with three
typed parts: WHO (a quantifier over the whole byline — every, both, no, some, exactly k — or one place: the centre of
an odd byline, or an ordinal denied after the mark), WHETHER (the mark present or, with a negation anywhere in the
verb phrase, absent) and, for a count, HOW the marked names stand (next to each other or not). The words for the mark and its verbs are few and shared by every
form; the parts are read where they stand in the sentence: the subject-first form ('every author is starred'), the
mark-first form ('an asterisk somewhere in the byline') and the negated place after it ('but NOT on the last author').
A place said as the subject ('whose last author is starred') is rag/plan_byline.py's, which composes it with others;
a place said after the predicate ('nobody starred in between') is rag/plan_byline_only.py's.

Like rag/plan_byline.py, only the page whose legend prints the mark says anything of an unmarked name, and every
quantifier but 'some' needs the list printed complete (no 'et al.'). This reader runs before the older mark readers
and takes its words, so 'every single author' is not a count of one author and 'nobody marked' is not 'no authors'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.catalog import Catalog
from rag.plan_byline import ON_BYLINE, ONE_PLACE, Places, place_of
from rag.plan_terms import Condition, Question, _number
from rag.records import Paper

_PEOPLE = r"(?:(?:co-?)?(?:authors?|athors?|auhtors?)|names?|people|persons?|researchers?|contributors?)"
_BYLINE_NOUN = r"(?:byline|author\s+(?:list|line)|list\s+of\s+authors|names)"
_COPULA = r"(?:is|are|was|were|being|be|gets?|getting|got)"
_HAS = r"(?:ha(?:s|ve|ving)|carr(?:y|ies|ying)|bears?|bearing|wears?|wearing|gets?|getting|shows?|showing|with)"


@dataclass(frozen=True)
class Quantity:
    """How many of the names at the places must satisfy the predicate: 'every', 'none', 'some', 'exactly' k."""
    kind: str
    k: int = 0

    def holds(self, hits: int, total: int) -> bool:
        if self.kind == "every":
            return total > 0 and hits == total
        if self.kind == "none":
            return total > 0 and hits == 0
        if self.kind == "some":
            return hits > 0
        return hits == self.k

    @property
    def label(self) -> str:
        return {"every": "every author", "none": "no author", "some": "some author"}.get(self.kind, f"exactly {self.k} authors")


@dataclass(frozen=True)
class MarkPredicate:
    """`quantity` of the names at `places` (None: the whole byline; `centre`: the one name in the middle of an odd
    byline) carry the mark (`marked`) or lack it; `apart`: no two of the marked names stand next to each other."""
    quantity: Quantity
    marked: bool = True
    places: Places | None = None
    centre: bool = False
    apart: bool = False

    def positions(self, paper: Paper) -> list[int] | None:
        n = len(paper.authors)
        if self.centre:
            return None if paper.authors_truncated else ([n // 2] if n % 2 else [])
        if self.places is not None:
            return self.places.of(paper)
        return None if paper.authors_truncated and self.quantity.kind != "some" else list(range(n))

    def holds(self, paper: Paper, institute: str) -> bool:
        if not paper.authors or not any(s.format == "institute" for s in paper.sources):
            return False  # only the legend's page marks its people; elsewhere an unmarked name says nothing
        at = self.positions(paper)
        if not at:
            return False
        hits = [i for i in at if (paper.authors[i].affiliation == institute) == self.marked]
        if self.apart and any(b - a == 1 for a, b in zip(hits, hits[1:])):
            return False
        return self.quantity.holds(len(hits), len(at))

    def condition(self, institute: str) -> Condition:
        who = "the middle author of an odd byline" if self.centre else \
            f"the {self.places.label} author" if self.places is not None else "authors"
        mark = f"{'' if self.marked else 'not '}{institute}-marked"
        label = f"affiliation: {self.quantity.label} {mark}" if self.places is None and not self.centre else \
            f"affiliation: {who} {mark}"
        label += ", none next to each other" if self.apart else ""
        return Condition("affiliation", institute if self.marked else f"not {institute}", label,
                         lambda p, i=institute: self.holds(p, i))


def _words(name: str, only: bool) -> tuple[str, str, str]:
    """(sign, present, absent): the mark as a noun, the verb phrases saying a name carries it, and lacks it."""
    # unnamed, only the legend's glyph is its mark: 'an equal-contribution mark', 'a dagger symbol' are a PDF's
    named = rf"{name}(?:'s)?[\s-]+(?:stars?|asterisks?|marks?|markers?|symbols?)"
    sign = rf"(?:(?:the|an?|its|their)\s+)?{named}|(?:the|an?|its|their)\s+(?:stars?|asterisks?)|" \
           rf"(?<![\w-]\s)(?<![\w-])(?:stars?|asterisks?)" if only else \
        rf"(?:(?:the|an?|its|their)\s+)?{named}"
    sign = rf"(?:{sign})"
    # 'marked (as) Amii' names the mark by its institute: the name is the mark's, not a second affiliation condition
    # (left to the value readers, 'no author marked Amii' had also required an Amii author: no paper)
    by_name = rf"\s+(?:as\s+)?(?:an?\s+)?{name}\b(?![\w'-])"
    word = rf"(?:(?:{name}[\s-])?(?:starred|asterisked|marked|flagged|tagged)(?:\s+(?:with|by)\s+{sign}|{by_name}|(?!\s+as\b)))" \
        if only else rf"(?:{name}[\s-](?:starred|asterisked|marked|flagged|tagged)|(?:starred|asterisked|marked|flagged|tagged)" \
        rf"(?:\s+(?:with|by)\s+{sign}|{by_name}))"
    present = rf"(?:{_COPULA}\s+)?{word}|{_HAS}\s+{sign}"
    absent = rf"(?:is|are|was|were)\s*(?:not|n't)\s+(?:{word}|{_HAS}\s+{sign})|" \
             rf"(?:does|do|did)\s*(?:not|n't)\s+(?:have|carry|bear|get|wear|show)\s+{sign}|" \
             rf"(?:lacks?|lacking|missing|without|with\s+no|ha(?:s|ve)\s+no)\s+{sign}|" \
             rf"(?:{_COPULA}\s+)?(?:un|non-?)(?:starred|asterisked|marked)"
    return sign, present, absent


def _quantity(m: re.Match) -> Quantity:
    if m["every"]:
        return Quantity("every")
    if m["none"]:
        return Quantity("none")
    if m["some"]:
        return Quantity("some")
    return Quantity("exactly", _number(m["k"]))


# who the predicate is said of: a quantifier over the byline's people, or one place on it
_EVERY = rf"(?P<every>(?:every|each|all|both)(?:\s+(?:single|one))?(?:\s+of)?(?:\s+(?:its|their|the))?\s+{_PEOPLE})"
_NONE = rf"(?P<none>nobody|no[- ]one|none\s+of\s+(?:the|its|their)\s+{_PEOPLE}|no\s+(?:single\s+)?{_PEOPLE}|" \
        rf"not\s+(?:a\s+single|one)(?:\s+of\s+(?:the|its|their))?\s+{_PEOPLE})"
_SOME = rf"(?P<some>(?:some|any|at\s+least\s+one|one\s+or\s+more)\s+{_PEOPLE})"
_CENTRE = rf"(?P<centre>(?:the|its|their)\s+(?:{_PEOPLE}\s+(?:who\s+is\s+|that\s+is\s+|sitting\s+|standing\s+)?" \
          rf"(?:exactly|right|dead|precisely)\s+in\s+the\s+(?:middle|centre|center)(?:\s+of\s+(?:the|its|their)\s+" \
          rf"{_BYLINE_NOUN})?|(?:exact|very)\s+(?:middle|centre|center)\s+{_PEOPLE}))"
_SUBJECT = rf"\b(?:{_EVERY}|{_NONE}|{_SOME}|{_CENTRE}){ON_BYLINE}\s+(?:(?:who|that)\s+)?"
# a place said after the predicate narrows the people it was said of ('nobody starred in between', 'anyone marked
# after the first'): rag/plan_byline_only.py and rag/plan_byline.py read those
_NARROWED = r"(?!\s+(?:somewhere\s+)?(?:in\s+(?:between|the\s+middle)|between|after|before|later|further|farther|lower|among|" \
            r"except|other\s+than|apart|besides|save|bar|but)\b)"
# the marked names counted, and how they stand: 'exactly two Amii-starred authors who are NOT next to each other'
_APART = r"(?:,\s*)?\s+(?:(?:who|that|which)\s+)?(?:are|sit|stand|appear)\s+(?P<not>not\s+|never\s+)?(?:next\s+to\s+each\s+" \
         r"other|adjacent(?:\s+to\s+each\s+other)?|side\s+by\s+side|consecutive)(?:\s+(?:in|on)\s+(?:the|its|their)\s+" \
         r"(?:byline|author\s+(?:list|line)))?"


def mark_predicates(q: Question, catalog: Catalog) -> list[Condition]:
    """A condition per clause that says the legend's mark of a quantified set of a byline's names or of one place
    (the words taken)."""
    found: list[Condition] = []
    if rx.search(r"\b(?:pdfs?|uploaded|uploads|files|documents)\b", q.text, re.I):
        return found  # a PDF's byline prints its own symbols (rag/plan_mark_symbols.py), no legend's mark
    only = len(catalog.institutes) == 1
    for institute in sorted(catalog.institutes):
        name = re.escape(institute)
        sign, present, absent = _words(name, only)
        # 'exactly two Amii-starred authors who are not next to each other'
        counted = rf"\b(?:exactly|only|just|precisely)\s+(?P<k>two|three|four|[2-6])\s+(?:{name}[\s-])?(?:starred|" \
                  rf"asterisked|marked)\s+{_PEOPLE}{_APART}"
        # the people left out after the count: 'seven authors but only one with the Amii asterisk'
        counted += rf"|\b(?:exactly|only|just|precisely)\s+(?P<k2>one|two|three|four|[1-6])\s+(?:of\s+(?:them|those)\s+)?" \
                   rf"(?:with|carrying|bearing|having|ha(?:s|ve))\s+{sign}\b"
        for m in q.take(counted):
            if m["k2"]:
                found.append(MarkPredicate(Quantity("exactly", _number(m["k2"])))
                             .condition(institute))
                continue
            k = _number(m["k"])
            if m["not"]:
                found.append(MarkPredicate(Quantity("exactly", k), apart=True).condition(institute))
            else:  # 'two starred authors next to each other': the marked names in one run
                found.append(_together(k, institute))
        # all but k: 'all authors are starred but one', 'every name except two has the star'
        but = r"(?:but|except(?:\s+for)?|save(?:\s+for)?|bar)\s+(?P<k>one|two|three|[1-3])\b"
        for m in q.take(rf"\b(?:every|all)(?:\s+(?:the|its|their))?\s+{_PEOPLE}\s+(?:{but}\s+)?(?:(?P<absent>{absent})|"
                        rf"(?P<present>{present}))(?(k)|\s+{but.replace('P<k>', 'P<k2>')})"):
            k = m["k"] or m["k2"]
            found.append(MarkPredicate(Quantity("exactly", _number(k)), bool(m["absent"]))
                         .condition(institute))
        # nobody but one place: 'no author with the star except the last one' = that name alone carries it
        for m in q.take(rf"\b{_NONE}\s+(?:(?P<absent>{absent})|(?P<present>{present}))\s+(?:except|but|other\s+than|apart\s+from|"
                        rf"save|bar)(?:\s+for)?\s+(?:the|its)\s+(?P<place>{ONE_PLACE})(?:[\s-]+(?:one|{_PEOPLE}))?\b"):
            marked = not m["absent"]
            found += [MarkPredicate(Quantity("every"), marked, place_of(m["place"])).condition(institute),
                      MarkPredicate(Quantity("exactly", 1), marked).condition(institute)]
        for m in q.take(rf"{_SUBJECT}(?:(?P<absent>{absent})|(?P<present>{present}))\b{_NARROWED}"):
            quantity = Quantity("every") if m["centre"] else _quantity(m)
            found.append(MarkPredicate(quantity, not m["absent"], centre=bool(m["centre"])).condition(institute))
        # the mark first: 'an Amii asterisk somewhere in the byline', '… but NOT on the last author'
        somewhere = rf"\b{sign}\s+(?:(?:is|are)\s+)?(?:somewhere\s+)?(?:in|on|among)\s+(?:the|its|their)\s+{_BYLINE_NOUN}"
        but_not = rf"(?:,\s*)?\s+(?:but|though|yet|and)\s+(?:not|never)\s+(?:on|for|by|beside|next\s+to)\s+(?:the|its|their)\s+" \
                  rf"(?P<place>{ONE_PLACE})(?:[\s-]+{_PEOPLE})?"
        for m in q.take(rf"{somewhere}(?:{but_not})?"):
            found.append(MarkPredicate(Quantity("some")).condition(institute))
            if m["place"]:
                found.append(MarkPredicate(Quantity("every"), False, place_of(m["place"])).condition(institute))
        # the byline itself said to have the mark or not: 'whose author line has no asterisk (anywhere)', 'a byline
        # without the Amii star', 'no star anywhere on the byline'
        for m in q.take(_byline_has(name, only)):
            found.append(MarkPredicate(Quantity("some" if m["present"] else "none")).condition(institute))
        if found or rx.search(rf"{sign}|{present}", q.text, re.I):
            # '… only one with the asterisk. Who, and in which position?': the marked names' places, which the
            # affiliation's record prints with each name (rag/catalog_values.py)
            q.take(r"(?:,\s*)?\b(?:and\s+)?(?:in\s+|at\s+)?(?:which|what)\s+(?:position|place|spot|slot|author\s+number)"
                   r"(?:\s+(?:on|in)\s+(?:the|its)\s+byline)?(?:\s+(?:is|are)\s+(?:he|she|they|it))?(?=\s*[?.!]|\s*$)")
    return found


def _byline_has(name: str, only: bool) -> str:
    """The byline as the subject or the place of the mark: 'whose author line has no asterisk anywhere', 'the byline
    doesn't carry an Amii star', 'a byline with a star', 'no Amii asterisk anywhere in the author list' (the positive
    mark-first form is `somewhere` above). Group 'present': some name carries it; else none does."""
    glyph = rf"(?:{name}(?:'s)?[\s-]+(?:stars?|asterisks?|marks?|markers?|symbols?){'|stars?|asterisks?' if only else ''})"
    verb = r"(?:ha(?:s|ve|d)|carr(?:y|ies)|shows?|contains?|includes?|bears?|features?)"
    some = r"(?:(?:an?|any|some|at\s+least\s+one|one\s+or\s+more)\s+)?"
    absent = rf"{verb}\s+no\s+(?:single\s+)?{glyph}|(?:does|do|did)\s*(?:not|n't)\s+{verb}\s+{some}{glyph}|" \
             rf"(?:lacks?|lacking|is\s+without|is\s+free\s+of|with\s+no|without)\s+{some}{glyph}"
    anywhere = r"(?:\s+(?:anywhere|somewhere)(?:\s+(?:on|in)\s+it)?)?"
    subject = rf"(?:\b(?:whose|its|their|the|an?)|(?<=\w)'s)\s+{_BYLINE_NOUN}\s+(?:{absent}|(?P<present>(?:{verb}|with)\s+{some}{glyph})){anywhere}"
    mark_first = rf"\b(?:no|without(?:\s+an?|\s+any)?)\s+{glyph}\s+(?:anywhere\s+|somewhere\s+)?(?:in|on|among)\s+" \
                 rf"(?:the|its|their)\s+{_BYLINE_NOUN}"
    return rf"{subject}|{mark_first}"


def _together(k: int, institute: str) -> Condition:
    """Exactly `k` marked names, standing in one run."""
    def holds(paper: Paper) -> bool:
        if not MarkPredicate(Quantity("exactly", k)).holds(paper, institute):
            return False
        at = [i for i, a in enumerate(paper.authors) if a.affiliation == institute]
        return at[-1] - at[0] == k - 1
    return Condition("affiliation", institute, f"affiliation: exactly {k} {institute}-marked authors, next to each other",
                     holds)


# a byline's length by its parity: 'an odd number of authors', 'an even-length byline', 'odd author count'
_PARITY = rf"\b(?:an?\s+)?(?P<parity>odd|even)(?:\s+number\s+of\s+{_PEOPLE}|[\s-]+(?:length|sized)\s+{_BYLINE_NOUN}|\s+author\s+count)" \
          rf"(?:\s+(?:on|in)\s+(?:the|its|their)\s+{_BYLINE_NOUN})?"


def byline_parity(q: Question) -> list[Condition]:
    """'papers with an odd number of authors': the printed list's length odd or even (complete lists only)."""
    found = []
    for m in q.take(_PARITY):
        odd = m["parity"].casefold() == "odd"
        found.append(Condition("author_count", m["parity"].casefold(), f"authors: an {'odd' if odd else 'even'} number",
                               lambda p, odd=odd: bool(p.authors) and not p.authors_truncated and
                               len(p.authors) % 2 == (1 if odd else 0)))
    return found
