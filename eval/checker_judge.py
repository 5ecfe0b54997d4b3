"""An instruct LLM as the claim checker's judge: a measured experiment (issue 10), nothing shipped.

    # 1. the checker's rows (the passage it chooses for each written dev claim), as eval/fit_checker.py keeps them
    .venv/bin/python eval/fit_checker.py --home H --dev ... --without-crossencoder --rule-weight 0.2 \
        --dev-weight 50 --l2 1.0 --decision closest --rows /tmp/judge/rows.npz --out /tmp/judge/refit.json
    # 2. the judge's P(yes) for (that passage, the claim); cached line by line, resumes where it stopped
    .venv/bin/python eval/checker_judge.py score --rows /tmp/judge/rows.npz --gguf MODEL.gguf \
        --scores /tmp/judge/scores.jsonl [--rounds v10,v11,...] [--rule-made N]
    # 3. leave-one-ROUND-out figures: the judge alone, the judge as one more feature, the shipped checker
    .venv/bin/python eval/checker_judge.py report --rows /tmp/judge/rows.npz --scores /tmp/judge/scores.jsonl

The passage is exactly the checker's: the closest candidate span of the claim's paper (`dev_spans[i][0]` of the
rows), the one the shipped decision rule 'closest' reads. The judge is asked, in the model's chat template,
whether the claim is fully supported by the passage, and P(yes) is read from the next-token distribution after
the assistant turn opens (yes/Yes against no/No), never by generating. Nothing is downloaded: the GGUF is a path
given on the command line, and llama-cpp-python is the project's own. Held-out rounds are refused by name
(eval/fitlib.py), and a rows file holding one is refused too.

Leave-one-round-out, as eval/checker_round_cv.py does it: for each round, whatever is chosen (the judge's pass
threshold, or the logistic model with the judge's log-odds as one more feature and its threshold) is chosen on
the other rounds only, by eval/fit_checker.py's `choose_threshold` (the lowest threshold from which precision
holds >= 0.95), and the left-out round is scored once. A claim the run time reads as no claim (vacuous) fails
under every method, as at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from checker_round_cv import SHIPPED, round_of  # noqa: E402
from fit_checker import by_kind, choose_threshold, fitted, out_of_fold, run_time_verdicts, summary  # noqa: E402
from fitlib import is_held_out  # noqa: E402

from rag.checking.checker import CANDIDATES, FEATURES, contradiction_shown  # noqa: E402
from rag.checking.model import load_model  # noqa: E402

SYSTEM = "You are a careful fact-checker. Answer with a single word: yes or no."
ASK = "Is the claim fully supported by the passage? Answer yes or no."
PROMPT_VERSION = "v1"  # part of every cache key: a changed prompt scores again
KEYS = ("precision_passed", "supported_passed", "contradicted_rejected")


def prompt(span: str, claim: str) -> str:
    """The chat-template text whose next token is the judge's answer (ChatML, as Qwen2.5's template writes it)."""
    user = f"Passage: {span}\nClaim: {claim}\n{ASK}"
    return (f"<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n"
            "<|im_start|>assistant\n")


def key(span: str, claim: str) -> str:
    return hashlib.sha1(f"{PROMPT_VERSION}\0{span}\0{claim}".encode()).hexdigest()[:16]


def load_rows(path: Path) -> dict:
    saved = dict(np.load(path))
    held = sorted({str(s) for s in saved["sets"] if is_held_out(Path(f"{s}.jsonl"))})
    if held:
        sys.exit(f"{path} holds held-out sets {held}: build the rows from development sets only")
    return saved


def load_scores(path: Path) -> dict[str, dict]:
    out = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if line.strip():
                try:
                    item = json.loads(line)
                except ValueError:  # a line cut short by a kill: scored again
                    continue
                out[item["key"]] = item
    return out


class Judge:
    """P(yes) of a GGUF instruct model for a prompt, reusing the KV cache of the longest shared token prefix."""

    def __init__(self, gguf: Path, threads: int):
        import llama_cpp
        self._lib = llama_cpp
        self.model = llama_cpp.Llama(str(gguf), n_ctx=2048, n_threads=threads, n_threads_batch=threads,
                                     n_batch=512, verbose=False)
        first = [self.model.tokenize(w.encode(), add_bos=False)[0] for w in ("yes", "Yes", "no", "No")]
        self.yes, self.no = first[:2], first[2:]
        self.held: list[int] = []  # tokens whose states are in the KV cache

    def p_yes(self, text: str) -> tuple[float, int]:
        tokens = self.model.tokenize(text.encode(), add_bos=False, special=True)
        if len(tokens) >= 2040:
            tokens = tokens[-2040:]  # never reached by the checker's spans (3 sentences at most)
        shared = 0
        for a, b in zip(self.held, tokens[:-1]):  # at least the last token is evaluated again for its logits
            if a != b:
                break
            shared += 1
        if shared:
            self.model._ctx.kv_cache_seq_rm(-1, shared, -1)
            self.model.n_tokens = shared
        else:
            self.model.reset()
        self.model.eval(tokens[shared:])
        self.held = list(tokens)
        logits = np.ctypeslib.as_array(self._lib.llama_get_logits_ith(self.model._ctx.ctx, -1),
                                       shape=(self.model.n_vocab(),)).astype(np.float64)
        p = np.exp(logits - logits.max())
        y, n = p[self.yes].sum(), p[self.no].sum()
        return float(y / (y + n)), len(tokens)


def score(args) -> None:
    saved = load_rows(args.rows)
    sets = [str(s) for s in saved["sets"]]
    rounds = [round_of(s) for s in sets]
    wanted = args.rounds.split(",") if args.rounds else list(dict.fromkeys(rounds))
    jobs = [("dev", i, str(saved["dev_spans"][i][0]), str(saved["dev_claims"][i]))
            for r in wanted for i in range(len(sets)) if rounds[i] == r]
    if args.rule_made:
        pairs = saved["syn_pairs"]
        jobs += [("rule", i, str(pairs[i][1]), str(pairs[i][0])) for i in range(min(args.rule_made, len(pairs)))]
    done = load_scores(args.scores)
    todo = [j for j in jobs if key(j[2], j[3]) not in done]
    print(f"{len(jobs)} pairs, {len(jobs) - len(todo)} cached, {len(todo)} to score", file=sys.stderr)
    if not todo:
        return
    judge = Judge(args.gguf, args.threads)
    args.scores.parent.mkdir(parents=True, exist_ok=True)
    with args.scores.open("a") as out:
        for n, (origin, i, span, claim) in enumerate(todo, 1):
            k = key(span, claim)
            if k in done:  # the same pair twice (a claim written in two rounds)
                continue
            wall, cpu = time.perf_counter(), time.process_time()
            p, tokens = judge.p_yes(prompt(span, claim))
            item = {"key": k, "origin": origin, "index": i, "set": sets[i] if origin == "dev" else "rule",
                    "p_yes": round(p, 6), "tokens": tokens, "wall_s": round(time.perf_counter() - wall, 3),
                    "cpu_s": round(time.process_time() - cpu, 3)}
            done[k] = item
            out.write(json.dumps(item) + "\n")
            out.flush()
            if n % 50 == 0:
                print(f"{n}/{len(todo)} {item['set']} p={p:.3f} {item['cpu_s']}s cpu", file=sys.stderr)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def with_judge(x: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The rows with the judge's log-odds as one more column (every candidate span gets the closest span's:
    rule 'closest' reads only the closest, so the others never decide)."""
    col = logit(p)
    if x.ndim == 2:
        return np.hstack([x, col[:, None]])
    return np.concatenate([x, np.repeat(col[:, None, None], x.shape[1], axis=1)], axis=2)


def loro(rounds, dev_y, vacuous, verdicts_for) -> tuple[dict, np.ndarray]:
    """Per left-out round figures; verdicts_for(train_mask, test_mask) -> (threshold, verdicts of test)."""
    out, pooled = {}, np.zeros(len(dev_y), int)
    for r in dict.fromkeys(rounds):
        train, test = rounds != r, rounds == r
        t, v = verdicts_for(train, test)
        v = np.where(vacuous[test], 2, v)
        pooled[test] = v
        out[r] = {"threshold": t, "claims": int(test.sum()), **summary(v, dev_y[test])}
    return out, pooled


def figures(per_round: dict, pooled: np.ndarray, dev_y: np.ndarray) -> dict:
    worst = {k: min((v[k] for v in per_round.values() if v[k] is not None), default=None) for k in KEYS}
    mean = {k: round(float(np.mean([v[k] for v in per_round.values() if v[k] is not None])), 3) for k in KEYS}
    return {"mean": mean, "worst": worst, "pooled": summary(pooled, dev_y), "per_round": per_round}


def ranking(scores: np.ndarray, dev_y: np.ndarray) -> float:
    """Supported passed where pooled scores, best first, last keep precision >= 0.95 (an oracle threshold)."""
    order = np.argsort(-scores)
    hits = np.cumsum(dev_y[order] == 0)
    precise = np.where(hits / np.arange(1, len(order) + 1) >= 0.95)[0]
    return round(float(hits[precise[-1]] / (dev_y == 0).sum()), 3) if len(precise) else 0.0


def report(args) -> None:
    saved = load_rows(args.rows)
    done = load_scores(args.scores)
    sets = np.array([str(s) for s in saved["sets"]])
    keys_dev = [key(str(saved["dev_spans"][i][0]), str(saved["dev_claims"][i])) for i in range(len(sets))]
    have = np.array([k in done for k in keys_dev])
    rounds_all = np.array([round_of(s) for s in sets])
    # Only rounds scored in full take part (a round half scored would be a biased sample of it).
    full = [r for r in dict.fromkeys(rounds_all) if have[rounds_all == r].all()]
    keep = np.isin(rounds_all, full)
    p_judge = np.array([done[k]["p_yes"] if h else np.nan for k, h in zip(keys_dev, have)])[keep]
    dev_x, dev_y = saved["dev_x3"][keep], saved["dev_y"][keep]
    rounds, kinds = rounds_all[keep], [str(k) for k in saved["kinds"][keep]]
    vacuous = saved["dev_vacuous"].astype(bool)[keep]
    syn_x, syn_y = saved["syn_x"], saved["syn_y"]
    syn_keys = [key(str(a[1]), str(a[0])) for a in saved["syn_pairs"]]
    syn_have = np.array([k in done for k in syn_keys])
    p_syn = np.array([done[k]["p_yes"] if h else np.nan for k, h in zip(syn_keys, syn_have)])
    shown = contradiction_shown(dev_x.reshape(-1, len(FEATURES)), FEATURES, False).reshape(len(dev_y), CANDIDATES)
    names = [f for f in FEATURES if f not in ("ce_supported", "ce_contradicted") and f in set(saved["computed"])]
    cols = [FEATURES.index(f) for f in names]
    base_syn, base_dev = syn_x[:, cols], dev_x[:, :, cols]
    print(f"rounds scored in full: {full} ({len(dev_y)} claims); rule-made rows scored {int(syn_have.sum())} of "
          f"{len(syn_y)}", file=sys.stderr)
    result = {"rounds": full, "claims": int(len(dev_y)), "methods": {}}

    # (a) the judge alone: pass if P(yes) >= t, t chosen on the training rounds (nothing is fitted, so the
    # training rounds' own scores are out of sample for the threshold's choice).
    def judge_alone(train, test):
        t = choose_threshold(np.where(vacuous[train], 0.0, p_judge[train]), dev_y[train])
        return t, np.where(p_judge[test] >= t, 0, 2)
    per, pooled = loro(rounds, dev_y, vacuous, judge_alone)
    result["methods"]["judge alone"] = {**figures(per, pooled, dev_y),
                                        "ranking": ranking(np.where(vacuous, 0, p_judge), dev_y), "verdicts": pooled}

    # (a') the judge, vetoed where one of the checker's contradiction readers fires on the span (a negation, a
    # number or name the passage gives otherwise, a reversed comparison: what a paraphrase reader misses).
    def judge_vetoed(train, test):
        t = choose_threshold(None, dev_y[train], passed_at=lambda t: (p_judge[train] >= t) & ~shown[train, 0]
                             & ~vacuous[train])
        return t, np.where((p_judge[test] >= t) & ~shown[test, 0], 0, np.where(shown[test, 0], 1, 2))
    per, pooled = loro(rounds, dev_y, vacuous, judge_vetoed)
    result["methods"]["judge, vetoed by a contradiction reader"] = {**figures(per, pooled, dev_y), "verdicts": pooled}

    # (c) the shipped checker as it is (rounds 1-9 in its fit: in sample there).
    model = load_model(SHIPPED)
    mcols = [FEATURES.index(f) for f in model.features]
    probs = model.probabilities(dev_x[:, :, mcols].reshape(-1, len(mcols))).reshape(-1, CANDIDATES, 3)
    v = run_time_verdicts(model, probs, shown, model.pass_threshold, model.decision, vacuous)
    per = {r: {"threshold": model.pass_threshold, "claims": int((rounds == r).sum()),
               **summary(v[rounds == r], dev_y[rounds == r])} for r in dict.fromkeys(rounds)}
    result["methods"]["shipped checker.json as it is"] = {**figures(per, v, dev_y), "verdicts": v}

    # (d) either passes: the shipped checker's verdict, or the judge at a threshold chosen on the training rounds
    # for the union's precision (a paraphrase the judge reads, a close restatement the checker's overlap reads).
    shipped_passed = v == 0

    def either(train, test):
        def passed_at(t):
            return shipped_passed[train] | (np.where(vacuous[train], 0.0, p_judge[train]) >= t)
        t = choose_threshold(None, dev_y[train], passed_at=passed_at)
        return t, np.where(shipped_passed[test] | (p_judge[test] >= t), 0, v[test])
    per, pooled = loro(rounds, dev_y, vacuous, either)
    result["methods"]["shipped checker.json OR judge >= t"] = {**figures(per, pooled, dev_y), "verdicts": pooled}

    # (b)/(c) the checker's logistic recipe, with and without the judge's log-odds as one more feature.
    def recipe(syn, dev, feature_names, rule_weight):
        """Leave-one-round-out of eval/checker_round_cv.py's recipe; with rule weight 0 the rule-made rows are
        left out altogether (they would still move the features' standardisation)."""
        opts = SimpleNamespace(l2=args.l2, dev_weight=args.dev_weight, rule_weight=rule_weight)
        s_x, s_y = (syn, syn_y) if rule_weight else (np.zeros((0, dev.shape[2])), syn_y[:0])
        scores = np.zeros(len(dev_y))

        def run(train, test):
            oof = out_of_fold(s_x, s_y, dev[train], dev_y[train], vacuous[train], list(saved["groups"][keep][train]),
                              feature_names, opts)
            model = fitted(s_x, s_y, dev[train], dev_y[train], vacuous[train], feature_names, opts)
            t = choose_threshold(None, dev_y[train], passed_at=lambda t: run_time_verdicts(
                model, oof, shown[train], t, "closest", vacuous[train]) == 0)
            probs = model.probabilities(dev[test].reshape(-1, len(feature_names))).reshape(-1, CANDIDATES, 3)
            first = probs[:, 0]
            scores[test] = np.where(shown[test, 0], first[:, 0], first[:, 0] / (first[:, 0] + first[:, 2]))
            return t, run_time_verdicts(model, probs, shown[test], t, "closest", vacuous[test])
        per, pooled = loro(rounds, dev_y, vacuous, run)
        return {**figures(per, pooled, dev_y), "ranking": ranking(np.where(vacuous, 0, scores), dev_y),
                "verdicts": pooled}

    judged = names + ["judge_logit"]
    dev_j = with_judge(base_dev, p_judge)
    variants = [("shipped recipe (rule-made rows 0.2), leave-one-round-out", base_syn, base_dev, names,
                 args.rule_weight),
                ("shipped recipe, no rule-made rows", base_syn, base_dev, names, 0.0),
                ("recipe + judge feature, no rule-made rows", base_syn, dev_j, judged, 0.0)]
    if syn_have.all():
        variants.append(("recipe + judge feature (rule-made rows 0.2, judged too)", with_judge(base_syn, p_syn),
                         dev_j, judged, args.rule_weight))
    for label, syn, dev, feats, rw in variants if not args.quick else []:
        print(f"  {label} ...", file=sys.stderr)
        result["methods"][label] = recipe(syn, dev, feats, rw)

    for label, m in result["methods"].items():
        m["by_kind"] = by_kind(m.pop("verdicts"), dev_y, kinds)
    cpu = [done[k]["cpu_s"] for k, h in zip(keys_dev, have) if h]
    wall = [done[k]["wall_s"] for k, h in zip(keys_dev, have) if h]
    tokens = [done[k]["tokens"] for k, h in zip(keys_dev, have) if h]
    result["time_per_claim"] = {"cpu_s_median": round(float(np.median(cpu)), 3),
                                "cpu_s_mean": round(float(np.mean(cpu)), 3),
                                "wall_s_median": round(float(np.median(wall)), 3),
                                "tokens_median": int(np.median(tokens)), "scored": len(cpu)}
    # The judge's P(yes) by the claim's truth, to read what it separates.
    result["p_yes_by_verdict"] = {v: round(float(np.median(p_judge[dev_y == i])), 3)
                                  for i, v in enumerate(("supported", "contradicted", "unsupported"))}
    for label, m in result["methods"].items():
        print(f"{label}: mean {m['mean']} worst {m['worst']} pooled {m['pooled']}"
              + (f" ranking {m['ranking']}" if "ranking" in m else ""))
    print(json.dumps({k: result[k] for k in ("time_per_claim", "p_yes_by_verdict")}))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score", help="the judge's P(yes) for each dev claim and its passage, cached")
    s.add_argument("--rows", type=Path, required=True, help="eval/fit_checker.py --rows output")
    s.add_argument("--gguf", type=Path, required=True, help="the judge model (a local file; nothing is downloaded)")
    s.add_argument("--scores", type=Path, default=Path("/tmp/judge/scores.jsonl"))
    s.add_argument("--rounds", default="", help="comma-separated rounds to score, in order (v1 = claims_dev + claims)")
    s.add_argument("--rule-made", type=int, default=0, help="also score the first N rule-made rows (for --rule-weight)")
    s.add_argument("--threads", type=int, default=2)
    r = sub.add_parser("report", help="leave-one-round-out figures from the cached scores")
    r.add_argument("--rows", type=Path, required=True)
    r.add_argument("--scores", type=Path, default=Path("/tmp/judge/scores.jsonl"))
    r.add_argument("--l2", type=float, default=1.0)
    r.add_argument("--dev-weight", type=float, default=50.0)
    r.add_argument("--rule-weight", type=float, default=0.2)
    r.add_argument("--json", type=Path, default=None)
    r.add_argument("--quick", action="store_true", help="skip the logistic refits (minutes)")
    args = parser.parse_args()
    if args.command == "score":
        if not args.gguf.is_file():
            sys.exit(f"{args.gguf}: no such GGUF file")
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        score(args)
    else:
        report(args)


if __name__ == "__main__":
    main()
