"""A byline as an ordered list (issue 11): any place in it, not only the first five ('the 12th name', 'the twentieth
author', 'an Amii-starred seventh author'); a person in the byline but denied a place ('but NOT as first author',
'without being the lead author', 'a co-author but not first'); a person's place on each of their entries ('and his
position on each'); the names right before and after a person; one person's single entry with a badge asked of it;
the byline's size said of a described paper, which picks it ('the lit graph paper has 23 authors').

Every question was written for this file (none is from a dataset) and none was answered right before this change. The
content questions at the end use the same words (a place, 'not first', 'each', 'work on') about what papers say or
what a person does, and must stay with retrieval. Seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import re

import pytest

from test_planner_fields import text as answer_text  # the catalog's answer, which must be there
from test_planner import catalog  # noqa: F401 (the seed pages and PDFs, parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_mark_kinds import answered_titles
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
WORLD = "Efficient Reinforcement Learning by Guiding World Models with Non-Curated Data"
PRINCIPLED = "Principled Fast and Meta Knowledge Learners for Continual Reinforcement Learning"
SCHWARZER_NOT_FIRST = {"Reincarnating Reinforcement Learning: Reusing Prior Computation to Accelerate Progress",
                       "The Primacy Bias in Deep Reinforcement Learning",
                       "Simplicial Embeddings in Self-Supervised Learning and Downstream Classification",
                       "Deep Reinforcement Learning at the Edge of the Statistical Precipice"}
SPR = "Data-Efficient Reinforcement Learning with Self-Predictive Representations"
HOME = "HoME: a Household Multimodal Environment"
SUSTAINABLE = "Towards Sustainable Investment Policies Informed by Opponent Shaping"


@pytest.mark.parametrize(("question", "name"), [
    ("who is the 12th author of Construction of the Literature Graph in Semantic Scholar?", "12th author: Sebastian Kohlmeier"),
    ("Who is the twentieth name in the author list of the literature graph paper?", "20th author: Chris Wilhelm"),
    ("literature graph paper: who is the 20th name in that long author list?", "20th author: Chris Wilhelm"),
    ("the 23-author lit graph paper: who's 13th?", "13th author: Kyle Lo"),
    ("The lit graph paper has 23 authors. Who is listed eleventh?", "11th author: Rodney Kinney"),
    ("who's the 22nd author on the literature graph paper", "22nd author: Madeleine van Zuylen"),
    ("the 7th author of the dense passage retrieval paper, who is it?", "seventh author: Danqi Chen"),
])
def test_any_place_in_a_long_byline(question: str, name: str, catalog: Catalog) -> None:
    text = answer_text(question, catalog.papers)
    assert name in text, (question, text)


@pytest.mark.parametrize("question", [
    "amii papers whose 7th author is starred",
    "amii list: which entries have an Amii-starred seventh author?",
    "On the Amii page, for which papers is the seventh name Amii-starred?",
])
def test_a_mark_at_a_late_place(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {WORLD, PRINCIPLED}, question


@pytest.mark.parametrize("question", [
    "which Courville-page entries list Max Schwarzer, but not as the first author?",
    "on Courville's page, which papers is Max Schwarzer on without being the lead author?",
    "Courville's page: entries where Max Schwarzer is a coauthor but not first",
    "courville profile - Max Schwarzer in the byline but NOT as 1st author: which ones?",
    "On the profile of Aaron Courville, which entries name Max Schwarzer among the authors, though never as the first "
    "author of the list?",
    "courville page - entries listing max schwarzer but not as first athor",
])
def test_in_the_byline_but_not_at_a_place(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == SCHWARZER_NOT_FIRST, question


def test_not_at_a_place_counted(catalog: Catalog) -> None:
    text = answer_text("how many courville entries have Ankesh Anand in the author list but never as the 2nd name?", catalog.papers)
    assert text.startswith("1 paper"), text


@pytest.mark.parametrize("question", [
    "List the papers Ankesh Anand is on (Courville's page) and his position on each.",
    "Ankesh Anand: papers and his place in each byline",
    "give me Ankesh Anand's papers on courville's page with his position in each author list",
    "show the entries Ankesh Anand is on, and his slot on each",
    "Could you list every entry that Ankesh Anand appears on, together with his position on each of them?",
])
def test_a_persons_place_on_each_entry(question: str, catalog: Catalog) -> None:
    text = answer_text(question, catalog.papers)
    assert f"second of 3+ on {SPR}" in text and f"third of 3+ on {HOME}" in text, (question, text)


@pytest.mark.parametrize("question", [
    "Tianyu Cui: which paper, and who comes right before and after on the byline?",
    "which amii paper is Tianyu Cui on, and whose names are immediately before and after?",
    "Tianyu Cui - paper? neighbours in the author list?",
    "For Tianyu Cui, on the Amii page, which paper is it and which names stand either side of him?",
    "tianyu cui: whcih paper + who is just before and after",
])
def test_the_names_either_side_of_a_person(question: str, catalog: Catalog) -> None:
    text = answer_text(question, catalog.papers)
    assert WORLD in text and "(after Yi Zhao, Aidan Scannell, Wenshuai Zhao, Yuxin Hou) (followed by Le Chen)" in text, \
        (question, text)


@pytest.mark.parametrize("question", [
    "Ayoub Echchahed: which paper, and does it have a Code badge?",
    "Ayoub Echchahed: which Courville-page entry is he on, and does it carry a Code badge?",
    "which Courville-page paper is Ayoub Echchahed on, what date does it show, and is there a Code badge?",
])
def test_one_persons_entry_with_a_badge_asked(question: str, catalog: Catalog) -> None:
    text = answer_text(question, catalog.papers)
    # the entry and its badge, said as the person's card ("— Code badge: no") or as a check ("No: … shows no Code badge")
    assert SUSTAINABLE in text.split(" • ")[0] and re.search(r"Code badge: no|shows no Code badge", text), (question, text)


def test_a_frequency_said_of_a_person_names_no_paper(catalog: Catalog) -> None:
    text = answer_text("Hongyang Zhang shows up once on Courville's page - which paper, what place in the byline, and when?",
                       catalog.papers)
    assert "Building Robust Ensembles via Margin Boosting" in text and "2nd of 3 printed" in text, text


@pytest.mark.parametrize("question", [
    "what does the 12th author of the literature graph paper work on?",
    "what does the second author of the literature graph paper work on?",
    "which papers study author disambiguation but not as the first step?",
    "what did Max Schwarzer propose in papers where he was not first author?",
    "In the literature graph paper, what is the 12th step of the pipeline?",
    "which position does the lit graph paper take on entity linking in each section?",
])
def test_content_questions_stay_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


TOKEN = "Token Hidden Reward: Steering Exploration-Exploitation in Group Relative Deep Reinforcement Learning"
MIDDLE_ONLY = {TOKEN, WORLD}


@pytest.mark.parametrize("question", [
    "amii: the only starred authors are in the middle of the author list",
    "Amii papers where first and last author are both unstarred but someone in the middle is starred",
    "which amii entries have their only Amii-marked names sitting in the middle of the byline?",
    "amii list: papers where the only Amii-starred authors sit in the middle (first and last unstarred)",
    "On the Amii page, list the papers whose only starred people appear in the middle of the byline.",
])
def test_the_marked_people_only_in_the_middle(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == MIDDLE_ONLY, question


def test_the_marked_people_only_in_the_middle_counted(catalog: Catalog) -> None:
    assert answer_text("how many Amii papers have the only starred people in the middle?", catalog.papers).startswith("2 papers")


@pytest.mark.parametrize(("question", "first"), [
    ("among Courville's entries with a complete byline that ends with his own name, which is the newest?",
     "Managing multiple agents by automatically adjusting incentives"),
    ("courville page: the oldest entry with a full author line that finishes with his name",
     "Cascaded Video Generation for Videos In-the-Wild"),
    ("On Aaron Courville's profile, of the entries whose author list is printed complete and closes with his own name, "
     "which was posted most recently?", "Managing multiple agents by automatically adjusting incentives"),
])
def test_a_complete_byline_ending_with_the_owner_sorted(question: str, first: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and answer.citations[0].title == first, (question, answer and answer.answer[:300])


@pytest.mark.parametrize(("question", "head"), [
    ("how many of Courville's entries have a complete byline?", "7 papers"),
    ("how many entries on Courville's profile have a truncated byline?", "43 papers"),
    ("Courville's entries whose byline ends with his own name: how many?", "5 papers"),
])
def test_the_bylines_completeness_and_its_end_counted(question: str, head: str, catalog: Catalog) -> None:
    assert answer_text(question, catalog.papers).startswith(head), question


@pytest.mark.parametrize("question", [
    "courville page: entries where Courville is the third name and there is a Code badge",
    "courville page: entries where there's a Code badge and Courville is 3rd author",
    "Courville's profile - entries with Courville in third place where there is a Code badge?",
])
def test_a_place_composed_with_a_badge_said_with_there_is(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {"Bigger, Better, Faster: Human-level Atari with human-level efficiency",
                                                  "Continuous Coordination As a Realistic Scenario for Lifelong Learning"}


@pytest.mark.parametrize(("question", "head"), [
    ("amii page (workshop paper too): how many papers have exactly three starred authors?", "4 papers"),
    ("amii list (workshop one as well): how many have their last two authors starred?", "6 papers"),
])
def test_a_section_said_too_widens(question: str, head: str, catalog: Catalog) -> None:
    assert answer_text(question, catalog.papers).startswith(head), question


@pytest.mark.parametrize(("question", "first"), [
    ("amii page, going down: the last entry with no starred author at all?",
     "Nano3D: A Training-Free Approach for Efficient 3D Editing Without Masks"),
    ("amii list, going down: first paper with no Amii-starred author?",
     "Learning Nonlinear Causal Reductions to Explain Reinforcement Learning Policies"),
])
def test_going_down_said_before_a_colon(question: str, first: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and answer.citations[0].title == first, question


@pytest.mark.parametrize("question", [
    "amii papers: what do the middle authors contribute when the only starred people sit in the middle?",
    "which papers find that the only stable features sit in the middle of the network?",
    "where is there a code badge explanation in the LayoutParser paper?",
    "what does the complete byline of the literature graph paper say about entity linking?",
])
def test_more_content_questions_stay_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answer_from_catalog(question, question, catalog.papers) is None, question


@pytest.mark.parametrize(("question", "name"), [
    ("who is the third-to-last author of the literature graph paper?", "3rd-to-last author: Zheng Yuan"),
    ("literature graph paper: who is third from the end of the author list?", "3rd-to-last author: Zheng Yuan"),
    ("Construction of the Literature Graph in Semantic Scholar - 4th from last name?", "4th-to-last author: Chris Wilhelm"),
])
def test_a_place_counted_from_the_end(question: str, name: str, catalog: Catalog) -> None:
    text = answer_text(question, catalog.papers)
    assert name in text, (question, text)


@pytest.mark.parametrize(("question", "titles"), [
    ("Courville page: papers where Dinghuai Zhang is first author and Courville is third",
     {"Building Robust Ensembles via Margin Boosting"}),
    ("courville page: which entries have Max Schwarzer 1st and Courville 3rd?",
     {"Bigger, Better, Faster: Human-level Atari with human-level efficiency"}),
    ("courville page: entries where Courville is second to last",
     {"Why Open Source? A Game-Theoretic Analysis of the AI Race",
      "In value-based deep reinforcement learning, a pruned network is a good network"}),
])
def test_each_persons_place_said_after_their_name(question: str, titles: set[str], catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == titles, question


@pytest.mark.parametrize(("question", "said"), [
    ("what is Hongyang Zhang's position on the margin boosting paper?", "Hongyang Zhang: 2nd of 3 printed"),
    ("literature graph paper: what's Kyle Lo's place?", "Kyle Lo: 13th of 23"),
    ("What positions do Max Schwarzer and Rishabh Agarwal hold on the Reincarnating RL paper?", "2. Max Schwarzer"),
])
def test_a_named_persons_place_on_a_described_paper(question: str, said: str, catalog: Catalog) -> None:
    text = answer_text(question, catalog.papers)
    assert said in text, (question, text)
