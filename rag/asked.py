"""What a question asks for, read from its form: papers of the library, or one attribute (its focus).

Two readings the answerability signals (rag/containment.py) need beyond the expected answer type:

- **Papers asked for.** "Which papers …", "What work is there on …", "Is there research that …": the
  answer is a set of the library's papers, each of which does the thing asked. For such a question the
  paper's own title is evidence (a paper titled with the topic *is* the answer), and several papers
  holding the question's words is support, not a crowd of look-alikes.
- **The focus.** "What dropout rate is applied in X's LSTM?", "How many hidden units does …",
  "Under which license is …": the attribute asked (dropout rate, hidden units, license). A passage
  about X that never names the attribute cannot answer, however many of X's words it shares; a paper
  that states it names it next to the value.

Pure functions of the question's words; no list of dev phrasings, only the grammar of wh-questions.
"""

from __future__ import annotations

import re

from rag.text import word_tokens

_AUX = frozenset("is are was were do does did has have had can could will would should might must be been".split())
_DETERMINERS = frozenset("the a an this that these those its their each every some any".split())
_PREPOSITIONS = frozenset("of in on for per at to from with by over under across between into during among "
                          "about within without as than when while where".split())
# Heads that name a kind of answer a candidate already stands for (a name, a number, a person): the sentence
# answering "which dataset" names the dataset without saying "dataset", so these are never the focus.
_TYPE_NOUNS = frozenset("""dataset datasets benchmark benchmarks model models method methods approach approaches
    technique techniques algorithm algorithms architecture architectures tool tools library libraries system systems
    framework frameworks baseline baselines task tasks author authors researcher researchers team teams people
    organisation organization institution lab year years paper papers work works study studies one ones thing things
    kind kinds type types way ways result results component components mechanism mechanisms module modules strategy
    strategies objective objectives loss losses procedure procedures metric metrics optimizer optimizers encoder
    encoders environment environments operation operations""".split())
# Heads too vague to be the focus on their own: "which value of the C hyperparameter" asks about the hyperparameter.
_GENERIC = frozenset("value values number amount kind type name size level degree form version versions part".split())

# The asking frame of a question for papers: "which papers", "what work", "is there research", "are there surveys".
_PAPER_NOUNS = r"(?:papers?|works|studies|research|articles?|publications?|surveys?|literature|preprints?)"
_AUX_RE = "|".join(sorted(_AUX))
_ASKS_PAPERS = re.compile(
    rf"^\s*(?:which|what)(?:\s+(?!(?:{_AUX_RE})\b)[\w-]+){{0,2}}?\s+{_PAPER_NOUNS}\b"  # which (recent) papers
    rf"|^\s*(?:which|what)\s+work\b"                                                 # what work (not "X works")
    rf"|^\s*(?:is|are)\s+there\b"                                                      # is there / are there
    rf"|^\s*(?:find|list|show|name|give)\b(?:\s+\w+){{0,2}}?\s+{_PAPER_NOUNS}\b"        # list papers on
    rf"|^\s*{_PAPER_NOUNS}\s+(?:on|about|that|which|using|for)\b",                    # papers on X
    re.IGNORECASE)


def asks_for_papers(question: str) -> bool:
    """The answer is a set of the library's papers: "Which papers …", "Is there work on …", "Are there surveys of …"."""
    return bool(_ASKS_PAPERS.search(" ".join(question.split())))


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
# "What happened when …", "what else …", "what changes if …": the answer is a clause about an event, no attribute.
_CLAUSE_HEADS = frozenset("happen happens happened occur occurs occurred else changes changed".split())
_LEADS = _PREPOSITIONS | {"roughly", "approximately", "exactly", ","}


_ONE_PAPER = re.compile(rf"^\s*(?:which|what)(?:\s+(?!(?:{_AUX_RE})\b)[\w-]+){{0,2}}?\s+"
                        r"(?:paper|article|publication|survey|preprint)\b", re.IGNORECASE)


def asks_for_several_papers(question: str) -> bool:
    """A question for papers whose answer is a list ("Which papers …", "Is there work on …"), not "Which paper …"."""
    return asks_for_papers(question) and not _ONE_PAPER.search(" ".join(question.split()))


def _words(question: str) -> list[str]:
    return re.findall(r"[\w@][\w@.'-]*[\w@]|[\w@]|,", question.casefold())


def _phrase(words: list[str]) -> list[str]:
    """The noun phrase at the start of `words`: up to an auxiliary, a preposition or a verb-like word (≤ 4 words)."""
    out: list[str] = []
    for word in words:
        if word in _AUX or word in _PREPOSITIONS or word == "," or word in ("and", "or") and not out:
            break
        if word.endswith("ed") and out and len(word) > 4:  # "papers plotted", "rate applied": the verb ends it
            break
        out.append(word)
        if len(out) == 4:
            break
    return [w for w in out if w not in _DETERMINERS]


# "How large / long / deep is the X": a degree asked of the subject after 'be' (only before a determiner: "how long
# was SPECTER trained" asks the duration of an event, not an attribute named X).
_DEGREE = frozenset("large big small long wide deep high tall fast heavy old".split())
_BE = frozenset("is are was were".split())
_SHAPED = frozenset({"version", "versions"})  # generic heads whose value has a shape of its own (rag/binding.py)


def _conjunct(phrase: list[str], counted: bool) -> list[str]:
    """A coordinated phrase ("learning rate and optimizer") without the conjuncts a kind of answer heads: the
    optimizer is a name, the learning rate the attribute. Counted phrases keep every conjunct."""
    if "and" not in phrase and "or" not in phrase:
        return phrase
    parts, current = [], []
    for word in [*phrase, "and"]:
        if word in ("and", "or"):
            if current and (counted or current[-1] not in _TYPE_NOUNS):
                parts.extend([*(["and"] if parts else []), *current])
            current = []
        else:
            current.append(word)
    return parts


def _opens(words: list[str], i: int) -> bool:
    """Word i opens the question, a clause after a comma, or follows a leading preposition ("Over how many …"):
    a question word inside a clause ("… affected by what it classifies", "… on how long ago it was pulled") asks
    nothing."""
    return not i or words[i - 1] == "," or (i <= 2 and all(w in _LEADS for w in words[:i]))


def focus_phrase(question: str) -> list[str]:
    """The attribute a wh-question asks for, as raw words ([] when it asks for no attribute: why, how, yes/no)."""
    if asks_for_papers(question):  # the papers are what is asked: containment of the topic decides
        return []
    words = _words(question)
    counted = False
    for i, word in enumerate(words):
        if not _opens(words, i):
            continue
        if word in ("what", "which"):
            rest = words[i + 1:]
            if rest and rest[0] in ("do", "does", "did"):  # "what does X report": the verb is the focus, not a noun
                return []
            if rest and rest[0] in _CLAUSE_HEADS:
                return []
            if rest and rest[0] in _AUX:  # "what is the dimensionality of …"
                rest = rest[1:]
            break
        if word == "how" and i + 1 < len(words) and words[i + 1] in ("many", "much"):
            rest, counted = words[i + 2:], True
            if rest[:1] == ["of"] and rest[1:2] and rest[1] in _DETERMINERS:  # "how many of the 0.4M entity nodes"
                rest = rest[1:]
            break
        if word == "how" and words[i + 1: i + 2] and words[i + 1] in _DEGREE and words[i + 2: i + 3] \
                and words[i + 2] in _BE and words[i + 3: i + 4] and words[i + 3] in _DETERMINERS:
            rest = words[i + 3:]  # "how large is the vocabulary": the attribute is the subject after 'be'
            break
    else:
        return []
    rest = [w for w in rest if w not in _DETERMINERS] if rest[:1] and rest[0] in _DETERMINERS else rest
    raw = _phrase(rest)  # as read, before _conjunct drops a conjunct: what follows it starts after all of it
    phrase = _conjunct(raw, counted)
    if phrase and phrase[-1] in _TYPE_NOUNS and not counted:  # "which classic RL technique": a name answers it
        return []
    if phrase and all(w in _GENERIC for w in phrase):  # "which value of the SVM C hyperparameter"
        after = rest[len(raw):]
        # A generic head whose value has a shape stays ("which version of PDFBox": a version bound to PDFBox)
        shaped = [w for w in phrase if w in _SHAPED]
        phrase = [*_phrase(after[1:]), *shaped] if after[:1] == ["of"] else phrase
    # What is counted must be named next to the count ("1,000 papers"), even a kind of answer.
    kinds = frozenset() if counted else _TYPE_NOUNS
    return [w for w in phrase if w not in kinds and w not in _NUMBER_WORDS and w not in ("and", "or", ",")]


# "How long …" and "how accurate …" name no attribute: the question word is the attribute, and its value carries
# a unit of that dimension ("3 days", "512 tokens", "91.2% accuracy"), which rag/binding.py looks for.
_MEASURES = {"long": "extent", "accurate": "accuracy", "accurately": "accuracy"}


def measure_asked(question: str) -> str | None:
    """The dimension a "how long / how accurate" question asks for ('extent', 'accuracy') when its "how" `_opens` a
    question or clause; None otherwise ("… depends on how long ago it was pulled" asks nothing of the kind)."""
    words = _words(question)
    for i, word in enumerate(words[:-1]):
        if word == "how" and _opens(words, i) and words[i + 1] in _MEASURES:
            return _MEASURES[words[i + 1]]
    return None


def focus_words(question: str) -> list[str]:
    """The focus as word tokens (rag/text.py), the form evidence is compared in."""
    return list(dict.fromkeys(word_tokens(" ".join(focus_phrase(question)))))
