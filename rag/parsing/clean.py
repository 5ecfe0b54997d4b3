"""Text cleaning shared by every parser: LaTeX markup out, whitespace collapsed, page debris recognised.

Listing pages are copied from web sites whose abstracts still carry the authors' LaTeX
(`\\emph{...}`, `102.8\\%`, `$L$`) and whose layout leaves button labels and scores on lines of
their own. Everything here is a pure function of its input.
"""

from __future__ import annotations

import re
import unicodedata

# Words a LaTeX command in math stands for, where the bare command name would read badly.
MATH_SYMBOLS = {
    "times": "×", "cdot": "·", "pm": "±", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "neq": "≠", "approx": "≈", "sim": "~", "infty": "∞", "to": "→", "rightarrow": "→",
    "in": "∈", "ldots": "...", "cdots": "...", "dots": "...",
}  # fmt: skip

# Combining marks for LaTeX accent commands: \"u -> ü, \'e -> é.
ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304"}

ESCAPED_CHARS = re.compile(r"\\([%&_#$])")
ACCENT_COMMAND = re.compile(r"""\\(["'`^~=])\{?([A-Za-z])\}?""")
COMMAND_WITH_ARGUMENT = re.compile(r"\\([A-Za-z]+)\*?\{([^{}]*)\}")
BARE_COMMAND = re.compile(r"\\([A-Za-z]+)")
# Math hugs its dollars (`$x$`); "$5 to $10" has spaces inside and is money, not math.
INLINE_MATH = re.compile(r"(?<!\\)\$(?=\S)([^$]{1,200}?)(?<=\S)\$")

# Lines that are page furniture, not content: buttons, navigation, newsletter pitches.
DEBRIS_LINES = {
    "learn more about the researchers",
    "link to paper",
    "code",
    "new",
    "subscribe",
    "get trending papers in your email inbox!",
    "byak and the research community",
}
SCORE_LINE = re.compile(r"\d{1,3}(\.\d+)?")
NEWSLETTER_LINE = re.compile(r"\b(sign up|subscribe)\b.*\bnewsletter\b|\bnewsletter\b.*\b(sign up|subscribe)\b", re.I)


def collapse_whitespace(text: str) -> str:
    """One space between words, none at the ends."""
    return " ".join(text.split())


def _accent(match: re.Match) -> str:
    return unicodedata.normalize("NFC", match.group(2) + ACCENTS[match.group(1)])


def _command_to_text(match: re.Match) -> str:
    """`\\emph{x}` -> x; `\\LaTeX{}` (a command closed by empty braces) -> LaTeX."""
    return match.group(2) or match.group(1)


def _math_to_text(match: re.Match) -> str:
    """`$\\alpha$` -> alpha, `$2\\times$` -> 2×, `$x^{2}$` -> x2: readable words, no markup."""
    math = COMMAND_WITH_ARGUMENT.sub(_command_to_text, match.group(1))
    math = BARE_COMMAND.sub(lambda m: MATH_SYMBOLS.get(m.group(1), m.group(1)), math)
    return re.sub(r"[{}^_]", "", math).strip()


def strip_latex(text: str) -> str:
    """Remove LaTeX markup but keep its words: `\\emph{x}` -> x, `\\%` -> %, `$\\alpha$` -> alpha."""
    text = INLINE_MATH.sub(_math_to_text, text)
    text = ACCENT_COMMAND.sub(_accent, text)
    # Innermost first, repeated, so nested commands like \textbf{\emph{x}} come out whole.
    previous = None
    while previous != text:
        previous, text = text, COMMAND_WITH_ARGUMENT.sub(_command_to_text, text)
    text = ESCAPED_CHARS.sub(r"\1", text)
    text = BARE_COMMAND.sub(r"\1", text)
    # ``x'' is TeX quoting; some pages open with '' too (''real''), told apart by what follows.
    text = re.sub(r"(?<![\w'])''(?=\w)", "\u201c", text.replace("``", "\u201c")).replace("''", "\u201d")
    text = text.replace("---", "\u2014").replace("--", "\u2013")
    # A tie (~) between two words is a non-breaking space; "~40%" after a space means "about".
    return re.sub(r"(?<=\S)~(?=\S)", " ", text)


def clean_text(text: str) -> str:
    """A title, author or abstract as it should be stored: no markup, single spaces."""
    return collapse_whitespace(strip_latex(text))


def is_debris_line(line: str) -> bool:
    """True for page furniture: 'LINK TO PAPER', 'Code', a bare score like '89.4', newsletter pitches."""
    stripped = collapse_whitespace(line)
    if stripped.casefold() in DEBRIS_LINES:
        return True
    # Length guard: an abstract that happens to mention a newsletter is still an abstract.
    pitch = len(stripped) < 200 and NEWSLETTER_LINE.search(stripped)
    return bool(SCORE_LINE.fullmatch(stripped) or pitch)


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their 1-based line numbers, stripped: what parsers walk over."""
    return [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]


def join_wrapped_lines(lines: list[str]) -> str:
    """Lines wrapped by a PDF or an editor, back into paragraphs.

    A blank line or a Markdown heading ends a paragraph. A line ending in a hyphen is glued
    to the next: before lower case the hyphen is dropped, since that is how PDF hyphenation
    looks ("rein-" / "forcement"), at the price of "self-" / "supervised" losing its own;
    before anything else it stays ("GPT-" / "4" -> "GPT-4").
    """
    paragraphs: list[str] = []
    current = ""
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            paragraphs += [current] if current else []
            paragraphs += [line] if line else []
            current = ""
        elif current.endswith("-"):
            current = (current[:-1] if line[0].islower() else current) + line
        else:
            current = f"{current} {line}" if current else line
    paragraphs += [current] if current else []
    return "\n\n".join(paragraphs)
