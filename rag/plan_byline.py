"""The legend's mark said of places in a byline, composed (issue 11): 'the last two authors both have the Amii star but
the first doesn't', 'neither the first nor the last author is starred', 'the second-to-last author is Amii-starred',
'the first author is starred AND at least one author in the middle is starred too', 'an unstarred first author even
though somebody further down the byline is starred', 'whose last author is starred but whose first author isn't'.

A byline is a sequence of people; a place names a set of its positions (one ordinal, the first or last two, the middle
= neither first nor last, everyone after the first), a quantifier says how many of that set must carry the mark (all,
some, none: 'both', 'at least one', 'neither … nor'), and the predicate says marked or not. Each clause is one
condition; clauses joined by 'and' / 'but' compose as the conditions do. A clause that only says 'but the first author
isn't' takes the mark from the clause before it (ellipsis). rag/plan_marks.py and rag/plan_marked.py read the simpler
forms (one place said with 'Amii-affiliated', 'first and last'); this reader runs before them and takes its words.

Only the page whose legend prints the mark says anything of an unmarked name, and a place counted from the end (or
'the middle') is known only on a list printed complete (no 'et al.')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.catalog import Catalog
from rag.plan_position import PLACE_WORDS, ordinal
from rag.plan_terms import Condition, Question
from rag.records import Paper

# One place of the byline, 0-based from the front, negative from the end.
_ONE = {"first": 0, "1st": 0, "lead": 0, "leading": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3,
        "4th": 3, "fifth": 4, "5th": 4, "last": -1, "final": -1, "senior": -1, "closing": -1, "penultimate": -2,
        "second-to-last": -2, "next-to-last": -2, "second-last": -2, "one-before-last": -2}
# a place said by its number: 'slot 2', 'position #3', 'spot no. 4' (1-based, as a reader counts)
_NUMBERED = r"(?:slot|position|spot)\s*(?:no\.?\s*|number\s*|#\s*)?\d{1,2}\b"
ONE_PLACE = _NUMBERED + r"|(?:second|next|one)[- ](?:to|before)[- ](?:the[- ])?last|second[- ]last|penultimate|first|1st|lead(?:ing)?|" \
            r"second|2nd|third|3rd|fourth|4th|fifth|5th|last|final|senior|closing|" + PLACE_WORDS  # '7th', 'twelfth' too
_TWO = {"two": 2, "2": 2, "three": 3, "3": 3}
_PERSON = r"(?:(?:co-?)?(?:authors?|athors?|auhtors?|autors?)|names?|persons?|people|ones?|researchers?|spots?|places?|positions?)"
ON_BYLINE = r"(?:\s+(?:of|on|in)\s+(?:the|its|their|that)\s+(?:byline|author\s+(?:list|line)|list(?:\s+of\s+authors)?|names))?"
# 'end with a starred last author', 'close with an unstarred last author': the verb says the place the ordinal says
ENDS_WITH = r"(?:(?:end|start|begin|open|close|finish)(?:e?s|ed|ing)?\s+with\s+)?"
_THE = r"(?:(?:both|all|each)\s+(?:of\s+)?)?(?:whose\s+|where\s+(?:the\s+|its\s+)?|the\s+|its\s+|their\s+|an?\s+)?"


@dataclass(frozen=True)
class Places:
    """A set of byline positions: `index` one place; `ends` the first (+n) or last (-n) n places; `middle` every place
    but the first and the last; `after_first` every place but the first; `before_last` every place but the last."""
    label: str
    index: int | None = None
    ends: int = 0
    middle: bool = False
    after_first: bool = False
    before_last: bool = False

    def of(self, paper: Paper) -> list[int] | None:
        """The positions on this paper's printed list; None when the page does not say (cut with 'et al.')."""
        n, cut = len(paper.authors), paper.authors_truncated
        if self.index is not None:
            if self.index >= 0:
                return [self.index] if self.index < n else (None if cut else [])
            return None if cut else ([n + self.index] if n >= -self.index else [])
        if self.ends:
            want = list(range(self.ends)) if self.ends > 0 else list(range(n + self.ends, n))
            if cut and (self.ends < 0 or self.ends > n):
                return None
            return want if all(0 <= i < n for i in want) else []
        if cut:
            return None
        if self.before_last:
            return list(range(0, n - 1))
        return list(range(1, n - 1)) if self.middle else list(range(1, n))


def place_of(word: str) -> Places:
    if rx.fullmatch(_NUMBERED, word, re.I):
        n = int(rx.search(r"\d+", word)[0])
        return Places(f"#{n}", index=n - 1)
    key = rx.sub(r"[\s-]+", "-", word.casefold()).replace("-the-", "-")
    key = {"one-to-last": "second-to-last", "one-before-last": "second-to-last",
           "second-before-last": "second-to-last"}.get(key, key)
    index = _ONE[key] if key in _ONE else ordinal(key)
    assert index is not None, word  # ONE_PLACE is built from the same words
    return Places(key.replace("-", " ") if key != "second-to-last" else "second-to-last", index=index)


@dataclass(frozen=True)
class Clause:
    places: Places
    quantifier: str  # 'all', 'some' or 'none' of the places
    marked: bool  # what the quantifier says of them: carrying the mark, or not


def _holds(paper: Paper, clause: Clause, institute: str) -> bool:
    if not paper.authors or not any(s.format == "institute" for s in paper.sources):
        return False  # only the legend's page marks its people; elsewhere an unmarked name says nothing
    at = clause.places.of(paper)
    if at is None:
        # 'someone after the first is starred' is proved by the printed names even on a cut list
        if clause.quantifier == "some" and clause.marked and clause.places.after_first:
            at = list(range(1, len(paper.authors)))
        else:
            return False
    said = [(paper.authors[i].affiliation == institute) == clause.marked for i in at]
    if clause.quantifier == "all":
        return bool(said) and all(said)
    if clause.quantifier == "some":
        return any(said)
    return bool(at) and not any(said)


def _condition(clause: Clause, institute: str) -> Condition:
    what = {"all": "", "some": "some of ", "none": "none of "}[clause.quantifier]
    negated = not clause.marked if clause.quantifier != "none" else clause.marked
    if clause.quantifier == "none" and clause.places.index is not None:
        what = ""  # 'neither the first nor …': the first author not marked
    mark = f"not {institute}" if negated else institute
    return Condition("affiliation", mark, f"affiliation: {mark} ({what}{clause.places.label} author"
                     f"{'s' if clause.places.index is None else ''})",
                     lambda p, c=clause, i=institute: _holds(p, c, i))


def _patterns(name: str) -> tuple[str, str, str]:
    """The predicate said marked, said unmarked, and said unmarked by ellipsis ('… but the first isn't')."""
    star = rf"(?:the\s+|an?\s+|its\s+|their\s+)?(?:{name}(?:'s)?\s+)?(?:stars?|asterisks?|marks?|{name}\s+affiliation)"
    starred = rf"(?:{name}[- ]?)?(?:starred|asterisked|marked|flagged)(?!\s+(?:as(?!\s+well)|with|by)\b)"
    # 'is marked with the asterisk': the mark as the participle's object
    marked = rf"(?:(?:is|are|was|were|being)\s+(?:both\s+|all\s+|also\s+)?(?:{starred}|(?:an?\s+)?{name}(?:[- ]affiliated)?" \
             rf"(?:\s+(?:authors?|people|persons?|researchers?|members?))?\b|(?:marked|affiliated)\s+(?:with|as)\s+{name})|" \
             rf"(?:(?:is|are|was|were|being)\s+)?(?:marked|flagged|tagged)\s+(?:with|by)\s+{star}|" \
             rf"(?:both\s+|all\s+|also\s+)?(?:ha(?:s|ve|ving)|carr(?:y|ies|ying)|bear(?:s|ing)?|gets?|wear(?:s|ing)?|with)\s+{star}|" \
             rf"(?<!\bnot\s)(?:(?:both|all|each)\s+)?{starred})" \
             rf"(?:\s+(?:too|as\s+well|also))?"  # the mark after 'both' alone: 'are the last two authors both starred'
    unmarked = rf"(?:(?:is|are|was|were)(?:n't|\s+not)\s+(?:{starred}|(?:an?\s+)?{name}\b)|(?:(?:is|are)\s+)?(?:(?:both|all|each)\s+)?" \
               rf"un(?:starred|marked)|" \
               rf"not\s+{starred}|without\s+{star}|" \
               rf"(?:does|do)(?:n't|\s+not)\s+(?:have|carry|bear|get)\s+(?:{star}|one|it)|lacks?\s+{star}|" \
               rf"(?:has|have)\s+no\s+{star}|(?:has|have)n't\s+(?:got\s+)?{star})"
    # the verb alone ('isn't', 'is', 'does not', bare 'not'), with 'too' / 'either' when it says the same again
    elided = r"(?:(?P<neg>(?:is|are|was|does|do|has)(?:n't|\s+not)(?:\s+(?:have|carry)\s+(?:it|one))?|not)|is|are|does|do|has)" \
             r"(?P<same>\s+(?:too|either|as\s+well|also))?(?=\s*(?:[?.!,;)]|$|\b(?:and|but)\b))"
    return marked, unmarked, elided


def clauses(q: Question, catalog: Catalog) -> list[Condition]:
    """A condition per byline clause the question says of a legend institute's mark (the clause's words taken)."""
    found: list[Condition] = []
    for institute in sorted(catalog.institutes):
        name = re.escape(institute)
        said = _said(q, name)
        if not said:
            continue
        _elided(q, name, said)
        # 'starred first author even though someone later is': the joint between two clauses read, frame
        q.take(r"\b(?:even\s+though|although|though|whereas|while|but|yet|and\s+also|and)\b(?=\s{3,})")
        found += [_condition(c, institute) for _, c in sorted(said, key=lambda s: s[0])]
    return list({c.label: c for c in found}.values())  # a clause said twice ('… (first and last unstarred)') is one


def _said(q: Question, name: str) -> list[tuple[int, Clause]]:
    """(where, clause) for each clause said in full: a place and the mark said of it (the words taken)."""
    marked, unmarked, _ = _patterns(name)
    pred = rf"(?:(?P<un>{unmarked})|{marked})"
    said: list[tuple[int, Clause]] = []
    # 'neither the first nor the last author is starred': none of the places named carries the mark
    for m in q.take(rf"\bneither\s+(?:the\s+|its\s+)?(?P<a>{ONE_PLACE})(?:\s+author)?\s+nor\s+(?:the\s+|its\s+)?"
                    rf"(?P<b>{ONE_PLACE})\s+{_PERSON}{ON_BYLINE}\s+{pred}"):
        for word in (m["a"], m["b"]):
            said.append((m.start(), Clause(place_of(word), "none" if not m["un"] else "all", True)))
    # 'both the first and the last author are Amii people': each place named carries it (or each does not)
    for m in q.take(rf"\b(?:both\s+)?(?:the\s+|its\s+)?(?P<a>{ONE_PLACE})(?:\s+author)?\s+and\s+(?:the\s+|its\s+)?"
                    rf"(?P<b>{ONE_PLACE})(?:\s+{_PERSON}{ON_BYLINE})?\s+{pred}"):  # '(first and last unstarred)': the noun left out
        for word in (m["a"], m["b"]):
            said.append((m.start(), Clause(place_of(word), "all", not m["un"])))
    # 'the last two authors both have the star', 'the first 2 names are starred'
    for m in q.take(rf"\b{_THE}(?P<end>first|last|final|top|bottom)\s+(?P<n>two|three|2|3)\s+{_PERSON}{ON_BYLINE}\s+"
                    rf"(?:(?:who|that)\s+)?{pred}"):
        n = _TWO[m["n"].casefold()]
        ends = n if m["end"].casefold() in ("first", "top") else -n
        label = f"{'first' if ends > 0 else 'last'} {m['n']}"
        said.append((m.start(), Clause(Places(label, ends=ends), "all", not m["un"])))
    who, attr = _someone(name)
    # 'the only starred people sit in the middle of the byline': someone in the middle marked, and neither end
    for m in q.take(rf"\b(?:the\s+|their\s+|its\s+)?only\s+(?:{name}[- ]?)?(?:starred|asterisked|marked)\s+(?:people|persons|"
                    rf"authors|names|ones)\s+(?:(?:all\s+)?(?:sit|sits|sitting|are|being|appear|appears|appearing|stand|standing|"
                    rf"come|coming|fall|falling)\s+)?{_MIDDLE}"):
        said += [(m.start(), Clause(Places("middle", middle=True), "some", True)),
                 (m.start(), Clause(place_of("first"), "none", True)), (m.start(), Clause(place_of("last"), "none", True))]
    # the mark said before ('a starred middle author', 'starred someone in the middle') or after the people
    for m in q.take(rf"\b(?:an?\s+|some\s+)?{attr}\s+{who}") + q.take(rf"\b{who}\s+(?:(?:who|that)\s+)?{pred}"):
        said.append((m.start(), Clause(_range(m), "some", not m["un"])))
    # 'an unstarred first author', 'a starred last author': the mark said before the place
    for m in q.take(rf"\b{ENDS_WITH}(?:(?:an?|the|its|their|whose)\s+)?(?P<un>un|non-?|not\s+)?(?:{name}[- ]?)?(?:starred|asterisked|marked)\s+"
                    rf"(?P<p>{ONE_PLACE})[- ]?(?:listed\s+)?{_PERSON}\b"):
        said.append((m.start(), Clause(place_of(m["p"]), "all", not m["un"])))
    # asked with the verb first: 'on how many papers is the second-to-last author Amii-starred?'
    for m in q.take(rf"\b(?:is|was|are)\s+(?:the\s+|its\s+|their\s+)(?P<p>{ONE_PLACE})(?:[- ]listed)?\s+{_PERSON}{ON_BYLINE}\s+"
                    rf"(?:(?P<un>not\s+|un)?(?:{name}[- ]?)?(?:starred|asterisked|marked)(?!\s+(?:as|with|by)\b)|"
                    rf"(?:(?:an?\s+)?{name}(?:[- ]affiliated)?\b))"):
        said.append((m.start(), Clause(place_of(m["p"]), "all", not m["un"])))
    # the place after the noun: 'the author one before last is starred', 'the name in second place is not starred'
    for m in q.take(rf"\b{_THE}(?:author|name|person)\s+(?:(?:in|at)\s+(?:the\s+)?)?(?P<p>{ONE_PLACE})(?:\s+(?:place|position|spot|"
                    rf"slot))?(?:\s+(?:on|in)\s+(?:the\s+)?(?:byline|author\s+(?:list|line)|list))?\s+{pred}"):
        said.append((m.start(), Clause(place_of(m["p"]), "all", not m["un"])))
    # 'whose last author is Amii-starred', 'the second-to-last author is starred', 'its first author has no star'
    for m in q.take(rf"\b{_THE}(?P<p>{ONE_PLACE})(?:[- ](?:listed|named|placed))?\s+{_PERSON}{ON_BYLINE}\s+"
                    rf"(?:(?:who|that)\s+)?{pred}"):
        said.append((m.start(), Clause(place_of(m["p"]), "all", not m["un"])))
    # the noun left out after 'the': '… but the second-to-last isn't starred', 'and the last one is starred'
    for m in q.take(rf"\bthe\s+(?P<p>{ONE_PLACE})(?:\s+one)?\s+{pred}"):
        said.append((m.start(), Clause(place_of(m["p"]), "all", not m["un"])))
    return said


_MIDDLE = r"in\s+the\s+middle(?:\s+of\s+(?:the\s+|its\s+|their\s+)?(?:byline|author\s+(?:list|line)|list))?" \
          r"(?:\s*\(\s*(?:i\.?e\.?,?\s+)?(?:not|neither)\s+(?:the\s+)?first,?\s+(?:and\s+|nor\s+)?(?:not\s+)?(?:the\s+)?last\s*\))?"


def _someone(name: str) -> tuple[str, str]:
    """Some author in a range of the byline ('someone in the middle', 'somebody further down', 'a middle author'), and the
    mark said before them ('starred someone in the middle')."""
    # 'at least one author in the middle of the byline (not first, not last) is starred too', 'a middle author
    # is starred', 'somebody further down the byline is Amii-starred', 'someone after the first author is marked'
    some = r"(?:somebody|someone|anyone|anybody|some(?:\s+other)?\s+(?:author|name|one)|at\s+least\s+one\s+(?:other\s+)?" \
           r"(?:author|name|person|of\s+the\s+(?:other\s+)?(?:authors|names))|an(?:other)?\s+author|one\s+or\s+more\s+" \
           r"(?:other\s+)?authors|any(?:\s+other)?\s+authors?)"
    middle = _MIDDLE
    later = r"(?:further|farther|later|lower)\s+(?:down|on|along)(?:\s+(?:the\s+|its\s+)?(?:byline|author\s+(?:list|line)|list))?|" \
            r"after\s+(?:the\s+)?first(?:\s+(?:author|name))?|later\s+in\s+(?:the\s+)?(?:byline|author\s+list|list)"
    # 'a later author', 'a subsequent co-author' (after the first); 'an earlier author' (before the last)
    ranged = r"(?:an?\s+|some\s+|one\s+)(?:(?P<after>later|subsequent|following)|(?P<before>earlier|preceding|prior))\s+" \
             r"(?:co-?)?(?:author|name)s?"
    who = rf"(?:{some}\s+(?:(?P<mid>{middle})|{later})|(?:an?\s+|some\s+)?(?P<mid2>middle)\s+(?:author|name)s?|{ranged})"
    attr = rf"(?:(?P<un>un|non-?|not\s+)?(?:{name}[- ]?)?(?:starred|asterisked|marked))"
    return who, attr


def _range(m: re.Match) -> Places:
    """The places 'someone in the middle', 'somebody further down', 'an earlier author' name."""
    if m["mid"] or m["mid2"]:
        return Places("middle", middle=True)
    return Places("earlier", before_last=True) if m["before"] else Places("later", after_first=True)


def _elided(q: Question, name: str, said: list[tuple[int, Clause]]) -> None:
    """Add to `said` each clause that takes its mark from the clause before it (the words taken)."""
    _, _, elided = _patterns(name)
    who, _ = _someone(name)
    # '… but whose first author isn't', '…, first one not', '… and the last is too', '… but neither first nor last
    # is': the clause said before it, its mark said again ('too', 'either') or turned the other way
    joint = r"(?:,\s*|;\s*|\s+-\s+|\b(?:but|and|while|whereas|yet|though)\s+)"
    for m in q.take(rf"{joint}(?:{_THE}(?P<p>{ONE_PLACE})(?:\s+{_PERSON})?|neither\s+(?:the\s+)?(?P<a>{ONE_PLACE})"
                    rf"(?:\s+{_PERSON})?\s+nor\s+(?:the\s+)?(?P<b>{ONE_PLACE})(?:\s+{_PERSON})?|{who})\s+{elided}|"
                    rf"\b(?:but|and|yet)\s+(?P<neg2>not)\s+{_THE}(?P<p2>{ONE_PLACE})(?:\s+{_PERSON})?"
                    rf"(?=\s*(?:[?.!,;)]|$))"):
        before = [c for at, c in said if at < m.start()]
        if not before:
            continue
        marked_ = before[-1].marked if m["same"] else not before[-1].marked
        if m["p"] or m["p2"]:  # '… but not its first'
            said.append((m.start(), Clause(place_of(m["p"] or m["p2"]), "all", marked_)))
        elif m["a"]:  # 'neither … nor … is': neither carries what the clause before said
            for word in (m["a"], m["b"]):
                said.append((m.start(), Clause(place_of(word), "all", not before[-1].marked)))
        else:  # '… but somebody later in the byline is'
            said.append((m.start(), Clause(_range(m), "some", marked_)))
