"""How the planner combines what a question names: negated and included spans, 'or' between values,
sorts by the length of the author list, and counts per value ('which category has the most papers').

All of it is grammar over the question's frame ("not", "excluding", "including", "or", "the most"),
never a list of topics: a span is only treated as metadata when every word in it is grounded or frame
(rag/planner.py checks), so "not just vision" in a content question stays a content question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag import rx
from rag.plan_aggregates import author_place, frequency, same_list
from rag.plan_alternatives import together
from rag.plan_pooled import pooled
from rag.plan_position import PLACE_WORDS
from rag.plan_terms import NUMBER_WORDS, Condition, Question
from rag.plan_values import conditions as named_conditions

# A cue and the values it governs: the shortest run of words after it that names grounded values, extended
# over 'or'/'nor' ('not in CL or CV'); never past punctuation or a new clause.
_NEGATION = r"\b(?:(?:not|without)\s+(?:counting|including|incl\.)(?!\w)|(?:do|does|did|is|are|was|were|has|have|had)n[o']?t|not|no|never|neither|nor|without|lacking|lack|lacks|missing|excluding|exclude|except(?:\s+for)?|" \
            r"other\s+than|apart\s+from|aside\s+from|besides|outside(?:\s+of)?|rather\s+than|as\s+opposed\s+to|" \
            r"instead\s+of|(?:if\s+(?:you|we)\s+)?(?:leav(?:e|es|ing)|left|keep(?:ing)?|kept)\s+out|omit(?:s|ting|ted)?|disregard(?:ing)?|" \
            r"set(?:ting)?\s+aside|skip(?:s|p?ing|p?ed)?|minus)\b|\bnon-(?=\w)"  # '(skip the trending feed)': leave it out
# 'counting the workshop one' widens the set as 'including' does; 'counting only X' narrows it and is not read here;
# 'not counting X' leaves X out (_NEGATION).
_INCLUSION = r"\bincl\.(?!\w)|\b(?:including|as\s+well\s+as|plus|along\s+with|together\s+with|(?<!not\s)(?<!without\s)(?:also\s+)?counting(?!\s+(?:only|just|both)\b))\b"
_BOUNDARY = r"[?,;:!]|\.(?!\w)|\b(?:but|that|which|who|whose|where|when)\b"  # 'cs.LG' is one word
_JOINERS = {"or", "nor", "either", "neither"}
# An ordinal counting on past what a cue sets aside ('a second institution besides AI2', 'a third author apart from X')
# says 'another': the set aside comes first, so the count is not a place in any list.
_ONE_MORE = r"\b(?:second|third|further|additional)\b(?=\s+[\w-]+\s+(?:except|excluding|other\s+than|apart\s+from|" \
            r"aside\s+from|besides|beyond)\b)"
_ASIDE = r"except|excluding|exclude|other\s+than|apart\s+from|aside\s+from|besides|outside(?:\s+of)?"  # 'outside CL and LG': neither
_FIELD_NOUNS = {"tag", "tags", "label", "labels", "mark", "marks", "list", "lists", "author", "authors", "co-author",
                "co-authors", "coauthors", "paper", "papers", "one", "ones", "entries", "category", "categories", "date",
                "dates", "section", "page", "listed", "given", "printed", "shown", "link", "links", "badge", "badges", "repository", "repositories", "available", "released"}

# Fields a paper has one value of: two values named for one of them mean either ('CL and CV papers').
_SINGLE_VALUED = {"category", "organisation", "section", "venue", "page"}

Extract = Callable[[Question], list[Condition]]


def scoped(q: Question, extract: Extract) -> list[tuple[str, list[Condition]]]:
    """('not' | 'also', conditions) for each negation or inclusion cue followed by grounded values; the cue and
    those values are cut from the question. A cue followed by anything else ('not just vision') is left alone."""
    found = []
    q.take(_ONE_MORE)  # 'a second institution besides AI2': the other one, as 'another' is
    for kind, cue in (("not", _NEGATION), ("also", _INCLUSION)):
        while True:
            hit = _first_grounded(q, cue, extract)
            if hit is None:
                break
            start, end, conditions = hit
            q.blank(start, end)
            found.append((kind, conditions))
    # '(workshop paper excluded)', '(workshop one left out)': the cue after its values leaves them out
    for m in list(rx.finditer(r"\b((?:[\w.-]+\s+){1,3}?)(?:(?:papers?|ones?|entry|entries)\s+)?(?P<cue>included|counted|"
                              r"excluded|omitted|left\s+out|not\s+counted|set\s+aside)\b|"
                              r"(?<=\()\s*((?:[\w.-]+\s+){1,3}?)(?:(?:papers?|ones?|entry|entries)\s+)?(?:too|as\s+well)(?=\s*\))",
                              q.text, re.I)):  # '(workshop included)', '(workshop one too)': the cue after its values
        said = 1 if m.group(1) is not None else 3
        kind = "not" if m["cue"] and m["cue"].casefold().split()[0] in ("excluded", "omitted", "left", "not", "set") else "also"
        for start in (m.start(said) + w.start() for w in rx.finditer(r"\S+", m.group(said))):
            sub = Question(q.text[start:m.start(said) + len(m.group(said))])
            conditions = extract(sub)
            if conditions and not sub.residual():
                q.blank(start, m.end())
                found.append((kind, conditions))
                break
    return found


def _first_grounded(q: Question, cue: str, extract: Extract) -> tuple[int, int, list[Condition]] | None:
    for m in rx.finditer(cue, q.text, re.I):
        if cue == _NEGATION and rx.search(rf"{_INCLUSION}(?:(?!{_BOUNDARY}|[()]).)*$", q.text[:m.start()], re.I):
            continue  # 'including ones with no year shown': what the inclusion adds, not a negation of the rest
        if cue == _NEGATION and rx.match(rf"\s*(?:been\s+|being\s+)?(?:as\s+)?(?:the\s+|listed\s+|named\s+|placed\s+|printed\s+)?"
                                         rf"(?:{PLACE_WORDS})(?:[\s-]+(?:author|auhtor|athor|autor|name|listed|one)\b|(?=\s*(?:[?.,;!)]|$)))",
                                         q.text[m.end():], re.I):
            continue  # 'not the last author', 'but NOT as first author', '… but not first': a place, read with its person
            # (rag/plan_marks.author_position)
        if cue == _NEGATION and rx.match(r"\s*[)\]]", q.text[m.end():]):
            continue  # '(workshop one left out)': the cue closes its bracket, its values said before it (read in scoped)
        if m.group(0).casefold() in ("no", "not") and rx.match(r"\s+(?:more|fewer|less)\s+than\b", q.text[m.end():], re.I):
            continue  # 'no more than four authors' is at most four, read by the count's own grammar: negated, it
            # would also keep every list cut with 'et al.', whose count is not known
        rest = q.text[m.end():]
        stop = rx.search(_BOUNDARY, rest, re.I)
        words = list(rx.finditer(r"\S+", rest[: stop.start()] if stop else rest))
        if m.group(0).casefold() == "non-":
            words = words[:1]
        best: tuple[int, list[Condition]] | None = None
        # 'apart from LG and CV': after a cue that sets values aside, 'and' lists more of them
        joiners = _JOINERS | {"and"} if rx.match(_ASIDE, m.group(0), re.I) else _JOINERS
        for k in range(1, len(words) + 1):
            if best is not None and words[best[0]].group(0).casefold() not in joiners and \
                    not words[best[0]].group(0).startswith("("):
                break  # past the first values: only 'or'/'nor' carries the cue further, or the values restated in
                # brackets ('not machine learning (cs.LG) papers')
            sub = Question(rest[: words[k - 1].end()])
            conditions = extract(sub)
            restated = best is not None and words[k - 1].group(0).startswith("(") and len(conditions) == len(best[1])
            # 'not from 2022 or 2023': the values after 'or' read into the same condition ('year: 2022 or 2023')
            grown = best is not None and k >= 2 and words[k - 2].group(0).casefold() in joiners and \
                len(conditions) == len(best[1]) and [c.label for c in conditions] != [c.label for c in best[1]]
            if conditions and not sub.residual() and (best is None or len(conditions) > len(best[1]) or restated or grown):
                best = (k, conditions)
        if best is not None:
            best = _longest(rest, words, best, extract)  # 'other than the Allen Institute for AI': the whole name
            k = best[0]  # 'no organisation tag', 'not workshop papers': the field's own nouns go with the value
            while k < len(words) and words[k].group(0).casefold().strip("?.,!") in _FIELD_NOUNS:
                k += 1
            return m.start(), m.end() + words[k - 1].end(), best[1]
    return None


def merge(conditions: list[Condition], question: str) -> list[Condition]:
    """Values of one single-valued field become one 'either' condition; two authors are both asked for
    ('papers by A and B') unless the question joins them with 'or'."""
    out: list[Condition] = []
    either_authors = _or_between([c for c in conditions if c.field == "author"], question) and \
        not rx.search(r"\btogether\b|\bjointly\b|\bboth\b", question, re.I)
    # 'on the trending page and also on the profile': a paper can be on two pages, so both are asked for.
    # 'counting both Amii's page and Courville's list': one pooled scope, either page (rag/plan_pooled.py)
    both_pages = bool(rx.search(r"\balso\b|\bboth\b|\bas well\b", question, re.I)) and not pooled(question)
    # 'authors from both AI2 and UW': a PDF prints several organisations, so both are asked for; 'both a Code badge
    # and a lab tag (mila/deepmind/mit)': the 'both' joins the badge and the tag, the tags are alternatives.
    both_organisations = together([c for c in conditions if c.field == "organisation" and not c.value.startswith("not ")],
                                  question)
    groups: dict[str, list[Condition]] = {}
    for c in conditions:
        if c.value.startswith("not ") or (c.field == "page" and both_pages):
            out.append(c)
        elif (c.field in _SINGLE_VALUED and not (c.field == "organisation" and both_organisations)) or \
                (c.field == "author" and either_authors):
            groups.setdefault(c.field, []).append(c)
        else:
            out.append(c)
    return [Condition.any_of(group) for group in groups.values()] + out


def _longest(rest: str, words: list[re.Match], best: tuple[int, list[Condition]],
             extract: Extract) -> tuple[int, list[Condition]]:
    """The values read further when up to three more words make the same values longer ('the Allen Institute' ->
    'the Allen Institute for AI': a name whose head is itself a name the catalog holds)."""
    k, found = best
    for more in range(k + 1, min(k + 3, len(words)) + 1):
        sub = Question(rest[: words[more - 1].end()])
        conditions = extract(sub)
        if conditions and not sub.residual() and len(conditions) == len(found) and \
                [c.field for c in conditions] == [c.field for c in found] and \
                sum(len(c.value) for c in conditions) > sum(len(c.value) for c in found):
            k, found = more, conditions
    return k, found


def widen(conditions: list[Condition], wider: list[Condition]) -> list[Condition]:
    """An included value joins the condition on its own field as one more value it may take ('CL on Courville's page
    plus any PDF stamped cs.CL': Courville's page or a PDF); with no condition on its field, nothing is narrowed and
    the value adds nothing ('including workshop papers')."""
    out = list(conditions)
    for extra in wider:
        at = next((i for i, c in enumerate(out) if c.field == extra.field and not c.value.startswith("not ")), None)
        if at is not None:
            out[at] = Condition.any_of([out[at], extra])
    return out


def _or_between(people: list[Condition], question: str) -> bool:
    """'or' / 'either' joins the people named: said between the first and the last of their surnames when each is
    found in the question ('by A or B'; not '… with B, and is that the full list or is it cut off?'), anywhere
    otherwise."""
    said = question.casefold()
    at = [said.find(c.value.removeprefix("not ").split()[-1].casefold()) for c in people if c.value.split()]
    if len(at) < 2 or min(at) < 0:
        return bool(rx.search(r"\bor\b|\beither\b", question, re.I))
    between, before = question[min(at):max(at)], question[:max(at)]
    return bool(rx.search(r"\bor\b", between, re.I) or rx.search(r"\beither\b", before, re.I))


def sort_by_authors(q: Question) -> str | None:
    """'the longest author list', 'the most authors', 'the fewest co-authors': 'last' (most) or 'first' (fewest);
    'the average / median number of authors': 'mean' or 'median' of the list lengths."""
    if m := q.take(r"\b(average|mean|median|typical)\s+(?:(?:number|list\s+length|count)\s+of\s+)?(?:co-?)?"
                   r"(?:authors?(?:\s+(?:lists?|count))?|team\s+size)(?:\s+(?:per|of\s+(?:an?|each))\s+(?:paper|entry))?\b|"
                   r"\b(?:how\s+many\s+(?:co-?)?authors|authors?\s+per\s+(?:paper|entry))\b(?=.*\b(?:average|mean|median|typical)\b)"):
        q.take(r"\b(?:on\s+)?average\b|\bmean\b|\bmedian\b|\btypical\b")
        return "median" if "median" in m[0].group(0).casefold() or rx.search(r"\bmedian\b", q.original, re.I) else "mean"
    m = q.take(r"\b(longest|largest|biggest|most|greatest|highest|fewest|shortest|smallest|least|lowest)\s+"
               r"(?:(?:number|list|count)\s+of\s+)?(?:co-?)?(?:authors?(?:\s+(?:lists?|teams?|lines?))?|author\s+count|team)\b")
    # the comparative said of one of a set ('which one has the bigger author list', 'which of the two has more
    # authors'): after a verb of having or 'the', with nothing compared against ('more authors than X' is a relation)
    m = m or q.take(r"\b(?:(?:has|have|had|with|lists?|listing|carr(?:y|ies)|names?|prints?|shows?|got)\s+(?:the\s+|a\s+)?|the\s+)"
                    r"(longer|larger|bigger|more|greater|fewer|shorter|smaller)\s+(?:(?:number|list|count)\s+of\s+)?(?:co-?)?"
                    r"(?:authors?(?:\s+(?:lists?|teams?|lines?))?|author\s+count|team|bylines?)\b(?!\s+than\b)")
    if not m:
        return None
    return "first" if m[0].group(1).casefold() in ("fewest", "shortest", "smallest", "least", "lowest", "fewer", "shorter",
                                                    "smaller") else "last"


_GROUPS = {"author": r"authors?|people|persons?|researchers?|co-?authors?",
           "category": r"(?:arxiv\s+)?(?:categor(?:y|ies)|subjects?|areas?|fields?)",
           "organisation": r"(?:organi[sz]ation\s+)?tags?|organi[sz]ations?|labs?|institutions?|universit(?:y|ies)|compan(?:y|ies)",
           "year": r"years?", "month": r"months?", "section": r"sections?|tracks?", "venue": r"venues?|conferences?",
           "page": r"pages?|sources?|listings?"}


_PLURALS = {"author": r"authors|people|researchers|co-?authors", "category": r"(?:arxiv\s+)?(?:categories|subjects)",
            "organisation": r"(?:organi[sz]ation\s+)?tags|organi[sz]ations|labs|institutions|universities|companies",
            "year": r"years", "month": r"months",
            "section": r"sections|tracks", "venue": r"venues|conferences", "page": r"pages|sources|listings"}


def group_by(q: Question) -> tuple[str, str] | None:
    """(field, pick) for a count per value: 'which category has the most papers' ('most'), 'the most common tag',
    'who wrote the most papers', 'how many papers per year' ('all'), 'which categories hold a single paper' ('one'),
    'who does X write with more than once' ('repeated')."""
    if same_list(q):  # 'the exact same author list': lists printed twice or more
        return "author_list", ">=2"
    saved = q.text, list(q.spans)
    nth = rx.search(r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)[\s-]+(?=(?:most|fewest|least)\b)", q.text, re.I)
    if nth:  # 'the second most papers': the groups of the second largest size
        q.blank(nth.start(), nth.end())
    how_often = frequency(q)  # first, so 'at least three papers' is never 'the least'; put back when no group reads it
    found = _group_by(q)
    if found is not None or rx.search(r"\b(?:categor(?:y|ies)|subjects|tags|organi[sz]ations|labs|years|venues)\b", q.text, re.I):
        q.take(r"\b(?:span|spans|spanned|cover|covers|covered|range\s+over|ranges\s+over)\b")  # 'what categories does X span'
    if found is not None and found[0] == "author" and (place := author_place(q)):
        found = place, found[1]  # 'who is first author on the most papers': the first name of each list counted
    if found is None and how_often is not None:
        if rx.search(r"\bwho(?:m|se)?\b", q.text, re.I):
            q.take(rf"\b(?:every|each|all(?:\s+the)?|any)\s+(?:{_GROUPS['author']})\b")  # 'every author who …'
            found = ("author", "all")
        else:
            found = next(((name, "all") for name, words in _GROUPS.items()  # 'every author who …': the field's noun
                          if q.take(rf"\b(?:(?:every|each|all(?:\s+the)?|any)\s+)?(?:{words})\b")), None)
    if how_often is None:
        return (found[0], f"{found[1]}@{_ORDINALS[nth.group(1).casefold()]}") if found and nth and found[1] != "all" \
            else found
    if found is not None and found[1] == "all":
        return found[0], how_often
    q.text, q.spans = saved
    return _group_by(q)


def _group_by(q: Question) -> tuple[str, str] | None:
    # 'the most profile entries': up to two modifiers between 'most' and the noun stay for the values to read.
    amount = r"\b(?:the\s+)?(?<!\bat\s)(most|fewest|least)\s+(?:number\s+of\s+)?((?:[\w-]+\s+){0,2}?)(?:papers?|entries|works|" \
             r"publications|postings?|posts|preprints?|articles?|items|often|" \
             r"frequently)\b|\b(?:the\s+)?(most|fewest|least)\s*[?.!]?\s*$|" \
             r"\b(?:the\s+)?(most|fewest)(?=\s+(?:pdfs?|documents|files|uploads)\b)"  # 'the most PDFs': the noun is a value
    for name, words in _GROUPS.items():
        plural = rf"(?:{_PLURALS[name]})"
        # (a colon before is left: "the lit graph paper: which authors …" opens with a description, rag/plan_describe)
        listed = rf"(?:^|[,;]|(?<=:))\W*(?:how\s+many\s+(?:distinct\s+|different\s+|unique\s+|separate\s+)?|(?:which|what)\s+" \
                 rf"(?:distinct\s+|different\s+|unique\s+)?|(?:list|name|show)(?:\s+me)?(?:\s+(?:all|every|the))*\s+" \
                 rf"(?:distinct\s+|different\s+|unique\s+)?){plural}\b"
        if rx.search(listed, q.text, re.I) and not rx.search(r"\b(most|fewest|least|average|mean|median|typical)\b", q.text,
                                                                                 re.I):
            q.take(listed)
            return name, "all"
        if name == "author" and q.take(r"^\W*who\s+(?:are|were)\b(?!.*\b(?:most|fewest)\b)"):
            return name, "all"
        # 'for each Amii-starred author': up to two modifiers between, left in place for the values to read
        per = rx.search(rf"\b(?:per|by|for\s+each|in\s+each|each|every|across)\s+((?:(?!(?:all|any|the|both)\b)[\w-]+\s+){{0,2}}?)(?:{words})\b", q.text,
                        re.I)
        if per and rx.search(r"\bhow\s+many\b|\bcount|\bbreakdown\b|\bnumber\b|\bdistribut\w+", q.text, re.I):
            q.blank(per.start(), per.start(1))
            # 'per first author', 'for each last author': the place and its noun are left whole for group_by's
            # author_place, which counts the first (last) name of each list; any other modifier stays for the values.
            if not (name == "author" and rx.fullmatch(r"(?:first|lead|leading|last|senior|final)\s+authors?", per.group(0)[
                    per.start(1) - per.start():], re.I)):
                q.blank(per.end(1), per.end())
            q.take(r"\bbreakdown\b|\bdistribut\w+\b")
            return name, "all"
        if m := q.take(rf"\b(?:the\s+)?(most|least)\s+(?:common|frequent|prolific|represented|popular)\s+(?:{words})\b"):
            return name, "most" if m[0].group(1).casefold() == "most" else "fewest"
        # 'which Amii-affiliated author …': up to two modifiers between, left in place for the values to read.
        asked = rx.search(rf"\b(?:which|what)\s+((?:[\w-]+\s+){{0,2}}?)(?:{words})\b", q.text, re.I)
        who = rx.search(r"\bwho(?:se)?\b", q.text, re.I) if name == "author" else None
        if (asked or who) and (m := rx.search(amount, q.text, re.I)):
            if m.group(2):  # the modifiers between stay
                q.blank(m.start(), m.start(2))
                q.blank(m.end(2), m.end())
            else:
                q.take(re.escape(m.group(0).strip(" ?.!")))
            if asked:  # 'which' and the field noun go; the modifiers between stay for the values to read
                q.blank(asked.end(1), asked.end())
                q.blank(asked.start(), asked.start(1))
            else:
                q.take(r"\bwho(?:se)?\b")
            return name, "most" if (m.group(1) or m.group(3) or m.group(4)).casefold() == "most" else "fewest"
    return None


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
_SORT_WORDS = r"(?:most\s+recent|newest|latest|oldest|earliest|longest|shortest|most|fewest|highest|lowest)"


def top(q: Question) -> tuple[int | None, int | None]:
    """(limit, nth) of a sort: 'the three most recent papers' -> (3, None); 'the second oldest' -> (None, 2)."""
    if m := rx.search(rf"\b({'|'.join(_ORDINALS)})[\s-]+(?={_SORT_WORDS}\b)", q.text, re.I):
        q.take(re.escape(m.group(0)))
        return None, _ORDINALS[m.group(1).casefold()]
    numbers = "|".join(w for w in NUMBER_WORDS if w not in ("zero", "one", "single", "sole"))
    before = rx.search(rf"\b(\d+|{numbers})\s+(?={_SORT_WORDS}\b)", q.text, re.I)
    after = rx.search(rf"\b{_SORT_WORDS}\s+(\d+|{numbers})(?=\s+(?:papers|entries|works|ones|publications)\b)",
                      q.text, re.I)  # 'the most recent three papers'
    if m := before or after:
        q.blank(m.start(1), m.end(1))
        return (int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).casefold()]), None
    return None, None


def share_scope(question: str, conditions: list[Condition], catalog, share: str) -> list[Condition]:
    """The conditions named in 'what fraction of <Courville's> papers …' (`share`: the planner's words for a share):
    the papers the share is out of. `catalog`: rag.catalog.Catalog."""
    m = rx.search(rf"(?:{share})\s+of\s+(.*?)\b(?:papers?|works?|entries|publications?|articles?|titles?)\b", question, re.I)
    if not m:
        return []
    named = {c.value for c in named_conditions(Question(m.group(1)), catalog)}
    return [c for c in conditions if c.value in named]
