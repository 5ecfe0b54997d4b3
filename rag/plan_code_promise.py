"""Code promised for later versus code already out, as a paper's abstract says it (issue 11): 'which ones only promise
code later', 'papers whose code will be released', 'code not out yet', 'which say the code is already available'.

The abstract's own sentence about its code is read for its tense: 'Code will be available at …', 'We will release
codes …', 'to be released', 'upon acceptance' promise it; 'Our code is available at …', 'We release code at …' say it
is out. A paper whose abstract says nothing about code is neither. The question's reader takes the promise said of
code (a verb of promising, 'will be …', 'not yet', 'later', 'coming soon'), the quoted wording it gives as an example
('"will be available"'), and a contrast that restates the other side ('instead of saying it is already out')."""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from rag import rx
from rag.plan_terms import Condition, Question
from rag.records import Paper
from rag.text import split_sentences

if TYPE_CHECKING:  # the catalog imports code_statement from here
    from rag.catalog import Catalog

# A sentence of the abstract about its code: the code or implementation named with where or whether it is released (an
# address, a verb of releasing), so '2 lines of code' or 'code generation' is no statement about the paper's code.
_CODE_NOUN = re.compile(r"\b(?:(?:source\s+)?codes?|implementations?|code\s*base)\b(?!\s+(?:generation|executor|completion))",
                        re.I)
# 'provide' and 'share' say nothing of a release without an address ('do not provide correct gradients … its
# implementation'); with one, the address is the evidence.
_RELEASE = re.compile(r"https?://|\b[\w-]+\.github\.io\b|\bgithub\.com/|\b(?:available|releas\w*|open[- ]?sourc\w*|"
                      r"public(?:ly)?)\b", re.I)
_FUTURE = re.compile(r"\bwill\s+(?:be\s+|also\s+)?(?:made\s+|soon\s+)?(?:publicly\s+)?(?:available|released?|public|"
                     r"open[- ]sourced?|published|shared|made|provided|posted)\b|\b(?:to\s+be|yet\s+to\s+be)\s+released\b|"
                     r"\bcoming\s+soon\b|\bupon\s+(?:acceptance|publication)\b|\bafter\s+(?:acceptance|publication)\b", re.I)


def code_statement(paper: Paper) -> str | None:
    """'promised' or 'out' for the abstract's sentences about code (a promise in any of them makes it 'promised'),
    None when the abstract says nothing about code."""
    sentences = [s for s in split_sentences(paper.abstract or "") if _CODE_NOUN.search(s) and _RELEASE.search(s)]
    if not sentences:
        return None
    return "promised" if any(_FUTURE.search(s) for s in sentences) else "out"


_CODE = r"(?:(?:the|its|their|his|her)\s+)?(?:source\s+)?(?:codes?|implementations?)(?:\s+(?:and|&|/)\s+(?:\w+\s+)?" \
        r"(?:models?|weights|data(?:sets?)?))?"
# What the abstract is said to do with the code: 'say their code will be released', 'state that the code is out'.
_SAYS = r"(?:(?:say|says|said|saying|state|states|stating|claim|claims|mention|mentions|note|notes|write|writes)\s+(?:that\s+)?)?"
_LATER = r"(?:later|in\s+the\s+future|eventually|some\s+day|down\s+the\s+line|soon)"
_OUT = r"(?:already\s+)?(?:out|available|released|public|up|online|open[- ]sourced?)"
# Said of the code to come: 'only promise code later', 'promise to release code', 'code will be released', 'code that
# isn't out yet', 'code coming soon'.
_PROMISED = [
    rf"\b(?:only\s+|just\s+)?promis(?:e|es|ed|ing)\s+(?:to\s+(?:release|share|publish|open[- ]source)\s+)?{_CODE}"
    rf"(?:\s+{_LATER})?(?:\s+(?:rather\s+than|instead\s+of)\s+(?:releasing|sharing)\s+it)?",
    rf"\b{_SAYS}{_CODE}\s+(?:that\s+|which\s+)?(?:will|would|is\s+going\s+to)\s+(?:only\s+)?(?:be\s+)?(?:made\s+)?"
    rf"(?:available|released|public|open[- ]sourced|out|shared)(?:\s+{_LATER})?",
    rf"\b{_SAYS}{_CODE}\s+(?:that\s+|which\s+)?(?:is|are)\s*(?:n't|\s+not)\s+(?:out|available|released|public)\s+yet",
    rf"\b{_SAYS}{_CODE}\s+(?:(?:is|are)\s+)?(?:coming\s+soon|(?:yet\s+)?to\s+be\s+released|not\s+yet\s+(?:out|available|released))",
]
_ALREADY = [rf"\b{_SAYS}{_CODE}\s+(?:that\s+|which\s+)?(?:is|are)\s+already\s+(?:out|available|released|public|up|online)"]
# The other side restated as a contrast: 'instead of saying it is already out', 'rather than code that's released'.
_CONTRAST = rf"\(?\b(?:instead\s+of|rather\s+than|as\s+opposed\s+to|not|vs\.?|versus)\s+(?:(?:saying|stating|claiming|" \
            rf"ones?\s+(?:saying|that\s+say))\s+)?(?:that\s+)?(?:it|they|the\s+code|{_CODE})\s*(?:is|are|'s|'re|was|were)\s+" \
            rf"{_OUT}\)?"
# The question's own examples of the wording: '("will be available" / "will release")'
_QUOTED = r"\(?\s*(?:[\"“'‘][^\"”'’]{3,40}[\"”'’]\s*(?:/|,|or)?\s*)+\)?"


def code_promise(q: Question, catalog: "Catalog") -> list[Condition]:
    """A condition on the abstract's code sentence when the question says code promised for later (or already out);
    its words, quoted examples and a restated contrast are taken. Each paper's statement is the catalog's, read once
    per snapshot."""
    said = catalog.code_statements
    if any(q.take(p) for p in _PROMISED):
        for m in list(rx.finditer(_QUOTED, q.text)):
            if _FUTURE.search(m.group(0)) or rx.search(r"\bwill\b", m.group(0), re.I):
                q.blank(m.start(), m.end())  # quoted examples of the promise's wording
        q.take(_CONTRAST)
        q.take(r"\b(?:(?:in|of)\s+(?:the|their|its)\s+)?abstracts?\b")  # where the promise is read: 'which abstracts promise …'
        return [Condition("code", "promised", "code: promised for later in the abstract",
                          lambda p: said.get(p.paper_id) == "promised", known_test=lambda p: bool(p.abstract))]
    if any(q.take(p) for p in _ALREADY):
        q.take(r"\b(?:(?:in|of)\s+(?:the|their|its)\s+)?abstracts?\b")
        return [Condition("code", "out", "code: already out, per the abstract",
                          lambda p: said.get(p.paper_id) == "out", known_test=lambda p: bool(p.abstract))]
    return []
