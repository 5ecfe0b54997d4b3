"""A paper named by what it is about instead of by its title: 'when was the paper about long-term memory
posted?', 'how many authors does the BEAM long-term memory paper have?'.

The description is the span between 'the' and 'paper' ('the BEAM long-term memory paper') or after 'the
paper about / on / that / introducing …'. It is resolved against the catalog's own text — each paper's
title and abstract — by idf-weighted overlap of rough stems (rag/question_words.py), titles counting
double. A paper is taken only when it holds most of the description and clearly beats the next one
(`MARGIN`); when two come close the planner asks which one is meant instead of guessing, and when none
holds enough the question is not a catalog question at all.

What the rest of the question asks must still be frame only (rag/planner.py checks): 'what does the
memory paper propose?' names no field, so it stays a content question.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rag import rx
from rag.plan_terms import NUMBER_WORDS, Question
from rag.question_words import stems
from rag.records import Paper

_NOUN = r"(?:paper|preprint|article|work|study|pdf|publication|entry|page)"
_LINK = r"(?:about|on|regarding|concerning|that|which|introducing|proposing|presenting|describing|titled|called|named|" \
        r"where|with|for)"
# Where a description after 'the paper about …' ends: a verb of the metadata relation or a new clause.
_STOP = r"(?:posted|published|released|appeared|appear|came|come|dated|written|authored|filed|listed|carry|carries|" \
        r"have|has|had|get|got|was|were|is|are|go|went|submitted|uploaded|first|by(?!\s+[a-z]+ing\b)|from|in\s+(?:which|what))"
# ('by' and a gerund goes on describing: 'the paper about getting agents to cooperate by adjusting incentives')
# ('the differential privacy on Hadamard manifolds paper', 'the learning from feedback without RL paper').
_JOINING = {"and", "or", "of", "for", "with", "via", "on", "in", "to", "from", "without", "versus", "vs"}
_BEFORE = re.compile(rf"\b(?:the|that|this)\s+((?:[^\s?!,;:]+\s+){{0,6}}?[^\s?!,;:]+)\s+{_NOUN}\b", re.I)
# More of a description after its noun: a bracketed gloss ('the BEAM memory paper (beyond a million tokens)') or
# what it is about ('the opponent-shaping paper on sustainable investment policies').
_TAIL = re.compile(rf"\s*\(([^()]*)\)|\s+{_LINK}\s+(.+?)(?=\s+{_STOP}\b|\s*[?!,;(]|\s*\.(?!\w)|\s*$)", re.I)
# A heading before the question proper: 'asynchronous RLHF paper: posted when?', 'Nonlinear causal reductions for
# explaining RL policies — first author?', with a gloss in brackets ('Hanabi testbed paper (continuous coordination):').
_SEPARATOR = re.compile(r":|—|–|\s-{1,2}\s|[?!;]")
# The gloss may stand before the noun too ('graphene dopant transitions (STEM) paper:').
_HEADING = re.compile(rf"\s*(?P<head>[^()]*?)(?:\s*\((?P<inner>[^()]*)\))?(?:\s+{_NOUN})?\s*(?:\((?P<gloss>[^()]*)\))?[\s,]*",
                      re.I)  # a comma left where a page was said after the gloss ('X (gloss), amii page:')
# What follows a heading that asks about many papers ('Offline RL: which papers are from 2023?'): a topic, not a paper.
_MANY = re.compile(r"\b(?:papers|articles|works|entries|ones|preprints|publications|titles|pdfs|(?<!author\s)list|count)\b",
                   re.I)  # 'in the author list' is the paper's own list
# So does a superlative standing for a count at the question's end ('Offline RL: who wrote the most?', '… who shows
# up most often?'), read on the words as asked (the group reader took them already); one before a noun ('the most
# recent version') is the paper's own.
_MOST = re.compile(r"\b(?:most|fewest|least)(?:\s+(?:often|frequently|times))?\W*$", re.I)
# (a colon or a dash ends it too: 'the paper on X: when was it posted?')
_AFTER = re.compile(rf"\b(?:the|that|this)\s+{_NOUN}\s+{_LINK}\s+((?:\([^()]*\)|.)+?)(?=\s+{_STOP}\b|\s*[?!,;:—–]|\s-{{1,2}}\s|\s*\.(?!\w)|\s*$)",
                    re.I)

# Set by reasoning, not fitted on any question set: most of the description's weight must be found, and a title that
# holds it outranks an abstract that merely mentions it (rank = share + half the share found in the title).
SHARE = 0.6  # the best paper holds at least this share of the description's idf weight
MARGIN = 1.5  # and ranks this many times above the next paper


@dataclass
class Resolved:
    words: list[str]  # the description's own words
    paper: Paper | None = None  # the one paper meant, when sure
    candidates: list[Paper] = field(default_factory=list)  # when unsure: the papers to ask about


def description(q: Question) -> list[str]:
    """The description's words, cut from the question (blanked), or [] when the question describes no paper.
    Before the noun only modifiers count: 'the authors cited in the quantile flows paper' describes by 'quantile
    flows', not by 'authors cited in'."""
    text = _nouns_restored(q)
    for pattern in (_AFTER, _BEFORE):
        for start in (m.start() for m in rx.finditer(r"\b(?:the|that|this)\s", text, re.I)):
            m = pattern.match(text, start)
            if m is None:
                continue
            words = Question(m.group(1)).residual()
            inside = rx.findall(r"[^\W_][\w'-]*[*+#]*", m.group(1))
            # A name written with a symbol is a modifier even when its letter is a frame word ('the A* paper').
            words += [w for w in inside if w[-1] in "*+#" and w.rstrip("*+#").casefold() not in words]
            # A joining word between two modifiers is the description's own ('the fast and meta knowledge learners
            # paper'), never at either end ('the authors and the paper').
            inside = [w for i, w in enumerate(inside) if not (0 < i < len(inside) - 1 and w.casefold() in _JOINING)]
            words = [w for w in words if w.casefold() not in _JOINING]
            if pattern is _BEFORE and len(words) != len([w for w in inside if not w.isdigit()
                                                         and w.casefold() not in NUMBER_WORDS]):
                continue  # a frame word before the noun ('in', 'the', 'authors'): not a run of modifiers
            if words:
                q.blank(m.start(), _said_end(q, m.start(), m.end()), kind="title")
                # A short name said before it ('the code for SPR, the self-predictive … paper'): the paper's own
                # name for itself, read with the description (its abstract prints it).
                name = rx.search(r"(?<![\w-])([A-Z][\w-]*[A-Z0-9][\w-]*)\s*,\s*$", q.text[:m.start()])
                if name:
                    q.blank(name.start(1), name.end(1), kind="title")
                    words = [name.group(1)] + words
                return words + _tail(q, m.end())
    return heading(q)


def _nouns_restored(q: Question) -> str:
    """The question's text with a taken 'pdf' put back where it ends a run of words still untaken: 'the lit graph
    pdf' names a paper by its words, and its 'pdf' was read already as the uploaded-PDFs page (a fact of the paper,
    which `stated_of_paper` keeps)."""
    text = q.text
    for m in rx.finditer(r"(?<=[^\W\d_]\s)pdf\b", q.folded, re.I):
        if not text[m.start():m.end()].strip():
            text = text[:m.start()] + m.group(0) + text[m.end():]
    return text


# The facts a question may state of a paper it describes ('the lit graph paper is from NAACL-HLT 2018', 'the lit
# graph pdf'): printed fields of the paper, which pick it among close candidates (`which`), never content words.
_STATED = ("venue", "year", "page", "category", "author_count")


def stated_of_paper(conditions: list) -> list:
    """The conditions read from the question that state a fact of one paper, as tests for `which`."""
    return [c for c in conditions if c.field in _STATED and not c.value.startswith("not ")]


def _tail(q: Question, end: int) -> list[str]:
    """The words a description goes on with after its noun (`_TAIL`), blanked; [] when it goes on with none."""
    m = _TAIL.match(q.text, end)
    words = Question(m.group(1) or m.group(2)).residual() if m else []
    if m and words:
        q.blank(m.start(), _said_end(q, m.start(), m.end()), kind="title")
        gloss = rx.match(r"\s*\(([^()]*)\)", q.text[m.end():]) if m.group(2) else None  # '… proposing X (GTR)'
        if gloss is not None and (more := Question(gloss.group(1)).residual()):
            q.blank(m.end(), m.end() + gloss.end(), kind="title")
            words += more
    return words


def _said_end(q: Question, start: int, end: int) -> int:
    """Where a description found in `start`..`end` ends: at the first clause break the question prints there (a comma,
    a question mark) even when an earlier reader took it with its clause, and before the blanks it ran over. The
    pattern stops only at punctuation still in the text, so 'the X paper about Y, which co-authors do NOT have the Amii
    asterisk?' with ', which … NOT have the Amii' taken would run on to 'asterisk' and claim the question's own words."""
    depth = 0
    for at in range(start, end):  # a comma inside a bracketed gloss is the gloss's own ('(latent dynamics, Atari)')
        char = q.folded[at]
        depth += (char == "(") - (char == ")")
        if depth == 0 and char in ",;?!":
            end = at
            break
    return len(q.text[:end].rstrip())


def heading(q: Question) -> list[str]:
    """The description a question opens with, before a colon or a dash, its bracketed gloss included; [] when the
    question opens with none, or asks about many papers after it."""
    found = _heading(q.text)
    if found is None or _MANY.search(q.text[found[1]:]) or _MOST.search(q.folded[found[1]:]) or rx.match(
            r"\s*(?:who|what|which|when|where|how|is|are|was|were|does|did|do|has|have)\b", found[0], re.I):
        return []
    words = Question(found[0]).residual()
    if words:
        q.blank(0, found[1], kind="title")
    return words


def _heading(text: str) -> tuple[str, int] | None:
    """(the heading's words: its description and its bracketed gloss, where the heading ends past its separator), for
    a question opening with words up to a colon or a dash; None when a question mark or the end comes first. The
    separator is found first, so the pattern reads the opening alone (read on the whole question it backtracked
    through the blanked spans of every question without one)."""
    sep = _SEPARATOR.search(text)
    if sep is None or sep.group(0) in "?!;":
        return None
    m = _HEADING.fullmatch(text, 0, sep.start())
    words = f"{m.group('head')} {m.group('inner') or ''} {m.group('gloss') or ''}" if m else ""
    return (words, sep.end()) if words.strip() else None


def restated(q: Question, named: Paper, papers: list[Paper]) -> None:
    """Blank what a heading says of the paper it names by title besides the title ('SAFT (OOD generalization in
    fine-tuning): …', 'HoME household environment: …') when the paper's own title and abstract hold most of it
    (`SHARE` of its idf weight, as `resolve` asks of a description): it says again which paper, and asks nothing.
    So is a bracketed gloss right after the title wherever it stands ('the lead author on Shape of Thought (when
    distribution matters more than correctness)', 'the RLDP paper (regularized latent dynamics …)'), and modifiers
    between the title and its noun ('the RLDP behavioral-foundation-model paper')."""
    _own_punctuation(q, named)
    _glossed(q, named, papers)
    found = _heading(q.text)
    sep = _SEPARATOR.search(q.text)
    if sep is not None and not Question(q.text[:sep.start()]).residual() and sep.group(0) not in "?!;" and \
            (more := _heading(q.text[sep.end():])) is not None:  # the title, then what it is, then the question:
        found = (more[0], sep.end() + more[1])  # 'BBF - the Atari 100K agent …: when was it posted?'
    if found is None or not any(kind == "title" and b <= found[1] for a, b, kind in q.spans):
        return
    words = Question(q.text[:found[1]]).residual()
    if points_back(q.text[found[1]:]):
        return  # 'X needs expert demonstrations — where do those come from?': it asks of the heading's words
    if words and _share(words, named, papers) >= SHARE:
        q.blank(0, found[1])


def _own_punctuation(q: Question, named: Paper) -> None:
    """Blank a question mark, exclamation mark or colon right after the words naming `named` when its title prints it
    there ('Think or Not? selective reasoning for VLMs - is there a code link'): the title's own, not the end of a
    sentence or a heading; read as one, the gloss after it would be a second question's words."""
    for start, end, kind in q.spans:
        if kind == "title" and end < len(q.text) - 1 and q.text[end] in "?!:" and q.text[end + 1:].strip() and \
                (q.folded[start:end] + q.text[end]).casefold() in named.title.casefold():
            q.blank(end, end + 1)
            return


# A demonstrative standing alone for things said before ('where do those come from', 'where are these kept'): the
# question is about them, not about the paper (one paper is 'it'); with a noun ('those marks', 'these papers') the
# noun says what is meant, and the other readers judge it.
_POINTS_BACK = re.compile(r"\b(?:those|these)\b(?=\s*(?:[?.!,;:]|$|(?:are|is|were|was|do|did|does|have|has|had|come|"
                          r"came|get|got|go|went|mean|stand|work|look|be|been|kept|held|built|made|found|put|set|"
                          r"[a-z]+ed)\b))", re.I)  # a verb or a participle after it: no noun of its own


def points_back(text: str) -> bool:
    """Whether the text asks about things said before it ('those', 'these'), not about the paper or a set of papers."""
    return bool(_POINTS_BACK.search(text))


# A bracketed gloss right after a title (and the noun said with it: 'the RLDP paper (…)'), or modifiers between the
# title and its noun ('the RLDP behavioral-foundation-model paper').
_GLOSS = re.compile(rf"(?:\s+{_NOUN}\b)?\s*(?:\((?P<round>[^()]*)\)|\[(?P<square>[^\[\]]*)\])|"
                    rf"(?P<mods>(?:\s+[^\W\d_][\w'-]*){{1,5}}?)\s+{_NOUN}\b", re.I)


def _glossed(q: Question, named: Paper, papers: list[Paper]) -> None:
    """Blank the gloss right after the title span that names `named` (bracketed, or modifiers before its noun), when
    the paper's own text holds most of the gloss's weight: it restates which paper. Any other gloss ('X (the
    retracted one)', 'the X retracted paper') stays, for the residual test to see."""
    ends = [b for a, b, kind in q.spans if kind == "title"]
    if not ends:
        return
    m = _GLOSS.match(q.text, ends[0])
    if m is None:
        return
    said = next(g for g in (m.group("round"), m.group("square"), m.group("mods")) if g is not None)
    words = Question(said).residual()
    if m.group("mods") is not None and len(words) != len(said.split()):
        return  # a frame word among them ('SPECTER and the DPR paper'): not modifiers of the title's noun
    if words and _share(words, named, papers) >= SHARE:
        q.blank(ends[0], m.end())


def _share(words: list[str], paper: Paper, papers: list[Paper]) -> float:
    """The share of the words' idf weight that `paper`'s title and abstract hold, among the words some paper holds (a
    gloss's 'vs' or 'testbed' names no paper, and tells nothing against the one named)."""
    index = _index(papers)
    wanted = {w for w in stems(" ".join(words)) if w in index.holders}
    i = next((i for i, p in enumerate(papers) if p is paper), None)
    if not wanted or i is None:
        return 0.0
    idf = _idf(wanted, index, len(papers))
    return sum(v for w, v in idf.items() if i in index.holders.get(w, ())) / sum(idf.values())


def _idf(wanted: Iterable[str], index: _Index, n: int) -> dict[str, float]:
    """Each stem's weight: rarer among the `n` papers' titles and abstracts, heavier."""
    return {w: math.log(1 + n / (1 + len(index.holders.get(w, ())))) for w in wanted}


def resolve(words: list[str], papers: list[Paper]) -> Resolved:
    index = _index(papers)
    wanted = sorted(stems(" ".join(words)))  # a set's order follows the hash seed; sums and ties must not
    if not wanted:
        return Resolved(words)
    idf = _idf(wanted, index, len(papers))
    total = sum(idf.values())
    share: dict[int, float] = {}
    rank: dict[int, float] = {}
    for w in wanted:
        for i in index.holders.get(w, ()):
            share[i] = share.get(i, 0.0) + idf[w] / total
            rank[i] = rank.get(i, 0.0) + idf[w] / total * (1.5 if w in index.title_stems[i] else 1.0)
    ranked = sorted(rank, key=lambda i: (-rank[i], papers[i].title, i))  # equal scores: by title, every run alike
    if not ranked or share[ranked[0]] < SHARE / 2:
        return Resolved(words)
    top = ranked[0]
    if len(wanted) == 1 and wanted[0] not in index.title_stems[top]:
        return Resolved(words)  # one word no title holds ('skip the trending feed'): an abstract's word, not a name
    second = rank[ranked[1]] if len(ranked) > 1 else 0.0
    if share[top] >= SHARE and rank[top] >= MARGIN * second:
        return Resolved(words, paper=papers[top])
    return Resolved(words, candidates=[papers[i] for i in ranked[:3] if rank[i] * MARGIN >= rank[top]])


def which(described: list[str], papers: list[Paper], said: Sequence[Callable[[Paper], bool]] = ()) -> \
        tuple[Paper | None, dict | None]:
    """(the paper a description names, None) when sure; else (None, the arguments of a plan asking which one is meant,
    rag.planner.Plan) when some papers come close, or (None, None) when none does: not a catalog question. `said`: facts
    the question states of the paper ('the lit graph paper has 23 authors'), which pick it when only one close paper
    holds them all."""
    resolved = resolve(described, papers)
    if resolved.paper is not None:
        return resolved.paper, None
    fits = [p for p in resolved.candidates if said and all(test(p) for test in said)]
    if len(fits) == 1:
        return fits[0], None
    return None, {"op": "which", "candidates": resolved.candidates, "described": " ".join(described)} \
        if resolved.candidates else None


@dataclass
class _Index:
    holders: dict[str, set[int]]  # stem -> papers whose title or abstract holds it
    title_stems: list[frozenset[str]]


_CACHE: dict[int, tuple[list[Paper], _Index]] = {}  # one entry: the snapshot in use


def _index(papers: list[Paper]) -> _Index:
    held = _CACHE.get(0)
    if held is not None and held[0] is papers:
        return held[1]
    holders: dict[str, set[int]] = {}
    titles = []
    for i, paper in enumerate(papers):
        title = stems(paper.title) | _initialisms(paper.title)
        titles.append(title)
        for w in title | stems(paper.abstract or ""):
            holders.setdefault(w, set()).add(i)
    index = _Index(holders, titles)
    _CACHE[0] = (papers, index)
    return index


def _initialisms(title: str) -> frozenset[str]:
    """'Dense Passage Retrieval for Open-Domain QA' -> {'dpr', 'od', ...}: the initials of each run of three or more
    capitalised words (hyphenated parts count), so 'the DPR paper' finds the paper that never prints 'DPR'."""
    out = set()
    for run in rx.findall(r"(?:\b[A-Z][\w]*(?:-[A-Z][\w]*)*\s*){2,}", title):
        letters = "".join(part[0] for part in rx.findall(r"[A-Z][\w]*", run)).casefold()
        out.update(letters[i:j] for i in range(len(letters)) for j in range(i + 3, len(letters) + 1))
    return frozenset(out)
