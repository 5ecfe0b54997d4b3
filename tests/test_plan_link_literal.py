"""What a printed value literally is (issue 11): a link's host said NOT of the link itself in a relative clause, asides
that only say what counts as a link, a link printed twice or in leftover markup (rag/plan_link_literal.py), the Code
badge's participle ('Code-badged'), a project link, a score said 'in front', a title's characters read top-down, and a
term's bracket of forms before more terms. Every question here was written for this file and failed before (unplanned,
or planned as another question); content questions with the same words stay with retrieval.

Unit tests over the real seed pages and the four shared PDFs parsed (test_planner_kinds): no index, no model.
"""

from __future__ import annotations

import pytest

from test_planner_fields import rows
from test_planner_kinds import catalog, papers  # noqa: F401 (the seed pages and the PDFs, parsed)
from rag.catalog_links import printed_links
from rag.catalog_query import answer_from_catalog

GRAPH = "Construction of the Literature Graph in Semantic Scholar"
LAYOUT = "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis"
MATCHA = "Chat with the Environment: Interactive Multimodal Perception Using Large Language Models"
URLB = "Mastering the Unsupervised Reinforcement Learning Benchmark from Pixels"
GTR = "Local Guidance, Global Impact: Gaussian-Reshaped Trust Region Unlocks Behavior Transitions"
REINCARNATING = "Reincarnating Reinforcement Learning: Reusing Prior Computation to Accelerate Progress"
COMEDY = "A Comedy of Estimators: On KL Regularization in RL Training of LLMs"


@pytest.mark.parametrize("question", [
    "which pdfs have a url on page 1 which isn't on github.com?",
    "PDFs whose first page gives a link that's not a GitHub link - emails excluded",
    "Which uploaded PDFs show a URL on page one which is not on github.com, ignoring email addresses?",
    "list the PDFs printing a web address on their opening page that is not a github.com one (e-mails don't count)",
    "pdfs w/ a link on the first page which isnt a github link?",
])
def test_a_negation_said_of_the_link_itself_asks_for_another_link(catalog, question):
    # SPECTER and DPR print only a github.com address on page 1: no PDF printing NO github link (the old reading)
    assert rows(question, catalog) == [GRAPH, LAYOUT]


def test_a_negation_of_the_link_keeps_its_old_meaning(catalog):
    assert GRAPH in rows("Which PDFs print no github.com link on their first page?", catalog)


@pytest.mark.parametrize("question, expected", [
    ("Courville page: how many Code-badged entries give a URL in the abstract that is NOT on github.com? "
     "(github.io pages count as not github.com)", [GTR, REINCARNATING]),
    ("on courville's profile, which code-badged entries print a link that isn't on GitHub?", [GTR, REINCARNATING]),
    ("Courville's page: of the Code-badged entries whose abstract gives no link at all, which is the newest?", [COMEDY]),
    ("courville: the newest code-badged entry whose abstract gives no real URL?", [COMEDY]),
    ("There's an entry on Courville's page with a project link in its abstract but no Code badge: which?", [URLB]),
    ("on the Courville profile, an entry links a project url but isn't code-badged. which?", [URLB]),
])
def test_the_code_badge_participle_and_a_project_link_compose(catalog, question, expected):
    assert rows(question, catalog) == expected


def test_no_actual_url_is_no_url(catalog):
    without = rows("Courville's page: which entries have the Code badge but no actual URL anywhere in the abstract?", catalog)
    # 'actual': a whole address, not Elastic Reset's bare 'github.com/mnoukhov/elastic-reset' said in a sentence
    assert COMEDY in without and "Language Model Alignment with Elastic Reset" in without and len(without) == 5
    assert without == rows("Courville's page: which entries have a Code badge but no real link in the blurb?", catalog)
    assert len(rows("Courville's page: which entries have a Code badge but no URL in the abstract?", catalog)) == 4


def test_a_link_printed_twice_or_in_leftover_markup(catalog, papers):
    [matcha] = printed_links(next(p for p in papers if p.title == MATCHA))
    assert (matcha.times, matcha.markup) == (2, True)
    for question in ["which trending entries print the same link twice?",
                     "which papers print a link that is mangled with leftover LaTeX?",
                     "which trending blurb has a url wrapped in a '{blue{...}}' macro?",
                     "trending: which entry has its project page URL show up two times in the abstract?",
                     "trending feed: one blurb's project link is printed twice, mangled with a '{blue{...}}' wrapper. "
                     "Which paper is that?"]:
        assert rows(question, catalog) == [MATCHA], question
    assert rows("how many trending entries give a repeated link?", catalog) == [MATCHA]
    answer = answer_from_catalog(*["trending: the blurb whose project link is printed twice - what number on the "
                                   "list is it?"] * 2, papers)
    assert answer is not None and "48" in answer.answer


@pytest.mark.parametrize("question", [
    "courville's page: the entries with a month/day but no year that DON'T show a score in front",
    "on Courville's profile, which entries without a year have no score printed in front?",
    "courville profile: which entries print a month and day but no year, and no score at the front?",
])
def test_a_score_said_in_front_is_where_it_is_printed(catalog, question):
    assert rows(question, catalog) == ["Stable Deep Reinforcement Learning via Isotropic Gaussian Representations",
                                       "Towards Sustainable Investment Policies Informed by Opponent Shaping"]


@pytest.mark.parametrize("question, expected", [
    ("top-down on the trending page, what's the first title that contains a question mark?",
     "Think or Not? Selective Reasoning via Reinforcement Learning for Vision-Language Models"),
    ("reading the trending page top-down, which is the first title with a colon?",
     "Dichotomy of Control: Separating What You Can Control from What You Cannot"),
    ("top down on courville's list: the first title with a question mark",
     "Why Open Source? A Game-Theoretic Analysis of the AI Race"),
])
def test_a_title_character_read_top_down(catalog, question, expected):
    assert rows(question, catalog) == [expected]


@pytest.mark.parametrize("question, expected", [
    ("trending titles that mention Zero (zero-shot, zero RL...) AND spell out 'Reinforcement Learning'?", 2),
    ("how many trending titles say zero (zero-shot etc) and reinforcement learning?", 2),
    ("trending page: titles with Zero (zero-shot counts) and also 'Reinforcement Learning' written out", 2),
])
def test_a_bracket_of_forms_belongs_to_its_term(catalog, question, expected):
    found = rows(question, catalog)
    assert len(found) == expected and all("Reinforcement Learning" in t and "Zero" in t for t in found)


@pytest.mark.parametrize("question, entry, printed", [
    ("second paper from the top on the trending page - what is it, and does its blurb give any link?",
     "Dichotomy of Control: Separating What You Can Control from What You Cannot", "prints no link"),
    ("the 48th entry on the trending list: title? does it have a link?", MATCHA, "matcha-model.github.io"),
    ("3rd from the top of the trending page. which paper is it, does its abstract print a URL?",
     "ARNOLD: A Benchmark for Language-Grounded Task Learning", "arnold-benchmark.github.io"),
    ("first entry on the trending list — does it give a web address at all?",
     "A Hierarchical Bayesian Model for Deep Few-Shot Meta Learning", "github.com/minyoungkim21/niwmeta"),
])
def test_a_link_asked_of_the_entry_picked_is_no_filter(papers, question, entry, printed):
    # before, the link was a filter: the second entry AMONG those printing a link (ARNOLD), a wrong answer
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and entry in answer.answer and printed in answer.answer, question


@pytest.mark.parametrize("question, printed", [
    ("Pretraining Representations for Data-Efficient RL (the SGI one) — which GitHub org hosts its code, and what date "
     "and category does the Courville page give it?", ["github.com/mila-iqia/SGI", "Jun 9, 2021", "LG"]),
    ("which github account hosts the code of Meta-DT?", ["NJU-RL"]),
    ("Meta-DT: what GitHub org holds its code?", ["NJU-RL"]),
])
def test_the_code_a_place_hosts_is_asked(papers, question, printed):
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and all(p in answer.answer for p in printed), question


POLICY = ["Asymmetric Proximal Policy Optimization: mini-critics boost LLM reasoning",
          "Asynchronous RLHF: Faster and More Efficient Off-Policy RL for Language Models",
          "Learning Nonlinear Causal Reductions to Explain Reinforcement Learning Policies",
          "Towards Sustainable Investment Policies Informed by Opponent Shaping"]


@pytest.mark.parametrize("question, expected", [
    ("Just Amii's page and Courville's page (skip the trending feed): which titles say policy or policies? "
     "Off-Policy counts", POLICY),
    ("on Amii's page and Courville's page, skipping the trending feed, which titles have policy/policies?", POLICY),
    ("skip the pdfs: how many titles mention transformer?", 3),
    ("how many entries on courville's page, skipping the ones with a Code badge?", 32),
])
def test_skip_leaves_a_place_or_a_field_out(catalog, question, expected):
    found = rows(question, catalog)
    assert (found if isinstance(expected, list) else len(found)) == expected


@pytest.mark.parametrize("question", [
    "Which web address do the LayoutParser authors give for their toolkit's documentation?",
    "Why would a paper print its project link twice?",
    "What is printed twice in the Matcha abstract?",
    "which trending paper shows a robot arm twice in its video?",
    "What does the mangled markup in the Matcha blurb say about LaTeX?",
    "Which e-mail addresses do the DPR authors give, not counting the Facebook ones?",
    "what do the zero-shot RL papers find about reinforcement learning (zero RL)?",
    "why does the trending page show a score in front of some entries?",
    "which papers should I skip reading first?",
    "can I skip the related work section of SPECTER?",
    "what does the repo that hosts its code contain for Meta-DT?",
    "which github repo that hosts its code has the most stars for Meta-DT?",
    "which trending papers have a working github link?",
    "Which PDFs print a link on their first page that isn't working anymore?",
])
def test_content_questions_with_the_same_words_stay_unplanned(papers, question):
    assert answer_from_catalog(question, question, papers) is None, question
