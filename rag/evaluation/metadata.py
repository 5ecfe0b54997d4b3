"""`rag eval metadata`: questions about the papers' metadata, answered the way `rag ask` answers them.

For each question: did the catalog planner take it, and what did the reader get — the catalog rows
when it did, retrieval's top k when it did not. Scored per question:
- recall@5: share of the gold papers among the first five rows, capped (|gold ∩ top5| / min(5, |gold|));
- exact: the complete answer is right — list/count: the rows are exactly the gold set; sort: the
  first row is the gold paper; lookup: the named paper is right and the answer has a keyword;
- count exact: for questions with `expected_count`, the number of rows equals it.
With --as-asked, a question the planner does not take is also asked the way `rag ask` asks it (retrieval,
the model, checked citations): "exact as asked" scores that answer by the same rules, its cited papers as
the rows (an abstention — refused, or the closest passages — is never exact). "exact" stays the planner's
figure, comparable across rounds; "exact as asked" is what a researcher is shown.
A dataset of content questions (`--probes`) counts how often the planner fired on one: each is a
false positive, since a topical word must never turn a content question into a catalog query.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click

from rag.catalog_query import answer_from_catalog
from rag.evaluation import EvalError
from rag.records import normalize_title


@dataclass
class Scored:
    id: str
    question: str
    op: str
    planned: bool
    rows: list[str]
    recall_at_5: float | None
    exact: bool | None
    count_exact: bool | None
    answer: str = ""
    missing: list[str] = field(default_factory=list)  # gold titles the answer left out
    extra: list[str] = field(default_factory=list)  # titles the answer gave that are not gold (list/count only)
    exact_as_asked: bool | None = None  # with --as-asked: the answer `rag ask` shows, scored like `exact`


@dataclass
class MetadataRun:
    dataset: str
    probes: bool
    questions: list[Scored] = field(default_factory=list)

    def summary(self) -> dict:
        def mean(values):
            values = [float(v) for v in values if v is not None]
            return round(sum(values) / len(values), 3) if values else None
        qs = self.questions
        return {"dataset": self.dataset, "questions": len(qs),
                "planned": sum(q.planned for q in qs),
                "false_positives": sum(q.planned for q in qs) if self.probes else None,
                "recall_at_5": mean(q.recall_at_5 for q in qs),
                "exact": mean(q.exact for q in qs),
                "count_exact": mean(q.count_exact for q in qs),
                "count_questions": sum(q.count_exact is not None for q in qs)} | (
            {"exact_as_asked": mean(q.exact_as_asked for q in qs)} if any(q.exact_as_asked is not None for q in qs)
            else {})


def load_lines(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EvalError(f"{path}: cannot be read ({error.strerror or error})") from error
    items = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise EvalError(f"{path}:{number}: not JSON ({error.msg})") from error
    return items


def score(item: dict, library, k: int = 5, answerer=None) -> Scored:
    """One question scored; with an `answerer` (rag.answer.Answerer), an unplanned one is also asked end to end."""
    question = item["question"]
    answer = answer_from_catalog(question, question, library.snapshot.papers, embedder=library.embedder)
    if answer is not None:
        rows = [c.title for c in answer.citations]
        text = answer.answer
    else:
        rows = [hit.paper.title for hit in library.search(question, k=k)]
        text = ""
    gold = {normalize_title(t) for t in item.get("gold_titles") or []}
    got = [normalize_title(t) for t in rows]
    op = item.get("op", "list")
    recall = len(gold & set(got[:5])) / min(5, len(gold)) if gold else None
    exact = _exact(item, answer is not None, got, text)
    count_exact = None
    if item.get("expected_count") is not None and op in ("list", "count"):
        count_exact = answer is not None and len(rows) == int(item["expected_count"])
    as_asked = None
    if answerer is not None:
        as_asked = exact
        if answer is None:
            shown = answerer.ask(question)
            cited = list(dict.fromkeys(normalize_title(c.title) for c in shown.citations))
            as_asked = None if exact is None else not shown.abstained and bool(_exact(item, True, cited, shown.answer))
            text = f"[{shown.outcome}] {shown.answer}"  # what the researcher was shown, for --verbose
    by_key = {normalize_title(t): t for t in item.get("gold_titles") or []} | dict(zip(got, rows))
    missing = [by_key[k] for k in sorted(gold - set(got))]
    extra = [by_key[k] for k in sorted(set(got) - gold)] if op in ("list", "count") else []
    return Scored(id=str(item.get("id", "")), question=question, op=op, planned=answer is not None, rows=rows[:10],
                  recall_at_5=recall, exact=exact, count_exact=count_exact, answer=text[:300],
                  missing=missing, extra=extra, exact_as_asked=as_asked)


def _exact(item: dict, answered: bool, got: list[str], text: str) -> bool | None:
    """list/count: the rows are the gold set (and something answered); sort: the first row is gold; lookup: the
    first row is gold and the text has an answer keyword. None when the item has no gold."""
    gold = {normalize_title(t) for t in item.get("gold_titles") or []}
    op = item.get("op", "list")
    if not gold:
        return None
    if op in ("list", "count"):
        return answered and set(got) == gold
    if op in ("sort-first", "sort-last"):
        return bool(got) and got[0] in gold
    if op == "lookup":
        keywords = [w.casefold() for w in item.get("answer_keywords") or []]
        return bool(got) and got[0] in gold and (not keywords or any(w in text.casefold() for w in keywords))
    return None


def run_metadata(library, path: Path, probes: bool = False, answerer=None) -> MetadataRun:
    run = MetadataRun(dataset=str(path), probes=probes)
    for item in load_lines(path):
        run.questions.append(score(item, library, answerer=answerer))
    return run


@click.command("metadata")
@click.option("--dataset", type=click.Path(path_type=Path), required=True,
              help="JSONL metadata questions, e.g. eval/datasets/metadata_dev.jsonl.")
@click.option("--probes", is_flag=True, help="The dataset holds content questions: report planner false positives.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary and every question as JSON.")
@click.option("--verbose", is_flag=True, help="Print each question that missed.")
@click.option("--as-asked", is_flag=True,
              help="Also ask each question the planner leaves the way `rag ask` does, and score that answer.")
@click.option("--llm", "llm_spec", default="auto", show_default=True, help="The model for --as-asked.")
@click.pass_context
def metadata_command(ctx, dataset, probes, as_json, verbose, as_asked, llm_spec):
    """Metadata questions: recall@5, exact lists and counts; with --probes, planner false positives."""
    from rag.evaluation.cli import _settings
    from rag.library import Library

    settings = _settings(ctx)
    library = Library(settings)
    answerer = None
    if as_asked:
        from rag.answer import Answerer
        from rag.llm.registry import resolve_llm

        answerer = Answerer(library, resolve_llm(llm_spec, settings))
    run = run_metadata(library, dataset, probes, answerer)
    if as_json:
        click.echo(json.dumps({"summary": run.summary(), "questions": [asdict(q) for q in run.questions]},
                              indent=2, ensure_ascii=False))
        return
    for name, value in run.summary().items():
        click.echo(f"{name:>16}: {value}")
    if verbose:
        for q in run.questions:
            missed = q.exact is False or q.count_exact is False or (q.recall_at_5 or 1) < 1
            if (probes and q.planned) or (not probes and missed):
                asked = f" as_asked={q.exact_as_asked}" if q.exact_as_asked is not None else ""
                click.echo(f"- {q.id} [{q.op}] planned={q.planned} exact={q.exact}{asked} count={q.count_exact} "
                           f"r@5={q.recall_at_5}: {q.question}\n    {q.answer[:160]}")
                for title in q.missing:
                    click.echo(f"    missing: {title}")
                for title in q.extra:
                    click.echo(f"    extra:   {title}")
