"""A named paper's place in its page's printed order, asked of it (issue 11): 'what position is TokMem on the Amii
page?', 'how far down the trending list is SMORE?', 'where does Cactus sit on the page?', 'what number is it on the
trending list?', "TokMem's position on the Amii page", 'where in the trending list does X appear?'.

Read only when the question says a listing (rag/plan_order.py's `listing_said`: a page, list, feed or profile, or being
listed); a number or a place noun is read only with the listing said after it, so a section's, a parameter's or a
camera's position stays content. The answer is the position field of rag/catalog_fields.py.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog_fields import BY_NAME, Field
from rag.plan_listing import ENTRY
from rag.plan_order_words import ANCHOR, GAP, LIST, listing_said
from rag.plan_terms import Condition, Question
from rag.records import Paper, normalize_title

# A place asked as the number it is given on the listing: 'what number is it on the trending list', "what's X's number
# down the page", 'which number does X have on the profile', 'X is number what on the list'. The listing is said after
# it, so a section's, a table's or a PDF page's number ('what number is that section') is not read.
_NUMBER_ASKED = r"\b(?:what|which)(?:'s|\s+is)?\s+(?:number|no\.|#)(?=(?:\s+(?:is|was|does|did|has)\b)?(?:\s+(?!" \
                r"(?:sections?|subsections?|tables?|figures?|equations?|chapters?|pages?|of)\b)[\w'.:-]+){0,12}?\s+" \
                rf"{ANCHOR})|\bnumber\s+what\b(?=\s+{ANCHOR})|" \
                rf"\b(?:what|which)(?:'s|\s+is)\s+(?:its|their|[\w.-]+'s)\s+number(?=\s+{ANCHOR})"


# A place noun said of the paper with the listing after it: "TokMem's position on the Amii page", 'the spot of X in
# the feed'. ('the place of publication' says no listing.)
_PLACE_OF = r"(?:'s|\bthe|\bits|\btheir)\s+(?:position|place|spot|slot|rank|entry\s+number)\b(?=(?:\s+of)?" \
            rf"(?:\s+[\w'.:-]+){{0,8}}?\s+{ANCHOR})"
_WHERE_VERB = r"\b(?:sits?|sitting|sat|fall|falls|appears?|comes?|shows?\s+up|lands?)\b"


def place_asked(q: Question) -> Field | None:
    """'What position is TokMem on the Amii page?', 'how far down the trending list is SMORE?', 'at which place is X
    listed?': a named paper's place in its page's printed order. Its words are taken; the page's name is left."""
    if not listing_said(q.original):  # the page's name may be taken already: the question as asked says the listing
        return None
    asked = q.take(r"\b(?:in\s+|at\s+)?(?:what|which)\s+(?:position|place|rank|spot|slot|entry\s+number|number(?=\s+"
                   rf"(?:on|in|down)\s+{GAP}{{0,4}}?{LIST}))\b|\bhow\s+(?:far|high|low)\s+(?:down|up)\b|"
                   r"\bhow\s+(?:far|high|low)(?=\s+(?:on|in)\b)")
    # the listing's words may be taken from q.text; a title's own words ('Statistical mechanics of …') are not the frame
    untitled = "".join(" " if any(a <= i < b and kind == "title" for a, b, kind in q.spans) else ch
                       for i, ch in enumerate(q.folded))
    if not asked and (rx.search(_NUMBER_ASKED, untitled, re.I) or rx.search(_NUMBER_ASKED, q.original, re.I)):
        asked = q.take(r"\b(?:what|which)(?:'s|\s+is)?\s+(?:(?:its|their|[\w.-]*'s)\s+)?(?:number|no\.|#)|\bnumber\s+what\b")
        asked = asked or q.take(r"\b(?:what|which)(?:'s|\s+is)\s+(?=\s*'s\s+number\b)|'s\s+number\b")  # 'X's number'
    if not asked:  # 'is X on the trending list? what number?': the place asked as a clause of its own, the listing said
        asked = q.take(r"(?:(?<=[?;:,.!—–])|(?<=\s-)|^)\s*(?:and\s+)?(?:(?:at|in)\s+)?(?:what|which)(?:'s|\s+is)?\s+(?:its\s+)?"
                       r"(?:number|position|place|rank|spot|slot)(?=\s*(?:[?,;.!]|$|and\b))")
    if not asked and rx.search(_PLACE_OF, q.original, re.I):  # "TokMem's position on the Amii page"
        asked = q.take(r"(?:\b(?:what|which)(?:'s|\s+is)\s+)?(?:'s|\bthe|\bits|\btheir)\s+(?:position|place|spot|slot|"
                       r"rank|entry\s+number)(?:\s+of)?\b")
    # 'where does X sit on the page', 'where in the list is X'; also when a place noun asked it again ('where does X
    # sit in the feed (what position)?'): both ask the one place, and words left behind would end the plan
    if rx.search(r"\bwhere\b", q.text, re.I) and rx.search(_WHERE_VERB, q.text, re.I):
        asked = q.take(r"\bwhere\b") + q.take(_WHERE_VERB) + asked
    if not asked and rx.search(rf"\bwhere\s+(?:in|on|down)\s+{GAP}{{0,4}}?{LIST}", q.original, re.I):
        asked = q.take(r"\bwhere\b")
    # "where's 'X' on the trending list? what number?": the paper named (its title taken) between 'where is' and the
    # listing, the place perhaps asked again as a number
    # ("SMORE: where is it on the trending list?": the pronoun stands for the paper named before)
    it = r"\s+(?:it|that|this)(?=\s+(?:on|in|down|along)\s|\s{3,})"  # (the page and its 'on' may be taken already)
    if rx.search(rf"\bwhere(?:'s|\s+is|\s+was)(?:(?=\s{{3,}}(?:(?:on|in|down|along)\s|[?.!,;]|$))|{it})", q.text, re.I) and \
            rx.search(rf"\bwhere\b.*?\s(?:on|in|down|along)\s+{GAP}{{0,4}}?{LIST}", q.original, re.I):
        asked = q.take(rf"\bwhere(?:'s|\s+is|\s+was)(?:(?=\s{{3,}})|{it})") + asked
        q.take(r"\b(?:what|which)(?:'s|\s+is)?\s+(?:(?:its|the)\s+)?(?:number|no\.|#|position|place|spot|rank)\b(?=\W*$)")
    return BY_NAME["position"] if asked else None


def place_elsewhere(badge: Field | None, conditions: list[Condition]) -> bool:
    """A place asked on a named page that does not list the paper ("TokMem's position on the trending list", TokMem an
    Amii entry): the planner has dropped the page conditions the paper meets, so any left name another page. Its
    place is looked up with them (rag/catalog_order.py's place_elsewhere), not checked as 'is it on that page'."""
    return badge is not None and badge.name == "position" and bool(conditions) and \
        all(c.field == "page" and not c.value.startswith("not ") for c in conditions)


def not_yes_no(question: str) -> bool:
    """A question that asks for an entry itself with what / which and a verb of being or being placed, and opens with
    no yes/no verb: 'which is the ARNOLD paper on the trending list?', 'what sits above X?'. When nothing but a named
    paper and its page is read from it, 'Yes, it is on that page' answers a question nobody asked: the planner leaves
    it. ('Whose page lists X?', 'what date does the profile give X?' are answered by the page's line: not these.)"""
    return not rx.match(r"\W*(?:is|was|are|were|does|did|do|has|had|have|can|could|will|would)\b", question, re.I) and \
        bool(rx.search(r"\b(?:what|which)(?:'s|\s+(?:is|was|are|sits?|comes?|lies|appears?|follows?|(?:one|entry|paper)"
                       r"\s+(?:is|was|sits?|comes?)))\b", question, re.I))


def pair_asked(question: str, q: Question, named: Paper, pair: Condition, papers: list[Paper]) -> Paper | None:
    """'Is A listed before B on the Amii page?': of two papers compared by a page's order, the one asked about (said
    first) when the question asks yes or no; None for 'which comes first, A or B'. `named` is the paper read first
    (its title span taken first), the other is the pair's second."""
    if not rx.match(r"\W*(?:is|was|are|were|does|did|do|has|had)\b", question, re.I):
        return None
    spans = [s for s in q.spans if s[2] == "title"]
    other = next((p for p in papers if p.paper_id in pair.value.split("|") and p is not named), None)
    if len(spans) < 2 or other is None:
        return None
    return named if spans[-2][0] < spans[-1][0] else other


# 'what's between A and B on the page', 'the entries sandwiched between A and B': the entries printed between two named
# ones. The listing must be said (a page, list, feed), 'between' must follow a verb of being placed, 'what's' or an
# entry's noun (not 'the difference / gap between A and B'), and both papers must be printed on one page, so 'what lies
# between X's two training stages' or 'which method sits between A and B in accuracy' stays content.
_BETWEEN = r"(?:\b(?:sandwiched|squeezed|wedged|nestled|placed|listed|printed|sitting|sits?|lies?|lying|comes?|falls?|" \
           rf"appears?|what's|whats|what\s+is|what\s+are|is|are|{ENTRY}|anything|everything)\s+)(?:(?:right|directly|just|" \
           r"immediately)\s+)?(?:in\s+)?between\b"
_QUOTED = r"(?<![\w'])['\"‘“](?P<q>[^'\"’”]{6,}?)['\"’”](?!\w)"


def entries_between(q: Question, catalog, named: Paper | None) -> Condition | None:
    """The entries printed between two papers the question names (`named`, its title already cut from `q`, or read
    here: a title, the quoted start of one title, or a description), on a page listing both; None, with nothing cut,
    otherwise."""
    asked = rx.search(_BETWEEN, q.text, re.I)
    if asked is None or not listing_said(q.original):
        return None
    saved = q.text, list(q.spans)
    q.take(r"\b(?:sandwiched|squeezed|wedged|nestled|placed|listed|printed|sitting|sits?|lies?|lying|comes?|falls?|"
           r"appears?)?\s*(?:(?:right|straight|directly|just|immediately)\s+)?(?:in\s+)?between\b")
    first, other = _two_alike(q, catalog.papers)  # 'between the two Forgetting Transformer papers'
    first = first or named or _named(q, catalog)
    other = other or (_named(q, catalog) if first is not None else None)
    pages = {s.path: s.position for s in first.sources if s.format != "pdf"} if first is not None else {}
    shared = [(s.path, *sorted((pages[s.path], s.position))) for s in (other.sources if other else [])
              if s.path in pages and s.format != "pdf"]
    if other is None or other is first or not shared:
        q.text, q.spans = saved
        return None
    q.take(r"\band\b")
    q.take(r"\bfeeds?\b(?![\w-])")  # 'the trending feed' is its page: the page's name stays for its own reader
    path, low, high = shared[0]
    inside = {p.paper_id for p in catalog.papers for s in p.sources if s.path == path and low < s.position < high}
    span = f"entries {low + 2}-{high}" if high - low > 2 else f"entry {high}" if high - low == 2 else "next to each other"
    label = f"place: between {first.title[:40]} and {other.title[:40]} ({span})"
    return Condition("position", f"between {low + 1} {high + 1}", label, lambda p: p.paper_id in inside)


_TWO = re.compile(r"\bthe\s+(?:two|2|pair\s+of)\s+(?P<w>[^?.,;:()]{3,60}?)\s+(?:papers|entries|ones|titles|preprints)\b", re.I)


def _two_alike(q: Question, papers: list[Paper]) -> tuple[Paper | None, Paper | None]:
    """'the two Forgetting Transformer papers': the two entries of one page whose titles hold the words said (a title
    reader may have read the words as one of them: they are read from the question as asked); (None, None) unless
    exactly two entries of one page hold them. Their words are cut from `q`."""
    m = _TWO.search(q.folded)
    said = normalize_title(m["w"]) if m else ""
    pages: dict[str, list[Paper]] = {}
    for p in papers if said else []:
        if said in normalize_title(p.title):
            for s in p.sources:
                if s.format != "pdf":
                    pages.setdefault(s.path, []).append(p)
    pairs = [found for found in pages.values() if len(found) == 2]
    if len(pairs) != 1:
        return None, None
    q.blank(m.start(), m.end())
    return pairs[0][0], pairs[0][1]


def _named(q: Question, catalog) -> Paper | None:
    """One paper the question names: by its title (rag/plan_values.py), the quoted start of exactly one printed title
    ("'Chat with the Environment'"), or a description that fits one paper. Its words are cut from `q`."""
    from rag.plan_describe import description, resolve  # plan_describe reads with the planner's readers: import late
    from rag.plan_values import title

    found = title(q, catalog)
    if found is not None:
        return found
    for m in rx.finditer(_QUOTED, q.text):
        said = rx.sub(r"\s*(?:\.{2,}|…)$", "", " ".join(m.group("q").split()).casefold())  # 'Option-aware …...': cut short
        starts = [p for p in catalog.papers if " ".join(p.title.split()).casefold().startswith(said)]
        if len(starts) == 1:
            q.blank(m.start(), m.end())
            return starts[0]
    saved = q.text, list(q.spans)
    words = description(q)
    found = resolve(words, catalog.papers).paper if words else None
    if found is not None:
        return found
    q.text, q.spans = saved  # 'amii iclr page: … the X one': the page's name read as a description fits no paper
    # 'the graphene silicon-dopant STEM one': a description whose noun is 'one', which rag/plan_describe.py leaves; 'the
    # one-hot GLM brain-state paper' when the description reader took the page's name ('the trending page') first
    for m in rx.finditer(r"\bthe\s+(?P<d>[\w'-]+(?:\s+[\w'-]+){0,5}?)\s+(?:one|paper|entry|preprint)\b", q.text, re.I):
        words = Question(m.group("d")).residual()
        found = resolve(words, catalog.papers).paper if words else None
        if found is not None:
            q.blank(m.start(), m.end())
            return found
    return None


# 'the entry right after the graphene STEM one', "what's listed just above the hopfield one on the page": the entry
# printed next to a paper named by a description only (one named by its title is rag/plan_relations.py's). 'After'
# must follow an entry's noun or a verb of being placed ('posted after X' is a date), the description must come after
# it ('in the RLHF paper, who is printed right after Noukhovitch' asks of an author list), and the listing must be said.
_BESIDE = rf"\b(?:{ENTRY}|what's|whats|what\s+is|listed|printed|placed|comes?|sits?|appears?|follows?)\s+" \
          r"(?:(?:right|straight|directly|just|immediately)\s+)?(?P<w>after|below|beneath|following|before|above|preceding)\b" \
          r"(?!\s+(?:the\s+)?(?:first|last|top|bottom|final|\d|other)\b)"


def entry_beside(q: Question, catalog) -> Condition | None:
    """The entry printed right after (below) or before (above) a described paper, on the page listing it; None, with
    nothing cut, otherwise."""
    asked = rx.search(_BESIDE, q.text, re.I)
    if asked is None or not listing_said(q.original):
        return None
    saved = q.text, list(q.spans)
    # the verb of being placed goes with the place: 'what sits right below X', 'which appears just above X'
    q.take(r"\b(?:sits?|sitting|appears?|appearing|shows?\s+up|lands?)\s+(?=(?:(?:right|straight|directly|just|immediately)\s+)?"
           r"(?:after|below|beneath|following|before|above|preceding)\b)")
    q.take(r"\b(?:right|straight|directly|just|immediately)\s+(?=(?:after|below|beneath|following|before|above|preceding)\b)")
    q.take(r"\b(?:after|below|beneath|following|before|above|preceding)\b")
    before = q.text
    anchor = _named(q, catalog)
    cut = max((i for i, (a, b) in enumerate(zip(before, q.text)) if a != b), default=-1)  # where the description ends
    step = -1 if asked.group("w").casefold() in ("before", "above", "preceding") else 1
    places = [(s.path, s.position + step) for s in (anchor.sources if anchor else []) if s.format != "pdf"]
    if anchor is None or not places or cut < asked.end("w"):
        q.text, q.spans = saved
        return None
    q.take(r"\bfeeds?\b(?![\w-])")
    path, place = places[0]
    ids = {p.paper_id for p in catalog.papers for s in p.sources if s.path == path and s.position == place}
    said = "right after" if step == 1 else "right before"
    return Condition("position", f"{said} {place}", f"place: {said} {anchor.title[:50]} (entry {place + 1})",
                     lambda p: p.paper_id in ids)
