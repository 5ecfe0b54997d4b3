"""A character a title prints, named in the question ('titles with an exclamation mark', 'which titles end in a
question mark', "a '!' in the title", 'titles phrased as a question'): split from rag/plan_titles.py, which reads the
words a title holds and asks this module whether a term is a character's name instead."""

from __future__ import annotations

import re

from rag.plan_terms import Condition, Question

# A character a title prints, by its name; said where titles are ('titles with an exclamation mark in them').
_NAMED = {r"exclamation(?:\s+(?:marks?|points?|signs?))?|bangs?": "!", r"question[\s-]+marks?|interrogation\s+marks?": "?",
          r"colons?": ":", r"semi-?colons?": ";", r"hyphens?": "-", r"dash(?:es)?": "-–—", r"commas?": ",",
          r"apostrophes?": "'’", r"ampersands?|and[\s-]signs?": "&", r"asterisks?": "*", r"plus\s+signs?": "+",
          r"(?:forward\s+)?slash(?:es)?": "/", r"parenthes[ie]s|(?:round\s+)?brackets?": "()",
          r"quotation\s+marks?|quotes": "'\"‘’“”", r"(?:full\s+stops?|periods?|dots?)": ".", r"digits?|numerals?": "0123456789"}
_NAMED_WORDS = "|".join(f"(?:{words})" for words in _NAMED)  # any of the names, built once
NAMED_AHEAD = re.compile(rf"(?:{_NAMED_WORDS})\b", re.I)  # a term that is a character's name ('a question mark')
_MARK_OF = r"(?:sign|symbol|character|char)s?"


def title_marks(q: Question) -> list[Condition]:
    """'titles with an exclamation mark', 'which titles end in a question mark', "a '!' in the title", 'titles phrased
    as a question': a condition that the title prints the character (or ends with it). Read only when the question
    speaks of titles, so 'the colon in eq. 3' stays a content question."""
    if not re.search(r"\btitle[sd]?\b", q.text, re.I):
        return []
    found = []
    for m in q.take(rf"(?:\b(end(?:s|ing)?|finish(?:es|ing)?)\s+(?:with|in|on)\s+)?(?:\b(?:an?|any|the|one|some)\s+)?"
                    rf"(?:\b({_NAMED_WORDS})(?:\s+{_MARK_OF})?\b|['\"‘“]([^\w\s'\"])['\"’”](?:\s+{_MARK_OF})?|"
                    rf"\b(?:a|any)\s+(numbers?)\b(?!\s+of\b))"
                    rf"(?:\s+(?:in|inside|within)\s+(?:them|it|(?:the|their|its)\s+titles?))?|"
                    rf"\b(?:phrased|posed|worded|written|framed)\s+as\s+(?:an?\s+)?(questions?)\b", 0):
        said = m.group(2) or m.group(4) or m.group(5)
        chars = m.group(3) or ("?" if m.group(5) else "0123456789" if m.group(4) else
                               next(c for words, c in _NAMED.items() if re.fullmatch(words, said.casefold())))
        name = said or chars
        ends = bool(m.group(1))
        pattern = re.compile("[" + re.escape(chars) + "]" + (r"\W*$" if ends else ""))
        if any(c.value == f"{'ends' if ends else 'has'} {chars}" for c in found):
            continue  # 'phrased as a question (with a question mark)': one condition said twice
        found.append(Condition("title", f"{'ends' if ends else 'has'} {chars}",
                               f"title: {'ends with' if ends else 'with'} {name.casefold()} ('{chars[0]}')",
                               lambda p, c=pattern: c.search(p.title) is not None))
    return found
