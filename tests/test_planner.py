"""The catalog planner: metadata questions become exact catalog queries; content questions are left alone.

Unit tests run on the real seed pages parsed (no index); the pipeline tests use the real seeded
library, with an LLM that fails if it is asked, since a catalog answer needs no model.
"""

from __future__ import annotations

import pytest

from rag.catalog import Catalog
from rag.catalog_query import NO_MATCH, run
from rag.conversation import ASK_WHICH
from rag.filters import Filters
from rag.llm.base import LLM
from rag.planner import plan


@pytest.fixture(scope="module")
def papers(seed_papers):
    return seed_papers


@pytest.fixture(scope="module")
def catalog(papers):
    return Catalog.of(papers)


def titles(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return [p.title for p in run(the_plan, catalog.papers).rows]


# Content questions whose words look like metadata: the planner must not take any of them.
PROBES = [
    "latest methods for offline RL",
    "Which paper proposes theoretically sound exploration?",
    "What are the first published results on speculative decoding?",
    "What is the newest idea for speeding up attention?",
    "How does the computer vision pipeline in Nano3D edit 3D scenes?",
    "Which machine learning methods handle non-stationary environments?",
    "What does the 2023 paper on quantile flows propose?",
    "What did deepmind publish on reinforcement learning?",
    "How many conversations does the BEAM benchmark contain?",
    "Who proposed reusing prior computation in reinforcement learning?",
    "What sound generation model runs on a single GPU?",
    "What is DA-AC and which algorithm is it built on?",
    # Shaped like test_planner_phrasings' questions: a verb that points at other work, a topic word, a 'who' or
    # 'how' question about a person, a state the catalog does not hold, what a described paper does.
    "Which papers cite Aaron Courville?",
    "Which papers did Max Schwarzer cite in 2022?",
    "Which papers mention Lili Mou?",
    "What did Dinghuai Zhang find about GFlowNets?",
    "Who did Aaron Courville advise?",
    "How did Nikolay Malkin train the samplers?",
    "Which papers by Aaron Courville were retracted?",
    "When does the quantile flows paper report its results?",
    "What does the long-term memory paper conclude?",
    "Which benchmark does the procedural memory paper evaluate on?",
    "Which papers did Max Schwarzer review?",
    "Who are the authors cited in the quantile flows paper?",
    "When was the dataset in the long-term memory paper collected?",
    "Which PDF parser handles two-column layouts?",
    "What is the identifier format of the tasks in TokMem?",
    "Where does the memory paper store its facts?",
    "Which institutions fund open source AI?",
    "Which baselines did the authors of TokMem compare against?",
    "What did people do before ReSeg for semantic segmentation?",
    # The words of test_planner_fields' questions (badges, scores, et al., months, one PDF's fields) in content questions.
    "Which code generation benchmark does TokMem use?",
    "Is there code for training GFlowNets on graphs?",
    "What score does the reward model give unsafe answers?",
    "Which papers report the highest score on Atari?",
    "How is the equal contribution of each feature measured?",
    "What does et al. mean in a citation?",
    "Which October conference deadline matters for RL papers?",
    "What did researchers try before March this year for speech synthesis?",
    "Which institutions fund open source AI besides governments?",
    "How many pages of appendix does the memory paper have for proofs?",
    "Dense passage retrieval: how does it train its encoders?",
    "Which complete author list conventions do journals use?",
    "Nathan Sturtevant: what heuristics did he learn?",
    "Which papers actually improve sample efficiency?",
    "What do the papers say about their own limitations?",
    "Which university released the largest benchmark?",
    "What range of learning rates does Cactus use?",
    "Which papers display attention maps?",
    "Which papers show code examples in the appendix?",
    "Which papers propose a new scoring rule?",
    "What is the rating scale used in the human evaluation?",
    "How do papers with code compare to those without?",
    "What do the lowest scoring runs have in common?",
    "What went up in accuracy after pruning?",
    "Which methods are included in the workshop benchmark?",
    "What results does the summer 2022 Riemannian paper report?",
    "Which exploration methods are dated June?",
    "How does the second author of SAFT describe fine-tuning?",
    "Why do papers end their author list with a senior researcher?",
    "What does 'attention is all you need' mean?",
    "Which papers say 'X is all you need' in the abstract?",
]


@pytest.mark.parametrize("question", PROBES)
def test_content_questions_are_not_planned(question, catalog):
    assert plan(question, catalog) is None


def test_author_list_is_complete_and_counts_the_profile_owner(catalog, papers):
    schwarzer = [p.title for p in papers if "Max Schwarzer" in p.author_names]
    assert sorted(titles("Give me every paper Max Schwarzer co-authored.", catalog)) == sorted(schwarzer)
    # All 50 profile entries are the owner's, though his name is printed on only some author lines.
    assert len(titles("How many papers has Aaron Courville written?", catalog)) == 50


def test_surname_alone_grounds_a_unique_author(catalog):
    assert len(titles("What did Noukhovitch write?", catalog)) == 3


def test_year_category_and_tags(catalog, papers):
    expected = [p.title for p in papers if p.year == 2022 and p.category == "CL"]
    assert titles("Computation and Language papers from 2022?", catalog) == expected
    assert titles("Which CL papers are from 2022?", catalog) == expected
    assert titles("List the mila papers of 2024.", catalog) == [
        p.title for p in papers if p.organisation == "mila" and p.year == 2024]
    assert len(titles("How many workshop papers are there?", catalog)) == 1


def test_months_days_and_ranges(catalog, papers):
    assert titles("Which papers were posted in May 2023?", catalog) == [
        p.title for p in papers if (p.date or "").startswith("2023-05")]
    assert titles("What was posted on 3 June 2022?", catalog) == [
        "Reincarnating Reinforcement Learning: Reusing Prior Computation to Accelerate Progress"]
    assert titles("Papers between 2015 and 2017?", catalog) == [
        p.title for p in papers if p.year and 2015 <= p.year <= 2017]


def test_sorts_use_printed_dates(catalog):
    assert titles("Which is the oldest paper?", catalog)[0].startswith("ReSeg")
    newest = plan("What is the most recent paper with a full date?", catalog)
    assert newest.op == "last" and run(newest, catalog.papers).rows[0].date == "2025-12-26"


def test_lookup_of_a_named_paper(catalog):
    the_plan = plan("Who wrote TokMem?", catalog)
    assert the_plan.op == "lookup" and the_plan.lookup == "authors" and the_plan.target.title.startswith("TokMem")
    assert plan("When was 'Sparse Universal Transformer' posted?", catalog).lookup == "date"
    assert plan("What does TokMem propose?", catalog) is None  # a named paper, but a content question


def test_affiliation_from_the_legend_and_exact_author_counts(catalog, papers):
    amii = titles("Which papers have an Amii-affiliated author?", catalog)
    assert len(amii) == 13 and all(any(a.affiliation == "Amii" for a in p.authors)
                                   for p in papers if p.title in amii)
    two = titles("Which papers have exactly two authors?", catalog)
    assert two and all(len(p.authors) == 2 and not p.authors_truncated for p in papers if p.title in two)


class NoModel(LLM):
    """A catalog answer must not ask a model: this one fails the test if it is."""

    backend, model, context_window = "none", "none", 4096

    def stream(self, messages, *, max_tokens=256, temperature=0.0, stop=None):
        raise AssertionError("the model was asked")


def test_ask_answers_from_the_catalog_with_line_citations(seeded):
    from rag.answer import Answerer

    answer = Answerer(seeded, NoModel()).ask("How many papers did Bei Jiang co-author?")
    assert answer.outcome == "answer" and answer.backend == "catalog"
    assert answer.answer.startswith("2 papers match")
    assert len(answer.citations) == 2 and all("line" in c.location for c in answer.citations)
    assert answer.applied_filters == ["author: Bei Jiang"]


def test_filters_that_match_nothing_say_so(seeded):
    from rag.answer import Answerer

    filters = Filters(author="Martha White", year="2025-", category="LG")
    answer = Answerer(seeded, NoModel()).ask("What is new in policy optimisation?", filters=filters)
    assert answer.answer.startswith(NO_MATCH) and "Clear them" in answer.answer
    assert "author: Martha White" in answer.applied_filters


def test_these_papers_with_filters_means_the_filtered_set(seeded):
    from rag.answer import Answerer

    answer = Answerer(seeded, NoModel()).ask("What do these papers propose?", filters=Filters(author="Bei Jiang"))
    assert answer.outcome == "answer" and len(answer.citations) == 2


def test_a_pronoun_with_nothing_to_point_to_asks_which_paper(seeded):
    from rag.answer import Answerer

    answer = Answerer(seeded, NoModel()).ask("Who are its authors?")
    assert answer.answer == ASK_WHICH and not answer.citations


def test_search_lists_the_complete_set_and_content_is_not_reranked(seeded):
    hits = seeded.search("Which papers did Max Schwarzer co-author?", k=3)
    assert len(hits) == 8 and all("Max Schwarzer" in h.paper.author_names for h in hits)
    sound = seeded.search("theoretically sound exploration", k=5)
    assert all(h.paper.category != "SD" for h in sound[:1])


def test_yes_no_questions_about_a_named_paper(catalog):
    from rag.catalog_query import headline

    def said(question: str) -> str:
        return headline(run(plan(question, catalog), catalog.papers))

    assert said("Is Nano3D a workshop paper?").startswith("No") and "accepted" in said("Is Nano3D a workshop paper?")
    assert said("Was HoME: a Household Multimodal Environment posted in 2017?").startswith("Yes")
    # A name missing from a list the page cut with 'et al.' is not a 'no'.
    assert said("Did Max Schwarzer co-author V-STaR?").startswith("Not on the printed author list")


def test_two_authors_together(catalog):
    assert titles("What did Yongchang Hao and Lili Mou write together?", catalog) == [
        "Cactus: Accelerating Auto-Regressive Decoding with Constrained Acceptance Speculative Sampling",
        "TokMem: One-Token Procedural Memory for Large Language Models"]


def test_a_follow_up_about_the_cited_paper_is_looked_up_in_the_catalog(seeded):
    from rag.answer import Answerer
    from rag.conversation import Turn

    cited = Turn(question="Which paper stores procedures in one token?", standalone_question="q", answer="a",
                 cited_titles=["TokMem: One-Token Procedural Memory for Large Language Models"])
    answer = Answerer(seeded, NoModel()).ask("Who are its authors?", history=[cited])
    assert answer.backend == "catalog" and "Zijun Wu, Yongchang Hao, Lili Mou" in answer.answer
    assert "(about: TokMem" in answer.standalone_question
