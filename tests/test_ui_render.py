"""The UI's pure helpers: chat Markdown, sources panel, exports, library rows, filters, upload names, auth."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from rag.errors import QueryError
from rag.prompts import CLOSEST_NOTE, REFUSAL
from rag.records import Answer, AnswerSentence, Author, Citation, Evidence, Paper, SourceRef, paper_id_for
from ui import library_view, render
from ui.auth import UIError, auth_for, is_loopback
from ui.uploads import UploadError, safe_name, store_uploads


def paper(title: str, authors=("Ada Lovelace", "Alan Turing"), date="2026-04", category="LG", flags=(),
          source="seeds/000_page.txt", line=12, **extra) -> Paper:
    return Paper(paper_id=paper_id_for(title), title=title, authors=[Author(name=a) for a in authors], date=date,
                 date_precision="month", category=category, abstract=f"Abstract of {title}.",
                 sources=[SourceRef(path=source, format="institute", position=0, line=line)], flags=list(flags),
                 **extra)


DA = paper("Distributions as Actions: A Unified Framework", authors=("Jiamin He", "Martha White"),
           venue="ICLR 2026 (accepted)", organisation="amii")
BEAM = paper("Beyond a Million Tokens", authors=("Mohammad Tavakoli",), category="CL", date="2025",
             flags=("authors repeat an earlier paper",))


def evidence(n: int, p: Paper, sentences: list[str]) -> Evidence:
    return Evidence(n=n, paper=p, chunk_id=f"c{n}", sentences=sentences)


def answered() -> Answer:
    """An answer citing passages 2 and 4 of four shown, with one sentence removed as unsupported."""
    shown = [evidence(1, BEAM, ["BEAM has 100 conversations."]),
             evidence(2, DA, ["DA-AC builds on TD3.", "It treats distributions as actions."]),
             evidence(3, BEAM, ["Unrelated."]),
             evidence(4, BEAM, ["It contains 2,000 questions."])]
    sentences = [AnswerSentence(text="DA-AC is built on TD3 [2].", citations=[2], support=0.9),
                 AnswerSentence(text="It was invented at UC Berkeley [2].", citations=[2], supported=False,
                                support=0.1),
                 AnswerSentence(text="BEAM holds 2,000 questions [4][2].", citations=[4, 2], support=0.8)]
    citations = [Citation.from_evidence(shown[1], "DA-AC builds on TD3."),
                 Citation.from_evidence(shown[3], "It contains 2,000 questions.")]
    return Answer(question="What is DA-AC built on?", standalone_question="What is DA-AC built on?",
                  answer="DA-AC is built on TD3 [2]. BEAM holds 2,000 questions [4][2].", sentences=sentences,
                  citations=citations, unsupported_sentences=["It was invented at UC Berkeley [2]."],
                  backend="embedded", model="SmolLM2-135M-Instruct.Q4_1", timings={"total_ms": 2345.0},
                  evidence=shown)


def abstained() -> Answer:
    return Answer(question="What is the capital of France?", standalone_question="What is the capital of France?",
                  answer=REFUSAL, abstained=True, outcome="refused", closest_papers=[DA.title], backend="embedded",
                  model="m",
                  timings={"total_ms": 120.0}, evidence=[evidence(1, DA, ["DA-AC builds on TD3."])])


# ---- chat messages

def test_md_escape_keeps_model_text_literal():
    assert render.md_escape("a *b* [1](x) <script>") == r"a \*b\* \[1\](x) \<script\>"
    assert render.md_escape("1. first") == r"1\. first"
    assert render.md_escape("- item") == r"\- item"
    assert render.md_escape("two\n\nlines") == "two lines"


def test_sentence_markers_become_links_to_their_cards():
    sentence = AnswerSentence(text="DA-AC builds on TD3 [1][3].", citations=[1, 3])
    assert render.linked_sentence(sentence, 2) == "DA-AC builds on TD3 [[1]](#src-2-1)[[3]](#src-2-3)."
    titled = render.linked_sentence(sentence, 2, {1: 'A "quoted" title'})
    assert "[[1]](#src-2-1 \"A 'quoted' title\")" in titled
    assert render.linked_sentence(AnswerSentence(text="No markers here", citations=[]), 1) == "No markers here"


def test_streaming_message_shows_progress_then_sentences():
    assert "Searching" in render.streaming_message([], 1)
    shown = render.streaming_message([AnswerSentence(text="First [1].", citations=[1])], 1)
    assert shown.startswith("First [[1]](#src-1-1).") and shown.endswith("…")


def test_answer_message_shows_removed_sentences_and_the_model():
    text = render.answer_message(answered(), turn=1)
    assert "DA-AC is built on TD3 [[2]](#src-1-2" in text
    assert "BEAM holds 2,000 questions [[4]](#src-1-4" in text
    # The removed sentence is folded away below the answer, never struck through above it.
    assert "~~" not in text
    fold = text[text.index('<details class="removed">'):]
    assert "<summary>1 sentence removed — show</summary>" in fold and "It was invented at UC Berkeley." in fold
    assert text.index("BEAM holds 2,000 questions") < text.index("<details")
    assert "Answered by embedded · SmolLM2-135M-Instruct.Q4_1 · 2.3 s · 2 sources" in text


def test_removed_sentences_are_escaped_inside_the_fold():
    answer = answered()
    answer.sentences[1].text = "<script>alert(1)</script> [2]."
    text = render.answer_message(answer, 1)
    assert "<script>" not in text and "&lt;script&gt;" in text


def closest() -> Answer:
    shown = [evidence(1, DA, ["DA-AC builds on TD3."]), evidence(2, BEAM, ["BEAM has 100 conversations."])]
    sentences = [AnswerSentence(text="DA-AC builds on TD3 [1].", citations=[1], support=1.0, origin="extractive"),
                 AnswerSentence(text="BEAM has 100 conversations [2].", citations=[2], support=1.0,
                                origin="extractive")]
    return Answer(question="How many GPUs does DA-AC use?", standalone_question="How many GPUs does DA-AC use?",
                  answer=f"{CLOSEST_NOTE} DA-AC builds on TD3 [1]. BEAM has 100 conversations [2].",
                  sentences=sentences, abstained=True, outcome="closest", closest_papers=[DA.title, BEAM.title],
                  citations=[Citation.from_evidence(shown[0], "DA-AC builds on TD3."),
                             Citation.from_evidence(shown[1], "BEAM has 100 conversations.")],
                  backend="embedded", model="m", timings={"total_ms": 150.0}, evidence=shown)


def test_the_closest_outcome_is_shown_as_not_a_direct_answer_with_its_passages():
    text = render.answer_message(closest(), 2)
    assert text.startswith("**Not a direct answer.**")
    assert "- DA-AC builds on TD3 [[1]](#src-2-1" in text and "- BEAM has 100 conversations [[2]](#src-2-2" in text
    assert REFUSAL not in text and "No model was asked: the passages come close" in text
    panel = render.sources_html([closest()])
    assert panel.count('class="src-card"') == 2 and "No answer" not in panel
    markdown = render.answer_markdown(closest())
    assert CLOSEST_NOTE in markdown and "DA-AC builds on TD3 [1]." in markdown


def test_answer_message_marks_fallback_and_cut_off():
    answer = answered()
    answer.fallback, answer.cut_off = True, True
    text = render.answer_message(answer, 1)
    assert "quoted from them" in text and "cut off" in text


def test_abstention_is_shown_with_the_closest_papers():
    text = render.answer_message(abstained(), 3)
    assert REFUSAL in text
    assert "Closest papers" in text and "Distributions as Actions" in text
    assert "No model was asked" in text


# ---- sources panel

def test_sources_panel_has_a_card_per_citation_with_metadata_and_highlight():
    panel = render.sources_html([answered()])
    assert panel.count('class="src-card"') == 2
    assert 'id="src-1-2"' in panel and 'id="src-1-4"' in panel
    card = panel[panel.index('id="src-1-2"'):panel.index('id="src-1-4"')]
    for expected in ("Distributions as Actions", "Jiamin He, Martha White", "2026", "LG", "amii",
                     "ICLR 2026 (accepted)", "seeds/000_page.txt, line 12", "<mark>DA-AC builds on TD3.</mark>"):
        assert expected in card
    assert "Also read, not cited" in panel  # passages 1 and 3 were shown to the model but not cited


def test_sources_panel_folds_earlier_answers_and_escapes_html():
    evil = abstained()
    evil.question = "<img src=x onerror=alert(1)>"
    panel = render.sources_html([evil, answered()])
    assert "<img" not in panel and "&lt;img" in panel
    assert panel.index('id="turn-2"') < panel.index('id="turn-1"')  # newest first
    assert '<details class="src-turn" id="turn-1">' in panel
    assert "No answer" in panel
    assert render.sources_html([]) == render.SOURCES_EMPTY


def test_highlight_matches_across_whitespace_and_escapes():
    assert render.highlight("A <b> claim  spans\nlines.", "claim spans lines.") == \
        "A &lt;b&gt; <mark>claim  spans\nlines.</mark>"
    assert render.highlight("x < y", "absent") == "x &lt; y"
    assert render.highlight("x", "") == "x"


# ---- exports

def test_markdown_copy_renumbers_citations_and_lists_references():
    text = render.answer_markdown(answered())
    assert "**Q:** What is DA-AC built on?" in text
    assert "DA-AC is built on TD3 [1]. BEAM holds 2,000 questions [2][1]." in text
    assert "UC Berkeley" not in text
    refs = text.split("**References**")[1]
    assert re.search(r"1\. Jiamin He, Martha White \(2026\)\. \*Distributions as Actions", refs)
    assert "2. Mohammad Tavakoli (2025). *Beyond a Million Tokens*." in refs
    assert "ICLR 2026 (accepted)." in refs and "Source: seeds/000_page.txt." in refs


def test_markdown_copy_of_an_abstention():
    text = render.answer_markdown(abstained())
    assert REFUSAL in text and "- Distributions as Actions" in text


def test_bibtex_entries_are_escaped_unique_and_balanced():
    twin = paper("Distributions as Actions & 100% more_things", authors=("Jiamin He",), date="2026")
    truncated = paper("Étude of {braces}", authors=("Zoë Ünal",), authors_truncated=True, date=None, category=None)
    bib = render.bibtex([DA, twin, DA, truncated])
    assert bib.count("@misc{") == 3  # DA once
    assert "@misc{he2026distributions," in bib and "@misc{he2026distributionsa," in bib
    assert r"title = {{Distributions as Actions \& 100\% more\_things}}" in bib
    assert "author = {Jiamin He and Martha White}" in bib
    assert "note = {ICLR 2026 (accepted)}" in bib and "keywords = {LG}" in bib
    assert "@misc{unaletude," in bib and r"\{braces\}" in bib and "author = {Zoë Ünal and others}" in bib
    for entry in bib.split("\n\n"):
        unescaped = entry.replace(r"\{", "").replace(r"\}", "")
        assert unescaped.count("{") == unescaped.count("}")
    assert render.bibtex([]) == ""


# ---- library tab and chat controls

def test_library_rows_search_every_field_and_flags():
    rows = library_view.library_rows([DA, BEAM])
    assert rows[0][:4] == [DA.title, "Jiamin He, Martha White", "2026", "LG"]
    assert rows[1][-1] == "authors repeat an earlier paper"
    assert [r[0] for r in library_view.library_rows([DA, BEAM], "white lg")] == [DA.title]
    assert [r[0] for r in library_view.library_rows([DA, BEAM], "tavakoli")] == [BEAM.title]
    assert [r[0] for r in library_view.library_rows([DA, BEAM], flagged_only=True)] == [BEAM.title]
    assert library_view.library_rows([DA, BEAM], "nothing-like-this") == []


def test_filters_from_controls():
    assert library_view.make_filters("", "", "", "", "").is_empty()
    f = library_view.make_filters(" White ", "2024", "2026", "LG", "seeds/000_page.txt")
    assert (f.author, f.year, f.category, f.source) == ("White", "2024-2026", "LG", "seeds/000_page.txt")
    assert library_view.make_filters(None, "2026", "2024", None, None).year == "2024-2026"  # swapped ends are fixed
    assert library_view.make_filters(None, "2025", None, None, None).year == "2025-"
    assert library_view.make_filters(None, None, "2025", None, None).year == "-2025"
    with pytest.raises(QueryError):
        library_view.make_filters(None, None, None, "XX", None).paper_ids([DA, BEAM])


def test_filter_choices_are_what_the_library_holds():
    assert library_view.filter_choices([DA, BEAM]) == {"years": ["2025", "2026"], "categories": ["CL", "LG"],
                                                 "sources": ["seeds/000_page.txt"]}


def test_example_questions_prefer_the_dataset_when_its_papers_are_there(tmp_path):
    dataset = tmp_path / "q.jsonl"
    rows = [{"id": "a", "question": "Q about DA?", "gold_titles": [DA.title], "answer_keywords": [], "kind": "lookup"},
            {"id": "b", "question": "Q about missing?", "gold_titles": ["Not here"], "answer_keywords": [],
             "kind": "lookup"},
            {"id": "c", "question": "Nothing?", "gold_titles": [], "answer_keywords": [], "kind": "unanswerable"}]
    dataset.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert library_view.example_questions([DA, BEAM], dataset, n=3) == [
        "Q about DA?", f"What does “{DA.title}” propose?", f"What does “{BEAM.title}” propose?"]
    assert library_view.example_questions([], dataset) == []


# ---- uploads

@pytest.mark.parametrize("name, expected", [
    ("paper.pdf", "paper.pdf"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\win\\evil.MD", "evil.md"),
    ("My Paper (final) v2.PDF", "My_Paper_final_v2.pdf"),
    ("Résumé—naïve.txt", "Resume_naive.txt"),
    (".hidden.txt", "hidden.txt"),
    ("$(rm -rf ~);.txt", "rm_-rf.txt"),
    ("....txt", "upload.txt"),
    ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
])
def test_safe_name(name, expected):
    assert safe_name(name) == expected


@pytest.mark.parametrize("name", ["script.sh", "archive.tar.gz", "noext", "paper.pdf.exe", ""])
def test_safe_name_refuses_unsupported_types(name):
    with pytest.raises(UploadError, match="unsupported file type"):
        safe_name(name)


def test_store_uploads_copies_dedupes_and_renames(tmp_path):
    a, b = tmp_path / "in" / "x", tmp_path / "in" / "y"
    a.mkdir(parents=True), b.mkdir()
    (a / "My Paper.txt").write_text("one")
    (b / "My Paper.txt").write_text("two")
    folder = tmp_path / "uploads"
    first = store_uploads([a / "My Paper.txt"], folder)
    assert first == [folder / "My_Paper.txt"] and first[0].read_text() == "one"
    assert store_uploads([a / "My Paper.txt"], folder) == first  # same content: not copied twice
    second = store_uploads([b / "My Paper.txt"], folder)
    assert second == [folder / "My_Paper-2.txt"] and second[0].read_text() == "two"
    assert sorted(p.name for p in folder.iterdir()) == ["My_Paper-2.txt", "My_Paper.txt"]


def test_store_uploads_checks_everything_before_copying(tmp_path):
    good, big, empty = tmp_path / "good.txt", tmp_path / "big.pdf", tmp_path / "empty.md"
    good.write_text("fine")
    big.write_bytes(b"%PDF-" + b"0" * 3 * 2**20)
    empty.write_text("")
    folder = tmp_path / "uploads"
    with pytest.raises(UploadError, match=r"big.pdf is 3.0 MB; the limit is 2 MB"):
        store_uploads([good, big], folder, max_bytes=2 * 2**20)
    with pytest.raises(UploadError, match="empty.md is empty"):
        store_uploads([good, empty], folder)
    with pytest.raises(UploadError, match="no file"):
        store_uploads([], folder)
    assert not folder.exists()


# ---- who may connect

def test_loopback_hosts():
    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "127.0.0.2", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.5", "::", "example.org"))


def test_non_loopback_host_needs_credentials(tmp_path):
    assert auth_for("127.0.0.1", {}) is None
    with pytest.raises(UIError, match="RAG_UI_AUTH=user:password"):
        auth_for("0.0.0.0", {})
    assert auth_for("0.0.0.0", {"RAG_UI_AUTH": "ann:s3:cret"}) == [("ann", "s3:cret")]
    with pytest.raises(UIError, match="expected user:password"):
        auth_for("0.0.0.0", {"RAG_UI_AUTH": "no-colon"})
    creds = tmp_path / "auth"
    creds.write_text("# users\nann:one\n\nbob:two\n")
    assert auth_for("0.0.0.0", {"RAG_UI_AUTH_FILE": str(creds)}) == [("ann", "one"), ("bob", "two")]
    with pytest.raises(UIError, match="cannot be read"):
        auth_for("0.0.0.0", {"RAG_UI_AUTH_FILE": str(tmp_path / "missing")})


def test_rag_ui_refuses_an_open_host_without_a_password_in_one_line():
    from click.testing import CliRunner

    from ui.cli import ui_command

    result = CliRunner().invoke(ui_command, ["--host", "0.0.0.0"],
                                env={"RAG_UI_AUTH": None, "RAG_UI_AUTH_FILE": None})
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: --host 0.0.0.0 would open the UI beyond this machine without a password — set "
        "RAG_UI_AUTH=user:password (or RAG_UI_AUTH_FILE=path), or keep the default 127.0.0.1"]


def test_long_source_paths_are_shortened_for_display():
    assert render.short_path("seeds/000_page.txt") == "seeds/000_page.txt"
    assert render.short_path("/home/me/rag/uploads/notes.pdf") == "…/uploads/notes.pdf"
    upload = paper("Notes", source="/home/me/rag/uploads/notes.pdf", line=None)
    assert library_view.library_rows([upload])[0][6] == "…/uploads/notes.pdf"
    card = render.sources_html([_cite(upload)])
    assert 'title="/home/me/rag/uploads/notes.pdf"' in card and ">…/uploads/notes.pdf</code>" in card


def _cite(p: Paper) -> Answer:
    shown = evidence(1, p, ["A claim."])
    return Answer(question="q", standalone_question="q", answer="A claim [1].",
                  sentences=[AnswerSentence(text="A claim [1].", citations=[1])],
                  citations=[Citation.from_evidence(shown, "A claim.")], evidence=[shown])


def test_library_summary_counts_kinds_and_flags():
    upload = paper("My notes", flags=("no 'Abstract' heading",))
    upload.sources = [SourceRef(path="/home/me/uploads/notes.pdf", format="pdf", position=0)]
    assert library_view.library_summary([DA, BEAM, upload], passages=7, shown=2) == (
        "**3 papers** (2 from institute pages, 1 PDF) · 7 passages indexed · 2 with data-quality flags · showing 2")


# ---- the model picker and the evals tab

def test_model_picker_lists_the_embedded_model_and_says_when_ollama_is_absent(settings):
    from ui.backends import Backends

    picker = Backends(settings, "auto")  # the settings point at a closed port (conftest)
    assert picker.refresh() == "embedded"
    assert [value for _, value in picker.choices] == ["embedded"]
    assert picker.choices[0][0].startswith("Embedded · SmolLM2")
    assert "No Ollama server at http://127.0.0.1:9" in picker.note


def test_model_picker_lists_what_a_reachable_ollama_has(settings):
    from rag.llm import EmbeddedLLM
    from ui.backends import Backends

    from ollama_server import OllamaTestServer

    with OllamaTestServer(EmbeddedLLM()) as server:
        served = settings.model_copy(update={"llm": settings.llm.model_copy(update={"ollama_host": server.url})})
        picker = Backends(served.model_copy(update={"llm": served.llm.model_copy(update={"ollama_model": "smollm2:135m"})}),
                          "auto")
        assert picker.initial() == "embedded"  # start-up does not wait for Ollama
        assert picker.refresh() == "ollama:smollm2:135m"
        assert picker.choices[1] == ("Ollama · smollm2:135m", "ollama:smollm2:135m")
        assert picker.label("ollama:smollm2:135m") == "Ollama · smollm2:135m"
        assert f"Ollama at {server.url}: 1 model." in picker.note
        assert Backends(served, "ollama:llama3.2").refresh() == "ollama:llama3.2"  # asked for, shown as missing


def test_latest_report_and_its_view(tmp_path):
    from ui import reports

    assert reports.latest_report([tmp_path / "none"]) is None
    assert reports.report_view(None)[0] == reports.NO_REPORT
    old, new = tmp_path / "evals" / "a", tmp_path / "out" / "b"
    written = Path(__file__).parent / "data" / "eval_report_before_types.json"
    for folder, stamp in ((old, 1_000_000), (new, 2_000_000)):
        folder.mkdir(parents=True)
        (folder / "report.json").write_text(written.read_text() if folder is new else "{}")
        os.utime(folder / "report.json", (stamp, stamp))
    (new / "recall_at_k.png").write_bytes(b"png")
    found = reports.latest_report([tmp_path / "evals", tmp_path / "out"])
    assert found == new / "report.json"
    text, plots = reports.report_view(found)  # rendered from the typed report.json; no report.md needed
    assert "# Eval report: seeds.jsonl" in text and "| ours | 0.905 | 0.984 |" in text and str(new) in text
    assert "## Targets" in text and "## Plots" not in text
    assert plots == [new / "recall_at_k.png", None]
    text, _ = reports.report_view(old / "report.json")
    assert text.endswith("cannot be shown: " + f"{old / 'report.json'}: not an eval report (no summary.systems) — "
                         "was it written by `rag eval --out`?")


def test_a_pdf_card_says_section_and_page_and_links_the_pdf_at_that_page():
    pdf = paper("Construction of the Literature Graph", source="/data/papers/N18 3011.pdf", line=None)
    pdf.sources[0].format = "pdf"
    shown = Evidence(n=1, paper=pdf, chunk_id="c1", sentences=["It consists of 1.4M PDFs."], section="3 Metadata",
                     page=2)
    card = render._card(1, 1, shown, "")
    assert '<span class="src-where">§3 Metadata, p. 2</span>' in card
    assert 'href="gradio_api/file=/data/papers/N18%203011.pdf#page=2"' in card and "Open the PDF at p. 2" in card
    seed = render._card(1, 2, evidence(2, DA, ["DA-AC builds on TD3."]), "")
    assert "Source page" in seed and "seeds/000_page.txt, line 12" in seed and "src-open" not in seed
    hover = render._titles(Answer(question="q", standalone_question="q", answer="", evidence=[shown]))
    assert hover == {1: "Construction of the Literature Graph — §3 Metadata, p. 2"}
