"""Check one claim against a paper's passages: supported, contradicted or unsupported, with the span.

The claim is compared with its closest sentences (cosine of the MiniLM embeddings + word overlap);
for each of them, the trained cross-encoder's reading of (claim, sentence)
(rag/checking/crossencoder.py), the structural signals (rag/checking/signals.py), whether each specific
piece of the claim is backed or swapped (rag/checking/backing.py) and the cosine go
through the calibrated model (rag/checking/model.py), and `decide` makes one verdict of them by the
rule stored with the model — the rule the fit scored its cross-validation with (now: each paper's
closest sentence decides, so a contradicted claim cannot pass through a neighbour sharing its words). A claim with too few words of its own — it
only names the paper or restates the question — or whose only predicate is "is about / discusses / comes from"
over the paper's topic words (rag/checking/words.py `only_about`) is unsupported with the reason "no claim".
The paper's own names (title, authors, an acronym of the title) are read as its title, never as pieces to back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from rag.checking import signals
from rag.checking.alignment import ALIGNMENT_FEATURES, WordVectors, alignment_features
from rag.checking.backing import BACKING_FEATURES, backing_features, paper_names
from rag.checking.comparison import reversed_comparisons
from rag.checking.crossencoder import CrossEncoder, load_crossencoder
from rag.checking.negation import CLAIM_KIND_SETS
from rag.checking.quantities import numbers_rebound
from rag.checking.words import only_about
from rag.checking.model import CheckerModel, CheckerModelError, load_model
from rag.embedding import Embedder

FEATURES = ["cosine", "overlap_span", "overlap_paper", "own_words", "negation_flip", "negation_flip_close",
            "numbers_missing", "numbers_conflict", "names_missing", "names_swapped", "direction_flip",
            "polarity_flip", "quantifier_overclaim", "quantifier_hedged", "novel_words", "order_discord",
            "ce_supported", "ce_contradicted", *ALIGNMENT_FEATURES, *BACKING_FEATURES, "comparison_reversed"]
CANDIDATES = 3  # closest sentences the model reads; `decide` (the rule the fit chose and scored) combines them
# A contradiction must point at something in the text: without one of these it is at most "not stated".
# Word-order discord and "the span names something else" are not among them: on the dev claims each fired on
# as many true paraphrases as contradictions (order_discord on 84 of 166 supported claims), which let the
# contradicted class take true claims. A slot swap (rag/checking/backing.py) is the precise form of the latter.
CONTRADICTION_SIGNALS = ("negation_flip", "numbers_conflict", "slot_swap", "role_swap", "direction_flip",
                         "polarity_flip", "quantifier_overclaim", "comparison_reversed")


@dataclass
class Passages:
    """One paper's sentences (in page order) with their embeddings: what a claim is checked against."""

    key: int | str
    title: str
    sentences: list[str]
    vectors: np.ndarray
    context: str = ""  # more of the paper than the sentences (whole text), for "never mentioned" signals
    authors: str = ""  # the paper's author names: "Cohan et al. propose" names the paper, not something in it
    abstract: str = ""  # what the paper is about, for claims that only say that (`is_vacuous`)

    def before(self, span: str, reach: int = 1500) -> str:
        """The paper's text just before the span (its section so far), or '' where the span is not found."""
        at = self.context.find(span)
        return self.context[max(0, at - reach): at] if at > 0 else ""

    @property
    def topic(self) -> str:
        """The paper's topic words: title, authors and abstract (or the sentences at hand)."""
        return " ".join([self.title, self.authors, self.abstract or " ".join(self.sentences)])

    @property
    def text(self) -> str:
        return f"{self.title} " + (self.context or " ".join(self.sentences))

    @cached_property
    def stems(self) -> set[str]:
        return signals.stems(self.text)


@dataclass
class ClaimCheck:
    verdict: str
    score: float  # probability that the passages support the claim
    span: str
    reason: str
    key: int | str | None = None
    probabilities: list[float] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)

    @property
    def decisiveness(self) -> float:
        """How strongly the check takes a side (supported or contradicted) rather than 'not stated'."""
        return max(self.probabilities[:2]) if self.probabilities else 0.0


def features(claim: str, span: str, window: str, passages: Passages, cosine: float, title: str = "",
             question: str = "", ce: np.ndarray | None = None, vectors: WordVectors | None = None) -> dict[str, float]:
    """Every signal the model weighs, for the claim against one span (a sentence and its neighbours)."""
    own = signals.own_words(claim, title, question)
    content = _content(claim, title)
    names = paper_names(claim, title, passages.authors)  # the paper's own names: read as its title
    # Overlap is read on the span sentence itself, like negation and direction: a neighbour's words must not
    # make a sentence look like support when the neighbour is the one that says the opposite.
    window_words, paper_words = signals.stems(span), passages.stems
    overlap_span = len(content & window_words) / len(content) if content else 0.0
    overlap_paper = len(content & paper_words) / len(content) if content else 0.0
    numbers_missing, numbers_conflict = signals.number_signals(claim, window, passages.text)
    numbers_conflict += numbers_rebound(claim, span)
    names_missing, names_swapped = signals.name_signals(claim, window, passages.text, ignore=names)
    flip = signals.negation_flip(claim, span)
    overclaim, hedged = signals.quantifier_overclaim(claim, window)
    return {"cosine": cosine, "overlap_span": overlap_span, "overlap_paper": overlap_paper,
            "own_words": min(len(own), 8) / 8, "negation_flip": flip, "negation_flip_close": flip * overlap_span,
            "numbers_missing": min(numbers_missing, 2), "numbers_conflict": min(numbers_conflict, 2),
            "names_missing": min(names_missing, 2), "names_swapped": names_swapped,
            "direction_flip": min(signals.direction_flip(claim, span, CLAIM_KIND_SETS), 2),
            "polarity_flip": signals.polarity_flip(claim, span), "quantifier_overclaim": overclaim,
            "quantifier_hedged": hedged, "novel_words": 1.0 - overlap_paper,
            "order_discord": signals.order_discord(claim, span), **_ce_features(ce),
            **alignment_features(claim, span, vectors, names),
            **backing_features(claim, span, window, passages.text, vectors, names, passages.before(span)),
            "comparison_reversed": float(reversed_comparisons(claim, span))}


def _ce_features(p: np.ndarray | None) -> dict[str, float]:
    """The cross-encoder's probabilities as log-odds (what a logistic model combines linearly), clipped."""
    if p is None:
        return {"ce_supported": 0.0, "ce_contradicted": 0.0}
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return {"ce_supported": float(np.log(p[0] / (1 - p[0]))), "ce_contradicted": float(np.log(p[1] / (1 - p[1])))}


def reason_for(verdict: str, f: dict[str, float]) -> str:
    """The signal behind a verdict, in words a reader can check against the span."""
    if verdict == "supported":
        return "the passage states it"
    ordered = [("negation_flip", "the passage says the opposite (negation)"),
               ("numbers_conflict", "the passage gives another number"),
               ("direction_flip", "the passage says the opposite direction"),
               ("slot_swap", "the passage has another name, number or direction in that place"),
               ("role_swap", "the passage gives the roles the other way round"),
               ("comparison_reversed", "the passage compares the two the other way round"),
               ("names_swapped", "the passage names something else there"),
               ("quantifier_overclaim", "the passage does not say it always / for all"),
               ("names_missing", "it names something the paper never mentions"),
               ("numbers_missing", "it gives a number the paper never states"),
               ("items_unbacked", "it names or counts something the passage does not")]
    for name, text in ordered:
        if f.get(name):
            return text
    return "the passage says otherwise" if verdict == "contradicted" else "the passage does not say it"


class Checker:
    def __init__(self, embedder: Embedder, model: CheckerModel | None = None, crossencoder: CrossEncoder | None = None):
        self.embedder = embedder
        self.model = model or load_model()
        unknown = set(self.model.features) - set(FEATURES)
        if unknown:
            raise CheckerModelError(f"the checker's coefficients name unknown features {sorted(unknown)} — "
                                    "run eval/fit_checker.py")
        if self.model.decision not in DECISIONS:
            raise CheckerModelError(f"the checker's coefficients name an unknown decision rule "
                                    f"{self.model.decision!r} — run eval/fit_checker.py")
        # The cross-encoder runs only when the fitted model weighs it (fit_checker decides on dev claims).
        self.reads_pairs = "ce_supported" in self.model.features
        # Word alignment embeds the claim's and the span's words: only when the fitted model weighs it.
        aligns = {"align_mean", "align_min", "unbacked_aligned"} & set(self.model.features)
        self.word_vectors = WordVectors(embedder) if aligns else None
        self._crossencoder = crossencoder

    @property
    def crossencoder(self) -> CrossEncoder:
        if self._crossencoder is None:
            self._crossencoder = load_crossencoder()
        return self._crossencoder

    def passages(self, key: int | str, title: str, sentences: list[str], context: str = "") -> Passages:
        vectors = (self.embedder.embed(sentences) if sentences
                   else np.zeros((0, self.embedder.dimensions), np.float32))
        return Passages(key=key, title=title, sentences=sentences, vectors=vectors, context=context)

    def candidates(self, claim: str, passages: Passages, claim_vector: np.ndarray, title: str = "",
                   question: str = "") -> list[tuple[dict[str, float], str]]:
        """(features, span) for the claim's closest sentences of one paper."""
        if not passages.sentences:
            return []
        cosines = passages.vectors @ claim_vector
        content = _content(claim, title)
        overlaps = [len(content & signals.stems(s)) / len(content) if content else 0.0 for s in passages.sentences]
        closeness = 0.6 * cosines + 0.4 * np.array(overlaps)
        # Under the "closest" rule only the closest span can decide: the others are not worth reading.
        chosen = [int(i) for i in np.argsort(-closeness)[:1 if self.model.decision == "closest" else CANDIDATES]]
        # one batch for the closest sentences: ~3 pairs per paper
        read = (self.crossencoder.probabilities([(claim, passages.sentences[i]) for i in chosen])
                if self.reads_pairs else [None] * len(chosen))
        out = []
        for i, ce in zip(chosen, read):
            window = " ".join(passages.sentences[max(0, i - 1): i + 2])
            span = passages.sentences[i]
            out.append((features(claim, span, window, passages, float(cosines[i]), title, question, ce,
                                 self.word_vectors), span))
        return out

    def check(self, claim: str, candidates: list[Passages], title: str = "", question: str = "",
              claim_vector: np.ndarray | None = None, threshold: float | None = None) -> ClaimCheck:
        """The verdict on the claim against the best of several papers' passages."""
        if is_vacuous(claim, title or " ".join(c.title for c in candidates[:1]), question, self.model.min_own_words,
                      topic=" ".join(c.topic for c in candidates[:1])):
            return ClaimCheck("unsupported", 0.0, "", "no claim: it only names the paper or restates the question",
                              probabilities=[0.0, 0.0, 1.0])
        if claim_vector is None:
            claim_vector = self.embedder.embed_query(claim)
        rows, spans, keys = [], [], []
        for passages in candidates:
            for f, span in self.candidates(claim, passages, claim_vector, title or passages.title, question):
                rows.append(f)
                spans.append(span)
                keys.append(passages.key)
        if not rows:
            return ClaimCheck("unsupported", 0.0, "", "no passage to check it against", probabilities=[0.0, 0.0, 1.0])
        probs = self.model.probabilities(np.array([[f[name] for name in self.model.features] for f in rows]))
        probs = np.array([p if _contradiction_shown(f) else without_contradiction(p) for p, f in zip(probs, rows)])
        verdicts = [self.model.verdict(p, threshold) for p in probs]
        best = decide(probs, verdicts, keys, self.model.decision)
        return ClaimCheck(verdict=verdicts[best], score=round(float(probs[best][0]), 4), span=spans[best],
                          reason=reason_for(verdicts[best], rows[best]), key=keys[best],
                          probabilities=[round(float(x), 4) for x in probs[best]], features=rows[best])


def _contradiction_shown(f: dict[str, float]) -> bool:
    """A structural signal, or the cross-encoder reading the pair as a contradiction (P > 0.5)."""
    return any(f[s] for s in CONTRADICTION_SIGNALS) or f["ce_contradicted"] > 0.0


def contradiction_shown(rows: np.ndarray, features: list[str], reads_pairs: bool) -> np.ndarray:
    """`_contradiction_shown` for feature rows in the order of `features` (the fit's out-of-fold rows)."""
    shown = (rows[:, [features.index(s) for s in CONTRADICTION_SIGNALS]] != 0).any(axis=1)
    return shown | (rows[:, features.index("ce_contradicted")] > 0.0) if reads_pairs else shown


def without_contradiction(p: np.ndarray) -> np.ndarray:
    """Nothing in the text shows a contradiction, so 'contradicted' is no verdict here: its share goes to the
    other two in proportion. A near-copy of a sentence must not lose support to the many written
    contradictions that look like it (the model cannot tell those apart without a signal either).
    P(supported) becomes sigmoid(z_s - z_u), so the fitted threshold still folds into z_s."""
    rest = p[0] + p[2]
    return np.array([p[0] / rest, 0.0, p[2] / rest]) if rest > 0 else np.array([0.0, 0.0, 1.0])


def _content(claim: str, title: str) -> set[str]:
    """The claim's words that can be evidence: neither the paper's title nor meta words."""
    return signals.stems(claim) - signals.stems(title) - {w[:6] for w in signals.META_WORDS}


def is_vacuous(claim: str, title: str, question: str = "", min_own_words: int = 2, topic: str = "") -> bool:
    """No claim: too few words beyond the paper's title and meta words, or nothing beyond the question, or
    an 'is about' predicate over the paper's topic words only (rag/checking/words.py `only_about`).

    An answer may repeat the question and add one word (its answer); a sentence that adds nothing to
    the question, or only names the paper ("The passage is about X"), claims nothing to check.
    """
    if len(signals.own_words(claim, title)) < min_own_words or only_about(claim, f"{title} {topic}"):
        return True
    return bool(question) and not signals.own_words(claim, title, question)


DECISIONS = ("surest", "veto", "closest")


def decide(probs: np.ndarray, verdicts: list[str], keys: list, rule: str) -> int:
    """Which candidate span gives the verdict (rows come closest first within a paper, papers in the caller's
    order). eval/fit_checker.py scores its out-of-fold rows through this same function, so the figures it
    reports are those of the run time, and it stores the rule it chose in checker.json.

    surest:  the surest supporting span wins; else the closest contradicting one; else the least unrelated.
    veto:    as surest, but a paper with a contradicting span cannot support the claim (a contradicted
             claim must not pass through a neighbouring sentence that shares its words).
    closest: within each paper only its closest span counts; then as surest across papers.
    """
    if rule == "closest":
        firsts = [i for i in range(len(keys)) if i == 0 or keys[i] != keys[i - 1]]
        return firsts[_surest([probs[i] for i in firsts], [verdicts[i] for i in firsts])]
    vetoed = {keys[i] for i, v in enumerate(verdicts) if v == "contradicted"} if rule == "veto" else set()
    return _surest(list(probs), verdicts, [k in vetoed for k in keys])


def _surest(probs: list[np.ndarray], verdicts: list[str], vetoed: list[bool] | None = None) -> int:
    supported = [i for i, v in enumerate(verdicts) if v == "supported" and not (vetoed and vetoed[i])]
    if supported:
        return max(supported, key=lambda i: probs[i][0])
    contradicted = [i for i, v in enumerate(verdicts) if v == "contradicted"]
    if contradicted:
        return contradicted[0]
    return int(np.argmin([p[2] for p in probs]))
