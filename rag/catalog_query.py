"""Run a Plan over the catalog and write the Answer: a complete list or an exact count, every row cited.

No model is asked: the catalog is what the pages print, so each row quotes it and cites the page and
line it is printed on. Filters set in the UI or CLI narrow the catalog first and are shown with the
answer; when nothing passes them the answer says so and offers to clear them.
"""

from __future__ import annotations

import re
import time
from pathlib import PurePath
from typing import TYPE_CHECKING

from rag.catalog import Catalog, by_author, describe, page_label
from rag.catalog_authors import marks_of_text
from rag.catalog_fields import BY_NAME, by_number
from rag.plan_place_ranges import said_of_rows
from rag.catalog_order import alphabetical, in_page_order, pair_in_page_order, place_elsewhere
from rag.catalog_links import cited_links
from rag.catalog_spread import ends
from rag.catalog_sort import by_author_count, by_date
from rag.catalog_text import Result, headline, n_papers
from rag.filters import Filters
from rag.plan_card import card_plan
from rag.plan_person_card import person_rows, placed_plan
from rag.plan_heading_frame import section_content
from rag.plan_headings import cite
from rag.plan_groups import common, group_headline, grouped, places
from rag.plan_marked import by_marked, marked_headline
from rag.plan_terms import venue_year_only
from rag.plan_verbs import VerbJudge
from rag.plan_object_content import object_content
from rag.planner import Plan, plan
from rag.records import Answer, AnswerSentence, Chunk, Citation, Evidence, Hit, Paper, normalize_title
from rag.text import split_sentences

if TYPE_CHECKING:
    from rag.embedding import Embedder

NO_MATCH = "No paper matches these filters"
# "these papers", "them", "the filtered papers": with filters set, the question is about the filtered set.
_THESE = re.compile(r"\b(these|those|the filtered|the selected|the listed)\s+(papers?|ones|works)\b|"
                    r"\b(summari[sz]e|list)\s+(them|these|those)\b", re.I)


def run(plan_: Plan, papers: list[Paper]) -> Result:
    selected = [p for p in papers if all(c(p) for c in plan_.conditions)]
    if plan_.op == "lookup" and plan_.lookup == "position" and plan_.target is not None and plan_.conditions:
        return Result(plan_, [plan_.target], [], text=place_elsewhere(plan_.target, plan_.conditions))  # another page
    if plan_.op in ("lookup", "check") and plan_.target is not None:
        return Result(plan_, [plan_.target], [])
    if plan_.op == "headings" and plan_.headings is not None:  # a PDF's printed headings (rag/plan_headings.py)
        return Result(plan_, plan_.headings.rows, [], text=plan_.headings.text)
    if plan_.op == "fact":  # a page's own fact: no paper is the answer, but the entry under its heading when asked
        first = plan_.fact is not None and plan_.fact.first
        return Result(plan_, [p for p in papers if any(s.page_name == plan_.fact.page and s.position == 0
                                                       for s in p.sources)] if first else [], [])
    if plan_.op == "which":  # a description that fits more than one paper: the candidates, to ask which one
        return Result(plan_, list(plan_.candidates), [])
    notes = _left_out(plan_, papers)
    if plan_.op == "group":
        marks = [c.value for c in plan_.conditions if c.field == "affiliation" and not c.value.startswith("not ")]
        people = frozenset(normalize_title(c.value) for c in plan_.conditions if c.field == "author"
                           and c.label.startswith("author: "))
        groups, rows, found = grouped(selected, plan_, marks[0] if len(marks) == 1 else None, people)
        return Result(plan_, rows, [], notes + found, groups, text=group_headline(plan_, groups, _scope(plan_)))
    if plan_.op == "positions":  # where one person sits on the author lists: the papers printing the name
        rows, text = places(selected, plan_.lookup or "")
        if "author_marks" in plan_.also:  # 'and is he flagged as Amii': the person's own marks on each paper
            text += " Marks: " + "; ".join(f"{p.title}: {marks_of_text(p, [plan_.lookup or ''])}" for p in rows) + "."
        return Result(plan_, rows, [], notes, text=text)
    if plan_.op == "person":  # one person's record: the entries printing them, their place and marks on each
        rows, text = person_rows(selected, plan_, _scope(plan_))
        return Result(plan_, rows, [], notes, text=text)
    if plan_.op == "common":  # the people on both sides: the papers each of them is on
        rows, text = common(papers, plan_)
        return Result(plan_, rows, [], notes, text=text)
    if plan_.op in ("range", "ratio"):  # 'the spread between the highest and lowest score': the two ends' papers
        return Result(plan_, ends(selected, plan_.key), [], notes, total=sum(1 for p in selected
                                                                             if BY_NAME[plan_.key].number(p) is not None))
    if plan_.op in ("mean", "median") and plan_.key in BY_NAME:  # 'the average score': every paper printing one
        return Result(plan_, by_number(selected, plan_.key, True, len(selected)), [], notes)
    if plan_.op in ("mean", "median"):  # 'the average number of authors': over the lists printed complete
        cut = [p for p in selected if p.authors_truncated]
        notes += [f"{n_papers(len(cut))} whose author list the page cuts with 'et al.' are not counted"] if cut else []
        return Result(plan_, [p for p in selected if p.authors and not p.authors_truncated], [], notes)
    if plan_.op in ("first", "last") and plan_.key.startswith("marked:"):  # 'the most Amii-affiliated authors'
        mark, most = plan_.key.split(":", 1)[1], plan_.op == "last"
        rows = by_marked(selected, mark, most)
        return Result(plan_, rows, [], notes, text=marked_headline(rows, mark, most, _scope(plan_)))
    if plan_.op in ("first", "last") and plan_.key == "position" and plan_.target is not None:  # 'is A before B?'
        rows, text = pair_in_page_order(papers, plan_.conditions, plan_.op, plan_.target)
        return Result(plan_, rows, [], notes, text=text)
    if plan_.op in ("first", "last") and plan_.key in ("position", "alphabet"):  # a page's own order; A to Z
        rows, text = (in_page_order if plan_.key == "position" else alphabetical)(
            selected, plan_.conditions, plan_.op, plan_.limit, plan_.nth)
        text += said_of_rows(rows, plan_.also)  # 'the 30th entry — does it have code?' (rag/plan_place_ranges.py)
        return Result(plan_, rows, [], notes, text=text)
    if plan_.op in ("first", "last"):
        if plan_.key in BY_NAME:  # a printed number: 'the highest score'
            return Result(plan_, by_number(selected, plan_.key, plan_.op == "last", plan_.limit, plan_.nth), [], notes)
        ranked = by_author_count(selected, plan_.op == "last", plan_.limit, plan_.nth) if plan_.key == "authors" \
            else by_date(selected, plan_.op == "last", plan_.full_date, plan_.limit, plan_.nth)
        return Result(plan_, ranked.rows, ranked.extra, notes + ranked.notes)
    if not plan_.share:
        return Result(plan_, selected, [], notes)
    # 'What fraction of Courville's papers are tagged Mila': out of his papers, and out of those that print a tag.
    scope = [p for p in papers if all(c(p) for c in plan_.scope)]
    asked = [c for c in plan_.conditions if c not in plan_.scope]
    known = [p for p in scope if all(c.known(p) for c in asked)]
    return Result(plan_, selected, [], notes, total=len(scope), known=len(known))


def _left_out(plan_: Plan, papers: list[Paper]) -> list[str]:
    """Papers the answer cannot count, said with it: a negation over a field their page does not print ('not in
    LG' for a paper with no category), and a year only their venue gives ('ICLR 2026', no posting date)."""
    notes = []
    negated = [c for c in plan_.conditions if c.value.startswith("not ")]
    positive = [c for c in plan_.conditions if c not in negated]
    if negated:
        unknown = [p for p in papers if all(c(p) for c in positive) and any(not c.known(p) for c in negated)]
        if unknown:
            notes.append(f"{n_papers(len(unknown))} whose page does not print "
                         f"{' or '.join(dict.fromkeys(c.field for c in negated))} cannot be counted either way")
    years = [c for c in plan_.conditions if c.wider is not None]
    if years:
        rest = [c for c in plan_.conditions if c.wider is None]
        venue_only = [p for p in papers if venue_year_only(p) and all(c(p) for c in rest)
                      and all(c.wider(p) for c in years)]  # type: ignore[operator]
        if venue_only:
            venues = ", ".join(sorted({(p.venue or "").split(" (")[0] for p in venue_only}))
            notes.append(f"{n_papers(len(venue_only))} at {venues} carry no date of their own (the year is the "
                         f"venue's) and are not counted; ask for the {venues} papers to list them")
        # Entries whose page prints no date at all (the trending page dates itself, not its entries): say they could
        # not be placed, or 'no paper from 2024' on that page reads as if the page had been checked and found none.
        undated = [p for p in papers if p.date is None and p.year is None and all(c(p) for c in rest)]
        if undated:
            # Where each was read: the page's own name, else the file's (an uploaded text file names no page).
            pages = ", ".join(sorted({s.page_name or PurePath(s.path).name for p in undated for s in p.sources[:1]}))
            notes.append(f"{n_papers(len(undated))}{f' ({pages})' if pages else ''} print no date and cannot be "
                         "placed in time")
    return notes


def answer_from_catalog(question: str, standalone: str, papers: list[Paper],
                        filters: Filters | None = None, embedder: Embedder | None = None) -> Answer | None:
    """The Answer when the question is about the papers' metadata (or the filtered set), else None. With the
    library's `embedder`, a verb no frame list holds is judged by its meaning (rag/plan_verbs.py)."""
    filters = filters or Filters()
    allowed = filters.paper_ids(papers)
    scoped = papers if allowed is None else [p for p in papers if p.paper_id in allowed]
    shown = filter_labels(filters)
    if allowed is not None and not scoped:
        return _answer(question, standalone, f"{NO_MATCH} ({'; '.join(shown)}). Clear them to search every paper.",
                       [], shown)
    catalog = Catalog.of(papers)
    if object_content(standalone, catalog):  # 'SPECTER fn 5: what happened when …?': content (rag/plan_object_content.py)
        return None
    the_plan = plan(standalone, catalog, _judge(embedder))
    if the_plan is None and allowed is not None and _THESE.search(standalone):
        return _summary(question, standalone, scoped, shown)
    # One named paper's record asked in words no reader takes: its whole card (rag/plan_card.py); but what a PDF's
    # numbered section says is content (rag/plan_headings.py)
    if the_plan is None and not section_content(standalone):
        the_plan = card_plan(standalone, catalog)
    # One person's record asked, when no reader took it, a description was unsure, or a place said of the person ('which
    # one has him first') was read as a date sort or not at all (rag/plan_person_card.py)
    if not section_content(standalone):
        the_plan = placed_plan(the_plan, standalone, catalog)
    if the_plan is None:
        return None
    result = run(the_plan, scoped)
    shown = shown + [c.label for c in the_plan.conditions]
    answer = _answer(question, standalone, headline(result), result.rows + result.extra, shown, result)
    return cite(answer, the_plan.headings) if the_plan.headings is not None else answer  # the heading's page


def _scope(plan_: Plan) -> str:
    return f" ({plan_.describe()})" if plan_.conditions else ""


def _judge(embedder: Embedder | None) -> VerbJudge | None:
    return VerbJudge(embedder) if embedder is not None else None


def filter_labels(filters: Filters) -> list[str]:
    return [f"{name}: {value}" for name, value in filters.model_dump().items() if value]


def _answer(question: str, standalone: str, text: str, rows: list[Paper], shown: list[str],
            result: Result | None = None) -> Answer:
    linked = result.plan.conditions if result else []  # a row selected by a link quotes it (rag/catalog_links.py)
    evidence = [Evidence(n=n, paper=p, chunk_id=f"catalog:{p.paper_id}", sentences=[describe(p) + cited_links(p, linked)],
                         retrieval_score=1.0, relevance=1.0, section="")
                for n, p in enumerate(rows, start=1)]
    sentences = [AnswerSentence(text=text, supported=True, support=1.0, origin="extractive")]
    sentences += [AnswerSentence(text=f"• {e.text} [{e.n}]", citations=[e.n], supported=True, support=1.0,
                                 origin="extractive") for e in evidence]
    citations = [Citation(n=e.n, paper_id=e.paper.paper_id, title=e.paper.title, authors=e.paper.author_names,
                          year=e.paper.year, source=[s.path for s in e.paper.sources], passage=e.text, span=e.text,
                          location="; ".join(page_label(s) for s in e.paper.sources))
                 for e in evidence]
    reason = "answered from the catalog" + (f" ({result.plan.op})" if result else "")
    return Answer(question=question, standalone_question=standalone,
                  answer=" ".join(s.text for s in sentences), sentences=sentences, citations=citations,
                  outcome="answer", abstain_reason=reason, backend="catalog", model="",
                  evidence=evidence, applied_filters=shown)


def _summary(question: str, standalone: str, papers: list[Paper], shown: list[str]) -> Answer:
    """'What do these papers propose?' over a filtered set: each paper's opening sentence, cited."""
    answer = _answer(question, standalone, f"{n_papers(len(papers))} pass the filters; what each says first:",
                     papers, shown)
    for sentence, evidence in zip(answer.sentences[1:], answer.evidence):
        opening = (split_sentences(evidence.paper.abstract) or [describe(evidence.paper)])[0]
        evidence.sentences = [opening]
        sentence.text = f"• {evidence.paper.title}: {opening} [{evidence.n}]"
    for citation, evidence in zip(answer.citations, answer.evidence):
        citation.passage = citation.span = evidence.text
    answer.answer = " ".join(s.text for s in answer.sentences)
    return answer


def catalog_hits(query: str, papers: list[Paper], filters: Filters | None, headers: dict[str, Chunk],
                 embedder: Embedder | None = None) -> list[Hit] | None:
    """`rag search` for a metadata question: every matching paper (not a top k), each with its header chunk."""
    the_plan = plan(query, Catalog.of(papers), _judge(embedder))
    if the_plan is None or the_plan.op in ("fact", "headings"):  # a page's own fact, a PDF's headings: search as usual
        return None
    allowed = (filters or Filters()).paper_ids(papers)
    result = run(the_plan, papers if allowed is None else [p for p in papers if p.paper_id in allowed])
    rows = [p for p in result.rows + result.extra if p.paper_id in headers]
    return [Hit(rank=i, chunk=headers[p.paper_id], paper=p, score=1.0) for i, p in enumerate(rows, start=1)]


def answer_directly(question: str, history: list, filters: Filters | None, papers: list[Paper],
                    on_sentence=None, embedder: Embedder | None = None) -> Answer | None:
    """What Answerer.ask returns without retrieval: a catalog answer, 'which paper?', or None to go on.

    `history` is the chat's list of rag.conversation.Turn; `on_sentence` streams the sentences as the
    model's would be.
    """
    from rag.conversation import ASK_WHICH, needs_paper, standalone

    started = time.perf_counter()
    query = standalone(question, history)
    filtered = filters is not None and not filters.is_empty()
    if needs_paper(question, history, filtered):
        answer = _answer(question, query, ASK_WHICH, [], filter_labels(filters or Filters()))
        answer.abstain_reason, answer.backend = "a pronoun with no paper to point to: asked which paper", "conversation"
    else:
        answer = answer_from_catalog(question, query, papers, filters, embedder)
    if answer is None:
        return None
    for sentence in answer.sentences:
        if on_sentence:
            on_sentence(sentence)
    answer.timings["total_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return answer


__all__ = ["NO_MATCH", "Result", "answer_directly", "catalog_hits", "answer_from_catalog", "by_author", "headline",
           "run"]
