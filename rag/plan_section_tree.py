"""A PDF's section tree as typed nodes, asked by composition (issue 11): a node is picked by its number at any depth
('subsection 13.3.3', '§2.4'), by a paragraph heading printed under it ("the 'Author disambiguation' paragraph"), or
by an ordinal inside a level or a parent ('the last subsection of section 3'); a set of nodes by its level, said by
word or by an example of its numbering ('top-level', 'x.y headings', '(2.1, 2.2, ... style)') and by its parent; and
any field of the node is asked: its title, its number, the PDF page it starts on, the page number its venue prints
there, the section it sits under, or how many nodes the set holds.

Read after rag/plan_headings.py, for the questions its phrasings leave. A question is taken only when every word is
understood: the PDF's name, the node or set, the fields asked and frame words; any other word left over (a topic,
'what does it say') means the question asks what the section says, which is content and retrieval's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.catalog import Catalog
from rag.catalog_headings import Heading, Outline
from rag.catalog_pdf_records import venue_words
from rag.catalog_pdf_texts import printed_page_number
from rag.plan_heading_frame import only_frame
from rag.plan_heading_phrases import begun_title_words, plain, printed_page
from rag.plan_headings import HeadingAsk, catalog_names, named_pdf
from rag.plan_terms import HOW_MANY, ORDINALS
from rag.records import Paper


@dataclass(frozen=True)
class Node:
    """One numbered heading of a PDF as a record: every field a question may ask of it."""

    heading: Heading
    depth: int  # 1 for '3', 2 for '3.2', 3 for '3.2.1'
    pdf_page: int | None  # the PDF page it starts on
    printed_page: int | None  # the number its journal or proceedings print on that page, when they print one
    parent: Heading | None  # the numbered heading it sits under


def nodes(outline: Outline) -> list[Node]:
    """The numbered headings of the body (no appendix, no unnumbered back matter), in printed order."""
    by_number = {h.number: h for h in outline.headings if h.number}
    return [Node(h, h.level, h.page, printed_page_number(outline.paper, h.page), by_number.get(h.parent))
            for h in outline.headings if h.number and not h.appendix]


# The words naming a node's level; a level said by an example of its numbering is read by _level_shown.
_LEVEL_WORDS = ((re.compile(r"\bsub-?\s?sub-?\s?sections?\b|\bthird[\s-]level\b|\blevel[\s-]3\b"), 3),
                (re.compile(r"\bsub-?\s?sections?\b|\bsecond[\s-]level\b|\blevel[\s-]2\b"), 2),
                (re.compile(r"\b(?:top|first)[\s-]level\b|\blevel[\s-]1\b|\bmain\s+sections?\b|\bsections?\b"), 1))
# '(2.1, 2.2, ... style)', 'x.y headings', 'like 1.1.1': the depth an example number shows
_EXAMPLE = re.compile(r"\b(?:x|n|\d{1,2})((?:\.(?:y|z|w|\d{1,2}))+)\b(?=\s*(?:,|\.{2,}|…|style|-style|headings?|"
                      r"numbers?|numbering|form|format|\)|sections?|sub))")
_NUMBER = re.compile(r"(?:\b(?:sub-?){0,2}sections?\s*|\bsec\.?\s*|§\s*|\bchapter\s*|\bheading\s*)"
                     r"(\d{1,2}(?:\.\d{1,2}){0,3})\b|(?<![\d.])\b(\d{1,2}(?:\.\d{1,2}){1,3})\b(?!\.\d)")
_PAGE_NUMBER = re.compile(r"\bpages?\s+\d")
_PARAGRAPH = re.compile(r"\bpara(?:gr?a?p?h?s?)?\b|\brun-?in\b|\bbold\s+lead|\bpart\b")  # 'paragrph' too
_PARENT = re.compile(r"\bunder\b|\bparent\b|\bbelongs?\b|\bfalls?\b|\bsits?\b|\bwithin\b|\bin\s+which\b|"
                     r"\bwhich\s+(?:numbered\s+)?(?:sub-?)?section\b|\bcontain(?:s|ing)?\b|\bholds?\b")
_PRINTED = re.compile(r"\bprinted\b|\bbottom\b|\bfoot(?:er)?\b|\bfolio\b|\bjournal\b|\bproceedings\b")
_TITLE = re.compile(r"\bcalled\b|\btitled?\b|\bnamed?\b|\bheading\b|\bwhat\s+(?:is|are|'s)\s+(?:the\s+)?(?:title|name|heading)")
_PAGE = re.compile(r"\bpages?\b|\bpg\b|\bstarts?\b|\bbegins?\b|" + _PRINTED.pattern)
# the nodes under a node asked: 'what subsections does §4 have', 'the headings under section 2'
_BELOW = re.compile(r"\bsub-?\s?sections\b|\bheadings\b|\bchildren\b")
# What this reader does not hold or count: neighbours ('the heading after §7'), places from the end other than the last
# ('second-to-last'), the appendix (not in the body's tree), a count from a place ('how many after section 4')
_ELSEWHERE = re.compile(r"\b(?:after|before|follow\w*|next|previous|preced\w*|penultimate|second[\s-]+to[\s-]+last|"
                        r"next[\s-]+to[\s-]+last|appendi\w*|beside|adjacent|neighbou?r\w*)\b")
_SET_ASIDE = re.compile(r"\b(?:leaving\s+out|excluding|without|not\s+counting|ignoring|apart\s+from|except)\s+(?:the\s+|any\s+)?"
                        r"appendi(?:x|ces)\b")
_LIST = re.compile(r"\b(?:list|name|give|show|enumerate|what\s+are|which\s+are)\b")
# Frame words of this reader's own, beside rag/plan_heading_frame.py's: how levels, fields and places are said.
OWN_FRAME = """body total style paragraph paragraphs run in bold lead part levels level depth deep nested sub top bottom
foot footer folio printed pdf pg belong belongs fall falls sit sits parent contain contains containing holds hold
numbering format form headings x y z n e g i ie eg like such whole altogether overall paper's main lit et al
tell which's whats what's can could you u i me need want know please is shown show listed hw r considering only
leaving out ignoring carry carries bear bears headed d exact know scan scanned""".split()


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The answer when the question asks the section tree of one named PDF and nothing else, else None."""
    low = plain(" ".join(question.casefold().replace("’", "'").split()))
    if not catalog.outlines or not rx.search(r"\bsections?\b|\bsub-?\s?sections?\b|§|\bheadings?\b|\bchapters?\b|"
                                             r"\bparagraph|\brun-?in\b|\d\.\d", low):
        return None
    low = _SET_ASIDE.sub(" ", low)  # 'leaving out the appendix': the body's tree holds none
    if _ELSEWHERE.search(low):
        return None  # a heading beside another, the appendix, a place from the end: rag/plan_headings.py's readers
    paper = named_pdf(low, catalog, catalog.outlines)
    if paper is None:
        return None
    outline = catalog.outlines[paper.paper_id]
    tree = nodes(outline)
    said = _naming_words(low, catalog, paper)
    part = _paragraph(low, outline)
    number = None if part else _numbered(_without_examples(low), tree)
    level = _level_shown(low) or _level_said(low)
    consumed = [part.title, *_PARAGRAPH.findall(low)] if part else [number.heading.title] if number else []
    prefix = _prefix_shown(low, tree)  # '3.x subsections': the set under §3
    number, level = (prefix, prefix.depth + 1) if prefix is not None and number is None else (number, level)
    for n in tree:  # a node's printed words said beside its number or in quotes are the node said again
        if n.heading.title and len(n.heading.title) > 3 and n.heading.title.casefold() in low:
            consumed.append(n.heading.title)
            number = number or n
    checked = _without_examples(low)
    for phrase in consumed:  # a node's or paragraph's printed words count as said only where they stand together
        checked = checked.replace(phrase.casefold(), " ")
    if not only_frame(checked, said + OWN_FRAME):
        return None  # a word this reader does not understand: what a section says, or a condition it cannot apply
    if part is not None:
        return _under(paper, part.under, part.title, tree)
    if _PARAGRAPH.search(low):
        return None  # a section's paragraph headings asked: rag/plan_section_parts.py reads them
    ordinal = _ordinal(low, tree, level, number)
    many = HOW_MANY.search(low) or rx.search(r"\btotal\b|\bhw\s+many\b", low) or _LIST.search(low)
    if ordinal is None and (number is None and many or number is not None and _BELOW.search(low)):
        return _counted(low, paper, tree, level, number)  # a level, or the nodes under one ('its subsections')
    chosen = ordinal or number
    if chosen is None or not (_TITLE.search(low) or _PARENT.search(low) or _PAGE.search(low)):
        return None  # no field of the node asked that this reader knows
    return _fields(low, paper, chosen)


def _naming_words(low: str, catalog: Catalog, paper: Paper) -> list[str]:
    """The words the PDF was named by: its title, short names, title words begun, venue, authors' surnames, file."""
    surnames = [a.name.split()[-1] for a in paper.authors if a.name.split()]
    files = [s.path.rsplit("/", 1)[-1].rsplit(".", 1)[0] for s in paper.sources if s.path]
    return [paper.title, *catalog_names(catalog, paper), *begun_title_words(low, paper), *venue_words(paper),
            *surnames, *files, *(["cacm"] if paper.venue and "communications of the acm" in paper.venue.casefold()
                                 else [])]


def _without_examples(low: str) -> str:
    return _EXAMPLE.sub(" ", low)


def _level_shown(low: str) -> int | None:
    """The depth an example of the numbering shows: 'x.y' is 2, '2.1.1' is 3."""
    m = _EXAMPLE.search(low)
    return m.group(1).count(".") + 1 if m else None


def _prefix_shown(low: str, tree: list[Node]) -> Node | None:
    """'3.x', '2.1.x': a numbering example whose head is a node's number shows the set under that node."""
    m = rx.search(r"\b(\d{1,2}(?:\.\d{1,2}){0,2})\.[xyzn]\b", low)
    return next((n for n in tree if m and n.heading.number == m.group(1)), None)


def _level_said(low: str) -> int | None:
    for pattern, depth in _LEVEL_WORDS:
        if pattern.search(low):
            return depth
    return None


def _numbered(low: str, tree: list[Node]) -> Node | None:
    """The node said by its number: after a section word ('section 3', '§2.4'), or a dotted number the tree holds."""
    for m in _NUMBER.finditer(low):
        if _PAGE_NUMBER.search(low[max(0, m.start() - 9):m.end()]) and not m.group(1):
            continue  # 'page 2.1' is no heading
        found = next((n for n in tree if n.heading.number == (m.group(1) or m.group(2))), None)
        if found is not None:
            return found
    return None


def _paragraph(low: str, outline: Outline):
    """The paragraph heading the question names, printed under a numbered heading ("the 'Author disambiguation'
    paragraph"); only when the question says it is a paragraph, so a title word is never read as one."""
    if not _PARAGRAPH.search(low):
        return None
    parts = [p for p in outline.parts if len(p.title) > 3 and rx.search(rf"\b{re.escape(p.title.casefold())}\b", low)]
    titles = {p.title.casefold() for p in parts}
    return parts[0] if len(titles) == 1 and len(parts) == 1 else None  # printed twice ('Results'): ambiguous, left


def _ordinal(low: str, tree: list[Node], level: int | None, number: Node | None) -> Node | None:
    """'the last subsection of section 3', 'the second top-level section': a place inside a set of nodes."""
    m = rx.search(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)\s+(?:numbered\s+)?"
                  r"(?:(?:top|first|second|third)[\s-]level\s+|main\s+)?(?:sub-?\s?){0,2}(?:sections?|headings?)\b", low)
    if m is None:
        return None
    pool = _members(tree, level, number)
    if not pool:
        return None
    word = m.group(1)
    if word in ("last", "final"):
        return pool[-1]
    n = ORDINALS.index(word)
    return pool[n] if n < len(pool) else None


def _members(tree: list[Node], level: int | None, parent: Node | None) -> list[Node]:
    """The nodes of a level, under a parent when one is said ('the subsections of section 4')."""
    if parent is not None:
        prefix = parent.heading.number + "."
        below = [n for n in tree if n.heading.number.startswith(prefix)]
        depth = level if level and level > parent.depth else parent.depth + 1
        return [n for n in below if n.depth == depth]
    return [n for n in tree if n.depth == (level or 1)]


def _counted(low: str, paper: Paper, tree: list[Node], level: int | None, parent: Node | None) -> HeadingAsk | None:
    if level is None:
        return None
    if parent is not None and level <= parent.depth and not _BELOW.search(low):
        return None  # 'how many sections does section 3 have': no set below it said
    pool = _members(tree, level, parent)
    noun = {1: "numbered top-level sections", 2: "numbered subsections", 3: "numbered sub-subsections"}.get(
        pool[0].depth if pool else level, f"numbered level-{level} headings")
    where = f" under {parent.heading.said()}" if parent is not None else ""
    text = f"{paper.title} has {len(pool)} {noun}{where}" + (": " + "; ".join(n.heading.said() for n in pool)
                                                             if pool else "") + "."
    return HeadingAsk(text, [paper], {paper.paper_id: [n.heading for n in pool]})


def _fields(low: str, paper: Paper, node: Node) -> HeadingAsk:
    """The fields asked of one node, said as the heading readers say a heading ('§3 Extracting Metadata (p. 2)', its
    PDF page in the bracket): the printed page and the parent when asked."""
    h = node.heading
    parts = [f"In {paper.title}, {h.said()}"]
    if _PRINTED.search(low) or rx.search(r"\bpages?\b", low) and paper.venue_line is not None and paper.venue_line.pages:
        parts[0] += printed_page(paper, h)  # ', printed page 85 of NAACL … (its pages 84–91)', as plan_headings says it
    parent = node.parent if _PARENT.search(low) else None
    if parent is not None:
        parts.append(f"under §{parent.number} {parent.title or '(its title is not in the text as read)'}")
    return HeadingAsk(", ".join(parts) + ".", [paper], {paper.paper_id: [h] + ([parent] if parent else [])})


def _under(paper: Paper, heading: Heading, paragraph: str, tree: list[Node]) -> HeadingAsk:
    """The numbered heading a paragraph is printed under, and each heading above it."""
    chain, number = [], heading.number
    while number:
        found = next((n.heading for n in tree if n.heading.number == number), None)
        if found is not None:
            chain.insert(0, found)
        number = found.parent if found is not None else number.rpartition(".")[0]
    if not chain:
        chain = [heading]
    inner = chain[-1]
    text = f"In {paper.title}, the '{paragraph}' paragraph is printed under " + \
        (f"§{inner.number} {inner.title}" if inner.number else inner.title) + \
        (f" (p. {inner.page})" if inner.page else "") + \
        ("" if len(chain) == 1 else ", within " + ", ".join(f"§{h.number} {h.title}".rstrip() for h in chain[:-1])) + "."
    return HeadingAsk(text, [paper], {paper.paper_id: chain[::-1]})
