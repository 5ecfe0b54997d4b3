"""Examples said after a title's terms: 'games in titles - atari, game theory, that kind of thing', 'robot in the title,
e.g. manipulation or grasping'. Each example is one more term a title may print instead of the terms said; an example
that only says a term again in another form ('game theory' after 'games') adds nothing. Read only where the list is
marked as examples — led by 'e.g.', 'like', 'such as', or after a dash or colon and closed by 'that kind of thing',
'and the like', 'etc.' — so that a dash followed by a new clause ('— which Amii papers?') is not an example list.

An example no title prints is the question's topic, not a title's wording: then the whole list is not read, and the
question stays with retrieval (rag/plan_titles.py reads nothing it cannot account for).
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import FRAME
from rag.plan_title_text import TitleText, casefolded_words

_ITEM = r"(?:'[^']{1,60}'|\"[^\"]{1,60}\"|[^\W_][\w-]*(?:\s+[^\W_][\w-]*){0,2})"
_ITEMS = rf"{_ITEM}(?:\s*(?:,|/|\bor\b|\band\b)\s*{_ITEM})*"
# What closes a list of examples: 'that kind of thing', 'and the like', 'and so on', 'etc.', 'or similar'.
_TAIL = r"(?:,?\s*(?:(?:and|or)\s+)?(?:that|this|the)\s+(?:kind|sort|type)\s+of\s+(?:thing|stuff)s?|,?\s*(?:and|or)\s+" \
        r"(?:the\s+like|so\s+on|so\s+forth|such|similar(?:\s+ones)?|whatnot)|,?\s*etc\.?|,?\s*or\s+similar|\s*\.\.\.|\s*…)"
_AFTER_BREAK = re.compile(rf"\s*(?:[—–:]|--|-(?=\s))\s*(?P<items>{_ITEMS}){_TAIL}", re.I)
_LED = re.compile(rf"\s*[,(]?\s*(?:e\.\s?g\.,?|for\s+example|for\s+instance|like|such\s+as|say)\s+(?P<items>{_ITEMS})(?:{_TAIL})?\)?",
                  re.I)


def examples(text: str, at: int, terms: list[str], titles: list[str]) -> tuple[int, list[str]] | None:
    """(end of the list, the examples that are new terms) for a list of examples said at `at`, or None when there is
    none or one of its examples is printed in no title and restates no term."""
    m = _AFTER_BREAK.match(text, at) or _LED.match(text, at)
    if m is None:
        return None
    said = TitleText.of(terms, forms=True)
    new = []
    for item in rx.split(r"\s*(?:,|/|\bor\b|\band\b)\s*", m["items"]):
        item = item.strip("'\"‘’“” ")
        words = [w for w in casefolded_words(item) if w not in FRAME]
        if not words:
            continue
        if any(said.restates(w) for w in words):
            continue  # 'game theory' after 'games': the term again, in another form
        if not any(TitleText.of([item])(t) for t in titles):
            return None  # an example no title prints: the question's topic
        new.append(item)
    return m.end(), new
