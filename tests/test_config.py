"""The settings tree: one fingerprint of what shapes results, recorded by every eval run."""

from pathlib import Path

from rag.config import RetrievalSettings, Settings


def test_fingerprint_follows_what_shapes_results_not_where_things_live():
    base = Settings(home=Path("/tmp/a"))
    assert base.fingerprint() == Settings(home=Path("/tmp/b"), chroma_url="http://127.0.0.1:8000").fingerprint()
    assert base.fingerprint() != Settings(home=Path("/tmp/a"), retrieval=RetrievalSettings(k=7)).fingerprint()
    assert base.fingerprint("answer settings A") != base.fingerprint("answer settings B")


def test_an_eval_run_records_the_settings_hash(seeded):
    from rag.evaluation.baselines import build_systems
    from rag.evaluation.dataset import Question
    from rag.evaluation.runner import run_eval

    question = Question(id="q", question="Gaussian trust region for PPO", gold_titles=[], answer_keywords=[],
                        kind="unanswerable")
    run = run_eval(seeded, [question], build_systems(seeded, ("ours",)), k=5)
    assert run.summary.settings_hash == seeded.settings.fingerprint(None)
