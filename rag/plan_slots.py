"""The verb between a named author (or paper) and the papers asked for: 'What has X worked on?', 'Which papers
did X put out in 2025?', 'Which papers were dreamt up by X?', 'When did TokMem hit arXiv?'.

A closed list of verbs breaks on the next phrasing. Grammar says where the verb is, whatever it is:
- after an inverted auxiliary and its subject ('did X ___', 'has X been ___ing'), or after the subject of a
  relative clause ('the papers X ___', 'everything X ___') — the subject being a person or a paper the
  catalog holds;
- before a passive agent ('were ___ by X');
- between 'which papers' and a time or place the catalog holds ('which papers ___ in 2023').
One word in such a slot is the relation, and the question stays about the catalog. Verbs that point at
other work ('cite', 'mention', 'review', ...) are kept out: the papers X cites are not X's papers. Any other
word left over (a topic: 'memory', 'exploration') still sends the question to retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import rx
from rag.plan_terms import FRAME, NUMBER_WORDS, Question

_AUX = {"did", "does", "do", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could"}
# Between the subject and its verb: more auxiliaries and adverbs of frequency or time.
_SOFT = _AUX | {"been", "be", "being", "ever", "also", "just", "recently", "mostly", "already", "all", "both",
                "together", "jointly", "ever", "first", "so", "far", "actually", "really", "previously", "not"}
# What a relative clause hangs on: 'the papers X wrote', 'everything X did', 'what X worked on'.
_HEADS = {"papers", "paper", "works", "work", "articles", "article", "publications", "publication", "preprints",
          "preprint", "everything", "anything", "what", "which", "ones", "entries", "titles", "stuff", "that"}
_PARTICLES = {"out", "up", "on", "off", "together", "in", "over", "through", "down", "about", "forth", "along"}
_PREPOSITIONS = {"on", "in", "over", "through", "about"}  # particles that may also open a complement ('in 2023')
_PLACES = {"in", "on", "during", "at", "before", "after", "since", "from", "under", "around", "until", "within"}
# Verbs whose object is other work: 'which papers did X cite' asks about references, not about X's papers.
_REFERRING = re.compile(r"^(?:cit|mention|referenc|review|discuss|critic|critiqu|compar|extend|outperform|beat|"
                        r"surpass|read|recommend|buil[dt]|rebut|respond|replicat|reproduc|follow|like|prefer|"
                        r"rat|rank|endors|attack|refut|disput|contradict|improv|supersed|replac)")


@dataclass
class Token:
    start: int
    end: int
    word: str  # lowercased, as printed
    state: str  # 'person' | 'title' | 'value' (any other grounded value) | 'frame' | 'residual'


def tokens(q: Question) -> list[Token]:
    out = []
    for m in rx.finditer(r"[^\W_][\w'.-]*", q.folded):
        start, end = m.start(), m.end() - len(m.group(0)) + len(m.group(0).rstrip(".'-"))
        left = q.text[start:end].strip()
        word = m.group(0)[: end - start].casefold()
        w = left.casefold().strip("-'")
        frame = w in FRAME or w.removesuffix("'s") in FRAME or w in NUMBER_WORDS or w.isdigit()
        if not left or frame and left != q.folded[start:end].strip():  # all of it grounded, or 'DeepMind-tagged'
            kinds = [kind for a, b, kind in q.spans if a < end and start < b]
            state = kinds[0] if kinds else "value"
        else:
            state = "frame" if frame else "residual"
        out.append(Token(start, end, word, state))
    return out


def slot_verbs(q: Question) -> list[tuple[str, str]]:
    """(the verb with its particles: 'put out', whose verb it is: 'person' | 'title' | 'papers') for each residual
    word in a verb slot (see the module doc). The caller accepts the question when these are all its residual
    words and there is one of them, and when the verb means making the papers (rag/plan_verbs.py)."""
    toks = tokens(q)
    found = []
    for i, tok in enumerate(toks):
        if tok.state == "residual" and (subject := _verb_slot(toks, i)):
            phrase = [tok.word]
            for k in range(i + 1, min(i + 3, len(toks))):
                # 'worked on', 'put out' (this year); not 'in' before '2025', which opens the verb's complement
                if toks[k].word not in _PARTICLES or toks[k].word in _PREPOSITIONS and k + 1 < len(toks) \
                        and toks[k + 1].state in ("value", "person"):
                    break
                phrase.append(toks[k].word)
            found.append((" ".join(phrase), subject))
    return found


def _verb_slot(toks: list[Token], i: int) -> str | None:
    word = toks[i].word
    if not rx.fullmatch(r"[a-z]{2,}(?:-[a-z]+)?", word) or _REFERRING.match(word):
        return None
    if subject := _after_subject(toks, i):
        return subject
    if _before_agent(toks, i):
        return "person"
    if _request(toks, i):
        return "request"
    return "papers" if _before_place(toks, i) else None


def _request(toks: list[Token], i: int) -> bool:
    """'Pull up the DeepMind-tagged papers', 'Fetch everything by X': a verb opening the sentence (after 'please'),
    whose object is papers, all of them or a grounded value's."""
    j = i - 1
    while j >= 0 and toks[j].word in ("please", "can", "could", "would", "you", "kindly", "just"):
        j -= 1
    if j >= 0:
        return False
    rest = toks[i + 1:]
    return any(t.word in _HEADS - {"what", "which", "that"} for t in rest) and \
        any(t.state in ("value", "person") or t.word in ("all", "every", "everything") for t in rest)


def _left(toks: list[Token], i: int) -> int:
    """Index of the first token left of i that is not an auxiliary or adverb (-1 at the start)."""
    j = i - 1
    while j >= 0 and toks[j].state == "frame" and toks[j].word in _SOFT:
        j -= 1
    return j


def _after_subject(toks: list[Token], i: int) -> str | None:
    j = _left(toks, i)
    if j < 0 or toks[j].state not in ("person", "title"):
        return None
    subject = toks[j].state
    # Back over the subject: names joined by 'and', 'or' and commas count as one.
    while j >= 0 and (toks[j].state in ("person", "title") or toks[j].word in ("and", "or")):
        j -= 1
    return subject if j < 0 or toks[j].word in _AUX or toks[j].word in _HEADS else None


def _before_agent(toks: list[Token], i: int) -> bool:
    j = _left(toks, i)  # 'which papers were ___ out by X': the auxiliaries are skipped, the head remains
    if j < 0 or toks[j].word not in _HEADS:
        return False
    k = i + 1
    while k < len(toks) and toks[k].word in _PARTICLES and k - i <= 2:
        k += 1
    return k + 1 < len(toks) and toks[k].word == "by" and toks[k + 1].state == "person"


def _before_place(toks: list[Token], i: int) -> bool:
    j = _left(toks, i)
    if j < 1 or toks[j].word not in _HEADS or toks[j - 1].word not in ("which", "what", "any", "the", "many", "all"):
        return False
    k = i + 1
    while k < len(toks) and toks[k].word in _PARTICLES - _PLACES and k - i <= 2:
        k += 1
    return k + 1 < len(toks) and toks[k].word in _PLACES and toks[k + 1].state == "value"
