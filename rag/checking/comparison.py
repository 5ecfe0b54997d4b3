"""A comparison read the other way round: "A beats B" against "B performs better than A".

Every word of such a claim is in its passage, the direction word too ('beats' / 'better'), so overlap,
the cosine, direction and negation all call it support; only the order of the two things compared,
relative to the direction of the comparison, differs. Here each text's comparisons are read as
(first thing, second thing, sign): a comparing verb ('outperforms', 'trails') or a comparative with its
'than' ('higher ... than'), the nearest name both texts use before it and the nearest one after it; the
passive ('is outperformed by') turns the sign, a 'by' that measures ('by a wide margin', 'by 3 points') does
not. A comparative of size ('lower', 'more') is signed by its measure: 'lower perplexity than' is the better side,
as 'beats' is. A pair the two texts order with opposite signs is reversed.
"""

from __future__ import annotations

from rag.checking.backing import _DOWN, _UP, _value, pieces
from rag.text import STOPWORDS

# Verbs that compare by themselves, every form spelled out with its sign (a stem prefix would read 'Lagrangian' as
# 'lag'); other direction words compare only with a 'than' after them.
_VERB_SIGNS = {form: sign for forms, sign in (
    (("outperform", "outperforms", "outperformed", "outperforming"), 1),
    (("beat", "beats", "beaten", "beating"), 1),
    (("surpass", "surpasses", "surpassed", "surpassing"), 1),
    (("exceed", "exceeds", "exceeded", "exceeding"), 1),
    (("dominate", "dominates", "dominated", "dominating"), 1),
    (("underperform", "underperforms", "underperformed", "underperforming"), -1),
    (("trail", "trails", "trailed", "trailing"), -1),
    (("lag", "lags", "lagged", "lagging"), -1),
) for form in forms}
REACH = 10  # tokens from the comparing word within which the things compared are looked for
_BE = ("is", "are", "was", "were", "be", "been", "being")
# A 'by' phrase that says how much ('by a wide margin', 'by 3 points'), not who: ends at one of these or a number.
_MARGIN = frozenset("margin margins point points percent pp".split())
# Comparatives of size say which side is larger, not which is better ('better', 'beats' do): their measure decides.
_SIZE = frozenset("higher highest high lower lowest low larger largest smaller smallest greater greatest bigger "
                  "biggest more most fewer fewest less least".split())
# Measures where less is better: a smaller error, loss or cost is the better side. What the words mean in any
# paper's evaluation, not phrasings of any claim set.
_LOWER_IS_BETTER = frozenset("""perplexity perplexities ppl loss losses error errors latency latencies runtime
    runtimes cost costs memory overhead wer cer fid mse rmse mae regret distortion""".split())


def _sign(word: str) -> int:
    return 1 if word in _UP else -1 if word in _DOWN else 0


def comparisons(text: str, things: set[str]) -> dict[tuple[str, str], set[int]]:
    """{(a, b): signs}: the text compares a with b (a first), +1 for 'a above b', -1 for 'a below b'; a text may
    compare one pair both ways ('A beats B in recall, but B beats A in speed'), so every sign is kept."""
    return _comparisons([w for w, _ in pieces(text)], things)


def _comparisons(tokens: list[str], things: set[str]) -> dict[tuple[str, str], set[int]]:
    """`comparisons` of a text already cut into lower-cased tokens (a caller that has its pieces cuts it once)."""
    out: dict[tuple[str, str], set[int]] = {}
    for k, word in enumerate(tokens):
        verb = word in _VERB_SIGNS
        sign = _sign(word) or _VERB_SIGNS.get(word, 0)
        if not sign:
            continue
        after = tokens[k + 1: k + 1 + REACH]
        if not verb:
            if "than" not in after[:6]:
                continue
            than = after.index("than")
            if word in _SIZE and _measured_downwards(after[:than], tokens[max(0, k - 6): k]):
                sign = -sign  # 'a lower perplexity than B': the better side
            after = after[than + 1:]
        else:
            after = after[_margin(after, things):]  # 'outperformed, by a wide margin, B' is active
            if after[:1] == ["by"] and (k and tokens[k - 1] in _BE or word.endswith("ed")):
                sign, after = -sign, after[1:]  # 'A is outperformed by B': B above A
        for a in _nearest(list(reversed(tokens[max(0, k - REACH): k])), things):
            for b in _nearest(after, things):
                if a != b:
                    out.setdefault((a, b), set()).add(sign)
                    out.setdefault((b, a), set()).add(-sign)
    return out


def _margin(after: list[str], things: set[str]) -> int:
    """How many tokens a 'by' phrase of measure takes at the start of `after` ('by a wide margin', 'by 3 points',
    'by two points'), 0 when `after` does not start with one (a 'by' whose next thing is compared is its agent)."""
    if after[:1] != ["by"]:
        return 0
    for i, w in enumerate(after[1:6], 1):
        if w in things and w not in STOPWORDS:
            return 0
        if w in _MARGIN:
            return i + 1
        if _value(w) is not None:
            return i + 2 if after[i + 1: i + 2] and after[i + 1] in _MARGIN else i + 1
    return 0


def _measured_downwards(between: list[str], before: list[str]) -> bool:
    """The comparative's measure is one where less is better: the words between it and its 'than' ('lower
    perplexity than'), or where those name nothing, the words before it ('the error rate of A is lower than')."""
    named = [w for w in between if w not in STOPWORDS]
    return any(w in _LOWER_IS_BETTER for w in (named or before))


def _nearest(tokens: list[str], things: set[str]) -> set[str]:
    """The nearest thing in the tokens and the things right next to it: 'Exponential-Wrapped' is one name."""
    at = next((i for i, w in enumerate(tokens) if w in things and w not in STOPWORDS), None)
    if at is None:
        return set()
    run = {tokens[at]}
    for w in tokens[at + 1:]:
        if w not in things:
            break
        run.add(w)
    return run


def reversed_comparisons(claim: str, span: str) -> int:
    """1 when the claim compares a pair of names in a direction the span never gives that pair (the span compares
    it, only the other way round), else 0."""
    claim_pieces, span_pieces = pieces(claim), pieces(span)  # cut once: the names and the comparisons read them
    names = {w for w, shape in claim_pieces if shape == "name"} & {w for w, shape in span_pieces if shape == "name"}
    if len(names) < 2:
        return 0
    mine = _comparisons([w for w, _ in claim_pieces], names)
    theirs = _comparisons([w for w, _ in span_pieces], names)
    flips = {frozenset(pair) for pair, signs in mine.items() if pair in theirs and not signs & theirs[pair]}
    return int(bool(flips))
