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
from rag.catalog_headings import outlines
from rag.catalog_links import printed_links
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan
from rag.records import Paper
from rag.shared.reader_parts import reader_texts
from rag.text import split_sentences

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


# A paper's link asked the ways people ask for code, with the paper named by a nickname, a description or a heading
# and with other fields of it (each failed on b783dd5: no plan, or a Yes for the project page).
@pytest.mark.parametrize("question, shown", [
    ("MyoDex, the dexterous manipulation prior one. project page plz", "https://sites.google.com/view/myodex"),
    ("whats the github repo for Meta-DT", "https://github.com/NJU-RL/Meta-DT"),
    ("ReSeg - the recurrent semantic segmentation model: what code URL is printed?", "https://github.com/fvisin/reseg"),
    ("where did DPR release its code and pretrained models?", "https://github.com/facebookresearch/DPR"),
    ("ReSeg: github?", "https://github.com/fvisin/reseg"),
])
def test_a_link_asked_in_chat_or_after_a_gloss(question, shown, papers):
    text = answer(question, papers)
    assert shown in text and not text.startswith("Yes"), text


def test_a_link_asked_beside_other_fields_of_a_described_paper(papers):
    meta = answer("the paper on offline meta-RL with world model disentanglement: when was it posted, and where did "
                  "they put the code?", papers)
    assert "Meta-DT" in meta and "date: none printed" in meta and "https://github.com/NJU-RL/Meta-DT" in meta
    myodex = answer("for the paper that learns helpful priors for dexterous hands (musculoskeletal control, MyoSuite "
                    "tasks), when was it posted and what project page is given?", papers)
    assert myodex.startswith("Taking") and "MyoDex" in myodex and "https://sites.google.com/view/myodex" in myodex
    reseg = answer("who wrote ReSeg and where is it hosted?", papers)  # before: its authors alone
    assert "Francesco Visin" in reseg and "https://github.com/fvisin/reseg" in reseg


def test_code_released_or_shared_under_an_address_and_code_or_software(catalog):
    assert rows("which trending entry shares its code under NJU-RL/Meta-DT?", catalog) == [
        "Meta-DT: Offline Meta-RL as Conditional Sequence Modeling with World Model Disentanglement"]
    # LayoutParser's first page gives its toolkit's site ('The library is publicly available at …'): software
    assert rows("Which of my PDFs link to their code or software on page one?", catalog) == [
        "Dense Passage Retrieval for Open-Domain Question Answering",
        "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis",
        "SPECTER: Document-level Representation Learning using Citation-informed Transformers"]


@pytest.mark.parametrize("question, op, expected", [
    ("Courville's papers linking to github.io: which one is newer?", "last",
     "Mastering the Unsupervised Reinforcement Learning Benchmark from Pixels"),
    ("of Dinghuai Zhang's papers that link to zdhNarsil repos, which was posted earlier?", "first",
     "Generative Flow Networks for Discrete Probabilistic Modeling"),
])
def test_which_one_is_older_of_the_linked_papers(question, op, expected, catalog):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == op, question
    assert [p.title for p in run(the_plan, catalog.papers).rows] == [expected]


CONTENT = [
    "what does the BBF code do?",
    "is the code of ReSeg efficient?",
    "where does the DPR code download the Wikipedia dump from?",
    "how do I run the Meta-DT code pls",
    "pls explain how SPECTER uses citations",
    "what does the released trained model of DPR retrieve?",
    "whats new in the BBF agent compared to SPR?",
    "ReSeg: what does the github repo contain?",
    "where is the ReSeg model hosted on the GPU?",
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
    # the address itself as the subject of what it holds (the first and last were a paper list on f41fdd3)
    "what does allenai/specter provide",
    "What's inside https://github.com/facebookresearch/DPR?",
    "What does facebookresearch/DPR ship?",
]


@pytest.mark.parametrize("question", CONTENT)
def test_content_questions_naming_code_or_links_stay_with_retrieval(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question, title", [
    ("What paper does facebookresearch/DPR belong to?", "Dense Passage Retrieval"),
    ("Which paper links to github.com/allenai/specter?", "SPECTER"),
])
def test_an_address_asked_of_its_paper_is_still_read(question, title, papers):
    # Guards beside the contents above: which paper an address belongs to is the record's.
    answer = answer_from_catalog(question, question, papers)
    assert answer is not None and len(answer.citations) == 1 and answer.citations[0].title.startswith(title), question


def test_a_shared_library_s_reader_answers_links_as_the_writer_does(papers):
    # The copy a shared library's reader opens is built by reader_texts (no full texts); a PDF's links are in its
    # text blocks, so a copy that dropped them said SPECTER 'prints no code link' and listed it as printing none.
    copy = [Paper.model_validate_json(line) for line in reader_texts(papers, [])["catalog"].splitlines()]
    assert not any(p.body for p in copy)
    for question in ("Where is the code for SPECTER?", "Which PDFs print no link?",
                     "which uploaded pdfs give a github repository?", "what links does the DPR paper print?"):
        own, shared = answer_from_catalog(question, question, papers), answer_from_catalog(question, question, copy)
        assert own is not None and shared is not None and own.answer == shared.answer, question
    assert "github.com/allenai/specter" in answer("where is SPECTER's code?", copy)
    assert "SPECTER" not in answer("Which PDFs print no link?", copy)
    # Headings are read from the blocks' places, which the copy keeps.
    assert outlines(copy).keys() == outlines(papers).keys()


def test_a_shared_reader_copy_keeps_only_the_sentences_that_print_an_address(papers):
    # reader_parts shares 'never the passages' texts': a block printing a URL kept its whole text (DPR's introduction
    # paragraph with its footnote), now only the sentences that hold an address, which printed_links still reads.
    copy = {p.paper_id: p for p in (Paper.model_validate_json(line)
                                    for line in reader_texts(papers, [])["catalog"].splitlines())}
    dropped = 0
    for paper in papers:
        for block, kept in zip(paper.blocks, copy[paper.paper_id].blocks, strict=True):
            sentences = split_sentences(kept.text)
            assert all(printed_in(s) for s in sentences), (paper.title, kept.text)
            dropped += len(block.text) - len(kept.text) if sentences else 0
        assert printed_links(copy[paper.paper_id]) == printed_links(paper), paper.title
    assert dropped > 0 and any(k.text for p in copy.values() for k in p.blocks)


def printed_in(sentence: str) -> bool:
    """Whether one sentence prints a web address, as rag/catalog_links.py reads one: a link is read from it."""
    return bool(printed_links(Paper(paper_id="x", title="x", abstract=sentence)))


# A service the links are said to go to is read, or the question is left alone: never widened to every link
# (each failed on ea427fe: 'link to arXiv' was '41 papers match (links: a link)').
@pytest.mark.parametrize("question", [
    "Do any of the papers link out to arXiv?",
    "which entries point at the arXiv?",
    "How many abstracts give arXiv links?",
])
def test_a_link_to_a_service_no_paper_prints_matches_none(question, catalog):
    assert rows(question, catalog) == []


@pytest.mark.parametrize("question", [
    "list the papers that link to Wikipedia",
    "which abstracts point to a DOI?",
])
def test_a_link_to_a_service_the_reader_does_not_know_is_left_alone(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question", ["Which papers on arXiv link to a GitHub repo?",
                                      "which arXiv preprints point to GitHub repos?"])
def test_arxiv_as_where_a_paper_is_posted_is_no_link(question, catalog):
    # 'on arXiv link to' read 'arXiv link' as a link to arXiv on ea427fe ('links: GitHub or arXiv').
    the_plan = plan(question, catalog)
    assert the_plan is not None and [c.label for c in the_plan.conditions] == ["links: GitHub, code repository"]


def test_a_code_host_s_name_said_of_a_page_covers_its_pages(catalog, papers):
    # 'GitHub' said of a page covers the github.io pages GitHub serves (each failed on ea427fe: no match, or
    # 'a GitHub page' grouped by listing page).
    pages = sorted(p.title for p in papers if any(link.host.endswith("github.io") for link in printed_links(p)))
    assert len(pages) >= 5
    assert set(pages) <= set(rows("Which papers put their project website on GitHub?", catalog))
    assert "Chat with the Environment: Interactive Multimodal Perception Using Large Language Models" in pages
    either = rows("Which papers have a GitHub page?", catalog)
    assert set(pages) <= set(either) and set(rows("Which papers give a github.com repository?", catalog)) <= set(either)
    the_plan = plan("how many entries have a github page?", catalog)
    assert the_plan is not None and the_plan.op == "count" and the_plan.group is None


# What a repository or site has, offers or is like, and a link asked of what is no paper: not a printed record
# (each was answered on ea427fe: a list of repositories, or 'No paper matches links: project page; affiliation').
@pytest.mark.parametrize("question", [
    "Which papers' repositories have the most stars?",
    "what's the most starred github repo?",
    "which trending papers have the github repos with the most stars?",
    "What's the homepage of the University of Washington?",
    "What is the homepage of the Allen Institute for Artificial Intelligence?",
    "what's the website for the Amii institute?",
    # What a released resource is, holds or does, and what a paper uses (guards beside the resource lookups above).
    "what is SCIDOCS?",
    "how many models does SPECTER release?",
    "what data does the Reincarnating RL paper use?",
    "what do the trained agents released with Reincarnating Reinforcement Learning achieve?",
    "what videos does the HILP project show?",
    "what is in the code released for Language Model Alignment with Elastic Reset?",
    "how were the pretrained models of Continuous Coordination trained?",
    "what benchmark does SPECTER introduce?",
    "what does the latent state marginalization paper's code implement?",
    "which non-GitHub tools does the literature graph paper build on?",
])
def test_what_a_link_holds_or_a_link_of_no_paper_stays_with_retrieval(question, papers):
    assert answer_from_catalog(question, question, papers) is None


# A resource the paper releases, asked as where it can be got, is put or is available: the code, or what came out
# with it (trained agents, videos, pre-trained models), is given by the link whose sentence names it; the paper named
# by title, a heading, a nickname before its description, or a description (each failed on ff3c72c: no plan).
@pytest.mark.parametrize("question, shown", [
    ("For Reincarnating Reinforcement Learning, where are the open-sourced code and trained agents?",
     "https://agarwl.github.io/reincarnating_rl"),
    ("where are the code and videos for Foundation Policies with Hilbert Representations?",
     "https://seohong.me/projects/hilp/"),
    ("Foundation Policies with Hilbert Representations: link to the code + videos?", "https://seohong.me/projects/hilp/"),
    ("repository for the elastic reset alignment paper?", "github.com/mnoukhov/elastic-reset"),
    ("Language Model Alignment with Elastic Reset: its abstract names a code repo, which one?",
     "github.com/mnoukhov/elastic-reset"),
    ("Where could I download the code of SPR, the self-predictive representations paper?",
     "https://github.com/mila-iqia/spr"),
    ("url for the latent state marginalization exploration paper?",
     "https://github.com/zdhNarsil/Stochastic-Marginal-Actor-Critic"),
])
def test_where_a_released_resource_is_got(question, shown, papers):
    assert shown in answer(question, papers)


COURVILLE_ELSEWHERE = ["Local Guidance, Global Impact: Gaussian-Reshaped Trust Region Unlocks Behavior Transitions",
                       "Reincarnating Reinforcement Learning: Reusing Prior Computation to Accelerate Progress",
                       "Mastering the Unsupervised Reinforcement Learning Benchmark from Pixels"]


def test_a_link_other_than_the_one_named(catalog, papers):
    # 'links somewhere that isn't X', 'a non-X link': a paper printing some other link (the link's own negation), not
    # one printing none of X (each failed on ff3c72c: no plan, or 'not links: github.com').
    assert sorted(rows("Courville profile entries whose abstract links to something that isn't on github.com",
                       catalog)) == sorted(COURVILLE_ELSEWHERE)
    assert sorted(rows("which Courville papers print a non-github.com link in the abstract?", catalog)) == \
        sorted(COURVILLE_ELSEWHERE)
    assert rows("the oldest Courville entry whose abstract links to a non-github.com site", catalog) == [
        COURVILLE_ELSEWHERE[1]]
    # GitHub said of a page covers its github.io pages: only the trust-region paper links elsewhere.
    assert rows("Courville entries linking to a non-GitHub page", catalog) == [COURVILLE_ELSEWHERE[0]]
    trending = [p for p in papers if any(s.format == "trending" for s in p.sources)]
    other = [p.title for p in trending if any(not (link.host == "github.com" and link.kind == "code")
                                              for link in printed_links(p))]
    assert 0 < len(other) < len([p for p in trending if printed_links(p)])
    assert sorted(rows("how many trending papers give a link which is not a github.com repo?", catalog)) == \
        sorted(other)
    # Said of the paper, the negation stays the paper's: no github.com link at all (a guard; held on ff3c72c).
    none = rows("which Courville papers give no github.com link in the abstract?", catalog)
    assert set(COURVILLE_ELSEWHERE) < set(none) and not any(
        link.host == "github.com" for p in papers if p.title in none for link in printed_links(p) if link.place == "abstract")

