"""Hybrid search over the real seed index."""

import numpy as np
import pytest

from rag.errors import QueryError
from rag.filters import Filters, parse_year_range
from rag.retrieve import rrf


@pytest.mark.parametrize("query, title_start", [
    ("Gaussian kernel reshapes the trust region of PPO", "Local Guidance, Global Impact"),
    ("benchmark for long-term memory of LLMs beyond a million tokens", "Beyond a Million Tokens"),
    ("modern Hopfield network with continuous states", "Hopfield Networks is All You Need"),
    ("differential privacy on Hadamard manifolds", "Exponential-Wrapped Mechanisms"),
    ("silicon dopant transitions in graphene with electron microscopy", "Learning and Controlling Silicon Dopant"),
])
def test_lookup_questions_find_the_paper_first(seeded, query, title_start):
    hits = seeded.search(query, k=5)
    assert hits[0].paper.title.startswith(title_start), [h.paper.title for h in hits]
    assert hits[0].dense_rank is not None and hits[0].sparse_rank is not None


def test_hits_are_grouped_by_paper(seeded):
    hits = seeded.search("reinforcement learning", k=10)
    assert len(hits) == 10
    assert len({h.paper.paper_id for h in hits}) == 10
    assert [h.rank for h in hits] == list(range(1, 11))
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))


def test_people_questions_use_author_metadata(seeded):
    hits = seeded.search("which papers did Dinghuai Zhang co-author?", k=5)
    assert all("Dinghuai Zhang" in h.paper.author_names for h in hits), [h.paper.title for h in hits]


def test_filters_narrow_every_retriever(seeded):
    hits = seeded.search("reinforcement learning", k=10, filters=Filters(author="Martha White"))
    assert hits and all(any("Martha White" in n for n in h.paper.author_names) for h in hits)
    hits = seeded.search("language models", k=10, filters=Filters(year="2023", category="CL"))
    assert hits and all(h.paper.year == 2023 and h.paper.category == "CL" for h in hits)
    hits = seeded.search("learning", k=10, filters=Filters(organisation="deepmind"))
    assert hits and all(h.paper.organisation == "deepmind" for h in hits)
    hits = seeded.search("learning", k=20, filters=Filters(source="002_"))
    assert len(hits) == 20 and all(any("002_" in s.path for s in h.paper.sources) for h in hits)
    hits = seeded.search("learning", k=50, filters=Filters(year="2026"))
    assert hits and all(h.paper.year == 2026 and h.paper.date_inferred for h in hits)


@pytest.mark.parametrize("filters, message", [
    (Filters(category="ZZ"), "unknown category 'ZZ' — known: "),
    (Filters(author="Nobody Atall"), "no paper has an author matching"),
    (Filters(organisation="acme"), "unknown organisation"),
    (Filters(source="nope.txt"), "no source matches"),
    (Filters(year="20x3"), "bad year"),
])
def test_unknown_filters_are_errors(seeded, filters, message):
    with pytest.raises(QueryError, match=message):
        seeded.search("learning", filters=filters)


@pytest.mark.parametrize("query", ["", "   \n\t", "\x00\x01"])
def test_empty_queries_are_errors(seeded, query):
    with pytest.raises(QueryError, match="empty"):
        seeded.search(query)


def test_huge_query_is_an_error(seeded):
    with pytest.raises(QueryError, match="limit is"):
        seeded.search("policy " * 2000)


def test_vectors_outside_the_published_snapshot_are_never_returned(seeded, embedder):
    stray = "stray-vector-from-a-killed-run"
    vector = embedder.embed_query("Gaussian trust region PPO")
    seeded.store.add([stray], vector[None, :], ["stray"], [{"paper_id": "nope"}])
    try:
        hits = seeded.search("Gaussian trust region PPO", k=5)
        assert stray not in {h.chunk.chunk_id for h in hits}
        assert hits[0].paper.title.startswith("Local Guidance")
    finally:
        seeded.store.delete([stray])


def test_rrf_and_year_ranges():
    scores = rrf([["a", "b", "c"], ["c", "a"]], k=60)
    assert max(scores, key=scores.get) == "a"
    assert np.isclose(scores["c"], 1 / 63 + 1 / 61)
    assert parse_year_range("2021-2023") == (2021, 2023)
    assert parse_year_range("2023-") == (2023, 9999)
    assert parse_year_range("-2022") == (0, 2022)
    assert parse_year_range("2024") == (2024, 2024)


def test_chunk_scores_rank_only_the_given_papers_chunks_by_cosine(seeded):
    query = "Gaussian kernel reshapes the trust region of PPO"
    hits = seeded.search(query, k=3)
    papers = [h.paper.paper_id for h in hits]
    scores = seeded.retriever.chunk_scores(query, papers)
    chunks = seeded.retriever.chunks
    assert scores and {chunks[cid].paper_id for cid in scores} <= set(papers)
    assert len(scores) == sum(len(seeded.retriever.chunks_by_paper[p]) for p in papers), "all of a few papers' chunks"
    vector = seeded.embedder.embed_query(query)
    for cid, score in scores.items():
        direct = float(seeded.embedder.embed([chunks[cid].text])[0] @ vector)
        assert abs(direct - score) < 0.02, (cid, direct, score)
    top = max(scores, key=scores.get)
    assert chunks[top].paper_id == hits[0].paper.paper_id


def test_search_is_the_fusion_of_its_public_stages(seeded):
    """The stages the eval baselines run are the ones search fuses: recombining them gives search's order."""
    retriever = seeded.retriever
    query = "memory benchmark for long-context language models"
    lists = retriever.rank(query)
    assert lists.dense == retriever.dense(query) and lists.sparse == retriever.sparse(query)
    assert all(cid in retriever.chunks for cid, _ in lists.dense) and len(lists.sparse) > 10
    fused = retriever.fuse(lists)
    first_chunk = min(fused, key=lambda cid: (-fused[cid], cid))  # search's order: score, then chunk id
    hits = seeded.search(query, k=3)
    assert hits[0].chunk.chunk_id == first_chunk and hits[0].score == pytest.approx(fused[first_chunk])
    allowed = {hits[1].paper.paper_id}
    assert {retriever.chunks[c].paper_id for c in retriever.sparse(query, allowed)} == allowed


def test_the_author_matcher_serves_retriever_catalog_and_answerer():
    from rag.authors import AuthorIndex, by_author
    from rag.catalog import Catalog
    from rag.records import Author, Paper

    def paper(pid, authors, organisation=None, profile_of=None):
        return Paper(paper_id=pid, title=f"Paper {pid}", authors=[Author(name=a) for a in authors],
                     organisation=organisation, profile_of=profile_of)

    papers = [paper("a", ["Martha White", "Adam White"]), paper("b", ["Martha Black"], organisation="Amii"),
              paper("c", ["Rich Sutton"], profile_of="Adam White")]
    names = AuthorIndex(papers)
    assert names.papers_named("papers by Martha White?") == {"a"}  # full names only: not "Adam White"'s
    assert names.papers_named("what does amii publish") == {"b"}
    scores = names.word_scores("work of White")  # "white": 1 paper's authors, weight 1
    assert scores == {"a": 1.0}
    assert names.word_scores("Martha")["a"] == 0.5  # two papers share "martha"
    assert names.printed["adam white"] == "Adam White" and names.surnames["White"] == {"Martha White", "Adam White"}
    assert by_author(papers[2], "adam white") and not by_author(papers[1], "Adam White")
    assert Catalog.of(papers).authors is Catalog.of(papers).names.printed
