"""Rule-made questions from the library's own text, to widen what the answerability model is trained on.

    RAG_HOME=... python eval/make_questions.py --out /tmp/made.jsonl --rows /tmp/made_rows.jsonl

Written rounds cover some kinds of unanswerable question thinly (a detail the paper never gives, a false premise),
so each blind round meets them more often than the fit did. As FactCC did for claims, questions are made by rule:

- unanswerable "detail not given": an attribute from a typed inventory (hyper-parameters, compute, data sizes,
  people, places, dates, money, durations, scores on named benchmarks) none of whose words (nor its benchmark) the
  paper's whole text holds, asked in several shapes, the paper named by title, acronym or topic;
- answerable: a sentence of the paper holding a typed value (a number with a unit, a named method or dataset) asked
  for that value with the sentence's other words; the value is the answer keyword;
- false premise: a sentence with a direction word ('outperforms', 'improves', 'higher') flipped, asked "why …".

The questions are written in the dataset format (eval/datasets/*.jsonl) and, with --rows, run through the fit's own
collection (eval/fit_answerability.py `collect`: the same retrieval, evidence and signals), so their rows are real.
They are training rows only: eval/answerability_rounds.py --extra-rows adds them to every training fold and never
scores them (judged on written rounds only). Seeded: the same library and seed give the same questions.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from rag.text import split_sentences, word_tokens  # noqa: E402

# (kind of attribute, what is asked, words any of which in the paper's text means it may give it). The shapes below
# put the asked phrase into a question; the absence check reads the words, not the phrase's exact spelling.
INVENTORY: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("hyper", "learning rate", ("learning rate", "lr", "step size")),
    ("hyper", "batch size", ("batch", "minibatch", "mini-batch")),
    ("hyper", "weight decay", ("weight decay", "l2 penalty", "regulari")),
    ("hyper", "dropout rate", ("dropout",)),
    ("hyper", "number of warmup steps", ("warmup", "warm-up")),
    ("hyper", "optimizer", ("optimi", "adam", "sgd")),
    ("hyper", "random seed", ("seed",)),
    ("compute", "number of GPUs", ("gpu", "tpu", "accelerator")),
    ("compute", "compute budget in GPU hours", ("gpu", "compute", "flop", "hours")),
    ("compute", "hardware", ("gpu", "tpu", "cpu", "hardware", "nvidia")),
    ("data", "vocabulary size", ("vocabulary", "vocab")),
    ("data", "size of the validation set", ("validation", "dev set", "development set", "held-out")),
    ("data", "number of annotators", ("annotator", "crowd", "worker", "rater")),
    ("people", "funding agency", ("fund", "grant", "sponsor", "support")),
    ("people", "first author's advisor", ("advis", "supervis")),
    ("place", "city where the experiments were run", ("city", "located")),
    ("place", "data centre", ("data cent", "datacent", "cluster")),
    ("date", "release date of the code", ("released", "release", "github")),
    ("date", "month the data was collected", ("collected", "crawl", "month")),
    ("money", "annotation cost in dollars", ("$", "dollar", "usd", "cost", "paid", "wage")),
    ("money", "hourly pay of the annotators", ("$", "dollar", "paid", "wage", "hourly")),
    ("duration", "training run", ("hours", "days", "training time", "wall-clock", "took")),
    ("duration", "annotation", ("hours", "days", "annotation time", "took")),
    ("score", "accuracy on ImageNet", ("imagenet",)),
    ("score", "F1 on SQuAD", ("squad",)),
    ("score", "BLEU on WMT14 English-German", ("bleu", "wmt")),
    ("score", "score on MMLU", ("mmlu",)),
    ("score", "GLUE average", ("glue",)),
    ("score", "perplexity on WikiText-103", ("perplexity", "wikitext")),
    ("score", "mean reciprocal rank on MS MARCO", ("marco", "reciprocal")),
)

# Question shapes for a detail: {a} the attribute, {ref} the paper; "how many / how long / how much" shapes fit
# only attributes of that kind.
DETAIL_SHAPES: dict[str, tuple[str, ...]] = {
    "any": ("What {a} does {ref} report?", "Which {a} is used in {ref}?", "In {ref}, what is the {a}?",
            "What was the {a} for {ref}?"),
    "duration": ("How long did the {a} take in {ref}?", "What was the duration of the {a} in {ref}?"),
    "money": ("How much was the {a} in {ref}?",),
    "data": ("How large is the {a} in {ref}?",),
    "compute": ("How much {a} did {ref} use?",),
}
_UNIT = (r"%|percent|points?|tokens?|words?|papers?|documents?|questions?|passages?|examples?|samples?|pairs?|"
         r"images?|pages?|layers?|heads?|dimensions?|parameters?|epochs?|steps?|hours?|days?|minutes?|seconds?|ms|"
         r"gpus?|languages?|classes|categories|users?|citations?|authors?|tasks?|datasets?|[kmb]\b|million|billion")
VALUE = re.compile(rf"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*({_UNIT})(?![\w])", re.IGNORECASE)
NAME = re.compile(r"(?<![\w-])([A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*)(?![\w-])")  # SQuAD, BERT, SciBERT, MS-MARCO
FLIPS = {"outperforms": "underperforms", "outperform": "underperform", "improves": "worsens", "improve": "worsen",
         "higher": "lower", "lower": "higher", "better": "worse", "worse": "better", "increases": "decreases",
         "decreases": "increases", "reduces": "increases", "more": "fewer", "fewer": "more", "faster": "slower",
         "slower": "faster", "larger": "smaller", "smaller": "larger", "beats": "trails", "surpasses": "trails"}
FLIP = re.compile(r"\b(" + "|".join(FLIPS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Made:
    id: str
    question: str
    paper: str            # the paper's title (gold for answerable ones, 'about' for the others)
    answerable: bool
    shape: str            # detail / value / name / premise
    keywords: tuple[str, ...] = ()

    def record(self) -> dict:
        return {"id": self.id, "question": self.question, "gold_titles": [self.paper] if self.answerable else [],
                "answer_keywords": list(self.keywords), "kind": "lookup" if self.answerable else "unanswerable",
                "about": self.paper, "shape": self.shape}


def references(title: str, abstract: str) -> list[str]:
    """Ways to name a paper: its title, its acronym (a 'X:' title prefix or a parenthesised capital word of the
    abstract), its topic (the title's first content words)."""
    refs = [f'"{title}"']
    head = title.split(":")[0].strip()
    acronym = head if ":" in title and len(head.split()) == 1 else None
    found = re.search(r"\(([A-Z][A-Za-z0-9-]{1,12})\)", abstract)
    acronym = acronym or (found.group(1) if found else None)
    if acronym:
        refs.append(f"the {acronym} paper")
    topic = [w for w in re.findall(r"[A-Za-z][\w-]+", title.split(":")[-1]) if w.lower() not in _STOP][:4]
    if len(topic) >= 2:
        refs.append("the paper on " + " ".join(topic).lower())
    return refs


_STOP = {"a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "via", "from", "by", "towards", "using"}


NUMERIC = {"hyper", "compute", "data", "money", "duration", "score"}  # kinds whose value is a number
NOT_NUMERIC = {"optimizer", "hardware", "random seed"}


def unbound(folded: str, words: tuple[str, ...]) -> bool:
    """The paper names the attribute (a word of it starts a word of the text) but no number stands near any mention
    (15 characters before, 40 after): it says there is one and never how much. The kind blind rounds ask most."""
    hits = [m for w in words for m in re.finditer(r"(?<![a-z])" + re.escape(w), folded)]
    return bool(hits) and not any(re.search(r"\d", folded[max(0, m.start() - 15):m.end() + 40]) for m in hits)


Gaps = tuple[list[tuple[str, str]], list[tuple[str, str]]]  # (absent, named) (kind, asked) pairs: `gaps`


def gaps(text: str) -> Gaps:
    """What the paper's text (title, abstract, body) leaves out, in inventory order: the attributes none of whose
    words it holds (absent), and the numeric ones it names with no number near them (named; never absent too)."""
    folded = text.casefold()
    absent = [(kind, asked) for kind, asked, words in INVENTORY if not any(w in folded for w in words)]
    named = [(kind, asked) for kind, asked, words in INVENTORY
             if kind in NUMERIC and asked not in NOT_NUMERIC and unbound(folded, words)]
    return absent, named


def detail_questions(title: str, missing: Gaps, refs: list[str], rng: random.Random, per_paper: int) -> list[Made]:
    """Unanswerable: attributes none of whose words the paper's text holds ('detail'), and numeric attributes it
    names with no number near them ('detail_named'); `missing` is the paper's `gaps`."""
    absent = [(kind, asked, "detail") for kind, asked in missing[0]]
    named = [(kind, asked, "detail_named") for kind, asked in missing[1]]
    rng.shuffle(absent)
    rng.shuffle(named)
    out = []
    for kind, asked, made_shape in absent[:per_paper] + named[:max(1, per_paper // 2)]:
        # a duration is asked only as a duration ("What training run does X report?" asks nothing)
        shape = rng.choice(DETAIL_SHAPES.get(kind, ()) + (() if kind == "duration" else DETAIL_SHAPES["any"]))
        out.append(Made("", shape.format(a=asked, ref=rng.choice(refs)), title, False, made_shape))
    return out


def _context(sentence: str, drop: str, limit: int = 7) -> str:
    """The sentence's other content words, in order (the value and the paper's own title words left to the ref)."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", sentence.replace(drop, " ") if drop else sentence)
             if w.lower() not in _STOP
             and w.lower() not in {"we", "our", "this", "that", "these", "is", "are", "was", "were", "it", "its"}]
    return " ".join(words[:limit])


def value_questions(title: str, sentences: list[str], refs: list[str], rng: random.Random, per_paper: int) -> list[Made]:
    """Answerable: a sentence's number-with-unit or named method/dataset, asked with the sentence's other words."""
    out = []
    for s in rng.sample(sentences, len(sentences)):
        if len(out) >= per_paper or not 8 <= len(s.split()) <= 45:
            continue
        ref = rng.choice(refs)
        value, name = VALUE.search(s), NAME.search(s)
        if value and not re.fullmatch(r"(19|20)\d\d", value.group(1)):
            unit = value.group(2).lower()
            context = _context(s, value.group(0))
            shape = rng.choice(("How many {u} does {ref} report for {c}?", "In {ref}, what number of {u}: {c}?",
                                "What figure in {u} is given for {c} in {ref}?"))
            out.append(Made("", shape.format(u=unit, c=context, ref=ref), title, True, "value", (value.group(1),)))
        elif name and name.group(1) not in title:
            context = _context(s, name.group(1))
            shape = rng.choice(("Which method or dataset does {ref} name for {c}?", "What is used for {c} in {ref}?"))
            out.append(Made("", shape.format(c=context, ref=ref), title, True, "name", (name.group(1).casefold(),)))
    return out


def false_premises(title: str, sentences: list[str], refs: list[str], rng: random.Random, per_paper: int) -> list[Made]:
    """Unanswerable: a true sentence's direction word flipped, asked as a 'why' whose premise the paper denies."""
    out = []
    for s in rng.sample(sentences, len(sentences)):
        found = FLIP.search(s)
        if len(out) >= per_paper or not found or not 6 <= len(s.split()) <= 30:
            continue
        flipped = FLIP.sub(lambda m: FLIPS[m.group(1).lower()], s, count=1).rstrip(". ")
        words = flipped.split()
        at = next((i for i, w in enumerate(words) if re.sub(r"\W+$", "", w.lower()) in FLIPS.values()), None)
        if at is not None and rng.random() < 0.5:  # half told in a few words around the flip, as a writer retells it
            flipped = " ".join(words[max(0, at - 4):at + 5]).strip(",;")
        flipped = flipped[0].lower() + flipped[1:] if not flipped[:2].isupper() else flipped
        shape = rng.choice(("Why is it that {f}, according to {ref}?", "Given that {f}, why does {ref} say so?"))
        out.append(Made("", shape.format(f=flipped, ref=rng.choice(refs)), title, False, "premise"))
    return out


def context_details(title: str, missing: Gaps, sentences: list[str], refs: list[str], rng: random.Random,
                    per_paper: int) -> list[Made]:
    """Unanswerable, as written details are: a numeric attribute the paper never gives a value of (absent, or named
    with no number near it: its `gaps`), asked about something the paper does say (5 content words of one of its
    sentences)."""
    given = {*missing[0], *missing[1]}
    numeric = [(kind, asked) for kind, asked, _ in INVENTORY
               if kind in NUMERIC and asked not in NOT_NUMERIC and (kind, asked) in given]
    usable = [s for s in sentences if 8 <= len(s.split()) <= 45]
    out = []
    for kind, asked in rng.sample(numeric, min(per_paper, len(numeric))) if usable else []:
        words = _context(rng.choice(usable), "", 40).split()
        start = rng.randrange(1, max(2, len(words) - 4))  # past the sentence's opening ('Further', 'Using')
        context = " ".join(words[start:start + 5]).lower()
        shape = ("How long did the {a} for {c} take in {ref}?" if kind == "duration" else
                 rng.choice(("What {a} was used for {c} in {ref}?", "For {c}, what {a} does {ref} report?")))
        out.append(Made("", shape.format(a=asked, c=context, ref=rng.choice(refs)), title, False, "detail_context"))
    return out


def generate(papers: list[tuple[str, str, str]], seed: int = 0, per_paper: int = 2) -> list[Made]:
    """Questions for (title, abstract, full text) papers; a full paper (text beyond its abstract) gets more of each."""
    rng = random.Random(seed)
    context_rng = random.Random(seed + 1)  # its own stream: the other shapes stay as they were without it
    out: list[Made] = []
    for title, abstract, text in papers:
        refs = references(title, abstract)
        whole = f"{title}. {abstract} {text}"
        sentences = [s for s in split_sentences(f"{abstract} {text}") if word_tokens(s)]
        n = per_paper * (4 if len(text) > 5 * len(abstract) + 2000 else 1)
        missing = gaps(whole)
        out += detail_questions(title, missing, refs, rng, n)
        out += value_questions(title, sentences, refs, rng, n)
        out += false_premises(title, sentences, refs, rng, max(1, n // 2))
        out += context_details(title, missing, sentences, refs, context_rng, max(1, n // 2))
    return [Made(f"made-{i:04d}", m.question, m.paper, m.answerable, m.shape, m.keywords) for i, m in enumerate(out)]


def library_papers(library) -> list[tuple[str, str, str]]:
    """(title, abstract, every other passage) of each paper in the library (fitlib.open_library)."""
    snapshot = library.snapshot
    passages: dict[str, list[str]] = {}
    for chunk in sorted(snapshot.chunks, key=lambda c: (c.paper_id, c.position)):
        if chunk.kind not in ("header", "abstract", "references"):
            passages.setdefault(chunk.paper_id, []).append(chunk.passage)
    return [(p.title, p.abstract, " ".join(passages.get(p.paper_id, []))) for p in snapshot.papers]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the questions, in the dataset format")
    parser.add_argument("--rows", type=Path, help="also collect their signal rows here (as the fit does)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-paper", type=int, default=2, help="questions of each shape per listing paper (x4 for PDFs)")
    args = parser.parse_args()
    from fitlib import open_library

    library = open_library()  # opened once: --rows collects with it too
    made = generate(library_papers(library), args.seed, args.per_paper)
    args.out.write_text("".join(json.dumps(m.record()) + "\n" for m in made))
    counts = {s: sum(m.shape == s for m in made) for s in ("detail", "detail_named", "detail_context", "value", "name",
                                                        "premise")}
    print(f"{len(made)} questions ({counts}) -> {args.out}")
    if args.rows:
        from fit_answerability import collect

        rows = collect([args.out], library)
        shape = {m.id: m.shape for m in made}
        for r in rows:
            r["shape"] = shape[r["id"]]
        args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows))
        print(f"{len(rows)} rows -> {args.rows}")


if __name__ == "__main__":
    main()
