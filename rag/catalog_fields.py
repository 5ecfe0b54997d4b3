"""One registry of the badge-like fields a page prints beside a paper, each filterable, sortable and looked up
through the same entry rather than a code path per field.

A field is named in a question by its printed label ('Code', 'et al.') or by what it means ('a code link', 'a
numeric score', 'marked as equal contributors'); `has` says whether the paper shows it, `printed` whether its
page could show it at all (a PDF has no Code badge to lack, a trending entry no score), so a negation ('lack a
code link') only counts papers whose page prints the slot. `number` makes a field sortable ('the highest score').
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag import rx
from rag.catalog_links import code_beside
from rag.catalog_page_range import page_count_text
from rag.catalog_pdf_texts import (copyright_text, corresponding_authors, corresponding_text, edition_text,
                                   kind_text, stamp_date_text, stamp_day, start_page, start_page_text, venue_kind,
                                   venue_printed, volume_text)
from rag.authors import marked_names
from rag.catalog_sort import pick
from rag.catalog_spelling import SPELLING_WORDS, slips, spelling_text
from rag.plan_listing import listing_end
from rag.plan_terms import Condition
from rag.records import Paper


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # how an answer names the field
    words: str  # regex naming the field, by its printed label or its meaning
    has: Callable[[Paper], bool]
    printed: Callable[[Paper], bool]
    value: Callable[[Paper], str]  # the field as the page prints it, for a lookup
    number: Callable[[Paper], float | None] | None = None  # for 'the highest / lowest …'
    said: str = ""  # regex naming the field with a verb of its own ('cut the list with et al.'): no leading verb needed
    lookup: bool = True  # asked of one paper through this entry (the arXiv id is the planner's own lookup, with the DOI)
    filter: bool = True  # a condition 'with …' (a page count only sorts: 'the PDF with the most pages')
    ends: tuple[str, str] = ("highest", "lowest")  # how a sort's two ends are said
    shown: Callable[[Paper], str] | None = None  # the sorted value as said, when its number is no reading ('2020-09-30')


_EQUAL = r"equal[\s-]+contribution\s+(?:notes?|marks?|footnotes?)|(?:(?:some|two|several|any)\s+)?(?:(?:co-?)?authors?\s+" \
         r"(?:as\s+|who\s+|that\s+)?)?(?:equal(?:ly)?[\s-]+contribut\w+|(?:having\s+)?contribut\w+\s+equally)|" \
         r"(?:joint|shared|co-)[\s-]?first\s+authors?(?:hip)?"


def _equal(paper: Paper) -> bool:
    return any(rx.search(r"\bequal(?:ly)?\s+contribut", n.means, re.I) for n in paper.notes)


def _code(paper: Paper) -> str:
    beside = code_beside(paper)  # the code its abstract links, whatever the badge says (rag/catalog_links.py)
    if paper.has_code is None:
        return f"The page has no Code badge for {paper.title}" + (f".{beside}" if beside else
                                                                   ", so whether code is released is not shown.")
    if not paper.has_code:
        return f"No: {paper.title} shows no Code badge on its page.{beside}"
    where = f" ({paper.code_url})" if paper.code_url else " (the page's Code badge)"
    return f"Yes: {paper.title} links its code{where}.{beside}"


def _score(paper: Paper) -> str:
    if paper.listing_score is None:
        return f"The page prints no score for {paper.title}."
    return f"{paper.title}: the page prints the score {paper.listing_score:g} before its category (unlabelled)."


def _emails(paper: Paper) -> str:
    if not paper.emails:
        return f"The page prints no e-mail address for {paper.title}."
    domains = ", ".join(dict.fromkeys(e.rsplit("@", 1)[-1] for e in paper.emails))
    return f"{paper.title}: e-mail addresses printed: {', '.join(paper.emails)} (domains: {domains})."


def _listed(paper: Paper) -> bool:
    return bool(paper.authors)


def _author_list(p: Paper) -> str:
    """Whether the page cuts the paper's author list, with the list as printed (the `cut` and `full_list` value)."""
    return f"{p.title}: the page " + ("cuts its author list with 'et al.'" if p.authors_truncated
                                      else "prints its full author list") + f" ({p.author_line()})."


FIELDS = [
    Field("score", "score", r"(?:numeric(?:al)?\s+|unlabell?ed\s+)?(?:score|rating)s?(?:\s+(?:badges?|numbers?|values?))?|"
          r"(?:numbers?|figures?|values?)\s+(?:(?:that\s+)?(?:is|are)\s+)?(?:printed\s+|shown\s+|displayed\s+|given\s+)?"
          r"(?:right\s+|just\s+|immediately\s+)?(?:before|in\s+front\s+of|ahead\s+of|preceding|precedes?)(?=\s)|"
          r"unlabell?ed\s+(?:numbers?|figures?|values?)(?:\s+(?:(?:is|are)\s+)?(?:printed\s+|shown\s+)?(?:next\s+to|beside|by|for|on))?",
          lambda p: p.listing_score is not None, lambda p: p.profile_of is not None, _score,
          lambda p: p.listing_score,  # 'the scored entries': the participle as a modifier of the entries
          said=r"(?:scored|rated)(?=\s+(?:entr(?:y|ies)|papers?|ones?|items?|preprints?|works|articles?)\b)"),
    Field("code", "Code badge", r"(?:source\s+)?code(?:[\s-]+(?:links?|badges?|repositor(?:y|ies)|releases?|available|released|urls?))?|"
          r"github\s+repositor(?:y|ies)",
          lambda p: bool(p.has_code), lambda p: p.has_code is not None, _code),
    Field("equal", "equal contribution", _EQUAL,
          _equal, _listed, lambda p: f"{p.title}: " + ("; ".join(f"'{n.mark}' {n.means}" + marked_names(p, n.mark) for n in
                                                                 p.notes if _equal(p)) or "no equal-contribution mark printed."),
          said=rf"(?:footnotes?|footnoted|notes?|states?|says?)\s+that\s+(?:{_EQUAL})"),  # 'footnote that two authors …'
    Field("cut", "author list cut with 'et al.'", r"['\"]?et\s+al\b\.?['\"]?|(?:truncated|cut|shortened|abbreviated|partial|"
          r"incomplete)\s+(?:author\s+(?:lists?|lines?)|bylines?)",
          lambda p: p.authors_truncated, _listed,
          _author_list,
          said=r"(?:cut(?:ting)?|cuts|truncat\w+|shorten\w*|abbreviat\w+|end\w*)\s+(?:(?:it|them|the\s+list|the\s+author\s+"
               r"lists?|their\s+author\s+lists?|its\s+author\s+list|the\s+authors)\s+)?(?:off\s+)?(?:with|by|at)\s+(?:an?\s+)?"
               r"['\"]?et\s+al\b\.?['\"]?|"
               # 'the third name with "et al." after it': the list cut right after the place or person said
               r"with\s+(?:an?\s+)?['\"]?et\s+al\b\.?['\"]?\s+(?:right\s+|just\s+|directly\s+)?(?:after|following|behind)\s+"
               r"(?:it|him|her|them|(?:his|her|their|the|that)\s+name)"),
    Field("full_list", "full author list", r"(?:complete|full|whole|entire|untruncated|uncut)\s+(?:author\s+(?:lists?|lines?)|"
          r"bylines?|lists?\s+of\s+authors)|(?:every|all)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?authors?\s+(?:printed|listed|shown)",
          lambda p: bool(p.authors) and not p.authors_truncated, _listed,
          _author_list,
          said=r"(?:list|lists|print|prints|show|shows|name|names|give|gives)\s+(?:every|all)\s+(?:of\s+)?(?:the\s+|its\s+|"
               r"their\s+)?(?:authors?|names|co-?authors)(?!\s+(?:of|from|at|in)\b)"),
    Field("arxiv_stamp", "arXiv preprint", r"arxiv[\s-]+stamped|arxiv\s+(?:preprints?|stamps?|versions?|ids?|identifiers?|numbers?)|(?:posted|available)\s+on\s+arxiv",
          lambda p: p.arxiv is not None or bool(p.arxiv_id), lambda p: True,
          lambda p: f"{p.title}: arXiv:{p.arxiv.id if p.arxiv else p.arxiv_id}" if (p.arxiv or p.arxiv_id)
          else f"The page prints no arXiv id for {p.title}.", lookup=False),
]
# A title's length, in characters or in words: 'the paper's title in characters', 'letters in its title'.
_TITLE = r"(?:(?:paper|article|entry)(?:'s)?\s+)?titles?"
_LENGTH_IN = r"(?:length\s+)?(?:in|by)\s+"
_IN_TITLE = r"\s+in\s+(?:the\s+|its\s+|their\s+|a\s+)?titles?"
_CHARS = r"(?:characters|letters|chars)"
FIELDS += [
    # said with where they are printed ('the keywords under the abstract'): the place is the field's own, asks nothing else
    Field("keywords", "keywords", r"(?:printed\s+)?(?:key\s?words|index\s+terms)(?:\s+(?:(?:that\s+)?(?:are\s+)?"
          r"(?:printed|listed|given)\s+)?(?:under|below|beneath|after|following)\s+(?:the|its)\s+abstract)?",
          lambda p: bool(p.keywords), lambda p: True,
          lambda p: f"{p.title}: {len(p.keywords)} keyword{'s' if len(p.keywords) != 1 else ''} as printed: "
                    f"{'; '.join(p.keywords)}." if p.keywords
          else f"The page prints no keywords for {p.title}."),
    Field("emails", "e-mail addresses", r"(?:(?:co-?)?authors?'?\s+|(?:their|its)\s+)?(?:e-?mail|contact)(?:\s+(?:addresse?s?|domains?)|s)?|"
          r"(?:e-?mail\s+)?domains?",  # 'print author email addresses'
          lambda p: bool(p.emails), lambda p: True, _emails),
    Field("doi", "DOI", r"dois?", lambda p: bool(p.doi), lambda p: True,
          lambda p: f"{p.title}: DOI {p.doi}." if p.doi else f"The page prints no DOI for {p.title}.", lookup=False),
    Field("version", "arXiv version", r"(?:arxiv\s+)?(?:version|revision)(?:\s+number)?",
          lambda p: bool(p.arxiv and p.arxiv.version), lambda p: p.arxiv is not None,
          lambda p: f"{p.title}: version {p.arxiv.version} on arXiv (stamp '{p.arxiv.printed.text}')."
          if p.arxiv and p.arxiv.version else f"The page prints no arXiv version for {p.title}.",
          lambda p: float(p.arxiv.version) if p.arxiv and p.arxiv.version else None),
    Field("copyright", "copyright line", r"copyright(?:\s+(?:years?|lines?|notices?|holders?))?|©",
          lambda p: bool(p.venue_line and p.venue_line.copyright_year), lambda p: p.page_count is not None, copyright_text,
          lambda p: float(p.venue_line.copyright_year) if p.venue_line and p.venue_line.copyright_year else None,
          ends=("latest", "earliest")),
    Field("page_count", "pages", r"(?:page\s+counts?|(?:number\s+of\s+)?pages|page-?wise|in\s+pages)", lambda p: p.page_count is not None,
          lambda p: p.page_count is not None, page_count_text,
          lambda p: float(p.page_count) if p.page_count else None, lookup=False, filter=False, ends=("most", "fewest")),
    # A title's length in characters, when said so ('the longest title in characters', 'the most letters in its title').
    Field("title_chars", "title (characters)", rf"{_TITLE}\s+(?:{_LENGTH_IN}|counted\s+in\s+|measured\s+in\s+){_CHARS}\b|"
          rf"{_CHARS}{_IN_TITLE}", lambda p: True, lambda p: True,
          lambda p: f"{p.title}: {len(p.title)} characters.", lambda p: float(len(p.title)) if _title_printed(p) else None,
          lookup=False, filter=False, ends=("longest", "shortest")),
    # A title's length in words ('the paper with the longest title', 'the longest paper title'): every title is printed.
    Field("title_length", "title (words)", rf"{_TITLE}(?:\s+(?:{_LENGTH_IN})words)?|words{_IN_TITLE}", lambda p: True,
          lambda p: True,
          lambda p: f"{p.title}: {len(p.title.split())} words.",
          lambda p: float(len(p.title.split())) if _title_printed(p) else None,
          lookup=False, filter=False, ends=("longest", "shortest")),
]


def _title_printed(p: Paper) -> bool:
    """Whether the title is one the source prints: a PDF with no title line is named after its file ('a1977 backus
    p21'), which is no title to measure."""
    return "title" in p.printed or not any(s.format == "pdf" for s in p.sources)


def _place(p: Paper) -> int | None:
    """The paper's 1-based place in its listing page's own printed order (None for a paper read only from a PDF)."""
    listed = [s.position for s in p.sources if s.format != "pdf"]
    return min(listed) + 1 if listed else None


def _place_text(p: Paper) -> str:
    where = next((s for s in p.sources if s.format != "pdf"), None)
    if where is None:
        return f"{p.title} is read from a PDF only: no listing page places it."
    return f"{p.title}: entry {where.position + 1} on {where.page_name or where.path}" + \
        (f" (line {where.line})." if where.line else ".")


# A listing's own order ('the first paper listed on the trending page', 'at the top of the profile'): the page's
# printed order, not a date. Sorted and compared like any number; named by the place words `sort_field` reads.
FIELDS.append(Field("position", "place in its page's listing",
                    r"(?:listing\s+|list\s+)?(?:position|place|rank)(?:\s+(?:on|in)\s+(?:the|its)\s+(?:page|list(?:ing)?))?",
                    lambda p: _place(p) is not None, lambda p: _place(p) is not None, _place_text,
                    lambda p: None if (n := _place(p)) is None else float(n), lookup=False, filter=False,
                    ends=("last listed", "first listed")))
# 'is the title spelled right there?': the title as printed, with any word that reads as a slip (rag/catalog_spelling.py)
FIELDS.append(Field("spelling", "title as printed", SPELLING_WORDS, lambda p: bool(slips(p.title)), lambda p: True,
                    spelling_text, filter=False))


# What a PDF's venue line, footer and author marks print (rag/parsing/pdf/venue.py, marks.py): the journal's volume
# and issue, which meeting the venue counts ('the 58th Annual Meeting'), the corresponding author's mark, whether
# it is a journal article or in proceedings. The last two are conditions only ('was X in a journal' is a check): as
# a lookup their words would take 'the proceedings' from 'how many pages does X take up in the proceedings'.
FIELDS += [
    Field("volume", "volume and issue", r"(?:journal\s+)?(?:volume|vol\.)(?:\s+(?:and|&)\s+(?:issue|number)(?:\s+numbers?)?)?|"
          r"(?:journal\s+)?issue\s+numbers?|journal\s*(?:/|and|&)?\s*issue",  # 'which journal/issue does its footer give'
          lambda p: bool(p.venue_line and p.venue_line.volume is not None), lambda p: p.venue_line is not None, volume_text,
          lambda p: float(p.venue_line.volume) if p.venue_line and p.venue_line.volume is not None else None),
    Field("edition", "meeting number", r"(?:edition|ordinal)(?:\s+number)?|(?:meeting|conference)\s+number|"
          r"(?:numbered\s+)?annual\s+(?:meeting|conference)(?:\s*\(?\s*what\s+number\s*\)?)?",
          lambda p: bool(p.venue_line and p.venue_line.edition), lambda p: p.venue_line is not None, edition_text,
          lambda p: float(p.venue_line.edition) if p.venue_line and p.venue_line.edition else None,
          ends=("latest", "earliest")),
    # The page its journal or proceedings starts it on ('pages 2270–2282', Backus's '633'): a sort ('the PDF starting on
    # the highest page number'), said with its verb ('starts on').
    Field("start_page", "first page in its journal or proceedings",
          r"(?:printed\s+)?(?:starting|start|first|opening)\s+page(?:\s+numbers?)?|(?:printed\s+)?page\s+numbers?",
          lambda p: start_page(p) is not None, venue_printed, start_page_text,
          lambda p: None if (n := start_page(p)) is None else float(n),
          said=r"(?:starts?|starting|begins?|beginning|opens?)\s+(?:on|at)", lookup=False, filter=False),
    # The date of the arXiv version a PDF's margin stamps ('30 Sep 2020'): a sort only, 'the earliest stamp date'
    Field("arxiv_date", "arXiv stamp date", r"(?:arxiv[\s-]+)?stamp(?:ed)?\s+dates?|arxiv\s+(?:stamps?|dates?)",
          lambda p: stamp_day(p) is not None, lambda p: p.page_count is not None, stamp_date_text, stamp_day,
          lookup=False, filter=False, ends=("latest", "earliest"), shown=lambda p: p.arxiv.date if p.arxiv else ""),
    Field("corresponding", "corresponding author", r"corresponding[\s-]+authors?(?:\s+marks?)?|(?:envelope|mail)\s+(?:marks?|icons?)",
          lambda p: bool(corresponding_authors(p)), _listed, corresponding_text),
    Field("journal", "journal article", r"(?:academic\s+|scientific\s+)?journals?(?:\s+(?:papers?|articles?|publications?))?",
          lambda p: venue_kind(p) == "journal", venue_printed, kind_text, lookup=False,
          said=r"(?:published|appear(?:ed|s|ing)?|printed|c[ao]me\s+out|run)\s+in\s+(?:an?\s+|the\s+)?(?:academic\s+)?journal"),
    Field("proceedings", "conference proceedings", r"(?:conference|workshop|meeting)[\s-]+(?:proceedings|papers?)|proceedings",
          lambda p: venue_kind(p) == "proceedings", venue_printed, kind_text, lookup=False,
          said=r"(?:published|appear(?:ed|s|ing)?|printed|presented)\s+(?:in|at)\s+(?:an?\s+|the\s+)?(?:conference|meeting|"
               r"workshop)(?:\s+proceedings)?"),
]

# What a PDF's first page prints as records of its own, each a condition over PDFs (rag/parsing/pdf/venue.py): a
# page range in its proceedings or journal ('pages 2270–2282', not the one folio '633'), and a byline at all (the
# Backus excerpt prints none). Both as conditions only: the range is asked of one paper by 'venue_pages'
# (rag/plan_field_words.py), the byline by the author lookups.
def _page_range(p: Paper) -> bool:
    return bool(p.venue_line and p.venue_line.pages and rx.search(r"\d\s*[–—-]\s*\d", p.venue_line.pages))


FIELDS += [
    Field("page_range", "a page range in its proceedings or journal", r"page\s+ranges?|ranges?\s+of\s+pages",
          _page_range, venue_printed, start_page_text, lookup=False),
    Field("byline", "a byline (author names printed)", r"bylines?|author\s+(?:names|lines?)|names\s+of\s+(?:the\s+|its\s+)?"
          r"authors|(?:any\s+)?authors?(?=\s+(?:names\s+)?(?:at\s+all|anywhere)\b)",
          lambda p: bool(p.authors), lambda p: p.page_count is not None,
          lambda p: f"{p.title} is by {p.author_line()}." if p.authors else f"{p.title} prints no author names.",
          lookup=False),
]
BY_NAME = {f.name: f for f in FIELDS}

_ASK = r"(?:(?:with|have|has|had|having|carry|carries|carrying|show|shows|showing|shown|display|displays|displaying|" \
       r"displayed|print|prints|printing|printed|provide|provides|release|releases|released|mark|marks|marking|list|" \
       r"lists|link|links|give|gives)\s+|there(?:'s|\s+is|\s+are)\s+)"  # 'entries where there's a Code badge': it has one
_ARTICLE = r"(?:(?:an?|any|some|the|their|its|a\s+public|public|released)\s+)?"
# Where the page prints the field, said with it: 'a numeric score before the category code', 'shown next to X'.
_WHERE = r"(?:\s+(?:(?:is|are)\s+)?(?:printed\s+|shown\s+|displayed\s+|given\s+|listed\s+)?(?:before|after|next\s+to|" \
         r"beside|in\s+front\s+of)\s+(?:the\s+|its\s+|their\s+)?(?:category(?:\s+codes?)?|dates?|titles?|entry|entries)\b|" \
         r"\s+(?:on|at)\s+(?:the\s+|its\s+|their\s+)?(?:first|front|title|opening)\s+page\b|" \
         r"\s+(?:printed\s+|shown\s+)?(?:up\s+)?in\s+front\b(?!\s+of))?"  # 'emails on the first page'; 'a score in front'
# Two papers compared say it too: 'which has the higher revision number'.
_HIGH = r"highest|largest|biggest|greatest|top|best|maximum|max|most|longest|higher|larger|bigger|greater|longer"
_LOW = r"lowest|smallest|least|fewest|worst|minimum|min|shortest|lower|smaller|fewer|shorter"
_COMPARED = r"\s+(?:(?:that|which)\s+(?:is|are)\s+)?(?:under|below|above|over|less|fewer|lower|more|greater|higher|" \
            r"at\s+(?:least|most)|between|exceed\w*|no\s+(?:more|less|fewer))\b"


def presence(q, negated: bool) -> list:
    """'with a code link', 'display a numeric score', 'mark some authors as equal contributors', 'cut with et al.':
    a Condition per field named after a verb of showing (or, under a negation, named at all)."""
    found = []
    for f in (f for f in FIELDS if f.filter):
        lead = "" if negated else _ASK
        said = rf"|\b(?:{f.said})(?![\w-])" if f.said else ""
        copula = r"|\b(?:are|is|were|was)\s+" if not negated else ""  # 'are arXiv preprints'; not 'is the arXiv id'
        # As a modifier when it names the badge itself ('the newest Code-badge paper'), never a bare 'code papers'.
        modifier = r"|\b(?=\w+[\s-](?:badge[sd]?|links?|linked|repositor(?:y|ies)|urls?)\b)" \
                   rf"(?:{f.words})(?:(?<=badge)d)?(?=\s+(?:papers?|entries|entry|ones|preprints?|works|articles?)\b)" if not negated \
            else ""  # 'the Code-badged entries': the badge's participle
        # 'where the Code badge is there': the field said present after it
        there = rf"|\b(?:the\s+|an?\s+)(?:{f.words})(?![\w-])(?=\s+(?:is|are)\s+(?:there|present)\b)" if not negated else ""
        if q.take(rf"(?:\b{lead}{_ARTICLE}{copula})\b(?:{f.words})(?:(?<=badge)d)?(?![\w-]){_WHERE}{said}{modifier}{there}"):
            found.append(Condition(f.name, f.name, f"has: {f.label}", f.has, known_test=f.printed))
    return found


def asked(q) -> Field | None:
    """The field a lookup asks for ('what score is shown next to X', 'is there code for X'), taken from the text."""
    for f in (f for f in FIELDS if f.lookup):
        if q.take(rf"\b(?:is\s+there\s+|are\s+there\s+|does\s+it\s+have\s+)?{_ARTICLE}(?:{f.words})(?![\w-]){_WHERE}"
                  r"(?:\s+(?:is\s+|are\s+)?(?:shown|printed|displayed|given|listed)(?:\s+(?:next\s+to|beside|for|with))?)?"):
            return f
    return None


def field_words(f: Field) -> str:
    """The field's name, and the verb a score is given with ('scored above 85', 'the top-rated paper')."""
    return f.words + (r"|scored|scoring|rated" if f.name == "score" else "")


def sort_field(q) -> tuple[str, str, bool] | None:
    """('last' | 'first' | 'mean' | 'median', field, every) for 'the highest score', 'top-scored', 'the lowest-rated',
    'the average score'; with every=True for 'rank the papers by score' (all of them, in order); sortable fields only. A place in a listing's printed order
    ('the first paper listed', 'at the top of the profile') sorts by the listing position."""
    if placed := listing_end(q):
        return placed, "position", False
    ranked = rx.search(rf"\b(?:{_HIGH}|{_LOW})\b", q.text, re.I)  # a superlative said at all, before one search per field
    averaged = rx.search(r"\b(?:average|mean|median|typical)\b", q.text, re.I)  # one test, not one per field
    for f in (f for f in FIELDS if averaged and f.number is not None and f.name != "position"):
        # 'the average score', 'the mean of the numeric score badges', 'median page count': the numbers printed.
        if m := q.take(rf"\b(?:the\s+)?(average|mean|median|typical)\s+(?:(?:value|number)\s+)?(?:of\s+)?(?:the\s+|all\s+"
                       rf"(?:the\s+)?|their\s+|its\s+)?(?:{f.words})(?![\w-])|\b(?:{f.words})(?![\w-])\s+on\s+average\b"):
            return ("median" if (m[0].group(1) or "").casefold() == "median" else "mean"), f.name, False
    # Every search below needs a superlative or one of these words, and none blanks text unless it returns: without
    # either, no field can match (most questions), so the per-field searches are not tried.
    ordered = rx.search(r"\b(?:rank|ranked|ranking|sort|sorted|order|ordered)\b", q.text, re.I)
    if not ranked and not ordered:
        return None
    # 'the shortest title on the Amii page, character-wise': the measure said apart from the superlative it sorts by
    # or '(most characters)', 'counting characters', 'by number of letters': the measure as an aside
    if ranked and (aside := rx.search(rf",?\s*\b(?:(?:character|letter)s?[\s-]?wise|(?:in|by)\s+(?:the\s+)?(?:{_CHARS}|"
                                      rf"(?:character|letter)\s+count|number\s+of\s+{_CHARS})|counting\s+{_CHARS})\b|"
                                      rf"\s*\(\s*(?:the\s+)?(?:most|fewest|least|max(?:imum)?|min(?:imum)?)\s+{_CHARS}\s*\)",
                                      q.text, re.I)) and \
            (m := rx.search(rf"\b({_HIGH}|{_LOW})[\s-]+{_TITLE}\b|"  # or 'which title on X is the longest'
                            rf"\b{_TITLE}\b[^?.!;,]{{0,60}}?\b(?:is|was)\s+(?:the\s+)?({_HIGH}|{_LOW})\b", q.text, re.I)):
        q.blank(aside.start(), aside.end())
        q.blank(*(m.span() if m[1] else m.span(2)))  # the superlative with its title, or the superlative alone
        return ("last" if rx.fullmatch(_HIGH, m[1] or m[2], re.I) else "first"), "title_chars", False
    for f in FIELDS:
        if f.number is None:
            continue
        if ordered and (m := q.take(rf"\b(?:rank|ranked|ranking|sort|sorted|order|ordered)\b(?:\s+\S+){{0,3}}?\s+by\s+(?:their\s+|the\s+|its\s+)?"
                       rf"(?:{f.words})(?:\s*,?\s*(?:from\s+)?(?:(highest|most)|(lowest|fewest))\s+(?:to|first)\b(?:\s+\w+)?)?")):
            return ("first" if m[0].group(2) else "last"), f.name, True
        if not ranked:  # the two searches below both need a superlative
            continue
        words = field_words(f)
        # 'the highest score under 90': the superlative sorts, the comparison after it is a condition (plan_numbers).
        if pre := rx.search(rf"\b({_HIGH}|{_LOW})(?=[\s-]+(?:{words})(?![\w-]){_COMPARED})", q.text, re.I):
            q.blank(pre.start(), pre.end())
            return ("last" if rx.fullmatch(_HIGH, pre.group(1), re.I) else "first"), f.name, False
        verb = rf"(?:\b(?:{f.said})\s+(?:the\s+)?)?" if f.said and not f.filter else ""  # 'starts on the highest page'
        m = q.take(rf"{verb}\b({_HIGH}|{_LOW})(?:[\s-]+|,\s+)(?:{words})(?![\w-])(?!\s+than\b)|"
                   rf"\b(?:{f.words})\s+(?:is\s+)?(?:the\s+)?({_HIGH}|{_LOW})\b(?!\s+than\b)")  # 'higher than 90' compares
        if m:
            word = (m[0].group(1) or m[0].group(2)).casefold()
            return ("last" if rx.fullmatch(_HIGH, word) else "first"), f.name, False
    return None


def by_number(papers: list[Paper], name: str, highest: bool, limit: int | None = None,
              nth: int | None = None) -> list[Paper]:
    """Papers printing the field, best first (or the `nth`: 'the second highest score'); ties at the cut kept."""
    number = BY_NAME[name].number
    scored = sorted((p for p in papers if number and number(p) is not None), key=lambda p: number(p), reverse=highest)
    cut = pick(scored, limit, nth)
    if not cut or nth:
        return cut
    edge = number(cut[-1])
    return cut + [p for p in scored[len(cut):] if number(p) == edge]
