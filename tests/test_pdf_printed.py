"""What a PDF's first page prints about where it appeared, read by where and how it is set: the journal's volume
and issue in its footer, which meeting a proceedings line counts ('the 58th Annual Meeting'), the page number set
in the page's head or foot, and the corresponding author's envelope after a name. Each is a catalog field
(rag/catalog_fields.py) a question can look up, filter on or sort by, cited to the line that prints it.

Real PDFs from ../shared/pdfs/papers, and PDFs written here run by run for layouts those five do not have.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.catalog_query import answer_from_catalog
from rag.parsing import merge_papers, parse_file
from rag.parsing.pdf.venue import edition_of, kind_of, volume_issue
from pdf_objects import assemble, literal
from test_pdf_affiliations import BODY, TITLE, pdf_with_runs, sup, t

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"
BACKUS, SPECTER, LAYOUT = "a1977-backus-p21.pdf", "2020.acl-main.207.pdf", "layout-parser-paper-with-empty-pages.pdf"


@pytest.fixture(scope="module")
def real():
    assert PAPERS.is_dir(), f"the shared PDFs are missing: {PAPERS}"  # fail, never skip
    return {path.name: parse_file(path)[0] for path in sorted(PAPERS.glob("*.pdf"))}


def test_a_journal_footer_gives_volume_issue_and_the_printed_page(real):
    line = real[BACKUS].venue_line
    # 'Communications August 1978 / of Volume 21 / the ACM Number 8', two columns read row by row; '633' below.
    assert (line.volume, line.number) == (21, 8)
    assert line.pages == "633" and line.folio is not None and line.folio.text == "633" and line.folio.page == 1
    assert "Volume 21" in line.printed.text and "Number 8" in line.printed.text


def test_a_proceedings_line_counts_its_meeting_and_keeps_its_own_pages(real):
    specter = real[SPECTER].venue_line
    assert specter.edition == 58 and specter.volume is None
    assert specter.pages == "2270–2282"  # the line's own range, not the folios (they agree here)
    naacl = real["N18-3011.pdf"].venue_line
    assert naacl.edition is None  # 'Proceedings of NAACL-HLT 2018' counts no meeting
    assert real[LAYOUT].venue_line is None and real["multi-column-2p.pdf"].venue_line is None  # preprints


def test_the_drawn_envelope_after_a_name_is_the_corresponding_mark(real):
    """LayoutParser sets '( )' after Zejiang Shen: the envelope is drawn, its brackets are text."""
    marks = {a.name: a.marks for a in real[LAYOUT].authors}
    assert marks["Zejiang Shen"] == ["1", "✉"]
    assert all("✉" not in m for name, m in marks.items() if name != "Zejiang Shen")
    assert not any("✉" in a.marks for name in (SPECTER, "multi-column-2p.pdf") for a in real[name].authors)


@pytest.mark.parametrize("text, volume, number", [
    ("Vol. 34, No. 5, New York", 34, 5), ("Volume 1: Long Papers", 1, None), ("PMLR 119, 2020", 119, None),
    ("Journal of Imaginary Results 12(3): 45–67", 12, 3), ("pages 84–91 (2018)", None, None),
    ("Issue 4, Volume 7", 7, 4), ("July 5 - 10, 2020", None, None), ("Springer, LNCS 12821, pp. 131–146", 12821, None)])
def test_volume_and_issue_as_lines_print_them(text, volume, number):
    assert volume_issue(text) == (volume, number)


@pytest.mark.parametrize("venue, edition", [
    ("Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics", 58),
    ("Proceedings of the Thirty-Fourth AAAI Conference on Artificial Intelligence", 34),
    ("Proceedings of the First Workshop on Scholarly Document Processing", 1),
    ("Proceedings of the Twentieth International Conference on Machine Learning", 20),
    ("Proceedings of the 2018 Conference on Empirical Methods", None), ("Proceedings of NAACL-HLT 2018", None)])
def test_which_meeting_a_venue_counts(venue, edition):
    assert edition_of(venue) == edition


def test_journal_or_proceedings_by_what_the_line_says(real):
    assert real[BACKUS].venue_line.kind == "journal"  # a journal's footer
    assert real[SPECTER].venue_line.kind == "proceedings" and real["N18-3011.pdf"].venue_line.kind == "proceedings"


@pytest.mark.parametrize("venue, kind", [
    ("Transactions on Machine Learning Research", "journal"), ("Journal of the Royal Statistical Society", "journal"),
    ("Proceedings of the Conference on Fairness", "proceedings"), ("Findings of the Association for Computational "
                                                                  "Linguistics: EMNLP 2021", "proceedings"),
    ("Proceedings of the VLDB Endowment Journal", "proceedings"),  # the head word decides
    ("Advances in Neural Information Processing Systems", None)])  # the name alone does not say
def test_kind_of_a_venue_name(venue, kind):
    assert kind_of(venue) == kind


def _paper(tmp_path, lines, name="paper.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf_with_runs([TITLE, *lines, *BODY]))
    return parse_file(path)[0]


def test_a_footnoted_venue_in_words_with_volume_issue_and_folio(tmp_path):
    paper = _paper(tmp_path, [
        (150.0, 690.0, [t("Jane Doe and John Roe")]),
        (72.0, 96.0, [("Proceedings of the Thirty-Fourth AAAI Conference on Artificial Intelligence, Vol. 34, No. 5,",
                       8.0, 0.0)]),
        (72.0, 86.0, [("New York, New York, USA, February 7-12, 2020.", 8.0, 0.0)]),
        (300.0, 30.0, [("417", 9.0, 0.0)]),
    ])
    line = paper.venue_line
    assert paper.venue.startswith("Proceedings of the Thirty-Fourth AAAI Conference")
    assert (line.edition, line.volume, line.number, line.kind) == (34, 34, 5, "proceedings")
    assert line.pages == "417" and line.folio.text == "417"  # no range printed: the page's own number


@pytest.mark.parametrize("head, kind", [("Proceedings", "proceedings"), ("Journal", "journal")])
def test_a_footer_with_volume_and_issue_is_the_kind_its_name_says(tmp_path, head, kind):
    # The name's column and the issue's interleaved row by row, as Backus's footer: no line reads 'Proceedings of'.
    footer = [f"{head} April 2019", "of the Workshop on Graph Priors Volume 3", "Number 2"]
    paper = _paper(tmp_path, [(150.0, 690.0, [t("Jane Doe and John Roe")]),
                              *[(72.0, 70.0 - 10 * i, [(row, 8.0, 0.0)]) for i, row in enumerate(footer)]])
    line = paper.venue_line
    assert paper.venue == f"{head} of the Workshop on Graph Priors" and (line.volume, line.number) == (3, 2)
    assert line.kind == kind


def test_line_numbers_in_the_margin_are_no_page_number(tmp_path):
    """A review copy numbers its lines down the margin: several bare numbers, none of them the page's."""
    margin = [(40.0, 60.0 + 12 * i, [(f"{i:03d}", 8.0, 0.0)]) for i in range(3)]
    paper = _paper(tmp_path, [(150.0, 690.0, [t("Jane Doe and John Roe")]),
                              (72.0, 96.0, [("Proceedings of the 37th International Conference on Machine Learning, "
                                             "Online, PMLR 119, 2020.", 8.0, 0.0)]), *margin])
    assert paper.venue_line.edition == 37 and paper.venue_line.volume == 119
    assert paper.venue_line.pages is None and paper.venue_line.folio is None


@pytest.mark.parametrize("after", [[t(" (B), John Roe")], [t(" ("), (") , John Roe", 11.0, 0.0, 181.0)]])
def test_envelope_marks_typed_or_drawn(tmp_path, after):
    """'(B)' is the envelope in a symbol font mapped to a letter; '( )' with a glyph-wide gap is a drawn one."""
    paper = _paper(tmp_path, [(120.0, 690.0, [t("Jane Doe"), sup("1"), *after, sup("2")]),
                              (150.0, 672.0, [sup("1"), t("Example University")]),
                              (150.0, 658.0, [sup("2"), t("Acme Research Labs")])])
    assert paper.author_names == ["Jane Doe", "John Roe"]
    assert [a.marks for a in paper.authors] == [["1", "✉"], ["2"]]
    assert paper.authors[0].affiliations == ["Example University"]  # the envelope ties to no organisation


def test_brackets_holding_words_are_no_envelope(tmp_path):
    paper = _paper(tmp_path, [(120.0, 690.0, [t("Jane Doe (Example University), John Roe")])])
    assert not any("✉" in a.marks for a in paper.authors)


@pytest.fixture(scope="module")
def library(real, tmp_path_factory):
    built = tmp_path_factory.mktemp("built") / "footnoted.pdf"
    built.write_bytes(pdf_with_runs([TITLE, (150.0, 690.0, [t("Jane Doe"), sup("*"), t(" and John Roe")]), *BODY,
                                     (72.0, 100.0, [("*", 6.0, 3.5), ("Corresponding author.", 9.0, 0.0)])]))
    return merge_papers(list(real.values()) + parse_file(built))


def _answer(question: str, papers):
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None, question
    return answer


@pytest.mark.parametrize("question, title, said, quoted", [
    ("What volume and issue number does the Backus paper print?", "a1977 backus p21", "Volume 21, Number 8",
     "'Communications August 1978 of Volume 21 the ACM Number 8'"),
    ("In what edition of its conference was SPECTER presented?", "SPECTER", "58th",
     "'Proceedings of the 58th Annual Meeting"),
    ("Who is marked as the corresponding author of LayoutParser?", "LayoutParser", "Zejiang Shen", "'Zejiang Shen ( ),"),
    ("Who is the corresponding author of Graph Priors for Sample-Efficient Exploration?", "Graph Priors", "Jane Doe",
     "'Jane Doe and John Roe'"),
    ("Did SPECTER appear in a journal?", "SPECTER", "in conference proceedings", "'Proceedings of the 58th Annual"),
    ("Which revision number does the DPR preprint carry?", "Dense Passage", "version 3",
     "'arXiv:2004.04906v3 [cs.CL] 30 Sep 2020'"),  # the stamp's 'v3'
])
def test_looked_up_and_cited_to_the_printed_line(library, question, title, said, quoted):
    answer = _answer(question, library)
    assert answer.citations[0].title.startswith(title) and said in answer.answer, answer.answer
    assert quoted in answer.answer  # the line as printed, not only the value read from it


def test_filtered_and_sorted_over_the_library(library):
    newest = _answer("Which PDF is on the highest arXiv revision?", library)
    assert newest.citations[0].title.startswith("Dense Passage") and "version: 3" in newest.answer
    marked = _answer("Which papers mark a corresponding author?", library)
    assert sorted(c.title for c in marked.citations) == [
        "Graph Priors for Sample-Efficient Exploration",
        "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"]
    volumes = _answer("Which PDFs print a journal volume?", library)
    assert [c.title for c in volumes.citations] == ["a1977 backus p21"]
    journal = _answer("Which of the uploaded papers came out in a journal?", library)
    assert [c.title for c in journal.citations] == ["a1977 backus p21"] and "Communications of the ACM" in journal.answer
    # Not in a journal: the two proceedings papers and the two preprints, and the built PDF (it prints no venue line,
    # so it says what it is by printing none); no listing entry, whose page has no such slot.
    others = _answer("Which PDFs did not appear in a journal?", library)
    assert len(others.citations) == 5 and "a1977 backus p21" not in [c.title for c in others.citations]
    proceedings = _answer("List the papers published in conference proceedings", library)
    assert sorted(c.title for c in proceedings.citations) == [
        "Construction of the Literature Graph in Semantic Scholar",
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"]


@pytest.mark.parametrize("question", [
    "What corresponding changes do the SPECTER authors make to the citation encoder?",
    "How does the volume of training data change dense retrieval accuracy?",
    "Which issue numbers of reproducibility does LayoutParser discuss?",
    "What do journal reviewers criticise about dense retrieval benchmarks?",
    "What revision did the authors make to the retrieval loss in DPR?",
])
def test_content_questions_with_the_fields_words_stay_content(library, question):
    assert answer_from_catalog(question, question, library) is None


def pdf_pages(pages: list[list[tuple[float, float, list]]]) -> bytes:
    """Several pages, each a list of (x, y, runs) lines as in test_pdf_affiliations.pdf_with_runs."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {count} >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"]
    for index, lines in enumerate(pages):
        ops = []
        for x, y, runs in lines:
            ops.append(f"BT 1 0 0 1 {x} {y} Tm")
            ops += [f"/F1 {size} Tf {rise} Ts {literal(text)} Tj" for text, size, rise in runs]
            ops.append("0 Ts ET")
        content = "\n".join(ops)
        objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {5 + 2 * index} 0 R "
                    "/Resources << /Font << /F1 3 0 R >> >> >>",
                    f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"]
    return assemble(objects)


NAMES = ["Alice Adams, Bruno Brandt, Carla Conti, Dmitri Dorov,", "Elena Eriksen, Farid Farouk, Greta Gruber,",
         "Hiro Hayashi, Ines Ibarra, Jonas Jansen,"]
MORE = ["Kofi Kuffour, Lena Lindqvist, Mateo Morales,", "and Nadia Novak"]
PROSE = ["Abstract", "We measure collisions at scale and report what the detector sees in each run of the experiment.",
         "1 Introduction", "Large collaborations print long author lists, often longer than the first page can hold."]


def _lines(texts: list[str], top: float) -> list:
    return [(72.0, top - 14 * i, [t(text)]) for i, text in enumerate(texts)]


def test_an_author_list_that_runs_onto_page_two(tmp_path):
    path = tmp_path / "collaboration.pdf"
    path.write_bytes(pdf_pages([[TITLE, *_lines(NAMES, 690.0)], _lines(MORE + PROSE, 740.0)]))
    paper = parse_file(path)[0]
    assert paper.author_names[:2] == ["Alice Adams", "Bruno Brandt"] and len(paper.authors) == 14
    assert paper.author_names[-4:] == ["Kofi Kuffour", "Lena Lindqvist", "Mateo Morales", "Nadia Novak"]
    assert paper.printed["authors_continued"].page == 2
    assert any("runs onto page 2" in flag for flag in paper.flags)
    # Page 2's names are no body text, and the text after them is read as before.
    assert not any("Kofi Kuffour" in block.text for block in paper.blocks) and "Kofi Kuffour" not in paper.abstract
    assert "We measure collisions" in paper.abstract


def test_a_title_page_then_an_abstract_on_page_two_reads_no_more_names(tmp_path):
    path = tmp_path / "title-page.pdf"
    path.write_bytes(pdf_pages([[TITLE, *_lines(NAMES, 690.0)], _lines(PROSE, 740.0)]))
    paper = parse_file(path)[0]
    assert len(paper.authors) == 10 and "authors_continued" not in paper.printed
    assert not any("runs onto page" in flag for flag in paper.flags)
