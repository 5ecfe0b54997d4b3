"""What a printed link literally is, said around the link readers' values (rag/plan_links.py):
- a negation said of the link itself in a relative clause ('a web address on their first page that is NOT a github.com
  link'): a paper printing some other address, not one printing no github.com link;
- asides that only say what counts as a link ('not counting e-mail addresses': the catalog's links never hold one,
  rag/catalog_links.py), or how a host counts ('github.io pages count as not github.com': the host test tells them apart);
- the printed form of the address, a value of its own that composes with host, kind and place: a whole address ('no
  actual URL': with its scheme, not a bare 'github.com/x/y' in a sentence), printed twice or more (Link.times), printed
  in markup left in the text (Link.markup: "mangled with a '{blue{...}}' wrapper");
- whether the entry just picked prints a link, asked of it by a pronoun ('… what is it, and does its blurb give any
  link?'): a field asked of that entry, not a filter that would pick another one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag import rx
from rag.catalog_links import Link
from rag.plan_terms import Question

# Between the link's noun and the negation: a few words placing it ('on their first page', 'in the abstract') and a
# relative pronoun ('that is', 'which isn't'). A verb of its own there ('… that Smith wrote is not') is another clause.
_RELATIVE = r"^(?:\s+(?:on|in|at|of|from|within|their|its|the|a|an|first|1st|opening|last|page|pages|pdf|abstract|" \
            r"abstracts|blurb|blurbs|entry|entry's|one|\d{1,3}))*\s*,?\s*(?:that|which)(?:'s)?\s+(?:(?:is|are|was|were)\s+)?$"

# 'not counting e-mail addresses', '(e-mails excluded)', 'ignoring emails': e-mail addresses are no links to the catalog.
_MAIL = r"e-?mails?(?:\s+address(?:es)?)?"
_NO_MAIL = rf"\(?\s*(?:not\s+counting|excluding|ignoring|apart\s+from|other\s+than|except(?:\s+for)?|leaving\s+out|" \
           rf"(?:but\s+)?not)\s+(?:any\s+|the\s+)?{_MAIL}\s*\)?|\(\s*{_MAIL}\s+(?:excluded|don'?t\s+count|do\s+not\s+count|" \
           rf"not\s+counted|aside)\s*\)|(?:[-—–,;]|\s-)\s*{_MAIL}\s+(?:excluded|don'?t\s+count|do\s+not\s+count|not\s+counted|aside)\b"

# A host said to count as not another ('github.io pages count as not github.com', 'github.io doesn't count as GitHub'):
# how the host test reads the two already (a subdomain of the one named is not the host named).
_HOST = r"(?:https?://)?[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*\.[a-z]{2,}"
_COUNTS_AS_NOT = rf"\(?\s*(?:the\s+)?{_HOST}(?:\s+(?:pages?|sites?|links?|urls?|addresses))?\s+(?:counts?|count(?:ed)?|are|is)\s+" \
                 rf"(?:as\s+)?not\s+(?:as\s+)?{_HOST}(?:\s+(?:links?|urls?|pages?))?\s*\)?|" \
                 rf"\(?\s*(?:the\s+)?{_HOST}(?:\s+(?:pages?|sites?|links?|urls?|addresses))?\s+(?:do(?:es)?n'?t|do(?:es)?\s+not)\s+" \
                 rf"count\s+(?:as\s+)?{_HOST}\s*\)?"

# A word insisting the link is a whole address, said right before its noun: 'no actual URL', 'a real project link', 'a
# full URL': printed with its scheme or 'www.', not a bare 'github.com/x/y' mentioned in a sentence (Link.url as printed).
# Not 'working' or 'live': whether an address still works is nothing a page prints.
_INTENSIFIER = r"\b(?:actual|real|proper|explicit|full)(?=\s+(?:(?:web|project|code|github)\s+)?" \
               r"(?:urls?|links?|web\s*address(?:es)?|addresses|repos?|repositor(?:y|ies)|homepages?|websites?)\b)"

_FULL = re.compile(r"https?://|www\.", re.I)


def said_of_a_link(text: str, link_nouns: list[tuple[int, int]], negation: int) -> bool:
    """Whether the negation starting at `negation` is said in a relative clause of a link noun before it."""
    return any(end <= negation and rx.match(_RELATIVE, text[end:negation], re.I) for _, end in link_nouns)


def link_asides(q: Question) -> None:
    """Take the asides that say what counts as a link, when a link is asked ('a web address … (not counting e-mail
    addresses)'); without a link said, 'excluding e-mails' stays for the readers of e-mail addresses."""
    if not rx.search(r"\b(?:links?|urls?|web\s*address(?:es)?|github|gitlab|\w\.(?:com|io|org)\b)", q.text, re.I):
        return
    q.take(_NO_MAIL)
    q.take(_COUNTS_AS_NOT)
    _host_set_aside(q)


# A host set aside beside another one named ('github.com, not counting github.io', '(github.io project sites don't
# count)'): a link on it does not count as one on the host named, which is how the host test reads the two already. The
# paper is not left out for printing one too, so no negated condition is made, and the aside's words ('project sites')
# are not read as a project page asked.
_SITE = r"(?:\s+(?:project\s+|code\s+|web\s*)?(?:pages?|sites?|links?|urls?|addresses|repos?|ones))?"
# ('somewhere other than github.com' is a link elsewhere, read by rag/plan_links.py, not an aside)
_SET_ASIDE = rf"\(?\s*(?:not\s+counting|excluding|ignoring|except(?:\s+for)?|but\s+not|leaving\s+out)\s+(?:the\s+|any\s+)?" \
             rf"(?P<a>{_HOST}){_SITE}\s*\)?|" \
             rf"\(\s*(?:the\s+|any\s+)?(?P<b>{_HOST}){_SITE}\s+(?:do(?:es)?n'?t\s+count|do(?:es)?\s+not\s+count|are\s+not\s+counted|" \
             rf"(?:is|are)\s+excluded|excluded|not\s+counted|aside)\s*\)|" \
             rf"[-—–,;]\s*(?:the\s+|any\s+)?(?P<c>{_HOST}){_SITE}\s+(?:do(?:es)?n'?t\s+count|do(?:es)?\s+not\s+count|" \
             rf"(?:is|are)\s+(?:not\s+counted|excluded))\b"
# The hosts a question names by address or by a code host's name.
_NAMED_HOST = rf"{_HOST}|\b(?:github|gitlab|bitbucket)\b"


def _host_set_aside(q: Question) -> None:
    for m in reversed(list(rx.finditer(_SET_ASIDE, q.text, re.I))):
        aside = (m["a"] or m["b"] or m["c"]).casefold()
        rest = q.text[:m.start()] + " " + q.text[m.end():]
        others = {h.casefold() for h in rx.findall(_NAMED_HOST, rest, re.I)} - {aside}
        if any(not aside.endswith("." + other) for other in others):  # another host named, not one it is part of
            q.blank(m.start(), m.end())
        else:  # 'code links, not counting github.io': no host named to set it against, and read as a host value it
            # would be asked for instead of left out; the host is left as an unread word, so the question is not taken
            start, end = m.span(next(g for g in "abc" if m[g]))
            q.text = q.text[:start] + "x" * (end - start) + q.text[end:]


# How often a link is printed: 'printed twice', 'given two times', 'repeated', 'more than once' (Link.times).
_TIMES = {"twice": 2, "two times": 2, "three times": 3, "thrice": 3}
_PRINTED = r"(?:(?:is|are|was|were|gets?|got|being)\s+)?(?:printed|given|shown|listed|written|pasted|repeated|included|" \
           r"appear(?:s|ing)?|occur(?:s|ring)?|show(?:s|ing)?\s+up)"
_REPEATED = rf"\b(?:{_PRINTED}\s+)?(?P<n>twice|thrice|two\s+times|three\s+times)\b|\b(?:{_PRINTED}\s+)?(?P<more>more\s+than\s+once|" \
            r"repeatedly)\b|\b(?P<adj>repeated|duplicated|doubled)\b(?=\s+(?:(?:project|code|web)\s+)?(?:links?|urls?|" \
            r"address(?:es)?)\b)"
# Printed in markup left in the text: 'mangled with a {blue{...}} wrapper', 'wrapped in LaTeX', 'with stray braces'.
_WRAPPER = r"(?:wrappers?|macros?|markup|mark-up|latex(?:\s+(?:macros?|commands?|markup))?|braces|brackets|formatting|" \
           r"colou?r\s+(?:macros?|commands?|tags?))"
_QUOTED_MARKUP = r"(?:'[^'\w]*\{[^']*'|\"[^\"\w]*\{[^\"]*\"|\{[^\s]*\})"  # "'{blue{...}}'": braces shown
_MARKUP = rf"\b(?:(?:is|are|was|were|gets?|got|being)\s+)?(?:mangled|garbled|malformed|corrupted|broken|wrapped|messed\s+up)" \
          rf"(?:\s*,?\s*(?:with|in|by|inside)\s+(?:an?\s+|the\s+|some\s+|stray\s+|leftover\s+)?(?:{_QUOTED_MARKUP}\s*)?{_WRAPPER}?)?|" \
          rf"\b(?:with|in|inside)\s+(?:an?\s+|the\s+|some\s+|stray\s+|leftover\s+)?{_QUOTED_MARKUP}\s*{_WRAPPER}?|" \
          rf"\b(?:with|in)\s+(?:stray|leftover|left-over|raw)\s+{_WRAPPER}"


def link_forms(text: str) -> list[tuple[int, int, str, str, Callable[[Link], bool]]]:
    """(start, end, what, label, test) for each literal form of a printed link the question names: printed twice or more
    (Link.times), printed in markup left in the text (Link.markup); `what` keeps the two apart, so that both said is both asked.
    Read only where a link is said (the caller, rag/plan_links.linked)."""
    found = []
    for m in rx.finditer(_INTENSIFIER, text, re.I):
        found.append((m.start(), m.end(), "full", "a full address", lambda link: _FULL.match(link.url) is not None))
    for m in rx.finditer(_REPEATED, text, re.I):
        if not _of_a_link(text, m):
            continue  # 'Lin appears twice on the page': a person or an entry printed twice, not a link
        if m["n"]:
            n = _TIMES[rx.sub(r"\s+", " ", m["n"].casefold())]
            found.append((m.start(), m.end(), "times", f"printed {m['n'].casefold()}", lambda link, n=n: link.times == n))
        else:
            found.append((m.start(), m.end(), "times", "printed more than once", lambda link: link.times > 1))
    for m in rx.finditer(_MARKUP, text, re.I):
        if not _of_a_link(text, m):
            continue
        found.append((m.start(), m.end(), "markup", "printed in leftover markup", lambda link: link.markup))
    return found


# A link's noun, said in the clause before a form ('its project link is printed twice') or right after it ('a repeated URL').
_LINK_NOUN = r"\b(?:links?|urls?|web\s*address(?:es)?|addresses|repos?|repositor(?:y|ies)|homepages?|websites?|(?:project|web)\s*" \
             r"(?:pages?|sites?))\b"


def _of_a_link(text: str, m: re.Match) -> bool:
    clause = rx.split(r"[?.;!]\s|[?;!]$", text[:m.start()])[-1]
    return bool(rx.search(_LINK_NOUN, clause, re.I)) or bool(rx.match(rf"\s+(?:\S+\s+)?{_LINK_NOUN}", text[m.end():], re.I))


# Whether the entry just picked prints a link, asked of it by a pronoun: '… - what is it, and does its blurb give any
# link?', 'does it have a URL?'. What is asked of the entry (its links, rag/plan_entry_asks.py), not a filter that
# would pick another entry ('the second from the top' among those with a link).
_OF_IT = r"\b(?:does|do|did|has|have|is|are)\s+(?:it|they|that\s+one|this\s+one|(?:its|their)\s+(?:blurb|abstract|summary|" \
         r"entry))\s+(?:(?:give|print|show|have|has|carry|contain|include|provide|offer)s?|got)\s+(?:any|a|an)\s+" \
         r"(?:(?:web|project|code|github)\s+)?(?:links?|urls?|web\s*address(?:es)?)(?:\s+at\s+all)?\b|" \
         r"\b(?:does|do|did)\s+(?:it|they|that\s+one|this\s+one|(?:its|their)\s+(?:blurb|abstract|summary|entry))\s+link\s+" \
         r"(?:to\s+)?(?:anything|anywhere)\b"


def link_asked_of_it(q: Question) -> list[str]:
    """['links'] when the question asks whether the entry it picked prints a link (see _OF_IT), the words taken."""
    return ["links"] if q.take(_OF_IT) else []


# The code as the object of a verb of hosting, said as asked (the verb was taken as a link's frame word): 'which GitHub
# org hosts its code', 'which account keeps the source code of X'.
# Only as the verb of the place asked ('which org hosts'), not in a clause of another verb ('what does the repo that
# hosts its code contain': what the repository holds, content, rag/plan_link_content.py).
_HOSTS_CODE = r"\b(?:which|what)\s+(?:(?!(?:does|do|did|is|are|was|were|that|which|who)\b)[\w.-]+\s+){0,3}?" \
              r"(?:hosts?|keeps|holds|stores|houses)\s+(?P<code>(?:(?:its|their|the)\s+)?(?:source\s+)?code)\b"


def hosted_code(q: Question) -> bool:
    """Whether the question says the code is what a link's place hosts, its words taken (the verb's already are)."""
    found = False
    for m in rx.finditer(_HOSTS_CODE, q.folded, re.I):
        if q.text[m.start("code"):m.end("code")] == q.folded[m.start("code"):m.end("code")]:
            q.blank(m.start("code"), m.end("code"))
            found = True
    return found
