"""A content question naming where its answer is printed, end to end (rag/evidence_pinned.py): the real ingest of a
shared PDF into Chroma, the real embedder and the embedded llama.cpp model. The named footnote is the first evidence
passage, cited with its paper, section and page, and the answer is read from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_settings
from rag.answer import Answerer
from rag.library import Library
from rag.llm import EmbeddedLLM
from rag.records import Citation

pytestmark = pytest.mark.slow

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "pdfs" / "papers"
DPR = "Dense Passage Retrieval for Open-Domain Question Answering"


@pytest.fixture(scope="module")
def dpr_library(tmp_path_factory, models_dir, embedder) -> Library:
    assert PAPERS.is_dir(), f"the shared PDFs are missing: {PAPERS}"  # fail, never skip
    home = tmp_path_factory.mktemp("dpr-home")
    library = Library(make_settings(home, models_dir), embedder=embedder)
    library.ingest([PAPERS / "multi-column-2p.pdf"])
    return library


def test_the_named_footnote_is_the_first_evidence_and_is_cited(dpr_library: Library) -> None:
    answer = Answerer(dpr_library, EmbeddedLLM()).ask(
        "DPR footnote 3: did natural paragraphs or fixed-length passages do better in their trials?")
    assert answer.backend == "embedded"  # retrieval and the model answered, not the catalog
    first = answer.evidence[0]
    assert first.paper.title == DPR and first.chunk_id.endswith(":footnote 3")
    assert first.text.startswith("Footnote 3: The ideal size and boundary of a text passage")
    assert Citation.from_evidence(first).location == "§2 Background, p. 2"
    cited = [c for c in answer.citations if c.n == 1]
    assert cited and cited[0].title == DPR and cited[0].page == 2, answer.citations
    assert "fixed-length passages" in answer.answer, answer.answer
