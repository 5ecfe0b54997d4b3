"""Entries picked on a listing page and what is asked of them, in phrasings made up for this file (builder B, round
33): two pages pooled into one scope ('counting both Amii's page and Courville's list', rag/plan_pooled.py) while
'papers on both pages' still asks for each; a section left out by 'skip' ('skipping the workshop paper',
rag/plan_scope.py); the entry's own text asked whether it prints a link ('second from the top — does its blurb give
any link?', rag/plan_place_ranges.py), never read as a filter on the page before the place is counted. Expected
answers are read from the parsed pages here; content questions with the same words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog_links import printed_links
from rag.catalog_query import answer_from_catalog
from rag.planner import plan
from test_planner_kinds import catalog, papers, rows  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures
from test_planner_order import listed

_PAGES = ("Amii", "Courville")


def _with_authors(papers, n: int) -> set[str]:
    """The papers on Amii's page or Courville's page whose printed byline has exactly `n` names (no 'et al.')."""
    return {p.title for page in _PAGES for p in listed(papers, page)
            if len(p.authors) == n and not p.authors_truncated}


@pytest.mark.parametrize("question, n", [
    ("across both the Amii page and Courville's profile, which entries have exactly five authors?", 5),
    ("Counting both Courville's list and Amii's page: which papers have exactly two authors?", 2),
    ("Amii's page and Courville's page both taken together: which entries have exactly three authors", 3),
    ("which papers have exactly 2 authors, pooling both Amii's page and Courville's page?", 2),
    ("over both amii's page and courville's profile, which papers are by exactly 3 people", 3),
    ("Taking both Amii's page and Courville's page (as one list), which papers have six authors?", 6),
])
def test_two_pages_pooled_into_one_scope(question, n, papers, catalog):
    want = _with_authors(papers, n)
    assert want and set(rows(question, catalog)) == want


def test_a_pooled_count_says_the_number(papers):
    question = "Counting both Amii's page and Courville's list: how many papers have a complete byline of exactly two names?"
    got = answer_from_catalog(question, question, papers)
    assert got is not None and got.answer.startswith(f"{len(_with_authors(papers, 2))} papers match")


def test_papers_on_both_pages_still_asks_for_each(catalog):
    the_plan = plan("which papers appear on both Amii's page and Courville's page?", catalog)
    assert the_plan is not None and sum(c.field == "page" for c in the_plan.conditions) == 2


def _not_workshop(p) -> bool:
    return "workshop" not in (p.section or "").casefold()


@pytest.mark.parametrize("question, pick", [
    ("On the Amii page (skipping workshop papers), which is the first with exactly 5 authors?",
     lambda e: [p for p in e if len(p.authors) == 5][:1]),
    ("how many Amii papers have exactly six authors, skip the workshop ones",
     lambda e: [p for p in e if len(p.authors) == 6]),
    ("Amii accepted papers (skip the workshop one) that have exactly 6 authors - which is listed first?",
     lambda e: [p for p in e if len(p.authors) == 6][:1]),
    ("skipping the workshop paper, which Amii paper has the most authors?",
     lambda e: [max(e, key=lambda p: len(p.authors))]),
    ("amii page, skiping the workshop one: the last entry?", lambda e: e[-1:]),
    ("Amii page papers with exactly 3 authors, skip the workshop section: which one is listed last?",
     lambda e: [p for p in e if len(p.authors) == 3][-1:]),
])
def test_a_section_skipped_is_left_out(question, pick, papers, catalog):
    kept = listed(papers, "Amii", _not_workshop)
    assert len(kept) < len(listed(papers, "Amii"))
    assert set(rows(question, catalog)) == {p.title for p in pick(kept)}


@pytest.mark.parametrize("question, page, at", [
    ("second paper from the top on trending - which, and does its blurb give any link?", "trending", 1),
    ("the 5th entry on the trending list: title, and does its abstract give a link?", "trending", 4),
    ("what's third on Courville's page, and does its abstract print any URL?", "Courville", 2),
    ("trending page, 10th paper — does its summary contain a link?", "trending", 9),
    ("On Amii's page, the 1st entry: does it give a link?", "Amii", 0),
    ("the twentieth entry on the trending feed, what is it and does its description include any link", "trending", 19),
])
def test_a_link_asked_of_the_entry_at_a_place_is_not_a_filter(question, page, at, papers, catalog):
    entry = listed(papers, page)[at]
    assert rows(question, catalog) == [entry.title]
    said = answer_from_catalog(question, question, papers).answer
    assert ("prints no link" in said) == (not printed_links(entry)), said


@pytest.mark.parametrize("question", [
    "across both the transformer and the diffusion papers, what attention mechanism do they use?",
    "can I skip the warmup phase in the TokMem training?",
    "which steps does Cactus skip during decoding?",
    "the 3rd paper on the trending page: does its abstract mention transformers?",
    "counting both the encoder and decoder layers, how many parameters does DPR have?",
    "pooling both datasets together, what accuracy does SPECTER reach?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


def _sections(papers, page: str) -> tuple[list, list]:
    """A page's entries before its workshop heading and under it, in printed order."""
    entries = listed(papers, page)
    return [p for p in entries if _not_workshop(p)], [p for p in entries if not _not_workshop(p)]


@pytest.mark.parametrize("question, side, said", [
    ("Amii page: what is listed immediately above the 'Workshop Papers' header? its date?", "above", "no date"),
    ("on the amii page which paper sits just before the workshop heading - and how many authors?", "above", "authors"),
    ("Amii's ICLR 2026 post: the paper right under the heading 'Workshop Papers' — who wrote it?", "under", " is by "),
    ("which entry comes just above the workshop heading on the Amii page? give its first author", "above",
     "first author"),
    ("amii post - the entry directly beneath the Workshop Papers heading: how many authors does it list?", "under", "6"),
    ("On Amii's ICLR page, which paper sits straight before the Workshop Papers heading, and who is its last author?",
     "above", "last author"),
])
def test_a_section_heading_as_the_anchor(question, side, said, papers, catalog):
    accepted, workshop = _sections(papers, "Amii")
    entry = accepted[-1] if side == "above" else workshop[0]
    assert rows(question, catalog) == [entry.title]
    assert said in answer_from_catalog(question, question, papers).answer


def test_a_yes_no_mark_asked_of_the_entry_under_a_heading_is_not_a_filter(papers, catalog):
    question = "On Amii's page, which paper is right after the Accepted Papers heading, and is its first author Amii-affiliated?"
    accepted, _ = _sections(papers, "Amii")
    assert rows(question, catalog) == [accepted[0].title]
    assert f"First author of {accepted[0].title}" in answer_from_catalog(question, question, papers).answer


@pytest.mark.parametrize("question, page, anchor, step", [
    ("what's listed straight above R-MelNet on Courville's page?", "Courville", "R-MelNet", -1),
    ("trending feed — what sits straight below the Dichotomy of Control paper?", "trending", "Dichotomy of Control", 1),
    ("what comes straight after TokMem on Amii's page? is its first author Amii-affiliated?", "Amii", "TokMem", 1),
    ("On Courville's page, what comes straight after Cascaded Video Generation for Videos In-the-Wild?", "Courville",
     "Cascaded Video", 1),
    ("on the trending list what comes straight before 'Dichotomy of Control'?", "trending", "Dichotomy of Control", -1),
    ("which entry is straight after TokMem on the Amii page, and who is its last author?", "Amii", "TokMem", 1),
])
def test_straight_after_is_the_next_entry(question, page, anchor, step, papers, catalog):
    entries = listed(papers, page)
    at = next(i for i, p in enumerate(entries) if p.title.startswith(anchor))
    assert rows(question, catalog) == [entries[at + step].title]


@pytest.mark.parametrize("question", [
    "On the trending page, what's between 'Offline RL with Observation Histories' and the one-hot brain-state paper?",
    "On the trending page, what's between the one-hot GLM brain-state paper and 'Offline RL with Observation Histories'?",
    "trending list: which entries sit between 'Offline RL with Observation Histories' and the one-hot GLM paper?",
])
def test_between_a_title_and_a_paper_described(question, papers, catalog):
    entries = listed(papers, "trending")
    low = next(i for i, p in enumerate(entries) if p.title.startswith("Offline RL with Observation Histories"))
    high = next(i for i, p in enumerate(entries) if p.title.startswith("One-hot Generalized Linear Model"))
    assert set(rows(question, catalog)) == {p.title for p in entries[min(low, high) + 1:max(low, high)]}


@pytest.mark.parametrize("question, said", [
    ("Nitarshan Rajkumar appears on one Courville entry: which, and where is its code?", "github.com/mila-iqia/SGI"),
    ("Pretraining Representations for Data-Efficient Reinforcement Learning — which GitHub org hosts its code?",
     "owner mila-iqia"),
    ("Rishab Goel is on one Courville paper. Which one, where in the byline, and where does the abstract say its code is?",
     "github.com/mila-iqia/spr"),
])
def test_a_link_asked_with_the_entry_is_answered_not_dropped(question, said, papers):
    got = answer_from_catalog(question, question, papers)
    assert got is not None and said in got.answer


def test_the_byline_place_is_answered_with_the_code(papers):
    question = "Rishab Goel is on one Courville paper. Which one, where in the byline, and where does the abstract say its code is?"
    got = answer_from_catalog(question, question, papers).answer
    assert "Rishab Goel: 3rd" in got and "Self-Predictive Representations" in got


@pytest.mark.parametrize("question", [
    "what does the paper right before the workshop heading on Amii's page propose?",
    "what does the paper under the Workshop Papers heading on Amii's page find about compositionality?",
    "what comes straight after pretraining in the SPR training recipe?",
    "where in the byline of SPECTER do they thank the reviewers?",
])
def test_content_questions_about_picked_entries_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question, title, said", [
    ("is 'Contrastive Preference Learning' on the trending list? what number?", "Contrastive Prefence", ["entry 58 "]),
    ("is TokMem on the Amii page? which position?", "TokMem", ["entry 13 "]),
    ("Cactus is on Amii's list, right? what number, and who is its first author?", "Cactus",
     ["entry 12 ", "first author: Yongchang Hao"]),
    ("is the contrastive preference learning paper (learning from human feedback without RL) on the trending list? "
     "what number, and is the title spelled right there?", "Contrastive Prefence", ["entry 58 ", "'Prefence'"]),
    ("TokMem on the Amii page: what number, and is its title spelled correctly?", "TokMem",
     ["entry 13 ", "no word in it reads as misspelt"]),
    ("is the title of Dichotomy of Control spelled right on the trending page?", "Dichotomy of Control",
     ["no word in it reads as misspelt"]),
])
def test_a_place_and_other_fields_of_a_named_entry_answered_together(question, title, said, papers):
    got = answer_from_catalog(question, question, papers)
    assert got is not None and title in got.answer
    assert all(s in got.answer for s in said), got.answer


def test_a_coined_name_is_no_misspelling():
    from rag.catalog_spelling import slips
    assert slips("Contrastive Prefence Learning: Learning from Human Feedback without RL") == [("Prefence", "preference")]
    assert slips("TokMem: One-Token Procedural Memory") == [] and slips("Nano3D and DexGrasp") == []


@pytest.mark.parametrize("question", [
    "how is the word preference spelled in the CPL paper's loss?",
    "what number of layers does the TokMem model use?",
    "which position encoding does the Forgetting Transformer use?",
])
def test_content_questions_about_spelling_and_numbers_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question", [
    "Courville's page has the Forgetting Transformer and its computation-pruning follow-up: how many days apart were they posted?",
    "On Courville's page, how many days after the Forgetting Transformer did its computation pruning sequel come out?",
    "Courville's page lists Forgetting Transformer: Softmax Attention with a Forget Gate and Adaptive Computation Pruning "
    "for the Forgetting Transformer. Which went up later, and how many days after the other?",
])
def test_a_follow_up_named_by_its_relation_and_the_days_between(question, papers):
    got = answer_from_catalog(question, question, papers)
    assert got is not None and got.answer.startswith("37 days between ")
    assert "The later one is Adaptive Computation Pruning for the Forgetting Transformer." in got.answer


def test_a_follow_up_of_a_method_stays_content(papers):
    question = "how many days of training did the Forgetting Transformer's follow-up need?"
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question, pick", [
    ("The ten-author paper in Amii's roundup - who are its first and last authors?",
     lambda papers: [p for p in listed(papers, "Amii") if len(p.authors) == 10]),
    ("the only SD paper on Courville's page — its first and last authors?",
     lambda papers: [p for p in listed(papers, "Courville") if p.category == "SD"]),
    ("which Amii paper is listed first, and who are its first and last authors?", lambda papers: listed(papers, "Amii")[:1]),
    ("Amii page, 3rd entry: first & last authors?", lambda papers: listed(papers, "Amii")[2:3]),
    ("the last paper in Amii's ICLR roundup: who are its first and its last author?",
     lambda papers: listed(papers, "Amii")[-1:]),
])
def test_both_byline_ends_asked_of_a_picked_entry(question, pick, papers, catalog):
    entries = pick(papers)
    assert len(entries) == 1 and rows(question, catalog) == [entries[0].title]
    said = answer_from_catalog(question, question, papers).answer
    assert f"first author of {entries[0].title} is {entries[0].authors[0].name}" in said
    assert f"last author of {entries[0].title} is {entries[0].authors[-1].name}" in said


def test_first_and_last_authors_are_no_date_sort(catalog):
    the_plan = plan("the oldest Courville paper - first and last author?", catalog)
    assert the_plan is not None and the_plan.also == ["first_author", "last_author"]
    assert not any(c.label.startswith("last author") for c in the_plan.conditions)


@pytest.mark.parametrize("question", [
    "in Amii's roundup, what do the first and last authors of TokMem contribute to the method?",
    "what does the ICLR round-up say about the first and last authors' labs' funding?",
])
def test_content_questions_about_byline_ends_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None
