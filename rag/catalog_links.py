"""The links a paper prints, as catalog data: each web address an abstract gives ('Code: https://github.com/…',
'Project page: https://sites.google.com/view/…') and, for a PDF, every address its text prints (footnotes included;
never its reference list), with its host, the owner a code host or github.io names, what kind of place it is and
where the page prints it.

Derived from the stored text when the catalog is built (rag/catalog.py `Catalog.links`), so ingestion stores nothing
new. A PDF's line breaks split long addresses ('https://github.com/ UKPLab/sentence-transformers'); they are joined
again when the next piece can only be the rest of an address. An entry whose abstract copies another entry's
(`abstract_duplicate_of`) prints no link of its own: the copied text is not its.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rag import rx
from rag.catalog_pdf_records import is_pdf
from rag.records import Block, Paper
from rag.text import split_sentences

# What kind of place a link is: the words an answer uses for each kind.
KINDS = {"code": "code repository", "project": "project page", "dataset": "dataset", "model": "model",
         "paper": "paper link", "video": "video", "web": "web page"}

# Hosting services by the host they live on: (host, how people name it, kind, where the owner is: 'path' for
# github.com/OWNER/…, 'sub' for OWNER.github.io, None when the service names no owner).
HOSTS: list[tuple[str, str, str, str | None]] = [
    ("github.com", "GitHub", "code", "path"), ("gitlab.com", "GitLab", "code", "path"),
    ("bitbucket.org", "Bitbucket", "code", "path"), ("anonymous.4open.science", "Anonymous GitHub", "code", None),
    ("github.io", "GitHub Pages", "project", "sub"), ("gitlab.io", "GitLab Pages", "project", "sub"),
    ("sites.google.com", "Google Sites", "project", None), ("huggingface.co", "Hugging Face", "model", "path"),
    ("arxiv.org", "arXiv", "paper", None), ("doi.org", "DOI", "paper", None),
    ("aclanthology.org", "ACL Anthology", "paper", None), ("aclweb.org", "ACL Anthology", "paper", None),
    ("openreview.net", "OpenReview", "paper", None), ("zenodo.org", "Zenodo", "dataset", None),
    ("kaggle.com", "Kaggle", "dataset", "path"), ("youtube.com", "YouTube", "video", None),
    ("youtu.be", "YouTube", "video", None),
]
_TLD = r"(?:com|org|io|net|ai|me|co|edu|dev|site|page|science|info|xyz)"
# An address as printed: with its scheme or 'www.', or a bare host on a known top-level domain ('github.com/x/y').
_URL = re.compile(r"(?:https?://|www\.)[^\s<>{}\"'()\[\]|]+|(?<![@\w./-])(?:[a-z0-9-]+\.)+" + _TLD +
                  r"(?:/[^\s<>{}\"'()\[\]|]*)?(?![\w@])", re.I)
_TRAIL = ".,;:!?)]}'\""
_IN_MARKUP = re.compile(r"\{")  # an address running into a brace: a macro's argument follows ('…github.io{blue{…}}')
# The rest of an address a PDF's line break split off: a piece with a path, a dot or a dash in it, or a file ending.
_REST = re.compile(r"[\w~%-][\w./~%#?=&+-]*")
_ENDINGS = {"html", "htm", "php", "pdf", "md", "txt"}
# Words a sentence gives a link by, most telling first: 'Project page: …', 'Code is available at …'.
_SAYS = [("project", r"project\s+(?:page|site|website|web\s*page|homepage)|website|web\s*site|home\s*page|homepage"),
         ("code", r"\bcode(?:s|base)?\b|implementation|open[\s-]?sourced?|source|repositor(?:y|ies)|software|toolkit|"
                  r"\b(?:the|our|this|python)\s+(?:librar(?:y|ies)|packages?)\b"),  # 'the library is available at
         ("dataset", r"\bdata(?:sets?)?\b|benchmark"), ("model", r"\bmodels?\b|weights|checkpoints?"),
         ("video", r"videos?|demos?|demonstrations")]


@dataclass(frozen=True)
class Link:
    """One web address a paper prints, read into the parts a question names."""

    url: str  # as printed, the sentence's full stop off: 'https://github.com/NJU-RL/Meta-DT'
    host: str  # lower case, 'www.' off: 'github.com', 'myodex.github.io', 'sites.google.com'
    service: str  # how people name the host: 'GitHub', 'GitHub Pages', 'Google Sites'; else the host itself
    owner: str | None  # the account or organisation a code host or github.io names: 'NJU-RL', 'allenai', 'agarwl'
    repo: str | None  # the repository under the owner, on a code host: 'Meta-DT'
    kind: str  # a key of KINDS: 'code', 'project', 'dataset', 'model', 'paper', 'video', 'web'
    says: tuple[str, ...]  # what the sentence giving it says is there: ('code',), ('project',), ('code', 'video')
    sentence: str  # the printed sentence holding it (what a row quotes)
    place: str  # 'abstract', or for a PDF 'p. 5, §4 Experiments'
    page: int | None  # PDF page, None for a listing's abstract
    times: int = 1  # how often the paper prints this address: 'https://x.github.io{blue{https://x.github.io/}}' is 2
    markup: bool = False  # printed in markup left in the text (a LaTeX macro's braces: '{blue{…}}')

    @property
    def path(self) -> str:
        """'github.com/NJU-RL/Meta-DT': host and path, no scheme, no trailing slash — what a question may quote."""
        return bare_address(self.url).rstrip("/")

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


def bare_address(text: str) -> str:
    """An address without its scheme and 'www.': 'https://www.github.com/x' -> 'github.com/x'."""
    return rx.sub(r"^(?:https?://)?(?:www\.)?", "", text, flags=re.I)


def printed_links(paper: Paper) -> tuple[Link, ...]:
    """Every distinct address the paper prints, in reading order: its abstract first, then a PDF's text blocks
    (captions too, references never). The same address printed twice is kept once, where it is printed first."""
    texts: list[tuple[str, int | None, str]] = []
    if paper.abstract and not paper.abstract_duplicate_of:
        texts.append(("abstract", None, paper.abstract))
    pdf = is_pdf(paper)
    for block in paper.blocks:
        if block.kind != "references":
            place = ", ".join(x for x in (f"p. {block.page}" if block.page else "",
                                          f"§{block.section}" if block.section else "") if x)
            texts.append((place or "text", block.page, block.text))
    found: dict[str, Link] = {}
    for place, page, text in texts:
        text = _joined(text) if pdf else text
        for sentence in split_sentences(text) or [text]:
            for m in _URL.finditer(sentence):
                link = _link(m.group(0), sentence, place, page if page is not None else (1 if place == "abstract"
                                                                                        and pdf else None))
                if link is None:
                    continue
                key = link.path.casefold()
                braced = _IN_MARKUP.match(sentence, m.end()) is not None or sentence[:m.start()].endswith("{")
                seen = found.setdefault(key, link)
                found[key] = replace(seen, times=seen.times + (seen is not link), markup=seen.markup or braced)
    return tuple(found.values())


def link_blocks(paper: Paper) -> list[Block]:
    """The paper's blocks as a copy without full texts keeps them (rag/shared/reader_parts.py): every block in its
    place with its kind, section and page (what headings are read from), and of its text only the sentences that
    print an address (a PDF's split addresses joined again), the sentences `printed_links` reads and quotes. So
    `printed_links` of the copy is `printed_links` of the paper (a shared library's readers answer link questions as
    the writer's own catalog does), and no passage's text is shared beyond them."""
    pdf = is_pdf(paper)

    def kept(block: Block) -> str:
        if block.kind == "references":
            return ""
        text = _joined(block.text) if pdf else block.text
        return " ".join(s for s in split_sentences(text) or [text] if _URL.search(s))

    return [block.model_copy(update={"text": kept(block)}) for block in paper.blocks]


def _joined(text: str) -> str:
    """A PDF's text with addresses split by a line break put together again: 'https://github.com/ UKPLab/x',
    'http:// allenai.org/', 'https://sobigdata. d4science.org/…', 'meshhome. html'. Only a piece that cannot be a
    word of the sentence is joined: one with a slash, dot, dash, underscore or digit in it, or a file ending."""
    out, at = [], 0
    for m in rx.finditer(r"(?:https?://|www\.)\S*", text, re.I):
        if m.start() < at:
            continue
        url, end = m.group(0), m.end()
        while True:
            gap = rx.match(r"[ \t]+", text[end:])
            if gap is None or not rx.search(r"(?:/|\.|://|-)$", url):
                break
            rest = _REST.match(text, end + gap.end())
            if rest is None or rx.match(r"(?:https?://|www\.)", rest.group(0), re.I):
                break
            piece = rest.group(0).rstrip(_TRAIL)
            whole = url.endswith("://") or rx.search(r"[/._\d-]", piece) or \
                (url.endswith(".") and piece.casefold() in _ENDINGS)
            if not piece or not whole:
                break
            url, end = url + rest.group(0), rest.end()
        out.append(text[at:m.start()] + url)
        at = end
    return "".join(out) + text[at:]


def _link(printed: str, sentence: str, place: str, page: int | None) -> Link | None:
    url = printed.split("{")[0].rstrip(_TRAIL)  # 'https://x.github.io{blue{…}}.': a LaTeX colour macro left in
    bare = bare_address(url)
    host = bare.split("/")[0].casefold()
    if "." not in host or host.endswith("."):
        return None
    parts = [p for p in bare.split("/")[1:] if p]
    service, kind, owner, repo = host, "", None, None
    for name, label, of_kind, whose in HOSTS:
        if host == name or host.endswith("." + name):
            service, kind = label, of_kind
            if whose == "path" and parts:
                owner = parts[0]
                repo = parts[1] if len(parts) > 1 and kind == "code" else None
                if name == "huggingface.co" and parts[0] in ("datasets", "spaces"):  # huggingface.co/datasets/OWNER/…
                    kind = "dataset" if parts[0] == "datasets" else "project"
                    owner = parts[1] if len(parts) > 1 else None
            elif whose == "sub" and host != name:
                owner = host.removesuffix("." + name)
            break
    before = _URL.sub(" ", sentence.split(printed)[0])  # the words before it, not another address's ('data.html')
    says = tuple(k for k, words in _SAYS if rx.search(words, before, re.I))
    if not kind:  # a host of its own: what the sentence calls it, or a project when its path says so
        kind = "project" if "project" in says or rx.search(r"project", bare, re.I) else \
            next((k for k in says if k in ("dataset", "video")), "web")
    return Link(url=url, host=host, service=service, owner=owner, repo=repo, kind=kind, says=says,
                sentence=sentence.strip(), place=place, page=page)


def owners(links: dict[str, tuple[Link, ...]]) -> dict[str, str]:
    """Folded owner -> owner as printed, over the whole catalog: the accounts a question may name ('allenai')."""
    return {link.owner.casefold(): link.owner for found in links.values() for link in found if link.owner}


def where(paper: Paper, link: Link) -> str:
    """Where the page prints the link, to cite beside a row: "trending papers (Jun 26) (seeds/002_….txt, entry at
    line 211, abstract: 'Our code is available at https://github.com/NJU-RL/Meta-DT.')" or, for a PDF,
    "…/2020.acl-main.207.pdf, p. 5, §4 Experiments: '…'"."""
    source = paper.sources[0] if paper.sources else None
    quote = link.sentence if len(link.sentence) <= 160 else "… " + link.sentence[-150:]
    if source is None:
        return f"{link.place}: '{quote}'"
    if source.format == "pdf":
        return f"{source.path}, {'p. 1, ' if link.place == 'abstract' else ''}{link.place}: '{quote}'"
    entry = f"entry at line {source.line}, " if source.line else ""
    inner = f"{source.path}, {entry}{link.place}: '{quote}'"
    return f"{source.page_name} ({inner})" if source.page_name else inner


def said(link: Link) -> str:
    """'https://github.com/NJU-RL/Meta-DT (code repository on GitHub, owner NJU-RL)'."""
    on = f" on {link.service}" if link.service != link.host else ""
    owner = f", owner {link.owner}" if link.owner else ""
    return f"{link.url} ({link.kind_label}{on}{owner})"


def links_text(paper: Paper, field: str) -> str:
    """The answer to 'where is X's code' ('links:code'), 'what project page does X give' ('links:project') or 'what
    links does X print' ('links'): each fitting link with its kind and where the page prints it, the other links it
    prints when none fits, and the page's Code badge when code is asked."""
    kind = field.partition(":")[2]
    found = printed_links(paper)
    fits = [link for link in found if not kind or link.kind == kind or kind in link.says]
    # A paper gives its own code or page where it presents itself (its abstract, a PDF's first page); an address
    # deeper in a PDF is often another's tool (SPECTER's p. 13 names UKPLab's), so those are said only when no
    # address on the first page fits.
    opening = [link for link in fits if link.place == "abstract" or link.page == 1]
    fits = sorted(opening or fits, key=lambda link: link.kind != kind)  # a repository before a project page
    badge = "" if kind != "code" or paper.has_code is None else \
        " The page shows a Code badge for it." if paper.has_code and not paper.code_url else \
        "" if paper.has_code else " The page shows no Code badge for it."
    if fits:
        return f"{paper.title}: " + "; ".join(f"{said(link)}, printed in {where(paper, link)}" for link in fits) + \
            "." + badge
    what = {"code": "code link", "project": "project page"}.get(kind, "link")
    others = f" It prints: {'; '.join(f'{said(link)}, in {where(paper, link)}' for link in found)}." if found else ""
    return f"{paper.title} prints no {what}.{others}{badge}"


def cited_links(paper: Paper, conditions: list) -> str:
    """' — links: https://github.com/NJU-RL/Meta-DT (…), printed in …': the links a catalog row was selected by,
    each with where its page prints it; '' when the plan names no link (rag/catalog_query.py adds it to the row)."""
    tests = [c.matches for c in conditions if getattr(c, "matches", None) is not None and not c.value.startswith("not ")]
    if not tests:
        return ""
    fitting = [link for link in printed_links(paper) if all(t(link) for t in tests)]
    return " — " + "; ".join(f"{said(link)}, printed in {where(paper, link)}" for link in fitting) if fitting else ""


def code_beside(paper: Paper) -> str:
    """' Its abstract gives https://github.com/… (code repository on GitHub, owner …), printed in …': the code a listing
    entry's abstract links, said beside its Code badge (rag/catalog_fields.py), which carries no address; '' when it
    links none, or when the badge's address is the PDF's own (`code_url`)."""
    if paper.code_url:
        return ""
    found = [link for link in printed_links(paper) if link.place == "abstract" and (link.kind == "code" or
                                                                                     "code" in link.says)]
    return " Its abstract gives " + "; ".join(f"{said(link)}, printed in {where(paper, link)}" for link in found) + \
        "." if found else ""
