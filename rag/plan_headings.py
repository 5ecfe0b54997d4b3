"""Questions about the headings a PDF prints (rag/catalog_headings.py): a section asked by its number ('section 3',
'§2.1', 'the third section'), by its words as printed ("the 'Other Research Problems' section", 'the entity
extraction and linking section') or by its role (appendix, conclusion, introduction, related work, the last section),
and what is asked of it: its title, subsections, page, number, or how many there are — of one named PDF, or over the
PDFs ('which PDFs have a Background section', 'how many PDFs have a numbered Introduction').

What a section says is content: 'what does section 3 propose', 'what is discussed in the background section',
'summarise the conclusion' are never read here and go to retrieval. The listing pages' own sections ('Accepted
Papers', rag/plan_sections.py) are not a PDF's headings: a question naming one is left to its readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag import rx
from rag.catalog import Catalog
from rag.catalog_headings import Heading, Outline
from rag.plan_heading_frame import POINTS, QUOTED, ROLES, asks_content, only_frame, pointed_out
from rag.plan_heading_located import PLACE_WORDS, numbered_said, numbered_title, ordinal_heading, parent_words
from rag.plan_heading_neighbours import beside
from rag.plan_heading_words import answer as worded_answer, asked_word
from rag.catalog_pdf_records import venue_words
from rag.plan_heading_phrases import page_said
from rag.plan_heading_phrases import abbreviated, bare_set, begun_title_words, file_named, named_number, plain, printed_page, \
    titled_topic
from rag.plan_section_parts import parts_asked
from rag.plan_section_pointers import pointed_to, pointing_at
from rag.plan_terms import HOW_MANY, ORDINALS
from rag.records import Answer, Paper, format_location

_NOUN = r"(?:sub-?sections?|sections?|§|sec\.|appendix|appendices|headings?|chapters?)"
_NOT = re.compile(r"\b(?:no|not|without|lacks?|lacking|missing)\b|n't\b")
_SET = re.compile(r"\b(?:which|what)\s+(?:of\s+(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?)\b|"
                  r"\bhow\s+many\s+(?:of\s+(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?)\b|"
                  r"\b(?:any|all)\s+(?:of\s+)?(?:my|the)\s+(?:pdfs?|papers?|files?)\b|"
                  r"\b(?:each|every)\s+(?:one\s+of\s+)?(?:(?:of\s+)?(?:my|the)\s+)?(?:pdfs?|papers?|files?)\b", re.I)


@dataclass
class HeadingAsk:
    """What a heading question asks and the answer read from the outlines: text, the papers, the headings cited.
    No text: the question asks what a section of a PDF says, which is content, or asks headings under a condition this
    reader does not apply ('from 2018'): the planner answers None and the question goes to retrieval."""

    text: str
    rows: list[Paper] = field(default_factory=list)
    cited: dict[str, list[Heading]] = field(default_factory=dict)  # paper_id -> the headings the answer names


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The heading question's answer, or None when the question is not about a PDF's printed headings."""
    low = plain(" ".join(question.casefold().replace("’", "'").split()))  # rag/plan_heading_phrases.py
    if (parts := _parts(low, catalog)) is not None:  # a section's paragraph headings (rag/plan_section_parts.py)
        return parts
    if not rx.search(rf"(?:{_NOUN})", low) and not numbered_said(low, catalog.outlines.values()) and \
            not (page_said(low) is not None and any(rx.search(pattern, low) for pattern in ROLES.values())):
        return None  # no section word, no heading said by its number and words ("'1 Introduction'") or by its role on a page
    if (word := asked_word(low)) is not None and (named := named_pdf(low, catalog, catalog.outlines)) is not None:
        text, found = worded_answer(word, catalog.outlines[named.paper_id], bool(rx.search(r"\bnumbered\b", low)))
        return HeadingAsk(text, [named], {named.paper_id: found})  # 'every heading with the word Entity in it'
    if asks_content(low):  # 'which section is about <a printed title>': the title, not what the section says
        low = titled_topic(low, [h for o in catalog.outlines.values() for h in o.headings])
    if asks_content(low):  # what a PDF's section holds is retrieval's: no other reader may take it either
        return HeadingAsk("") if POINTS.search(low) else None
    if any(rx.search(rf"\b{re.escape(s.casefold())}\b", low) for s in catalog.sections):
        return None  # 'the workshop section': a listing page's section (rag/plan_sections.py)
    held = catalog.outlines
    if not held:
        return None
    named = named_pdf(low, catalog, held)
    if named is None and not (_SET.search(low) or bare_set(low)):
        return None
    low = named_number(low, held[named.paper_id]) if named is not None else low  # 'section 2 (Model)'
    if named is not None and (titled := numbered_title(low, held[named.paper_id])) is not None:
        low = titled[1]  # 'subsection 2.5 Inference': the number and its own printed words (rag/plan_heading_located.py)
    # The second test, as the planner's: once the paper's name and the headings' own words are out, only frame is left.
    # A heading's own words count only where the question points at it ('the Extracting Metadata section'), not
    # anywhere ('what is the Dense Passage Retriever in section 3'); 'no' / 'not' only over the PDFs (the complement).
    said = [named.title, *catalog_names(catalog, named), *begun_title_words(low, named), *venue_words(named)] \
        if named is not None else []  # 'the lit graph paper (NAACL 2018)': its venue said to name it
    # 'the printed number at the foot of that page', 'the last subsection of its SCIDOCS section' (plan_heading_located)
    said += PLACE_WORDS + (parent_words(low, held[named.paper_id]) if named is not None else [])
    shown = held[named.paper_id].headings if named is not None else [h for o in held.values() for h in o.headings]
    rest = pointed_out(low, shown)
    if named is None:
        rest = _NOT.sub(" ", rest)
    if not only_frame(rest, said):
        # 'which PDFs from 2018 have an appendix': a condition this reader does not apply; no other reader may answer
        # it either with the heading dropped, so it goes to retrieval
        return HeadingAsk("") if named is None and _over(low, list(held.values())) is not None else None
    if named is not None:
        return _of_one(low, held[named.paper_id])
    return _over(low, list(held.values()))




def _parts(low: str, catalog: Catalog) -> HeadingAsk | None:
    if not rx.search(rf"(?:{_NOUN})|\d\.\d", low):  # a section word, or a bare subsection number ('under 13.3.4')
        return None
    held = catalog.outlines
    named = named_pdf(low, catalog, held) if held else None
    if named is None:
        return None
    outline = held[named.paper_id]
    heading, how = _selected(low, outline)
    if how == "ordinal" and heading is None:
        return None  # 'the second subsection' of a PDF printing one: no such heading, not its list (_of_one says so)
    pointed = how in ("number", "role", "last") or bool(heading and rx.search(
        rf"\b{re.escape(heading.title.casefold())}['\"’”]?\s+(?:sub-?)?section\b|\b(?:sub-?)?section\s+['\"‘“]?"
        rf"{re.escape(heading.title.casefold())}", low))
    parts = parts_asked(named_number(low, outline), outline, heading, pointed)
    if parts is not None:
        return HeadingAsk(parts.text, [named], {named.paper_id: parts.cited})
    # the words the PDF is named by: its short names, and its title's words where two of them stand in a row
    title = rx.findall(r"[a-z0-9]+", named.title.casefold())
    said = {w for n in catalog_names(catalog, named) for w in rx.findall(r"[a-z]+", n.casefold())} | \
        {w for a, b in zip(title, title[1:]) if f"{a} {b}" in " ".join(rx.findall(r"[a-z0-9]+", low)) for w in (a, b)}
    # 'which section is X covered in', 'which component is pointed to Section 4': the PDF's own '(Section 3)' pointers
    if hits := pointed_to(low, named, said) or pointing_at(low, named, said):
        text = f"{named.title} points to its sections: " + "; ".join(
            f"Section {p.number} for '{p.phrase}' (p. {p.page})" for p in hits) + "."
        return HeadingAsk(text, [named], {named.paper_id: [Heading("", f"'{p.phrase} (Section {p.number})'", p.page)
                                                          for p in hits]})
    return None


def catalog_names(catalog: Catalog, paper: Paper) -> list[str]:
    return [n for n, p in catalog.short_names.items() if p is paper]



def named_pdf(low: str, catalog: Catalog, held: dict[str, Outline]) -> Paper | None:
    """The one PDF the question names: its short name ('SPECTER', 'DPR') or two title words in a row."""
    found = [o.paper for o in held.values()
             if any(p is o.paper and n.casefold() in low and rx.search(rf"\b{re.escape(n.casefold())}s?\b", low)
                    for n, p in catalog.short_names.items())]
    if len(found) != 1:
        found = [o.paper for o in held.values() if _title_pair(o.paper.title, low)]
    if len(found) != 1:
        found = file_named(low, [o.paper for o in held.values()])  # 'the backus pdf': a file name as its title
    if len(found) != 1:
        found = abbreviated(low, [o.paper for o in held.values()])  # 'the lit graph paper': two title words begun
    return found[0] if len(found) == 1 else None


def _title_pair(title: str, low: str) -> bool:
    words = [w for w in rx.findall(r"[a-z0-9]+", title.casefold()) if len(w) > 3 or w.isdigit()]
    text = " ".join(rx.findall(r"[a-z0-9]+", low))
    return any(f"{a} {b}" in text for a, b in zip(words, words[1:]))


def _selected(low: str, outline: Outline) -> tuple[Heading | None, str]:
    """The heading the question points at, and how it was said ('number', 'words', 'role', 'last', 'ordinal' or '')."""
    if (placed := ordinal_heading(low, outline)) is not None:  # 'the first numbered subsection', 'the last heading'
        return placed
    m = rx.search(r"(?:\b(?:sub-?section|section|sec\.|chapter)\s*|§\s*)(\d{1,2}(?:\.\d{1,2})*)\b", low) or \
        rx.search(r"\bappendix\s+([a-h])\b", low)
    if m:
        return outline.numbered(m.group(1)), "number"
    for n, word in enumerate(ORDINALS, start=1):
        if rx.search(rf"\b(?:the\s+)?{word}\s+(?:numbered\s+|top-level\s+|main\s+)?section\b", low):
            sections = outline.sections
            return (sections[n - 1] if n <= len(sections) else None), "number"
    if rx.search(r"\b(?:the\s+)?(?:last|final|closing)\s+(?:numbered\s+)?section\b", low):
        return outline.last, "last"
    for h in outline.headings:  # the words as printed, quoted or not
        if h.title and len(h.title) > 3 and h.title.casefold() in low and \
                rx.search(rf"\b{re.escape(h.title.casefold())}\b", low):
            return h, "words"
    for role, pattern in ROLES.items():
        if rx.search(pattern, low):
            if role == "appendix":
                return (outline.appendix[0] if outline.appendix else None), "role"
            return next((h for h in outline.headings if rx.search(pattern, h.title.casefold())), None), "role"
    return None, ""


def _of_one(low: str, outline: Outline) -> HeadingAsk | None:
    paper, name = outline.paper, outline.paper.title
    if HOW_MANY.search(low) and not rx.search(r"\b(?:how\s+many|number\s+of|count)\s+(?:[a-z-]+\s+){0,3}"
                                            r"(?:sub-?)?(?:sections?|headings?)\b", low):
        return None  # 'how many pages of appendix': a length the outline does not hold, not a count of headings
    if HOW_MANY.search(low) and rx.search(r"\b(?:after|before|following|preceding|since|until|between)\s+(?:the\s+)?"
                                          r"(?:sub-?section|section|§|heading|chapter)", low):
        return None  # 'how many headings after section 4': a count from a place this reader does not count from
    if HOW_MANY.search(low) and rx.search(r"\bappendi", low):  # 'how many sections are in the appendix'
        text = f"{name} has {len(outline.appendix)} appendix heading{'s' if len(outline.appendix) != 1 else ''}" + \
            (": " + "; ".join(h.said() for h in outline.appendix) if outline.appendix else "") + "."
        return HeadingAsk(text, [paper], {paper.paper_id: outline.appendix})
    # counted, or listed ('what are the numbered top-level sections of X', 'list SPECTER's main sections')
    listed = rx.search(r"\b(?:what|which|list|name|give|show|enumerate)\b", low) and rx.search(r"\bsections\b", low)
    if (HOW_MANY.search(low) or listed) and rx.search(r"\bsections?\b", low) and not rx.search(r"\bsub-?sections?\b", low) \
            and not _selected(low, outline)[1]:
        body = outline.sections
        text = f"{name} has {len(body)} numbered top-level sections" + \
            (f" (and {len(outline.appendix)} appendix heading)" if outline.appendix else "") + ": " + \
            "; ".join(h.said() for h in body) + "."
        return HeadingAsk(text, [paper], {paper.paper_id: body})
    heading, how = _selected(low, outline)
    if not how:
        return None
    if heading is None:
        what = "an appendix" if "appendi" in low else "that section"
        return HeadingAsk(f"{name} does not print {what} in the text as read (headings: "
                          f"{'; '.join(h.said() for h in outline.sections)}).", [paper],
                          {paper.paper_id: outline.sections})
    cited = [heading]
    # the page number its venue prints there, when asked, or when a page is asked of a PDF whose venue numbers its pages
    printed = printed_page(paper, heading) if rx.search(r"\bpage\s+printed\b", low) or \
        rx.search(r"\bpage\b", low) and paper.venue_line is not None and paper.venue_line.pages else ""
    parts = [f"In {name}, {heading.said()}{printed}"]
    nearby, cited_nearby = beside(low, outline, heading)  # 'and what heading comes right after it'
    parts += nearby
    cited += cited_nearby
    # 'its subsections', 'the first subsection of §2' ask children; 'subsection 13.3.4', 'which subsection is titled X'
    # name the heading itself
    if how != "ordinal" and rx.search(r"\bsub-?sections\b|\bsub-?section\s+(?:of|under|in|within|below)\b|"
                                      r"\bfirst\s+sub-?section\b", low):
        children = outline.children(heading)
        if rx.search(r"\bfirst\s+sub-?section\b", low):
            children = children[:1]
        cited += children
        many = f"{len(children)} subsection{'s' if len(children) != 1 else ''}: " if HOW_MANY.search(low) \
            else "subsections: "
        parts.append(("its " + many + "; ".join(h.said() for h in children)) if children else
                     "it has no numbered subsections")
    yes_no = rx.search(r"^\W*(?:does|do|is|has|have)\b|\bis\s+there\b", low)
    if heading.appendix and rx.search(r"\bappendi", low) and yes_no:
        parts[0] = f"Yes: {name} has an appendix, {heading.said()}"
    return HeadingAsk(", ".join(parts) + ".", [paper], {paper.paper_id: cited})


def _over(low: str, held: list[Outline]) -> HeadingAsk | None:
    """Over every PDF with printed headings: those having the section asked ('which PDFs have a Background section',
    'which end with a conclusion and future work section'), or how many."""
    quoted = QUOTED.search(low)
    words = quoted.group(1).strip() if quoted else None
    # "a numbered '1 Introduction' heading": the number printed before the words is the heading's own
    number_said = rx.match(r"(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)", words) if words else None
    words = number_said.group(2) if number_said else words
    ends = rx.search(r"\b(?:end|ends|ending|finish|finishes|close|closes|wrap\s+up)\s+(?:with|on)\b", low)
    numbered = bool(rx.search(r"\bnumbered\b", low)) or number_said is not None
    negated = bool(_NOT.search(low))  # 'which PDFs have no appendix': the PDFs with headings that lack it
    role = next((r for r, pattern in ROLES.items() if rx.search(pattern, low)), None)
    if words is None and role is None:  # 'which PDFs have an Experiments section': words some PDF prints as a heading
        m = rx.search(r"\b(?:an?|the|any)\s+(?:numbered\s+|top-level\s+)?((?:[a-z][\w-]*\s+){0,4}?[a-z][\w-]*)\s+"
                      r"(?:sub-?)?(?:sections?|headings?)\b", low)
        if m and any(m.group(1) in h.title.casefold() for o in held for h in o.headings):
            words = m.group(1)
    # 'have a section 4', 'reach a numbered section 5', 'a subsection numbered 2.1'
    numbered_as = rx.search(r"\b(?:a|any|their|its|whose|begins?|starts?)\s+(?:numbered\s+|top-level\s+)?(?:sub-?section|section|§)\s*(?:numbered\s+)?"
                            r"(\d{1,2}(?:\.\d{1,2})*)\b", low)
    # 'which PDFs have numbered subsections': any heading below a section, whatever its words
    nested = words is None and role is None and numbered_as is None and bool(rx.search(r"\bsub-?sections?\b", low))
    if words is None and role is None and numbered_as is None and not nested:
        return None
    # "'conclusion(s) and future work'": a bracketed plural is either spelling; "'... and Future Work'": an ellipsis
    # stands for any words there (a heading holding the rest matches)
    pattern = _elided(words).replace(r"\(s\)", "s?") if words else ROLES.get(role or "", "")
    words = " … ".join(part.strip() for part in rx.split(r"\.{2,}|…", words)).strip() if words else words
    extra = rx.search(r"\bconclu\w*\s+(?:and|&)\s+future\s+work\b", low)
    matched: list[tuple[Outline, Heading]] = []
    for o in held:
        pool = [o.last] if ends and o.last else o.appendix if role == "appendix" and not words else o.headings
        hit = next((h for h in o.headings if h.level >= 2 and h.title), None) if nested else \
            o.numbered(numbered_as.group(1)) if numbered_as and words is None and role is None else \
            next((h for h in pool if h is not None and rx.search(pattern, h.title.casefold())
                    and (not extra or "future work" in h.title.casefold()) and (h.number or not numbered)
                    and (number_said is None or h.number == number_said.group(1))), None)
        if ends and role == "appendix" and not words:  # an appendix ends a PDF when its heading is the last of all
            hit = o.appendix[0] if o.appendix and o.headings[-1].appendix else None
        if hit is not None:
            matched.append((o, hit))
    if (page := page_said(low)) is not None:  # 'start their section 2 on PDF page 2'
        matched = [(o, h) for o, h in matched if h.page == page]
    kind = f"{'numbered ' if numbered else ''}{role}"
    said = "numbered subsections" if nested else f"a section headed '{number_said.group(1) + ' ' if number_said else ''}{words}'" if words else f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} section" if role \
        else f"a section {numbered_as.group(1)}"  # type: ignore[union-attr]
    where = ("end with" if ends else "have") + (f" (on PDF page {page})" if page is not None else "")
    if negated:
        lacking = [o for o in held if all(o is not m for m, _ in matched)]
        where = "do not end with" if ends else "do not have"
        text = f"{len(lacking)} of the {len(held)} PDFs with numbered headings {where} {said}" + \
            (": " + "; ".join(o.paper.title for o in lacking) + "." if lacking else ".")
        return HeadingAsk(text, [o.paper for o in lacking], {})
    lines = "; ".join(f"{o.paper.title}: {h.said()}" for o, h in matched)
    if HOW_MANY.search(low):
        text = f"{len(matched)} of the {len(held)} PDFs with numbered headings {where} {said}" + \
            (f": {lines}." if matched else ".")
    else:
        text = (f"{len(matched)} of the {len(held)} PDFs with numbered headings {where} {said}: {lines}."
                if matched else f"None of the {len(held)} PDFs with numbered headings {where} {said}.")
    return HeadingAsk(text, [o.paper for o, _ in matched], {o.paper.paper_id: [h] for o, h in matched})


def _elided(words: str) -> str:
    """A heading's quoted words as a pattern; an ellipsis stands for the words left out, so the words beside it are
    whole words at the heading's end ('... and Future Work'), start ('Conclusion ...') or either side of a gap."""
    parts = [p.strip() for p in rx.split(r"\.{2,}|…", words)]
    if len(parts) == 1:
        return re.escape(words)
    inner = ".*".join(rf"\b{re.escape(p)}\b" for p in parts if p)
    return ("^" if parts[0] else "") + inner + ("$" if parts[-1] else "")


def cite(answer: Answer, asked: HeadingAsk) -> Answer:
    """Each row cites the page its heading is printed on ('§3 SCIDOCS Evaluation Framework, p. 3'), not the file."""
    for evidence, citation, sentence in zip(answer.evidence, answer.citations, answer.sentences[1:]):
        headings = asked.cited.get(evidence.paper.paper_id) or []
        if not headings:
            continue
        first = headings[0]
        line = f"{evidence.paper.title}: " + "; ".join(h.said() for h in headings)
        evidence.sentences = [line]
        evidence.section, evidence.page = f"{first.number} {first.title}".strip(), first.page
        citation.passage = citation.span = line
        citation.section, citation.page = evidence.section, first.page
        citation.location = format_location(evidence.section, first.page)
        sentence.text = f"• {line} [{evidence.n}]"
    answer.answer = " ".join(s.text for s in answer.sentences)
    return answer
