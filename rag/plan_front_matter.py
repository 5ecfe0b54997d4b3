"""Where a PDF prints its front matter, said as the place a record is read from: 'going by the header of the X pdf',
'what does its footer say it comes from', 'the first-page header'. The records themselves (venue line, page range,
copyright, meeting number, arXiv stamp, byline) are fields of rag/catalog_fields.py and rag/plan_field_words.py; this
reader only takes the place words, so the question reads as asking the field.

A header or footer is a place on a PDF's first page, and what it 'says' is the record printed there — unlike what a
footnote or a section says, which is content (rag/plan_footnotes.py, rag/plan_compound.py): the place is taken only
when nothing but a record field is left to ask, which the planner's residual test decides as for any question.
"""

from __future__ import annotations

from rag.plan_terms import Question

# The places of a first page that print records, with the words a question may qualify them by.
_AT = r"(?:first[\s-]page|front[\s-]page|title[\s-]page|page[\s-](?:one|1)|proceedings|conference|journal|venue|" \
      r"copyright|top|bottom)"
_PLACE = rf"(?:(?:{_AT})\s+)?(?:header|footer|masthead|letterhead|running\s+head(?:er)?|head\s+line|foot\s+line|" \
         rf"top\s+line|bottom\s+line|margin)s?"
# The place ends its noun phrase: 'on the margin boosting paper' names a paper, not a margin.
_ENDS = r"(?=\s*(?:[?,.;:!)(]|$)|\s+(?:of|in|on|for|about|says?|said|prints?|printed|gives?|shows?|states?|reads?|lists?|" \
        r"names?|claims?|which|what|when|where|who|how|is|are|was|were|does|do|did|and|or|to|with)\b)"
_OWNER = r"(?:the|its|their|this|that|his|her)"
# 'going by the header of X', 'according to its footer', 'as the first-page header prints it'
_SOURCE = rf"\b(?:according\s+to|going\s+by|judging\s+(?:by|from)|based\s+on|per|from|in|on|at)\s+(?:{_OWNER}\s+)?{_PLACE}\b{_ENDS}"
# 'does its footer say', 'the header prints', 'what the footer gives': the verb of printing a record, after the place
_SAID = rf"\b(?:{_OWNER}\s+)?{_PLACE}\s+(?:says?|said|prints?|printed|gives?|given|shows?|shown|states?|stated|lists?|" \
        r"listed|reads?|claims?|names?)\b"
# 'the first-page header', 'a first-page footer' said as a modifier of what is asked
# (by its position only: 'a conference proceedings header' says a record, which the fields read as a condition)
_MODIFIER = rf"\b(?:{_OWNER}\s+|an?\s+)?(?:first|front|title|top|bottom)[\s-]+page[\s-]+(?:header|footer)s?\b{_ENDS}"


def front_matter_place(q: Question) -> bool:
    """Take the words saying where on a PDF's first page a record is printed; True when some were taken."""
    return bool(q.take(_SOURCE) + q.take(_SAID) + q.take(_MODIFIER))

