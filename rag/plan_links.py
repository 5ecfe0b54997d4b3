"""Links the papers print, named in a question: a host ('github.com', 'Google Sites', 'github.io'), an owner on a code
host ('allenai', 'NJU-RL'), an address or part of one ('github.com/NJU-RL', 'zhixuan-lin/forgetting-transformer') and
a kind ('a repo', 'a project page', 'a link'), read into one Condition over rag/catalog_links.py's links; and the
lookup 'where is X's code / what project page does X give'.

Values are the catalog's own: an owner or an address is read only when some paper prints it, a host when some paper
prints it or it is a hosting service by name (HOSTS). A bare 'code' is the Code badge's word (rag/catalog_fields.py)
and stays its own; 'a code link' and 'a code repository' too, unless a host or owner is named with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rag import rx
from rag.catalog import Catalog
from rag.plan_link_content import link_contents  # noqa: F401 (rag/planner.py reads it from here)
from rag.plan_link_names import named_links
from rag.plan_link_literal import hosted_code, link_forms, said_of_a_link
from rag.catalog_links import HOSTS, KINDS, Link, bare_address, printed_links
from rag.plan_terms import FRAME, Condition, Question

# How people name a hosting service in words, most specific first (the host it lives on, from HOSTS).
_SERVICES = [
    (r"github[\s-]*pages|(?<![\w.])\.?github\.io", "github.io"),
    (r"gitlab[\s-]*pages|(?<![\w.])\.?gitlab\.io", "gitlab.io"),
    (r"google[\s-]*sites?|sites\.google\.com", "sites.google.com"),
    (r"hugging[\s-]*face(?:\s+hub)?|huggingface(?:\.co)?", "huggingface.co"),
    (r"anonymous[\s-]+github|(?:anonymous\.)?4open(?:\.science)?", "anonymous.4open.science"),
    (r"github(?:\.com)?", "github.com"), (r"gitlab(?:\.com)?", "gitlab.com"), (r"bitbucket(?:\.org)?", "bitbucket.org"),
    (r"openreview(?:\.net)?", "openreview.net"), (r"zenodo(?:\.org)?", "zenodo.org"),
    (r"youtube(?:\.com)?", "youtube.com"), (r"arxiv(?:\.org)?", "arxiv.org"),
]
# Services whose name is also where a paper is posted ('papers on arXiv', 'arXiv papers'): read as a link's host only
# when a link is said to go there ('link to arXiv', 'points at arxiv.org') or a link noun follows ('arXiv links').
_POSTED_ON = {"arxiv.org"}
_LINKED_TO = r"\b(?:links?|linking|linked|point(?:s|ed|ing)?|go(?:es)?|leads?|refers?|sends?|directs?)\s+" \
             r"(?:(?:out|only|just|back|directly|somewhere)\s+)?(?:to|at|on|via)\s+(?:the\s+|an?\s+)?$"
# A code host's name said of a page covers the pages it serves too: 'a GitHub page', 'project page on GitHub'.
_PAGES = {"github.com": "github.io", "gitlab.com": "gitlab.io"}
# The kinds of place a link is, in the words a question uses. A bare 'repo' is a code repository on any host.
_KIND_WORDS = [
    ("project", r"project[\s-]+(?:pages?|sites?|websites?|web\s*pages?|home\s*pages?|homepages?|links?|urls?)|websites?|web\s+sites?|"
                r"home\s*pages?|homepages?|landing\s+pages?|(?<=google\s)sites?"),
    ("code", r"(?:github\s+|git\s+)?repos?\b|repositor(?:y|ies)|code\s*bases?|"
             r"implementations?(?=[\s-]+(?:links?|urls?|repos?|repositor(?:y|ies)|address(?:es)?)\b)"),  # 'an implementation link': its code
    ("dataset", r"datasets?(?=[\s-]+(?:links?|urls?|pages?)\b)|(?<=\bto\s)(?:an?\s+|the\s+|its\s+|their\s+)?datasets?\b"),
    ("any", r"(?:web[\s-]*|hyper|external\s+|outside\s+)?links?(?![\w-])|urls?|web\s*address(?:es)?|web\s*pages?"),
]
# The nouns a service's name may go before and still name where a link is: 'a GitHub repo', 'the allenai GitHub org'.
_PLACE_NOUN = r"repos?|repositor(?:y|ies)|pages?|links?|urls?|accounts?|orgs?|organi[sz]ations?|users?|profiles?|sites?|" \
              r"addresses|address|namespaces?|projects?|websites?|domains?|hosting|hosted"
# Words beside which an account name is an owner of a link ('repos owned by zdhNarsil', 'the allenai org').
_OWNER_CONTEXT = r"\b(?:repos?|repositor(?:y|ies)|links?|urls?|code|org|organi[sz]ation|account|hosted|user|namespace)\b"
# A service said as where something is ('on GitHub', 'hosted at Google Sites'), or a link said at all: without one,
# a service's name is a topic ('papers that mention Hugging Face').
_WHERE_SAID = r"\b(?:on|at|under|to|via|in|from)\s+(?:the\s+|an?\s+|their\s+|its\s+)?$"
_LINK_SAID = r"\b(?:links?|linked|linking|urls?|repos?|repositor(?:y|ies)|point(?:s|ed|ing)?|hosted|hosts?|hosting|" \
             r"pages?|sites?|websites?|homepages?|address(?:es)?|accounts?|orgs?)\b"
# Words that only say a link is given, taken once a link is read: 'point to', 'hosted on', 'whose abstract links'.
_FRAME = r"\b(?:point(?:s|ed|ing)?|link(?:s|ing)?|hosted|hosting|hosts?|gives?|giving|given|provides?|providing|prints?|" \
         r"releas(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|publish(?:es|ed|ing)?|makes?|made|open[- ]sourc(?:e|es|ed|ing)|" \
         r"mentions?|mentioning|lives?|living|sits?|resides?|puts?|available|found|abstracts?|blurbs?|summar(?:y|ies)|" \
         r"web|online|account|accounts|namespace|user|even\s+though|though|although|while|yet|visit|go|goes|leads?|" \
         r"refers?|sends?|directs?|somewhere|anywhere|url|urls|address|addresses|via|through|own|public|publicly|shared|" \
         r"github|kind|kinds|exactly|precisely|owned|owner|owners|maintained|run|kept)\b"
# 'their code' said with where it is: 'links its code to a repo', 'code hosted under X', 'code in the X org'. Not the
# Code badge's own 'code link', 'with code', 'have code'.
# What is released beside the code and given by the same link: 'code and trained models', 'code or software'.
_WITH_CODE = r"(?:\s*(?:,|and|or|&|/|\+)\s*(?:(?:the|its|their|all|our)\s+)?(?:software|data(?:sets?)?|(?:pre-?)?trained\s+" \
             r"(?:models?|weights|checkpoints|agents?|policies)|models?|weights|checkpoints|agents?|scripts|demos?|videos?|" \
             r"benchmarks?)\b)?"
_CODE = r"\b(?:(?:its|their|the|whose|his|her)\s+)?(?:source\s+)?codes?\b(?!\s*-?\s*(?:badges?|links?|urls?|release))" \
        rf"{_WITH_CODE}" \
        r"(?=\s+(?:to|at|under|on|in|is|are|was|were|lives?|sits?|hosted|kept|from|that|which)\b)"
# Whom a link sends somewhere ('points readers to X', 'sends you to X'): the addressee, not a value.
_ADDRESSEE = r"(?<=\s)(?:readers|users|visitors|people|you|us|the\s+reader)(?=\s+(?:to|at|towards)\b)"
# What a link is given for, after it: 'points to seohong.me for code and videos'.
_FOR_CODE = rf"\bfor\s+(?:(?:its|their|the|his|her)\s+)?(?:source\s+)?codes?\b{_WITH_CODE}"
# A link said to go to the code: 'a link to their code or software', 'points to its source code'.
_CODE_TO = rf"\bto\s+(?:(?:its|their|the|his|her)\s+)?(?:source\s+)?codes?\b{_WITH_CODE}"
_NEGATION = r"\b(?:no|not|without|lacking|lacks?|never|none|(?:do|does|did|is|are|was|were|has|have|had)n[o']?t|" \
            r"(?:do|does|did)\s+not)\s+(?:(?:a|an|any|some|the|its|their|single|give|gives|print|prints|link|links|have|has|point|points|" \
            r"to|provide|provides|show|shows|carry|carries|include|includes|mention|mentions|with|web|on|at|under|hosted)\s+){0,3}$"
# A link said before a negation of what it is: 'links somewhere that isn't X', 'a link which is not on X'.
_OF_A_LINK = r"\b(?:links?|linking|points?|pointing|urls?)\s+(?:(?:to\s+)?(?:somewhere|something|some\s+\w+|an?\s+\w+|" \
             r"\w+\s+pages?)\s+)?(?:that|which)(?:'s)?\s+(?:(?:is|are|was|were)\s+)?$"
# A link said to be on another host than the one named: 'somewhere other than github.com', 'a site off GitHub'.
_ELSEWHERE = r"\b(?:somewhere|something|anywhere|anything|a\s+(?:site|page|host|link|url)|sites?|pages?|hosts?)\s+" \
             r"(?:other\s+than|besides|except|apart\s+from|outside(?:\s+of)?|off|not\s+on)\s+(?:the\s+)?$"
# A question asking for the link itself ('where is X's code', 'what project page does X give'), not for papers.
_ASKED = r"(?:urls?|links?|web\s*address(?:es)?|repos?|repository|repositories|(?:project|web|home)\s*pages?|homepages?|" \
         r"(?:project\s+|web\s*)sites?|websites?|github(?:\s+repo(?:sitory|s)?)?)"
# The link's noun alone as the question, after a heading's separator: 'ReSeg: github?', '… one. repo?'.
_TERSE = r"(?:^|[:;,.—–]|\s-{1,2}\s)\s*(?:(?:and|plus|also)\s+)?(?:(?:the|its|their|a|an|any)\s+)?" \
         r"(?:source\s+)?(?:code|github|gitlab)?\s*(?:urls?|links?|repos?|repository|github|gitlab|(?:project|web|home)\s*" \
         r"pages?|homepage|(?:project\s+)?(?:web)?site)\s*\?+\s*$"
# Where a paper is hosted, said of it: 'who wrote X and where is it hosted?'. Not a meeting's ('where was ICLR hosted').
_HOSTED = r"\bwhere(?:'s|\s+(?:is|are|was|were))\s+(?:it|they|that|this)\s+hosted\b"
_WHERE = re.compile(r"(?<!papers\s)(?<!paper\s)(?<!entries\s)(?<!entry\s)(?<!ones\s)(?<!those\s)"  # 'entries where …' says which
                    r"\bwhere(?:'s|\s+(?:is|are|was|were|do|does|did|can|could|should|would|to))?\b"
                    r"(?!\s+(?:in|on)\s+(?:the\s+|its\s+|their\s+)?(?:bylines?|author))|"  # 'where in the byline': a place
                    r"\b(?:what|which)(?:'s|\s+is|\s+are)?\s+(?:(?:the|its|their|a|an)\s+)?"
                    r"(?:(?!(?:papers?|entries|entry|ones?|titles?|articles?|works?|pdfs?|preprints?)\b)[\w.-]+\s+){0,2}?"
                    rf"{_ASKED}\b|"
                    r"\b(?:link|url)s?\s+(?:to|for)\s+(?:the\s+|its\s+|their\s+)?(?:code|project|repo)|"
                    r"\b(?:give|send|show|tell)\s+me\s+(?:the\s+|its\s+|their\s+)?(?:code|link|url|repo|project)|"
                    rf"\b{_ASKED}\W{{0,3}}please\b|"  # 'X, the Y one. project page please'
                    rf"^\W*(?:(?:the|its|their|a|an)\s+)?(?:source\s+)?(?:code\s+)?{_ASKED}\s+(?:for|of)\b|"  # 'repo for the X paper?'
                    rf"\b{_ASKED}\W{{1,3}}(?:which|what)(?:\s+one)?(?:(?:'s|\s+is|\s+was)\s+(?:it|that))?\s*\?+\s*$|"  # '… gives a code repo, which?', '…, what is it?'
                    rf"{_TERSE}", re.I)  # 'ReSeg: github?', 'the RNN segmentation paper - repo?'

# Words that say the link is given, asked with it: 'where did they put the code', 'what code URL is given'.
_PUT = r"\b(?:hosted|kept|put|stored|releas(?:e|es|ed|ing)|published|shared|found|find|get|download|available|lives?|" \
       r"live|pls|please|look|given|shown|printed|provided|listed|stated|mentioned|quoted|cited|says?|said)\b"
_LOOKUP_CODE = r"\b(?:(?:its|their|the|his|her)\s+)?(?:(?:open[- ]sourced?|released|public)\s+)?(?:source\s+)?codes?(?:\s+(?:and\s+)?(?:urls?|links?|repo(?:sitory)?))?\b" + \
    _WITH_CODE


@dataclass(frozen=True)
class LinkAsked:
    """What a lookup asks of a paper's links ('links:code', 'links:project', 'links'), shaped as a printed badge of
    rag/catalog_fields.py (a name, and words placing it in the question) so the planner's lookups and its reading of
    several fields at once (rag/plan_fields.several: 'who is last author and where is the code') take it like one."""

    name: str
    words: str = _ASKED


@dataclass
class LinkCondition(Condition):
    """A Condition on the links a paper prints; `matches` says which of its links fit, so a row can quote them."""

    matches: Callable[[Link], bool] = field(repr=False, default=lambda link: True)


def links_of(catalog: Catalog, paper) -> tuple[Link, ...]:
    return catalog.links.get(paper.paper_id) if paper.paper_id in catalog.links else printed_links(paper)


def _segments(text: str) -> list[str]:
    bare = bare_address(text.strip().rstrip("/"))
    return [s for s in bare.casefold().split("/") if s]


def _on_path(wanted: list[str], link: Link) -> bool:
    """The question's address names a run of the link's path: 'github.com/nju-rl' from its host, 'nju-rl/meta-dt'
    anywhere after it; a host piece alone ('github.io') may be the end of the link's host."""
    have = _segments(link.path)
    if not have:
        return False
    if "." in wanted[0] and (have[0] == wanted[0] or have[0].endswith("." + wanted[0])):
        return have[1:len(wanted)] == wanted[1:]
    return any(have[i:i + len(wanted)] == wanted for i in range(1, len(have)))


def linked(q: Question, catalog: Catalog) -> list[Condition]:
    """The link a question names as a condition ('abstracts that link to a github.com repo', 'an allenai GitHub
    repository', 'a project page on Google Sites', 'no link'), its words cut from `q`; [] when it names none."""
    if not rx.search(r"links?|urls?|repo|github|gitlab|bitbucket|hugging|sites?\b|homepage|home\s*page|website|web\s*page|project|"
                     r"\w\.\w|\w/\w|4open|openreview|zenodo|youtube|arxiv", q.text, re.I) and \
            not rx.search(_OWNER_CONTEXT, q.text, re.I):
        return []  # an owner is read only beside one of these words: no link is named, and no owner is built
    held_owners, hosts = catalog.link_names
    said_text = q.text  # as asked, before the link's words are cut out (blanking keeps every position)
    # 'a non-github.com page': a link other than the one named (read below as each link's own negation).
    non = [m.start() for m in rx.finditer(r"\bnon-(?=(?:https?://)?[\w-]+\.[a-z]{2,}\b|github|gitlab|google|hugging|"
                                          r"arxiv|youtube|zenodo|openreview)", q.text, re.I)]
    for start in non:
        q.blank(start, start + 4)
    pages_too: list[bool] = []  # set once a project page is asked: a code host's name then covers its pages' host
    tests: dict[str, list[Callable[[Link], bool]]] = {}
    said: dict[str, list[str]] = {}
    spans: list[tuple[int, int, str]] = []

    def found(kind: str, label: str, test: Callable[[Link], bool], start: int, end: int) -> None:
        tests.setdefault(kind, []).append(test)
        said.setdefault(kind, []).append(label)
        spans.append((start, end, kind))
        q.blank(start, end)

    # An address or a piece of one: 'github.com/NJU-RL', 'https://sites.google.com/view/x', 'zdhNarsil/EB_GFN'.
    for m in list(rx.finditer(r"(?<![\w@/.-])(?:https?://)?(?:www\.)?[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)*"
                              r"(?:\.[a-z]{2,}(?=[/\s?.,;:!)'\"]|$)|/[\w.~-]+)(?:/[\w.~-]+)*/?", q.text, re.I)):
        wanted = _segments(m.group(0).rstrip(".?!,;:"))
        if not wanted or not ("/" in m.group(0) or "." in wanted[0]):
            continue
        if "." in wanted[0] and not any(h == wanted[0] or h.endswith("." + wanted[0]) for h in hosts) and \
                not any(wanted[0] == name for name, *_ in HOSTS):
            continue  # 'cs.LG', 'e.g': no paper prints such a host
        if "." not in wanted[0] and not any(_on_path(wanted, link) for found_ in catalog.links.values()
                                            for link in found_):
            continue  # 'and/or', 'GPT-4/5': no printed address holds it
        text = m.group(0).rstrip(".?!,;:")
        found("host" if len(wanted) == 1 else "path", text, lambda link, w=wanted: _on_path(w, link),
              m.start(), m.start() + len(text))
    for words, host in _SERVICES:
        for m in list(rx.finditer(rf"(?<![\w.-])(?:{words})(?![\w-])", q.text, re.I)):
            after = rx.match(r"\s+([a-z][\w-]*)", q.text[m.end():], re.I)
            if after and after.group(1).casefold() not in FRAME and not rx.fullmatch(_PLACE_NOUN, after.group(1), re.I):
                continue  # 'GitHub stars', 'GitHub Copilot', 'Hugging Face transformers': the service's things, no link
            if not rx.search(_WHERE_SAID, q.text[:m.start()], re.I) and not rx.search(_LINK_SAID, q.text, re.I):
                continue  # 'which papers mention Hugging Face': the name in the text, not a link to it
            if host in _POSTED_ON and "." not in m.group(0) and not rx.search(_LINKED_TO, q.text[:m.start()], re.I) \
                    and (not rx.match(r"[\s-]+(?:links?|urls?|address(?:es)?)\b", q.text[m.end():], re.I) or
                         rx.search(_WHERE_SAID, q.text[:m.start()], re.I)):  # 'papers on arXiv link to …': posted
                continue  # 'papers on arXiv', 'arXiv papers': where a paper is posted, not a link it prints
            label = next(label for name, label, *_ in HOSTS if name == host)
            end = m.end()
            page = rx.match(r"\s+(?:pages?|sites?)\b", q.text[end:], re.I) if host in _PAGES else None
            if page:  # 'a GitHub page': a link on GitHub or on the pages it serves, not a listing page
                end += page.end()
                pages_too.append(True)
            found("host", label, lambda link, h=host: _on_host(link, h, pages_too), m.start(), end)
    context = bool(tests) or rx.search(_OWNER_CONTEXT, q.text, re.I)
    for m in list(rx.finditer(r"(?<![\w@/.-])([\w][\w.-]*[\w])(?:'s)?(?![\w/-])", q.text)):
        owner = held_owners.get(m.group(1).casefold())
        if owner is not None and context:
            found("owner", owner, lambda link, o=owner.casefold(): (link.owner or "").casefold() == o, m.start(), m.end())
    for start, end, name, test in named_links(q.text, catalog):  # 'the famo2o repo', 'the beso website'
        found("path", name, test, start, end)
    for start, end, what, said_as, test in link_forms(q.text):  # 'printed twice', "mangled with a '{blue{...}}' wrapper"
        found(what, said_as, test, start, end)
    valued = bool(tests)
    for kind, words in _KIND_WORDS:
        for m in list(rx.finditer(rf"\b(?:{words})", q.text, re.I)):
            before = q.text[:m.start()].rstrip()
            if not valued and rx.search(r"\bcode$", before, re.I):
                continue  # 'a code link', 'a code repository': the Code badge's words (rag/catalog_fields.py)
            if kind == "any" and rx.search(r"['\"]\s*$|\bfollowed\s+by\b", before, re.I):
                continue  # "followed by a 'Learn more' link": the page's own link text (rag/plan_sections.py)
            if kind == "any" and rx.match(r"\s*(?:between|prediction|predictions|list|lists|function|structure)\b",
                                          q.text[m.end():], re.I):
                continue  # 'the link between X and Y', 'link prediction', 'linked list': not a printed link
            if kind == "any":
                found("any", "a link", lambda link: True, m.start(), m.end())
            else:
                found("kind", KINDS[kind], _kind_test(kind), m.start(), m.end())
    if not tests:
        return []
    if any(label == KINDS["project"] for label in said.get("kind", ())):
        pages_too.append(True)  # 'a project page on GitHub': GitHub's pages (github.io) too
    abstract = q.take(r"\b(?:(?:in|within)\s+)?(?:(?:its|their|the|whose|an?)\s+)?(?:abstracts?|blurbs?)\b")  # a listing's blurb
    later = _later_pages(q)  # 'on page 2 or later', 'outside the first page': the first PDF page a link may be on
    first = q.take(r"\b(?:on|in)\s+(?:its|their|the)\s+(?:very\s+)?(?:first|1st|opening)\s+pages?\b|\bpage\s+(?:one|1)\b|"
                   r"\bwhose\s+(?:very\s+)?(?:first|1st|opening)\s+page\b")  # 'PDFs whose first page gives a link
    # 'anywhere in the text I have': the whole PDF as read, which is where every link is looked for already
    q.take(r"\b(?:anywhere\s+)?(?:in|within|across)\s+(?:the|its|their)\s+(?:full\s+|whole\s+)?text(?:\s+(?:that\s+)?"
           r"(?:i|we|you)\s+(?:have|got|uploaded))?\b")
    # Negation is said before the valued link ('a link that isn't on github.com'), not before a bare 'link' said first.
    start = min((s for s, _, kind in spans if kind != "any"), default=min(s for s, _, _ in spans))
    negation = rx.search(_NEGATION, q.text[:start], re.I)
    elsewhere = rx.search(_ELSEWHERE, q.text[:start], re.I)  # 'pointing somewhere other than github.com'
    negation = negation or elsewhere
    # Said of one link ('links somewhere that isn't a github.com repo', 'a non-github.com page'), it is the link's own
    # negation: a paper printing some other link, not a paper printing none of them.
    own = bool(non) or bool(elsewhere) or bool(negation and rx.search(_OF_A_LINK, said_text[:negation.start()], re.I))
    own = own or bool(negation and said_of_a_link(said_text, [(s, e) for s, e, kind in spans if kind == "any"],
                                                  negation.start()))  # 'a web address on page 1 that is NOT a github link'
    if negation:
        q.blank(negation.start(), negation.end())
    q.take(_FRAME)
    q.take(_ADDRESSEE)  # 'points readers to seohong.me': whom the link is for
    if q.take(_CODE) or q.take(_CODE_TO) or q.take(_FOR_CODE) or hosted_code(q):  # 'links its code to a repo', 'code hosted
        # under X', 'a link to their code', 'which GitHub org hosts its code'
        tests.setdefault("code", []).append(lambda link: link.kind == "code" or "code" in link.says)
        said.setdefault("code", []).append("code")
    groups = [v for k, v in tests.items() if k != "any"]

    def named(link: Link) -> bool:
        return all(any(t(link) for t in group) for group in groups)

    def test(link: Link) -> bool:
        return (named(link) != own) and (not abstract or link.place == "abstract") and \
            (not first or link.page in (1, None)) and (later is None or link.page is not None and link.page >= later)

    parts = [" or ".join(dict.fromkeys(v)) for k, v in said.items() if k != "any"] or ["a link"]
    where = " in the abstract" if abstract else " on the first page" if first else \
        f" on PDF page {later} or later" if later is not None else ""
    label = "links: " + ("not " if own else "") + ", ".join(parts) + where
    has = LinkCondition("link", label.removeprefix("links: "), label,
                        lambda p: any(test(link) for link in links_of(catalog, p)), known_test=_prints_text,
                        matches=test)
    return [has.negated() if negation and not own else has]


def _later_pages(q: Question) -> int | None:
    """The first PDF page a link may be printed on when the question puts it past a page: 'on page 2 or later',
    'after page 1', 'outside / beyond the first page' (2); None when no such place is said."""
    if m := q.take(r"\b(?:on\s+)?(?:pdf\s+)?page\s+(\d{1,3})\s+or\s+(?:later|after|beyond|higher)\b"):
        return int(m[0].group(1))
    if m := q.take(r"\b(?:after|past|beyond)\s+(?:pdf\s+)?page\s+(\d{1,3})\b"):
        return int(m[0].group(1)) + 1
    if q.take(r"\b(?:outside|beyond|past|after)\s+(?:of\s+)?(?:its|their|the)\s+(?:very\s+)?(?:first|1st|opening)\s+page\b|"
              r"\b(?:anywhere\s+)?but\s+(?:on\s+)?(?:its|their|the)\s+(?:first|1st|opening)\s+page\b"):
        return 2
    return None


def _on_host(link: Link, host: str, pages_too: list[bool]) -> bool:
    """The link is on the host (or a subdomain of it); for a code host's name said of a page ('a GitHub page', 'a
    project page on GitHub'), on the host its pages are served from too ('myodex.github.io')."""
    hosts = (host, _PAGES[host]) if pages_too and host in _PAGES else (host,)
    return any(link.host == h or link.host.endswith("." + h) for h in hosts)


def _kind_test(kind: str) -> Callable[[Link], bool]:
    """A project page (or a dataset) is one by its host or by what its sentence calls it ('Website: …', 'code and data
    are available at …'); a repository by its host only."""
    if kind in ("project", "dataset"):
        return lambda link: link.kind == kind or kind in link.says
    return lambda link: link.kind == kind


def _prints_text(paper) -> bool:
    """A paper whose page prints any text of its own (an abstract not copied from another entry, or a PDF's text):
    only such a paper can be said to print no link."""
    return bool(paper.abstract and not paper.abstract_duplicate_of) or bool(paper.blocks)


def asked_link(q: Question, question: str, conditions: list[Condition]) -> LinkAsked | None:
    """'links:code', 'links:project' or 'links' when the question asks for a named paper's link itself ('where is
    X's code', 'what project page does X give', 'which GitHub repo does X point to'); the link condition it was read
    as is then what is asked, not a filter. None otherwise (nothing is taken)."""
    if not _WHERE.search(question):
        return None
    link = next((c for c in conditions if isinstance(c, LinkCondition) and not c.value.startswith("not ")), None)
    if link is not None:
        kind = "project" if KINDS["project"] in link.label else "code" if \
            rx.search(r"\b(?:code|github|gitlab|bitbucket)\b", link.label, re.I) else ""
        q.take(_WHERE.pattern)
        kind = kind or ("code" if q.take(_LOOKUP_CODE) else "")  # 'does X link its code on page one? the URL?'
        q.take(_PUT)  # 'what code URL is given', 'link to code please'
        return LinkAsked(f"links:{kind}" if kind else "links")
    # 'where did they release their code': the Code badge's reader took 'release their code' as having code
    # (rag/plan_presence.py); asked where, it is the code's link (the planner drops that condition for a named paper).
    badge = any(c.field == "code" and not c.value.startswith("not ") for c in conditions)
    if q.take(_HOSTED):  # 'and where is it hosted': every link it prints
        return LinkAsked("links", _HOSTED)
    if terse := rx.search(_TERSE, q.text, re.I):  # 'ReSeg: github?' (a host alone is no link to linked())
        q.take(_TERSE)
        return LinkAsked("links:project" if rx.search(r"page|site", terse.group(0), re.I) else "links:code")
    if not rx.search(_LOOKUP_CODE, q.text, re.I) and not badge:
        return None
    q.take(_LOOKUP_CODE)
    q.take(r"\b(?:(?:in|on)\s+)?(?:the|its|their)\s+abstract\b")  # 'the abstract gives a code repo': its own, said first
    q.take(r"\b(?:which|what)(?:\s+one)?\s*\?+\s*$")
    q.take(r"\b(?:repos?|repository|urls?|links?)\b")  # 'a code repo' once the Code badge's reader took its 'code'
    q.take(rf"(?<=\s\s){_WITH_CODE.removesuffix('?')}")  # '…  and trained models': what came out with the code
    q.take(_WHERE.pattern)
    q.take(_PUT)
    return LinkAsked("links:code", r"(?:source\s+)?code")
