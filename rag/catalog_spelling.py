"""Whether a title is printed with a word misspelt (issue 11): 'is the title spelled right there?' asks of the page's
own printing, and the catalog holds the title as printed ('Contrastive Prefence Learning: …', the trending page's
typo). A printed word is flagged when general English never uses it (wordfreq's Zipf frequency 0) and it is close in
spelling to a common word (difflib's ratio at least 0.85 against the commonest words): 'Prefence' for 'Preference'.
Coined names ('TokMem', 'Nano3D') are close to no common word and are left alone.
"""

from __future__ import annotations

import functools
from difflib import get_close_matches

from rag import rx
from rag.records import Paper

_COMMON = 40_000  # the commonest English words a slip is measured against
_CUTOFF = 0.85


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[str, ...]:
    from wordfreq import top_n_list  # its data ships in the wheel: no download
    return tuple(w for w in top_n_list("en", _COMMON) if w.isalpha() and len(w) >= 5)


@functools.lru_cache(maxsize=4096)
def _slip(word: str) -> str | None:
    """The common word `word` looks like a misspelling of, or None."""
    from wordfreq import zipf_frequency
    low = word.casefold()
    if len(low) < 6 or not low.isalpha() or zipf_frequency(low, "en") > 0:
        return None
    close = get_close_matches(low, _vocabulary(), n=1, cutoff=_CUTOFF)
    return close[0] if close else None


def slips(title: str) -> list[tuple[str, str]]:
    """(printed word, the word it looks like) for each word of `title` that reads as a misspelling."""
    found = [(w, s) for w in rx.findall(r"[A-Za-z]+", title) if (s := _slip(w))]
    return list(dict.fromkeys(found))


def spelling_text(paper: Paper) -> str:
    """The title as printed, and any word in it that reads as a misspelling."""
    found = slips(paper.title)
    if not found:
        return f"The page prints the title as '{paper.title}'; no word in it reads as misspelt."
    said = "; ".join(f"'{w}' (for '{_cased(s, w)}'?)" for w, s in found)
    return f"The page prints the title as '{paper.title}', with a likely misspelling: {said}."


def _cased(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


SPELLING_WORDS = r"(?:(?:the\s+|its\s+)?title\s+)?(?:spell(?:ed|t|ing)(?:\s+(?:right|correctly|properly|wrong(?:ly)?|" \
                 r"incorrectly|the\s+same))?|misspel(?:led|t|lings?)|typos?)"
