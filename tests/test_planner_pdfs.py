"""Uploaded PDFs are catalog rows like the pages' papers: their authors, dates and venues, as the reader
reads them off the first page, answer 'which papers did X write', years and venues, cited to the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog
from rag.parsing import merge_papers, parse_file

from conftest import parse_seed_pages

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"


@pytest.fixture(scope="module")
def papers():
    assert PAPERS.is_dir(), f"the shared PDFs are missing: {PAPERS}"  # fail, never skip
    found = parse_seed_pages()
    for name in ("2020.acl-main.207.pdf", "N18-3011.pdf", "multi-column-2p.pdf"):  # SPECTER, Semantic Scholar, DPR
        found += parse_file(PAPERS / name)
    return merge_papers(found)


def rows(question: str, papers) -> list[str]:
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None, question
    return [c.title for c in answer.citations]


def test_a_pdf_author_is_found_and_cited_to_the_file(papers):
    answer = answer_from_catalog("Which papers did Vladimir Karpukhin write?", "Which papers did Vladimir Karpukhin "
                                 "write?", papers)
    assert [c.title for c in answer.citations] == ["Dense Passage Retrieval for Open-Domain Question Answering"]
    assert answer.citations[0].location.endswith("multi-column-2p.pdf, p. 1")  # the first page prints them
    # Iz Beltagy is on two of the PDFs: both, and nothing from the pages.
    assert sorted(rows("Which papers has Iz Beltagy co-authored?", papers)) == [
        "Construction of the Literature Graph in Semantic Scholar",
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"]


def test_pdf_dates_and_venues_are_catalog_values(papers):
    assert "Dense Passage Retrieval for Open-Domain Question Answering" in rows("Which papers are from 2020?", papers)
    # Known to the month from the proceedings footer: a month question finds it, a day sort does not rank it first.
    assert rows("Which papers were published in June 2018?", papers) == [
        "Construction of the Literature Graph in Semantic Scholar"]
    assert rows("Which papers appeared at NAACL?", papers) == ["Construction of the Literature Graph in Semantic Scholar"]
    assert rows("Which ACL papers are there?", papers) == [
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"]
    assert len(rows("Which papers have more than 20 authors?", papers)) == 1  # Semantic Scholar: 23
    assert len(Catalog.of(papers).venues & {"ICLR", "NAACL", "ACL"}) == 3


def answer_text(question: str, papers) -> str:
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None, question
    return answer.answer


def test_the_uploaded_pdfs_are_a_value_a_question_can_name(papers):
    pdfs = sorted(p.title for p in papers if any(s.format == "pdf" for s in p.sources))
    assert len(pdfs) == 3 and sorted(rows("Which of my PDFs are in the library?", papers)) == pdfs
    assert rows("Which uploaded papers are from 2018?", papers) == ["Construction of the Literature Graph in Semantic Scholar"]


def test_fields_a_pdf_prints_are_looked_up_by_the_noun_asked(papers):
    dpr = next(p for p in papers if p.title.startswith("Dense Passage Retrieval"))
    # 'DPR' is printed nowhere in its title: the initials of its capitalised words name it (Catalog.short_names), and
    # the answer opens with the full title, so the reader sees which paper was taken.
    text = answer_text("Which institutions does the DPR paper list?", papers)
    assert text.startswith("Dense Passage Retrieval for Open-Domain Question Answering") and all(
        o.name in text for o in dpr.organisations)
    assert "Proceedings of NAACL-HLT 2018" in answer_text("Where was the Semantic Scholar paper published?", papers)
    specter = next(p for p in papers if p.title.startswith("SPECTER"))
    assert f"{specter.page_count} pages" in answer_text("How many pages does SPECTER have?", papers)
    organisations = answer_text("Which organisations are the SPECTER authors from?", papers)
    assert "organisation" in organisations and all(o.name in organisations for o in specter.organisations)
    assert "arXiv:2004.04906" in answer_text("What's the arXiv identifier of the dense passage retrieval paper?", papers)
    assert "no arXiv id or DOI" in answer_text("What is the arXiv id of SPECTER?", papers)


def test_a_university_by_its_short_name_and_two_organisations_both(papers):
    # 'Northwestern' is 'Northwestern University' as the Semantic Scholar PDF prints it; 'Princeton' DPR's.
    assert rows("Which papers have an author at Northwestern?", papers) == [
        "Construction of the Literature Graph in Semantic Scholar"]
    answer = answer_from_catalog("Is any DPR author from Princeton?", "Is any DPR author from Princeton?", papers)
    assert answer is not None and "Danqi Chen" in answer.answer
    # 'both' asks for each organisation, not either: SPECTER prints AI2 and UW; the other two only one of them.
    assert rows("Which papers list authors from both UW and AI2?", papers) == [
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"]
    assert len(rows("Which papers list authors from UW or AI2?", papers)) == 3


def test_a_given_name_alone(papers):
    assert sorted(rows("Are there authors called Sergey? On which papers?", papers)) == [
        "Construction of the Literature Graph in Semantic Scholar",
        "Dense Passage Retrieval for Open-Domain Question Answering",
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"]
    assert answer_from_catalog("What is the trick named Sergey about?", "What is the trick named Sergey about?",
                               papers) is None


def test_a_pdfs_copyright_line_and_arxiv_stamp_asked_of_it(papers):
    answer = answer_from_catalog("Which copyright year is printed on the SPECTER paper?",
                                 "Which copyright year is printed on the SPECTER paper?", papers)
    assert answer is not None and "2020" in answer.answer and "copyright" in answer.answer
    # The paper named with its file's kind ('the DPR PDF') is the paper itself, not a yes/no about being a PDF.
    question = "Which arXiv version is stamped on the DPR PDF?"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and "version 3" in answer.answer and not answer.answer.startswith("Yes")
    for probe in ("What does the literature graph paper say about copyright?",
                  "Which copyright issues do the papers discuss?"):
        assert answer_from_catalog(probe, probe, papers) is None


def test_where_an_organisation_is_and_where_a_venue_is_held(papers):
    question = "Where is Northwestern based, according to the Semantic Scholar graph paper?"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and "Evanston" in answer.answer  # the address printed with the organisation
    question = "Which city will TokMem be presented in?"
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and "Rio de Janeiro" in answer.answer  # the Amii page's own sentence
    assert answer_from_catalog("Which city has the most robotics papers?", "Which city has the most robotics "
                               "papers?", papers) is None
