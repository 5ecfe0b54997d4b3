"""PDF readers compared on ../shared/pdfs/papers: pages per second and what a reader gets right.

    .venv/bin/python eval/bench_pdf.py [--repeat 3] [--questions eval/datasets/fulltext_dev.jsonl]

Rows: our reader (pypdfium2 text objects + layout), and plain text extraction with each library
that is installed (pypdfium2, pypdf, pdfplumber, pymupdf; missing ones are listed as such).
Quality columns check the text for what the paper prints: the real title within the first 400
characters, every author name (diacritics included) within the first 1,500, no ligature
characters, 'ingredient' joined and 'self-supervised' kept, no footnote mark glued to a word
('competitive1', 'QA1'), no figure label in the text ('Triplet loss'). Time is the best of
--repeat runs, wall clock and CPU (process time): the machine is shared, CPU time is the steadier.

--questions: for each answerable full-text question, is the fact where a reader would look for it?
'on page' = some block of the gold paper that runs over the question's page holds every answer
keyword (table cells read as plain text; a block runs from its page until the next block starts); 'right kind' = that block is also of the kind the question names (a
table for a table question). This isolates the PDF reader from retrieval and the LLM.
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from pathlib import Path

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"
TITLES = {
    "2020.acl-main.207": "SPECTER: Document-level Representation Learning using Citation-informed Transformers",
    "N18-3011": "Construction of the Literature Graph in Semantic Scholar",
    "multi-column-2p": "Dense Passage Retrieval for Open-Domain Question Answering",
    "layout-parser-paper-with-empty-pages": "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis",
}


AUTHORS = {
    "2020.acl-main.207": ["Arman Cohan", "Sergey Feldman", "Iz Beltagy", "Doug Downey", "Daniel S. Weld"],
    "multi-column-2p": ["Vladimir Karpukhin", "Barlas Oğuz", "Sewon Min", "Patrick Lewis", "Ledell Wu",
                        "Sergey Edunov", "Danqi Chen", "Wen-tau Yih"],
    "layout-parser-paper-with-empty-pages": ["Zejiang Shen", "Ruochen Zhang", "Melissa Dell",
                                             "Benjamin Charles Germain Lee", "Jacob Carlson", "Weining Li"],
    "N18-3011": ["Waleed Ammar", "Dirk Groeneveld", "Madeleine van Zuylen", "Oren Etzioni"],
}
GLUED = {"2020.acl-main.207": "competitive1", "multi-column-2p": "QA1"}
FIGURE_LABEL = {"2020.acl-main.207": "Triplet loss"}


def ours(path: Path) -> tuple[str, int]:
    from rag.parsing import parse_file

    (paper,) = parse_file(path)
    head = paper.title + "\n" + ", ".join(paper.author_names)
    return head + "\n" + paper.abstract + "\n" + "\n".join(b.text for b in paper.blocks), paper.page_count


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
    front = " ".join(text[:1500].split())
    title = TITLES.get(name)
    return {
        "title": title is None or title.lower() in head,
        "authors": all(author in front for author in AUTHORS.get(name, [])),
        "ligatures": not any("\ufb00" <= ch <= "\ufb06" for ch in text),
        "hyphens": name != "2020.acl-main.207" or ("ingredient" in text and "selfsupervised" not in text.lower()),
        "marks": GLUED.get(name, "\0") not in text,
        "figures": FIGURE_LABEL.get(name, "\0") not in text,
    }


def reachable(questions: Path) -> None:
    from rag.parsing import parse_file

    papers = {p.title.casefold(): p for p in (parse_file(path)[0] for path in sorted(PAPERS.glob("*.pdf")))}
    rows = [json.loads(line) for line in questions.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if r.get("answer_keywords") and r.get("gold_titles") and r.get("page")]
    on_page = right_kind = 0
    for row in rows:
        paper = papers.get(row["gold_titles"][0].casefold())
        if paper is None:  # a page without a title: the file name stands in, as in the gold title
            paper = next((p for p in papers.values() if p.title.casefold() == row["gold_titles"][0].replace("-", " ").casefold()), None)
        if paper is None:
            continue
        keys = [k.casefold() for k in row["answer_keywords"]]
        # A block runs from its page until the next block starts: a paragraph may go on over a page break.
        ends = [b.page for b in paper.blocks[1:]] + [paper.page_count]
        blocks = [b for b, end in zip(paper.blocks, ends) if b.page <= row["page"] <= max(end, b.page)]
        texts = [(b.kind, b.text.replace(" | ", " ").casefold()) for b in blocks]
        if row["page"] == 1:
            texts.append(("text", paper.abstract.casefold()))
        hits = [kind for kind, text in texts if all(k in text for k in keys)]
        on_page += bool(hits)
        right_kind += bool(hits) and (row.get("where") != "table" or "table" in hits)
    print(f"{questions.name}: {len(rows)} answerable questions; fact on its page {on_page}/{len(rows)}, "
          f"in a block of the right kind {right_kind}/{len(rows)}")


COLUMNS = ["title", "authors", "ligatures", "hyphens", "marks", "figures"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--questions", type=Path, help="a full-text question set (JSON lines) to check reachability on")
    args = parser.parse_args()
    if args.questions:
        reachable(args.questions)
        return
    files = sorted(PAPERS.glob("*.pdf"))
    assert files, f"no PDFs in {PAPERS}"
    print(f"{'reader':28} {'pages':>5} {'ms/page':>8} {'cpu ms':>7}  " + "  ".join(f"{k:>9}" for k in COLUMNS))
    for label, module, read in READERS:
        try:
            importlib.import_module(module)
        except ImportError:
            print(f"{label:28} not installed")
            continue
        best, best_cpu, checks, pages = float("inf"), float("inf"), [], 0
        for _ in range(args.repeat):
            start, cpu, pages, checks = time.perf_counter(), time.process_time(), 0, []
            for path in files:
                text, count = read(path)
                pages += count
                checks.append(quality(path.stem, text))
            best = min(best, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - cpu)
        score = {k: sum(c[k] for c in checks) for k in checks[0]}
        print(f"{label:28} {pages:5d} {best * 1000 / pages:8.1f} {best_cpu * 1000 / pages:7.1f}  "
              + "  ".join(f"{score[k]:>7}/{len(files)}" for k in COLUMNS))


if __name__ == "__main__":
    main()
