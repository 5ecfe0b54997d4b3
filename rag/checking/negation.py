"""Polarity of a claim against a passage: negation in scope, direction words, quantifiers.

"cannot store exponentially many patterns" against "can store ...", "lowers" against "raises",
"always" against "often": the claim and the passage share their words and disagree in what they say.
Pure functions on text (tests/test_checker.py).
"""

from __future__ import annotations

import re

from rag.checking.words import tokens
from rag.text import word_tokens


# --- negation ------------------------------------------------------------------------------------

_NEGATORS = frozenset("""not no never cannot can't don't doesn't didn't isn't aren't wasn't weren't won't wouldn't
    couldn't shouldn't hasn't haven't neither nor none nothing without fail fails failed failing unable lack lacks
    lacking absent absence eliminate eliminates eliminated eliminating avoid avoids avoided avoiding free""".split())
# 'un' + a word is a negation ('unnecessary', 'unstable') unless it is one of these families.
_UN_WORDS = re.compile(r"^un(?!der|i|til|less)[a-z]{5,}$")
# Words that start with a negating prefix but are not negations of a word the passage might use.
# ('un' words are counted as negations above, so they are not read twice here.)
_PREFIX_WORDS = re.compile(r"^(in|im|non-?|dis|ir|il)([a-z]{4,})$")
# Words of loss (by their first four letters): a negation of one of them keeps rather than negates.
_LOSS = frozenset(w[:4] for w in "lose losing loss lost cost costing sacrifice compromise degrade hurt harm drop penalty".split())


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
    heads = set()
    for i, word in enumerate(words):
        contrast = word in ("rather", "instead") and i + 1 < len(words) and words[i + 1] in ("than", "of")
        if not (word in _NEGATORS or word.endswith("n't") or _UN_WORDS.match(word) or contrast):
            continue
        after = words[i + 1: i + 3]
        if word == "not" and after[:1] and after[0] in ("only", "just", "merely"):
            continue
        # "no matter whether" is "regardless of"; "without losing" / "no loss in" keep what they name (a
        # negated loss is no negation of the claim's words: "while matching final performance").
        if word == "no" and after[:1] == ["matter"] or any(w[:4] in _LOSS for w in after):
            continue
        scope = words[i : i + width + 1] if not _UN_WORDS.match(word) else [word[2:]]
        if any(w[:6] in topic for s in scope for w in word_tokens(s)):
            # one negated thing counts once: "not documented ... (and often not documented at all)"
            heads.add(next((w[:6] for s in scope[1:] for w in word_tokens(s)), word))
    return len(heads)


def negation_flip(claim: str, span: str) -> float:
    """1 when the claim and the span disagree in polarity about what they share: one negates it, the other not.

    Read from negations in scope (by presence, or by count: "cannot ... without" against "can ... without"),
    plus prefix antonyms: the claim says 'unstable' where the span says 'stable' (and never 'unstable').
    Each reading can show the flip on its own: "is incompatible ... and requires" against "is compatible
    ... and does not require" holds two flips, which must not cancel out.
    """
    # Presence: a span that negates twice around the shared words ("did not observe ... without") is still a
    # negative statement about them. Count: the claim adds a negation to a sentence that already has one.
    mine, theirs = scoped_negations(claim, span), scoped_negations(span, claim)
    flip = bool(mine) != bool(theirs) or mine != theirs
    claim_words, span_words = set(tokens(claim)), set(tokens(span))
    for a, b in ((claim_words, span_words), (span_words, claim_words)):
        for word in a - b:
            match = _PREFIX_WORDS.match(word)
            # A text that uses both the word and its antonym ("correct outputs are kept while incorrect ones
            # ...") contrasts the two; it does not negate what the other text says.
            if match and match.group(2) in b and match.group(2) not in a:
                flip = True
    return 1.0 if flip else 0.0


# --- direction -----------------------------------------------------------------------------------

_DIRECTIONS = [
    ("maximize maximizes maximized maximizing maximise maximises maximising", "minimize minimizes minimized "
     "minimizing minimise minimises minimising"),
    ("wider widest broader broadest wide broad", "narrower narrowest narrow"),
    ("improve improves improved improving improvement improvements", "degrade degrades degraded degrading "
     "degradation worsen worsens worsened hurt hurts harm harms"),
    ("increase increases increased increasing raise raises raised grow grows grew rise rises rose rising",
     "decrease decreases decreased decreasing reduce reduces reduced reducing reduction lower lowers lowered cut cuts "
     "drop drops dropped fall falls fell falling"),
    ("good", "poor bad"),
    ("higher highest high upper", "lower lowest low"),
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
# Opposite kinds rather than directions (no up or down, so not in `polarity`): a claim that says "stochastic"
# where the span says only "deterministic" says the opposite. Common antonyms of method descriptions.
_KINDS = [
    ("static", "dynamic"), ("deterministic", "stochastic"), ("online", "offline"), ("discrete", "continuous"),
    ("local", "global"), ("explicit", "explicitly", "implicit", "implicitly"), ("sparse", "dense"),
    ("early earlier earliest", "late later latest"), ("positive", "negative"),
    ("manual manually", "automatic automatically"), ("shallow", "deep"), ("frozen", "trainable fine-tuned"),
    ("maximum", "minimum"), ("open", "closed"),
    ("homogeneous", "heterogeneous"), ("centralized", "decentralized distributed"), ("parallel", "sequential"),
]
_KIND_SETS = [(frozenset(" ".join(k[: len(k) // 2]).split()), frozenset(" ".join(k[len(k) // 2:]).split()))
              for k in _KINDS]
# Size and frequency as opposite kinds ("removes the small weights" / "the large weights", "rare" / "common"): read by
# the claim checker (rag/checking/checker.py); rag/containment.py keeps the families its answerability model was
# fitted with. Frequency is two pairs by part of speech: an adjective says how common a thing is ("rare tokens"),
# an adverb how often the statement holds ("usually split"), so "typically, infrequent tokens are split" against
# "rare tokens are split" opposes nothing; only an adjective against an adjective, an adverb against an adverb.
CLAIM_KIND_SETS = _KIND_SETS + [
    (frozenset("large big".split()), frozenset(["small"])),
    (frozenset("rare uncommon infrequent scarce".split()), frozenset("common frequent prevalent typical widespread".split())),
    (frozenset("rarely seldom infrequently".split()), frozenset("commonly usually often frequently typically".split()))]


_PHRASAL = re.compile(r"\b(speed|speeds|sped|slow|slows|slowed)\s+(up|down)\b", re.IGNORECASE)


def _direction_words(text: str) -> set[str]:
    """The text's words with phrasal direction verbs joined: 'speed up' is 'speedup', 'slows down' 'slowdown'."""
    return set(tokens(_PHRASAL.sub(lambda m: ("speedup" if m.group(1)[0] in "sS" and m.group(1)[1] in "pP"
                                              else "slowdown"), text)))


def polarity(text: str) -> int:
    """+1 when the text's direction words lean up (more, better, faster), -1 down, 0 neither or both."""
    words = _direction_words(text)
    up = sum(1 for a, _ in _DIRECTION_SETS if words & a)
    down = sum(1 for _, b in _DIRECTION_SETS if words & b)
    return (up > down) - (down > up)


def polarity_flip(claim: str, span: str) -> float:
    """The claim leans one way and the span the other, across word families ('lowers' / 'greater')."""
    return 1.0 if polarity(claim) * polarity(span) < 0 else 0.0


def direction_flip(claim: str, span: str, kinds: list = _KIND_SETS) -> float:
    """Number of direction (or opposite-kind) pairs where the claim takes one side and the span only the other."""
    c, s = _direction_words(claim), _direction_words(span)
    flips = 0
    for up, down in _DIRECTION_SETS + kinds:
        if (c & up and s & down and not s & up and not c & down) or (c & down and s & up and not s & down
                                                                       and not c & up):
            flips += 1
    return float(flips)


# --- quantifiers ---------------------------------------------------------------------------------

# Universal words by family: "every document" is "each of the documents" and "all authors" is "every author";
# a claim overclaims only with a family the span does not use at all ("always" where it says "often").
_UNIVERSAL_FAMILIES = [frozenset(f.split()) for f in (
    "all every each entire entirely whole completely fully everything everywhere universally",
    "always invariably never",
    "none never nothing",
    "only solely exclusively",
    "guarantee guarantees guaranteed")]
_UNIVERSAL = frozenset().union(*_UNIVERSAL_FAMILIES) - {"each", "whole", "exclusively"}
_HEDGED = frozenset("""some often many most several may might can could sometimes usually typically frequently
    certain few one partially partly generally largely mostly occasionally""".split())


def quantifier_overclaim(claim: str, span: str) -> tuple[float, float]:
    """(overclaim, hedged): the claim uses a universal the span does not; and the span hedges instead."""
    claim_words, span_words = tokens(claim), tokens(span)
    c, s = set(claim_words), set(span_words)
    # By count within a family: "in every model studied, each layer ..." against "for many of the models, each
    # layer ..." makes one universal claim more than the span does.
    universal = {w for w in (c & _UNIVERSAL) - s
                 if not any(w in family and sum(x in family for x in span_words) >= sum(x in family for x in claim_words)
                            for family in _UNIVERSAL_FAMILIES)}
    if not universal:
        return 0.0, 0.0
    return 1.0, 1.0 if (s & _HEDGED) - c else 0.0
