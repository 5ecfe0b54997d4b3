"""A named paper that is acted on or acts, not a record asked about: 'who uses X', 'what does X contribute to the
meeting', 'what version of X was used', 'what is published in X'. Every word of such a question may be a frame word
(rag/plan_terms.FRAME), so the residual test lets it through; the planner (rag/planner.py) and the record card
(rag/plan_card.py) ask `acted_on` before reading it as a lookup. Moved out of rag/plan_relations.py, whose relations
are between papers.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_slots import _SOFT, tokens
from rag.plan_terms import Question


# Frame words (rag/plan_terms.FRAME) that say making a paper or being credited on it: the only verbs a who-question
# may put between 'who' and the paper ('who wrote X', 'who contributed to X'). FRAME also holds verbs for other
# readings ('titles that use the word X', 'entries that carry a tag'), which said of people ask something else.
_MAKING = {"write", "writes", "wrote", "written", "writing", "author", "authored", "co-authored", "coauthored",
           "co-wrote", "cowrote", "co-written", "cowritten", "co-write", "co-writes", "contribute", "contributed",
           "contributes", "credited", "post", "posted", "publish", "published", "release", "released", "submitted",
           "present", "presented", "upload", "uploaded", "appear", "appears", "appeared", "come", "came", "comes",
           "listed", "named"}
_SUBJECT = {"paper", "pdf", "article", "preprint", "entry", "work"}
# Between 'who' and its verb, or between the verb and the paper: not the verb itself.
_GLUE = _SOFT | {"else", "exactly", "actually", "really", "in", "on", "at", "of", "from", "among", "with", "for", "by",
                 "to", "about", "the", "a", "an", "this", "that", "its", "paper", "pdf", "article", "preprint", "entry",
                 "work", "'s", "out", "up"}
_NOUNS = re.compile(r"(?:co-?)?authors?|names?|people|persons?|researchers?|team|byline|titles?|pages?|pdfs?|"
                    r"entr(?:y|ies)|lists?|listings?|authors'|dates?|categor(?:y|ies)|sections?|venues?|tags?|labels?")
# Verbs a named paper is the subject of after do-support and still asks for its record: its page prints, lists or
# carries a value ('how many authors does X list'), or it belongs somewhere ('which category does X fall under',
# 'when did X come out'). Any other frame verb there is the paper doing something: 'what does X use / contribute'.
_RECORD_VERBS = {"have", "has", "had", "list", "lists", "show", "shows", "print", "prints", "give", "gives", "carry",
                 "carries", "bear", "bears", "name", "names", "credit", "credits", "say", "says", "state", "states",
                 "display", "displays", "get", "got", "include", "includes", "feature", "features", "involve",
                 "involves", "contain", "contains", "hold", "holds", "belong", "belongs", "fall", "falls", "come",
                 "comes", "came", "appear", "appears", "go", "went", "sit", "sits", "occupy", "occupies", "spread",
                 "post", "posted", "publish", "published", "release", "released", "date", "dated", "stamp", "tag",
                 "label", "mark", "count", "number", "upload", "uploaded", "be", "been", "share", "shares",
                 "take", "takes", "took", "span", "spans", "run", "runs", "ran", "fill", "fills"}  # its pages


def acted_on(q: Question) -> bool:
    """The named paper (a title span) is what someone does something to, or what does something, rather than a record
    asked about: 'who uses X' (a who-question whose verb is no way of making X) and 'what does X contribute to the
    meeting' (X the subject of a verb after do-support that is no way of its page printing a value) ask content,
    though every word is a frame word; so do a field word or unlisted verb said as the paper's verb ('what does X
    score', 'what does X train on'), a passive done with the paper ('what version of X was used') and what is said
    in or about it ('what is published in the X paper': its content, not when it came out)."""
    toks = tokens(q)
    words = [t.word for t in toks]
    for i, tok in enumerate(toks):
        if tok.word in ("who", "whom") and tok.state != "title":
            k = i + 1
            while k < len(toks) and toks[k].word in ("else", "all", "exactly", "actually", "really"):
                k += 1
            if k < len(toks) and toks[k].state == "frame" and toks[k].word not in _GLUE | _MAKING \
                    and toks[k].word.replace("-", "").isalpha():
                rest = k + 1
                while rest < len(toks) and toks[rest].state != "title" and words[rest] in _GLUE and rest - k <= 3:
                    rest += 1
                if rest < len(toks) and toks[rest].state == "title":
                    return True  # 'who uses X', 'who relies on X' is residual already
        head = i + 2 if i + 1 < len(toks) and words[i + 1] in ("the", "this", "that") else i + 1
        if tok.word in ("do", "does", "did") and head < len(toks) and toks[head].state == "title":
            k = head  # the subject: the title and the noun after it ('does the X paper ...')
            while k < len(toks) and (toks[k].state == "title" or words[k] in _SUBJECT):
                k += 1
            while k < len(toks) and words[k] in _SOFT and words[k] not in _RECORD_VERBS:
                k += 1
            # The first word after the subject is its verb; a noun or a preposition there ('the X authors share',
            # 'the X PDF in the library have') means the paper is not the subject.
            # Any state: a field word ('what does X score') or an unlisted verb ('does X train on') said as the
            # paper's verb is still the paper doing something, before a field reader or the verb judge takes it.
            # An unlisted verb counts only with its object left for the wh-phrase ('what range does X train on?');
            # 'when did X land on arXiv' is the verb judge's to read as making (rag/plan_verbs.py).
            gap = all(w in _GLUE for w in words[k + 1:]) and not rx.match(r"\W*(?:when|where|how)\b", q.text, re.I)
            if k < len(toks) and (toks[k].state in ("frame", "value") or toks[k].state == "residual" and gap) \
                    and words[k] not in _RECORD_VERBS | _GLUE and words[k].isalpha() and not _NOUNS.fullmatch(words[k]):
                return True
        # The paper (and a noun after it) as the subject of a passive verb that is no way of its page printing a
        # value: 'what version of the X library was used' is what was done with X, not its arXiv version.
        if tok.state == "title" and (i + 1 == len(toks) or toks[i + 1].state != "title"):
            k = i + 1
            while k < len(toks) and k - i <= 2 and toks[k].state != "title" and words[k] not in _BE \
                    and words[k] not in _GLUE and words[k].isalpha():
                k += 1  # 'the X library', 'the X code'
            # A record noun there ('which two X authors are flagged') is the subject: the record, not the paper.
            if k + 1 < len(toks) and words[k] in _BE and toks[k + 1].state in ("frame", "residual") \
                    and not any(_NOUNS.fullmatch(w) for w in words[i + 1:k]) \
                    and (words[k + 1].endswith("ed") or words[k + 1] in _IRREGULAR) \
                    and words[k + 1] not in _RECORD_VERBS | _MAKING | _PRINTED:
                return True
        # 'What is published in the X paper', 'what was written about X': what X holds, not when or where it was.
        if tok.word in _SAID and i + 1 < len(toks) and words[i + 1] in ("in", "about", "within", "inside"):
            k = i + 2
            while k < len(toks) and words[k] in ("the", "this", "that", "its"):
                k += 1
            if k < len(toks) and toks[k].state == "title":
                return True
    return False


_BE = {"is", "are", "was", "were", "been", "being", "be"}
_IRREGULAR = {"used", "run", "built", "taught", "done", "made", "trained", "fed", "given", "shown", "known", "held"}
# Passives that are ways of a page carrying the paper's value ('where is X listed', 'how is X dated'): kept.
_PRINTED = {"shown", "printed", "given", "dated", "tagged", "labelled", "labeled", "marked", "filed", "placed", "put",
            "found", "included", "featured", "stamped", "credited", "linked", "hosted", "accepted", "listed", "sorted",
            "ordered", "ranked", "categorised", "categorized", "classified", "grouped", "located", "held", "based",
            "affiliated", "known", "called", "titled", "named", "signed", "authored", "cited", "indexed", "archived",
            "flagged", "starred", "noted", "highlighted", "counted", "numbered"}
_SAID = {"published", "posted", "written", "said", "released", "reported", "stated", "described", "presented",
         "claimed", "shown"}

