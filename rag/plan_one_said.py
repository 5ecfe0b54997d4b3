"""'One' standing for the noun said before it, said as that noun when the noun is an author (issue 11).

'Which papers list exactly three authors with Courville as the last one?': 'the last one' is the last AUTHOR — the
pronoun stands for the nearest countable noun before it. Left as said, the page-order reader took 'last one' as the
last paper listed (its subject noun 'one' is a paper's everywhere else: 'which is the last one on the page'), and the
answer was one entry where a list was asked. The antecedent decides, not a word list: the nearest noun before the
pronoun that is either an author noun (author, co-author, name, byline) or an entry noun (paper, entry, title, item,
PDF); only when it is an author noun is 'the <place> one' said as 'the <place> author', which the byline place
readers already take ('with Courville as the last author').
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_position import PLACE_WORDS

_ONE = re.compile(rf"\b(?P<lead>as\s+(?:the\s+|their\s+|its\s+|a\s+)?(?:{PLACE_WORDS}))\s+one\b(?!\s+of\b)", re.I)
_NOUNS = re.compile(r"\b(?:(?P<author>(?:co-?)?authors?|names?|bylines?|author\s+(?:lists?|lines?))|"
                    r"(?P<entry>papers?|entr(?:y|ies)|titles?|items?|pdfs?|articles?|preprints?|works?))\b", re.I)


def one_said(question: str) -> str:
    """`question` with 'as the <place> one' said as 'as the <place> author' where the pronoun's antecedent is an author
    noun; otherwise unchanged."""
    def said(m: re.Match) -> str:
        nouns = list(_NOUNS.finditer(question, 0, m.start()))
        return f"{m['lead']} author" if nouns and nouns[-1]["author"] else m[0]
    return _ONE.sub(said, question)
