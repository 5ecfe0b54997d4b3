"""People and marks as a PDF prints them, asked of one paper (issue 11): what the mark by one author's name means (a
note such as 'Equal contribution', or the place it stands for), whether an author (named, or found by their place) is
in the group a footnote names, an author's institution when the asker remarks that the name carries no mark, a
neighbour of a named author whose place is said too ('right before X at the end of the list'), a wh-question after a
heading with no question mark ('DPR - who opens the byline'), and an organisation said short ('U of Washington').

Every question was made up for this file (none is from a dataset); each one failed before this change. The content
questions at the end use the same mark, group and person words about what the papers say and must stay with
retrieval: neither the planner nor the record card takes them. Unit tests over the real seed pages and the five
shared PDFs parsed (no index, no model).
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
    """The planner's own answer (not the record card's)."""
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    assert the_plan.lookup != "card", question
    return headline(run(the_plan, catalog.papers))


# (question, words the answer must hold, words it must not)
LOOKUPS = [
    # a mark's meaning, asked of an author found by place or by name
    ("DPR: who is listed third and what does the dagger next to her name mean?",
     ["third author: Sewon Min", "Sewon Min (marks †): University of Washington"], ["Princeton"]),
    ("DPR - who opens the byline, and what is the asterisk after his name for?",
     ["first author: Vladimir Karpukhin", "(∗: Equal contribution)"], []),
    ("TokMem: who's third in line, and what does the star by that name mean?",
     ["third author: Lili Mou", "Lili Mou (marks *): Amii"], []),
    ("SPECTER: what does the dagger by Doug Downey's name stand for?",
     ["Doug Downey (marks †): Allen Institute for Artificial Intelligence"], ["Arman Cohan"]),
    ("what do Daniel Weld's marks on SPECTER mean?", ["Daniel S. Weld (marks † ‡)", "Paul G. Allen School"], []),
    # membership of the group a footnote names: the note with the names that carry its mark
    ("SPECTER: who goes second? is she among the equal contributors?",
     ["second author: Sergey Feldman", "'∗' Equal contribution (Arman Cohan, Sergey Feldman)"], []),
    ("on the DPR paper, is Sewon Min one of the equal-contribution authors?",
     ["Sewon Min (marks †)", "Equal contribution (Vladimir Karpukhin, Barlas Oğuz)"], ["Yes"]),
    # an institution asked with the asker's remark that the name has no mark
    ("Ledell Wu on the DPR paper - what institution? she has no symbol next to her name",
     ["Ledell Wu: Facebook AI"], ["Princeton"]),
    # a neighbour of a named author whose place is said too
    ("Literature Graph in Semantic Scholar: who comes just after Waleed Ammar at the front of the author list?",
     ["after Waleed Ammar: Dirk Groeneveld, 2nd of 23"], ["Yes"]),
    # a wh-question after a heading's dash or semicolon, with no question mark
    ("ReSeg — who is 2nd and when did it go up", ["second author: Marco Ciccone", "2015-11-22"], []),
    ("the DPR paper; who's listed fourth", ["fourth author: Patrick Lewis"], []),
    # an organisation said short
    ("LayoutParser: which authors are at U of Washington, and what e-mail addresses are printed?",
     ["Benjamin Charles Germain Lee", "bcgl@cs.washington.edu"], []),
]


@pytest.mark.parametrize(("question", "said", "unsaid"), LOOKUPS)
def test_people_and_marks_as_printed(question, said, unsaid, catalog):
    text = answer(question, catalog)
    for words in said:
        assert words in text, (question, text)
    for words in unsaid:
        assert words not in text, (question, text)


def test_an_organisation_said_short_selects_the_same_papers(catalog):
    def rows(question):
        return sorted(p.title for p in run(plan(question, catalog), catalog.papers).rows)
    short = rows("which papers have an author at the U. of Washington?")
    assert short and short == rows("which papers have an author at the University of Washington?")


# Content questions with the same mark, group and person words: retrieval's.
CONTENT = [
    "what does the star in DPR's Table 2 mean?",
    "what does the dagger in the SPECTER results table indicate?",
    "what does the asterisk next to the BM25 score mean in DPR?",
    "what does the symbol by the retriever's name mean in DPR?",
    "what email dataset does DPR use?",
    "what does SPECTER's second author work on?",
    "which topics does the DPR paper's last author study?",
    "why is BM25 marked as a baseline in DPR?",
    "Patrick Lewis on the DPR paper: what did he contribute to the retriever?",
    "LayoutParser: what does the U of Washington team contribute to the toolkit?",
    "which DPR baselines contributed equally to the gains?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_content_questions_with_mark_and_person_words_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None
    assert card_plan(question, catalog) is None
