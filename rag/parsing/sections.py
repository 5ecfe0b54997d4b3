"""Finding a title and an 'Abstract' section in the plain text of a user's PDF or text file."""

from __future__ import annotations

import re

from rag.parsing.clean import collapse_whitespace, join_wrapped_lines

# 'Abstract', '## Abstract', '**Abstract.**', 'Abstract: We study...', 'Abstract—We ...'.
# A separator is required after the word when text follows, so 'Abstract interpretation is'
# (a sentence) is not taken for a heading.
ABSTRACT_HEADING = re.compile(r"(?:#+\s*)?\**abstract\**\s*(?:[:.—–-]\**\s*(?P<rest>.*))?", re.I)
# What ends an abstract: a Markdown heading, a numbered heading ('1 Introduction', 'II. METHOD')
# or a front-matter label that follows abstracts.
SECTION_HEADING = re.compile(
    r"#{1,6}\s+\S.*|(?:\d+|[IVX]+)\.?\s+[A-Z][A-Za-z -]{0,60}|(?:keywords|index terms|introduction)\b.*",
    re.I,
)
NOT_A_TITLE = re.compile(r"^(arxiv:|doi:|https?://|preprint\b|page \d)|@|^\W*$", re.I)
FILE_NAME = re.compile(r"\.(pdf|docx?|tex|dvi|ps|txt|md)$|^(untitled|microsoft word\b)", re.I)


def split_abstract(lines: list[str]) -> tuple[str, list[str]] | None:
    """(abstract text, lines after it) when there is an 'Abstract' heading, else None."""
    start = next((i for i, line in enumerate(lines) if ABSTRACT_HEADING.fullmatch(line.strip())), None)
    if start is None:
        return None
    inline = ABSTRACT_HEADING.fullmatch(lines[start].strip()).group("rest") or ""
    end = start + 1
    while end < len(lines) and not SECTION_HEADING.fullmatch(lines[end].strip()):
        end += 1
    abstract = join_wrapped_lines([inline, *lines[start + 1 : end]]).replace("\n\n", " ")
    return abstract, lines[end:]


def body_text(lines: list[str]) -> str:
    """Paragraphs of the text after the abstract, each section heading a paragraph of its own."""
    spaced = []
    for line in lines:
        spaced += ["", line, ""] if SECTION_HEADING.fullmatch(line.strip()) else [line]
    return join_wrapped_lines(spaced)


def is_sensible_title(text: str | None) -> bool:
    """A real title: two words at least, not a file name, a URL, an e-mail line or 'Untitled'."""
    text = collapse_whitespace(text or "")
    return (
        any(ch.isalpha() for ch in text)
        and 2 <= len(text.split())
        and len(text) <= 300
        and not FILE_NAME.search(text)
        and not NOT_A_TITLE.search(text)
    )
