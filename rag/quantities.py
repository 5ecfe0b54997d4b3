"""Figures in a line that can answer "how many": not a citation year, a reference or a section number, and best
counted in the unit the question names ("how long, in tokens" -> "up to 10M tokens")."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.question_words import stems

# "(Gardner et al., 2018)", "[12]", "§3.2", "Table 2", and digits inside a name ("SemEval-2017", "Qwen2.5", "L2"):
# digits that are no answer to "how many".
NOT_A_QUANTITY = re.compile(r"\([^()]*\b(?:19|20)\d\d[a-z]?\)|\[[\d,\s–-]+\]|et al\.,? (?:19|20)\d\d|"
                             r"\b(?:table|figure|fig\.|section|sec\.|eq\.|equation|§)\s*\d+(?:\.\d+)*|"
                             r"\b[A-Za-z]+-?\d[\w.]*", re.I)
# A count written out ("three or more annotators agree") answers "how many" as "3" does; never "what F1" ("Table 3
# compares three variants" holds no score).
_COUNT_WORDS = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                          r"fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b", re.I)
_ASKS_FOR_COUNT = re.compile(r"\b(how many|number of|how much)\b", re.I)


def count_words(text: str, question: str) -> list[str]:
    return _COUNT_WORDS.findall(text) if _ASKS_FOR_COUNT.search(question) else []


# A figure followed by the word it counts: "10M tokens", "8 GPUs", "three layers", "1,024 dimensions".
_COUNTED = re.compile(r"(?<![\w.])[-−+]?(?:\d[\d.,]*\s*[KMBkmb%×x]?|" + _COUNT_WORDS.pattern[3:-3]
                      + r")\)?\s+([A-Za-z][\w-]*)", re.I)


# Where a question names the unit it counts in: "how many GPUs", "the number of layers", "..., in tokens?".
_UNIT = re.compile(r"\b(?:how many|how much|number of|amount of|count of)\s+((?:\w+\s+)?[A-Za-z][\w-]*)|"
                   r"\b(?:in|measured in|in terms of)\s+([A-Za-z][\w-]*)\s*\??\s*$", re.I)


@lru_cache(maxsize=256)  # counts_in asks it for every line of the evidence, always about the same question
def asked_units(question: str) -> frozenset[str]:
    """The stems of the words a question counts in (the word after "how many", or two words on: "how many
    training steps"), or an empty set."""
    found = _UNIT.search(question)
    return stems(found.group(1) or found.group(2)) if found else frozenset()


def counts_in(line: str, question: str) -> bool:
    """The line gives a figure in the unit the question names ("how many GPUs" -> "trained on 8 GPUs"), a figure that
    is no citation year, reference or section number."""
    units = asked_units(question)
    if not units:
        return False
    plain = NOT_A_QUANTITY.sub(" ", line)
    return any(stems(unit) & units for unit in _COUNTED.findall(plain))
