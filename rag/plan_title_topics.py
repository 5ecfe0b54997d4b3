"""A topic said to be a title's words, without a verb of holding: 'state space model papers (going by title)',
'how many trending papers are about GFlowNets (generative flow networks) by title', 'the continual-learning titles',
'exploration-themed titles'; and the cut of words that only name again the set a title condition selects ('the
robotics papers' after 'titles saying robot'). Split from rag/plan_titles.py, which reads terms after a verb or noun
('titles that mention X', 'the word X in the title').

A topic word is taken only when some title of the catalog prints it: a word no title prints is the question's topic,
which is retrieval's; and only where titles are said, so 'papers about exploration' stays a content question.
"""

from __future__ import annotations

import re

from rag.plan_terms import FRAME, NUMBER_WORDS, ORDINALS, Condition, Question
from rag.plan_title_text import TitleText, casefolded_words, singular

# How a title is said to be the source: 'by title', '(going by the titles)', 'judging from their titles', 'title-wise'.
_BY_TITLE = re.compile(r"\s*[(,—–-]?\s*(?:\b(?:going|judging|judged|searching|matching|based|reading)\s+)?"
                       r"\b(?:by|on|from|off|per)\s+(?:the\s+|their\s+|its\s+)?titles?\b(?:\s+alone|\s+only)?\s*\)?|"
                       r"\s*[(,—–-]?\s*\b(?:according\s+to|based\s+on)\s+(?:the\s+|their\s+|its\s+)?titles?\b\s*\)?|"
                       r"\s*[(,]?\s*\btitle[\s-]wise\b\s*\)?", re.I)
# The set the topic names: 'X papers', 'X ones'; 'papers (that are) about X'.
_HEAD = r"(?:papers?|ones|entries|works|articles|titles|preprints)"
_ABOUT = r"\b(?:about|on|concerning|regarding|covering)\s+"
# What a hyphenated word after the topic says of it: 'exploration-themed', 'RL-related', 'memory-focused'.
_OF_TOPIC = {"themed", "related", "focused", "oriented", "centric", "centred", "centered", "flavoured", "flavored",
             "style", "type", "titled", "heavy"}
# A word before 'title' that says what the title is like, not what it says ('the full title', 'the exact title').
# Also what is thought of a title, when one is wanted ('a better title for X', 'catchier titles'): the asker's verdict.
_OF_TITLE = {"exact", "full", "complete", "whole", "entire", "official", "actual", "original", "real", "proper",
             "correct", "precise", "long", "longer", "longest", "short", "shorter", "shortest", "same", "current",
             "new", "old", "printed", "listed", "given", "stated", "good", "better", "best", "bad", "worse", "worst",
             "great", "nice", "catchy", "catchier", "catchiest", "clever", "funny", "boring", "clear", "clearer",
             "alternative", "possible", "suggested", "proposed", "working", "tentative", "draft", "improved", "fitting",
             "suitable", "apt", "descriptive", "misleading", "accurate"}
# Before a singular 'title', the words that make it one of a set ('which reasoning title comes first'); any other
# ('a better title', 'the ARNOLD title') names or asks for one paper's title.
_OF_SET = {"which", "what", "whichever", "any", "every", "each", "first", "last", "earliest", "latest", "oldest",
           "newest", "one", "only"}


def by_title(q: Question, titles: list[str]) -> list[Condition]:
    """'state space model papers (by title)', 'transformer papers, going by the titles', 'how many papers are in my
    library about GFlowNets (generative flow networks), judging by title': the topic named before the set noun or
    after 'about' is a title's wording, wherever the question says that titles are the test. An alternative in
    brackets ('GFlowNets (generative flow networks)') is one more term the titles may print instead."""
    marks = [m for m in _BY_TITLE.finditer(q.text) if re.search(r"titl", m[0], re.I) and m[0].strip()]
    if not marks:
        return []
    found = []
    for m in list(re.finditer(rf"\b{_HEAD}\b|{_ABOUT}", q.text, re.I)):
        about = not re.fullmatch(_HEAD, m[0], re.I)
        # the words right before the noun, or right after 'about', no frame word among them
        words = _words(q.text, m.end(), 1) if about else _words(q.text, m.start(), -1)
        for n in range(len(words), 0, -1):
            said = words[:n] if about else words[-n:]
            term = " ".join(w for _, _, w in said)
            test = TitleText.of([term])
            if not any(test(t) for t in titles):
                continue
            q.blank(said[0][0], said[-1][1])
            terms = [term] + _bracketed(q, said[-1][1], titles)
            found.append(condition(TitleText.of(terms), terms, False))
            restated(q, TitleText.of(terms), titles)
            break
    if found:
        for m in marks:
            q.blank(m.start(), m.end())
    return found


def _bracketed(q: Question, at: int, titles: list[str]) -> list[str]:
    """'GFlowNets (generative flow networks)': the words in brackets right after a topic, when a title prints them."""
    m = re.match(r"\s*\(([^()]{2,60})\)", q.text[at:])
    if not m or not any(TitleText.of([m[1]])(t) for t in titles):
        return []
    q.blank(at, at + m.end())
    return [m[1].strip()]


def titled(q: Question, titles: list[str]) -> list[Condition]:
    """'the continual-learning titles', 'which reasoning title comes first', 'exploration-themed titles': the words
    right before 'title(s)' that titles print. Read on what the other readers left (a page, a section or a person
    before 'titles' is theirs). A single title ('the SPECTER title') is a named paper: its words must be printed in
    two titles or more to be a set."""
    found = []
    for m in list(re.finditer(r"\btitles?\b", q.text, re.I)):
        words = [w for w in _words(q.text, m.start(), -1)]
        if words and words[-1][2].casefold() in _OF_TITLE:
            continue
        before = re.findall(r"[^\W_]+", q.folded[:words[0][0]])[-1:] if words else []
        if m[0].casefold() == "title" and not (before and before[0].casefold() in _OF_SET):
            continue
        least = 1 if m[0].casefold() == "titles" else 2
        for n in range(len(words), 0, -1):
            said = words[-n:]
            term = " ".join(w for _, _, w in said)
            parts = term.split("-")
            if len(parts) > 1 and parts[-1].casefold() in _OF_TOPIC:
                term = "-".join(parts[:-1])
            test = TitleText.of([term], spread=len(casefolded_words(term)) > 1)
            if sum(test(t) for t in titles) < least:
                continue
            q.blank(said[0][0], said[-1][1])
            found.append(condition(test, [term], False))
            restated(q, test, titles)
            break
    return found


def _words(text: str, at: int, step: int) -> list[tuple[int, int, str]]:
    """Up to four words (start, end, word) next to `at` — before it (step -1) or after it (step 1) — with nothing
    but spaces between them and no frame word, possessive or quality of a title among them."""
    spans = [(m.start(), m.end(), m[0]) for m in re.finditer(r"[^\W_][\w.+&'-]*[\w+&]|[^\W_]", text)]
    spans = [s for s in spans if s[0] >= at] if step > 0 else [s for s in reversed(spans) if s[1] <= at]
    found, edge = [], at
    for start, end, word in spans[:4]:
        low = word.casefold()
        if text[min(edge, start):max(edge, end)].replace(word, "", 1).strip() or low in FRAME or low in _OF_TITLE or \
                low.endswith("'s") or low.isdigit() or low in NUMBER_WORDS or low in ORDINALS:  # 'the top 3 titles'
            break
        found.append((start, end, word))
        edge = end if step > 0 else start
    return found if step > 0 else found[::-1]


def restated(q: Question, test: TitleText, titles: list[str]) -> None:
    """Cut the terms said again ('the robotics papers' after 'robot or robotic') with the words next to them that the
    matching titles print too ('the continual learning papers' after 'titles that contain continual'), an alternative
    joined by a slash ('dexterous manipulation/grasping papers') and a word saying what the topic is to the set
    ('exploration-themed'): they name the set the condition selects, not another condition."""
    printed = {singular(w) for t in titles if test(t) for w in casefolded_words(t)}
    spans = [(m.start(), m.end(), m[0].casefold()) for m in re.finditer(r"[^\W_][\w'-]*", q.text)]
    for i, (start, end, word) in enumerate(spans):
        parts = word.split("-")
        if len(parts) > 1 and parts[-1] in _OF_TOPIC:
            word = "-".join(parts[:-1])
        if word in FRAME or not test.restates(word):
            continue
        left = right = i
        while left > 0 and _joins(q.text, spans[left - 1], spans[left]) and spans[left - 1][2] not in FRAME and \
                singular(spans[left - 1][2]) in printed:
            left -= 1
        while right + 1 < len(spans) and spans[right + 1][2] not in FRAME and (
                _joins(q.text, spans[right], spans[right + 1]) and singular(spans[right + 1][2]) in printed
                or q.text[spans[right][1]:spans[right + 1][0]] == "/"):
            right += 1
        q.blank(spans[left][0], spans[right][1])


def _joins(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return not text[a[1]:b[0]].strip()


def condition(test: TitleText, terms: list[str], negated: bool) -> Condition:
    """The condition a title test makes, labelled with the terms as said."""
    made = Condition("title", f"{test.where} {' | '.join(terms)}" + (" (forms)" if test.forms else "") +
                     (" (spellings)" if test.joined else ""), test.label(terms), lambda p, t=test: t(p.title))
    return made.negated() if negated else made
