"""Where the asker says they are looking, said before a page's name: 'looking only at the Amii page and Courville's
page', 'just checking the trending feed', 'restricting myself to the PDFs'. The page's name is left to its own reader
(two pages joined are either page: rag/plan_scope.merge); only the verb of looking is taken, which names no condition
and would otherwise be left over as a content word. Read only with a listing or the PDFs said right after it, so
'looking at the attention maps' stays content.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import Question

# The source the look is directed at: a page, list, feed, profile, post or the PDFs, within a few words.
_SOURCE = r"(?=(?:\s+[\w'.&-]+){0,4}?\s+(?:pages?|lists?|listings?|feeds?|profiles?|posts?|pdfs?|uploads?)\b)"
_LOOK = r"(?:look(?:s|ing|ed)?|search(?:es|ing|ed)?|check(?:s|ing|ed)?|scann?(?:s|ing|ed)?|restrict(?:s|ing|ed)?" \
        r"(?:\s+(?:it|this|myself|ourselves|yourself))?|limit(?:s|ing|ed)?(?:\s+(?:it|this|myself|ourselves|yourself))?|" \
        r"stick(?:s|ing)?|stay(?:s|ing)?|focus(?:es|ing|ed)?)"
_SCOPE = rf"\b(?:(?:only|just|solely)\s+)?{_LOOK}(?:\s+(?:only|just|solely|purely))?(?:\s+(?:at|in|through|on|to|with|over))?" \
         rf"(?:\s+(?:only|just))?{_SOURCE}"


def looking_at(q: Question) -> bool:
    """Take the verb of looking said before a source ('looking only at the Amii page'); whether one was said. The
    trending page said as a feed ('(not the trending feed)') is that page: its noun is taken, its name left."""
    said = bool(q.take(_SCOPE))
    for m in list(rx.finditer(r"\btrending\s+(feeds?)\b(?![\w-])", q.text, re.I)):
        q.blank(m.start(1), m.end(1))
    return said
