"""One paper named, and its author line asked about (issue 11): a gloss that restates the title asks nothing, places
said against the line or a named author ('the two names after X', 'who sits between X and Y', 'who is in the middle'),
one author's own affiliations on that paper, and the page's saying a value ('when does the profile say …') as frame;
and what the PDFs print, across them: an equal-contribution footnote, the page their proceedings start them on.

Every question here was made up for this file (none is from a dataset). The content questions at the end name one
paper with the same author and place words and must stay with retrieval: neither the planner nor the record card
takes them. Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (the catalog of this module's papers: seed pages and the five PDFs)
from test_planner_fields import papers  # noqa: F401
from rag.catalog import Catalog
from rag.catalog_query import run
from rag.catalog_text import headline
from rag.plan_card import card_plan
from rag.planner import plan


def answer(question: str, catalog: Catalog) -> str:
    """The planner's own answer (not the record card's): its headline names the paper and the fields asked."""
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert the_plan.op == "lookup" and the_plan.lookup != "card", (question, the_plan.op, the_plan.lookup)
    return headline(run(the_plan, catalog.papers))


# (question, words the answer must hold, words it must not): own phrasings, one per way of saying it.
LOOKUPS = [
    # a bracketed gloss after the title restates it ('when distribution matters …' is the title's own wording)
    ("who's listed first on Shape of Thought (distribution matters more than correctness)?",
     ["first author", "is Abhranil Chandra"], []),
    ("name the last author of TokMem [one-token procedural memory]", ["last author", "is Lili Mou"], []),
    ("who is fourth on the RLDP paper (latent dynamics prediction baseline)?", ["fourth author: Amy Zhang"], []),
    # modifiers between the short name and its noun
    ("who is the second author of the TokMem procedural memory paper?", ["second author: Yongchang Hao"], []),
    # a gloss standing before the description's noun
    ("the dopant transitions in graphene (electron microscopy) paper: who comes third in the byline?",
     ["third author: Joshua Greaves"], []),
    # a whole title said without its leading article, in lower case
    ("who is the lead author of the mechanistic analysis of looped reasoning language models?", ["is Hugh Blayney"], []),
    # a description with a preposition inside it
    ("Name the first author of the privacy on manifolds paper.", ["Yangdi Jiang"], []),
    # the middle, a numbered place, an end said with its verb
    ("who stands in the middle of TokMem's author list?", ["middle author: Yongchang Hao"], ["Lili Mou"]),
    ("SPECTER: who is in third place on the byline?", ["third author: Iz Beltagy"], []),
    ("who opens the author list of the DPR paper?", ["first author", "Vladimir Karpukhin"], []),
    # names counted from a named author, and between two
    ("which two names come after Arman Cohan on SPECTER?", ["Sergey Feldman", "Iz Beltagy"], ["Doug Downey"]),
    ("DPR: who are the three authors listed before Patrick Lewis?",
     ["Vladimir Karpukhin", "Barlas Oğuz", "Sewon Min"], ["Ledell Wu"]),
    ("in the SPECTER byline, who sits between Sergey Feldman and Daniel Weld?", ["Iz Beltagy", "Doug Downey"],
     ["Arman Cohan"]),
    # one author's own affiliations on one paper, not the paper's every organisation nor a yes/no of authorship
    ("what affiliations does Danqi Chen carry on the DPR paper?", ["Danqi Chen", "Princeton University"],
     ["Facebook AI", "Yes"]),
    ("Which places is Daniel Weld affiliated with on SPECTER?",
     ["Allen Institute for Artificial Intelligence", "Paul G. Allen School"], []),
    ("where is Sewon Min from on the DPR paper?", ["University of Washington"], ["Princeton"]),
    # one author's own mark asked yes or no, beside their place: that author's, not 'some of the authors are marked'
    ("where does Hamed Zamani come in the Beyond a Million Tokens byline, and does he carry the Amii star?",
     ["Hamed Zamani: 5th of 6", "Hamed Zamani: not marked"], ["Mohammad Tavakoli"]),
    ("Is Hamed Zamani marked as Amii on Beyond a Million Tokens?", ["Hamed Zamani: not marked"], ["Yes"]),
    # a description going on with 'by' and a gerund, ended by a colon
    ("the paper on managing several agents by tuning their incentives: when was it posted?", ["2024-09-03"], []),
    # the page saying the value, the asker's own request or remark, where on the page it is printed
    ("what category does the profile say ReSeg belongs to?", ["CV"], []),
    ("when does Courville's profile say ReSeg was posted?", ["2015-11-22"], []),
    ("who wrote DPR? only need the first author", ["first author: Vladimir Karpukhin"], []),
    ("ReSeg: when did it go up? I couldn't spot the year.", ["2015-11-22"], []),
    ("which meeting dates are printed at the top of the SPECTER PDF?", ["July 5 - 10, 2020"], []),
]


@pytest.mark.parametrize(("question", "said", "unsaid"), LOOKUPS)
def test_one_paper_author_line_lookups(question, said, unsaid, catalog):
    text = answer(question, catalog)
    for words in said:
        assert words in text, (question, text)
    for words in unsaid:
        assert words not in text, (question, text)


def test_two_names_after_an_author_on_a_list_cut_with_et_al(catalog):
    """The list is cut after three names: the places past it are said as not printed, not guessed."""
    text = answer("Learning and Controlling Silicon Dopant Transitions in Graphene: the three names after Max "
                  "Schwarzer?", catalog)
    assert "second author: Jesse Farebrother" in text and "third author: Joshua Greaves" in text
    assert "fourth author: not printed" in text


def test_a_named_author_not_on_the_paper_is_said_so(catalog):
    text = answer("which two names come after Daniel Weld on the DPR paper?", catalog)
    assert "Daniel S. Weld: not among the 8 names" in text


def rows(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return sorted(p.title for p in run(the_plan, catalog.papers).rows)


SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"


@pytest.mark.parametrize("question", ["Which of the uploaded PDFs footnote that some authors contributed equally?",
                                      "which PDFs state that two authors contributed equally?"])
def test_pdfs_footnoting_equal_contribution(question, catalog, papers):
    """The footnote's mark (Paper.notes), not 'papers with two authors': the count says how many share the mark."""
    assert rows(question, catalog) == sorted([DPR, SPECTER])
    assert sorted([DPR, SPECTER]) == sorted(p.title for p in papers if any(
        "qual contribution" in n.means for n in p.notes))  # what the two PDFs print under their author lines


def test_pdfs_sorted_by_the_page_their_proceedings_start_them_on(catalog):
    # SPECTER 'pages 2270–2282', the literature graph paper 'pages 84–91', Backus '633'
    assert rows("Which PDF starts on the highest page number of its proceedings?", catalog) == [SPECTER]
    assert rows("which of my PDFs begins on the lowest page number?", catalog) == [
        "Construction of the Literature Graph in Semantic Scholar"]


def test_a_sort_said_by_what_it_goes_by(catalog):
    assert rows("newest PDF, going by the printed dates?", catalog) == [
        "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"]


def test_a_named_authors_place_said_as_a_printed_name_or_a_closed_list(catalog, papers):
    """Across papers: 'the third printed name' is the third author as printed; a list 'closed' with X as the final
    author, said twice over (the verb and the place), is X last on a complete list."""
    third = sorted(p.title for p in papers if p.profile_of and p.author_names[2:3] == ["Aaron Courville"])
    assert third and rows("count the profile entries where Aaron Courville is the third printed name", catalog) == third
    last = sorted(p.title for p in papers if p.authors and not p.authors_truncated and p.author_names[-1] == "Martha White")
    assert last and rows("which papers close their (full) author list with Martha White as the final author?",
                         catalog) == last


# Content questions about one named paper with author, place and saying words: retrieval's, not the catalog's.
CONTENT = [
    "what do the authors of SPECTER propose in the middle section?",
    "who does DPR compare against?",
    "what do the TokMem authors say about procedural memory?",
    "which baselines come after BM25 in the DPR results table?",
    "who sits between the retriever and the reader in DPR's pipeline?",
    "where does the SPECTER model come from?",
    "what does the profile say about ReSeg's results?",
    "which two baselines does DPR list after BM25?",
    "what institutions does the SPECTER paper thank in its acknowledgements?",
    "Shape of Thought (the retracted version): who is the first author?",
    "what does the SPECTER paper say the first author found?",
    "who are the two names SPECTER cites after BERT?",
    "what do the LayoutParser authors want the toolkit to do?",
    "where do the DPR authors come from in their discussion of retrieval?",
    "when does Courville say ReSeg was posted?",
    "what do the TokMem authors find when tuning by adjusting the memory?",
    "What does the literature graph paper say about its citation graph?",
    "what page does the DPR paper start its experiments on?",
    "which section starts on the highest page number in SPECTER?",
    "going by the results, which retriever is best in DPR?",
    "which authors contributed equally to the experiments in SPECTER?",
    "which model starts on the highest accuracy in the DPR tables?",
    "what does the mechanistic analysis of looped reasoning language models conclude about loops?",
    "which name is printed second in the mechanistic analysis of looped reasoning language models abstract?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_content_questions_about_one_paper_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None
    assert card_plan(question, catalog) is None
