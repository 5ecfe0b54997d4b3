"""Words of a PDF as a reader sees them: ligatures unfolded and line-end hyphens decided by the document itself.

A hyphen at a line end is either the typesetter's (bound-/ary) or the author's (self-/supervised).
The document says which: if it prints 'self-supervised' mid-line elsewhere the hyphen is the
author's; if it prints 'boundary' the hyphen is the typesetter's. With no such evidence, two
halves that are both words the document uses on their own (citation-/informed) keep the hyphen,
and a fragment that is no word of the document (ary, tion) is joined.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

LIGATURES = re.compile("[\ufb00-\ufb06]")
# Computer Modern's 'ff' ligature is mapped to U+21B5 by some PDF producers: 'e↵orts'.
BROKEN_FF = re.compile(r"(?<=[A-Za-z])\u21b5(?=[a-z-])|\b\u21b5(?=[a-z])")
# A glyph PDFium could not map, inside a word ('di?culties', 'e?cient'): layout.py marks it U+FFFD.
# Fonts that lose one ligature keep fi and fl (they have code points) and ff (above), so the word
# the document prints elsewhere decides, and the three-letter ligature is the fallback.
UNMAPPED = re.compile(r"(?P<head>[A-Za-z]*)\ufffd(?P<tail>[a-z]+)")
UNMAPPED_LIGATURES = ("ffi", "ffl", "ff", "fi", "fl")
# Spacing accents that TeX sets as a glyph of their own above the letter: 'O˘guz' -> 'Oğuz'.
SPACING_ACCENTS = {
    "\u02d8": "\u0306", "\u00a8": "\u0308", "\u00b4": "\u0301", "`": "\u0300", "\u02c6": "\u0302",
    "\u02dc": "\u0303", "\u00af": "\u0304", "\u02c7": "\u030c", "\u02d9": "\u0307", "\u02da": "\u030a",
    "\u02dd": "\u030b", "\u00b8": "\u0327", "^": "\u0302", "~": "\u0303",
}  # fmt: skip
CONTROL = dict.fromkeys(c for c in range(32) if c not in (9,))
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")


def clean_span_text(text: str) -> str:
    # PDFium reports a hyphen it judges to end a line as U+0002.
    return text.replace("\x02", "-").translate(CONTROL).replace("\u00ad", "").replace("\ufffe", "").replace("\uffff", "")


def normalise(text: str, vocab: Vocabulary | None = None) -> str:
    """ﬁ -> fi, ﬂ -> fl, ... (NFKC for the ligature block only: '²' and '½' keep their meaning)."""
    text = LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if "\ufffd" in text:
        text = UNMAPPED.sub(lambda m: m["head"] + _ligature(m["head"], m["tail"], vocab) + m["tail"], text)
    return BROKEN_FF.sub("ff", text)


def _ligature(head: str, tail: str, vocab: Vocabulary | None) -> str:
    if vocab is not None:
        for ligature in UNMAPPED_LIGATURES:
            if vocab.words[f"{head}{ligature}{tail}".lower()]:
                return ligature
    return UNMAPPED_LIGATURES[0]


class Vocabulary:
    """How often the document prints each word and each hyphenated compound away from a line end."""

    def __init__(self, lines: Iterable[str]) -> None:
        tokens: list[str] = []
        for line in lines:
            found = WORD.findall(normalise(line).lower())
            # The last token of a line may be half a word; it is no evidence.
            tokens += found[:-1] if line.rstrip().endswith("-") else found
        self.words: Counter[str] = Counter(tokens)
        self.words.update(part for token in tokens if "-" in token for part in token.split("-"))

    def keeps_hyphen(self, head: str, tail: str) -> bool:
        head_key, tail_key = head.lower(), tail.lower()
        compound, joined = f"{head_key}-{tail_key}", head_key + tail_key
        if self.words[compound] != self.words[joined]:
            return self.words[compound] > self.words[joined]
        head_word = head_key.split("-")[-1]
        return min(len(head_word), len(tail_key)) >= 4 and self.words[head_word] > 0 and self.words[tail_key] > 0


def join_lines(lines: list[str], vocab: Vocabulary) -> str:
    """Lines of one paragraph as one string, line-end hyphens kept or dropped as the document decides."""
    text = ""
    for raw in lines:
        line = normalise(raw, vocab).strip()
        if not line:
            continue
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].isalpha() and line[:1].islower():
            head = WORD.findall(text[:-1])[-1] if WORD.findall(text[:-1]) else ""
            tail_match = WORD.match(line)
            tail = tail_match.group() if tail_match else ""
            text = text + line if vocab.keeps_hyphen(head, tail) else text[:-1] + line
        elif text.endswith("-") and text[-2:-1].isalnum() and line[:1].isalnum():
            text += line  # 'GPT-' / '4', 'SciB-' / 'ERT': a hyphen before a capital or digit is printed
        else:
            text = f"{text} {line}" if text else line
    return " ".join(text.split())
