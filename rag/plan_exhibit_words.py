"""How a question about a PDF's tables and figures (rag/catalog_exhibits.py) is read into its parts: the PDFs it
names, the numbered objects it points at ('Table 2', 'figs 1 and 2'), and the words left once names, objects and the
question's frame are taken out. Those words are either a description of an object ('the Bag of Concepts F1 table',
'big results table') — matched against what the catalog holds of it — or what the question asks of the object's
contents ('the best score', 'what it shows'), which is retrieval's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag import rx
from rag.catalog import Catalog, venue_names
from rag.catalog_exhibits import Exhibit
from rag.plan_citations import _named
from rag.plan_heading_phrases import abbreviated, file_named
from rag.records import Paper

# A figure is also said by its kind of drawing ('the t-SNE plot'); 'graph' is left out: titles say it
NOUN = r"(?:tables?|tab\.|tbl\.?|figures?|figs?\.?|charts?|diagrams?|plots?)"
# 'Table 2', 'tab. 3', 'figs 1 and 2', 'Tables 1-3', 'Table-1', 'table #3': numbered objects, one or several at once
NUMBERED = re.compile(r"\b(?P<kind>tables?|tab\.?|tbl\.?|figures?|figs?\.?)\s*(?:-|#|no\.?\s*|number\s+)?\s*"
                      r"(?P<numbers>\d{1,2}(?:\s*(?:,|and|&|or|-|–|to)\s*\d{1,2})*)\b(?!\s*(?:%|percent|\.\d))")
# The question's own frame: what is asked (a caption, a page, a place, a count) and the words any question holds.
FRAME = frozenset("""
what whats which where when how is are was were be been does do did the a an of in on at to for and or its it their
they them this that these those there here my me i s pdf pdfs paper papers file files document documents article
articles library collection one ones each both all any every please tell give list name get find found located locate
locating appear appears appearing appeared printed print prints sit sits sitting placed place put page pages pg p
number numbered no caption captions captioned title titles titled called named label labels labelled labeled heading
headings say says said read reads exactly full text word words wording verbatim quote quoted proceedings section
sections plus also just as like e g eg such kind sort many much count counts total altogether overall have has had
with by from show display exist exists existing contain contains containing include includes including being go goes
can could would you your want need know i'd id im numbering separate different distinct panel panels subfigure
subfigures part parts two three four sub we our if whether than then same actual real given visible shown along side
respectively per apiece together taken combined told think guess believe suppose reckon hold holds holding carry
carries bear bears counting only across under below above beneath underneath next don doesn didn isn aren t so far up
down into out hmm ok okay quick question q
""".split())
# Words that say how big or where an object is, of any table ('the big results table'): never its content
SIZE = frozenset("big bigger biggest large larger largest huge main primary principal small little short long wide "
                 "final first last second third summary key central headline".split())
# Verbs of what an object holds: 'what does Table 3 show' asks its contents, unless its caption is what is asked
HOLDS = re.compile(r"\b(?:show|shows|showing|report|reports|reported|reporting|present|presents|presented|say|says|"
                   r"tell|tells|indicate|indicates|mean|means|meant|compare|compares|compared|demonstrate|"
                   r"demonstrates|reveal|reveals|suggest|suggests|illustrate|illustrates|depict|depicts|depicted|"
                   r"contain|contains|include|includes|lists|hold|holds|conclude|conclusion|measure|measures|describe|"
                   r"describes|described|about|carry|carries|bear|bears)\b")
_PASSIVE = (r"\b(?:shown|reported|presented|listed|compared|given|displayed|depicted|illustrated|summari[sz]ed|plotted|"
            r"visuali[sz]ed|measured|found|evaluated|included|contained)")
CAPTION_ASKED = re.compile(r"\bcaption\w*|\btitled?\b|\bcalled\b|\blabell?ed\b|\blabels?\b|\bheading\b|\bnamed\b")
# 'what is in Table 3', "what's on figure 2": what the object holds
IN_IT = re.compile(rf"\bwhat(?:'s|\s+is|\s+are|\s+was)?\s+(?:in|inside|on|within)\s+(?:the\s+)?{NOUN}")
# 'on page 7', 'at p. 8': the page objects are asked on
ON_PAGE = re.compile(r"\b(?:on|at)\s+(?:pdf\s+)?(?:page|p\.?|pg\.?)\s*(\d{1,4})\b")
# "captions like 'Table 1: …'": a numbered object said as an example of the kind
_EXAMPLE = re.compile(r"\b(?:like|e\.?\s?g\.?,?|such\s+as|say|as\s+in|i\.?e\.?,?)\s*['\"(]*\s*$")


@dataclass
class Read:
    """A question cut into what the exhibit readers need."""

    low: str
    pdfs: list[Paper]  # the PDFs of the library (those with a full text)
    named: list[Paper]  # the PDFs the question names
    asked: list[tuple[str, int]] = field(default_factory=list)  # ('table', 2): the numbered objects pointed at
    words: list[str] = field(default_factory=list)  # what is left after names, objects and frame
    before: list[str] = field(default_factory=list)  # of those, the words said right before a 'table' / 'figure' noun
    bare: str = ""  # the question without the named PDFs' names: 'which SPECTER table' reads 'which table'


def normal(question: str) -> str:
    low = " ".join(question.casefold().replace("’", "'").replace("‘", "'").split())
    low = rx.sub(r"[a-z]{4,}", lambda m: _respelled(m.group(0)), low)
    low = rx.sub(r"\bpage\s+numbers\b", "page number", low)  # 'numbers' alone are what a table holds
    return rx.sub(r"^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?(?:show|give|tell|list)\s+me\b", " ", low)


_KEYS = frozenset(w for w in FRAME | {"table", "tables", "figure", "figures"} if len(w) > 3)


def _respelled(word: str) -> str:
    """A key word typed with two neighbouring letters swapped ('tabels', 'whcih', 'captoin') spelled right; an English
    word is left as typed ('form' is not 'from')."""
    if word in _KEYS:
        return word
    for i in range(len(word) - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if swapped in _KEYS:
            return swapped if _english(word) < 2.5 else word
    return word


# 'the F1 figures in Table 1', 'what figures does SPECTER report': figures as numbers, what a paper or a table holds
NUMBERS_SAID = re.compile(r"\b(?:what|which)\s+figures\s+(?:does|do|did)\b|\bfigures\s+(?:in|from|of)\s+(?:the\s+)?"
                          r"(?:tables?|tab\.)")


def _english(word: str) -> float:
    from wordfreq import zipf_frequency  # its data ships in the wheel, as for rag/plan_filler.py

    return zipf_frequency(word, "en")


def asks_contents(low: str) -> bool:
    """What an object holds is asked: a verb of holding said of it ('what does Table 3 show', 'Table 2 reports …',
    'what is shown in Figure 2'); 'which page holds Table 2' and 'papers that include figures' say it of a page or a
    paper."""
    after = rx.search(rf"\b{NOUN}(?=\W|$).*?{HOLDS.pattern}", low)
    passive = rx.search(rf"{_PASSIVE}\s+(?:in|by|on|within)\s+(?:the\s+|its\s+)?{NOUN}", low)
    return bool(after or passive or NUMBERS_SAID.search(low))


def kind_of(word: str) -> str:
    return "table" if word.startswith(("tab", "tbl")) else "figure"


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


def ordinal(r: Read) -> int | None:
    """'the last table', 'SPECTER's second figure': the place said right before the noun (0-based; -1 the last)."""
    for word in r.before:
        if word in ("last", "final"):
            return -1
        if word in ORDINALS:
            return ORDINALS.index(word)
    return None


def read(question: str, catalog: Catalog) -> Read:
    low = normal(question)
    pdfs = [p for p in catalog.papers if p.blocks]
    named = [p for _, p in _named(low, catalog) if p.blocks] or abbreviated(low, pdfs) or file_named(low, pdfs)
    asked = []
    for m in NUMBERED.finditer(low):
        if _EXAMPLE.search(low[:m.start()]):
            continue  # "captions like 'Table 1: …'": an example of the kind, not an object asked for
        for a, dash, b in rx.findall(r"(\d+)(?:\s*(-|–|to)\s*(\d+))?", m.group("numbers")):
            span = range(int(a), int(b) + 1) if dash and b and 0 <= int(b) - int(a) < 20 else [int(a)]
            asked += [(kind_of(m.group("kind")), n) for n in span]
    bare = low
    for paper in named:
        bare = _unnamed(bare, paper, catalog)
    bare = " ".join(bare.split())
    rest = NUMBERED.sub(" tablenoun ", ON_PAGE.sub(" ", bare))
    rest = rx.sub(rf"\b{NOUN}(?=\W|$)", " tablenoun ", rest)
    tokens = rx.findall(r"[a-z0-9]+", rest.replace("'s", " "))
    left = [(i, w) for i, w in enumerate(tokens) if w not in FRAME and w != "tablenoun"]
    before: list[str] = []
    for i, w in enumerate(tokens):  # the run of words right before each noun: 'the Bag of Concepts F1 table'
        if w == "tablenoun":
            j = i - 1
            while j >= 0 and tokens[j] != "tablenoun" and (tokens[j] not in FRAME or tokens[j] in ("of", "and") and
                                                            j > 0 and tokens[j - 1] not in FRAME):
                before.append(tokens[j])
                j -= 1
    return Read(low, pdfs, named, asked, [w for _, w in left], before, bare)


def _unnamed(low: str, paper: Paper, catalog: Catalog) -> str:
    """The question without the named PDF's short names, its title's words (or their starts: 'lit graph'), its
    authors' names ('Cohan's SPECTER paper'), its venue's names and its year."""
    for name, held in catalog.short_names.items():
        if held is paper:
            low = rx.sub(rf"\b{re.escape(name.casefold())}\b", " ", low)
    own = set(rx.findall(r"[a-z0-9]+", paper.title.casefold())) | \
        {w for a in paper.authors for w in rx.findall(r"[a-z]+", a.name.casefold()) if len(w) > 2} | \
        {w for name in venue_names(paper.venue) for w in rx.findall(r"[a-z0-9]+", name.casefold())} | \
        ({str(paper.year)} if paper.year else set())  # 'SPECTER, which was at ACL 2020': its own record said again

    def owned(m: re.Match) -> str:
        w = m.group(0)
        return " " if w in own or len(w) >= 3 and any(t.startswith(w) for t in own if len(t) > 3) else w
    return rx.sub(r"(?<![\w.])(?!(?:tables?|figures?|tab|figs?)\b)[a-z0-9]+", owned, low)


_SUFFIXES = ("izations", "isations", "ization", "isation", "ations", "ation", "isons", "ison", "ings", "ing", "ions",
             "ion", "izes", "ises", "ize", "ise", "ies", "es", "ed", "s", "e")


def stem(word: str) -> str:
    """The word without an inflection or a nominal ending: 'compares' and 'comparison' -> 'compar', 'visualizes' and
    'visualization' -> 'visual'."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return stem(word[:-len(suffix)]) if suffix in ("s", "es", "ed", "ing", "ings") else word[:-len(suffix)]
    return word


def held_words(exhibit: Exhibit) -> set[str]:
    """The stems of what the catalog holds of an object: its caption, a table's header rows and row labels, and the
    heading of the section it is printed in ('a table on entity linking')."""
    text = f"{exhibit.caption} {exhibit.header} {rx.sub(r'^[0-9.]+', ' ', exhibit.section)}"
    return {stem(w) for w in rx.findall(r"[a-z0-9]+", text.casefold())}


def covers(exhibit: Exhibit, words: list[str]) -> bool:
    """Every description word is one the object's caption, header or section holds (by its stem: 'compares' for
    'Comparison')."""
    held = held_words(exhibit)
    return all(stem(w) in held for w in words)
