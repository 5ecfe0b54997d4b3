"""Whether a question asks for a measure or a finding that a paper's text states — a number of points lost, how much
something dropped, how well a method did — rather than for catalog records (footnotes, links, sections, pages).

Readers of a PDF's parts (its footnotes, its sections) are taken by questions that name where a fact is printed ('the
DPR intro gives a number in a footnote'); what is printed there is content, left to retrieval. The test is what the
question counts or measures, not its phrasing: 'how many' counting a catalog object (footnotes, links, sections,
pages, PDFs) is a catalog question, 'how many' counting anything else (points, passages, examples) asks the text.
"""

from __future__ import annotations

import re

# What the catalog can count: a PDF's parts and the library's records, each said whole or by a common short form.
# 'papers' counts the library's records when they are said to hold something ('how many papers print a footnote'),
# not when they sit in something the text describes ('how many papers are in the MAG dataset').
_CATALOG_NOUN = (r"(?:foot\s*-?\s*)?notes?|fns?|links?|urls?|address(?:es)?|(?:web\s*)?sites?|repo(?:s|sitor(?:y|ies))?|"
                 r"pdfs?|files?|documents?|entries|entry|authors?|names?|people|pages?|sections?|subsections?|"
                 r"headings?|titles?|marks?|markers?|times?|tables?|figures?|keywords?|items?|references?|"
                 r"citations?|e-?mails?|affiliations?|numbered|top-?level|of\s+(?:them|these|those|the|its|my)|"
                 r"papers?(?!\s+(?:are|were|is|was)\s+(?:in|used|there|included|collected|annotated|labell?ed)\b)")
# 'how many' and the next words up to the counted noun (adjectives and a possessive may stand between them).
_HOW_MANY = re.compile(r"\b(?:how\s+many|number\s+of|count\s+(?:of\s+)?(?:the\s+)?)\s*((?:[\w'’-]+\s*){1,5})",
                       re.I)
# Words between 'how many' and the noun describe it ('numbered top-level'); a verb there ends the noun phrase: 'how many
# passages does section 3 retrieve' counts passages.
_COUNTED = re.compile(rf"^(?:(?!(?:does|do|did|are|is|was|were|has|have|had|can|could|will|would)\b)[\w'’-]+\s+){{0,3}}?"
                      rf"(?:{_CATALOG_NOUN})\b", re.I)
# A measure or a finding asked outright: its size, its change, how something did.
_MEASURE = re.compile(r"\bhow\s+much\b|"
                      r"\bhow\s+(?:large|big|small|high|low|far|well|good|bad|badly|accurate|fast|slow)\b|"
                      r"\bhow\s+did\s+(?:it|they|that|this|the\s+\w+)\s+(?:do|perform|fare|work\s+out)\b|"
                      r"\bwhat\s+(?:(?:is|was|were|are)\s+(?:the\s+)?)?(?:percentage|percent|accuracy|score|f1|"
                      r"precision|recall|drop|gain|improvement|decrease|increase|loss|margin|difference|speed-?up)\b",
                      re.I)

# 'how many are there', 'how many does it print': the counted noun is said elsewhere in the question.
_ELIDED = re.compile(r"^(?:does|do|did|are|is|was|were|has|have|had|can|in|on|there|such|total|altogether|overall)\b",
                     re.I)


def asks_printed_measure(text: str) -> bool:
    """True when the question asks for a measure or finding the text prints: 'how many points of exact match are
    lost', 'by how much does accuracy fall', 'what drop does the footnote give', 'how did it do'."""
    if _MEASURE.search(text):
        return True
    for m in _HOW_MANY.finditer(text):
        if not _COUNTED.match(m.group(1)) and not _ELIDED.match(m.group(1)):
            return True
    return False
