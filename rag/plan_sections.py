"""Where a page's section starts or ends, as a place in its printed order: 'the entry right before the workshop papers
start', 'what comes just after the accepted papers end', 'the paper where the workshop section begins'.

The boundary is read before the section's name is taken as a section condition (rag/plan_values.py), so 'the last
accepted paper, right before the workshop papers start' is the accepted paper directly above the first workshop entry,
not a paper of either section. Places are the pages' own (SourceRef.position), on the page that prints the section.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.plan_terms import Condition, Question
from rag.records import Paper

_START = r"(?:starts?|starting|begins?|beginning|opens?|opening|kicks?\s+off)"
_END = r"(?:ends?|ending|finish(?:es)?|finishing|closes?|closing|stops?)"
_WHERE = r"(?:right\s+|just\s+|immediately\s+|directly\s+)?(before|after|where|as)"
_ITEMS = r"(?:papers?|entries|entry|items?|listings?|section|part|track|list)"


def boundary(q: Question, catalog: Catalog) -> Condition | None:
    """The entry just before or after the start or end of a section the catalog holds, or the entry opening or closing
    it ('where the workshop papers begin'); the phrase is taken. None when no section is named at a boundary."""
    if not catalog.sections or not rx.search(rf"\b(?:{_START}|{_END}|{_HEADING})\b", q.text, re.I):
        return None
    names = "|".join(re.escape(s) for s in sorted(catalog.sections, key=len, reverse=True))
    if (under := _under_heading(q, names, catalog)) is not None:
        return under
    m = q.take(rf",?\s*\b(?:(?:sits?|is|comes?|appears?|listed|printed|placed|stands?)\s+)?{_WHERE}\s+(?:the\s+)?({names})(?:\s+{_ITEMS})?\s+(?:(?:section|part)\s+)?(?:({_START})|{_END})\b")
    if not m:
        return None
    where, section, starts = m[0].group(1).casefold(), m[0].group(2).casefold(), bool(m[0].group(3))
    # The place next to the boundary: before a start is one above its first entry, after an end one below its
    # last; 'where' / 'as' it starts (ends) is its first (last) entry itself.
    step = {"before": -1, "after": 1}.get(where, 0)
    edge = "first" if starts else "last"
    places = _places(catalog.papers, section, starts, step)
    said = f"{'right ' + where + ' ' if step else ''}the {edge} {section} entry"
    return Condition("position", f"{where} {section} {'start' if starts else 'end'}", f"listed: {said}",
                     lambda p: any((s.page_name, s.position) in places for s in p.sources if s.format != "pdf"))


# A section's printed heading as an anchor: 'right before the "Workshop Papers" heading' is the entry above the section's
# first entry, 'straight under the workshop heading' that first entry itself. Only a heading's noun makes it an anchor.
_HEADING = r"(?:sub)?head(?:ing|er)s?|banners?|subheads?"
_ABOVE = r"before|above|preceding|ahead\s+of|in\s+front\s+of"
_BELOW = r"after|below|under|beneath|following|underneath"


def _under_heading(q: Question, names: str, catalog: Catalog) -> Condition | None:
    """The entry next to a section's heading ('sits right before the Workshop Papers heading'), its words taken."""
    m = q.take(rf",?\s*\b(?:(?:sits?|sitting|is|comes?|appears?|listed|printed|placed|stands?)\s+)?"
               rf"(?:(?:right|just|immediately|directly|straight)\s+)?(?P<w>{_ABOVE}|{_BELOW})\s+(?:the\s+|its\s+)?"
               rf"(?:['\"‘“]?(?P<s>{names})(?:\s+{_ITEMS})?['\"’”]?\s+(?:section\s+)?(?:{_HEADING})|"
               rf"(?:{_HEADING})\s+['\"‘“]?(?P<s2>{names})(?:\s+{_ITEMS})?['\"’”]?)(?![\w-])")  # 'the heading "Workshop Papers"'
    if not m:
        return None
    where, section = m[0].group("w").casefold(), (m[0].group("s") or m[0].group("s2")).casefold()
    step = -1 if rx.match(_ABOVE, where, re.I) else 0
    places = _places(catalog.papers, section, True, step)
    said = f"right before the {section} heading" if step else f"the first entry under the {section} heading"
    return Condition("position", f"{'before' if step else 'under'} {section} heading", f"listed: {said}",
                     lambda p: any((s.page_name, s.position) in places for s in p.sources if s.format != "pdf"))


def _places(papers: list[Paper], section: str, starts: bool, step: int) -> set[tuple[str | None, int]]:
    """(page, position) of the entry `step` places from the section's first (or last) entry, on each page."""
    ends: dict[str | None, int] = {}
    for p in papers:
        if (p.section or "").casefold() != section:
            continue
        for s in (s for s in p.sources if s.format != "pdf"):
            held = ends.get(s.page_name)
            ends[s.page_name] = s.position if held is None else (min if starts else max)(held, s.position)
    return {(page, at + step) for page, at in ends.items()}


# 'entries immediately followed by a "Learn more about the researchers" link', 'which papers have a "Learn more" line
# printed right after them': the line an institute page prints after an entry's text (Paper.printed['after']).
_FOLLOWED = re.compile(r"\b(?:(?:that\s+)?(?:are|is|were|was|get|gets|come|comes)\s+)?(?:(?:immediately|directly|right|"
                       r"just)\s+)?followed\s+by\s+(?:an?\s+|the\s+)?(?:['\"‘“](?P<said>[^'\"’”]{3,80})['\"’”]\s*)?"
                       r"(?:(?:link|line|button|note)s?\b)?|"
                       r"\b(?:with|have|has|having|print|prints)\s+(?:an?\s+|the\s+)?['\"‘“](?P<said2>[^'\"’”]{3,80})['\"’”]"
                       r"\s*(?:link|line|button|note)s?\s+(?:printed\s+)?(?:(?:immediately|directly|right|just)\s+)?"
                       r"(?:after|below|under|beneath)\s+(?:them|it|the\s+entry|their\s+entry)\b", re.I)


def followed_by(q: Question) -> Condition | None:
    """The entries after which the page prints a line outside any entry's text (a link such as 'Learn more about the
    researchers'), the one quoted if a line is quoted; the phrase is taken. None when no such phrase is said."""
    if "followed" not in q.text.casefold() and not rx.search(r"\b(?:after|below|under|beneath)\s+(?:them|it)\b", q.text,
                                                             re.I):
        return None
    m = _FOLLOWED.search(q.text)
    if m is None or not (m.group("said") or m.group("said2") or rx.search(r"link|line|button|note", m.group(0), re.I)):
        return None
    q.blank(m.start(), m.end())
    said = (m.group("said") or m.group("said2") or "").strip()
    key = said.casefold()
    return Condition("after", said or "a line", f"followed on the page by: '{said}'" if said else
                     "followed on the page by a line outside the entries",
                     lambda p: (after := p.printed.get("after")) is not None and key in after.text.casefold(),
                     known_test=lambda p: any(s.format == "institute" for s in p.sources))


# A page's printed separators ('Learn more about the researchers' links) as group boundaries: 'the third batch',
# 'the group after the second "Learn more" link (up to the third)'. Only with a batch's noun and an ordinal, so 'the
# second group of experiments' of a paper needs the link or the page said too.
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8}
_ORD = "|".join(_NTH)
_GROUP = r"(?:batch|group|block|cluster|chunk|run)(?:es|s)?"
_SEPARATOR = r"(?:['\"‘“](?P<said>[^'\"’”]{4,80})['\"’”]\s+|learn\s+more(?:\s+about\s+the\s+researchers)?\s+)?" \
             r"(?:links?|lines?|separators?|buttons?)"
# 'the third/last link': the ordinal said again as the end it is, which must agree with the page's separators
_LAST_TOO = r"(?:\s*/\s*(?P<last>last|final))?"
_BATCH_AFTER = re.compile(rf"\b(?:the\s+)?(?:{_GROUP}|papers|entries|ones|titles)\s+(?:(?:right|that\s+come|which\s+come|come|"
                          rf"comes|coming)\s+)?(?:after|following|below)\s+the\s+(?P<n>{_ORD}){_LAST_TOO}\s+"
                          rf"{_SEPARATOR}(?:\s*\(?\s*(?:up\s+to|until|till|before)\s+the\s+(?:{_ORD})(?:\s+one)?\s*\)?)?", re.I)
_BATCH_NTH = re.compile(rf"\b(?:the\s+)?(?P<n>{_ORD})\s+{_GROUP}\b(?:\s+of\s+(?:entries|papers))?", re.I)
# The group said by the two separators around it: 'between the 1st and 2nd "Learn more" links' is group 2; the group
# after one said by its place alone: 'after the third one', once the separator is said ('the page has three "Learn
# more" links. What is the first paper after the third one?') is group 4.
_BETWEEN = re.compile(rf"\(?\s*(?:\b(?:sit|sits|sitting|are|is|come|comes|lie|lies|fall|falls|appear|appears|listed)\s+|"
                      rf"\b(?:in|from|of)\s+the\s+{_GROUP}\s+)?"  # 'in the batch between the 2nd and 3rd links'

                      rf"\b(?:between|from)\s+the\s+(?P<n>{_ORD})\s+(?:and|to|&)\s+(?:the\s+)?(?:{_ORD})\s+"
                      rf"{_SEPARATOR}\s*\)?", re.I)
_AFTER_ONE = re.compile(rf"\b(?:after|following|below|under)\s+the\s+(?P<n>{_ORD})\s+(?:one|{_SEPARATOR})\b", re.I)
# The separators counted where they are introduced ('the post has three "Learn more" links.'): said, not asked.
_COUNTED = rf"\b(?:has|have|had|prints?|shows?|contains?|with)\s+(?:\d+|two|three|four|five|six)\s+{_SEPARATOR}[.,;:]?"


def batch(q: Question, papers: list[Paper]) -> Condition | None:
    """The entries of the n-th group a page's printed separator lines mark off (a group ends with the entry the line
    is printed after); its words are taken. None when no separator is said or no page prints one."""
    m = _BATCH_AFTER.search(q.text) or _BETWEEN.search(q.text)
    if m is None and rx.search(r"learn\s+more|separat", q.original, re.I):  # 'after the third one', the link said
        m = _AFTER_ONE.search(q.text)
    n = _NTH[m.group("n").casefold()] + 1 if m else None
    if m is None:
        m = _BATCH_NTH.search(q.text)
        if m is None or not rx.search(r"learn\s+more|separat", q.original, re.I):  # the separator said, not any link
            return None
        n = _NTH[m.group("n").casefold()]
    said = (m.groupdict().get("said") or "").casefold()
    pages: dict[str, list[tuple[int, Paper]]] = {}
    for p in papers:
        for s in p.sources:
            if s.format != "pdf":
                pages.setdefault(s.path, []).append((s.position, p))
    chosen: set[str] = set()
    for entries in pages.values():
        k, marked = 1, False
        for _, p in sorted(entries, key=lambda e: e[0]):
            if k == n:
                chosen.add(p.paper_id)
            line = p.printed.get("after")
            if line is not None and said in line.text.casefold():
                k, marked = k + 1, True
        if not marked:  # a page printing no such line has no groups
            chosen -= {p.paper_id for _, p in entries}
        elif m.groupdict().get("last") and k != n:  # 'the third/last link' on a page with four: not the last one
            return None
    if not chosen:
        return None
    q.blank(m.start(), m.end())
    q.take(_COUNTED)  # 'the post has three "Learn more" links': how many there are, said before the group is asked
    if m.re is not _BATCH_NTH:  # 'the second block of papers (between the 1st and 2nd links)': the group said twice
        q.take(rf"\b(?:the\s+)?(?:{_ORD})\s+{_GROUP}\b(?:\s+of\s+(?:entries|papers))?")
    else:
        q.take(_BETWEEN.pattern)
    # how the groups are told apart, said with it: 'going by the "Learn more" links', 'before any Learn more link'
    q.take(r"(?:,\s*)?\b(?:going\s+by|judging\s+by|split\s+by|separated\s+by|marked\s+off\s+by|by|before\s+any|"
           r"before\s+the\s+first)\s+(?:the\s+)?['\"‘“]?learn\s+more[\w\s]*?['\"’”]?\s*(?:links?|lines?|buttons?)?(?=\W|$)")
    return Condition("after", f"batch {n}", f"in the page's group {n} (separated by its printed links)",
                     lambda p: p.paper_id in chosen)
