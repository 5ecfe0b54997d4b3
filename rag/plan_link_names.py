"""A link named by its own name, said right before a link noun: 'the famo2o repo', 'the beso website', "TON's
repository" — the name a repository or a project page carries in its address ('github.com/LeapLabTHU/FamO2O',
'intuitive-robots.github.io/beso-website').

Read as a value like an owner or an address (rag/plan_links.py): only when some printed link's path holds the name,
as a whole segment or as one hyphen- or underscore-joined part of one ('beso' of 'beso-website'), and only before a
link noun, which says it names a place and not a topic ('the beso website', never 'papers about beso'). A frame word
('the code repo', 'their own website') names no link.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag import rx
from rag.catalog import Catalog
from rag.catalog_links import Link
from rag.plan_terms import FRAME

# The nouns of a place a link goes to: a name said just before one of them is the place's own name.
_LINK_NOUN = r"(?:repo(?:sitor(?:y|ies))?s?|code\s*bases?|web\s*sites?|sites?|project\s+pages?|home\s*pages?|pages?)"
_NAMED = re.compile(rf"(?<![\w@/.'-])([^\W_][\w.-]*[^\W_])(?:'s)?\s+(?={_LINK_NOUN}\b)", re.I)
# Words that say what kind of place it is or whose, not its name ('the code repo', 'their GitHub page').
_NOT_NAMES = {"code", "source", "github", "gitlab", "project", "official", "public", "main", "own", "web", "home",
              "demo", "paper", "papers", "website", "site", "repo", "page"}


def _parts(segment: str) -> set[str]:
    """A path segment and the parts it joins with hyphens, underscores or dots, folded: 'beso-website' -> {'beso-website',
    'beso', 'website'}."""
    folded = segment.casefold()
    return {folded} | {p for p in rx.split(r"[-_.]", folded) if len(p) >= 3}


def _names(link: Link) -> set[str]:
    """What a question may call the place the link goes to: its path's segments and their parts (not the host)."""
    segments = [s for s in link.path.split("/")[1:] if s]
    return {name for s in segments for name in _parts(s)}


def named_links(text: str, catalog: Catalog) -> list[tuple[int, int, str, Callable[[Link], bool]]]:
    """(start, end, the name as said, its test on a link) for each link name said before a link noun in `text` that some
    printed link carries; [] when none is."""
    held = {name for found in catalog.links.values() for link in found for name in _names(link)}
    out = []
    for m in _NAMED.finditer(text):
        name = m.group(1).casefold()
        if name in FRAME or name in _NOT_NAMES or name not in held:
            continue
        out.append((m.start(1), m.end(1), m.group(1), lambda link, n=name: n in _names(link)))
    return out
