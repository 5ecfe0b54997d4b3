"""The UI in a real browser: `rag ui` serves the seeded library with the embedded model on a free
loopback port, and headless Chromium (Debian's `chromium`) drives it through Playwright.

Screenshots land in tests/output/ (gitignored) for a person to look at. Every page also checks
that no request left the machine.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from rag.config import PROJECT_ROOT
from rag.prompts import REFUSAL

CHROMIUM = Path("/usr/bin/chromium")
PDF = PROJECT_ROOT.parent / "shared" / "pdfs" / "papers" / "N18-3011.pdf"
OUT = PROJECT_ROOT / "tests" / "output"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ANSWER_TIMEOUT_MS = 90_000  # the embedded model answers in seconds; a busy 2-core CI machine gets slack

pytestmark = [pytest.mark.browser]

SEED_QUESTION = "What is DA-AC and which continuous-control algorithm is it built on?"
SEED_TITLE = "Distributions as Actions: A Unified Framework for Diverse Action Spaces"
UPLOAD_TITLE = "Quokka Gradient Tempering for Sparse Expert Routing"
UPLOAD_TEXT = f"""# {UPLOAD_TITLE}

Abstract

We introduce quokka gradient tempering (QGT), a method that cools the router gradients of a sparse
mixture-of-experts model during the first thousand training steps. Quokka gradient tempering reduces
expert collapse by 37 percent on a 1.3B-parameter language model. The tempering schedule follows the
router entropy, so no new hyperparameter is needed.

1 Introduction

Sparse expert routing collapses when a few experts receive most tokens early in training.
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=2) as response:
        return response.status


@pytest.fixture(scope="module")
def ui_url(seeded_home, models_dir, tmp_path_factory):
    """`python -m ui.cli` on a private copy of the seeded home; the start-up time to the first page is recorded."""
    home = tmp_path_factory.mktemp("ui") / "home"
    shutil.copytree(seeded_home, home)
    yield from _serve(home, models_dir, "ui-server")


@pytest.fixture(scope="module")
def pdf_ui_url(seeded_home, models_dir, embedder, tmp_path_factory):
    """The UI over the seeds plus one real two-column PDF."""
    from rag.library import Library

    from conftest import make_settings

    home = tmp_path_factory.mktemp("ui-pdf") / "home"
    shutil.copytree(seeded_home, home)
    Library(make_settings(home, models_dir), embedder=embedder).ingest([PDF])
    yield from _serve(home, models_dir, "ui-pdf-server")


def _serve(home: Path, models_dir: Path, name: str):
    env = {k: v for k, v in os.environ.items()
           if k not in ("HF_HOME", "LLAMA_INDEX_CACHE_DIR", "GRADIO_TEMP_DIR", "MPLCONFIGDIR",
                        "TORCHINDUCTOR_CACHE_DIR", "NLTK_DATA", "RAG_CHROMA_URL")}
    env.update(RAG_HOME=str(home), RAG_MODELS_DIR=str(models_dir), HOME=str(home.parent / "user-home"),
               OLLAMA_HOST="http://127.0.0.1:9", PYTHONUNBUFFERED="1")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    OUT.mkdir(parents=True, exist_ok=True)
    log = open(OUT / f"{name}.log", "w")
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "ui.cli", "--port", str(port), "--llm", "embedded"],
                              cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            if server.poll() is not None:
                pytest.fail(f"rag ui exited with {server.returncode}: {(OUT / f'{name}.log').read_text()[-2000:]}")
            try:
                if _get(url) == 200:
                    break
            except OSError:
                pass
            if time.perf_counter() - started > 120:
                pytest.fail("rag ui did not serve its page within 120 s")
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        (OUT / "ui-startup.txt").write_text(f"process start -> first page (HTTP 200): {seconds:.2f} s\n")
        print(f"\nrag ui: process start -> first page {seconds:.2f} s")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Never skipped: a missing browser is a missing install step, and fails with the line that fixes it.
    assert CHROMIUM.exists(), f"the browser tests need Debian's chromium at {CHROMIUM}: apt-get install -y chromium"

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Session:
    """One browser context on the UI: its own cookies, its own Gradio session, its own chat history."""

    def __init__(self, browser, url: str):
        self.context = browser.new_context(viewport={"width": 1400, "height": 950})
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.page.on("request", self._record)
        self.page.goto(url)
        self.page.locator("#question textarea").wait_for()

    def _record(self, request) -> None:
        if not request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            self.outside.append(request.url)

    def bot_messages(self):
        return self.page.locator('#chat [data-testid="bot"]')

    def submit(self, question: str) -> None:
        self.page.locator("#question textarea").fill(question)
        self.page.locator("#ask").click()

    def wait_answer(self, count: int) -> str:
        """Wait until the `count`-th answer is finished (its model line is shown); return its text."""
        self.page.wait_for_function(
            """n => { const m = document.querySelectorAll('#chat [data-testid="bot"]');
                      return m.length >= n
                          && /Answered by|No model was asked|Could not answer/.test(m[n - 1].innerText); }""",
            arg=count, timeout=ANSWER_TIMEOUT_MS)
        return self.bot_messages().nth(count - 1).inner_text()

    def ask(self, question: str) -> str:
        count = self.bot_messages().count() + 1
        self.submit(question)
        return self.wait_answer(count)

    def sources(self) -> str:
        return self.page.locator("#sources").inner_text()

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(OUT / name), full_page=True)

    def close(self) -> None:
        assert not self.outside, f"requests left the machine: {self.outside}"
        self.context.close()


@pytest.fixture
def session(browser, ui_url):
    opened = Session(browser, ui_url)
    yield opened
    opened.close()


def test_seed_question_streams_a_cited_answer_beside_its_sources(session):
    page = session.page
    examples = page.locator("#chat button.example")
    examples.first.wait_for()  # the chat renders its examples after the question box: wait on them, not on time
    assert examples.count() >= 3, "a new user sees example questions"
    session.shot("01-first-load.png")

    # Record what the answer bubble shows as it changes, to see it stream rather than arrive whole.
    page.evaluate("""() => { window.__states = [];
        new MutationObserver(() => { const m = document.querySelectorAll('#chat [data-testid="bot"]');
            if (m.length) window.__states.push(m[m.length - 1].innerText); })
        .observe(document.querySelector('#chat'), {subtree: true, childList: true, characterData: true}); }""")
    text = session.ask(SEED_QUESTION)
    states = page.evaluate("window.__states")
    assert any("Searching the papers" in s for s in states), "the answer bubble appears before the answer is done"
    assert len(set(states)) >= 3, f"the answer streamed in steps, saw {len(set(states))} distinct states"

    assert "Answered by embedded" in text and "SmolLM2" in text, "the model that answered is shown under it"
    link = page.locator('#chat [data-testid="bot"] a[href*="#src-1-"]').first
    assert link.count() == 1, f"the answer cites a passage: {text!r}"
    target = link.get_attribute("href").split("#")[-1]
    card = page.locator(f"#sources #{target}")
    assert card.count() == 1
    assert SEED_TITLE in session.sources(), "the DA-AC paper is among the sources"
    assert page.locator("#sources mark").count() >= 1, "the supporting span is highlighted"
    assert "seeds/" in card.inner_text() and "Source page" in card.inner_text()

    link.click()
    page.wait_for_function(f"document.getElementById('{target}').classList.contains('flash')", timeout=5000)
    session.shot("02-cited-answer.png")

    # Exports: Markdown with a numbered reference list, and BibTeX of the cited papers.
    page.locator("#exports").click()
    page.locator("#answer-md").wait_for()
    markdown = page.locator("#answer-md").inner_text()
    assert "**References**" in markdown and "1. " in markdown
    assert "@misc{" in page.locator("#answer-bib").inner_text()
    assert page.locator("#bibtex").is_enabled()
    session.shot("03-exports.png")


def test_off_corpus_question_shows_the_refusal(session):
    text = session.ask("What is the capital of France?")
    assert REFUSAL in text
    assert "No answer" in session.sources()
    session.shot("04-refusal.png")


def test_two_sessions_at_once_keep_separate_histories(browser, ui_url):
    first, second = Session(browser, ui_url), Session(browser, ui_url)
    try:
        first.submit(SEED_QUESTION)
        second.submit("How many conversations and questions does the BEAM long-term memory benchmark contain?")
        first_text, second_text = first.wait_answer(1), second.wait_answer(1)
        assert "DA-AC" not in second.page.locator("#chat").inner_text()
        assert "BEAM" not in first.page.locator("#chat").inner_text()

        # A follow-up that points back is read against this session's own history only.
        follow_up = second.ask("Who are its authors?")
        assert "Beyond a Million Tokens" in second.sources(), follow_up
        assert SEED_TITLE not in second.sources().split("Question 1")[0]
        assert first.bot_messages().count() == 1 and second.bot_messages().count() == 2
        first.shot("05-session-a.png")
        second.shot("05-session-b.png")
    finally:
        first.close()
        second.close()


def test_an_uploaded_paper_can_be_cited(session, tmp_path):
    page = session.page
    page.get_by_role("tab", name="Library").click()
    upload = tmp_path / "Quokka tempering (draft).txt"
    upload.write_text(UPLOAD_TEXT)
    page.locator("#upload-files input[type=file]").set_input_files(str(upload))
    page.locator("#upload-add").click()
    # expect() retries until the text is there: what Gradio shows while an event runs (its pending timer,
    # the previous value) can never be read as the result.
    expect(page.locator("#upload-status")).to_contain_text(re.compile(r"Added.*Quokka_tempering_draft\.txt", re.S),
                                                           timeout=ANSWER_TIMEOUT_MS)
    page.locator("#library-search textarea, #library-search input").first.fill("quokka")
    expect(page.locator("#library-summary")).to_contain_text(re.compile(r"150 papers.*showing 1\b", re.S),
                                                             timeout=10_000)
    # The summary and the table are separate outputs: wait for the table's own re-render too.
    expect(page.locator("#library-table")).to_contain_text(UPLOAD_TITLE, timeout=10_000)
    # The old, unfiltered table also holds the upload: wait for the other papers to leave it.
    expect(page.locator("#library-table")).not_to_contain_text("Distributions as Actions", timeout=10_000)
    session.shot("06-library-upload.png")

    page.get_by_role("tab", name="Chat").click()
    session.ask("What is quokka gradient tempering (QGT)?")
    expect(page.locator("#sources")).to_contain_text(UPLOAD_TITLE, timeout=10_000)  # its own output: wait for it
    session.shot("07-upload-cited.png")


def test_evals_tab_runs_the_retrieval_eval_and_shows_its_report(session):
    page = session.page
    page.get_by_role("tab", name="Evals").click()
    expect(page.locator("#eval-report")).to_contain_text("No eval report yet", timeout=10_000)
    page.locator("#run-eval").click()
    expect(page.locator("#eval-status")).to_contain_text(re.compile("Eval finished|could not run"),
                                                         timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#eval-status")).to_contain_text("Eval finished")
    # The report is a separate output that showed Gradio's pending timer ("0.2s") after the status changed:
    # wait for its final content, never read it once.
    report = page.locator("#eval-report")
    expect(report).to_contain_text("Retrieval, answerable questions", timeout=ANSWER_TIMEOUT_MS)
    expect(report).to_contain_text("ours")
    expect(report).to_contain_text("bm25")
    expect(page.locator("#eval-plots img")).to_have_count(2, timeout=10_000)  # recall@k and latency plots
    page.wait_for_function("Array.from(document.querySelectorAll('#eval-plots img')).every(i => i.complete)")
    session.shot("08-evals.png")


def test_a_pdf_citation_says_where_and_opens_the_pdf_at_that_page(browser, pdf_ui_url):
    session = Session(browser, pdf_ui_url)
    try:
        page = session.page
        session.ask("How many PDFs from PubMed Central was the ScienceParse system trained on?")
        link = page.locator("#sources a.src-open").first
        expect(link).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
        card = link.locator("xpath=ancestor::div[contains(@class, 'src-card')]")
        where = card.locator(".src-where").inner_text()
        href = link.get_attribute("href")
        number = re.search(r"#page=(\d+)$", href)
        assert number and re.search(rf"§.+, p\. {number.group(1)}$", where), (href, where)
        assert "Semantic Scholar" in card.inner_text() and "N18-3011.pdf" in card.inner_text()

        served = page.request.get(urljoin(pdf_ui_url, href.split("#")[0]))
        assert served.status == 200 and served.headers["content-type"] == "application/pdf"
        assert served.body()[:5] == b"%PDF-"
        # Only the library's own files are served: nothing else on the disk.
        assert page.request.get(urljoin(pdf_ui_url, "gradio_api/file=/etc/passwd")).status == 403

        with session.context.expect_page() as opened:
            link.click()
        viewer = opened.value
        viewer.wait_for_url(re.compile(rf".*N18-3011\.pdf#page={number.group(1)}$"))
        session.shot("09-pdf-citation.png")
        viewer.close()
    finally:
        session.close()


# ---- issue 11: examples that answer, Ask that waits, limits and filters that talk back, manage and come back


def _open_settings(page) -> None:
    if not page.locator("#source-filter").is_visible():
        page.locator("#settings").get_by_text("Model:").first.click()
        page.locator("#source-filter").wait_for(state="visible")


def _choose(page, elem_id: str, option: str) -> None:
    """Pick a dropdown option by its shown name (Gradio dropdowns open on a click on their input)."""
    page.locator(f"#{elem_id} input").click()
    page.get_by_role("option").filter(has_text=option).first.click()
    expect(page.locator(f"#{elem_id} input")).to_have_value(re.compile(re.escape(option[:20])))


def test_every_example_question_is_answered(browser, ui_url):
    opening = Session(browser, ui_url)
    try:
        opening.page.locator("#chat button.example").first.wait_for()
        examples = [b.inner_text().strip() for b in opening.page.locator("#chat button.example").all()]
    finally:
        opening.close()
    assert len(examples) >= 3
    for number, example in enumerate(examples, start=1):
        fresh = Session(browser, ui_url)  # the start screen shows the examples only before the first question
        try:
            fresh.page.locator("#chat button.example", has_text=example[:40]).first.click()
            text = fresh.wait_answer(1)
            assert REFUSAL not in text and "Could not answer" not in text, (example, text)
            fresh.shot(f"11-example-{number}.png")
        finally:
            fresh.close()


def test_ask_waits_while_an_answer_streams(session):
    page = session.page
    session.submit(SEED_QUESTION)
    expect(page.locator("#ask")).to_be_disabled(timeout=10_000)
    expect(page.locator("#question textarea")).to_be_disabled()
    session.wait_answer(1)
    expect(page.locator("#ask")).to_be_enabled(timeout=10_000)
    expect(page.locator("#question textarea")).to_be_enabled()


def test_a_long_paste_is_told_its_limit(session):
    text = session.ask("why" + " why" * 1249)  # 4,999 characters, as pasted
    assert "4,999 characters" in text and "limit is 2,000" in text, text


def test_filters_show_page_names_and_talk_back(session):
    page = session.page
    _open_settings(page)
    page.locator("#source-filter input").click()
    expect(page.get_by_role("option", name="Amii at ICLR 2026")).to_be_visible(timeout=10_000)
    options = page.get_by_role("option").all_inner_texts()
    assert any("Amii at ICLR 2026" in o for o in options) and not any(re.search(r"[0-9a-f]{16}", o) for o in options)
    page.keyboard.press("Escape")
    page.get_by_role("textbox", name="Author").fill("Bei Jiang")
    text = session.ask("What do these papers propose?")
    assert "2 papers pass the filters" in text and "Filters: author: Bei Jiang" in text, text
    _choose(page, "source-filter", "trending papers")
    text = session.ask("What do these papers propose?")
    assert "No paper matches these filters" in text and "Clear them" in text, text
    session.shot("12-filters-no-match.png")
    page.locator("#clear-filters").click()
    expect(page.get_by_role("textbox", name="Author")).to_have_value("")
    expect(page.locator("#source-filter input")).to_have_value("Any")


def test_a_pronoun_with_nothing_to_point_to_asks_which_paper(session):
    text = session.ask("Who are its authors?")
    assert "Which paper do you mean?" in text


def test_metadata_question_lists_every_paper_with_its_page_line(session):
    text = session.ask("Which papers did Max Schwarzer co-author?")
    assert "8 papers match" in text and "author: Max Schwarzer" in text
    assert "line" in session.sources() and "Aaron Courville" in session.sources()


@pytest.fixture(scope="module")
def manage_ui_url(seeded_home, models_dir, tmp_path_factory):
    """Its own server: these tests remove papers and keep conversations."""
    home = tmp_path_factory.mktemp("ui-manage") / "home"
    shutil.copytree(seeded_home, home)
    yield from _serve(home, models_dir, "ui-manage-server")


def test_a_conversation_can_be_reopened_later(browser, manage_ui_url):
    first = Session(browser, manage_ui_url)
    try:
        first.ask("How many workshop papers are there?")
    finally:
        first.close()
    later = Session(browser, manage_ui_url)
    try:
        page = later.page
        page.locator("#past-conversations input").click()
        page.get_by_role("option").filter(has_text="How many workshop papers").first.click()
        page.locator("#open-conversation").click()
        expect(page.locator("#chat")).to_contain_text("How many workshop papers are there?", timeout=10_000)
        text = later.ask("Which section is it listed in?")  # follows up on the reopened conversation
        assert "Aligning Visual Structural Compositionality" in text or "workshop" in text, text
    finally:
        later.close()


def test_the_library_tab_removes_a_paper(browser, manage_ui_url):
    session = Session(browser, manage_ui_url)
    try:
        page = session.page
        page.get_by_role("tab", name="Library").click()
        before = page.locator("#library-summary").inner_text()
        _choose(page, "remove-target", "Paper: TokMem")
        page.locator("#remove").click()
        expect(page.locator("#remove-status")).to_contain_text("Removed", timeout=ANSWER_TIMEOUT_MS)
        assert "TokMem" in page.locator("#remove-status").inner_text()
        expect(page.locator("#library-summary")).not_to_have_text(before, timeout=10_000)
        page.get_by_role("tab", name="Chat").click()
        text = session.ask("Which papers did Zijun Wu co-author?")
        assert "TokMem" not in text
        session.shot("13-removed.png")
    finally:
        session.close()
