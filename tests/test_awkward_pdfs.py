"""PDFs that break naive readers (../shared/pdfs/awkward/): each reads with its text, or fails in one true line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from rag.parsing import ParseError, parse_file

AWKWARD = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "awkward"


def read(name: str):
    path = AWKWARD / name
    assert path.is_file(), f"the shared awkward PDFs are missing: {path}"  # fail, never skip
    (paper,) = parse_file(path, name)
    return paper, " ".join(b.text for b in paper.blocks) + " " + paper.abstract


def test_password_protected_says_so_in_one_line():
    path = AWKWARD / "password.pdf"
    assert path.is_file()
    with pytest.raises(ParseError) as caught:
        parse_file(path, "password.pdf")
    assert str(caught.value) == (
        "password.pdf: the PDF is encrypted with a password; save an unlocked copy and add that")


def test_copy_protected_reads():
    paper, text = read("copy-protected.pdf")
    assert paper.title == "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
    assert "Deep Learning(DL)-based approaches are the state-of-the-art" in text


def test_rotated_page_reads_in_order():
    _, text = read("rotated-page-90.pdf")
    assert "Hello World Test Text Second line of text here Rotated page fixture" in text


def test_embedded_cmap_cid_font_reads():
    _, text = read("embedded-cmap-cidfont.pdf")
    assert "This text uses an embedded CMap and should be extractable" in text


def test_negative_coordinates_read():
    _, text = read("negative-coords.pdf")
    assert "All reviewed LCA studies up to now cover in total 67.3% of the total scope" in text


def test_bad_colour_space_reads():
    _, text = read("pdf-bad-color-space.pdf")
    # A three-column brochure: its words read, though the sidebar's lines interleave (known limitation).
    assert "We aim to achieve net-zero" in text and "Reducing carbon emissions" in text
    # A line-end hyphen with the next column's text set after it on the same row is still a hyphen.
    assert "Scope 2 (market-" in text and "\ufffd" not in text


def test_broken_object_structure_reads():
    paper, text = read("invalid-pdf-structure-pdfminer-one-page.pdf")
    assert "Federal agencies and our nation’s critical infrastructure" in text
    assert paper.page_count == 2


def _one_line_error(path: Path) -> str:
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def test_other_files_named_pdf_get_their_true_reason(tmp_path):
    png = tmp_path / "figure.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert _one_line_error(png).endswith("not a PDF: the file is a PNG image")
    archive = tmp_path / "paper.pdf"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("word/document.xml", "<w:document/>")
    assert "not a PDF: the file is a ZIP archive" in _one_line_error(archive)
    noise = tmp_path / "noise.pdf"
    noise.write_bytes(b"\x00\x01\x02garbage" * 50)
    assert "UTF-8" not in _one_line_error(noise)


def test_big_text_files_are_refused_in_one_line(tmp_path):
    big = tmp_path / "dump.md"
    big.write_text("A line of notes about retrieval.\n" * 200_000)  # 6.6 MB
    assert "over the 5 MB limit for a text or Markdown file" in _one_line_error(big)


def test_copy_protected_keeps_its_affiliations_and_stamp():
    paper, _ = read("copy-protected.pdf")
    assert [(o.mark, o.name) for o in paper.organisations][:2] == [("1", "Allen Institute for AI"),
                                                                   ("2", "Brown University")]
    assert (paper.arxiv.category, paper.category) == ("cs.CV", "CV")


@pytest.mark.parametrize("name", ["embedded-cmap-cidfont.pdf", "negative-coords.pdf", "pdf-bad-color-space.pdf",
                                  "rotated-page-90.pdf", "invalid-pdf-structure-pdfminer-one-page.pdf"])
def test_pages_that_print_no_affiliations_get_none(name):
    """A brochure, a test page, a broken file: nothing in them is taken for an organisation, an e-mail or a stamp."""
    paper, _ = read(name)
    assert paper.organisations == [] and paper.emails == [] and paper.notes == []
    assert paper.arxiv is None and paper.category is None
