"""The five real papers in ../shared/pdfs/papers/, read as a researcher would upload them.

Expected values were read off the rendered pages (`pdftoppm -png -r 60`), not off our output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.parsing import parse_file
from rag.parsing.files import TITLE_FROM_NAME

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"


@pytest.fixture(scope="module")
def papers():
    assert PAPERS.is_dir(), f"the shared PDFs are missing: {PAPERS}"  # fail, never skip
    return {path.stem: parse_file(path)[0] for path in sorted(PAPERS.glob("*.pdf"))}


def text_of(paper, kind="text"):
    return "\n".join(b.text for b in paper.blocks if b.kind == kind)


def test_titles_are_the_printed_ones_across_line_breaks(papers):
    assert papers["2020.acl-main.207"].title == (
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers")
    # Page 1 carries a proceedings running footer; it is not the title.
    assert papers["N18-3011"].title == "Construction of the Literature Graph in Semantic Scholar"
    assert papers["multi-column-2p"].title == "Dense Passage Retrieval for Open-Domain Question Answering"
    # Two lines and an ﬁ ligature on the page.
    assert papers["layout-parser-paper-with-empty-pages"].title == (
        "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis")


def test_a_page_without_a_title_gets_its_file_name(papers):
    backus = papers["a1977-backus-p21"]
    assert backus.title == "a1977 backus p21"
    assert TITLE_FROM_NAME in backus.flags


def test_authors_without_marks_affiliations_or_emails(papers):
    assert papers["2020.acl-main.207"].author_names == [
        "Arman Cohan", "Sergey Feldman", "Iz Beltagy", "Doug Downey", "Daniel S. Weld"]
    n18 = papers["N18-3011"].author_names
    assert len(n18) == 23 and n18[:2] == ["Waleed Ammar", "Dirk Groeneveld"] and n18[-1] == "Oren Etzioni"
    assert "Madeleine van Zuylen" in n18 and "Jason Dunkelberger" in n18
    assert papers["layout-parser-paper-with-empty-pages"].author_names == [
        "Zejiang Shen", "Ruochen Zhang", "Melissa Dell", "Benjamin Charles Germain Lee", "Jacob Carlson", "Weining Li"]
    for paper in papers.values():
        assert not any("@" in n or "University" in n or "Institute" in n for n in paper.author_names)


def test_authors_of_a_centred_two_line_author_block(papers):
    # TeX sets the breve of 'Oğuz' as a glyph of its own above the 'g'; the names wrap onto a second line.
    assert papers["multi-column-2p"].author_names == [
        "Vladimir Karpukhin", "Barlas Oğuz", "Sewon Min", "Patrick Lewis",
        "Ledell Wu", "Sergey Edunov", "Danqi Chen", "Wen-tau Yih"]


def test_raised_footnote_marks_are_not_glued_to_words(papers):
    # Both abstracts end with a footnote mark '1' set small and raised after the last line.
    specter = papers["2020.acl-main.207"].abstract
    assert specter.endswith("outperforms a variety of competitive baselines on the benchmark.")
    dpr = papers["multi-column-2p"].abstract
    assert "establish new state-of-the-art on multiple open-domain QA benchmarks." in dpr and "QA1" not in dpr


def test_year_venue_and_identifiers_as_printed(papers):
    specter = papers["2020.acl-main.207"]
    assert (specter.date, specter.year) == ("2020-07", 2020)
    assert specter.venue == "Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics"
    n18 = papers["N18-3011"]
    assert (n18.date, n18.venue) == ("2018-06", "Proceedings of NAACL-HLT 2018")
    dpr = papers["multi-column-2p"]  # the arXiv stamp in the margin: arXiv:2004.04906v3 [cs.CL] 30 Sep 2020
    assert (dpr.arxiv_id, dpr.date, dpr.url) == ("2004.04906", "2020-09-30", "https://arxiv.org/abs/2004.04906")
    lp = papers["layout-parser-paper-with-empty-pages"]
    assert (lp.arxiv_id, lp.date) == ("2103.15348", "2021-06-21")
    backus = papers["a1977-backus-p21"]
    # The journal footer's issue, not the file name's 1977 nor file metadata: 'Communications August 1978 / of Volume
    # 21 / the ACM Number 8', two columns read row by row.
    assert (backus.date, backus.date_precision, backus.venue) == ("1978-08", "month", "Communications of the ACM")
    assert "August 1978" in backus.printed["date"].text


def test_abstracts_and_page_counts(papers):
    specter = papers["2020.acl-main.207"]
    assert specter.abstract.startswith("Representation learning is a critical ingredient for natural language")
    assert specter.abstract.endswith("baselines on the benchmark.")
    assert papers["layout-parser-paper-with-empty-pages"].abstract.startswith("Recent advances in document image")
    assert [papers[k].page_count for k in sorted(papers)] == [13, 8, 1, 4, 2]
    assert all(p.body == "" for p in papers.values())


def test_blocks_know_their_section_and_page(papers):
    specter = papers["2020.acl-main.207"]
    sections = {b.section for b in specter.blocks}
    assert {"1 Introduction", "3.2 Citation Prediction", "5 Results"} <= sections
    results = next(b for b in specter.blocks if b.text.startswith("Table 1 presents the main results"))
    assert (results.section, results.page) == ("5 Results", 6)
    assert all(b.page and 1 <= b.page <= 13 for b in specter.blocks)


def test_running_headers_page_numbers_and_small_print_are_not_text(papers):
    specter = text_of(papers["2020.acl-main.207"])
    assert "Proceedings of the 58th Annual Meeting" not in specter
    assert not any(b.text.strip() in {"2270", "2271", "2275"} for b in papers["2020.acl-main.207"].blocks)


def test_two_columns_read_in_order(papers):
    dpr = text_of(papers["multi-column-2p"])
    # The end of the left column runs on to the top of the right column, not sideways across it.
    assert "Open-domain question answering (QA) (Voorhees, 1999) is a task that answers factoid questions" in dpr


def test_hyphens_joined_by_the_documents_own_words(papers):
    specter = text_of(papers["2020.acl-main.207"]) + papers["2020.acl-main.207"].abstract
    assert "ingredient for natural language processing systems" in specter  # ingre-/dient
    assert "Citation-informed" in specter or "citation-informed" in specter
    assert "selfsupervised" not in specter.lower()
    assert "self-attention" in specter


def test_ligatures_are_unfolded(papers):
    for paper in papers.values():
        everything = paper.title + paper.abstract + "".join(b.text for b in paper.blocks)
        assert not any("\ufb00" <= ch <= "\ufb06" for ch in everything), paper.title
    assert "Unified" in papers["layout-parser-paper-with-empty-pages"].title
    # LNCS fonts: 'ff' comes as U+21B5 and 'ffi' as a glyph PDFium cannot map (U+0002 mid-line).
    lp = text_of(papers["layout-parser-paper-with-empty-pages"])
    assert "several practical difficulties for taking advantages" in lp
    assert "An off-the-shelf toolkit" in lp and "efficient" in lp and "e-cient" not in lp


def test_tables_are_one_block_with_caption_header_and_rows(papers):
    tables = [b for b in papers["2020.acl-main.207"].blocks if b.kind == "table"]
    main = next(t for t in tables if t.text.startswith("Table 1: Results on the SCIDOCS evaluation suite"))
    assert main.page == 7
    rows = main.text.split("\n")
    # Caption, three header rows (the last names each metric), then the ten models: one block.
    assert rows[2] == "Subtask → | MAG | MeSH | Co-View | Co-Read | Cite | Co-Cite | Avg."
    assert rows[3] == "Model ↓ / Metric → | F1 | F1 | MAP | nDCG | MAP | nDCG | MAP | nDCG | MAP | nDCG | nDCG | P@1"
    assert rows[-1] == "SPECTER (Ours) | 82.0 | 86.4 | 83.6 | 91.5 | 84.5 | 92.4 | 88.3 | 94.9 | 88.1 | 94.8 | 53.9 | 20.0 | 80.0"
    # Every body row splits into the same 14 cells, whether PDFium cut the row into runs or not.
    body = rows[4:]
    assert len(body) == 10 and {len(r.split(" | ")) for r in body} == {14}
    assert not any(t.text.startswith("SPECTER (Ours)") for t in tables)  # no second, caption-less half
    # A narrow table whose columns stand a word space apart still splits at the gaps its numbers share.
    table3 = next(t for t in tables if t.text.startswith("Table 3:"))
    assert table3.text.split("\n")[1:3] == [
        "Training signal | CLS | USR | CITE | REC | All", "SPECTER | 84.2 | 88.4 | 91.5 | 36.9 | 80.0"]
    assert "SciBERT fine-tune on co-view | 83.0 | 84.2 | 84.1 | 36.4 | 76.0" in table3.text.split("\n")
    prose = text_of(papers["2020.acl-main.207"])
    assert "82.0 86.4 83.6 91.5" not in prose and "Subtask" not in prose
    n18 = next(b for b in papers["N18-3011"].blocks if b.kind == "table" and b.text.startswith("Table 1:"))
    assert n18.text.split("\n")[1:3] == ["Field | Precision | Recall | F1", "title | 85.5 | 85.5 | 85.5"]


def test_captions_are_kept(papers):
    captions = [b.text for b in papers["2020.acl-main.207"].blocks if b.kind == "caption"]
    assert any(c.startswith("Figure 1: Overview of SPECTER") for c in captions)


def test_references_are_kept_apart_one_entry_each(papers):
    refs = [b for b in papers["2020.acl-main.207"].blocks if b.kind == "references"]
    assert len(refs) >= 25
    assert "Iz Beltagy, Kyle Lo, and Arman Cohan. 2019. SciB-ERT: A Pretrained Language Model for Scientific Text. In EMNLP." in [b.text for b in refs]
    assert all(b.section == "References" for b in refs)
    assert "A Pretrained Language Model for Scientific Text" not in text_of(papers["2020.acl-main.207"])


def test_a_running_head_seen_on_one_page_is_furniture(papers):
    # LayoutParser's page 4 (its printed page 2) opens with the LNCS running head '2 Z. Shen et al.'.
    page4 = [b.text for b in papers["layout-parser-paper-with-empty-pages"].blocks if b.page == 4]
    assert not any("Z. Shen et al" in t for t in page4)
    assert page4[0].startswith("However, there are several practical")


def test_a_first_line_that_opens_with_a_number_stays():
    from rag.parsing.pdf.furniture import drop_running_heads
    from rag.parsing.pdf.layout import Line, PageLayout

    def line(text, top):
        return Line(text=text, x0=72, y0=top - 9, x1=300, y1=top, size=10, bold=False, page=2)

    # At normal line spacing, a first line that opens with a number and names an author is text.
    body = [line("2019 by Shen et al. showed that layout detection", 700), line("works on scanned pages.", 688)]
    pages = [PageLayout(1, 612, 792, [], [], []), PageLayout(2, 612, 792, list(body), [], [])]
    drop_running_heads(pages, {"shen"}, "LayoutParser: A Unified Toolkit")
    assert pages[1].lines == body
    # The same text standing apart above the page's text is a running head.
    pages[1].lines = [line("2 Z. Shen et al.", 730), *body]
    drop_running_heads(pages, {"shen"}, "LayoutParser: A Unified Toolkit")
    assert [l.text for l in pages[1].furniture] == ["2 Z. Shen et al."] and pages[1].lines == body


def test_labels_inside_a_figure_are_not_prose(papers):
    # SPECTER's Figure 1 is a form XObject whose labels PDFium reports in the form's own coordinates.
    page2 = " ".join(b.text for b in papers["2020.acl-main.207"].blocks if b.page == 2)
    for label in ("Query paper", "Unrelated paper", "Triplet loss", "Transformer (initialized with SciBERT)"):
        assert label not in page2
    assert "Figure 1: Overview of SPECTER." in page2
    assert "Our goal is to represent a given paper P as a dense vector v that best represents" in page2


def test_a_table_under_its_caption_stops_at_the_prose_after_it():
    from rag.parsing.pdf.reader import Span
    from rag.parsing.pdf.tables import find_tables

    def run(text, x0, top, x1, size=9.0, words=None):
        return Span(text, x0, top - size, x1, top, size, False, words=words)

    prose_above = run("the results are summarised in the table below, which lists each system", 72, 720, 540, 10)
    caption = run("Table 2. Accuracy by system.", 250, 700, 360)
    header = run("System Accuracy F1", 72, 680, 400, words=[(72, 100, "System"), (300, 340, "Accuracy"), (380, 400, "F1")])
    row1 = run("BM25 71.2 65.0", 72, 668, 400, words=[(72, 95, "BM25"), (300, 318, "71.2"), (382, 400, "65.0")])
    row2 = run("Dense retriever 78.9 70.3", 72, 656, 400,
               words=[(72, 100, "Dense"), (103, 140, "retriever"), (300, 318, "78.9"), (382, 400, "70.3")])
    prose_below = run("As the table shows, the dense retriever is ahead on every measure we report here", 72, 630, 540, 10)
    spans = [prose_above, caption, header, row1, row2, prose_below]
    rows, rest = find_tables(spans, gutter=None)
    assert [r.cells for r in rows] == [
        ["System", "Accuracy", "F1"], ["BM25", "71.2", "65.0"], ["Dense retriever", "78.9", "70.3"]]
    assert {r.table for r in rows} == {1}
    assert rest == [prose_above, caption, prose_below]


# --- what page 1 prints about who and where: affiliations, the arXiv stamp, e-mails, notes ----------------------


def orgs(paper):
    return [(o.mark, o.name, o.authors) for o in paper.organisations]


def test_affiliations_are_tied_to_their_authors_by_mark(papers):
    specter = papers["2020.acl-main.207"]
    everyone = specter.author_names
    assert orgs(specter) == [
        ("†", "Allen Institute for Artificial Intelligence", everyone),
        ("‡", "Paul G. Allen School of Computer Science & Engineering, University of Washington", ["Daniel S. Weld"])]
    assert specter.authors[-1].affiliations == [
        "Allen Institute for Artificial Intelligence",
        "Paul G. Allen School of Computer Science & Engineering, University of Washington"]
    assert specter.authors[0].marks == ["†", "∗"]
    # Numbered marks, an e-mail line under each organisation.
    layout = papers["layout-parser-paper-with-empty-pages"]
    assert orgs(layout) == [
        ("1", "Allen Institute for AI", ["Zejiang Shen"]), ("2", "Brown University", ["Ruochen Zhang"]),
        ("3", "Harvard University", ["Melissa Dell", "Jacob Carlson"]),
        ("4", "University of Washington", ["Benjamin Charles Germain Lee"]),
        ("5", "University of Waterloo", ["Weining Li"])]


def test_an_unmarked_organisation_is_the_unmarked_authors(papers):
    # DPR sets three organisations in one row; Facebook AI carries no mark and is everyone's without one.
    dpr = papers["multi-column-2p"]
    assert orgs(dpr) == [
        (None, "Facebook AI", ["Vladimir Karpukhin", "Barlas Oğuz", "Patrick Lewis", "Ledell Wu", "Sergey Edunov",
                               "Wen-tau Yih"]),
        ("†", "University of Washington", ["Sewon Min"]), ("‡", "Princeton University", ["Danqi Chen"])]
    # The literature-graph paper's mark is a glyph PDFium cannot map (shown '?'), set after the comma; the address
    # is printed and cited but is no part of the name.
    n18 = papers["N18-3011"]
    ai2, northwestern = n18.organisations
    assert (ai2.name, ai2.mark, len(ai2.authors)) == ("Allen Institute for Artificial Intelligence", None, 21)
    assert ai2.printed.text == "Allen Institute for Artificial Intelligence, Seattle WA 98103, USA"
    assert (northwestern.name, northwestern.mark, northwestern.authors) == (
        "Northwestern University", "?", ["Doug Downey", "Zheng Yuan"])
    assert northwestern.printed.page == 1 and northwestern.printed.line == 9


def test_the_arxiv_stamp_gives_category_version_and_date(papers):
    layout, dpr = papers["layout-parser-paper-with-empty-pages"], papers["multi-column-2p"]
    stamp = layout.arxiv
    assert (stamp.id, stamp.version, stamp.category, stamp.category_name, stamp.date) == (
        "2103.15348", 2, "cs.CV", "Computer Vision and Pattern Recognition", "2021-06-21")
    assert stamp.printed.text == "arXiv:2103.15348v2 [cs.CV] 21 Jun 2021"
    # The stamp's category is the paper's, under the code listing pages print.
    assert (layout.category, layout.category_name) == ("CV", "Computer Vision and Pattern Recognition")
    assert (dpr.category, dpr.arxiv.version, dpr.arxiv.date) == ("CL", 3, "2020-09-30")
    for name in ("2020.acl-main.207", "N18-3011", "a1977-backus-p21"):
        assert papers[name].arxiv is None and papers[name].category is None


def test_emails_notes_and_keywords_as_printed(papers):
    specter, dpr, layout = papers["2020.acl-main.207"], papers["multi-column-2p"], papers["layout-parser-paper-with-empty-pages"]
    assert specter.emails == [f"{u}@allenai.org" for u in ("armanc", "sergey", "beltagy", "dougd", "danw")]
    assert "sewon@cs.washington.edu" in dpr.emails and len(dpr.emails) == 8
    # An underscore drawn as a rule comes out as a space; inside an address it can only be an underscore.
    assert "ruochen_zhang@brown.edu" in layout.emails and "jacob_carlson@fas.harvard.edu" in layout.emails
    assert [(n.mark, n.means) for n in specter.notes] == [("∗", "Equal contribution")]
    assert [(n.mark, n.means) for n in dpr.notes] == [("∗", "Equal contribution")]
    assert layout.keywords == ["Document Image Analysis", "Deep Learning", "Layout Analysis", "Character Recognition",
                               "Open Source library", "Toolkit"]


def test_the_proceedings_line_gives_pages_place_dates_and_publisher(papers):
    n18, specter = papers["N18-3011"].venue_line, papers["2020.acl-main.207"].venue_line
    assert (n18.pages, n18.place, n18.dates, n18.publisher, n18.copyright_year) == (
        "84–91", "New Orleans, Louisiana", "June 1 - 6, 2018", "Association for Computational Linguistics", 2017)
    assert (specter.pages, specter.place, specter.dates) == ("2270–2282", None, "July 5 - 10, 2020")
    assert papers["multi-column-2p"].venue_line is None  # an arXiv preprint prints no proceedings line


def test_a_code_repository_linked_on_page_one_is_a_code_badge(papers):
    assert (papers["2020.acl-main.207"].has_code, papers["2020.acl-main.207"].code_url) == (
        True, "https://github.com/allenai/specter")
    assert papers["multi-column-2p"].code_url == "https://github.com/facebookresearch/DPR"
    assert papers["multi-column-2p"].printed["code"].line is not None
    # A project site is not a repository, and a page that links none says nothing either way.
    assert papers["layout-parser-paper-with-empty-pages"].has_code is None and papers["N18-3011"].has_code is None


def test_each_fact_says_where_page_one_prints_it(papers):
    specter, layout = papers["2020.acl-main.207"], papers["layout-parser-paper-with-empty-pages"]
    assert (specter.printed["title"].page, specter.printed["title"].line) == (1, 1)
    assert specter.printed["venue"].text.startswith(
        "Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics, pages 2270–2282")
    assert "July 5 - 10, 2020" in specter.printed["date"].text  # the date is the venue line's
    assert layout.printed["category"].text == "arXiv:2103.15348v2 [cs.CV] 21 Jun 2021"
    assert layout.printed["keywords"].line is not None and set(papers["a1977-backus-p21"].printed) == {"date", "venue"}


def test_the_catalog_answers_organisations_and_categories_from_pdfs(papers):
    from rag.catalog import Catalog, describe, has_organisation, organisation_authors, where_printed

    listed = list(papers.values())
    catalog = Catalog.of(listed)
    # One organisation printed two ways is found by either; a university inside a department's line too.
    ai2 = [p.title for p in listed if has_organisation(p, "Allen Institute for AI")]
    assert sorted(ai2) == sorted(papers[n].title for n in ("2020.acl-main.207", "N18-3011",
                                                            "layout-parser-paper-with-empty-pages"))
    assert {"allen institute for ai", "university of washington", "facebook ai"} <= catalog.organisations
    assert organisation_authors(papers["2020.acl-main.207"], "University of Washington") == ["Daniel S. Weld"]
    assert not has_organisation(papers["multi-column-2p"], "Brown University")
    assert catalog.categories["computation and language"] == "CL" and catalog.categories["cs.cv"] == "CV"
    assert where_printed(papers["N18-3011"], "venue").endswith("p. 1: 'Proceedings of NAACL-HLT 2018, pages 84–91 "
                                                              "New Orleans, Louisiana, June 1 - 6, 2018. c 2017 "
                                                              "Association for Computational Linguistics'")
    assert "Princeton University (Danqi Chen)" in describe(papers["multi-column-2p"])
    assert "arXiv:2004.04906v3 [cs.CL]" in describe(papers["multi-column-2p"])
