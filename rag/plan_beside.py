"""A field said to be printed beside the paper it belongs to: 'which tag is shown next to the graphene STEM paper',
'the score printed beside TokMem', 'what org label is displayed alongside the X entry'.

'Shown next to X' says where the asked value stands on the page — with X's own entry — and asks nothing more: it is
frame once X is named (by its title or by a description, a 'title' span of the question). A place among the entries
('listed next to X', 'the entry beside X') is another question, read by rag/plan_relations.py and rag/plan_place.py
before this: only a verb of showing is read here, never one of placing.
"""

from __future__ import annotations

import re

from rag.plan_terms import Question

# ('shown next to the authors of X': beside the entry's byline, which is still X's entry)
_SHOWN_BESIDE = re.compile(r"\b(?:shown|printed|given|displayed|written|attached|put|stated|listed)\s+(?:(?:right|just)\s+)?"
                           r"(?:(?:next\s+to|beside|alongside|after)\s+(?:the\s+)?(?:author\s+names|authors|author\s+list|byline|names)"
                           r"\s+(?:of|for|on)\s+|(?:next\s+to|beside|alongside|by)\s*)(?:(?:the|that|this)\s+)?$", re.I)


# 'what is shown next to X', 'anything printed beside X': the verb's subject names no field, so the question asks
# what the page prints there, which no field answers (read as frame it became a yes/no check of X's page).
_NO_FIELD_SAID = re.compile(r"\b(?:what|anything|something|else)\W*(?:s|is|was|are|gets?|got)?\s*$", re.I)


def shown_beside(q: Question) -> None:
    """Blank 'shown next to' right before a span naming the paper: the asked value is printed with that paper."""
    for start, _, kind in q.spans:
        m = _SHOWN_BESIDE.search(q.text, 0, start) if kind == "title" else None
        if m is not None and not _NO_FIELD_SAID.search(q.folded, 0, m.start()):
            q.blank(m.start(), m.end())


# Where an entry prints a field against its byline: 'which lab label sits after the names', 'the tag printed right after
# the authors', 'what score comes before the names'. The field's noun stays to be read; the place asks nothing more.
_BY_NAMES = re.compile(r"(?<=\w)\s+(?:(?:that|which)\s+)?(?:(?:is|are|gets?|being)\s+)?(?:sits?|is|are|printed|shown|given|"
                       r"displayed|comes?|appears?|stands?|follows?|precedes?)\s+(?:(?:right|just|directly|immediately)\s+)?(?:after|before|next\s+to|"
                       r"beside|by|under|below|above)?\s*(?:the|its|their)\s+(?:author\s+)?(?:names|authors|byline|author\s+list)"
                       r"(?=\s*(?:[?.!,;)]|$))", re.I)
# a field the entry prints ('lab label', 'org tag'); a bare 'label' names none
_FIELD_NOUN = re.compile(r"\b(?:tags?|(?:lab|org|tag)\s+labels?|lab|org(?:ani[sz]ation)?|scores?|dates?|categor(?:y|ies)|badges?)\s*$",
                         re.I)


def printed_by_names(q: Question) -> None:
    """Blank 'sits after the names' right after a field's noun: where the entry prints that field, not a condition."""
    for m in reversed(list(_BY_NAMES.finditer(q.text))):
        if _FIELD_NOUN.search(q.text, 0, m.start()):
            q.blank(m.start(), m.end())

