"""Property tests: parsers and the citation checker on mangled real input never crash unexpectedly.

Listing pages are rebuilt from the seeds' own lines (shuffled, dropped, cut, with bytes changed);
the only error a parser may raise is ParseError. The citation parser never yields a number that
was not shown.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rag.citations import SupportScorer, answer_sentences, check_answer, parse_markers
from rag.parsing import ParseError
from rag.parsing.institute import parse_institute
from rag.parsing.profile import parse_profile
from rag.parsing.trending import parse_trending
from rag.records import Evidence, Paper, paper_id_for

from conftest import SEEDS
from fakes import HashEmbedder

PAGES = {
    "institute": (SEEDS / "000_0ba56049ec9660b1.txt", parse_institute, 16),
    "profile": (SEEDS / "001_054a3ea104bf4a98.txt", lambda text, path: parse_profile(text, path, reference_year=2026), 50),
    "trending": (SEEDS / "002_20b99271ad968f3b.txt", parse_trending, 83),
}
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _lines(kind: str) -> list[str]:
    return PAGES[kind][0].read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_unmodified_pages_lose_no_paper(kind):
    path, parse, expected = PAGES[kind]
    papers = parse(path.read_text(encoding="utf-8"), path.name)
    assert len(papers) == expected
    assert all(p.title.strip() for p in papers)


def _mutations(kind: str):
    lines = _lines(kind)
    index = st.integers(0, len(lines) - 1)
    noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
    return st.lists(
        st.one_of(
            st.tuples(st.just("drop"), index, st.just("")),
            st.tuples(st.just("swap"), index, index.map(str)),
            st.tuples(st.just("noise"), index, noise),
            st.tuples(st.just("cut"), index, st.just("")),
            st.tuples(st.just("dup"), index, st.just("")),
        ),
        max_size=12,
    ).map(lambda ops: _apply(lines, ops))


def _apply(lines: list[str], ops) -> str:
    out = list(lines)
    for op, i, arg in ops:
        if not out:
            break
        i %= len(out)
        if op == "drop":
            del out[i]
        elif op == "swap":
            j = int(arg) % len(out)
            out[i], out[j] = out[j], out[i]
        elif op == "noise":
            out[i] = out[i][: len(arg)] + arg
        elif op == "cut":
            out = out[:i]
        elif op == "dup":
            out.insert(i, out[i])
    return "\n".join(out)


def _check_parser(kind: str, text: str) -> None:
    _, parse, _ = PAGES[kind]
    try:
        papers = parse(text, "fuzzed.txt")
    except ParseError:
        return
    for paper in papers:
        assert paper.paper_id == paper_id_for(paper.title)
        assert paper.sources and paper.sources[0].path == "fuzzed.txt"


@FUZZ
@given(st.data())
def test_institute_parser_on_mangled_pages(data):
    _check_parser("institute", data.draw(_mutations("institute")))


@FUZZ
@given(st.data())
def test_profile_parser_on_mangled_pages(data):
    _check_parser("profile", data.draw(_mutations("profile")))


@FUZZ
@given(st.data())
def test_trending_parser_on_mangled_pages(data):
    _check_parser("trending", data.draw(_mutations("trending")))


@FUZZ
@given(st.sampled_from(sorted(PAGES)), st.floats(0.0, 1.0))
def test_pages_truncated_anywhere(kind, share):
    text = PAGES[kind][0].read_text(encoding="utf-8")
    _check_parser(kind, text[: int(len(text) * share)])


# --- citations -----------------------------------------------------------------------------------

PASSAGES = [line for line in _lines("trending") if len(line) > 80][:4]


def _evidence() -> list[Evidence]:
    evidence = []
    for n, text in enumerate(PASSAGES, start=1):
        paper = Paper(paper_id=paper_id_for(f"Paper {n}"), title=f"Paper {n}", abstract=text)
        evidence.append(Evidence(n=n, paper=paper, chunk_id=f"c{n}", sentences=[text]))
    return evidence


MARKER = st.builds(lambda a, b, sep: f"[{a}{sep}{b}]" if sep else f"[{a}]",
                   st.integers(0, 99), st.integers(0, 99), st.sampled_from(["", ",", ", ", "-", "–", ";"]))
ANSWER_TEXT = st.lists(
    st.one_of(MARKER, st.sampled_from(PASSAGES).map(lambda p: p[:60]), st.text(max_size=30),
              st.sampled_from([". ", "? ", "\n", " [", "]", "[]", "[1", "e.g. ", "3.5", " "])),
    max_size=25,
).map("".join)


@FUZZ
@given(ANSWER_TEXT)
def test_parse_markers_and_sentences_never_crash(text):
    for sentence in answer_sentences(text):
        claim, numbers = parse_markers(sentence)
        assert not re.search(r"\[\d+\]", claim), "markers are stripped from the claim"
        assert len(numbers) == len(set(numbers))


@FUZZ
@given(ANSWER_TEXT)
def test_check_answer_never_cites_a_passage_that_was_not_shown(text):
    evidence = _evidence()
    shown = {e.n for e in evidence}
    scorer = SupportScorer(HashEmbedder(), evidence)
    sentences, removed = check_answer(text, evidence, scorer, question="what do the papers say?")
    for sentence in sentences:
        assert set(sentence.citations) <= shown
        assert set(parse_markers(sentence.text)[1]) <= shown, "the shown text cites only shown passages"
    assert not set(removed) & shown
