"""Whether the pages print a field at all: 'with an organisation tag', 'without a category', 'no date', 'have both a
lab tag and a Code badge', '(year shown)'. Not a value of the field (rag/plan_values.py reads those): only its
presence, each field with whether its page prints the slot, so a negation is said over the papers that could have it.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_fields import presence as badges
from rag.plan_terms import Condition, Question


def presence(q: Question, negated: bool) -> list[Condition]:
    """'with an organisation tag', 'without a category', 'no date': whether the pages print a field at all.
    Outside a negation an article is required ('papers with a category'), so 'which category …' is not one. Fields
    joined by 'and' share the verb said once: 'have both a lab tag and a Code badge' is both conditions."""
    if not negated:  # 'have both a X and a Y': 'both' stands between the verb and the field
        # (a bracket of the field's values may stand before 'and': 'both a tag (mila/mit) and a Code badge')
        q.take(r"(?<=\s)both(?=\s+(?:(?:an?|any|the)\s+)?\S+(?:\s*/\s*\S+)?(?:\s+\S+){0,3}(?:\s*\([^()]*\))?\s+(?:and|plus)\s)")
        # 'have either a Code badge or a score': 'either' stands where 'both' does, the 'or' joins (rag/plan_joined.py)
        q.take(r"(?<=\s)either(?=\s+(?:(?:an?|any|the)\s+)?\S+(?:\s+\S+){0,3}(?:\s*\([^()]*\))?\s+or\s)")
    found = _present(q, negated)
    if negated:
        return found
    for m in list(rx.finditer(r"\b(and|plus|or)(?=\s+(?:also\s+)?(?:an?|any|some|the)\s)", q.text, re.I)):
        _noun_of_value(q, m.start())  # 'have a mila tag and a Code badge': the tag's noun goes with its value
        j = len(q.folded[:m.start()].rstrip()) - 1  # the last character said before 'and'
        if aside := rx.search(r"\(([\s/,]|\bor\b)*\)\s*$", q.text[:m.start()]):  # '(mila/mit)': values read, the
            j = len(q.folded[:aside.start()].rstrip()) - 1  # bracket only held them; the field before it joins
        if j < 0 or q.text[j] == q.folded[j]:
            continue  # 'and' after a word still there, not after a field just read
        # ('a Code badge or a score': the field before 'or' may have been taken by another reader; its verb was said)
        if not found and not rx.search(r"\b(?:have|has|having|with|carry|carries|carrying|show|shows|showing)\s+(?:an?\s+|the\s+)?$",
                                       rx.sub(r"\s+", " ", q.text[:m.start()]).rstrip()[-16:] + " ") and not (
                m[1].casefold() == "or" and rx.search(r"\b(?:have|has|having|with|carry|carries|carrying|show|shows|showing)"
                                                      r"\s+(?:\S+\s+){1,3}$", q.folded[:m.start()], re.I)):
            continue  # 'have at least 3 authors and the Code badge': only after a verb of having, whatever it had
        # Read the joined field with the verb said before: 'and' stands for it (the same length keeps positions); ' or'
        # too, with the space before it ('a score or a Code badge': either, rag/plan_joined.py).
        start = m.start() - 1 if m[1].casefold() == "or" else m.start()
        said = q.text[start:m.end()]
        verb = {3: "has", 4: "with"}[len(said)]
        q.text = q.text[:start] + verb + q.text[m.end():]
        more = _present(q, negated, joined=True)
        if q.text[start:m.end()] == verb or m[1].casefold() == "or":  # an 'or' stays, for rag/plan_joined.py
            q.text = q.text[:start] + said + q.text[m.end():]
        found += more
    return found


def _noun_of_value(q: Question, end: int) -> None:
    """Blank a field's noun said right after its value and before `end` ('a mila tag', 'an LG category'): the value
    was read (blanked), and the noun only names its field."""
    m = rx.search(r"(?<=\s)(tags?|labels?|categor(?:y|ies)|sections?)\s+$", q.text[:end], re.I)
    if m is not None and m.start() >= 2 and q.text[m.start() - 2] != q.folded[m.start() - 2]:
        q.blank(m.start(1), m.end(1))


def _present(q: Question, negated: bool, joined: bool = False) -> list[Condition]:
    """The fields present, each after a verb of having; `joined`: a field after 'and' ('and an author named X' is a
    described author, not a field present)."""
    # Not over a blanked value: in 'end with a (non-Amii) author' the article is the value's, not 'with an author'.
    article = r"(?:an?|any|some)\s{1,2}(?!\s)" if not negated else r"(?:an?|any)?\s*"
    lead = "" if negated else r"\b(?:with|have|has|carry|carries|carrying|having|show|shows|print|prints|provide|" \
                              r"provides|release|releases)\s+"
    tag = r"(?:organi[sz]ations?|orgs?|labs?|institut(?:e|ion)s?)"
    fields = [("organisation", rf"(?:{tag}(?:\s*/\s*{tag})?\s+)?tags?|organi[sz]ations?", lambda p: p.organisation is not None),
              ("category", r"(?:arxiv\s+)?(?:categor(?:y|ies)|subjects?)", lambda p: p.category is not None),
              ("date", r"(?:printed\s+|full\s+|posting\s+)?dates?", lambda p: bool(p.date)),
              ("affiliation", r"affiliat\w+(?:\s+(?:co-?)?authors?)?|affiliation\s+marks?",
               lambda p: any(a.affiliation for a in p.authors)),
              ("authors", r"(?:listed\s+|printed\s+)?authors?(?:\s+list(?:ed)?)?", lambda p: bool(p.authors)),
              ("venue", r"venues?", lambda p: p.venue is not None)]
    # The badge-like fields (Code, score, equal contribution, 'et al.', arXiv stamp) come from one registry, each
    # with whether its page prints the slot at all: a PDF has no Code badge to lack (rag/catalog_fields.py).
    found = badges(q, negated)
    for name, words, test in fields:
        if joined and name in ("authors", "affiliation"):
            continue
        # 'with an author who is not from Amii', 'an author at Brown': the author is described, not just present.
        if q.take(rf"{lead}{article}\b(?:{words})\b(?!\s+(?:who|whose|that|from|at|affiliated|named|called|surnamed)\b)"):
            found.append(Condition("presence", name, f"has: {name}", test))
    # The year of a dated entry: a profile prints none for this year's entries ('Jun 4'), only among dated ones.
    shown = r"(?:shown|printed|given|stated|visible|displayed|explicit)"
    said = "" if negated else rf"\(\s*(?:with\s+)?(?:the\s+|an?\s+)?years?\s+{shown}\s*\)|" \
        rf"\b(?:with|having|where|whose)\s+(?:the\s+|an?\s+|its\s+|their\s+)?years?\s+(?:is\s+|are\s+)?{shown}\b|\b(?:an?\s+)?explicit\s+years?\b|"
    if q.take(rf"{said}{lead}{article}\b(?:printed\s+|explicit\s+)?years?\b(?!\s*\d)"):
        found.append(Condition("presence", "year", "has: a printed year", lambda p: bool(p.date) and not p.date_inferred,
                               known_test=lambda p: bool(p.date) and p.date_precision != "year"))
    return found
