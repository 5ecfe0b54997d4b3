"""Conditions on one author's place or mark: 'an Amii-affiliated first author', 'a non-Amii first author', 'Lili Mou
as first author', 'X as an Amii-affiliated author', an author's name as printed (not every entry of their profile).
Split from rag/plan_values.py, which grounds the catalog's values themselves."""

from __future__ import annotations

import re

from rag import rx
from rag.authors import given_of, surname_of
from rag.catalog import Catalog
from rag.plan_byline import ENDS_WITH
from rag.plan_position import PLACE_WORDS, at_place, not_at, ordinal
from rag.plan_marked import _MARK, _complete, marked as marked_count, marks_at_places
from rag.plan_terms import Condition, Question
from rag.records import normalize_title


# 'et al.' said around a place or a printed name, read before the registry reads 'et al.' as the cut list: '(not hidden
# in et al.)' restates 'printed as an author' (asks_printed reads the question as asked) and asks no cut list; 'with
# more authors hidden behind et al.' says the list is cut, and only 'with … et al.' is left for the registry to read so.
_NOT_HIDDEN = r"\(\s*(?:and\s+|i\.?e\.?,?\s+)?(?:not|never)\s+(?:just\s+)?(?:hidden|hid(?:e|es|ing)|folded|fold(?:s|ing)?|lost|" \
              r"buried|bur(?:y|ies|ying)|tucked|cut|swallowed|lumped)(?:\s+(?:it|him|her|them|(?:his|her|their)\s+names?))?" \
              r"\s+(?:away\s+)?(?:in|into|behind|under|by)\s+(?:an?\s+|the\s+)?['\"]?et\s+al\b\.?['\"]?\s*\)"
_HIDDEN_REST = r"(?<=\bwith\s)(?:more|other|further|remaining|the\s+other|the\s+remaining|the\s+rest\s+of\s+the)\s+" \
               r"(?:co-?)?(?:authors?|names)\s+(?:(?:are|being)\s+)?(?:hidden|folded|tucked|lumped|collapsed|cut|left)\s+" \
               r"(?:away\s+)?(?:behind|in|into|under|as)\s+(?:an?\s+)?['\"]?(?=et\s+al\b)"


_NOT_SHOWN = r"\b(?:(?:him|her|them)sel(?:f|ves)\s+)?(?:is|are|was)(?:n't|\s+not)\s+(?:one\s+of\s+|among\s+)(?:the\s+)?" \
             r"(?:(?:printed|shown|visible|listed)\s+)?names(?:\s+(?:printed|shown|listed|visible))?\b"


# Whether a selected entry's list is whole or cut, asked as two alternatives: every answer row prints the author line
# as the page does ('… et al.' when cut), so the alternatives ask no condition ('cut with et al.' would be one).
_WHOLE = r"(?:the\s+)?(?:full|complete|whole|entire)(?:\s+(?:author\s+)?(?:list|byline|line|one))?"
_CUT = r"(?:(?:is|was)\s+it\s+)?(?:cut|truncated|shortened|abbreviated|trimmed)(?:\s+off)?(?:\s+(?:with|by|at)\s+(?:an?\s+)?" \
       r"['\"]?et\s+al\b\.?['\"]?)?"
_WHOLE_OR_CUT = rf",?\s*(?:and\s+)?\b(?:is|was)\s+(?:that|this|it|the\s+(?:author\s+)?list|the\s+byline)\s+(?:{_WHOLE}\s+or\s+{_CUT}|" \
                rf"{_CUT}\s+or\s+(?:(?:is|was)\s+it\s+)?{_WHOLE})"


def et_al_said(q: Question) -> None:
    """Take the words 'et al.' is said with around a place or a printed name (`_NOT_HIDDEN`, `_HIDDEN_REST`)."""
    q.take(_NOT_HIDDEN)
    q.take(_HIDDEN_REST)
    q.take(_NOT_SHOWN)  # 'where X himself isn't one of the names shown': read by printed_only from the question
    q.take(_WHOLE_OR_CUT)  # 'is that the full author list or is it cut off with et al.?': asked, each row prints it
    # 'his name still shows up in the author line': an adverb of the printed name's verb, which asks_printed reads
    # (read on the folded question, which keeps the verb another reader may have taken already)
    for m in rx.finditer(r"\b(?:still|even)\b(?=\s+(?:shows?|showing|appears?|printed|shown|visible|listed|is\s+(?:printed|"
                         r"shown|visible|listed)))", q.folded, re.I):
        q.blank(m.start(), m.end())


def positions(q: Question, catalog: Catalog) -> list[Condition]:
    """An author in one place marked or not: 'an Amii-affiliated first author', 'whose last author is from Amii',
    'a non-Amii first author'. Read before negation, which would take 'non-Amii' as no Amii author at all."""
    et_al_said(q)  # '(not hidden in et al.)', 'with more authors hidden behind et al.': before the registry's 'et al.'
    found = []
    for institute in sorted(catalog.institutes):
        name = re.escape(institute)
        marked = rf"(?P<non>non-|not\s+)?{name}(?:'s)?{_MARK}?"
        who = r"(?:author|researcher|person|member|scientist|academic)"
        # 'end with a non-Amii last author': the verb says the place the ordinal says again, and is taken with it
        position = rf"\b{ENDS_WITH}(?:an?\s+|the\s+|its\s+|their\s+)?{marked}\s+(?:(?P<a>first|lead|last|senior|final)\s+authors?\b|" \
                   rf"{who}\s+as\s+(?:the\s+|their\s+|its\s+)?(?P<b>first|lead|last|senior|final)\s+author\b)|" \
                   rf"\b(?P<c>first|lead|last|senior|final)\s+authors?\s+(?:(?:who\s+)?(?:is|are)\s+)?" \
                   rf"(?P<not>not\s+)?(?:{name}[- ]affiliated|affiliated\s+with\s+{name}|from\s+{name}|" \
                   rf"(?:marked|starred|flagged)\s+(?:as\s+)?(?:an?\s+)?{name})\b|" \
                   rf"\b(?P<e>first|lead|last|senior|final)\s+authors?\s+(?:(?:who|that)\s+)?(?:(?:(?:is|are)\s+)?(?:without|lacking|" \
                   rf"missing|with\s+no|(?:does|do)\s*n[o']?t\s+(?:carry|have|bear)|not\s+(?:carrying|bearing|having))\s+" \
                   rf"(?:the\s+|an?\s+|its\s+)?(?:{name}(?:'s)?\s+)?(?:stars?|asterisks?|marks?|{name}\s+affiliation)|" \
                   rf"(?:(?:is|are)(?:\s+not|n't)|not)\s+(?:starred|marked|asterisked|flagged)(?!\s+(?:as|with)\b)|" \
                   rf"(?:is\s+|are\s+)?un(?:starred|marked))\b|" \
                   rf"\b(?P<d>end|start|begin|open|close)(?:s|ing)?\s+(?:their|its|the)\s+author\s+lists?\s+with\s+" \
                   rf"(?:an?\s+|the\s+)?(?P<non2>non-|not\s+)?{name}{_MARK}?(?:\s+{who})?\b"
        # 'most of its authors Amii-affiliated', 'a majority of Amii authors': more than half of a complete list
        # ('the most Amii-starred authors' is a sort, rag/plan_marked.marked_sort: 'most' after 'the' is no majority)
        majority = rf"\b(?:(?<!\bthe\s)most|(?:a|the)\s+majority|more\s+than\s+half)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:" \
                   rf"{name}[- ](?:affiliated|starred|marked)\s+(?:co-?)?authors|{name}\s+(?:co-?)?authors|(?:co-?)?authors\s+" \
                   rf"(?:(?:are|being|is)\s+)?(?:{name}[- ](?:affiliated|starred|marked)|from\s+{name}|affiliated\s+with\s+{name}|" \
                   rf"{name}))\b|\b(?:co-?)?authors\s+(?:are\s+|were\s+)?(?:mostly|mainly|largely|predominantly)\s+(?:from\s+|at\s+|" \
                   rf"affiliated\s+with\s+)?{name}(?:[- ](?:affiliated|starred|marked))?\b"
        # 'both the first and the last author are Amii people': one condition per place named
        both = rf"\b(?:both\s+)?(?:the\s+|its\s+|their\s+)?(?P<x>first|lead|last|senior|final)\s+and\s+(?:the\s+|its\s+)?" \
               rf"(?P<y>first|lead|last|senior|final)\s+authors?\s+(?:(?:are|is|were|being)\s+)?(?:both\s+)?(?:" \
               rf"{name}[- ](?:affiliated|starred|marked)|affiliated\s+with\s+{name}|from\s+{name}|{name}(?:\s+{who}s?|\s+people)?)\b|" \
               rf"\b(?:an?\s+|the\s+)?{name}(?:[- ](?:affiliated|starred|marked))?\s+(?P<x2>first|lead|last|senior|final)\s+and\s+" \
               rf"(?P<y2>first|lead|last|senior|final)\s+authors?\b"
        for m in q.take(both):
            for which in ((m["x"] or m["x2"]).casefold(), (m["y"] or m["y2"]).casefold()):
                found.append(_at_place(institute, which))
        if q.take(majority):
            found.append(Condition("affiliation", institute, f"affiliation: {institute} (most authors)",
                                   lambda p, i=institute: _complete(p) and marked_count(p, i) * 2 > len(p.authors)))
        found += marks_at_places(q, institute, name)  # 'the last author has the Amii star but the first doesn't'
        for m in q.take(position):
            which = (m["a"] or m["b"] or m["c"] or m["e"] or
                     ("last" if m["d"].casefold() in ("end", "close") else "first")).casefold()
            index = 0 if which in ("first", "lead") else -1
            condition = _at_place(institute, which)
            if m["non"] or m["not"] or m["non2"] or m["e"]:  # 'a non-Amii first author': on the legend's page, printed and not marked
                condition = Condition("affiliation", f"not {institute}", f"affiliation: not {institute} ({which} author)",
                                      lambda p, c=condition, k=index: bool(p.authors) and (k == 0 or not p.authors_truncated)
                                      and any(s.format == "institute" for s in p.sources) and not c(p))
            found.append(condition)
    return found


def _at_place(institute: str, which: str) -> Condition:
    """The author first ('first', 'lead') or last (any other `which`) is marked `institute`; the last only on a list
    printed complete."""
    index = 0 if which in ("first", "lead") else -1
    return Condition("affiliation", institute, f"affiliation: {institute} ({which} author)",
                     lambda p, i=institute, k=index: bool(p.authors) and (k == 0 or not p.authors_truncated)
                     and p.authors[k].affiliation == i)


_PLACE = PLACE_WORDS  # every place of a byline: 'first', 'senior', 'second-to-last', '12th' (rag/plan_position.py)
# The place's noun: 'author', or the name as printed ('the second printed name', 'as senior/last author').
_SLOT = rf"(?:\s*/\s*(?:{_PLACE}))?(?:[- ]listed|\s+(?:printed|listed|named|credited))?\s+(?:author|auhtor|athor|autor|name)\b"


def author_position(q: Question, found: list[Condition]) -> list[Condition]:
    """'Which papers have Lili Mou as first author?', 'where X is printed as the second author', 'X's first-author
    papers', 'how many papers did X first-author': the one author named, in that place of the printed list (not a
    sort by date, which 'first' alone would be). A place counted from the front holds on a list cut with 'et al.'
    as long as it prints that far; the last place only on a complete list."""
    people_ = [c for c in found if c.field == "author"]
    # An end of the list said with its verb after the one named author: 'where X closes a short (no et al.) byline'
    # (the last place holds on a complete list only, which 'short (no et al.)' says again; the registry may have read
    # the bracket as the complete list already), 'X opens the author list'.
    ends = rx.search(r"\b(?P<verb>closes|ends|finishes|concludes|opens|starts|begins|leads)(?:\s+(?:out|off))?\s+(?:a|an|the|its|"
                     r"their|his|her)\s+(?:(?:short|shorter|complete|full|whole|printed)\s+)?(?:\((?:\s|no\b|without\b|et\b|al\b|[.'\"])*\)"
                     r"\s+)?(?:author\s+(?:list|line)|byline|list\s+of\s+(?:authors|names))\b", q.text, re.I)
    if len(people_) == 1 and ends is not None:
        q.blank(ends.start(), ends.end())
        last = ends["verb"].casefold() in ("closes", "ends", "finishes", "concludes")
        placed = at_place(people_[0], -1 if last else 0, "last" if last else "first")
        return [placed if c is people_[0] else c for c in found]
    # 'rather than the lead author', 'but isn't first': the place negated, read with the cue in the match
    m = rx.search(rf"\b(?P<rather>rather\s+than|instead\s+of|other\s+than|without\s+being)\s+(?:as\s+)?(?:the\s+|a\s+)?"
                  rf"({_PLACE}){_SLOT}|"
                  # 'a co-author but not first', 'in the byline, never as the last one': the place denied after a joint
                  rf"\b(?:but|yet|though|although|,)\s+(?P<but>not|never)\s+(?:as\s+)?(?:the\s+|a\s+)?({_PLACE})"
                  rf"(?:{_SLOT}|\s+one\b|(?=\s*(?:[?.,;!)]|$)))|"
                  rf"\bas\s+(?:the\s+|their\s+|its\s+|a\s+)?({_PLACE}){_SLOT}|"
                  rf"\bis\s+(?:the\s+|a\s+)?({_PLACE}){_SLOT}|"
                  r"\b(first|last|senior)[- ]author(?:ed|s)?\b(?!\s+(?:of|on|in|for)\b)|"
                  rf"\b(?:is|was|are)(?P<isnt>n't|\s+not|\s+never)\s+(?:listed\s+|named\s+|printed\s+|placed\s+)?(?:the\s+)?"
                  rf"({_PLACE})(?:\s+(?:author|name|one))?(?=\s*(?:[?.,;!]|$))", q.text, re.I)
    if len(people_) != 1 or m is None:
        return found
    q.blank(m.start(), m.end())
    if m["rather"]:  # 'as a co-author rather than the lead author': 'as a co-author' is said for any place
        q.take(r"\bas\s+(?:an?\s+)?(?:co-?author|author)\b")
    which = next(g for g in m.groups() if g and ordinal(g) is not None).casefold()
    index = ordinal(which)  # every word of _PLACE: 'last', 'senior', 'final' count from the end
    assert index is not None
    if index in (0, -1):  # the same end said with a verb too: 'end their (complete) author list with X as last author'
        verbs = "start|begin|open|lead" if index == 0 else "end|finish|close|conclude"
        q.take(rf"\b(?:{verbs})(?:s|es|ed|ing)?\s+(?:their|its|the)\s+(?:\([^()]*\)\s+)?(?:author\s+)?(?:lists?|bylines?)\s+with\b")
    placed = at_place(people_[0], index, which)
    if before := rx.search(r"(?:\b(?:not|never)|n't)\s+(?:the\s+|a\s+)?$", q.text[:m.start()]):  # 'is X not the last author'
        q.blank(before.start(), before.end())
        placed = not_at(people_[0], placed, index)
    elif m["rather"] or m["isnt"] or m["but"]:
        placed = not_at(people_[0], placed, index)
    return [placed if c is people_[0] else c for c in found]


_PRINTED = re.compile(r"\bnames?\b[^?]*\b(?:actually\s+)?(?:printed|shown|shows?|showing|displayed|visible|spelled\s+out|appears?)\b|"
                      r"\b(?:printed|shown|visible)\s+(?:on|in)\s+(?:the\s+)?author\s+(?:line|list)|"
                      r"\b(?:printed|shown|listed|visible)\s+as\s+(?:an?\s+|the\s+)?(?:co-?)?author\b|"
                      r"\b(?:printed|shown|visible)\s+(?:co-?)?authors?\b|\b(?:displayed|shown|visible)\s+(?:author\s+)?names\b|\bauthors?\s+(?:as\s+)?(?:printed|shown)\b|\bvisibl[ey]\b|"
                      r"\b(?:show|shows|showing|print|prints|printing|printed|display|displays|spell|spells)\b[^?]*\bnames?\b",
                      re.I)


# The name said not printed ('where X isn't one of the names shown', 'entries that do not print his name'): the
# entries the person is on by the page that do not print the name.
_NOT_PRINTED = re.compile(r"\b(?:is|are|was)(?:n't|\s+not)\s+(?:one\s+of\s+|among\s+)?(?:the\s+)?(?:(?:printed|shown|visible|listed)\s+)?"
                          r"(?:names?\s+(?:printed|shown|listed|visible)|names|printed|shown|listed|visible)\b"
                          rf"(?!\s+(?:as\s+)?(?:the\s+)?(?:{_PLACE}|second[- ]to[- ]last|penultimate)\b)|"  # 'is NOT listed last': a place
                          r"\b(?:do|does|did)(?:n't|\s+not)\s+(?:print|show|list|display|spell\s+out)\b[^?]*\bnames?\b", re.I)


def asks_printed(question: str) -> bool:
    """'printed names only', 'Courville printed as an author': the names on the author line, not the profile's owner
    whose list the page cuts with 'et al.'."""
    return _PRINTED.search(question) is not None


def printed_only(question: str, found: list[Condition]) -> list[Condition]:
    """'… is Aaron Courville's own name actually printed?': the author as printed on the entry's author line, not
    every entry of the profile he owns (which by_author counts as his). 'Which entries on Courville's profile print his
    name': with no author named, the profile's owner is the name asked, by a pronoun."""
    if not asks_printed(question):
        return found
    hidden = _NOT_PRINTED.search(question) is not None  # the name asked not printed: the other entries of theirs
    said = " (not printed)" if hidden else " (printed)"
    owners = [c.value for c in found if c.field == "page" and c.label == f"page: {c.value}'s profile"]
    if len(owners) == 1 and not any(c.field == "author" for c in found) and rx.search(
            r"\b(?:his|her|their|the\s+owner's)\s+(?:own\s+)?names?\b", question, re.I):
        name = normalize_title(owners[0])
        return found + [Condition("author", owners[0], f"author: {owners[0]}{said}", lambda p: hidden != any(
            normalize_title(a) == name for a in p.author_names))]
    # The condition's own test stays: a place ('as the second listed name') is kept, not widened to any place.
    # A name part ('surname Chen', 'given name Lei') already reads the printed names only; a name left out ('not by
    # X') is left out as it is; a place denied ('X is not the last name') is said of X printed elsewhere on the list.
    def printed(c: Condition) -> Condition:
        name = normalize_title(c.value.removeprefix("not "))
        return Condition("author", c.value, f"{c.label}{said}", lambda p: c(p) and hidden != any(
            normalize_title(a) == name for a in p.author_names), known_test=c.known_test)

    def not_printed(c: Condition) -> Condition:  # 'entries that don't show X's name': any entry printing names
        name = normalize_title(c.value.removeprefix("not "))
        return Condition("author", c.value, f"{c.label} (printed)", lambda p: not any(
            normalize_title(a) == name for a in p.author_names), known_test=lambda p: bool(p.authors))

    return [(not_printed(c) if c.label.startswith("not author:") else printed(c))
            if c.field == "author" and part_test(c.value) is None else c for c in found]


def name_as_affiliated(question: str, found: list[Condition]) -> list[Condition]:
    """'Which papers list Lili Mou as an Amii-affiliated author?': the mark is on that author, not on any author."""
    people_ = [c for c in found if c.field == "author"]
    marks = [c for c in found if c.field == "affiliation"]
    if len(people_) != 1 or len(marks) != 1 or not rx.search(r"\bas\s+(?:an?\s+)?\S+[- ]affiliated\b|\bas\s+an?\s+"
                                                               rf"{re.escape(marks[0].value)}\b", question, re.I):
        return found
    person, mark = people_[0], marks[0]
    both = Condition("affiliation", mark.value, f"{person.label} ({mark.value})",
                     lambda p: any(normalize_title(a.name) == normalize_title(person.value) and
                                   a.affiliation == mark.value for a in p.authors))
    return [c for c in found if c not in (person, mark)] + [both]


# A part of a name said as such: 'whose first name is Lei', 'with the given name Yi', 'surnamed Zhang', 'last name:
# Chen', 'a forename of Michael'. The part's own word (`part`), then the name; capitalised unless the part was said.
_GIVEN = r"first|given|fore|christian"
_FAMILY = r"sur|last|family"
_NAMED_PART = r"(?:(?:whose|with\s+(?:an?|the)|having\s+(?:an?|the)|(?:an?|the)|with|of|by)\s+)?(?P<part>{part})[\s-]?names?" \
              r"(?:\s+(?:is|was|being|of|=|:|reads?|spelled|printed\s+as|as))?\s*[:=]?\s*['\"]?(?P<name>[^\W\d_][\w'-]*)\b['\"]?|" \
              r"\b(?P<before>(?-i:[A-Z])[\w'-]+)\s+as\s+(?:their|his|her|its|a|the)\s+(?:{part})[\s-]?names?\b"  # 'Yi as their first name'


def part_test(value: str):
    """A test on one printed name for a name part condition's value ('surname chen': 'Ricky T. Q. Chen' holds; 'given
    name ross': 'J Ross Mitchell' holds), or None when the value asks no name part."""
    if value.startswith("surname "):
        return lambda name, s=value.removeprefix("surname "): surname_of(name) == s
    if value.startswith("given name "):
        return lambda name, g=value.removeprefix("given name "): g in given_of(name)
    return None


def name_parts(conditions: list[Condition]):
    """A test on one printed name for the name parts the conditions ask ('which authors have the surname Zhang': the
    Zhangs, not their co-authors), or None when no name part is asked."""
    tests = [test for c in conditions if c.field == "author" and (test := part_test(c.value)) is not None]
    if not tests:
        return None

    def holds(name: str) -> bool:
        name = name.split(" (")[0]
        return all(test(name) for test in tests)
    return holds


def given_names(q: Question, catalog: Catalog) -> list[Condition]:
    """'anyone named Sergey', 'authors called Sergey', 'an author whose first name is Lei', 'with the given name Yi':
    a given name alone, which the catalog's full names ground when some printed name opens with it (or with initials
    and then it: 'J Ross Mitchell' has the given name Ross). Said after a naming word only: a bare given name
    elsewhere ('Sergey's papers') is an author to resolve, not this. Said as a first name, it may be in lower case."""
    found = []
    named = r"\b(?:named|called)\s+(?P<bare>(?-i:[A-Z])[\w'-]+)\b"
    for m in list(rx.finditer(rf"\b{_NAMED_PART.format(part=_GIVEN)}|{named}", q.text, re.I)):
        if q.text[m.start():m.end()] != q.folded[m.start():m.end()]:
            continue  # already read (a surname)
        said = m["name"] or m["before"] or m["bare"]
        given = normalize_title(said)
        if not given or given not in catalog.given_names:
            continue
        q.blank(m.start(), m.end())
        found.append(Condition("author", f"given name {given}", f"given name: {said}", lambda p, t=part_test(
            f"given name {given}"): any(t(a) for a in p.author_names)))
    return found


def surnames(q: Question, catalog: Catalog) -> list[Condition]:
    """'a co-author surnamed Zhang', 'with the last name Zhang', 'whose family name is Zhang', 'anyone named Zhang':
    a surname several printed names share (one that only one person has is read as that person, rag/plan_values).
    Grounded when some printed name ends with it; any author with that surname holds. Said as a surname, it is read as
    one even when one person has it, and in any case."""
    found = []
    for m in list(rx.finditer(rf"\bsurnamed\s+(?P<sur>[^\W\d_][\w'-]*)\b|\b{_NAMED_PART.format(part=_FAMILY)}|"
                              r"\b(?:named|called)\s+(?P<bare>(?-i:[A-Z])[\w'-]+)\b", q.text, re.I)):
        said = m["sur"] or m["name"] or m["before"] or m["bare"]
        surname = normalize_title(said)
        if surname not in catalog.name_words:  # some printed name ends with it
            continue
        if m["bare"] and len(catalog.surnames.get(said, ())) == 1:  # 'called Courville': the one Courville, read as him
            q.blank(m.start(), m.start("bare"))
            continue
        if m["bare"] and surname in catalog.given_names:
            continue  # 'named Lei' with no part said: a given name too, read by given_names
        q.blank(m.start(), m.end())
        found.append(Condition("author", f"surname {surname}", f"surname: {said}", lambda p, t=part_test(
            f"surname {surname}"): any(t(a) for a in p.author_names)))
    return found


def shared_surnames(q: Question, catalog: Catalog) -> list[Condition]:
    """A capitalised surname alone that several printed names share ('a Zhang among the authors', 'papers by Zhang'):
    any of them. Read after full names, so 'Amy Zhang' is her; a surname only one person has is that person
    (rag/plan_values.people); a sentence's first word is not taken (capitals there say nothing)."""
    found = []
    for m in rx.finditer(r"(?<=[\w,;:'\"(]\s)((?-i:[A-Z])[\w'-]+?)(?:'s)?\b", q.text):
        word = m.group(1)
        if len(catalog.surnames.get(word, ())) < 2 or word.casefold() in catalog.organisations:
            continue
        surname = normalize_title(word)
        q.blank(m.start(), m.end())
        found.append(Condition("author", f"surname {surname}", f"surname: {word}", lambda p, s=surname: any(
            normalize_title(a).split()[-1:] == [s] for a in p.author_names)))
    return found
