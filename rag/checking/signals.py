"""Structural signals of a claim against a passage: what overlap and cosine cannot see.

Each function reads one kind of structure — negation, numbers with units, named things, direction
words, quantifiers, and how much the claim says beyond the paper's title and the question — and
returns a number the calibrated model (rag/checking/model.py) weighs. Pure functions on text, so
each is tested alone on sentences written for it (tests/test_checker.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text import word_tokens

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


def tokens(text: str) -> list[str]:
    return [t.casefold().replace("’", "'") for t in _TOKEN.findall(text)]


# --- negation ------------------------------------------------------------------------------------

_NEGATORS = frozenset("""not no never cannot can't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't
    couldn't shouldn't hasn't haven't neither nor none nothing without fail fails failed failing unable lack lacks
    lacking absent absence eliminate eliminates eliminated eliminating avoid avoids avoided avoiding free""".split())
# 'un' + a word is a negation ('unnecessary', 'unstable') unless it is one of these families.
_UN_WORDS = re.compile(r"^un(?!der|i|til|less)[a-z]{5,}$")
# Words that start with a negating prefix but are not negations of a word the passage might use.
# ('un' words are counted as negations above, so they are not read twice here.)
_PREFIX_WORDS = re.compile(r"^(in|im|non-?|dis|ir|il)([a-z]{4,})$")


def negations(text: str) -> int:
    """Negators, 'n't' forms and un-words, minus 'not only' (which adds rather than negates)."""
    words = tokens(text)
    count = sum(1 for t in words if t in _NEGATORS or t.endswith("n't") or _UN_WORDS.match(t))
    return count - sum(1 for a, b in zip(words, words[1:]) if a == "not" and b in ("only", "just", "merely"))


def scoped_negations(text: str, other: str, width: int = 5) -> int:
    """Negations in `text` whose scope (the next few words) touches what `other` talks about.

    "it works without labels" negates labels; a negation in a clause about something else in the
    same sentence ("..., no extra data is needed") says nothing about the claim.
    """
    words, topic = tokens(text), {w[:6] for w in word_tokens(other)}
    count = 0
    for i, word in enumerate(words):
        if not (word in _NEGATORS or word.endswith("n't") or _UN_WORDS.match(word)):
            continue
        if word == "not" and i + 1 < len(words) and words[i + 1] in ("only", "just", "merely"):
            continue
        scope = words[i : i + width + 1] if not _UN_WORDS.match(word) else [word[2:]]
        if any(w[:6] in topic for s in scope for w in word_tokens(s)):
            count += 1
    return count


def negation_flip(claim: str, span: str) -> float:
    """1 when the claim and the span disagree in polarity about what they share: one negates it, the other not.

    Read from negations in scope, plus prefix antonyms: the claim says 'unstable' where
    the span says 'stable' (and never 'unstable'), or the other way round.
    """
    # Presence, not parity: a span that negates twice around the shared words ("did not observe ... without")
    # is still a negative statement about them.
    flip = bool(scoped_negations(claim, span)) != bool(scoped_negations(span, claim))
    claim_words, span_words = set(tokens(claim)), set(tokens(span))
    for a, b in ((claim_words, span_words), (span_words, claim_words)):
        for word in a - b:
            match = _PREFIX_WORDS.match(word)
            if match and match.group(2) in b:
                flip = not flip
                break
    return 1.0 if flip else 0.0


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


def quantities(text: str) -> list[Quantity]:
    """Numbers with their unit: '1.9x' -> 1.9 x, '7B' -> 7e9, '12%' -> 12 %, 'twice' -> 2 x."""
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
        out.append(Quantity(value, unit, decimals, _around(text, match.start(), match.end())))
    for match in _WORD_NUM.finditer(text):
        word = match.group(1).casefold()
        out.append(Quantity(float(_WORD_NUMBERS[word]), "x" if word in ("twice", "double", "triple") else "", 0,
                            _around(text, match.start(), match.end())))
    return out


def _around(text: str, start: int, end: int, width: int = 4) -> frozenset[str]:
    before = word_tokens(text[:start])[-width:]
    after = word_tokens(text[end:])[:width]
    return frozenset(w for w in before + after if not w.isdigit())


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


# --- direction -----------------------------------------------------------------------------------

_DIRECTIONS = [
    ("maximize maximizes maximized maximizing maximise maximises maximising", "minimize minimizes minimized "
     "minimizing minimise minimises minimising"),
    ("wider widest broader broadest wide broad", "narrower narrowest narrow"),
    ("improve improves improved improving improvement improvements", "degrade degrades degraded degrading "
     "degradation worsen worsens worsened hurt hurts harm harms"),
    ("increase increases increased increasing raise raises raised grow grows grew", "decrease decreases decreased "
     "decreasing reduce reduces reduced reducing reduction lower lowers lowered cut cuts drop drops dropped"),
    ("higher highest high", "lower lowest low"),
    ("faster fastest accelerate accelerates accelerated speedup speed-up speeds", "slower slowest slow slows "
     "slowed slowdown"),
    ("outperform outperforms outperformed outperforming beat beats surpass surpasses exceed exceeds",
     "underperform underperforms underperformed trail trails lag lags"),
    ("more most", "fewer fewest less least"),
    ("better best superior", "worse worst inferior"),
    ("larger largest bigger biggest greater greatest", "smaller smallest"),
    ("above over", "below under"),
    ("stronger strong robust", "weaker weak brittle"),
    ("easier easy", "harder hard"),
]
_DIRECTION_SETS = [(frozenset(a.split()), frozenset(b.split())) for a, b in _DIRECTIONS]


def polarity(text: str) -> int:
    """+1 when the text's direction words lean up (more, better, faster), -1 down, 0 neither or both."""
    words = set(tokens(text))
    up = sum(1 for a, _ in _DIRECTION_SETS if words & a)
    down = sum(1 for _, b in _DIRECTION_SETS if words & b)
    return (up > down) - (down > up)


def polarity_flip(claim: str, span: str) -> float:
    """The claim leans one way and the span the other, across word families ('lowers' / 'greater')."""
    return 1.0 if polarity(claim) * polarity(span) < 0 else 0.0


def direction_flip(claim: str, span: str) -> float:
    """Number of direction pairs where the claim takes one side and the span only the other."""
    c, s = set(tokens(claim)), set(tokens(span))
    flips = 0
    for up, down in _DIRECTION_SETS:
        if (c & up and s & down and not s & up and not c & down) or (c & down and s & up and not s & down
                                                                       and not c & up):
            flips += 1
    return float(flips)


# --- quantifiers ---------------------------------------------------------------------------------

_UNIVERSAL = frozenset("""all every always entire entirely completely fully never none only solely
    universally guarantee guarantees guaranteed invariably everywhere everything""".split())
_HEDGED = frozenset("""some often many most several may might can could sometimes usually typically frequently
    certain few one partially partly generally largely mostly occasionally""".split())


def quantifier_overclaim(claim: str, span: str) -> tuple[float, float]:
    """(overclaim, hedged): the claim uses a universal the span does not; and the span hedges instead."""
    c, s = set(tokens(claim)), set(tokens(span))
    universal = (c & _UNIVERSAL) - s
    if not universal:
        return 0.0, 0.0
    return 1.0, 1.0 if (s & _HEDGED) - c else 0.0


# --- vacuity -------------------------------------------------------------------------------------

META_WORDS = frozenset(word_tokens("""paper passage article work study author authors propose proposes proposed
    present presents presented introduce introduces introduced describe describes described discuss discusses
    discussed method methods approach approaches technique techniques framework pipeline system process processes
    performed perform performs about focus focuses focused topic topics research text abstract called named titled
    known concern concerns concerned deal deals address addresses addressed provide provides provided main key idea
    ideas contribution contributions result results novel problem task area field question answer explore explores
    explored investigate investigates investigated report reports reported mention mentions mentioned related
    relate relates talk talks come comes came regard regarding regards concerning describes deals"""))


def stems(text: str) -> set[str]:
    """Content words cut to six letters: 'represents' and 'representation', 'optimizing' and 'optimizes' meet."""
    return {w[:6] for w in word_tokens(text)}


def own_words(claim: str, title: str = "", question: str = "") -> set[str]:
    """The claim's content words (as stems) left after the title's, the question's and meta words go."""
    return stems(claim) - stems(title) - stems(question) - {w[:6] for w in META_WORDS}
