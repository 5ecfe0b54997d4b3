"""A clause that asks what a paper says, wherever it stands in the question (issue 11, a review's compounds).

'Which titles mention GFlowNets and what do they find?', 'Who is the last author of SPECTER and what did they
contribute?', 'When was DPR posted? What does it show?': the library part is the planner's, but every word of the
content part may be a frame word ('find', 'show', 'contribute', 'do' …), so the residual test lets the whole
question through and the answer is the list or the field alone, the content half dropped. And 'what do the authors
of X say is first about their work' is what the paper claims, not its author field.

The test is on the clause's grammar, not on topics: a clause opens the question or follows a join (a comma, a dash,
a semicolon, a second sentence, 'and', 'but', 'plus') and begins with what / which / how / why; it asks the
paper's content when
- it asks why ('… and why?', 'how come');
- or its verb is one of saying or doing what a paper does (find, show, propose, contribute, claim, say, argue,
  use, do, work, mean, report, solve, achieve …), said after its subject with do-support or a passive ('what did
  they find', 'what method does it use', 'how does it work', 'what is proposed'), or in an embedded question
  ('… and what it proposes'), or the clause asks what something is about.
A noun before the auxiliary that names a record field ('what venue was it presented at', 'what year did it come
out') keeps the clause a record question, and so does any word in it for where or how the library records a
paper (a page, a listing, the PDF, its header, the legend, a mark, a title, a date, a category, an affiliation …):
'what does the Amii page say about TokMem', 'what does the dagger mean'. A verb inside a relative clause ('the
title of the paper that proposes X') describes a paper and is not the clause's verb.

The planner (rag/planner.py) and the record card (rag/plan_card.py) ask `content_asked` once titles are blanked,
so a title's own words ('How Well Does GPT-4V(ision) Adapt …') are not read as a clause. The whole question then
goes to retrieval: an answer that gave the library half alone would look complete and leave the question unanswered.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_fields import FIELDS as BADGES
from rag.plan_terms import FRAME, Question


def _forms(*lemmas: str) -> set[str]:
    """A regular verb's forms ('find': find, finds, finded, finding — a form no one writes costs nothing); the
    irregular ones are listed apart."""
    out = set()
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        third = lemma + "es" if rx.search(r"(?:s|sh|ch|x|o)$", lemma) else \
            lemma[:-1] + "ies" if rx.search(r"[^aeiou]y$", lemma) else lemma + "s"
        past = lemma + "d" if lemma.endswith("e") else lemma[:-1] + "ied" if rx.search(r"[^aeiou]y$", lemma) \
            else lemma + "ed"
        out |= {lemma, third, past, stem + "ing"}
    return out


# Verbs of what a paper finds, claims or does. Not the ways a paper is made or listed (write, post, publish,
# release, list, print, appear: record verbs the planner reads; 'present' only active, 'what did they present', as
# 'what was presented at the workshop' asks which papers), nor 'call' ('what is it called': its
# title), nor 'cite' / 'mention' (what other work it names: rag/plan_slots._REFERRING).
_VERBS = _forms("find", "show", "propose", "contribute", "claim", "say", "argue", "use", "work", "mean", "report",
                "state", "suggest", "conclude", "demonstrate", "introduce", "achieve", "solve", "address", "improve",
                "study", "investigate", "explore", "examine", "discuss", "describe", "evaluate", "compare", "perform",
                "train", "learn", "tackle", "offer", "provide", "develop", "design", "prove", "predict", "highlight",
                "observe", "reveal", "explain", "motivate", "cover", "measure", "test", "recommend", "assume", "rely",
                "need", "require", "note", "build", "estimate", "optimize", "optimise", "focus", "aim", "try",
                "attempt", "seek", "outperform", "beat", "enable", "establish", "identify", "analyze",
                "analyse", "model", "formulate", "leverage", "exploit", "handle", "mitigate", "reduce", "increase") \
    | {"found", "shown", "said", "meant", "done", "doing", "did", "does", "do", "built", "taught", "sought", "proven",
       "beaten", "modelled", "modelling", "present", "presents"}
# These mean only with the paper or a pronoun as their subject ('what does it mean', 'what does it do'), not a
# value's meaning ('what does CL mean': the catalog's taxonomy) nor a person's doings ('what did Lili Mou do in
# 2025': her papers, which the planner lists).
_SUBJECT_ONLY = _forms("mean") | {"meant", "do", "does", "did", "done", "doing"}
_PAPERISH = {"it", "they", "this", "that", "these", "those", "the", "paper", "papers", "work", "works", "its",
             "their", "result", "results", "finding", "findings", "approach", "method", "article", "articles",
             "preprint", "study", "one", "ones", "each", "all", "of", "both", "authors"}
# The subject of an embedded question ('… and what it proposes', 'what the authors claim').
_OPENERS = {"they", "it", "he", "she", "we", "the", "these", "those", "this", "that", "each", "its", "their", "his",
            "her", "both", "all"}
_AUX = {"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
        "should", "might", "may", "must", "'s"}
_ADVERBS = {"exactly", "else", "actually", "really", "precisely", "specifically", "then", "well", "overall",
            "concretely", "briefly", "roughly", "in", "short", "so"}
# 'how many', 'how old', 'how long ago': counts and ages the catalog answers.
_HOW_RECORD = {"many", "much", "old", "long", "often", "recent", "recently", "far", "big", "large", "soon", "early",
               "late", "new", "frequently"}
# Where or how the library records a paper, and the record's fields: a clause with one of these asks the record
# (or is left to the planner's readers), however its verb reads. People nouns ('the authors') are not here: 'what
# do the authors of X claim' is the paper's content.
_RECORD = re.compile(r"\b(?:titles?|titled|names?|named|dates?|dated|years?|categor(?:y|ies)|venues?|conferences?|"
                     r"journals?|proceedings|workshops?|affiliations?|affiliated|institutions?|institutes?|"
                     r"universit(?:y|ies)|organi[sz]ations?|e-?mails?|doi|arxiv|versions?|sections?|pages?|listings?|"
                     r"list|listed|entr(?:y|ies)|pdfs?|headers?|bylines?|records?|metadata|catalog(?:ue)?|library|"
                     r"collection|profiles?|legends?|marks?|symbols?|stars?|daggers?|asterisks?|footnotes?|badges?|"
                     r"tags?|labels?|links?|urls?|keywords?|order|ordered|position|abbreviations?|acronyms?|"
                     r"superscripts?|first\s+page|front\s+page|printed|prints?)\b"
                     # and the badge registry's words for what a page prints ('what score is shown next to X')
                     rf"|\b(?:{'|'.join(b.words for b in BADGES)})(?![\w-])", re.I)
# A clause opens the question or follows a join; it runs to the next one.
_JOIN = re.compile(r"[,;:—–&]|\s-{1,2}\s|[.?!](?=\s|$)|\b(?:and|but|plus|also|then)\b", re.I)
_OPEN = re.compile(r"\s*(?:(?:and|but|also|so|then|plus|or|please|now)\s+)*(?:(?:tell\s+me|explain|say|describe)\s+)?"
                   r"(?:(?:in|to|for|on|with|by|from|of|under)\s+)?(what|which|how|why)\b", re.I)
_END = re.compile(r"[,;:—–&]|\s-{1,2}\s|[.?!](?=\s|$)|\s(?:and|but|plus)\s+(?=(?:what|which|who|whom|whose|when|where|"
                  r"how|why|is|are|was|were|do|does|did|has|have|had|can|could)\b)", re.I)
_PRONOUNS = {"they", "it", "he", "she", "we", "you"}
_RELATIVE = {"that", "which", "who", "whom", "whose", "where"}


def content_asked(q: Question) -> bool:
    """A clause of the question (titles blanked in `q.text`) asks what a paper finds, claims or does, or why."""
    text = q.text
    starts = [0] + [m.end() for m in _JOIN.finditer(text)]
    for start in starts:
        opened = _OPEN.match(text, start)
        if opened is None:
            continue
        end = _END.search(text, opened.end())
        clause = text[opened.end(): end.start() if end else len(text)]
        if _asks_content(opened.group(1).casefold(), clause):
            return True
    return False


def _asks_content(wh: str, clause: str) -> bool:
    words = rx.findall(r"[a-z][a-z'-]*", clause.casefold().replace("’", "'"))
    if wh == "why" or wh == "how" and words[:1] == ["come"]:
        return True
    if wh == "how" and words[:1] and words[0] in _HOW_RECORD or _RECORD.search(clause):
        return False
    i = 0
    while i < len(words) and words[i] in _ADVERBS:
        i += 1
    rest = words[i:]
    if not rest:
        return False
    if rest[0] in _OPENERS and wh in ("what", "how"):  # an embedded question: '… and what it proposes'
        return _verb_after(rest, 0, embedded=True)
    aux = next((k for k, w in enumerate(rest) if w in _AUX), None)
    if aux is None:
        return False
    nouns = rest[:aux]  # 'what method does it use': a noun that is a record field keeps it the record's
    if nouns and all(w in FRAME for w in nouns):
        return False
    if rest[aux] in ("is", "are", "was", "were", "'s") and rest[-1] == "about":
        return True  # 'what is it about', 'what are the Mila papers about'
    return _verb_after(rest, aux + 1, embedded=False)


def _verb_after(words: list[str], start: int, embedded: bool) -> bool:
    """The clause's own verb (the first after its subject, not in a relative clause) is one of what papers do."""
    for k in range(start + (1 if embedded else 0), len(words)):
        word = words[k]
        if words[k - 1] in _RELATIVE and k - 1 > start:
            return False  # 'the paper that proposes X': a description, and the clause's verb is past it
        # An -ing word is a verb only after a pronoun ('what are they proposing'): else a noun or a name's word
        # ('the oldest Machine Learning paper', 'their training set').
        if word not in _VERBS or word.endswith("ing") and words[k - 1] not in _PRONOUNS:
            if embedded and k - start >= 4:
                return False
            continue
        after = words[k + 1] if k + 1 < len(words) else ""
        if word.startswith("work") and after in ("on", "with", "for", "at", "under", "alongside", "together") or \
                word.startswith("contribut") and after == "to":
            return False  # 'what has X worked on', 'what did X contribute to': the person's papers (plan_slots)
        if word in _SUBJECT_ONLY and not all(w in _PAPERISH for w in words[start:k]):
            return False  # 'what does CL mean': a value's name, from the taxonomy
        return True
    return False


__all__ = ["content_asked"]
