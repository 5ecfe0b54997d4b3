"""Pure functions that turn rag records into what the UI shows: chat Markdown and the sources panel (the
Markdown copy and BibTeX come from rag/export.py; library rows, filters and examples from ui/library_view.py).

Nothing here touches Gradio, the disk or the network, so every function is unit-tested alone.
Every string that came from a paper or a model is escaped before it becomes Markdown or HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from rag.citations import parse_markers
from rag.config import PROJECT_ROOT
from rag.export import answer_markdown, bibtex, cited_papers, md_escape  # noqa: F401 (the UI's exports)
from rag.prompts import CLOSEST_HINT, CLOSEST_NOTE, REFUSAL
from rag.records import Answer, AnswerSentence, Evidence, Paper, format_location
from rag.text import place_markers

ANY = ""  # the value of an unset filter dropdown

# ---- chat messages ---------------------------------------------------------------------------

def anchor(turn: int, n: int) -> str:
    """HTML id of source card [n] of answer `turn` in the sources panel."""
    return f"src-{turn}-{n}"


def cite_link(turn: int, n: int, title: str = "") -> str:
    """A citation marker [n] as a Markdown link to its card; hovering shows the paper's title."""
    hover = f' "{title.replace(chr(34), chr(39))}"' if title else ""
    return f"[[{n}]](#{anchor(turn, n)}{hover})"


def linked_sentence(sentence: AnswerSentence, turn: int, titles: dict[int, str] | None = None) -> str:
    """The sentence with its checked [n] markers turned into links, placed before the final stop."""
    claim, _ = parse_markers(sentence.text)
    claim = md_escape(claim)
    if not sentence.citations:
        return claim
    titles = titles or {}
    links = "".join(cite_link(turn, n, titles.get(n, "")) for n in sentence.citations)
    return place_markers(claim, links)


def _titles(answer: Answer | None) -> dict[int, str]:
    """Hover text of each [n]: the paper's title and where the passage is ('§3.2 Results, p. 5')."""
    where = {e.n: format_location(e.section, e.page) for e in answer.evidence} if answer else {}
    return {e.n: e.paper.title + (f" — {where[e.n]}" if where[e.n] else "") for e in answer.evidence} if answer else {}


def streaming_message(sentences: Sequence[AnswerSentence], turn: int) -> str:
    """What the chat shows while the answer is being written: the checked sentences so far."""
    if not sentences:
        return "*Searching the papers…*"
    return " ".join(linked_sentence(s, turn) for s in sentences) + " …"


def answer_message(answer: Answer, turn: int) -> str:
    """The finished answer: supported sentences with linked citations, what was removed and why, who answered."""
    titles = _titles(answer)
    parts: list[str] = []
    if answer.outcome == "refused":
        parts.append(f"**{md_escape(REFUSAL)}**")
        if answer.closest_papers:
            parts.append("Closest papers in the library:\n" +
                         "\n".join(f"- {md_escape(t)}" for t in answer.closest_papers))
        parts.append("*Try other words, widen the filters, or add the paper in the Library tab.*")
    elif answer.outcome == "closest":
        lead = answer.premise_lead  # the paper contradicts the question's premise
        if answer.premise:
            parts.append(f"**The question takes as given** “{md_escape(answer.premise.statement)}”. "
                         f"{linked_sentence(lead[0], turn, titles)}")
        quotes = [s for s in answer.sentences[len(lead):] if s.supported and s.text != CLOSEST_NOTE]
        if quotes or not lead:  # the premise note may have quoted the only passage: no heading over nothing
            parts.append(f"**Not a direct answer.** {md_escape(CLOSEST_HINT)}")
        parts.append("\n".join(f"- {linked_sentence(s, turn, titles)}" for s in quotes))
    else:
        kept = [s for s in answer.sentences if s.supported]
        text = " ".join(linked_sentence(s, turn, titles) for s in kept)
        if answer.cut_off:
            text += " *[cut off: the model stopped responding]*"
        parts.append(text)
        if answer.fallback:
            parts.append("*The model's own wording did not hold up against the papers, so these sentences are "
                         "quoted from them.*")
        parts.append(removed_fold(answer))
    parts.append(f"<sub>{html.escape(model_line(answer))}</sub>")
    return "\n\n".join(p for p in parts if p)


def removed_fold(answer: Answer) -> str:
    """Sentences the checker took out, folded away below the answer: '1 sentence removed — show'."""
    removed = list(dict.fromkeys(parse_markers(s.text)[0] for s in answer.sentences if not s.supported))
    if not removed:
        return ""
    label = "1 sentence" if len(removed) == 1 else f"{len(removed)} sentences"
    items = "".join(f"<li>{html.escape(claim)}</li>" for claim in removed)
    return (f'<details class="removed"><summary>{label} removed — show</summary>'
            f"<p>Not supported by the passages, so not part of the answer:</p><ul>{items}</ul></details>")


def model_line(answer: Answer) -> str:
    """The line under an answer that says which model answered and how long it took."""
    seconds = answer.timings.get("total_ms", 0.0) / 1000
    if answer.outcome == "closest" and "generate_ms" not in answer.timings:
        return f"No model was asked: the passages come close but none answers directly · {seconds:.1f} s"
    if answer.abstained and "generate_ms" not in answer.timings:
        return f"No model was asked: no passage answers this closely enough · {seconds:.1f} s"
    who = f"{answer.backend} · {answer.model}" if answer.model else answer.backend
    sources = len(answer.citations)
    cited = f" · {sources} source{'s' if sources != 1 else ''}" if not answer.abstained else ""
    return f"Answered by {who} · {seconds:.1f} s{cited}"


def error_message(message: str) -> str:
    """A RagError as one clear line in the chat."""
    return f"⚠️ **Could not answer:** {md_escape(message)}"


# ---- the sources panel -----------------------------------------------------------------------

SOURCES_EMPTY = (
    '<div class="rag-sources"><div class="src-empty"><b>Sources</b><br>Ask a question: every [n] in an answer '
    "links to the paper and the passage that supports it, shown here.</div></div>"
)


def highlight(passage: str, span: str) -> str:
    """The passage as HTML with the supporting span marked (matched across whitespace differences)."""
    if span:
        pattern = r"\s+".join(re.escape(word) for word in span.split())
        match = re.search(pattern, passage) if pattern else None
        if match:
            return (html.escape(passage[: match.start()]) + "<mark>" + html.escape(match.group(0)) + "</mark>"
                    + html.escape(passage[match.end():]))
    return html.escape(passage)


def _meta_line(paper: Paper) -> str:
    bits = []
    if paper.authors:
        bits.append(paper.author_line(limit=6))
    if paper.year:
        bits.append(str(paper.year) + (" (year inferred)" if paper.date_inferred else ""))
    if paper.category:
        bits.append(paper.category)
    if paper.organisation:
        bits.append(paper.organisation)
    if paper.venue:
        bits.append(paper.venue)
    return " · ".join(html.escape(b) for b in bits)


def short_path(path: str) -> str:
    """A source path short enough for a table cell: project paths as they are, others as …/folder/file."""
    parts = Path(path).parts
    if not Path(path).is_absolute() or len(parts) <= 3:
        return path
    return "…/" + "/".join(parts[-2:])


def source_line(paper: Paper, short: bool = False) -> str:
    """Where the paper was read: each source file, with the line of its entry when known."""
    places = [(short_path(s.path) if short else s.path) + (f", line {s.line}" if s.line else "") for s in paper.sources]
    return "; ".join(places)


def pdf_path(paper: Paper) -> str | None:
    """The absolute path of the PDF a paper was read from, if it was read from one."""
    for source in paper.sources:
        if source.format == "pdf":
            path = Path(source.path)
            return str(path if path.is_absolute() else PROJECT_ROOT / path)
    return None


def pdf_link(path: str, page: int | None) -> str:
    """URL of a PDF served by Gradio's file route (relative, so it works under a proxy's sub-path), opened by
    the browser's own viewer at `page`."""
    return f"gradio_api/file={quote(path)}" + (f"#page={page}" if page else "")


def _from_line(evidence: Evidence) -> str:
    """Where the passage is: the listing page for seed papers; the PDF's section and page, with a link to it."""
    paper = evidence.paper
    where = format_location(evidence.section, evidence.page)
    pdf = pdf_path(paper)
    if pdf is None:
        place = f" · {html.escape(where)}" if where else ""
        return (f'<div class="src-from">Source page: <code title="{html.escape(source_line(paper))}">'
                f"{html.escape(source_line(paper, short=True))}</code>{place}</div>")
    label = f"Open the PDF at p. {evidence.page}" if evidence.page else "Open the PDF"
    return (f'<div class="src-from"><span class="src-where">{html.escape(where or "PDF")}</span> · '
            f'<a class="src-open" href="{html.escape(pdf_link(pdf, evidence.page))}" target="_blank" rel="noopener" '
            f'title="{html.escape(pdf)}">{html.escape(label)}</a> · <code>{html.escape(Path(pdf).name)}</code></div>')


def _card(turn: int, n: int, evidence: Evidence, span: str) -> str:
    paper = evidence.paper
    return (
        f'<div class="src-card" id="{anchor(turn, n)}">'
        f'<div class="src-head"><span class="src-n">[{n}]</span> <span class="src-title">{html.escape(paper.title)}'
        f"</span></div>"
        f'<div class="src-meta">{_meta_line(paper)}</div>'
        f"{_from_line(evidence)}"
        f'<blockquote class="src-passage">{highlight(evidence.text, span)}</blockquote>'
        "</div>"
    )


def _turn_body(turn: int, answer: Answer) -> str:
    by_n = {e.n: e for e in answer.evidence}
    if answer.outcome == "refused":
        items = "".join(f"<li>{html.escape(t)}</li>" for t in answer.closest_papers)
        closest = f"<p>Closest papers, none close enough to answer:</p><ul>{items}</ul>" if items else ""
        return f'<div class="src-abstain"><b>No answer:</b> {html.escape(REFUSAL)}{closest}</div>'
    cards = [_card(turn, c.n, by_n[c.n], c.span) for c in answer.citations if c.n in by_n]
    cited = {c.n for c in answer.citations}
    others = [e.paper.title for e in answer.evidence if e.n not in cited]
    body = "".join(cards) or '<div class="src-empty">No passage was cited.</div>'
    if others:
        body += ('<div class="src-others">Also read, not cited: '
                 + "; ".join(html.escape(t) for t in others) + "</div>")
    return body


def sources_html(answers: Sequence[Answer]) -> str:
    """The sources panel: the latest answer's cited passages open, earlier answers' folded below."""
    if not answers:
        return SOURCES_EMPTY
    blocks = []
    for turn in range(len(answers), 0, -1):
        answer = answers[turn - 1]
        question = html.escape(answer.question)
        if turn == len(answers):
            blocks.append(f'<div class="src-turn src-latest" id="turn-{turn}"><div class="src-q">Sources for '
                          f"<q>{question}</q></div>{_turn_body(turn, answer)}</div>")
        else:
            blocks.append(f'<details class="src-turn" id="turn-{turn}"><summary>Question {turn}: '
                          f"<q>{question}</q></summary>{_turn_body(turn, answer)}</details>")
    return '<div class="rag-sources">' + "".join(blocks) + "</div>"
