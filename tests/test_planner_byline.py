"""The legend's mark said of places in a byline, composed (rag/plan_byline.py): a place (one ordinal, the last two,
the middle, everyone after the first), a quantifier (all, some, neither … nor) and marked or not, clauses joined and
elided ('… but the first isn't'). The questions are this file's own, none from a dataset; the bylines are the Amii
page's (seeds/000_…: 'Yangdi Jiang, Xiaotian Chang, Lei Ding, Linglong Kong*, Bei Jiang*' and so on).
"""

from __future__ import annotations

import pytest

from test_planner import catalog  # noqa: F401 (seed pages parsed: no index, no model)
from test_planner_fields import papers  # noqa: F401
from test_planner_mark_kinds import answered_titles
from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog

EXPONENTIAL = "Exponential-Wrapped Mechanisms: Differential Privacy on Hadamard Manifolds Made Practical"
BAYESIAN = "A Bayesian Nonparametric Framework for Private, Fair, and Balanced Tabular Data Synthesis"
PRINCIPLED = "Principled Fast and Meta Knowledge Learners for Continual Reinforcement Learning"
TOKEN = "Token Hidden Reward: Steering Exploration-Exploitation in Group Relative Deep Reinforcement Learning"
WORLD = "Efficient Reinforcement Learning by Guiding World Models with Non-Curated Data"
DISTRIBUTIONS = "Distributions as Actions: A Unified Framework for Diverse Action Spaces"
BEYOND = "Beyond a Million Tokens: Benchmarking and Enhancing Long-Term Memory in LLMs"
TOKMEM = "TokMem: One-Token Procedural Memory for Large Language Models"
REASON = "Learning to Reason Efficiently with Discounted Reinforcement Learning"
ALIGNING = "Aligning Visual Structural Compositionality in Humans & Vision Language Models"
CACTUS = "Cactus: Accelerating Auto-Regressive Decoding with Constrained Acceptance Speculative Sampling"
ASTAR = "Learning Admissible Heuristics for A*: Theory and Practice"
PENULTIMATE = {DISTRIBUTIONS, EXPONENTIAL, BAYESIAN, CACTUS, TOKMEM, ASTAR, REASON}


@pytest.mark.parametrize("question", [
    "amii page - last 2 authors starred, first one not",
    "Amii papers whose final two names both carry the star, but the lead author doesn't",
    "on the amii list, which entries have the last two authors starred and an unstarred first author?",
    "Which Amii ICLR papers, counting only the accepted ones, have both of their final two authors carrying the Amii "
    "asterisk while the lead author does not?",
    "amii: the last two athors are Amii-starred but the first one isn't",
])
def test_the_last_two_marked_and_the_first_not(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {EXPONENTIAL, BAYESIAN}, question


@pytest.mark.parametrize("question", [
    "amii papers where the penultimate author has the star",
    "on the amii page, whose next-to-last name is starred?",
    "Amii entries in which the author one before last is Amii-starred",
    "amii list: second to last athor starred - which?",
    "Amii's ICLR post, workshop paper counted: for which papers is the second-to-last author Amii-starred?",
])
def test_the_second_to_last_place(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == PENULTIMATE, question


def test_the_second_to_last_place_counted(catalog: Catalog) -> None:
    answer = answer_from_catalog("how many Amii papers have a starred second-to-last author?",
                                 "how many Amii papers have a starred second-to-last author?", catalog.papers)
    assert answer is not None and answer.answer.startswith("7 papers"), answer


@pytest.mark.parametrize("question", [
    "amii papers with a starred author somewhere, but neither the first nor the last author starred",
    "amii papers where someone in the middle is starred but neither first nor last author is",
    "On Amii's page, which entries have an Amii-starred middle author while neither the first nor the last name is starred?",
    "amii: at least one author in the middle of the byline is starred, yet neither the first nor the last is",
    "amii papers: starred someone in the middle, first and last authors aren't starred",
])
def test_marked_only_in_the_middle_composed(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {TOKEN, WORLD}, question


@pytest.mark.parametrize("question", [
    "amii papers whose first author is starred and a middle author is starred as well",
    "amii papers: starred lead author AND someone in the middle starred too",
    "which Amii entries have the first author starred plus at least one author in the middle (not first, not last) "
    "carrying the star?",
    "amii post incl. workshop: first name starred & some middle author starred",
    "Amii papers where the first author has the Amii star and a middle author is Amii-starred",
])
def test_first_marked_and_someone_in_the_middle(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {DISTRIBUTIONS, BEYOND, TOKMEM, REASON, ALIGNING}, question


@pytest.mark.parametrize("question", [
    "accepted Amii papers with an unstarred first author even though someone further down the byline is starred",
    "amii accepted papers: first author not starred, but somebody later in the byline is",
    "Which accepted amii papers have a first author without the star while at least one author after the first is "
    "Amii-starred?",
    "in the accepted part of amii's post, papers whose lead author isn't starred but someone further down is starred",
    "amii accepted list - unstarred lead author, starred someone further down",
])
def test_first_unmarked_someone_later_marked(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {TOKEN, WORLD, EXPONENTIAL, BAYESIAN, PRINCIPLED}, question


@pytest.mark.parametrize("question", [
    "first paper going down the amii list whose first author isn't starred but whose last author is",
    "on the amii page, top-most entry where the last author is starred and the first isn't",
    "Amii list, reading from the top: the first paper with a starred last author but an unstarred first author?",
    "amii page: earliest-listed paper whose final author has the star while the lead author doesn't",
    "scanning Amii's ICLR list from the top, which paper first has its last author starred but not its first?",
])
def test_first_listed_with_last_marked_first_not(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {EXPONENTIAL}, question


@pytest.mark.parametrize("question", [
    "which paper on the Amii page has the most Amii-starred authors?",
    "amii entry with the most Amii-starred names",
    "Of the Amii ICLR papers, which one has the largest number of Amii-starred authors?",
])
def test_the_most_marked_authors_is_a_sort_not_a_majority(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {BEYOND}, question


@pytest.mark.parametrize("question", [
    "what does the last author's earlier work propose?",
    "Which papers does the second author cite most, and is the last author starred in them?",
    "what is the middle author's contribution in the TokMem paper?",
    "Is the second-to-last author's method starred on GitHub?",
    "what did the first two authors find about memory, and did the last one disagree?",
])
def test_content_questions_about_people_stay_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) is None, question


PRUNED = "In value-based deep reinforcement learning, a pruned network is a good network"
OPEN_SOURCE = "Why Open Source? A Game-Theoretic Analysis of the AI Race"
BBF = "Bigger, Better, Faster: Human-level Atari with human-level efficiency"
COORDINATION = "Continuous Coordination As a Realistic Scenario for Lifelong Learning"
SPECTER = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
GRAPH = "Construction of the Literature Graph in Semantic Scholar"


@pytest.mark.parametrize("question", [
    "on Courville's profile, what's the bottom-most entry that still prints his name?",
    "Courville page: last entry down the list where his name still appears in the byline",
    "which entry is listed last on Aaron Courville's page among those that still show his name?",
    "courville's profile - final entry where his name even shows up",
    "going down Courville's profile, the last paper whose author line still shows his own name?",
])
def test_the_last_listed_entry_printing_the_owner(question: str, catalog: Catalog) -> None:
    """'still' / 'even' said of the printed name's verb is frame; the entries after PRUNED cut him with 'et al.'."""
    assert answered_titles(question, catalog) == {PRUNED}, question


@pytest.mark.parametrize("question", [
    "Courville's page: entries that print his name but where he is NOT the last author, no lab tag",
    "entries on Courville's profile where his name is visible but he is NOT listed last, and no lab tag",
    "which entries on Courville's own page print his name but don't end with him, and carry no lab tag?",
])
def test_a_name_printed_before_et_al_is_not_last(question: str, catalog: Catalog) -> None:
    """BBF and Continuous Coordination print him third, then 'et al.': not the last, whatever the cut hides."""
    assert answered_titles(question, catalog) == {OPEN_SOURCE, BBF, COORDINATION}, question


@pytest.mark.parametrize("question", [
    "newest entry on Courville's page that prints his name? treat the undated entries as this year",
    "latest paper on Courville's profile that shows his name in the author line; count entries with no year as the "
    "current year",
    "most recent Courville-page entry printing his name? year-less ones count as this year.",
])
def test_the_no_year_gloss_said_in_a_sentence_of_its_own(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) == {OPEN_SOURCE}, question


@pytest.mark.parametrize("question, names", [
    ("the specter pdf: which authors come between Arman Cohan and Doug Downey in the author list?",
     ["Sergey Feldman", "Iz Beltagy"]),
    ("DPR paper: which names sit between Sewon Min and Danqi Chen on the byline?",
     ["Patrick Lewis", "Ledell Wu", "Sergey Edunov"]),
    ("semantic scholar graph paper: which authors stand between Sergey Feldman and Kyle Lo in the author list?",
     ["Vu Ha", "Rodney Kinney", "Sebastian Kohlmeier"]),
])
def test_the_names_between_two_after_a_heading(question: str, names: list[str], catalog: Catalog) -> None:
    """'<paper>: which authors sit between X and Y': the colon stays the description's, 'which authors' no group."""
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and all(n in answer.answer for n in names), question


@pytest.mark.parametrize("question, person, places", [
    ("Iz Beltagy is on two of my PDFs - where does he sit in the author list of each, and is he flagged as equal "
     "contribution on either?", "Iz Beltagy", ["third of 5", "fourth of 23"]),
    ("Doug Downey is an author on two PDFs: where does he come in the byline on each, and is he marked as equal "
     "contribution on both?", "Doug Downey", ["fourth of 5", "sixth of 23"]),
    ("Sergey Feldman appears on two of my PDFs; where does he sit in the byline of each, and is he flagged as equal "
     "contribution on either?", "Sergey Feldman", ["second of 5", "ninth of 23", "Equal contribution"]),
])
def test_one_person_placed_on_each_pdf_with_marks(question: str, person: str, places: list[str],
                                                  catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and {c.title for c in answer.citations} == {SPECTER, GRAPH}, question
    assert all(p in answer.answer for p in places), answer.answer


LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"


@pytest.mark.parametrize("question, titles", [
    ("Which of my PDFs print three or more different institutions for their authors?", {LAYOUT, DPR}),
    ("which PDFs print exactly two institutions?", {SPECTER, GRAPH}),
    ("papers with at least 2 universities among the affiliations", {LAYOUT, DPR}),
    ("my pdfs with 3+ distinct organizations for their authors", {LAYOUT, DPR}),
    ("Which uploaded PDFs, counting each affiliation once, have more than four separate institutions?", {LAYOUT}),
])
def test_pdfs_by_how_many_organisations_they_print(question: str, titles: set[str], catalog: Catalog) -> None:
    """LayoutParser prints five (AI2 and four universities), DPR three, SPECTER and the literature graph two each."""
    assert answered_titles(question, catalog) == titles, question


@pytest.mark.parametrize("question", [
    "which papers evaluate on three or more different universities' datasets?",
    "what do the two institutions in SPECTER contribute to the model?",
])
def test_organisations_in_content_stay_with_retrieval(question: str, catalog: Catalog) -> None:
    assert answered_titles(question, catalog) is None, question


@pytest.mark.parametrize("question, said", [
    ("Who's the final author on Principled Fast and Meta Knowledge Learners, and is he Amii?", "Linglong Kong"),
    ("Who's the last author on TokMem, and is he starred?", "Lili Mou"),
    ("tokmem: first author - is she Amii-starred?", "Zijun Wu"),
])
def test_a_pronoun_for_the_author_in_the_place_asked(question: str, said: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and said in answer.answer and "Amii" in answer.answer, question


def test_a_pronoun_doing_something_stays_content(catalog: Catalog) -> None:
    question = "who is the first author of TokMem and what did he propose?"
    assert answer_from_catalog(question, question, catalog.papers) is None


@pytest.mark.parametrize("question", [
    "LayoutParser: how many of its authors are at a university, as opposed to the Allen Institute?",
    "how many LayoutParser authors are at a university rather than at the Allen Institute?",
    "In LayoutParser, how many authors are at a university instead of the Allen Institute?",
])
def test_an_organisation_set_against_a_kind_says_the_kind_again(question: str, catalog: Catalog) -> None:
    answer = answer_from_catalog(question, question, catalog.papers)
    assert answer is not None and "5 of 6 authors" in answer.answer, question


def test_a_capitalised_contrast_ends_at_its_name(catalog: Catalog) -> None:
    question = "which papers from universities rather than Google show better results?"
    assert answer_from_catalog(question, question, catalog.papers) is None


RMELNET = "R-MelNet: Reduced Mel-Spectral Modeling for Neural TTS"
VERSATILE = "Versatile Energy-Based Probabilistic Models for High Energy Physics"


@pytest.mark.parametrize("question, titles", [
    ("What did Kyle Kastner publish with Courville on the profile, and is that the whole author list or is it cut "
     "with et al.?", {RMELNET}),
    ("which papers did Taoli Cheng write with Courville, and is the author list complete or cut with et al.?",
     {VERSATILE}),
    ("Kastner's papers with Courville - is the list the full one or truncated with et al.?", {RMELNET}),
    ("papers by Taoli Cheng or Kyle Kastner", {RMELNET, VERSATILE}),
    ("either Kyle Kastner or Taoli Cheng: which papers?", {RMELNET, VERSATILE}),
])
def test_or_joins_the_people_it_stands_between(question: str, titles: set[str], catalog: Catalog) -> None:
    """'is that the full list or is it cut off with et al.?' asks what every row prints; its 'or' joins no names."""
    assert answered_titles(question, catalog) == titles, question
