"""The settings tree: one fingerprint of what shapes results, recorded by every eval run, and its parts passed down."""

import json
from pathlib import Path

from rag.config import AnswerabilitySettings, AnswerSettings, EvidenceSettings, RetrievalSettings, Settings, Targets


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


def test_an_eval_run_records_the_settings_hash(seeded):
    from rag.evaluation.baselines import build_systems
    from rag.evaluation.dataset import Question
    from rag.evaluation.runner import run_eval

    question = Question(id="q", question="Gaussian trust region for PPO", gold_titles=[], answer_keywords=[],
                        kind="unanswerable")
    run = run_eval(seeded, [question], build_systems(seeded, ("ours",)), k=5)
    assert run.summary.settings_hash == seeded.settings.fingerprint()
