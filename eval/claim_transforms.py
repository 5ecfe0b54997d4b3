"""FactCC-style training claims made by rules from a library's own sentences (Kryscinski et al., 2020).

A source sentence stays supported when lightly rewritten (lead-in dropped, clause cut, "we" →
"the authors"); it becomes contradicted by a negation, a changed number, a swapped name, a
reversed direction or an overclaimed quantifier; and unsupported by an added detail the paper
never gives, or when it is checked against another paper. Used only by eval/fit_checker.py.
"""

from __future__ import annotations

import random
import re

from rag.checking import signals

_AUX = re.compile(r"\b(is|are|was|were|can|could|will|does|do|did|has|have|should|may|might)\b")
_VERB_S = re.compile(r"\b(\w+(?:es|s))\b")
_NEG = re.compile(r"\b(?:not|never|cannot|no)\b\s*")
_LEADS = re.compile(r"^(?:In this (?:paper|work|study), |Here, |We (?:show|find|demonstrate) that |"
                    r"Our results (?:show|suggest) that |Furthermore, |Moreover, |Finally, |In addition, )", re.I)
_FLIPS = {w: b for a, b in signals._DIRECTIONS for w, b in zip(a.split(), [b.split()[0]] * len(a.split()))}
_FLIPS.update({w: a.split()[0] for a, b in signals._DIRECTIONS for w in b.split()})
_OVERCLAIM = {"some": "all", "many": "all", "most": "all", "often": "always", "can": "always", "may": "always",
              "several": "all", "usually": "always", "typically": "always", "a": "every"}
_DETAILS = ["trained on {n} NVIDIA A100 GPUs", "evaluated on the {name} benchmark", "in {n} languages",
            "with a batch size of {n}", "outperforming {name} by {n}%", "released under the MIT license",
            "developed at {org}", "using {name} as the backbone", "over {n} training days", "on {n}M images"]
_NAMES = ["ImageNet", "COCO", "GLUE", "SQuAD", "BERT", "GPT-4", "LLaMA-2", "ResNet-50", "CIFAR-10", "MuJoCo",
          "WMT14", "T5", "PaLM", "Atari", "MMLU", "HumanEval"]
_ORGS = ["Stanford University", "Google DeepMind", "Meta AI", "Microsoft Research", "MIT CSAIL"]


def paraphrase(sentence: str, rng: random.Random) -> str:
    out = _LEADS.sub("", sentence).strip()
    out = out[:1].upper() + out[1:]
    out = re.sub(r"\b[Ww]e\b", "the authors", out)
    out = re.sub(r"\s*\([^)]*\)", "", out)
    parts = [p for p in re.split(r",\s+(?:and |which |while |but )?", out) if len(p.split()) >= 6]
    if parts and rng.random() < 0.5:
        out = parts[0].rstrip(".") + "."
    return out


def negate(sentence: str) -> str | None:
    if _NEG.search(sentence):
        return _NEG.sub("", sentence, count=1)
    match = _AUX.search(sentence)
    if match:
        word = match.group(1)
        return sentence[: match.end()] + (" not" if word != "can" else "not") + sentence[match.end():]
    match = _VERB_S.search(sentence.split(" ", 2)[-1] if sentence.count(" ") >= 2 else "")
    return None if match is None else sentence.replace(match.group(1), "does not " + match.group(1)[:-1], 1)


def change_number(sentence: str, rng: random.Random) -> str | None:
    matches = list(re.finditer(r"(?<![\w.])\d+(?:\.\d+)?", sentence))
    if not matches:
        return None
    m = rng.choice(matches)
    raw = m.group(0)
    value = float(raw)
    new = value * rng.choice([0.5, 1.5, 2, 3]) + rng.choice([1, 2, 7])
    text = f"{new:.{len(raw.split('.')[1])}f}" if "." in raw else str(int(new))
    return sentence[: m.start()] + text + sentence[m.end():]


def swap_name(sentence: str, other_names: list[str], rng: random.Random) -> str | None:
    named = signals.named_things(sentence)
    names = [n for n in re.findall(r"\b[A-Za-z][A-Za-z0-9\-]*\b", sentence) if n.casefold() in named]
    pool = [o for o in other_names if o.casefold() not in sentence.casefold()]
    if not names or not pool:
        return None
    return re.sub(r"\b" + re.escape(rng.choice(names)) + r"\b", rng.choice(pool), sentence, count=1)


def flip_direction(sentence: str) -> str | None:
    for word in re.findall(r"[A-Za-z\-]+", sentence):
        if word.casefold() in _FLIPS:
            return re.sub(r"\b" + re.escape(word) + r"\b", _FLIPS[word.casefold()], sentence, count=1)
    return None


def overclaim(sentence: str) -> str | None:
    for word in re.findall(r"[A-Za-z]+", sentence):
        if word.casefold() in _OVERCLAIM and word.casefold() != "a":
            return re.sub(r"\b" + word + r"\b", _OVERCLAIM[word.casefold()], sentence, count=1)
    return None


def add_detail(sentence: str, rng: random.Random) -> str:
    detail = rng.choice(_DETAILS).format(n=rng.choice([3, 8, 12, 64, 256, 40]), name=rng.choice(_NAMES),
                                         org=rng.choice(_ORGS))
    return sentence.rstrip(". ") + ", " + detail + "."


def make_claims(sentence: str, other_names: list[str], rng: random.Random) -> list[tuple[str, str, str]]:
    """(claim, verdict, kind) rule-made from one source sentence of a paper."""
    out = [(paraphrase(sentence, rng), "supported", "paraphrase"), (sentence, "supported", "close")]
    for kind, made in (("negation", negate(sentence)), ("number", change_number(sentence, rng)),
                       ("swap", swap_name(sentence, other_names, rng)), ("direction", flip_direction(sentence)),
                       ("quantifier", overclaim(sentence))):
        if made and made != sentence:
            out.append((made, "contradicted", kind))
    out.append((add_detail(paraphrase(sentence, rng), rng), "unsupported", "detail"))
    return out
