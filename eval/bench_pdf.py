"""PDF readers compared on ../shared/pdfs/papers: pages per second and what a reader gets right.

    .venv/bin/python eval/bench_pdf.py [--repeat 3]

Rows: our reader (pypdfium2 text objects + layout), and plain text extraction with each library
that is installed (pypdfium2, pypdf, pdfplumber, pymupdf; missing ones are listed as such).
Quality columns check plain text for what the paper prints: the real title's words within the
first 300 characters, 'self-supervised'/'ingredient' hyphenation, no ligature characters.
"""

from __future__ import annotations

import argparse
import importlib
import time
from pathlib import Path

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"
TITLES = {
    "2020.acl-main.207": "SPECTER: Document-level Representation Learning using Citation-informed Transformers",
    "N18-3011": "Construction of the Literature Graph in Semantic Scholar",
    "multi-column-2p": "Dense Passage Retrieval for Open-Domain Question Answering",
    "layout-parser-paper-with-empty-pages": "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis",
}


def ours(path: Path) -> tuple[str, int]:
    from rag.parsing import parse_file

    (paper,) = parse_file(path)
    return paper.title + "\n" + paper.abstract + "\n" + "\n".join(b.text for b in paper.blocks), paper.page_count


def pdfium_text(path: Path) -> tuple[str, int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    return "\n".join(pages), len(pages)


def pypdf_text(path: Path) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return "\n".join(p.extract_text() or "" for p in reader.pages), len(reader.pages)


def plumber_text(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages), len(pdf.pages)


def mupdf_text(path: Path) -> tuple[str, int]:
    import pymupdf

    doc = pymupdf.open(path)
    return "\n".join(p.get_text() for p in doc), doc.page_count


READERS = [("ours (pypdfium2 + layout)", "pypdfium2", ours), ("pypdfium2 plain", "pypdfium2", pdfium_text),
           ("pypdf", "pypdf", pypdf_text), ("pdfplumber", "pdfplumber", plumber_text), ("pymupdf (AGPL)", "pymupdf", mupdf_text)]


def quality(name: str, text: str) -> dict[str, bool]:
    head = " ".join(text[:400].split()).lower()
    title = TITLES.get(name)
    return {
        "title": title is None or title.lower() in head,
        "ligatures": not any("\ufb00" <= ch <= "\ufb06" for ch in text),
        "hyphens": name != "2020.acl-main.207" or ("ingredient" in text and "selfsupervised" not in text.lower()),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(PAPERS.glob("*.pdf"))
    assert files, f"no PDFs in {PAPERS}"
    print(f"{'reader':28} {'pages':>5} {'ms/page':>8} {'titles':>7} {'no-ligs':>8} {'hyphens':>8}")
    for label, module, read in READERS:
        try:
            importlib.import_module(module)
        except ImportError:
            print(f"{label:28} not installed")
            continue
        best, checks, pages = float("inf"), [], 0
        for _ in range(args.repeat):
            start, pages, checks = time.perf_counter(), 0, []
            for path in files:
                text, count = read(path)
                pages += count
                checks.append(quality(path.stem, text))
            best = min(best, time.perf_counter() - start)
        score = {k: sum(c[k] for c in checks) for k in checks[0]}
        print(f"{label:28} {pages:5d} {best * 1000 / pages:8.1f} {score['title']:>5}/{len(files)} "
              f"{score['ligatures']:>6}/{len(files)} {score['hyphens']:>6}/{len(files)}")


if __name__ == "__main__":
    main()
