"""A named paper as the anchor of a condition on the others: 'papers posted after TokMem', 'in the same month as
HoME', 'the other papers by the authors of TokMem', 'papers that share an author with ReSeg'.

The relation is read from the words right around the title (rag/plan_values.title recorded where it was named):
a comparison before it, or 'authors' on either side of it. The words are blanked like any grounded value, the
paper stops being the question's subject, and the question becomes a list (or count, or sort) over the papers
related to it. Dates are compared to the precision both papers print: a paper known only to its month is not
said to be before one of the same month.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from rag import rx
from rag.catalog import organisation_variants, short_name
from rag.organisations import organisation_names
from rag.plan_terms import NUMBER_WORDS, Condition, Question, dated_year
from rag.records import Paper, normalize_title

_DATE = re.compile(r"\b(?:(just|right|immediately|directly|shortly)\s+)?(before|after|earlier\s+than|later\s+than|newer\s+than|"
                   r"older\s+than|prior\s+to|since|more\s+recent\s+than)\s+(?:the\s+)?$|\b(?:in\s+|from\s+|on\s+)?the\s+same\s+(month|year|day|date)\s+as\s+"
                   r"(?:the\s+)?$", re.I)
# A place in a page's printed order next to the named paper: 'sits directly above X', 'listed right after X', 'the
# entry just before X', 'next to X'. 'above', 'below' and 'next to' are always places; 'before' and 'after' only with
# a listing verb or 'directly / right / immediately / just' ('posted after X' is a date: _DATE).
_PLACED = r"(?:listed|placed|printed|shown|sits?|sitting|comes?|coming|appears?|appearing|is|are|was|were|stands?|entry|" \
          r"entries|one|paper|papers)"
_BESIDE = r"(?:listed|placed|sits?|sitting|entry|entries|one|ones|paper|papers|titles?)"  # not 'the score shown next to X'
# The named paper's own place said again before its title: 'directly above the very last paper (X)', 'right after the
# first entry, X': the title decides which paper; the place words are its description, not another condition.
_RESTATED = r"(?:(?:very\s+)?(?:last|first|final|top|bottom|\d{1,3}(?:st|nd|rd|th))\s+(?:paper|entry|one|title|item)\s*[(,:–—-]?\s*)?"
_NEIGHBOUR = re.compile(rf"\b(?:{_PLACED}\s+)?(?:(directly|right|straight|immediately|just)\s+)?(above|below|beneath)\s+(?:the\s+)?"
                        rf"{_RESTATED}(?:entry\s+|paper\s+)?(?:for\s+)?$|"
                        rf"\b{_BESIDE}\s+(?:(directly|right|straight|immediately|just)\s+)?(next\s+to|beside|adjacent\s+to|around)\s+"
                        rf"(?:the\s+)?(?:entry\s+|paper\s+)?(?:for\s+)?$|"
                        rf"\b(?:{_PLACED}\s+)(?:(directly|right|straight|immediately|just)\s+)?(before|after|ahead\s+of|behind|"
                        rf"preceding|following)\s+(?:the\s+)?{_RESTATED}(?:entry\s+|paper\s+)?(?:for\s+)?$|"
                        rf"\b(?:(directly|right|straight|immediately|just)\s+)(before|after|ahead\s+of|behind|preceding|following)\s+"
                        rf"(?:the\s+)?{_RESTATED}$|"
                        rf"\b(?:(directly|right|straight|immediately|just)\s+)?(follows?|precedes?|(?:is|was)\s+followed\s+by|"
                        rf"(?:is|was)\s+preceded\s+by)\s+(?:the\s+)?$|"
                        rf"\b(?:the\s+)?(?:(direct|immediate)\s+)?(neighbou?rs?|neighbou?ring\s+(?:entries|papers))\s+of\s+"
                        rf"(?:the\s+)?$", re.I)
# 'posted just before X', 'came out right after X': a time, not a place (_DATE)
_WHEN = re.compile(r"\b(?:posted|published|released|dated|uploaded|submitted|written|(?:came|come|comes|went|go|goes)\s+"
                   r"(?:out|up|online)|appeared|arrived)\s*$", re.I)
_SAME_DAY_AFTER = re.compile(r"^\s+(?:was|is|got|were)?\s*(?:posted|published|released|dated|uploaded|put\s+up|listed|went\s+(?:up|online|out)|"
                             r"(?:came|come|comes)\s+out|appeared)\s+"
                             r"(?:on\s+)?the\s+same\s+(?:day|date)\s+as\s+(?:an?|one|some)?\s*(?:other|another)\s+"
                             r"(?:entry|paper|one|item|work)\b", re.I)
_AUTHORS_BEFORE = re.compile(r"\b(?:(?:the|its|their)\s+)?(?:authors?|co-?authors?|team|people|researchers)\s+"
                             r"(?:of|behind|on)\s+(?:the\s+)?$|\bshares?\s+(?:an?\s+|any\s+)?(?:co-?)?authors?\s+"
                             r"with\s+(?:the\s+)?$|\bsharing\s+(?:an?\s+|any\s+)?(?:co-?)?authors?\s+with\s+(?:the\s+)?$",
                             re.I)
_ORG = r"(?:at\s+least\s+one\s+|an?\s+|any\s+|one\s+)?(?:institutions?|organi[sz]ations?|affiliations?|universit(?:y|ies)|" \
       r"labs?|compan(?:y|ies))"
_ORGANISATION_BEFORE = re.compile(rf"\b(?:shar(?:e|es|ing)\s+{_ORG}|ha(?:ve|s|ving)\s+{_ORG}\s+in\s+common)\s+with\s+"
                                  r"(?:the\s+)?$", re.I)
_AUTHORS_AFTER = re.compile(r"^(?:'s)?\s+(?:paper\s+)?(?:authors|co-?authors|team|people|researchers)\b", re.I)


def relation(q: Question, target: Paper, question: str, papers: list[Paper] | None = None) -> Condition | None:
    """The condition the named paper anchors, its words blanked; None when the title stands alone. With the library's
    `papers`, 'posted just before X' is the nearest earlier date only."""
    spans = [(a, b) for a, b, kind in q.spans if kind == "title"]
    if not spans:
        return None
    start, end = spans[0]
    before, after = q.folded[:start], q.folded[end:]
    before = rx.sub(r"['\"‘“]\s*$", "", before)  # "listed right after 'Hopfield Networks…'": the quote opens the title
    # 'right after the algorithmic reasoning paper (Teaching …)': a description before the bracketed title, already
    # blanked as the title said again, is no part of the relation; the words before it are
    if (said := rx.search(r"[\s(\[]*$", q.text[:start])) and rx.search(r"[(\[]\s*$", before):
        before = before[:said.start()] + " "
    own = _own_value(before, target)  # 'just before the game-theory "Why Open Source?" paper': its category said again
    if own is not None:
        before = before[:own] + " " * (len(before) - own)
    if (m := _NEIGHBOUR.search(before.rstrip() + " ")) and not _WHEN.search(before[:m.start()]) and _listing_said(m, question):
        q.blank(m.start(), m.end())  # 'listed right after Cactus'
        if own is not None:
            q.blank(own, start)
        return _neighbour(target, m, question)
    if m := _SAME_DAY_AFTER.match(after):  # 'X was posted on the same day as another entry': the papers of its day
        q.blank(end + m.start(), end + m.end())
        return _dated(target, "", "day")
    if m := _DATE.search(before):
        q.blank(m.start(), m.end())
        word = " ".join((m.group(2) or "").casefold().split())  # as _EARLIER spells it: 'earlier  than' too
        dated = _dated(target, word, (m.group(3) or "").casefold())
        return _nearest(dated, word, papers) if m.group(1) and papers else dated
    if m := _ORGANISATION_BEFORE.search(before):  # 'PDFs that share an institution with LayoutParser'
        q.blank(m.start(), m.end())
        return _same_organisation(target)
    # Only a question for papers: 'who is the first author of TokMem?' and 'which organisations are the SPECTER
    # authors from?' ask about the paper's own authors.
    for_papers = rx.search(r"\b(?:papers?|works?|publications?|articles?|preprints?|else|anything)\b", question, re.I) \
        and not rx.search(r"\b(?:first|last|lead|leading|senior|final|corresponding)\s+authors?\b", question, re.I)
    m = _AUTHORS_BEFORE.search(before) if for_papers else None
    n = _AUTHORS_AFTER.search(after) if for_papers else None
    if m or n:
        if m:
            q.blank(m.start(), m.end())
        else:
            q.blank(end + n.start(), end + n.end())
        others = bool(rx.search(r"\b(?:other|else|besides)\b", question, re.I)) or bool(
            m and m.group(0).casefold().startswith("shar"))
        return _coauthored(target, others)
    return None


def _own_value(before: str, target: Paper) -> int | None:
    """Where a modifier starts that says the named paper's own category (its code or words of its arXiv name) or tag
    just before its title ('the game-theory ', 'the GT ', 'the mila '), so the relation before it is read; None when
    no such modifier ends `before`."""
    name = (target.category_name or "").casefold().split()
    own = {(target.category or "").casefold(), (target.organisation or "").casefold()} - {""}
    for words in (1, 2):  # 'mila', 'game-theory', 'game theory'
        m = rx.search(rf"(?<![\w-])([a-z][a-z-]*(?:\s+[a-z][a-z-]*){{{words - 1}}})\s*$", before, re.I)
        if m is None:
            return None
        said = m.group(1).replace("-", " ").casefold().split()
        if " ".join(said) in own or (name and all(w in name for w in said) and not set(said) <= {"and", "of", "science"}):
            return m.start(1)
    return None


# Words that say a page's printed order is meant: a listing verb, the page or list, an entry.
_LISTING = re.compile(r"\b(?:listed|placed|printed|shown|sits?|sitting|page|pages|list|listing|profile|section|"
                      r"trending|entry|entries|papers?|ones?|titles?|neighbou?r\w*)\b", re.I)


def _listing_said(m: re.Match, question: str) -> bool:
    """A place word reads as a neighbour in a page's order only where that order is said. 'Behind' and 'ahead of'
    after a bare 'is' say who is responsible ('who is behind X'), and a who-question asks for people, never for an
    entry beside X: both need a listing, a page or an entry word in the question."""
    word = next((g for g in reversed(m.groups()) if g), "").casefold()
    loose = word in ("behind", "ahead of") or rx.match(r"\W*who(?:'s|m|se)?\b", question, re.I)
    return not loose or bool(_LISTING.search(question))


def _neighbour(target: Paper, m: re.Match, question: str) -> Condition:
    """The papers printed next to the target on a page both are on: one place up ('above', 'before') or down
    ('below', 'after'), or either ('next to'). Without 'directly' and the like, a question for several papers ('which
    papers are listed above X') means every earlier (or later) one of that page."""
    groups = [g for g in m.groups() if g]
    word = groups[-1].casefold()
    # One place unless several papers are asked for ('which papers are listed above X': every earlier one)
    close = len(groups) > 1 or not rx.search(r"\b(?:papers|entries|ones|titles|works|all|every|everything)\b", question, re.I)
    step = -1 if rx.match(r"above|before|ahead|preceding|precedes?\b|(?:is|was)\s+followed", word) else 1 if rx.match(
        r"below|beneath|after|behind|following|follows?\b|(?:is|was)\s+preceded", word) else 0
    where = {s.path: s.position for s in target.sources if s.format != "pdf"}

    def test(p: Paper) -> bool:
        if p.paper_id == target.paper_id:
            return False
        for s in p.sources:
            if s.path not in where:
                continue
            gap = s.position - where[s.path]
            if (gap == step if step and close else gap * step > 0 if step else abs(gap) == 1):
                return True
        return False

    side = {-1: "above", 1: "below", 0: "next to"}[step]
    name = short_name(target.title) or target.title
    return Condition("position", f"{side} {target.paper_id}", f"listed: {'directly ' if close and step else ''}{side} {name}",
                     test, known_test=lambda p: any(s.path in where for s in p.sources))


def _coauthored(target: Paper, others: bool) -> Condition:
    names = {normalize_title(a) for a in target.author_names}
    label = f"author: an author of {short_name(target.title) or target.title}" + (", other papers" if others else "")
    return Condition("author", f"authors of {target.paper_id}", label,
                     lambda p: bool(names & {normalize_title(a) for a in p.author_names})
                     and not (others and p.paper_id == target.paper_id))


def _same_organisation(target: Paper) -> Condition:
    """Another paper printing one of the target's organisations, in any of its spellings ('Allen Institute for AI' is
    'Allen Institute for Artificial Intelligence')."""
    def spellings(p: Paper) -> set[str]:
        return {v for name in organisation_names(p) for v in organisation_variants(name)}

    anchor = spellings(target)
    label = f"organisation: one of {short_name(target.title) or target.title}'s, other papers"
    return Condition("organisation", f"organisations of {target.paper_id}", label,
                     lambda p: p.paper_id != target.paper_id and bool(anchor & spellings(p)),
                     known_test=lambda p: bool(p.organisations or p.organisation))


# The comparisons _DATE reads that point back in time; every other one ('after', 'since', 'more recent than') forward.
_EARLIER = ("before", "earlier than", "older than", "prior to")


def _nearest(dated: Condition, word: str, papers: list[Paper]) -> Condition:
    """'posted just before X', 'right after X': of the papers the date condition keeps, those of the nearest date
    (every one of that date when several share it)."""
    kept = [p for p in papers if dated(p)]
    if not kept:
        return dated
    later = word not in _EARLIER
    nearest = (min if later else max)(p.date for p in kept)
    ids = {p.paper_id for p in kept if p.date == nearest}
    return Condition("date", f"just {dated.value}", dated.label.replace("posted: ", "posted: just ", 1),
                     lambda p: p.paper_id in ids, known_test=dated.known)


def _dated(target: Paper, word: str, same: str) -> Condition:
    anchor = target.date if dated_year(target) else None

    def test(p: Paper) -> bool:
        if not anchor or not p.date or dated_year(p) is None or p.paper_id == target.paper_id:
            return False
        if same:
            width = {"month": 7, "year": 4}.get(same, 10)  # a day (or 'date'): printed to the day by both
            return len(p.date) >= width and len(anchor) >= width and p.date[:width] == anchor[:width]
        n = min(len(p.date), len(anchor))
        earlier = word in _EARLIER
        return p.date[:n] < anchor[:n] if earlier else p.date[:n] > anchor[:n] or (word == "since" and
                                                                                  p.date[:n] == anchor[:n])

    when = f"the same {'day' if same == 'date' else same} as" if same else word
    name = short_name(target.title) or target.title
    return Condition("date", f"{word or same} {target.paper_id}",
                     f"posted: {when} {name} ({anchor or 'which the page does not date'})", test)


# 'the same day', 'the exact / very same day', 'an identical date', 'the same calendar day': one printed day
_SAME = r"(?:the\s+(?:(?:exact|very|identical)\s+)?same|an?\s+identical|identical)\s+(?:calendar\s+)?"
_SAME_DAY = re.compile(r"\b(?:shar(?:e|es|ing)|ha(?:ve|s)\s+(?:the\s+(?:(?:exact|very)\s+)?same|a\s+common|an?\s+identical|"
                       r"identical))\s+(?:an?\s+|one\s+|the\s+(?:(?:exact|very)\s+)?same\s+|their\s+)?(?:calendar\s+)?"
                       r"(?:posting\s+|publication\s+|release\s+)?(?:date|day)\b|"
                       r"\b(?:posted|published|released|dated|appeared|uploaded|(?:came|come)\s+out|went\s+(?:up|online))\s+"
                       rf"on\s+{_SAME}(?:day|date)\b", re.I)


def same_day(q: Question, papers: list[Paper]) -> Condition | None:
    """'Which papers share a posting date?', 'posted on the same day': a paper whose printed day another paper of
    the library prints too. The other paper is any in the library, not only those meeting the question's other
    conditions (a condition sees one paper at a time), so 'two profile papers share a date in late October' holds
    for a profile paper whose twin is on another page as well; the answer lists both when both are asked for."""
    if not q.take(_SAME_DAY.pattern):
        return None
    days: dict[str, int] = {}
    for p in papers:
        if p.date and p.date_precision == "day":
            days[p.date] = days.get(p.date, 0) + 1
    return Condition("date", "shared day", "posted: on a day another paper shares",
                     lambda p: bool(p.date) and p.date_precision == "day" and days.get(p.date, 0) > 1)


# The number words the planner reads everywhere (plan_terms.NUMBER_WORDS, 'single' and 'sole' among them), not zero:
# 'zero days after X' is no offset. 'the'/'a'/'an' are one day or week; 'fourteen' is a fortnight.
_COUNTS = {"the": 1, "a": 1, "an": 1, "fourteen": 14} | {w: n for w, n in NUMBER_WORDS.items() if n}
# 'the day after X', 'two days before X', 'a week after X went up': a date a number of days from the paper's.
_OFFSET = re.compile(rf"\b(?:(?:exactly|just)\s+)?({'|'.join(_COUNTS)}|\d{{1,3}})\s+(days?|weeks?)\s+(after|before|later\s+than|"
                     r"earlier\s+than|prior\s+to|following|ahead\s+of)\b", re.I)


def day_offset(q: Question) -> int | None:
    """The days 'the day after' (+1), 'two days before' (-2), 'a week after' (+7) say, the phrase taken; None."""
    m = _OFFSET.search(q.text)
    if m is None:
        return None
    word = m.group(1).casefold()
    n = int(word) if word.isdigit() else _COUNTS[word]  # the pattern admits only _COUNTS' words and digits
    n *= 7 if m.group(2).casefold().startswith("week") else 1
    q.blank(m.start(), m.end())
    return -n if rx.match(r"before|earlier|prior|ahead", m.group(3), re.I) else n


def days_from(target: Paper, days: int) -> Condition:
    """Papers dated exactly `days` from the target's printed day; only dates printed to the day compare."""
    anchor = date.fromisoformat(target.date) + timedelta(days=days) \
        if target.date and target.date_precision == "day" else None
    day = anchor.isoformat() if anchor else None
    name = short_name(target.title) or target.title
    said = f"{abs(days)} day{'s' if abs(days) != 1 else ''} {'after' if days > 0 else 'before'} {name}"
    on = f"on {anchor.strftime('%b')} {anchor.day}, {anchor.year}" if anchor else "the page does not date it to the day"
    return Condition("date", f"{days:+d} days {target.paper_id}", f"posted: {said} ({on})",
                     lambda p: day is not None and p.date == day and p.date_precision == "day")
