"""What a question says about how a title condition counts, once the condition is read: the forms that count and those
that don't, the word as a whole word, the case — 'graph as a word - not graphene', "hyphenated ones like World-Action
count, 'interactive' doesn't", "(any capitalisation, plain 'RL' doesn't count)", '(compounds like offline-to-online
count, plain offline doesn't)', "- 'Vision-Language', 'Vision Language' or 'Vision-and-Language'"; and a bracket that
restates a place word ('the last (lowest) title', 'last title (furthest down)').

The judge is the condition itself, not a list of phrasings: an example said to count must be a title the condition
accepts; a form said not to count must be one it rejects (so it narrows nothing) and must be spelled like one of the
terms (a shared run of four letters, or the term's initials: 'RL' for 'reinforcement learning'); a form said not to
count that the condition would accept ('policy - not off-policy') becomes a negated condition on that exact form; a
form said to count that it rejects ('(privacy / private)', 'Bayes counts too': five letters in a row shared; a phrase
whose initials are the term: "'RL' or 'Reinforcement Learning'") widens it.
A clause is taken only when every word of it is one of these or a word about counting forms; anything else is left,
and the question stays unread — a content word is never explained away.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from rag import rx
from rag.plan_order_words import listing_said
from rag.plan_terms import FRAME, Condition, Question
from rag.plan_title_text import TitleText, casefolded_words

# Words about how forms of a term count: whole words, compounds, case, plain forms, counting in or out.
_ABOUT_FORMS = set("""
word words whole standalone stand-alone own alone itself themselves separate separately hyphenated hyphen hyphens
compound compounds compounded joined ones one like e g eg ie i count counts counted counting does doesn't don't do not
no nor plain bare just only any capitalisation capitalization capitalised capitalized capitals capital case cases
uppercase lowercase upper lower insensitive sensitive spelling spellings either way ways form forms variant variants
included include includes fine ok okay too also as a an the by inside part of other longer matter matters shouldn't
wouldn't isn't aren't excluded exclude excluding except ignore ignoring etc is are be it they them that those these
prefix prefixed suffix suffixed plural plurals singular
""".split())
_NEGATIVE = re.compile(r"\b(?:not|no|nor|never|except|excluding|excluded|exclude|ignor(?:e|ing))\b|n't\b", re.I)
_ASKS = re.compile(r"\b(?:where|what|why|how|which|who|whom|whose|when)\b", re.I)
_CLAUSE = re.compile(r"[;,()?.!—–:]|\s-\s|\s--\s|\bbut\b")
_TOKEN = re.compile(r"'([^']{1,60})'(?!\w)|\"([^\"]{1,60})\"|([^\W_][\w'-]*)")


def clarified(q: Question, conditions: list[Condition], titles: list[str]) -> list[Condition]:
    """The conditions with what the question says of how they count: clauses that only say so are taken; a form said
    not to count that a condition would accept ('policy - not off-policy') is one more negated condition; other forms
    said to count ('(privacy / private)', 'Bayes counts too', "either 'RL' or 'Reinforcement Learning'") widen the condition they are spelled like. Nothing
    without a positive title term."""
    positive = [c for c in conditions if c.field == "title" and not c.value.startswith("not ")]
    terms = [t for c in positive for t in _terms(c)]
    if not terms:
        return conditions
    _glossed_topic(q)
    found, more = [], []
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(q.folded)] + [len(q.folded)]
    for start, end in zip(bounds, bounds[1:]):
        if _quote_cut(q.folded[start:end]) or _ASKS.search(q.folded[start:end]):
            continue  # a clause that asks something ('where does the word X in the title come from') says no form
        negative = bool(_NEGATIVE.search(q.folded[start:end]))
        # read as said: another reader may have cut a term said again (out of its quotes, or out of a bracket)
        said = [(t, _kind(t, positive, terms, negative)) for t in _TOKEN.finditer(q.folded, start, end)]
        left = [(t, kind) for t, kind in said if q.text[t.start():t.end()].strip()]  # words no reader took
        if any(_loose(t) for t, _ in left) and all(kind for _, kind in left):
            q.blank(start, end)
            found += [_not_form(t[1] or t[2] or t[3]) for t, kind in left if kind == "excluded"]
        if all(kind for _, kind in said):  # the alternatives, also when a reader took them as the term said again
            owner = _bracket_owner(q.folded, start, terms)  # 'Zero (zero-shot, zero RL...)': Zero's forms only
            more += [(t[1] or t[2] or t[3], owner) for t, kind in said if kind == "alternative"]
    if more:  # the alternatives widen the title condition they are spelled like
        widened = {id(c): Condition.any_of([c] + [_has(w) for w, owner in dict.fromkeys(more)
                                                  if owner in (None, *_terms(c)) and _another_form(w, _terms(c))])
                   for c in positive}
        conditions = [widened.get(id(c), c) for c in conditions]
    return conditions + found


def _kind(token: re.Match, positive: list[Condition], terms: list[str], negative: bool) -> str | None:
    """What a word of a clause about forms is: 'about' (a word about counting forms, or frame), 'example' (a form
    the condition passes), 'excluded' (one it passes, said not to count), 'rejected' (one it fails, said not to count:
    nothing to do), 'alternative' (one it fails, said to count: one more form) — or None, a word of something else."""
    word = token[1] or token[2] or token[3]
    if not (token[1] or token[2]) and (word.casefold() in _ABOUT_FORMS or word.casefold() in FRAME):
        return "about"
    if _accepted(word, positive):
        return "excluded" if negative and word.casefold() not in terms else "example"
    if negative:
        return "rejected" if _spelled_like(word, terms) else None
    if set(casefolded_words(word)) <= {w for t in terms for w in casefolded_words(t)}:
        return None  # a word of the term itself ('state' of 'state space model papers'), not another form of it
    return "alternative" if _another_form(word, terms) else None


def _another_form(word: str, terms: list[str]) -> bool:
    """Whether a word said to count is another form of a term: five letters in a row shared ('private' / 'privacy'),
    or the phrase an acronym term spells out ('Reinforcement Learning' / 'RL')."""
    return _spelled_like(word, terms, 5) or _initials(word) in terms


def bracketed_place(q: Question) -> None:
    """'the last (lowest) title', 'last title (furthest down) that …', 'the first (top-most) entry': a bracket right
    after a place word (or its noun) that says the place again, taken so the title's words read on (its order is
    read from the place word and the page said elsewhere; without a page said, the bracket is left as the cue)."""
    # ('positions 69 to 83 (the tail end)': after a run of places too)
    for m in list(rx.finditer(r"\b(?:first|last|final|top|bottom|\d{1,3})(?:\s+(?:title|entry|paper|one|item|preprint)s?)?"
                              r"\s*(\(\s*(?:i\.?\s?e\.?,?\s*)?((?:[\w-]+\s*){1,5})\))", q.text, re.I)):
        words = m[2].casefold().replace("-", " ").split()
        if all(w in _GLOSS for w in words) and any(w in _PLACE for w in words) and \
                listing_said(q.original.replace(m[1], " ")):
            q.blank(m.start(1), m.end(1))


_PLACE = {"lowest", "highest", "furthest", "farthest", "bottom", "bottommost", "top", "topmost", "uppermost", "down",
          "up", "nearest", "closest", "last", "first", "lower", "higher", "tail", "head"}
_GLOSS = _PLACE | {"most", "on", "of", "in", "the", "page", "list", "listing", "feed", "to", "going", "way", "further",
                   "farther", "end", "one"}


def _bracket_owner(text: str, start: int, terms: list[str]) -> str | None:
    """The term a bracket holding `start` is said right after ('mention Zero (zero-shot, zero RL...) and spell out
    X': the bracket lists Zero's forms, so its 'RL' does not widen X); None outside a bracket, or after no term."""
    opened = text.rfind("(", 0, start + 1)
    if opened < 0 or ")" in text[opened:start]:
        return None
    before = text[:opened].rstrip().rstrip("'\"’”").casefold()
    return next((t for t in terms if rx.search(rf"(?<!\w){re.escape(t)}$", before)), None)


def _terms(condition: Condition) -> list[str]:
    """The words a title condition was said with ('has action | actions (forms)' -> ['action', 'actions'])."""
    value = rx.sub(r"\s*\((?:forms|spellings)\)", "", condition.value)
    head, _, said = value.partition(" ")
    if head not in ("has", "starts", "ends") or said.startswith("letters "):
        return []
    return [t.casefold() for t in said.split(" | ") if rx.search(r"\w", t)]


def _accepted(word: str, conditions: list[Condition]) -> bool:
    """Whether a title printing only this word (or compound) passes a title condition: an example that counts."""
    shown = SimpleNamespace(title=word)
    return any(c.test(shown) for c in conditions)  # type: ignore[operator]


def _initials(phrase: str) -> str:
    """'Reinforcement Learning' -> 'rl': an acronym a phrase spells out (one word: no acronym)."""
    words = casefolded_words(phrase)
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _spelled_like(word: str, terms: list[str], run: int = 4) -> bool:
    """Whether a form said not to count is spelled like a term: four letters in a row shared ('graphene' / 'graph',
    'interactive' / 'action', 'offline' / 'online'), or the term's initials ('RL' / 'reinforcement learning')."""
    said = word.casefold()
    for term in terms:
        if said == _initials(term):
            return True
        for w in casefolded_words(term):
            if any(w[i:i + run] in said for i in range(len(w) - run + 1)):
                return True
    return False


def _loose(token: re.Match) -> bool:
    """Whether a token is still a word to explain (not frame)."""
    return bool(token[1] or token[2]) or token[3].casefold() not in FRAME


def _quote_cut(clause: str) -> bool:
    """A stray quote (a quoted term split by a clause mark) leaves the clause unread."""
    return clause.count("'") % 2 == 1 and not rx.search(r"\w'\w|n't\b", clause)


def _has(word: str) -> Condition:
    test = TitleText.of([word])
    return Condition("title", f"has {word}", test.label([word]), lambda p, t=test: t(p.title))


def _not_form(word: str) -> Condition:
    exact = rx.compiled(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.I)
    return Condition("title", f"has exactly {word}", f"title: with '{word}' (this form)",
                     lambda p, e=exact: e.search(p.title) is not None).negated()


# 'titles about offline goal-conditioned RL (both 'Offline' and 'Goal-Conditioned' in the title)': the bracket, taken
# by a title reader, says how the topic before it is judged, so the topic's words ask nothing more
_GLOSSED = re.compile(r"\b(?:titles?|papers?|entries|ones)\s+(?P<topic>about\s+(?:[\w'-]+\s+){0,5}?)\(\s*(?:both\s+|all\s+|"
                      r"only\s+|i\.?e\.?,?\s+)?\s*\)", re.I)


def _glossed_topic(q: Question) -> None:
    """Blank the topic a bracket of title terms glosses (`_GLOSSED`), when every word inside the bracket was taken."""
    for m in list(_GLOSSED.finditer(q.text)):
        if m["topic"].split()[1:]:
            q.blank(m.start("topic"), m.end("topic"))
