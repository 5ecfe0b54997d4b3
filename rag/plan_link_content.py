"""What a repository, site or link holds, offers or is like, and a link asked of what is no paper (issue 11): not
a record a page prints, though the words name a link and often a paper — rag/planner.py returns no plan for them
and the question goes to retrieval. Read by structure: a link's place as the subject of what it has or does, a
quality no page prints of a link (stars, popularity, a licence), and 'the website of <an institute, a lab, a
meeting, a person>'.
"""

from __future__ import annotations

import re

from rag import rx

# A link's address as it may be written: a URL, a host and path ('github.com/allenai/specter'), or a code host's
# 'owner/name' ('facebookresearch/DPR').
_ADDRESS = r"(?:(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[\w.~%-]+)*/?|[\w.-]+/[\w.-]+)"
# What a repository, site or link holds or does, asked of it as the subject: 'what does the released code of X
# include', "what's in the X repository", 'what does the MyoDex website show'. Content, never a link's record.
_CONTENTS = re.compile(
    r"\bwhat(?:'s|\s+is|\s+are)\s+(?:inside|in|on)\s+(?:(?!papers?\b)\S+\s+){0,5}?(?:code(?:\s*base)?|repo|repos|repository|"
    r"repositories|website|project\s+page|site|home\s*page)\b|"
    r"\bwhat\s+(?:does|do|did|will|can|could|would|should)\s+(?:\S+\s+){0,6}?(?:code(?:\s*base)?|repo|repository|website|"
    r"project\s+page|site|home\s*page|link|[\w-]+\.[a-z]{2,}\s+page)(?:\s+(?:of|for|from|in|behind|accompanying)\s+(?:\S+\s+){0,10}?\S+)?\s+"
    r"(?!(?:link|links|point|points|give|gives|print|prints|host|hosts|live|lives|sit|sits|go|goes|lead|leads)\b)[a-z]+\W*$|"
    # the address itself as the subject: 'what does github.com/allenai/specter contain', "what's in owner/repo?"
    rf"\bwhat\s+(?:does|do|did|will|can|could|would|should)\s+(?:the\s+)?{_ADDRESS}(?:\s+(?:repo|repository|site|page|link))?"
    r"\s+(?!(?:link|links|point|points|give|gives|print|prints|host|hosts|live|lives|sit|sits|go|goes|lead|leads|"
    r"belong|belongs|come|comes)\b)[a-z]+\W*$|"
    rf"\bwhat(?:'s|\s+is|\s+are)\s+(?:inside|in|on)\s+(?:the\s+)?{_ADDRESS}(?:\s+(?:repo|repository|site|page))?\W*$",
    re.I)


# A link's place named as the subject of what it has, offers or is like ('which GitHub repo has the most stars', 'the
# repository that offers a Colab demo', 'is the project page any good'), or with a quality no page prints of it.
_LINK_NOUN = r"(?:repos?|repositor(?:y|ies)|code\s*bases?|websites?|web\s*sites?|(?:project|home|web)\s*pages?|" \
             r"homepages?|sites?|links?|urls?)"
_HAS = re.compile(
    rf"\b{_LINK_NOUN}\s+(?:(?:that|which)\s+)?(?:has|have|had|gets?|got|contains?|offers?|includes?|holds?|ships?|"
    r"comes?\s+with|looks?|feels?|seems?)\b|"
    rf"\b(?:stars?|(?:most|least|highly|top)[\s-]+starred|forks?|watchers|commits?|contributors|downloads|popular(?:ity)?|"
    rf"licen[cs]es?|readme|"
    rf"maintained\s+best|most\s+active|well[\s-]+documented)\b(?=.*\b{_LINK_NOUN}\b)|"
    rf"\b{_LINK_NOUN}\b.*\b(?:stars?|forks?|watchers|commits?|contributors|downloads|popular(?:ity)?|readme)\b",
    re.I)
# A link asked of what is no paper: a place people work at, a meeting, a person ('the website of the Amii institute',
# "the lab's homepage", "the conference's site"). The catalog holds only the links papers print.
_OF_NO_PAPER = re.compile(
    rf"\b{_LINK_NOUN}\s+(?:of|for)\s+(?:the\s+|this\s+|that\s+|their\s+|its\s+)?(?:[\w.&-]+\s+){{0,4}}?"
    r"(?:institutes?|institutions?|universit(?:y|ies)|labs?|laborator(?:y|ies)|groups?|compan(?:y|ies)|"
    r"organi[sz]ations?|conferences?|workshops?|venues?|journals?|schools?|departments?|cent(?:re|er)s?|teams?|"
    r"authors?|people|persons?|professors?|researchers?|him|her|them)\b|"
    r"\b(?:institute|institution|university|lab|laboratory|group|company|organi[sz]ation|conference|workshop|venue|"
    rf"journal|school|department|cent(?:re|er)|team|author|professor|researcher)(?:'s|s')\s+(?:own\s+|official\s+)?"
    rf"{_LINK_NOUN}\b", re.I)


def link_contents(question: str) -> bool:
    """The question asks what a repository, site or link holds, does or is like ('what does X's released code
    include', 'which GitHub repo has the most stars'), or asks a link of what is no paper ('the website of the Amii
    institute'): not a record a page prints, though its words name a link (rag/planner.py returns no plan)."""
    # A quoted link text is the page's own words: "followed by a 'Learn more about the researchers' link".
    unquoted = rx.sub(r"(?:(?<=\s)|^)['\"“‘][^'\"”’]*['\"”’](?=\W|$)", " ", question)
    bare = rx.sub(r"\s*\([^()]*\)", "", question)  # 'the github.io page (project site or code) of X': an aside
    return bool(_CONTENTS.search(question) or _CONTENTS.search(bare) or _HAS.search(unquoted) or
                _OF_NO_PAPER.search(unquoted))
