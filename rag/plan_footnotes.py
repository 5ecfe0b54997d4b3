"""Questions about a PDF's footnotes (rag/catalog_footnotes.py): a named PDF's footnotes — all of them, the ones the
question numbers ('footnotes 7 and 8'), or the ones about what it names ('the MetaMap Lite footnote', 'OpenIE's repo',
'where are the models for figure and table extraction released') — how many it prints or how many point into a
domain, which PDF prints the most, and which PDFs hang a footnote (a code link) off their abstract.

A footnote is named by what the catalog holds of it: its number, the words its mark follows in the text, its section,
its own words and the addresses it prints. The question's words are matched against those, each word weighed by how
few of the paper's footnotes hold it, so no phrasing is listed. Without the word 'footnote', a question is taken only
when it asks for an address ('where … released', 'what url') of a named PDF and its words pick out a footnote's
anchor: what a text says about a thing stays with retrieval.
"""

from __future__ import annotations

import re

from rag import rx
from rag.catalog import Catalog
from rag.catalog_footnotes import counted, note_links, numbered, said, words
from rag.plan_citations import _named, _unnamed
from rag.plan_footnote_repeats import repeated_addresses
from rag.plan_heading_phrases import abbreviated, begun_title_words
from rag.plan_headings import HeadingAsk
from rag.plan_measure_asked import asks_printed_measure
from rag.plan_terms import HOW_MANY
from rag.records import Footnote, Paper

_FOOTNOTE = re.compile(r"\bfoot\s*-?\s*notes?\b|\bfootnoted\b|\bfoot\s*notes?\b|\bfn\s*\d", re.I)
_ADDRESS_ASKED = re.compile(r"\b(?:urls?|links?|sites?|websites?|web\s*pages?|address(?:es)?|repos?|repositor(?:y|ies)|"
                            r"github|hosted|available|released?|point(?:s|ing)?\s+(?:to|into|at))\b", re.I)
_LINK_ASKED = re.compile(r"\burls?\b|\bweb\s*(?:sites?|pages?)\b|\b(?:sites?|repo(?:s|sitor(?:y|ies))?)\b(?!\s+of\b)|"
                         r"\b(?:the|a|an|which|what|its|their|any)\s+(?:code\s+|github\s+|web\s+)?links?\b"
                         r"(?!\s+['\"‘])|"
                         r"\blinks?\b(?=\s*(?:please|pls|\?|$|,|\.))|"  # 'link please', 'the TagMe footnote: link?'
                         r"\bwhere\b.*\b(?:releas\w*|availab\w*|hosted|download\w*|find|found|get|located|kept|put|"
                         r"lives?)\b", re.I)
_NUMBERS = re.compile(r"\b(?:(?:foot)?notes?|fn\.?)\s*((?:\d{1,2})(?:\s*(?:,|and|&|-|–|to|or)\s*\d{1,2})*)", re.I)
_FEW = re.compile(r"\b(?:fewest|least|fewer|lowest)\b", re.I)
_SET = re.compile(r"\b(?:which|what|any|all)\s+(?:of\s+)?(?:(?:my|the)\s+)?(?:pdfs?|papers?|files?|documents?)\b", re.I)
# Two or more PDFs named and ranked by how many footnotes each prints: nothing else may be asked of them
_RANKED = r"(?i)\b(?:most|fewest|least|more|fewer)\s+(?:\w+\s+)?foot\s*-?notes\b"
_RANK_WORDS = frozenset("most fewest least more fewer".split())
# The measure with its noun said earlier ('of my PDFs that have footnotes, which one has the fewest?'): the end of it
_ELIDED = r"\b(?:most|fewest|least|more|fewer)(?:\s+(?:one|of\s+(?:them|those|these|all)))?\s*[?.!]*\s*$"
_ABSTRACT = re.compile(r"\babstract'?s?\b", re.I)
_GITHUB = re.compile(r"\bgit\s*hub\b", re.I)
_NOT_GITHUB = re.compile(r"\bnon[\s-]*git\s*hub\b|\b(?:not|outside(?:\s+of)?)\s+(?:on\s+)?git\s*hub\b|\boutside\b", re.I)
_ADDRESS = re.compile(r"(?<![\w@])(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[\w.~-]+)*", re.I)
# Words that carry no topic of a footnote: the question's frame ('which', 'site'), said of any footnote.
_FRAME = frozenset("""what which where when who whom whose how many much does do did is are was were the a an of in on at
to for and or its it their they them this that these those there give gives given point points pointing say says said
footnote footnotes footnoted note notes link links url urls site sites website address addresses repo repos repository
page paper papers pdf pdfs my me with from by as into off each both two one any all has have had also just like please
tell show list mention mentions mentioned print prints printed version available release released resource resources
github com org www http https section part whom releases releasing saying say says reads reading stating states
about regarding concerning""".split())


def ask(question: str, catalog: Catalog) -> HeadingAsk | None:
    """The footnote question's answer, or None when the question is not about a PDF's footnotes."""
    text = " ".join(question.replace("’", "'").split())
    if asks_printed_measure(text):
        return None  # 'how many points are lost … the intro gives a number in a footnote': what a footnote says
    said_footnote = bool(_FOOTNOTE.search(text))
    # An address asked: said outright ('what url', 'which repo', 'where … released'), or beside the word 'footnote'
    # ('footnotes point into github.com/allenai', 'where is it available? (it's in a footnote)').
    address = bool(_LINK_ASKED.search(text) or said_footnote and _ADDRESS_ASKED.search(text))
    if not said_footnote and not address:
        return None
    pdfs = [p for p in catalog.papers if p.footnotes]
    if not pdfs:
        return None
    named = [p for _, p in _named(text.casefold(), catalog) if p.footnotes] or abbreviated(text, pdfs)
    begun = {w for p in named for w in begun_title_words(text.casefold(), p)}  # 'the lit graph paper'
    rest = [w for w in rx.findall(r"[a-z]+", _unnamed(text.casefold(), named, catalog)) if w not in _FRAME and w not in begun]
    if (repeated := repeated_addresses(text, rest, named, pdfs)) is not None:  # 'the same URL in two footnotes'
        return repeated
    ranked = list({p.paper_id: p for p in named + abbreviated(text, pdfs)}.values())  # by short name or title words
    if len(ranked) > 1 and said_footnote and rx.search(_RANKED, text) and \
            all(w in _RANK_WORDS for w in rest if not any(w in begun_title_words(text.casefold(), p) for p in ranked)):
        return _over_pdfs(text, ranked, ranked)  # 'of SPECTER and DPR, which has more footnotes?': the PDFs named, ranked
    if len(named) != 1:
        return _over_pdfs(text, pdfs, [p for p in catalog.papers if p.page_count]) if said_footnote and not named \
            else None
    paper = named[0]
    names = tuple(name for name, held in catalog.short_names.items() if held is paper)
    notes = _linked(text, paper) if address else list(paper.footnotes)
    if HOW_MANY.search(text) and said_footnote:
        return _count(paper, notes, text)
    asked = (_numbered(text, paper) or _end_of_run(text, paper, names)) if said_footnote else []
    if not asked and address:  # a footnote picked by its topic gives its address; what it says is content
        asked = _about(text, paper, notes, names, half=not said_footnote)
    if not asked and said_footnote and not _topic(text, paper, names):
        asked = notes  # 'what links do SPECTER's footnotes give': every footnote (with an address when asked)
    if not asked:
        return None
    lines = "; ".join(said(paper, n) for n in asked)
    return HeadingAsk(f"{paper.title} — {lines}.", [paper])


def _linked(text: str, paper: Paper) -> list[Footnote]:
    """The paper's footnotes, narrowed to those printing an address when the question asks for one: on a host or
    under a path it names ('github.com/allenai'), on GitHub or not ('non-GitHub resources')."""
    notes = list(paper.footnotes)
    if not _ADDRESS_ASKED.search(_FOOTNOTE.sub(" ", text)):
        return notes
    notes = [n for n in notes if note_links(n)]
    for m in _ADDRESS.finditer(text):
        wanted = rx.sub(r"^(?:https?://)?(?:www\.)?", "", m.group(0).casefold().rstrip("./"))
        if "." not in wanted.split("/")[0]:
            continue
        notes = [n for n in notes if any(link.path.casefold().startswith(wanted) or link.host.endswith(wanted)
                                         for link in note_links(n))]
    if _NOT_GITHUB.search(text):
        notes = [n for n in notes if not any(link.host.endswith("github.com") for link in note_links(n))]
    elif _GITHUB.search(text):
        notes = [n for n in notes if any(link.host.endswith("github.com") for link in note_links(n))]
    return notes


def _count(paper: Paper, notes: list[Footnote], text: str) -> HeadingAsk:
    if len(notes) == len(paper.footnotes):
        return HeadingAsk(f"{paper.title} prints {counted(paper)}: " +
                          "; ".join(said(paper, n) for n in paper.footnotes) + ".", [paper])
    return HeadingAsk(f"{len(notes)} of the {len(paper.footnotes)} footnotes of {paper.title} fit: " +
                      "; ".join(said(paper, n) for n in notes) + ".", [paper])


def _numbered(text: str, paper: Paper) -> list[Footnote]:
    """'footnotes 7 and 8', 'footnote 3', 'notes 10-12': the footnotes printed with those numbers."""
    marks: list[str] = []
    for m in _NUMBERS.finditer(text):
        for a, dash, b in rx.findall(r"(\d+)(?:\s*(-|–|to)\s*(\d+))?", m.group(1)):
            marks += [str(i) for i in range(int(a), int(b) + 1)] if dash and b and int(b) - int(a) < 30 else [a]
    return [n for n in paper.footnotes if n.mark in marks]


# An end of the footnotes' numbering: 'the highest-numbered footnote', 'its last footnote', 'the footnote with the
# highest number'. Their numbers are the ones the text counts (a symbol's note aside), so the end is a numbered one.
_HIGH_END = r"highest|largest|biggest|last|final|top|max(?:imum)?"
_END = re.compile(rf"\b(?:({_HIGH_END})|lowest|smallest|first)[\s-]+(?:numbered\s+)?foot\s*-?notes?\b|"
                  rf"\bfoot\s*-?notes?\b[^?.!;]{{0,40}}?\b(?:with|carr(?:y|ies|ying)|bear(?:s|ing)?|has|have|having)\s+"
                  rf"the\s+(?:({_HIGH_END})|lowest|smallest)\s+"
                  rf"(?:number|mark)\b", re.I)


def _end_of_run(text: str, paper: Paper, names: tuple[str, ...]) -> list[Footnote]:
    """The paper's first or last numbered footnote, when the question asks for an end of the numbering and nothing
    else of it ('what does the last footnote say about BERT' names a topic: content)."""
    m = _END.search(text)
    notes = sorted(numbered(paper), key=lambda n: int(n.mark))
    if m is None or not notes or _topic(text[:m.start()] + " " + text[m.end():], paper, names):
        return []
    return [notes[-1] if (m[1] or m[2]) else notes[0]]


def _terms(text: str) -> list[str]:
    return [w for w in rx.findall(r"[a-z0-9][a-z0-9.]*[a-z0-9]|[a-z0-9]", text.casefold().replace("-", " "))]


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word


def _topic(text: str, paper: Paper, names: tuple[str, ...] = ()) -> list[str]:
    """The question's words that may name a footnote's topic: not frame, not the paper's own names ('DPR'), title
    words or author names, whole or begun ('lit graph')."""
    own = _terms(paper.title) + [w for a in paper.authors for w in _terms(a.name)] + [n.casefold() for n in names]
    said = _terms(_ADDRESS.sub(" ", _FOOTNOTE.sub(" ", text)))
    return [w for w in said if w not in _FRAME and len(w) > 2 and not w.isdigit()
            and not any(t == w or len(w) >= 3 and t.startswith(w) for t in own)]


def _about(text: str, paper: Paper, notes: list[Footnote], names: tuple[str, ...], half: bool) -> list[Footnote]:
    """The footnotes whose anchor, section, words or addresses hold the question's topic words, each word weighed by
    how few of the paper's footnotes hold it; the best (and any nearly as good) when a word held by at most two is
    among them. With `half` (the question never says 'footnote'), they must hold half the topic words or more: 'where
    does the DPR code download the Wikipedia dump from' shares only 'code' with the code's footnote."""
    topic = [_stem(w) for w in _topic(text, paper, names)]
    if not topic or not notes:
        return []
    held = {id(n): {_stem(w) for w in _terms(" ".join([n.anchor, n.section, words(n)] +
                                                     [link.path for link in note_links(n)]))} for n in paper.footnotes}
    weight = {w: 1 / sum(w in held[id(n)] for n in paper.footnotes) for w in set(topic)
              if any(w in held[id(n)] for n in paper.footnotes)}
    scores = {id(n): sum(weight.get(w, 0) for w in set(topic) if w in held[id(n)]) for n in notes}
    best = max(scores.values())
    if best < 0.5:
        return []
    chosen = [n for n in notes if scores[id(n)] >= 0.75 * best]
    covered = set(topic) & set().union(*(held[id(n)] for n in chosen))
    return chosen if not half or len(covered) >= len(set(topic)) / 2 else []


def _over_pdfs(text: str, pdfs: list[Paper], every_pdf: list[Paper]) -> HeadingAsk | None:
    """Set questions: the PDF printing the most (or fewest) footnotes, how many each prints, and which PDFs hang a
    footnote off their abstract (one printing an address when a link or code is asked)."""
    if _ABSTRACT.search(text):
        asked_link = bool(rx.search(r"\b(?:code|links?|urls?|repo\w*|github|address)\b", text, re.I))
        hung = [(p, n) for p in pdfs for n in p.footnotes if n.section.casefold().startswith("abstract")
                and (not asked_link or note_links(n))]
        if not hung:
            return HeadingAsk("None of the PDFs prints a footnote mark in its abstract.", [])
        return HeadingAsk(f"{len(hung)} PDF{'s' if len(hung) != 1 else ''} hang a footnote off the abstract: " +
                          "; ".join(f"{p.title}: {said(p, n)}" for p, n in hung) + ".", [p for p, _ in hung])
    if rx.search(r"\b(?:most|fewest|least|more|fewer|how\s+many|number\s+of)\s+(?:\w+\s+)?foot\s*-?notes\b", text,
                 re.I) or rx.search(_ELIDED, text, re.I):
        # none is fewest, unless the set is said to print some ('among those that have any', 'with footnotes')
        some = rx.search(r"\b(?:that|which|who)\s+(?:\w+\s+)?(?:have|has|print|prints|carry|carries|use|uses)\s+"
                         r"(?:any|some|at\s+least\s+one|foot\s*-?notes)\b|\bwith\s+(?:any\s+)?foot\s*-?notes\b",
                         text, re.I)
        ranked = sorted(pdfs if some else every_pdf, key=lambda p: len(p.footnotes), reverse=not _FEW.search(text))
        return HeadingAsk("; ".join(f"{p.title}: {counted(p)}" for p in ranked) + ".", ranked)
    topic = {_stem(w) for w in _topic(_SET.sub(" ", text), Paper(paper_id="", title=""))}
    if not topic or not _SET.search(text) or HOW_MANY.search(text):
        return None
    fitting = [(p, n) for p in pdfs for n in p.footnotes if topic <= {_stem(w) for w in _terms(words(n))}]
    if not fitting:
        return None  # 'which PDFs footnote a claim about X': nothing printed says it; retrieval may
    count = len({p.paper_id for p, _ in fitting})
    return HeadingAsk(f"{count} PDF{'s' if count != 1 else ''} print{'' if count != 1 else 's'} such a footnote: " +
                      "; ".join(f"{p.title}: {said(p, n)}" for p, n in fitting) + ".",
                      list({p.paper_id: p for p, _ in fitting}.values()))
