"""A user's own papers: one PDF, text or Markdown file is one paper with title, abstract and body."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader

from rag.parsing.clean import clean_text
from rag.parsing.errors import ParseError
from rag.parsing.sections import body_text, first_title_line, is_sensible_title, leading_text, split_abstract
from rag.records import Paper, SourceRef, paper_id_for

TITLE_FROM_NAME = "no title line found; the file name is used as title"


def _paper(title: str, abstract: str, body: str, source: SourceRef, flags: list[str]) -> Paper:
    title = clean_text(title)
    return Paper(
        paper_id=paper_id_for(title),
        title=title,
        abstract=clean_text(abstract),
        body=body,
        sources=[source],
        flags=flags,
    )


def _name_as_title(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name


@contextmanager
def _quiet_pypdf():
    """pypdf logs its repairs ("EOF marker not found") to stderr; our ParseError is the one line a user sees."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_pdf_pages(path: Path, shown: str) -> tuple[list[str], str | None]:
    """Text of each page and the metadata title, or a ParseError saying why there is none."""
    with _quiet_pypdf():
        return _read_pdf_pages(path, shown)


def _read_pdf_pages(path: Path, shown: str) -> tuple[list[str], str | None]:
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError(f"{shown}: the PDF is encrypted with a password; save an unlocked copy and add that")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = reader.metadata.title if reader.metadata else None
    except ParseError:
        raise
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on damaged files; all mean "unreadable"
        raise ParseError(f"{shown}: not a readable PDF (damaged or truncated?): {error}") from error
    if not any(page.strip() for page in pages):
        raise ParseError(f"{shown}: the PDF has no text layer (a scan?); run it through OCR first")
    return pages, title


def parse_pdf(path: Path, shown: str) -> list[Paper]:
    """Title from the metadata when sensible, else the first title-like line; abstract from its heading."""
    pages, metadata_title = read_pdf_pages(path, shown)
    first_page = [line.strip() for line in pages[0].splitlines()]
    # Pages are kept apart by a blank line so a paragraph never runs across a page break unnoticed.
    lines = [line.strip() for page in pages for line in [*page.splitlines(), ""]]
    title_index = first_title_line(first_page)
    flags = []
    if is_sensible_title(metadata_title):
        title = metadata_title
    elif title_index is not None:
        title = first_page[title_index]
    else:
        title, flags = _name_as_title(path), [TITLE_FROM_NAME]
    found = split_abstract(lines)
    if found:
        abstract, rest = found
        body = body_text(rest)
    else:
        after_title = lines[title_index + 1 :] if title_index is not None else lines
        abstract, body = leading_text(body_text(after_title))
        flags.append("no 'Abstract' heading; the opening text is used as abstract")
    return [_paper(title, abstract, body, SourceRef(path=shown, format="pdf", position=0), flags)]


def parse_text_file(text: str, path: Path, shown: str) -> list[Paper]:
    """Title from the first '# heading' or the first non-empty line; abstract from an 'Abstract' section."""
    lines = text.splitlines()
    heading = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    # Lines without letters ('---' front-matter fences, rules) are not titles.
    first = next((i for i, line in enumerate(lines) if any(ch.isalpha() for ch in line)), None)
    title_index = heading if heading is not None else first
    title = lines[title_index].lstrip("#").strip() if title_index is not None else ""
    flags = []
    if not title or len(title) > 300:
        title, title_index, flags = _name_as_title(path), None, [TITLE_FROM_NAME]
    # What comes before the title (front matter, rules) is not part of the paper's text.
    rest = lines[title_index + 1 :] if title_index is not None else lines
    abstract, rest = split_abstract(rest) or ("", rest)
    source = SourceRef(path=shown, format="text", position=0, line=title_index + 1 if title_index is not None else None)
    return [_paper(title, abstract, body_text(rest), source, flags)]
