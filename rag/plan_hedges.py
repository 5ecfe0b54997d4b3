"""The asker's hedge on what they remember, said for no field: 'doug downey is on two of my pdfs iirc - where is he …',
'I think SPECTER has five authors — who is last?', 'afaik the beso one has a website'.

A hedge says how sure the asker is, never what the papers are about, so it is dropped before any reader sees the
question. Only a closed class is: the chat acronyms ('iirc', 'afaik', 'imo', 'imho') anywhere as whole words, and a
first-person verb of belief ('I think', 'I believe', 'I guess', 'if I remember/recall correctly') only where it stands
apart from the sentence — at its start or at a clause edge (a comma, a dash, the question's end). 'What did I think of
X' or 'papers I believe in' keep theirs: there the verb is the question's own.
"""

from __future__ import annotations

import re

from rag import rx

_ACRONYM = re.compile(r"(?<![\w'-])(?:iirc|afaik|afaict|imo|imho)(?![\w'-])\.?,?", re.I)
_BELIEF = r"(?:i\s+(?:think|believe|guess|reckon|suppose)|if\s+i\s+(?:remember|recall)(?:\s+(?:correctly|right))?)"
# At the start ('I think X …'), or between clause edges (', I think,', '- I believe -', '… I think?').
_AT_START = re.compile(rf"^\s*{_BELIEF}\b\s*,?\s*(?:that\s+)?", re.I)
_AT_EDGE = re.compile(rf"(?:(?<=[,;:—–-])|(?<=\s))\s*{_BELIEF}\b(?=\s*(?:[,;:—–?!.]|\s-\s|$))\s*,?", re.I)


# The asker's need and its purpose, said for no field: 'I need the proceedings name … for a bibtex entry', 'I'd like
# its page range for my bibliography'. The need only at a sentence's start, before what is asked; the purpose only as
# a citation record the answer goes into, at the clause's end.
_NEED = re.compile(r"(?:^|(?<=[.?!;:]))\s*i(?:\s+(?:need|want)|'d\s+like|\s+would\s+like)\s+(?=(?:the|its|their|a|an)\b)", re.I)
_PURPOSE = re.compile(r"\s*,?\s*\bfor\s+(?:a|an|my|the|our)\s+(?:bib\s?tex(?:\s+(?:entry|record|file))?|citation|"
                      r"bibliography|reference(?:\s+(?:list|entry|manager))?|references)\b(?=\s*(?:[.?!;,]|$))", re.I)


def unhedged(question: str) -> str:
    """`question` without the asker's hedges; the rest as said."""
    question = _PURPOSE.sub("", _NEED.sub(" ", question))
    question = _ACRONYM.sub("", question)
    question = _AT_START.sub("", question)
    question = _AT_EDGE.sub("", question)
    return rx.sub(r",\s*(?=[?!.]\s*$)", "", question)  # 'who is last on X, if I recall?': the comma it stood after
