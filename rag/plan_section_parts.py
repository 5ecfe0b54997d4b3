"""What a named PDF's section is made of, read from its outline (rag/catalog_headings.py): the paragraph headings
printed under a section ('Training Data', 'Co-Views', the nine baselines of an appendix), the first of them, how many,
and the numbered subsections of the whole PDF ('2.1', '13.3.4') or how many there are.

A question is taken when it names the catalog object and asks for it by a loose cue, whatever its other words:
- the parts, by a heading noun with a word saying which kind ('paragraph headings', 'bold run-in headings',
  'sub-headings', 'unnumbered headings', 'bolded paragraph topic') or by a noun of the section's own title ('how many
  baselines does Appendix A - Baseline Details walk through', 'what research problems … Other Research Problems');
- the section, by number ('section 4', '§3.3', a bare '13.3.4' the outline holds), title words or role, through
  plan_headings' selection.
What a part or a section says, proposes or shows stays content: those verbs leave the question to retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag import rx
from rag.catalog_headings import Heading, Outline, Part
from rag.plan_heading_phrases import printed_page
from rag.plan_terms import HOW_MANY

# A heading noun with a word saying it is a paragraph's own heading, not a numbered one
_PARTS = re.compile(r"\bsub-?head(?:ing|er)?s?\b|\b(?:run-?in|bold|bolded|boldface)\s+paragraphs?\b|"  # set apart in bold
                    r"\b(?:run-?in|paragraph|bold|bolded|boldface|unnumbered|un-numbered|"
                    r"inline|italic|italicised|italicized)\s+(?:[\w-]+\s+){0,2}?(?:headings?|heads|headers?|titles?|"
                    r"topics?|labels?|names?)\b")
# The parts said by what they are to the section ('how many items does appendix A walk through')
_ITEMS = r"(?:items?|parts?|entries|points|pieces|components|elements)"
# The parts said as the list the section prints ('(I, II, III)', 'items 1-3', 'numbers three approaches'): a section's
# paragraph headings printed with list marks ('I. Statistical: …')
_ENUMERATED = re.compile(r"\(\s*(?:i|1|a)\s*[,/]\s*(?:ii|2|b)\b|\b(?:items?|points?)\s+(?:i|1|a)\s*(?:-|–|to)\s*(?:iii|iv|v|\d)\b|"
                         r"\b(?:numbers|lists|enumerates|itemi[sz]es)\s+(?:the\s+)?(?:two|three|four|five|six|\d)\s+[a-z-]+")
_FIRST = re.compile(r"\b(?:first|opening|1st|earliest|top)\b")
# What a part or a section says or does with its material: content, whatever is named
_SAYS = re.compile(r"\b(?:say|says|said|propose[sd]?|proposes|shows?|shown|discuss(?:es|ed)?|summari[sz]e\w*|"
                   r"explain\w*|argue[sd]?|argues|claims?|conclude[sd]?|finds?|found|report(?:s|ed)?|means?|meant|"
                   r"about|talks?|mentions?|evaluate[sd]?|compare[sd]?|outperform\w*|achieve[sd]?|why|results?\s+in|"
                   r"how(?!\s+many)|best|better|worse|worst|works?|perform\w*|accura\w*|beats?|wins?)\b")
# 'numbered subsections', 'subsection headings', 'sub-sections (like 2.1)': the PDF's second-level headings
_SUBSECTIONS = re.compile(r"\bsub-?sections?\b")
_BARE_NUMBER = re.compile(r"(?<![\w.])(\d{1,2}(?:\.\d{1,2}){1,3})(?![\w.]|\.\d)")


@dataclass
class PartsAnswer:
    text: str
    cited: list[Heading] = field(default_factory=list)


def _title_noun(low: str, heading: Heading) -> bool:
    """'how many baselines …' of 'Appendix A - Baseline Details': the noun counted is a word of the section's title.
    Only the counted noun: in 'which baseline …, and how many models were in its grid?' the count is of something
    the section's text says, not of its parts."""
    stems = {w[:5] for w in rx.findall(r"[a-z]{4,}", heading.title.casefold())}
    counted = rx.search(r"\b(?:how\s+many|number\s+of|count\s+(?:of\s+)?(?:the\s+)?)\s+([a-z-]+)(?:\s+([a-z-]+))?", low)
    words = [w for w in (counted.groups() if counted else ()) if w and len(w) > 3 and not w.startswith(("section", "sub"))]
    return any(w[:5] in stems for w in words)


def pointed_by_number(low: str, outline: Outline) -> Heading | None:
    """A bare heading number the outline holds ('under 13.3.4 (Cells, …)'), said without 'section'."""
    for m in _BARE_NUMBER.finditer(low):
        if (heading := outline.numbered(m.group(1))) is not None:
            return heading
    return None


def parts_asked(low: str, outline: Outline, selected: Heading | None, pointed: bool) -> PartsAnswer | None:
    """The answer when the question asks the parts of a section of this PDF, or its numbered subsections; None when it
    asks neither (or asks what they say). `pointed`: the section was said as one ('section 5', 'appendix A', 'the
    Analysis section'), not only by title words in the running text ('which entity extraction models …')."""
    if _SAYS.search(low):
        return None
    by_number = pointed_by_number(low, outline)
    heading = selected or by_number
    pointed = pointed or by_number is not None
    name = outline.paper.title
    if heading is not None:
        # the parts said as such, or counted by a noun of the section's own title ('how many baselines' of
        # 'Baseline Details') where the section is pointed at as one
        noun = bool(_PARTS.search(low)) or bool(rx.search(rf"\b(?:how\s+many|which|what)\s+{_ITEMS}\b", low)) or \
            (pointed and bool(HOW_MANY.search(low)) and _title_noun(low, heading)) or (pointed and _ENUMERATED.search(low))
        if not noun:
            return None
        parts = outline.parts_of(heading)
        if not parts:
            return PartsAnswer(f"In {name}, {heading.said()} prints no paragraph headings in the text as read.",
                               [heading])
        return _listed(low, name, outline, heading, parts)
    if _SUBSECTIONS.search(low) and not rx.search(r"\bsub-?sections?\s+(?:of|under|in|within|inside)\s+(?:the\s+)?"
                                                  r"(?:section|§|chapter)", low):
        return _subsections(low, outline)
    return None


def _listed(low: str, name: str, outline: Outline, heading: Heading, parts: list[Part]) -> PartsAnswer:
    first = bool(_FIRST.search(low)) and not HOW_MANY.search(low)
    shown = parts[:1] if first else parts
    groups: dict[Heading, list[Part]] = {}
    for part in shown:
        groups.setdefault(part.under, []).append(part)
    lines = [(f"under {under.said()}: " if under != heading else "") + "; ".join(p.said() for p in group)
             for under, group in groups.items()]
    many = f"{len(parts)} paragraph heading{'s' if len(parts) != 1 else ''}"
    if first:
        text = f"In {name}, {heading.said()}: its first paragraph heading is {lines[0]}."
    else:
        text = f"In {name}, {heading.said()} has {many}: " + " | ".join(lines) + "."
    return PartsAnswer(text, [heading] + [Heading("", p.title, p.page) for p in shown])


def _subsections(low: str, outline: Outline) -> PartsAnswer:
    """Every numbered subsection of the PDF, or how many; with the journal page it is printed on when asked."""
    found, name = outline.subsections(), outline.paper.title
    if not found:
        return PartsAnswer(f"{name} prints no numbered subsections in the text as read.", outline.sections[:1])
    many = f"{len(found)} numbered subsection{'s' if len(found) != 1 else ''}"
    printed = printed_page(outline.paper, found[0]).lstrip(",") if rx.search(r"\bpage\s+printed\b", low) else ""
    text = f"{name} has {many}: " + "; ".join(h.said() for h in found) + "." + (f" Page: {printed.strip()}."
                                                                              if printed else "")
    return PartsAnswer(text, found)
