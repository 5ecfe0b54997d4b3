"""Example questions for the start screen that the library really answers.

Curated questions are kept only when retrieval and the answerability model would answer them
(`Answerer.assess`, no model call), and one question about the library itself is always offered:
the catalog planner answers it exactly. So no example a new user clicks ends in a refusal.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rag.catalog import Catalog
from rag.errors import RagError
from rag.library import Library
from rag.planner import plan
from rag.records import Paper
from ui import library_view


def catalog_example(papers: list[Paper]) -> str | None:
    """'Which papers did <most listed author> co-author?' — or by year — when the planner takes it."""
    authors = Counter(name for p in papers for name in p.author_names if len(name.split()) > 1)
    years = Counter(p.year for p in papers if p.year and not p.date_inferred)
    candidates = [f"Which papers did {name} co-author?" for name, _ in authors.most_common(1)]
    candidates += [f"How many papers are from {year}?" for year, _ in years.most_common(1)]
    catalog = Catalog.of(papers)
    return next((q for q in candidates if plan(q, catalog) is not None), None)


def answered_examples(library: Library, papers: list[Paper], dataset: Path | None, n: int = 4) -> list[str]:
    from rag.answer import Answerer

    found: list[str] = []
    listed = catalog_example(papers)
    try:
        answerer = Answerer(library, llm=None)  # assess() retrieves and decides; it never calls the model
        for question in library_view.example_questions(papers, dataset, n=3 * n):
            if len(found) >= n - (1 if listed else 0):
                break
            if answerer.assess(question)[3].outcome == "answer":
                found.append(question)
    except RagError:
        return library_view.example_questions(papers, dataset, n)
    return found[:1] + ([listed] if listed else []) + found[1:]
