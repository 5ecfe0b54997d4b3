"""One person's record on the pages, when no reader of rag/planner.py took a question about a person's entries.

'Harshit Sikchi is on one of Amii's ICLR papers - which one, what position, and does he have the Amii star?',
'Scott Fujimoto shows up on Courville's page - on which paper, in which slot, and what score does that entry show?':
a person the catalog holds is named, no paper is, and what is asked is their record — which entries print them, their
place in each byline, their own marks, who stands ahead of them, the entry's date, score, category or Code badge. As
the record card (rag/plan_card.py) answers a named paper's record with every field its page prints, this answers
with the person's rows: each entry that prints them, their place of n, the names ahead, their marks and the entry's
fields, so whichever of them was asked is there, cited.

Read by structure, composed with the catalog's readers:
1. exactly one person is named (rag/plan_values: a full name, or a surname only one person has), and no title;
   pages, venues, categories and dates said beside them narrow the entries (rag/plan_values.conditions);
2. a place asked of them by a pronoun in the asking clause narrows too ('which one has him second', 'which one is
   she not first author on'); an earliest or latest asked sorts the entries by date ('which of the two came out first');
3. the clause that only says where the person is ('X shows up twice on the Courville page', 'X leads most of his
   papers there') asks nothing; what is left of the rest must be question frame, and a why or how (but 'how many'),
   a clause about content (rag/plan_compound) or the person's work (rag/plan_line.person_acts) sends it to retrieval.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_authors import marks_of_text, position_text, printed_names
from rag.catalog_sort import n_papers
from rag.catalog_values import card_text
from rag.plan_compound import content_asked
from rag.plan_hedges import unhedged
from rag.plan_line import person_acts
from rag.plan_links import link_contents
from rag.plan_order import listing_order
from rag.plan_position import PLACE_WORDS, at_place, not_at, ordinal
from rag.plan_shorthand import spelled_out
from rag.plan_terms import Condition, Question
from rag.plan_values import conditions, title
from rag.planner import Plan
from rag.records import Paper, normalize_title

_CONTENT_WH = re.compile(r"\bwhy\b|\bhow\b(?!\s+(?:many|much)\b)", re.I)
# The person said by a pronoun, or by their name: its span is marked '§' (_named) before the places are read.
_PRONOUN_SUBJECT = r"(?:he|she|they|§)"
_PRONOUN_OBJECT = r"(?:him|her|them|§)"
_NOT = r"(?P<neg>\s+not|n't|\s+never)?"
_SLOT_NOUN = r"(?:\s+(?:author|name|one|place|slot|position|spot))?"
# A place asked of the person: 'is he NOT first author on', 'he's second', 'which one has him second', 'which entry has
# Max Schwarzer third'.
_PLACE_OF = re.compile(
    rf"\b(?:is|was|are|were){_NOT}\s+{_PRONOUN_SUBJECT}{_NOT.replace('neg', 'neg2')}\s+(?:listed\s+|printed\s+|named\s+)?"
    rf"(?:as\s+)?(?:the\s+|a\s+)?(?P<place>{PLACE_WORDS}){_SLOT_NOUN}\b|"
    rf"(?:\b(?:he|she|they)(?:'s|\s+is|\s+was)|§\s+(?:is|was)){_NOT.replace('neg', 'neg3')}\s+(?:listed\s+|printed\s+)?(?:as\s+)?"
    rf"(?:the\s+|a\s+)?(?P<place2>{PLACE_WORDS}){_SLOT_NOUN}\b|"
    rf"\b(?:has|have|had|lists?|listed|shows?|showed|puts?|prints?|printed)\s+{_PRONOUN_OBJECT}\s+(?:listed\s+)?"
    rf"(?:as\s+)?(?:the\s+)?(?P<place3>{PLACE_WORDS}){_SLOT_NOUN}\b", re.I)
# What is asked of the person's record: which entry, their place in the byline, their marks, the names ahead of them,
# the entry's own fields. One of them must be asked; all are taken, so the rest can be judged frame.
_ASKED = re.compile(
    r"\b(?:on\s+|in\s+)?(?:which|what)(?:\s+of\s+(?:the|his|her|their|those|these)(?:\s+(?:two|three|both))?)?"
    r"(?:\s+(?:one|ones|papers?|entr(?:y|ies)|titles?|listings?|works?|preprints?))?\b|"
    r"\b(?:in\s+|at\s+)?(?:which|what)\s+(?:position|slot|place|spot|rank|seat|number)\b|"
    r"\b(?:position|slot|place|spot|rank|seat)\b|\bwhere\b(?:\s+(?:does|do|is)\s+(?:he|she|they)\s+(?:sit|stand|come|fall))?|"
    r"\b(?:byline|author\s+(?:list|line|order)|list\s+of\s+(?:authors|names))\b|"
    r"\b(?:starred|asterisk(?:ed)?|star|marks?|marked|flag(?:ged)?|dagger|symbol)\b|"
    r"\b(?:who(?:'s|\s+is|\s+are|\s+comes?|\s+stands?)?\s+)?(?:ahead\s+of|in\s+front\s+of|before|behind)\s+"
    rf"{_PRONOUN_OBJECT}\b|"
    r"\b(?:score|dated?|posted|category|code(?:\s+badge)?|badge|(?:lab|org|organisation|organization)\s+tag|tag)\b", re.I)
# The names beside them, said without the person again ('whose names come immediately before and after (on the byline)',
# 'his neighbours', 'who stands either side'): the answer's row says the names ahead and the one after.
_NEIGHBOURS = re.compile(
    r"\b(?:(?:immediately|right|just|directly)\s+)?(?:before|after|ahead|behind)(?:\s+and\s+(?:(?:immediately|right|just|"
    r"directly)\s+)?(?:after|before|behind))?(?=\s+(?:on|in)\s+(?:the\s+|its\s+|that\s+)?(?:byline|author\s+(?:list|line))|"
    r"\s*(?:[?.!,;]|$))|\b(?:neighbou?rs?|(?:(?:stands?|sits?|comes?)\s+)?(?:on\s+)?either\s+side)\b", re.I)
# A clause that only says where the person is, asking nothing: what it may hold besides the values read.
_SAYS_WHERE = re.compile(
    r"\b(?:shows?|showed|turns?|turned|pops?|popped)\s+up\b|\b(?:appears?|appeared|features?|featured|leads?|led|heads?|"
    r"headed)\b|\b(?:is|was|are)\s+(?:listed\s+)?(?:on|in)\b|\b(?:first|lead)[- ]author(?:ed|s)?\b|"
    r"\b(?:(?:a\s+few|a\s+couple\s+of|several|multiple|many|a\s+number\s+of|\d+|two|three|four)\s+times|more\s+than\s+once)\b|"
    r"\b(?:usually|typically|generally|normally|often|mostly|rarely|seldom|always|never|not)\b|"
    r"\b(?:once|twice|thrice|two|three|four|several|many|most|nearly|almost|mostly|all|every|both|one|ones)\b|"
    r"\b(?:of|on|in|his|her|their|the|papers?|entries|ones|there|here|author|co-?author)\b", re.I)
_SORT = re.compile(r"\b(?P<early>first(?![- ](?:author|name))|earlier|earliest|older|oldest)\b|\b(?P<late>later|latest|newer|newest|"
                   r"more\s+recent(?:ly)?|most\s+recent(?:ly)?)\b|\b(?:came|come|comes|went|go|goes)\s+(?:out|up)\b|"
                   r"\b(?:posted|published|dated)\b", re.I)
_WH = re.compile(r"\b(?:which|what|who|whom|whose|when|where|how\s+many)\b|\?", re.I)


def person_card(question: str, catalog: Catalog) -> Plan | None:
    """A 'person' plan: the entries printing the one person named, with their record; None when the question is not
    about one person's record (see the module's three tests)."""
    text = unhedged(spelled_out(question))
    q = Question(text)
    if _CONTENT_WH.search(text) or link_contents(text) or title(q, catalog) is not None or content_asked(q) \
            or person_acts(q):
        return None
    found = conditions(q, catalog)
    people = [c for c in found if c.field == "author"]
    if len(people) != 1 or people[0].value.startswith("not "):
        return None
    person = people[0]
    placed = _place_asked(q, person)
    found = [placed if c is person else c for c in found if c.field != "affiliation"]  # the mark is asked, not a filter
    order = listing_order(q)  # 'which one comes last in the listing': the page's printed order, not a date
    if order is not None and (order.nth or order.limit or order.key != "position"):
        return None  # the n-th of theirs, or A to Z: the planner's order readers' questions
    asked, key = order is not None, {"first": "position", "last": "-position"}.get(order.op, "") if order else ""
    beside = False  # the names either side asked: the planner's plain list of their entries does not say them
    for clause in _clauses(q):
        if not _WH.search(q.folded[clause[0]:clause[1]]):  # says where the person is: 'X shows up twice on Y'
            _take_between(q, clause, _SAYS_WHERE)
            continue
        key = key or _sort_asked(q, clause)
        beside |= bool(_take_between(q, clause, _NEIGHBOURS))
        asked |= bool(_take_between(q, clause, _ASKED)) or beside
    q.take(r"\b(?:he|she|they|him|her|them|his|hers|their|himself|herself)\b")  # the one person named
    if not asked or any(not _misspelt(word) for word in q.residual()):
        return None
    return Plan(op="person", conditions=found, lookup=person.value.removeprefix("not "), key=key,
                also=(["author_position"] if placed is not person else [])  # a place read ('has him first'), no sort
                + (["author_neighbours"] if beside else []))


# The words of what is asked, long enough that one slip of the keyboard still names one of them ('positon', 'byline').
_ASKED_WORDS = ("position", "places", "byline", "starred", "asterisk", "marked", "score", "posted", "category", "badge",
                "paper", "papers", "entry", "entries", "author", "authors", "which")


def _misspelt(word: str) -> bool:
    """One of the asked words with one letter left out, added, changed or two swapped."""
    return len(word) >= 5 and any(_one_edit(word, asked) for asked in _ASKED_WORDS)


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i:i + 1] and a[i:i + 1] == b[i + 1:i + 2] and a[i + 2:] == b[i + 2:])


def _clauses(q: Question) -> list[tuple[int, int]]:
    """The question's clauses as spans: split at sentence ends, colons, semicolons and dashes set apart."""
    bounds = [0] + [m.end() for m in rx.finditer(r"[.?!;:]\s|\s[-–—]+\s", q.folded)] + [len(q.folded)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if q.folded[a:b].strip()]


def _take_between(q: Question, clause: tuple[int, int], pattern: re.Pattern) -> int:
    taken = 0
    for m in list(pattern.finditer(q.text, clause[0], clause[1])):
        q.blank(m.start(), m.end())
        taken += 1
    return taken


def _place_asked(q: Question, person: Condition) -> Condition:
    """The person at (or not at) the place said of them (by a pronoun or their name) in an asking clause; the person as
    named otherwise."""
    for clause in _clauses(q):
        if not _WH.search(q.folded[clause[0]:clause[1]]):
            continue
        m = _PLACE_OF.search(_named(q), clause[0], clause[1])
        if m is None:
            continue
        word = m["place"] or m["place2"] or m["place3"]
        index = ordinal(word)
        if index is None:
            continue
        q.blank(m.start(), m.end())
        at = at_place(person, index, word.casefold())
        return not_at(person, at, index) if m["neg"] or m["neg2"] or m["neg3"] else at
    return person


def _named(q: Question) -> str:
    """The question's text with each person's span marked '§' where the name began (the same length, blanks after); a
    possessive ('Samuel Lavoie's first paper') is no person in a place, and is marked '¶'."""
    text = q.text
    for start, end, kind in q.spans:
        if kind == "person":
            mark = "¶" if q.folded[start:end].endswith(("'s", "’s")) else "§"
            text = text[:start] + mark + " " * (end - start - 1) + text[end:]
    return text


def placed_plan(the_plan: Plan | None, question: str, catalog: Catalog) -> Plan | None:
    """The plan to answer with: the person card's when no reader took the question or a description was unsure which
    paper it meant, or when it reads a place asked of the person ('which one has him first', 'which entry has X third')
    that the planner's plan does not hold (it had read 'first' as a date sort, the place not at all, or another)."""
    if the_plan is not None and the_plan.op not in ("which", "first", "last", "list", "count"):
        return the_plan
    person = person_card(question, catalog)
    if person is None:
        return the_plan
    if the_plan is None or the_plan.op == "which" or the_plan.op == "list" and "author_neighbours" in person.also:
        return person  # 'which paper is X on, and who is just before and after?': the list would not say who
    said = {p for c in person.conditions if (p := _place_of(c.label))}
    # Kept when it read the same place; not when it read another ('X is first author on most … which one is he not
    # first on': the statement's place, not the one asked)
    return person if said and not said & {_place_of(c.label) for c in the_plan.conditions} else the_plan


_PLACE_LABEL = re.compile(rf"(not\s+)?({PLACE_WORDS})\s+author:\s+(.+?)(?:\s+\((?:not\s+)?printed\))?$", re.I)


def _place_of(label: str) -> tuple[bool, int | None, str] | None:
    """(negated, place, person) a condition's label says ('not lead author: X' = 'not first author: X (printed)')."""
    m = _PLACE_LABEL.match(label)
    return (bool(m[1]), ordinal(m[2]), m[3].casefold()) if m else None


def _sort_asked(q: Question, clause: tuple[int, int]) -> str:
    """'date' for the earliest first, '-date' for the latest first, '' for the page's order, asked in the clause;
    the words taken."""
    early = late = False
    for m in list(_SORT.finditer(q.text, clause[0], clause[1])):
        early, late = early or bool(m["early"]), late or bool(m["late"])
        q.blank(m.start(), m.end())
    return "date" if early and not late else "-date" if late and not early else ""


def person_rows(papers: list[Paper], plan_: Plan, scope: str) -> tuple[list[Paper], str]:
    """(rows, headline): the selected entries that print the person, in the page's order or by date as asked, each
    said with the person's place of n, the names ahead of them, their own marks and the entry's printed fields."""
    name = plan_.lookup or ""
    key = normalize_title(name)
    rows = [p for p in papers if key in printed_names(p)[0]]
    hidden = len(papers) - len(rows)  # on the profile they own, cut by 'et al.'
    if plan_.key.endswith("position"):  # the page's printed order, from the top or the bottom
        rows.sort(key=lambda p: min(s.position for s in p.sources), reverse=plan_.key == "-position")
    elif plan_.key:
        dated = sorted((p for p in rows if p.date), key=lambda p: p.date or "", reverse=plan_.key == "-date")
        rows = dated + [p for p in rows if not p.date]
    if not papers:  # the place asked holds on none of their entries ('which one is he not first on': none)
        return [], f"No entry matches{scope}."
    if not rows:
        return [], f"{name} is not printed on any author list here{scope}." + (
            f" ({n_papers(hidden)} cut with 'et al.' may hold the name.)" if hidden else "")
    order = {"date": " (earliest first)", "-date": " (latest first)", "position": " (in the page's order)",
             "-position": " (from the bottom of the page up)"}.get(plan_.key, "")
    each = [f"{position_text(p, [name])}{_ahead(p, key)}; {marks_of_text(p, [name])}. Entry: {card_text(p)}"
            for p in rows]
    text = f"{name} is printed on {n_papers(len(rows))}{scope}{order}: " + " | ".join(each)
    return rows, text + (f" On {n_papers(hidden)} the name is not printed (the list is cut with 'et al.')." if hidden
                         else "")


def _ahead(paper: Paper, key: str) -> str:
    """The names ahead of the person, and the one right after them ('who comes just before and after him'): the last
    name of a complete list has none after it, a name before 'et al.' an unknown one."""
    names = printed_names(paper)[0]
    at = names.index(key)
    ahead = [a.name for a in paper.authors[:at]]
    after = f" (followed by {paper.authors[at + 1].name})" if at + 1 < len(names) else \
        "" if paper.authors_truncated else " (last)"
    return (f" (after {', '.join(ahead)})" if ahead else " (first)") + after


__all__ = ["person_card", "person_rows", "placed_plan"]
