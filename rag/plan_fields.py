"""Several fields asked of one paper at once ('SAFT: first author and posting date?', 'who is the second author, and
was code released?', 'category, lab tag, code?'), or one field only a part reader reads ('who is the middle author').

A question about one paper is split into its parts where the parts are joined ('and', commas, dashes, '+', '/'),
and each part is read by the single-field readers the planner already has: a place in the author list ('the second
author', 'who's listed first', 'the middle author', 'senior (last) author'), the registry of printed badges
(rag/catalog_fields.py: the Code badge, a score, 'et al.'), whether the printed author list is complete, and the
planner's own field words (rag/plan_field_words.py). A yes/no part is answered from the same field: 'does it have a
code badge?' is the badge, 'is the list complete?' whether the page cuts it with 'et al.', 'are they Amii people?' the
page's mark on each author — its value (Amii) was grounded as a condition already and is checked against the paper.

The question is taken only when every part is read and nothing but frame is left; any other word (a topic, a verb
of content: 'what does it propose') leaves it to the planner's other readings and to retrieval. The one field a
question asks, and the planner's field words, are rag/plan_field_words.py's.
"""

from __future__ import annotations

import copy
import re

from rag import rx
from rag.catalog_fields import FIELDS as BADGES, Field as Badge
from rag.plan_describe import which
from rag.plan_field_words import FIELDS, HEAD, lookup_field
from rag.plan_position import _ENDS as _LIST_ENDS, PLACE_WORDS, ordinal
from rag.plan_line import (AROUND, BETWEEN, LINE, LOCATIVE, MEETING, ORIGIN, ORIGIN_FIELDS, RELATIVE, around as around_key,
                           marks_asked, named_plainly, page_says, person_acts, relative)
from rag.plan_terms import NUMBER_WORDS, Condition, Question
from rag.records import Paper

_PLACE = rf"middle|{PLACE_WORDS}"  # the ordinal words rag/plan_position.py reads, and 'middle'
_LINE = LINE
_GLOSS = rf"(?:\s*\(\s*(?:{_PLACE})\s*\))?"  # 'senior (last) author': the place said twice
_WHO = r"(?:authors?|names?|persons?|co-?authors?|contributors?|researchers?)"
# A place in the author list, said of the paper's own list ('who is the second author', 'the middle author', 'who's
# listed first', 'who leads it'). The first pattern is the first of places sharing one noun ('first and last
# authors', 'first, second and last author'): read before the noun is taken with the last of them.
_PLACES = [
    rf"\b({_PLACE}){_GLOSS}\s*(?:,|\band\b|&|\+|/)\s*(?=(?:(?:the\s+)?(?:{_PLACE}){_GLOSS}\s*(?:,|\band\b|&|\+|/)\s*)*"
    rf"(?:the\s+)?(?:{_PLACE}){_GLOSS}[\s-]+{_WHO})",
    rf"\b({_PLACE}){_GLOSS}(?:[\s-]+(?:listed|named|printed|placed))?[\s-]+{_WHO}\b",
    rf"\b(?:listed|named|printed|placed|credited|comes?|appears?|shown|goes)\s+(?:as\s+)?(?:the\s+)?({_PLACE})\b",
    r"\bwho(?:'s|\s+is|\s+was)?\s+(leads?|led|leading)\b",
    rf"\bwho(?:'s|\s+is|\s+was|\s+comes?|\s+came|\s+sits?|\s+stands?|\s+appears?|\s+goes)\s+({_PLACE})\b",  # 'who's last?'
    # A place said as where one sits in the list: 'who sits in the middle of the three-name author line', 'who is in
    # second place on the byline', 'who's at the last position'.
    rf"\bwho(?:'s|\s+is|\s+was)?\s+(?:(?:sits?|stands?|comes?|came|appears?|goes|lies|placed|listed|printed)\s+)?"
    rf"(?:in|at)\s+(?:the\s+)?({_PLACE})(?:\s+(?:place|position|slot|spot|spots?))?(?:\s+(?:of|in|on)\s+{_LINE})?\b",
    # An end of the list said with its verb: 'who closes out the author list', 'who opens its byline'.
    rf"\bwho\s+({'|'.join(_LIST_ENDS)})(?:s|es|ed)?(?:\s+(?:out|off))?\s+{_LINE}\b",
]
# The first names of the list ('the first three names printed', 'its first two authors'): the list as printed.
_FIRST_N = rf"\b(?:the\s+|its\s+)?first\s+(?:\d+|{'|'.join(NUMBER_WORDS)})\s+(?:names|authors|co-?authors)\b"
# Whether the printed list is complete, asked yes or no ('is the list complete?', 'does the listing cut the author
# list?', 'are all authors shown?'): the list as printed, with 'et al.' said.
_COMPLETE = r"\b(?:is|was|are)\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+)?(?:author\s+)?(?:list(?:ing)?|byline)(?:\s+of\s+" \
            r"(?:authors|names))?(?:\s+(?:of|for|on)\s+(?P<gap>[^,;?]{0,80}?))?\s+(?:complete|full|whole|cut|truncated|partial|incomplete|shortened|abbreviated|" \
            r"cut\s+off)\b|\b(?:cuts?|cutting|truncat\w*|shorten\w*|abbreviat\w*)\s+(?:off\s+)?(?:the\s+|its\s+|their\s+)?" \
            r"(?:author\s+)?(?:list|names|authors|byline)\b|\b(?:are|were|is)\s+(?:all|every)\s+(?:of\s+)?(?:the\s+|its\s+)?" \
            r"(?:authors|names)\s+(?:shown|printed|listed|given)\b"
# More ways to say a field, for a part read alone: 'which are marked as Amii' (the mark: its value was grounded),
# 'which names does it show' (its authors), 'when did it go up', 'which listing is it from' (its page), 'where does
# he come in the order' (a named author's place).
_MORE = [("affiliation", r"\b(?:marked|starred|flagged)\b"),
         ("author_position", r"\b(?:where|what\s+(?:place|position|slot|spot)|which\s+(?:place|position|slot|spot))\b(?P<gap>(?:\s+\S+){0,4}?)\s+"
                             r"(?:order|list|byline|place|position|come|comes|sit|sits|stand|stands|rank)\b|"
                             r"\b(?:what|which)\s+number(?:ed)?(?:\s+(?:author|name|co-?author))?\b|"  # 'what number author is X'
                             # "what is X's position", 'what positions do X and Y hold', 'what place are X and Y in'
                             r"\bwhat(?:'s|\s+(?:is|are|was|were))\s{3,}(?:positions?|places?|slots?|spots?)\b|"
                             r"\b(?:what|which)\s+(?:positions?|places?|slots?|spots?)\s+(?:do|does|did|are|is|were)"
                             r"(?=(?:\s+(?:and|both)\b|\s{3,})*\s+(?:hold|have|take|occupy|in)\b)(?:\s+(?:and|both)\b|\s{3,})*\s+"
                             r"(?:hold|have|take|occupy|in)\b"),  # only the names (blanked) and 'and' between
         # A named author's neighbour in the list ('who comes right after X', 'whose name precedes X').
         ("author_next", r"\b(?:(?:comes?|came|is|listed|printed|named|appears?|sits?|stands?|goes)\s+)?(?:right\s+|just\s+|"
                         r"directly\s+|immediately\s+)?(?:after|behind)\b|\bfollows?\b"),
         ("author_previous", r"\b(?:(?:comes?|came|is|listed|printed|named|appears?|sits?|stands?|goes)\s+)?(?:right\s+|just\s+|"
                             r"directly\s+|immediately\s+)?(?:before|ahead\s+of|in\s+front\s+of)\b|\bprecedes?\b"),
         ("authors", r"\b(?:which|what|whose)\s+names\b|\bnames?\s+(?:shown|printed|listed|given)\b|\bbyline\b"),
         ("date", r"\b(?:go|goes|went|gone)\s+(?:up|online|live|out)\b|\bposting\s+date\b|\bposted\b"),
         ("page", r"\b(?:which|what)\s+(?:listing|feed|list)\b"),
         # 'which two places', 'what places': plural, so never a place in the author list ('which place')
         ("organisation", rf"\b(?:which|what)\s+(?:(?:\d+|{'|'.join(NUMBER_WORDS)})\s+)?places\b")]
# An author list said ('where does he come in the byline'): what makes 'where … sit / rank' ask a place when no
# author is named.
_LIST_SAID = re.compile(r"\b(?:authors?|co-?authors?|names|byline|order|list(?:ing)?)\b")
_POSITION = re.compile(dict(_MORE)["author_position"], re.I)  # 'where does <author> come in the order': all frame words
_JOINS = re.compile(r"\s*(?:,|;|\?|\+|&|/|—|–|\s-{1,2}\s|\band\b|\bplus\b|\bas\s+well\s+as\b|\balso\b)\s*", re.I)
_PLACE_WORD = re.compile(rf"\b(?:{_PLACE}|leads?|led)\b", re.I)
_BADGE_WORDS = [(f.name, re.compile(rf"\b(?:{f.words})(?![\w-])")) for f in BADGES if f.lookup]
_BADGE_NAMES = frozenset(name for name, _ in _BADGE_WORDS)
_FIELD_WORDS = dict(FIELDS)
_AUX = r"(?:is|are|was|were|does|do|did|has|have|had|can|could)"
_WH = r"(?:who|whom|whose|what|which|when|where|how)"
# A question, not a claim to check ('Zejiang Shen, LayoutParser's first author, is listed with Harvard University.'); a
# wh-word after a colon or dash asks too ('dpr paper: who's the second author').
_ASKS = re.compile(rf"\?|^\W*(?:{_WH}|{_AUX}|list|show|give|tell|name)\b|(?:[:;—–]|\s-{{1,2}})\s*(?:{_WH})\b", re.I)


def several(q: Question, conditions: list[Condition], badge: Badge | None, target: Paper | None, described: list[str],
            papers: list[Paper]) -> dict | None:
    """The lookup's arguments (rag.planner.Plan) when the question asks several fields of the one paper it names or
    describes, or one field only a part reader reads (an author's place other than first or last, 'when did it go
    up'); {} when the description names no paper; None when this is not such a question, with `q` untouched."""
    # Cheap tests first (this runs for every question naming a paper): a join outside the title, a place word, or a
    # word the planner's readers left; without one there is nothing for the part readers to add.
    if not _ASKS.search(q.original) or person_acts(q):  # 'what does X's second author work on': their work is content
        return None
    left = q.residual()
    people = [c for c in conditions if c.field == "author" and c.label == f"author: {c.value}"]
    if not (_JOINS.search(q.text.rstrip(" ?.!")) or _PLACE_WORD.search(q.folded) or left or _POSITION.search(q.folded)
            or RELATIVE.search(q.folded) or len(people) == 1 and ORIGIN.search(q.folded)):
        return None
    work = copy.copy(q)
    work.spans = list(q.spans)
    rescued = bool(left)  # words only a part reader takes ('when did it go up'): one field is enough
    page_says(work)  # 'when does the profile say it was posted': the page saying is how a field is asked
    # 'in the SPECTER byline, who sits between X and Y': the list said as where a place is, not its names asked, when
    # a part still asks something once it is blanked.
    located = copy.copy(work)
    located.spans = list(work.spans)
    for m in list(LOCATIVE.finditer(located.text)):
        located.blank(m.start(), m.end())
    fields, parts, yes_no, listed = _read(located, badge)
    if fields and any(line_only(f) or f in ("first_author", "last_author") for f in fields):
        work = located
    else:
        fields, parts, yes_no, listed = _read(work, badge)
    if listed:  # 'the first three names': the list as printed, not a count of three authors
        conditions = [c for c in conditions if c.field != "author_count"]
    fields += [f for f in _from_conditions(conditions) if f not in fields]
    if "authors" in fields and any(c.field == "organisation" and c.label == f"organisation: {c.value}" for c in conditions):
        fields[fields.index("authors")] = "organisation_authors"  # 'which X author is at Waterloo': those printed under it
    if len(people) == 1 and set(fields) <= ORIGIN_FIELDS and ORIGIN.search(q.folded):
        # 'where is X from on SPECTER', 'what affiliation does X have': that author's own ('what email': the list too)
        fields = ["author_marks"] + (["emails"] if "emails" in fields else [])
    elif len(people) == 1 and "affiliation" in fields:  # 'where does X sit, and is he marked as Amii': his own mark
        fields[fields.index("affiliation")] = "author_marks"
    # A place the planner's own field words do not read ('who's listed first on X' is 'who' to them: the authors).
    new_place = any(line_only(f) for f in fields) or any(f in ("first_author", "last_author") for f in fields) and \
        lookup_field(q.folded.casefold(), False) not in ("first_author", "last_author")
    if work.residual() or not fields or parts < 2 and not new_place and not rescued:
        return None
    if "author_position" in fields and not any(c.field == "author" for c in conditions) and not _LIST_SAID.search(q.text):
        return None  # 'SPECTER: where does it rank?' — no author named, no author list said: not a place asked
    named = sum(c.field == "author" for c in conditions)
    if not named and _BARE_RELATIVE.search(q.folded):  # 'who is 8th, and whose name comes right before?'
        fields = _beside_place(fields)
    if ({"author_next", "author_previous"} & set(fields) or any(f.startswith("around:") for f in fields)) and named != 1:
        return None  # 'who comes right after': beside one named author only
    if "between" in fields and named != 2:
        return None  # 'who sits between X and Y': two named authors
    q.text, q.spans = work.text, work.spans
    if target is None:  # the byline's size said of the paper picks it among close ones ('the lit graph paper has 23 authors')
        target, asked = which(described, papers, [c for c in conditions if c.field == "author_count"])
        if target is None:
            return asked or {}
    fields = relative(fields, conditions, target)
    conditions = named_plainly(fields, conditions, target)  # 'right before X at the end of the list': X named plainly
    if "venue" in fields and {"affiliation", "organisation"} & set(fields) and not MEETING.search(q.original):
        # 'which institution besides AI2, and in what city': the city is the organisation's, as its address line prints
        fields = ["organisation_place"] + [f for f in fields if f not in ("venue", "affiliation", "organisation")]
    if "date" in fields and target.venue_line is not None and target.venue_line.dates and MEETING.search(q.original):
        fields[fields.index("date")] = "venue"  # 'the dates of the ACL meeting printed on X': the dates its venue line prints
    # A value no field answers is checked when a part asks yes or no ('and is it in LG?'); else it said which paper
    # ('the ICLR paper on …', "TokMem on Amii's page"), and only a value the paper does not hold is said.
    read = {_MARKS.get(f) for f in fields}  # the conditions a field's text is narrowed by ('authors at Waterloo')
    kept = [c for c in conditions if _field_of(c) is not None or c.field in read or yes_no or not c(target)]
    return {"op": "lookup", "lookup": fields[0], "also": fields[1:], "target": target, "conditions": kept,
            "described": " ".join(described)}


# 'before' / 'after' with no one after it but a pronoun for the place just asked ('right before?', 'just after that one')
_BARE_RELATIVE = re.compile(r"\b(?:before|after|behind|ahead|precedes?|follows?)(?:\s+(?:that|it|him|her|them|this|"
                            r"(?:that|this)\s+(?:one|name|person|author)))?\s*(?:[?.!,;]|$)", re.I)


def _beside_place(fields: list[str]) -> list[str]:
    """'the name right before' / 'after' said after a place asked ('who is 8th, and whose name comes right before?'):
    the place next to that one, counted from the front. Unchanged when no such place was asked before it."""
    out: list[str] = []
    for f in fields:
        places = [0 if g == "first_author" else int(g.removeprefix("author@")) for g in out
                  if g == "first_author" or g.startswith("author@")]
        if f in ("author_next", "author_previous") and places:
            k = places[-1] + (1 if f == "author_next" else -1)
            f = "first_author" if k == 0 else f"author@{k}" if k > 0 else f
        out.append(f)
    return list(dict.fromkeys(out))


def line_only(field: str) -> bool:
    """A field only this module reads and only the one-line answer words (rag/catalog_values.fields_text): an author's
    place other than first or last ('the second author', 'the middle author') or a named author's place."""
    return field.startswith(("author@", "around:")) or field in ("middle_author", "author_position", "author_next",
                                                                  "author_previous", "between", "author_marks")


def _read(q: Question, badge: Badge | None) -> tuple[list[str], int, bool, bool]:
    """The fields asked, in the question's order, with their words taken from `q`; how many of the question's parts
    ask something (a field, or a yes or no about a value grounded in it); whether one asks yes or no of a value;
    whether it asks for the list's first names."""
    edges = [0] + [x for m in _JOINS.finditer(q.folded) for x in (m.start(), m.end())] + [len(q.folded)]
    titles = [(a, b) for a, b, kind in q.spans if kind == "title"]
    spans = [(a, b) for a, b in zip(edges[::2], edges[1::2])
             if any(ch.isalnum() and not any(x <= i < y for x, y in titles) for i, ch in enumerate(q.folded[a:b], a))]
    # A part asking yes or no of a value the planner grounded already ('are they Amii people?', 'is it in LG?').
    yes_no = [(a, b) for a, b in spans if rx.match(rf"\W*{_AUX}\b", q.folded[a:b], re.I) and any(
        q.text[i] != q.folded[i] and not any(x <= i < y for x, y in titles) for i in range(a, b))]
    found: list[tuple[int, str]] = []
    for pattern in _PLACES:  # over the whole question: 'first and last author' shares its noun across a join
        found += [(m.start(), place_key(m.group(1))) for m in _said(q, pattern)]
    listed = _said(q, _FIRST_N)
    found += [(m.start(), "authors") for m in listed]
    around = _said(q, AROUND)  # 'the two names after X': resolved to places once the paper is known (_relative)
    found += [(m.start(), around_key(m)) for m in around]
    found += [(m.start(), "between") for m in _said(q, BETWEEN)]
    found += [(m.start(), "full_list") for m in _said(q, _COMPLETE)]
    found += marks_asked(q)  # 'what does the star by his name mean', 'is he one of the equal-contribution pair'
    if badge is not None:  # read already ('what score is shown next to X'): placed where its words are
        found += [(m.start() if m else len(q.folded), badge.name) for m in [rx.search(rf"\b(?:{badge.words})", q.folded, re.I)]]
    for i, (start, end) in enumerate(spans):
        if any(start <= at < end for at, _ in found):
            continue
        # A wh-word alone shares the clause after it: 'where and when was it presented' (where: the venue).
        bare = rx.fullmatch(rf"\W*{_WH}\W*", q.text[start:end], re.I) and i + 1 < len(spans)
        # A yes/no part names its value's field only by a badge or its own wording: 'is X an author?' asks about X.
        hit = _part(q, start, end, q.text[spans[i + 1][0]:spans[i + 1][1]] if bare else "", (start, end) not in yes_no)
        if hit is not None:
            found.append(hit)
    keys = [key for _, key in sorted(found)]
    asking = [(a, b) for a, b in spans if (a, b) in yes_no or any(a <= at < b for at, _ in found)]
    return list(dict.fromkeys(keys)), len(asking), bool(yes_no), bool(listed or around)


def _said(q: Question, pattern: str) -> list[re.Match]:
    """The matches of `pattern` in the question as asked, outside a title, their words taken from `q`: read on the
    whole question because the planner's readers may have taken some of its words as a condition's ('who's the last
    author, and is that person Amii?' is read as 'last author: Amii', 'the first three names' as three authors)."""
    titles = [(a, b) for a, b, kind in q.spans if kind == "title"]
    # A title may stand inside a match ('is the author list of SAFT complete'), not at either end of it.
    found = [m for m in rx.compiled(pattern, re.I).finditer(q.folded)
             if not any(a <= m.start() < b or a < m.end() <= b for a, b in titles)]
    for m in found:
        _blank_frame(q, 0, m, m.end())
    return found


def _part(q: Question, start: int, end: int, after: str = "", planner: bool = True) -> tuple[int, str] | None:
    """The one field a part asks, its words blanked: a printed badge, another way of saying a field, or one of the
    planner's field words (a noun after 'which' / 'what' first). `after`: the clause a bare wh-word shares."""
    # 'the author's lab tags': a possessive names whose field, not the authors.
    low = rx.sub(r"\bauthors?'s?(?=\s)", lambda m: " " * len(m.group(0)), q.text[start:end].casefold())
    after = rx.sub(rf"\b{_WH}\b", " ", after.casefold())  # the clause's own wh-word asks its own field
    for name, words in _BADGE_WORDS:
        if m := words.search(low):
            return _took(q, start, m, name)
    for key, pattern in _MORE:
        if m := rx.compiled(pattern).search(f"{low} {after}" if after else low):
            return _took(q, start, m, key) if m.end() <= len(low) else (start, key)
    count = bool(rx.search(r"\bhow\s+many\b|\bnumber\s+of\b", low))
    if not planner or (name := lookup_field(f"{low} {after}" if after else low, count)) is None:
        return None
    head = HEAD.search(low)
    m = head if head and not count else rx.compiled(_FIELD_WORDS.get(name, r"\bhow\s+many\b")).search(low)
    return _took(q, start, m, name) if m else (start, name)


def _took(q: Question, start: int, m: re.Match, name: str) -> tuple[int, str]:
    _blank_frame(q, start, m, min(m.end(), len(q.text) - start))
    return start + m.start(), name


def _blank_frame(q: Question, start: int, m: re.Match, end: int) -> None:
    """Blank a match's words in `q` (its offsets from `start`) up to `end`, but not its open slot (`gap`): the words
    between a field's own words may be a question's content ('where do the OCR errors come from', 'is the list of
    retrieved passages complete'), left for the residual test to see; a title in the slot is blank already."""
    if "gap" in m.re.groupindex and m.group("gap"):
        q.blank(start + m.start(), start + m.start("gap"))
        q.blank(start + m.end("gap"), start + end)
    else:
        q.blank(start + m.start(), start + end)


# The conditions whose values narrow a field's text ('authors at Waterloo', '<author>: 3rd of 5'): the answer words
# the field for those values (rag/catalog_values.fields_text) and asks no yes/no of them.
NARROWED_BY = {"affiliation": "affiliation", "organisation_authors": "organisation", "organisation": "organisation",
               "organisation_place": "organisation", "author_position": "author", "author_next": "author",
               "author_previous": "author", "author_marks": "author"}
# The ones a lookup keeps whatever the paper holds: beside a question for the organisation itself, an organisation
# condition only said which paper ('the Mila quantile-flows paper: which lab tags?') and is dropped when it holds.
_MARKS = {f: c for f, c in NARROWED_BY.items() if f not in ("organisation", "organisation_place")}


def place_key(word: str) -> str:
    """'second' -> 'author@1' (0-based), 'first' / 'lead' -> 'first_author', 'senior' -> 'last_author', 'middle'."""
    word = word.casefold()
    if word in ("leads", "led"):  # 'who leads it'
        word = "lead"
    if word in _LIST_ENDS:  # 'who closes out the author list', 'who opens it'
        word = "first" if _LIST_ENDS[word] == 0 else "last"
    if word == "middle":
        return "middle_author"
    index = ordinal(word)
    assert index is not None, word  # _PLACE is built from the same words
    return {0: "first_author", -1: "last_author"}.get(index, f"author@{index}")


def _field_of(c: Condition) -> str | None:
    """The field a yes/no part is answered from: a printed badge shows itself, the legend's mark (or its absence:
    'which of its authors are not Amii people') each author's."""
    if c.field == "affiliation" and c.label.removeprefix("not ") == f"affiliation: {c.value.removeprefix('not ')}":
        return "affiliation"  # not 'last author: Amii', a check of one place
    if c.field in _BADGE_NAMES:
        return c.field
    return None


def _from_conditions(conditions: list[Condition]) -> list[str]:
    return [f for c in conditions if (f := _field_of(c)) is not None]
