"""Eval metrics as pure functions over plain lists, each with the formula it computes.

Ranked lists hold paper keys (normalised titles) best first, without repeats; `gold` is the
set of keys a correct answer needs. Relevance is binary: a paper is gold or it is not.
A function returns None when the metric is undefined for its input (no citations, no
keywords); aggregates skip None instead of counting it as 0 or 1.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence


def recall_at_k(ranked: Sequence[str], gold: Collection[str], k: int) -> float:
    """Capped recall (BEIR's R_cap@k, Thakur et al. 2021): |top_k ∩ G| / min(k, |G|).

    Capping the denominator at k keeps a perfect ranking at 1.0 when there are more gold papers
    than slots (7 papers by one author, k = 5); with one gold paper it is plain recall@k.
    """
    if not gold:
        raise ValueError("recall is undefined without gold items")
    if k < 1:
        raise ValueError("k must be at least 1")
    found = len(set(ranked[:k]) & set(gold))
    return found / min(k, len(gold))


def reciprocal_rank(ranked: Sequence[str], gold: Collection[str]) -> float:
    """1 / rank of the first gold item, 0 when none is ranked (Voorhees 1999, TREC-8 QA); MRR is its mean."""
    for rank, item in enumerate(ranked, start=1):
        if item in gold:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked: Sequence[str], gold: Collection[str], k: int) -> float:
    """Normalised discounted cumulative gain with binary gains (Järvelin & Kekäläinen 2002).

    DCG@k = sum_{i=1..k} rel_i / log2(i + 1);  IDCG@k = sum_{i=1..min(k, |G|)} 1 / log2(i + 1);
    nDCG@k = DCG@k / IDCG@k.
    """
    if not gold:
        raise ValueError("nDCG is undefined without gold items")
    gold = set(gold)
    dcg = sum(1.0 / math.log2(i + 1) for i, item in enumerate(ranked[:k], start=1) if item in gold)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(k, len(gold)) + 1))
    return dcg / ideal


def recall_curve(ranked: Sequence[str], gold: Collection[str], k: int) -> list[float]:
    """[recall@1, ..., recall@k] for one question (the data of a recall@k plot)."""
    return [recall_at_k(ranked, gold, i) for i in range(1, k + 1)]


def citation_validity(cited: Sequence[int], shown: Collection[int]) -> float | None:
    """Share of citation markers that point at a passage actually shown to the model: |{c in C : c in S}| / |C|."""
    if not cited:
        return None
    return sum(1 for c in cited if c in shown) / len(cited)


def citation_precision(cited: Iterable[str], gold: Collection[str]) -> float | None:
    """Share of the distinct cited papers that are gold: |C ∩ G| / |C|; undefined when nothing is cited."""
    cited = set(cited)
    if not cited:
        return None
    return len(cited & set(gold)) / len(cited)


def citation_recall(cited: Iterable[str], gold: Collection[str]) -> float:
    """Share of the gold papers that are cited: |C ∩ G| / |G|."""
    if not gold:
        raise ValueError("citation recall is undefined without gold items")
    return len(set(cited) & set(gold)) / len(set(gold))


def citation_support(supported: Sequence[bool]) -> float | None:
    """ALCE citation recall (Gao et al. 2023, "Enabling LLMs to Generate Text with Citations"), per answer:
    the share of answer sentences whose cited passages support them. A sentence without citations
    counts as unsupported. Undefined for an answer with no sentences (an abstention).
    """
    if not supported:
        return None
    return sum(1 for s in supported if s) / len(supported)


def keyword_recall(answer: str, keywords: Sequence[str]) -> float | None:
    """Share of the expected keywords found in the answer (case-insensitive substring match)."""
    if not keywords:
        return None
    text = answer.casefold()
    return sum(1 for k in keywords if k.casefold() in text) / len(keywords)


def rate(flags: Iterable[bool]) -> float | None:
    """Share of True among the flags: abstention accuracy (over unanswerable questions, abstained) and
    false-abstention rate (over answerable ones, abstained) are both this."""
    flags = list(flags)
    if not flags:
        return None
    return sum(1 for f in flags if f) / len(flags)


def mean(values: Iterable[float | None]) -> float | None:
    """Arithmetic mean of the defined values; None when there are none."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation between closest ranks (Hyndman & Fan 1996, type 7;
    numpy's default): position h = (n - 1) * q / 100, value = x[floor h] + (h - floor h) * (x[ceil h] - x[floor h])."""
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError("q must be between 0 and 100")
    ordered = sorted(values)
    h = (len(ordered) - 1) * q / 100
    low, high = math.floor(h), math.ceil(h)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


# ---- metrics that do not trust the pipeline's own checks ------------------------------------

_TOKEN = re.compile(r"[0-9a-z]+")
_RAW_MARKER = re.compile(r"\[(\d+(?:\s*[,;–-]\s*\d+)*)\]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFKD", text).casefold())


def written_citations(text: str) -> list[int]:
    """Every citation number in text as the model wrote it ([2], [1, 3], [1-3]), read with our own pattern."""
    numbers: list[int] = []
    for match in _RAW_MARKER.finditer(text):
        for part in re.split(r"\s*[,;]\s*", match.group(1)):
            bounds = [int(b) for b in re.split(r"\s*[–-]\s*", part)]
            numbers.extend(range(bounds[0], bounds[1] + 1) if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] < 20
                           else bounds)
    return numbers


def is_title_keyword(keyword: str, titles: Iterable[str]) -> bool:
    """A keyword made only of words of a gold title: any quote of the title contains it, so it proves nothing."""
    words = _tokens(keyword)
    title_words = {w for title in titles for w in _tokens(title)}
    return bool(words) and all(w in title_words for w in words)


def strip_titles(answer: str, titles: Iterable[str]) -> str:
    """The answer with every title removed (quoted or not, any case, across whitespace and punctuation)."""
    for title in sorted(set(titles), key=len, reverse=True):
        words = _tokens(title)
        if not words:
            continue
        pattern = r"[\"'“”‘’]?" + r"[^0-9a-zA-Z]+".join(re.escape(w) for w in words) + r"[\"'“”‘’]?"
        answer = re.sub(pattern, " ", unicodedata.normalize("NFKD", answer), flags=re.IGNORECASE)
    return answer


def content_keyword_recall(answer: str, keywords: Sequence[str], gold_titles: Sequence[str],
                           quoted_titles: Sequence[str] = ()) -> float | None:
    """Share of the content keywords (those that are not words of a gold title) found in the answer after every
    gold and cited title is removed from it: an extractive quote of a title earns nothing. Undefined when every
    keyword is a title word."""
    content = [k for k in keywords if not is_title_keyword(k, gold_titles)]
    if not content:
        return None
    return keyword_recall(strip_titles(answer, [*gold_titles, *quoted_titles]), content)


def contains_all(text: str, keywords: Sequence[str]) -> bool | None:
    """Evidence recall of one question: every answer keyword occurs in the shown passages (case-insensitive).
    Undefined without keywords."""
    if not keywords:
        return None
    text = text.casefold()
    return all(k.casefold() in text for k in keywords)


def risk_coverage(scores: Sequence[float], right: Sequence[bool]) -> list[dict]:
    """Selective answering (El-Yaniv & Wiener 2010): answer only the questions scored >= t, for every t.

    Each row: threshold t, coverage = answered / all, accuracy = right answers / answered (1 - risk).
    `right` is False for every unanswerable question, so answering one lowers the accuracy.
    """
    if len(scores) != len(right):
        raise ValueError("scores and right must have the same length")
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    rows, correct = [], 0
    for count, i in enumerate(order, start=1):
        correct += bool(right[i])
        if count == len(order) or scores[order[count]] != scores[i]:
            rows.append({"threshold": scores[i], "coverage": count / len(order), "accuracy": correct / count})
    return rows
