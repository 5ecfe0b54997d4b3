"""The legend's mark said of every author or of none, with the mark as the object of a verb or a preposition (issue 11):
'which entries have an Amii star on every single author', 'papers where each name carries the asterisk', 'entries where
nobody carries the Amii asterisk', 'is there one where no author bears the star', 'ones where not a single name is
starred'. rag/plan_marked.py reads the mark as a predicate ('every author is Amii-starred', 'nobody is Amii-starred');
this reads the quantifier wherever it stands around the mark, so 'every single author' is not a count of one author
(plan_terms.counted_authors) and 'nobody carries' is no content word.

A quantifier over all authors needs the whole list: 'every' and 'none' hold only on a list printed complete (no 'et
al.'), and only on the page whose legend prints the mark."""

from __future__ import annotations

import re

from rag.catalog import Catalog
from rag.plan_marked import _MARK, _complete, marked
from rag.plan_terms import Condition, Question
from rag.records import Paper

_ALL = r"(?:every|each|all)"  # over all authors
_NONE = r"(?:no|none\s+of|not\s+(?:a\s+single|one|any)(?:\s+of)?)"  # over no author
_PEOPLE = r"(?:(?:co-?)?authors?|names?|persons?|people|researchers?|contributors?)(?:'s?)?(?:\s+names?)?"
# The quantified authors: 'every single author', 'all of its authors', 'none of the names', 'no co-author'
_OWNERS = r"(?:\s+of)?(?:\s+(?:its|their|the|the\s+listed|the\s+printed))?"
# 'every author of TokMem carries the star': the paper's title, already cut to blanks, or 'of it' after the authors
_OF_IT = r"(?:\s+(?:of|on|in)(?:\s+(?:the|that|this|it|its))?(?:\s+(?:paper|entry|one))?(?=\s{2,}|\s+(?:it|that|this)\b)" \
         r"(?:\s+(?:it|that|this)\b)?)?"
_WHO = rf"(?:single\s+|one\s+)?(?:of\s+)?(?:(?:its|their|the)\s+)?(?:listed\s+|printed\s+)?{_PEOPLE}{_OF_IT}"
_VERB = r"(?:ha(?:s|ve|ving)|carr(?:y|ies|ying)|bear(?:s|ing)?|wear(?:s|ing)?|gets?|getting|show(?:s|ing)?|" \
        r"(?:is|are)\s+(?:marked|tagged|flagged)\s+with)"
_NOT_VERB = r"(?:(?:does|do)(?:\s+not|n't)\s+(?:have|carry|bear|wear|get|show)|lacks?|misses|is\s+missing|" \
            r"(?:has|have)\s*n[o']t(?:\s+got)?)"
_ARTICLE = r"(?:the\s+|an?\s+|its\s+|their\s+)?"
_STARRED = r"(?:starred|asterisked|marked|flagged)(?!\s+(?:as|with|by)\b)"


def _sign(name: str, only: bool) -> str:
    """The mark as a noun: 'the Amii star', "Amii's asterisk", an unnamed 'star' when one legend's mark is the only one."""
    owned = rf"{name}(?:'s)?\s+" if not only else rf"(?:{name}(?:'s)?\s+)?"
    return rf"{_ARTICLE}{owned}(?:stars?|asterisks?|marks?|markers?|affiliation\s+marks?)"


def quantified_marks(q: Question, catalog: Catalog) -> list[Condition]:
    """A condition per legend institute whose mark the question says is on every author or on none (the words taken)."""
    found = []
    only = len(catalog.institutes) == 1
    for institute in sorted(catalog.institutes):
        name = re.escape(institute)
        sign = _sign(name, only)
        bare = sign.removeprefix(_ARTICLE)  # 'no star on any author': the mark after 'no', without its article
        starred = rf"(?:{name}{_MARK}|{_STARRED})" if only else rf"{name}{_MARK}"
        every = [
            # 'an Amii star on every single author', 'the asterisk beside each name', 'a star next to all of the authors'
            rf"\b(?:(?:put|puts|place[sd]?|give[sn]?|print(?:s|ed)?|show(?:s|n)?)\s+)?{sign}\s+"
            rf"(?:on|by|beside|next\s+to|against|after|for)\s+{_ALL}(?:\s+(?:single|one))?{_OWNERS}\s+{_PEOPLE}",
            # 'every author carries the star', 'all of the names have an Amii asterisk', 'each co-author is starred'
            rf"\b{_ALL}\s+{_WHO}\s+(?:(?:who\s+is|that\s+is)\s+)?(?:listed\s+|printed\s+)?"
            rf"(?:{_VERB}\s+{sign}|(?:is|are|being)\s+{starred})",
            # the mark as a participle right after the quantified authors, the object of 'have' or 'with': 'papers that
            # have every author starred', 'with all names Amii-asterisked'
            rf"\b{_ALL}\s+{_WHO}\s+{starred}",
            # the quantifier floated after its noun: 'whose authors all carry the star', 'names each bear the asterisk'
            rf"\b{_PEOPLE}\s+(?:(?:that|who|which)\s+)?(?:(?:are|were)\s+)?(?:all|each|every\s+one)\s+"
            rf"(?:{_VERB}\s+{sign}|(?:(?:are|being)\s+)?{starred})",
        ]
        nobody = [
            # 'nobody carries the Amii asterisk', 'no one has the star', 'none of the authors bears a mark'
            rf"\b(?:nobody|no[- ]one|{_NONE}\s+{_WHO})(?:\s+on\s+(?:the|its|their)\s+(?:list|byline|author\s+list)|"
            rf"\s+(?:on|of|in)(?=\s{{2,}}))?\s+"  # 'nobody on Nano3D carries …': the title already cut to blanks
            rf"(?:{_VERB}\s+{sign}|(?:is|are|was|were)\s+{starred})",
            # 'every author lacks the star', 'all of the names are missing the asterisk', 'whose authors all lack it'
            rf"\b{_ALL}\s+{_WHO}\s+{_NOT_VERB}\s+{sign}|\b{_PEOPLE}\s+all\s+{_NOT_VERB}\s+{sign}",
            # 'the star missing from every author', 'an asterisk absent on all the names'
            rf"\b(?:(?:is|are)\s+)?{sign}\s+(?:is\s+|are\s+)?(?:missing|absent|lacking)\s+(?:from|on|for)\s+"
            rf"{_ALL}{_OWNERS}\s+{_PEOPLE}",
            # 'no star on any author', 'the asterisk on none of the names'
            rf"\b(?:no\s+{bare}\s+(?:on|by|beside|next\s+to|for)\s+"
            rf"(?:any|a\s+single){_OWNERS}\s+{_PEOPLE}|{sign}\s+(?:on|by|beside|next\s+to|for)\s+none{_OWNERS}\s+{_PEOPLE})",
        ]
        # 'some author carrying the asterisk', 'at least one name with the star': a marked author, on any list
        # and the mark said of the paper itself, since a page prints it only on names: 'how many papers carry the
        # asterisk' (its words are all frame words, so unread they would count every paper); the mark ends the phrase, so
        # 'papers that have the asterisk in their abstract' is not read
        some = rf"\b(?:some|any|at\s+least\s+one|one\s+or\s+more)\s+{_WHO}\s+" \
               rf"(?:{_VERB}\s+{sign}|(?:is|are|being)\s+{starred})|" \
               rf"\b(?:papers|entries|ones|pdfs)\s+(?:(?:that|which)\s+)?{_VERB}\s+{sign}(?=\s*(?:[?.!,;)]|$|\b(?:and|or)\b))"
        if any(q.take(p) for p in every):
            found.append(Condition("affiliation", institute, f"affiliation: {institute} (every author)",
                                   lambda p, i=institute: _complete(p) and marked(p, i) == len(p.authors)))
        if any(q.take(p) for p in nobody):
            found.append(Condition("affiliation", f"not {institute}", f"affiliation: no {institute}-marked author",
                                   lambda p, i=institute: _on_legend(p) and _complete(p) and marked(p, i) == 0))
        if q.take(some):
            found.append(Condition("affiliation", institute, f"affiliation: {institute}",
                                   lambda p, i=institute: marked(p, i) > 0))
    return found


def _on_legend(paper: Paper) -> bool:
    """The paper is printed on a page whose legend gives the mark, so an unmarked name says something."""
    return any(s.format == "institute" for s in paper.sources)
