"""A PDF as a document (issue 11): its footnotes' numbering, its headings by a character they hold or by page, its
top-level sections listed, its addresses by their sentence or place, whose e-mail a handle is, its venue for a
citation record, and sorts over PDFs said as a choice between two ('which one has the bigger author list', 'which
meeting took place earlier'). Phrasings are this file's own; the content questions beside each must stay unplanned."""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages and the five shared PDFs parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_pdf_records import catalog_answer
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
BACKUS = "a1977 backus p21"


def _check(question: str, first: str, holds: list[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    assert answer.citations and answer.citations[0].title == first, (question, answer.answer)
    for part in holds:
        assert part in answer.answer, (question, part, answer.answer)


@pytest.mark.parametrize("question, first, holds", [
    # an end of a PDF's footnote numbering (rag/plan_footnotes._end_of_run)
    ("lit graph pdf: its last footnote, and what url does it give?", GRAPH, ["footnote 15", "allenai.org/software"]),
    ("which footnote of SPECTER carries the highest number", SPECTER, ["footnote 18"]),
    ("the DPR paper's first footnote?", DPR, ["footnote 1 ", "github.com/facebookresearch/DPR"]),
    ("highest numbered foot-note in the DPR pdf - where does it point?", DPR, ["footnote 4"]),
    ("In the Semantic Scholar literature graph paper, the footnote with the highest number — which is it?", GRAPH,
     ["footnote 15"]),
    # the fewest / most footnotes with the noun said before the superlative
    ("among my PDFs that print footnotes, which one has the fewest?", DPR, ["5 footnotes (1–4, and ∗)"]),
    ("pdfs with any footnotes: which has the most?", SPECTER, ["19 footnotes"]),
    ("of SPECTER and DPR, which has more footnotes?", SPECTER, ["19 footnotes", "5 footnotes"]),
    ("the lit graph paper or DPR - which one prints fewer footnotes?", DPR, ["5 footnotes", "15 footnotes"]),
    # one address in two footnotes, named by the address, with pages (rag/plan_footnote_repeats.py)
    ("the lit graph paper gives allenai.org/software in two footnotes - which numbers and pages?", GRAPH,
     ["footnote 2 on page 3", "footnote 15 on page 7"]),
    ("does SPECTER print github.com/allenai/specter twice as a footnote? on what pages", SPECTER,
     ["footnote 1 on page 1", "footnote 11 on page 5"]),
])
def test_footnote_numbering_as_records(question: str, first: str, holds: list[str], catalog: Catalog) -> None:
    _check(question, first, holds, catalog)


@pytest.mark.parametrize("question, first, holds", [
    # a character said by its name in a heading (rag/plan_heading_words.py)
    ("which SPECTER heading has a colon in it?", SPECTER, ["§2.2 Background: Pretrained Transformers", "a colon"]),
    ("specter: any numbered section titles containing a colon?", SPECTER, ["1 heading", "Background: Pretrained"]),
    ("does any heading in the lit graph paper hold a question mark?", GRAPH, ["None of the headings"]),
    # a pointer asked by the section it points to (rag/plan_section_pointers.pointing_at)
    ("which component is pointed to Section 4 in LayoutParser's intro?", LAYOUT, ["Section 4", "model hub"]),
    ("LayoutParser: what does the introduction point to section 3?", LAYOUT, ["off-the-shelf toolkit"]),
    ("in the LayoutParser paper which item refers to Section 4", LAYOUT, ["community platform"]),
    # the top-level sections listed (rag/plan_headings._of_one)
    ("list the main sections of the DPR paper", DPR, ["§1 Introduction", "§2 Background"]),
    ("what are the numbered sections of SPECTER?", SPECTER, ["8 numbered top-level sections", "§3 SCIDOCS Evaluation"]),
    ("literature graph paper - which top-level sections does it have?", GRAPH,
     ["§5 Other Research Problems", "§6 Conclusion and Future Work"]),
    # a PDF said by its length is no page of it ('the 2-page one', rag/plan_page_headings.py)
    ("the 2-page DPR file: what numbered headings begin on page 2?", DPR, ["PDF page 2", "3.1 Overview"]),
    ("DPR (2-page pdf) - which headings are on its page 1?", DPR, ["PDF page 1", "1 Introduction"]),
])
def test_headings_by_character_page_and_level(question: str, first: str, holds: list[str], catalog: Catalog) -> None:
    _check(question, first, holds, catalog)


@pytest.mark.parametrize("question, first, holds", [
    # an address by its place or its sentence (rag/plan_link_sentence.py)
    ("what url is at the end of LayoutParser's abstract?", LAYOUT, ["https://layout-parser.github.io"]),
    ("the lit graph paper's abstract - which web address does it end with?", GRAPH, ["www.semanticscholar.org"]),
    ("where does DPR say its code and trained models were released? url", DPR, ["github.com/facebookresearch/DPR"]),
    ("where is the LayoutParser library publicly available - link?", LAYOUT, ["https://layout-parser.github.io"]),
    ("semantic scholar lit graph: which website do its methods enable semantic features in? address pls", GRAPH,
     ["www.semanticscholar.org"]),
])
def test_an_address_by_its_sentence(question: str, first: str, holds: list[str], catalog: Catalog) -> None:
    _check(question, first, holds, catalog)


@pytest.mark.parametrize("question, first, holds", [
    # whose an address is, by its handle or as the only one printed (rag/plan_contact._owner_asked)
    ("in the DPR pdf, who does the plewis email belong to?", DPR, ["Patrick Lewis"]),
    ("whose e-mail is the danw one on SPECTER, and which marks do they have?", SPECTER, ["Daniel S. Weld", "† ‡"]),
    ("the lit graph paper prints a single e-mail address: whose?", GRAPH, ["Waleed Ammar"]),
    ("DPR e-mails: the vladk address is whose, and what does their mark mean?", DPR,
     ["Vladimir Karpukhin", "Equal contribution"]),
    ("LayoutParser: whose is the w422li e-mail?", LAYOUT, ["Weining Li"]),
    # the venue for a citation record, the asker's purpose said aside (rag/plan_hedges.py)
    ("I need the proceedings name and page range of the Semantic Scholar literature graph paper for my bibliography",
     GRAPH, ["84–91"]),
    ("where did SPECTER appear? I'd like the page range and conference dates for a bibtex entry", SPECTER,
     ["2270–2282", "July 5 - 10, 2020"]),
    # the journal and issue a footer gives (the registry's volume field)
    ("Backus page: which journal/issue does the footer print?", BACKUS, ["Volume 21", "Number 8"]),
    # thanked for a stated reason, the helpers counted (rag/plan_thanked.py)
    ("which two people does SPECTER thank for the public API?", SPECTER, ["Russel Reas"]),
    ("in SPECTER's acknowledgements, which 3 people are thanked for helpful research discussions?", SPECTER,
     ["Kyle Lo, Daniel King and Oren Etzioni"]),
])
def test_front_matter_records(question: str, first: str, holds: list[str], catalog: Catalog) -> None:
    _check(question, first, holds, catalog)


@pytest.mark.parametrize("question, first, holds", [
    # a comparative choosing one of a set: authors (rag/plan_scope.sort_by_authors), a meeting's time
    # (rag/plan_comparatives.py), a document noun (rag/plan_pdf_sorts.document_noun)
    ("which of my two arXiv-stamped PDFs has more authors?", DPR, ["8 authors"]),
    ("the arXiv-stamped pdfs: which one lists fewer authors?", LAYOUT, ["6 authors"]),
    ("of my PDFs with a proceedings header, which has the longer author list?", GRAPH, ["23 authors"]),
    ("of my PDFs with conference proceedings, which meeting was held later?", SPECTER, ["July 5 - 10, 2020"]),
    ("proceedings PDFs: which conference took place first?", GRAPH, ["New Orleans", "June 1 - 6, 2018"]),
    ("which of the two proceedings papers had its conference later?", SPECTER, ["July 5 - 10, 2020"]),
    ("my arxiv pdfs: which has fewer authors?", LAYOUT, ["6 authors"]),
    ("what's the newest document among my PDFs?", LAYOUT, ["2021"]),
    ("which is the earliest document in my pdfs?", BACKUS, ["1978"]),
    # a pooled count with how to merge said as a rule and a PDF said to print none
    ("pool the bylines of my PDFs (the Backus excerpt has none): how many distinct people? people on two papers count once",
     SPECTER, ["39 distinct people"]),
])
def test_choices_and_pools_over_pdfs(question: str, first: str, holds: list[str], catalog: Catalog) -> None:
    _check(question, first, holds, catalog)


@pytest.mark.parametrize("question, holds", [
    # people on two named PDFs' bylines, each with their place on each (rag/plan_groups.common), the second PDF named
    # by title words begun before a byline noun (rag/plan_aggregates.other_paper)
    ("which SPECTER authors are also on the literature graph byline?", ["Sergey Feldman", "(author 9 of 23)"]),
    ("who from SPECTER also appears on the lit graph author list, and at which position?",
     ["Iz Beltagy", "(author 4 of 23)", "Doug Downey", "(author 6 of 23)"]),
    ("LayoutParser authors who are also on the DPR byline?", ["No one is printed as an author on both"]),
])
def test_people_on_two_bylines_with_places(question: str, holds: list[str], catalog: Catalog) -> None:
    answer = catalog_answer(question, catalog)
    for part in holds:
        assert part in answer.answer, (question, part, answer.answer)


@pytest.mark.parametrize("question", [
    # content beside the same cues: what a footnote, a heading, an address's sentence or the thanks say
    "what does the last footnote in SPECTER say about BERT?",
    "what does the LayoutParser abstract say about the url?",
    "What does the lit graph paper say its methods are used to enable on the Semantic Scholar website?",
    "which web address does the DPR abstract give for the Wikipedia dump it retrieves from?",
    "which papers are about document image analysis?",
    "which benchmark results in LayoutParser are pointed to Section 4 for accuracy?",
    "what does the SPECTER acknowledgements section say about funding sources?",
    "in the DPR paper, who does the email say to contact about the dataset?",
    # a comparative no reader sorts by: not a list of both
    "which of my two arXiv PDFs is better written?",
    "which of the two proceedings PDFs reports higher accuracy?",
    "which of my arxiv pdfs has the later category?",
    "of SPECTER and DPR, which has more footnotes about BERT?",
])
def test_content_beside_the_cues_stays_content(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question
