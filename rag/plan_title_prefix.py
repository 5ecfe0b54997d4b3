"""A word of a title named by how it starts: 'titles that use a word starting with Adapt', 'a title word beginning with
"Meta"', 'titles with a hyphenated Multi- word', "a 'Self-' compound", 'words prefixed with Pre'.

A title is cut into words at spaces and hyphens, so every part of a compound is a word of its own: 'State-Adaptive'
holds a word starting with 'adapt', 'Open-World' one starting with 'open'. Said 'hyphenated' (or with the hyphen
written after the start, 'Multi- word'), the word must be the head of a hyphenated compound: 'Multi-Agent' counts,
'Multimodal' does not. The forms the question lists after the start ('(adapt, adaptive, adapter - State-Adaptive
counts too)', '(Multi-Agent, Multi-task, ...)') only show what counts: each must itself start with it, so the list is
taken with it; a listed word that does not start with it is something else, and the question is left alone.

The start must begin some word of some title of the catalog (else it is the question's topic, retrieval's), and the
titles must be said ('titles', 'paper names'): the words are a title's, not an abstract's.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import FRAME, Condition, Question

# 'a word starting with', 'words that begin with', 'a term which opens with', 'words prefixed with / by'
_WORD_STARTS = r"(?P<hy>hyphenated\s+)?(?:title\s+)?(?:words?|terms?|compounds?)\s+(?:that\s+|which\s+)?" \
               r"(?:(?:start(?:s|ing)?|begin(?:s|ning)?|open(?:s|ing)?)\s+with|prefixed\s+(?:with|by)|with\s+the\s+prefix)\s+"
_START = r"(?:'(?P<q1>[^'\s]{2,20}?)-?'|\"(?P<q2>[^\"\s]{2,20}?)-?\"|(?P<bare>[^\W\d_][\w]{1,19})(?![\w-]))"
# 'a hyphenated Multi- word', "a 'Multi-' word", 'Self- compounds': the start written with its hyphen, before the noun
_HYPHEN_FIRST = r"(?P<hy2>hyphenated\s+)?(?:'(?P<h1>[^'\s]{2,20})-'|\"(?P<h2>[^\"\s]{2,20})-\"|(?P<h3>[^\W\d_]\w{1,19})-)" \
                r"\s*(?:words?|terms?|compounds?|prefix(?:es)?)\b"
# The verb of holding before it, and 'an' / 'any' / 'some': 'titles that use a word …', 'with a …', 'has any …'
_HOLDS = r"(?:(?:that\s+|which\s+)?(?:(?P<neg>(?:do|does|did)\s*n[o']?t\s+|never\s+)?(?:use|uses|using|used|contain|contains|" \
         r"containing|include|includes|including|have|has|having|carry|carries|feature|features|with|without|print|prints)\s+))?" \
         r"(?:an?\s+|any\s+|some\s+|one\s+)?"
_READ = re.compile(rf"{_HOLDS}(?:{_WORD_STARTS}{_START}|{_HYPHEN_FIRST})", re.I)
# What an aside may say besides the forms: 'counts too', 'and so on', 'etc.', '...'
_ASIDE_WORDS = {"too", "also", "counts", "count", "counted", "included", "etc", "so", "on", "forth", "the", "like",
                "similar", "ones", "e", "g", "eg", "and", "or", "as", "well", "such", "both", "any", "all"}


def word_starts(q: Question, titles: list[str]) -> list[Condition]:
    """A condition per start of a title word the question names, its words (and the forms listed after it) taken
    from `q`; [] when titles are not said or no title prints a word with that start."""
    if not rx.search(r"\btitles?\b|\bpaper\s+names?\b", q.text, re.I):
        return []
    found = []
    for m in list(_READ.finditer(q.text)):
        start = (m["q1"] or m["q2"] or m["bare"] or m["h1"] or m["h2"] or m["h3"] or "").casefold()
        hyphened = bool(m["hy"] or m["hy2"] or m["h1"] or m["h2"] or m["h3"])
        test = _starts(start, hyphened)
        if not start or start in FRAME or not any(test(t) for t in titles):
            continue
        end = m.end() + _forms_listed(q.text[m.end():], start)
        if end < m.end():
            return []  # a listed form that does not start so: another word, not this one's forms
        q.blank(m.start(), end)
        how = "a hyphenated word" if hyphened else "a word"
        made = Condition("title", f"word starts {start}{'-' if hyphened else ''}",
                         f"title: {how} starting with '{start}{'-' if hyphened else ''}'", lambda p, t=test: t(p.title))
        found.append(made.negated() if m["neg"] or rx.match(r"\s*without\b", m[0], re.I) else made)
    return found


def _starts(start: str, hyphened: bool):
    """The test of a title: some word starting with `start` (the head of a hyphenated compound, when `hyphened`)."""
    if hyphened:
        pattern = rx.compiled(rf"(?<![^\W\d_]){re.escape(start)}[\w]*-[^\W_]", re.I)
    else:
        pattern = rx.compiled(rf"(?<![^\W\d_]){re.escape(start)}", re.I)  # at a word's start, after a hyphen too
    return lambda title: pattern.search(title) is not None


def _forms_listed(text: str, start: str) -> int:
    """The length of a list of forms after the start ('(adapt, adaptive, adapter - State-Adaptive counts too)',
    '(Multi-Agent, Multi-task, ...)', ' - adaptive, adapter, etc.'); 0 when none follows, -1 when one of its words is
    no form of the start (the question says something else there)."""
    m = rx.match(r"\s*(?:\((?P<in>[^()]{1,160})\)|[-—–:]\s+(?P<out>[^?;()]{1,160}?)(?=\s*(?:[?;]|$)))", text)
    if m is None:
        return 0
    listed = m["in"] or m["out"]
    items = [w.casefold() for w in rx.findall(r"[^\W\d_][\w'-]*", listed)]
    forms = [w for w in items if w not in _ASIDE_WORDS and w not in FRAME]
    if not forms:
        return 0
    if not all(any(part.startswith(start) for part in w.split("-")) for w in forms):
        return -1 if m["in"] else 0  # after a dash, the words may be a new clause: left to the other readers
    return m.end()


__all__ = ["word_starts"]
