"""The question pieces of aggregates over people, categories and pages, read as frame and composed with the rest:

- how often a value occurs: 'only a single paper' (groups of exactly one), 'more than once', 'repeatedly' (two or more);
- a person left out of a grouping: 'apart from Courville', read as a value excluded, not a paper excluded;
- arXiv's archives ('a physics category', 'statistics categories'), which group the subject codes a page prints;
- a paper printed on more than one page ('show up on more than one of the listing pages');
- where a person usually sits in the author order;
- people on both of two sides ('anyone listed both on page A and on page B', 'authors of both X and Y').

Each reader takes only frame words (never a topic) and returns what it read; rag/planner.py composes them with the
values the question names, and rag/plan_groups.py runs them over the catalog.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.plan_alternatives import alternatives
from rag.plan_describe import description, resolve
from rag.plan_heading_phrases import abbreviated, begun_title_words
from rag.plan_terms import _COMPARE, _COUNT, NUMBER_WORDS, Condition, Question, _number, count_condition
from rag.plan_values import title
from rag.records import Paper
from rag.taxonomy import arxiv_category_name

_ITEM = r"(?:papers?|entr(?:y|ies)|works?|publications?|items?|titles?|preprints?|postings?|pdfs?|documents?)"
_ONE = r"\ba\s+single\s+(?=(?:[\w-]+\s+){0,2}?" + _ITEM + r"\b)|\b(?:only|just|exactly)\s+once\b|\bsingletons?\b|" \
       rf"\bone\s+{_ITEM}\s+(?:each|apiece|only)\b"
_REPEATED = r"\bmore\s+than\s+once\b|\brepeated(?:ly)?\b|\bat\s+least\s+twice\b|\btwice\s+or\s+more\b|" \
            r"\b(?:multiple|several|many)\s+times\b|\brecurr(?:ing|ent|s)?\b|\bagain\s+and\s+again\b|\bregularly\b|" \
            r"\bfrequently\b(?!\s+(?:used|cited))"
# 'more than one Amii paper', 'at least three papers', 'exactly two profile entries', '3 or more papers': a count of
# papers with up to two modifiers before the noun, which stay for the values to read.
_NUMBER = r"\d+|" + "|".join(w for w in NUMBER_WORDS if w != "zero")
_HOW_MANY = re.compile(r"\b(?:(?P<cmp>more\s+than|over|at\s+least|at\s+most|no\s+more\s+than|exactly|only|just|precisely|"
                       r"fewer\s+than|less\s+than)\s+(?:a\s+)?(?P<n>" + _NUMBER + r")|(?P<n2>" + _NUMBER +
                       r")\s+(?P<more>or\s+more|or\s+fewer|or\s+less|\+))\s+(?P<mods>(?:(?!(?:and|or|but|than)\b)[\w-]+\s+){0,2}?)"
                       + _ITEM + r"\b", re.I)


def _pick(cmp: str, n: int) -> str:
    """'>=2', '==1', '<=3': how many papers a grouped value must have."""
    cmp = rx.sub(r"\s+", " ", cmp.casefold())
    if cmp in ("more than", "over"):
        return f">={n + 1}"
    if cmp in ("fewer than", "less than"):
        return f"<={n - 1}"
    if cmp in ("at least", "or more", "+"):
        return f">={n}"
    if cmp in ("at most", "no more than", "or fewer", "or less"):
        return f"<={n}"
    return f"=={n}"


_EVERY = r"\balways\b|\bevery\s+(?:single\s+)?time\b|\bon\s+(?:every|each|all)\s+(?:single\s+)?(?:one\s+of\s+)?" \
         rf"(?:(?:his|her|their|its|those|these|the)\s+)?{_ITEM}\b|\bwithout\s+exception\b"
# 'the exact same author list': papers grouped by their whole printed author list, the groups of two or more
_SAME_LIST = r"\b(?:the\s+)?(?:exact(?:ly)?\s+|very\s+)?(?:same|identical)\s+(?:author\s+lists?|lists?\s+of\s+authors|" \
             r"authors|bylines?|author\s+lines?)\b|\b(?:author\s+lists?|bylines?)\s+(?:that\s+)?(?:are\s+)?" \
             r"(?:identical|the\s+same)\b"


def frequency(q: Question) -> str | None:
    """How many papers a grouped value must have: '==1' ('only a single paper', 'exactly once'), '>=2' ('more than
    once', 'repeatedly', 'more than one Amii paper'), '>=3' ('at least three papers'), 'every' ('always': on every
    paper selected). The phrase is taken; modifiers before the noun stay."""
    if m := _HOW_MANY.search(q.text):
        word = m.group("n") or m.group("n2")
        n = _number(word)
        q.blank(m.start(), m.start("mods"))
        q.blank(m.end("mods"), m.end())
        return _pick(m.group("cmp") or m.group("more"), n)
    for kind, pattern in (("==1", _ONE), (">=2", _REPEATED), ("every", _EVERY)):
        if q.take(pattern):
            return kind
    return None


def same_list(q: Question) -> bool:
    """'Which papers have the exact same author list': a grouping by the whole list. The phrase is taken."""
    return bool(q.take(_SAME_LIST))


def author_place(q: Question) -> str | None:
    """'Who is first author on the most papers': 'first_author' / 'last_author', the place a grouping counts."""
    if m := q.take(r"\b(first|lead|leading|last|senior|final)[- ]authors?\b(?!\s+(?:is|was)\s+(?-i:[A-Z]))|"
                   r"\b(?:listed|named|printed|placed|appears?|comes?|goes|go)\s+(first|last)\b"):
        word = (m[0].group(1) or m[0].group(2)).casefold()
        return "first_author" if word in ("first", "lead", "leading") else "last_author"
    return None


def frame(q: Question) -> None:
    """Words that say nothing about which papers: 'anywhere in the library', 'Courville himself', 'shows up on'."""
    q.take(r"\b(?:anywhere|everywhere|across\s+the\s+board)(?:\s+(?:in|across|on|within)\s+(?:the\s+|this\s+|my\s+|our\s+)?"
           r"(?:whole\s+|entire\s+)?(?:library|collection|catalog(?:ue)?|corpus|pages?))?\b|"
           r"\b(?:in|across|within)\s+(?:the\s+|this\s+|my\s+|our\s+)(?:whole\s+|entire\s+)(?:library|collection|catalog(?:ue)?)\b")
    q.take(r"\b(?:him|her|them|your|my)sel(?:f|ves)\b")
    q.take(r"\bvisibly\b")  # 'visibly lists X': read as the name printed (rag/plan_marks.asks_printed)
    # 'X shows up once on Courville's page': the one entry printing the person, said to point at it (never a description
    # of a paper's topic, as a heading's leftover word would be read). Said more often ('twice', 'a lot'), it stays for
    # the person's card (rag/plan_person_card.py), which reads the statement as asking nothing.
    for m in list(rx.finditer(r"\b(?:(?:shows?|showing|showed|turns?|turning|turned|pops?|popping)\s+up|appears?|appearing|"
                              r"features?|is\s+(?:listed|printed|named))(?:\s+(?:only|just|exactly))?\s+(?P<often>once)\b",
                              q.text, re.I)):
        q.blank(m.start("often"), m.end("often"))
    q.take(r"\b(?:shows?|showing|showed|turns?|turning|turned|pops?|popping)\s+up\b")
    q.take(r"\b(?:through|via)\s+(?:which|what)\s+(?:papers?|entries|works|titles|publications)\b")  # = 'which papers'
    q.take(r"\barxiv[\s-](?:style|like|type)(?=\s+(?:categor|subject|code|label|class))")  # 'an arXiv-style category'
    # 'who's the final author on X, and is he Amii?': the pronoun stands for the author in the place asked before it
    # ('they' and 'that person' are frame words already)
    for m in rx.finditer(r"\b(?:first|1st|lead|leading|second|third|fourth|fifth|last|final|senior|penultimate|"
                         r"second[- ]to[- ]last)[- ](?:listed\s+)?(?:author|name)\b[^?]*?\b(?:is|was|does|did|has)\s+(he|she)\b",
                         q.text, re.I):
        q.blank(m.start(1), m.end(1))
    # '[which authors] sit between X and Y on the byline': the verb of a place between two names, on an author list
    if rx.search(r"\b(?:byline|author\s+(?:list|line|order)|list\s+of\s+authors)\b", q.text, re.I):
        q.take(r"\b(?:sits?|sitting|stands?|standing|comes?|coming|lies|lying|falls?|appears?)(?=\s+between\s+\S+(?:\s+\S+){0,3}"
               r"\s+and\s)")


# arXiv's archives by the prefix of a full code; a listing's short code (no prefix) is cs unless arXiv files it elsewhere.
_ARCHIVES = {"physics": ("cond-mat", "physics", "quant-ph", "hep-", "astro-ph", "gr-qc", "nucl-", "math-ph", "nlin"),
             "computer science": ("cs",), "statistics": ("stat",), "mathematics": ("math",),
             "electrical engineering": ("eess",), "quantitative biology": ("q-bio",),
             "quantitative finance": ("q-fin",), "economics": ("econ",)}
_SHORT = {"MES-HALL": "cond-mat", "STAT-MECH": "cond-mat", "SOFT": "cond-mat", "DIS-NN": "cond-mat",
          "SUPR-CON": "cond-mat", "STR-EL": "cond-mat", "MTRL-SCI": "cond-mat", "QUANT-GAS": "cond-mat",
          "QUANT-PH": "quant-ph", "ML": "stat", "STAT.ML": "stat", "AS": "eess", "IV": "eess", "SP": "eess",
          "NC": "q-bio", "OC": "math"}
_ARCHIVE_WORDS = {"physics": "physics", "computer science": "computer science", "cs": "computer science",
                  "statistics": "statistics", "stat": "statistics", "math": "mathematics", "maths": "mathematics",
                  "mathematics": "mathematics", "electrical engineering": "electrical engineering",
                  "eess": "electrical engineering", "quantitative biology": "quantitative biology",
                  "q-bio": "quantitative biology", "biology": "quantitative biology",
                  "quantitative finance": "quantitative finance", "q-fin": "quantitative finance",
                  "finance": "quantitative finance", "economics": "economics", "econ": "economics"}

_ARCHIVE_ALTERNATION = "|".join(sorted((re.escape(w) for w in _ARCHIVE_WORDS), key=len, reverse=True))  # longest first
_ARCHIVE_NOUN = r"(?:arxiv\s+)?(?:categor(?:y|ies)|archives?|subject\s+(?:codes?|areas?|categor(?:y|ies))|codes?|groups?)"


def archive_of(paper: Paper) -> str | None:
    """The arXiv archive ('physics', 'computer science', ...) of the category the paper's page prints."""
    full = paper.arxiv.category if paper.arxiv and paper.arxiv.category else None
    prefix = full.split(".", 1)[0].casefold() if full and "." in full else None
    if prefix is None and paper.category:
        prefix = _SHORT.get(paper.category.upper(), "cs")
    if prefix is None:
        return None
    return next((name for name, prefixes in _ARCHIVES.items() if any(prefix.startswith(p) for p in prefixes)), None)


def archives(q: Question) -> list[Condition]:
    """'a physics category', 'categories under statistics', 'filed under physics': the papers whose category is in
    that arXiv archive. Only with a category word (or 'filed under'), so 'physics papers' stays a topic."""
    words, noun = _ARCHIVE_ALTERNATION, _ARCHIVE_NOUN
    found = []
    for m in q.take(rf"\b({words})(?:-related)?\s+{noun}\b|\b{noun}\s+(?:in|under|from|of|within|belonging\s+to)\s+"
                    rf"(?:the\s+|an?\s+)?({words})(?:\s+(?:archive|group))?\b|\bfiled\s+(?:under|in)\s+(?:the\s+)?"
                    rf"({words})\b"):
        archive = _ARCHIVE_WORDS[(m.group(1) or m.group(2) or m.group(3)).casefold()]
        found.append(Condition("category", archive, f"category: an arXiv {archive} category",
                               lambda p, a=archive: archive_of(p) == a, known_test=lambda p: archive_of(p) is not None))
    return found


def people_count(q: Question) -> list[Condition]:
    """'written by exactly five people', 'by more than three researchers', 'more than five people on the byline': the
    author list's length said in people
    (rag/plan_terms.author_count reads it said in authors or names). Only after 'by', so 'the two people' is no count."""
    m = q.take(rf"\bby\s+(?:{_COMPARE}\s+)?{_COUNT}(?:\s+or\s+(more|fewer|less))?\s+(?:different\s+)?"
               r"(?:people|persons|researchers|writers|individuals)\b")
    # or said of the byline itself: 'more than five people on the byline', 'ten names in the author list'
    m = m or q.take(rf"\b(?:{_COMPARE}\s+)?{_COUNT}(?:\s+or\s+(more|fewer|less))?\s+(?:different\s+)?(?:people|persons|"
                    r"researchers|individuals|names)\s+(?:on|in)\s+(?:the\s+|their\s+|its\s+)?(?:byline|author\s+(?:list|line))s?\b")
    if not m:
        return []
    return [count_condition(m[0].group(1), _number(m[0].group(2)), m[0].group(3))]


def unheld_codes(q: Question, held: dict[str, str]) -> list[Condition]:
    """'a robotics (cs.RO) paper' when no page prints RO: a real arXiv category (its code with the archive prefix, as
    arXiv writes it) that no paper here is filed under — a condition no paper meets, so the answer is 'none' rather
    than a search. The name said beside the code is taken with it. Codes the catalog holds are read as values."""
    found = []
    for m in rx.finditer(r"(?<![\w.-])(cs|stat|math|eess|cond-mat|physics|q-bio|q-fin|econ)\.([A-Za-z-]{2,9})\b", q.text):
        full = f"{m.group(1)}.{m.group(2)}"
        name = arxiv_category_name(full)
        if name is None or full.casefold() in held or m.group(2).casefold() in held:
            continue
        q.blank(m.start(), m.end())
        q.take(rf"\b{re.escape(name)}\b|\b{re.escape(name.split()[0])}\b(?=\s*\(\s*\))")
        found.append(Condition("category", full, f"category: {full} ({name}), which no page here prints",
                               lambda p: False, known_test=lambda p: p.category is not None))
    return found


def pages_of(paper: Paper, listing: bool) -> set[str]:
    """The pages a paper is printed on; with `listing`, listing pages only (not an uploaded PDF)."""
    return {s.page_name or s.path for s in paper.sources if not (listing and s.format == "pdf")}


def spread(q: Question) -> list[Condition]:
    """'on more than one of the listing pages', 'on two or more pages', 'on several pages': printed on 2+ pages."""
    m = q.take(r"\b(?:on|in|across|from)\s+(?:more\s+than\s+one|two\s+or\s+more|at\s+least\s+two|several|multiple|"
               r"different)\s+(?:of\s+)?(?:the\s+)?(listing\s+)?(?:pages|listings|sources|lists)\b|"
               r"\b(?:on|in)\s+(?:more\s+than\s+one|two\s+or\s+more|several|multiple)\s+(?:of\s+)?(?:the\s+)?(listing)\b")
    if not m:
        return []
    listing = bool(m[0].group(1) or m[0].group(2))
    where = "listing pages" if listing else "pages"
    return [Condition("page", f"more than one of the {where}", f"page: on more than one of the {where}",
                      lambda p: len(pages_of(p, listing)) > 1)]


def usual_place(q: Question) -> bool:
    """'Where does X usually sit in the author order?', 'in which position is X typically listed': the places one
    person holds on the author lists, summed up. The phrase is taken."""
    habit = r"(?:usually|typically|normally|generally|mostly|most\s+often|commonly|tend\s+to|tends\s+to)"
    place = r"(?:sit|sits|appear|appears|come|comes|stand|stands|listed|placed|named|printed|land|lands|fall|falls|be)"
    order = r"(?:in|on)\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:author(?:s'?)?|byline|name)\s+(?:order|list(?:s|ing)?|line)"
    return bool(q.take(rf"\bwhere\b.*?\b{habit}\s+{place}\b(?:\s+{order})?|"
                       rf"\b{habit}\s+(?:the\s+)?(?:first|lead|last|senior|final|second|third)[\s-]+(?:author|name)\b|"
                       rf"\b(?:which|what)\s+(?:position|place|spot|slot|rank)\b.*?\b{habit}\s+{place}\b(?:\s+{order})?|"
                       rf"\b{habit}\s+(?:position|place|spot|slot)\s+(?:in|on)\s+(?:the\s+)?(?:author\s+)?(?:order|list)\b|"
                       rf"\b(?:position|place|spot|slot)\b.*?\b{habit}\b.*?\b{order}\b"))


_PEOPLE = r"\b(?:any(?:one|body)|some(?:one|body)|who|which\s+(?:people|persons|authors|researchers|names|co-?authors)|" \
          r"what\s+(?:people|authors|names)|any\s+(?:authors?|people|persons?|names?|researchers?|co-?authors?)|" \
          r"(?:the\s+)?(?:same|common|shared)\s+(?:authors?|people|persons?|names?|researchers?)|authors?\s+in\s+common|" \
          r"people\s+in\s+common|overlap(?:ping)?\s+(?:authors?|people|names?))\b"


def says_in_common(text: str) -> bool:
    """Whether the text says people on both sides (people_in_common's test, with nothing taken)."""
    return bool(rx.search(r"\bboth\b|\bin\s+common\b|\bshared\b|\boverlap\w*\b|\balso\b|\bas\s+well\b", text, re.I)
                and rx.search(_PEOPLE, text, re.I))


# 'what do they have in common', 'what do X and Y share', 'how do the first five differ': what papers share is content
# unless the question names the field shared ('which authors do they have in common', 'what categories do they share')
_WHAT_IN_COMMON = re.compile(r"\bwhat\b[^?]*?\b(?:have\s+in\s+common|share|shares|sharing)\b|"
                             r"\bhow\s+(?:do|does|did)\b[^?]*?\b(?:differ|compare|relate)\b", re.I)
_FIELD_SHARED = re.compile(r"\b(?:authors?|co-?authors?|people|persons|researchers|names?|categor\w*|codes?|tags?|"
                           r"labs?|dates?|years?|months?|sections?|venues?|marks?|stars?|affiliations?|organi[sz]ations?|"
                           r"institut\w*|badges?|scores?|links?|words?|domains?|e-?mails?|addresses)\b", re.I)


def asks_what_in_common(question: str) -> bool:
    """Whether the question asks what papers have in common or how they differ without naming a field: content."""
    return bool(_WHAT_IN_COMMON.search(question)) and not _FIELD_SHARED.search(question)


def people_in_common(q: Question) -> bool:
    """'Is anyone listed both on A and on B', 'which people are authors on both X and Y', 'any authors in common
    between A and B': people on both sides. The people words are taken; the sides are read as values."""
    if not says_in_common(q.text):
        return False
    q.take(_PEOPLE)
    q.take(r"\bboth\b|\bin\s+common\b|\bshared\b|\boverlap\w*\b|\balso\b|\bas\s+well\b|\bbetween\b")
    q.take(r"\b(?:authors?|co-?authors?|people|names?)\b")
    return True


def is_paper(paper: Paper) -> Condition:
    return Condition("title", paper.title, f"paper: {paper.title}", lambda p, i=paper.paper_id: p.paper_id == i)


def other_paper(q: Question, catalog: Catalog) -> Paper | None:
    """The second paper of 'both X and Y': by its title, its short name, or a description of it."""
    if (paper := title(q, catalog)) is not None:
        return paper
    if (paper := _begun_pdf(q, catalog)) is not None:
        return paper
    words = description(q)
    return resolve(words, catalog.papers).paper if words else None


def _begun_pdf(q: Question, catalog: Catalog) -> Paper | None:
    """A PDF named by two title words in a row, each said by its start, before a byline noun ('the literature-graph
    byline', 'the lit graph author list'), as rag/plan_heading_phrases.abbreviated names it; its words are taken."""
    pdfs = [p for p in catalog.papers if p.page_count]
    found = [p for p in abbreviated(q.text, pdfs)]
    if len(found) != 1:
        return None
    words = begun_title_words(q.text.casefold(), found[0])
    q.take(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b(?=[\s-]+(?:[a-z]+[\s-]+){0,3}?(?:bylines?|author\s+lists?|"
           r"authors?|papers?|pdfs?)\b)")
    return found[0]


def sides_named(conditions: list[Condition]) -> tuple[list[list[Condition]], list[Condition]]:
    """The two values of one field that 'on both A and B' names, each a side; the other conditions hold for both."""
    for name in ("page", "organisation", "category", "section", "venue", "year", "date", "author"):
        named = [c for c in conditions if c.field == name and not c.value.startswith("not ")]
        if len(named) == 2:
            return [[named[0]], [named[1]]], [c for c in conditions if c not in named]
    return [], conditions


def both_sides(q: Question, question: str, conditions: list[Condition], sides: list[list[Condition]], in_common: bool,
               group: tuple[str, str] | None) -> tuple[list[list[Condition]], list[Condition], str | None]:
    """(sides, the other conditions, the one person asked about) of a question about what is on both of two sides:
    people ('anyone on both page A and page B'), another grouped field ('categories on both A and B'), or one named
    person ('does Yi Ren appear on both pages'). No sides: the conditions unchanged. The people words are taken."""
    asked = None
    in_common = in_common or (group is not None and group[0] != "author" and
                              bool(rx.search(r"\bboth\b|\bin\s+common\b", question, re.I)))
    if in_common and not sides:
        sides, conditions = sides_named(conditions)
    people = [c for c in conditions if c.field == "author" and not c.value.startswith("not ")]
    if not sides and len(people) == 1 and rx.search(r"\bboth\b", question, re.I):
        sides, rest = sides_named([c for c in conditions if c is not people[0]])
        sides = [] if sides and alternatives([c for side in sides for c in side], question) else sides  # 'a mila/mit tag'
        if sides:
            asked, conditions = people[0].value, rest
    if sides:
        people_in_common(q)
        # 'at which position does each appear (in B's author list)': each person's place, which the answer gives
        q.take(r"\b(?:at\s+|in\s+)?(?:which|what)\s+(?:position|place|spot)s?\b(?:\s+(?:does|do)\s+(?:each|they|he|she)"
               r"(?:\s+one)?\s+(?:appear|stand|sit|come|show\s+up))?")
    return sides, conditions, asked
