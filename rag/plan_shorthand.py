"""Chat shorthand said for the frame words it stands for, before any reader sees the question (rag/planner.py).

People type to a chat box the way they text: 'whats 40th on the trending page', 'link to code pls', 'where does it
sit, dont know'. Every reader is written for the spelled-out word ("what's", 'please', "don't"), and a word no reader
takes keeps the question from the catalog (the residual test), so the shorthand is spelled out once here instead of
in each reader's patterns. Only closed-class words are: a contraction missing its apostrophe (a wh-word or an
auxiliary with its 's / n't: never a content word, as no paper term is spelt 'whats' or 'doesnt'), the request
words 'pls', 'plz', 'thx' and the clipped prepositions 'incl' and 'excl' ('incl pdfs': including). A word with a hyphen or a letter joined to it ('u-net', 'dont-care') is left alone.
"""

from __future__ import annotations

import re

# "whats" -> "what's"; "doesnt" -> "doesn't". The 's of a wh-word or 'that' / 'there' / 'it' is 'is'.
_S = re.compile(r"(?<![\w'-])(what|where|who|how|when|that|there)s(?![\w'-])", re.I)
_NT = re.compile(r"(?<![\w'-])(is|are|was|were|do|does|did|has|have|had)nt(?![\w'-])", re.I)
# 'incl pdfs', 'excl. workshop papers': the prepositions clipped, as notes are typed
_CLIPPED = re.compile(r"(?<![\w'-])(incl|excl)(?:\.|(?![\w'-]))", re.I)
_REQUEST = re.compile(r"(?<![\w'-])(?:pls|plz|plox|thx|thnx|tia)(?![\w'-])\.?", re.I)


def spelled_out(question: str) -> str:
    """`question` with its chat shorthand spelled out ('whats' -> "what's", 'pls' -> 'please')."""
    question = _S.sub(lambda m: f"{m.group(1)}'s", question)
    question = _NT.sub(lambda m: f"{m.group(1)}n't", question)
    question = _CLIPPED.sub(lambda m: f"{m.group(1)}uding", question)
    return _REQUEST.sub("please", question)
