"""Quoting the shown evidence: which line answers the question, and how a table row is quoted.

Used when the model's answer fails the checker (the extractive fallback), for the closest passages, and to
complete a model answer that skipped what was asked (a number for "how many", a name for "which tool").
Every quote is a shown sentence, or a shown table row read under its column header: always true to the papers.
"""

from __future__ import annotations

import re

from rag.answerability import CLAUSE, expected_type, has_candidate
from rag.citations import parse_markers, with_markers
from rag.chunking import HEADER_LABELS
from rag.config import AnswerSettings
from rag.question_words import holds_number, idf_weights, question_stems, stems
from rag.records import Answer, AnswerSentence, Evidence
from rag.text import word_tokens

_CAPTION = re.compile(r"^\s*(table|tab\.)\s*[\dIVX]", re.I)
_CELL = " | "
_FIGURE = re.compile(r"^[−+-]?\d[\d.,]*%?(?:\s*±\s*\d[\d.]*)?\*?$")  # 76.8, 23.3%, 1,024, 85.1 ± 0.3
# "(Gardner et al., 2018)", "[12]", "§3.2", "Table 2", and digits inside a name ("SemEval-2017", "Qwen2.5", "L2"):
# digits that are no answer to "how many".
_NOT_A_QUANTITY = re.compile(r"\([^()]*\b(?:19|20)\d\d[a-z]?\)|\[[\d,\s–-]+\]|et al\.,? (?:19|20)\d\d|"
                             r"\b(?:table|figure|fig\.|section|sec\.|eq\.|equation|§)\s*\d+(?:\.\d+)*|"
                             r"\b[A-Za-z]+-?\d[\w.]*", re.I)
# A count written out ("three or more annotators agree") answers "how many" as "3" does; never "what F1" ("Table 3
# compares three variants" holds no score).
_COUNT_WORDS = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                          r"fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b", re.I)
_ASKS_FOR_COUNT = re.compile(r"\b(how many|number of|how much)\b", re.I)


def _count_words(text: str, question: str) -> list[str]:
    return _COUNT_WORDS.findall(text) if _ASKS_FOR_COUNT.search(question) else []


def table_lines(item: Evidence) -> tuple[list[str], list[int]]:
    """(caption and header lines, indices of the data rows) of a table passage; ([], []) for prose."""
    lines = item.sentences
    if not lines or not _CAPTION.match(lines[0]) or not any(_CELL in line for line in lines[1:]):
        return [], []
    header = next((i for i, line in enumerate(lines) if _CELL in line), 1)
    # A header may run over several lines ("Task → | Classification ...", "Metric → | F1 | MAP ..."): a row with
    # no figure in a cell after the first names columns, it is no answer.
    while header + 1 < len(lines) and not _holds_figure(lines[header + 1]):
        header += 1
    return lines[: header + 1], list(range(header + 1, len(lines)))


def _holds_figure(row: str) -> bool:
    return any(_FIGURE.match(cell.strip()) for cell in row.split(_CELL)[1:])


_LABELS_HEADER = re.compile(r"[→↓←↑/]")


def quote_row(head: list[str], row: str) -> str:
    """A table row read under its column header: "SciBERT: CLS 83.0, USR 84.2, All 78.0 (Table 3: ...)".

    When the header's cells do not line up with the row's (a header over several lines), the row is quoted as
    printed after the caption."""
    caption = head[0].rstrip(".")
    cells = [c.strip() for c in row.split(_CELL)]
    names = [c.strip() for c in head[-1].split(_CELL)] if len(head) > 1 else []
    if len(names) == len(cells):
        names = names[1:]  # the first column names the row labels ("Model", "Field")
    elif names and _LABELS_HEADER.search(names[0]):
        # The line's first cell heads the row labels ("Model ↓ / Metric →") and a column's name stands on an upper
        # line ("Avg."): pairing the rest would quote each figure under its neighbour's name.
        names = []
    if names and len(names) == len(cells) - 1:
        pairs = ", ".join(f"{name} {value}" for name, value in zip(names, cells[1:]))
        return f"{cells[0]}: {pairs} ({caption})"
    return f"{caption}: {row}"


def names_a_column(head: list[str], question: str) -> bool:
    """The question names a column of the table: a word of a header cell, or a word it abbreviates ('prec.' for
    precision, 'Avg.' for average, 'USR' for user), or the words the caption gives for a cell's abbreviation ('USR: User
    activity'). A header line's first cell names the row labels ('Approach', 'Model ↓ / Metric →'), no column."""
    asked = word_tokens(question)
    cells = [cell.casefold() for line in head[1:] for cell in line.split(_CELL)[1:]]
    names = {w for cell in cells for w in re.findall(r"[a-z]{3,}", cell)}
    if any(_abbreviates(name, word) for name in names for word in asked):
        return True
    legend = {abbr.casefold(): stems(words) for abbr, words in _LEGEND.findall(head[0] if head else "")}
    asked_stems = question_stems(question)
    return any(meaning and meaning <= asked_stems for abbr, meaning in legend.items() if abbr in names)


# "CLS: classification, USR: User activity" in a caption: what each abbreviated column stands for.
_LEGEND = re.compile(r"\b([A-Z][A-Za-z@]{1,7})\s*:\s*([A-Za-z][a-z]+(?: [a-z]+)?)")


def _abbreviates(name: str, word: str) -> bool:
    """`word` is the column name or spelt out by it: its start, or its letters in order from the same first letter
    ('avg' in 'average', 'usr' in 'user', 'cls' in 'classification')."""
    if word.startswith(name):
        return True
    if len(name) < 3 or word[:1] != name[:1] or len(word) <= len(name):
        return False
    rest = iter(word)
    return all(letter in rest for letter in name)


_ASIDE = re.compile(r"^\s*(?:besides|apart from|aside from|other than|except for|beyond)\b([^,?]*),", re.I)


# A line that goes on about the one before it: a pronoun or 'such' at its start, after a linking word.
_GOES_ON = re.compile(r"^(?:(?:however|moreover|thus|also|instead|in addition),?\s+)?"
                      r"(?:it|its|this|these|they|their|such|neither|the latter)\b", re.I)
GOES_ON_SHARE = 0.8  # as evidence selection's _continued

BACKGROUND = 0.3  # weight of a word said only in the question's background sentences: its topic, not what it asks


def _given(question: str) -> dict[str, float]:
    """Weights of the question's words only in what it takes as given: a leading aside, excluded by the question itself
    ("Besides GRPO, which objective ...": 0), and its sentences before the last, its background ("PPO stalls in
    non-stationary settings. Is there a fix?": BACKGROUND). None when the question itself has no word of its own."""
    parts = [part for part in re.split(r"(?<=[.!?])\s+", question.strip()) if part]
    if not parts:
        return {}
    aside = _ASIDE.match(parts[-1])
    asked = question_stems(parts[-1][aside.end():] if aside else parts[-1])
    if not asked:
        return {}
    weights = {w: BACKGROUND for w in question_stems(" ".join(parts[:-1])) - asked}
    weights.update({w: 0.0 for w in question_stems(aside.group(1)) - asked} if aside else {})
    return weights


_ASSIGNED = re.compile(r"(?<![\w.])([A-Za-z_][\w-]*)\s*(?:=|:=|≈)\s*[-−]?\d")


def assigns(line: str, question: str) -> bool:
    """The line sets an attribute the question names to a number: 'min_df=3, max_df=0.75' for "what max_df setting",
    'a = 0.0001' for "which weighting parameter a". A one-letter name counts only when the question introduces it
    ("parameter a", "the value of k"): as a word it is an article."""
    asked = question.casefold()
    for name in (n.casefold() for n in _ASSIGNED.findall(line)):
        if len(name) > 1 and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", asked):
            return True
        if len(name) == 1 and re.search(rf"\b(?:parameter|variable|coefficient|constant|value of|hyperparameter)\s+"
                                        rf"{re.escape(name)}\b", asked):
            return True
    return False


def holds_candidate(kind: str, line: str, question: str) -> bool:
    """The line holds something of the asked kind the question does not already say; for a number, one that is no
    citation year, reference number or section, table or equation number."""
    if kind == "number":
        line = _NOT_A_QUANTITY.sub(" ", line)
        asked = question.casefold()
        return (holds_number(line) and has_candidate(kind, line, question)) \
            or any(word.casefold() not in asked for word in _count_words(line, question))
    return has_candidate(kind, line, question)


def _lines(evidence: list[Evidence]) -> list[tuple[Evidence, int, str]]:
    """(passage, line index, text to quote) for every line worth quoting: a table's rows, not its caption.
    A row is weighed by its own cells (the caption, the same for every row, would tell none apart)."""
    out = []
    for item in evidence:
        head, rows = table_lines(item)
        if head:
            out += [(item, i, quote_row(head, item.sentences[i])) for i in rows]
        else:
            out += [(item, i, sentence) for i, sentence in enumerate(item.sentences)]
    return out


def extractive_answer(evidence: list[Evidence], question: str, settings: AnswerSettings) -> list[AnswerSentence]:
    """The shown lines most likely to answer, quoted and cited, best first.

    A line ranks first by coming from the best-retrieved paper (a number quoted from a second paper for a one-paper
    question is a wrong answer with a wrong citation), then by whether it holds a candidate of the kind the question
    asks for (a number for "how many", a name for "which dataset"), then by the question's own words it holds (not its
    paper's title words), weighted by how rare each is among the shown lines: "Neoplasms" sets a line apart, "SPECTER"
    does not. A question for papers gets one quote per paper, with the title written out, since there the title is
    the answer (the eval gives quoted titles no credit).
    """
    return _quotes(evidence, *_ranked(evidence, question), settings)


def _quotes(evidence: list[Evidence], kind: str, ranked: list[tuple], settings: AnswerSettings) -> list[AnswerSentence]:
    """`extractive_answer` from lines already ranked (`_ranked`), so a caller that reads the ranking ranks once."""
    # A line shown twice (a paper's listing abstract and its PDF's, two overlapping passages) is quoted once.
    ranked = [r for j, r in enumerate(ranked) if all(r[-2] != q[-2] for q in ranked[:j])]
    chosen = ranked[: settings.max_sentences]
    titles = {item.n: item.paper.title for item in evidence}
    paper_of = {item.n: item.paper.paper_id for item in evidence}
    named: set[str] = set()
    if kind == "paper":
        # Each paper's first quote names it by its title; the places fewer papers leave go to their next prose lines
        # (what a lone paper does with the topic is rarely all in one sentence), read under the paper they quote.
        firsts = [r for j, r in enumerate(ranked) if all(paper_of[r[-1]] != paper_of[q[-1]] for q in ranked[:j])]
        chosen = firsts[: settings.max_sentences]
        chosen += [r for r in ranked if r not in chosen and r[1]][: settings.max_sentences - len(chosen)]
        order = [paper_of[r[-1]] for r in firsts]
        chosen.sort(key=lambda r: order.index(paper_of[r[-1]]))

    def quote(text: str, n: int) -> str:
        if kind != "paper" or paper_of[n] in named:
            return with_markers(text, [n])
        named.add(paper_of[n])
        return with_markers(f'"{titles[n]}": {text}', [n])

    return [AnswerSentence(text=quote(text, n), citations=[n], supported=True, support=1.0, origin="extractive")
            for *_, text, n in chosen]


_NAMED = 3  # place of the 'a table row the question names by its label and column' flag in a ranked line


def _ranked(evidence: list[Evidence], question: str) -> tuple[str, list[tuple]]:
    """(the asked kind, the shown lines as sort keys ending in (text, passage number), best first)."""
    kind = expected_type(question)
    if not evidence:
        return kind, []
    lines = _lines(evidence)
    words = question_stems(question)
    found = [stems(item.sentences[i]) & words for item, i, _ in lines]
    idf = idf_weights(words, found)
    lead = evidence[0].paper.paper_id
    given = _given(question)
    columns = {item.n: names_a_column(table_lines(item)[0], question) for item in evidence}
    ranked = []
    for (item, i, text), present in zip(lines, found):
        # A question for papers names its topic, often a title word ("Which papers use GFlowNets?"): there the
        # quote should show the topic in the paper's own prose, so title words count and header lines come last.
        own = words if kind == "paper" else words - stems(item.paper.title)
        prose = kind != "paper" or not text.startswith(HEADER_LABELS)
        # Words of what the question takes as given ("Besides the two biomedical instances, ...", a sentence of
        # background before the question itself) do not make a line an answer: the line restating them is the premise.
        weight = {w: given.get(w, 1.0) * idf[w] for w in own}
        total = sum(weight.values()) or 1.0
        overlap = sum(weight[w] for w in present & own) / total
        if i and text is item.sentences[i] and _GOES_ON.match(text):
            # "However, this approach distorts the verifier distribution" says what the line before it is about (as
            # evidence selection reads it, rag/evidence.py): it shares that line's relevance.
            before = stems(item.sentences[i - 1]) & own
            overlap = max(overlap, GOES_ON_SHARE * sum(weight[w] for w in before) / total)
        first = item.paper.paper_id == lead or kind == "paper"
        # A table row the question names by its label and column ("the yield of the hybrid approach" -> "Hybrid |
        # 91.5 | 1990 | ..." under "prec. | yield") holds the asked figure, though the prose about it shares more words.
        # A row's label may be the paper's own name ("SPECTER (Ours)"): there the title's words count.
        named = text is not item.sentences[i] and columns.get(item.n, False) \
            and bool(stems(item.sentences[i].split(_CELL)[0]) & words)
        # So does a line setting the attribute the question names to a value ("max_df=0.75", "a = 0.0001").
        named = named or assigns(text, question)
        # For a "how" question every relevant line is a candidate (answerability's CLAUSE kinds): its loose pattern
        # ("using", "train", "framework") only breaks ties of the question's words, never outranks them.
        typed = holds_candidate(kind, text, question)
        loose = kind in CLAUSE
        ranked.append((first, prose, loose or typed, named, round(overlap, 3), loose and typed, i == item.best, -item.n,
                       -i, text, item.n))
    ranked.sort(reverse=True)
    return kind, ranked


def typed_complement(answer: Answer, question: str, settings: AnswerSettings) -> AnswerSentence | None:
    """The best shown line of the kind asked for (a number for "how many", a name for "which tool"), quoted and
    cited, when the model's kept sentences do not already say what it says; None otherwise.

    The model may write a number or name of its own choosing (the wrong one of several shown): the quote is added
    unless every candidate in it already stands in the answer."""
    kept = " ".join(parse_markers(s.text)[0] for s in answer.sentences if s.supported)
    # Only from the papers the answer already cites (any of their passages): a number from another paper would answer
    # something else.
    cited = {n for s in answer.sentences if s.supported for n in s.citations}
    papers = {e.paper.paper_id for e in answer.evidence if e.n in cited}
    shown = [e for e in answer.evidence if e.paper.paper_id in papers]
    kind, ranked = _ranked(shown, question)
    quotes = _quotes(shown, kind, ranked, settings)
    if not quotes:
        return None
    best = quotes[0]
    claim = parse_markers(best.text)[0]
    if ranked[0][_NAMED] and not _candidates("number", claim, question) <= _candidates("number", kept, question):
        # The question names a table row and column ("what CITE average does Table 2 show for BERT-Large"): the
        # asked value is that row's figure, whatever kind of question it reads as. Added unless the answer has it.
        return best
    if not holds_candidate(kind, claim, question) or claim in kept:
        return None
    if kind in ("number", "name") and not _candidates(kind, claim, question) <= _candidates(kind, kept, question):
        return best
    return None if holds_candidate(kind, kept, question) else best


_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")
# Acronyms, CamelCase and names with digits (SVM, AllenNLP, GPT-4): a capitalised first word of a sentence is no name.
_NAMES = re.compile(r"\b[A-Z][A-Za-z]*[A-Z0-9][\w-]*")


def _candidates(kind: str, text: str, question: str) -> set[str]:
    """The numbers (for a number question) or capitalised names (for a name question) in `text` the question lacks."""
    asked = question.casefold()
    if kind == "number":
        plain = _NOT_A_QUANTITY.sub(" ", text)
        found = _NUMBERS.findall(plain) + _count_words(plain, question)
    else:
        found = _NAMES.findall(text)
    return {f.casefold() for f in found if f.casefold() not in asked}
