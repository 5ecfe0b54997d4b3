"""Links the papers print are catalog data (issue 11): the addresses abstracts and PDFs give (rag/catalog_links.py),
asked by host, owner, address or kind, composed with the other conditions and negated (rag/plan_links.py), a named
paper's code or project page looked up, each answer row quoting where its page prints the link. Every question here
was made up for this file; each failed before the links were read (the planner took none of the filters, or answered
the lookups from the Code badge alone). Content questions that name code, repositories or links topically stay with
retrieval.

Unit tests over the real seed pages and the four shared PDFs parsed (test_planner_kinds): no index, no model.
"""

from __future__ import annotations

import pytest

from test_planner_fields import rows, text as answer, titles
from test_planner_kinds import catalog, papers  # noqa: F401 (the seed pages and the PDFs, parsed)
from rag.catalog_links import printed_links
from rag.catalog_query import answer_from_catalog
from rag.records import Paper

GOOGLE_SITES = ["INFOrmation Prioritization through EmPOWERment in Visual Model-Based RL",
                "MoDem-V2: Visuo-Motor World Models for Real-World Robot Manipulation",
                "MyoDex: A Generalizable Prior for Dexterous Manipulation",
                "ViDA: Homeostatic Visual Domain Adapter for Continual Test Time Adaptation"]


def test_the_links_an_abstract_or_a_pdf_prints(papers):
    by_title = {p.title: p for p in papers}
    [site] = printed_links(by_title[GOOGLE_SITES[2]])
    assert (site.host, site.service, site.kind, site.place) == ("sites.google.com", "Google Sites", "project", "abstract")
    meta = printed_links(next(p for t, p in by_title.items() if t.startswith("Meta-DT")))[0]
    assert (meta.url, meta.owner, meta.repo, meta.kind) == ("https://github.com/NJU-RL/Meta-DT", "NJU-RL", "Meta-DT",
                                                           "code")  # the sentence's full stop is not the address's
    graph = {link.url for link in printed_links(by_title["Construction of the Literature Graph in Semantic Scholar"])}
    # A PDF's line breaks split addresses ('https://github.com/allenai/ openie-standalone'); joined again.
    assert "https://github.com/allenai/openie-standalone" in graph and "http://allenai.org/software/" in graph
    assert not any(" " in url for url in graph)
    matcha = printed_links(next(p for t, p in by_title.items() if t.startswith("Chat with the Environment")))
    assert [link.url for link in matcha] == ["https://matcha-model.github.io"]  # a LaTeX colour macro left in: once


def test_an_entry_copying_another_s_abstract_prints_no_link_of_its_own(papers):
    original = next(p for p in papers if printed_links(p) and p.abstract)
    copy = Paper(paper_id="copy", title="A copy", abstract=original.abstract, abstract_duplicate_of=original.paper_id)
    assert printed_links(copy) == ()


def test_papers_by_the_host_the_owner_or_an_address(catalog, papers):
    assert rows("List the trending papers that point to a Google Sites page.", catalog) == GOOGLE_SITES
    github = rows("How many papers on the trending list give a github.com repository?", catalog)
    assert len(github) == 11 and "Hopfield Networks is All You Need" in github
    assert rows("Which papers link to repositories owned by zdhNarsil?", catalog) == [
        "Generative Flow Networks for Discrete Probabilistic Modeling",
        "Latent State Marginalization as a Low-cost Approach for Improving Exploration",
        "Let the Flows Tell: Solving Graph Combinatorial Optimization Problems with GFlowNets"]
    # An address names a repository, not the paper whose title its words spell ('Forgetting Transformer').
    assert rows("which paper links to zhixuan-lin/forgetting-transformer?", catalog) == [
        "Adaptive Computation Pruning for the Forgetting Transformer",
        "Forgetting Transformer: Softmax Attention with a Forget Gate"]
    assert rows("Which entries on Courville's profile link to a github.io page?", catalog) == [
        "Mastering the Unsupervised Reinforcement Learning Benchmark from Pixels",
        "Reincarnating Reinforcement Learning: Reusing Prior Computation to Accelerate Progress"]
    # A footnote on p. 5 or p. 7 of a PDF counts: the Literature Graph paper points to allenai's repositories there.
    assert rows("Which of the uploaded PDFs point to an allenai repo on GitHub?", catalog) == [
        "Construction of the Literature Graph in Semantic Scholar",
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"]
    assert rows("Which paper's repo is under the ml-jku account?", catalog) == ["Hopfield Networks is All You Need"]


def test_links_by_kind_compose_with_badges_sorts_and_negation(catalog, papers):
    project = rows("Which trending entries give a project page?", catalog)
    assert set(GOOGLE_SITES) < set(project) and len(project) == 10  # Google Sites, github.io and own sites
    # The Code badge and the abstract's link are two fields: a link without the badge, the badge without a link.
    assert rows("Courville profile entries without a Code badge but with a link in the abstract", catalog) == [
        "Mastering the Unsupervised Reinforcement Learning Benchmark from Pixels"]
    badge_only = rows("Which Courville papers have a Code badge but give no link in the abstract?", catalog)
    assert badge_only and all(p.has_code and not printed_links(p) for p in papers if p.title in badge_only)
    unlinked = rows("How many trending papers print no link at all?", catalog)
    trending = titles(papers, lambda p: any(s.format == "trending" for s in p.sources))
    assert len(unlinked) == len(trending) - 21 and not set(unlinked) & set(GOOGLE_SITES)
    assert rows("the oldest paper with a github.com link", catalog) == [
        "ReSeg: A Recurrent Neural Network-based Model for Semantic Segmentation"]


def test_each_row_quotes_where_its_page_prints_the_link(papers):
    text = answer("Which trending paper gives a repo under github.com/NJU-RL?", papers)
    assert text.startswith("1 paper matches") and "Meta-DT" in text
    assert "entry at line 211, abstract: 'Our code is available at https://github.com/NJU-RL/Meta-DT.'" in text


def test_a_named_paper_s_code_or_project_page(papers):
    # The profile prints no Code badge for it, but its abstract gives a project website: both said.
    mastering = answer("Where can I find the code for Mastering the Unsupervised Reinforcement Learning Benchmark "
                       "from Pixels?", papers)
    assert "prints no code link" in mastering and "https://masteringurlb.github.io/" in mastering and \
        "no Code badge" in mastering
    meta = answer("What GitHub repo does Meta-DT link to?", papers)
    assert meta.startswith("Meta-DT") and "https://github.com/NJU-RL/Meta-DT" in meta
    assert "https://sites.google.com/view/myodex" in answer("What project page does MyoDex give?", papers)
    assert answer("Does ViDA give a project page?", papers).startswith("Yes")
    assert answer("Does ReSeg give a project page?", papers).startswith("No")
    # The Code badge says nothing of a trending entry; its abstract's repository is said beside it.
    assert "https://github.com/NJU-RL/Meta-DT" in answer("Is there code for Meta-DT?", papers)
    # The link asked with other fields of the paper: each field answered, the link among them.
    reseg = answer("ReSeg: when was it posted and what repo does it link?", papers)
    assert "November 22, 2015" in reseg and "https://github.com/fvisin/reseg" in reseg
    vida = answer("Which category is ViDA in, and what project page does it give?", papers)
    assert "category: none printed" in vida and "sites.google.com/view/iclr2024-vida" in vida
    # SPECTER's own repository is on its first page; the UKPLab address in its appendix is another's tool.
    specter = answer("where's the code for SPECTER hosted?", papers)
    assert "github.com/allenai/specter" in specter and "UKPLab" not in specter


CONTENT = [
    "what does the released code of ReSeg include?",
    "What's in the SPECTER repository?",
    "What does the MyoDex website show?",
    "how is the link prediction task set up?",
    "What is the link between exploration and representation learning?",
    "Which papers use GitHub Copilot?",
    "How many GitHub stars did LayoutParser have at publication?",
    "Which papers mention Hugging Face?",
    "Do any abstracts talk about GitHub?",
    "which papers study web agents that browse websites?",
    "How do the authors of DPR make their repository easy to use?",
    "Which entity linking models does the literature graph paper compare?",
    "What license does the Meta-DT code use?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_content_questions_naming_code_or_links_stay_with_retrieval(question, papers):
    assert answer_from_catalog(question, question, papers) is None
