"""Several facts of one paper (issue 11), in phrasings made up for this file (none is a dev question's wording): the
name printed right after or before a named author, a description said right before the bracketed title it restates,
a description whose modifiers are joined by '+', and the fields of the one paper a person's name selects on a page
('X is on Y's profile: which paper, when, any code?'). Each expected value is read here from the parsed pages' own
fields, without the planner; a description the paper's text does not hold keeps the question from the catalog.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog_query import answer_from_catalog
from rag.planner import plan
from rag.records import Paper
from test_planner_kinds import catalog, papers  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures


def answer(question: str, papers: list[Paper]) -> str:
    found = answer_from_catalog(question, question, papers)
    assert found is not None, question
    return found.answer


def long_list(papers: list[Paper]) -> Paper:
    """A paper with a complete author list of five names or more, from a PDF (its title is named in full)."""
    return next(p for p in papers if len(p.authors) >= 5 and not p.authors_truncated
                and any(s.format == "pdf" for s in p.sources))


@pytest.mark.parametrize("template,step", [
    ("In {title}, who is named immediately after {name}?", 1),
    ("{title}: which author comes directly before {name} in the byline?", -1),
    ("who precedes {name} on the author list of {title}?", -1),
])
def test_the_name_beside_a_named_author(template, step, papers):
    paper = long_list(papers)
    at = 2
    expected = paper.authors[at + step].name
    text = answer(template.format(title=paper.title, name=paper.authors[at].name), papers)
    assert expected in text and f"{'after' if step > 0 else 'before'} {paper.authors[at].name}" in text


def test_no_one_after_the_last_author(papers):
    paper = long_list(papers)
    last = paper.authors[-1].name
    text = answer(f"Who comes right after {last} in the author list of {paper.title}?", papers)
    assert "no one" in text and "last" in text


def test_a_neighbour_needs_a_named_author(catalog, papers):
    paper = long_list(papers)
    assert plan(f"Who comes right after the colon in {paper.title}?", catalog) is None


def test_a_description_before_the_bracketed_title(catalog, papers):
    comedy = next(p for p in papers if p.title.startswith("A Comedy of Estimators"))
    the_plan = plan("Who is the first author of the KL-regularization estimators paper ('A Comedy of Estimators')?",
                    catalog)
    assert the_plan is not None and the_plan.target is comedy and the_plan.lookup == "first_author"


def test_a_description_the_paper_does_not_hold_is_not_blanked(catalog):
    assert plan("Who is the first author of the quantum chemistry paper ('A Comedy of Estimators')?", catalog) is None


def test_a_description_joined_by_plus(catalog, papers):
    the_plan = plan("fair + private + balanced tabular synthesis paper: when, and what section?", catalog)
    assert the_plan is None or the_plan.target is not None  # a heading: read by the describer, or not at all
    the_plan = plan("When was the fair + private + balanced tabular synthesis paper listed, and in which section?",
                    catalog)
    assert the_plan is not None and the_plan.target is not None
    assert "Tabular Data Synthesis" in the_plan.target.title and {the_plan.lookup, *the_plan.also} >= {"section"}


def test_the_one_paper_a_person_selects(papers):
    # A person printed on exactly one profile entry: which paper, its date and its Code badge, in one answer.
    on_profile = [p for p in papers if p.profile_of]
    counts: dict[str, list[Paper]] = {}
    for p in on_profile:
        for a in p.authors:
            counts.setdefault(a.name, []).append(p)
    name, (paper,) = next((n, ps) for n, ps in sorted(counts.items()) if len(ps) == 1 and ps[0].has_code is not None
                          and " " in n)
    text = answer(f"{name} appears on Courville's profile: in which paper, posted when, and does it have code?",
                  papers)
    assert paper.title in text and "Code badge: " + ("yes" if paper.has_code else "no") in text


def test_a_person_on_several_papers_is_not_one_paper(catalog, papers):
    the_plan = plan("Dinghuai Zhang is on Courville's profile: which paper, and when was it posted?", catalog)
    assert the_plan is None or the_plan.target is None  # not one paper's lookup
