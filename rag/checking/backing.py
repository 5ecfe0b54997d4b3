"""Is every specific piece of a claim backed by the passage? Names, numbers and rare words, one by one.

A claim that adds one detail to a true sentence ("... on GridWorld", "... over a grid of ten values") or
puts another name in a sentence's slot ("the TagMe library" where the paper says "the MetaMap Lite
library") shares nearly all its words with the passage: cosine and overlap call it support. Here each
of the claim's own pieces must be found near the span — a name or number verbatim (a number by value),
a word by stem or, for a paraphrase, by a close word of the window in the embedder's space — and a
piece that is not found is looked up in its slot: the words around it in the claim, found in the span,
frame what the span says there. A different name or number in that frame is a swap.

Rarity weighs the words: a word the embedder's vocabulary spells in one piece ("model", "data") says
less than one it must split ("distillation", "Lipschitz"). That is the tokenizer's vocabulary, not a
list fitted to any claims.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from rag.checking.negation import _DIRECTION_SETS
from rag.checking.quantities import _WORD_NUMBERS, Quantity, quantities
from rag.checking.words import META_WORDS
from rag.text import STOPWORDS

BACKING_FEATURES = ("unbacked_window", "unbacked_aligned", "unbacked_paper", "items_unbacked", "slot_swap", "role_swap")
# Words around a piece that frame its slot; a frame word further than this from the piece frames nothing.
FRAME = 3
_PIECE = re.compile(r"\d+(?:[.,]\d+)*%?|[A-Za-z][A-Za-z0-9]*")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*%?$")
_META = {w[:6] for w in META_WORDS}
# Direction words take a shape of their own: 'improves' in the slot where the span says 'reduces' is a swap,
# 'improves' where it says 'raises' is a paraphrase.
_UP = frozenset().union(*(a for a, _ in _DIRECTION_SETS))
_DOWN = frozenset().union(*(b for _, b in _DIRECTION_SETS))
_OPPOSITE = {"up": "down", "down": "up"}
_SIDES = [side for pair in _DIRECTION_SETS for side in pair]
_ITEMS = ("name", "number")  # the pieces that must be found verbatim (a number by value)
_COMMON_CAPS = frozenset("""the a an we our this these those it its they their in on of for with by from to as at and or but
    however moreover furthermore finally first second third then thus hence also here there such each all both
    table figure section fig eq while when although unlike compared specifically i""".split())


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    from rag.checking.crossencoder import model_dir

    return frozenset((model_dir() / "vocab.txt").read_text().split())


def rarity(word: str) -> float:
    """1 for a word the embedder's vocabulary holds whole, 2 for one it splits into pieces (a rarer word)."""
    return 1.0 if word.casefold() in _vocabulary() else 2.0


def pieces(text: str) -> list[tuple[str, str]]:
    """(token, shape) in order; shape 'number' (digits or a number word), 'name' (an acronym, a mixed-case or
    digit-bearing id, a capitalised word that does not start a sentence) or 'word'. Hyphenated words split."""
    out = []
    for match in _PIECE.finditer(text):
        raw = match.group(0)
        low = raw.casefold()
        if _NUMBER.match(raw) or low in _WORD_NUMBERS:
            shape = "number"
        elif low in _UP or low in _DOWN:
            shape = "up" if low in _UP else "down"
        elif low in _COMMON_CAPS:
            shape = "word"
        elif (re.fullmatch(r"[A-Z]{2,}s?", raw) or re.search(r"[a-z][A-Z]", raw) or re.search(r"\d", raw)
              or (raw[0].isupper() and not _starts_sentence(text, match.start()))):
            shape = "name"
        else:
            shape = "word"
        out.append((low, shape))
    return out


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".:;!?\"“"  # after "(" a capital is a name: "(Citeomatic in this case)"


def _stem(word: str) -> str:
    """Six letters, after a plural 's': 'trains' and 'training' meet 'train'."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def _own(tokens: list[tuple[str, str]], ignore: set[str]) -> list[tuple[int, str, str]]:
    """The claim's pieces that can be evidence: not stopwords, meta words or the title's words."""
    return [(i, w, s) for i, (w, s) in enumerate(tokens)
            if w not in STOPWORDS and _stem(w) not in _META and _stem(w) not in ignore and (s != "word" or len(w) > 2)]



def _value(word: str) -> float | None:
    if word in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word])
    try:
        return float(word.rstrip("%").replace(",", ""))
    except ValueError:
        return None


def _number_backed(word: str, text_values: set[float]) -> bool:
    value = _value(word)
    return value is not None and value in text_values


def _number_framed(word: str, mine: list[Quantity], theirs: list[Quantity]) -> bool:
    """The same value in the other text about the same thing (a word around it in common): "two lines" is
    "2 lines", but "three modules" is not backed by a list item "(3) a world model"."""
    value = _value(word)
    around = [q.context for q in mine if q.value == value]
    return value is not None and any(q.value == value and (not around or q.context & around[0]) for q in theirs)


def slot_swaps(claim: str, span: str, ignore: str = "") -> int:
    """Pieces of the claim (names, numbers) absent from the span whose slot there holds another piece of the
    same shape: a content word next to the piece in the claim is found in the span, and within FRAME
    tokens on the same side of it the span has a name (or number) the claim never uses."""
    c, s = pieces(claim), pieces(span)
    claim_words = {w for w, _ in c}
    span_words = {w for w, _ in s}
    ignore_words = {w for w, _ in pieces(ignore)}
    claim_q, span_q = quantities(claim), quantities(span)
    anchors_at: dict[str, list[int]] = {}
    for j, (w, _) in enumerate(s):
        anchors_at.setdefault(_stem(w), []).append(j)
    swaps = 0
    for i, (word, shape) in enumerate(c):
        if shape == "word" or word in span_words or word in ignore_words:  # a word is backed or not, never swapped
            continue
        if shape == "number" and _number_framed(word, claim_q, span_q):
            continue
        wanted = _OPPOSITE.get(shape, shape)  # a direction word's slot must hold the opposite direction
        found = False
        for step in (-1, 1):  # the frame word left of the piece, then right of it
            for k in range(1, FRAME + 1):
                a = i + step * k
                if not 0 <= a < len(c):
                    break
                anchor, kind = c[a]
                if kind != "word" or anchor in STOPWORDS or _stem(anchor) not in anchors_at:
                    continue
                for j in anchors_at[_stem(anchor)]:
                    # the piece sits on the other side of the anchor from where the anchor sits from it
                    seen, m = 0, j - step
                    while 0 <= m < len(s) and seen < FRAME + 1:  # stopwords of the span take no room in the frame
                        other, other_shape = s[m]
                        m -= step
                        if other in STOPWORDS:
                            continue
                        seen += 1
                        if other_shape != wanted or other in claim_words or other in ignore_words:
                            continue
                        if _abbreviates(other, c) or _abbreviates(word, s):  # "URLB" for "Unsupervised RL Benchmark"
                            continue
                        if shape == "number" and _number_framed(other, span_q, claim_q):
                            continue
                        found = True
                        break
                    if found:
                        break
                break  # only the nearest content word frames the slot
            if found:
                break
        swaps += found
    return swaps


@lru_cache(maxsize=32)
def _paper_index(paper: str) -> tuple[frozenset[str], frozenset[str], frozenset[float]]:
    """A paper's words, stems and number values, read once per paper (a PDF is tens of thousands of words)."""
    words = frozenset(w for w, _ in pieces(paper))
    return words, frozenset(_stem(w) for w in words), frozenset(q.value for q in quantities(paper))


def paper_names(claim: str, title: str, authors: str = "") -> str:
    """What names the paper itself rather than anything in it: its title, its authors ("Cohan et al. propose"
    is "we propose") and the claim's names that abbreviate the title ("DPR" for "Dense Passage Retrieval").
    Checkers read these as the title: never a piece that must be backed, never a swap."""
    title_pieces = [p for p in pieces(title) if p[0] not in STOPWORDS]
    acronyms = [w for w, shape in pieces(claim) if shape == "name" and len(w) >= 3 and w.isalpha()
                and _abbreviates(w, title_pieces) and _initial_run(w, title_pieces)]
    return " ".join([title, authors, *(a.upper() for a in acronyms)])


def _initial_run(short: str, text: list[tuple[str, str]]) -> bool:
    """The acronym's letters are the initials of consecutive title words (not scattered through a long title)."""
    initials = "".join(w[0] for w, _ in text)
    return short in initials


def _abbreviates(short: str, text: list[tuple[str, str]]) -> bool:
    """`short` is an acronym of a run of the text's words: their initials (an acronym's own letters in full)."""
    if not 2 <= len(short) <= 8 or not short.isalnum():
        return False
    initials = "".join(w if shape == "name" and len(w) <= 4 else w[0] for w, shape in text if w not in STOPWORDS)
    return short in initials


def backing_features(claim: str, span: str, window: str, paper: str, vectors=None,
                     ignore: str = "", before: str = "") -> dict[str, float]:
    """Shares of the claim's own pieces (weighted by rarity) that the window does not hold, that no window word
    stands in for in the embedder's space, and that the whole paper never holds; names and numbers the window
    lacks (0..2); slot swaps against the span (0..2); exchanged roles (0..2)."""
    ignore_stems = {_stem(w) for w, _ in pieces(ignore)}
    own = _own(pieces(claim), ignore_stems)
    if not own:
        return {**dict.fromkeys(BACKING_FEATURES, 0.0), "role_swap": float(min(role_swaps(claim, span), 4)) / 2}
    win = pieces(window)
    win_words = {w for w, _ in win}
    win_stems = {_stem(w) for w in win_words}
    paper_words, paper_stems, paper_values = _paper_index(paper)
    paper_words, paper_stems = paper_words | win_words, paper_stems | win_stems
    win_values = {q.value for q in quantities(window)}

    def held(word: str, shape: str, words: set[str], stems: set[str], values: set[float]) -> bool:
        if shape == "number":
            return _number_backed(word, values) or word in words
        if shape in _OPPOSITE:  # a direction word is backed by its family's same side: 'speeds' by 'accelerates'
            return _stem(word) in stems or any(word in side and side & words for side in _SIDES)
        return word in words if shape == "name" else _stem(word) in stems

    weights = np.array([rarity(w) for _, w, _ in own])
    in_window = np.array([held(w, s, win_words, win_stems, win_values) for _, w, s in own])
    in_paper = np.array([held(w, s, paper_words, paper_stems, paper_values)
                         for _, w, s in own])
    credit = in_window.astype(float)
    missing = [k for k, ok in enumerate(in_window) if not ok and own[k][2] not in _ITEMS]
    if vectors is not None and missing:
        targets = [w for w in dict.fromkeys(win_words) if w not in STOPWORDS and not _NUMBER.match(w)]
        if targets:
            sims = vectors.of([own[k][1] for k in missing]) @ vectors.of(targets).T
            # a close word (cosine 0.7+) stands in fully, one at 0.3 or less not at all
            credit[missing] = np.clip((sims.max(axis=1) - 0.3) / 0.4, 0.0, 1.0)
    # A name the section already gave is what its "we use ..." or "it ..." refers to: the claim "ScienceParse keeps
    # the page with the most authors" against "we use the one with the largest number of authors" a few sentences
    # after the section names ScienceParse. Read from the paper's text just before the span (names only).
    named_before = {w for w, shape in pieces(before) if shape == "name"}
    items_missing = sum(1 for (_, w, s), ok in zip(own, in_window)
                        if s in _ITEMS and not ok and not (s == "name" and w in named_before))
    total = weights.sum()
    return {"unbacked_window": float((weights * ~in_window).sum() / total),
            "unbacked_aligned": float((weights * (1.0 - credit)).sum() / total),
            "unbacked_paper": float((weights * ~in_paper).sum() / total),
            "items_unbacked": float(min(items_missing, 2)),
            "slot_swap": float(min(slot_swaps(claim, span, ignore), 2)),
            "role_swap": float(min(role_swaps(claim, span), 4)) / 2}


def _contexts(words: list[str], width: int) -> dict[str, set[str]]:
    """Each word's next `width` content words (as stems), over all its occurrences."""
    out: dict[str, set[str]] = {}
    for i, word in enumerate(words):
        out.setdefault(word, set()).update(words[i + 1: i + 1 + width])
    return out


def role_swaps(claim: str, span: str, width: int = 3) -> int:
    """Two words both texts use, whose roles are exchanged: what follows one in the claim follows the other in
    the span, and the other way round ("online data for X and offline data for Y" against "offline data for X
    and online data for Y"; "3 hard and 2 easy negatives" against "2 hard and 3 easy"; "the lowest precision
    and the highest yield" against "the highest precision and the lowest yield"). Read forwards and backwards."""
    def content(text: str) -> list[tuple[str, str]]:
        return [(w, shape) for w, shape in pieces(text) if w not in STOPWORDS]

    claim_pieces, span_pieces = content(claim), content(span)
    c, s = [w for w, _ in claim_pieces], [w for w, _ in span_pieces]
    shapes = dict(claim_pieces)
    # Only counterparts can exchange roles: two numbers, two names, or two words of one family (online /
    # offline, lowest / highest). Any two words would do in a paraphrase that reorders its clauses.
    shared = [w for w in sorted(set(c) & set(s))]
    heads = _heads(c) & _heads(s)  # words both texts modify alike: "meta learner" and "fast learner"
    pairs = [(a, b) for i, a in enumerate(shared) for b in shared[i + 1:]
             if _counterparts(a, b, shapes) or _same_head(a, b, heads)]
    swaps = 0
    for a_words, b_words in ((c, s), (c[::-1], s[::-1])):
        cc, sc = _contexts(a_words, width), _contexts(b_words, width)
        for a, b in pairs:
            if (cc[a] - cc[b]) & (sc[b] - sc[a]) and (cc[b] - cc[a]) & (sc[a] - sc[b]):
                swaps += 1
    return swaps


def _heads(words: list[str]) -> set[tuple[str, str]]:
    """(modifier, head) for each word and the word after it."""
    return set(zip(words, words[1:]))


def _same_head(a: str, b: str, heads: set[tuple[str, str]]) -> bool:
    """Two modifiers of one head word in both texts are counterparts ("the meta learner" / "the fast learner")."""
    return any((a, h) in heads and (b, h) in heads for _, h in heads)


def _counterparts(a: str, b: str, shapes: dict[str, str]) -> bool:
    kind_a, kind_b = (("word" if shapes[w] in _OPPOSITE else shapes[w]) for w in (a, b))
    if kind_a != kind_b:
        return False
    return kind_a != "word" or (a[:3] == b[:3] or a[-3:] == b[-3:]) and min(len(a), len(b)) > 2
