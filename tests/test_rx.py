"""rag/rx.py: re's functions over one pattern cache that outlives re's own 512 entries."""

import re

from rag import rx


def test_a_pattern_stays_compiled_after_more_patterns_than_re_keeps():
    first = rx.compiled(r"\bkept\s+pattern\b", re.I)
    for n in range(1500):  # more distinct patterns than re's cache holds (512): per-question ones, as the readers make
        rx.search(rf"\bname{n}\b", "name7 and name8")
    assert rx.compiled(r"\bkept\s+pattern\b", re.I) is first


def test_the_functions_answer_as_re_does_with_the_same_arguments():
    text = "SPECTER, DPR and the Literature Graph; specter again"
    assert rx.search(r"specter", text, re.I).span() == re.search(r"specter", text, re.I).span()
    assert rx.match(r"SPEC", text) is not None and rx.match(r"DPR", text) is None
    assert rx.fullmatch(r"\w+", "DPR") is not None and rx.fullmatch(r"\w+", "D P") is None
    assert [m.group(0) for m in rx.finditer(r"specter", text, re.I)] == ["SPECTER", "specter"]
    assert rx.findall(r"\b[A-Z]{3,}\b", text) == re.findall(r"\b[A-Z]{3,}\b", text)
    assert rx.split(r"[,;]\s*", text, maxsplit=1) == re.split(r"[,;]\s*", text, maxsplit=1)
    assert rx.sub(r"specter", "S", text, count=1, flags=re.I) == re.sub(r"specter", "S", text, count=1, flags=re.I)
    assert rx.subn(r"specter", "S", text, flags=re.I) == ("S, DPR and the Literature Graph; S again", 2)
