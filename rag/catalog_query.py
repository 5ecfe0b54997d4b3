"""Run a Plan over the catalog and write the Answer: a complete list or an exact count, every row cited.

No model is asked: the catalog is what the pages print, so each row quotes it and cites the page and
line it is printed on. Filters set in the UI or CLI narrow the catalog first and are shown with the
answer; when nothing passes them the answer says so and offers to clear them.
"""

from __future__ import annotations

import datetime
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rag.catalog import Catalog, by_author, describe, organisations_line, page_label
from rag.catalog_sort import by_author_count, by_date, grouped
from rag.filters import Filters
from rag.plan_terms import venue_year_only
from rag.plan_verbs import VerbJudge
from rag.planner import Plan, plan
from rag.records import Answer, AnswerSentence, Chunk, Citation, Evidence, Hit, Paper
from rag.taxonomy import category_name
from rag.text import split_sentences

if TYPE_CHECKING:
    from rag.embedding import Embedder

NO_MATCH = "No paper matches these filters"
# "these papers", "them", "the filtered papers": with filters set, the question is about the filtered set.
_THESE = re.compile(r"\b(these|those|the filtered|the selected|the listed)\s+(papers?|ones|works)\b|"
                    r"\b(summari[sz]e|list)\s+(them|these|those)\b", re.I)


@dataclass
class Result:
    plan: Plan
    rows: list[Paper]
    extra: list[Paper]  # for a sort: papers that might come first but that the page does not date closely enough
    notes: list[str] = field(default_factory=list)  # what the answer could not count or rank, said with it
    groups: list[tuple[str, list[Paper]]] = field(default_factory=list)  # for op 'group'
    total: int = 0  # for a share: the papers counted out of
    known: int = 0  # for a share: those of them whose pages print every field asked

    @property
    def count(self) -> int:
        return len(self.rows)


def run(plan_: Plan, papers: list[Paper]) -> Result:
    selected = [p for p in papers if all(c(p) for c in plan_.conditions)]
    if plan_.op in ("lookup", "check") and plan_.target is not None:
        return Result(plan_, [plan_.target], [])
    if plan_.op == "which":  # a description that fits more than one paper: the candidates, to ask which one
        return Result(plan_, list(plan_.candidates), [])
    notes = _left_out(plan_, papers)
    if plan_.op == "group":
        marks = [c.value for c in plan_.conditions if c.field == "affiliation" and not c.value.startswith("not ")]
        groups, ranked = grouped(selected, plan_.group or "", plan_.pick, marks[0] if len(marks) == 1 else None)
        return Result(plan_, ranked.rows, [], notes + ranked.notes, groups)
    if plan_.op in ("first", "last"):
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
            notes.append(f"{_papers(len(unknown))} whose page does not print "
                         f"{' or '.join(dict.fromkeys(c.field for c in negated))} cannot be counted either way")
    years = [c for c in plan_.conditions if c.wider is not None]
    if years:
        rest = [c for c in plan_.conditions if c.wider is None]
        venue_only = [p for p in papers if venue_year_only(p) and all(c(p) for c in rest)
                      and all(c.wider(p) for c in years)]  # type: ignore[operator]
        if venue_only:
            venues = ", ".join(sorted({(p.venue or "").split(" (")[0] for p in venue_only}))
            notes.append(f"{_papers(len(venue_only))} at {venues} carry no date of their own (the year is the "
                         f"venue's) and are not counted; ask for the {venues} papers to list them")
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
    the_plan = plan(standalone, Catalog.of(papers), _judge(embedder))
    if the_plan is None and allowed is not None and _THESE.search(standalone):
        return _summary(question, standalone, scoped, shown)
    if the_plan is None:
        return None
    result = run(the_plan, scoped)
    shown = shown + [c.label for c in the_plan.conditions]
    return _answer(question, standalone, headline(result), result.rows + result.extra, shown, result)


def _judge(embedder: Embedder | None) -> VerbJudge | None:
    return VerbJudge(embedder) if embedder is not None else None


def filter_labels(filters: Filters) -> list[str]:
    return [f"{name}: {value}" for name, value in filters.model_dump().items() if value]


def headline(result: Result) -> str:
    text = _headline(result)
    if result.plan.described and result.plan.target is not None:  # say which paper a description was taken to be
        text = f"Taking '{result.plan.described}' to be {result.plan.target.title}. {text}"
    if result.notes:
        text += " " + "; ".join(n[:1].upper() + n[1:] for n in result.notes) + "."
    return text


def _headline(result: Result) -> str:
    plan_, n = result.plan, result.count
    what = plan_.describe()
    if plan_.op == "check" and plan_.target is not None:
        holds = all(c(plan_.target) for c in plan_.conditions)
        asked = "; ".join(c.label for c in plan_.conditions)
        fields = list(dict.fromkeys("authors" if c.field in ("author", "author_count") else
                                    "date" if c.field == "year" else c.field for c in plan_.conditions))
        actual = " ".join(lookup_text(plan_.target, f) for f in fields)
        if not holds and plan_.target.authors_truncated and any(c.field == "author" for c in plan_.conditions):
            return f"Not on the printed author list ({asked}); the page cuts it with 'et al.'. {actual}"
        return f"{'Yes' if holds else 'No'} ({asked}). {actual}"
    if plan_.op == "which":
        if len(result.rows) == 1:
            return f"Do you mean {result.rows[0].title}? '{plan_.described}' fits it only in part; ask again with " \
                   "its title if so."
        titles = "; ".join(p.title for p in result.rows)
        return f"Which paper do you mean? '{plan_.described}' fits more than one: {titles}. Ask again with its title."
    if plan_.op == "lookup" and plan_.target is not None:
        return lookup_text(plan_.target, plan_.lookup or "", [c.value for c in plan_.conditions])
    if plan_.op == "lookup":
        return f"{_papers(n)} match ({what})." if n else f"No paper matches {what}."
    scope = f" ({what})" if plan_.conditions else ""
    if plan_.op == "group":
        if not result.groups:
            return f"No paper matches {what}."
        counts = ", ".join(f"{value}: {len(members)}" for value, members in result.groups)
        if plan_.pick == "all":
            kind = {"category": "categories", "month": "months"}.get(plan_.group or "", f"{plan_.group}s")
            return f"{len(result.groups)} {kind}{scope}, with their papers: {counts}."
        word = "most" if plan_.pick == "most" else "fewest"
        return f"The {plan_.group} with the {word} papers{scope}: {counts}."
    if plan_.op in ("first", "last") and plan_.key == "authors":
        if not result.rows:
            return f"No paper with a printed author list matches {what}."
        word = "longest" if plan_.op == "last" else "shortest"
        if plan_.nth:
            word = f"{_ORDINAL[plan_.nth]} {word}"
        listed = "; ".join(f"{p.title} ({p.author_count} authors)" for p in result.rows)
        return f"The {word} author list{scope}: {listed}."
    if plan_.op in ("first", "last"):
        if not result.rows:
            return f"No paper with a printed date matches {what}."
        word = "oldest" if plan_.op == "first" else "newest"
        if plan_.nth:
            word = f"{_ORDINAL[plan_.nth]} {word}"
        if len(result.rows) > 1:
            dated = "; ".join(f"{p.title}, dated {printed_date(p)}" for p in result.rows)
            text = f"The {len(result.rows)} {word} papers{scope}, in order: {dated}."
        else:
            best = result.rows[0]
            text = f"The {word} paper{scope} is {best.title}, dated {printed_date(best)}."
        if result.extra:
            text += (f" {_papers(len(result.extra))} dated only to the same month might come "
                     f"{'before' if plan_.op == 'first' else 'after'} it; listed after it.")
        return text
    if plan_.op == "count" and plan_.share and result.total:
        within = f" ({'; '.join(c.label for c in plan_.scope)})" if plan_.scope else ""
        text = f"{n} of {_papers(result.total)}{within} ({_percent(n, result.total)}) match ({what})."
        if result.known < result.total:  # 'in ML' out of the papers whose page prints a category at all
            text += f" Of the {result.known} whose page prints the fields asked, {_percent(n, result.known)}."
        return text
    if not n:
        return f"No paper matches {what}."
    return f"{_papers(n)} match ({what})."


def _percent(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "—"


_ORDINAL = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def printed_date(paper: Paper) -> str:
    """'June 3, 2022 (Jun 3, 2022; 2022-06-03)': in words, as a listing prints it, then ISO; an inferred year said so."""
    if not paper.date:
        return "no date"
    parts = [int(x) for x in paper.date.split("-")]
    if paper.date_precision == "year" or len(parts) == 1:
        return f"{paper.date} (only the year is known)"
    day = datetime.date(parts[0], parts[1], 1)
    month, short = day.strftime("%B"), day.strftime("%b")
    if paper.date_precision == "month" or len(parts) == 2:
        return f"{month} {parts[0]} ({paper.date}, to the month)"
    if paper.date_inferred:
        return (f"{month} {parts[2]} (printed '{short} {parts[2]}'; {paper.date}: the page prints no year for this "
                "year's entries)")
    return f"{month} {parts[2]}, {parts[0]} ({short} {parts[2]}, {parts[0]}; {paper.date})"


def lookup_text(paper: Paper, field: str, marks: list[str] | None = None) -> str:
    """The field of one paper as the page prints it; for 'affiliation', `marks` narrows to those institutes."""
    title = paper.title
    if field == "authors":
        if not paper.authors:
            return f"The page lists no authors for {title}."
        more = " (the page cuts the list with 'et al.')" if paper.authors_truncated else ""
        copied = " The page prints the same list for an earlier entry; it may be copied." \
            if paper.authors_duplicate_of else ""
        return f"{title} is by {paper.author_line()}{more}.{copied}"
    if field in ("first_author", "last_author"):
        if not paper.authors:
            return f"The page lists no authors for {title}."
        if field == "last_author" and paper.authors_truncated:
            return f"The page cuts the author list of {title} with 'et al.' after {paper.author_line()}: its last " \
                   "author is not printed."
        who = paper.authors[0 if field == "first_author" else -1].name
        return f"The {field.split('_')[0]} author of {title} is {who} (authors: {paper.author_line()})."
    if field == "page_count":
        return f"{title} has {paper.page_count} pages (the PDF read)." if paper.page_count else \
            f"The library holds no PDF of {title}, so no page count."
    if field == "arxiv":
        stamp = paper.arxiv.id if paper.arxiv else paper.arxiv_id
        found = [f"arXiv:{stamp}"] if stamp else []
        found += [f"DOI {paper.doi}"] if paper.doi else []
        return f"{title}: {', '.join(found)}." if found else f"The page prints no arXiv id or DOI for {title}."
    if field == "author_count":
        return f"{title} lists {paper.author_count} authors."
    if field == "date":
        if not paper.date:
            return f"The page gives no date for {title}."
        if venue_year_only(paper):
            return f"The page gives no date for {title}; it is listed at {paper.venue} (the year is the venue's)."
        return f"{title} is dated {printed_date(paper)}."
    if field == "category":
        if not paper.category:
            return f"The page gives no category for {title}."
        name = category_name(paper.category)
        return f"{title} is in {paper.category}" + (f" ({name})." if name else ".")
    if field == "affiliation":
        marked = [f"{a.name} ({a.affiliation})" for a in paper.authors if a.affiliation
                  and (not marks or a.affiliation in marks)]
        if not marked and paper.organisations:  # a PDF prints its affiliations, not a legend's mark
            return f"{title}: affiliations printed: {organisations_line(paper)}."
        if not marked:
            return f"No author of {title} carries the page's affiliation mark."
        of = f" of {len(paper.authors)}" + (" printed" if paper.authors_truncated else "")
        return f"{title}: {len(marked)}{of} authors marked as affiliated: {', '.join(marked)}."
    value = {"organisation": organisations_line(paper), "section": paper.section, "venue": paper.venue,
             "page": "; ".join(page_label(s) for s in paper.sources)}.get(field)
    return f"{title}: {field} {value}." if value else f"The page gives no {field} for {title}."


def _papers(n: int) -> str:
    return f"{n} paper" if n == 1 else f"{n} papers"


def _answer(question: str, standalone: str, text: str, rows: list[Paper], shown: list[str],
            result: Result | None = None) -> Answer:
    evidence = [Evidence(n=n, paper=p, chunk_id=f"catalog:{p.paper_id}", sentences=[describe(p)],
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
    answer = _answer(question, standalone, f"{_papers(len(papers))} pass the filters; what each says first:",
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
    if the_plan is None:
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


__all__ = ["NO_MATCH", "Result", "answer_directly", "catalog_hits", "answer_from_catalog", "by_author", "run"]
