"""A page's structure, order and marks said in ways earlier readers missed (issue 11), in phrasings made up for this file
(none is a dev question's wording):
- the legend's mark quantified over a whole author list with the mark as an object: 'a star on every single author',
  'nobody carries the asterisk', 'none of the names bears the mark', 'some author carrying the star'
  (rag/plan_mark_quantifiers.py);
- 'counting X' widens a set as 'including X' does, 'not counting X' leaves X out (rag/plan_scope.py); the institute's
  page called a 'post' or a 'roundup' (rag/plan_values.py);
- a section's end said with a phrasal verb: 'closes out', 'rounds out', 'wraps up', 'kicks off' (rag/plan_listing.py);
- '(going down)' said as an aside, a page named two ways with a slash ('the daily/trending page', rag/plan_order.py);
- the entry just above / below a paper described as 'the X one' when the page's name comes first ('amii page: …',
  rag/plan_place.py);
- code promised for later versus already out, by the tense of the abstract's code sentence (rag/plan_code_promise.py).
Each expected answer is read from the parsed pages here, without the planner; content questions with the same trigger
words stay unplanned.

Unit tests over the real seed pages and the shared PDFs parsed (no index, no model).
"""

from __future__ import annotations

import pytest

from rag.catalog import Catalog
from rag.catalog_query import answer_from_catalog, run
from rag.planner import plan
from rag.records import Paper
from test_planner_kinds import catalog, papers  # noqa: F401 — the same parsed seed pages and PDFs, as fixtures


def on_page(papers: list[Paper], page: str) -> list[Paper]:
    """One page's papers in its printed order."""
    entries = [(s.position, p) for p in papers for s in p.sources if page in (s.page_name or "")]
    return [p for _, p in sorted(entries, key=lambda e: e[0])]


def answered(question: str, catalog: Catalog) -> list[str]:
    the_plan = plan(question, catalog)
    assert the_plan is not None, question
    return sorted(p.title for p in run(the_plan, catalog.papers).rows)


def amii(papers: list[Paper]) -> list[Paper]:
    return on_page(papers, "Amii")


def _marked(p: Paper) -> int:
    return sum(a.affiliation == "Amii" for a in p.authors)


@pytest.mark.parametrize("question", [
    "Which Amii page entries put an Amii star on every single author?",
    "On the Amii page, which papers have every author carrying the asterisk?",
    "List the Amii papers where all of the names bear the Amii mark.",
    "amii entries where each co-author has the star",
    "Amii entries whose authors all carry the star?",
])
def test_the_mark_on_every_author(question, catalog, papers):
    expected = sorted(p.title for p in amii(papers) if p.authors and not p.authors_truncated
                      and _marked(p) == len(p.authors))
    assert len(expected) == 4  # four fully starred lists on the page
    assert answered(question, catalog) == expected


@pytest.mark.parametrize("question, authors", [
    ("which papers have every author starred?", None),  # was every paper: the participle was read as nothing
    ("Amii entries with all of their names asterisked", None),
    ("which papers have every author starred and three authors?", 3),
    ("which two-author papers have each author Amii-starred?", 2),
])
def test_the_mark_as_a_participle_after_every_author(question, authors, catalog, papers):
    expected = sorted(p.title for p in amii(papers) if p.authors and not p.authors_truncated
                      and _marked(p) == len(p.authors) and authors in (None, len(p.authors)))
    assert expected and answered(question, catalog) == expected


@pytest.mark.parametrize("question", [
    "how many papers carry the asterisk?",  # was every paper of the library: its words are all frame words
    "which entries have the star?",
    "papers that bear the Amii asterisk, please",
])
def test_the_mark_said_of_the_paper_is_on_some_author(question, catalog, papers):
    assert answered(question, catalog) == sorted(p.title for p in amii(papers) if _marked(p) > 0)


@pytest.mark.parametrize("question", [
    "which papers have the asterisk in their abstract?",
    "which papers carry the star next to an equation?",
])
def test_the_mark_said_of_something_else_stays_unread(question, papers):
    assert answer_from_catalog(question, question, papers) is None, question


@pytest.mark.parametrize("question", [
    "Which Amii entries have nobody carrying the Amii asterisk?",
    "List the papers in Amii's roundup where none of the authors has the Amii star.",
    "Amii page: which ones have no star on any author?",
    "Are there Amii papers where no one bears the asterisk?",
    "Amii papers whose names all lack the asterisk",
])
def test_the_mark_on_no_author(question, catalog, papers):
    expected = sorted(p.title for p in amii(papers) if p.authors and not p.authors_truncated and _marked(p) == 0)
    assert len(expected) == 3
    assert answered(question, catalog) == expected


def test_the_mark_on_some_author(catalog, papers):
    expected = sorted(p.title for p in amii(papers) if _marked(p) > 0)
    assert answered("On the Amii page, which papers have some author carrying the asterisk?", catalog) == expected


@pytest.mark.parametrize("question", [
    "How many entries does the Amii ICLR post list, counting the workshop one?",
    "counting the workshop paper too, how many papers are in Amii's roundup?",
    "how many papers are on Amii's page counting workshop ones",
    "how many Amii papers are listed, incl. the workshop one?",
])
def test_counting_widens_the_set(question, catalog, papers):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "count"
    assert len(run(the_plan, catalog.papers).rows) == len(amii(papers)) == 16


@pytest.mark.parametrize("question", [
    "how many papers on the Amii page, not counting the workshop one?",
    "how many Amii page papers are there without counting the workshop paper?",
])
def test_not_counting_leaves_out(question, catalog, papers):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "count"
    assert len(run(the_plan, catalog.papers).rows) == sum(p.section != "workshop" for p in amii(papers)) == 15


@pytest.mark.parametrize("question, section, index", [
    ("Amii page: which entry closes out its main accepted section?", "accepted", -1),
    ("which entry rounds out the workshop section on the Amii page?", "workshop", -1),
    ("which paper wraps up the accepted section of the Amii page?", "accepted", -1),
    ("what kicks off the accepted section on the Amii page?", "accepted", 0),
])
def test_a_section_s_end_said_with_a_phrasal_verb(question, section, index, catalog, papers):
    expected = [p for p in amii(papers) if p.section == section][index]
    assert answered(question, catalog) == [expected.title]


def trending(papers: list[Paper]) -> list[Paper]:
    """The trending page's papers in its printed order."""
    return [p for _, p in sorted((s.position, p) for p in papers for s in p.sources if s.format == "trending")]


@pytest.mark.parametrize("question, n", [
    ("what's the fourth paper down on the daily/trending papers page?", 4),
    ("what's the second paper down on the hot / trending list?", 2),
    ("the 6th item down the hot/trending page?", 6),
])
def test_a_page_named_two_ways_with_a_slash(question, n, catalog, papers):
    assert answered(question, catalog) == [trending(papers)[n - 1].title]


def test_going_down_said_as_an_aside(catalog, papers):
    first_github = next(p for p in trending(papers) if "github.com/" in p.abstract)
    assert answered("on the trending list (reading down), which is the first paper whose abstract links a github.com "
                    "repo?", catalog) == [first_github.title]
    assert answered("trending page, top to bottom: the first entry whose abstract links a github.com repo?",
                    catalog) == [first_github.title]
    last_github = [p for p in trending(papers) if "github.com/" in p.abstract][-1]
    assert answered("trending list (bottom to top): which is the first paper whose abstract links a github.com repo?",
                    catalog) == [last_github.title]


@pytest.mark.parametrize("question, page, said, step", [
    ("amii iclr page: which paper is listed just above the exponential-wrapped differential privacy one?", "Amii",
     "Differential Privacy", -1),
    ("amii page: what comes right after the differential privacy one?", "Amii", "Differential Privacy", 1),
    ("trending page: which paper is printed just before the dropout dream land one?", "trending", "Dream Land", -1),
    ("on the trending page, what sits right below the dropout dream land one?", "trending", "Dream Land", 1),
])
def test_the_entry_beside_a_described_one_after_the_page_s_name(question, page, said, step, catalog, papers):
    ordered = amii(papers) if page == "Amii" else trending(papers)
    anchor = next(i for i, p in enumerate(ordered) if said in p.title)
    assert answered(question, catalog) == [ordered[anchor + step].title]


@pytest.mark.parametrize("question", [
    "Does every author of TokMem carry out experiments on language models?",
    "What does nobody in the differential privacy paper prove about the mechanism?",
    "How does the method handle counting the objects in a scene?",
    "Which objects does the Nano3D method count, including the background?",
    "What closes out the training loop in Cactus?",
    "going down the layers of the network, what changes in TokMem?",
    "What is the daily/trending behaviour of the reward model in the RLHF paper?",
    "which paper is above the threshold for differential privacy?",
    "How does the hierarchy pass messages from top to bottom in the Hopfield paper?",
    "What sits right below the attention layer in the forgetting transformer?",
])
def test_content_questions_with_the_same_words_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


def _future_code(papers: list[Paper]) -> list[str]:
    """The trending papers whose abstract's code sentence is in the future tense, read here by its own words."""
    promise = ("will be available", "will release", "will be released", "will be made")
    return sorted(p.title for p in trending(papers)
                  if any(w in p.abstract.casefold() for w in promise) and "github" in p.abstract.casefold())


@pytest.mark.parametrize("question", [
    "which trending papers say their code will be released later?",
    "on the trending list, whose code isn't out yet?",
    "which trending entries promise to release code rather than releasing it?",
    "on the trending page which abstracts promise code later?",
    "how many trending papers have code coming soon?",
])
def test_code_promised_for_later(question, catalog, papers):
    expected = _future_code(papers)
    assert len(expected) == 2
    assert answered(question, catalog) == expected


def test_code_already_out_leaves_the_promises_out(catalog, papers):
    out = answered("trending papers whose code is already available?", catalog)
    assert out and not set(out) & set(_future_code(papers))
    assert "Dropout's Dream Land: Generalization from Learned Simulators to Reality" not in out  # no code sentence


@pytest.mark.parametrize("question", [
    "which papers say the code is already available?",
    "papers whose implementation is already public?",
    "which abstracts state that their code is already out?",
])
def test_code_already_out_needs_a_release_not_a_word_of_providing(question, catalog):
    # 'do not provide correct gradients … the objective and its implementation' names no release of any code
    out = answered(question, catalog)
    assert "Bigger, Better, Faster: Human-level Atari with human-level efficiency" in out  # 'publicly available at …'
    assert "A Comedy of Estimators: On KL Regularization in RL Training of LLMs" not in out


@pytest.mark.parametrize("question", [
    "Which parts of the implementation will be released in the future according to the JOWA paper?",
    "Does the world knowledge model paper promise better planning than the baselines?",
    "What will the code of the WKM agent be used for?",
])
def test_code_promises_asked_as_content_stay_unplanned(question, papers):
    assert answer_from_catalog(question, question, papers) is None


@pytest.mark.parametrize("question, name, holds", [
    ("does every author of Cactus carry the Amii star?", "Cactus", lambda p: _marked(p) == len(p.authors)),
    ("does every author of Beyond a Million Tokens carry the Amii star?", "Beyond a Million",  # 4 of 6 starred
     lambda p: _marked(p) == len(p.authors)),
    ("does nobody on Nano3D carry the asterisk?", "Nano3D", lambda p: _marked(p) == 0),
    ("does nobody on TokMem carry the asterisk?", "TokMem", lambda p: _marked(p) == 0),
])
def test_the_quantified_mark_asked_of_one_named_paper(question, name, holds, catalog, papers):
    the_plan = plan(question, catalog)
    assert the_plan is not None and the_plan.op == "check", question
    paper = next(p for p in amii(papers) if p.title.startswith(name))
    assert the_plan.target is not None and the_plan.target.title == paper.title
    assert all(c(paper) for c in the_plan.conditions) == holds(paper)


def test_list_said_as_a_verb_is_no_page_name(catalog, papers):
    expected = sorted(p.title for p in amii(papers) if p.authors and not p.authors_truncated
                      and _marked(p) == len(p.authors))
    assert answered("which Amii papers list authors that each have the Amii star?", catalog) == expected
