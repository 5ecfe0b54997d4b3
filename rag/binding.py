"""Is a candidate in the evidence *the value of* the attribute asked, or only a number near its name?

A full paper that names an attribute ("perplexity", "learning rate", "Wikipedia dump") without giving its
value still prints numbers in the sentence that names it ("t-SNE plots of SPECTER and SciBERT (Figure 2)",
"the learning rate schedule of BERT (Devlin et al., 2019)"): the attribute and a candidate in one sentence
(`focus_gap_tight`) say "answerable". A paper that gives the value binds it to the attribute in a short span:
the attribute, at most a few link words ("of", "=", "is", "was set to", ":"), then the value ("perplexity of
30", "learning rate 2e-5"), or the value before the attribute as its unit ("1,000 annotated mentions"). The
value must have the shape the attribute wants (a date for a date, a version for a version, a small decimal for
a rate), and the question's other specific words ("co-view", "MSH + BC5CDR") should stand in that sentence too.
A "how long" or "how accurate" question names no attribute (rag/asked.py `measure_asked`): its value is a number
with a unit of that dimension ("took 3 days", "512 tokens", "91.2% accuracy"), the unit standing for the attribute.

Pure functions of the question's focus and specific words and the shown sentences; no list of dev phrasings.
"""

from __future__ import annotations

import re

from rag.checking.words import stems

BINDING_FEATURES = (
    "value_unbound",      # a question with an attribute (its focus): 1 - the best sentence binding a value of the right
                          # shape to it in a short span, weighted by the question's other specific words in that sentence
    "focus_generic",      # the attribute asked is mentioned only as an unnamed instance ("a standard MIP solver", "a set
                          # of lightweight mini-critics"): the paper says there is one and never which or how many
)
AFTER, BEFORE = 5, 2  # tokens after the attribute ("was set to 2e-5"), before it ("1,000 annotated mentions")

_TOKEN = re.compile(r"\d[\d,.]*(?:e-?\d+)?%?|[A-Za-z][\w'-]*|[=:<>≈~()]")
_NUMBER = re.compile(r"^\d")
# A number that points elsewhere (a table, a figure, an equation, a section) or cites (a year in parentheses) is no value.
_POINTER = frozenset("table tab figure fig section sec eq equation appendix algorithm line page footnote".split())
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
                    "august september october november december".split())
# The shape of a value, by the attribute's head word: a date, a version, a rate (a fraction, a decimal, a percentage).
_SHAPES: dict[str, re.Pattern] = {
    "date": re.compile(r"^(1[89]\d\d|20\d\d)$|^\d{1,2}$"),
    "version": re.compile(r"^\d+(\.\d+)+$|^\d+(\.x)?$"),
    "rate": re.compile(r"^0?\.\d+$|^\d(\.\d+)?e-?\d+$|^\d+(\.\d+)?%$"),
}
_HEAD_SHAPE = {"date": "date", "dates": "date", "year": "date", "month": "date", "snapshot": "date", "dump": "date",
               "version": "version", "versions": "version", "rate": "rate", "ratio": "rate"}


def shape_of(focus: list[str]) -> re.Pattern | None:
    """The shape the attribute's value has, from its words ("release date", "versions", "learning rate"), if any."""
    return next((_SHAPES[_HEAD_SHAPE[w]] for w in reversed(focus) if w in _HEAD_SHAPE), None)


# The units a "how long" / "how accurate" value is given in (rag/asked.py `measure_asked`): a time or a size in
# steps, tokens, pages; an accuracy-like measure or a percentage (its '%' is part of the number's token).
_UNITS: dict[str, re.Pattern] = {
    "extent": re.compile(r"^(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|"
                         r"years?|epochs?|steps?|iterations?|tokens?|words?|pages?|characters?|turns?|sentences?)$",
                         re.IGNORECASE),
    "accuracy": re.compile(r"^(?:accuracy|precision|recall|f1|f-?score|auc|error)$", re.IGNORECASE),
}
UNIT_AFTER, UNIT_BEFORE = 2, 3  # tokens a unit may stand after a number ("3 GPU days"), before it ("accuracy of 91.2")


def _is_value(tokens: list[str], j: int, shape: re.Pattern | None, asked: set[str], name) -> bool:
    """Token j is a candidate value: a number (not a pointer, not one the question says) of the wanted shape,
    a month for a date, or — for a name-typed attribute — a name the question does not say."""
    token = tokens[j]
    if token.casefold() in asked:  # the question's own numbers and names ("top-20", "BC5CDR") are not the answer
        return False
    if _NUMBER.match(token):
        if j and tokens[j - 1].casefold().rstrip(".") in _POINTER:
            return False
        return shape is None or bool(shape.match(token.rstrip(".,")))
    if shape is _SHAPES["date"]:
        return token.casefold().rstrip(".") in _MONTHS
    return name is not None and name(token)


def _value_near(tokens: list[str], i: int, shape: re.Pattern | None, asked: set[str], name) -> bool:
    """A candidate value (`_is_value`) within AFTER tokens after token i (the attribute's head) or BEFORE before it."""
    window = [*range(i + 1, min(len(tokens), i + 1 + AFTER)), *range(max(0, i - BEFORE), i)]
    return any(_is_value(tokens, j, shape, asked, name) for j in window)


def _asked(question: str) -> set[str]:
    """The question's own tokens, casefolded: its numbers and names are never the answer (`_is_value`)."""
    return {t.casefold() for t in _TOKEN.findall(question)}


def _attribute(focus: list[str], others: list[str]) -> tuple[str, re.Pattern | None, list[str]]:
    """The attribute's head stem, the shape of its value, and the words that weigh like modifiers.

    The head ("rate" of "learning rate", "mentions" of "annotated mentions") carries the value; the attribute's
    other words weigh like the question's modifiers. A word naming the shape ("which date's dump", "which
    versions") is not needed: the value's shape stands for it. One-letter words ("date's" -> s) name nothing."""
    shape = shape_of(focus)
    words = [w for w in focus if len(w) > 1 and not (shape is not None and w in _HEAD_SHAPE)]
    return (words[-1][:6] if words else ""), shape, [*others, *words[:-1]]


def _weighed(held: set[str], others: list[str], idf: dict[str, float]) -> float:
    """0.5 + 0.5 × the idf share of the modifiers among these stems (1 when the question has none)."""
    total = sum(idf.get(w, 1.0) for w in others)
    return 0.5 + 0.5 * sum(idf.get(w, 1.0) for w in others if w[:6] in held) / total if total else 1.0


def binding(sentence: str, focus: list[str], others: list[str], idf: dict[str, float], asked: set[str],
            name=None) -> float:
    """How well the sentence gives the attribute's value: 0 unless a value of the right shape stands within AFTER
    tokens after the attribute's head or BEFORE tokens before it; then weighed by the question's other specific
    words (its modifiers) in the sentence. `name(token)`: a name-typed candidate."""
    head, shape, others = _attribute(focus, others)
    tokens = _TOKEN.findall(sentence)
    token_stems = [stems(t) for t in tokens]
    for i in (i for i, s in enumerate(token_stems) if head and head in s):
        if _value_near(tokens, i, shape, asked, name):
            return _weighed(set().union(*token_stems), others, idf)
    return 0.0


def table_binding(header: str, row: str, focus: list[str], others: list[str], idf: dict[str, float],
                  asked: set[str], name=None) -> float:
    """A table row under a header whose cells name the attribute ("Field | Precision | Recall | F1" over
    "title | 85.5 | 85.5 | 85.5"): the row binds when one of its cells is a value of the right shape, weighed by
    the modifiers in the row and the header (the row label is usually the question's modifier)."""
    head, shape, others = _attribute(focus, others)
    if not head or not any(head in stems(cell) for cell in header.split("|")):
        return 0.0
    tokens = _TOKEN.findall(row)
    if not any(_is_value(tokens, j, shape, asked, name) for j in range(len(tokens))):
        return 0.0
    return _weighed(stems(header) | stems(row), others, idf)


def value_unbound(question: str, focus: list[str], specific: list[str], sentences: list[str],
                  idf: dict[str, float], name=None) -> float:
    """1 - the best binding over the sentences, in prose or in a table (rows of `|` cells under their header row);
    0 when the question asks no attribute (nothing to bind)."""
    if not focus:
        return 0.0
    focus_stems = {w[:6] for w in focus}
    others = [w for w in specific if w[:6] not in focus_stems]
    asked = _asked(question)
    best, header = 0.0, None
    for sentence in sentences:
        best = max(best, binding(sentence, focus, others, idf, asked, name))
        if "|" not in sentence:
            header = None
        elif header is None:
            header = sentence
        else:
            best = max(best, table_binding(header, sentence, focus, others, idf, asked, name))
    return 1.0 - best


def measured(sentence: str, measure: str, asked: set[str]) -> bool:
    """The sentence gives a value of the measure: a number (not one the question says, not a pointer) with a unit of
    its dimension right after it or shortly before it ("trained for 3 days", "accuracy of 91.2"), or a percentage
    for an accuracy."""
    units = _UNITS[measure]
    tokens = _TOKEN.findall(sentence)
    for j, token in enumerate(tokens):
        if not _is_value(tokens, j, None, asked, None):  # a number, not the question's, not a pointer's
            continue
        if measure == "accuracy" and token.endswith("%"):
            return True
        if any(units.match(t) for t in [*tokens[j + 1: j + 1 + UNIT_AFTER], *tokens[max(0, j - UNIT_BEFORE): j]]):
            return True
    return False


def measure_unbound(question: str, measure: str, specific: list[str], sentences: list[str],
                    idf: dict[str, float]) -> float:
    """`value_unbound` for a "how long / how accurate" question: 1 - the best sentence giving a value of the measure,
    weighed by the question's specific words in it (a time in a sentence about something else binds little)."""
    asked = _asked(question)
    best = max((_weighed(stems(s), specific, idf) for s in sentences if measured(s, measure, asked)), default=0.0)
    return 1.0 - best


# Words that introduce an unnamed instance of a thing: an article or a quantifier, not a name or a count.
_INDEFINITE = frozenset("a an some several multiple various any many numerous certain another set sets variety "
                        "range family".split())
INDEFINITE_BEFORE = 3  # tokens an article may stand before the attribute's head ("a standard MIP solver")


# Counts written as words are values too ("four critics", "a dozen tasks"); not "one", a pronoun as often ("one per view").
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds "
                         "thousand thousands million millions billion billions single pair both".split())
# The question asks to identify or to count the attribute's instance: "which solver", "how many critics".
_IDENTIFY = re.compile(r"\b(?:which|how\s+many|how\s+much)\b", re.IGNORECASE)


def _named(token: str) -> bool:
    """A name-like token or a count in words: capitalised or with a digit inside a word (Gurobi, GPT-4, CPLEX), not a
    function word; "four", "dozen"."""
    return (token[:1].isupper() and token.casefold() not in _FUNCTION or any(ch.isdigit() for ch in token[1:])
            or token.casefold() in _COUNT_WORDS)


_FUNCTION = frozenset("we our the a an this these that those it its they their in on for of with to by as at from "
                      "and or but however moreover finally first second then here there".split())


def focus_generic(question: str, focus: list[str], sentences: list[str]) -> float:
    """1 when the attribute's head stands in the evidence only as an unnamed instance — introduced by an article or a
    quantifier, with no number or name (one the question does not say) bound to it in any sentence — else 0.

    A question for a detail the paper does not give often finds the paper naming the thing generically: "which MIP
    solver" against "tractable using a standard MIP solver", "how many mini-critics" against "a set of lightweight
    mini-critics". A paper that gives it binds a name or a count to the head ("the Gurobi solver", "four critics").
    0 when the head is never mentioned (other signals read absence), the question asks no attribute, or it asks
    what the attribute is like rather than which one or how many ("what new approximation …": a description)."""
    head = _attribute(focus, [])[0]
    if not head or not _IDENTIFY.search(question):  # "what approximation is introduced": a description answers it
        return 0.0
    asked = _asked(question)
    generic = False
    for sentence in sentences:
        tokens = _TOKEN.findall(sentence)
        for i, token in enumerate(tokens):
            if head not in stems(token):
                continue
            if _value_near(tokens, i, None, asked, _named):
                return 0.0
            generic |= any(t.casefold() in _INDEFINITE for t in tokens[max(0, i - INDEFINITE_BEFORE): i])
    return float(generic)
