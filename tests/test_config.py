"""The settings tree: one fingerprint of what shapes results, recorded by every eval run; its parts passed down;
named presets in files, between the defaults and the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rag.config import (PROJECT_ROOT, AnswerabilitySettings, AnswerSettings, ConfigError, EvidenceSettings,
                        RetrievalSettings, Settings, Targets)
from rag.config_sources import PRESETS_DIR, preset_names


def test_fingerprint_follows_what_shapes_results_not_where_things_live():
    base = Settings(home=Path("/tmp/a"))
    assert base.fingerprint() == Settings(home=Path("/tmp/b"), chroma_url="http://127.0.0.1:8000").fingerprint()
    assert base.fingerprint() == Settings(home=Path("/tmp/a"), targets=Targets(ahead_of_baselines=[])).fingerprint()
    changed = [Settings(retrieval=RetrievalSettings(k=7)), Settings(evidence=EvidenceSettings(passages=2)),
               Settings(answer=AnswerSettings(max_tokens=60)),
               Settings(answerability=AnswerabilitySettings(answer_threshold=0.9))]
    assert len({base.fingerprint(), *(s.fingerprint() for s in changed)}) == 1 + len(changed)


def test_fingerprint_reads_the_answerability_model_content_not_its_path(tmp_path):
    shipped = AnswerabilitySettings().resolved_model_path()
    copy = tmp_path / "copy.json"
    copy.write_bytes(shipped.read_bytes())
    same = Settings(answerability=AnswerabilitySettings(model_path=copy))
    assert same.fingerprint() == Settings().fingerprint()
    data = json.loads(copy.read_text())
    data["intercept"] += 0.5
    copy.write_text(json.dumps(data))
    assert same.fingerprint() != Settings().fingerprint()


def test_every_setting_says_what_it_does():
    for model in (Settings, RetrievalSettings, EvidenceSettings, AnswerSettings, AnswerabilitySettings, Targets):
        undocumented = [name for name, field in model.model_fields.items()
                        if not field.description and not hasattr(field.annotation, "model_fields")]
        assert not undocumented, f"{model.__name__}: {undocumented}"


def test_the_answerer_takes_the_settings_passed_down(seeded):
    from rag.answer import Answerer

    answerer = Answerer(seeded, llm=None)  # assess() never calls the model
    assert answerer.settings is seeded.settings  # the library's tree, from the CLI or UI
    fitted = answerer.assessor.model
    cautious = seeded.settings.model_copy(update={
        "answerability": AnswerabilitySettings(answer_threshold=1.0, closest_threshold=1.0)})
    strict = Answerer(seeded, llm=None, settings=cautious).assessor.model
    # The overrides move the thresholds, not the fitted weights: p = 0.99 is answered by one, refused by the other.
    assert (strict.answer_threshold, strict.closest_threshold) == (1.0, 1.0)
    assert strict.coef.tolist() == fitted.coef.tolist()
    assert strict.outcome(0.99) == "refused" and fitted.outcome(0.99) == "answer"
    _, _, evidence, signals, _ = Answerer(seeded, llm=None, settings=cautious).assess("What does TokMem do?")
    assert evidence and signals.outcome == "refused"


def test_an_eval_run_records_the_settings_hash_and_preset(seeded):
    from rag.evaluation.baselines import build_systems
    from rag.evaluation.dataset import Question
    from rag.evaluation.markdown import markdown
    from rag.evaluation.runner import run_eval

    question = Question(id="q", question="Gaussian trust region for PPO", gold_titles=[], answer_keywords=[],
                        kind="unanswerable")
    run = run_eval(seeded, [question], build_systems(seeded, ("ours",)), k=5)
    assert run.summary.settings_hash == seeded.settings.fingerprint()
    assert run.summary.preset == seeded.settings.preset == "default"
    assert "settings: " + run.summary.settings_hash + " (preset default)" in markdown(run)


# ---- presets: named files of settings, between the defaults and the environment ----

def test_each_shipped_preset_loads_and_says_what_it_trades():
    assert {"default", "fast", "thorough"} <= set(preset_names())
    default = Settings.from_env()
    assert default.preset == "default" and default.fingerprint() == Settings().fingerprint()
    for name in preset_names():
        text = (PRESETS_DIR / f"{name}.toml").read_text()
        opening = [line for line in text.splitlines()[:3] if line.startswith("#")]
        assert opening and opening[0].startswith(f"# {name}:"), f"{name}.toml does not open by saying what it is"
    fast, thorough = Settings.from_env(preset="fast"), Settings.from_env(preset="thorough")
    assert len({default.fingerprint(), fast.fingerprint(), thorough.fingerprint()}) == 3
    assert fast.evidence.max_embedded_sentences < default.evidence.max_embedded_sentences \
        < thorough.evidence.max_embedded_sentences
    assert fast.answer.max_tokens < default.answer.max_tokens < thorough.answer.max_tokens
    # A table sets only what it names: the rest of the section keeps its defaults; chunking (the index) is shared.
    assert fast.evidence.max_gap_to_best == default.evidence.max_gap_to_best
    assert fast.chunking == default.chunking == thorough.chunking


def test_the_environment_beats_the_preset_and_flags_beat_both(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_PRESET", "fast")
    monkeypatch.setenv("RAG_OLLAMA_MODEL", "qwen2.5:0.5b")
    user = tmp_path / "mine.toml"
    user.write_text('[llm]\nollama_model = "from-file"\nollama_stall_s = 12.0\n[retrieval]\nk = 7\n')
    assert Settings.from_env().preset == "fast"
    mine = Settings.from_env(preset=str(user), home=tmp_path / "flag")
    assert (mine.llm.ollama_model, mine.llm.ollama_stall_s) == ("qwen2.5:0.5b", 12.0)
    assert mine.retrieval.k == 7 and mine.home == tmp_path / "flag" and mine.preset == str(user)


@pytest.mark.parametrize("text, message", [
    ("[evidence]\npassages = 0\n", "preset '{path}': evidence.passages: Input should be greater than or equal to 1"),
    ("[evidence]\npasages = 2\n", "preset '{path}': evidence.pasages: Extra inputs are not permitted"),
    ("[answer]\nmax_tokens = 'many'\n", "preset '{path}': answer.max_tokens: Input should be a valid integer"),
    ('home = "/elsewhere"\n', "preset '{path}' sets home: presets choose how answers are made, not where data"),
    ("[evidence\n", "preset '{path}' ({path}) is not readable TOML"),
])
def test_a_bad_preset_is_one_line_naming_the_file_and_the_setting(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(preset=str(path))
    assert str(caught.value).startswith(message.format(path=path)) and "\n" not in str(caught.value)


def test_an_unknown_preset_is_one_line_from_the_cli_and_a_known_one_applies(tmp_path):
    def rag(*args, **env):
        return subprocess.run([sys.executable, "-m", "rag.cli", *args], cwd=PROJECT_ROOT, capture_output=True,
                              text=True, timeout=120, env={**os.environ, "RAG_HOME": str(tmp_path), **env})

    bad = rag("--preset", "fastest", "config")
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr == "error: unknown preset 'fastest' — use one of: default, fast, thorough, or the path of a " \
                         ".toml file\n"
    shown = json.loads(rag("config", "--json", RAG_PRESET="thorough").stdout)
    assert shown["preset"] == "thorough" and shown["settings"]["evidence"]["passages"] == 4
    assert shown["fingerprint"] == Settings.from_env(preset="thorough").fingerprint()


def test_the_fast_preset_shows_and_embeds_less_than_thorough(seeded):
    from rag.answer import Answerer

    question = "How much GPU memory does R-MelNet need?"
    shown = {}
    for name in ("fast", "thorough"):
        preset = Settings.from_env(preset=name)
        tree = seeded.settings.model_copy(update={"retrieval": preset.retrieval, "evidence": preset.evidence})
        _, _, evidence, _, _ = Answerer(seeded, llm=None, settings=tree).assess(question)
        assert evidence and len(evidence) <= preset.evidence.passages
        assert all(len(e.sentences) <= preset.evidence.sentences_per_passage + 2 for e in evidence)  # + table head
        shown[name] = sum(len(e.sentences) for e in evidence)
    assert shown["fast"] < shown["thorough"]
