"""What kind of answer a question asks for, read from its form: a number, a person, a reason, a yes/no, a
method, a name, papers, or other; and whether a sentence holds a candidate of that kind.

rag/answerability.py reads the kind into its signals (a typed candidate in the closest sentence), rag/containment.py
into containment and the focus gap, rag/extractive.py into the sentence it quotes. Pure functions of the question's
words: the grammar of wh-questions, no list of dev phrasings.
"""

from __future__ import annotations

import re

from rag.asked import asks_for_papers

_NUMBER_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|" \
                r"hundred|thousand|million|billion|half|twice|double|triple|dozen"
# A measure word that only modifies the head ("which accuracy metric", "value-based agent") asks for that head.
_KIND_HEADS = r"metrics?|models?|methods?|techniques?|datasets?|benchmarks?|approach(?:es)?|algorithms?|tasks?|baselines?"
# A leading condition ("When X is fed only titles, what …", "If you upweight …, which …") is not what is asked: the
# question after its comma is. Without this, a leading "when" read as "when did it happen" (a number).
_CONDITION = re.compile(r"^(?:when|if|once|after|given|since|assuming|suppose|while)\b[^,?]{3,}?,\s*(?=(?:what|which|"
                        r"who|whom|whose|why|how|when|where|is|are|does|do|did|can|could|was|were|has|have)\b)")
# Up to three modifiers before the head, hyphenated ones too ("what t-SNE perplexity", "which vision-language model").
_TYPES: list[tuple[str, re.Pattern]] = [
    ("number", re.compile(r"\bhow (many|much|long|large|big|fast|often|far|high|low|small|accurate|accurately)\b|"
                          r"\b(what|which) ([\w-]+ ){0,3}(percentage|proportion|fraction|share|number|amount|size|rate|"
                          r"accuracy|score|speed-?up|cost|budget|count|year|f1|bleu|error|perplexity|mse|auc|ratio|"
                          r"temperature|dimensions?|epochs?|steps|parameters|hours|days|gpus|batch size|"
                          r"learning rate|performance|improvement|gain|reduction|length|resolution|dimensionality|"
                          r"ndcg|recall|precision|mrr|map|p-?value|weight decay|dropout|margin|agreement|kappa|"
                          r"correlation|latency|throughput|f-?score|iou|wer|value)\b(?!-|\s+(?:" + _KIND_HEADS + r")\b)|"
                          # "what <measure> does X achieve / get / reach": a score, whatever the measure is called
                          r"^(what|which) [\w@.()-]+( [\w@.()-]+){0,3} (does|do|did) .{0,80}\b"
                          r"(achieve|get|reach|obtain|score|attain|yield)s?\b|"
                          r"\bby how much\b|^when\b|\bin what year\b")),
    ("person", re.compile(r"^(who|whom|whose)\b|\bwho (wrote|proposed|authored|introduced)\b|"
                          r"\bwhich (authors?|researchers?|people|organi[sz]ations?|labs?|institutions?|teams?|groups?)\b")),
    ("reason", re.compile(r"\bwhy\b|\bwhat (is|was|are) the (reason|motivation|cause)|\bwhat causes\b|"
                          r"\bfor what reason\b")),
    ("yesno", re.compile(r"^(is|are|does|do|did|can|could|was|were|has|have|will|should|would)\b")),
    ("method", re.compile(r"^how\b|\bhow (do|does|did|is|are|can|could|was|were)\b|"
                          r"\bwhat ([\w-]+ ){0,2}(method|approach|technique|algorithm|mechanism|procedure|strategy|objective|loss)s?\b|"
                          r"\bby what means\b")),
    ("name", re.compile(r"\b(which|what) ([\w-]+ ){0,2}(datasets?|benchmarks?|models?|architectures?|tools?|librar(y|ies)|"
                        r"metrics?|baselines?|systems?|frameworks?|corpus|corpora|tasks?|languages?|games?|"
                        r"environments?|optimi[sz]ers?|encoders?|backbones?|parsers?|software|venue|conference|"
                        r"simulators?|engines?|platforms?|hardware|components?|operations?|techniques?|quantity)\b")),
    ("paper", re.compile(r"\b(which|what) ([\w-]+ ){0,2}(papers?|works?|studies)\b")),
]
_CANDIDATES: dict[str, re.Pattern] = {
    "number": re.compile(rf"\d|\b({_NUMBER_WORDS})\b", re.IGNORECASE),
    "person": re.compile(r"\b[A-Z][a-z]+(?:[-\s][A-Z]\.?)*\s[A-Z][a-zà-ÿ]+\b|\bAuthors?:|\bOrganisation:"),
    "reason": re.compile(r"\b(because|due to|since|so that|in order to|as a result|leads? to|caus\w+|therefore|"
                         r"thus|hence|owing to|motivat\w+|enabl\w+|allows?|helps?|prevents?|avoids?)\b",
                         re.IGNORECASE),
    "method": re.compile(r"\b(by|using|via|through|propos\w+|introduc\w+|method|approach|algorithm|framework|"
                         r"train\w*|learn\w*|model\w*|optimi[sz]\w+|combin\w+)\b", re.IGNORECASE),
    # Acronyms, CamelCase and names with digits (ImageNet, GPT-4, MuJoCo), or a name after a capital mid-sentence.
    "name": re.compile(r"\b(?:[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*|[A-Z][a-z]+-?\d[\w-]*)\b|(?<=[a-z,] )[A-Z][a-z]{2,}\b"),
}


# Kinds of answer a typed candidate stands for (rag/containment.py's focus gap reads sentences holding one).
TYPED = frozenset({"number", "name", "person"})


def expected_type(question: str) -> str:
    """What the question asks for, from its structure: number, person, reason, yesno, method, name, paper, other."""
    text = " ".join(question.casefold().split())
    if asks_for_papers(text):  # "Which papers …, and why?": papers first; each paper's passage says the rest
        return "paper"
    text = _CONDITION.sub("", text)
    for name, pattern in _TYPES:
        if pattern.search(text):
            return name
    return "other"


def has_candidate(kind: str, sentence: str, question: str) -> bool:
    """The sentence holds something of the wanted kind that the question does not already say."""
    pattern = _CANDIDATES.get(kind)
    if pattern is None:  # yes/no, paper and open questions: any relevant sentence can answer
        return True
    asked = question.casefold()
    return any(match.group(0).casefold() not in asked for match in pattern.finditer(sentence))


# Kinds whose answer is a clause ("how was the data split", "how does X decode labels"): no word marks it, so
# the sentence holding the question's words together is the candidate. The method pattern (by, using, train…)
# is kept for extraction (rag/extractive.py); as a gate it missed most such answers in full papers' prose.
CLAUSE = frozenset({"method"})


def holds_answer(kind: str, sentence: str, question: str) -> bool:
    """The sentence may answer a question of this kind: a typed candidate, or any sentence for a clause answer."""
    return kind in CLAUSE or has_candidate(kind, sentence, question)
