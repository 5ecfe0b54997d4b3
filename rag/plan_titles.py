"""A title's wording as a condition: a quoted template with a placeholder ("'X is all you need' titles", "titles of
the form 'Towards X'") or a quoted phrase a title holds ("titles containing 'diffusion'"). Only a quoted span counts:
unquoted words in a question are its topic, and a topic is retrieval's, not a title filter."""

from __future__ import annotations

import re

from rag.plan_terms import Condition, Question

_QUOTE = r"(?:'([^']{2,80})'|\"([^\"]{2,80})\"|‘([^’]{2,80})’|“([^”]{2,80})”)"
_PLACEHOLDER = re.compile(r"(?<![\w'])(?:[XYZ]|\.\.\.|…|_{2,}|\*|something|blank)(?![\w'])")
# A quoted phrase is a title's wording only when the question says so around it ('titles containing', "'…' titles").
_TITLE_CONTAINS = rf"\btitles?\s+(?:that\s+)?(?:(?:are|is)\s+)?(?:contain(?:s|ing)?|includ(?:e|es|ing)|with|mention(?:s|ing)?|follow(?:s|ing)?|" \
                  rf"(?:that\s+)?(?:say|says|saying)|(?:of\s+the\s+)?form|like|match(?:es|ing)?)\s+(?:the\s+(?:word|phrase|" \
                  rf"pattern|template)s?\s+)?{_QUOTE}"
_TITLES_AFTER = rf"\b(?:are|is)?\s*(?:an?\s+)?{_QUOTE}(?:[- ](?:style|type|like))?\s+titles?\b"


def title_wording(q: Question) -> list[Condition]:
    """The conditions a quoted title wording names, its words blanked; [] when nothing quoted is said of titles."""
    found = []
    for pattern in (_TITLE_CONTAINS, _TITLES_AFTER):
        for m in q.take(pattern):
            text = next(g for g in m.groups() if g)
            parts = _PLACEHOLDER.split(text)
            regex = r".+?".join(re.escape(p.strip()) for p in parts)
            if not re.search(r"\w", regex):
                continue
            compiled = re.compile(regex.replace(r"\ ", r"\s+"), re.I)
            found.append(Condition("title", text, f"title: like '{text}'",
                                   lambda p, c=compiled: c.search(p.title) is not None))
    return found
