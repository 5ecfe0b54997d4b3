"""Filler words (rag/plan_filler.py): a common word the papers never use does not sink a metadata question; a topic,
however it is placed, still sends the question to retrieval. Real catalog: the seed pages and four PDFs, parsed."""

from __future__ import annotations

import pytest

from test_planner_kinds import catalog, papers  # noqa: F401 (the seed pages and the five PDFs, parsed)
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog
from rag.plan_filler import RULE, Rule, fillers, library_share
from rag.plan_terms import Question
from rag.planner import plan


def dropped(text: str, catalog: Catalog, rule: Rule | None = None) -> list[str]:
    q = Question(text)
    return [q.text[start:end] for start, end in fillers(q, catalog, rule)]


def test_library_share_counts_titles_and_abstracts(catalog):
    share = library_share(catalog)
    assert share["learning"] > 0.5  # most of these papers are about some kind of learning
    assert share.get("basically", 0.0) == 0.0
    assert 0.0 < share["memory"] < 0.2


@pytest.mark.parametrize("with_filler, plain", [
    ("Which papers did Dinghuai Zhang co-author, basically?", "Which papers did Dinghuai Zhang co-author?"),
    ("How many papers did Aaron Courville write in 2023, basically?",
     "How many papers did Aaron Courville write in 2023?"),
])
def test_a_filler_word_leaves_the_plan_as_without_it(catalog, with_filler, plain):
    assert plan(with_filler, catalog) is not None, with_filler
    assert plan(with_filler, catalog).describe() == plan(plain, catalog).describe()
    assert plan(with_filler, catalog).op == plan(plain, catalog).op
    answer = answer_from_catalog(with_filler, with_filler, catalog.papers)
    expected = answer_from_catalog(plain, plain, catalog.papers)
    assert [c.title for c in answer.citations] == [c.title for c in expected.citations] != []


def test_without_the_rule_nothing_is_filler(catalog):
    assert dropped("which papers are there, basically", catalog) == ["basically"]
    assert dropped("which papers are there, basically", catalog, Rule()) == []


@pytest.mark.parametrize("question", [
    "latest methods for quantum annealing",  # 'quantum' after 'for'; 'annealing' rare in English
    "Which papers by Dinghuai Zhang are there, annealing?",  # the library never says it, but English rarely does
    "Which papers by Dinghuai Zhang are there, learning?",  # common English, but the papers' own topic
    "list the 2023 papers on music",  # a topic after 'on'
    "Which 2023 music papers are there?",  # a topic before 'papers'
    "Which 2023 papers have nobody from Mila?",  # a negation flips the question: never dropped
])
def test_topics_and_logic_stay_content(catalog, question):
    assert plan(question, catalog) is None


@pytest.mark.parametrize("word", ["annealing", "learning", "his", "nobody", "second", "longest", "Facebook",
                                  "'basically'", "well-known"])
def test_what_is_never_filler(catalog, word):
    assert dropped(f"which papers are there, {word}", catalog) == [], word


@pytest.mark.parametrize("text", ["which licence is it", "papers about weather", "weather papers",
                                  "which author list conventions are there", "what is the puzzle here about",
                                  "which papers did the lab sponsor", "which papers are there, reviewed",
                                  "how are the papers there, basically", "how many tables are there",
                                  "how much funding is there"])
def test_the_asked_head_and_a_topic_beside_papers_are_never_filler(catalog, text):
    # 'licence', 'weather', 'puzzle', 'sponsor', 'reviewed' are common and no paper here uses them: their place says
    # topic (after 'about', before 'papers'), the thing asked ('which … conventions', 'what is the puzzle'), the
    # predicate ('did the lab sponsor'), a verb about other work ('reviewed') or a 'how' question.
    assert dropped(text, catalog) == [], text


def test_a_common_word_the_library_never_uses_is_filler_where_no_structure_says_topic(catalog):
    # The measured limit of the mechanism: frequency cannot tell 'weather' from 'basically' when nothing in the
    # sentence marks it as a topic. Placed as a topic ('papers about weather', 'weather papers') it stays content.
    assert dropped("which papers are there, weather", catalog) == ["weather"]


def test_more_filler_words_than_allowed_drop_none(catalog):
    assert RULE.most == 1
    assert dropped("which papers are there, basically honestly", catalog) == []
    assert dropped("which papers are there, basically honestly", catalog, Rule(RULE.zipf_min, RULE.df_max, 2)) == \
        ["basically", "honestly"]


def test_a_month_is_read_not_dropped(catalog):
    the_plan = plan("Which papers did Dinghuai Zhang co-author in July?", catalog)
    assert the_plan is not None and "July" in the_plan.describe()


@pytest.mark.parametrize("question", [
    "Who maintains LayoutParser?", "Who would benefit from SPECTER?",
    "Who is the audience of LayoutParser?",
    # An auxiliary or a passive between 'who' and the verb (a review's questions, /tmp/review_card15.md, then this
    # file's own): the verb is still what is asked.
    "Who is hosting SPECTER?", "Who has adopted LayoutParser?", "Who is trusted by SPECTER?",
    "Who has licensed LayoutParser?", "Who is hosting the HoME code?", "Who are hiring for SPECTER?",
    "Who was interviewed for SPECTER?",
])
def test_what_people_do_to_a_paper_is_content_not_its_byline(catalog, question):
    # A who-question's verb and the person it asks for are what is asked: not the authors, whatever the frequencies.
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is None, answer and answer.answer


@pytest.mark.parametrize("question", ["Who funded SPECTER?", "Who is funding SPECTER?",
                                      "Who is acknowledged in SPECTER?"])
def test_who_funds_or_is_thanked_is_read_from_the_acknowledgements_not_the_byline(catalog, question):
    # Funders and people thanked are printed in the PDF's Acknowledgements (rag/plan_citations.py), never its byline.
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and "Acknowledgements" in answer.answer and "NSF" in answer.answer, answer
    assert "Arman Cohan" not in answer.answer  # the first author: not what is asked
