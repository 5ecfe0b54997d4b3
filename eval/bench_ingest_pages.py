"""Ingest of ~200 PDF pages, process start to done, on a fresh data dir (issue 9: ≤ 30 s).

    .venv/bin/python eval/bench_ingest_pages.py [--pages 200] [--models DIR] [--keep DIR] [--profile]

Only 28 real PDF pages exist on this machine (../shared/pdfs/papers, no internet), so the corpus is
made, and this is how: the 5 real papers (28 pages) plus synthetic papers written with matplotlib's
PDF backend (TrueType fonts, so the text is real and extractable, not drawn) until the page count is
reached. Each synthetic paper is laid out like a conference paper: a title over two lines, authors,
an abstract, numbered sections in two columns, one table of figures, a reference list, a running
header and page numbers. Its words are sentences of the seed papers' abstracts (149 papers, ~1,500
sentences) drawn at random (fixed seed) and recombined, with numbers varied, so no two pages and no
two passages are the same: every chunk is new to the content-hashed index and is embedded.

The measured run is a fresh `rag ingest CORPUS --json` process on an empty RAG_HOME, the embedder's
one-time ONNX export done beforehand (as every run after a machine's first). Wall seconds from
process start to exit and the process's CPU seconds (all threads) are reported, in all and per page.
--profile also runs the same ingest in this process under cProfile and prints the costliest calls.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from benchlib import ROOT, print_table, run_rag, scratch

PDFS = ROOT.parent / "shared" / "pdfs" / "papers"
SECTIONS = ["Introduction", "Related Work", "Method", "Experimental Setup", "Results", "Analysis", "Limitations",
            "Conclusion"]
# Letter paper in inches: two columns of ~48 characters in 9 pt type, 58 lines each.
WIDTH, HEIGHT = 8.5, 11.0
COLUMN_X = (0.085, 0.53)
CHARS_PER_LINE = 50
LINE = 11.5 / 72 / HEIGHT  # line pitch as a share of the page height
TOP, BOTTOM = 0.92, 0.075


def real_pages(folder: Path) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(str(p))) for p in folder.glob("*.pdf"))


def seed_material() -> tuple[list[str], list[str], list[str]]:
    """Sentences of the seed abstracts, their titles and their authors' names."""
    from rag.config import DEFAULT_SEEDS
    from rag.parsing import parse_file
    from rag.text import split_sentences

    sentences, titles, names = [], [], []
    for path in sorted(DEFAULT_SEEDS.glob("*.txt")):
        for paper in parse_file(path):
            sentences += [s for s in split_sentences(paper.abstract) if 40 <= len(s) <= 400]
            titles.append(paper.title)
            names += [a.name for a in paper.authors]
    return sentences, titles, sorted(set(names))


def _vary_numbers(sentence: str, rng: random.Random) -> str:
    """Numbers changed, so a recombined sentence reads as a new result rather than a copy."""
    return re.sub(r"\d+(\.\d+)?", lambda m: f"{rng.uniform(1, 99):.1f}" if m.group(1) else str(rng.randint(2, 999)),
                  sentence)


class PaperWriter:
    """One synthetic paper: lines flowed into two columns per page, drawn with fig.text into a PdfPages file."""

    def __init__(self, path: Path, header: str):
        from matplotlib.backends.backend_pdf import PdfPages

        self.pdf = PdfPages(str(path))
        self.header = header
        self.pages = 0
        self.fig = None
        self._new_page(top=TOP)

    def _new_page(self, top: float) -> None:
        import matplotlib.pyplot as plt

        if self.fig is not None:
            self._close_page()
        self.fig = plt.figure(figsize=(WIDTH, HEIGHT))
        self.pages += 1
        self.column, self.y, self.top = 0, top, top
        if self.pages > 1:
            self.fig.text(0.5, 0.96, self.header, ha="center", fontsize=8, style="italic")

    def _close_page(self) -> None:
        import matplotlib.pyplot as plt

        self.fig.text(0.5, 0.04, str(self.pages), ha="center", fontsize=9)
        self.pdf.savefig(self.fig)
        plt.close(self.fig)

    def _advance(self) -> None:
        self.y -= LINE
        if self.y < BOTTOM:
            if self.column == 0:
                self.column, self.y = 1, self.top
            else:
                self._new_page(top=TOP)

    def line(self, text: str, **style) -> None:
        self.fig.text(COLUMN_X[self.column], self.y, text, fontsize=9, va="top", **style)
        self._advance()

    def paragraph(self, text: str, bold: bool = False) -> None:
        for line in textwrap.wrap(text, CHARS_PER_LINE):
            self.line(line, weight="bold" if bold else "normal")
        self._advance()

    def front(self, title: str, authors: str) -> None:
        for i, part in enumerate(textwrap.wrap(title, 60)[:2]):
            self.fig.text(0.5, TOP - i * 0.028, part, ha="center", fontsize=15, weight="bold", va="top")
        self.fig.text(0.5, TOP - 0.075, authors, ha="center", fontsize=10, va="top")
        self.y = self.top = TOP - 0.12

    def close(self) -> int:
        self._close_page()
        self.pdf.close()
        return self.pages


def synthetic_paper(path: Path, rng: random.Random, sentences: list[str], titles: list[str], names: list[str],
                    pages: int) -> int:
    """Writes one paper of about `pages` pages; returns the pages written."""
    a, b = rng.sample(titles, 2)
    title = " ".join(a.split()[: max(2, len(a.split()) // 2)] + b.split()[len(b.split()) // 2:])
    writer = PaperWriter(path, f"Preprint. Under review at a {rng.choice(['ML', 'NLP', 'IR'])} venue.")
    writer.front(title, ", ".join(rng.sample(names, 4)))
    draw = lambda n: " ".join(_vary_numbers(s, rng) for s in rng.sample(sentences, n))  # noqa: E731
    writer.paragraph("Abstract", bold=True)
    writer.paragraph(draw(5))
    section, table_done = 0, False
    while writer.pages < pages or (writer.pages == pages and writer.column == 0):
        heading = SECTIONS[section % len(SECTIONS)] + ("" if section < len(SECTIONS) else f" ({section // 8 + 1})")
        section += 1
        writer.paragraph(f"{section} {heading}", bold=True)
        for _ in range(rng.randint(2, 4)):
            writer.paragraph(draw(rng.randint(3, 6)))
        if heading.startswith("Results") and not table_done:
            table_done = True
            writer.paragraph(f"Table {section}: Results on {rng.randint(3, 9)} tasks (higher is better).")
            writer.line("Model        Acc.    F1     nDCG   MAP", family="monospace")
            for row in range(6):
                cells = "  ".join(f"{rng.uniform(40, 95):5.1f}" for _ in range(4))
                writer.line(f"{('Ours', 'Baseline', 'BM25', 'SciBERT', 'Oracle', 'Random')[row]:<12} {cells}",
                            family="monospace")
            writer._advance()
    writer.paragraph("References", bold=True)
    for _ in range(12):
        writer.paragraph(f"{rng.choice(names)} and {rng.choice(names)}. {rng.randint(2015, 2026)}. "
                         f"{rng.choice(titles)}. In Proceedings of {rng.choice(['ICLR', 'NeurIPS', 'ACL', 'ICML'])}.")
    return writer.close()


def build_corpus(folder: Path, pages: int, seed: int = 9) -> tuple[int, int, int]:
    """(real pages, synthetic pages, synthetic papers) written into `folder`."""
    import matplotlib

    matplotlib.use("pdf")
    matplotlib.rcParams["pdf.fonttype"] = 42  # TrueType with a Unicode map: text a reader extracts, not outlines
    folder.mkdir(parents=True, exist_ok=True)
    for pdf in PDFS.glob("*.pdf"):
        shutil.copy(pdf, folder / pdf.name)
    real = real_pages(PDFS)
    sentences, titles, names = seed_material()
    rng = random.Random(seed)
    made = papers = 0
    while real + made < pages:
        want = min(rng.randint(6, 12), pages - real - made)
        made += synthetic_paper(folder / f"synthetic-{papers:03d}.pdf", rng, sentences, titles, names, want)
        papers += 1
    return real, made, papers


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def export_model(models: Path) -> None:
    if not (models.exists() and any(models.glob("*.onnx"))):
        subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; from rag.embedding import "
                        "load_embedder; load_embedder(Path(sys.argv[1])).embed(['warm'])", str(models)], check=True)


def profile(corpus: Path, models: Path, work: Path) -> None:
    import cProfile
    import pstats

    from rag.config import Settings, contain_caches
    from rag.embedding import load_embedder
    from rag.ingest import ingest

    settings = Settings(home=work / "profiled", models_path=models)
    contain_caches(settings)
    profiler = cProfile.Profile()
    profiler.enable()
    ingest([corpus], settings, load_embedder(settings.models_dir, settings.embed_threads))
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--models", type=Path, default=None, help="Exported-model cache to reuse.")
    parser.add_argument("--keep", type=Path, default=None, help="Write (or reuse) the corpus here.")
    parser.add_argument("--repeat", type=int, default=1, help="Fresh-home ingests to time.")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    work = scratch("rag-bench-pages-")
    models = args.models or work / "models"
    corpus = args.keep or work / "corpus"
    started = time.perf_counter()
    if corpus.exists() and any(corpus.glob("synthetic-*.pdf")):
        real, synthetic = real_pages(PDFS), real_pages(corpus) - real_pages(PDFS)
        papers = len(list(corpus.glob("synthetic-*.pdf")))
    else:
        real, synthetic, papers = build_corpus(corpus, args.pages)
    made_s = time.perf_counter() - started
    export_model(models)
    pages = real + synthetic
    rows = [(f"corpus: {real} real pages (5 papers) + {synthetic} synthetic ({papers} papers), made in (s)",
             f"{made_s:.1f}" if made_s > 1 else "reused", "")]
    for trial in range(args.repeat):
        cpu = _children_cpu()
        wall, rss, out = run_rag(["ingest", str(corpus), "--json"], work / f"home{trial}", models)
        cpu = _children_cpu() - cpu
        report = json.loads(out)
        if report["errors"]:
            raise SystemExit(f"ingest errors: {report['errors']}")
        rows += [(f"{pages} pages, fresh RAG_HOME, process start to done: wall s / CPU s (all threads)",
                  f"{wall:.1f} / {cpu:.1f}", "<= 30 wall"),
                 ("  per page: wall ms / CPU ms / chunks embedded",
                  f"{1000 * wall / pages:.0f} / {1000 * cpu / pages:.0f} / {report['embedded'] / pages:.1f}", ""),
                 ("  papers / chunks / peak RSS MB", f"{report['papers']} / {report['chunks']} / {rss:.0f}", "")]
    load = Path("/proc/loadavg").read_text().split()[:3]
    print_table(f"ingest of {pages} PDF pages (load average {' '.join(load)}: wall is noisy, CPU is not)", rows)
    if args.profile:
        profile(corpus, models, work)


if __name__ == "__main__":
    main()
