"""A user's own papers: one PDF, text or Markdown file is one paper with title, abstract and body."""

from __future__ import annotations

from pathlib import Path

from rag.parsing.clean import clean_text, collapse_whitespace
from rag.parsing.pdf import read_pdf
from rag.parsing.sections import body_text, split_abstract
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


def parse_pdf(path: Path, shown: str) -> list[Paper]:
    """Title, authors, date, venue and identifiers from page 1; full text as blocks with section and page.

    `body` stays empty: the chunker reads `blocks`. A page that prints no title gets the file name.
    """
    content = read_pdf(path, shown)
    flags = list(content.flags)
    title = content.title
    if not title:
        title = _name_as_title(path)
        flags.insert(0, TITLE_FROM_NAME)
    fields = content.fields
    url = f"https://arxiv.org/abs/{fields['arxiv_id']}" if fields.get("arxiv_id") else (
        f"https://doi.org/{fields['doi']}" if fields.get("doi") else None)
    title = clean_text(title)
    paper = Paper(
        paper_id=paper_id_for(title), title=title, authors=content.authors, abstract=collapse_whitespace(content.abstract),
        blocks=content.blocks, page_count=content.page_count, url=url, flags=flags,
        sources=[SourceRef(path=shown, format="pdf", position=0)], **fields,
    )
    return [paper]


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
