"""Questions made by rules from a library's own sentences, to train the answering scorer (rag/answering_scorer.py).

A sentence S becomes a question by replacing one span of it — a number, a name, the object of a
verb, a "because / by / to" clause — with the matching wh-phrase. (question, S) and (question,
S with its neighbours) are positives. Negatives, all rule-made:
- absent detail: the same question against another sentence that shares its words but not the span;
- slot questions: the details papers often leave out (training time, GPUs, learning rate, batch
  size, licence, a score on a named split, a comparison with a system the paper never names) against
  the paper's sentences that do not give them; the same slots asked of a sentence that does give
  them are positives, so that the slot words alone do not mean "no";
- presupposition flips: "why does X fail to ..." against the sentence saying X succeeds;
- another paper's sentence sharing words with the question.
No written question — dev or held-out — is used here. Used only by eval/train_answer_scorer.py.
"""

from __future__ import annotations

import random
import re

from rag.text import word_tokens

ANSWERS, NOT = 1, 0

_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s*(%|x\b|×|[kKMB]\b)?(\s+[a-zA-Z][\w-]*)?")
_NAME = re.compile(r"(?<=[a-z,;:] )(?:[A-Z][A-Za-z]*[A-Z0-9][\w-]*|[A-Z][a-z]+-?\d[\w-]*)(?:\s[A-Z][\w-]+)?")
_VERB_OBJ = re.compile(r"\b(propose|proposes|introduce|introduces|present|presents|use|uses|used|develop|develops|"
                       r"achieve|achieves|outperform|outperforms|evaluate|evaluates|train|trains|design|designs|"
                       r"release|releases|study|studies|describe|describes|show|shows|improve|improves|reduce|reduces)"
                       r"\s+((?:a|an|the|our|its|their)?\s*[\w-]+(?:\s+[\w-]+){0,5}?)(?=[,.;]|\s+(?:that|which|on|in|for|to|by|with|and)\b|$)")
_BECAUSE = re.compile(r"^(.{20,}?),?\s+(because|since|as a result of|due to)\s+(.{10,})$", re.I)
_BY = re.compile(r"^(.{20,}?),?\s+by\s+(\w+ing\b.{5,})$")
_TO = re.compile(r"^(.{20,}?)(?:,\s+|\s+in order |\s+so as )to\s+(\w+\b.{5,})$")
_SUCCESS = re.compile(r"\b(improves|outperforms|achieves|reduces|enables|increases|surpasses|matches|succeeds|"
                      r"improve|outperform|achieve|enable|significantly improves|leads to|allows)\b")

_SLOTS = [  # (question template, words whose presence means the sentence may give it)
    ("How long did it take to train {s}?", r"\b(hours?|days?|minutes?|weeks?|GPU-hours)\b"),
    ("How many GPUs were used to train {s}?", r"\b(GPUs?|TPUs?|V100|A100|accelerators?)\b"),
    ("What learning rate was used for {s}?", r"\blearning rates?\b"),
    ("What batch size did the authors use for {s}?", r"\bbatch(es| size)?\b"),
    ("Under which licence is {s} released?", r"\blicen[cs]e|\bMIT\b|\bApache\b|\bGPL\b"),
    ("What score does {s} get on the {split} split of {data}?", r"\b(dev|test|validation|held-out) (split|set)\b"),
    ("How does {s} compare with {system}?", r"\b{system}\b"),
    ("How much compute was needed to train {s}?", r"\b(FLOPs?|GPU|compute|hours)\b"),
    ("How many parameters does {s} have?", r"\bparameters?\b|\b\d+(\.\d+)?[MB]\b"),
    ("What optimizer was used to train {s}?", r"\b(Adam\w*|SGD|optimi[sz]er)\b"),
    ("Which random seed was used for {s}?", r"\bseeds?\b"),
    ("What dropout rate does {s} use?", r"\bdropout\b"),
]
# Sentences that give a slot's detail, so that a slot question is answered when the detail is there.
_GIVEN = {
    0: ["{s} is trained for {n} hours on {m} GPUs.", "Training {s} takes about {n} days.",
        "The full training run of {s} lasts {n} hours."],
    1: ["{s} is trained on {m} NVIDIA A100 GPUs.", "We train {s} using {m} V100 GPUs for {n} hours.",
        "All experiments with {s} run on {m} TPU v3 cores."],
    2: ["We train {s} with a learning rate of {lr}.", "The learning rate of {s} is set to {lr} with cosine decay."],
    3: ["{s} uses a batch size of {b}.", "We train {s} with batches of {b} examples."],
    4: ["{s} is released under the MIT license.", "The code of {s} is available under the Apache 2.0 license."],
    5: ["On the {split} split of {data}, {s} scores {n}.{m}.", "{s} reaches {n}.{m}% on the {data} {split} set."],
    6: ["{s} outperforms {system} by {m} points.", "Compared with {system}, {s} is {m}% more accurate."],
    7: ["Training {s} required {m}e21 FLOPs.", "{s} needs {n} GPU-hours of compute."],
    8: ["{s} has {n}M parameters.", "With {m}B parameters, {s} is smaller than its baselines."],
    9: ["{s} is optimised with Adam.", "We train {s} with SGD and momentum 0.9."],
    10: ["All results for {s} use random seed {n}.", "We fix the seed of {s} to {n}."],
    11: ["{s} applies dropout with rate 0.{m}.", "A dropout of 0.{m} is used in {s}."],
}
_SPLITS = ["test", "dev", "validation", "held-out"]
_DATA = ["ImageNet", "SQuAD 2.0", "MMLU", "CIFAR-100", "GLUE", "WMT14", "COCO", "HumanEval", "Natural Questions"]
_SYSTEMS = ["GPT-4", "LLaMA-2", "PaLM", "ResNet-152", "BERT-large", "T5-XXL", "AlphaFold", "Mistral-7B", "RoBERTa"]


def _question(prefix: str, wh: str, rest: str) -> str:
    """Short, like a reader's question: at most ~8 words either side of the wh-phrase, cut at a clause."""
    prefix = re.sub(r"^(In this (paper|work),?\s*|Here,?\s*)", "", prefix.strip(), flags=re.I)
    prefix = " ".join(re.split(r"[,;:]\s+", prefix)[-1].split()[-8:])
    rest = " ".join(re.split(r"[,;:]\s+", rest.strip())[0].split()[:8])
    body = f"{prefix} {wh} {rest}".strip()
    body = re.sub(r"\b[Ww]e\b", "the authors", body)
    body = re.sub(r"\bour\b", "their", body)
    return re.sub(r"\s+", " ", body).rstrip(" .,;:") + "?"


def from_sentence(s: str, rng: random.Random) -> list[tuple[str, str]]:
    """(question, answer span) pairs: each question is answered by `s` and the span is its answer."""
    out = []
    for m in _NUMBER.finditer(s):
        if m.group(1).isdigit() and 1900 <= int(m.group(1)) <= 2030:
            continue
        unit = (m.group(3) or "").strip()
        wh = f"how many {unit}" if unit and unit[0].islower() and not m.group(2) else "what value"
        if m.group(2) == "%":
            wh = "what percentage"
        end = m.end(3) if wh.startswith("how many") else m.end(2) if m.group(2) else m.end(1)
        out.append((_question(s[:m.start()], wh, s[end:]), m.group(0)))
        break
    for m in _NAME.finditer(s):
        out.append((_question(s[:m.start()], rng.choice(["which model", "which method", "what", "which dataset"]),
                              s[m.end():]), m.group(0)))
        break
    for m in _VERB_OBJ.finditer(s):
        subject = re.split(r"[,;:]\s+|\bthat\s+", s[:m.start()])[-1].strip()
        if rng.random() < 0.5 and 1 <= len(subject.split()) <= 6:  # the natural form: "What does X propose?"
            subject = re.sub(r"^[Ww]e$", "the authors", subject)
            verb = m.group(1)
            base = verb[:-2] if verb.endswith("ies") is False and verb.endswith("es") and verb[-3] in "sxz" \
                else verb[:-3] + "y" if verb.endswith("ies") else verb[:-1] if verb.endswith("s") else verb
            aux = "did" if verb.endswith("ed") else "do" if subject.split()[-1].endswith("s") or subject == "the authors" else "does"
            if not verb.endswith("ed"):
                out.append((f"What {aux} {subject[:1].lower() + subject[1:]} {base}?", m.group(2)))
                obj = " ".join(m.group(2).split()[:6])
                out.append((f"{aux.capitalize()} {subject[:1].lower() + subject[1:]} {base} {obj}?", m.group(2)))
                break
        out.append((_question(s[:m.start(2)], "what", s[m.end(2):]), m.group(2)))
        break
    m = re.search(r"\b(are|is|were|was)\s+(\w+ed)\s+(on|using|with|in)\s+(?:the\s+)?([A-Z][\w-]+)", s)
    if m:  # "All models are evaluated on SQuAD" -> "Which dataset are all models evaluated on?"
        subject = " ".join(re.split(r"[,;:]\s+", s[:m.start()])[-1].split()[-6:])
        if subject:
            kind = rng.choice(["dataset", "benchmark", "model", "method", "system"])
            out.append((f"Which {kind} {m.group(1)} {subject[:1].lower() + subject[1:]} {m.group(2)} {m.group(3)}?", m.group(4)))
    for pattern, wh in ((_BECAUSE, "Why"), (_BY, "How"), (_TO, "Why")):
        m = pattern.match(s.rstrip("."))
        if m:
            main = re.sub(r"\b[Ww]e\b", "the authors", m.group(1))
            out.append((f"{wh} {main[:1].lower() + main[1:]}?", m.group(m.lastindex)))
            break
    lead = re.match(r"^(?:In this (?:paper|work), we|We|This (?:paper|work)|The authors)\s+(\w+)\s+(.{15,})$", s.rstrip("."))
    if lead and rng.random() < 0.5:  # "which papers ..." asks for the sentence's claim
        verb = lead.group(1) if lead.group(1).endswith("s") else lead.group(1) + "s"
        rest = " ".join(re.split(r"[,;:]\s+", lead.group(2))[0].split()[:12])
        out.append((f"Which papers {verb} {rest}?", rest))
    return out


def _drop_words(question: str, rng: random.Random, share: float = 0.35) -> str:
    words = question.rstrip("?").split()
    kept = words[:2] + [w for w in words[2:] if rng.random() > share]
    return " ".join(kept) + "?"


def _shares(question: str, sentence: str, n: int = 2) -> bool:
    return len(set(word_tokens(question)) & set(word_tokens(sentence))) >= n


def _subject(sentences: list[str], title: str, rng: random.Random) -> str:
    names = [m.group(0) for s in sentences for m in _NAME.finditer(s)]
    return rng.choice(names) if names and rng.random() < 0.6 else f"the method of \"{title}\""


def pairs_for_paper(title: str, sentences: list[str], others: list[str], rng: random.Random,
                    per_paper: int) -> list[tuple[str, str, int, str]]:
    """(question, text, label, kind) pairs from one paper's sentences; `others` are other papers' sentences."""
    out: list[tuple[str, str, int, str]] = []
    usable = [s for s in sentences if 6 <= len(s.split()) <= 60]
    for i in rng.sample(range(len(usable)), min(per_paper, len(usable))):
        s = usable[i]
        for q, span in from_sentence(s, rng):
            if rng.random() < 0.35:  # fewer of the sentence's own words, as a reader paraphrasing would ask
                q = _drop_words(q, rng)
            out.append((q, s, ANSWERS, "span"))
            if rng.random() < 0.3:  # S inside its neighbours: still answers
                window = " ".join(usable[max(0, i - 1): i + 2])
                out.append((q, window, ANSWERS, "span-passage"))
            span_words = set(word_tokens(span))
            absent = [t for t in usable if t != s and _shares(q, t)
                      and not (span_words & set(word_tokens(t)))]
            if absent:
                out.append((q, rng.choice(absent), NOT, "absent-detail"))
            foreign = [t for t in rng.sample(others, min(200, len(others))) if _shares(q, t)]
            if foreign:
                out.append((q, rng.choice(foreign), NOT, "other-paper"))
        m = _SUCCESS.search(s)
        if m:  # presupposition flip: the sentence says it succeeds, the question why it fails
            head = re.sub(r"\b[Ww]e\b", "the authors", s[:m.start()]).strip(" ,")
            head = " ".join(re.split(r"[,;:]\s+|\bthat\s+", head)[-1].split()[-6:]) or "the method"
            verb = m.group(1)[:-1] if m.group(1).endswith("s") else m.group(1)
            rest = " ".join(re.split(r"[,;:]\s+", s[m.end():].rstrip("."))[0].split()[:8])
            q = f"Why does {head[:1].lower() + head[1:]} fail to {verb} {rest}?"
            out.append((q, s, NOT, "false-premise"))
    subject = _subject(usable, title, rng)
    for j, (template, gives) in enumerate(_SLOTS):
        system = rng.choice(_SYSTEMS)
        q = template.format(s=subject, split=rng.choice(_SPLITS), data=rng.choice(_DATA), system=system)
        pattern = re.compile(gives.replace("{system}", re.escape(system)), re.I)
        lacking = [t for t in usable if not pattern.search(t) and not re.search(r"\d", t)]
        for t in rng.sample(lacking, min(1 if j % 3 else 2, len(lacking))) if rng.random() < 0.4 else []:
            out.append((q, t, NOT, "slot-absent"))
        giving = [t for t in usable if pattern.search(t) and re.search(r"\d", t)]
        if giving and "{system}" not in gives:
            out.append((q, rng.choice(giving), ANSWERS, "slot-given"))
        if rng.random() < 0.25:
            made = rng.choice(_GIVEN[j]).format(s=subject, n=rng.randint(2, 96), m=rng.randint(1, 9), b=rng.choice([16, 64, 256]),
                                                lr=rng.choice(["1e-4", "3e-5", "0.001"]), split=rng.choice(_SPLITS),
                                                data=rng.choice(_DATA), system=system)
            out.append((q, made[:1].upper() + made[1:], ANSWERS, "slot-given"))
    return out


def title_pairs(title: str, sentences: list[str], others: list[str], rng: random.Random) -> list[tuple[str, str, int, str]]:
    """Paraphrase-like questions: the title asks, in other words, for the paper's contribution sentence."""
    words = re.sub(r"^[^:]{1,30}:\s*", "", title).strip(" .")  # "BESO: Goal-conditioned ..." -> "Goal-conditioned ..."
    claims = [s for s in sentences[:8] if re.search(r"\b(we|this paper|this work)\s+(propose|introduce|present|show|"
                                                   r"develop|study|describe)", s, re.I)]
    if not words or not claims:
        return []
    out = []
    forms = ["Which papers are about {t}?", "Is there work on {t}?", "Which paper studies {t}?",
             "Has anyone looked at {t}?", "What is known about {t}?", "Are there methods for {t}?"]
    for form in rng.sample(forms, 2):
        q = form.format(t=words[:1].lower() + words[1:])
        out.append((q, rng.choice(claims), ANSWERS, "title"))
        foreign = [s for s in rng.sample(others, min(200, len(others))) if _shares(q, s, 1)]
        if foreign:
            out.append((q, rng.choice(foreign), NOT, "title-other"))
    return out


def training_pairs(papers: dict[str, tuple[str, list[str]]], per_paper: int,
                   rng: random.Random) -> list[tuple[str, str, int, str]]:
    """All pairs over the library: papers maps paper id -> (title, sentences)."""
    out = []
    ids = list(papers)
    for pid in ids:
        title, sentences = papers[pid]
        others = [s for o in rng.sample(ids, min(25, len(ids))) if o != pid for s in papers[o][1]]
        out.extend(pairs_for_paper(title, sentences, others, rng, per_paper))
        out.extend(title_pairs(title, sentences, others, rng))
    return out
