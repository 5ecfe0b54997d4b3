"""A negated quantifier said as the plain 'no' every reader knows, before any reader sees the question (rag/planner.py).

'not a single Amii-marked author', 'not one GitHub link', "doesn't have a single starred author", 'without a single
footnote', 'no code link at all' all mean NONE of the thing counted. The readers of each countable field (marked
authors, links, tags, footnotes, e-mails, author counts) are written for 'no X' / 'without X' / "don't … any X", and
read 'a single' and 'one' as the number 1: left as said, 'not a single marked author' was read as EXACTLY ONE marked
author with the 'not' lost (a frame word, so nothing was left over to stop the plan) — a wrong answer. Saying the
quantifier once here serves every field alike, as rag/plan_shorthand.py does for chat shorthand.

Only the closed class of quantifier words is rewritten, and only where the negation governs it:
- 'not (even) a single X', 'not (even) one X', 'not any X' -> 'no X' ('not one of the …' and 'not one but two' keep
  theirs: there 'one' is a pronoun or a number);
- "n't / never <one or two words> a single X" -> "… any X" ("doesn't print a single e-mail": the verb keeps its
  negation, which the readers read with 'any');
- 'without (even) a single / one X' -> 'without any X';
- 'at all' after a negation or 'any' ('no link at all', 'nobody at all', 'any web link at all') says the same thing
  louder and is dropped: its 'all' is no quantifier over papers.
A 'single-author' paper keeps its 'single' (a hyphen joins it to the noun: a size, not a quantifier).
"""

from __future__ import annotations

import re

_ONE = r"(?:even\s+)?(?:a\s+single|one|any)(?![\w-])"
_NOT_ONE = re.compile(rf"\bnot\s+{_ONE}(?!\s+(?:of|but)\b)(?=\s+\w)", re.I)
_NEGATED_VERB_SINGLE = re.compile(r"((?:n't|\bnot|\bnever)\s+(?:[a-z]+\s+){1,2}?)(?:even\s+)?a\s+single(?![\w-])(?=\s+\w)",
                                  re.I)
_WITHOUT_ONE = re.compile(r"\bwithout\s+(?:even\s+)?(?:a\s+single|one)(?![\w-])(?!\s+(?:of|but)\b)(?=\s+\w)", re.I)
# 'at all' closing a phrase that a negation or 'any' opened earlier in the same clause
_AT_ALL = re.compile(r"((?:n't|\b(?:no|not|never|none|nobody|nothing|without|any|anything|anyone|anybody))\b[^,;:?.!()—–]*?)"
                     r"\s*,?\s+at\s+all\b", re.I)


def none_said(question: str) -> str:
    """`question` with its negated quantifiers said as 'no' / 'any' (see the module's docstring)."""
    question = _NOT_ONE.sub("no", question)
    question = _NEGATED_VERB_SINGLE.sub(lambda m: f"{m.group(1)}any", question)
    question = _WITHOUT_ONE.sub("without any", question)
    return _AT_ALL.sub(lambda m: m.group(1), question)
