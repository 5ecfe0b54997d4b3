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


# --- pairs for the cross-encoder (eval/train_crossencoder.py) ------------------------------------


def names_in(sentences: list[str]) -> list[str]:
    """Names the sentences use (for swapping one in): words of three letters or more each sentence names."""
    return sorted({n for s in sentences for named in [signals.named_things(s)]
                   for n in re.findall(r"\b[A-Za-z][A-Za-z0-9\-]*\b", s) if len(n) > 2 and n.casefold() in named})

_SYNONYMS = {"propose": "introduce", "proposes": "introduces", "proposed": "introduced", "show": "demonstrate",
             "shows": "demonstrates", "showed": "demonstrated", "improve": "enhance", "improves": "enhances",
             "improved": "enhanced", "method": "approach", "methods": "approaches", "outperforms": "surpasses",
             "outperform": "surpass", "use": "employ", "uses": "employs", "used": "employed", "using": "employing",
             "achieves": "attains", "achieve": "attain", "significantly": "substantially", "large": "big",
             "results": "findings", "present": "describe", "presents": "describes", "demonstrate": "show",
             "demonstrates": "shows", "enables": "allows", "enable": "allow", "task": "problem", "tasks": "problems",
             "novel": "new", "framework": "system", "leverages": "exploits", "leverage": "exploit", "via": "through",
             "obtain": "get", "obtains": "gets", "however": "but", "utilize": "use", "utilizes": "uses",
             "approximately": "about", "several": "multiple", "requires": "needs", "require": "need"}
_PASSIVE = re.compile(r"^(?:In this (?:paper|work), )?[Ww]e (propose|present|introduce|describe|develop|study) (.+?)\.?$")
_PARTICIPLE = {"propose": "proposed", "present": "presented", "introduce": "introduced", "describe": "described",
               "develop": "developed", "study": "studied"}
_FRONTED = re.compile(r"^((?:In|On|For|With|By|Across|Under|Using|Compared to|Unlike) [^,]{3,60}), (.+?)\.?$")


def synonym_swap(sentence: str, rng: random.Random) -> str | None:
    words = [w for w in re.findall(r"[A-Za-z]+", sentence) if w.casefold() in _SYNONYMS]
    if not words:
        return None
    out = sentence
    for w in rng.sample(words, min(2, len(words))):
        new = _SYNONYMS[w.casefold()]
        out = re.sub(r"\b" + w + r"\b", new[:1].upper() + new[1:] if w[:1].isupper() else new, out, count=1)
    return out


def passive(sentence: str) -> str | None:
    """'We propose X.' -> 'X is proposed by the authors.'"""
    m = _PASSIVE.match(sentence.strip())
    if not m or len(m.group(2).split()) > 25:
        return None
    obj = m.group(2)
    return f"{obj[:1].upper()}{obj[1:]} is {_PARTICIPLE[m.group(1)]} by the authors."


def reorder(sentence: str) -> str | None:
    """'In X, Y.' -> 'Y in X.' (a fronted adverbial moved to the end)."""
    m = _FRONTED.match(sentence.strip())
    if not m:
        return None
    lead, main = m.group(1), m.group(2)
    return f"{main[:1].upper()}{main[1:]} {lead[:1].lower()}{lead[1:]}."


def swap_roles(sentence: str) -> str | None:
    """Two named things of the sentence trade places ('A outperforms B' -> 'B outperforms A')."""
    named = signals.named_things(sentence)
    names = list(dict.fromkeys(n for n in re.findall(r"\b[A-Za-z][A-Za-z0-9\-]*\b", sentence)
                               if n.casefold() in named and len(n) > 1))
    if len(names) < 2:
        return None
    a, b = names[0], names[1]
    return re.sub(r"\b(" + re.escape(a) + "|" + re.escape(b) + r")\b", lambda m: b if m.group(0) == a else a, sentence)


_RARITY = {"number": 0, "roles": 0.5, "swap": 0.5, "direction": 0.5, "quantifier": 1, "negation": 1.6}


def _overlap(a: str, b: str) -> float:
    wa, wb = signals.stems(a), signals.stems(b)
    return len(wa & wb) / max(1, len(wa))


def training_pairs(texts: dict[str, list[str]], per_paper: int, rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(claim, evidence sentence, verdict, kind) from each paper's own sentences (FactCC-style).

    supported: the sentence, its paraphrases (lead-in dropped, parentheticals dropped, synonyms,
    passive, fronted phrase moved); contradicted: negation, number, a name of the same paper swapped in,
    two names trading roles, direction, quantifier; unsupported: the sentence against another sentence
    of the same paper with most words in common, the sentence with an invented detail, a sentence of
    another paper.
    """
    out = []
    ids = [pid for pid, sents in texts.items() if sents]
    for pid in ids:
        sentences = [s for s in texts[pid] if 8 <= len(s.split()) <= 45 and not s.isupper()]
        if not sentences:
            continue
        doc_names = names_in(texts[pid])
        for s in rng.sample(sentences, min(per_paper, len(sentences))):
            supported = [("close", s), ("paraphrase", paraphrase(s, rng))]
            for kind, made in (("synonyms", synonym_swap(s, rng)), ("passive", passive(s)), ("reorder", reorder(s))):
                if made and made != s:
                    supported.append((kind, made))
            contradicted = []
            for kind, made in (("negation", negate(s)), ("number", change_number(s, rng)),
                               ("swap", swap_name(s, doc_names, rng)), ("roles", swap_roles(s)),
                               ("direction", flip_direction(s)), ("quantifier", overclaim(s))):
                if made and made != s:
                    contradicted.append((kind, made))
            # a contradiction read through a paraphrase too: the model must not key on verbatim copies
            if contradicted and rng.random() < 0.5:
                kind, made = rng.choice(contradicted)
                contradicted.append((kind + "+para", paraphrase(made, rng)))
            for kind, claim in rng.sample(supported, min(2, len(supported))):
                out.append((claim, s, "supported", kind))
            # negation is available for nearly every sentence: the rarer kinds go first so they are learnt too
            contradicted.sort(key=lambda kc: _RARITY.get(kc[0].split("+")[0], 2) + rng.random())
            for kind, claim in contradicted[:2]:
                out.append((claim, s, "contradicted", kind))
            others = [o for o in texts[pid] if o != s and len(o.split()) >= 6]
            if others:
                near = max(rng.sample(others, min(30, len(others))), key=lambda o: _overlap(s, o))
                out.append((s, near, "unsupported", "same-paper"))
            out.append((add_detail(paraphrase(s, rng), rng), s, "unsupported", "detail"))
            other = rng.choice(ids)
            if other != pid and rng.random() < 0.4:
                out.append((s, rng.choice(texts[other]), "unsupported", "other-paper"))
    return out


# --- pairs from written claims (eval/train_crossencoder.py --rows) -----------------------------------

def same_sentence(span: str, evidence: str) -> bool:
    """The span the checker found is (part of) the gold evidence: most of the span's words are in it."""
    return bool(evidence) and _overlap(span, evidence) >= 0.7


def written_pairs(claim: str, verdict: str, evidence: str, spans: list[str], names: list[str],
                  rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(claim, evidence sentence, verdict, kind) from one written dev claim.

    The claim against its gold evidence and against each span the checker finds that is that evidence
    (its verdict), or against spans that are not the evidence when the claim is unsupported anyway; a
    supported claim is also turned into contradicted ones (negation, number, name, roles, direction,
    quantifier) and an unsupported one (an added detail), each against the same evidence — realistic
    wordings, where the library-sentence pairs above only ever copy the sentence's own words.
    """
    out, seen = [], set()
    for sentence in [evidence, *spans]:
        if not sentence or sentence in seen:
            continue
        seen.add(sentence)
        if evidence and same_sentence(sentence, evidence):
            out.append((claim, sentence, verdict, "written"))
        elif verdict == "unsupported":
            out.append((claim, sentence, "unsupported", "written"))
    if verdict != "supported" or not out:
        return out
    source = next(s for c, s, v, _ in out if v == "supported")
    made = [(kind, m) for kind, m in (("negation", negate(claim)), ("number", change_number(claim, rng)),
                                      ("swap", swap_name(claim, names, rng)), ("roles", swap_roles(claim)),
                                      ("direction", flip_direction(claim)), ("quantifier", overclaim(claim)))
            if m and m != claim]
    made.sort(key=lambda km: _RARITY.get(km[0], 2) + rng.random())
    out += [(m, source, "contradicted", kind + "+written") for kind, m in made[:2]]
    out.append((add_detail(claim, rng), source, "unsupported", "detail+written"))
    return out
