"""`topic_unheld` (rag/answerability.py): a question for papers whose topic holds a word no chunk of the library
uses. Made-up phrasings, none from a dev set: small hand-made document frequencies for the unit, the seeded library
(real Chroma, real embedder) for what the run time reads."""

from collections import Counter

import pytest

from rag.answerability import LibraryStats, content_words, features, unheld_share

# 100 chunks: "here" and "recognition" are common, "speech" and "robot" rare, "beekeeping" and "apiary" unused
# (words as rag.text.word_tokens reads them: stopwords such as "papers" and "work" dropped, plurals singular).
STATS = LibraryStats(df=Counter({"here": 50, "recognition": 12, "speech": 3, "robot": 5}), chunks=100)


def test_an_unused_word_weighs_by_its_idf_not_by_its_count():
    share = unheld_share(content_words("Which papers here work on beekeeping robots?"), STATS)
    # one unused word of three content words, but the rarest by far: more than its plain share of 1/3
    assert 0.45 < share < 1.0
    assert unheld_share(content_words("Which papers work on speech recognition?"), STATS) == 0.0
    assert unheld_share(content_words("Which papers work on apiary beekeeping?"), STATS) > share
    assert unheld_share([], STATS) == 0.0


def test_a_word_asked_twice_counts_once():
    once = unheld_share(["beekeeping", "robots"], STATS)
    assert unheld_share(["beekeeping", "beekeeping", "robots"], STATS) == once


@pytest.mark.parametrize("question, papers", [
    ("Which papers here work on beekeeping robots?", True),
    ("Is there any work on beekeeping robots?", True),
    ("What payload do the beekeeping robots carry?", False),  # a detail, not a topic: unknown_share reads it
])
def test_only_a_question_for_papers_reads_it(question, papers):
    values = features(question, [], [], STATS, None).values
    assert (values["topic_unheld"] > 0) is papers
    assert values["unknown_share"] > 0  # the library-wide reading every question gets


def test_the_run_time_reads_it_from_the_whole_library(seeded):
    from rag.abstain import Assessor
    from rag.answer import Answerer

    answerer = Answerer(seeded, llm=None, assessor=Assessor(seeded))  # type: ignore[arg-type]
    absent = answerer.assess("Which papers here study beekeeping with drones?")[3]
    held = answerer.assess("Is there any work on simplicial embeddings?")[3]
    assert absent.values["topic_unheld"] > 0.3
    assert held.values["topic_unheld"] == 0.0
