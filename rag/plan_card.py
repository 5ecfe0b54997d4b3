"""A named paper's record card, when the planner's readers took no reading of a question about one paper's record.

'last name in the byline of the dense passage retrieval paper?', 'who closes out the SPECTER author list?': the
paper is named and a field of its printed record is asked, but in words no reader of rag/planner.py is built
for, so the question would fall through to retrieval, which shows passages and not the byline. This fallback
runs only after `plan()` returned None, and answers with every field the page prints for that one paper (the
card: rag/catalog_values.card_text), so whichever field was asked, it is there, cited.

Three tests, all on structure, and the vocabulary is the catalog's own:
1. exactly one paper is named — by its title or short name (rag/plan_values.title), or by a description the
   planner's resolver is sure of (rag/plan_describe) — and no second one; an apposition or a bracketed gloss
   after the name ('HoME, the household environment') is blanked when the paper's own text resolves it to
   the same paper;
2. a field of the record is asked: a word of the planner's field readers (rag/plan_field_words.FIELDS: who, when,
   category, venue, ...), of the badge registry (rag/catalog_fields.FIELDS: code, score, keywords, ...), a place
   in the author list (rag/plan_position: first, last, lead, ...) or a mark the library's pages print, named
   as Unicode names it ('dagger' for '†');
3. nothing else is left: every remaining word is question frame (rag/plan_terms.FRAME), and the question asks
   neither why nor how (but 'how many'). One content word ('propose', 'dataset', 'trained', 'licence') sends
   it to retrieval, as the planner itself does; so does the paper doing something ('what metadata does X use':
   a verb after do-support that is no way of saying the page prints it).
A place word ('first', 'last', 'middle') is a field only with the author list said ('the first contribution of X'
places a contribution), and only one paper's fields count ('titles' is a sort across papers).
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_fields import FIELDS as BADGES
from rag.plan_describe import description, points_back, resolve, restated, which
from rag.plan_field_words import FIELDS as FIELD_WORDS, other_noun
from rag.plan_fields import _MORE as MORE_FIELD_WORDS, _PLACE, _blank_frame
from rag.plan_line import person_acts
from rag.plan_links import link_contents
from rag.plan_position import _ENDS as LIST_ENDS
from rag.plan_acts import acted_on
from rag.plan_compound import content_asked
from rag.plan_slots import _SOFT, tokens
from rag.plan_spelled_name import uncoined
from rag.plan_terms import ORDINALS, Question, fold
from rag.plan_values import conditions, title
from rag.planner import Plan
from rag.records import Paper

# A content question about the paper ('why does X …', 'how does X train'): never a record field.
_CONTENT_WH = re.compile(r"\bwhy\b|\bhow\b(?!\s+(?:many|much|old|long\s+ago)\b)", re.I)
# Words a place in the author list is said with besides the ordinals: the list's ends as rag/plan_position reads
# them ('ends with', 'closes out', 'leads'), and the list itself.
_ENDS = rf"(?:{'|'.join(LIST_ENDS)})(?:s|es|ed|ing)?(?:\s+(?:out|off))?"
# A bare 'order' or 'list' is not the author list ('the order of sections', 'what order does X use').
_LIST = r"(?:author\s+(?:list|line|order)|byline|(?:list|order)\s+of\s+(?:the\s+)?(?:authors|names))"
# The author list said in any words: a place word ('first', 'last', 'middle', 'lead') is a place in it only then;
# alone it places anything ('the first contribution', 'what comes first in X', 'what does X lead to').
_LIST_SAID = re.compile(r"\b(?:(?:co-?)?authors?|names?|byline|list(?:ed)?|people|persons?|researchers?|contributors?|"
                        r"credited)\b", re.I)
# 'record' as the main verb after do-support ('what does X record?'): an action, not the card. A noun is followed
# by another word ('does the X record say') or nothing at all after do-support ('give me the X record').
_DO_VERB = re.compile(r"\b(?:do|does|did)\b(?:\s+[\w'-]+){0,2}\s+$", re.I)
# Verbs a paper's page is said to print its record with: 'which organisations does X list', 'what date does X have'.
_PRINTS = {"have", "has", "had", "list", "show", "print", "give", "carry", "bear", "name", "credit", "say", "state",
           "display", "get", "got"}
_SUBJECT = {"the", "this", "that", "its", "paper", "pdf", "article", "preprint", "entry", "work"}  # 'the X paper'
_VERB_ENDS = re.compile(r"\s*(?:[?.!;,]|$|(?:about|for|on|of|in|from|when|as|by)\b)", re.I)
# What a page's legend says a mark is: LegendEntry.means, said as a verb of meaning — only with a mark named.
_MEANS = r"(?:mean|means|meaning|denote|denotes|stand|stands|indicate|indicates|signify|signifies|represent|represents)"
# An apposition or gloss after the name: 'Llip, the caption-diversity CLIP alternative', 'HoME (household env)'.
# A clause is no gloss: 'DPR, what was the standard before it?' asks, it does not name the paper again.
_CLAUSE = re.compile(r"^\s*(?:what|which|who|whom|whose|when|where|why|how)\b|\b(?:is|are|was|were|do|does|did|"
                     r"has|have|had|can|could|will|would|should|shall|may|might|must)\b", re.I)
_APPOSITION = re.compile(r"\s*(?:,\s*|\(\s*|[—–]\s*|\s-{1,2}\s+)(?:the\s+|a\s+|an\s+)?([^,?;:()!—–]+?)\s*"
                         r"(?:\)|(?=[?,;:!]|$))")


def card_plan(question: str, catalog: Catalog) -> Plan | None:
    """A lookup of the whole record of the one paper the question names, or None (see the module's three tests)."""
    q = Question(question)
    paper, described = _named(q, catalog)
    # Why and how ask for content, but inside the name ('the paper about why labs open-source') they only describe.
    if paper is None or _CONTENT_WH.search(q.text) or acted_on(q) or content_asked(q) or other_noun(question) \
            or link_contents(question) or person_acts(q) or points_back(question):  # 'what X's 2nd author works on'
        return None  # 'who uses X', 'what order is X written in', 'what X's code includes': not its record
    conditions(q, catalog)  # values the catalog holds (a person, an organisation, a year) say nothing of content
    _printed_values(q, paper)  # nor do words of the paper's own printed record: 'the facebook people', 'Allen School'
    if not _asks_field(q, catalog):
        return None
    if q.residual() or _paper_acts(q):
        return None
    return Plan(op="lookup", lookup="card", target=paper, described=described)


def _named(q: Question, catalog: Catalog) -> tuple[Paper | None, str]:
    """(the one paper named, the description it was named by or ''); (None, '') for none, two, or an unsure one."""
    paper = title(q, catalog)
    described: list[str] = []
    if paper is not None:
        restated(q, paper, catalog.papers)
        _apposition(q, paper, catalog.papers)
    else:
        described = description(q)
        if described and uncoined(q.original, described, catalog.papers):
            return None, ""  # 'the paper that introduced Typical Acceptance Sampling (TAS)': a name it only uses
        paper = which(described, catalog.papers)[0] if described else None
        if paper is None:
            return None, ""
    if title(q, catalog) not in (None, paper):  # a second title: a comparison, not one paper's record
        return None, ""
    more = description(q)  # 'the RLDP behavioral-foundation-model paper': the title's own gloss, or another paper
    if more and not _fits(more, paper, catalog.papers):
        return None, ""
    return paper, " ".join(described)


def _printed_values(q: Question, paper: Paper) -> None:
    """Blank the words the paper's record prints as names — its authors' and its organisations' — which the
    catalog-wide readers did not ground in part ('the facebook people' for 'Facebook AI'). Not the venue line, nor
    what its marks mean, nor its title, abstract or category name: they hold common and topic words ('annual',
    'contribution', 'computational linguistics'), and the catalog-wide readers already know the venues' names."""
    values = [a.name for a in paper.authors] + [o.name for o in paper.organisations] + [paper.organisation or ""]
    # Every word, however short: 'G' of 'Paul G. Allen'.
    words = {w for v in values for w in rx.findall(r"[a-z0-9][a-z0-9'-]*", fold(v).casefold())}
    for m in list(rx.finditer(r"[a-z0-9][a-z0-9'-]*", q.text, re.I)):
        if m.group(0).casefold() in words:
            q.blank(m.start(), m.end())


def _paper_acts(q: Question) -> bool:
    """The paper is the subject of a verb after do-support that is no way of saying 'its page prints' ('what
    metadata does X use', 'what does X contribute to the annual meeting'): the question asks what the paper does,
    which is content, though the verb is a frame word and a field word stands beside it."""
    toks = tokens(q)
    for i, tok in enumerate(toks):
        if tok.state != "frame" or tok.word in _SOFT | _PRINTS | _SUBJECT or not tok.word.isalpha():
            continue
        j = i - 1
        while j >= 0 and toks[j].state == "frame" and toks[j].word in _SOFT | _SUBJECT:
            j -= 1
        if j < 0 or toks[j].state != "title":
            continue
        while j >= 0 and (toks[j].state == "title" or toks[j].word in _SUBJECT):
            j -= 1
        if j >= 0 and toks[j].word in ("do", "does", "did"):
            return True
    return False


def _fits(words: list[str], paper: Paper, papers: list[Paper]) -> bool:
    """The words describe `paper`: the resolver is sure of it, or names it among the close candidates (a gloss beside
    a title need not single it out alone, but must not point elsewhere)."""
    resolved = resolve(words, papers)
    return resolved.paper is paper or (resolved.paper is None and paper in resolved.candidates)


def _apposition(q: Question, paper: Paper, papers: list[Paper]) -> None:
    """Blank a noun phrase set beside the title ('X, the caption-diversity model', 'X (…)') when it resolves to the
    same paper: it says again which paper, and asks nothing."""
    ends = [b for a, b, kind in q.spans if kind == "title"]
    for end in ends:
        m = _APPOSITION.match(q.text, end)
        if m and m.group(1).strip() and not _CLAUSE.search(m.group(1)) \
                and _fits(Question(m.group(1)).residual() or [""], paper, papers):
            q.blank(m.start(), m.end())


def _asks_field(q: Question, catalog: Catalog) -> bool:
    """Take the words of the record's fields out of the question; True when at least one was there."""
    # The list's ends and the list itself first: 'author' below would take the list that 'closes out' looks for.
    found = bool(q.take(rf"\b{_ENDS}\b(?=.*\b{_LIST}\b|\s+(?:the\s+|its\s+)?(?:authors|names)\b)"))
    found |= bool(q.take(rf"\b{_LIST}\b|\bposted\b|\bpublished\b|\bposting\b"))
    # Any place, said as an ordinal before the list's noun: 'the 6th author', 'the seventh name'.
    found |= bool(q.take(rf"\b(?:\d+(?:st|nd|rd|th)|{'|'.join(ORDINALS)})(?=[\s-]+(?:author|name|co-?author)s?\b)"))
    for _, pattern in MORE_FIELD_WORDS:  # the planner's other ways to say a field: 'flagged', 'went up', 'which names'
        for m in list(rx.finditer(pattern, q.text, re.I)):
            found = True
            _blank_frame(q, 0, m, m.end())  # the words around a gap ('where does X … sit'), never the words in it
    q.take(r"\bas\s+well\s+as\b")  # a join of two fields asked (rag/plan_fields.py joins parts on it too)
    for pattern in _FIELD_ALTERNATIVES:  # the planner's field readers: who, wrote, when, category, venue, section, ...
        found |= bool(q.take(pattern))
    for badge in CARD_BADGES:  # the badge registry's fields of one paper: code, score, keywords, e-mails, DOI, ...
        found |= bool(q.take(rf"\b(?:{badge.words})(?![\w-])"))
    found |= bool(q.take(r"\btitle\b"))  # its one title ('titles' asks across papers: title_length is no lookup)
    if _LIST_SAID.search(q.folded):  # a place in the author list, only with the list said: 'the last name'
        found |= bool(q.take(rf"\b(?:{_PLACE})\b"))
    marks = catalog.mark_names  # the marks the library's pages print, as Unicode names them
    if marks and q.take(rf"\b(?:{marks})(?:[\s-]+(?:marks?|symbols?|signs?))?\b"):
        found = True
        # What the legend says it is, and where it is printed ('the asterisk next to two names'), as the badge
        # registry says where a badge sits (rag/catalog_fields._WHERE).
        q.take(rf"\b{_MEANS}(?:\s+for)?\b|\bsuperscripts?\b|\bfootnotes?\b|\bsymbols?\b|\bnext\s+to\b|\bbeside\b")
    for m in list(rx.finditer(r"\b(?:record|metadata)\b", q.text, re.I)):  # the card: 'the DPR record'
        if not (_DO_VERB.search(q.text[:m.start()]) and _VERB_ENDS.match(q.text[m.end():])):
            q.blank(m.start(), m.end())
            found = True
    return found


def _alternatives(pattern: str) -> list[str]:
    """A pattern's top-level alternatives, leaving out those that span any text ('where … published'): blanking one
    would blank the content words between its ends too, and they must stay to be seen."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "\\":
            continue
        depth += (ch == "(") - (ch == ")") if pattern[i - 1:i] != "\\" else 0
        if ch == "|" and depth == 0 and pattern[i - 1:i] != "\\":
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return [p for p in parts if ".*" not in p]


_FIELD_ALTERNATIVES = [a for _, pattern in FIELD_WORDS for a in _alternatives(pattern)]
# The badge registry's lookups of one paper, and the non-lookup badges the card still prints (arXiv stamp, DOI, page
# count); not the catalog-wide sorts ('titles' by length, listing position, journals, proceedings).
CARD_BADGES = [b for b in BADGES if b.lookup or b.name in ("arxiv_stamp", "doi", "page_count")]


__all__ = ["card_plan"]
