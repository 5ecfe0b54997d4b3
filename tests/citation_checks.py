"""Assertions on an Answer's citations that can fail: the answer text is read with an independent pattern
(rag.evaluation.metrics.written_citations) and compared with the passages shown to the model (Answer.evidence),
instead of comparing citations with the evidence they were built from."""

from __future__ import annotations

import re

from rag.evaluation.metrics import written_citations

_WORD = re.compile(r"[^\W\d_]{4,}")


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def assert_citations_grounded(answer) -> None:
    shown = {e.n: e for e in answer.evidence}
    written = set(written_citations(answer.answer))
    listed = {c.n for c in answer.citations}
    assert written <= set(shown), f"the answer cites passages that were not shown: {written - set(shown)}"
    assert written == listed, f"markers in the text {sorted(written)} != citations listed {sorted(listed)}"
    for c in answer.citations:
        passage = shown[c.n]
        assert c.paper_id == passage.paper.paper_id and _squash(c.passage) == _squash(passage.text), c.n
        if c.span:
            assert _squash(c.span) in _squash(passage.text), f"[{c.n}] highlights text its passage lacks: {c.span!r}"
    for sentence in answer.sentences:
        if not sentence.supported:
            continue
        assert list(dict.fromkeys(written_citations(sentence.text))) == sentence.citations, sentence.text
        words = {w.casefold() for w in _WORD.findall(re.sub(r"\[[^\]]*\]", "", sentence.text))}
        cited_text = " ".join(shown[n].text for n in sentence.citations).casefold()
        assert not sentence.citations or any(w in cited_text for w in words), \
            f"{sentence.text!r} shares no word with the passages it cites"
