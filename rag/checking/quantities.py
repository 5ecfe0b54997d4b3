"""Numbers with units and named things in a claim, against a passage and the whole paper.

A changed number ("4.2%" for "6%"), a number the paper never states, a name the paper never mentions
(a comparison with an absent system), another name in the same slot (a swapped dataset), or swapped
roles (the same words in the opposite order). Pure functions on text (tests/test_checker.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.checking.words import tokens
from rag.text import word_tokens


# --- numbers -------------------------------------------------------------------------------------

_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "thousand": 1000,
                 "twice": 2, "double": 2, "triple": 3, "half": 0.5, "dozen": 12}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9, "bn": 1e9, "t": 1e12,
          "trillion": 1e12}
_NUM = re.compile(
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(%|percent\b|x\b|×|times\b|k\b|m\b|b\b|bn\b|t\b|thousand\b|million\b|"
    r"billion\b|trillion\b)?", re.IGNORECASE)
_WORD_NUM = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # "%", "x" or "" (plain count or measure)
    decimals: int
    context: frozenset[str] = frozenset()  # content words around it: what quantity it is
    near: frozenset[str] = frozenset()  # the content word on each side, by side ('<for', '>epoch'): what it counts


@lru_cache(maxsize=256)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Numbers with their unit: '1.9x' -> 1.9 x, '7B' -> 7e9, '12%' -> 12 %, 'twice' -> 2 x.

    Cached: every claim about a paper reads the paper's numbers again."""
    out = []
    for match in _NUM.finditer(text):
        raw, unit = match.group(1).replace(",", ""), (match.group(2) or "").casefold()
        value = float(raw)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        if unit in _SCALE:
            value, unit = value * _SCALE[unit], ""
        elif unit in ("%", "percent"):
            unit = "%"
        elif unit in ("x", "×", "times"):
            unit = "x"
        out.append(Quantity(value, unit, decimals, _around(text, match.start(), match.end()),
                            _sides(text, match.start(), match.end())))
    for match in _WORD_NUM.finditer(text):
        word = match.group(1).casefold()
        out.append(Quantity(float(_WORD_NUMBERS[word]), "x" if word in ("twice", "double", "triple") else "", 0,
                            _around(text, match.start(), match.end()),
                            _sides(text, match.start(), match.end())))
    return tuple(out)


def _around(text: str, start: int, end: int, width: int = 4, reach: int = 200) -> frozenset[str]:
    # A bounded reach: tokenising the whole prefix of a 40-page paper for each of its numbers took most of a
    # check's time. The reach's first (possibly cut) token is never among the last `width` of 200 characters.
    before = word_tokens(text[max(0, start - reach):start])[-width:]
    after = word_tokens(text[end:end + reach])[:width]
    return frozenset(w for w in before + after if not w.isdigit())


def _sides(text: str, start: int, end: int, reach: int = 60) -> frozenset[str]:
    """The content word just before and just after a number, each marked with its side: '3 epochs with 8 heads'
    gives 8 '<epoch' and '>head', so '8 epochs' ('>epoch') is not read as the same 8."""
    before = [w for w in word_tokens(text[max(0, start - reach):start]) if not w.isdigit()][-1:]
    after = [w for w in word_tokens(text[end:end + reach]) if not w.isdigit()][:1]
    return frozenset([*(f"<{w}" for w in before), *(f">{w}" for w in after)])


def _same(a: Quantity, b: Quantity) -> bool:
    """Equal at the claim's precision ('about 2x' is not 1.9x, but 1.90 is 1.9); % and x stand alone."""
    if a.value == b.value:
        return True
    return round(b.value, a.decimals) == a.value and a.decimals > 0


def number_signals(claim: str, span: str, paper: str) -> tuple[float, float]:
    """(missing, conflict): claim numbers the whole paper never states, and ones the span states differently.

    A claim number is a conflict when the best span gives a different number of the same unit — the
    same quantity with another value — and missing when the paper has no such number anywhere.
    Years and small ordinals are numbers too: a changed year is a changed claim.
    """
    claimed = quantities(claim)
    if not claimed:
        return 0.0, 0.0
    in_span, in_paper = quantities(span), quantities(paper)
    missing = conflict = 0
    for q in claimed:
        if any(_same(q, p) for p in in_span):
            continue
        rivals = [p for p in in_span if p.unit == q.unit and not any(_same(p, c) for c in claimed)]
        # The same quantity: same unit, and a word around it in common ('accuracy by 4.2%' / 'accuracy by 6%').
        if any(p.context & q.context for p in rivals) or (rivals and q.unit):
            conflict += 1
        elif not any(_same(q, p) for p in in_paper):
            missing += 1
    return float(missing), float(conflict)


def numbers_rebound(claim: str, span: str) -> int:
    """Claim numbers the span states, but counting something else, while another of its numbers counts what the
    claim's counts: '4 epochs' against '2 epochs, with batch size of 4'. Read by the word next to each number."""
    claimed, in_span = quantities(claim), quantities(span)
    count = 0
    for q in claimed:
        same = [p for p in in_span if _same(q, p)]
        rivals = [p for p in in_span if p.unit == q.unit and not any(_same(p, c) for c in claimed)]
        if same and q.near and not any(p.near & q.near for p in same) and any(p.near & q.near for p in rivals):
            count += 1
    return count


# --- named things --------------------------------------------------------------------------------

_NAMED = re.compile(r"^(?:[A-Z]{2,}|.*\d.*[A-Za-z].*|.*[A-Za-z].*\d.*|[A-Za-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+)$")
_NOT_NAMES = frozenset("""the a an we our this these those it its they their in on of for with by from to as at and or
    but however moreover furthermore finally first second third then thus hence also here there such each all both
    our experiments results table figure section compared unlike while when although specifically""".split())


def named_things(text: str) -> set[str]:
    """Names, acronyms and model/dataset/metric ids: 'ImageNet', 'BERT', 'GPT-4', 'ResNet-50', 'F1'.

    A capitalised word counts unless it starts the sentence or is a common function word.
    """
    names = set()
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9\-\.]*[A-Za-z0-9]|[A-Za-z0-9]", text)
    for i, word in enumerate(words):
        if word.isdigit() or word.casefold() in _NOT_NAMES:
            continue
        if not _NAMED.match(word):
            continue
        if i == 0 and re.fullmatch(r"[A-Z][a-z]+", word):
            continue
        if re.fullmatch(r"[A-Z][a-z]+", word) and _at_clause_start(text, word):
            continue
        names.add(word.casefold())
    return names


def _at_clause_start(text: str, word: str) -> bool:
    return re.search(r"(?:^|[.:;!?]\s+|\(\s*)" + re.escape(word) + r"\b", text) is not None


def _name_in(name: str, words: set[str], text: str) -> bool:
    if name in words:
        return True
    # 'ResNet-50' matches 'ResNet 50'; a plural or possessive still names the same thing.
    flat = re.sub(r"[\s\-]", "", text)
    return re.sub(r"[\s\-]", "", name) in flat or name.rstrip("s") in words


def name_signals(claim: str, span: str, paper: str, ignore: str = "") -> tuple[float, float]:
    """(missing, swapped): named things of the claim the paper never mentions; and whether the span
    names something else that the claim does not (the claim put another name in that slot)."""
    names = named_things(claim) - named_things(ignore)
    if not names:
        return 0.0, 0.0
    paper_low, span_low = paper.casefold(), span.casefold()
    paper_words, span_words = set(tokens(paper)), set(tokens(span))
    missing = [n for n in names if not _name_in(n, paper_words, paper_low)]
    absent_from_span = [n for n in names if not _name_in(n, span_words, span_low)]
    others = named_things(span) - names - named_things(ignore)
    others = {o for o in others if not _name_in(o, set(tokens(claim)), claim.casefold())}
    swapped = 1.0 if absent_from_span and others else 0.0
    return float(len(missing)), swapped


# --- word order ----------------------------------------------------------------------------------

def order_discord(claim: str, span: str) -> float:
    """Share of pairs of shared words that come in the opposite order in the span (Kendall-style).

    Swapped roles keep every word and change the order: "low-rank features adapt, high-rank ones
    maintain" against "high-rank ... adapt ..., low-rank ... maintain"."""
    def first(text: str) -> dict[str, int]:
        order: dict[str, int] = {}
        for i, word in enumerate(word_tokens(text)):
            order.setdefault(word[:6], i)
        return order

    a, b = first(claim), first(span)
    shared = [w for w in a if w in b]
    pairs = [(x, y) for i, x in enumerate(shared) for y in shared[i + 1:]]
    if len(pairs) < 3:
        return 0.0
    return sum((a[x] - a[y]) * (b[x] - b[y]) < 0 for x, y in pairs) / len(pairs)
