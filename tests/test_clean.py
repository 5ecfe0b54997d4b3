import pytest

from rag.parsing.clean import (
    clean_text,
    collapse_whitespace,
    is_debris_line,
    join_wrapped_lines,
    numbered_lines,
    strip_latex,
)


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        (r"such as A*, where \emph{admissibility}—the property", "such as A*, where admissibility—the property"),
        (r"\textbf{bold} and \textit{italic} and \texttt{Qwen2.5-7B}", "bold and italic and Qwen2.5-7B"),
        (r"\textbf{\emph{nested}}", "nested"),
        (r"a 102.8\% relative improvement", "a 102.8% relative improvement"),
        (r"Knights \& Knaves (K\&K)", "Knights & Knaves (K&K)"),
        (r"given capacity [Aky\"urek et al., 2023]", "given capacity [Akyürek et al., 2023]"),
        (r"R\'{e}nyi", "Rényi"),
        (r"projected into $L$ simplices of $V$ dimensions", "projected into L simplices of V dimensions"),
        (r"a 2-3$\times$ speedup", "a 2-3× speedup"),
        (r"with $\alpha$ and $x^{2}$", "with alpha and x2"),
        (r"in $\mathcal{O}(n)$ time", "in O(n) time"),
        (r"costs $5 to $10 a month", "costs $5 to $10 a month"),
        (r"continual Reinforcement Learning~(RL) problems", "continual Reinforcement Learning (RL) problems"),
        (r"a task ~40% faster", "a task ~40% faster"),
        (r"helps ``recalibrate'' the", "helps \u201crecalibrate\u201d the"),
        (r"of the ''real'' physical world", "of the \u201creal\u201d physical world"),
        (r"pages 3--5 -- or --- not", "pages 3\u20135 \u2013 or \u2014 not"),
        (r"the \LaTeX{} way", "the LaTeX way"),
    ],
)
def test_strip_latex(latex, plain):
    assert strip_latex(latex) == plain


def test_strip_latex_leaves_plain_text_alone():
    text = "Learning Admissible Heuristics for A*: Theory and Practice (3.5%-12.69%)"
    assert strip_latex(text) == text


def test_collapse_whitespace():
    assert collapse_whitespace("  a \t b\n\nc  ") == "a b c"


def test_clean_text_strips_markup_and_spacing():
    assert clean_text("  two essential techniques: \\emph{i)}   experience\n rehearsal ") == (
        "two essential techniques: i) experience rehearsal"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Learn more about the researchers",
        "LINK TO PAPER",
        "Code",
        "89.4",
        " 84 ",
        "new",
        "Subscribe",
        "Get trending papers in your email inbox!",
        "byAK and the research community",
        "Want to stay up-to-date on the latest research from the Amii community? Sign up for our monthly newsletter!",
    ],
)
def test_debris_lines(line):
    assert is_debris_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Learning Admissible Heuristics for A*: Theory and Practice",
        "Code Llama: Open Foundation Models for Code",
        "2048 tokens are enough",
        "LGJun 2Code",
        "We subscribe to the view that newsletters are outdated.",
    ],
)
def test_content_lines_are_not_debris(line):
    assert not is_debris_line(line)


def test_numbered_lines_skips_blanks_and_counts_from_one():
    assert numbered_lines("Title\n\n  Authors  \n\n") == [(1, "Title"), (3, "Authors")]


def test_join_wrapped_lines_rebuilds_paragraphs():
    lines = ["Sparse attention is old. The rein-", "forcement of ideas with GPT-", "4 is new.", "", "Next one."]
    expected = "Sparse attention is old. The reinforcement of ideas with GPT-4 is new.\n\nNext one."
    assert join_wrapped_lines(lines) == expected


def test_join_wrapped_lines_keeps_markdown_headings_apart():
    assert join_wrapped_lines(["## Method", "We do", "things."]) == "## Method\n\nWe do things."
