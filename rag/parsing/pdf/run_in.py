"""The run-in heading a paragraph opens with: words set in bold at the start of its first line, then the paragraph's
own text ('Training Data To train our model, ...', 'Preparing the input layer. We split each PDF ...'), or a short
bold first line of its own ('Comparison with Task Specific Fine-Tuning'). A list item's label before it ('1.',
'III.', '13.3.4') is not bold in most styles and is passed over: the item's heading is the bold words after it.

Such headings are a section's parts as the paper prints them (issue 11: a PDF's section tree is data), and no
heading regex sees them: their words are ordinary, only the weight sets them apart.
"""

from __future__ import annotations

import re

from rag.parsing.pdf.layout import Line
from rag.parsing.pdf.words import clean_span_text, normalise

# A list item's label: '1.', '(2)', 'III.', 'a)', '13.3.4'
_LABEL = re.compile(r"\(?(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,4}|[a-z])[.)]?")
_MAX_WORDS = 8


def run_in_lead(lines: list[Line]) -> str:
    """The bold words a paragraph opens with, as a heading ('Training Data'; the full stop or colon ending it
    dropped), or '' when it opens with none, or with a bold symbol or formula ('v = ...', '#e')."""
    if not lines:
        return ""
    spans = sorted(lines[0].spans, key=lambda s: s.x0)
    label = ""
    if spans and not spans[0].bold and _LABEL.fullmatch(spans[0].text.strip()):
        label, spans = spans[0].text.strip(), spans[1:]
    if label.count(".") > 1:
        return ""  # '13.3.4 Cells, fetching, and storing.': a numbered heading run in, read as such by the outline
    bold = []
    for span in spans:
        if not span.bold:
            break
        bold.append(span)
    rest = len(bold) < len(spans)  # the paragraph's own text follows on the line
    if not bold or (not rest and len(lines) < 2):
        return ""  # a lone bold line is a heading the structure reader kept or a figure's text, not a run-in
    # The line's own text, which has the spaces and ligatures right ('Off-the-shelf'), cut after as many letters as
    # the bold runs hold
    wanted = sum(len("".join(clean_span_text(s.text).split())) for s in bold)
    text = lines[0].text[len(label):].lstrip() if label and lines[0].text.startswith(label) else lines[0].text
    seen = end = 0
    while end < len(text) and seen < wanted:
        seen += not text[end].isspace()
        end += 1
    words = normalise(text[:end]).split()
    words = words[1:] if len(words) > 1 and _LABEL.fullmatch(words[0]) and not label else words  # a bold 'I.'
    if not words or len(words) > _MAX_WORDS:
        return ""
    lead = re.sub(r"\s*[.:]$", "", " ".join(words))
    # a heading is words: it opens with a capital and holds one word of three letters or more
    if not re.match(r"[A-Z]", lead) or not re.search(r"[A-Za-z]{3}", lead) or "=" in lead:
        return ""
    return lead
