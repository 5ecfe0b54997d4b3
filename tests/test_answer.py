"""Cited answers end to end: the real seed index, the real embedded model, a real Ollama-protocol server."""

import json
import os
import subprocess
import sys

import pytest

from rag import prompts
from rag.answer import Answerer
from rag.conversation import Turn
from rag.llm import EmbeddedLLM, OllamaLLM

from citation_checks import assert_citations_grounded
from ollama_server import OllamaTestServer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedded():
    return EmbeddedLLM()


@pytest.fixture
def answerer(seeded, embedded):
    return Answerer(seeded, embedded)


def cited_titles(answer):
    return [c.title for c in answer.citations]


def test_a_lookup_question_cites_the_right_paper(answerer):
    streamed = []
    answer = answerer.ask("Which paper proposes a Gaussian trust region for PPO?", on_sentence=streamed.append)
    assert not answer.abstained
    assert cited_titles(answer)[0].startswith("Local Guidance, Global Impact")
    assert answer.backend == "embedded" and answer.model.startswith("SmolLM2")
    assert [s.text for s in streamed] == [s.text for s in answer.sentences if s.supported]
    # Every [n] the reader sees is a passage that was shown, its card highlights text of that passage, and
    # every shown sentence is supported.
    assert_citations_grounded(answer)
    assert all(s.citations and s.supported for s in answer.sentences if s.text in answer.answer)
    assert answer.prompt_tokens > 0 and answer.timings["total_ms"] > 0


def test_the_rubiks_cube_question_the_tiny_model_invents_for_is_answered_from_the_papers(answerer):
    answer = answerer.ask("Which paper is about the Rubik's Cube?")
    assert cited_titles(answer)[0].startswith("Learning Admissible Heuristics for A*")
    assert "Rubik" in answer.citations[0].span
    assert "university" not in answer.answer.casefold()


@pytest.mark.parametrize("question", ["What is the capital of France?",
                                      "How does AlphaFold predict protein structures?"])
def test_an_off_corpus_question_is_refused_with_the_closest_papers(answerer, question):
    answer = answerer.ask(question)
    assert answer.outcome == "refused" and answer.abstained and answer.answer == prompts.REFUSAL
    assert answer.citations == [] and answer.closest_papers
    assert "first_token_ms" not in answer.timings, "the model is not asked when the evidence is too weak"


def test_a_follow_up_resolves_its_reference(answerer):
    first = answerer.ask("What does TokMem do?")
    assert cited_titles(first)[0].startswith("TokMem")
    history = [Turn(question=first.question, standalone_question=first.standalone_question, answer=first.answer,
                    cited_titles=cited_titles(first))]
    follow = answerer.ask("And who are its authors?", history=history)
    assert "TokMem" in follow.standalone_question
    assert cited_titles(follow) and cited_titles(follow)[0].startswith("TokMem")


def test_a_copied_abstract_is_credited_to_its_real_paper_only(answerer):
    answer = answerer.ask("Which paper improves online reinforcement learning using non-curated offline data "
                          "to guide world models?")
    titles = cited_titles(answer)
    assert titles and titles[0].startswith("Efficient Reinforcement Learning by Guiding World Models")
    assert not any(t.startswith("Learning Nonlinear Causal Reductions") for t in titles)
    for evidence in answer.evidence:
        if evidence.paper.abstract_duplicate_of:
            assert all(s.startswith(("Authors:", "Venue:", "Date:", "Category:", "Organisation:"))
                       for s in evidence.sentences), "only the copy's own metadata may be shown"


def test_the_ollama_backend_answers_over_http_with_checked_citations(seeded, embedded):
    with OllamaTestServer(embedded, model="smollm2:135m") as server:
        llm = OllamaLLM("smollm2:135m", host=server.url, timeout=60, stall_timeout=10)
        answer = Answerer(seeded, llm).ask("What does TokMem do?")
        assert answer.backend == "ollama" and answer.model == "smollm2:135m"
        assert cited_titles(answer)[0].startswith("TokMem")
        chat = server.chat_requests()[-1]
        assert chat["stream"] is True and chat["options"]["num_ctx"] >= 2048


def test_a_backend_that_stalls_mid_answer_gives_a_marked_partial_answer(seeded, embedded):
    with OllamaTestServer(embedded, model="smollm2:135m") as server:
        server.stall_after_tokens = 3
        llm = OllamaLLM("smollm2:135m", host=server.url, timeout=60, stall_timeout=2)
        answer = Answerer(seeded, llm).ask("What does TokMem do?")
        assert answer.cut_off and "cut off" in answer.answer
        assert_citations_grounded(answer)


def test_rag_ask_json_schema(seeded_home, models_dir):
    env = dict(os.environ, RAG_HOME=str(seeded_home), RAG_MODELS_DIR=str(models_dir))
    out = subprocess.run([sys.executable, "-m", "rag.cli", "ask", "What does TokMem do?", "--llm", "embedded",
                          "--json"], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("answer", "citations", "abstained", "outcome", "answerability", "backend", "model",
                "unsupported_sentences", "timings", "prompt_tokens"):
        assert key in data
    assert data["outcome"] in ("answer", "closest", "refused") and data["abstained"] == (data["outcome"] != "answer")
    for key in ("retrieve_ms", "first_token_ms", "total_ms"):
        assert key in data["timings"]
    assert set(data["citations"][0]) >= {"n", "paper_id", "title", "authors", "year", "source", "passage"}


def test_rag_ask_names_no_model_for_an_answer_from_the_catalog(seeded_home, models_dir):
    env = dict(os.environ, RAG_HOME=str(seeded_home), RAG_MODELS_DIR=str(models_dir))
    out = subprocess.run([sys.executable, "-m", "rag.cli", "ask", "How many papers has Aaron Courville co-authored?",
                          "--llm", "embedded"], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    footers = [line for line in out.stdout.splitlines() if line.startswith("— ")]
    assert footers and footers[-1].startswith("— catalog, "), out.stdout  # was "— catalog:, 0.1 s": no model name


def test_a_citation_highlights_the_span_the_checker_found(seeded):
    """One span finder: the card's highlighted sentence is the checker's supporting span, not a word-overlap pick."""
    from rag.answer import _citations
    from rag.citations import SupportScorer, check_sentence
    from rag.evidence import select_evidence
    from rag.records import AnswerSentence

    query = "How much GPU memory does R-MelNet need?"
    view = seeded.view()
    hits = view.search(query, k=3)
    evidence = select_evidence(query, hits, view.embedder, seeded.settings.evidence,
                               view.chunks_by_paper, focus=query, chunk_scores=view.chunk_scores)
    scorer = SupportScorer(seeded.embedder, evidence)
    claim = "R-MelNet trains on a single GPU with under 11 gigabytes of memory."
    sentence = check_sentence(claim, [evidence[0].n], scorer, 0.0, query)
    assert sentence.citations == [evidence[0].n]
    [citation] = _citations([sentence], evidence, scorer, query)
    assert citation.span == scorer.check(claim, evidence[0].n, question=query).span
    assert citation.span in evidence[0].sentences and "11" in citation.span
    quoted = AnswerSentence(text=f"{evidence[0].sentences[-1]} [{evidence[0].n}]", citations=[evidence[0].n],
                            origin="extractive")
    assert _citations([quoted], evidence, None, query)[0].span == evidence[0].sentences[-1]


def test_the_prompt_names_a_paper_once_in_full_and_skips_passages_beyond_the_gap(seeded, embedded):
    from rag.records import Evidence, Paper, paper_id_for

    title = "SPECTER: Document-level Representation Learning using Citation-informed Transformers"
    paper = Paper(paper_id=paper_id_for(title), title=title)
    evidence = [Evidence(n=1, paper=paper, chunk_id="a", sentences=["We train on citation triplets."], relevance=0.7),
                Evidence(n=2, paper=paper, chunk_id="b", sentences=["This results in 684K training triples."],
                         relevance=0.6),
                Evidence(n=3, paper=paper, chunk_id="c", sentences=["A footnote beyond the gap."], relevance=0.4)]
    user = Answerer(seeded, embedded).messages("How many triples?", evidence)[1]["content"]
    assert f'[1] From "{title}"' in user and '[2] From "SPECTER":' in user  # the full title once: fewer tokens to read
    assert "[3]" not in user and "footnote" not in user  # 0.3 below the best: for the sources and quotes only
