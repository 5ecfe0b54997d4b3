"""A topic said to be a title's words, without a verb of holding: 'state space model papers (going by title)',
'how many trending papers are about GFlowNets (generative flow networks) by title', 'the continual-learning titles',
'exploration-themed titles'; and the cut of words that only name again the set a title condition selects ('the
robotics papers' after 'titles saying robot'). Split from rag/plan_titles.py, which reads terms after a verb or noun
('titles that mention X', 'the word X in the title').

What titles (or words in them) mean, stand for or have in common, how they differ, and a what / why / how asked of
what a title says are content: asks_of_titles tells the planner to leave such a question to retrieval.

A topic word is taken only when some title of the catalog prints it: a word no title prints is the question's topic,
which is retrieval's; and only where titles are said, so 'papers about exploration' stays a content question.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import FRAME, NUMBER_WORDS, ORDINALS, Condition, Question
from rag.plan_title_forms import topical
from rag.plan_title_text import TitleText, casefolded_words, family, singular

# How a title is said to be the source: 'by title', '(going by the titles)', 'judging from their titles', 'title-wise'.
_BY_TITLE = re.compile(r"\s*[(,—–-]?\s*(?:\b(?:going|judging|judged|searching|matching|based|reading)\s+)?"
                       r"\b(?:by|on|from|off|per)\s+(?:the\s+|their\s+|its\s+)?titles?\b(?:\s+alone|\s+only)?\s*\)?|"
                       r"\s*[(,—–-]?\s*\b(?:according\s+to|based\s+on)\s+(?:the\s+|their\s+|its\s+)?titles?\b\s*\)?|"
                       r"\s*[(,]?\s*\btitle[\s-]wise\b\s*\)?", re.I)
# The set the topic names: 'X papers', 'X ones'; 'papers (that are) about X'.
# 'stuff' / 'things' / 'anything' name the papers too, in loose speech ('autonomous driving stuff, by title').
_HEAD = r"(?:papers?|ones|entries|works|articles|titles|preprints|stuff|things|anything)"
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


# What a question asks of titles that only reading them answers — content, however the titles are named. A verb of
# meaning whose object is the wh-word, so it ends its clause ('what do the GFlowNet titles have in common?', 'what
# does the word X in the title stand for?'); not 'titles that refer to X', where the object is the term.
_MEANING = r"(?:mean|means|meant|stand|stands|stood)(?:\s+for)?|refer(?:s|red)?\s+to|allud(?:e|es|ed)\s+to|" \
           r"hint(?:s|ed)?\s+at|point(?:s|ed)?\s+(?:at|to)|signif(?:y|ies|ied)|denot(?:e|es|ed)|represent(?:s|ed)?|" \
           r"impl(?:y|ies|ied)|convey(?:s|ed)?|suggest(?:s|ed)?|promis(?:e|es|ed)|evok(?:e|es|ed)|" \
           r"ha(?:ve|s|d)\s+in\s+common|share|say\s+about|tell\s+(?:us|me|you)(?:\s+about)?|get\s+at|emphasi[sz]e"
_CLAUSE_END = r"(?:\s+with\s+(?:each\s+other|one\s+another))?" \
              r"(?:\s+(?:in|within)\s+(?:the|its|their|this|that|a|these|those)\s+titles?)?(?:\s+(?:here|there|exactly|" \
              r"really|actually))?\s*(?=[?.!;:—–)]|\s-\s|$)"
_ASKS_OF_TITLES = re.compile(
    rf"\bwhat\b[^?.!;]*?\b(?:{_MEANING}){_CLAUSE_END}|"  # 'what does X in the title stand for?'
    rf"\b(?:{_MEANING})\s+what\s*(?=[?.!;]|$)|"  # 'X in the title means what?': the wh-word last
    r"\bwhat\b[^?.!;]*?\b(?:tells?\s+(?:us|me|you)|says?\s+about)\b|"  # 'what do the titles tell us about the field'
    r"\b(?:meaning|significance|connotations?|etymology|origin)\s+of\b|\bmeant\s+by\b|"  # 'the meaning of X'
    r"\bcommon\s+(?:themes?|threads?|ground|ideas?|topics?|denominators?|motifs?)\b|"  # 'a common theme'
    r"\bdiffer(?:s|ed|ing)?\b|\bdistinguish(?:es)?\b|"  # 'how do reasoning titles differ from planning titles?'
    r"\bwhy\b|"  # 'why do so many titles say all you need?': never a record
    r"\bhow\s+(?:do|does|did|is|are|was|were|can|could|would|should|might)\b|"  # 'how does the title's X work?'
    r"\b(?:across|for|of|to|about|between|in|on|with|by|from|against|into|over|at|like)\s+what\s*(?=[?.!;]|$)",  # 'X across what?'
    re.I)
_TITLES_SAID = re.compile(r"\b(?:sub-?)?titl(?:es?|ed)\b", re.I)
_SHOWN = re.compile(r"\b(?:spelled|spelt|written|printed|listed|ordered|sorted|formatted|capitali[sz]ed|shown|displayed)\b",
                    re.I)


def asks_of_titles(question: str, titles: list[str]) -> bool:
    """Whether a question that speaks of titles asks what they (or words in them) mean, stand for, refer to or have
    in common, how they differ, or a why / how / 'X across what' about what they say: content, which retrieval
    answers, so no reader may take it ('what do the GFlowNet titles have in common', 'the title of X says "unified
    toolkit" — unified across what?': a yes/no reading of the title would answer a question nobody asked). The
    question's own words are read, not a title's it quotes or prints ('which title says Why Open Source' asks no
    why), so quoted spans and the catalog's `titles` (or a part of one between its stops) are blanked first."""
    if not _TITLES_SAID.search(question):
        return False
    if not (ask := _ASKS_OF_TITLES.search(_blanked(question, titles))):
        return _asked_again(question)
    # 'how are the titles sorted on the trending page': how the record shows its titles, not what they say
    return not (rx.fullmatch(r"how\s+(?:is|are|was|were)", ask[0], re.I) and _SHOWN.search(question))


_QUOTED = re.compile(r"(?<!\w)'[^']{2,120}'(?!\w)|\"[^\"]{2,120}\"|‘[^’]{2,120}’|“[^”]{2,120}”")
_STOPS = re.compile(r"\s*[:?!.;—–]\s*|\s+-\s+")


def _blanked(question: str, titles: list[str]) -> str:
    """The question with quoted spans and the printed titles it says (whole, or a part of two words or more between
    a title's stops: 'Why Open Source' of 'Why Open Source? A Game-Theoretic …') made blank, case ignored."""
    text = _QUOTED.sub(lambda m: " " * len(m[0]), question)
    folded = text.casefold()
    for title in titles:
        for part in {title, *_STOPS.split(title)}:
            if len(part.split()) >= 2 and part.casefold() in folded:
                text = rx.sub(rf"(?<!\w){re.escape(part)}(?!\w)", lambda m: " " * len(m[0]), text, flags=re.I)
                folded = text.casefold()
    return text


def _asked_again(question: str) -> bool:
    """'the title of X says "unified toolkit" — what is unified?', "does the title say 'open-domain', and what is
    open-domain about it?": a what-clause after a break that takes up a word said before it (in any form) asks about
    what the title says; 'titles with memory: what are their dates?' (no word taken up) or '... — which papers are
    those?' (a set asked for) stays a record question."""
    clauses = rx.split(r"\s*(?:[—–:;?]|\s-\s|\.\s|,?\s+(?:and|but|so)\s+(?=what\b))\s*", question)
    for i, clause in enumerate(clauses[1:], 1):
        if not rx.match(r"(?:and\s+|so\s+|but\s+)?what\b", clause, re.I) or \
                rx.search(r"\b(?:papers?|titles?|ones|entries|which|many)\b", clause, re.I):
            continue
        before = {family(w) for w in casefolded_words(" ".join(clauses[:i])) if len(w) >= 4 and w not in FRAME}
        if any(family(w) in before for w in casefolded_words(clause) if len(w) >= 4 and w not in FRAME):
            return True
    return False


def by_title(q: Question, titles: list[str]) -> list[Condition]:
    """'state space model papers (by title)', 'transformer papers, going by the titles', 'how many papers are in my
    library about GFlowNets (generative flow networks), judging by title': the topic named before the set noun or
    after 'about' is a title's wording, wherever the question says that titles are the test. An alternative in
    brackets ('GFlowNets (generative flow networks)') is one more term the titles may print instead."""
    marks = [m for m in _BY_TITLE.finditer(q.text) if rx.search(r"titl", m[0], re.I) and m[0].strip()]
    if not marks:
        return []
    found = []
    for m in list(rx.finditer(rf"\b{_HEAD}\b|{_ABOUT}", q.text, re.I)):
        # 'anything Bayesian (by title)': after an indefinite pronoun the topic follows it, as after 'about'
        about = not rx.fullmatch(_HEAD, m[0], re.I) or m[0].casefold() in ("anything", "something")
        # the words right before the noun, or right after 'about', no frame word among them
        words = _words(q.text, m.end(), 1) if about else _words(q.text, m.start(), -1)
        if about:
            groups = [words]
        else:  # 'chain-of-thought / CoT papers': each spelling joined by a slash is one more the titles may print
            groups = [words]
            while groups[-1] and (m2 := rx.search(r"\s*/\s*$", q.text[:groups[-1][0][0]])) and \
                    (more := _words(q.text, m2.start(), -1)):
                groups.append(more)
        taken = [said for group in groups if (said := _printed(group, about, titles))]
        if not taken:
            continue
        # a spelling no title prints ('CoT' beside 'chain-of-thought') is still one of the topic's: blanked with it
        spans = taken + [g for g in groups if g and not any(s[-1] == g[-1] for s in taken)]
        terms = [topical(" ".join(w for _, _, w in said), titles) for said in spans]  # 'imitation (learning)'
        first, last = min(s[0][0] for s in spans), max(s[-1][1] for s in spans)
        q.blank(first, last)
        terms += _bracketed(q, last, titles)
        found.append(condition(TitleText.of(terms, spread=True), terms, False))
        restated(q, TitleText.of(terms, spread=True), titles)
    if found:
        for m in marks:
            q.blank(m.start(), m.end())
    return found


def _printed(words: list[tuple[int, int, str]], about: bool, titles: list[str]) -> list[tuple[int, int, str]]:
    """The most words next to the set noun (or after 'about') that some title prints as a topic — in order, at most
    one word between, as titled() reads one — or none: a word no title prints is the question's topic."""
    for n in range(len(words), 0, -1):
        said = words[:n] if about else words[-n:]
        if any(TitleText.of([" ".join(w for _, _, w in said)], spread=True)(t) for t in titles):
            return said
    return []


def _bracketed(q: Question, at: int, titles: list[str]) -> list[str]:
    """'GFlowNets (generative flow networks)': the words in brackets right after a topic, when a title prints them."""
    m = rx.match(r"\s*\(([^()]{2,60})\)", q.text[at:])
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
    for m in list(rx.finditer(r"\btitles?\b", q.text, re.I)):
        words = [w for w in _words(q.text, m.start(), -1)]
        if words and words[-1][2].casefold() in _OF_TITLE:
            continue
        before = rx.findall(r"[^\W_]+", q.folded[:words[0][0]])[-1:] if words else []
        if m[0].casefold() == "title" and not (before and before[0].casefold() in _OF_SET):
            continue
        least = 1 if m[0].casefold() == "titles" else 2
        for n in range(len(words), 0, -1):
            said = words[-n:]
            term = " ".join(w for _, _, w in said)
            parts = term.split("-")
            if len(parts) > 1 and parts[-1].casefold() in _OF_TOPIC:
                term = "-".join(parts[:-1])
            term = topical(term, titles)  # 'imitation learning titles': the titles about imitation
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
    spans = [(m.start(), m.end(), m[0]) for m in rx.finditer(r"[^\W_][\w.+&'-]*[\w+&]|[^\W_]", text)]
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
    spans = [(m.start(), m.end(), m[0].casefold()) for m in rx.finditer(r"[^\W_][\w'-]*", q.text)]
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
                or q.text[spans[right][1]:spans[right + 1][0]].strip() == "/"):
            right += 1
        q.blank(spans[left][0], spans[right][1])


def _joins(text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return not text[a[1]:b[0]].strip()


def condition(test: TitleText, terms: list[str], negated: bool) -> Condition:
    """The condition a title test makes, labelled with the terms as said."""
    made = Condition("title", f"{test.where} {' | '.join(terms)}" + (" (forms)" if test.forms else "") +
                     (" (spellings)" if test.joined else ""), test.label(terms), lambda p, t=test: t(p.title))
    return made.negated() if negated else made
