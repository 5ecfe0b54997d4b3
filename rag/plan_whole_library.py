"""The whole library said as the scope of a question: 'check all the sources', 'across everything (amii, courville,
trending, pdfs)', 'in my library (all three listing pages and the PDFs)', 'search every source'.

Such words name no condition: every paper is already in scope. They are taken before the values are read, so that a
page named inside the enumeration ('amii', 'trending', 'the PDFs') is not read as a filter — three pages ANDed
together select nothing — and so that the imperative ('check all the sources') is not left over as a content word.

An enumeration in parentheses is the whole library only when each of its items names a source of the catalog: one of
its pages by a word of the page's own name ('amii', 'courville', 'trending'), the PDFs, or the listing pages in
general ('all three listing pages'); and only when it follows a scope word ('everything', 'my library', 'all sources',
'across'). A parenthesis naming one page ('(the trending one)') is no enumeration and is left to the page readers.
"""

from __future__ import annotations

import re

from rag import rx
from rag.plan_terms import FRAME, NUMBER_WORDS, Question

# The kinds of source a question may name in general: the listing pages, the PDFs, the seeds.
_SOURCE_WORDS = {"pdf", "pdfs", "uploads", "uploaded", "files", "file", "seeds", "seed", "listing", "listings", "pages",
                 "page", "lists", "list", "feed", "feeds", "profile", "profiles", "sources", "source", "post", "posts",
                 "three", "four", "two", "both", "all", "the", "my", "and", "plus", "papers"}
_SOURCES = r"(?:sources?|pages?|listings?|lists?|places|files|feeds|seeds|pdfs?\s+and\s+pages|pages\s+and\s+pdfs)"
# 'check all the sources', 'search every source', 'look through all of my pages', '(all sources)'
_CHECK_ALL = r"(?:[-—–,;.?]\s*|\(\s*)?\b(?:(?:please\s+)?(?:check|search|scan|look\s+(?:at|thr(?:ough|u)|in|across|over)|go\s+" \
             r"thr(?:ough|u)|cover|include|consider|use)(?:ing)?\s+)?(?:across\s+|over\s+|in\s+|from\s+)?" \
             rf"(?:all|every|each)\s+(?:of\s+)?(?:the\s+|my\s+|our\s+)?(?:(?:\d|{'|'.join(NUMBER_WORDS)})\s+)?" \
             rf"(?:listing\s+)?{_SOURCES}\b(?:\s*\))?"
# The scope word an enumeration follows: 'across everything', 'my whole library', 'all my sources', 'everywhere'.
_SCOPE_BEFORE = r"(?:\beverything|\beverywhere|\blibrary|\bcollection|\bsources|\bpages|\bpdfs|\ball|\bacross)\s*$"


def whole_library(q: Question, page_names: set[str], owners: set[str]) -> bool:
    """Take the words that say the whole library from `q`; whether any were said. `page_names` and `owners` are the
    catalog's (Catalog.pages, Catalog.owners): the words an enumeration may name a page by."""
    said = False
    for m in list(rx.finditer(r"\(([^()]{2,120})\)", q.text)):
        if rx.search(_SCOPE_BEFORE, q.text[:m.start()], re.I) and _enumerates_sources(m[1], page_names, owners):
            q.blank(m.start(), m.end())
            said = True
    # 'all three listing pages and the PDFs', 'checking every page + the pdfs': each kind of source, so all of them;
    # before _CHECK_ALL, which would take the pages alone and leave 'the pdfs' to read as a page
    said |= bool(q.take(rf"{_VERB}\b(?:all|every|each|both)\s+(?:of\s+)?(?:the\s+|my\s+)?(?:\w+\s+)?(?:listing\s+)?"
                        r"pages?\s+(?:and|plus|\+|&)\s+(?:all\s+|every\s+)?(?:the\s+|my\s+)?(?:uploaded\s+)?pdfs?\b"))
    # 'check the listing pages and the pdfs', 'the PDFs plus the listing pages': both kinds of source, so all of them
    said |= bool(q.take(rf"{_VERB}\b(?:the\s+|my\s+)?listing\s+pages?\s+(?:and|plus|\+|&)\s+(?:the\s+|my\s+)?"
                        r"(?:uploaded\s+)?pdfs?\b|" rf"{_VERB}\b(?:the\s+|my\s+)?(?:uploaded\s+)?pdfs?\s+(?:and|plus|\+|&)\s+"
                        r"(?:the\s+|my\s+)?listing\s+pages?\b"))
    said |= bool(q.take(_CHECK_ALL))
    said |= bool(q.take(_ANY_SOURCE))
    return said


# A verb of looking before the sources ('checking all three listing pages + the pdfs'), taken with them.
_VERB = r"(?:\b(?:check|search|scan|look(?:\s+(?:at|through|in|across))?|go(?:\s+through)?|cover|includ|consider|us)" \
        r"(?:e|es|ed|ing|s)?\s+)?"
# 'in my sources', 'across all of our sources'; after 'titles' it says where the titles are (rag/plan_titles.py's)
_IN_MINE = r"(?:in|across|from|among|throughout|over)\s+(?:all\s+(?:of\s+)?)?(?:my|our)\s+(?:\w+\s+)?sources\b"
# 'any source', '(from any source)', 'anywhere in my sources', 'across my sources': no source left out.
_ANY_SOURCE = r"\(\s*(?:in\s+|from\s+|across\s+)?any\s+(?:of\s+(?:the\s+|my\s+)?)?sources?\s*\)|" \
              r"(?:\b(?:on|from|in|across)\s+|[-—–,(]\s*)any\s+(?:of\s+(?:the\s+|my\s+)?)?pages?\b\)?|" \
              r"\b(?:library|collection|catalog(?:ue)?)[\s-]wide\b|" \
              r"\b(?:in\s+|from\s+|across\s+)?any\s+(?:of\s+(?:the\s+|my\s+)?)?sources?\b|" \
              rf"(?<!titles\s)\b(?:anywhere|everywhere)\s+{_IN_MINE}|(?<!titles\s)(?<!anywhere\s)(?<!everywhere\s)\b{_IN_MINE}"


def _enumerates_sources(text: str, page_names: set[str], owners: set[str]) -> bool:
    """Whether `text` lists two sources or more ('amii, courville, trending, pdfs'; 'all three listing pages and the
    PDFs'), each item a source of the catalog."""
    named = {w.casefold() for name in page_names | owners for w in rx.findall(r"[^\W\d_]{3,}", name)} - FRAME
    items = [i for i in rx.split(r"\s*(?:,|/|;|\+|&|\band\b|\bplus\b)\s*", text, flags=re.I) if i.strip()]
    if len(items) < 2:
        return False
    for item in items:
        words = [w.casefold().removesuffix("'s") for w in rx.findall(r"[\w'-]+", item)]
        content = [w for w in words if w not in _SOURCE_WORDS and w not in FRAME and w not in NUMBER_WORDS
                   and not w.isdigit()]  # '(3 listing pages + the pdfs)': a count of pages said in digits
        if not words or not all(w in named or w.rstrip("s") in named for w in content):
            return False
    return True
