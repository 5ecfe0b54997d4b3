"""A quoted title with one word spelt another way than the page prints it: "where's 'contrastive preference learning' on
the trending list?" names 'Contrastive Prefence Learning: …' (the page's own typo), as "'Forgeting Transformer'" names
'Forgetting Transformer: …'. Read only for a quoted span of three words or more that opens exactly one title with every
word but one the same and that one close in spelling: a quote is a name the asker copied, so a slip of one word is
still that name, while a paraphrase (two words changed, or one replaced by another word) is not.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from rag.records import Paper


def misspelt(key: str, titles: dict[str, Paper]) -> Paper | None:
    """The one paper whose normalised title (a key of `titles`) opens with `key` (normalised) but for one word spelt
    close to it; None when none or several do."""
    words = key.split()
    if len(words) < 3:
        return None
    found = []
    for title, paper in titles.items():
        opening = title.split()[:len(words)]
        if len(opening) < len(words):
            continue
        apart = [(a, b) for a, b in zip(words, opening) if a != b]
        if len(apart) == 1 and _close(*apart[0]):
            found.append(paper)
    return found[0] if len({p.paper_id for p in found}) == 1 else None


def _close(said: str, printed: str) -> bool:
    """A slip of spelling: both words of five letters or more, sharing their first letter, mostly the same letters."""
    return min(len(said), len(printed)) >= 5 and said[0] == printed[0] and \
        SequenceMatcher(None, said, printed).ratio() >= 0.8
