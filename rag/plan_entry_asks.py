"""What is asked of the entries a question selects, said as a clause of its own: 'what's the 38th paper on Courville's
list? date + code?', '… give its category and whether it has a Code badge', 'which entries outside LG carry the Code
badge? give me the category of each', '… - which, and what scores?', '… just before X - title, category, date?'.

A listing entry prints a fixed set of fields (title, authors, category, date, tag, section, score, Code badge, its place
on the page), so such a clause is recognised by what it is made of, not by its wording: a part of the question between
clause marks ('?', ';', ':', a dash, brackets, ', and' before an asking word) made only of field names (the entry fields
below and the badge registry's own words, rag/catalog_fields.py) joined by asking words ('give me', 'what's', 'its',
'whether it has', 'and', '+', 'of each'). Such a part asks for those fields of every entry the rest of the question
selects; read as values, 'code' in 'date + code?' would name a paper described by 'code', and 'whether it has a Code
badge' would filter the page before the 30th entry is counted. Any other word in the part (a topic, 'method',
'results') leaves it alone, so the rest of the planner decides as before; the rest of the question must still
select something (the clause is never the whole question), and it must say a listing or a set of entries (a page,
list, feed, being listed; entries, papers): the fields of one paper named by title or description are rag/plan_fields.py's.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_fields import BY_NAME
from rag.plan_listing import ENTRY
from rag.plan_order_words import NTH, listing_said
from rag.plan_terms import Question

# The fields a listing entry prints, by the nouns that name them. 'title' and 'which' ask for the entry itself, which
# every answer row names already: understood, nothing to add.
_ENTRY_FIELDS = [
    # 'who leads it', 'who's the lead': the byline's first name is who leads the paper
    ("first_author", r"(?:first|lead|leading)(?:[\s-]+authors?|(?=\s*(?:and|&|\+|/)\s*(?:the\s+|its\s+)?(?:last|final|senior)[\s-]+"
                     r"authors?\b))|"  # 'its first and last authors': both ends asked
                     r"who(?:\s+is)?\s+lead(?:s|ing)?\s+(?:it|them|each(?:\s+one)?|that\s+one)|"
                     r"who(?:'s|\s+is|\s+was)\s+(?:the\s+)?lead|(?:its|their)\s+lead(?:\s+(?:name|person))?"),
    ("last_author", r"(?:last|senior|final)[\s-]+authors?"),
    # 'how many of its authors have the Amii asterisk', 'which of their authors are starred': the legend's marks, said
    # with the count and the names (rag/catalog_authors.legend_marks); the legend's own name stands before the mark
    ("affiliation", r"(?:how\s+many|which|who)\s+of\s+(?:its|their|the(?:ir)?)\s+(?:co-?)?authors\s+(?:(?:ha(?:ve|s)|carry|carries|"
                    r"bears?|gets?|wears?)\s+(?:the\s+|an?\s+)?(?:[\w-]+(?:'s)?\s+)?(?:stars?|asterisks?|marks?)|(?:are|is)\s+"
                    r"(?:[\w-]+[- ])?(?:starred|asterisked|marked|affiliated|flagged))|how\s+many\s+(?:[\w-]+[\s-]+)?(?:affiliated|"
                    r"starred|marked|flagged)\s+(?:co-?)?authors\s+(?:does|do|did)\s+(?:it|they)\s+have"),
    ("author_count", r"(?:number|count)\s+of\s+(?:co-?)?authors|author\s+counts?|how\s+many\s+(?:co-?)?authors"),
    ("authors", r"(?:co-?)?authors?|bylines?|author\s+lists?|who\s+wrote\s+(?:it|them|each(?:\s+one)?)"),
    ("category", r"(?:arxiv\s+)?(?:categor(?:y|ies)|subjects?|subject\s+areas?)(?:\s+(?:codes?|names?|labels?))?"),
    ("date", r"(?:posting\s+|posted\s+|publication\s+|printed\s+)?dates?|when(?:\s+(?:it|they)\s+(?:was|were)\s+posted|"
             r"\s+(?:was|were|is|did)\s+(?:it|they|each)(?:\s+(?:posted|published|listed|dated|go\s+up|come\s+out))?)?|"
             r"(?:posting\s+)?(?:month|year)s?"),
    ("organisation", r"(?:org(?:ani[sz]ation)?\s+)?tags?|organi[sz]ations?|labs?"),
    ("section", r"sections?"),
    ("position", r"(?:place|position|rank|spot)s?(?:\s+on\s+the\s+(?:page|list))?|"  # 'what number on the list'
                 r"(?:number|no\.)\s+(?:on|in|down)\s+the\s+(?:page|list|listing|feed)|(?:list|listing)\s+(?:number|no\.)"),
    ("links", r"(?:web\s+)?(?:links?|urls?)(?:\s+(?:(?:do|does)\s+)?(?:its|their|the)\s+abstracts?(?:\s+(?:gives?|prints?|"
              r"shows?|holds?|contains?|has|have))?)?"),  # 'what link does its abstract give'
    ("title", r"titles?|which(?:\s+(?:one|ones|entry|entries|paper|papers))?"),
]
_BADGES = [(name, BY_NAME[name].words) for name in ("code", "score")]
_FIELD = re.compile("|".join(rf"(?P<{name}>\b(?:{words})(?![\w-]))" for name, words in _ENTRY_FIELDS + _BADGES),
                    re.I)
# The words a clause asks with: a verb of giving, a wh-word with its copula, a pronoun for the selected entries, a
# yes/no frame for a badge ('whether it has', 'does it carry', 'any'), joiners ('and', '+', ',') and 'of each'.
_ASKING = re.compile(
    r"\b(?:give|gives|tell|show|list|need|want)(?:\s+(?:me|us))?\b|\b(?:what|who)(?:'s|\s+(?:is|are|was|were))?\b|"
    r"\b(?:whether|if)\s+(?:it|they|each|that\s+one)\s+(?:has|have|had|carr(?:y|ies)|shows?|prints?|gets?|got)\b|"
    r"\b(?:whether|if)\s+(?:there(?:'s|\s+is|\s+are)|it(?:'s|\s+is)\s+got)\b|"
    r"\b(?:does|did|do)\s+(?:it|they|each|that\s+one)\s+(?:have|has|carry|show|print|get)\b|"
    # 'does its blurb give any link', 'do their abstracts print a URL': the entry's own text holds the field
    r"\b(?:does|did|do)\s+(?:its|their|the)\s+(?:abstracts?|blurbs?|summar(?:y|ies)|descriptions?)\s+"
    r"(?:have|has|carry|show|print|get|give|contain|include|provide|mention|hold)\b|\b(?:has|have)\s+(?:it|they)\s+got\b|"
    r"\b(?:is|are)\s+there\b|\b(?:and|plus|also|too|with|as\s+well|please|pls|plz|then|both|any|a|an|the|its|their|"
    r"each|every|one|ones|of|for|on|it|them|those|these|i\.?e\.?|or\s+not|yes\s+or\s+no|y/n|all|too)\b|[,+&/.'\"]", re.I)
# Where a clause may end ('?', ';', ':', a sentence's period, a dash, brackets): between them the question's parts. ', and' opens a clause only before an asking word; 'and which of its …' always does.
_CLAUSES = re.compile(r"[?;:!()\[\]]|\.(?=\s)|\s[-–—]+\s|[–—]|,\s*(?=(?:and\s+)?(?:give|tell|what|which|who|when|how|whether|"
                      r"plus|also|its|their|does|do|did|is|was|has)\b)|"
                      r"\s+and\s+(?=(?:which|how\s+many|who)\s+of\s+(?:its|their)\b)", re.I)
# A set of entries said ('entries', 'papers'), or one sought among them ('which Courville-page paper', 'his most recent
# CV entry'); 'the Cactus paper' names one paper, whose fields rag/plan_fields.py reads.
_ENTRIES = re.compile(r"\b(?:entries|papers|ones|items|postings|preprints|titles)\b|"
                      r"\b(?:the|an?)\s+[\w]+[\s-]author\s+(?:entry|paper|item|posting|preprint|one)\b|"  # 'the ten-author paper': selected by its byline's size
                      r"\b(?:which|what|(?:most\s+)?(?:recent|latest|earliest|oldest|newest|first|last|highest|lowest|top|bottom)"
                      r"(?:[\s-]+(?:listed|scored|dated))?)\s+(?:[\w'-]+\s+){0,3}?(?:entry|paper|item|posting|preprint|one)\b", re.I)
_NEEDS_ASKING = re.compile(r"\b(?:give|tell|show|list|need|want|what|who|when|how|whether|if|does|did|do|has|have|is|are|any|each|"
                           r"its|their|which)\b|[+&/]", re.I)


def entry_asks(q: Question, institutes: set[str] = frozenset()) -> list[str]:
    """The fields a clause of their own asks of the selected entries (catalog field names, in the order said), their
    words taken from `q`; [] when no part of the question is such a clause or nothing else is left to select. After a
    byline end asked, '(Amii or not)' asks that author's mark (`institutes`: who the pages' marks mean)."""
    one = bool(rx.search(rf"\b{NTH}(?:\s+{ENTRY}\b|\s+(?:on|in|down|from)\b)|#\s*\d|\b\d{{1,3}}(?:st|nd|rd|th)\b", q.text,
                         re.I))  # one entry at a place: 'the 38th … date?', '#42', 'the ninth entry'; not 'first author'
    if not _FIELD.search(q.text) or not (listing_said(q.original) or one or _ENTRIES.search(q.original)):
        return []  # a paper named by its title or a description: its fields are rag/plan_fields.py's to read
    bounds = [0] + [m.end() for m in _CLAUSES.finditer(q.text)] + [len(q.text)]
    asked: list[str] = []
    taken: list[tuple[int, int]] = []
    for start, end in zip(bounds, bounds[1:]):
        fields = _asked_in(q.text[start:end], one) or _mark_or_not(q.text[start:end], asked, institutes)
        if fields:
            asked += [f for f in fields if f not in asked]
            taken.append((start, end))
    if not taken:
        return []
    rest = q.text
    for start, end in taken:
        rest = rest[:start] + " " * (end - start) + rest[end:]
    if not rx.search(r"[A-Za-z0-9]", rest):
        return []  # the clause is the whole question: nothing selects the entries it asks about
    for start, end in taken:
        q.blank(start, end)
    return [f for f in asked if f not in ("title",)]  # the entry itself: every row names it


def _asked_in(part: str, one: bool) -> list[str]:
    """The fields `part` asks, when it is made of nothing but field names and asking words (else []); `one`: the
    question selects one entry by its place, so a bare field name ('… 3rd entry: last author?') asks it."""
    if not rx.search(r"[A-Za-z]", part):
        return []
    fields = [m.lastgroup for m in _FIELD.finditer(part)]
    if not fields:
        return []
    left = _ASKING.sub(" ", _FIELD.sub(" ", part))
    if rx.search(r"[A-Za-z0-9]", left):
        return []  # a word that names no field and asks nothing: a topic, a value, a condition
    # A single bare field name ('code?') may be a filter said tersely; asked only with an asking word or two fields.
    if len(fields) < 2 and not one and not _NEEDS_ASKING.search(part):  # 'when was it posted' asks with its field
        return []
    if set(fields) == {"title"} and not rx.search(r"\btitles?\b", part, re.I):
        return []  # a bare 'which' or 'which one' asks only for the entries the rest selects: nothing to take
    return [str(f) for f in dict.fromkeys(fields)]


def asked_fields(part: str) -> list[str]:
    """The fields one clause asks of one entry already selected ('what date does it carry', 'category + date pls'),
    when it is made of nothing but field names and asking words; [] otherwise (rag/plan_entry_step.py)."""
    return _asked_in(part, True)


def clause_fields(text: str) -> list[str]:
    """The entry fields asked by every clause of `text` made only of field names and asking words ('…? what number, and
    who is its first author?' -> first_author), the entry itself and its place left out: what a one-paper place lookup
    asks besides the place."""
    bounds = [0] + [m.end() for m in _CLAUSES.finditer(text)] + [len(text)]
    found = [f for a, b in zip(bounds, bounds[1:]) for f in _asked_in(text[a:b], True)]
    return [f for f in dict.fromkeys(found) if f not in ("title", "position")]


def with_asked(lookup: dict, fields: list[str]) -> dict:
    """A one-paper lookup's arguments (rag.planner.Plan) with the fields a clause of their own asked added to what it
    asks ('X is on Y's profile: which paper, when, and does it have code?'); {} (no paper) stays {}."""
    if not lookup:
        return lookup
    also = lookup.get("also", []) + [f for f in fields if f != lookup.get("lookup")]
    return lookup | {"also": list(dict.fromkeys(also))}


# 'who is its first author (Amii or not)?': the mark of the byline end just asked, said as a yes/no aside
_OR_NOT = re.compile(r"\W*(?:an?\s+)?(?P<mark>[\w-]+?)(?:[\s-]+(?:affiliated|starred|marked|flagged))?\s+(?:or\s+not|yes\s+or\s+no|y/n)\W*",
                     re.I)


def _mark_or_not(part: str, asked: list[str], institutes: set[str]) -> list[str]:
    """['first_author_marks'] for '(Amii or not)' said after a byline end was asked; [] otherwise."""
    m = _OR_NOT.fullmatch(part)
    ends = [f for f in asked if f in ("first_author", "last_author")]
    if m is None or not ends:
        return []
    if m["mark"].casefold() not in {i.casefold() for i in institutes} | {"starred", "marked", "affiliated", "flagged"}:
        return []
    return [f"{ends[-1]}_marks"]
