"""A paper's coined name said before 'paper' at the question's head, its title in brackets after it (issue 11,
rag/plan_named.aside): 'GAFlowNets paper (Generative Augmented Flow Networks) on courville's list: who's second?'.
The name restates which paper the title names, as 'the KL-estimator paper (A Comedy of Estimators)' does after an
article, and is blanked when the paper's own title and abstract hold it; a name they do not hold stays a residual word.

Every question was made up for this file (none is from a dataset); each was unanswered (or answered one field short)
before this change. The content questions name the paper the same way and must stay with retrieval. Real seed pages.
"""

from __future__ import annotations

import pytest

from test_planner import catalog, papers  # noqa: F401 (the seed pages, parsed)
from rag.catalog_query import answer_from_catalog

SMAC = "Latent State Marginalization as a Low-cost Approach for Improving Exploration"
GAFN = "Generative Augmented Flow Networks"
FOX = "Forgetting Transformer: Softmax Attention with a Forget Gate"

NAMED = [
    (f"SMAC paper ({SMAC}) on Courville's page: who's 3rd, and does it show a Code badge?", SMAC,
     ["third author: Yoshua Bengio", "Code badge: yes"]),
    (f"GAFlowNets paper ({GAFN}) on the Courville list - date and second author?", GAFN,
     ["October 7, 2022", "second author: Dinghuai Zhang"]),
    (f'gaflownets paper ("{GAFN}") in courvilles list: whos the first name and is it in LG?', GAFN,
     ["first author: Ling Pan", "LG (Machine Learning)? yes"]),
    (f"FoX paper ({FOX}), courville listing: is there a code badge, and what tag?", FOX,
     ["Code badge: yes", "organisation: mila"]),
]


@pytest.mark.parametrize("question,paper,words", NAMED)
def test_a_coined_name_before_the_bracketed_title_restates_the_paper(question, paper, words, papers):
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None, question
    assert answer.citations[0].title == paper
    for word in words:
        assert word in answer.answer, (word, answer.answer[:300])


@pytest.mark.parametrize("question", [
    f"GAFlowNets paper ({GAFN}) on courville's list: what does it improve over?",
    f"FoX paper ({FOX}): how does the forget gate work?",
    f"SMAC paper ({SMAC}) - which tasks does it test on?",
])
def test_the_same_name_on_a_content_question_stays_with_retrieval(question, papers, embedder):
    assert answer_from_catalog(question, question, papers, embedder=embedder) is None
