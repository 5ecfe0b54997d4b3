"""Reading files into Paper records: one entry point that checks the file, sniffs its format and dispatches.

Formats: the three kinds of listing page (institute, profile, trending), recognised by their
content whatever the file is called, and a user's own PDF, text or Markdown paper.
"""

from __future__ import annotations

from pathlib import Path

from rag.parsing.errors import ParseError

# Bump when a parser reads any file differently: ingest then re-parses unchanged files too.
# 18: a paragraph's bold run-in heading (Block.lead) and a PDF's blank pages
PARSER_VERSION = 18  # 17: a PDF's footnotes as records (Paper.footnotes: mark, words, page, the words its mark follows); 16: the line an institute page prints after an entry (Paper.printed['after']); 7-15: pages' own facts; PDFs' affiliations, arXiv stamps, proceedings lines, code links, journal footers, volume / issue / meeting number / folio / journal or proceedings, envelope marks, author lists running onto page 2
from rag.parsing.files import parse_pdf, parse_text_file
from rag.parsing.institute import parse_institute
from rag.parsing.merge import merge_papers
from rag.parsing.profile import parse_profile
from rag.parsing.sniff import check_suffix, sniff_format
from rag.parsing.trending import parse_trending
from rag.records import Paper

__all__ = ["DEFAULT_MAX_BYTES", "ParseError", "merge_papers", "parse_file", "sniff_format"]

DEFAULT_MAX_BYTES = 50_000_000  # decimal MB, as the error message prints it


def read_bytes_checked(path: Path, shown: str, max_bytes: int) -> bytes:
    """The file's bytes, or a ParseError naming the file and the one thing wrong with it."""
    if not path.exists():
        raise ParseError(f"{shown}: no such file")
    if not path.is_file():
        raise ParseError(f"{shown}: not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ParseError(f"{shown}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit for one file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(f"{shown}: cannot be read ({error.strerror or error})") from error
    if not data.strip():
        raise ParseError(f"{shown}: the file is empty")
    return data


# Magic numbers of files people save under a wrong name: the true reason beats "not UTF-8".
BINARY_KINDS = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive "
    "(a .docx, .epub or .zip?)", b"\x1f\x8b": "a gzip archive", b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"{\\rtf": "an RTF document", b"%!PS": "a PostScript file", b"\x7fELF": "a program",
}  # fmt: skip
# Text and Markdown are read whole and split into paragraphs; past this size that costs gigabytes.
TEXT_MAX_BYTES = 5_000_000


def check_not_binary(data: bytes, suffix: str, shown: str) -> None:
    """ParseError naming what the bytes are when a file is not text (and, for '.pdf', not a PDF)."""
    kind = next((name for magic, name in BINARY_KINDS.items() if data.startswith(magic)), None)
    if kind is None and b"\x00" in data[:4096]:
        kind = "binary data"
    if kind is not None:
        expected = "a PDF" if suffix.lower() == ".pdf" else "text"
        raise ParseError(f"{shown}: not {expected}: the file is {kind}")


def decode_text(data: bytes, shown: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(f"{shown}: not UTF-8 text (byte {error.start}); save it as UTF-8 and add it again") from error
    if not text.strip():
        raise ParseError(f"{shown}: the file is empty")
    return text


def parse_file(
    path: Path,
    display_path: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reference_year: int | None = None,
) -> list[Paper]:
    """Papers in one file, in file order. `display_path` is what sources show (default: the path).

    `reference_year` is the year for profile-page dates printed without one (default: the
    year after the latest one printed on that page).
    """
    path = Path(path)
    shown = display_path or str(path)
    data = read_bytes_checked(path, shown, max_bytes)
    is_pdf = b"%PDF-" in data[:1024]  # the header may follow a little junk; readers accept that
    if not is_pdf:
        check_suffix(path.suffix, shown)
        check_not_binary(data, path.suffix, shown)
        if len(data) > TEXT_MAX_BYTES:
            raise ParseError(f"{shown}: {len(data) / 1e6:.1f} MB of text is over the {TEXT_MAX_BYTES / 1e6:g} MB limit "
                             "for a text or Markdown file; split it into smaller files")
    text = "" if is_pdf else decode_text(data, shown)
    kind = "pdf" if is_pdf else sniff_format(text, path.suffix)
    if kind == "pdf":
        papers = parse_pdf(path, shown)
    elif kind == "institute":
        papers = parse_institute(text, shown)
    elif kind == "profile":
        papers = parse_profile(text, shown, reference_year=reference_year)
    elif kind == "trending":
        papers = parse_trending(text, shown)
    else:
        papers = parse_text_file(text, path, shown)
    if not papers:
        raise ParseError(f"{shown}: no papers found (read as a {kind} page)")
    return papers
