"""A title's text as a condition (contains a word or phrase, in any form, starts or ends with it, spelled out), a
paper's neighbour on its listing page, a paper's day twins, and badge / tag combinations. Every question here was made
up for this file (none is from a dataset); expected rows are read off the parsed titles and pages with plain Python
(`re.split` on the printed title, the sources' positions), not through the planner. The probes are content questions
with the same words, which stay with retrieval.

Unit tests over the real seed pages and the five shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import re

import pytest

from test_planner_kinds import catalog, papers  # noqa: F401 (the seed pages and the five PDFs, parsed)
from rag.catalog import Catalog
from rag.catalog_query import run
from rag.plan_title_text import TitleText, family
from rag.planner import plan


def rows(question: str, catalog: Catalog) -> set[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return {p.title for p in run(the_plan, catalog.papers).rows}


def counted(question: str, catalog: Catalog) -> int:
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "count", question
    return len(run(the_plan, catalog.papers).rows)


def words(title: str) -> list[str]:
    return [w for w in re.split(r"[^\w']+|_", title.casefold()) if w]


def titles_where(papers, test) -> set[str]:
    return {p.title for p in papers if test(words(p.title))}


def test_a_word_anywhere_counts_compounds_and_plurals_only(catalog, papers):
    policy = titles_where(papers, lambda ws: bool({"policy", "policies"} & set(ws)))
    assert any("-policy" in t.casefold() for t in policy) and any("Policies" in t for t in policy)
    assert rows("Which titles include the word 'policy'?", catalog) == policy
    assert rows("papers with policy in their titles", catalog) == policy
    # The word itself, not its relatives: 'reason' is not 'Reasoning'.
    reason = titles_where(papers, lambda ws: bool({"reason", "reasons"} & set(ws)))
    assert reason and rows("list the titles containing the word 'reason'", catalog) == reason
    assert not any("Reasoning" in t for t in reason)


def test_a_word_in_any_form(catalog, papers):
    robot = titles_where(papers, lambda ws: any(w.startswith("robot") for w in ws))
    assert any("Robotic" in t for t in robot) and any("Robot " in t for t in robot)
    assert rows("Which paper titles use 'robot' in any form?", catalog) == robot
    plain = titles_where(papers, lambda ws: bool({"robot", "robots"} & set(ws)))
    assert rows("titles with the word 'robot'", catalog) == plain != robot


def test_starts_and_ends_with(catalog, papers):
    opening = {p.title for p in papers if words(p.title)[:1] == ["on"]}
    assert len(opening) >= 2
    assert rows("Which titles open with the word 'On'?", catalog) == opening
    assert rows("papers whose titles begin with On", catalog) == opening
    closing = {p.title for p in papers if words(p.title)[-1:] == ["learning"]}
    assert len(closing) >= 5
    assert counted("How many titles end with 'Learning'?", catalog) == len(closing)


def test_spelled_out_and_abbreviated_are_different_sets(catalog, papers):
    spelled = {p.title for p in papers if re.search(r"\blarge\W+language\W+models?\b", p.title, re.I)}
    short = {p.title for p in papers if re.search(r"\bLLMs?\b", p.title)}
    assert spelled and short and not spelled & short
    assert rows("Which titles spell out 'large language models' in full?", catalog) == spelled
    assert rows("papers using the acronym LLM or LLMs in the title", catalog) == short


def test_composes_with_pages_counts_sorts_and_negation(catalog, papers):
    def trending(p):
        return any(s.format == "trending" for s in p.sources)

    policy = [p for p in papers if {"policy", "policies"} & set(words(p.title))]
    assert counted("How many trending page titles mention policies?", catalog) == len([p for p in policy if trending(p)])
    dated = [p for p in policy if p.date and p.date_precision == "day"]
    oldest = min(dated, key=lambda p: p.date)
    the_plan = plan("Of the papers whose titles say policy, which came out first?", catalog)
    assert the_plan is not None and the_plan.op == "first"
    assert run(the_plan, catalog.papers).rows[0].title == oldest.title
    profile = {p.title for p in papers if p.profile_of}
    without = profile - {p.title for p in papers if "learning" in words(p.title)}
    assert rows("profile papers whose titles don't contain 'learning'", catalog) == without


def test_terms_joined_by_and_but_not_and_neither(catalog, papers):
    both = titles_where(papers, lambda ws: "offline" in ws and "reinforcement" in ws)
    assert both and rows("Which titles contain both 'offline' and 'reinforcement'?", catalog) == both
    short_only = {p.title for p in papers if re.search(r"\bRL\b", p.title)
                  and not re.search(r"\breinforcement\W+learning\b", p.title, re.I)}
    assert short_only and rows("titles that say RL but not reinforcement learning", catalog) == short_only
    neither = {p.title for p in papers if not re.search(r"\bRL\b|\breinforcement\W+learning\b", p.title, re.I)}
    assert counted("How many titles mention neither RL nor reinforcement learning?", catalog) == len(neither)
    first = {p.title for p in papers if words(p.title)[:1] == ["towards"]}
    assert first and rows("papers whose title's first word is 'Towards'", catalog) == first


def test_a_topic_said_by_title_and_restated_words(catalog, papers):
    phrase = {p.title for p in papers if re.search(r"\bdiffusion\W+models?\b", p.title, re.I)}
    assert phrase
    assert rows("diffusion model papers (going by title)?", catalog) == phrase
    gradient = titles_where(papers, lambda ws: "gradient" in ws)
    assert gradient
    # 'the policy gradient papers' restates the condition the title words give: it adds no topic.
    assert rows("Show the policy gradient papers, i.e. titles that say 'gradient'", catalog) == gradient


def test_title_text_units():
    assert TitleText.of(["agent"])("A Versatile Multi-Agent System") and not TitleText.of(["agent"])("Agentic Flows")
    assert TitleText.of(["a"], "starts")("A Study of X") and not TitleText.of(["a"], "starts")("An Approach")
    assert TitleText.of(["world model"])("Coevolving World Model") and not TitleText.of(["world model"])(
        "World-Action Model Pretraining")
    assert family("efficiency") == family("efficiently") == family("efficient") != family("effective")
    assert family("planning") == family("planner") == family("plans")


@pytest.mark.parametrize("question", [
    "Which paper mentions imitation learning in its abstract?",
    "What does the title of the SPECTER paper refer to?",
    "Which methods talk about planning with world models?",
    "How do policy gradient methods start with a baseline?",
    "papers whose title says photosynthesis",
    "Which titles mention a model that never appears in any title, like Zorblax?",
])
def test_content_questions_and_unprinted_words_stay_with_retrieval(question, catalog):
    assert plan(question, catalog) is None


def _listed(papers, fmt):
    return [p.title for p in sorted((p for p in papers for s in p.sources if s.format == fmt),
                                    key=lambda p: next(s.position for s in p.sources if s.format == fmt))]


def test_a_neighbour_on_the_listing(catalog, papers):
    amii = _listed(papers, "institute")
    tokmem = next(i for i, t in enumerate(amii) if t.startswith("TokMem"))
    assert 0 < tokmem < len(amii) - 1
    assert rows("Which entry comes immediately before TokMem on Amii's page?", catalog) == {amii[tokmem - 1]}
    assert rows("what is listed just below TokMem on the Amii page", catalog) == {amii[tokmem + 1]}
    assert rows("Which papers sit next to TokMem on Amii's page?", catalog) == {amii[tokmem - 1], amii[tokmem + 1]}
    trending = _listed(papers, "trending")
    third = trending[3]
    assert rows(f"On the trending page, which paper sits directly above '{third}'?", catalog) == {trending[2]}
    assert rows("What paper precedes TokMem on Amii's page?", catalog) == {amii[tokmem - 1]}
    assert rows("Which one follows TokMem on the Amii page?", catalog) == {amii[tokmem + 1]}
    assert rows("Which papers are listed above TokMem on Amii's page?", catalog) == set(amii[:tokmem])
    # 'posted after X' stays a date relation, not a place
    assert plan("Which papers were posted after TokMem?", catalog).conditions[0].field == "date"


def test_posted_just_before_or_after_a_named_paper_is_the_nearest_date(catalog, papers):
    def shared(p, anchor):  # dates compared to the precision both print
        n = min(len(p.date), len(anchor.date))
        return p.date[:n], anchor.date[:n]

    dated = [p for p in papers if p.date and not (p.date_precision == "year" and p.date_inferred)]
    middle = sorted((p for p in dated if p.date_precision == "day" and p.date[:4] == "2023"), key=lambda p: p.date)[2]
    earlier = [p for p in dated if shared(p, middle)[0] < shared(p, middle)[1]]
    later = [p for p in dated if shared(p, middle)[0] > shared(p, middle)[1]]
    assert earlier and later
    just_before = {p.title for p in earlier if p.date == max(q.date for q in earlier)}
    just_after = {p.title for p in later if p.date == min(q.date for q in later)}
    assert rows(f"Which paper went up right before {middle.title}?", catalog) == just_before
    assert rows(f"the paper posted immediately after {middle.title}", catalog) == just_after
    assert rows(f"papers posted before {middle.title}", catalog) == {p.title for p in earlier}  # every earlier one


def test_the_head_and_the_end_of_a_section(catalog, papers):
    amii = [(next(s.position for s in p.sources if s.format == "institute"), p) for p in papers
            if any(s.format == "institute" for s in p.sources)]
    accepted = sorted((n, p.title) for n, p in amii if p.section == "accepted")
    workshop = sorted((n, p.title) for n, p in amii if p.section == "workshop")
    assert accepted and workshop
    assert rows("Which entry opens the accepted papers section of Amii's page?", catalog) == {accepted[0][1]}
    assert rows("the final paper of the accepted section on the Amii page", catalog) == {accepted[-1][1]}
    assert rows("What paper is listed first in the workshop section?", catalog) == {workshop[0][1]}


def test_posted_on_the_same_day_as_a_named_paper(catalog, papers):
    by_day: dict[str, list[str]] = {}
    for p in papers:
        if p.date and p.date_precision == "day":
            by_day.setdefault(p.date, []).append(p.title)
    twins = next(ts for ts in by_day.values() if len(ts) == 2)
    named, other = twins
    assert rows(f"{named} went up on the same day as another paper. Which one?", catalog) == {other}


def test_badges_and_tags_combined(catalog, papers):
    profile = [p for p in papers if p.profile_of]
    both = {p.title for p in profile if p.has_code and p.organisation}
    tag_only = {p.title for p in profile if p.organisation and p.has_code is False}
    assert both and tag_only
    assert rows("profile entries that show both an org tag and a Code badge", catalog) == both
    assert rows("profile entries that show a Code badge and a lab tag", catalog) == both
    assert rows("Which profile entries carry a lab/org tag but no Code badge?", catalog) == tag_only
    cl = {p.title for p in papers if p.category == "CL" and p.organisation}
    assert cl and counted("How many Computation-and-Language papers have an organisation tag?", catalog) == len(cl)


def test_an_authors_latest_one(catalog, papers):
    the_plan = plan("Hugo Larochelle's newest one?", catalog)
    assert the_plan is not None and the_plan.op == "last"
    his = [p for p in papers if any(a == "Hugo Larochelle" for a in p.author_names) and p.date]
    assert his and run(the_plan, catalog.papers).rows[0].title == max(his, key=lambda p: p.date).title
