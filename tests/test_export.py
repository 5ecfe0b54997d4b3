"""rag/export.py and the one marker-placement rule: exact outputs on hand-made records (pure functions)."""

from __future__ import annotations

import re

import pytest

from rag.citations import parse_markers, with_markers
from rag.export import answer_markdown, bib_key, bibtex, md_escape, reference
from rag.records import Answer, AnswerSentence, Author, Citation, Evidence, Paper, SourceRef, paper_id_for
from rag.text import place_markers


def paper(title: str, **extra) -> Paper:
    fields = dict(authors=[Author(name="Jiamin He"), Author(name="Martha White")], date="2026", category="LG",
                  sources=[SourceRef(path="seeds/000_page.txt", format="institute", position=0, line=3)])
    fields.update(extra)
    return Paper(paper_id=paper_id_for(title), title=title, **fields)


@pytest.mark.parametrize("claim, marks, expected", [
    ("X is Y.", "[1]", "X is Y [1]."),
    ("Is X Y?", "[1][2]", "Is X Y [1][2]?"),
    ("X is Y", "[3]", "X is Y [3]."),            # no final stop: a full stop is added
    ("X is Y .  ", "[1]", "X is Y [1]."),        # spaces before the stop do not survive
    ("X is Y.", "", "X is Y."),                  # no marks: unchanged
    ("", "[1]", " [1]."),
])
def test_marks_go_before_the_final_stop(claim, marks, expected):
    assert place_markers(claim, marks) == expected


def test_checker_view_and_export_place_marks_alike():
    """The three former copies now agree: the checker's markers, link marks and renumbered export marks."""
    assert with_markers("Results improve!", [2, 1]) == "Results improve [2][1]!"
    assert parse_markers(with_markers("Results improve!", [2, 1])) == ("Results improve!", [2, 1])
    link = "[[1]](#src-0-1)"
    assert place_markers("Results improve!", link) == f"Results improve {link}!"


ARXIV = paper("Distributions as Actions: A Unified Framework", venue="ICLR 2026 (accepted)", arxiv_id="2506.01234",
              doi="10.48550/arXiv.2506.01234", url="https://arxiv.org/abs/2506.01234")
PLAIN = paper("Beyond a Million Tokens", authors=[Author(name="Mohammad Tavakoli")], category=None, sources=[])


def test_bibtex_carries_url_arxiv_doi_and_venue_when_the_paper_has_them():
    bib = bibtex([ARXIV])
    assert bib.startswith("@misc{he2026distributions,\n")
    for field in ("note = {ICLR 2026 (accepted)}", "eprint = {2506.01234}", "archiveprefix = {arXiv}",
                  "doi = {10.48550/arXiv.2506.01234}", "url = {https://arxiv.org/abs/2506.01234}"):
        assert f"  {field}" in bib, field


def test_bibtex_leaves_out_what_the_paper_lacks():
    bib = bibtex([PLAIN])
    assert "@misc{tavakoli2026beyond,\n" in bib
    for field in ("note", "eprint", "archiveprefix", "doi", "url", "keywords", "howpublished"):
        assert not re.search(rf"^  {field} = ", bib, re.M), field
    assert "  author = {Mohammad Tavakoli}" in bib and "  year = {2026}" in bib


def test_bibtex_urls_cannot_unbalance_an_entry():
    odd = paper("Odd", url="https://example.org/a{b}c_d%20e", doi="10.1/x}y")
    bib = bibtex([odd])
    assert "url = {https://example.org/abc_d%20e}" in bib  # verbatim but for braces
    assert "doi = {10.1/xy}" in bib
    assert bib.count("{") == bib.count("}")


def test_keys_are_unique_and_each_paper_appears_once():
    twin = paper("Distributions of Rewards")
    assert bib_key(ARXIV) == bib_key(twin) == "he2026distributions"
    bib = bibtex([ARXIV, twin, ARXIV])
    assert re.findall(r"@misc\{(\w+),", bib) == ["he2026distributions", "he2026distributionsa"]
    assert bibtex([]) == ""


def test_reference_line_lists_identifiers_in_order():
    assert reference(ARXIV) == ("Jiamin He, Martha White (2026). *Distributions as Actions: A Unified Framework*. "
                                "ICLR 2026 (accepted). arXiv:2506.01234. doi:10.48550/arXiv.2506.01234. "
                                "<https://arxiv.org/abs/2506.01234>. Source: seeds/000_page.txt.")
    assert reference(PLAIN) == "Mohammad Tavakoli (2026). *Beyond a Million Tokens*."


def test_markdown_export_renumbers_and_drops_unsupported_sentences():
    shown = [Evidence(n=1, paper=PLAIN, chunk_id="c1", sentences=["BEAM has 100 conversations."]),
             Evidence(n=3, paper=ARXIV, chunk_id="c3", sentences=["DA-AC builds on TD3."])]
    sentences = [AnswerSentence(text="DA-AC is built on TD3 [3].", citations=[3]),
                 AnswerSentence(text="It came from Mars [3].", citations=[3], supported=False),
                 AnswerSentence(text="BEAM has 100 conversations [1][3].", citations=[1, 3])]
    answer = Answer(question="What is *DA-AC* built on?", standalone_question="What is DA-AC built on?",
                    answer="", sentences=sentences, evidence=shown,
                    citations=[Citation.from_evidence(shown[1], "DA-AC builds on TD3."),
                               Citation.from_evidence(shown[0], "BEAM has 100 conversations.")])
    text = answer_markdown(answer)
    assert text.startswith(r"**Q:** What is \*DA-AC\* built on?")
    assert "DA-AC is built on TD3 [1]. BEAM has 100 conversations [2][1]." in text
    assert "Mars" not in text
    refs = text.split("**References**\n\n")[1].splitlines()
    assert refs[0].startswith("1. Jiamin He, Martha White (2026). *Distributions as Actions")
    assert refs[1].startswith("2. Mohammad Tavakoli (2026). *Beyond a Million Tokens*.")


def test_md_escape_neutralises_markdown_from_papers():
    assert md_escape("1. *bold* [link](x) <b>") == r"1\. \*bold\* \[link\](x) \<b\>"
    assert md_escape("- item") == r"\- item"
