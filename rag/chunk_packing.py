"""Packing text units into passages that fit the embedder's window, by exact word-piece counts.

A unit is a sentence, a table row or a reference entry, with the page it stands on. Units are packed greedily,
whole, under the budget left after the lead every embedded text starts with (the title and, when known, the
section heading); a unit longer than the budget is cut at word boundaries. WordPiece counts are additive
across whitespace, so a passage's size is the sum of its units' counts: nothing is ever truncated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rag.records import Block, Paper
from rag.text import split_sentences

SPECIAL_TOKENS = 2  # [CLS] and [SEP]
# The section heading goes into the embedded text (not the passage a citation quotes): a question about
# "the results" or "the annotation study" then also matches by where a passage stands.
SECTION_IN_TEXT = True

CountTokens = Callable[[list[str]], list[int]]


@dataclass
class Piece:
    """A packed passage before it becomes a Chunk: its kind, text and place."""

    kind: str
    passage: str
    section: str = ""
    page: int | None = None


@dataclass
class Unit:
    """A sentence (or table row, or reference entry) with the page it stands on."""

    text: str
    page: int | None


@dataclass
class Table:
    section: str
    page: int | None
    caption: str
    rows: list[str]  # the first is the header row when the PDF had one


class Packer:
    """Packs units into passages under the word-piece budget left after the title and section lines."""

    def __init__(self, paper: Paper, count_tokens: CountTokens, max_tokens: int, overlap: int):
        self.prefix = f"{paper.title}\n"
        self.count_tokens = count_tokens
        self.max_tokens, self.overlap = max_tokens, overlap
        self._lead_tokens: dict[str, int] = {}

    def lead(self, section: str) -> str:
        return self.prefix + (f"§{section}\n" if section and SECTION_IN_TEXT else "")

    def budget(self, section: str) -> int:
        if section not in self._lead_tokens:
            self._lead_tokens[section] = self.count_tokens([self.lead(section)])[0] - SPECIAL_TOKENS
        return max(self.max_tokens - SPECIAL_TOKENS - self._lead_tokens[section], 16)

    def prose(self, kind: str, units: list[Unit], section: str) -> list[Piece]:
        groups = pack(units, self.count_tokens, self.budget(section), self.overlap)
        return [Piece(kind, " ".join(u.text for u in group), section, group[0].page) for group in groups]

    def table(self, table: Table) -> list[Piece]:
        """Rows packed under the budget; every part repeats the caption and the header row."""
        rows = table.rows
        if not rows and not table.caption:
            return []
        rows = rows or [""]
        caption = table.caption
        budget = self.budget(table.section)
        head = [line for line in (caption, rows[0]) if line]
        head_tokens = sum(piece_counts(head, self.count_tokens)) + len(head)  # + a newline each
        if head_tokens > budget // 2:  # a huge caption or header row would leave no room for rows
            head = [split_long(" ".join(head), self.count_tokens, budget // 2)[0] + " ..."]
            head_tokens = sum(piece_counts(head, self.count_tokens)) + 1
        body = [Unit(r, table.page) for r in rows[1:]] or [Unit("", table.page)]
        groups = pack(body, self.count_tokens, budget - head_tokens, overlap=0, joiner_tokens=1)
        return [Piece("table", "\n".join(head + [u.text for u in group if u.text]), table.section, table.page)
                for group in groups]

    def references(self, blocks: list[Block]) -> list[Piece]:
        if not blocks:
            return []
        units = []
        for block in blocks:
            lines = text_lines(block.text)
            # Lines are entries; a whole list run into one long line is cut at its sentences instead.
            one_run = len(lines) == 1 and len(lines[0].split()) > 60
            units += [Unit(e, block.page) for e in (split_sentences(block.text) if one_run else lines)]
        section = blocks[0].section
        groups = pack(units, self.count_tokens, self.budget(section), overlap=0, joiner_tokens=1)
        return [Piece("references", "\n".join(u.text for u in group), section, group[0].page) for group in groups]


def pack(units: list[Unit], count_tokens: CountTokens, budget: int, overlap: int,
         joiner_tokens: int = 0) -> list[list[Unit]]:
    """Greedy packing of whole units into groups of at most `budget` word pieces; long units are cut."""
    if not units:
        return []
    fitted: list[Unit] = []
    for unit, n in zip(units, piece_counts([u.text for u in units], count_tokens)):
        if n + joiner_tokens <= budget:
            fitted.append(unit)
        else:
            fitted.extend(Unit(part, unit.page) for part in split_long(unit.text, count_tokens, budget - joiner_tokens))
    counts = [n + joiner_tokens for n in piece_counts([u.text for u in fitted], count_tokens)]
    groups: list[list[Unit]] = []
    start = 0
    while start < len(fitted):
        end, used = start, 0
        while end < len(fitted) and used + counts[end] <= budget:
            used += counts[end]
            end += 1
        end = max(end, start + 1)
        groups.append(fitted[start:end])
        if end >= len(fitted):
            break
        # Step back for overlap, but always move forward.
        start = max(end - overlap, start + 1)
    return groups


def split_long(sentence: str, count_tokens: CountTokens, budget: int) -> list[str]:
    """A sentence longer than the budget (a table row, a run-on PDF line) is cut at word boundaries."""
    words = sentence.split()
    counts = piece_counts(words, count_tokens)
    parts, current, used = [], [], 0
    for word, n in zip(words, counts):
        if current and used + n > budget:
            parts.append(" ".join(current))
            current, used = [], 0
        current.append(word)
        used += n
    if current:
        parts.append(" ".join(current))
    return parts or [""]


def fit(text: str, count_tokens: CountTokens, max_tokens: int) -> str:
    """Shorten a header that would overflow (a paper with hundreds of authors) instead of letting it truncate."""
    while count_tokens([text])[0] > max_tokens:
        text = text[: int(len(text) * 0.9)].rsplit(" ", 1)[0] + " ..."
    return text


def piece_counts(texts: list[str], count_tokens: CountTokens) -> list[int]:
    return [n - SPECIAL_TOKENS for n in count_tokens(texts)] if texts else []


def text_lines(text: str) -> list[str]:
    """The non-blank lines of a block, each with its whitespace collapsed."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
