"""Which parser reads a file: decided by what the text looks like, the extension only as a fallback.

A user may save one of the listing pages under any name, so a listing is recognised by its
own furniture ('LINK TO PAPER' buttons, glued profile meta lines, the trending site's
navigation) before the file is treated as one paper of plain text.
"""

from __future__ import annotations

from rag.parsing.clean import numbered_lines
from rag.parsing.errors import ParseError
from rag.parsing.institute import LINK_LINE, SECTION_HEADING
from rag.parsing.profile import is_meta_line
from rag.parsing.trending import looks_like_trending

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUPPORTED = ", ".join(sorted(PDF_SUFFIXES | TEXT_SUFFIXES))


def check_suffix(suffix: str, shown: str = "file") -> None:
    """ParseError unless the extension is one we read."""
    if suffix.lower() not in PDF_SUFFIXES | TEXT_SUFFIXES:
        raise ParseError(f"{shown}: unsupported file type '{suffix or '(none)'}'; supported: {SUPPORTED}")


def looks_like_institute(lines: list[str]) -> bool:
    """'LINK TO PAPER' buttons under a '... Papers' section heading."""
    return any(line.casefold() == LINK_LINE for line in lines) and any(SECTION_HEADING.fullmatch(l) for l in lines)


def looks_like_profile(lines: list[str]) -> bool:
    """Glued meta lines ('LGJun 3, 2022Code') each followed by a title: nothing else writes those."""
    return any(is_meta_line(line) and i + 1 < len(lines) for i, line in enumerate(lines))


def sniff_format(text: str, suffix: str) -> str:
    """'institute', 'profile', 'trending', 'pdf' or 'text'; ParseError for an extension we cannot read."""
    check_suffix(suffix)
    if suffix.lower() in PDF_SUFFIXES:
        return "pdf"
    lines = [line for _, line in numbered_lines(text)]
    if looks_like_institute(lines):
        return "institute"
    if looks_like_trending(text):
        return "trending"
    if looks_like_profile(lines):
        return "profile"
    return "text"
