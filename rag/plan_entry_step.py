"""An entry selected by one clause and stepped from by another (issue 11): "what's the 20th title on the trending list,
and which paper comes straight after it?", 'Courville's page has exactly one GT entry. What is listed immediately
after it, and what date does that next entry carry?', 'what number is UniDexGrasp on the list, and what's the next
entry after it?'.

A listing page is an ordered list, so any selector the planner reads (a place, a title, a description, a field's
unique value, a sort's top) picks an entry that has neighbours. The question is read as clauses: one STEP clause says
a neighbour of an entry said by a pronoun ('after it', 'the one before that', 'the next entry'); clauses made only of
field names ask fields (rag/plan_entry_asks.py) of the entry said before them; the rest is the SELECTOR, planned by
the whole planner on its own. Taken only when the selector picks exactly one entry on one listing page and every
clause is understood; the anchor is answered too when its own clause asks something ('what's the 20th title …').
A step said of a named paper in one clause ('right after X') is rag/plan_relations.py's, never read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag import rx
from rag.catalog_order import listing_entries
from rag.plan_entry_asks import asked_fields
from rag.plan_order_words import listing_said
from rag.plan_terms import Condition
from rag.records import Paper

_NEAR = r"(?:(?:right|straight|directly|immediately|just)\s+)?"
_AFTER, _BEFORE = r"after|below|beneath|under|following", r"before|above|preceding|ahead\s+of"
# 'it', 'that one': a bare 'that' is left ('from 2021 or before that' is a time)
_IT = r"(?:it|(?:that|this)\s+(?:one|entry|paper|title))"
_ENTRY = r"(?:entry|paper|one|title|item|listing|posting)"
# A neighbour of the entry the other clauses select: 'straight after it', 'the one above that', 'the next entry
# (after it)', 'that next entry', 'the previous one', 'what comes next'.
_STEP = re.compile(
    rf"\b{_NEAR}(?P<w>{_AFTER}|{_BEFORE})\s+{_IT}\b(?!\s*'s)|"
    rf"\b(?:the|that|this)\s+(?:very\s+)?(?P<n>next|previous|preceding|following|prior)\s+{_ENTRY}s?"
    rf"(?:\s+(?:(?:right|straight|directly|immediately|just)\s+)?(?:{_AFTER}|{_BEFORE})\s+{_IT})?\b|"
    rf"\b(?:comes?|is|sits?|listed|follows?)\s+(?P<x>next)\b(?!\s+to\b)|\b(?P<v>follows|precedes|followed|preceded)\s+{_IT}\b", re.I)
# A neighbour of an entry said by what it carries, in the same clause: 'directly above the one with the highest score',
# 'right after the entry filed under GT'. The noun phrase becomes the selecting clause and the step's object 'it'.
# 'the only SD entry', 'the one GT paper': a value said as the mark of the only entry holding it.
_STEP_OF = re.compile(rf"\b{_NEAR}(?:{_AFTER}|{_BEFORE})\s+(?P<np>the\s+(?:(?:only|one|single|sole|lone)\s+(?:[\w.'-]+\s+)"
                      r"{0,3}?(?:entry|paper|item|one)\b|(?:only\s+|one\s+|single\s+)?(?:one|entry|paper|item)\s+(?=with|"
                      r"that|which|whose|filed|tagged|carrying|having|marked|scored|dated|posted|under))"
                      r"[^?;!,]*?)(?=\s*(?:[?;!,]|\.(?:\s|$)|\s[-–—]|$))", re.I)
# Where a question's clauses end: '?', ';', a sentence's period, a dash, ', and' / 'and' before an asking word.
_CLAUSES = re.compile(r"[?;!]|\.(?=\s)|\s[-–—]+\s|[–—]|,\s*(?:and\s+)?(?=(?:what|which|who|when|how|give|tell|plus|"
                      r"also|its|their)\b)|\s+and\s+(?=(?:what|which|who|when|how|give|tell)\b)", re.I)
# The words of a step clause that ask nothing beyond the step: its verb of being placed and its entry noun.
_STEP_FRAME = re.compile(r"\b(?:what|which|who)(?:'s|\s+(?:is|are|was|were))?|\b(?:is|are|was|were|gets?)\s+(?:listed|"
                         r"printed|placed|shown)|\b(?:listed|printed|placed|shown|comes?|coming|sits?|sitting|appears?|"
                         r"follows?|lands?|shows?\s+up|is|does|did|do|carr(?:y|ies)|bears?|gives?|shows?|prints?|has|"
                         r"have)\b|\b(?:entry|paper|one|title|item|listing|posting)s?\b|\b(?:and|the|its|their|it|that|this|those|these)\b",
                         re.I)
_ASKS = re.compile(r"\b(?:what|which|who|when|how|whats|give|tell|name)\b|\?", re.I)


def entry_step(question: str, catalog, plan_of: Callable[[str], object]) -> dict | None:
    """The Plan arguments (rag.planner.Plan) for the entry next to one a clause of `question` selects, with what the
    clauses ask of either; None when no step on a pronoun is said of a listing; {} (leave the question: no other
    reader knows what 'it' is, and an answer to the rest would answer another question) when one is said but a part
    is not understood. `plan_of` is the planner itself, for the selecting clause."""
    said = _STEP.search(question) or _STEP_OF.search(question)
    if said is None or not listing_said(question):
        return None
    return _stepped(question, catalog, plan_of) or {}


def _stepped(question: str, catalog, plan_of: Callable[[str], object]) -> dict | None:
    described = ""
    if _STEP.search(question) is None and (of := _STEP_OF.search(question)):  # '… above the one with the top score?'
        described, question = of["np"], question[:of.start("np")] + "it" + question[of.end("np"):]
    step_at = _STEP.search(question)  # the listing was said in the question as asked (entry_step)
    if step_at is None:
        return None
    bounds = [0] + [m.end() for m in _CLAUSES.finditer(question)] + [len(question)]
    parts = [(a, b) for a, b in zip(bounds, bounds[1:]) if rx.search(r"[A-Za-z0-9]", question[a:b])]
    at = next(i for i, (a, b) in enumerate(parts) if a <= step_at.start() < b)
    step = -1 if rx.match(_BEFORE + r"|previous|preceding|prior", _direction(step_at), re.I) else 1
    anchor_words, anchor_fields, next_fields, scope = [], [], [], []
    for i, (a, b) in enumerate(parts):
        part = question[a:b]
        if i == at or i > at and _STEP.search(part):  # a step clause: what it asks besides the step
            fields = _fields(_STEP.sub(" ", part), step_clause=True)
            if fields is None and i == at:  # 'on courvilles page, the entry right after it': the scope goes to the
                scope.append(_STEP_FRAME.sub(" ", _STEP.sub(" ", part)))  # selector, which the planner must read
                continue
            if fields is None:
                return None
            next_fields += fields
        elif i > at:  # 'and who is its first author': asked of the entry just stepped to
            fields = _fields(part, step_clause=False)
            if fields is None:
                return None
            next_fields += fields
        elif (fields := _fields(part, step_clause=False)) and anchor_words:  # 'UniDexGrasp on the list: what number?'
            anchor_fields += fields
        else:
            anchor_words.append(part)
    selector = " ".join([w.strip(" ,") for w in anchor_words + scope] + [described]).strip()
    if not selector or _STEP.search(selector):
        return None
    anchor = _one_entry(selector, catalog, plan_of)
    if anchor is None:
        return None
    entry, path, entries = anchor
    place = entries.index(entry) + step
    if not 0 <= place < len(entries):
        return None  # nothing is printed there: the step falls off the page
    neighbour = entries[place]
    asked_too = bool(_ASKS.search(selector)) or bool(anchor_fields)  # 'what's the 20th title …, and …'
    ids = {neighbour.paper_id} | ({entry.paper_id} if asked_too else set())
    side = "right after" if step == 1 else "right before"
    label = f"place: {side} {entry.title[:50]} (entry {place + 1})" + (" and that entry" if asked_too else "")
    also = list(dict.fromkeys(anchor_fields + next_fields))
    if asked_too and "position" not in also and rx.search(r"\b(?:number|position|place|rank|spot)\b", selector, re.I):
        also.insert(0, "position")  # 'what number is X on the list, and …': its place is asked with it
    return {"op": "list", "conditions": [Condition("position", f"{side} {path} {place}", label,
                                                   lambda p: p.paper_id in ids)],
            "also": [f for f in also if f != "title"]}


def _direction(m: re.Match) -> str:
    return {"follows": "after", "followed": "after", "precedes": "before", "preceded": "before"}.get(
        (m["v"] or "").casefold()) or m["w"] or m["n"] or m["x"] or ""


def _fields(part: str, step_clause: bool) -> list[str] | None:
    """The entry fields a clause asks (rag/plan_entry_asks.py), [] when it asks only for the entry itself (a step
    clause's 'what is listed …'); None when a word in it is neither a field nor frame."""
    left = _STEP_FRAME.sub(" ", _STEP.sub(" ", part))  # 'what date does that next entry carry': 'date'
    if not rx.search(r"[A-Za-z0-9]", left):
        return [] if step_clause else None  # 'which paper comes straight after it': the entry itself
    return asked_fields(left) or None


def _one_entry(selector: str, catalog, plan_of) -> tuple[Paper, str, list[Paper]] | None:
    """The one entry the selecting clause picks, the listing page it is on and that page's entries in printed order;
    None when the planner leaves the clause or it picks none or several."""
    from rag.catalog_query import run  # the query runner imports the planner: late

    for said in (selector, f"which is {selector}"):  # a bare noun phrase ('the one GT entry on X's page') is asked
        plan_ = plan_of(said)
        if plan_ is None or plan_.op == "which":
            continue
        rows = run(plan_, catalog.papers).rows
        if len(rows) != 1:
            return None
        pages = [c.value.casefold() for c in plan_.conditions if c.field == "page" and not c.value.startswith("not ")]
        listed = [s for s in rows[0].sources if s.format != "pdf"]
        named = [s for s in listed if any(v in f"{s.page_name} {s.path}".casefold() for v in pages)]
        sources = named or listed
        if len({s.path for s in sources}) != 1:
            return None  # on two pages and neither named: which page's neighbour is unclear
        path = sources[0].path
        return rows[0], path, listing_entries(catalog.papers)[path]
    return None
