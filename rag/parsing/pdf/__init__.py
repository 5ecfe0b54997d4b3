"""A user's PDF read into a Paper: metadata from page 1, full text as Blocks with section and page.

reader (PDFium text runs; figures: pictures and the text inside them) -> layout (lines, columns,
reading order; tables: captioned tables as rows of cells) and furniture (headers, footers) ->
metadata (title, authors, date, venue, ids) and structure (paragraphs, headings, captions, references).
"""

from __future__ import annotations

from pathlib import Path

from rag.parsing.errors import ParseError
from rag.parsing.sections import is_sensible_title
from rag.parsing.pdf.footnotes import read_footnotes
from rag.parsing.pdf.furniture import drop_running_heads, layout
from rag.parsing.pdf.metadata import front_matter
from rag.parsing.pdf.reader import read_document
from rag.parsing.pdf.run_in import run_in_lead
from rag.parsing.pdf.structure import INLINE_ABSTRACT, KEYWORDS, Para, mark_tables_and_figures, paragraphs, render, vocabulary
from rag.records import Author, Block
from rag.taxonomy import short_code

__all__ = ["PdfContent", "read_pdf"]

NO_ABSTRACT = "no 'Abstract' heading; the opening text is used as abstract"


class PdfContent:
    """Everything read from one PDF, before it becomes a Paper."""

    def __init__(self, title: str | None, authors: list[Author], abstract: str, blocks: list[Block],
                 page_count: int, flags: list[str], **fields: object) -> None:
        self.title, self.authors, self.abstract, self.blocks = title, authors, abstract, blocks
        self.page_count, self.flags, self.fields = page_count, flags, fields


def _abstract(paras: list[Para], vocab) -> tuple[str, list[Para]]:
    """The abstract (an 'Abstract' section, or a paragraph opening 'Abstract.') and the paragraphs left."""
    for index, para in enumerate(paras):
        if para.kind == "heading" and para.section.lower().startswith("abstract"):
            end = index + 1
            while end < len(paras) and paras[end].kind == "text" and paras[end].section == para.section \
                    and not KEYWORDS.match(paras[end].lines[0].text):
                end += 1
            text = " ".join(render(p, vocab) for p in paras[index + 1 : end])
            return text, paras[:index] + paras[end:]
        if para.kind == "text" and INLINE_ABSTRACT.match(para.lines[0].text) and index < 5:
            text = INLINE_ABSTRACT.sub("", render(para, vocab), count=1)
            return text, paras[:index] + paras[index + 1 :]
    return "", paras


def _blocks(paras: list[Para], vocab) -> list[Block]:
    blocks: list[Block] = []
    used: set[int] = set()
    for index, para in enumerate(paras):
        if para.kind == "table":
            # A table keeps its caption: the caption says what the numbers are.
            for near in (index + 1, index - 1, index + 2, index - 2):
                if 0 <= near < len(paras) and near not in used and paras[near].kind == "caption" \
                        and paras[near].page == para.page and paras[near].lines[0].text.lower().startswith("tab"):
                    used.add(near)
                    caption = render(paras[near], vocab)
                    blocks.append(Block(kind="table", section=para.section, page=para.page,
                                        text=caption + "\n" + render(para, vocab)))
                    break
            else:
                blocks.append(Block(kind="table", section=para.section, page=para.page, text=render(para, vocab)))
    out: list[Block] = []
    tables = iter(blocks)
    for index, para in enumerate(paras):
        if para.kind == "heading" or index in used:
            continue
        if para.kind == "table":
            out.append(next(tables))
            continue
        text = render(para, vocab)
        if text:
            lead = run_in_lead(para.lines) if para.kind == "text" else ""
            out.append(Block(kind=para.kind, section=para.section, page=para.page, text=text, lead=lead))
    return out


def read_pdf(path: Path, shown: str) -> PdfContent:
    document = read_document(path, shown)
    pages, size = layout(document)
    if not any(page.lines for page in pages):
        raise ParseError(f"{shown}: the PDF has no text layer (a scan?); run it through OCR first")
    front = front_matter(pages, size, document.metadata)
    drop_running_heads(pages, {a.name.split()[-1].casefold() for a in front.authors}, front.title)
    vocab = vocabulary(pages)
    paras = mark_tables_and_figures(paragraphs(pages, size, (front.header_page, front.header_lines)), size)
    footnotes = read_footnotes(pages, size, paras, vocab)
    abstract, paras = _abstract(paras, vocab)
    blocks = _blocks(paras, vocab)
    flags = list(front.flags)
    title = front.title
    meta_title = " ".join(document.metadata.get("title", "").split())
    if title is None and is_sensible_title(meta_title):
        title = meta_title  # no line set larger than the text; the Title field is all there is
        flags.append("title from the PDF's Title field; the first page sets no title apart")
    if not abstract:
        flags.append(NO_ABSTRACT)
        opening = " ".join(b.text for b in blocks[:6] if b.kind == "text")
        abstract = opening
    stamp = front.arxiv
    # A page printing no text and no picture is blank (a scanner's or a print layout's empty page)
    blank = [p.number for p in document.pages if not any(s.text.strip() for s in p.spans) and not p.figures]
    return PdfContent(
        title, front.authors, abstract, blocks, len(document.pages), flags,
        date=front.date, date_precision=front.date_precision, venue=front.venue,
        arxiv_id=front.arxiv_id, doi=front.doi, arxiv=stamp, venue_line=front.venue_line,
        organisations=front.organisations, emails=front.emails, code_url=front.code_url,
        notes=front.notes, footnotes=footnotes, keywords=front.keywords, printed=front.printed, blank_pages=blank,
        has_code=True if front.code_url else None,  # a repository link is a Code badge; its absence says nothing
        # The stamp's category is the paper's, under the code listing pages print ('cs.CL' -> 'CL').
        category=short_code(stamp.category) if stamp else None, category_name=stamp.category_name if stamp else None,
    )
