"""Copy-paste defects on listing pages: an abstract or author list repeated from an earlier entry.

A page editor who duplicates an entry and forgets to replace its abstract leaves a paper
described by another paper's text. Indexing that text under the wrong title would make
search cite the wrong paper, so the copy is dropped and the defect recorded.
"""

from __future__ import annotations

from rag.records import Paper, normalize_title

# A copy cut short is still a copy, but two short texts sharing a start ("We propose a") are not.
MIN_PREFIX_COPY = 200

# Two or three-person groups often publish several papers together; a longer identical list is
# what a copy-paste leaves behind.
MIN_AUTHORS_FOR_COPY = 3


def _is_copy(text: str, earlier: str) -> bool:
    """Same text up to case, spacing and punctuation, or one a long prefix of the other."""
    if text == earlier:
        return True
    shorter, longer = sorted((text, earlier), key=len)
    return len(shorter) >= MIN_PREFIX_COPY and longer.startswith(shorter)


def drop_copied_abstracts(papers: list[Paper]) -> list[Paper]:
    """Empty every abstract that repeats an earlier paper's, pointing at that paper and saying so."""
    seen: list[tuple[str, Paper]] = []
    result = []
    for paper in papers:
        key = normalize_title(paper.abstract)
        original = next((earlier for text, earlier in seen if key and _is_copy(key, text)), None)
        if original is None:
            if key:
                seen.append((key, paper))
            result.append(paper)
            continue
        flag = f"abstract on the page is a copy of '{original.title}'; not used"
        result.append(
            paper.model_copy(
                update={"abstract": "", "abstract_duplicate_of": original.paper_id, "flags": [*paper.flags, flag]}
            )
        )
    return result


def flag_copied_authors(papers: list[Paper]) -> list[Paper]:
    """Flag complete author lists identical to an earlier paper's; the names are kept but suspect."""
    seen: dict[tuple[str, ...], Paper] = {}
    result = []
    for paper in papers:
        names = tuple(normalize_title(name) for name in paper.author_names)
        original = seen.get(names)
        comparable = len(names) >= MIN_AUTHORS_FOR_COPY and not paper.authors_truncated
        if not comparable or original is None:
            if comparable:
                seen.setdefault(names, paper)
            result.append(paper)
            continue
        flag = f"author list on the page is identical to that of '{original.title}'; it may be copied"
        result.append(
            paper.model_copy(update={"authors_duplicate_of": original.paper_id, "flags": [*paper.flags, flag]})
        )
    return result


def mark_copies(papers: list[Paper]) -> list[Paper]:
    """Both checks, in page order."""
    return flag_copied_authors(drop_copied_abstracts(papers))
