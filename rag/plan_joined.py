"""'or' between conditions on two different fields of an entry (issue 11): 'tagged deepmind or with a Code badge',
'either in CL or with a score', 'a Code badge or more than eight authors'. The readers take each value on its own
and the plan's conditions all hold together, so without this the 'or' is read as 'and' — a wrong answer. Values of
one field joined by 'or' ('CL or CV') are one condition already (rag/plan_scope.merge).

Each side of an 'or' the readers left standing is read again on its own, word by word outward from the 'or', the
shortest run that names grounded values and nothing else; two sides naming different fields become one condition
that holds when either does. A side that cannot be matched to the plan's conditions (or says a negation) leaves the
question unplanned rather than answered as 'and'.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag import rx
from rag.plan_terms import Condition, Question

Extract = Callable[[Question], list[Condition]]

_WORD = re.compile(r"\S+")
_STOP = re.compile(r"[?,;:!()]|\b(?:that|which|who|whose|where|when|but|and|or)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|no|without|never|neither|nor|lack\w*|missing)\b|n't\b", re.I)


def joined_or(q: Question, conditions: list[Condition], extract: Extract) -> list[Condition] | None:
    """`conditions` with the two of each cross-field 'or' made one; None when such an 'or' joins what the plan's
    conditions do not hold (the question is left to retrieval rather than answered as 'and')."""
    for m in rx.finditer(r"\bor\b", q.text, re.I):
        if q.folded[m.start():m.end()].casefold() != "or":
            continue
        left = _side(q.folded[:m.start()], extract, backwards=True)
        right = _side(q.folded[m.end():], extract, backwards=False)
        if right is None:  # 'a score or a Code badge': the verb said once, before the 'or'
            right = _side(" has" + q.folded[m.end():], extract, backwards=False)
        if right is None:
            continue  # no value after it: 'or not', 'or so', a question of its own ('… or is it cut off?')
        if left is None:
            return None  # 'tagged mila and not in LG, or with a score': a clause before it no side reading holds
        if {_field(c) for c in left} == {_field(c) for c in right}:
            continue  # one field's values: merged already ('CL or CV')
        said = left + right
        at = [next((i for i, c in enumerate(conditions) if c.label == s.label), None) for s in said]
        if any(i is None for i in at):
            continue  # read by another reader as one value ('Facebook AI or Princeton' merged, a page's 'or')
        either = [conditions[i] for i in at]
        conditions = [c for i, c in enumerate(conditions) if i not in at] + [_either(either[:len(left)], either[len(left):])]
    return conditions


def _field(c: Condition) -> str:
    """The field a condition is on; a field's presence ('with a tag', 'a category') is one field per field named."""
    return f"presence:{c.value}" if c.field == "presence" else c.field


def _side(text: str, extract: Extract, backwards: bool) -> list[Condition] | None:
    """The conditions the shortest run of words next to the 'or' names (up to six words, not past a clause's
    boundary), or None."""
    stop = [s for s in _STOP.finditer(text)]
    if backwards:
        text = text[stop[-1].end():] if stop else text
    else:
        text = text[:stop[0].start()] if stop else text
    words = list(_WORD.finditer(text))
    best: list[Condition] | None = None
    for k in range(1, min(6, len(words)) + 1):
        run = text[words[-k].start():] if backwards else text[:words[k - 1].end()]
        if _NEGATED.search(run):
            return best
        sub = Question(rx.sub(r"\beither\b", "      ", run, flags=re.I))  # 'have either a Code badge or …': the 'or' says it
        found = extract(sub)
        if not found or sub.residual():
            continue
        # The shortest reading, made longer while the same fields read longer values ('AI' -> 'Facebook AI').
        if best is None or ([c.field for c in found] != [c.field for c in best] and len(found) == len(best)) or \
                (len(found) == len(best) and sum(len(c.value) for c in found) > sum(len(c.value) for c in best)):
            best = found
    return best


def _either(left: list[Condition], right: list[Condition]) -> Condition:
    """One condition holding when all of the left side's or all of the right side's do."""
    said = " or ".join(" and ".join(c.label for c in side) for side in (left, right))

    def test(p) -> bool:
        return all(c(p) for c in left) or all(c(p) for c in right)

    # Said not to hold only when both sides are printed to say so.
    return Condition("either", said, f"either: {said}", test,
                     known_test=lambda p: test(p) or all(c.known(p) for c in left + right))
